"""The `newslint` command: check, the default command, rules, explain, stdin, walking."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newslint import __version__
from newslint.cli import app
from tests.conftest import FIXTURES

PACK = (FIXTURES / "engine" / "pack").as_posix()
ARTICLE = "BREAKING: he reportedly left.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text(
        f"packs: [{PACK}]\noverrides:\n  - files: ['wire/**']\n    rules:\n      pack.shout: off\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def invoke(*args, stdin=None):
    return CliRunner().invoke(app, list(args), input=stdin)


def newslint(*args, cwd, stdin=None, command=(sys.executable, "-m", "newslint")):
    return subprocess.run([*command, *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=60)


# -- end to end, in a real process -------------------------------------------------


def test_python_dash_m_with_a_path_runs_check(project):
    result = newslint("a.txt", "-f", "concise", cwd=project)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "a.txt:1:1: error pack.shout Shouting: 'BREAKING'.\na.txt:1:14: warning pack.hedge Avoid 'reportedly'.\n"
    )
    assert newslint("check", "a.txt", "-f", "concise", cwd=project).stdout == result.stdout


def test_console_script(project):
    script = Path(sys.executable).with_name("newslint")
    if not script.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    result = newslint("a.txt", "--format", "concise", cwd=project, command=(str(script),))
    assert result.returncode == 1
    assert result.stdout.startswith("a.txt:1:1: error pack.shout")
    assert newslint("--version", cwd=project, command=(str(script),)).stdout == f"newslint {__version__}\n"


def test_stdin_in_a_real_process(project):
    result = newslint("-", "--stdin-filename", "wire/story.md", "-f", "concise", cwd=project, stdin=ARTICLE)
    assert (result.returncode, result.stdout) == (0, "wire/story.md:1:14: warning pack.hedge Avoid 'reportedly'.\n")


def test_no_arguments_shows_help(project):
    result = newslint(cwd=project)
    assert result.returncode == 2
    assert "check" in result.stdout + result.stderr and "Traceback" not in result.stderr


# -- commands through CliRunner (it calls `app`, so `check` is explicit) ------------


def test_check_several_paths(project):
    (project / "b.md").write_text("# T\n\nIt reportedly rained.\n", encoding="utf-8")
    result = invoke("check", "b.md", "a.txt", "-f", "concise")
    assert result.stdout.splitlines() == [
        "a.txt:1:1: error pack.shout Shouting: 'BREAKING'.",
        "a.txt:1:14: warning pack.hedge Avoid 'reportedly'.",
        "b.md:3:4: warning pack.hedge Avoid 'reportedly'.",
    ]


def test_directories_are_walked_for_articles_only(project):
    files = {
        "desk/one.md": ARTICLE,
        "desk/two.markdown": ARTICLE,
        "desk/three.TXT": ARTICLE,
        "desk/notes.rst": ARTICLE,
        "desk/data.json": "{}",
        "desk/.hidden/four.md": ARTICLE,
        "desk/deep/er/five.txt": ARTICLE,
    }
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    result = invoke("check", "desk", "-f", "json")
    import json

    paths = [entry["path"] for entry in json.loads(result.stdout)["files"]]
    assert paths == ["desk/deep/er/five.txt", "desk/one.md", "desk/three.TXT", "desk/two.markdown"]


def test_ignore_globs_apply_to_walked_folders_not_to_named_missing_files(project):
    (project / ".newslint.yaml").write_text(f"packs: [{PACK}]\nignore: ['drafts/**']\n", encoding="utf-8")
    (project / "drafts").mkdir()
    (project / "drafts" / "x.md").write_text(ARTICLE, encoding="utf-8")
    result = invoke("check", ".", "drafts/x.md", "-f", "concise")
    assert {line.split(":")[0] for line in result.stdout.splitlines()} == {"a.txt"}


def test_stdin_uses_the_name_for_config_and_format(project):
    text = "# Head\n\nIt reportedly rained. BREAKING\n"
    wire = invoke("check", "-", "--stdin-filename", "wire/x.md", "-f", "concise", stdin=text)
    assert wire.stdout == "wire/x.md:3:4: warning pack.hedge Avoid 'reportedly'.\n"
    desk = invoke("check", "-", "--stdin-filename", "desk/x.md", "-f", "concise", stdin=text)
    assert desk.stdout.splitlines() == [
        "desk/x.md:3:4: warning pack.hedge Avoid 'reportedly'.",
        "desk/x.md:3:23: error pack.shout Shouting: 'BREAKING'.",
    ]
    assert desk.exit_code == 1


def test_stdin_without_a_name_uses_the_config_of_the_working_folder(project):
    result = invoke("check", "-", "-f", "concise", stdin=ARTICLE)
    assert result.stdout.splitlines() == [
        "-:1:1: error pack.shout Shouting: 'BREAKING'.",
        "-:1:14: warning pack.hedge Avoid 'reportedly'.",
    ]


def test_stdin_without_a_name_is_reported_as_dash(project):
    result = invoke("check", "-", "-f", "concise", "-c", ".newslint.yaml", stdin=ARTICLE)
    assert result.stdout.splitlines() == [
        "-:1:1: error pack.shout Shouting: 'BREAKING'.",
        "-:1:14: warning pack.hedge Avoid 'reportedly'.",
    ]


def test_stdin_cannot_be_mixed_with_paths(project):
    result = invoke("check", "-", "a.txt", stdin=ARTICLE)
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: error: '-' (standard input) cannot be mixed with other paths")


def test_rules_lists_id_type_level_category_description(project):
    result = invoke("rules")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        'pack.hedge  existence  warning     style  Flags the word "reportedly" (a test rule of the engine tests).',
        'pack.maybe  existence  suggestion  style  Flags the word "maybe" (a test rule of the engine tests).',
        'pack.shout  existence  error       style  Flags the word "BREAKING" (a test rule of the engine tests).',
    ]


def test_explain(project):
    result = invoke("explain", "pack.shout")
    assert result.exit_code == 0
    assert result.stdout == (
        "pack.shout (existence, error, category style)\n"
        "\n"
        'Flags the word "BREAKING" (a test rule of the engine tests).\n'
        "\n"
        "Bad:\n"
        "  BREAKING news.\n"
        "\n"
        "Good:\n"
        "  News.\n"
        "\n"
        "More: https://example.org/shout\n"
    )


def test_explain_internal_rules(project):
    result = invoke("explain", "read-error")
    assert result.exit_code == 0
    assert result.stdout.startswith("read-error (internal, error, category io)\n")


def test_explain_unknown_id_exits_2(project):
    result = invoke("explain", "pack.nope")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "newslint: error: unknown rule id 'pack.nope'; `newslint rules` lists them\n"


def test_version(project):
    assert invoke("--version").stdout == f"newslint {__version__}\n"


@pytest.mark.parametrize(
    "argv",
    [["a.txt"], ["-", "--stdin-filename", "a.txt"], ["check", "a.txt"]],
)
def test_main_inserts_check_before_a_path(project, monkeypatch, capsys, argv):
    from newslint import cli

    monkeypatch.setattr(sys, "argv", ["newslint", *argv])
    monkeypatch.setattr(sys, "stdin", open(project / "a.txt", encoding="utf-8"))  # noqa: SIM115
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    assert sys.argv[1:3] == ["check", argv[-1] if argv[0] == "check" else argv[0]]
    assert "a.txt\n  1:1   error      Shouting: 'BREAKING'.  pack.shout\n" in capsys.readouterr().out


def test_min_level_hides_lower_levels_and_they_no_longer_fail(project):
    everything = invoke("check", "a.txt", "-f", "concise")
    assert everything.stdout.splitlines() == [
        "a.txt:1:1: error pack.shout Shouting: 'BREAKING'.",
        "a.txt:1:14: warning pack.hedge Avoid 'reportedly'.",
    ]
    errors_only = invoke("check", "a.txt", "-f", "concise", "--min-level", "error")
    assert errors_only.stdout.splitlines() == ["a.txt:1:1: error pack.shout Shouting: 'BREAKING'."]
    (project / "b.txt").write_text("He reportedly left.\n", encoding="utf-8")
    assert invoke("check", "b.txt", "--fail-level", "warning").exit_code == 1
    assert invoke("check", "b.txt", "--fail-level", "warning", "--min-level", "error").exit_code == 0
