"""Syllables of English words, equal to textstat's, without textstat, NLTK or Pyphen.

textstat 0.7.13 counts the syllables of a lowercased word from the first
pronunciation NLTK's ``cmudict`` gives it (phones ending in a stress digit),
and for a word cmudict lacks, as one more than the hyphenation points of
``Pyphen(lang="en_US")``. Doing that through those packages costs about a
second at start-up (importing NLTK, building ``cmudict.dict()``, parsing
Pyphen's patterns), so both are derived once into small tables in
``newslint/data`` (``python bench/build_syllable_tables.py``):

- ``cmudict_syllables.txt``: ``word count`` lines sorted by word, read whole
  (1-3 ms) and searched in place: a bisect over the first word of every
  1,000 characters picks a block, ``str.find`` finds the word in it. No dict
  of 123,000 words is built (30 ms); only the words a run meets are looked
  up (1-2 us each), then memoised.
- ``hyphenation_en_US.marshal``: every prefix of a Pyphen en_US pattern, with
  the values of the patterns it starts with merged (``hyphenation_table``),
  loaded (3-5 ms) on the first word of four letters or more missing from
  cmudict: nearly every article has one (names, numbers).

``tests/checks/test_readability.py`` proves the tables equal NLTK's cmudict and
Pyphen's patterns, and are up to date with the shipped corpus.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CMUDICT_CORPUS = DATA / "nltk_data" / "corpora" / "cmudict" / "cmudict"
CMUDICT_TABLE = DATA / "cmudict_syllables.txt"
HYPHENATION_TABLE = DATA / "hyphenation_en_US.marshal"
# Pyphen's defaults, which textstat keeps: no break within 2 letters of either end.
LEFT, RIGHT = 2, 2
_BLOCK_CHARS = 1000
# Bound on the memo (a crawl meets ever more distinct words).
MEMO_LIMIT = 200_000
_MISSING = object()  # a piece no pattern starts with


class CmudictTable:
    """Lookups in the sorted ``word count`` lines of ``cmudict_syllables.txt``."""

    def __init__(self, text: str):
        # A leading newline, so that every line, the first too, is found as "\nword ".
        self.text = text = "\n" + text
        self.block_starts: list[int] = []
        self.block_words: list[str] = []
        start = 1
        while start < len(text):
            self.block_starts.append(start)
            self.block_words.append(text[start : text.index(" ", start)])
            start = text.find("\n", start + _BLOCK_CHARS) + 1 or len(text)
        self.block_starts.append(len(text))

    def get(self, word: str) -> int | None:
        """Syllables of the first pronunciation of ``word`` (lowercase), None if absent."""
        block = bisect_right(self.block_words, word) - 1
        if block < 0:
            return None
        key = f"\n{word} "
        at = self.text.find(key, self.block_starts[block] - 1, self.block_starts[block + 1])
        if at < 0:
            return None
        digits = at + len(key)
        return int(self.text[digits : self.text.index("\n", digits)])


class Hyphenator:
    """``len(Pyphen(lang="en_US").positions(word))``: Liang's algorithm over Pyphen's patterns.

    ``table`` maps every prefix of a pattern to the values of all the patterns
    it starts with, merged (None when it starts with none). At each position
    of the word the longest piece found in the table carries every pattern
    that matches there, so each position costs one merge.
    """

    def __init__(self, table: dict[str, tuple[int, bytes] | None]):
        self.table = table

    def points(self, word: str) -> int:
        right = len(word) - RIGHT
        if right < LEFT:
            return 0
        pointed = f".{word.lower()}."
        size = len(pointed)
        values = [0] * (size + 1)
        lookup, missing = self.table.get, _MISSING
        for i in range(size - 1):
            # Every prefix of a piece is in the table and a piece's values
            # merge those of its prefixes, so the longest piece found at i
            # carries every pattern that matches there (None: none does).
            merged = None
            for j in range(i + 1, size + 1):
                found = lookup(pointed[i:j], missing)
                if found is missing:  # no pattern starts with this piece: stop growing it
                    break
                merged = found
            if merged is not None:
                offset, weights = merged
                start = i + offset
                if len(weights) == 1:  # most merges: one value, no slices
                    if weights[0] > values[start]:
                        values[start] = weights[0]
                else:
                    at = slice(start, start + len(weights))
                    values[at] = map(max, weights, values[at])
        # Odd values are hyphenation points; values[i] is the point before letter i - 1.
        return sum(value & 1 for value in values[LEFT + 1 : right + 2])


class Syllables:
    """Syllables of lowercase words, memoised for the process; tables loaded on first need."""

    def __init__(self):
        self._cmudict: CmudictTable | None = None
        self._hyphenator: Hyphenator | None = None
        self.memo: dict[str, int] = {}

    def of_word(self, word: str) -> int:
        """textstat's count for one word of its lowercased word list."""
        count = self.memo.get(word)
        if count is None:
            if len(self.memo) > MEMO_LIMIT:
                self.memo.clear()
            if self._cmudict is None:
                self._cmudict = CmudictTable(CMUDICT_TABLE.read_text(encoding="ascii"))
            count = self._cmudict.get(word)
            if count is None:
                count = self._points(word) + 1
            self.memo[word] = count
        return count

    def _points(self, word: str) -> int:
        if len(word) - RIGHT < LEFT:  # too short to break: no need to load the patterns
            return 0
        if self._hyphenator is None:
            self._hyphenator = Hyphenator(marshal.loads(HYPHENATION_TABLE.read_bytes()))
        return self._hyphenator.points(word)


