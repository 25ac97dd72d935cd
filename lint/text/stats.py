"""Readability scores of a text, equal to textstat's, without importing textstat.

textstat 0.7.13 recomputes its counts for every formula, per word in Python,
and importing it imports NLTK (0.3-0.45 s). ``ProseStats`` counts a text once
with textstat's own tokenisation re-expressed as compiled patterns, takes
syllables from ``newslint.text.syllables`` (textstat's cmudict and Pyphen
counts, from derived tables), and derives each formula from those counts with
textstat's arithmetic in the same order of operations: the values are the
floats textstat returns (``tests/checks/test_readability.py`` compares them,
``==``, on real articles). Every count is computed on first use, then kept.

Dale-Chall and Gunning fog also need textstat's list of easy words; it is read
from the installed textstat package's data file, without importing the package
(so it is always the list of the textstat the scores are compared with).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

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
_PUNCTUATION = re.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")

# textstat's count_sentences() finds candidates ``\b[^.!?]+[.!?]*`` and keeps
# those of three words or more (tokens with a word character). A candidate
# runs from the first word character of a run of characters other than . ! ?
# to the end of that run and its closing marks, so the kept ones are the runs
# in which three such tokens follow that first word character: one pattern,
# counted in C. A match starting later in a run has no more words than the
# candidate, so it matches only where the candidate would count.
_SEPARATOR = r"(?:\s+[^.!?\s\w]+)*\s+"  # whitespace, and any tokens without a word character
_NEXT_WORD = _SEPARATOR + r"[^.!?\s\w]*\w"
_LONG_SENTENCE = re.compile(r"\w[^.!?\s]*" + _NEXT_WORD + r"[^.!?\s]*" + _NEXT_WORD + r"[^.!?]*[.!?]*")
_NOT_WORD_CHARACTERS = re.compile(r"\W+")
# Bound on the process-wide token memos (a crawl meets ever more distinct tokens).
MEMO_LIMIT = 200_000


class ProseStats:
    """Counts and scores of one text, as textstat computes them; each on first use, then kept."""

    def __init__(self, text: str):
        self.text = text

    # -- counts --------------------------------------------------------------

    @cached_property
    def _tokens(self) -> list[str]:
        """Whitespace-separated tokens of the text."""
        return self.text.split()

    @cached_property
    def words(self) -> int:
        """textstat's ``count_words``: tokens with a word character."""
        tokens = self._tokens
        _ = self.syllables  # counting them notes this text's tokens without a word in _NON_WORDS
        return len(tokens) - sum(map(tokens.count, _NON_WORDS.intersection(tokens)))

    @cached_property
    def sentences(self) -> int:
        if not self.text:
            return 0
        return max(1, len(_LONG_SENTENCE.findall(self.text)))

    @cached_property
    def syllables(self) -> int:
        # textstat lowercases the text then splits it; lowercasing makes and
        # removes no whitespace, so each word's syllables are its lowercase form's.
        return _total_syllables(self._tokens)

    @cached_property
    def polysyllables(self) -> int:
        return sum(1 for syllables in _syllables_per_token(self._tokens) if syllables >= 3)

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


# -- per-token memos ---------------------------------------------------------

# token -> its word's syllables (0 for a token without a word); tokens without a word.
_TOKEN_SYLLABLES: dict[str, int] = {}
_NON_WORDS: set[str] = set()


def _clean(token: str) -> str:
    """The word of list_words() that ``token`` gives ("" for none)."""
    return token if token.isalnum() else _PUNCTUATION.sub("", token)


def _total_syllables(tokens: list[str]) -> int:
    """Syllables of the words of ``tokens``, through the memo (a lookup per token, in C)."""
    memo = _TOKEN_SYLLABLES
    try:
        return sum(map(memo.get, tokens))
    except TypeError:  # None for a token not seen yet
        pass
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    new = list(set(tokens).difference(memo))  # each new token once
    # Cleaning is context-free across whitespace (see _PUNCTUATION) and no
    # token holds any: clean all new tokens in one call on them joined by
    # newlines, not one call per token.
    words = _PUNCTUATION.sub("", "\n".join(new)).split("\n")
    of_word = SYLLABLES.of_word
    for token, word in zip(new, words, strict=True):
        if word:
            memo[token] = of_word(word.lower())
        else:
            _NON_WORDS.add(token)
            memo[token] = 0
    return sum(map(memo.get, tokens))


def _syllables_per_token(tokens: list[str]) -> list[int]:
    counts = list(map(_TOKEN_SYLLABLES.get, tokens))
    if None in counts:
        _total_syllables(tokens)  # puts every token of ``tokens`` in the memo
        counts = list(map(_TOKEN_SYLLABLES.get, tokens))
    return counts


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
