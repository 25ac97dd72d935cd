"""repetition: the same token twice in a row ("the the"), separated by whitespace only.

Any token regex works: a regex with a backreference finds the candidates, and
only the spans holding one are cut into tokens. Words of letters (the
built-in doubled-words rule) take a faster way first: the text is reduced to
its words in C, and only where two equal words stand side by side is a span
looked at. Text that this reduction might not mirror goes the general way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice
from operator import eq

from newslint import regexcache
from newslint.checks.base import Check, Option, compile_regex
from newslint.checks.patterns import alternation, disjoint

# Tokens that are words of letters joined by hyphens or apostrophes; the
# doubled-words rule's, which ``_suspects`` can find at C speed.
LETTER_WORDS = r"\b[^\W\d_]+(?:[-'’][^\W\d_]+)*"


class RepetitionCheck(Check):
    OPTIONS = {
        "tokens": Option("list[str]", required=True, help="regular expressions; each match is one token"),
        "ignorecase": Option("bool", False, help="'The the' counts as a repetition"),
        "alpha": Option("bool", False, help="only tokens made of letters count"),
        "max": Option("int", 0, help="repetitions in a row allowed before flagging (Vale's 'max')"),
        "exceptions": Option("list[str]", [], help="tokens, or repeated pairs ('had had'), to leave alone"),
        "vocab": Option("bool", True, help="Vale's vocabularies switch; accepted, newslint has no vocabularies"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        self.ignorecase = self.options["ignorecase"]
        flags = re.IGNORECASE if self.ignorecase else 0
        tokens = "|".join(self.options["tokens"]) or "(?!)"
        self.pattern = compile_regex(f"(?:{tokens})", "tokens", flags)
        # A test run in C first: a span without "X <space> X" has no repetition,
        # so most spans never reach the token loop below. The token is atomic,
        # as the loop's tokens are: no backtracking into "the" for "theory".
        self.candidate = compile_regex(f"(?P<first>(?>{tokens}))\\s+(?P=first)", "tokens", flags)
        # The doubled-words rule's tokens: the fast way of ``_suspects`` applies.
        self.letter_words = self.options["tokens"] == [LETTER_WORDS]
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"], words=False), "exceptions", flags)

    def run(self, doc):
        spans = self.scope_spans(doc)
        suspects = _suspects(doc.prose, self.ignorecase) if self.letter_words else None
        if suspects is None:
            chosen = self._candidate_spans(doc.prose, spans)
        else:
            # A repeat is a candidate at its first word: one anchored match
            # each rules out most suspects ("no, no" is none).
            match = self.candidate.match
            chosen = _spans_holding(spans, [at for at in suspects if match(doc.prose, at)])
        for start, end in chosen:
            yield from self._repeats(doc, start, end)

    def _candidate_spans(self, prose, spans):
        """The spans where a candidate starts, found by one scan over their whole range.

        A span is taken when a candidate starts in it, even one that runs past
        its end, and the scan goes on from the span's end: no candidate hides another.
        """
        if not disjoint(spans):  # overlapping scopes: one by one
            yield from (span for span in spans if self.candidate.search(prose, *span))
            return
        if not spans:
            return
        starts = [start for start, _ in spans]
        search, end = self.candidate.search, spans[-1][1]
        candidate = search(prose, starts[0], end)
        while candidate is not None:
            index = bisect_right(starts, candidate.start()) - 1
            span_start, span_end = spans[index]
            if candidate.start() < span_end:
                yield span_start, span_end
            candidate = search(prose, max(span_end, candidate.start() + 1), end)

    def _repeats(self, doc, start, end):
        prose = doc.prose
        spans = [m.span() for m in self.pattern.finditer(prose, start, end) if m.end() > m.start()]
        words = [prose[a:b].strip() for a, b in spans]
        keys = [w.casefold() for w in words] if self.ignorecase else words
        # Only the pairs that are equal and apart by whitespace alone reach Python below.
        hits = [
            i
            for i in range(1, len(spans))
            if keys[i] == keys[i - 1] and keys[i] and prose[spans[i - 1][1] : spans[i][0]].isspace()
        ]
        run, last = 0, -2
        for i in hits:
            run = run + 1 if i == last + 1 else 1
            last = i
            word = words[i]
            if self.options["alpha"] and not word.isalpha():
                continue
            if run > self.options["max"] and not self._excepted(prose, spans[i - 1][0], spans[i][1], word):
                yield self.problem(doc, *spans[i], args=(word,), first=words[i - 1])
                run = 0

    def _excepted(self, prose: str, start: int, end: int, word: str) -> bool:
        if self.exceptions is None:
            return False
        pair = " ".join(prose[start:end].split())
        return bool(self.exceptions.fullmatch(word) or self.exceptions.fullmatch(pair))


# Curly quotes and dashes, the commonest non-ASCII in news: none is a letter
# or whitespace, and the curly apostrophe joins words as the straight one does.
_ASCII_MARKS = (("’", "'"), ("‘", " "), ("“", " "), ("”", " "), ("—", " "), ("–", " "))
# Other non-ASCII letters all stand for one ASCII letter; with more kinds of
# them than this, the general way is cheaper than replacing each.
_MOST_OTHER_CHARACTERS = 64
_STAND_IN_LETTER = "z"
# A hyphen or apostrophe joins only letters; elsewhere it ends a word. A
# pattern that starts with a literal is searched for far faster than a class.
_LOOSE_JOINERS = tuple(regexcache.compile(rf"{joiner}(?:(?![A-Za-z])|(?<![A-Za-z].))") for joiner in "-'")
# Letters after a digit or underscore start no word (no \b there), but a
# joiner after them would join them to the next word in the reduced text.
# Searched for in the reversed text, so that the pattern starts with the joiner.
_REVERSED_JOINED_AFTER_DIGIT = tuple(
    regexcache.compile(rf"{joiner}(?<=[A-Za-z]{joiner})[A-Za-z]+[0-9_]") for joiner in "-'"
)
_ASCII_BYTES = bytes(range(128))
# With more suspects than this ("ha ha ha ..."), words are found by one scan.
_FEW_SUSPECTS = 16
_NON_SPACE = regexcache.compile(r"\S+")
_LETTERS_AND_JOINERS = bytes(c if chr(c).isalpha() or chr(c) in "-'" else 32 for c in range(128)) + b" " * 128


def _suspects(prose: str, ignorecase: bool) -> list[int] | None:
    """Offsets where two equal words of letters may stand side by side; None
    when ``prose`` is not plain enough for the reduction to tell.

    The prose is made the same length with only its words left, joined by
    hyphens or apostrophes, every other character a space. Any repeat of
    ``LETTER_WORDS`` tokens is then two equal neighbours in its ``split()``
    (the reverse need not hold), and where they are is found only for those few.
    """
    text = _ascii_letters(prose)
    if text is None or any(pattern.search(text[::-1]) for pattern in _REVERSED_JOINED_AFTER_DIGIT):
        return None
    if ignorecase:
        text = text.lower()
    for pattern in _LOOSE_JOINERS:
        text = pattern.sub(" ", text)
    reduced = text.encode().translate(_LETTERS_AND_JOINERS).decode()
    words = reduced.split()
    same = list(map(eq, words, islice(words, 1, None)))
    return _word_offsets(reduced, _true_indexes(same))


def _ascii_letters(text: str) -> str | None:
    """``text`` in ASCII, of the same length, with the same words for the
    reduction: marks made ASCII, other non-ASCII word characters made one
    stand-in letter, the rest spaces. None where case folding or ``\\w`` do
    not let a stand-in keep every repeat (a digit, "ß" folding to "ss")."""
    for mark, plain in _ASCII_MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    if text.isascii():
        return text
    # Deleting the ASCII bytes of the UTF-8 leaves the other characters, in C.
    others = set(text.encode().translate(None, _ASCII_BYTES).decode())
    if len(others) > _MOST_OTHER_CHARACTERS:
        return None
    for char in others:
        if char.isalnum():
            # Repeats are told by case folding, candidates by lower case.
            folded = char.casefold()
            if char.isdecimal() or len(folded) != 1 or folded.isascii() or folded != char.lower():
                return None
            text = text.replace(char, _STAND_IN_LETTER)
        else:  # whitespace or a mark: ends a word either way
            text = text.replace(char, " ")
    return text


def _true_indexes(flags: list[bool]) -> list[int]:
    found, index = [], -1
    while True:
        try:
            index = flags.index(True, index + 1)
        except ValueError:
            return found
        found.append(index)


def _word_offsets(text: str, indexes: list[int]) -> list[int]:
    """Offsets in ``text`` of its words with these (ascending) indexes in ``text.split()``."""
    if len(indexes) > _FEW_SUSPECTS:  # each split below copies the rest of the text
        starts = [match.start() for match in _NON_SPACE.finditer(text)]
        return [starts[index] for index in indexes]
    offsets, rest, at = [], text.lstrip(), 0
    for index in indexes:
        if index > at:  # the remainder after splitting off the words before it
            rest = rest.split(None, index - at)[-1]
            at = index
        offsets.append(len(text) - len(rest))
    return offsets


def _spans_holding(spans: list[tuple[int, int]], offsets: list[int]) -> list[tuple[int, int]]:
    """The spans, in order, that hold one of the (ascending) offsets."""
    if not offsets:
        return []
    if not disjoint(spans):  # overlapping scopes
        return [span for span in spans if any(span[0] <= offset < span[1] for offset in offsets)]
    starts = [start for start, _ in spans]
    held = []
    for offset in offsets:
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < spans[index][1] and (not held or held[-1] != index):
            held.append(index)
    return [spans[index] for index in held]
