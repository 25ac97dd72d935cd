"""Files newslint cannot lint: one clear line each, no traceback, the rest still linted."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from newslint.cli import app
from tests.conftest import FIXTURES

PACK = (FIXTURES / "engine" / "pack").as_posix()
GOOD = "He reportedly left.\n"

BROKEN = {
    "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "bad/latin1.txt": "First line.\nCaf\xe9 reportedly.\n".encode("latin-1"),
    "bad/empty.md": b"",
    "bad/blank.txt": b"  \n\n\t\n",
    "bad/unclosed.md": b"---\ntitle: Never closed\nHe reportedly left.\n",
    "bad/invalid.md": b"---\ntitle: ok\nsummary: a: b\n---\nHe reportedly left.\n",
    "bad/list.md": b"---\n- a\n- b\n---\nHe reportedly left.\n",
}

EXPECTED = [
    "bad/binary.txt:1:1: error read-error binary file, not an article",
    "bad/blank.txt:1:1: error read-error empty file",
    "bad/empty.md:1:1: error read-error empty file",
    "bad/invalid.md:3:1: error read-error broken front matter: mapping values are not allowed here",
    "bad/latin1.txt:2:1: error read-error not UTF-8 (invalid byte 0xe9)",
    "bad/list.md:2:1: error read-error front matter is not a mapping of fields",
    "bad/unclosed.md:1:1: error read-error front matter opened on line 1 is never closed with '---'",
    "good.txt:1:4: warning pack.hedge Avoid 'reportedly'.",
    "missing.md:1:1: error read-error no such file",
]


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".newslint.yaml").write_text(f"packs: [{PACK}]\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / "notes.rst").write_text(GOOD, encoding="utf-8")
    for name, data in BROKEN.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_each_broken_file_is_one_line_and_the_rest_is_linted(project):
    result = CliRunner().invoke(app, ["check", "missing.md", "no-articles", "bad", "good.txt", "-f", "concise"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr == "newslint: warning: no-articles: no article files (.md, .markdown, .txt) found\n"


def test_in_a_real_process_there_is_no_traceback(project):
    command = [sys.executable, "-m", "newslint", "missing.md", "no-articles", "bad", "good.txt", "-f", "concise"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == EXPECTED
    assert result.stderr.splitlines() == [
        "newslint: warning: no-articles: no article files (.md, .markdown, .txt) found"
    ]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_read_errors_in_other_formats(project, fmt):
    result = CliRunner().invoke(app, ["check", "bad/latin1.txt", "-f", fmt])
    assert "bad/latin1.txt" in result.stdout
    assert "not UTF-8 (invalid byte 0xe9)" in result.stdout
    assert result.exit_code == 1


def test_only_a_folder_without_articles_exits_0_with_a_warning(project):
    result = CliRunner().invoke(app, ["check", "no-articles", "-f", "concise"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no-articles: no article files" in result.stderr


def test_stdin_that_is_not_utf8_is_one_line(project):
    result = CliRunner().invoke(
        app, ["check", "-", "--stdin-filename", "x.txt", "-f", "concise"], input=b"ok\n\xff\xfe bad\n"
    )
    assert result.exit_code == 1
    assert result.stdout == "x.txt:2:1: error read-error not UTF-8 (invalid byte 0xff)\n"


def test_a_5_mb_file_is_linted(project):
    line = "The council met on Monday and voted on the budget for the year ahead. " * 12 + "\n"
    count = 5 * 1024 * 1024 // len(line) + 1
    (project / "big.txt").write_text(line * count + "He reportedly left.\n", encoding="utf-8")
    assert (project / "big.txt").stat().st_size > 5 * 1024 * 1024
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["check", "big.txt", "good.txt", "-f", "concise"])
    elapsed = time.perf_counter() - started
    assert result.stdout.splitlines() == [
        f"big.txt:{count + 1}:4: warning pack.hedge Avoid 'reportedly'.",
        "good.txt:1:4: warning pack.hedge Avoid 'reportedly'.",
    ]
    assert elapsed < 30, f"a 5 MB file took {elapsed:.1f} s"


def test_a_file_over_the_size_limit_is_one_line(tmp_path, monkeypatch):
    from newslint import readers
    from newslint.api import Linter

    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    big = tmp_path / "dump.txt"
    big.write_text("word " * 400, encoding="utf-8")
    (result,) = Linter(cwd=tmp_path).lint_paths([big])
    (problem,) = result.problems
    assert (problem.rule, problem.line) == ("read-error", 1)
    assert problem.message == "too large for an article (2,000 bytes; the limit is 1,000)"
