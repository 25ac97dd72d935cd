"""document: whole-document verdicts, reported at the start of the document.

- ``not-article``: the text holds no article at all, only a page's chrome: a
  web-archive crawl notice, a platform's UI text, a "page not found" page, a
  consent or JavaScript wall, an index of teasers or captions.
- ``fragment``: too little to be an article: a pasted post, a few lines, a
  stub cut off by a paywall.
- ``missing-headline`` / ``missing-fields``: a Markdown article without a
  headline (front-matter ``title`` or an H1), or without required fields.

The first two are judged from each body block's shape (is it a sentence of
prose, a short UI line, a teaser cut off with "..."), from cue phrases in the
rule file, and from how many words of real prose are left once cue lines and
teasers are set aside. Real short news briefs are one or two paragraphs of
prose and keep well clear of the thresholds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint import regexcache
from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.checks.patterns import WORD_END, WORD_START, alternation
from newslint.text.segment import WORD

VERDICTS = ("not-article", "fragment", "missing-headline", "missing-fields")
LEVELS = ("suggestion", "warning", "error")


class DocumentCheck(Check):
    SCOPED = False
    OPTIONS = {
        "verdicts": Option("list[str]", ["not-article", "fragment"], help=f"which of {', '.join(VERDICTS)}"),
        "levels": Option("map[str,str]", {}, help="level per verdict, when it differs from the rule's"),
        "messages": Option("map[str,str]", {}, help="message per verdict; {reason} says why"),
        "not-article-cues": Option("map", {}, help="{what the page is: [regex phrases]}"),
        "fragment-cues": Option("map", {}, help="{what the stub is: [regex phrases]} (paywall, excerpt)"),
        "words-per-cue": Option("int", 40, help="a block is page chrome with a cue phrase per this many words"),
        "prose-min-words": Option("int", 8, help="a block of prose has at least this many words"),
        "article-min-words": Option("int", 60, help="prose words an article with cue lines still needs"),
        "min-words": Option("int", 40, help="prose words below which a document is a fragment"),
        "stub-max-words": Option("int", 150, help="a cut-off or paywalled text this short is a stub"),
        "teaser-max-words": Option("int", 60, help="a block cut with '...' up to this long is a teaser"),
        "index-min-blocks": Option("int", 3, help="an index of teasers has at least this many blocks"),
        "index-share": Option("number", 0.75, help="share of teaser/short-line blocks that makes an index"),
        "first-person-share": Option(
            "number", 0.08, help="share of first-person words that makes a short text a personal post"
        ),
        "first-person-words": Option("list[str]", [], help="the first-person words counted"),
        "required-fields": Option("list[str]", [], help="front-matter fields a Markdown article must have"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        options = self.options
        unknown = sorted(set(options["verdicts"]) - set(VERDICTS))
        if unknown or not options["verdicts"]:
            raise OptionError("verdicts", f"choose from {', '.join(VERDICTS)}; got {unknown or 'none'}")
        for verdict, level in options["levels"].items():
            if verdict not in VERDICTS or level not in LEVELS:
                raise OptionError("levels", f"expected {{verdict: suggestion|warning|error}}, got {verdict}: {level}")
        self.not_article_cues = _cue_patterns(options["not-article-cues"], "not-article-cues")
        self.fragment_cues = _cue_patterns(options["fragment-cues"], "fragment-cues")
        words = options["first-person-words"]
        self.first_person = compile_regex(alternation(words), "first-person-words", re.IGNORECASE) if words else None

    def run(self, doc):
        verdicts = self.options["verdicts"]
        if "not-article" in verdicts or "fragment" in verdicts:
            found = self.judge(doc)
            if found and found[0] in verdicts:
                yield self._verdict(doc, *found)
        # Markdown, or any text with front matter, has a headline convention.
        if doc.format == "markdown" or doc.frontmatter_lines:
            if "missing-headline" in verdicts and not doc.headline:
                yield self._verdict(doc, "missing-headline", "no front-matter title and no H1 heading")
            if "missing-fields" in verdicts:
                missing = [f for f in self.options["required-fields"] if _blank(doc.frontmatter.get(f))]
                if missing:
                    yield self._verdict(doc, "missing-fields", "front matter lacks " + ", ".join(missing))

    def judge(self, doc) -> tuple[str, str] | None:
        """``(verdict, reason)`` when ``doc`` holds no article, else None."""
        shape = self.measure(doc)
        if shape is None:
            return None
        return _not_article(shape, self.options) or _fragment(shape, self.options, self.first_person, doc)

    def measure(self, doc) -> DocumentShape | None:
        """The shape of ``doc``'s body; None as soon as it is plainly an article."""
        options = self.options
        prose_min = options["prose-min-words"]
        # With this much prose and stub-max-words words in all, neither verdict
        # can hold whatever follows (the counts only grow): long articles stop early.
        enough_prose = max(options["article-min-words"], options["min-words"])
        shape = DocumentShape()
        prose = doc.prose
        # Not the shared doc.words: that would segment all of a long article
        # when only its first blocks are looked at.
        for block in doc.body_blocks:
            start, end = block.start, block.end
            words = len(WORD.findall(prose, start, end))
            if not words:
                continue
            shape.blocks += 1
            lowered = prose[start:end].lower()
            cue = _page_cue(self.not_article_cues, lowered, words, options["words-per-cue"])
            if cue:
                shape.chrome_blocks += 1
                if cue not in shape.cues:
                    shape.cues.append(cue)
                continue
            shape.words += words
            stub = _first_cue(self.fragment_cues, lowered)
            if stub and stub not in shape.stub_cues:
                shape.stub_cues.append(stub)
            # Only the block's tail decides how it ends; anchored searches over
            # the whole block would retry at every character.
            tail = max(start, end - _TAIL)
            ending = _ENDING.search(prose, tail, end)
            kind = ending.lastgroup if ending else "open"
            if kind == "open" and words >= prose_min and _MID_SENTENCE.search(prose, tail, end):
                kind = "unfinished"
            shape.cut_off = kind in ("cut", "unfinished")
            # Prose: a long enough block that ends a sentence, or that holds one
            # and then trails off into a credit or an unfinished sentence.
            # A long block cut with "..." is a truncated article, not a teaser.
            teaser = kind == "cut" and words <= options["teaser-max-words"]
            full = kind == "full" or (not teaser and _INNER_STOP.search(prose, start, end) is not None)
            if full and words >= prose_min and not stub:
                shape.article_words += words
            else:
                shape.chrome_blocks += 1
            if shape.article_words >= enough_prose and shape.words >= options["stub-max-words"]:
                return None
        return shape

    def _verdict(self, doc, verdict: str, reason: str):
        start, end = _first_line(doc)
        message = self.options["messages"].get(verdict)
        level = self.options["levels"].get(verdict)
        return self.problem(doc, start, end, message, level=level, verdict=verdict, reason=reason, args=(reason,))


