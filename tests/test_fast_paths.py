"""The shortcuts taken for speed give what the straightforward code gives.

Display paths without os.path.relpath, JSON without a dict per problem, the
built-in pack's parsed YAML kept between runs, Problems pickled as their
values, a pyproject.toml screened before it is parsed, and what a run
answered from the cache does not import.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import ruleset
from newslint.api import Linter
from newslint.config import _has_tool_section
from newslint.formatters.json_format import FIELDS, render
from newslint.problem import FileResult, Problem
from newslint.yamlfile import load
from tests.conftest import ROOT, SEEDS

# -- display paths -----------------------------------------------------------


def relpath_display(cwd: Path, path: Path) -> str:
    """The definition: relative to the working folder, unless that climbs out of it."""
    absolute = os.path.abspath(os.path.join(cwd, path))
    relative = os.path.relpath(absolute, os.path.abspath(cwd))
    return Path(absolute if relative.startswith("..") else relative).as_posix()


@pytest.mark.parametrize(
    "raw",
    [
        "a.txt",
        "news/a.txt",
        "./news//a.txt",
        ".",
        "..",
        "../a.txt",
        "news/../a.txt",
        "news/../../a.txt",
        "..news/a.txt",
        "news/..a.txt",
        "{cwd}",
        "{cwd}/a.txt",
        "{cwd}/news/../a.txt",
        "{cwd}/..news/a.txt",
        "{cwd}x/a.txt",
        "{parent}/a.txt",
        "/",
        "/tmp/a.txt",
    ],
)
def test_display_is_relpath_without_its_cost(tmp_path, raw):
    cwd = tmp_path / "project"
    path = Path(raw.format(cwd=cwd, parent=tmp_path))
    assert Linter(cwd=cwd).display(path) == relpath_display(cwd, path)


def test_display_from_the_filesystem_root():
    for raw in ("/", "/a.txt", "/x/y.txt", "x/../y.txt"):
        assert Linter(cwd=Path("/")).display(Path(raw)) == relpath_display(Path("/"), Path(raw))


# -- JSON --------------------------------------------------------------------

TRICKY = ["plain", 'quote " and \\ backslash', "tab\tnew\nline\r\x00\x1f", "é 中文 😀", "\ud800 lone surrogate", ""]


def test_json_problems_are_what_json_dumps_writes():
    problems = tuple(
        Problem(rule, "warning", text, "a.txt", 3, 70000, 1, 4, 2, 9, match=text, category=text, fix=fix)
        for rule in ("rule", "house.rule-x")
        for text in TRICKY
        for fix in (None, text)
    )
    results = [FileResult("a.txt", problems), FileResult('dir/"é".txt', ()), FileResult("b.md", problems[:1])]
    expected = [
        json.dumps(
            {"path": r.path, "problems": [{k: getattr(p, k) for k in FIELDS} for p in r.problems]}, ensure_ascii=False
        )
        for r in results
    ]
    chunks = list(render(iter(results), {}, False))
    assert [chunk.lstrip(",\n ") for chunk in chunks[1:-1]] == expected


def test_json_report_of_the_seeds_loads_back_field_for_field():
    results = list(Linter(cwd=ROOT).lint_paths(sorted(SEEDS.glob("*.txt"))))
    report = json.loads("".join(render(iter(results), {}, False)))
    for result, entry in zip(results, report["files"], strict=True):
        assert entry["problems"] == [{k: getattr(p, k) for k in FIELDS} for p in result.problems]


# -- pickling (results of --jobs workers) -------------------------------------


def test_results_pickle_as_equal_values():
    result = next(Linter(cwd=ROOT).lint_paths([SEEDS / "004_cbe17ebb26198a41.txt"]))
    assert result.problems
    back = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == result and type(back.problems[0]) is Problem
    assert [hash(p) for p in back.problems] == [hash(p) for p in result.problems]


# -- the built-in pack's parsed YAML, kept between runs ------------------------


@pytest.fixture
def pack_file(tmp_path, monkeypatch):
    target = tmp_path / "cache" / "pack.marshal"
    monkeypatch.setattr(ruleset, "_pack_file", lambda: str(target))
    return target


def rule_table(rules: dict) -> dict:
    return {rule_id: (loaded.rule, loaded.data.data, loaded.data.lines) for rule_id, loaded in rules.items()}


def parsed_directly() -> dict:
    pack = ruleset.load_packs(["default"])
    return {rule_id: load(text, source) for rule_id, text, source in pack.sources}


def test_the_kept_pack_gives_the_rules_yaml_gives(pack_file):
    first = ruleset.load_packs(["default"]).rules  # parses, then keeps
    assert pack_file.is_file()
    again = ruleset.load_packs(["default"]).rules  # from the kept file
    assert rule_table(again) == rule_table(first)
    for rule_id, data in parsed_directly().items():
        assert (again[rule_id].data.data, again[rule_id].data.lines) == (data.data, data.lines)
        assert again[rule_id].data.path == data.path


def test_a_kept_file_names_lines_in_errors_as_yaml_does(pack_file):
    ruleset.load_packs(["default"]).rules  # noqa: B018 - fills the kept file
    kept = ruleset.load_packs(["default"]).rules["sentence-length"].data
    parsed = parsed_directly()["sentence-length"]
    assert not isinstance(kept, type(parsed))
    assert kept.line("message") == parsed.line("message")
    assert str(kept.error("bad", "level")) == str(parsed.error("bad", "level"))


@pytest.mark.parametrize("content", [b"", b"not marshal", None])
def test_a_stale_or_broken_kept_file_is_parsed_anew(pack_file, content):
    expected = rule_table(ruleset.load_packs(["default"]).rules)
    if content is None:  # a file kept for other rule texts
        pack = ruleset.load_packs(["default"])
        pack.sources[0] = (pack.sources[0][0], pack.sources[0][1] + "\n# edited\n", pack.sources[0][2])
        pack.rules  # noqa: B018 - keeps the edited texts' parse
    else:
        pack_file.write_bytes(content)
    assert rule_table(ruleset.load_packs(["default"]).rules) == expected
    assert ruleset._ParsedPack(ruleset.load_packs(["default"]).sources).load() is not None, "rewritten"


def test_an_unwritable_pack_folder_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(ruleset, "_pack_file", lambda: str(blocker / "pack.marshal"))
    assert "hedge-words" in ruleset.load_packs(["default"]).rules


# -- config search -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('[project]\nname = "other"\n[tool.ruff]\nline-length = 100\n', False),
        ('[project]\nname = "newslint-fan"\n', False),
        ("[tool.newslint]\nfail-level = 'warning'\n", True),
        ('[tool]\nnewslint = {fail-level = "warning"}\n', True),
        ('[tool."newslint".rules]\nhedge-words = "off"\n', True),
        ("[tool.newslint\nbroken", False),
    ],
)
def test_pyproject_screen_agrees_with_parsing(tmp_path, text, found):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(text, encoding="utf-8")
    assert _has_tool_section(pyproject) is found


# -- what a run answered from the cache needs -----------------------------------

CACHED_RUN = """
import sys
from newslint.cli import main
sys.argv = ["newslint", "check", "articles", "-f", "json", "--cache-dir", "cache"]
try:
    main()
