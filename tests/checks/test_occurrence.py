import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

COMMAS = {"extends": "occurrence", "message": "More than 3 commas (%d).", "scope": "sentence", "max": 3, "token": ","}


def test_max_per_sentence_points_at_the_first_match():
    text = "One, two, three, four, five. Fine, ok.\nA, b, c, d, e."
    problems = lint_snippet(COMMAS, text)
    assert spots(problems) == [(1, 4, ", two, three, four, five."), (2, 2, ", b, c, d, e.")]
    assert problems[0].message == "More than 3 commas (4)."


def test_exactly_max_is_fine():
    assert lint_snippet(COMMAS, "One, two, three, four.") == []


def test_min_per_paragraph_and_a_unit_without_any_match():
    spec = {
        "extends": "occurrence",
        "message": "Only {count} words.",
        "scope": "paragraph",
        "min": 3,
        "token": r"\b\w+\b",
    }
    problems = lint_snippet(spec, "Too short.\nThis one is long enough.\nÉté 🎉")
    assert spots(problems) == [(1, 1, "Too short."), (3, 1, "Été 🎉")]
    assert problems[0].message == "Only 2 words."
    none = {**spec, "token": "zzz", "min": 1, "message": "%s found"}
    assert [p.message for p in lint_snippet(none, "Nothing here.")] == ["0 found"]


def test_whole_document_scopes_count_once_and_point_past_the_max():
    spec = {"extends": "occurrence", "message": "Too many: %d", "max": 2, "token": r"\bUN\b"}
    problems = lint_snippet(spec, "The UN met.\nThe UN said.\nThe UN and the UN agreed.")
    assert spots(problems) == [(3, 5, "UN")]
    assert problems[0].message == "Too many: 4"
    assert lint_snippet({**spec, "max": 4}, "The UN met.\nThe UN said.\nThe UN and the UN agreed.") == []


def test_min_over_the_whole_text():
    spec = {"extends": "occurrence", "message": "No dateline", "scope": "text", "min": 1, "token": "LONDON"}
    assert spots(lint_snippet(spec, "First line.\nSecond line.")) == [(1, 1, "First line.")]
    assert lint_snippet(spec, "First line.\nLONDON -- Second.") == []


def test_ignorecase():
    spec = {"extends": "occurrence", "message": "x", "max": 1, "token": "breaking"}
    text = "Breaking: a. BREAKING: b."
    assert lint_snippet(spec, text) == []
    assert spots(lint_snippet({**spec, "ignorecase": True}, text)) == [(1, 14, "BREAKING")]


def test_headline_scope_in_markdown():
    spec = {"extends": "occurrence", "message": "Long headline", "scope": "headline", "max": 5, "token": r"\S+"}
    text = "# One two three four five six\n\nBody one two three four five six seven.\n"
    assert spots(lint_snippet(spec, text, "markdown")) == [(1, 27, "six")]


def test_needs_max_or_min_and_a_valid_token():
    with pytest.raises(NewslintError, match="max"):
        lint_snippet({"extends": "occurrence", "message": "x", "token": "a"}, "a")
    with pytest.raises(NewslintError, match="token"):
        lint_snippet({"extends": "occurrence", "message": "x", "max": 1, "token": "(a"}, "a")
