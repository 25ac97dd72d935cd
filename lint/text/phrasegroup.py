"""A named list of regexes searched fast over short lines of text.

One big case-insensitive alternation is slow in Python's ``re``: it tries
every alternative at every position. A pattern that starts with a literal is
fast (``re`` jumps to that literal), so a case-insensitive group searches a
lowercased copy of the line with each pattern compiled on its own, and a
leading ``\\b`` is checked after the match instead of inside the pattern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEADING_BOUNDARY = r"\b"
# An uppercase letter that is not part of an escape (\S, \W, \D, \B, \A, \Z).
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")


# A pattern anchored at the end ('...$') is searched in this many last characters.
TAIL = 120


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern
    boundary: bool  # the source began with \b: check it at the match start


class PhraseGroup:
    """Search ``line`` (and its lowercased copy) for any pattern of the group.

    A group may name substrings one of which ``requires`` in the line, and
    endings one of which ``ends`` it, before any pattern runs. Patterns anchored at the start ('^...') are joined into
    one regex tried at position 0 only; those anchored at the end ('...$') into one tried on the
    last ``TAIL`` characters; the others run one by one.
    """

    def __init__(
        self,
        patterns: list[str],
        *,
        ignorecase: bool,
        compile_regex,
        requires: tuple[str, ...] = (),
        ends: tuple[str, ...] = (),
    ):
        self.ignorecase = ignorecase
        # Cheaper still: the line (trailing spaces aside) must end with one of these.
        self.ends = tuple(e.lower() for e in ends) if ignorecase else tuple(ends)
        # Cheap screen: no pattern can match unless one of these substrings
        # (lowercase for a case-insensitive group) is in the line.
        self.requires = tuple(r.lower() for r in requires) if ignorecase else tuple(requires)
        heads, tails, others, self.other_sources = [], [], [], []
        for source in patterns:
            # Patterns for a lowercased line must not expect capitals; the rare
            # one that names a class like [A-Z] keeps the (slower) flag.
            fold = ignorecase and _UPPER_LITERAL.search(source)
            if source.startswith("^"):
                heads.append(f"(?i:{source})" if fold else source)
            elif source.endswith("$") and not source.endswith("\\$"):
                tails.append(f"(?i:{source})" if fold else source)
            else:
                boundary = source.startswith(_LEADING_BOUNDARY)
                body = source[len(_LEADING_BOUNDARY) :] if boundary else source
                others.append(_Pattern(compile_regex(f"(?i:{body})" if fold else body, 0), boundary))
                self.other_sources.append(f"(?i:{source})" if fold else source)
        self.head = compile_regex(_join(heads), 0) if heads else None
        self.tail = compile_regex(_join(tails), 0) if tails else None
        self.others = others
        self.head_sources, self.tail_sources = heads, tails

    def search(self, line: str, lowered: str) -> str | None:
        """The text of the first pattern that matches, or None."""
        text = lowered if self.ignorecase else line
        if self.ends and not text.rstrip().endswith(self.ends):
            return None
        if self.requires and not any(map(text.__contains__, self.requires)):
            return None
        match = self.head.match(text) if self.head else None
        if match is None and self.tail:
            match = self.tail.search(text, max(0, len(text) - TAIL))
        if match is None:
            for pattern in self.others:
                match = pattern.regex.search(text)
                while match and pattern.boundary and not _starts_word(text, match.start()):
                    match = pattern.regex.search(text, match.start() + 1)
                if match:
                    break
        if match is None:
            return None
        start, end = match.span()
        source = line if len(line) == len(text) else text
        return source[start:end].strip()


def _join(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _starts_word(text: str, at: int) -> bool:
    """Whether ``\\b`` holds at ``at``."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


class Screen:
    """A cheap necessary condition for any of several groups to match.

    Most lines of a news page are prose that no group matches; testing the
    groups one by one costs a call each. A screen tests them at once: the
    ``ends`` endings or ``requires`` substrings of the groups that have
    them, and the start-anchored, end-anchored and other patterns of the
    rest (compiled once with their group; a leading ``\\b`` is not checked,
    which only lets more lines through). When it fails, none of the groups
    can match.
    """

    def __init__(self, groups: list[PhraseGroup]):
        # Per case mode (lowercased line first, then the line as it is): its
        # endings, its substrings, and the other groups' compiled patterns.
        # Substrings that contain another one are kept: dropping them saved a
        # few tests per line but cost more than that to work out per screen.
        self.modes = []
        for mode in (True, False):
            endings: set[str] = set()
            literals: set[str] = set()
            heads, tails, others = [], [], []
            for group in groups:
                if group.ignorecase != mode:
                    continue
                if group.ends:
                    endings.update(group.ends)
                elif group.requires:
                    literals.update(group.requires)
                else:  # the group's own compiled patterns: a screen compiles nothing
                    heads += [group.head] if group.head is not None else []
                    tails += [group.tail] if group.tail is not None else []
                    others += [pattern.regex for pattern in group.others]
            if endings or literals or heads or tails or others:
                self.modes.append(
                    (mode, tuple(sorted(endings)), tuple(sorted(literals)), tuple(heads), tuple(tails), tuple(others))
                )

    def passes(self, line: str, lowered: str) -> bool:
        """False when no group of the screen can match ``line``."""
        for ignorecase, endings, literals, heads, tails, others in self.modes:
            text = lowered if ignorecase else line
            if endings and text.rstrip().endswith(endings):
                return True
            if literals and any(map(text.__contains__, literals)):
                return True
            for head in heads:
                if head.match(text):
                    return True
            if tails:
                at = max(0, len(text) - TAIL)
                for tail in tails:
                    if tail.search(text, at):
                        return True
            for other in others:
                if other.search(text):
                    return True
        return False
