"""offtopic: a block of prose about another subject, appended or inserted.

Runs of consecutive article paragraphs are judged by their lexical cohesion
with the rest of the article (``newslint.text.cohesion``): a run that shares
(almost) no names or topic words with the rest, headline and lede weighing
most, is a pasted bio, a second story or an unrelated promo. A register
shift (first-person self-description in a third-person story, "send him an
email") raises the bar. One problem per run, from its first line to its last.
Every threshold, cue and the background word list live in the rule file.
"""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, compile_regex
from newslint.checks.patterns import alternation
from newslint.text.cohesion import Article, Background, LexicalScorer

# The first word of a paragraph, without a contraction or punctuation ("He's" -> "He").
_OPENER = re.compile(r"\s*([^\W\d_]+)")


class OfftopicCheck(Check):
    SCOPED = False
    PHASE = 1  # judge the article's own prose, after page junk is known
    OPTIONS = {
        "min_paragraphs": Option("int", 4, help="articles with fewer paragraphs (block included) are not judged"),
        "min_block_words": Option("int", 20, help="shorter runs are flagged only with a register cue"),
        "min_context_words": Option("int", 60, help="the rest of the article must have this many words"),
        "max_inserted_run": Option("int", 3, help="longest run of paragraphs judged in the middle"),
        "max_appended_run": Option("int", 6, help="longest run of paragraphs judged at the end"),
        "appended_threshold": Option("number", 0.08, help="a tail run with lower cohesion is off-topic"),
        "inserted_threshold": Option("number", 0.06, help="a middle run with lower cohesion is off-topic"),
        "register_threshold": Option("number", 0.45, help="the bar for a run with a register cue"),
        "lede_weight": Option("number", 2.0, help="weight of words shared with the headline or lede"),
        "spread_weight": Option("number", 3.0, help="weight of words shared with two or more other paragraphs"),
        "inserted_level": Option("str", "warning", help="level of a block in the middle"),
        "register_cues": Option("list[str]", [], help="regexes of first-person bios and personal calls"),
        "stopwords": Option("list[str]", [], help="function words, never counted"),
        "common_words": Option("str", "", help="frequent words of typical news, most frequent first"),
        "max_introduced": Option("int", 3, help="names and words quoted in the message"),
        "max_shared_rare": Option("int", 1, help="a run sharing more rare words than this is on topic"),
        "max_quoted_share": Option("number", 0.5, help="a run quoted more than this share is on topic"),
        "openers": Option("list[str]", [], help="first words that refer back (He, However): the run is on topic"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        opts = self.options
        background = Background.build(opts["stopwords"], opts["common_words"])
        self.scorer = LexicalScorer(background, lede_weight=opts["lede_weight"], spread_weight=opts["spread_weight"])
        self.openers = frozenset(w.lower() for w in opts["openers"])
        self.cues = None
        if opts["register_cues"]:
            self.cues = compile_regex(alternation(opts["register_cues"], words=True), "register_cues", re.IGNORECASE)

    def run(self, doc):
        paragraphs = doc.article_paragraphs()
        paragraphs = [b for b in paragraphs if b.container != "blockquote"]
        if len(paragraphs) < self.options["min_paragraphs"]:
            return
        article = Article(doc, paragraphs)
        for block, score, cue in self._select(article):
            yield self._problem(doc, article, block, score, cue)

    # -- finding runs ------------------------------------------------------------

    def _candidates(self, article: Article):
        """(score, run, cue) of every run that falls below its bar."""
        opts = self.options
        count = len(article.paragraphs)
        scorer = self.scorer
        words = [scorer.words(range(i, i + 1), article) for i in range(count)]
        total_words = sum(words)
        cues: dict[int, str] = {}  # found lazily: only runs under the register bar need them
        alone = [scorer.similarity(range(i, i + 1), article) for i in range(count)]
        for first in range(1, count):
            run_words = 0
            for last in range(first, count):
                length = last - first + 1
                appended = last == count - 1
                if length > max(opts["max_inserted_run"], opts["max_appended_run"]):
                    break
                run_words += words[last]
                if not appended and length > opts["max_inserted_run"]:
                    continue
                if total_words - run_words < opts["min_context_words"]:
                    continue
                if length * 2 > count:  # the run must leave the article the larger part
                    break
                run = range(first, last + 1)
                score = alone[first] if length == 1 else scorer.similarity(run, article)
                if score >= max(opts["appended_threshold"], opts["inserted_threshold"], opts["register_threshold"]):
                    continue
                for index in run:
                    if index not in cues:
                        cues[index] = self._cue(article, index)
                cue = next((cues[i] for i in run if cues[i]), "")
                if not cue and run_words < opts["min_block_words"]:
                    continue
                bar = opts["appended_threshold"] if appended else opts["inserted_threshold"]
                if cue:
                    bar = max(bar, opts["register_threshold"])
                if score >= bar or any(lede for _, lede in scorer.shared_rare(run, article)):
                    continue
                if cue or not self._looks_on_topic(article, run):
                    yield score, run, cue

    def _looks_on_topic(self, article: Article, run: range) -> bool:
        """Cheap signs that a run continues the story, whatever its words."""
        doc = article.doc
        first = article.paragraphs[run.start]
        opener = _OPENER.match(doc.prose, first.start, first.end)
        if opener and opener.group(1).lower() in self.openers:  # "He said ..." refers back to the story
            return True
        if len(self.scorer.shared_rare(run, article)) > self.options["max_shared_rare"]:
            return True
        start, end = first.start, article.paragraphs[run.stop - 1].end
        quoted = sum(min(e, end) - max(s, start) for s, e in doc.quotations if s < end and e > start)
        return quoted > self.options["max_quoted_share"] * (end - start)

    def _select(self, article: Article):
        """The lowest-scoring runs that do not overlap, in document order."""
        chosen: list[tuple[range, float, str]] = []
        taken: set[int] = set()
        for score, run, cue in sorted(self._candidates(article), key=lambda c: (c[0], -len(c[1]), c[1].start)):
            if taken.isdisjoint(run):
                chosen.append((run, score, cue))
                taken.update(run)
        return sorted(chosen, key=lambda c: c[0].start)

    def _cue(self, article: Article, index: int) -> str:
        """The first register cue of a paragraph outside direct quotations."""
        if self.cues is None:
            return ""
        block = article.paragraphs[index]
        doc = article.doc
        for match in self.cues.finditer(doc.prose, block.start, block.end):
            if not doc.in_quotation(*match.span()):
                return match.group()
        return ""

    # -- reporting -----------------------------------------------------------------

    def _problem(self, doc, article: Article, run: range, score: float, cue: str):
        first, last = article.paragraphs[run.start], article.paragraphs[run.stop - 1]
        appended = run.stop == len(article.paragraphs)
        place = "Appended" if appended else "Inserted"
        size = "paragraph" if len(run) == 1 else f"block of {len(run)} paragraphs"
        shared = self.scorer.shared_terms(run, article)
        if not shared:
            reason = f"{place} {size} shares no names or topic words with the article"
        else:
            listed = ", ".join(f"'{w}'" for w in shared[:2])
            reason = f"{place} {size} shares little with the article (only {listed})"
        if cue:
            reason += f" and reads as a personal note ('{' '.join(cue.split())}')"
        new = self.scorer.introduced(run, article, self.options["max_introduced"])
        introduced = "; introduces " + ", ".join(f"'{w}'" for w in new) if new else ""
        level = self.rule.level if appended else self.options["inserted_level"]
        return self.problem(
            doc,
            first.start,
            last.end,
            level=level,
            reason=reason,
            introduced=introduced,
        )
