"""Syllables of English words, equal to textstat's, without textstat, NLTK or Pyphen.

textstat 0.7.13 counts the syllables of a lowercased word from the first
pronunciation NLTK's ``cmudict`` gives it (phones ending in a stress digit),
and for a word cmudict lacks, as one more than the hyphenation points of
``Pyphen(lang="en_US")``. Doing that through those packages costs about a
second at start-up (importing NLTK, building ``cmudict.dict()``, parsing
Pyphen's patterns), so both are derived once into small tables in
``newslint/data`` (``python bench/build_syllable_tables.py``):

- ``cmudict_syllables.marshal``: cmudict's words, sorted, as one string of
  lines, and their counts as one ``bytes``. A one-file run (a pre-commit
  hook) looks its few hundred words up in place (``SortedWords``: a bisect
  picks a block of the string, ``str.find`` the word, 2-3 us each); after
  ``LAZY_LOOKUPS`` words the table becomes a dict in one step (30-40 ms), and
  ``counts`` looks a corpus run's batches of new words up in C.
- ``hyphenation_en_US.marshal``: Pyphen's en_US patterns as a trie of nested
  dicts, each node holding the values of every pattern its path starts with
  (``hyphenation_trie``), loaded (5 ms) on the first word of four letters or
  more missing from cmudict: nearly every article has one (names, numbers).

``tests/checks/test_readability.py`` proves the tables equal NLTK's cmudict and
Pyphen's patterns, and are up to date with the shipped corpus.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path

from newslint import regexcache

DATA = Path(__file__).resolve().parent.parent / "data"
CMUDICT_CORPUS = DATA / "nltk_data" / "corpora" / "cmudict" / "cmudict"
CMUDICT_TABLE = DATA / "cmudict_syllables.marshal"
HYPHENATION_TABLE = DATA / "hyphenation_en_US.marshal"
# Pyphen's defaults, which textstat keeps: no break within 2 letters of either end.
LEFT, RIGHT = 2, 2
# Bound on the memo of words cmudict lacks (a crawl meets ever more of them).
MEMO_LIMIT = 200_000
# Words looked up in place before the whole table is made a dict (which costs
# about as much as 10,000 lookups in place, and pays off on a corpus run).
LAZY_LOOKUPS = 5_000
_BLOCK_CHARS = 1000

# A trie node: the merged values of the patterns its path starts with, as
# (offset of the first value, values), or None; and its children by letter.
Node = tuple[tuple[int, bytes] | None, dict[str, "Node"]]


def _read_table(path: Path) -> tuple[str, bytes]:
    """The shipped table: cmudict's sorted words joined by newlines, and their counts."""
    return marshal.loads(path.read_bytes())


def cmudict_entries(path: Path = CMUDICT_TABLE) -> Iterator[tuple[str, int]]:
    """(word, textstat's syllables) for each cmudict word, from the shipped table in one read."""
    words, counts = _read_table(path)
    return zip(words.split("\n"), counts, strict=True)  # iterating bytes gives the counts


class SortedWords:
    """cmudict's counts looked up in its sorted word string, without building a dict of 123,000 words."""

    def __init__(self, words: str, counts: bytes):
        self.text = text = f"\n{words}\n"  # every word is found as "\nword\n"
        self.counts = counts
        self.block_starts: list[int] = []  # where each block's first word starts
        self.block_words: list[str] = []  # that first word
        self.block_lines: list[int] = []  # and its index in ``counts``
        start, line = 1, 0
        while start < len(text):
            self.block_starts.append(start)
            self.block_words.append(text[start : text.index("\n", start)])
            self.block_lines.append(line)
            following = text.find("\n", start + _BLOCK_CHARS) + 1 or len(text)
            line += text.count("\n", start, following)
            start = following
        self.block_starts.append(len(text))

    @classmethod
    def load(cls, path: Path = CMUDICT_TABLE) -> SortedWords:
        return cls(*_read_table(path))

    def get(self, word: str) -> int | None:
        """textstat's count of ``word`` (lowercase), None if cmudict lacks it."""
        block = bisect_right(self.block_words, word) - 1
        if block < 0:
            return None
        start = self.block_starts[block]
        at = self.text.find(f"\n{word}\n", start - 1, self.block_starts[block + 1])
        if at < 0:
            return None
        return self.counts[self.block_lines[block] + self.text.count("\n", start, at + 1)]


def load_cmudict(path: Path = CMUDICT_TABLE) -> dict[str, int]:
    return dict(cmudict_entries(path))


