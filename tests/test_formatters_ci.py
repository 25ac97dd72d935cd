"""The CI formats: GitHub workflow commands and SARIF 2.1.0 (checked against the
official schema with jsonschema), through the CLI where it decides the format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newslint.checks.base import Rule
from newslint.formatters import github, sarif
from newslint.problem import FileResult, Problem

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = Path(__file__).resolve().parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"

HOUSE_RULE = """\
extends: existence
message: "Promotional line: '{match}'."
level: error
category: promo
link: https://example.org/rules/promo-line
description: |
  Calls to action are page furniture, not news. Delete the line.
ignorecase: true
tokens: [click here, read more]
examples:
  bad: [CLICK HERE TO READ MORE]
  good: [Officials said the plan was clear.]
"""
HEDGE_RULE = """\
extends: existence
message: "'{match}' hedges."
level: suggestion
description: Hedging words.
tokens: [reportedly]
"""


def _problem(rule="promo", level="error", message="m", line=1, column=1, end_line=1, end_column=1, **kw) -> Problem:
    fields = dict(start=0, end=1, match="x", path="a.md")
    fields.update(kw)
    return Problem(rule, level, message, line=line, column=column, end_line=end_line, end_column=end_column, **fields)


@pytest.fixture
def house(tmp_path) -> Path:
    """A config whose only pack is a folder with two rules: output that does not
    depend on which built-in rules exist."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "promo.yml").write_text(HOUSE_RULE)
    (tmp_path / "house" / "hedge.yml").write_text(HEDGE_RULE)
    (tmp_path / ".newslint.yaml").write_text("packs: [house]\n")
    return tmp_path


def _newslint(args, cwd, **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_WORKSPACE")}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args], cwd=cwd, env={**environ, **env}, capture_output=True, text=True
    )


# -- github ------------------------------------------------------------------


def test_github_commands_levels_and_escaping():
    results = [
        FileResult(
            "news/a,b:c%.md",
            (
                _problem(message="50% off,\nnow: buy", line=3, column=5, end_line=3, end_column=9),
                _problem(rule="hedge", level="suggestion", message="m", line=4, column=2, end_line=6, end_column=7),
                _problem(rule="x", level="warning", message="w", line=8, column=1, end_line=8, end_column=1),
            ),
        )
    ]
    lines = list(github.render(results, {}, False))
    assert lines == [
        "::error file=news/a%2Cb%3Ac%25.md,line=3,endLine=3,col=5,endColumn=9,title=newslint (promo)"
        "::50%25 off,%0Anow: buy\n",
        # a range over several lines: GitHub rejects col/endColumn there
        "::notice file=news/a%2Cb%3Ac%25.md,line=4,endLine=6,title=newslint (hedge)::m\n",
        "::warning file=news/a%2Cb%3Ac%25.md,line=8,endLine=8,col=1,endColumn=1,title=newslint (x)::w\n",
        "Found 3 problems (1 error, 1 warning, 1 suggestion) in 1 file.\n",
    ]


def test_github_escapes_carriage_returns():
    assert github.escape_data("a\r\nb") == "a%0D%0Ab"
    assert github.escape_property("t: a, b") == "t%3A a%2C b"


def test_auto_format_is_github_under_actions_without_a_terminal(house):
    (house / "news").mkdir()
    (house / "news" / "story.md").write_text("# Title\n\nHe reportedly left.\n\nCLICK HERE to read more.\n")
    run = _newslint(["check", "news"], house, GITHUB_ACTIONS="true")
    assert run.returncode == 1, run.stderr
    assert run.stdout.splitlines() == [
        "::notice file=news/story.md,line=3,endLine=3,col=4,endColumn=13,title=newslint (house.hedge)"
        "::'reportedly' hedges.",
        "::error file=news/story.md,line=5,endLine=5,col=1,endColumn=10,title=newslint (house.promo)"
        "::Promotional line: 'CLICK HERE'.",
        "::error file=news/story.md,line=5,endLine=5,col=15,endColumn=23,title=newslint (house.promo)"
        "::Promotional line: 'read more'.",
        "Found 3 problems (2 errors, 1 suggestion) in 1 file.",
    ]
    assert _newslint(["check", "news"], house).stdout.startswith("news/story.md\n")  # text otherwise


