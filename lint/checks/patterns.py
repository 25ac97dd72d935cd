"""Regex building and fast phrase scanning shared by the rule types.

Python's ``re`` skips ahead quickly only to a literal or a set of literal
first characters; ``re.IGNORECASE`` turns that off, and a list of dozens of
words is tried branch by branch at every word start. ``Phrases`` compiles a
rule's list for speed without changing what it finds:

* branches that share leading characters are factored into a trie
  ("U(?:N|\\.S\\.)"), so a handful of branches are tried per word;
* an ``ignorecase`` list of plain lower-case patterns runs over a lower-cased
  copy of the prose (made once per document, shared) without IGNORECASE;
* only the spans that hold a "needle" are scanned: literal text that every
  match of some branch contains, found by ``str.find`` or, for many needles
  that start with a space, by one scan that skips from space to space.

The word-start lookbehind stays: without it, a list whose words start with
common letters is tried at every letter, which costs more than the check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from re import _constants as sre  # the parse tree's opcodes, for needles
from re import _parser as sre_parse

# Word edges as lookarounds, so that tokens may begin or end with punctuation
# ("U.N.", "#hashtag") and still match as whole words.
WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"

_META = frozenset(".^$*+?{}[]()|\\")
_QUANTIFIERS = ("*", "+", "?", "{")
# A leading class of two plain characters ("[Cc]ease-fire"): two branches.
_LEADING_PAIR = re.compile(r"\[([^\\\]\[^-])([^\\\]\[-])\](?![*+?{])")
# Back-references and named groups do not survive reordering or copying a branch.
_GROUP_TIES = re.compile(r"\\[1-9]|\(\?P[=<]")
# Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower``
# does not turn into it (dotless i, long s); "İ" lower-cases to two characters.
_SPECIAL_FOLDS = re.compile("[\u0131\u017f]")
# Needles checked with ``str.find``, one pass each: more than this, no prefilter.
MAX_PLAIN_NEEDLES = 6
# Needles shorter than this are too common to skip documents by.
MIN_NEEDLE = 3
MIN_SPACED_NEEDLE = 5
# A scan for needles after a space costs about as much as this many ``str.find``.
MIN_SPACED_SCAN = 6


def alternation(tokens: list[str], *, words: bool = True, factor: bool = False) -> str:
    """One alternation of regex ``tokens``, longest first so longer phrases win.

    ``factor`` shares leading characters among branches (faster, same matches);
    only for patterns compiled without ``re.IGNORECASE``.
    """
    ordered = sorted(dict.fromkeys(tokens), key=lambda t: (-len(t), t))
    body = _factored([(t, "") for t in ordered]) if factor and _reorderable(ordered) else "|".join(ordered)
    return f"{WORD_START}(?:{body}){WORD_END}" if words else f"(?:{body})"


def literal_alternation(phrases: list[str], *, words: bool = True) -> str:
    """Like ``alternation`` for plain phrases (escaped, spaces match any run of space)."""
    escaped = [r"\s+".join(re.escape(part) for part in p.split()) for p in phrases]
    return alternation(escaped, words=words)


def tagged_alternation(branches: list[str], *, words: bool = True, factor: bool = False) -> str:
    """One alternation of ``branches`` (in the order given) that tells which matched.

    Branch ``i`` ends with an empty group named ``_tag<i>`` (``_tag<i>_<j>`` when
    factoring splits it), so ``branch_of(match)`` is ``i``. The group goes at
    the end, not around the branch: the regex engine skips a branch at once
    when its first character cannot match, but only when the branch starts
    with that character, not with a group (five times faster on a news corpus).
    """
    if factor and _reorderable(branches):
        items = [(part, f"(?P<_tag{i}_{j}>)") for i, b in enumerate(branches) for j, part in enumerate(_split(b))]
        body = _factored(items)
    else:
        body = "|".join(f"(?:{branch})(?P<_tag{index}>)" for index, branch in enumerate(branches))
    return f"{WORD_START}(?:{body}){WORD_END}" if words else f"(?:{body})"


def branch_of(match: re.Match) -> int:
    """The index of the ``tagged_alternation`` branch that made ``match``."""
    return int(match.lastgroup[4:].partition("_")[0])


class Phrases:
    """A rule's list of branches with word edges, scanned fast over a document.

    ``finditer(doc, spans)`` yields, for each match inside one of ``spans``, the
    match over the scanned text (the prose or its lower-cased copy: take the
    matched words from ``doc.prose`` by the match's span). ``branch_of`` names
    the branch when ``tagged``.
    """

    def __init__(self, branches: list[str], *, key: str, words: bool = True, ignorecase: bool = False, tagged=False):
        build = tagged_alternation if tagged else alternation
        flags = re.IGNORECASE if ignorecase else 0
        self.pattern = _compile(build(branches, words=words, factor=not ignorecase), key, flags)
        # A plain lower-case list runs on the lower-cased prose without IGNORECASE.
        lowered = ignorecase and all(_lowerable(b) for b in branches)
        self.lowered = _compile(build(branches, words=words, factor=True), key) if lowered else None
        needles = _needles(branches) if not ignorecase or lowered else None
        self.plain = self.spaced = None
        chosen = _choose(needles) if needles is not None else None
        if chosen is not None:
            self.plain, spaced = chosen
            spaced = [re.escape(needle[1:]) for needle in spaced]
            self.spaced = re.compile(" " + alternation(spaced, words=False, factor=True)) if spaced else None

    def finditer(self, doc, spans: list[tuple[int, int]]):
        if not spans:
            return
        text, pattern = doc.prose, self.pattern
        if self.lowered is not None:
            lowered = lowered_prose(doc)
            if lowered is None:  # unusual case folds: IGNORECASE over the prose, no needles
                yield from within(pattern, text, spans)
                return
            text, pattern = lowered, self.lowered
        if self.plain is None or not all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)):
            yield from within(pattern, text, spans)
            return
        # Only a span that holds a needle can hold a match: scan those alone. A
        # needle found may hide another inside it, so every span it touches counts.
        starts = [start for start, _ in spans]
        chosen = set()
        for first, last in self._hits(text, starts[0], spans[-1][1]):
            chosen.update(range(max(bisect_right(starts, first) - 1, 0), bisect_right(starts, last - 1)))
        for index in sorted(chosen):
            yield from pattern.finditer(text, *spans[index])

    def _hits(self, text: str, start: int, end: int):
        """Where the needles occur in ``text[start:end]``, as ``(start, end)``."""
        if self.spaced is not None:
            for hit in self.spaced.finditer(text, start, end):
                yield hit.span()
        for needle in self.plain:
            hit = text.find(needle, start, end)
            while hit != -1:
                yield hit, hit + len(needle)
                hit = text.find(needle, hit + 1, end)


def within(pattern: re.Pattern, text: str, spans: list[tuple[int, int]]):
    """Matches of ``pattern`` in ``text`` that lie within one of ``spans`` (sorted).

    With many spans, one scan over their whole range is much cheaper than a
    scan per span; matches are then kept only when a span contains them.
    """
    if len(spans) <= 4:
        for start, end in spans:
            yield from pattern.finditer(text, start, end)
        return
    starts = [start for start, _ in spans]
    for match in pattern.finditer(text, spans[0][0], spans[-1][1]):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.end() <= spans[index][1]:
            yield match


def lowered_prose(doc) -> str | None:
    """``doc.prose`` lower-cased, computed once per document; None when lower-casing
    would not find what ``re.IGNORECASE`` finds (a character that changes length
    or folds to an ASCII letter only under IGNORECASE)."""
    cache = doc.__dict__
    if "_lowered_prose" not in cache:
        prose = doc.prose
        lowered = prose.lower()
        usable = len(lowered) == len(prose) and (prose.isascii() or not _SPECIAL_FOLDS.search(prose))
        cache["_lowered_prose"] = lowered if usable else None
    return cache["_lowered_prose"]


# -- compiling ------------------------------------------------------------------


def _compile(pattern: str, key: str, flags: int = 0) -> re.Pattern:
    from newslint.checks.base import compile_regex

    return compile_regex(pattern, key, flags)


def _reorderable(branches: list[str]) -> bool:
    return not any(_GROUP_TIES.search(b) for b in branches)


def _split(branch: str, *, expand: bool = True) -> list[str]:
    """``branch`` cut at its top-level ``|``, and (``expand``) a leading ``[Xx]`` made two branches.

    Both keep the matches: the alternatives are tried in the same order.
    """
    parts, depth, start, index, in_class = [], 0, 0, 0, False
    while index < len(branch):
        char = branch[index]
        if char == "\\":
            index += 1  # the escaped character is never special
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += branch.startswith("^", index + 1)
            index += branch.startswith("]", index + 1)  # "[]" and "[^]" begin with a literal "]"
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(branch[start:index])
            start = index + 1
        index += 1
    parts.append(branch[start:])
    if not expand:
        return parts
    expanded = []
    for part in parts:
        pair = _LEADING_PAIR.match(part)
        if pair and pair.group(1) != pair.group(2):
            expanded += [pair.group(1) + part[pair.end() :], pair.group(2) + part[pair.end() :]]
        else:
            expanded.append(part)
    return expanded


def _leading_literal(branch: str) -> tuple[str, str] | None:
    """The first character of ``branch`` when it is a plain literal, and the rest."""
    if not branch:
        return None
    if branch[0] == "\\":
        if len(branch) < 2 or branch[1].isalnum():
            return None
        char, rest = branch[1], branch[2:]
    elif branch[0] in _META:
        return None
    else:
        char, rest = branch[0], branch[1:]
    if rest.startswith(_QUANTIFIERS):
        return None
    return char, rest


def _factored(items: list[tuple[str, str]]) -> str:
    """An alternation of ``(branch, tag)`` items with shared leading characters factored.

    Branches that start with different characters never match at the same
    place, so grouping them by first character keeps every match; within a
    group the order is kept.
    """
    heads = [_leading_literal(branch) for branch, _ in items]
    if len(items) > 1 and all(heads):
        groups: dict[str, list[tuple[str, str]]] = {}
        for (char, rest), (_, tag) in zip(heads, items, strict=True):
            groups.setdefault(char, []).append((rest, tag))
        if len(groups) < len(items):
            return "|".join(re.escape(char) + f"(?:{_factored(group)})" for char, group in groups.items())
    return "|".join(f"(?:{branch}){tag}" for branch, tag in items)


# -- lower-casing and needles -----------------------------------------------------


def _lowerable(branch: str) -> bool:
    """Whether ``branch`` under IGNORECASE finds what it finds, without, in lower-cased text.

    True for patterns whose characters and ranges are ASCII and not upper-case,
    with no inline flags or escapes other than ``\\s \\d \\w \\b`` and escaped
    punctuation.
    """
    try:
        tree = sre_parse.parse(branch)
    except re.error:
        return False
    if tree.state.flags & ~(re.UNICODE | re.VERBOSE):
        return False
    return _lower_items(tree)


def _lower_items(items) -> bool:
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _lower_char(av):
                return False
        elif op is sre.IN:
            for item_op, item in av:
                if item_op in (sre.LITERAL, sre.NOT_LITERAL) and not _lower_char(item):
                    return False
                if item_op is sre.RANGE and not (item[1] < 0x80 and (item[1] < 65 or item[0] > 90)):
                    return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_items(av[3]):
                return False
        elif op is sre.BRANCH:
            if not all(_lower_items(sub) for sub in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _lower_items(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _lower_items(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _lower_items(av):
                return False
        elif op not in (sre.ANY, sre.AT, sre.CATEGORY, sre.GROUPREF):
            return False
    return True


def _lower_char(code: int) -> bool:
    return code < 0x80 and not 65 <= code <= 90


def _needles(branches: list[str]) -> list[tuple[str, str]] | None:
    """For each branch, text that every match of it contains; None when one has none.

    Two choices a branch: the longest run of literal characters, and the
    longest run from a space on (those share the first character, so one scan
    finds them all; "" when there is none).
    """
    needles = []
    for branch in branches:
        for part in _split(branch, expand=False):
            try:
                runs = _literal_runs(sre_parse.parse(part))
            except re.error:
                return None
            plain = max(runs, key=len, default="")
            spaced = max((run[run.index(" ") :] for run in runs if " " in run[:-1]), key=len, default="")
            if len(plain) < MIN_NEEDLE:
                return None
            needles.append((plain, spaced if len(spaced) >= MIN_SPACED_NEEDLE else ""))
    return needles


def _choose(needles: list[tuple[str, str]]) -> tuple[list[str], list[str]] | None:
    """Needles to find with ``str.find`` and needles to find after a space, or None.

    A scan for the spaced ones stops at every space: it pays only for many.
    """
    spaced = [space for _, space in needles if space]
    if len(spaced) < MIN_SPACED_SCAN:
        spaced = []
    plain = sorted({plain for plain, space in needles if not space or not spaced})
    if len(plain) > MAX_PLAIN_NEEDLES:
        return None
    return plain, sorted(set(spaced))


def _literal_runs(items) -> list[str]:
    """Runs of literal characters that every match of ``items`` contains."""
    runs, run = [], []
    for op, av in _flattened(items):
        if op is sre.LITERAL:
            run.append(chr(av))
        else:
            runs.append("".join(run))
            run = []
    runs.append("".join(run))
    return [r for r in runs if r]


def _flattened(items):
    """``items`` with the contents of groups in line: a group's text is part of every match."""
    for op, av in items:
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            yield from _flattened(av[3])
        else:
            yield op, av
