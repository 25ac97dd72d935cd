"""Output formats, byte-for-byte determinism, exit codes and --fail-level."""

from __future__ import annotations

import json
import random

import jsonschema
import pytest
from typer.testing import CliRunner

from newslint import __version__
from newslint.cli import app
from tests.conftest import FIXTURES

PACK = (FIXTURES / "engine" / "pack").as_posix()

# The JSON report, version 1 (documented in the README from this schema).
JSON_SCHEMA = {
    "type": "object",
    "required": ["version", "newslint", "files", "summary"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "newslint": {"type": "string"},
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["path", "problems"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string"},
                    "problems": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": [
                                "rule",
                                "level",
                                "category",
                                "message",
                                "line",
                                "column",
                                "end_line",
                                "end_column",
                                "start",
                                "end",
                                "match",
                                "fix",
                            ],
                            "properties": {
                                "rule": {"type": "string"},
                                "level": {"enum": ["suggestion", "warning", "error"]},
                                "category": {"type": "string"},
                                "message": {"type": "string"},
                                "line": {"type": "integer", "minimum": 1},
                                "column": {"type": "integer", "minimum": 1},
                                "end_line": {"type": "integer", "minimum": 1},
                                "end_column": {"type": "integer", "minimum": 1},
                                "start": {"type": "integer", "minimum": 0},
                                "end": {"type": "integer", "minimum": 0},
                                "match": {"type": "string"},
                                "fix": {"type": ["string", "null"]},
                            },
                        },
                    },
                },
            },
        },
        "summary": {
            "type": "object",
            "additionalProperties": False,
            "required": ["files", "problems", "error", "warning", "suggestion"],
            "properties": {
                name: {"type": "integer", "minimum": 0}
                for name in ("files", "problems", "error", "warning", "suggestion")
            },
        },
    },
}

ARTICLES = {
    "b.txt": "BREAKING: he reportedly left, maybe.\n",
    "a/one.md": "# Title\n\nShe reportedly won.\n",
    "a/clean.txt": "Nothing to see.\n",
    "z.markdown": "Maybe not; maybe so.\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text(f"packs: [{PACK}]\n", encoding="utf-8")
    for name, text in ARTICLES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, ["check", *args])


def test_text_format_groups_by_file_without_colour(project):
    result = run(".")
    assert result.exit_code == 1
    assert result.stdout == (
        "a/one.md\n"
        "  3:5  warning    Avoid 'reportedly'.  pack.hedge\n"
        "\n"
        "b.txt\n"
        "  1:1   error      Shouting: 'BREAKING'.  pack.shout\n"
        "  1:14  warning    Avoid 'reportedly'.  pack.hedge\n"
        "  1:31  suggestion Vague: 'maybe'.  pack.maybe\n"
        "\n"
        "z.markdown\n"
        "  1:12  suggestion Vague: 'maybe'.  pack.maybe\n"
        "\n"
        "Found 5 problems (1 error, 2 warnings, 2 suggestions) in 4 files.\n"
    )
    assert "\x1b[" not in result.stdout


def test_text_format_colour_on_request(project):
    result = run("b.txt", "--color")
    assert result.stdout.splitlines()[:2] == [
        "\x1b[1;4mb.txt\x1b[0m",
        "  1:1   \x1b[31merror     \x1b[0m Shouting: 'BREAKING'.  \x1b[2mpack.shout\x1b[0m",
    ]
    assert "\x1b[" not in run("b.txt", "--no-color").stdout


def test_text_format_without_problems(project):
    result = run("a/clean.txt")
    assert (result.exit_code, result.stdout) == (0, "No problems in 1 file.\n")


def test_concise_format(project):
    result = run(".", "--format", "concise")
    assert result.stdout == (
        "a/one.md:3:5: warning pack.hedge Avoid 'reportedly'.\n"
        "b.txt:1:1: error pack.shout Shouting: 'BREAKING'.\n"
        "b.txt:1:14: warning pack.hedge Avoid 'reportedly'.\n"
        "b.txt:1:31: suggestion pack.maybe Vague: 'maybe'.\n"
        "z.markdown:1:12: suggestion pack.maybe Vague: 'maybe'.\n"
    )


