"""--fix rewrites only what it reported, atomically, and is idempotent."""

from __future__ import annotations

import os
import subprocess
import sys

RULE = """extends: substitution
message: "Use '%s' instead of '%s'."
level: warning
swap:
  in order to: to
  end result: result
description: test rule
examples: {bad: [x], good: [y]}
"""


def run(cwd, *args):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "newslint", "check", *args], cwd=cwd, capture_output=True, env=env, check=False
    )


def project(tmp_path, body: bytes):
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "plain.yml").write_text(RULE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [house]\n", encoding="utf-8")
    article = tmp_path / "a.md"
    article.write_bytes(body)
    return article


def test_fix_keeps_bom_crlf_front_matter_and_the_rest(tmp_path):
    body = (
        "\ufeff---\r\ntitle: In order to win\r\n---\r\n# Vote\r\n\r\n"
        "The party moved in order to win. The end result: a draw 😀.\r\n"
        "“We acted in order to win,” she said.\r\n"
    ).encode()
    article = project(tmp_path, body)
    first = run(tmp_path, "--fix", "a.md", "-f", "concise")
    assert first.returncode == 0, first.stderr
    assert b"Fixed 3 problems." in first.stderr
    expected = body.replace(b"moved in order to win", b"moved to win").replace(b"The end result", b"The result")
    expected = expected.replace(b"acted in order to win", b"acted to win")
    assert article.read_bytes() == expected  # the title in front matter is no body text: untouched
    assert not list(tmp_path.glob(".a.md.*"))  # no temporary file left behind
    second = run(tmp_path, "--fix", "a.md")
    assert b"Fixed 0 problems." in second.stderr
    assert article.read_bytes() == expected


def test_without_fix_nothing_is_written(tmp_path):
    article = project(tmp_path, b"They met in order to talk.\n")
    result = run(tmp_path, "a.md", "-f", "concise")
    assert result.returncode == 0
    assert b"Use 'to' instead of 'in order to'." in result.stdout
    assert article.read_bytes() == b"They met in order to talk.\n"


def test_fix_refuses_stdin(tmp_path):
    assert run(tmp_path, "--fix", "-").returncode == 2
