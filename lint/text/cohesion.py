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
common case (tokens never seen before are stemmed once per document, in two
regex passes over them all). How many paragraphs hold each stem is counted
once per document in C; what a run shares with the rest is then found with
set algebra (only stems in several paragraphs of a multi-paragraph run are
looked at one by one) and ``fsum(map(...))`` in C over per-length tables of
each stem's gain and loss, filled as stems come (rare stems share one value).
Sums of weights use ``math.fsum``: it is exact, so a score does not depend on
the order a set is walked in (string hashes, and with them set order, change
from one process to the next).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, repeat
from math import fsum
from typing import Protocol

from newslint import regexcache
from newslint.document import Block, Document
from newslint.text import segment

# Content words: three letters or more. The text is lower-cased first, so one
# cheap class does; contraction stubs ("don" of "don't") are stopwords.
_TOKEN = regexcache.compile(r"[a-z]{3,}+")  # possessive: no backtracking to try
# Inflections light_stem cuts: the regex ``(?:ies|es|s|ing|ed|ly)$`` applied
# once, with str.endswith (no regex call per new word), by suffix length.
_SUFFIXES_3, _SUFFIXES_2 = ("ies", "ing"), ("es", "ed", "ly")
# The same cut for many tokens at once (``light_stems``), on the tokens joined
# by newlines: the suffix that ends a line of six letters or more (the
# leftmost match is the longest suffix, the one light_stem cuts), then the
# first seven letters of each line.
_INFLECTION = regexcache.compile(r"(?:ies|ing|es|ed|ly|s)$(?<=[a-z]{6})", re.MULTILINE)
_FIRST_SEVEN = regexcache.compile(r"^[a-z]{1,7}", re.MULTILINE)
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


def light_stems(tokens: list[str]) -> list[str]:
    """``light_stem`` of each token (lower-case letters a-z only) in two regex passes, not a call per token."""
    return _FIRST_SEVEN.findall(_INFLECTION.sub("", "\n".join(tokens)))


