"""Markdown body blocks from markdown-it-py token line maps.

markdown-it gives each block token its source line range; inline markup has
no positions, so markup characters are blanked in the prose view with a few
patterns instead of being re-parsed. Offsets never move.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from newslint import regexcache
from newslint.document import Block
from newslint.readers import blank as _blank

_PARSER = MarkdownIt("commonmark").enable("table")
_NEWLINE = regexcache.compile("\n")

_CONTAINER_PREFIX = regexcache.compile(r"[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:>[ \t]?)*")
_ATX = regexcache.compile(r"[ \t]*#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = regexcache.compile(r"[ \t]+#+[ \t]*$|[ \t]*$")
_SETEXT = regexcache.compile(r"[ \t]*(?:=+|-+)[ \t]*$")
# Inline markup whose characters are not prose: link targets, images, code,
# tags, emphasis markers and hard-break backslashes.
_INLINE_MARKUP = regexcache.compile(
    r"(?P<target>\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<open>!?\[)"
    r"|(?P<code>`+[^`]*`+)"
    r"|(?P<tag></?[A-Za-z][^<>]*>|<https?://[^<>]*>)"
    r"|(?P<emph>(?<![\w*_\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*]))"
    r"|(?P<escape>\\(?=[^\w\s]))"
)
_KINDS = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "fence": "code",
    "code_block": "code",
    "html_block": "html",
    "table_open": "table",
    "hr": "rule",
}


def markdown_blocks(text: str, body_start: int, prose: list[str]):
    """Blocks of the Markdown body, and the span of its H1 headline if any.

    ``prose`` is the document's character list; markup in it is blanked.
    """
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    first_body_line = text.count("\n", 0, body_start)
    # Front-matter lines are replaced by blank lines so that token line maps
    # stay absolute.
    source = "\n" * first_body_line + text[body_start:]
    blocks: list[Block] = []
    headline_span = None
    containers: list[str] = []
    tokens = _PARSER.parse(source)
    for index, token in enumerate(tokens):
        if token.type in ("blockquote_open", "bullet_list_open", "ordered_list_open"):
            containers.append("blockquote" if token.type == "blockquote_open" else "list")
        elif token.type in ("blockquote_close", "bullet_list_close", "ordered_list_close"):
            containers.pop()
        kind = _KINDS.get(token.type)
        if kind is None or token.map is None:
            continue
        first, last = token.map[0], token.map[1] - 1
        start = line_starts[first]
        end = _line_end(text, line_starts, last)
        if kind in ("paragraph", "heading"):
            start, end = _mask_block(text, prose, line_starts, first, last, kind, bool(containers))
        else:
            _blank(prose, start, end)
        level = int(token.tag[1]) if kind == "heading" else 0
        block = Block(kind, start, end, containers[-1] if containers else "", level)
        # Only an H1 that opens the body is the headline, not one further down.
        if level == 1 and not blocks and not containers:
            headline_span = (start, end)
        blocks.append(block)
        if kind == "table":
            _skip_until(tokens, index, "table_close")
    return blocks, headline_span


def _skip_until(tokens, index, closing):  # tables hold paragraphs we do not want
    for token in tokens[index + 1 :]:
        if token.type == closing:
            break
        token.map = None


def _line_end(text: str, line_starts: list[int], line: int) -> int:
    end = line_starts[line + 1] - 1 if line + 1 < len(line_starts) else len(text)
    if end > line_starts[line] and text[end - 1] == "\r":
        end -= 1
    return end


def _mask_block(text, prose, line_starts, first, last, kind, in_container):
    """Blank block markup in ``prose``; return the span of the block's prose."""
    block_start = None
    block_end = None
    for line in range(first, last + 1):
        start = line_starts[line]
        end = _line_end(text, line_starts, line)
        lead = start
        if in_container:
            lead = _CONTAINER_PREFIX.match(text, start, end).end()
        if kind == "heading":
            if _SETEXT.fullmatch(text, lead, end) and line == last and last > first:
                _blank(prose, start, end)
                continue
            atx = _ATX.match(text, lead, end)
            if atx:
                lead = atx.end()
                close = _ATX_CLOSE.search(text, lead, end)
                _blank(prose, close.start(), end)
                end = close.start()
        _blank(prose, start, lead)
        for markup in _INLINE_MARKUP.finditer(text, lead, end):
            _blank(prose, *markup.span())
        while lead < end and text[lead].isspace():
            lead += 1
        while end > lead and text[end - 1].isspace():
            end -= 1
        if end > lead:
            block_start = lead if block_start is None else block_start
            block_end = end
    if block_start is None:
        return line_starts[first], line_starts[first]
    return block_start, block_end
