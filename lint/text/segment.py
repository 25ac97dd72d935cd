"""Sentence, word and quotation segmentation with absolute offsets.

Every function takes the document's prose view (same length as the original
text, markup blanked) and a span, and returns absolute ``(start, end)`` pairs,
so that a check never has to re-find anything in the text.
"""

from __future__ import annotations

import re

# Words: letters/digits joined by apostrophes, hyphens or inner dots (U.S., it's).
WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?(?<![a-z]\.)", re.UNICODE)

# A sentence may end after . ! ? or … with closing quotes/brackets, then space
# and what may start a sentence (group 1: its first character). ASCII
# lowercase is ruled out here, other lowercase letters in ``_ends_sentence``.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?:(?=\s+[\"'“‘(\[]?([^\W_a-z]|[$£€]))|(?=\s*$))")

# Tokens before a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gov sen rep gen lt col maj capt sgt adm cmdr
    pres supt insp det atty rev fr hon vs etc inc corp co ltd no nos vol fig
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd approx
    dept est u.s u.n u.k e.g i.e a.m p.m d.c""".split()
)
# Abbreviations that stand before a number ("No. 5"); elsewhere they are words.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "fig"})


def _ends_sentence(text: str, at: int, following: str | None, floor: int) -> bool:
    """Whether the punctuation at ``at`` closes a sentence.

    Not after an abbreviation or an initial ("Mr.", "J."), and not before a
    lowercase word ('"Why?" she asked.'). ``following`` is the first
    character of the next sentence (None at the end of the span); ``floor``
    is where this sentence began.
    """
    if following is not None and following.islower():
        return False
    if text[at] != ".":
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
    cursor = start
    for boundary in _BOUNDARY.finditer(prose, start, end):
        if not _ends_sentence(prose, boundary.start(), boundary.group(1), cursor):
            continue
        _append_trimmed(prose, cursor, boundary.end(), spans)
        cursor = boundary.end()
    _append_trimmed(prose, cursor, end, spans)
    return spans


def _append_trimmed(prose: str, start: int, end: int, spans: list) -> None:
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def words(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(prose, start, end)]


_OPENERS = {"“": "”", '"': '"', "«": "»"}
_OPEN_QUOTE = re.compile(r'[“"«]')


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
