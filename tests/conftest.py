"""Shared fixtures: lint a snippet with one rule spec, build documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.ruleset import build, parse_rule
from newslint.yamlfile import YamlData

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = ROOT / "seeds"

# Keep a user's environment out of the tests (yamllint does the same).
for _name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
    os.environ.pop(_name, None)


def make_rule(spec: dict, rule_id: str = "test-rule"):
    """Validate and compile a rule spec as the loader would."""
    data = YamlData(spec, {}, f"{rule_id}.yml")
    rule = parse_rule(data, rule_id)
    return rule, build(rule, data)


def make_doc(text: str, fmt: str = "text", path: str = "article.txt") -> Document:
    return parse(text, path, fmt)


def lint_snippet(spec: dict, text: str, fmt: str = "text"):
    """Problems of one rule on ``text``, through the engine (quotes, limits...)."""
    rule, check = make_rule(spec)
    doc = make_doc(text, fmt, "article.md" if fmt == "markdown" else "article.txt")
    return lint_document(doc, [ActiveRule(rule, check)], frozenset({rule.id}))


def spots(problems) -> list[tuple[int, int, str]]:
    """(line, column, matched text) of each problem: the usual assertion."""
    return [(p.line, p.column, p.match) for p in problems]


@pytest.fixture
def chdir_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path
