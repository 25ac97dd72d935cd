"""The title lexicon of the ``titles`` rule type: what a title is, and when two can both hold.

A title is normalised to a ``Title``: its head office (``minister``, ``senator``),
the portfolios that narrow it (``foreign``, ``defense``) and the ranks that make
it another office (``deputy``, ``vice``). Nationalities, organisations and case
are dropped before this point, so "Ukrainian President" and "president" are one
title. Every word list comes from the rule's YAML; this module holds no vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product

from newslint.checks.base import OptionError


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

    # -- regex pieces, escaped and longest first ------------------------------

    def head_pattern(self) -> str:
        """Every written head form and garble as one case-sensitive trie regex.

        Each word may be lower case, capitalised or upper case, and words are
        joined by a space or a hyphen. A trie of literals scans several times
        faster than an alternation under IGNORECASE.
        """
        variants: set[str] = set()
        for form in [*self.head_forms, *self.garbles]:
            words = form.split()
            for cases in product((str.lower, str.capitalize), repeat=len(words)):
                cased = [case(word) for case, word in zip(cases, words, strict=True)]
                variants.update(joint.join(cased) for joint in (" ", "-"))
            variants.update(joint.join(words).upper() for joint in (" ", "-"))
        return _trie(sorted(variants))

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


def _trie(words: list[str]) -> str:
    """One regex matching exactly ``words``, longest first, with shared prefixes factored out."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _alternation(forms: list[str]) -> str:
    pieces = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"[-\s]+".join(re.escape(part) for part in form.split()) for form in pieces)


def display(phrase: str) -> str:
    """A title as written, with runs of space collapsed (for messages)."""
    return " ".join(phrase.split())
