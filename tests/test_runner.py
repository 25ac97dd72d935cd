"""--jobs and the results cache change speed, never output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULE = """extends: existence
message: "Avoid '%s'."
level: error
tokens: [{token}]
description: test rule
examples: {{bad: [x], good: [y]}}
"""


@pytest.fixture
def project(tmp_path):
    """Forty articles (copies of the seeds, some edited) and a config with a house pack."""
    articles = tmp_path / "articles"
    articles.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(40):
        text = seeds[index % 2].read_text(encoding="utf-8")
        if index % 3 == 0:
            text += "\nThe minister reportedly resigned on Friday.\n"
        (articles / f"a{index:02d}.txt").write_text(text, encoding="utf-8")
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "words.yml").write_text(RULE.format(token="Mariupol"), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [default, house]\n", encoding="utf-8")
    return tmp_path


def newslint(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "newslint", "check", "articles", "-f", "json", *args],
        cwd=cwd,
        capture_output=True,
        env=env,
        check=False,
    )


def test_jobs_give_the_same_bytes_as_one_job(project):
    one = newslint(project, "--jobs", "1", "--no-cache")
    two = newslint(project, "--jobs", "2", "--no-cache")
    assert one.returncode == two.returncode == 1
    assert '"house.words"' in one.stdout.decode()
    assert one.stdout == two.stdout


def test_cache_rerun_gives_the_same_bytes_and_a_changed_rule_invalidates_it(project):
    cache = project / ".newslint_cache"
    first = newslint(project, "--jobs", "1")
    assert cache.is_dir() and (cache / ".gitignore").read_text().strip().endswith("*")
    entries = {p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"}
    assert entries, "the first run fills the cache"
    second = newslint(project, "--jobs", "2")
    assert second.stdout == first.stdout
    assert second.returncode == first.returncode
    assert {p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"} == entries, "no new entries"

    (project / "house" / "words.yml").write_text(RULE.format(token="Kyiv"), encoding="utf-8")
    changed = newslint(project, "--jobs", "1")
    assert changed.stdout != first.stdout
    assert changed.stdout == newslint(project, "--no-cache").stdout
    assert '"match": "Kyiv"' in changed.stdout.decode()

    (project / ".newslint.yaml").write_text("packs: [default, house]\nrules: {house.words: off}\n", encoding="utf-8")
    config_changed = newslint(project, "--jobs", "1")
    assert "house.words" not in config_changed.stdout.decode()


def test_no_cache_writes_nothing(project):
    newslint(project, "--no-cache")
    assert not (project / ".newslint_cache").exists()


def test_partly_cached_runs_give_the_same_bytes(project):
    full = newslint(project, "--jobs", "1", "--no-cache")
    half = project / "articles"
    for index, article in enumerate(sorted(half.glob("*.txt"))):
        if index % 2:
            article.rename(article.with_suffix(".keep"))
    newslint(project, "--jobs", "2")  # caches every other file
    for kept in half.glob("*.keep"):
        kept.rename(kept.with_suffix(".txt"))
    mixed = newslint(project, "--jobs", "2")  # hits and misses interleaved
    assert mixed.stdout == full.stdout
    assert newslint(project, "--jobs", "2").stdout == full.stdout  # all hits


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_started_either_way_give_the_results_of_one_process(project, monkeypatch, method):
    from newslint import runner
    from newslint.api import Linter

    monkeypatch.setattr(runner, "START_METHOD", method)
    monkeypatch.setattr(runner, "MIN_FILES_PER_JOB", 2)
    linter = Linter(cwd=project)
    paths = linter.collect([project / "articles"])[:12]
    assert list(runner.lint_files(linter, paths, 3)) == list(runner.lint_files(linter, paths, 1))


def test_an_error_in_a_worker_is_raised_in_the_main_process(project, monkeypatch):
    from newslint import runner
    from newslint.api import Linter
    from newslint.errors import NewslintError

    linter = Linter(cwd=project)
    paths = linter.collect([project / "articles"])
    original = Linter.lint_file

    def broken(self, path):
        if path == paths[-1]:
            raise NewslintError("a rule that fails on the last file")
        return original(self, path)

    monkeypatch.setattr(Linter, "lint_file", broken)
    with pytest.raises(NewslintError, match="fails on the last file"):
        list(runner.lint_files(linter, paths, 2))


def test_large_batches_and_answers_do_not_stall_the_pipes(tmp_path):
    # Files big enough that a batch (their bytes) and an answer (their
    # problems) each fill a pipe many times over.
    articles = tmp_path / "articles"
    articles.mkdir()
    for index in range(24):
        (articles / f"a{index:02d}.txt").write_text("It was reportedly Mariupol. " * 3000, encoding="utf-8")
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "words.yml").write_text(RULE.format(token="Mariupol"), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [house]\n", encoding="utf-8")
    one = newslint(tmp_path, "--jobs", "1", "--no-cache")
    assert one.stdout.count(b'"match": "Mariupol"') == 24 * 3000
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    two = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "articles", "-f", "json", "--jobs", "2"],
        cwd=tmp_path,
        capture_output=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert two.stdout == one.stdout


class _Failing:
    """A Linter whose linting of one file raises, or ends its process."""

    @staticmethod
    def make(fail_on: str, how: str):
        from newslint.api import Linter
        from newslint.errors import NewslintError

        class Failing(Linter):
            def lint_file(self, path):
                if path.name == fail_on:
                    if how == "exit":
                        os._exit(3)
                    raise NewslintError(f"{path.name}: broken")
                return super().lint_file(path)

        return Failing


fork_only = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="spawned workers build a plain Linter: the failing one cannot be sent"
)


@fork_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_error_stops_the_run_at_its_file_with_any_jobs(project, jobs):
    from newslint.errors import NewslintError
    from newslint.runner import lint_files

    paths = sorted((project / "articles").glob("*.txt"))
    linter = _Failing.make("a20.txt", "raise")(cwd=project)
    reported = []
    with pytest.raises(NewslintError, match="a20.txt: broken"):
        for result in lint_files(linter, paths, jobs):
            reported.append(result)
    assert len(reported) == 20  # every file before it, in order, and none after


@fork_only
def test_a_worker_that_dies_is_named_with_its_files(project):
    from newslint.errors import NewslintError
    from newslint.runner import lint_files

    paths = sorted((project / "articles").glob("*.txt"))
    linter = _Failing.make("a05.txt", "exit")(cwd=project)
    with pytest.raises(NewslintError, match=r"worker process stopped while linting .*a05\.txt"):
        list(lint_files(linter, paths, 2))
