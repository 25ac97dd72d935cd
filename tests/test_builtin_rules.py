"""Every built-in rule loads, documents itself, and its examples hold.

Each bad example must make its rule fire and each good one must leave it
silent, linted alone as a plain-text document with the default pack's rule.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.ruleset import load_packs

RULESET = load_packs(["default"])
RULES = sorted(RULESET.rules.values(), key=lambda loaded: loaded.rule.id)
KNOWN = frozenset(RULESET.rules)


def _problems(loaded, text):
    doc = parse(text, "example.txt", "text")
    return lint_document(doc, [ActiveRule(loaded.rule, loaded.check)], KNOWN)


def test_every_rule_file_is_loaded():
    names = {e.name.rsplit(".", 1)[0] for e in files("newslint.rules").iterdir() if e.name.endswith((".yml", ".yaml"))}
    assert names == set(RULESET.rules)
    assert not RULESET.skipped


@pytest.mark.parametrize("loaded", RULES, ids=lambda loaded: loaded.rule.id)
def test_rule_is_documented(loaded):
    rule = loaded.rule
    assert rule.description.strip(), "a built-in rule says what it finds and why"
    assert rule.examples.get("bad") and rule.examples.get("good"), "a built-in rule has bad and good examples"
    assert rule.category


EXAMPLES = [
    pytest.param(loaded, kind, text, id=f"{loaded.rule.id}-{kind}-{index}")
    for loaded in RULES
    for kind in ("bad", "good")
    for index, text in enumerate(loaded.rule.examples.get(kind, []))
]


@pytest.mark.parametrize(("loaded", "kind", "text"), EXAMPLES)
def test_examples(loaded, kind, text):
    problems = [p for p in _problems(loaded, text) if p.rule == loaded.rule.id]
    if kind == "bad":
        assert problems, f"bad example did not fire: {text!r}"
    else:
        assert not problems, f"good example fired: {[p.message for p in problems]}"
