"""A named list of regexes searched fast over short lines of text.

One big case-insensitive alternation is slow in Python's ``re``: it tries
every alternative at every position. A pattern that starts with a literal is
fast (``re`` jumps to that literal), so a case-insensitive group searches a
lowercased copy of the line with each pattern compiled on its own, and a
leading ``\\b`` is checked after the match instead of inside the pattern.

A ``Screen`` tests many groups' ``requires`` substrings on a line at once.
With ``in`` each test costs a call; on a short line with a hundred
substrings a ``SubstringFinder`` is cheaper: one regex over all the
substrings of the rule, which reaches each through one of its rarer
characters (``re`` skips from one such character to the next) and checks
the text around it with a lookbehind and a lookahead. Only when it finds
something are the screen's own substrings tested one by one.

A start-anchored pattern whose every match holds a long literal
('^.{0,60}?image caption') is tried only on lines that hold it:
``required_literal`` reads that literal off ``re``'s own parse tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre_constants
from re import _parser as sre_parser  # re's own parser (Python 3.11+): a pattern as a tree of (opcode, argument)

from newslint import regexcache

_LEADING_BOUNDARY = r"\b"
# An uppercase letter that is not part of an escape (\S, \W, \D, \B, \A, \Z).
_UPPER_LITERAL = regexcache.compile(r"(?<!\\)[A-Z]")


# A pattern anchored at the end ('...$') is searched in this many last characters.
TAIL = 120
# A start-anchored pattern that needs a literal this long runs only where it is.
REQUIRED_LITERAL = 5
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)
# About how many characters in a thousand of lowercased English news are this
# one; any other is rarer. It only guides the choice of anchors.
_PER_MILLE = {" ": 161, "e": 96, "t": 71, "a": 69, "o": 59, "i": 59, "n": 56, "s": 54, "r": 50, "h": 38, "d": 32}
_PER_MILLE |= {"l": 32, "c": 25, "u": 21, "m": 20, "p": 17, "f": 17, "g": 16, "w": 15, "y": 14, "b": 12}
_PER_MILLE |= {",": 9, ".": 9, "v": 8, "k": 6, "\n": 5}
# A character this common makes a poor anchor: the finder would stop too often.
_ANCHOR_LIMIT = 25
# Rough costs in nanoseconds (CPython 3.11): an 'in' test, and per character
# scanned by it; per character scanned by a finder.
_IN_TEST, _IN_CHAR, _FINDER_CHAR = 55, 0.85, 30


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern
    boundary: bool  # the source began with \b: check it at the match start


class PhraseGroup:
    """Search ``line`` (and its lowercased copy) for any pattern of the group.

    A group may name substrings one of which ``requires`` in the line, and
    endings one of which ``ends`` it, before any pattern runs. Patterns anchored at the start ('^...') are joined into
    one regex tried at position 0 only; those anchored at the end ('...$') into one tried on the
    last ``TAIL`` characters; the others run one by one. A start-anchored pattern whose every
    match holds a long literal ('^.{0,60}?image caption') runs on its own, and only on a line
    that holds that literal: ``heads`` lists (literal or '', regex) in the patterns' order.
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
        self.heads = _segments(heads, compile_regex)
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
        match = None
        for required, head in self.heads:
            if required in text and (match := head.match(text)) is not None:
                break
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


def _segments(sources: list[str], compile_regex) -> tuple[tuple[str, re.Pattern], ...]:
    """(required literal, regex) per run of patterns, in order: a pattern
    with a long required literal on its own, the others joined."""
    segments, run = [], []
    for source in sources:
        required = required_literal(source)
        if len(required) < REQUIRED_LITERAL:
            run.append(source)
            continue
        if run:
            segments.append(("", compile_regex(_join(run), 0)))
            run = []
        segments.append((required, compile_regex(source, 0)))
    if run:
        segments.append(("", compile_regex(_join(run), 0)))
    return tuple(segments)


def required_literal(pattern: str) -> str:
    """The longest literal that every match of ``pattern`` holds, as far as
    a look at its tree shows ('' when none is known; case-insensitive parts
    and alternatives are not looked into)."""
    try:
        tree = sre_parser.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return ""
    return "" if tree.state.flags & re.IGNORECASE else _required(tree.data)


def _required(items) -> str:
    """The longest run of literal characters in a sequence, or in one of its
    parts that must match (a group, an item repeated at least once)."""
    best, run = "", []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            run.append(chr(argument))
            continue
        best, run = max(best, "".join(run), key=len), []
        if op is sre_constants.SUBPATTERN and not argument[1] & re.IGNORECASE:  # (group, add, del, items)
            best = max(best, _required(argument[3]), key=len)
        elif op in _REPEATS and argument[0] >= 1:  # (min, max, items)
            best = max(best, _required(argument[2]), key=len)
    return max(best, "".join(run), key=len)


