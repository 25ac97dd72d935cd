"""The Document model: an article's text, its anatomy, and shared segmentation.

Readers (``newslint.readers``) build a Document; checks only read it. Every
span is a half-open pair of absolute offsets into ``text``. ``prose`` has the
same length as ``text`` with markup, front matter, code and comments blanked
to spaces, so a pattern run over ``prose`` gives offsets valid in ``text``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, NamedTuple

from newslint.text import segment

PROSE_KINDS = frozenset({"paragraph", "heading"})
TAIL_PARAGRAPHS = 2

Span = tuple[int, int]


class Block(NamedTuple):
    """One body block: its kind, the container it sits in, and its span.

    A named tuple, not a dataclass: documents have thousands of blocks and a
    tuple is several times cheaper to build.
    """

    kind: str  # paragraph | heading | code | html | table | rule
    start: int
    end: int
    container: str = ""  # "" | blockquote | list
    level: int = 0  # heading level


@dataclass(eq=False)
class Document:
    path: str
    text: str
    prose: str
    format: str  # "text" | "markdown"
    blocks: list[Block]
    frontmatter: dict[str, Any] = field(default_factory=dict)
    frontmatter_lines: tuple[int, int] | None = None  # 1-based, inclusive, fences included
    frontmatter_spans: dict[str, Span] = field(default_factory=dict)  # field -> value span
    headline: str | None = None
    headline_span: Span | None = None
    bom: bool = False
    # Spans that earlier-phase rules judged page junk (set by the engine), so
    # that readability and off-topic checks count only the article's own prose.
    junk_spans: list[Span] = field(default_factory=list)

    # -- positions -----------------------------------------------------------

    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count characters."""
        line = bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

    def line_span(self, line: int) -> Span:
        """Span of 1-based ``line`` without its line break."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return start, end

    # -- anatomy -------------------------------------------------------------

    @cached_property
    def body_blocks(self) -> list[Block]:
        """Prose blocks of the body: everything but the headline and non-prose."""
        headline = self.headline_span
        return [b for b in self.blocks if b.kind in PROSE_KINDS and not (headline and b.start <= headline[0] < b.end)]

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.body_blocks if b.kind == "paragraph"]

    def article_paragraphs(self) -> list[Block]:
        """Body paragraphs that no junk rule flagged: the article's own prose."""
        if not self.junk_spans:
            return self.paragraphs
        # One bisect per paragraph: among the spans that start before the
        # paragraph ends, the furthest end tells whether any reaches into it.
        junk = self.junk_spans
        starts = [start for start, _ in junk]
        furthest = list(accumulate((end for _, end in junk), max))
        kept = []
        for b in self.paragraphs:
            index = bisect_right(starts, b.end - 1) - 1
            if index < 0 or furthest[index] <= b.start:
                kept.append(b)
        return kept

    def spans(self, scope: str) -> list[Span]:
        """The spans a rule with this scope looks at, in document order."""
        cache = self.__dict__.setdefault("_scope_cache", {})
        if scope not in cache:
            cache[scope] = self._compute_spans(scope)
        return cache[scope]

    def _compute_spans(self, scope: str) -> list[Span]:
        headline = [self.headline_span] if self.headline_span else []
        body = self.body_blocks
        paragraphs = [b for b in body if b.kind == "paragraph" and b.container != "blockquote"]
        if scope == "text":
            return sorted(headline + [(b.start, b.end) for b in body])
        if scope == "headline":
            return headline
        if scope == "body":
            return [(b.start, b.end) for b in body]
        if scope == "lede":
            return [(b.start, b.end) for b in paragraphs[:1]]
        if scope == "tail":
            return [(b.start, b.end) for b in paragraphs[-TAIL_PARAGRAPHS:]]
        if scope == "heading":  # the H1 headline is a heading too, as in Vale
            return [(b.start, b.end) for b in self.blocks if b.kind == "heading"]
        if scope == "paragraph":
            return [(b.start, b.end) for b in paragraphs]
        if scope == "blockquote":
            return [(b.start, b.end) for b in body if b.container == "blockquote"]
        if scope == "list":
            return [(b.start, b.end) for b in body if b.container == "list"]
        if scope == "sentence":
            return self.sentences
        if scope.startswith("frontmatter."):
            span = self.frontmatter_spans.get(scope.partition(".")[2])
            return [span] if span else []
        raise ValueError(f"unknown scope {scope!r}")

    # -- segmentation, computed once and shared by every check ----------------

    @cached_property
    def sentences(self) -> list[Span]:
        return segment.sentences_in(self.prose, [(b.start, b.end) for b in self.body_blocks])

    def block_sentences(self, block: Block) -> list[Span]:
        starts = self._sentence_starts
        lo = bisect_left(starts, block.start)
        hi = bisect_left(starts, block.end)
        return self.sentences[lo:hi]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def words(self) -> list[Span]:
        return segment.words_in(self.prose, [(b.start, b.end) for b in self.body_blocks])

    @cached_property
    def quotations(self) -> list[Span]:
        return segment.quotations_in(self.prose, [(b.start, b.end) for b in self.body_blocks])

    def in_quotation(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a direct quotation."""
        quotes = self.quotations
        index = bisect_right(quotes, (start, float("inf"))) - 1
        return index >= 0 and quotes[index][0] <= start and end <= quotes[index][1]
