"""Regex building and fast phrase scanning shared by the rule types.

Python's ``re`` skips ahead quickly only to a literal or a set of literal
first characters; ``re.IGNORECASE`` turns that off, and a list of dozens of
words is tried branch by branch at every word start. ``Phrases`` compiles a
rule's list for speed without changing what it finds:

* branches that share leading characters are factored into a trie
  ("U(?:N|\\.S\\.)"), so a handful of branches are tried per word;
* only the spans that hold a "needle" are scanned: literal text that every
  match of a branch contains, found by ``find`` when a few needles do (those
  of an ``ignorecase`` list in the scan copy below, where case is gone);
* otherwise, when every branch begins with literal text, a screen finds the
  places where some branch's beginning is written at the start of a word, in a
  byte copy of the prose (``scan_copy``: one byte a character, ASCII letters
  lower-cased, every other byte but a digit or "_" a space, made once per
  document and shared), so that one scan stops at spaces alone; the rule's own
  pattern is then tried at those places only, as a scan would try it there;
* where the scan copy cannot serve (overlapping spans; a letter that
  IGNORECASE folds into an ASCII one), an ``ignorecase`` list of plain
  lower-case patterns runs over a lower-cased copy of the prose without
  IGNORECASE.

The word-start lookbehind stays: without it, a list whose words start with
common letters is tried at every letter, which costs more than the check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from itertools import islice
from operator import itemgetter, le
from re import _constants as sre  # the parse tree's opcodes, for needles
from re import _parser as sre_parse

from newslint import regexcache

# Word edges as lookarounds, so that tokens may begin or end with punctuation
# ("U.N.", "#hashtag") and still match as whole words.
WORD_START = r"(?<![\w])"
WORD_END = r"(?![\w])"

_META = frozenset(".^$*+?{}[]()|\\")
_QUANTIFIERS = ("*", "+", "?", "{")
# A leading class of two plain characters ("[Cc]ease-fire"): two branches.
_LEADING_PAIR = regexcache.compile(r"\[([^\\\]\[^-])([^\\\]\[-])\](?![*+?{])")
# Back-references and named groups do not survive reordering or copying a branch.
_GROUP_TIES = regexcache.compile(r"\\[1-9]|\(\?P[=<]")
# Characters that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower``
# does not turn into it (dotless i, long s); "İ" lower-cases to two characters.
_SPECIAL_FOLDS = ("\u0131", "\u017f")  # tested with ``in``: faster than a regex search
# The byte copy of the prose that screens scan (see ``scan_copy``).
_COPY_KEEPS = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_")
COPY_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if c in _COPY_KEEPS else 32 for c in range(256))
# The only characters that ``re.IGNORECASE`` equates with an ASCII letter without
# being ASCII (İ ı: i, ſ: s, Kelvin sign: k); the copy writes them as spaces.
_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")
# A screen tries at most this many beginnings a branch (a class such as [Cc]
# doubles them), and is built only for beginnings of two letters or more.
MAX_BEGINNINGS = 16
MIN_BEGINNING = 2
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
        # A plain lower-case list runs on the lower-cased prose without IGNORECASE. It and
        # the spaced needles serve where the scan copy cannot: compiled when first used.
        lowered = ignorecase and all(_lowerable(b) for b in branches)
        self._lowered_source = build(branches, words=words, factor=True) if lowered else None
        needles = _needles(branches) if not ignorecase or lowered else None
        self.plain = self._spaced_source = None
        chosen = _choose(needles) if needles is not None else None
        if chosen is not None:
            self.plain, spaced = chosen
            spaced = [re.escape(needle[1:]) for needle in spaced]
            self._spaced_source = " " + alternation(spaced, words=False, factor=True) if spaced else None
        self.ignorecase = ignorecase
        # A few plain needles cost less to find than a screen costs to run. Those of an
        # ``ignorecase`` list are found in the scan copy, which needs no lower-cased prose.
        few_needles = self.plain is not None and self._spaced_source is None
        screen = _screen(branches) if words and not few_needles else None
        self.screen, self._loose_source = screen or (None, None)
        self.copied_needles = None
        if few_needles and ignorecase and all(needle.isascii() for needle in self.plain):
            self.copied_needles = sorted({copied(needle).encode("ascii") for needle in self.plain})
        # Tried only where a screen points, the pattern need not be factored (which costs to compile).
        factor = not ignorecase and self.screen is None
        self.pattern = _compile(build(branches, words=words, factor=factor), key, flags)

    @cached_property
    def lowered(self) -> re.Pattern | None:
        return regexcache.compile(self._lowered_source) if self._lowered_source is not None else None

    @cached_property
    def loose_screen(self) -> re.Pattern:
        return regexcache.compile(self._loose_source)

    @cached_property
    def spaced(self) -> re.Pattern | None:
        return regexcache.compile(self._spaced_source) if self._spaced_source is not None else None

    def finditer(self, doc, spans: list[tuple[int, int]]):
        if not spans:
            return
        disjoint = _span_facts(doc, spans)[0]
        # The scan copy writes as a space what IGNORECASE would fold into an ASCII letter.
        if disjoint and (not self.ignorecase or not any(fold in doc.prose for fold in _ASCII_FOLDS)):
            if self.screen is not None:
                yield from self._screened(doc, spans)
                return
            if self.copied_needles is not None:
                # The needles' places in the copy, one on from the text's: the IGNORECASE pattern
                # over the prose finds what the lower-cased pattern finds in the lower-cased prose.
                hits = _found(self.copied_needles, scan_copy_of(doc), spans[0][0] + 1, spans[-1][1] + 1)
                yield from _in_spans_holding(self.pattern, doc.prose, spans, ((a - 1, b - 1) for a, b in hits))
                return
        text, pattern = doc.prose, self.pattern
        if self.lowered is not None:
            lowered = lowered_prose(doc)
            if lowered is None:  # unusual case folds: IGNORECASE over the prose, no needles
                yield from within(pattern, text, spans)
                return
            text, pattern = lowered, self.lowered
        if self.plain is None or not disjoint:
            yield from within(pattern, text, spans)
            return
        yield from _in_spans_holding(pattern, text, spans, self._hits(text, spans[0][0], spans[-1][1]))

    def _screened(self, doc, spans: list[tuple[int, int]]):
        """What the plain scan yields (``within``, or span by span where needles choose the
        spans), trying the pattern only where the screen found a branch's beginning at
        the start of a word.

        Every match begins with such a beginning (after a character that is no
        word character, which the copy writes as a space), and ``match`` at a
        place sees what ``finditer`` sees there: the text before it, and none
        after the end of the range. Matches are never empty (each holds a
        beginning), so the next one starts where the last one ended or later.
        """
        text, copy, pattern = doc.prose, scan_copy_of(doc), self.pattern
        # ``within`` scans the whole range of many spans, then keeps the contained matches;
        # needles choose spans that are scanned one by one.
        merged = len(spans) > 4 and self.plain is None
        low, high = spans[0][0], spans[-1][1]
        screen = self.screen
        # Span by span, a match may end where a span cuts a word; one scan of the copy sees on.
        if not merged and _span_facts(doc, spans)[1]:
            screen = self.loose_screen
        starts = None
        resume = low
        # The copy's byte ``at`` stands for the character before ``text[at]``.
        for hit in screen.finditer(copy, low, high + 1):
            at = hit.start()
            if at < resume:
                continue
            starts = starts or [start for start, _ in spans]
            index = bisect_right(starts, at) - 1
            end = high if merged else spans[index][1]
            if (not merged and at >= end) or not (match := pattern.match(text, at, end)):
                continue
            resume = match.end()
            if merged and match.end() > spans[index][1]:
                continue
            yield match

    def _hits(self, text: str, start: int, end: int):
        """Where the needles occur in ``text[start:end]``, as ``(start, end)``."""
        if self.spaced is not None:
            for hit in self.spaced.finditer(text, start, end):
                yield hit.span()
        yield from _found(self.plain, text, start, end)


def _found(needles, text, start: int, end: int):
    """Where each of ``needles`` occurs in ``text[start:end]`` (str or bytes), as ``(start, end)``."""
    for needle in needles:
        hit = text.find(needle, start, end)
        while hit != -1:
            yield hit, hit + len(needle)
            hit = text.find(needle, hit + 1, end)


def _in_spans_holding(pattern: re.Pattern, text: str, spans: list[tuple[int, int]], hits):
    """Matches of ``pattern``, span by span, in the spans that ``hits`` of needles touch.

    Only a span that holds a needle can hold a match. A needle found may hide
    another inside it, so every span it touches counts.
    """
    starts = [start for start, _ in spans]
    chosen = set()
    for first, last in hits:
        chosen.update(range(max(bisect_right(starts, first) - 1, 0), bisect_right(starts, last - 1)))
    for index in sorted(chosen):
        yield from pattern.finditer(text, *spans[index])


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
        usable = len(lowered) == len(prose) and (prose.isascii() or not any(f in prose for f in _SPECIAL_FOLDS))
        cache["_lowered_prose"] = lowered if usable else None
    return cache["_lowered_prose"]


def scan_copy(text: str) -> bytes:
    """A byte a character of ``text``, after one byte that stands for what comes before it.

    ASCII letters are lower-cased; ASCII digits and "_" stay; every other
    character (a space, punctuation, anything not ASCII) is a space. What is
    written in ASCII at the start of a word in ``text`` is written, lower-cased
    and with spaces for punctuation, right after a space in the copy: a scan of
    the copy finds every such place, and some more, fast.
    """
    # Latin-1 keeps one byte a character; it writes "?" for what it cannot write.
    return b" " + text.encode("latin-1", "replace").translate(COPY_TABLE)


def scan_copy_of(doc) -> bytes:
    """``scan_copy(doc.prose)``, computed once per document."""
    cache = doc.__dict__
    if "_scan_copy" not in cache:
        cache["_scan_copy"] = scan_copy(doc.prose)
    return cache["_scan_copy"]


def copied(literal: str) -> str:
    """An ASCII literal as ``scan_copy`` writes it."""
    return literal.encode("ascii").translate(COPY_TABLE).decode("ascii")


def _span_facts(doc, spans: list[tuple[int, int]]) -> tuple[bool, bool]:
    """Whether ``spans`` do not overlap, and whether one ends inside a word of ``scan_copy_of(doc)``.

    Kept per document for each list of spans: the rules of one scope share one list.
    """
    facts = doc.__dict__.setdefault("_span_facts", {})
    known = facts.get(id(spans))
    if known is None or known[0] is not spans:
        copy = scan_copy_of(doc)
        cuts = any(copy[end + 1 : end + 2].strip() for _, end in spans)  # b"" past the end and for a space
        known = facts[id(spans)] = (spans, disjoint(spans), cuts)
    return known[1], known[2]


def disjoint(spans: list[tuple[int, int]]) -> bool:
    """Whether sorted ``spans`` do not overlap (compared in C: the lists are long)."""
    return all(map(le, map(itemgetter(1), spans), map(itemgetter(0), islice(spans, 1, None))))


# -- compiling ------------------------------------------------------------------


def _compile(pattern: str, key: str, flags: int = 0) -> re.Pattern:
    from newslint.checks.base import compile_regex

    return compile_regex(pattern, key, flags)


@lru_cache(maxsize=4096)  # a rule's branches are parsed for needles, for lower-casing and for a screen
def _parsed(pattern: str):
    """``pattern``'s parse tree, or None when it does not parse."""
    try:
        return sre_parse.parse(pattern)
    except re.error:
        return None


