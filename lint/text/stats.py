"""Readability scores of a text, equal to textstat's, without importing textstat.

textstat 0.7.13 recomputes its counts for every formula, per word in Python,
and importing it imports NLTK (0.3-0.45 s). ``ProseStats`` counts a text once
with textstat's own tokenisation re-expressed as compiled patterns, takes
syllables from ``newslint.text.syllables`` (textstat's cmudict and Pyphen
counts, from derived tables), and derives each formula from those counts with
textstat's arithmetic in the same order of operations: the values are the
floats textstat returns (``tests/checks/test_readability.py`` compares them,
``==``, on real articles). Every count is computed on first use, then kept.

What textstat counts per word (is it a word, its syllables) and what
newslint's segmentation counts (words per sentence, for the readability
rules' sizes) depend on the whitespace-separated token alone: each distinct
token is counted once for the process and kept as one packed int, so that
counting a text is ``sum(map(...))`` over its tokens, in C (``count_tokens``).

Dale-Chall and Gunning fog also need textstat's list of easy words; it is read
from the installed textstat package's data file, without importing the package
(so it is always the list of the textstat the scores are compared with).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from newslint import regexcache
from newslint.text.segment import WORD
from newslint.text.syllables import CMUDICT_CORPUS, SYLLABLES


@dataclass(frozen=True)
class Metric:
    """A textstat formula: its name there, its label in messages, its direction."""

    name: str
    label: str
    higher_is_easier: bool = False


METRICS = {
    metric.name: metric
    for metric in (
        Metric("flesch_reading_ease", "Flesch reading ease", higher_is_easier=True),
        Metric("flesch_kincaid_grade", "Flesch–Kincaid grade"),
        Metric("gunning_fog", "Gunning fog index"),
        Metric("smog_index", "SMOG index"),
        Metric("coleman_liau_index", "Coleman–Liau index"),
        Metric("automated_readability_index", "Automated readability index"),
        Metric("dale_chall_readability_score", "Dale–Chall score"),
    )
}

# textstat's English constants (textstat/backend/utils/constants.py, LANG_CONFIGS["en"]).
FRE_BASE, FRE_SENTENCE_LENGTH, FRE_SYLLABLES_PER_WORD = 206.835, 1.015, 84.6
FOG_SYLLABLE_THRESHOLD = 3

# textstat's list_words(): drop apostrophes that do not start a contraction's
# ending ('t 's 'd 've 'll 're, lowercase only), then every character that is
# neither a word character, whitespace nor apostrophe; split on whitespace.
# Removal never touches whitespace and the lookahead never crosses it, so each
# whitespace-separated token cleans to its word (or to nothing) on its own:
# newslint splits the text and looks each token up in a process-wide memo (in
# C), and cleans a token only the first time it meets it.
_PUNCTUATION = regexcache.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")

# textstat's count_sentences() finds candidates ``\b[^.!?]+[.!?]*`` and keeps
# those of three words or more (tokens with a word character). A candidate
# runs from the first word character of a run of characters other than . ! ?
# to the end of that run and its closing marks, so the kept ones are the runs
# in which three such tokens follow that first word character: one pattern,
# counted in C. A match starting later in a run has no more words than the
# candidate, so it matches only where the candidate would count.
_SEPARATOR = r"(?:\s+[^.!?\s\w]+)*\s+"  # whitespace, and any tokens without a word character
_NEXT_WORD = _SEPARATOR + r"[^.!?\s\w]*\w"
_LONG_SENTENCE = regexcache.compile(r"\w[^.!?\s]*" + _NEXT_WORD + r"[^.!?\s]*" + _NEXT_WORD + r"[^.!?]*[.!?]*")
_NOT_WORD_CHARACTERS = regexcache.compile(r"\W+")
# Bound on the process-wide token memos (a crawl meets ever more distinct tokens).
MEMO_LIMIT = 200_000

# A token's counts packed in one int, low field first: whether textstat counts
# it as a word (0 or 1), the words newslint's segmentation finds in it
# (``segment.WORD`` matches) and the syllables of its word (the high field,
# unbounded). Summing packed counts sums each field: the two low ones hold at
# most one per two characters of text (a token and the space after it; a word
# and the character joining it to the next), so a sum over a text of fewer
# than MAX_CHARS characters never carries from one field into the next
# (newslint reads no file over 20 MB). Below 2 ** 15 syllables a sum is still
# a machine integer, which ``sum`` adds fastest.
FIELD = 24
MASK = (1 << FIELD) - 1
SYLLABLE_SHIFT = 2 * FIELD
MAX_CHARS = (1 << (FIELD + 1)) - 1


class ProseStats:
    """Counts and scores of one text, as textstat computes them; each on first use, then kept."""

    def __init__(self, text: str):
        if len(text) >= MAX_CHARS:
            raise ValueError(f"readability counts texts of fewer than {MAX_CHARS:,} characters")
        self.text = text

    @classmethod
    def from_counts(cls, text: str, counts: int) -> ProseStats:
        """The stats of ``text``, whose tokens' packed counts are known to add up to ``counts``."""
        stats = cls(text)
        stats.__dict__["_counts"] = counts
        return stats

    # -- counts --------------------------------------------------------------

    @cached_property
    def _tokens(self) -> list[str]:
        """Whitespace-separated tokens of the text."""
        return self.text.split()

    @cached_property
    def _counts(self) -> int:
        """The packed counts of all the text's tokens, added up."""
        return count_tokens([self._tokens])[0]

    @cached_property
    def words(self) -> int:
        """textstat's ``count_words``: tokens with a word character."""
        return self._counts & MASK

    @cached_property
    def sentences(self) -> int:
        if not self.text:
            return 0
        return max(1, len(_LONG_SENTENCE.findall(self.text)))

    @cached_property
    def syllables(self) -> int:
        return self._counts >> SYLLABLE_SHIFT

    @cached_property
    def polysyllables(self) -> int:
        count_tokens([self._tokens])  # puts the tokens in the memo (again, if another text cleared it)
        per_token = map(_TOKEN_COUNTS.__getitem__, self._tokens)
        return sum(1 for packed in per_token if packed >> SYLLABLE_SHIFT >= 3)

    def difficult_words(self, threshold: int) -> int:
        """textstat's ``count_difficult_words``: not on the easy list, ``threshold`` syllables or more."""
        return sum(n for word, n in self._word_counts.items() if _difficult(word) >= threshold)

    @cached_property
    def _word_counts(self) -> Counter:
        """textstat's ``list_words(text)``, counted: words with punctuation removed, case kept."""
        words: Counter = Counter()
        for token, n in Counter(self._tokens).items():
            word = _clean(token)
            if word:
                words[word] += n
        return words

    @cached_property
    def letters(self) -> int:
        """textstat's ``count_letters``: word characters."""
        return len(_NOT_WORD_CHARACTERS.sub("", self.text))

    @cached_property
    def characters(self) -> int:
        """textstat's ``count_chars(text, ignore_spaces=True)``: characters of the tokens."""
        return sum(map(len, self._tokens))

    @cached_property
    def tokens(self) -> int:
        """textstat's ``count_words(text, rm_punctuation=False)``: whitespace-separated tokens."""
        return len(self._tokens)

    # -- textstat's ratios and formulas, operation for operation ------------

    @cached_property
    def words_per_sentence(self) -> float:
        try:
            return self.words / self.sentences
        except ZeroDivisionError:
            return 0.0

    @cached_property
    def syllables_per_word(self) -> float:
        try:
            return self.syllables / self.words
        except ZeroDivisionError:
            return 0.0

    def score(self, name: str) -> float:
        """The value of the textstat formula ``name`` (a key of ``METRICS``)."""
        scores = self.__dict__.setdefault("_scores", {})
        if name not in scores:
            scores[name] = getattr(self, "_" + name)()
        return scores[name]

    def _flesch_reading_ease(self) -> float:
        sentence_length, syllables = self.words_per_sentence, self.syllables_per_word
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return FRE_BASE - FRE_SENTENCE_LENGTH * sentence_length - FRE_SYLLABLES_PER_WORD * syllables

    def _flesch_kincaid_grade(self) -> float:
        sentence_length, syllables = self.words_per_sentence, self.syllables_per_word
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return (0.39 * sentence_length) + (11.8 * syllables) - 15.59

    def _gunning_fog(self) -> float:
        try:
            per_diff_words = 100 * self.difficult_words(FOG_SYLLABLE_THRESHOLD) / self.words
        except ZeroDivisionError:
            return 0.0
        return 0.4 * (self.words_per_sentence + per_diff_words)

    def _smog_index(self) -> float:
        try:
            return (1.043 * (30 * (self.polysyllables / self.sentences)) ** 0.5) + 3.1291
        except ZeroDivisionError:
            return 0.0

    def _dale_chall_readability_score(self) -> float:
        try:
            per_difficult_words = 100 * self.difficult_words(0) / self.words
        except ZeroDivisionError:
            return 0.0
        score = (0.1579 * per_difficult_words) + (0.0496 * self.words_per_sentence)
        if per_difficult_words > 5:
            score += 3.6365
        return score

    def _coleman_liau_index(self) -> float:
        try:
            letters = self.letters / self.words * 100
            sentences = self.sentences / self.words * 100
        except ZeroDivisionError:
            return 0.0
        if letters == 0 or sentences == 0:
            return 0.0
        return (0.058 * letters) - (0.296 * sentences) - 15.8

    def _automated_readability_index(self) -> float:
        try:
            characters_per_word = self.characters / self.tokens
        except ZeroDivisionError:
            characters_per_word = 0.0
        words_per_sentence = self.words_per_sentence
        if characters_per_word == 0 or words_per_sentence == 0:
            return 0.0
        return (4.71 * characters_per_word) + (0.5 * words_per_sentence) - 21.43