def _starts_word(text: str, at: int) -> bool:
    """Whether ``\\b`` holds at ``at``."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


class SubstringFinder:
    """Whether a text holds one of many substrings, in one regex search.

    Each substring gets an anchor, one of its characters; the anchors are few
    and rare (a greedy cover of the substrings, by ``_PER_MILLE``), so that
    ``re`` skips most of the text. A substring made only of characters at
    least ``_ANCHOR_LIMIT`` per mille common gets none: ``uncovered`` names
    those, to be tested with ``in``.
    """

    def __init__(self, substrings):
        unique = sorted(set(substrings))
        self.uncovered = frozenset(s for s in unique if all(_per_mille(c) >= _ANCHOR_LIMIT for c in s))
        covered = [text for text in unique if text not in self.uncovered]
        self.covered = frozenset(covered)
        anchors = _cover(covered)
        around: dict[str, dict[str, list[str]]] = {}  # anchor -> text before it -> texts after it
        for text in covered:
            at = min((i for i, c in enumerate(text) if c in anchors), key=lambda i: (anchors[text[i]], i))
            around.setdefault(text[at], {}).setdefault(text[:at], []).append(text[at + 1 :])
        branches = [_branch(anchor, parts) for anchor, parts in around.items()]
        self.regex = regexcache.compile("|".join(branches)) if branches else None

    def may_hold(self, text: str) -> bool:
        """Whether ``text`` holds one of the covered substrings."""
        return self.regex is not None and self.regex.search(text) is not None


def _per_mille(char: str) -> int:
    return _PER_MILLE.get(char.lower(), 0)


def _cover(substrings: list[str]) -> dict[str, int]:
    """Anchor characters, each with its rank, such that every substring holds
    one: greedily the one that is rarest for the substrings it covers."""
    anchors: dict[str, int] = {}
    left = set(substrings)
    while left:
        counts: dict[str, int] = {}
        for text in left:
            for char in set(text):
                if _per_mille(char) < _ANCHOR_LIMIT:
                    counts[char] = counts.get(char, 0) + 1
        best = min(counts, key=lambda char: ((_per_mille(char) + 0.5) / counts[char], char))
        anchors[best] = len(anchors)
        left = {text for text in left if best not in text}
    return anchors


def _branch(anchor: str, parts: dict[str, list[str]]) -> str:
    """The anchor, then a check per substring: what stands before it (a
    lookbehind that ends with the anchor) and after it (a lookahead)."""
    checks = []
    for before, afters in parts.items():
        behind = f"(?<={re.escape(before + anchor)})" if before else ""
        ahead = "" if "" in afters else f"(?={'|'.join(map(re.escape, afters))})"
        checks.append(behind + ahead)
    return re.escape(anchor) + ("" if "" in checks else f"(?:{'|'.join(checks)})")


class Screen:
    """A cheap necessary condition for any of several groups to match.

    Most lines of a news page are prose that no group matches; testing the
    groups one by one costs a call each. A screen tests them at once: the
    ``ends`` endings or ``requires`` substrings of the groups that have
    them, and the start-anchored, end-anchored and other patterns of the
    rest (compiled once with their group; a leading ``\\b`` is not checked,
    which only lets more lines through). When it fails, none of the groups
    can match. A ``SubstringFinder`` per case mode (``finders``) that covers
    the groups' substrings goes first on the lines where it is cheaper than
    testing them with ``in``.
    """

    def __init__(self, groups: list[PhraseGroup], finders: dict[bool, SubstringFinder] | None = None):
        # Per case mode (lowercased line first, then the line as it is): its
        # endings, its substrings, the finder with the longest line it pays
        # on and the substrings it leaves out, and the other groups' compiled
        # patterns. Substrings that contain another one are kept: dropping
        # them saved a few tests per line but cost more than that to work
        # out per screen.
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
                    heads += group.heads
                    tails += [group.tail] if group.tail is not None else []
                    others += [pattern.regex for pattern in group.others]
            if endings or literals or heads or tails or others:
                finder = (finders or {}).get(mode)
                searched = _finder_pays_below(len(literals)) if finder and literals else 0
                # Whatever the finder does not search for (common letters only, or
                # a literal it was not built with) is tested with ``in``.
                uncovered = tuple(sorted(literals - finder.covered)) if searched else ()
                patterns = (tuple(heads), tuple(tails), tuple(others))
                substrings = (tuple(sorted(literals)), finder, searched, uncovered)
                self.modes.append((mode, tuple(sorted(endings)), *substrings, *patterns))

    def passes(self, line: str, lowered: str) -> bool:
        """False when no group of the screen can match ``line``."""
        for ignorecase, endings, literals, finder, searched, uncovered, heads, tails, others in self.modes:
            text = lowered if ignorecase else line
            if endings and text.rstrip().endswith(endings):
                return True
            if literals:
                if len(text) < searched and not finder.may_hold(text):
                    if any(map(text.__contains__, uncovered)):  # only these can be there
                        return True
                elif any(map(text.__contains__, literals)):
                    return True
            for required, head in heads:
                if required in text and head.match(text):
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


def _finder_pays_below(substrings: int) -> float:
    """The line length under which one finder search costs less than
    ``substrings`` tests with ``in`` (by the rough costs above)."""
    saved_per_char = _FINDER_CHAR - substrings * _IN_CHAR
    return float("inf") if saved_per_char <= 0 else substrings * _IN_TEST / saved_per_char
