"""Readability scores of a text, equal to textstat's, computed once per text.

textstat recomputes its counts for every formula it is asked for, and looks up
syllables through caches of 128 entries, so several formulas over an article
cost several passes of per-word Python. ``ProseStats`` counts a text once
(words, sentences, syllables, hard words) with textstat's own tokenizer and
per-word functions, memoised for the process, and derives every formula from
those counts with textstat's own arithmetic, in the same order of operations:
the values are the floats textstat returns (``tests/checks/test_readability.py``
compares them on real articles).

textstat, NLTK and the CMU dictionary are loaded on the first score asked
for, never on import: a run without readability scores does not pay for them.
NLTK's ``cmudict`` corpus ships in ``newslint/data/nltk_data`` and is put first
on ``nltk.data.path`` before textstat looks for it, so textstat never tries to
download it (it would, and fail, on a machine without internet access).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

# textstat's default language: its English formulas, cmudict syllables.
LANG = "en_US"
NLTK_DATA = Path(__file__).resolve().parent.parent / "data" / "nltk_data"


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


def use_shipped_corpus() -> None:
    """Put newslint's copy of NLTK's cmudict first on NLTK's search path."""
    import nltk

    path = str(NLTK_DATA)
    if path not in nltk.data.path:
        nltk.data.path.insert(0, path)


# One cmudict line: WORD, variant number, phones ("ABACUS 1 AE1 B AH0 K AH0 S").
_CMUDICT_ENTRY = re.compile(r"^(\S+)[ \t]+\S+[ \t]*(.*)$", re.MULTILINE)


def cmudict_syllables() -> dict[str, int]:
    """Syllables of each cmudict word as textstat counts them from ``nltk.corpus.cmudict``.

    textstat takes a word's first pronunciation from NLTK's ``cmudict.dict()``
    (lowercased words) and counts its phones that end in a stress digit. NLTK
    needs 0.65 s to build that dict; reading the shipped file directly takes
    0.1 s and gives the same numbers (a test compares every word).
    """
    text = (NLTK_DATA / "corpora" / "cmudict" / "cmudict").read_text(encoding="utf-8")
    entries = _CMUDICT_ENTRY.findall(text)
    words = [word.lower() for word, _ in entries]
    # Only vowels end in a stress digit (0, 1, 2), so counting digits counts them.
    syllables = [phones.count("0") + phones.count("1") + phones.count("2") for _, phones in entries]
    # Reversed, so that a word's first pronunciation is the one that stays.
    return dict(zip(reversed(words), reversed(syllables), strict=True))


class _Textstat:
    """textstat's tokenizers, its word lists and the per-word memos, loaded on first use."""

    def __init__(self):
        use_shipped_corpus()
        from textstat.backend import counts, metrics, selections, utils

        self.counts, self.metrics, self.selections = counts, metrics, selections
        self.cmudict = cmudict_syllables()
        self.pyphen = utils.get_pyphen(LANG)
        self.easy_words = utils.get_lang_easy_words(LANG)
        flesch_keys = ("fre_base", "fre_sentence_length", "fre_syll_per_word")
        self.config = {key: utils.get_lang_cfg(LANG, key) for key in flesch_keys}
        self.fog_threshold = int(utils.get_lang_cfg(LANG, "syllable_threshold"))
        # Process-wide memos: word -> value, for every word seen so far.
        self.text_syllables: dict[str, int] = {}
        self.word_syllables: dict[str, int] = {}
        self.difficult: dict[tuple[str, int], bool] = {}

    def syllables_in_text(self, word: str) -> int:
        """The inner loop of textstat's ``count_syllables(text)``, for one lowercased word."""
        count = self.text_syllables.get(word)
        if count is None:
            count = self.cmudict.get(word)
            if count is None:  # textstat falls back to Pyphen's hyphenation points
                count = len(self.pyphen.positions(word)) + 1
            self.text_syllables[word] = count
        return count

    def syllables_of_word(self, word: str) -> int:
        """textstat's ``count_syllables(word)``, as its hard-word counts call it."""
        count = self.word_syllables.get(word)
        if count is None:
            words = self.selections.list_words(word, lowercase=True) if word else []
            count = self.word_syllables[word] = sum(map(self.syllables_in_text, words))
        return count

    def difficult_word(self, word: str, threshold: int) -> bool:
        """textstat's ``is_difficult_word``: not on its easy list, and long enough."""
        key = (word, threshold)
        found = self.difficult.get(key)
        if found is None:
            lowered = word.lower()
            found = (
                len(word.split()) == 1
                and lowered not in self.easy_words
                and self.syllables_of_word(lowered) >= threshold
            )
            self.difficult[key] = found
        return found


_loaded: _Textstat | None = None


def textstat() -> _Textstat:
    global _loaded
    if _loaded is None:
        _loaded = _Textstat()
    return _loaded


class ProseStats:
    """Counts and scores of one text; each computed on first use, then kept."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _ts(self) -> _Textstat:
        return textstat()

    @cached_property
    def _word_counts(self) -> Counter:
        return Counter(self._ts.selections.list_words(self.text))

    @cached_property
    def words(self) -> int:
        return self._word_counts.total()

    @cached_property
    def sentences(self) -> int:
        return self._ts.counts.count_sentences(self.text)

    @cached_property
    def syllables(self) -> int:
        # textstat lowercases the text before splitting it; lowercasing never
        # makes or removes whitespace, so lowercasing each distinct word is the same.
        count = self._ts.syllables_in_text
        return sum(count(word.lower()) * n for word, n in self._word_counts.items())

    @cached_property
    def polysyllables(self) -> int:
        count = self._ts.syllables_of_word
        return sum(n for word, n in self._word_counts.items() if count(word) >= 3)

    def difficult_words(self, threshold: int) -> int:
        difficult = self._ts.difficult_word
        return sum(n for word, n in self._word_counts.items() if difficult(word, threshold))

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
        config = self._ts.config
        return (
            config["fre_base"]
            - config["fre_sentence_length"] * sentence_length
            - config["fre_syll_per_word"] * syllables
        )

    def _flesch_kincaid_grade(self) -> float:
        sentence_length, syllables = self.words_per_sentence, self.syllables_per_word
        if sentence_length == 0 or syllables == 0:
            return 0.0
        return (0.39 * sentence_length) + (11.8 * syllables) - 15.59

    def _gunning_fog(self) -> float:
        try:
            per_diff_words = 100 * self.difficult_words(self._ts.fog_threshold) / self.words
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

    # These two count no syllables: textstat's own functions are cheap enough.
    def _coleman_liau_index(self) -> float:
        return self._ts.metrics.coleman_liau_index(self.text)

    def _automated_readability_index(self) -> float:
        return self._ts.metrics.automated_readability_index(self.text)


def textstat_reference(text: str, name: str) -> Any:
    """What textstat's public API returns for ``name`` on ``text`` (tests, bench)."""
    use_shipped_corpus()
    from textstat.textstat import textstatistics

    return getattr(textstatistics(), name)(text)