def test_github_paths_are_relative_to_the_workspace(house):
    (house / "news").mkdir()
    (house / "news" / "story.md").write_text("He reportedly left.\n")
    run = _newslint(["check", "--format", "github", "story.md"], house / "news", GITHUB_WORKSPACE=str(house))
    assert run.stdout.startswith("::notice file=news/story.md,line=1,")


# -- sarif -------------------------------------------------------------------


def _validate(log: dict) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(f"{e.json_path}: {e.message}" for e in validator.iter_errors(log))
    assert errors == []


def _github_requirements(log: dict) -> None:
    """What GitHub code scanning requires beyond the schema: non-empty texts,
    at least one location per result, relative URIs."""
    (run,) = log["runs"]
    for rule in run["tool"]["driver"]["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
    for result in run["results"]:
        assert result["message"]["text"]
        assert len(result["locations"]) >= 1
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith(("/", "file:"))


def test_sarif_of_the_seeds_is_valid(tmp_path):
    """Real output: the seed articles with the built-in pack plus one house rule."""
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "promo.yml").write_text(HOUSE_RULE)
    (tmp_path / "cfg.yaml").write_text("packs: [default, house]\n")
    run = _newslint(["check", "--format", "sarif", "--config", str(tmp_path / "cfg.yaml"), "seeds"], ROOT)
    assert run.returncode in (0, 1), run.stderr
    log = json.loads(run.stdout)
    _validate(log)
    _github_requirements(log)
    (sarif_run,) = log["runs"]
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    assert sarif_run["tool"]["driver"]["name"] == "newslint"
    ids = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert "house.promo" in ids and "read-error" in ids
    promo = [r for r in sarif_run["results"] if r["ruleId"] == "house.promo"]
    assert promo[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "seeds/000_36139f453626bebe.txt"},
        "region": {"startLine": 7, "startColumn": 1, "endLine": 7, "endColumn": 11},
    }
    for result in sarif_run["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]


def test_sarif_rule_metadata_levels_and_regions(house):
    (house / "a.md").write_text("He reportedly left.\n\nCLICK HERE now.\n")
    run = _newslint(["check", "--format", "sarif", "a.md"], house)
    assert run.returncode == 1
    log = json.loads(run.stdout)
    _validate(log)
    _github_requirements(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["house.promo"] == {
        "id": "house.promo",
        "shortDescription": {"text": "Calls to action are page furniture, not news."},
        "fullDescription": {"text": "Calls to action are page furniture, not news. Delete the line."},
        "help": {
            "text": "Calls to action are page furniture, not news. Delete the line.\n\n"
            "Bad:\n  CLICK HERE TO READ MORE\n\nGood:\n  Officials said the plan was clear."
        },
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["promo"]},
        "helpUri": "https://example.org/rules/promo-line",
    }
    assert rules["house.hedge"]["defaultConfiguration"] == {"level": "note"}
    hedge, promo = log["runs"][0]["results"]
    assert (hedge["ruleId"], hedge["level"], promo["level"]) == ("house.hedge", "note", "error")
    assert hedge["message"] == {"text": "'reportedly' hedges."}
    # "reportedly" is columns 4-13; SARIF's endColumn is the column after it
    assert hedge["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 4,
        "endLine": 1,
        "endColumn": 14,
    }


def _click_here_problems(text: str) -> tuple[Problem, ...]:
    """A problem for each "click here" in ``text``, positioned as the engine would."""
    problems = []
    start = text.find("click here")
    while start >= 0:
        line = text.count("\n", 0, start) + 1
        column = start - text.rfind("\n", 0, start)
        span = dict(start=start, end=start + 10, match="click here")
        problems.append(_problem(line=line, column=column, end_column=column + 9, **span))
        start = text.find("click here", start + 10)
    return tuple(problems)


def test_sarif_fingerprints_survive_edits_above_and_tell_repeats_apart():
    rules = {"promo": Rule(id="promo", extends="existence", message="m")}

    def fingerprints(text: str) -> list[str]:
        log = json.loads("".join(sarif.render([FileResult("a.md", _click_here_problems(text))], rules, False)))
        _validate(log)
        return [r["partialFingerprints"]["newslint/v1"] for r in log["runs"][0]["results"]]

    before = fingerprints("Intro.\nclick here\nmore\nclick here\n")
    after = fingerprints("New first line.\nAnother.\nIntro.\nclick here\nmore\nclick here\n")
    assert len(before) == 2
    assert before == after
    assert len(set(before)) == 2


def test_sarif_with_no_results_is_valid(house):
    (house / "clean.md").write_text("The council met on Monday.\n")
    run = _newslint(["check", "--format", "sarif", "clean.md"], house)
    assert run.returncode == 0
    log = json.loads(run.stdout)
    _validate(log)
    assert log["runs"][0]["results"] == []


# -- check --changed-since -----------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)


@pytest.fixture
def pull_request(house) -> Path:
    """A branch `feature` off `main`, with every kind of change, and `main` moved on."""
    repo = house
    _write(repo, {"news/kept.md": "Kept.\n", "news/edited.md": "Edited.\n", "news/gone.md": "Gone.\n"})
    _write(repo, {"news/moved.md": "Moved.\n", "docs/notes.md": "Notes.\n", ".gitignore": "*.tmp.md\n"})
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "feature")
    _write(repo, {"news/edited.md": "Edited, reportedly.\n", "news/added.txt": "Added.\n", "docs/notes.md": "N.\n"})
    _write(repo, {"news/data.csv": "a,b\n"})
    (repo / "news" / "gone.md").unlink()
    _git(repo, "mv", "news/moved.md", "news/renamed.md")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "feature")
    _write(repo, {"news/uncommitted.md": "Draft.\n", "news/scratch.tmp.md": "Ignored.\n"})
    _git(repo, "checkout", "-q", "main")
    _write(repo, {"news/kept.md": "Kept, on main.\n"})  # after the branch point: not the PR's change
    _git(repo, "commit", "-q", "-am", "main moves on")
    _git(repo, "checkout", "-q", "feature")
    return repo


