"""The published hook, run by pre-commit itself in a throwaway content repository.

`pre-commit try-repo` clones the hook repository's committed and staged state,
so the test first copies this checkout's files (tracked, plus untracked ones git
does not ignore) into a temporary repository with one commit: it then works on
a clean CI clone and on a working tree with uncommitted edits alike. pre-commit
builds the hook's virtualenv with `pip install .` from PyPI (10-30 s).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "fixtures" / "precommit"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]

# The content repository's own rule pack: it makes the seed's promotional line an
# error, so the test does not hang on which built-in rules exist or their levels.
HOUSE_RULE = """\
extends: existence
message: "Promotional line: '{match}'."
level: error
category: promo
description: Calls to action are page furniture, not news.
ignorecase: true
tokens:
  - click here
"""


def _git(args: list[str], cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _snapshot(target: Path) -> Path:
    """This checkout's files as a one-commit git repository (what CI would clone)."""
    listed = _git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], ROOT).split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    _git(["init", "-q"], target)
    _git(["add", "-A"], target)
    _git(["commit", "-q", "-m", "snapshot"], target)
    return target


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory) -> Path:
    """A newsroom's repository: a clean article, the seed article, a house rule."""
    repo = tmp_path_factory.mktemp("content")
    shutil.copy(ARTICLES / "clean" / "election-call.md", repo / "clean.md")
    shutil.copy(ARTICLES / "defects" / "guterres-moscow.txt", repo / "bad.txt")
    (repo / "notes.yaml").write_text("todo: click here to add notes\n")  # not an article type
    (repo / "house").mkdir()
    (repo / "house" / "promo-line.yml").write_text(HOUSE_RULE)
    (repo / ".newslint.yaml").write_text("packs: [default, house]\n")
    _git(["init", "-q"], repo)
    _git(["add", "-A"], repo)
    _git(["commit", "-q", "-m", "articles"], repo)
    return repo


def _pre_commit(args: list[str], repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "PRE_COMMIT_HOME")}
    env |= {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    # `language: system` hooks find newslint and ruff next to this interpreter.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return subprocess.run(PRE_COMMIT + args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_hook_manifest_is_valid_and_as_documented():
    manifest = ROOT / ".pre-commit-hooks.yaml"
    run = subprocess.run(PRE_COMMIT + ["validate-manifest", str(manifest)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    (hook,) = yaml.safe_load(manifest.read_text())
    assert hook["id"] == "newslint"
    assert hook["entry"] == "newslint check"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "plain-text"]
    assert hook.get("pass_filenames", True) is True
    assert hook["minimum_pre_commit_version"]


def test_project_config_is_valid_and_local_only():
    config = ROOT / ".pre-commit-config.yaml"
    run = subprocess.run(PRE_COMMIT + ["validate-config", str(config)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    repos = yaml.safe_load(config.read_text())["repos"]
    assert {r["repo"] for r in repos} <= {"local", "meta"}  # no remote hook repositories
    hooks = {h["id"]: h for r in repos for h in r["hooks"]}
    assert {"ruff-check", "ruff-format", "newslint-clean-fixtures"} <= set(hooks)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    return _snapshot(tmp_path_factory.mktemp("newslint"))


def _assert_reports_the_promo_line(out: str) -> None:
    """newslint's own report of the seed's promotional line (line 7, column 1)."""
    assert "bad.txt" in out
    assert "7:1" in out and "Promotional line: 'CLICK HERE'." in out and "house.promo-line" in out


def test_try_repo_runs_the_hook_on_articles_only(tmp_path, hook_repo, content_repo):
    run = _pre_commit(["try-repo", str(hook_repo), "newslint", "--all-files"], content_repo, tmp_path / "home")
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "Failed" in out and "- hook id: newslint" in out and "- exit code: 1" in out
    _assert_reports_the_promo_line(out)
    assert "notes.yaml" not in out  # not markdown or plain text: never passed to the hook


def test_readme_config_fails_the_bad_article_and_passes_the_clean_one(tmp_path, hook_repo, content_repo):
    """The lines a content repository adds to its .pre-commit-config.yaml (README)."""
    rev = _git(["rev-parse", "HEAD"], hook_repo).strip()
    config = {"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "newslint"}]}]}
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(config))
    home = tmp_path / "home"  # shared, so the hook's environment is built once
    base = ["run", "--config", str(tmp_path / "config.yaml"), "--files"]

    clean = _pre_commit([*base, "clean.md"], content_repo, home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "newslint" in clean.stdout and "Passed" in clean.stdout

    bad = _pre_commit([*base, "bad.txt"], content_repo, home)
    out = bad.stdout + bad.stderr
    assert bad.returncode == 1, out
    assert "Failed" in out and "- exit code: 1" in out
    _assert_reports_the_promo_line(out)


def test_project_hook_passes_on_the_clean_fixtures(tmp_path):
    """The project's own `repo: local` newslint hook, run by pre-commit on a copy."""
    repo = _snapshot(tmp_path / "project")
    run = _pre_commit(["run", "newslint-clean-fixtures", "--all-files"], repo, tmp_path / "home")
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "newslint (clean fixtures must pass)" in out and "Passed" in out
