"""Exact positions, checked against an independent computation, and scopes.

What we count: a column is the 1-based index of a Unicode code point in its
line (Python ``str`` indexing), so a tab is one column, a decomposed "ë"
(e + U+0308) is two, an astral emoji is one and a ZWJ family emoji
(man, ZWJ, woman, ZWJ, girl) is five. A byte-order mark is not counted; a
CRLF line break ends a line (the CR is never part of a column).
``end_line``/``end_column`` name the last character of the match (inclusive).
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from newslint.api import Linter
from tests.conftest import lint_snippet

RULE = {"extends": "existence", "message": "Found '%s'.", "tokens": ["target", "Zoë", "café"]}


def expected_positions(text: str) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end_line, end_column, match) found without newslint's line index."""
    found = []
    for match in re.finditer(r"(?<!\w)(?:target|Zoë|café)(?!\w)", text):
        start, last = match.start(), match.end() - 1
        found.append((*_line_col(text, start), *_line_col(text, last), match.group()))
    return found


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def positions(problems):
    return [(p.line, p.column, p.end_line, p.end_column, p.match) for p in problems]


DECOMPOSED = unicodedata.normalize("NFD", "Zoë and café hit the target")
CASES = {
    "ascii": ("A target here.\nAnother target.", [(1, 3, 1, 8, "target"), (2, 9, 2, 14, "target")]),
    "accented": ("Zoë et café: target.", [(1, 1, 1, 3, "Zoë"), (1, 8, 1, 11, "café"), (1, 14, 1, 19, "target")]),
    # NFD text is not NFC: the composed tokens do not match it, and each
    # accent is one more column.
    "decomposed": (DECOMPOSED, [(1, 24, 1, 29, "target")]),
    "emoji": ("👍🏽 the target 👨‍👩‍👧 target", [(1, 8, 1, 13, "target"), (1, 21, 1, 26, "target")]),
    "tab": ("a\ttarget\there", [(1, 3, 1, 8, "target")]),
    "crlf": ("Line one.\r\nThe target.\r\nA target\r\n", [(2, 5, 2, 10, "target"), (3, 3, 3, 8, "target")]),
    "no final newline": ("x\ntarget", [(2, 1, 2, 6, "target")]),
    "blank lines": ("\n\n\ntarget\n\n\ntarget", [(4, 1, 4, 6, "target"), (7, 1, 7, 6, "target")]),
}


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("case", list(CASES))
def test_positions_match_an_independent_computation(case, fmt):
    text, expected = CASES[case]
    found = positions(lint_snippet(RULE, text, fmt))
    assert found == expected
    assert found == expected_positions(text)


def test_decomposed_tokens_match_decomposed_text():
    spec = {**RULE, "tokens": [unicodedata.normalize("NFD", "Zoë")]}
    found = positions(lint_snippet(spec, DECOMPOSED))
    assert found == [(1, 1, 1, 4, unicodedata.normalize("NFD", "Zoë"))]


def test_a_match_across_lines_ends_on_its_last_character():
    spec = {"extends": "existence", "message": "x", "raw": [r"end\s+here"]}
    for newline in ("\n", "\r\n"):
        text = f"Wrapped at the end{newline}here it goes."
        assert positions(lint_snippet(spec, text, "markdown")) == [(1, 16, 2, 4, f"end{newline}here")]


def test_offsets_are_indices_into_the_text():
    text = "👨‍👩‍👧 café\r\ntarget"
    for problem in lint_snippet(RULE, text):
        assert text[problem.start : problem.end] == problem.match


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"\xef\xbb\xbfThe target.\n", ".txt", [(1, 5, 1, 10, "target")]),
        (
            b"\xef\xbb\xbf---\r\ntitle: A target\r\n---\r\nThe target.",
            ".md",
            [(2, 10, 2, 15, "target"), (4, 5, 4, 10, "target")],
        ),
        (b"One.\r\nThe target.\r\n", ".md", [(2, 5, 2, 10, "target")]),
        ("Zoë’s target".encode(), ".txt", [(1, 1, 1, 3, "Zoë"), (1, 7, 1, 12, "target")]),
        (b"No newline: target", ".txt", [(1, 13, 1, 18, "target")]),
    ],
)
def test_positions_in_files_read_from_bytes(tmp_path, data, suffix, expected):
    rules = tmp_path / "pack"
    rules.mkdir()
    (rules / "find.yml").write_text(
        "extends: existence\nmessage: x\nscope: [headline, body]\ntokens: [target, Zoë]\n", encoding="utf-8"
    )
    (tmp_path / ".newslint.yaml").write_text("packs: [pack]\n", encoding="utf-8")
    article = tmp_path / f"article{suffix}"
    article.write_bytes(data)
    result = Linter(cwd=tmp_path).lint_file(article)
    assert positions(result.problems) == expected


# -- scopes ------------------------------------------------------------------

SCOPED = """\
---
title: Target in the title
summary: A target summary
---
Lede target paragraph.

## A target heading

Second target paragraph with a "quoted target" inside.

> Quoted block target.

- List target item.

Penultimate target paragraph. Another target sentence.

Last target paragraph.
"""


@pytest.mark.parametrize(
    ("scope", "lines"),
    [
        ("headline", [2]),
        ("frontmatter.summary", [3]),
        ("frontmatter.missing", []),
        ("lede", [5]),
        ("heading", [7]),
        ("paragraph", [5, 9, 9, 13, 15, 15, 17]),
        ("blockquote", [11]),
        ("list", [13]),
        ("tail", [15, 15, 17]),
        ("body", [5, 7, 9, 9, 11, 13, 15, 15, 17]),
        ("text", [2, 5, 7, 9, 9, 11, 13, 15, 15, 17]),
        ("sentence", [5, 7, 9, 9, 11, 13, 15, 15, 17]),
        (["headline", "lede"], [2, 5]),
    ],
)
def test_scopes(scope, lines):
    spec = {"extends": "existence", "message": "x", "tokens": ["target"], "ignorecase": True, "scope": scope}
    assert [p.line for p in lint_snippet(spec, SCOPED, "markdown")] == lines


def test_sentence_scope_does_not_cross_sentences():
    spec = {"extends": "existence", "message": "x", "raw": [r"paragraph\. Another"]}
    assert [(p.line, p.column) for p in lint_snippet({**spec, "scope": "paragraph"}, SCOPED, "markdown")] == [(15, 20)]
    assert lint_snippet({**spec, "scope": "sentence"}, SCOPED, "markdown") == []


@pytest.mark.parametrize(
    ("quotes", "columns"),
    [("any", [8, 40]), ("skip", [8]), ("only", [40])],
)
def test_quotes_modes(quotes, columns):
    spec = {"extends": "existence", "message": "x", "tokens": ["target"], "quotes": quotes}
    text = 'Second target paragraph with a "quoted target" inside.'
    assert [p.column for p in lint_snippet(spec, text)] == columns
