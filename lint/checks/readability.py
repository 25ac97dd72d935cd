"""readability: scores that say the prose is hard, and the places that make it so.

A rule of this type can ask for any of:

- ``metrics``: document scores from textstat's formulas with a bound each,
  ``{flesch_kincaid_grade: {max: 12}, flesch_reading_ease: {min: 40}}``. A
  score out of bounds is one problem on the first paragraph of the article's
  prose (the lede: where an editor starts reading, and a span every format
  has), with the score and the bound in the message;
- ``paragraph_metrics``: the same, per paragraph, each on its paragraph;
- ``sentence_words``: sentences over this many words, each at its sentence;
- ``paragraph_sentences`` / ``paragraph_words``: paragraphs over these sizes.

Only the article's own prose counts: body paragraphs that no page-junk rule
flagged (this type runs in phase 1), without the headline, front matter,
headings, code, tables and list items (lists of links, fact boxes). Sizes
use the shared segmentation (``doc.sentences``, and words as ``doc.words``
finds them); scores are textstat's, computed without importing it
(``newslint.text.stats``).

Both come from one pass per document, shared by every rule of the type
(``ArticleProse``): each sentence of the prose is split into
whitespace-separated tokens, and the memoised counts of its tokens
(``stats.count_tokens``) give its words, and for the document textstat's
words and syllables, without a regex scan of the words.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from operator import itemgetter

from newslint.checks.base import Check, Option, OptionError
from newslint.document import Block, Document
from newslint.text.stats import FIELD, MASK, MAX_CHARS, METRICS, ProseStats, count_tokens

BOUNDS = ("min", "max")


class ReadabilityCheck(Check):
    PHASE = 2  # after page junk and off-topic blocks are known: only the article's own prose counts
    SCOPED = False
    OPTIONS = {
        "metrics": Option("map", {}, help="document scores and their bounds: {metric: {min: n, max: n}}"),
        "min_words": Option("int", 100, help="score documents of at least this many words of prose"),
        "paragraph_metrics": Option("map", {}, help="per-paragraph scores and their bounds, as metrics"),
        "paragraph_min_words": Option("int", 40, help="score paragraphs of at least this many words"),
        "sentence_words": Option("int", 0, help="flag sentences of more words than this (0: off)"),
        "paragraph_sentences": Option("int", 0, help="flag paragraphs of more sentences than this (0: off)"),
        "paragraph_words": Option("int", 0, help="flag paragraphs of more words than this (0: off)"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        options = self.options
        self.metrics = _bounds(options["metrics"], "metrics")
        self.paragraph_metrics = _bounds(options["paragraph_metrics"], "paragraph_metrics")
        sizes = ("min_words", "paragraph_min_words", "sentence_words", "paragraph_sentences", "paragraph_words")
        for key in sizes:
            if options[key] < 0:
                raise OptionError(key, f"'{key}' must be 0 or more, got {options[key]}")
        wanted = ("metrics", "paragraph_metrics", "sentence_words", "paragraph_sentences", "paragraph_words")
        if not any(options[key] for key in wanted):
            raise OptionError("metrics", "a readability rule needs one of: " + ", ".join(wanted))
        # Whether the rule looks at each paragraph, not only at the document's scores.
        self.per_paragraph = any(options[key] for key in wanted[1:])
        # A paragraph of no more words and sentences than these has nothing to flag
        # (a sentence has no more words than its paragraph): most are skipped unseen.
        word_limits = [options[key] for key in ("sentence_words", "paragraph_words") if options[key]]
        if self.paragraph_metrics:
            word_limits.append(options["paragraph_min_words"] - 1)
        self.quiet_words = min(word_limits, default=float("inf"))
        self.quiet_sentences = options["paragraph_sentences"] or float("inf")

    def run(self, doc):
        paragraphs = prose_paragraphs(doc)
        if not paragraphs:
            return
        if self.metrics:
            stats = document_stats(doc)
            if stats.words >= self.options["min_words"]:
                lede = paragraphs[0]
                for detail in _out_of_bounds(stats, self.metrics, ""):
                    yield self.problem(doc, lede.start, lede.end, **detail)
        if self.per_paragraph:
            quiet_words, quiet_sentences = self.quiet_words, self.quiet_sentences
            for paragraph, sentences, lengths, words in paragraph_sizes(doc):
                if words > quiet_words or len(sentences) > quiet_sentences:
                    yield from self._paragraph_problems(doc, paragraph, sentences, lengths, words)

    def _paragraph_problems(self, doc: Document, paragraph: Block, sentences: list, lengths: list[int], words: int):
        options = self.options
        oversize = self._paragraph_size(len(sentences), words)
        if oversize:
            yield self.problem(doc, paragraph.start, paragraph.end, detail=oversize)
        limit = options["sentence_words"]
        if limit and lengths and max(lengths) > limit:
            for (start, end), length in zip(sentences, lengths, strict=True):
                if length > limit:
                    detail = f"Sentence of {length} words (limit {limit})"
                    yield self.problem(doc, start, end, detail=detail, value=length, limit=limit)
        if self.paragraph_metrics and words >= options["paragraph_min_words"]:
            stats = paragraph_stats(doc, paragraph)
            for detail in _out_of_bounds(stats, self.paragraph_metrics, "Paragraph "):
                yield self.problem(doc, paragraph.start, paragraph.end, **detail)

    def _paragraph_size(self, sentences: int, words: int) -> str:
        """The detail "Paragraph of 9 sentences (limit 8)" when a size is over, else ""."""
        most_sentences, most_words = self.options["paragraph_sentences"], self.options["paragraph_words"]
        over = []
        if most_sentences and sentences > most_sentences:
            over.append((sentences, "sentences", most_sentences))
        if most_words and words > most_words:
            over.append((words, "words", most_words))
        if not over:
            return ""
        sizes = " and ".join(f"{value} {unit}" for value, unit, _ in over)
        if len(over) == 1:
            return f"Paragraph of {sizes} (limit {over[0][2]})"
        return f"Paragraph of {sizes} (limits {over[0][2]} and {over[1][2]})"


class ArticleProse:
    """What the readability rules derive from a document's own prose, each on first use.

    Kept on the document for its junk spans (``article_prose``): every
    readability rule asks for the same paragraphs, sizes and scores.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.junk_spans = list(doc.junk_spans)
        # Not junk, not list items; article_paragraphs tests each paragraph against every junk span.
        self.paragraphs = [block for block in doc.article_paragraphs() if block.container != "list"]
        self.paragraph_stats: dict[tuple[int, int], ProseStats] = {}

    @cached_property
    def text(self) -> str:
        """The text the document scores are computed on: prose paragraphs, one a line."""
        prose = self.doc.prose
        return "\n".join(prose[block.start : block.end] for block in self.paragraphs)

    @cached_property
    def stats(self) -> ProseStats:
        return ProseStats.from_counts(self.text, self._counts[1])  # textstat's words and syllables known

    @cached_property
    def sizes(self) -> list[tuple[Block, list, list[int], int]]:
        return self._counts[0]

    @cached_property
    def _counts(self) -> tuple[list[tuple[Block, list, list[int], int]], int]:
        """The sizes, and the packed counts of all the prose (``stats.count_tokens``).

        Words are counted as the shared segmentation finds them (``doc.words``,
        ``segment.WORD``): no word crosses whitespace, so a sentence's words are
        those of its whitespace-separated tokens. A sentence ends at whitespace
        or at the end of its block and they cover their paragraph but its
        whitespace, so the tokens of a paragraph's sentences are the paragraph's,
        in order, and those of all the sentences are the tokens of ``text``.
        """
        doc, prose = self.doc, self.doc.prose
        if len(prose) >= MAX_CHARS:  # every sum below is over part of it: exact below this size
            raise ValueError(f"readability counts documents of fewer than {MAX_CHARS:,} characters")
        # Each paragraph's sentences, as doc.block_sentences finds them, for all paragraphs at once.
        sentences = doc.sentences
        starts = [start for start, _ in sentences]
        bounds = [(bisect_left(starts, block.start), bisect_left(starts, block.end)) for block in self.paragraphs]
        prose_sentences = [sentence for low, high in bounds for sentence in sentences[low:high]]
        counts = count_tokens([prose[start:end].split() for start, end in prose_sentences])
        lengths = [(packed >> FIELD) & MASK for packed in counts]  # newslint's words of each sentence
        sizes = []
        first = 0
        for block, (low, high) in zip(self.paragraphs, bounds, strict=True):
            own = lengths[first : first + high - low]
            first += high - low
            sizes.append((block, sentences[low:high], own, sum(own)))
        return sizes, sum(counts)


