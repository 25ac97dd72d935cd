import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

ACRONYMS = {
    "extends": "conditional",
    "message": "'%s' has no definition",
    "first": r"\b([A-Z]{3,5})(?:s\b|\b)",
    "second": r"(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)",
    "exceptions": ["BBC"],
}


def test_an_undefined_acronym_is_flagged():
    problems = lint_snippet(ACRONYMS, "The NFL said the BBC was wrong.")
    assert spots(problems) == [(1, 5, "NFL")]
    assert problems[0].message == "'NFL' has no definition"


def test_a_definition_in_the_same_paragraph_or_before_counts():
    text = (
        "The National Football League (NFL) met.\nThe NFL said no.\n"
        "NGOs and the NGO.\nNon Governmental Organisations (NGO) too."
    )
    # "NGOs" is defined by its group, "NGO"; line 3 comes before the definition.
    assert spots(lint_snippet(ACRONYMS, text)) == [(3, 1, "NGOs"), (3, 14, "NGO")]


def test_a_definition_later_in_the_same_paragraph_counts():
    assert lint_snippet(ACRONYMS, "The NFL, or National Football League (NFL), met.") == []


def test_second_without_a_group_is_a_presence_check():
    spec = {"extends": "conditional", "message": "No source for '%s'", "first": r"\bclaims?\b", "second": r"\bsaid\b"}
    text = "The claim is new.\nOfficials said so.\nThe claim holds."
    assert spots(lint_snippet(spec, text)) == [(1, 5, "claim")]


def test_ignorecase():
    spec = {**ACRONYMS, "first": r"\b(Nasa|NASA)\b", "second": r"\((NASA)\)"}
    text = "The agency (NASA) said Nasa would."
    assert spots(lint_snippet(spec, text)) == [(1, 24, "Nasa")]
    assert lint_snippet({**spec, "ignorecase": True}, text) == []


def test_exceptions_and_positions_after_emoji():
    text = "Café 🎉 the BBC and the IAAF met."
    assert spots(lint_snippet(ACRONYMS, text)) == [(1, 24, "IAAF")]


def test_quotes_skip():
    spec = {**ACRONYMS, "quotes": "skip"}
    assert lint_snippet(spec, "“The IAAF is wrong,” she said.") == []


@pytest.mark.parametrize("key", ["first", "second"])
def test_bad_patterns_name_the_key(key):
    with pytest.raises(NewslintError, match=key):
        lint_snippet({**ACRONYMS, key: "(oops"}, "x")
