"""The filters in front of difflib must never hide a copy: compared with every
earlier unit tried in turn, the straightforward way."""

import random
from difflib import SequenceMatcher

import pytest

from newslint.checks.duplicate import VOCABULARY_SLACK, _CopyFinder, normalise

OPTIONS = {"min-words": 6, "similarity": 0.92, "shingle": 3, "sketch": 8, "common-shingle": 40}
VOCABULARY = "the a of to in said police city council vote bridge monday plan new old court judge".split()


def _straightforward(prose, spans, options):
    """Each unit against every earlier unit kept, with ``_near_copy``'s bounds only."""
    similarity, kept, seen, found = options["similarity"], [], {}, []
    for start, end in spans:
        words = normalise(prose[start:end])
        if len(words) < options["min-words"]:
            continue
        if tuple(words) in seen:
            found.append(((start, end), seen[tuple(words)], 1.0))
            continue
        seen[tuple(words)] = start
        best = None
        for other_start, other in kept:
            total = len(words) + len(other)
            if 2 * min(len(words), len(other)) < similarity * total:
                continue
            common = len(set(words) & set(other))
            if 2 * common < (similarity - VOCABULARY_SLACK) * (len(set(words)) + len(set(other))):
                continue
            ratio = SequenceMatcher(None, other, words, autojunk=False).ratio()
            if ratio >= similarity and (best is None or ratio > best[1]):
                best = (other_start, ratio)
        if best is not None:
            found.append(((start, end), *best))
        else:
            kept.append((start, words))
    return found


def _document(rng):
    """Paragraphs of common words, some of them edited copies of earlier ones."""
    paragraphs = []
    for _ in range(rng.randint(9, 40)):
        if paragraphs and rng.random() < 0.4:
            words = rng.choice(paragraphs).split()
            for _ in range(rng.randint(0, 4)):  # a few edits: replace, insert or drop a word
                at = rng.randrange(len(words))
                edit = rng.choice(["replace", "insert", "drop"])
                if edit == "replace":
                    # Mostly a word found nowhere else: the filters count those.
                    words[at] = f"unique{rng.randrange(999)}" if rng.random() < 0.7 else rng.choice(VOCABULARY)
                elif edit == "insert":
                    words.insert(at, rng.choice(VOCABULARY))
                elif len(words) > 1:
                    del words[at]
        else:
            words = [rng.choice(VOCABULARY) for _ in range(rng.randint(3, 30))]
            words += [f"unique{rng.randrange(99)}" for _ in range(rng.randint(0, 4))]
        paragraphs.append(" ".join(words))
    prose = "\n".join(paragraphs)
    spans, at = [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 1
    return prose, spans


@pytest.mark.parametrize("similarity", [0.92, 0.8, 0.6])
def test_copies_match_the_straightforward_way(similarity):
    options = {**OPTIONS, "similarity": similarity}
    rng = random.Random(int(similarity * 100))
    found_any = False
    for _ in range(60):
        prose, spans = _document(rng)
        expected = _straightforward(prose, spans, options)
        assert list(_CopyFinder(options).copies(prose, spans)) == expected
        found_any |= any(likeness < 1 for _, _, likeness in expected)
    assert found_any


def test_a_short_paragraph_needs_repeated_words_to_repeat_a_sentence():
    finder = _CopyFinder({**OPTIONS, "min-words": 10})
    sentence = "researchers say the new vaccine cut infections by half in trials".split()
    assert finder.repeats_words(sentence + sentence)
    assert finder.repeats_words(sentence + ["then"] + sentence[:-1] + ["tests"])
    assert not finder.repeats_words(sentence + "doctors urged more work on dosing before any rollout".split())


def test_paragraphs_ruled_out_hold_no_repeated_sentence():
    # Near copies at the edge of the bound: the filter must let them through.
    finder = _CopyFinder({**OPTIONS, "min-words": 10})
    rng = random.Random(7)
    for _ in range(400):
        first = [rng.choice(VOCABULARY + [f"unique{n}" for n in range(40)]) for _ in range(rng.randint(10, 28))]
        second = list(first)
        for _ in range(rng.randint(0, 2)):
            second[rng.randrange(len(second))] = f"other{rng.randrange(99)}"
        prose = " ".join(first) + ". " + " ".join(second) + "."
        spans = [(0, len(" ".join(first)) + 1), (len(" ".join(first)) + 2, len(prose))]
        if list(finder.copies(prose, spans)):
            words = normalise(prose)
            assert finder.repeats_words(words) and finder.may_repeat(words)


def test_normalise_finds_the_words_the_regex_finds():
    import re
    import unicodedata

    pieces = [
        "U.S.",
        "a..b",
        "...",
        "…",
        "’",
        "“",
        "”",
        "—",
        "–",
        "‘",
        "ﬁ",
        "Ａ",
        "İ",
        "Σ",
        "é",
        "_",
        "x_1",
        "1.5",
        ".",
    ]
    pieces += ["word", "Word", " ", " ", "\n", "-", "'"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        plain = unicodedata.normalize("NFKC", text)
        assert normalise(text) == re.findall(r"[^\W_]+", re.sub(r"\.(?=[^\W_])", "", plain.lower())), text
