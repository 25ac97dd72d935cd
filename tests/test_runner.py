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