class Hyphenator:
    """``len(Pyphen(lang="en_US").positions(word))``: Liang's algorithm over Pyphen's patterns.

    ``trie`` is the root's children (see ``hyphenation_trie``). At each
    position of the word, the deepest node the word's letters reach holds the
    values of every pattern that matches there, so each position costs one
    walk (a dict lookup per letter, no substring to hash) and one merge.
    """

    def __init__(self, trie: dict[str, Node]):
        self.trie = trie

    def points(self, word: str) -> int:
        right = len(word) - RIGHT
        if right < LEFT:
            return 0
        pointed = f".{word.lower()}."
        values = [0] * (len(pointed) + 1)
        root = self.trie
        for i, first in enumerate(pointed[:-1]):
            node = root.get(first)
            if node is None:
                continue
            # The deepest node reached carries every pattern that matches at
            # i: a node's values merge those of its ancestors (None: none does).
            merged, children = node
            for letter in pointed[i + 1 :]:
                node = children.get(letter)
                if node is None:
                    break
                merged, children = node
            if merged is not None:
                at, weights = merged
                at += i
                for weight in weights:  # mostly one or two: a loop beats slicing
                    if weight > values[at]:
                        values[at] = weight
                    at += 1
        # Odd values are hyphenation points; values[i] is the point before letter i - 1.
        return sum(value & 1 for value in values[LEFT + 1 : right + 2])


class _Cmudict(dict):
    """cmudict's counts; a word it lacks is hyphenated (``missing``), memoised apart."""

    def __init__(self, entries: Iterator[tuple[str, int]], missing: Callable[[str], int]):
        super().__init__(entries)
        self.missing = missing

    def __missing__(self, word: str) -> int:
        return self.missing(word)


class Syllables:
    """Syllables of lowercase words, tables loaded on first need; words cmudict lacks memoised."""

    def __init__(self):
        self._cmudict: _Cmudict | None = None
        self._sorted: SortedWords | None = None
        self._looked_up: dict[str, int] = {}  # words looked up in place, before the dict
        self._hyphenator: Hyphenator | None = None
        self.memo: dict[str, int] = {}

    @property
    def cmudict(self) -> dict[str, int]:
        """word -> textstat's count, for any word: cmudict's, else from the hyphenation points."""
        if self._cmudict is None:
            self._cmudict = _Cmudict(cmudict_entries(), self._of_missing)
            self._sorted, self._looked_up = None, {}
        return self._cmudict

    def of_word(self, word: str) -> int:
        """textstat's count for one word of its lowercased word list."""
        if self._cmudict is None and len(self._looked_up) < LAZY_LOOKUPS:
            return self._in_place(word)
        return self.cmudict[word]

    def counts(self, words: list[str]) -> list[int]:
        """``of_word`` of each word: the lookups in one C-level pass, only missing words in Python."""
        if self._cmudict is None and len(self._looked_up) + len(words) <= LAZY_LOOKUPS:
            return list(map(self._in_place, words))
        return list(map(self.cmudict.__getitem__, words))

    def _in_place(self, word: str) -> int:
        """A word looked up without the dict (a short run: not worth building it)."""
        count = self._looked_up.get(word)
        if count is None:
            if self._sorted is None:
                self._sorted = SortedWords.load()
            count = self._sorted.get(word)
            self._looked_up[word] = count = self._of_missing(word) if count is None else count
        return count

    def _of_missing(self, word: str) -> int:
        """A word cmudict lacks: one more than its hyphenation points."""
        count = self.memo.get(word)
        if count is None:
            if len(self.memo) > MEMO_LIMIT:
                self.memo.clear()
            count = self.memo[word] = self._points(word) + 1
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
_CMUDICT_ENTRY = regexcache.compile(r"^(\S+)[ \t]+\S+[ \t]*(.*)$", re.MULTILINE)


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


def cmudict_table_bytes(corpus: Path = CMUDICT_CORPUS) -> bytes:
    """The content of ``cmudict_syllables.marshal``: (sorted words joined by newlines, their counts)."""
    table = cmudict_syllables(corpus)
    words = sorted(table)
    return marshal.dumps(("\n".join(words), bytes(table[word] for word in words)))


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


def hyphenation_trie(table: dict[str, tuple[int, bytes] | None] | None = None) -> dict[str, Node]:
    """``hyphenation_table`` as a trie: the root's children, each node ``(values, children)``."""
    table = hyphenation_table() if table is None else table
    root: dict[str, Node] = {}
    for piece in sorted(table, key=len):  # every prefix of a piece is a piece: parents come first
        children = root
        for letter in piece[:-1]:
            children = children[letter][1]
        children[piece[-1]] = (table[piece], {})
    return root
