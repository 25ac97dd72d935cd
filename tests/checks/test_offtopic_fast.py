"""offtopic's fast paths give what the straightforward definitions give."""

import math
import random
from collections import Counter

from newslint.checks.offtopic import _linked_share
from newslint.text.cohesion import Background, LexicalScorer, Terms, light_stem, light_stems


def test_light_stems_is_light_stem_of_each_token():
    tricky = "lies ties studies bodies things sings singing address addresses species early eyes ying".split()
    rng = random.Random(7)
    letters = "aeilnsdgy"  # every letter of the suffixes, so cuts are frequent
    tokens = tricky + ["".join(rng.choice(letters) for _ in range(rng.randint(3, 11))) for _ in range(20_000)]
    assert light_stems(tokens) == [light_stem(token) for token in tokens]
    assert light_stems([]) == []


def _split_by_counting(block: range, sets: list[set[str]]):
    """The definition: a stem is shared when a paragraph outside the run has it, spread when two do."""
    counts = Counter(stem for found in sets for stem in found)
    inside = Counter(stem for index in block for stem in sets[index])
    own = set(inside)
    shared = {stem for stem in own if counts[stem] > inside[stem]}
    spread = {stem for stem in shared if counts[stem] - inside[stem] > 1}
    return own, shared, spread


def _terms(sets: list[set[str]]) -> Terms:
    counts = Counter(stem for found in sets for stem in found)
    repeated = {stem for stem, count in counts.items() if count > 1}
    spread = {stem for stem, count in counts.items() if count > 2}
    words = [len(found) for found in sets]
    return Terms(sets, words, sum(words), set(), set(), counts, repeated, spread, [0] * len(sets), 0)


def test_split_of_a_run_matches_counting():
    scorer = LexicalScorer(Background.build([], ""))
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(12)]  # few stems: runs share many of them
    for _ in range(300):
        sets = [set(rng.sample(vocabulary, rng.randint(0, 8))) for _ in range(rng.randint(2, 9))]
        terms = _terms(sets)
        for first in range(len(sets)):
            for last in range(first, len(sets)):
                block = range(first, last + 1)
                assert scorer._split(block, terms) == _split_by_counting(block, sets)


def test_chance_tables_hold_the_formula():
    background = Background.build(["the"], "said year people government police")
    scorer = LexicalScorer(background)
    scorer.stems("The government said police arrested Zelinsky and Okonjo on Tuesday")
    table = scorer._chance_at(640)
    stems = set(scorer.weight) - {""}
    table.cover(stems)
    for stem in stems:
        chance = 1.0 - math.exp(-table.length * scorer.probability[stem])
        assert table.gain[stem] == scorer.weight[stem] * (1.0 - chance)
        assert table.loss[stem] == scorer.weight[stem] * chance
    assert scorer.rare and scorer.rare < stems


def test_linked_share_matches_its_definition():
    rng = random.Random(5)
    for _ in range(500):
        masks = [rng.getrandbits(6) & rng.getrandbits(6) for _ in range(rng.randint(1, 8))]
        linked = sum(bool(mask & _union(masks[:i] + masks[i + 1 :])) for i, mask in enumerate(masks))
        assert _linked_share(masks) == linked / len(masks)


def _union(masks: list[int]) -> int:
    union = 0
    for mask in masks:
        union |= mask
    return union
