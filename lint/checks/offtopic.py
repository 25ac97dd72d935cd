"""offtopic: a block of prose about another subject, appended or inserted.

Runs of consecutive article paragraphs are judged by their lexical cohesion
with the rest of the article (``newslint.text.cohesion``): a run that shares
(almost) no names or topic words with the rest, headline and lede weighing
most, is a pasted bio, a second story, a gallery or an unrelated promo.
Every run is first screened on rare words (integer bit masks, cheap); only
the few that pass are scored, and the register-cue regex (costly) reads only
short runs and those that score under the highest bar. Short runs are
judged anywhere; a long run (a second story, a gallery) only when it hangs
together on its own names. A register shift (first-person self-description
in a third-person story, "send him an email") raises the bar. One problem
per run, from its first line to its last. Every threshold, cue and the
background word list live in the rule file.
"""

from __future__ import annotations

import re

from newslint import regexcache
from newslint.checks.base import Check, Option, compile_regex
from newslint.checks.patterns import alternation
from newslint.text.cohesion import Article, Background, LexicalScorer

# The first word of a paragraph, without a contraction or punctuation ("He's" -> "He").
_OPENER = regexcache.compile(r"\s*([^\W\d_]+)")


def _linked_share(masks: list[int]) -> float:
    """Share of a run's paragraphs that share a rare word with another paragraph of the run.

    A gallery or a second story hangs together on its own names; a stretch of
    loosely knit paragraphs (a fixture list, a review's asides) does not.
    """
    after = [0] * (len(masks) + 1)  # after[i]: the rare words of the paragraphs after the i-th
    for index in range(len(masks) - 1, -1, -1):
        after[index] = after[index + 1] | masks[index]
    linked = before = 0
    for index, mask in enumerate(masks):
        linked += bool(mask & (before | after[index + 1]))
        before |= mask
    return linked / len(masks)


class OfftopicCheck(Check):
    SCOPED = False
    PHASE = 1  # judge the article's own prose, after page junk is known
    OPTIONS = {
        "min_paragraphs": Option("int", 4, help="articles with fewer paragraphs (block included) are not judged"),
        "min_block_words": Option("int", 12, help="runs with fewer content words (3+ letters) need a register cue"),
        "min_context_words": Option("int", 45, help="the rest of the article must have this many content words"),
        "max_inserted_run": Option("int", 3, help="longest run of paragraphs judged in the middle"),
        "max_appended_run": Option("int", 6, help="longest run of paragraphs judged at the end"),
        "max_unit_run": Option("int", 0, help="longest run judged when it hangs together (min_unit_share)"),
        "min_unit_share": Option("number", 1.0, help="share of a longer run's paragraphs linked to the run"),
        "max_run_share": Option("number", 0.5, help="largest share of the article's paragraphs one run may take"),
        "max_key_shared": Option("int", 0, help="a run sharing more rare words with headline and lede is on topic"),
        "appended_threshold": Option("number", 0.08, help="a tail run with lower cohesion is off-topic"),
        "inserted_threshold": Option("number", 0.06, help="a middle run with lower cohesion is off-topic"),
        "register_threshold": Option("number", 0.45, help="the bar for a run with a register cue"),
        "rarity_power": Option("number", 1.0, help="how steeply a word's weight falls with its frequency rank"),
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
        background = Background.build(opts["stopwords"], opts["common_words"], power=opts["rarity_power"])
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

    def _screened_runs(self, terms, count: int):
        """The runs worth scoring: those sharing few rare words with the rest and none with the lede.

        A run that shares a rare word (a name, a topic word) with the headline
        or lede, or more than ``max_shared_rare`` with the other paragraphs,
        is on topic whatever else it says. Rare words are bits of one integer
        per paragraph, so this screen of every run is a few integer
        operations; once a run shares too much with what comes before it,
        every longer run from the same start does too.
        """
        opts = self.options
        masks = terms.rare_masks
        before = [0]
        for mask in masks:
            before.append(before[-1] | mask)
        after = [0] * (count + 1)
        for index in range(count - 1, -1, -1):
            after[index] = after[index + 1] | masks[index]
        key_mask, key_limit, rare_limit = terms.key_mask, opts["max_key_shared"], opts["max_shared_rare"]
        longest_share = int(opts["max_run_share"] * count)
        longest_inserted = min(opts["max_inserted_run"], longest_share)
        longest_tail = min(opts["max_appended_run"], longest_share)
        longest_unit = min(opts["max_unit_run"], longest_share)
        for first in range(1, count):
            earlier = before[first]
            mask = 0
            for last in range(first, min(count, first + max(longest_tail, longest_inserted, longest_unit))):
                mask |= masks[last]
                if (mask & key_mask).bit_count() > key_limit or (mask & earlier).bit_count() > rare_limit:
                    break  # every longer run from here shares these too
                if (mask & (earlier | after[last + 1])).bit_count() > rare_limit:
                    continue
                length = last - first + 1
                ordinary = longest_tail if last == count - 1 else longest_inserted
                if length <= ordinary or (
                    length <= longest_unit and _linked_share(masks[first : last + 1]) >= opts["min_unit_share"]
                ):
                    yield range(first, last + 1)

    def _candidates(self, article: Article):
        """(score, run, cue) of every run that falls below its bar."""
        opts = self.options
        scorer = self.scorer
        terms = scorer.prepare(article)
        count = len(article.paragraphs)
        words = terms.words
        total_words = sum(words)
        top_bar = max(opts["appended_threshold"], opts["inserted_threshold"], opts["register_threshold"])
        cues: dict[int, str] = {}  # per paragraph, found lazily
        for run in self._screened_runs(terms, count):
            run_words = sum(words[run.start : run.stop])
            if total_words - run_words < opts["min_context_words"]:
                continue
            # Without a register cue a short run, or one opening "He said ...",
            # is on topic. The cue is a costly regex: looked for first in a
            # short run only, and in others once they score under the highest bar.
            short = run_words < opts["min_block_words"]
            if short and not self._run_cue(article, run, cues):
                continue
            score = scorer.similarity(run, article)
            if score >= top_bar:
                continue
            cue = self._run_cue(article, run, cues)
            if not cue and (short or self._refers_back(article, run)):
                continue
            appended = run.stop == count
            bar = opts["appended_threshold"] if appended else opts["inserted_threshold"]
            if cue:
                bar = max(bar, opts["register_threshold"])
            if score < bar and (cue or not self._mostly_quoted(article, run)):
                yield score, run, cue

    def _refers_back(self, article: Article, run: range) -> bool:
        """Whether the run opens with a word that refers back to the story ("He said ...")."""
        first = article.paragraphs[run.start]
        opener = _OPENER.match(article.doc.prose, first.start, first.end)
        return bool(opener) and opener.group(1).lower() in self.openers

    def _mostly_quoted(self, article: Article, run: range) -> bool:
        """Whether direct quotations fill more than ``max_quoted_share`` of the run."""
        doc = article.doc
        start, end = article.paragraphs[run.start].start, article.paragraphs[run.stop - 1].end
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

    def _run_cue(self, article: Article, run: range, cues: dict[int, str]) -> str:
        """The first register cue of a run (``cues`` caches each paragraph's)."""
        for index in run:
            if index not in cues:
                cues[index] = self._cue(article, index)
        return next((cues[i] for i in run if cues[i]), "")

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
        shared = self.scorer.spell(self.scorer.shared_rare(run, article), run, article)
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