def _linted(run: subprocess.CompletedProcess) -> list[str]:
    assert run.returncode in (0, 1), run.stderr
    return [entry["path"] for entry in json.loads(run.stdout)["files"]]


def test_changed_since_lints_what_the_branch_and_working_tree_changed(pull_request):
    run = _newslint(["check", "--format", "json", "--changed-since", "main", "news"], pull_request)
    assert _linted(run) == ["news/added.txt", "news/edited.md", "news/renamed.md", "news/uncommitted.md"]
    everywhere = _newslint(["check", "--format", "json", "--changed-since", "main"], pull_request)
    assert "docs/notes.md" in _linted(everywhere)
    from_a_subfolder = _newslint(["check", "--format", "json", "--changed-since", "main"], pull_request / "news")
    assert _linted(from_a_subfolder)[:2] == ["added.txt", "edited.md"]


def test_changed_since_without_a_merge_base_diffs_against_the_ref(pull_request):
    """A shallow CI clone knows no merge base; the ref's tree is the baseline."""
    from newslint.changed import changed_files

    _git(pull_request, "checkout", "-q", "--orphan", "unrelated")
    _git(pull_request, "commit", "-q", "-m", "unrelated history")  # same tree as feature
    _git(pull_request, "checkout", "-q", "feature")
    _write(pull_request, {"news/added.txt": "Changed again.\n"})
    found = changed_files("unrelated", ["news"], pull_request)
    assert found == [Path("news/added.txt"), Path("news/uncommitted.md")]


