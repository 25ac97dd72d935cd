"""The fast way for words of letters must report exactly what the general way reports."""

import random

import pytest
import yaml

from newslint.checks import repetition
from newslint.checks.repetition import LETTER_WORDS
from tests.conftest import ROOT, lint_snippet

DOUBLED = yaml.safe_load((ROOT / "rules" / "doubled-words.yml").read_text(encoding="utf-8"))
DOUBLED.pop("examples")

# Pieces that test the reduction: joiners in and around words, digits and
# underscores before letters, case pairs that fold apart from lower case
# (ſ/s, ß/ss, Σ/ς/σ, the Kelvin sign), non-ASCII letters, digits and spaces.
PIECES = [
    "the",
    "The",
    "THE",
    "an",
    "in",
    "inside",
    "had",
    "that",
    "bora",
    "Bora",
    "o'neill",
    "O’Neill",
    "o’neill",
    "well-known",
    "well",
    "known",
    "rock-'n",
    "'n",
    "-the",
    "the-",
    "'the'",
    "‘the’",
    "“the”",
    "3a-the",
    "2nd-largest",
    "largest",
    "x_1",
    "_a-b",
    "a",
    "ſ",
    "s",
    "ß",
    "ss",
    "SS",
    "Σ",
    "ς",
    "σ",
    "\u212a",
    "k",
    "é",
    "É",
    "été",
    "½",
    "٣",
    "ａ",
    "—",
    "–",
    "-",
    "'",
    "’",
    ".",
    ",",
    "...",
    "(",
    ")",
    "7",
    "1960s-era",
    "era",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "", ", ", ". ", " - "]


def _texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        # Most texts draw from the first pieces only, so that the fast way is taken.
        pieces = PIECES if rng.random() < 0.3 else PIECES[: PIECES.index("ſ")]
        words = [rng.choice(pieces) for _ in range(rng.randint(2, 14))]
        # Repeat a piece often enough that there is something to find.
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(words))
            words.insert(at, words[at])
        text = words[0]
        for word in words[1:]:
            text += rng.choice(SEPARATORS) + word
        yield text


def _general(monkeypatch, spec, text):
    with monkeypatch.context() as patched:
        patched.setattr(repetition, "_suspects", lambda prose, ignorecase: None)
        return lint_snippet(spec, text)


@pytest.mark.parametrize(("ignorecase", "scope"), [(True, "text"), (False, "text"), (True, ["paragraph", "sentence"])])
def test_fast_way_reports_what_the_general_way_reports(monkeypatch, ignorecase, scope):
    spec = {**DOUBLED, "ignorecase": ignorecase, "scope": scope}
    assert spec["tokens"] == [LETTER_WORDS]
    for text in _texts(1000, seed=9 + ignorecase + len(scope)):
        assert lint_snippet(spec, text) == _general(monkeypatch, spec, text), text


def test_fast_way_finds_repeats_that_need_care(monkeypatch):
    texts = [
        "O’Neill O’Neill came.",
        "'o'neill o'neill'",
        "a-'o'neill o'neill",
        "3a-the the end",
        "the 2nd-largest largest city",
        "Σ σ and ς Σ",
        "Straße STRASSE",
        "été Été x",
        "x_the the",
        "the—the and the-the",
        "the\u00a0the\x1cthe",
        "the the ς Σ",
        "Σ ς the the",
        "in inside ς Σ",  # a candidate ("in in") makes the general way look at the paragraph
        "in inside Straße STRASSE",
    ]
    for text in texts:
        for spec in (DOUBLED, {**DOUBLED, "ignorecase": False}):
            assert lint_snippet(spec, text) == _general(monkeypatch, spec, text), text


def test_other_tokens_keep_the_general_way(monkeypatch):
    calls = []
    monkeypatch.setattr(repetition, "_suspects", lambda prose, ignorecase: calls.append(prose))
    lint_snippet({**DOUBLED, "tokens": [r"[^\s]+"]}, "the the")
    assert calls == []


def test_many_repeats_in_a_long_text(monkeypatch):
    text = " ".join(["ha"] * 3000 + ["The the end, o'neill O’Neill."] * 50)
    assert lint_snippet(DOUBLED, text) == _general(monkeypatch, DOUBLED, text)
    assert repetition._word_offsets("  a b  c d", [0, 2, 3]) == [2, 7, 9]
    many = list(range(40))
    assert repetition._word_offsets(" x" * 40, many) == [1 + 2 * i for i in many]
