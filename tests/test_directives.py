"""Inline directives, in Markdown and in plain text alike."""

from __future__ import annotations

import pytest

from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from tests.conftest import make_rule

RULES = [
    ActiveRule(*make_rule({"extends": "existence", "message": "x", "tokens": [token]}, rule_id))
    for rule_id, token in (("alpha-rule", "alpha"), ("beta-rule", "beta"))
]
KNOWN = frozenset({"alpha-rule", "beta-rule"})


def lint(text, fmt):
    doc = parse(text, "a.md" if fmt == "markdown" else "a.txt", fmt)
    return [(p.rule.split("-")[0], p.line) for p in lint_document(doc, RULES, KNOWN)]


# Each text is linted as plain text and as Markdown (blank lines keep the
# Markdown paragraphs apart; the directives never depend on that).
CASES = [
    (
        "disable and enable one id",
        "alpha beta\n\n<!-- newslint-disable alpha-rule -->\n\nalpha beta\n\n"
        "<!-- newslint-enable alpha-rule -->\n\nalpha",
        [("alpha", 1), ("beta", 1), ("beta", 5), ("alpha", 9)],
    ),
    (
        "disable every rule, enable every rule",
        "alpha\n\n<!-- newslint-disable -->\n\nalpha beta\n\n<!-- newslint-enable -->\n\nbeta",
        [("alpha", 1), ("beta", 9)],
    ),
    (
        "several ids, enabled one at a time",
        "<!-- newslint-disable alpha-rule, beta-rule -->\n\nalpha beta\n\n"
        "<!-- newslint-enable beta-rule -->\n\nalpha beta",
        [("beta", 7)],
    ),
    (
        "ids separated by spaces",
        "<!-- newslint-disable alpha-rule beta-rule -->\n\nalpha beta",
        [],
    ),
    (
        "disable every rule, enable one again",
        "<!-- newslint-disable -->\n\nalpha beta\n\n<!-- newslint-enable alpha-rule -->\n\nalpha beta",
        [("alpha", 7)],
    ),
    (
        "disable without enable runs to the end",
        "alpha\n\n<!-- newslint-disable alpha-rule -->\n\nalpha\n\nalpha beta",
        [("alpha", 1), ("beta", 7)],
    ),
    (
        "disable-next-line skips blank lines",
        "<!-- newslint-disable-next-line alpha-rule -->\n\nalpha beta\n\nalpha",
        [("beta", 3), ("alpha", 5)],
    ),
    (
        "disable-next-line without id",
        "<!-- newslint-disable-next-line -->\nalpha beta\nalpha",
        [("alpha", 3)],
    ),
    (
        "disable-line",
        "alpha beta <!-- newslint-disable-line beta-rule -->\n\nalpha beta",
        [("alpha", 1), ("alpha", 3), ("beta", 3)],
    ),
    (
        "disable-file anywhere in the file",
        "alpha beta\n\n<!-- newslint-disable-file beta-rule -->\n\nbeta",
        [("alpha", 1)],
    ),
    (
        "disable-file without id",
        "alpha beta\n\n<!-- newslint-disable-file -->",
        [],
    ),
    (
        "a reason after -- is not an id",
        "<!-- newslint-disable alpha-rule -- quoted from the court ruling -->\n\nalpha beta",
        [("beta", 3)],
    ),
    (
        "multi-line comment",
        "<!--\n  newslint-disable alpha-rule\n-->\n\nalpha beta",
        [("beta", 5)],
    ),
    (
        "not a directive",
        "<!-- newslint-disabled alpha-rule -->\n\nalpha <!-- a note -->",
        [("alpha", 3)],
    ),
]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_directives(name, text, expected, fmt):
    assert lint(text, fmt) == expected


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_unknown_id_is_reported_once_per_id(fmt):
    text = "alpha\n\n<!-- newslint-disable alpha-rule, nope-rule -->\n\nalpha <!-- newslint-disable-line zzz -->"
    doc = parse(text, "a.md", fmt)
    problems = lint_document(doc, RULES, KNOWN)
    assert [(p.rule, p.level, p.line, p.column, p.end_line, p.end_column, p.message) for p in problems] == [
        ("alpha-rule", "warning", 1, 1, 1, 5, "x"),
        (
            "unknown-directive",
            "warning",
            3,
            1,
            3,
            47,
            "Unknown rule id 'nope-rule' in a newslint-disable directive.",
        ),
        (
            "unknown-directive",
            "warning",
            5,
            7,
            5,
            40,
            "Unknown rule id 'zzz' in a newslint-disable-line directive.",
        ),
    ]
    assert problems[1].match == "<!-- newslint-disable alpha-rule, nope-rule -->"


def test_unknown_directive_cannot_be_suppressed():
    text = "<!-- newslint-disable-file -->\n<!-- newslint-disable nope -->\nalpha"
    assert lint(text, "text") == [("unknown", 2)]


def test_directive_comments_are_not_prose():
    # The ids inside a directive are never matched by rules.
    text = "<!-- newslint-disable-next-line beta-rule -->\nalpha\n<!-- alpha beta -->"
    assert lint(text, "text") == [("alpha", 2)]
