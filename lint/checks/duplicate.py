"""duplicate: a paragraph or sentence that repeats an earlier one of the document.

Scraped copy repeats itself: a lead pasted twice, a caption shown again below
the gallery, a summary blurb echoed three times, a teaser run into the text it
teases. Each unit is normalised to its lower-cased words, so that case,
punctuation, curly quotes and spacing do not hide a copy. Exact copies cost
one dictionary look-up each. Near copies are looked for only among candidates
that share part of a small sketch of word shingles (an inverted index), then
confirmed with a difflib ratio over the word lists, so long documents stay
linear in practice: no all-pairs comparison. The later copies are flagged and
name the line of the first, which is left alone.

``unit: paragraph`` compares paragraphs; ``unit: sentence`` compares the
sentences of one paragraph (``within: paragraph``) or of the whole document,
leaving out paragraphs that are themselves repeats.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher

from newslint.checks.base import Check, Option, OptionError

# Up to this many units are compared pairwise (behind cheap bounds); more go
# through a shingle index so that long documents stay linear.
PAIRWISE_UNITS = 64
# A near copy's vocabulary overlap (Dice) can fall below its word-sequence
# ratio when words repeat; this much slack keeps the bound safe.
VOCABULARY_SLACK = 0.2
_TOKEN = re.compile(r"[^\W_]+")
_INNER_DOT = re.compile(r"\.(?=[^\W_])")


class DuplicateCheck(Check):
    SCOPED = False
    OPTIONS = {
        "unit": Option("str", "paragraph", help="paragraph | sentence: what is compared"),
        "within": Option("str", "document", help="document | paragraph: where a sentence's first copy may be"),
        "min-words": Option("int", 6, help="units with fewer words are never duplicates"),
        "similarity": Option("number", 0.92, help="difflib ratio of the word lists for a near copy (1: exact only)"),
        "paragraph-similarity": Option("number", 0.92, help="for sentences: the paragraphs already reported"),
        "paragraph-min-words": Option("int", 6, help="for sentences: the paragraphs already reported"),
        "shingle": Option("int", 3, help="words per shingle when looking for near-copy candidates"),
        "sketch": Option("int", 8, help="shingles kept per unit to find near-copy candidates"),
        "common-shingle": Option("int", 40, help="shingles shared by more units than this are not used as cues"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        options = self.options
        if options["unit"] not in ("paragraph", "sentence"):
            raise OptionError("unit", f"must be paragraph or sentence, got {options['unit']!r}")
        if options["within"] not in ("document", "paragraph"):
            raise OptionError("within", f"must be document or paragraph, got {options['within']!r}")
        for key in ("min-words", "paragraph-min-words", "shingle", "sketch", "common-shingle"):
            if options[key] < 1:
                raise OptionError(key, f"must be at least 1, got {options[key]}")
        for key in ("similarity", "paragraph-similarity"):
            if not 0 < options[key] <= 1:
                raise OptionError(key, f"must be in (0, 1], got {options[key]}")
        # The sentence rule first finds repeated paragraphs with the paragraph
        # rule's settings, so that it does not report them again sentence by sentence.
        self.paragraph_options = options
        if options["unit"] == "sentence":
            self.paragraph_options = {
                **options,
                "similarity": options["paragraph-similarity"],
                "min-words": options["paragraph-min-words"],
            }

    def run(self, doc):
        repeated = self._repeated_paragraphs(doc)
        if self.options["unit"] == "paragraph":
            for (start, end), first, likeness in repeated:
                yield self._problem(doc, start, end, first, likeness)
            return
        # A repeated paragraph is reported once, by the paragraph rule, and a
        # paragraph of one sentence was judged there too.
        judged = {span for span, _, _ in repeated}
        finder = _CopyFinder(self.options)
        if self.options["within"] == "document":
            whole = {(b.start, b.end) for b in doc.paragraphs}
            sentences = [s for s in doc.sentences if not _inside(s, judged)]
            copies = [c for c in finder.copies(doc.prose, sentences) if c[0] not in whole]
        else:
            copies = []
            for block in doc.paragraphs:
                if (block.start, block.end) in judged:
                    continue
                # Only a paragraph with two sentences long enough to count can
                # hold a repeat; most paragraphs are ruled out without a look.
                long_enough = [s for s in doc.block_sentences(block) if s[1] - s[0] >= 2 * finder.min_words]
                if len(long_enough) >= 2:
                    copies.extend(finder.copies(doc.prose, long_enough))
        for (start, end), first, likeness in copies:
            yield self._problem(doc, start, end, first, likeness)

    def _repeated_paragraphs(self, doc) -> list:
        """Repeated paragraphs, computed once per document for both rules."""
        options = self.paragraph_options
        key = tuple(options[k] for k in ("min-words", "similarity", "shingle", "sketch", "common-shingle"))
        cache = doc.__dict__.setdefault("_duplicate_paragraphs", {})
        if key not in cache:
            spans = [(b.start, b.end) for b in doc.paragraphs]
            cache[key] = list(_CopyFinder(options).copies(doc.prose, spans))
        return cache[key]

    def _problem(self, doc, start, end, first, likeness):
        line, column = doc.position(first)
        how = "verbatim" if likeness >= 1 else f"{int(likeness * 100)}% alike"
        return self.problem(doc, start, end, line=line, column=column, likeness=how, args=(line,))


def _inside(span, spans) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans) if spans else False


def normalise(text: str) -> list[str]:
    """The unit's words, case-folded, with typographic variants made plain."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    # "U.S." and "US" are one word; a dot inside a number or name goes too.
    return _TOKEN.findall(_INNER_DOT.sub("", text.lower()))


