"""The title lexicon of the ``titles`` rule type: what a title is, and when two can both hold.

A title is normalised to a ``Title``: its head office (``minister``, ``senator``),
the portfolios that narrow it (``foreign``, ``defense``) and the ranks that make
it another office (``deputy``, ``vice``). Nationalities, organisations and case
are dropped before this point, so "Ukrainian President" and "president" are one
title. Every word list comes from the rule's YAML; this module holds no vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import product

from newslint import regexcache
from newslint.checks.base import OptionError
from newslint.checks.patterns import copied, scan_copy, trie_regex


@dataclass(frozen=True, slots=True)
class Title:
    """One normalised title: head office, narrowing portfolios, rank words."""

    head: str
    portfolios: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()

    def covers(self, other: Title) -> bool:
        """Whether ``self`` is ``other`` or a generalisation of it ("minister" covers "foreign minister")."""
        return self.head == other.head and self.ranks == other.ranks and self.portfolios <= other.portfolios


def phrase_key(phrase: str) -> str:
    """A written form as the lexicon keys it: lower case, hyphens as spaces, single spaces."""
    return " ".join(phrase.lower().replace("-", " ").split())


class Lexicon:
    """The compiled vocabulary: heads and their written forms, modifiers, garbles, compatible sets."""

    def __init__(self, options: dict):
        self.head_forms = self._forms(options["heads"], "heads")
        self.portfolio_forms = self._forms(options["portfolios"], "portfolios")
        self.ranks = frozenset(phrase_key(w) for w in options["ranks"])
        self.changes = frozenset(phrase_key(w) for w in options["changes"])
        self.standing = frozenset(self.head_forms.get(phrase_key(w), phrase_key(w)) for w in options["standing"])
        self.garbles: dict[str, str] = {}
        self.garble_titles: dict[str, Title] = {}
        for written, real in options["garbles"].items():
            title = self.parse(str(real))
            if title is None:
                raise OptionError("garbles", f"{real!r} is not a title the lexicon knows")
            self.garbles[phrase_key(written)] = str(real)
            self.garble_titles[phrase_key(written)] = title
        self.heads = HeadFinder([*self.head_forms, *self.garbles])
        self.groups: list[list[Title]] = []
        for index, group in enumerate(options["compatible"]):
            titles = [self.parse(str(entry)) for entry in group]
            if None in titles:
                raise OptionError("compatible", f"group {index + 1} names a title the lexicon does not know")
            self.groups.append(titles)

    @staticmethod
    def _forms(table: dict, key: str) -> dict[str, str]:
        """Written form -> canonical name, from ``{canonical: [forms]}``."""
        if not isinstance(table, dict):
            raise OptionError(key, "expected a mapping of canonical names to written forms")
        forms: dict[str, str] = {}
        for canonical, written in table.items():
            for form in [canonical, *(written or [])]:
                forms[phrase_key(str(form))] = phrase_key(str(canonical))
        return forms

    # -- regex pieces ----------------------------------------------------------

    def portfolio_pattern(self) -> str:
        return _alternation(list(self.portfolio_forms))

    # -- normalising and comparing -------------------------------------------

    def parse(self, phrase: str) -> Title | None:
        """The Title of a plain phrase such as "Deputy Foreign Minister" (None if it has no head)."""
        words = phrase_key(phrase).split()
        tail: list[str] = []
        for joint in ("of", "for"):  # "Secretary of State", "Minister for Europe"
            if joint in words[1:] and " ".join(words[: words.index(joint)]) not in self.head_forms:
                continue
            if joint in words[1:]:
                at = words.index(joint)
                words, tail = words[:at], [w for w in words[at + 1 :] if w not in ("the", "affairs")]
                break
        for size in range(len(words), 0, -1):
            head = " ".join(words[-size:])
            if head in self.head_forms:
                title = Title(self.head_forms[head])
                return self.extend(title, [*words[:-size], " ".join(tail)] if tail else words[:-size])
        return None

    def extend(self, title: Title, modifiers: list[str]) -> Title:
        """``title`` narrowed by modifier words (portfolios and ranks; anything else is ignored)."""
        portfolios, ranks = set(title.portfolios), set(title.ranks)
        for word in modifiers:
            word = phrase_key(word)
            if word in self.ranks:
                ranks.add(word)
            elif word in self.portfolio_forms:
                portfolios.add(self.portfolio_forms[word])
        return Title(title.head, frozenset(portfolios), frozenset(ranks))

    def compatible(self, first: Title, second: Title) -> bool:
        """Whether one person can hold both titles at once, as far as the lexicon knows."""
        if first.covers(second) or second.covers(first):
            return True
        if (first.head in self.standing) != (second.head in self.standing):
            return True  # a military rank is held alongside an office ("General Musharraf", "President")
        # Two different entries of one group: "minister" pairs with "senator", not with another minister.
        return any(
            one != other and one.covers(first) and other.covers(second)
            for group in self.groups
            for one in group
            for other in group
        )


# Around a head: no word character or dot before it, no word character after it.
_WORD_OR_DOT = regexcache.compile(r"[\w.]")
_WORD = regexcache.compile(r"\w")


class HeadFinder:
    """Where the heads of a lexicon are written in a text.

    A head form is written with each word in lower case or capitalised, or all
    in capitals, its words joined by spaces or by hyphens ("Secretary-General").
    A regex of every such variant is slow to build (sre parses its thousands of
    branches in Python), so a small trie of the lower-case forms finds places
    where a head may be written, and each place is then looked up in the set of
    written variants: the trie only has to find every head, and may find more.

    When the forms are ASCII, the trie scans the byte copy of the text that
    ``scan_copy`` makes (ASCII letters lower-cased, every other character but a
    digit or "_" a space, and so is the one before the text), stopping after
    spaces alone (sre skips to a literal fast). Otherwise it scans a
    lower-cased copy, stopping before every character that may stand before a
    head: no character that is not a word character lower-cases to one, so the
    boundaries hold there too.
    """

    def __init__(self, forms: list[str], *, use_copy: bool = True):
        """``use_copy=False`` always scans the lower-cased copy (what tests compare with)."""
        self.variants = frozenset(_written_variants(forms))
        # The lengths worth trying by a head's first two characters, and by its last two.
        self.affix = min(2, *map(len, self.variants)) if self.variants else 1
        self.lengths_from = _lengths_by(self.variants, lambda variant: variant[: self.affix])
        self.lengths_to = _lengths_by(self.variants, lambda variant: variant[-self.affix :])
        keys = sorted({variant.lower().replace("-", " ") for variant in self.variants})
        if use_copy and all(key.isascii() for key in keys):
            written = sorted({copied(key) for key in keys})
            self.byte_scan = regexcache.compile(rf" (?:{trie_regex(written, {' ': ' '})})(?!\w)".encode())
            self.scan = None
        else:
            # The character before a head is neither a word character nor a dot; in the
            # lower-cased copy [0-9a-z_.] are the ASCII ones, and a charset first lets sre
            # skip along the text fast (the rest is checked on the hit).
            self.byte_scan = None
            self.scan = regexcache.compile(rf"[^0-9a-z_.](?:{trie_regex(keys, {' ': '[ -]'})})(?!\w)")

    def find(self, text: str, copy: bytes | None = None) -> Iterator[tuple[int, int, list[int]]]:
        """The heads in ``text`` from left to right, none overlapping: (start, end, lengths).

        ``end`` is that of the longest head at ``start`` that a word does not go on
        from; ``lengths`` are those of every head written at ``start``, longest first.
        ``copy`` is ``scan_copy(text)`` when the caller has it.
        """
        scan, scanned = self._scanned(text, copy)
        position = 0
        while hit := scan.search(scanned, position):
            # A space in front of the copy stands for the start of the text and shifts every
            # offset by one: a hit's first character is the one before the head, so
            # hit.start() is the head's offset.
            start = hit.start()
            position = start + 1
            if start and _WORD_OR_DOT.match(text, start - 1):
                continue
            lengths = self.at(text, start)
            end = next((start + n for n in lengths if not _WORD.match(text, start + n)), None)
            if end is not None:
                yield start, end, lengths
                position = end

    def _scanned(self, text: str, copy: bytes | None) -> tuple[re.Pattern, str | bytes]:
        """The pattern that finds the places of heads, and the copy of ``text`` it scans."""
        if self.byte_scan is not None:
            return self.byte_scan, scan_copy(text) if copy is None else copy
        lowered = " " + text.lower()
        if len(lowered) != len(text) + 1:  # a letter whose lower case is two ("İ"): keep offsets
            lowered = " " + "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
        return self.scan, lowered

    def at(self, text: str, start: int) -> list[int]:
        """The lengths of the heads written at ``start``, longest first."""
        room = len(text) - start
        lengths = self.lengths_from.get(text[start : start + self.affix], ())
        return [n for n in lengths if n <= room and text[start : start + n] in self.variants]

    def ending_at(self, text: str, end: int) -> list[int]:
        """The lengths of the heads written just before ``end``, longest first."""
        lengths = self.lengths_to.get(text[max(0, end - self.affix) : end], ())
        return [n for n in lengths if n <= end and text[end - n : end] in self.variants]


def _lengths_by(variants, affix) -> dict[str, list[int]]:
    """Distinct lengths of ``variants``, longest first, by the part of them that ``affix`` picks."""
    lengths: dict[str, set[int]] = {}
    for variant in variants:
        lengths.setdefault(affix(variant), set()).add(len(variant))
    return {part: sorted(found, reverse=True) for part, found in lengths.items()}


def _written_variants(forms: list[str]) -> set[str]:
    """Every way a form may be written: each word lower case or capitalised, or all capitals; space or hyphen."""
    variants: set[str] = set()
    for form in forms:
        words = form.split()
        for cased in product(*[(word, word.capitalize()) for word in words]):
            variants.add(" ".join(cased))
            variants.add("-".join(cased))
        variants.add(" ".join(words).upper())
        variants.add("-".join(words).upper())
    return variants


def _alternation(forms: list[str]) -> str:
    pieces = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"[-\s]+".join(re.escape(part) for part in form.split()) for form in pieces)


def display(phrase: str) -> str:
    """A title as written, with runs of space collapsed (for messages)."""
    return " ".join(phrase.split())
