"""Sentence segmentation's fast paths against the straightforward definitions."""

import random
import re

from newslint.text import segment

# The boundary as first written: any run of sentence-ending marks, searched in the text itself.
PLAIN_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]?([^\W_a-z]|[$£€]))|(?=\s*$))")
PIECES = ["Mr", "mr", "St", "etc", "approx", "Approximately", "U.S", "J", "No", "5", "word", "Élan", "x"]
MARKS = [".", "!", "?", "…", "?!", "..", "!.", ".”", "?)", "", " "]
AFTER = [" ", "  ", "\n", " “", " (", " $", " a", " É", " 7", ""]


def _texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) + rng.choice(MARKS) + rng.choice(AFTER) for _ in range(rng.randint(1, 9)))


def _period_ends_straightforward(text, at, following, floor):
    begin = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at)) + 1
    word = text[max(begin, floor) : at].lstrip("\"'“‘([").lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return False
    if word in segment._NUMBER_ABBREVIATIONS:
        return not (following and following.isdigit())
    return word not in segment._ABBREVIATIONS


def test_boundaries_in_the_text_with_periods_are_the_plain_ones():
    for text in _texts(3000, seed=1):
        periods = segment._with_periods(text)
        found = [(m.span(), m.group(1)) for m in segment._BOUNDARY.finditer(periods)]
        assert found == [(m.span(), m.group(1)) for m in PLAIN_BOUNDARY.finditer(text)], text


def test_a_period_after_a_long_word_ends_as_the_straightforward_rule_says():
    for text in _texts(2000, seed=2):
        for at in (i for i, char in enumerate(text) if char == "."):
            for floor in {0, max(0, at - 3), max(0, at - 8)}:
                for following in (None, "T", "5"):
                    expected = _period_ends_straightforward(text, at, following, floor)
                    assert segment._period_ends(text, at, following, floor) == expected, (text, at, floor)


def test_one_block_and_all_blocks_split_alike():
    for text in _texts(500, seed=3):
        blocks = [(0, len(text))]
        assert segment.sentences(text, 0, len(text)) == segment.sentences_in(text, blocks)
        inner = (2, max(2, len(text) - 2))
        assert segment.sentences(text, *inner) == segment.sentences_in(text, [inner])
