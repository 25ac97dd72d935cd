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

    A group may name substrings one of which ``requires`` in the line before
    any pattern runs. Patterns anchored at the start ('^...') are joined into
    one regex tried at position 0 only; those anchored at the end ('...$') into one tried on the
    last ``TAIL`` characters; the others run one by one.
    """

    def __init__(self, patterns: list[str], *, ignorecase: bool, compile_regex, requires: tuple[str, ...] = ()):
        self.ignorecase = ignorecase
        # Cheap screen: no pattern can match unless one of these substrings
        # (lowercase for a case-insensitive group) is in the line.
        self.requires = tuple(r.lower() for r in requires) if ignorecase else tuple(requires)
        heads, tails, others = [], [], []
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
        self.head = compile_regex(_join(heads), 0) if heads else None
        self.tail = compile_regex(_join(tails), 0) if tails else None
        self.others = others

    def search(self, line: str, lowered: str) -> str | None:
        """The text of the first pattern that matches, or None."""
        text = lowered if self.ignorecase else line
        if self.requires and not any(r in text for r in self.requires):
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