@dataclass(frozen=True)
class Background:
    """What typical news looks like: stopwords, and frequent words by rank."""

    stopwords: frozenset[str]
    ranks: dict[str, int]  # stem -> rank (1 = most frequent)
    min_weight: float = 0.05
    rate: float = 0.1  # Zipf: a word of rank r is about rate / r of running text
    power: float = 1.0

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

    @cached_property
    def weights(self) -> dict[str, float]:
        """stem -> weight of every listed stem, computed once (unlisted stems weigh 1)."""
        return {stem: self.weight(stem) for stem in self.ranks}

    @cached_property
    def probabilities(self) -> dict[str, float]:
        """stem -> probability of every listed stem, computed once."""
        return {stem: self.probability(stem) for stem in self.ranks}


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
    counts: Counter[str]  # stem -> paragraphs holding it
    repeated: set[str]  # stems of two or more paragraphs
    spread: set[str]  # stems of three or more paragraphs
    rare_masks: list[int]  # per paragraph, its rare stems as bits (one bit per rare stem of the document)
    key_mask: int  # the rare stems of the headline and the lede as bits
    chance: _Chance | None = None  # gain and loss per stem at this article's length, once a run is scored


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
        self.unlisted_probability = background.probability("")  # that of every rare stem
        self._chance_tables: dict[int, _Chance] = {}

    # -- per document ---------------------------------------------------------

    def _learn(self, tokens: set[str]) -> None:
        """Stem the tokens never seen before (warm after a few documents), and weigh the new stems."""
        background = self.background
        stopwords = tokens & background.stopwords
        self._stem.update(dict.fromkeys(stopwords, ""))
        words = list(tokens - stopwords)
        stems = light_stems(words)
        self._stem.update(zip(words, stems, strict=True))
        fresh = list(set(stems).difference(self.weight))
        if not fresh:
            return
        weights, probabilities = background.weights, background.probabilities
        self.weight.update(zip(fresh, map(weights.get, fresh, repeat(1.0)), strict=True))
        unlisted = self.unlisted_probability
        self.probability.update(zip(fresh, map(probabilities.get, fresh, repeat(unlisted)), strict=True))
        self.rare.update(set(fresh).difference(weights))

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

    def _stem_sets(self, paragraphs: list[list[str]]) -> list[set[str]]:
        """The stem set of each paragraph's tokens; tokens never seen before are learned first, all at once.

        Nearly every document brings new tokens, so they are looked for in
        the document's token set (whose hashes the lookups below then reuse)
        rather than by a second lookup of each paragraph that has one.
        """
        new = set().union(*paragraphs).difference(self._stem)
        if new:
            self._learn(new)
        stem = self._stem.__getitem__
        sets = [set(map(stem, tokens)) for tokens in paragraphs]
        for found in sets:
            found.discard("")
        return sets

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
        findall = _TOKEN.findall
        tokens = [findall(low, block.start - first, block.end - first) for block in article.paragraphs]
        words = list(map(len, tokens))
        sets = self._stem_sets(tokens)
        counts = Counter(chain.from_iterable(sets))  # counted in C, not a loop over the words
        repeated = {stem for stem, count in counts.items() if count > 1}
        spread = {stem for stem in repeated if counts[stem] > 2}
        # The headline and the lede say what the article is about.
        key = set(sets[0])
        if doc.headline_span:
            key |= self.stems(doc.prose[slice(*doc.headline_span)])
        # Rare stems as bits of one integer per paragraph (1, 2, 4, ... in the
        # order of a set): the screen of every run is then a few integer operations.
        rare = [found & self.rare for found in sets]
        seen_rare = set().union(*rare)
        bits = dict(zip(seen_rare, map((1).__lshift__, range(len(seen_rare))), strict=True))
        masks = [sum(map(bits.__getitem__, found)) for found in rare]
        key_mask = sum(map(bits.__getitem__, key.intersection(bits)))
        return Terms(sets, words, sum(words), key, key & self.rare, counts, repeated, spread, masks, key_mask)

    # -- per run ---------------------------------------------------------------

    def _split(self, block: range, terms: Terms) -> tuple[set[str], set[str], set[str]]:
        """(all stems of the run, those the rest also has, those in two or more other paragraphs).

        A stem in one paragraph of the run is shared as it would be for that
        paragraph alone (``repeated``, ``spread``); only the few stems in
        several paragraphs of the run are counted one by one.
        """
        sets = terms.stems
        if len(block) == 1:
            own = sets[block.start]
            return own, own & terms.repeated, own & terms.spread
        run = sets[block.start : block.stop]
        own = set().union(*run)
        seen: set[str] = set()
        several: set[str] = set()  # stems of two or more paragraphs of the run
        for found in run:
            several |= found & seen
            seen |= found
        once = own - several
        shared, spread = once & terms.repeated, once & terms.spread
        if several:
            inside = Counter(chain.from_iterable(found & several for found in run))
            counts = terms.counts
            for stem in several:
                outside = counts[stem] - inside[stem]
                if outside > 0:
                    shared.add(stem)
                    if outside > 1:
                        spread.add(stem)
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
        chance = terms.chance
        if chance is None:
            chance = terms.chance = self._chance_at(terms.total_words)
        chance.cover(own)
        gain, loss = chance.gain, chance.loss
        total = fsum(map(gain.__getitem__, own))
        if total <= 0:
            return 1.0
        key = own & terms.key if 0 not in block else set()
        if key:
            shared, spread = shared - key, spread - key
        plain = shared - spread
        unshared = own - shared - key
        key_part = 0.0  # what the sums below give for no key stem
        if key:
            key_part = self.lede_weight * fsum(map(self.weight.__getitem__, key)) - fsum(map(loss.__getitem__, key))
        score = (
            key_part
            + self.spread_weight * fsum(map(gain.__getitem__, spread))
            + fsum(map(gain.__getitem__, plain))
            - fsum(map(loss.__getitem__, unshared))
        )
        return max(-1.0, min(1.0, score / total))

    def _chance_at(self, length: int) -> _Chance:
        """Each stem's gain and loss for articles of about ``length`` words."""
        bucket = round(math.log(max(length, 1)) * 20)  # lengths within 5% share a table
        tables = self._chance_tables.get(bucket)
        if tables is None:
            tables = self._chance_tables[bucket] = _Chance(math.exp(bucket / 20), self)
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


_WORD = regexcache.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*")


class _Chance:
    """Per stem, for articles of ``length`` words: its weight times (1 - chance) (``gain``) and times
    chance (``loss``) of meeting it by chance in that many words; filled as stems come.

    Rare stems all weigh 1 and have one probability, so they share one value
    of each, filled in C; only the listed stems are computed one by one.
    """

    def __init__(self, length: float, scorer: LexicalScorer):
        self.length, self.weight, self.probability, self.rare = length, scorer.weight, scorer.probability, scorer.rare
        rare_chance = 1.0 - math.exp(-length * scorer.unlisted_probability)
        self.rare_gain, self.rare_loss = 1.0 - rare_chance, rare_chance  # weight 1
        self.gain: dict[str, float] = {}
        self.loss: dict[str, float] = {}

    def cover(self, stems: set[str]) -> None:
        """Fill both tables for the stems not in them yet."""
        new = stems.difference(self.gain)
        if not new:
            return
        rare = new & self.rare
        self.gain.update(dict.fromkeys(rare, self.rare_gain))
        self.loss.update(dict.fromkeys(rare, self.rare_loss))
        gain, loss, weight, probability = self.gain, self.loss, self.weight, self.probability
        exp, minus_length = math.exp, -self.length
        for stem in new - rare:
            chance = 1.0 - exp(minus_length * probability[stem])
            value = weight[stem]
            gain[stem] = value * (1.0 - chance)
            loss[stem] = value * chance