# How a block ends: a full stop (closing quotes and brackets allowed), a teaser
# cut with "..." (maybe followed by a credit in brackets), or anything else.
_ENDING = regexcache.compile(
    r"(?P<cut>(?:\.\s?\.\s?\.|…)[\"'”’]*\s*(?:\([^()]{0,80}\)\s*)?)$"
    r"|(?P<full>[.!?][\"'”’)\]]*\s*)$"
)
_TAIL = 160
# A sentence ending inside a block: a full stop, then a capital letter.
_INNER_STOP = regexcache.compile(r"[a-z0-9)][.!?][\"'”’)\]]*\s+[\"'“‘(]?[A-Z]")
# An open ending cut mid-sentence: a lower-case word or a comma at the very end.
_MID_SENTENCE = regexcache.compile(r"(?:\b[a-z]+|,)\s*$")


@dataclass
class DocumentShape:
    """What the verdicts are decided from."""

    blocks: int = 0  # body blocks with words
    chrome_blocks: int = 0  # cue lines, teasers cut with "...", short or unfinished lines
    words: int = 0  # words outside not-article cue lines
    article_words: int = 0  # words of full prose sentences outside cue lines
    cut_off: bool = False  # the last block stops mid-sentence or with "..."
    cues: list[str] = field(default_factory=list)  # not-article cue groups met, in order
    stub_cues: list[str] = field(default_factory=list)  # fragment cue groups met


