"""duplicate: a paragraph or sentence that repeats an earlier one of the document.

Scraped copy repeats itself: a lead pasted twice, a caption shown again below
the gallery, a summary blurb echoed three times, a teaser run into the text it
teases. Each unit is normalised to its lower-cased words, so that case,
punctuation, curly quotes and spacing do not hide a copy. Exact copies cost
one dictionary look-up each. A near copy differs in few words, so a unit with
more words that no other unit has than that cannot be one (one count of all
words, in C, rules out most units). Near copies are looked for only among the others,
and in long documents only among candidates that share part of a small
sketch of word shingles (an inverted index), then confirmed with a difflib
ratio over the word lists, so long documents stay linear in practice: no
all-pairs comparison. The later copies are flagged and name the line of the
first, which is left alone.

``unit: paragraph`` compares paragraphs; ``unit: sentence`` compares the
sentences of one paragraph (``within: paragraph``) or of the whole document,
leaving out paragraphs that are themselves repeats.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from itertools import accumulate, chain, pairwise

from newslint import regexcache
from newslint.checks.base import Check, Option, OptionError

# Up to this many units are compared pairwise (behind cheap bounds); more go
# through a shingle index so that long documents stay linear.
PAIRWISE_UNITS = 64
# Up to this many, every earlier unit is tried; more are first narrowed to
# those with few words of their own (counting all words costs more than a few tries).
FEW_UNITS = 8
# Paragraphs of fewer words are asked for repeated words (``repeats_words``).
SHORT_PARAGRAPH = 60
# A near copy's vocabulary overlap (Dice) can fall below its word-sequence
# ratio when words repeat; this much slack keeps the bound safe.
VOCABULARY_SLACK = 0.2
_TOKEN = regexcache.compile(r"[^\W_]+")
_INNER_DOT = regexcache.compile(r"\.(?=[^\W_])")
# ASCII letters lower-cased, digits kept, any other byte a space (as _TOKEN splits).
_ASCII_WORDS = bytes(c | 0x20 if chr(c).isalpha() else c if chr(c).isdigit() else 32 for c in range(128)) + b" " * 128
_PLAIN_MARKS = "’“”—–‘"  # curly quotes and dashes, the commonest non-ASCII in news


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
        repeated, paragraph_words = self._repeated_paragraphs(doc)
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
                # A sentence's words are a run of its paragraph's words, so two
                # sentences of min-words words need twice that many, and
                # repeated words enough to match.
                words = paragraph_words.get(block.start)
                if words is not None and (len(words) < 2 * finder.min_words or not finder.repeats_words(words)):
                    continue
                # Only a paragraph with two sentences long enough to count can
                # hold a repeat; most paragraphs are ruled out without a look.
                long_enough = [s for s in doc.block_sentences(block) if s[1] - s[0] >= 2 * finder.min_words]
                if len(long_enough) >= 2 and finder.may_repeat(words):
                    copies.extend(finder.copies(doc.prose, long_enough))
        for (start, end), first, likeness in copies:
            yield self._problem(doc, start, end, first, likeness)

    def _repeated_paragraphs(self, doc) -> tuple[list, dict[int, list[str]]]:
        """Repeated paragraphs, and the words of each paragraph by its start,
        computed once per document for both rules."""
        options = self.paragraph_options
        key = tuple(options[k] for k in ("min-words", "similarity", "shingle", "sketch", "common-shingle"))
        cache = doc.__dict__.setdefault("_duplicate_paragraphs", {})
        if key not in cache:
            spans = [(b.start, b.end) for b in doc.paragraphs]
            words: dict[int, list[str]] = {}
            cache[key] = list(_CopyFinder(options).copies(doc.prose, spans, words)), words
        return cache[key]

    def _problem(self, doc, start, end, first, likeness):
        line, column = doc.position(first)
        how = "verbatim" if likeness >= 1 else f"{int(likeness * 100)}% alike"
        return self.problem(doc, start, end, line=line, column=column, likeness=how, args=(line,))


def _inside(span, spans) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans) if spans else False


def normalise(text: str) -> list[str]:
    """The unit's words, case-folded, with typographic variants made plain."""
    return _words(_plain(text))


