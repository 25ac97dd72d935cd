"""Turn bytes into a Document: plain text or Markdown, with YAML front matter."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from newslint import regexcache
from newslint.errors import ReadError

if TYPE_CHECKING:
    from newslint.document import Block, Document

# PyYAML and the Document model are imported where they are first needed: a
# run answered from the cache reads bytes but never builds a Document, and
# only a file with front matter needs a YAML parser.

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES | {".txt"}

_FENCE = regexcache.compile(r"---[ \t]*\r?$")
_FENCE_END = regexcache.compile(r"(?:---|\.\.\.)[ \t]*\r?$")
_COMMENT = regexcache.compile(r"<!--.*?-->", re.DOTALL)


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text and whether it had a byte-order mark; ReadError otherwise."""
    if b"\x00" in data[:8192]:
        raise ReadError("binary file, not an article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ReadError(f"not UTF-8 (invalid byte 0x{data[err.start]:02x})", line) from None
    if text.startswith("\ufeff"):
        return text[1:], True
    return text, False


# No article is this long; a file that is (a database dump, a crawl) is
# reported instead of being held in memory and linted for minutes.
MAX_BYTES = 20_000_000


def read_bytes(path: Path) -> bytes:
    try:
        return read_all(path, MAX_BYTES)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except OSError as err:
        raise ReadError(err.strerror or str(err)) from None


def read_all(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``; ReadError when there are more than ``limit``.

    Read with os-level calls, which cost half of what ``open()`` does: a
    re-run answered from the cache reads two small files per article.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise ReadError(f"too large for an article ({size:,} bytes; the limit is {limit:,})")
        chunks = [os.read(fd, size + 1)]
        while chunks[-1]:  # to the end, as a file may have grown since fstat
            chunks.append(os.read(fd, 1 << 16))
    finally:
        os.close(fd)
    return chunks[0] if len(chunks) == 2 else b"".join(chunks)


def write_replacing(path: str, data: bytes) -> None:
    """Write ``path`` whole: to a partial file, then renamed over it, so that a
    parallel reader never sees half of it; a failed write leaves nothing behind.
    Raises OSError (the caches that use it only lose speed)."""
    partial = f"{path}.{os.getpid()}.tmp"
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def format_of(path: Path) -> str:
    return "markdown" if path.suffix.lower() in MARKDOWN_SUFFIXES else "text"


def read_file(path: Path, display: str | None = None) -> Document:
    text, bom = decode(read_bytes(path))
    return parse(text, display or str(path), format_of(path), bom=bom)


def parse(text: str, path: str = "<text>", fmt: str = "text", *, bom: bool = False) -> Document:
    """Build the Document for ``text``; ``fmt`` is ``text`` or ``markdown``."""
    from newslint.document import Document

    if text.startswith("\ufeff"):  # columns count what an editor shows: no BOM
        text, bom = text[1:], True
    if not text.strip():
        raise ReadError("empty file")
    frontmatter, fm_lines, fm_spans, fm_end = _front_matter(text)
    if fmt != "markdown" and not fm_end and "<!--" not in text:
        # Plain text with nothing to blank: the prose view is the text itself.
        blocks = _plain_blocks(text, 0)
        return Document(path=path, text=text, prose=text, format=fmt, blocks=blocks, bom=bom)
    prose = list(text)
    blank(prose, 0, fm_end)
    # Field values stay readable in the prose view, so that rules scoped to
    # the headline or to ``frontmatter.<field>`` can match them.
    for value_start, value_end in fm_spans.values():
        prose[value_start:value_end] = text[value_start:value_end]
    if fmt == "markdown":
        from newslint.markdown import markdown_blocks

        blocks, headline_span = markdown_blocks(text, fm_end, prose)
    else:
        blocks, headline_span = _plain_blocks(text, fm_end), None
    for comment in _COMMENT.finditer(text, fm_end):
        blank(prose, *comment.span())
    headline = None
    if isinstance(frontmatter.get("title"), str) and "title" in fm_spans:
        headline, headline_span = frontmatter["title"], fm_spans["title"]
    elif headline_span:
        headline = "".join(prose[headline_span[0] : headline_span[1]]).strip()
    return Document(
        path=path,
        text=text,
        prose="".join(prose),
        format=fmt,
        blocks=blocks,
        frontmatter=frontmatter,
        frontmatter_lines=fm_lines,
        frontmatter_spans=fm_spans,
        headline=headline,
        headline_span=headline_span,
        bom=bom,
    )


def blank(chars: list[str], start: int, end: int) -> None:
    """Replace chars with spaces, keeping line breaks so positions stay put."""
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _front_matter(text: str):
    """(data, (first, last) lines, value spans, end offset) of a leading YAML block."""
    first_break = text.find("\n")
    # endpos stops ``$`` at the end of the first line (no MULTILINE needed).
    if first_break == -1 or not _FENCE.match(text, 0, first_break):
        return {}, None, {}, 0
    pos, line = first_break + 1, 2
    while pos < len(text):
        nxt = text.find("\n", pos)
        stop = len(text) if nxt == -1 else nxt + 1
        if _FENCE_END.match(text, pos, stop if nxt == -1 else nxt):
            data, spans = _load_front_matter(text, first_break + 1, pos)
            return data, (1, line), spans, stop
        pos, line = stop, line + 1
    raise ReadError("front matter opened on line 1 is never closed with '---'")


def _load_front_matter(text: str, start: int, end: int):
    import yaml

    source = text[start:end]
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        data = yaml.safe_load(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise ReadError(f"broken front matter: {problem}", line) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise ReadError("front matter is not a mapping of fields", 2)
    spans = {}
    for key_node, value_node in node.value:
        if isinstance(value_node, yaml.ScalarNode) and isinstance(key_node.value, str):
            value_start = start + value_node.start_mark.index
            value_end = start + value_node.end_mark.index
            if value_node.style in ("'", '"') and value_end - value_start >= 2:
                value_start, value_end = value_start + 1, value_end - 1  # the value, not its quotes
            spans[key_node.value] = (value_start, value_end)
    return {str(k): v for k, v in data.items()}, spans


def _plain_blocks(text: str, offset: int) -> list[Block]:
    """Paragraph blocks of plain text.

    Scraped news keeps one paragraph per line; hand-written text wraps lines
    and separates paragraphs with blank lines. The second form is recognised
    when most lines are short and blank lines exist.
    """
    from newslint.document import Block

    filled = []  # the span of each line that has something on it, without surrounding blanks
    pos = offset
    for line in text[offset:].split("\n"):
        content = line.strip()
        if content:
            start = pos + len(line) - len(line.lstrip())
            filled.append((start, start + len(content)))
        pos += len(line) + 1
    if not filled:
        return []
    line_count = text.count("\n", offset) + (0 if text.endswith("\n") else 1)
    blank = line_count - len(filled)
    short = sum(1 for start, end in filled if end - start <= 80)
    wrapped = blank > 0 and len(filled) > blank and short > 0.8 * len(filled)
    if not wrapped:
        return [Block("paragraph", start, end) for start, end in filled]
    blocks = []
    run_start, run_end = filled[0]
    for start, end in filled[1:]:
        if text.count("\n", run_end, start) > 1:  # a blank line ends the paragraph
            blocks.append(Block("paragraph", run_start, run_end))
            run_start = start
        run_end = end
    blocks.append(Block("paragraph", run_start, run_end))
    return blocks