except SystemExit:
    pass
heavy = [name for name in ("newslint.engine", "newslint.document", "newslint.checks.patterns", "yaml", "tomllib")
         if name in sys.modules]
print("HEAVY", heavy, file=sys.stderr)
"""


def test_a_cached_rerun_imports_no_engine_and_no_parser(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in SEEDS.glob("*.txt"):
        (articles / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run():
        return subprocess.run([sys.executable, "-c", CACHED_RUN], cwd=tmp_path, capture_output=True, env=env, text=True)

    first, second = run(), run()
    assert "HEAVY ['newslint.engine'" in first.stderr  # the first run lints
    assert "HEAVY []" in second.stderr, second.stderr
    assert second.stdout == first.stdout and '"problems": [{' in second.stdout


ODD_NAMES = ["a.md", "..md", "...md", ".md", "notes.", "a.b.TXT", "noext", ".hidden.txt", "a..txt"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_article_suffix_is_pathlibs(name):
    from pathlib import PurePath

    from newslint.api import _suffix

    assert _suffix(name) == PurePath(name).suffix.lower()


def test_text_too_long_for_an_article_is_one_error_not_a_traceback(monkeypatch):
    from newslint import api

    monkeypatch.setattr(api, "MAX_BYTES", 100)
    result = api.Linter().lint_text("A sentence of news. " * 10, "long.txt")
    assert [p.rule for p in result.problems] == ["read-error"]
    assert "too large for an article" in result.problems[0].message