def test_changed_since_nothing_changed(pull_request):
    run = _newslint(["check", "--changed-since", "HEAD", "docs"], pull_request)
    assert run.returncode == 0
    assert run.stdout == "No problems in 0 files.\n"
    assert "no article files changed since HEAD" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--changed-since", "no-such-branch", "."], "--changed-since: unknown git ref 'no-such-branch'"),
        (["--changed-since", "--format", "."], "is not a git ref"),
        (["--changed-since", "main", "-"], "'-' (standard input) cannot be mixed"),
        ([], "no paths given"),
    ],
)
def test_changed_since_usage_errors(pull_request, args, message):
    run = _newslint(["check", *args], pull_request)
    assert run.returncode == 2
    assert message in run.stderr


def test_changed_since_outside_a_git_repository(house):
    run = _newslint(["check", "--changed-since", "main", "."], house)
    assert run.returncode == 2
    assert run.stderr.startswith("newslint: error: --changed-since: ") and "not a git repository" in run.stderr


# -- action.yml ----------------------------------------------------------------

ACTION = ROOT / "action.yml"


def _action() -> dict:
    import yaml

    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_the_documented_interface():
    action = _action()
    assert action["name"] and action["description"]
    assert set(action["inputs"]) >= {"paths", "base", "args", "upload-sarif", "sarif-file"}
    assert action["inputs"]["base"]["default"] == "${{ github.event.pull_request.base.sha }}"
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"
    runs = action["runs"]
    assert runs["using"] == "composite"
    for step in runs["steps"]:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash"  # required for `run` steps of composite actions
    install = runs["steps"][0]["run"]
    assert '-m pip install --quiet "$GITHUB_ACTION_PATH"' in install
    upload = next(s for s in runs["steps"] if "uses" in s)
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert runs["steps"][-1]["if"] == "always()"  # the exit status is passed on after the upload


def _run_step(step: dict, inputs: dict[str, str], cwd: Path, github_env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run one `run:` step of the action with bash, as the runner would, its
    `${{ inputs.* }}` expressions filled in."""
    import re

    def fill(value: str) -> str:
        return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)

    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env |= github_env | {name: fill(str(value)) for name, value in step.get("env", {}).items()}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env["PATH"]])  # newslint, as installed
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_action_lint_step_annotates_writes_sarif_and_reports_the_exit_status(pull_request, tmp_path):
    action = _action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    inputs |= {"base": "main", "paths": "news"}
    fetch = next(s for s in action["runs"]["steps"] if s.get("name") == "Fetch the base commit")
    assert _run_step(fetch, inputs, pull_request, {}).returncode == 0  # already there: nothing to fetch
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")
    outputs = tmp_path / "github_output"
    github_env = {"GITHUB_OUTPUT": str(outputs), "GITHUB_WORKSPACE": str(pull_request), "GITHUB_ACTIONS": "true"}
    run = _run_step(step, inputs, pull_request, github_env)
    assert run.returncode == 0, run.stderr  # the status travels in the output, for after the upload
    assert outputs.read_text() == "exit-code=0\n"
    assert run.stdout.splitlines() == [
        "::notice file=news/edited.md,line=1,endLine=1,col=9,endColumn=18,title=newslint (house.hedge)"
        "::'reportedly' hedges.",
        "Found 1 problem (1 suggestion) in 4 files.",
    ]
    log = json.loads((pull_request / "newslint.sarif").read_text())
    _validate(log)
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]] == [
        "news/edited.md"
    ]
    final = action["runs"]["steps"][-1]
    assert _run_step(final, inputs, pull_request, {}).returncode == 2  # no status: treated as an error
    final_env = {**final, "env": {"NL_STATUS": "1"}}
    assert _run_step(final_env, inputs, pull_request, {}).returncode == 1
