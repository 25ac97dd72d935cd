import re

import pytest

from newslint.checks.patterns import Phrases, alternation, branch_of, tagged_alternation
from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

BASE = {"extends": "existence", "message": "Avoid '%s'.", "tokens": ["reportedly", "U.N."]}


def test_finds_whole_words_only():
    problems = lint_snippet(BASE, "He reportedly left. Unreportedly, no.\nThe U.N. met.")
    assert spots(problems) == [(1, 4, "reportedly"), (2, 5, "U.N.")]
    assert problems[0].message == "Avoid 'reportedly'."


def test_ignorecase_and_nonword():
    assert spots(lint_snippet({**BASE, "ignorecase": True}, "REPORTEDLY so.")) == [(1, 1, "REPORTEDLY")]
    assert lint_snippet(BASE, "REPORTEDLY so.") == []
    assert spots(lint_snippet({**BASE, "nonword": True, "tokens": ["port"]}, "a report")) == [(1, 5, "port")]


def test_exceptions_and_raw():
    spec = {"extends": "existence", "message": "x", "raw": [r"\b[A-Z]{4,}\b"], "exceptions": ["NATO"]}
    assert spots(lint_snippet(spec, "NATO and OPEC met.")) == [(1, 10, "OPEC")]


def test_quotes_skip():
    spec = {**BASE, "quotes": "skip"}
    assert lint_snippet(spec, "“He reportedly left,” she said.") == []
    assert len(lint_snippet({**BASE, "quotes": "only"}, "“He reportedly left,” she said.")) == 1


def test_limit():
    assert len(lint_snippet({**BASE, "limit": 1}, "reportedly reportedly reportedly")) == 1


def test_bad_regex_names_the_key():
    with pytest.raises(NewslintError, match="tokens"):
        lint_snippet({**BASE, "tokens": ["(unclosed"]}, "x")


def test_needs_tokens_or_raw():
    with pytest.raises(NewslintError, match="tokens"):
        lint_snippet({"extends": "existence", "message": "x"}, "x")


# -- the fast scan (``Phrases`` in checks/patterns.py) finds what a plain scan finds --

HEDGES = {
    "extends": "existence",
    "message": "x",
    "ignorecase": True,
    "tokens": ["reportedly", "it is believed", "some say"],
}


def test_ignorecase_scans_a_lower_cased_copy_with_the_same_positions():
    text = "Café owners REPORTEDLY left.\nIt Is Believed that SOME SAY so."
    assert spots(lint_snippet(HEDGES, text)) == [(1, 13, "REPORTEDLY"), (2, 1, "It Is Believed"), (2, 21, "SOME SAY")]


@pytest.mark.parametrize(
    "text",
    [
        "İstanbul: it is believed, ſome say.",  # "İ" lower-cases to two characters
        "Reportedly ıt is believed.",  # dotless i: IGNORECASE folds it, lower() does not
    ],
)
def test_ignorecase_falls_back_where_lower_casing_differs(text):
    found = [problem.match for problem in lint_snippet(HEDGES, text)]
    expected = [m.group() for m in re.finditer(r"(?<!\w)(?:it is believed|some say|reportedly)(?!\w)", text, re.I)]
    assert found == expected and found


def test_documents_without_a_needle_are_skipped_but_regex_tokens_still_match():
    spec = {**BASE, "tokens": ["(?:has|have|had) the ability to", "U\\.N\\.", "colou?r"]}
    assert spots(lint_snippet(spec, "Nothing here.\nNo colr, no U.S.")) == []
    text = "They have the ability to win.\nThe U.N. colour and color."
    assert spots(lint_snippet(spec, text)) == [
        (1, 6, "have the ability to"),
        (2, 5, "U.N."),
        (2, 10, "colour"),
        (2, 21, "color"),
    ]


def test_shared_first_letters_keep_the_longest_token_and_word_edges():
    spec = {**BASE, "tokens": ["U.N.", "UN", "UNESCO", "U.S."]}
    text = "The UN and UNESCO, not UNI or the U.N. or U.S. team."
    assert spots(lint_snippet(spec, text)) == [(1, 5, "UN"), (1, 12, "UNESCO"), (1, 35, "U.N."), (1, 43, "U.S.")]


def test_phrase_patterns_build_tries_and_needles():
    pattern = alternation(["UN", "U\\.N\\.", "US"], words=False, factor=True)
    assert pattern == r"(?:U(?:(?:\.N\.)|(?:N)|(?:S)))"
    assert re.fullmatch(pattern, "U.N.") and re.fullmatch(pattern, "UN") and not re.fullmatch(pattern, "UK")
    tagged = re.compile(tagged_alternation(["[Cc]ease-fire|truce", "cease"], factor=True))
    assert [branch_of(m) for m in tagged.finditer("Cease-fire, a truce, cease.")] == [0, 0, 1]
    assert re.compile(tagged_alternation(["[Cc](?P<name>at)", "cow"], factor=True)).match("Cat")  # not copied
    assert Phrases(["in order to", "reportedly"], key="tokens").plain == ["in order to", "reportedly"]
    assert Phrases(["[A-Z]{3}"], key="tokens").plain is None  # no literal text: every document is scanned