def test_json_format_is_versioned_and_valid(project):
    result = run(".", "-f", "json")
    report = json.loads(result.stdout)
    jsonschema.validate(report, JSON_SCHEMA)
    assert (report["version"], report["newslint"]) == (1, __version__)
    assert [f["path"] for f in report["files"]] == ["a/clean.txt", "a/one.md", "b.txt", "z.markdown"]
    assert report["files"][1]["problems"] == [
        {
            "rule": "pack.hedge",
            "level": "warning",
            "category": "style",
            "message": "Avoid 'reportedly'.",
            "line": 3,
            "column": 5,
            "end_line": 3,
            "end_column": 14,
            "start": 13,
            "end": 23,
            "match": "reportedly",
            "fix": None,
        }
    ]
    assert report["summary"] == {"files": 4, "problems": 5, "error": 1, "warning": 2, "suggestion": 2}


def test_json_keeps_non_ascii_and_is_valid_with_no_files(project):
    (project / "c.txt").write_text("Zoë reportedly “left”.\n", encoding="utf-8")
    report = json.loads(run("c.txt", "-f", "json").stdout)
    assert report["files"][0]["problems"][0]["column"] == 5
    (project / "empty").mkdir()
    empty = json.loads(run("empty", "-f", "json").stdout)
    jsonschema.validate(empty, JSON_SCHEMA)
    assert (empty["files"], empty["summary"]["files"]) == ([], 0)


@pytest.mark.parametrize("fmt", ["text", "concise", "json"])
def test_output_is_deterministic_and_independent_of_argument_order(project, fmt):
    names = sorted(ARTICLES)
    first = run(*names, "-f", fmt).stdout_bytes
    assert run(*names, "-f", fmt).stdout_bytes == first
    shuffled = names[:]
    for seed in range(3):
        random.Random(seed).shuffle(shuffled)
        assert run(*shuffled, "-f", fmt).stdout_bytes == first
    assert run(".", "-f", fmt).stdout_bytes == first
    assert run("a", "b.txt", "z.markdown", "a/one.md", "-f", fmt).stdout_bytes == first


def test_problems_sorted_by_position_then_rule(project):
    (project / "c.txt").write_text("maybe BREAKING reportedly\nBREAKING maybe\n", encoding="utf-8")
    lines = run("c.txt", "-f", "concise").stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == [
        "c.txt:1:1",
        "c.txt:1:7",
        "c.txt:1:16",
        "c.txt:2:1",
        "c.txt:2:10",
    ]


@pytest.mark.parametrize(
    ("path", "fail_level", "code"),
    [
        ("a/clean.txt", None, 0),
        ("z.markdown", None, 0),  # suggestions only
        ("a/one.md", None, 0),  # a warning is below the default fail level
        ("b.txt", None, 1),  # an error
        ("a/one.md", "warning", 1),
        ("z.markdown", "warning", 0),
        ("z.markdown", "suggestion", 1),
        ("b.txt", "error", 1),
        ("a/clean.txt", "suggestion", 0),
    ],
)
def test_exit_codes_and_fail_level(project, path, fail_level, code):
    args = [path] + (["--fail-level", fail_level] if fail_level else [])
    assert run(*args).exit_code == code


def test_fail_level_option_beats_the_config(project):
    (project / ".newslint.yaml").write_text(f"packs: [{PACK}]\nfail-level: suggestion\n", encoding="utf-8")
    assert run("z.markdown").exit_code == 1
    assert run("z.markdown", "--fail-level", "error").exit_code == 0


@pytest.mark.parametrize("args", [["--format", "xml"], ["--fail-level", "loud"], []])
def test_usage_errors_exit_2(project, args):
    result = CliRunner().invoke(app, ["check", *args] if args else ["check"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