def build_checked(patterns: list[str], key: str, flags: int, build):
    """What ``build()`` returns (it compiles ``patterns`` joined), with the error of the
    first of ``patterns`` that does not compile alone, if any, raised first.

    An error names the broken pattern on its own. Compiling every pattern alone
    costs as much as the joint one; when the joint one compiles, only a pattern
    whose error joining could hide is compiled alone: one with unbalanced
    brackets, or one that refers to groups (another pattern's may fill them).
    """
    from newslint.checks.base import OptionError

    try:
        built = build()
    except OptionError:
        for pattern in patterns:
            _compile(pattern, key, flags)
        raise
    for pattern in patterns:
        if _GROUP_TIES.search(pattern) or "(?(" in pattern or not _balanced(pattern):
            _compile(pattern, key, flags)
    return built


def _balanced(pattern: str) -> bool:
    """Whether ``pattern``'s brackets close in order (classes and escapes read as ``_split`` reads them)."""
    depth, index, in_class = 0, 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += pattern.startswith("^", index + 1)
            index += pattern.startswith("]", index + 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
        index += 1
    return depth == 0 and not in_class


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


# -- screens ----------------------------------------------------------------------


def _screen(branches: list[str]) -> tuple[re.Pattern, bytes] | None:
    """A bytes pattern that finds, in ``scan_copy`` of a text, every place where a match of
    one of ``branches`` may begin (after a word edge), or None when some branch
    does not begin with literal text; and the source of a looser one.

    In the first, a beginning that is a whole branch must also end a word (where
    it ends in a letter): that holds where the scan of the copy ends where the
    pattern's scan ends. The looser one does not ask it.
    """
    beginnings = set()
    for branch in branches:
        for part in _split(branch, expand=False):
            tree = _parsed(part)
            if tree is None or tree.state.flags & ~(re.UNICODE | re.VERBOSE):
                return None
            found, whole = _beginnings(list(tree), [""])
            for beginning in found:
                written = copied(beginning.lower())
                if sum(char != " " for char in written) < MIN_BEGINNING:
                    return None
                # A whole branch ends a word: after a letter, "\b" (cheap) says so in the copy.
                beginnings.add(written + ("\0" if whole and written[-1] != " " else ""))
    body = trie_regex(sorted(beginnings), {"\0": r"\b"})
    loose = trie_regex(sorted({beginning.rstrip("\0") for beginning in beginnings}))
    return regexcache.compile(f" (?={body})".encode()), f" (?={loose})".encode()


def _beginnings(items, found: list[str]) -> tuple[list[str], bool]:
    """``found`` extended by the literal text ``items`` begin with: (texts, whether all of
    ``items`` is literal). Zero-width assertions are passed over; a class of a
    few characters, or a group of alternatives, makes several texts."""
    for op, av in items:
        if op is sre.LITERAL and av < 0x80:
            found = [text + chr(av) for text in found]
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue
        elif op is sre.IN and all(item_op is sre.LITERAL and item < 0x80 for item_op, item in av):
            if len(found) * len(av) > MAX_BEGINNINGS:
                return found, False
            found = [text + chr(item) for text in found for _, item in av]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:
            found, whole = _beginnings(av[3], found)
            if not whole:
                return found, False
        elif op is sre.BRANCH:
            results = [_beginnings(alternative, found) for alternative in av[1]]
            extended = [text for texts, _ in results for text in texts]
            if len(extended) > MAX_BEGINNINGS:
                return found, False
            found = extended
            if not all(whole for _, whole in results):
                return found, False
        else:
            return found, False
    return found, True


def trie_regex(words: list[str], special: dict[str, str] | None = None) -> str:
    """One regex matching exactly ``words``, with shared prefixes factored out.

    ``special`` maps characters to the regex written for them (" " -> "[ -]":
    a space or a hyphen); every other character is escaped.
    """
    special = special or {}
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        children = sorted((char, child) for char, child in node.items() if char)
        branches = [(special.get(char) or re.escape(char)) + build(child) for char, child in children]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# -- lower-casing and needles -----------------------------------------------------


def _lowerable(branch: str) -> bool:
    """Whether ``branch`` under IGNORECASE finds what it finds, without, in lower-cased text.

    True for patterns whose characters and ranges are ASCII and not upper-case,
    with no inline flags or escapes other than ``\\s \\d \\w \\b`` and escaped
    punctuation.
    """
    tree = _parsed(branch)
    if tree is None or tree.state.flags & ~(re.UNICODE | re.VERBOSE):
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
            tree = _parsed(part)
            if tree is None:
                return None
            runs = _literal_runs(tree)
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
