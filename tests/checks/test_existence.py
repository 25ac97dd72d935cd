import pytest

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