# -- per-token counts ------------------------------------------------------


# token -> its packed counts, for the process (a plain dict: set.difference probes it in C).
_TOKEN_COUNTS: dict[str, int] = {}
# Where newslint's words were in a string of tokens, once each is replaced by a mark.
_NOT_MARK = regexcache.compile(r"[^w\n]+")


def _clean(token: str) -> str:
    """The word of list_words() that ``token`` gives ("" for none)."""
    return token if token.isalnum() else _PUNCTUATION.sub("", token)


def count_tokens(token_lists: list[list[str]]) -> list[int]:
    """The packed counts (see FIELD) of each list of tokens, added up.

    Exact for tokens of a text of fewer than MAX_CHARS characters. The
    tokens not met yet are found in C (a set difference against the memo)
    and counted together first; then one C-level sum per list.
    """
    counts = _TOKEN_COUNTS
    new = set().union(*token_lists).difference(counts)
    if new:
        if len(counts) + len(new) > MEMO_LIMIT:
            counts.clear()
            new = set().union(*token_lists)
        _learn(new)
    lookup = counts.__getitem__
    return [sum(map(lookup, tokens)) for tokens in token_lists]


def _learn(tokens: set[str]) -> None:
    """Count each of ``tokens`` (not met yet) and keep the packed counts in the memo.

    No token holds whitespace, and neither cleaning (see _PUNCTUATION),
    lowercasing nor ``segment.WORD`` looks across it: the tokens joined by
    newlines are each pass's input, one call for all of them, not one per token.
    """
    new = list(tokens)
    joined = "\n".join(new)
    cleaned = _PUNCTUATION.sub("", joined)
    words = cleaned.split("\n")  # list_words(): textstat's word of each token ("" for none)
    # textstat counts the syllables of the lowercased word.
    syllables = SYLLABLES.counts(cleaned.lower().split("\n"))
    # Each newslint word becomes the letter "w" (no other "w" is left: it is a word character).
    newslint_words = map(len, _NOT_MARK.sub("", WORD.sub("w", joined)).split("\n"))
    packed = [
        (1 | found << FIELD | count << SYLLABLE_SHIFT) if word else 0  # a token without a word has none of them
        for word, found, count in zip(words, newslint_words, syllables, strict=True)
    ]
    _TOKEN_COUNTS.update(zip(new, packed, strict=True))