SYLLABLES = Syllables()


# -- deriving the tables (bench/build_syllable_tables.py, tests) -----------------

# One cmudict line: WORD, variant number, phones ("ABACUS 1 AE1 B AH0 K AH0 S").
_CMUDICT_ENTRY = re.compile(r"^(\S+)[ \t]+\S+[ \t]*(.*)$", re.MULTILINE)


def cmudict_syllables(corpus: Path = CMUDICT_CORPUS) -> dict[str, int]:
    """Syllables of each cmudict word as textstat counts them from ``nltk.corpus.cmudict``.

    textstat takes a word's first pronunciation from NLTK's ``cmudict.dict()``
    (lowercased words) and counts its phones that end in a stress digit.
    """
    entries = _CMUDICT_ENTRY.findall(corpus.read_text(encoding="utf-8"))
    words = [word.lower() for word, _ in entries]
    # Only vowels end in a stress digit (0, 1, 2), so counting digits counts them.
    syllables = [phones.count("0") + phones.count("1") + phones.count("2") for _, phones in entries]
    # Reversed, so that a word's first pronunciation is the one that stays.
    return dict(zip(reversed(words), reversed(syllables), strict=True))


def cmudict_table_text(corpus: Path = CMUDICT_CORPUS) -> str:
    """The text of ``cmudict_syllables.txt``: ``word count`` lines, sorted."""
    table = cmudict_syllables(corpus)
    return "".join(f"{word} {table[word]}\n" for word in sorted(table))


def hyphenation_table() -> dict[str, tuple[int, bytes] | None]:
    """Pyphen's en_US patterns (textstat's ``Pyphen(lang="en_US")``), merged by prefix.

    Every prefix of a pattern maps to the values of all the patterns that are
    prefixes of it (itself included), merged by maximum as Pyphen applies
    them, as ``(offset of the first value, values)``; None where none is.
    """
    from pyphen import Pyphen

    patterns = Pyphen(lang="en_US").hd.patterns
    pieces = sorted({pattern[:end] for pattern in patterns for end in range(1, len(pattern) + 1)})
    table: dict[str, tuple[int, bytes] | None] = {}
    for piece in pieces:
        values = [0] * (len(piece) + 1)
        for end in range(1, len(piece) + 1):
            if piece[:end] in patterns:
                offset, weights = patterns[piece[:end]]
                for index, weight in enumerate(weights, offset):
                    values[index] = max(values[index], weight)
        if any(values):
            first = next(index for index, value in enumerate(values) if value)
            last = max(index for index, value in enumerate(values) if value)
            table[piece] = (first, bytes(values[first : last + 1]))
        else:
            table[piece] = None
    return table