def _plain(text: str) -> str:
    """NFKC and lower case, curly quotes and dashes made spaces; ASCII is left as it is."""
    if text.isascii():
        return text
    # Most non-ASCII in English news is curly quotes and dashes: made spaces
    # (separators either way), most texts are ASCII, which NFKC leaves alone
    # and the ASCII path lower-cases. Only other characters need the full way.
    plain = _without_marks(text)
    if plain.isascii():
        return plain
    return _without_marks(unicodedata.normalize("NFKC", text).lower())


def _without_marks(text: str) -> str:
    for mark in _PLAIN_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


def _words(plain: str) -> list[str]:
    """The words of a text ``_plain`` made: "U.S." and "US" are one word; a
    dot inside a number or name goes too."""
    if plain.isascii():
        return _ascii_words(plain).split()
    return _TOKEN.findall(_INNER_DOT.sub("", plain.lower()))


def _ascii_words(text: str) -> str:
    """ASCII ``text`` with the words the regex of ``_words`` finds, and only
    spaces between them; several times faster than the regex.

    Every byte but a letter or digit becomes a space and every dot is
    dropped: a dot before a word character joins (as the regex drops it),
    a dot before a space or mark separates the same words as that space
    does. A run of dots always separates (the regex keeps all but its last),
    so runs are first made spaces.
    """
    return text.replace("..", "  ").encode().translate(_ASCII_WORDS, b".").decode()


