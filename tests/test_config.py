"""Config discovery, packs, rule settings, globs, and strict loading errors."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newslint.api import Linter
from newslint.cli import app
from newslint.config import find_config, glob_to_regex, load_config
from newslint.errors import NewslintError
from tests.conftest import FIXTURES

PACK = (FIXTURES / "engine" / "pack").as_posix()
ARTICLE = "BREAKING: he reportedly left, maybe.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(linter, path):
    return [(p.rule, p.level, p.line, p.column) for p in linter.lint_file(path).problems]


def config_error(tmp_path, config_text, name=".newslint.yaml"):
    """The one-line error for a config, through the library and the CLI."""
    write(tmp_path / name, config_text)
    article = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(NewslintError) as caught:
        Linter(cwd=tmp_path).lint_file(article)
    return caught.value


# -- discovery ---------------------------------------------------------------


def test_nearest_config_above_each_file_applies(tmp_path):
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\n")
    write(tmp_path / "desk" / ".newslint.yaml", f"packs: [{PACK}]\nrules:\n  pack.shout: off\n")
    top = write(tmp_path / "top.txt", ARTICLE)
    deep = write(tmp_path / "desk" / "deeper" / "a.txt", ARTICLE)
    linter = Linter(cwd=tmp_path)
    assert found(linter, top) == [
        ("pack.shout", "error", 1, 1),
        ("pack.hedge", "warning", 1, 14),
        ("pack.maybe", "suggestion", 1, 31),
    ]
    assert found(linter, deep) == [("pack.hedge", "warning", 1, 14), ("pack.maybe", "suggestion", 1, 31)]
    assert find_config(deep.parent) == tmp_path / "desk" / ".newslint.yaml"


def test_pyproject_tool_section_is_a_config(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        f'[project]\nname = "x"\n\n[tool.newslint]\npacks = ["{PACK}"]\nfail-level = "warning"\n',
    )
    article = write(tmp_path / "a.txt", ARTICLE)
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").fail_level == "warning"
    assert [rule for rule, *_ in found(Linter(cwd=tmp_path), article)] == ["pack.shout", "pack.hedge", "pack.maybe"]


def test_pyproject_without_the_section_is_skipped(tmp_path):
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub") == tmp_path / ".newslint.yaml"


def test_forced_config_wins_over_discovery(tmp_path):
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\n")
    forced = write(tmp_path / "elsewhere" / "forced.yaml", f"packs: [{PACK}]\nrules:\n  pack.hedge: off\n")
    article = write(tmp_path / "a.txt", ARTICLE)
    assert [rule for rule, *_ in found(Linter(forced, cwd=tmp_path), article)] == ["pack.shout", "pack.maybe"]


def test_no_config_means_the_default_pack(tmp_path):
    config = load_config(find_config(tmp_path) if find_config(tmp_path) else None)
    assert (config.packs, config.fail_level, config.rules) == (("default",), "error", {})


# -- packs and rule settings ---------------------------------------------------


def test_default_pack_and_a_user_folder_together(tmp_path):
    write(tmp_path / ".newslint.yaml", f"packs: [default, {PACK}]\n")
    linter = Linter(cwd=tmp_path)
    ids = set(linter.ruleset(linter.config_for(tmp_path / "a.txt")).rules)
    assert {"hedge-words", "pack.hedge", "pack.maybe", "pack.shout"} <= ids
    assert all("." not in rule_id for rule_id in ids - {"pack.hedge", "pack.maybe", "pack.shout"})


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        ("pack.hedge: off", ["pack.shout:error", "pack.maybe:suggestion"]),
        ("pack.hedge: false", ["pack.shout:error", "pack.maybe:suggestion"]),
        ("pack.hedge: error", ["pack.shout:error", "pack.hedge:error", "pack.maybe:suggestion"]),
        ("pack.hedge: {level: off}", ["pack.shout:error", "pack.maybe:suggestion"]),
        ("pack.maybe: {level: warning}", ["pack.shout:error", "pack.hedge:warning", "pack.maybe:warning"]),
        (
            "pack.hedge: {tokens: [left]}",
            ["pack.shout:error", "pack.hedge:warning", "pack.maybe:suggestion"],
        ),
    ],
)
def test_per_rule_settings(tmp_path, rules, expected):
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\nrules:\n  {rules}\n")
    article = write(tmp_path / "a.txt", ARTICLE)
    assert [f"{rule}:{level}" for rule, level, *_ in found(Linter(cwd=tmp_path), article)] == expected


def test_rule_options_from_the_config_replace_the_rule_file(tmp_path):
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\nrules:\n  pack.hedge:\n    tokens: [left]\n")
    article = write(tmp_path / "a.txt", ARTICLE)
    problems = Linter(cwd=tmp_path).lint_file(article).problems
    assert [(p.rule, p.column, p.match) for p in problems if p.rule == "pack.hedge"] == [("pack.hedge", 25, "left")]


def test_ignore_globs_and_overrides(tmp_path):
    write(
        tmp_path / ".newslint.yaml",
        f"packs: [{PACK}]\n"
        "ignore: [drafts/**, '*.markdown']\n"
        "overrides:\n"
        "  - files: ['wire/*.txt']\n"
        "    rules:\n"
        "      pack.shout: off\n"
        "      pack.maybe: error\n",
    )
    for name in ("a.txt", "drafts/b.txt", "c.markdown", "wire/d.txt", "wire/deeper/e.txt"):
        write(tmp_path / name, ARTICLE)
    linter = Linter(cwd=tmp_path)
    results = {r.path: [f"{p.rule}:{p.level}" for p in r.problems] for r in linter.lint_paths([tmp_path])}
    assert results == {
        "a.txt": ["pack.shout:error", "pack.hedge:warning", "pack.maybe:suggestion"],
        "wire/d.txt": ["pack.hedge:warning", "pack.maybe:error"],
        "wire/deeper/e.txt": ["pack.shout:error", "pack.hedge:warning", "pack.maybe:suggestion"],
    }


@pytest.mark.parametrize(
    ("glob", "matches", "misses"),
    [
        ("*.txt", ["a.txt", "sub/a.txt"], ["a.md", "a.txt.bak"]),
        ("drafts/**", ["drafts/a.md", "drafts/x/y.md"], ["sub/drafts/a.md", "drafts"]),
        ("**/old/*.md", ["old/a.md", "x/old/a.md"], ["x/old/y/a.md"]),
        ("archive", ["archive/a.md", "x/archive/b/c.md"], ["archived/a.md"]),
        ("a?.md", ["ab.md"], ["abc.md", "a/.md"]),
    ],
)
def test_glob_semantics(glob, matches, misses):
    pattern = glob_to_regex(glob)
    assert [p for p in matches if pattern.fullmatch(p)] == matches
    assert [p for p in misses if pattern.fullmatch(p)] == []


@pytest.mark.parametrize(("config_level", "code"), [("error", 0), ("warning", 1), ("suggestion", 1)])
def test_fail_level_from_the_config(tmp_path, monkeypatch, config_level, code):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", f"packs: [{PACK}]\nfail-level: {config_level}\n")
    write(tmp_path / "a.txt", "He reportedly left.\n")
    assert CliRunner().invoke(app, ["check", "a.txt"]).exit_code == code


# -- config errors: file, line, key; exit 2 ------------------------------------------


@pytest.mark.parametrize(
    ("config_text", "message"),
    [
        (
            f"packs: [{PACK}]\nbogus: 1\n",
            ".newslint.yaml:2: key 'bogus': unknown config key "
            "(known: packs, rules, ignore, overrides, fail-level, people)",
        ),
        ("packs: one\n", ".newslint.yaml:1: key 'packs': expected a list of pack names or folders"),
        ("packs: [nowhere]\n", ".newslint.yaml:1: key 'packs.0': rule pack folder not found: nowhere"),
        (
            f"packs: [{PACK}]\nfail-level: loud\n",
            ".newslint.yaml:2: key 'fail-level': 'loud' is not one of suggestion, warning, error",
        ),
        (
            f"packs: [{PACK}]\nrules:\n  pack.hedge:\n    level: loud\n",
            ".newslint.yaml:4: key 'rules.pack.hedge.level': 'loud' is not one of off, suggestion, warning, error",
        ),
        (
            f"packs: [{PACK}]\nrules:\n  pack.hedge: 7\n",
            ".newslint.yaml:3: key 'rules.pack.hedge': expected off, a level (suggestion, warning, error) "
            "or a mapping of options",
        ),
        (
            f"packs: [{PACK}]\nignore: '*.md'\n",
            ".newslint.yaml:2: key 'ignore': expected a list of glob patterns",
        ),
        (
            f"packs: [{PACK}]\noverrides:\n  - files: '*.txt'\n",
            ".newslint.yaml:3: key 'overrides.0': each override needs 'files' (a list of globs) and 'rules'",
        ),
        ("packs: []\n\tbad: 1\n", ".newslint.yaml:2: invalid YAML: found character that cannot start any token"),
        ("packs: []\npacks: []\n", ".newslint.yaml:2: key 'packs': duplicate key"),
        ("- a list\n", ".newslint.yaml:1: a config must be a mapping of keys"),
    ],
)
def test_config_errors_name_file_line_and_key(tmp_path, config_text, message):
    error = config_error(tmp_path, config_text)
    assert str(error) == f"{tmp_path / '.newslint.yaml'}{message[len('.newslint.yaml') :]}"


def test_pyproject_errors_name_the_line_of_the_key(tmp_path):
    error = config_error(tmp_path, f'[tool.newslint]\npacks = ["{PACK}"]\nfail-level = "loud"\n', "pyproject.toml")
    assert (
        str(error)
        == f"{tmp_path / 'pyproject.toml'}:3: key 'fail-level': 'loud' is not one of suggestion, warning, error"
    )


def test_unknown_rule_id_in_config_names_the_line(tmp_path):
    error = config_error(tmp_path, f"packs: [{PACK}]\nrules:\n  pack.nope: off\n")
    assert str(error) == f"{tmp_path / '.newslint.yaml'}:3: key 'rules.pack.nope': unknown rule id 'pack.nope'"


def test_unknown_rule_id_in_config_is_an_error(tmp_path):
    error = config_error(tmp_path, f"packs: [{PACK}]\nrules:\n  pack.nope: off\n")
    assert (error.path, error.key, error.detail) == (
        str(tmp_path / ".newslint.yaml"),
        "rules.pack.nope",
        "unknown rule id 'pack.nope'",
    )


@pytest.mark.parametrize(
    ("options", "key", "detail"),
    [
        ("tokenz: [x]", "tokenz", "rule pack.hedge: unknown key for a 'existence' rule"),
        ("tokens: 5", "tokens", "rule pack.hedge: expected list[str], got int 5"),
        ("tokens: ['(x']", "tokens", "rule pack.hedge: bad regular expression"),
    ],
)
def test_bad_rule_options_in_config_name_the_key(tmp_path, options, key, detail):
    error = config_error(tmp_path, f"packs: [{PACK}]\nrules:\n  pack.hedge:\n    {options}\n")
    assert error.path == str(tmp_path / ".newslint.yaml")
    assert error.key.endswith(key)
    assert detail in error.detail


@pytest.mark.parametrize(
    ("config_text", "detail"),
    [
        (
            f"packs: [{PACK}]\nfail-level: loud\n",
            ":2: key 'fail-level': 'loud' is not one of suggestion, warning, error",
        ),
        (f"packs: [{PACK}]\nbogus: 1\n", ":2: key 'bogus': unknown config key"),
        ("packs: one\n", ":1: key 'packs': expected a list of pack names or folders"),
        (f"packs: [{PACK}]\nrules:\n  pack.nope: off\n", ": key 'rules.pack.nope': unknown rule id 'pack.nope'"),
    ],
)
def test_config_errors_exit_2_with_one_line(tmp_path, monkeypatch, config_text, detail):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / ".newslint.yaml", config_text)
    write(tmp_path / "a.txt", ARTICLE)
    result = CliRunner().invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"newslint: error: {tmp_path / '.newslint.yaml'}")
    assert detail in result.stderr


# -- strict rule loading ------------------------------------------------------------

GOOD_RULE = "extends: existence\nmessage: x\ntokens: [reportedly]\n"


@pytest.mark.parametrize(
    ("rule_text", "line", "key", "detail"),
    [
        (GOOD_RULE + "colour: red\n", 4, "colour", "unknown key for a 'existence' rule"),
        (GOOD_RULE + "ignorecase: maybe\n", 4, "ignorecase", "expected bool, got str 'maybe'"),
        ("extends: existence\nmessage: x\ntokens: ['(open']\n", 3, "tokens", "bad regular expression"),
        ("extends: existance\nmessage: x\n", 1, "extends", "unknown rule type 'existance'"),
        (GOOD_RULE + "scope: footer\n", 4, "scope", "unknown scope 'footer'"),
        (GOOD_RULE + "level: loud\n", 4, "level", "'loud' is not one of suggestion, warning, error"),
        (GOOD_RULE + "quotes: never\n", 4, "quotes", "'never' is not one of any, skip, only"),
        ("message: x\ntokens: [a]\n", None, "extends", "missing; it names the rule type"),
        ("extends: existence\nmessage: [x\n", 3, "", "invalid YAML"),
    ],
)
def test_strict_rule_loading(tmp_path, monkeypatch, rule_text, line, key, detail):
    pack = tmp_path / "house"
    write(pack / "broken.yml", rule_text)
    write(tmp_path / ".newslint.yaml", "packs: [house]\n")
    article = write(tmp_path / "a.txt", ARTICLE)
    with pytest.raises(NewslintError) as caught:
        Linter(cwd=tmp_path).lint_file(article)
    error = caught.value
    assert (error.path, error.line, error.key) == (str(pack / "broken.yml"), line, key)
    assert error.detail.startswith(detail)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {error}\n"
    assert "Traceback" not in result.output
