import pytest

from newslint.errors import NewslintError
from tests.conftest import lint_snippet, spots

BASE = {"extends": "repetition", "message": "'%s' is repeated!", "tokens": [r"[^\s]+"]}
WORDS = {**BASE, "tokens": [r"\b[^\W\d_]+"]}


def test_flags_the_second_of_two_tokens():
    problems = lint_snippet(BASE, "This is is a test of the the thing.")
    assert spots(problems) == [(1, 9, "is"), (1, 26, "the")]
    assert problems[0].message == "'is' is repeated!"


def test_only_whitespace_may_separate_them():
    assert lint_snippet(WORDS, "He said no, no more. Yes. Yes.") == []
    assert spots(lint_snippet(WORDS, "the  \t the")) == [(1, 8, "the")]


def test_punctuation_is_part_of_a_token():
    # "the. The" are different tokens; "U.N. U.N." is a real repeat.
    assert lint_snippet(BASE, "He saw the. The end.") == []
    assert spots(lint_snippet(BASE, "The U.N. U.N. met.")) == [(1, 10, "U.N.")]


def test_ignorecase():
    assert lint_snippet(BASE, "The the end.") == []
    assert spots(lint_snippet({**BASE, "ignorecase": True}, "The the end.")) == [(1, 5, "the")]


def test_alpha_skips_numbers_and_symbols():
    text = "Scores were 2 2 and -- -- then."
    assert spots(lint_snippet(BASE, text)) == [(1, 15, "2"), (1, 24, "--")]
    assert lint_snippet({**BASE, "alpha": True}, text) == []


def test_max_allows_some_repeats():
    spec = {**WORDS, "max": 1}
    assert lint_snippet(spec, "It was very very good.") == []
    assert spots(lint_snippet(spec, "It was very very very good.")) == [(1, 18, "very")]


def test_exceptions_match_the_token_or_the_pair():
    spec = {**WORDS, "exceptions": ["had", "that that"]}
    text = "She had had enough. He said that that was it. The the end. of of"
    assert spots(lint_snippet({**spec, "ignorecase": True}, text)) == [(1, 51, "the"), (1, 63, "of")]


def test_each_paragraph_is_a_unit_and_positions_count_characters():
    text = "Café 🎉 the\nthe end.\nÉté été été"
    assert spots(lint_snippet(WORDS, text)) == [(3, 9, "été")]


def test_quotes_skip():
    spec = {**WORDS, "quotes": "skip"}
    assert lint_snippet(spec, "“We will will it,” she said.") == []
    assert spots(lint_snippet(spec, "“We will,” she said said.")) == [(1, 21, "said")]


def test_bad_token_names_the_key():
    with pytest.raises(NewslintError, match="tokens"):
        lint_snippet({**BASE, "tokens": ["(oops"]}, "x")


def test_a_repeat_across_paragraphs_does_not_hide_one_inside_the_next():
    # One scan covers all paragraphs; "the\nthe" is no repeat, "the the" after it is.
    assert spots(lint_snippet(WORDS, "So the\nthe the end.\nOf of")) == [(2, 5, "the")]
    assert spots(lint_snippet({**WORDS, "ignorecase": True}, "So the\nthe the end.\nOf of")) == [
        (2, 5, "the"),
        (3, 4, "of"),
    ]


def test_a_longer_word_is_no_repeat_of_its_start():
    assert spots(lint_snippet(WORDS, "the theory, in inside, an an")) == [(1, 27, "an")]


def test_overlapping_scopes_are_searched_one_by_one():
    spec = {**WORDS, "ignorecase": True, "scope": ["paragraph", "sentence"]}
    assert spots(lint_snippet(spec, "One two. The the end.")) == [(1, 14, "the")]