class _CopyFinder:
    """Finds units that repeat an earlier unit, exactly or nearly.

    Near copies differ in few words, so a unit holding more words that no
    other unit has than a near copy leaves unmatched has none, either way
    (``_may_pair``); with more than a few units, only the others are compared.
    With many units, each is also summed up by a sketch, the ``sketch``
    smallest of its word shingles (sorted, so that the result never depends
    on hash seeds). Near copies share most shingles, hence most of their
    sketch; only units sharing part of a sketch are compared word by word.
    """

    def __init__(self, options):
        self.similarity = options["similarity"]
        self.min_words = options["min-words"]
        self.size = options["shingle"]
        self.sketch = options["sketch"]
        self.common = options["common-shingle"]
        # Two units alike enough share a run of this many words: a ratio 2M/T
        # of at least ``similarity`` leaves at most (1 - similarity)T words
        # unmatched, so the M matched words lie in at most that many + 1 runs
        # (difflib merges adjacent runs), and T is at least 2 * min_words.
        similarity, least = self.similarity, 2 * self.min_words
        self.shared_run = max(1, math.ceil(similarity * least / 2 / ((1 - similarity) * least + 1) - 1e-9))
        # Of a unit of n words, a near copy leaves at most this share of n
        # unmatched: with M matched words and m the other unit's length, a
        # ratio 2M/(n + m) >= s and the length bound of ``_near_copy``
        # (m >= s * n / (2 - s)) leave n - M <= 2(1 - s) * n / (2 - s).
        self.unmatched_share = 2 * (1 - similarity) / (2 - similarity)
        # A unit of n words matches at least n - unmatched(n) of its words,
        # which grows with n (the share is below 1).
        self.words_in_common = self.min_words - self.unmatched(self.min_words)

    def unmatched(self, count: int) -> int:
        """The most words of a unit of ``count`` words that a near copy leaves unmatched."""
        return math.floor(self.unmatched_share * count + 1e-6)  # the slack is for float rounding

    def repeats_words(self, words: list[str]) -> bool:
        """Whether a paragraph of these words repeats enough of them to hold
        two units that repeat one another: they match at least
        ``words_in_common`` pairs of equal words, and a paragraph of n words,
        d of them distinct, has room for at most n - d such pairs. A set of
        words tells in C. Long paragraphs always repeat enough common words:
        not worth a look.
        """
        return len(words) >= SHORT_PARAGRAPH or len(words) - len(set(words)) >= self.words_in_common

    def may_repeat(self, words: list[str] | None) -> bool:
        """Whether units cut from ``words`` (a paragraph's, say its sentences)
        can repeat one another: only if some run of ``shared_run`` words occurs
        twice. A set of word tuples tells at C speed; most paragraphs are ruled out."""
        if words is None:
            return True
        size = self.shared_run
        runs = len(words) - size + 1
        return runs > 1 and len(set(zip(*(words[i:] for i in range(size)), strict=False))) < runs

    def copies(self, prose: str, spans: list[tuple[int, int]], words_of: dict | None = None):
        """Yield ``(span, start of first copy, likeness)`` for each later copy;
        ``words_of`` (if given) receives the words of each unit by its start."""
        units = self._units(prose, spans, words_of)
        near = self.similarity < 1
        may_pair = self._may_pair([words for _, _, words in units]) if near and len(units) > FEW_UNITS else None
        seen: dict[tuple[str, ...], int] = {}
        earlier: list[_Unit] = []  # the units kept, that a later unit may copy
        pairable: list[int] = []  # indexes in ``earlier`` of the units ``may_pair`` allows
        postings: dict[tuple, list[int]] = defaultdict(list)  # shingle -> unit indexes
        indexed = len(spans) > PAIRWISE_UNITS
        for number, (start, end, words) in enumerate(units):
            key = tuple(words)
            if key in seen:
                yield (start, end), seen[key], 1.0
                continue
            seen[key] = start
            if not near:
                continue
            unit = _Unit(start, words)
            if indexed:
                sketch = self._sketch(words)
            if may_pair is None or may_pair[number]:
                if indexed:
                    candidates = self._candidates(sketch, postings)
                elif may_pair is None:
                    candidates = range(len(earlier))
                else:
                    candidates = pairable
                match = self._near_copy(unit, candidates, earlier)
                if match is not None:
                    yield (start, end), *match
                    continue
                pairable.append(len(earlier))
            if indexed:  # every unit, so that the counts of common shingles stay true
                for shingle in sketch:
                    postings[shingle].append(len(earlier))
            earlier.append(unit)

    def _units(self, prose: str, spans, words_of: dict | None) -> list[tuple[int, int, list[str]]]:
        """``(start, end, words)`` of the spans with ``min_words`` words or more."""
        units = []
        for start, end in spans:
            if end - start < self.min_words:  # fewer characters than words needed
                continue
            words = normalise(prose[start:end])
            if words_of is not None:
                words_of[start] = words
            if len(words) >= self.min_words:
                units.append((start, end, words))
        return units

    def _may_pair(self, units: list[list[str]]) -> list[bool]:
        """Whether each unit may be a near copy of another unit, or have one.

        A word that occurs once in all units is a word of one unit that no
        other unit matches; a unit with more of them than ``unmatched_share``
        allows has no near copy. The words are counted in C, all at once.
        """
        all_words = list(chain.from_iterable(units))
        counts = Counter(all_words)
        occurrences = list(map(counts.__getitem__, all_words))
        bounds = pairwise(accumulate(map(len, units), initial=0))
        return [occurrences[a:b].count(1) <= self.unmatched(b - a) for a, b in bounds]

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

    def _near_copy(self, unit, candidates, earlier):
        """(start, likeness) of the most alike earlier unit, if alike enough.

        Cheap bounds first: the ratio cannot reach ``similarity`` when the
        lengths, or the vocabularies, differ too much.
        """
        best = None
        words = unit.words
        for index in candidates:
            other = earlier[index]
            total = len(words) + len(other.words)
            if 2 * min(len(words), len(other.words)) < self.similarity * total:
                continue
            vocabulary, other_vocabulary = unit.vocabulary, other.vocabulary
            common = len(vocabulary & other_vocabulary)
            if 2 * common < (self.similarity - VOCABULARY_SLACK) * (len(vocabulary) + len(other_vocabulary)):
                continue
            ratio = SequenceMatcher(None, other.words, words, autojunk=False).ratio()
            if ratio >= self.similarity and (best is None or ratio > best[1]):
                best = (other.start, ratio)
        return best


class _Unit:
    """A unit's start and words; its vocabulary is made only when a unit of
    similar length asks for it (most units never meet one)."""

    __slots__ = ("start", "words", "_vocabulary")

    def __init__(self, start: int, words: list[str]):
        self.start = start
        self.words = words
        self._vocabulary = None

    @property
    def vocabulary(self) -> frozenset:
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.words)
        return self._vocabulary