class _CopyFinder:
    """Finds units that repeat an earlier unit, exactly or nearly.

    Near copies: each unit is summed up by a sketch, the ``sketch`` smallest
    of its word shingles (sorted, so that the result never depends on hash
    seeds). Near copies share most shingles, hence most of their sketch; only
    units sharing part of a sketch are compared word by word.
    """

    def __init__(self, options):
        self.similarity = options["similarity"]
        self.min_words = options["min-words"]
        self.size = options["shingle"]
        self.sketch = options["sketch"]
        self.common = options["common-shingle"]

    def copies(self, prose: str, spans: list[tuple[int, int]]):
        """Yield ``(span, start of first copy, likeness)`` for each later copy."""
        seen: dict[tuple[str, ...], int] = {}
        earlier: list[tuple[int, list[str], frozenset]] = []  # (start, words, vocabulary) of each kept unit
        postings: dict[tuple, list[int]] = defaultdict(list)  # shingle -> unit indexes
        indexed = len(spans) > PAIRWISE_UNITS
        for start, end in spans:
            words = normalise(prose[start:end]) if end - start >= self.min_words else ()
            if len(words) < self.min_words:
                continue
            key = tuple(words)
            if key in seen:
                yield (start, end), seen[key], 1.0
                continue
            seen[key] = start
            if self.similarity >= 1:
                continue
            vocabulary = frozenset(words)
            if indexed:
                sketch = self._sketch(words)
                candidates = self._candidates(sketch, postings)
            else:
                candidates = range(len(earlier))
            match = self._near_copy(words, vocabulary, candidates, earlier)
            if match is not None:
                yield (start, end), *match
                continue
            if indexed:
                for shingle in sketch:
                    postings[shingle].append(len(earlier))
            earlier.append((start, words, vocabulary))

    def _sketch(self, words: list[str]) -> list[tuple]:
        size = min(self.size, len(words))
        shingles = set(zip(*(words[i:] for i in range(size)), strict=False))
        return sorted(shingles)[: self.sketch]

    def _candidates(self, sketch, postings) -> list[int]:
        """Earlier units sharing half the sketch: near copies share most shingles,
        different units hardly any. Edits push new shingles into the sketch."""
        shared: dict[int, int] = defaultdict(int)
        for shingle in sketch:
            units = postings.get(shingle)
            if units and len(units) <= self.common:
                for index in units:
                    shared[index] += 1
        needed = max(1, len(sketch) // 2)
        return sorted(index for index, count in shared.items() if count >= needed)

    def _near_copy(self, words, vocabulary, candidates, earlier):
        """(start, likeness) of the most alike earlier unit, if alike enough.

        Cheap bounds first: the ratio cannot reach ``similarity`` when the
        lengths, or the vocabularies, differ too much.
        """
        best = None
        for index in candidates:
            start, other, other_vocabulary = earlier[index]
            total = len(words) + len(other)
            if 2 * min(len(words), len(other)) < self.similarity * total:
                continue
            common = len(vocabulary & other_vocabulary)
            if 2 * common < (self.similarity - VOCABULARY_SLACK) * (len(vocabulary) + len(other_vocabulary)):
                continue
            ratio = SequenceMatcher(None, other, words, autojunk=False).ratio()
            if ratio >= self.similarity and (best is None or ratio > best[1]):
                best = (start, ratio)
        return best