def article_prose(doc: Document) -> ArticleProse:
    """The document's ArticleProse for its current junk spans, made once for them."""
    cached = doc.__dict__.get("_article_prose")
    if cached is None or cached.junk_spans != doc.junk_spans:
        cached = doc.__dict__["_article_prose"] = ArticleProse(doc)
    return cached


def prose_paragraphs(doc: Document) -> list[Block]:
    """The article's own prose paragraphs: not junk, not list items."""
    return article_prose(doc).paragraphs


def prose_text(doc: Document) -> str:
    """The text the document scores are computed on: prose paragraphs, one a line."""
    return article_prose(doc).text


def document_stats(doc: Document) -> ProseStats:
    """The document's ProseStats, computed once and shared by every readability rule."""
    return article_prose(doc).stats


def paragraph_stats(doc: Document, paragraph: Block) -> ProseStats:
    """One paragraph's ProseStats, computed once and shared by every readability rule."""
    cache = article_prose(doc).paragraph_stats
    span = (paragraph.start, paragraph.end)
    if span not in cache:
        cache[span] = ProseStats(doc.prose[paragraph.start : paragraph.end])
    return cache[span]


def paragraph_sizes(doc: Document) -> list[tuple[Block, list, list[int], int]]:
    """Each prose paragraph, its sentences, their lengths and its length in words.

    Computed once per document and shared by every readability rule (the
    sentence-length and paragraph-length rules both need them).
    """
    return article_prose(doc).sizes