def _page_cue(cues: CuePattern | None, text: str, words: int, words_per_cue: int) -> str | None:
    """The first cue group of a block that cue phrases dominate (one per
    ``words_per_cue`` words at least), so that an article that merely names
    the Wayback Machine keeps its paragraph."""
    if cues is None:
        return None
    hits = len(cues.any.findall(text))
    return _first_cue(cues, text) if hits and hits * words_per_cue >= words else None


def _first_cue(cues: CuePattern | None, text: str) -> str | None:
    """The name of the first cue group met in ``text`` (lower-cased), if any."""
    if cues is None:
        return None
    if cues.any.search(text) is None:  # the common case, told by the faster pattern
        return None
    return cues.names[cues.pattern.search(text).lastgroup]


def _not_article(shape: DocumentShape, options) -> tuple[str, str] | None:
    if shape.article_words >= options["article-min-words"]:
        return None
    if shape.cues:
        return "not-article", ", ".join(shape.cues)
    blocks = shape.blocks
    if blocks >= options["index-min-blocks"] and shape.chrome_blocks >= options["index-share"] * blocks:
        return "not-article", f"an index of teasers, captions or links ({shape.chrome_blocks} of {blocks} blocks)"
    return None


def _fragment(shape: DocumentShape, options, first_person, doc) -> tuple[str, str] | None:
    words = shape.article_words
    if words < options["min-words"]:
        return "fragment", f"only {shape.words} words" + (", cut off mid-sentence" if shape.cut_off else "")
    if shape.words >= options["stub-max-words"]:
        return None
    if shape.stub_cues:
        return "fragment", ", ".join(shape.stub_cues)
    if shape.cut_off:
        return "fragment", f"{shape.words} words, cut off mid-sentence"
    if first_person is not None:
        count = sum(1 for m in first_person.finditer(doc.prose) if not doc.in_quotation(*m.span()))
        if count >= options["first-person-share"] * shape.words:
            return "fragment", "a short first-person post, not a report"
    return None


@dataclass(frozen=True)
class CuePattern:
    """All cue groups of a rule in one pattern; the group that matched names the cue.

    ``any`` has the same phrases in the same order without the named groups,
    so it matches where ``pattern`` does; it scans text a third faster (a
    group around each list of phrases costs at every word), and ``pattern``
    is used only to name the group of a match.
    """

    pattern: re.Pattern
    names: dict[str, str]  # regex group name -> the cue group's name in the rule
    any: re.Pattern


def _cue_patterns(groups, key) -> CuePattern | None:
    """Compile cue groups for lower-cased text.

    Case-insensitive matching of a long alternation is several times slower
    than matching lower-cased text, so the phrases are lower-cased instead
    (escapes such as ``\\W`` are left as written).
    """
    if not isinstance(groups, dict) or not all(isinstance(v, list) for v in groups.values()):
        raise OptionError(key, "expected {what it is: [regex phrases]}")
    names, parts, bodies = {}, [], []
    for index, (name, phrases) in enumerate(groups.items()):
        if phrases:
            names[f"cue{index}"] = str(name)
            lowered = dict.fromkeys(_lower_regex(str(p)) for p in phrases)
            body = "|".join(sorted(lowered, key=lambda p: (-len(p), p)))
            parts.append(f"(?P<cue{index}>{body})")
            bodies.append(body)
    if not parts:
        return None
    pattern = compile_regex(f"{WORD_START}(?:{'|'.join(parts)}){WORD_END}", key)
    return CuePattern(pattern, names, compile_regex(f"{WORD_START}(?:{'|'.join(bodies)}){WORD_END}", key))


def _lower_regex(pattern: str) -> str:
    return _ESCAPE_OR_CHAR.sub(lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


_ESCAPE_OR_CHAR = regexcache.compile(r"\\.|[^\\]+", re.DOTALL)


def _blank(value) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def _first_line(doc) -> tuple[int, int]:
    """The first non-blank line of the document, without its line break."""
    text = doc.text
    match = re.search(r"\S[^\r\n]*", text)
    if match is None:
        return 0, 0
    return match.start(), len(match.group().rstrip()) + match.start()
