"""Lexical cohesion: how much a run of paragraphs shares with the rest of an article.

A ``Scorer`` answers one question, ``similarity(block, article)``: how much
the paragraphs ``article.paragraphs[block]`` belong with the others (0: they
share nothing, 1: everything they say is said elsewhere too). The default
``LexicalScorer`` compares content words and names, each weighted by how rare
it is in typical news (a background list of frequent words, ranked), and
weighs words of the headline and lede most. A semantic scorer (embeddings)
can take its place behind the same protocol.

Speed is the design: each paragraph is reduced once to a *set* of stems with
one ``findall`` on the lower-cased prose and a token -> stem dictionary that
is shared by every document of a run, so no per-word Python loop runs in the
common case; what a run shares with the rest is then found with set algebra
and ``fsum(map(...))`` in C. Sums of weights use ``math.fsum``: it is exact,
so a score does not depend on the order a set is walked in (string hashes,
and with them set order, change from one process to the next).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from math import fsum
from typing import Protocol

from newslint.document import Block, Document
from newslint.text import segment

# Content words: three letters or more. The text is lower-cased first, so one
# cheap class does; contraction stubs ("don" of "don't") are stopwords.
_TOKEN = re.compile(r"[a-z]{3,}")
# Inflections light_stem cuts: the regex ``(?:ies|es|s|ing|ed|ly)$`` applied
# once, with str.endswith (no regex call per new word), by suffix length.
_SUFFIXES_3, _SUFFIXES_2 = ("ies", "ing"), ("es", "ed", "ly")
_CACHE_LIMIT = 300_000  # tokens kept in the shared cache (memory stays flat on a corpus run)


def light_stem(word: str) -> str:
    """Lower-cased word without a common inflection, cut to 7 letters.

    Deliberately crude: "evacuation", "evacuated" and "evacuating" all meet
    at "evacuat", and a rare false meeting costs little in a cohesion score.
    """
    word = word.lower()
    if len(word) > 5:
        # The regex removes the leftmost suffix that ends the word, so a
        # three-letter one before a two-letter one before "s".
        if word.endswith(_SUFFIXES_3):
            word = word[:-3]
        elif word.endswith(_SUFFIXES_2):
            word = word[:-2]
        elif word.endswith("s"):
            word = word[:-1]
    return word[:7]


@dataclass(frozen=True)
class Background:
    """What typical news looks like: stopwords, and frequent words by rank."""

    stopwords: frozenset[str]
    ranks: dict[str, int]  # stem -> rank (1 = most frequent)
    min_weight: float = 0.05
    rate: float = 0.1  # Zipf: a word of rank r is about rate / r of running text
    power: float = 1.0
    _tables: dict = field(default_factory=dict, compare=False, repr=False)  # weights() and probabilities()

    @classmethod
    def build(cls, stopwords: list[str], common_words: str, power: float = 1.0) -> Background:
        ranks: dict[str, int] = {}
        for rank, word in enumerate(common_words.split(), start=1):
            ranks.setdefault(light_stem(word.partition("'")[0]), rank)
        return cls(frozenset(w.lower() for w in stopwords), ranks, power=power)

    def probability(self, stem: str) -> float:
        """Share of running text this stem takes in typical news (Zipf's law on the rank)."""
        return self.rate / self.ranks.get(stem, 2 * len(self.ranks) + 1)

    def weight(self, stem: str) -> float:
        """How much sharing ``stem`` says about a shared subject: log-rank, 1 for unlisted words."""
        rank = self.ranks.get(stem)
        if rank is None:
            return 1.0
        return max(self.min_weight, (math.log1p(rank) / math.log1p(len(self.ranks) * 2)) ** self.power)

    def weights(self) -> dict[str, float]:
        """stem -> weight of every listed stem, computed once (unlisted stems weigh 1)."""
        table = self._tables.get("weight")
        if table is None:
            table = self._tables["weight"] = {stem: self.weight(stem) for stem in self.ranks}
        return table

    def probabilities(self) -> dict[str, float]:
        """stem -> probability of every listed stem, computed once."""
        table = self._tables.get("probability")
        if table is None:
            table = self._tables["probability"] = {stem: self.probability(stem) for stem in self.ranks}
        return table


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
    """A document's paragraphs reduced to stem sets, and what they have in common."""

    stems: list[set[str]]  # per paragraph
    words: list[int]  # tokens per paragraph (content words and stopwords of 3+ letters)
    total_words: int
    key: set[str]  # stems of the headline and the lede
    key_rare: set[str]  # the rare ones among them
    repeated: set[str]  # stems of two or more paragraphs
    spread: set[str]  # stems of three or more paragraphs
    rare_masks: list[int]  # per paragraph, its rare stems as bits (one bit per rare stem of the document)
    key_mask: int  # the rare stems of the headline and the lede as bits
    _counts: Counter | None = None

    def paragraph_counts(self) -> Counter:
        """stem -> paragraphs holding it (only runs of several paragraphs need it)."""
        if self._counts is None:
            self._counts = Counter()
            for found in self.stems:
                self._counts.update(found)
        return self._counts


class LexicalScorer:
    """Shared content words and names, rare ones counting most."""

    def __init__(self, background: Background, lede_weight: float = 2.0, spread_weight: float = 1.0):
        self.background = background
        self.lede_weight = lede_weight
        self.spread_weight = spread_weight
        self._stem: dict[str, str] = {}  # token -> stem ("" for a stopword), shared across documents
        self.weight: dict[str, float] = {"": 0.0}  # stem -> weight
        self.probability: dict[str, float] = {"": 0.0}  # stem -> share of typical running text
        self.rare: set[str] = set()  # stems not in the background list
        self._chance_tables: dict[int, tuple[dict, dict]] = {}

    # -- per document ---------------------------------------------------------

    def _learn(self, tokens: set[str]) -> None:
        """Stem the tokens never seen before (warm after a few documents), and weigh the new stems."""
        background = self.background
        stopwords = background.stopwords
        tokens = list(tokens)
        stems = ["" if token in stopwords else light_stem(token) for token in tokens]
        self._stem.update(zip(tokens, stems, strict=True))
        fresh = set(stems).difference(self.weight)
        if not fresh:
            return
        weights, probabilities = background.weights(), background.probabilities()
        self.weight.update((stem, weights.get(stem, 1.0)) for stem in fresh)
        unlisted = background.probability("")
        self.probability.update((stem, probabilities.get(stem, unlisted)) for stem in fresh)
        self.rare.update(fresh.difference(weights))

    def _forget(self) -> None:
        self._stem.clear()
        self._chance_tables.clear()
        self.rare.clear()
        for table in (self.weight, self.probability):
            table.clear()
            table[""] = 0.0

    def _stem_set(self, tokens: list[str]) -> set[str]:
        found = set(map(self._stem.get, tokens))
        if None in found:  # tokens never seen before: learn them, then look again
            self._learn(set(tokens).difference(self._stem))
            found = set(map(self._stem.__getitem__, tokens))
        found.discard("")
        return found

    def stems(self, text: str) -> set[str]:
        """The stem set of a piece of prose."""
        return self._stem_set(_TOKEN.findall(text.lower()))

    def prepare(self, article: Article) -> Terms:
        terms = article.cache.get("lexical")
        if terms is None:
            if len(self._stem) > _CACHE_LIMIT:  # keep memory flat on a corpus run; never mid-document
                self._forget()
            terms = article.cache["lexical"] = self._prepare(article)
        return terms

    def _prepare(self, article: Article) -> Terms:
        doc = article.doc
        first, last = article.paragraphs[0].start, article.paragraphs[-1].end
        low = doc.prose[first:last].lower()  # offsets shift by ``first``
        findall, stem_set = _TOKEN.findall, self._stem_set
        sets, words = [], []
        for block in article.paragraphs:
            tokens = findall(low, block.start - first, block.end - first)
            sets.append(stem_set(tokens))
            words.append(len(tokens))
        seen: set[str] = set()
        repeated: set[str] = set()
        spread: set[str] = set()
        for found in sets:  # set algebra in C, not a loop over the words
            spread |= found & repeated
            repeated |= found & seen
            seen |= found
        # The headline and the lede say what the article is about.
        key = set(sets[0])
        if doc.headline_span:
            key |= self.stems(doc.prose[slice(*doc.headline_span)])
        # Rare stems as bits of one integer per paragraph: the screen of every
        # run is then a few integer operations (see ``rare_screen``).
        rare = [found & self.rare for found in sets]
        bits = {stem: 1 << place for place, stem in enumerate(seen & self.rare)}
        masks = [sum(map(bits.__getitem__, found)) for found in rare]
        key_mask = sum(map(bits.__getitem__, key.intersection(bits)))
        return Terms(sets, words, sum(words), key, key & self.rare, repeated, spread, masks, key_mask)

    # -- per run ---------------------------------------------------------------

    def _split(self, block: range, terms: Terms) -> tuple[set[str], set[str], set[str]]:
        """(all stems of the run, those the rest also has, those in two or more other paragraphs)."""
        sets = terms.stems
        if len(block) == 1:
            own = sets[block.start]
            return own, own & terms.repeated, own & terms.spread
        counts = terms.paragraph_counts()
        inside: Counter[str] = Counter()
        for index in block:
            inside.update(sets[index])
        own = set(inside)
        shared = {stem for stem in own if counts[stem] > inside[stem]}
        spread = {stem for stem in shared if counts[stem] - inside[stem] > 1}
        return own, shared, spread

    def similarity(self, block: range, article: Article) -> float:
        """Sharing beyond chance: (shared - expected) / (all - expected), weighted.

        Each stem weighs by its rarity in typical news; a stem of the headline
        or lede counts ``lede_weight`` times, one of two or more other
        paragraphs (the story's own vocabulary) ``spread_weight`` times, and
        ``expected`` is what the article would share with the run by chance,
        given its length and how common each stem is in typical news (Zipf on
        the rank), so a short article and a long one are judged on one scale.
        Only runs that pass the cheap rare-word screen get here; the sums run
        in C over per-length tables of each stem's gain and chance.
        """
        terms = self.prepare(article)
        own, shared, spread = self._split(block, terms)
        gain, loss = self._tables(terms.total_words)
        total = fsum(map(gain.__getitem__, own))
        if total <= 0:
            return 1.0
        key = own & terms.key if 0 not in block else set()
        spread = spread - key
        plain = shared - spread - key
        unshared = own - shared - key
        score = (
            self.lede_weight * fsum(map(self.weight.__getitem__, key))
            - fsum(map(loss.__getitem__, key))
            + self.spread_weight * fsum(map(gain.__getitem__, spread))
            + fsum(map(gain.__getitem__, plain))
            - fsum(map(loss.__getitem__, unshared))
        )
        return max(-1.0, min(1.0, score / total))

    def _tables(self, length: int) -> tuple[dict, dict]:
        """(stem -> weight x (1 - chance), stem -> weight x chance) for articles of about ``length`` words."""
        bucket = round(math.log(max(length, 1)) * 20)  # lengths within 5% share a table
        tables = self._chance_tables.get(bucket)
        if tables is None:
            approx = math.exp(bucket / 20)
            tables = self._chance_tables[bucket] = (
                _Chance(approx, self.weight, self.probability, gain=True),
                _Chance(approx, self.weight, self.probability, gain=False),
            )
        return tables

    def shared_rare(self, block: range, article: Article) -> set[str]:
        """Rare stems of the run that the rest also uses."""
        _, shared, _ = self._split(block, self.prepare(article))
        return shared & self.rare

    def spell(self, stems: set[str], block: range, article: Article) -> list[str]:
        """The first spelling of each stem in the run, in text order, most used first among equals."""
        counts: Counter[str] = Counter()
        spelled: dict[str, str] = {}
        for index in block:
            for token in _TOKEN.findall(article.text(index).lower()):
                stem = self._stem.get(token)
                if stem in stems:
                    counts[stem] += 1
                    spelled.setdefault(stem, token)
        order = {stem: place for place, stem in enumerate(spelled)}
        return [spelled[stem] for stem in sorted(spelled, key=lambda stem: (-counts[stem], order[stem]))]

    def shared_key(self, block: range, article: Article) -> set[str]:
        """Rare stems the run shares with the headline or lede."""
        if 0 in block:
            return set()
        terms = self.prepare(article)
        return set().union(*(terms.stems[i] & terms.key_rare for i in block))

    def introduced(self, block: range, article: Article, limit: int = 3) -> list[str]:
        """Names, then rare words, of the run that the rest never uses, as spelled in the text."""
        terms = self.prepare(article)
        own, shared, _ = self._split(block, terms)
        new = own - shared - terms.key
        doc = article.doc
        found: list[str] = []
        names = [name for index in block for name in self.names(doc, article.paragraphs[index])]
        for spelling, stems in names:
            if stems and stems <= new and spelling not in found:
                found.append(spelling)
        if len(found) < limit:
            named = set().union(*(stems for _, stems in names)) if names else set()
            for word in self.spell((new - named) & self.rare, block, article):
                if word not in found:
                    found.append(word)
        return found[:limit]

    def names(self, doc: Document, block: Block) -> list[tuple[str, set[str]]]:
        """(spelling, stems) of the capitalised runs of a paragraph not at a sentence start."""
        sentence_starts = {s for s, _ in segment.sentences(doc.prose, block.start, block.end)}
        prose = doc.prose
        names: list[tuple[str, set[str]]] = []
        run: list[tuple[int, int]] = []  # the capitalised run being read
        for match in _WORD.finditer(prose, block.start, block.end):
            s, e = match.span()
            capital = prose[s].isupper() and s not in sentence_starts
            if capital and (not run or prose[run[-1][1] : s] == " "):
                run.append((s, e))
                continue
            self._close_name(run, prose, names)
            run = [(s, e)] if capital else []
        self._close_name(run, prose, names)
        return names

    def _close_name(self, run: list[tuple[int, int]], prose: str, names: list) -> None:
        if run:
            spelling = prose[run[0][0] : run[-1][1]].rstrip(".")
            names.append((spelling, self.stems(spelling)))


_WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")


class _Chance(dict):
    """stem -> its weight times (1 - chance) or times chance of meeting it in ``length`` words; filled on demand."""

    def __init__(self, length: float, weight: dict, probability: dict, gain: bool):
        super().__init__()
        self.length, self.weight, self.probability, self.gain = length, weight, probability, gain

    def __missing__(self, stem: str) -> float:
        chance = 1.0 - math.exp(-self.length * self.probability[stem])
        value = self.weight[stem] * ((1.0 - chance) if self.gain else chance)
        self[stem] = value
        return value