def word_starts(doc: Document) -> list[int]:
    """Where each word of the shared segmentation starts, computed once per document."""
    starts = doc.__dict__.get("_word_starts")
    if starts is None:
        starts = doc.__dict__["_word_starts"] = list(map(itemgetter(0), doc.words))
    return starts


def count_words(doc: Document, start: int, end: int) -> int:
    """Words of the shared segmentation in ``[start, end)``."""
    starts = word_starts(doc)
    return bisect_left(starts, end) - bisect_left(starts, start)


def _bounds(value: dict, key: str) -> dict[str, dict[str, float]]:
    """Validate ``{metric: {min: n, max: n}}``; metric names come from a fixed table."""
    bounds = {}
    for name, limits in sorted(value.items()):
        if name not in METRICS:
            raise OptionError(key, f"unknown metric '{name}' (known: {', '.join(sorted(METRICS))})")
        if not isinstance(limits, dict) or not limits or set(limits) - set(BOUNDS):
            raise OptionError(key, f"'{name}' needs a map of 'min' and/or 'max', got {limits!r}")
        for bound, number in limits.items():
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise OptionError(key, f"'{name}.{bound}' must be a number, got {number!r}")
        if "min" in limits and "max" in limits and limits["min"] > limits["max"]:
            raise OptionError(key, f"'{name}': min {limits['min']} is above max {limits['max']}")
        bounds[name] = dict(limits)
    return bounds


def _out_of_bounds(stats: ProseStats, bounds: dict, prefix: str):
    """Problem fields for each score of ``stats`` outside its bounds, in table order."""
    for name in METRICS:
        if name not in bounds:
            continue
        score = stats.score(name)
        limits = bounds[name]
        if "max" in limits and score > limits["max"]:
            word, limit = "limit", limits["max"]
        elif "min" in limits and score < limits["min"]:
            word, limit = "minimum", limits["min"]
        else:
            continue
        shown = _format_score(score, limit)
        detail = f"{prefix}{METRICS[name].label} {shown} ({word} {limit:g})"
        yield {"detail": detail.strip(), "value": shown, "limit": f"{limit:g}", "metric": METRICS[name].label}


def _format_score(score: float, limit: float) -> str:
    """One decimal, or two when one would print the bound the score just passed."""
    shown = f"{score:.1f}"
    return f"{score:.2f}" if float(shown) == limit else shown
