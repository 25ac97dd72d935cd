"""Real Vale rules load as a newslint pack and fire as they do in Vale.

The rules are copied unchanged from public Vale styles (tests/fixtures/vale,
its README names the sources). Messages follow Vale's: %s filled with the
replacement and then the match for ``substitution``, a quoted list of choices
for ``a|b`` replacements.
"""

from __future__ import annotations

import pytest

from newslint.engine import ActiveRule, lint_document
from newslint.readers import parse
from newslint.ruleset import load_packs
from tests.conftest import FIXTURES

STYLES = sorted(p for p in (FIXTURES / "vale").iterdir() if p.is_dir())
RULESET = load_packs([str(p) for p in STYLES])

ARTICLE = """# Headline

## Getting Started With The Tool

In order to check the API, the team used the NFL data. This is is a test.

Our colour scheme differs from the color scheme.

The report, which ran to many pages and took the better part of a year to write, \
found that the agency had failed to act on warnings from staff and from the public about the risks.

The press called him an islamist.
"""

EXPECTED = [
    ("Microsoft.Headings", 3, 4, "'Getting Started With The Tool' should use sentence-style capitalization."),
    ("Microsoft.Wordiness", 5, 1, "Consider using 'to' instead of 'In order to'."),
    ("Google.Acronyms", 5, 46, "Spell out 'NFL', if it's unfamiliar to the audience."),
    ("write-good.Illusions", 5, 64, "'is' is repeated!"),
    ("proselint.Spelling", 7, 36, "Inconsistent spelling of 'color'."),
    ("Microsoft.SentenceLength", 9, 1, "Try to keep sentences short (< 30 words)."),
    (
        "alex.Press",
        11,
        25,
        "Consider using 'muslim', 'person of Islamic faith', 'fanatic', 'zealot', 'follower of islam' "
        "or 'follower of the islamic faith' instead of 'islamist'.",
    ),
]


def _lint(text: str):
    doc = parse(text, "article.md", "markdown")
    active = [ActiveRule(loaded.rule, loaded.check) for loaded in RULESET.rules.values()]
    return lint_document(doc, active, frozenset(RULESET.rules))


def test_every_rule_of_a_shared_type_loads():
    assert sorted(RULESET.rules) == [
        "Google.Acronyms",
        "Microsoft.Headings",
        "Microsoft.SentenceLength",
        "Microsoft.Wordiness",
        "alex.Press",
        "proselint.Spelling",
        "write-good.Illusions",
    ]
    types = {loaded.rule.extends for loaded in RULESET.rules.values()}
    assert types == {"substitution", "occurrence", "capitalization", "conditional", "consistency", "repetition"}


def test_a_rule_type_newslint_lacks_is_skipped_with_a_note():
    (note,) = RULESET.skipped
    assert "FleschKincaid.yml" in note
    assert "'metric' is not supported" in note
    assert "Readability.FleschKincaid" not in RULESET.rules


def test_the_rules_fire_as_in_vale():
    problems = _lint(ARTICLE)
    assert [(p.rule, p.line, p.column, p.message) for p in problems] == EXPECTED


@pytest.mark.parametrize(
    "clean",
    [
        "# Headline\n\n## Getting started with the tool\n\nThe team checked the API.\n",
        "# Headline\n\nThe National Football League (NFL) met. The NFL agreed.\n",
        "# Headline\n\nOur colour scheme and their colour scheme.\n",
    ],
)
def test_clean_text_stays_clean(clean):
    assert _lint(clean) == []
