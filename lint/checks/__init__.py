"""The rule types: the YAML key ``extends:`` names one of them.

An explicit table, imported lazily so that a run pays only for the rule types
it uses (readability pulls in textstat, for one).
"""

from __future__ import annotations

import importlib

from newslint.checks.base import Check

# rule type -> module under newslint.checks; the class is named ``<Type>Check``.
RULE_TYPES = {
    "existence": "existence",
    "substitution": "substitution",
    "occurrence": "occurrence",
    "repetition": "repetition",
    "consistency": "consistency",
    "conditional": "conditional",
    "capitalization": "capitalization",
    "boilerplate": "boilerplate",
    "duplicate": "duplicate",
    "document": "document",
    "offtopic": "offtopic",
    "titles": "titles",
    "readability": "readability",
}

# Vale rule types newslint does not have: reported once as skipped.
UNSUPPORTED_VALE_TYPES = frozenset({"spelling", "sequence", "script", "metric"})


def get(rule_type: str) -> type[Check]:
    """The Check class for ``rule_type``; KeyError if there is none."""
    module = importlib.import_module(f"newslint.checks.{RULE_TYPES[rule_type]}")
    return getattr(module, rule_type.capitalize() + "Check")
