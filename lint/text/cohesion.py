"""Lexical cohesion: how much a block of paragraphs shares with the rest of an article.

A ``Scorer`` answers one question, ``similarity(block, article)``: how much
the paragraphs ``article.paragraphs[block]`` belong with the others (0: they
share nothing, 1: everything they say is said elsewhere too). The default
``LexicalScorer`` compares content words and names, each weighted by how rare
it is in typical news (a background list of frequent words, ranked), and
weighs words of the headline and lede most. A semantic scorer (embeddings)
can take its place behind the same protocol.

Work is done once per document: each paragraph is reduced to a map of
stems to weights, and a count of the paragraphs holding each stem; judging a
run of paragraphs then only walks the run's own stems.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from newslint.document import Block, Document
from newslint.text import segment

_SUFFIXES = re.compile(r"(?:ies|es|s|ing|ed|ly)$")
_POSSESSIVE = re.compile(r"['’]s?$")


def light_stem(word: str) -> str:
    """Lower-cased word without a possessive or a common inflection, cut to 7 letters.

    Deliberately crude: "evacuation", "evacuated" and "evacuating" all meet
    at "evacuat", and a rare false meeting costs little in a cohesion score.
    """
    word = _POSSESSIVE.sub("", word.lower())
    if len(word) > 5:
        word = _SUFFIXES.sub("", word, count=1)
    return word[:7]


@dataclass(frozen=True)
class Background:
    """What typical news looks like: stopwords, and frequent words by rank."""

    stopwords: frozenset[str]
    ranks: dict[str, int]  # stem -> rank (1 = most frequent)
    min_weight: float = 0.05
    rate: float = 0.1  # Zipf: a word of rank r is about rate / r of running text
    power: float = 1.0

    @classmethod
    def build(cls, stopwords: list[str], common_words: str, rate: float = 0.1, power: float = 1.0) -> Background:
        ranks: dict[str, int] = {}
        for rank, word in enumerate(common_words.split(), start=1):
            ranks.setdefault(light_stem(word), rank)
        return cls(frozenset(w.lower() for w in stopwords), ranks, rate=rate, power=power)

    def probability(self, stem: str) -> float:
        """Share of running text this stem takes in typical news (Zipf's law on the rank)."""
        return self.rate / self.ranks.get(stem, 2 * len(self.ranks) + 1)

    def weight(self, stem: str) -> float:
        """How much sharing ``stem`` says about a shared subject: log-rank, 1 for unlisted words."""
        rank = self.ranks.get(stem)
        if rank is None:
            return 1.0
        return max(self.min_weight, (math.log1p(rank) / math.log1p(len(self.ranks) * 2)) ** self.power)


@dataclass
class Article:
    """What a scorer judges: a document's article paragraphs and its headline."""

    doc: Document
    paragraphs: list[Block]
    cache: dict = field(default_factory=dict)  # per-document work of the scorers

    def text(self, index: int) -> str:
        block = self.paragraphs[index]
        return self.doc.prose[block.start : block.end]


class Scorer(Protocol):
    def similarity(self, block: range, article: Article) -> float:
        """How much ``article.paragraphs[block]`` belongs with the rest: 1 all, 0 chance, below 0 less."""
        ...


@dataclass
class Terms:
    """One paragraph reduced to weighted stems."""

    weights: dict[str, float]
    surface: dict[str, str]  # stem -> first spelling seen
    words: int
    start: int
    end: int


class LexicalScorer:
    """Shared content words and names, rare ones counting most."""

    def __init__(
        self, background: Background, lede_weight: float = 2.0, spread_weight: float = 1.0, min_word_length: int = 3
    ):
        self.background = background
        self.lede_weight = lede_weight
        self.spread_weight = spread_weight
        self.min_word_length = min_word_length
        self._stems: dict[str, tuple[str, float]] = {}

    # -- per document ---------------------------------------------------------

    def prepare(self, article: Article) -> dict:
        state = article.cache.get("lexical")
        if state is None:
            doc = article.doc
            starts = article.cache.setdefault("word_starts", [s for s, _ in doc.words])
            terms = [self._terms(doc, starts, b.start, b.end) for b in article.paragraphs]
            counts: Counter[str] = Counter()
            for item in terms:
                counts.update(item.weights.keys())
            # The headline and the lede say what the article is about.
            key = set(terms[0].weights) if terms else set()
            if doc.headline_span:
                headline = self._terms(doc, None, *doc.headline_span)
                key |= headline.weights.keys()
            words = sum(item.words for item in terms)
            # What the article would share with any block by chance, given its
            # length and each word's share of typical news (Zipf on the rank).
            probability = self.background.probability
            expected = {stem: 1.0 - math.exp(-words * probability(stem)) for stem in counts}
            state = article.cache["lexical"] = {
                "terms": terms,
                "counts": counts,
                "key": key,
                "words": words,
                "expected": expected,
            }
        return state

    def _stem(self, token: str) -> tuple[str, float]:
        """(stem, weight) of a token; the stem is "" for a stopword or a number."""
        cached = self._stems.get(token)
        if cached is None:
            lower = token.rstrip(".").lower()
            if lower in self.background.stopwords or len(lower) < self.min_word_length or not lower[0].isalpha():
                cached = ("", 0.0)
            else:
                stem = light_stem(lower)
                cached = (stem, self.background.weight(stem))
            if len(self._stems) > 200_000:  # keep memory flat on a long corpus run
                self._stems.clear()
            self._stems[token] = cached
        return cached

    def _terms(self, doc: Document, starts, start: int, end: int) -> Terms:
        if starts is None:
            spans = [m.span() for m in _WORD.finditer(doc.prose, start, end)]
        else:
            spans = doc.words[bisect_left(starts, start) : bisect_left(starts, end)]
        prose = doc.prose
        weights: dict[str, float] = {}
        surface: dict[str, str] = {}
        known = self._stems.get
        for s, e in spans:  # the hot loop of the rule: keep it lean
            token = prose[s:e]
            found = known(token) or self._stem(token)
            if found[0]:
                weights[found[0]] = found[1]
                if found[0] not in surface:
                    surface[found[0]] = token.rstrip(".")
        return Terms(weights, surface, len(spans), start, end)

    def names(self, article: Article, index: int) -> list[tuple[str, tuple[str, ...]]]:
        """(spelling, stems) of the capitalised runs of a paragraph not at a sentence start."""
        doc = article.doc
        block = article.paragraphs[index]
        sentence_starts = {s for s, _ in segment.sentences(doc.prose, block.start, block.end)}
        prose = doc.prose
        names: list[tuple[str, tuple[str, ...]]] = []
        run: list[tuple[int, int, str]] = []  # the capitalised run being read
        for match in _WORD.finditer(prose, block.start, block.end):
            s, e = match.span()
            token = prose[s:e].rstrip(".")
            stem = self._stem(token)[0]
            capital = token[:1].isupper() and s not in sentence_starts
            if capital and (not run or prose[run[-1][1] : s] == " "):
                run.append((s, e, stem))
                continue
            _close_name(run, prose, names)
            run = [(s, e, stem)] if capital else []
        _close_name(run, prose, names)
        return names

    # -- per block -------------------------------------------------------------

    def similarity(self, block: range, article: Article) -> float:
        """Sharing beyond chance: (shared - expected) / (all - expected), weighted.

        ``expected`` is what the article would share with the block by
        chance, given its length and how common each word is in typical news,
        so a short article and a long one are judged on one scale.
        """
        state = self.prepare(article)
        terms, counts, expected = state["terms"], state["counts"], state["expected"]
        key = state["key"] if 0 not in block else ()
        if len(block) == 1:
            weights = terms[block.start].weights
            inside: dict[str, int] = {}
        else:
            inside = Counter()
            weights = {}
            for index in block:
                inside.update(terms[index].weights.keys())
                weights.update(terms[index].weights)
        times_in_block = inside.get
        lede_weight, spread_weight = self.lede_weight, self.spread_weight
        total = shared = 0.0
        for stem, weight in weights.items():
            chance = expected[stem]
            gain = weight * (1.0 - chance)
            total += gain
            if stem in key:
                shared += weight * (lede_weight - chance)
                continue
            elsewhere = counts[stem] - times_in_block(stem, 1)
            if elsewhere > 1:  # a word of several other paragraphs is the story's own
                shared += gain * spread_weight
            elif elsewhere:
                shared += gain
            else:
                shared -= weight * chance
        return max(-1.0, min(1.0, shared / total)) if total > 0 else 1.0

    def shared_terms(self, block: range, article: Article, min_weight: float = 1.0) -> list[str]:
        """Rare words of the block that the rest also uses, in the block's order."""
        return [word for word, _ in self.shared_rare(block, article, min_weight)]

    def shared_rare(self, block: range, article: Article, min_weight: float = 1.0) -> list[tuple[str, bool]]:
        """(spelling, also in headline or lede) of the rare words the block shares with the rest."""
        state = self.prepare(article)
        terms, counts = state["terms"], state["counts"]
        key = state["key"] if 0 not in block else set()
        inside: Counter[str] = Counter()
        for index in block:
            inside.update(terms[index].weights.keys())
        found: dict[str, tuple[str, bool]] = {}
        for index in block:
            for stem, weight in terms[index].weights.items():
                if weight >= min_weight and stem not in found and (stem in key or counts[stem] > inside[stem]):
                    found[stem] = (terms[index].surface[stem].lower(), stem in key)
        return list(found.values())

    def introduced(self, block: range, article: Article, limit: int = 3) -> list[str]:
        """Names, then rare words, of the block that the rest never uses."""
        state = self.prepare(article)
        terms, counts = state["terms"], state["counts"]
        inside: Counter[str] = Counter()
        for index in block:
            inside.update(terms[index].weights.keys())
        new = {stem for stem in inside if counts[stem] == inside[stem] and stem not in state["key"]}
        found: list[str] = []
        names = [item for index in block for item in self.names(article, index)]
        for spelling, stems in names:
            if stems and all(s in new for s in stems) and spelling not in found:
                found.append(spelling)
        if len(found) < limit:
            named = {s for _, stems in names for s in stems}
            words = []
            for index in block:
                for stem, weight in terms[index].weights.items():
                    if stem in new and stem not in named and weight >= 1.0:
                        words.append((-inside[stem], index, terms[index].surface[stem].lower()))
            for _, _, word in sorted(words, key=lambda item: item[:2]):
                if word not in found:
                    found.append(word)
        return found[:limit]

    def words(self, block: range, article: Article) -> int:
        terms = self.prepare(article)["terms"]
        return sum(terms[index].words for index in block)


_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")


def _close_name(run: list[tuple[int, int, str]], prose: str, names: list) -> None:
    """Record a finished run of capitalised words as one name."""
    if run:
        stems = tuple(stem for _, _, stem in run if stem)
        names.append((prose[run[0][0] : run[-1][1]].rstrip("."), stems))