def unpack(counts: int) -> tuple[int, int, int]:
    """(textstat's words, newslint's words, syllables) of added-up packed counts."""
    return counts & MASK, (counts >> FIELD) & MASK, counts >> SYLLABLE_SHIFT


# -- difficult words ---------------------------------------------------------

_easy_words: frozenset[str] | None = None
# word of list_words() -> its syllables, or -1 when it is on the easy list.
_difficulty: dict[str, int] = {}


def easy_words() -> frozenset[str]:
    """textstat's English easy words (Dale-Chall), read from its package data without importing it."""
    global _easy_words
    if _easy_words is None:
        from importlib.util import find_spec

        spec = find_spec("textstat")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("textstat is needed for its list of easy words (pip install textstat)")
        path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
        with path.open(encoding="utf-8") as lines:  # stripped lines, as textstat reads them
            _easy_words = frozenset(line.strip() for line in lines)
    return _easy_words


def _difficult(word: str) -> int:
    """textstat's ``is_difficult_word`` as a number: -1 for an easy word, else its syllables.

    textstat lowercases the word, checks the easy list, then counts the syllables
    of the lowercased word as a text (removing punctuation again, lowercasing again).
    """
    found = _difficulty.get(word)
    if found is None:
        if len(_difficulty) > MEMO_LIMIT:
            _difficulty.clear()
        lowered = word.lower()
        if lowered in easy_words():
            found = -1
        else:
            pieces = _PUNCTUATION.sub("", lowered).lower().split()
            found = sum(map(SYLLABLES.of_word, pieces))
        _difficulty[word] = found
    return found


def textstat_reference(text: str, name: str) -> Any:
    """What textstat's public API returns for ``name`` on ``text``: for tests and benchmarks only.

    The one place newslint imports textstat (and NLTK), with the shipped
    cmudict corpus first on NLTK's path so that textstat never downloads it.
    """
    import nltk

    corpus = str(CMUDICT_CORPUS.parents[2])
    if corpus not in nltk.data.path:
        nltk.data.path.insert(0, corpus)
    from textstat.textstat import textstatistics

    return getattr(textstatistics(), name)(text)
