"""Sentence, word and quotation segmentation with absolute offsets.

Every function takes the document's prose view (same length as the original
text, markup blanked) and a span, or a list of block spans, and returns
absolute ``(start, end)`` pairs, so that a check never has to re-find
anything in the text. The ``*_in`` functions segment many blocks at once with
one scan over each run of blocks that only whitespace separates, and return
what the per-block functions return for each block, in order.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newslint import regexcache

# Words: letters/digits joined by apostrophes, hyphens or inner dots (U.S., it's).
# Possessive: backtracking into a word never helps, and costs time.
WORD = regexcache.compile(r"[^\W_]++(?:[’'.\-][^\W_]++)*+\.?(?<![a-z]\.)", re.UNICODE)

# A sentence may end after . ! ? or … with closing quotes/brackets, then space
# and what may start a sentence (group 1: its first character). ASCII
# lowercase is ruled out here, other lowercase letters in ``_split_run``.
# It is searched for in the text with "!", "?" and "…" made ".": a pattern that
# starts with a literal is found far faster than one that starts with a class.
_BOUNDARY = regexcache.compile(r"\.+[\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]?([^\W_a-z]|[$£€]))|(?=\s*$))")
_ENDS_AS_PERIOD = "!?…"

# Tokens before a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gov sen rep gen lt col maj capt sgt adm cmdr
    pres supt insp det atty rev fr hon vs etc inc corp co ltd no nos vol fig
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd approx
    dept est u.s u.n u.k e.g i.e a.m p.m d.c""".split()
)
# Abbreviations that stand before a number ("No. 5"); elsewhere they are words.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "fig"})
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _period_ends(text: str, at: int, following: str | None, floor: int) -> bool:
    """Whether the period at ``at`` closes a sentence: not after an abbreviation or an initial.

    ``following`` is the first character of the next sentence (None at the
    end of the span); ``floor`` is where this sentence began.
    """
    # Most periods follow a word longer than any abbreviation, all letters
    # (so no initial either): one slice tells.
    longer = at - _LONGEST_ABBREVIATION - 1
    if longer >= floor and text[longer:at].isalpha():
        return True
    # The token before the period runs back to the last space; rfind does
    # that walk in C, so a period costs O(token length).
    begin = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at)) + 1
    word = text[max(begin, floor) : at].lstrip("\"'“‘([").lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    if word in _NUMBER_ABBREVIATIONS:
        return not (following and following.isdigit())
    return word not in _ABBREVIATIONS


def sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``prose[start:end]`` into sentence spans, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    periods = _Periods(_with_periods(prose[start:end]), start)
    _split_run(prose, periods, [(start, end)], start, end, spans)
    return spans


def _with_periods(prose: str) -> str:
    """``prose`` with every sentence-ending mark made a period, for ``_BOUNDARY``."""
    for mark in _ENDS_AS_PERIOD:
        if mark in prose:
            prose = prose.replace(mark, ".")
    return prose


class _Periods(NamedTuple):
    """``_with_periods`` of the prose from offset ``origin`` on."""

    text: str
    origin: int


def _split_run(prose: str, periods: _Periods, run: list[tuple[int, int]], start: int, end: int, spans: list) -> None:
    """Append the sentences of the blocks of ``run`` (only whitespace between them).

    Boundaries are searched for in ``periods``, where "!", "?" and "…" are periods.

    One scan covers the run. A boundary inside a block holds there as in a
    scan of the block alone, except at the block's end, where the block's
    last sentence ends whatever the boundary says.
    """
    pending = iter(run)
    block_start, block_end = next(pending)
    cursor = block_start
    origin = periods.origin
    for boundary in _BOUNDARY.finditer(periods.text, start - origin, end - origin):
        at = boundary.start() + origin
        while at >= block_end:  # past the block: its last sentence ends with it
            _append_trimmed(prose, cursor, block_end, spans)
            block_start, block_end = next(pending)
            cursor = block_start
        following = boundary.group(1)
        # Not before a lowercase word ('"Why?" she asked.'), nor after "Mr." or "J.".
        if following is not None and following.islower():
            continue
        if prose[at] == "." and not _period_ends(prose, at, following, cursor):
            continue
        stop = boundary.end() + origin
        _append_trimmed(prose, cursor, stop, spans)
        cursor = stop
    _append_trimmed(prose, cursor, block_end, spans)
    for block_start, block_end in pending:
        _append_trimmed(prose, block_start, block_end, spans)


def _append_trimmed(prose: str, start: int, end: int, spans: list) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# Spans without a Python-level loop: ``map`` calls the method in C.
_span = re.Match.span


def words(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    return list(map(_span, WORD.finditer(prose, start, end)))


_OPENERS = {"“": "”", '"': '"', "«": "»"}
_OPEN_QUOTE = regexcache.compile(r'[“"«]')


def quotations(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Direct quotations in one block, quote marks included.

    A quotation left open at the end of a paragraph runs to the paragraph's
    end: news style opens, but does not close, a quote that continues.
    """
    spans = []
    pos = start
    while True:
        opener = _OPEN_QUOTE.search(prose, pos, end)
        if opener is None:
            return spans
        closer = prose.find(_OPENERS[opener.group()], opener.end(), end)
        stop = end if closer == -1 else closer + 1
        spans.append((opener.start(), stop))
        pos = stop


def words_in(prose: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The words of every block: a word never spans the whitespace between blocks."""
    spans: list[tuple[int, int]] = []
    for start, end, _ in _runs(prose, blocks):
        spans += map(_span, WORD.finditer(prose, start, end))
    return spans


def sentences_in(prose: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of every block, as ``sentences`` finds them block by block."""
    spans: list[tuple[int, int]] = []
    periods = _Periods(_with_periods(prose), 0)
    for start, end, run in _runs(prose, blocks):
        _split_run(prose, periods, run, start, end, spans)
    return spans


def quotations_in(prose: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations of every block, each closed at the latest at its block's end."""
    spans: list[tuple[int, int]] = []
    for start, end, run in _runs(prose, blocks):
        index, pos = 0, start
        while (opener := _OPEN_QUOTE.search(prose, pos, end)) is not None:
            while opener.start() >= run[index][1]:
                index += 1
            block_end = run[index][1]
            closer = prose.find(_OPENERS[opener.group()], opener.end(), block_end)
            pos = block_end if closer == -1 else closer + 1
            spans.append((opener.start(), pos))
    return spans


def _runs(prose: str, blocks: list[tuple[int, int]]):
    """``(start, end, blocks)`` for each run of blocks that only whitespace separates."""
    run: list[tuple[int, int]] = []
    for block in blocks:
        if run and not (run[-1][1] < block[0] and prose[run[-1][1] : block[0]].isspace()):
            yield run[0][0], run[-1][1], run
            run = []
        run.append(block)
    if run:
        yield run[0][0], run[-1][1], run
