"""Sentence, word and quotation segmentation with absolute offsets.

Every function takes the document's prose view (same length as the original
text, markup blanked) and a span, and returns absolute ``(start, end)`` pairs,
so that a check never has to re-find anything in the text.
"""

from __future__ import annotations

import re

# Words: letters/digits joined by apostrophes, hyphens or inner dots (U.S., it's).
WORD = re.compile(r"[^\W_]+(?:[’'.\-][^\W_]+)*\.?(?<![a-z]\.)", re.UNICODE)

# A sentence may end after . ! ? or … with closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\w$£€])|[.!?…]+[\"'”’)\]]*(?=\s*$)")

# Tokens before a period that do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gov sen rep gen lt col maj capt sgt adm cmdr
    pres supt insp det atty rev fr hon vs etc inc corp co ltd no nos vol fig
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd approx
    dept est u.s u.n u.k e.g i.e a.m p.m d.c""".split()
)
_LAST_TOKEN = re.compile(r"([\w.]+)\.?$")


def _ends_sentence(text: str, at: int, line_start: int) -> bool:
    """Whether the punctuation at ``at`` closes a sentence (not 'Mr.' or 'J.')."""
    if text[at] != ".":
        return True
    token = _LAST_TOKEN.search(text, line_start, at + 1)
    if token is None:
        return True
    word = token.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return False
    return word not in _ABBREVIATIONS


def sentences(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``prose[start:end]`` into sentence spans, trimmed of whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for boundary in _BOUNDARY.finditer(prose, start, end):
        if not _ends_sentence(prose, boundary.start(), cursor):
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
