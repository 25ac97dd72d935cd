"""boilerplate: body lines that are page furniture, and of which kind.

Each body block (one paragraph, one line in scraped news) is scored per kind
(promo, related, caption, ad, notice, social, copyright, artifact, byline):
the sum of the weights of the cues that hold, against the kind's threshold.
A cue is a conjunction of features joined by ``+`` (``!`` negates one):

- shape: ``short`` ``tiny`` ``long`` ``no_stop`` ``caps`` ``title`` ``url``
  ``handle`` ``email`` ``imperative`` ``pipes`` ``no_letters``;
  ``words>=N`` / ``words<=N``;
- position: ``first`` ``last`` ``top`` ``bottom`` ``inner``;
- neighbours: ``isolated`` (no content word shared with the paragraphs
  around it), ``cohesive`` (several shared with the next or previous one),
  ``between_prose`` (both neighbours are prose paragraphs), ``after_<kind>``
  (the block before was judged junk of that kind), ``quoted`` (the line
  holds a direct quotation);
- look-ahead: ``above_signature`` (one of the ``signature_lines`` blocks
  just above a bare signature line of a pasted post, "— Name (@handle)
  Date" with no text of its own: the post's body);
- phrases: any group named under ``phrases`` (a list of regexes; a group's
  ``requires`` lists substrings one of which must be in the line first, a
  cheap screen that spares ordinary prose most pattern runs).

Keywords alone misfire on edited copy and capitals alone on real subheads, so
the YAML rule combines them. The best-scoring kind over its threshold wins;
the problem spans the whole line and its message says why.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial

from newslint import regexcache
from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.text.cuescore import CueError, Scorer, parse_kinds
from newslint.text.lineshape import LineShape, content_words, ends_sentence, measure
from newslint.text.phrasegroup import PhraseGroup, Screen, SubstringFinder

KINDS = ("promo", "related", "caption", "ad", "notice", "social", "copyright", "artifact", "byline")
SHAPE_ORDER = tuple("short tiny long no_stop caps title url handle email imperative pipes no_letters".split())
SHAPE_FEATURES = frozenset(SHAPE_ORDER)
POSITION_FEATURES = frozenset("first last top bottom inner".split())
NEIGHBOUR_FEATURES = frozenset({"isolated", "cohesive", "between_prose"})
CONTEXT_FEATURES = NEIGHBOUR_FEATURES | {"quoted"}
LOOKAHEAD_FEATURES = frozenset({"above_signature"})
# after_<kind>: the block before was judged of that kind (a teaser list after "Read more:").
AFTER_FEATURES = {f"after_{kind}": kind for kind in KINDS}
BUILT_IN_FEATURES = (
    SHAPE_FEATURES | POSITION_FEATURES | CONTEXT_FEATURES | LOOKAHEAD_FEATURES | frozenset(AFTER_FEATURES)
)
INVISIBLE = " \t\u200b\u200c\u200d\u2060\ufeff"  # a line of only these is blank, not junk
WINDOW = 160  # characters of a long line's head and tail that are searched
FINDER_SUBSTRINGS = 20  # fewer 'requires' substrings in a case mode are tested with 'in' alone
# What may stand before a signature's dash on a bare signature line: "(Thread)", a link.
_POST_LINK = regexcache.compile(r"https?://|pic\.twitter\.com/")
_SIGNATURE_PREFIX = regexcache.compile(r"^(?:\s|\([^()]*\)|\S+://\S+|pic\.twitter\.com/\S+)*[—–]")

# How the message names a feature that counted (phrases bring their own words).
REASONS = {
    "isolated": "sharing no words with the paragraphs around it",
    "url": "with a link",
    "handle": "with an @handle",
    "email": "with an e-mail address",
    "pipes": "with '|' separators",
    "first": "at the top of the article",
    "top": "at the top of the article",
    "last": "at the end of the article",
    "bottom": "at the end of the article",
    "inner": "between paragraphs",
}


class BoilerplateCheck(Check):
    SCOPED = False
    OPTIONS = {
        "phrases": Option(
            "map", {}, help="{group: {why: text with %s, patterns: [regex], case, requires: [str], ends: [str]}}"
        ),
        "kinds": Option("map", {}, required=True, help="{kind: {threshold, cues: {cue: weight}, max_words, level}}"),
        "imperatives": Option("list[str]", [], help="verbs that open a call to action"),
        "stopwords": Option("list[str]", [], help="words that never count as shared content"),
        "short_words": Option("int", 12, help="a line of at most this many words is short"),
        "tiny_words": Option("int", 3, help="a line of at most this many words is tiny"),
        "long_words": Option("int", 40, help="a line of more words is long prose"),
        "caps_ratio": Option("number", 0.85, help="share of capitals that makes a line all-caps"),
        "title_ratio": Option("number", 0.7, help="share of capitalised words that makes a line title case"),
        "edge_blocks": Option("int", 3, help="blocks at either end that count as top/bottom"),
        "cohesive_words": Option("int", 2, help="shared content words that make a line cohesive"),
        "signature": Option("str", "", help="phrase group of a pasted post's signature line ('— Name (@handle) Date')"),
        "signature_mark": Option("str", "(@", help="substring a document needs before signatures are looked for"),
        "signature_lines": Option("int", 2, help="blocks above a bare signature line that are the post's body"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        self.phrases, self.whys = self._compile_phrases(self.options["phrases"])
        features = BUILT_IN_FEATURES | self.phrases.keys()
        if self.options["signature"] and self.options["signature"] not in self.phrases:
            raise OptionError("signature", f"no phrase group '{self.options['signature']}'")
        try:
            # Groups screened by substrings or endings are the cheap ones to gate on.
            costs = {name: 0 if group.requires or group.ends else 1 for name, group in self.phrases.items()}
            self.scorer = Scorer(parse_kinds(self.options["kinds"], KINDS, features), gateable=costs)
        except CueError as err:
            raise OptionError(err.key, str(err)) from None
        self.imperatives = frozenset(w.lower() for w in self.options["imperatives"])
        self.stopwords = frozenset(w.lower() for w in self.options["stopwords"])
        opts = self.options
        # Read once, not per line: (short, tiny, long) word counts and the title ratio.
        self.word_limits = (opts["short_words"], opts["tiny_words"], opts["long_words"], opts["title_ratio"])
        self.caps_ratio = opts["caps_ratio"]
        # Per case mode, one finder of all the groups' substrings, for the screens.
        self.finders = {}
        for ignorecase in (True, False):
            substrings = [
                s for group in self.phrases.values() if group.ignorecase == ignorecase for s in group.requires
            ]
            if len(substrings) >= FINDER_SUBSTRINGS:
                self.finders[ignorecase] = SubstringFinder(substrings)
        self.screens: dict[frozenset[str], Screen] = {}  # gate -> its screen, built on first use
        # (word bound, shape, place, kind before, post) -> (plan, screen, plan if it fails)
        self.plans: dict[tuple, tuple] = {}
        self.gate_groups: dict[frozenset[str], list] = {}  # phrase names -> [(name, group)], sorted

    # -- compiling -----------------------------------------------------------

    @staticmethod
    def _compile_phrases(spec: dict) -> tuple[dict[str, PhraseGroup], dict[str, str]]:
        phrases, whys = {}, {}
        for name in spec:
            group = spec[name]
            key = f"phrases.{name}"
            if not isinstance(group, dict) or not isinstance(group.get("patterns"), list):
                raise OptionError(key, "a phrase group is {why: ..., patterns: [regex, ...]}")
            if name in BUILT_IN_FEATURES:
                raise OptionError(key, f"'{name}' is a built-in feature; name the group otherwise")
            compile_one = partial(_compile_pattern, key=key)
            requires = group.get("requires", [])
            if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
                raise OptionError(f"{key}.requires", "requires is a list of substrings")
            ends = group.get("ends", [])
            if not isinstance(ends, list) or not all(isinstance(e, str) and e for e in ends):
                raise OptionError(f"{key}.ends", "ends is a list of line endings")
            ignorecase = not group.get("case", False)
            phrases[name] = PhraseGroup(
                group["patterns"],
                ignorecase=ignorecase,
                compile_regex=compile_one,
                requires=tuple(requires),
                ends=tuple(ends),
            )
            whys[name] = str(group.get("why", f"{name} '%s'"))
        return phrases, whys

    # -- running -------------------------------------------------------------

    def run(self, doc):
        blocks, prose = doc.body_blocks, doc.prose
        opts, plans, shape_features = self.options, self.plans, self._shape_features
        count, long_words, short_words = len(blocks), opts["long_words"], opts["short_words"]
        edge, bounds = opts["edge_blocks"], self.scorer.word_bounds
        previous = ""  # the kind of the block before, if it was judged junk
        post_bodies = self._post_bodies(doc, blocks)
        page = _Page(doc, blocks)
        for index, block in enumerate(blocks):
            line = prose[block.start : block.end]
            if not line.strip(INVISIBLE):
                continue
            words = len(line.split())
            # Long prose is judged on its head and tail only: labels open a
            # line, credits and signatures close it ('^' and '$' still hold).
            view = line if words <= long_words else f"{line[:WINDOW]}\n{line[-WINDOW:]}"
            lowered = view.lower()
            after, previous = previous, ""
            shape = measure(view, words, prose_words=short_words)
            # Lines of one shape, place and predecessor share a plan and its
            # screen: a tuple key finds them without building a feature dict.
            place = (index == 0, index == count - 1, index < edge, index >= count - edge)
            key = (bisect_right(bounds, words), shape_features(shape), place, after, index in post_bodies)
            planned = plans.get(key)
            if planned is None:
                planned = plans[key] = self._plan(key, words, index, count)
            plan, screen, unscreened = planned
            if screen is not None and not screen.passes(view, lowered):
                plan = unscreened  # no phrase that a gated kind needs is there
            if plan is None:
                continue  # ordinary prose
            lazy = _LazyFeatures(self, page, index, view, lowered)
            # Rule out the groups of the gate one by one, and the cheap ones.
            plan = self.scorer.restrict(plan, self._absent((plan.gate or frozenset()) | plan.cheap, lazy))
            if not plan.kinds:
                continue
            verdict = self.scorer.judge(plan, lazy.values, lazy.get)
            if verdict:
                kind, counted = verdict
                previous = kind.name
                why = self._explain(shape, counted, lazy.matches, top=index < edge)
                yield self.problem(
                    doc, block.start, block.end, level=kind.level, category=kind.name, kind=kind.name, why=why
                )

    def _plan(self, key: tuple, words: int, index: int, count: int) -> tuple:
        """The plan of a line with this ``key``, the screen that it must pass,
        and the plan that is left when it does not (None: nothing is)."""
        _, features, _, after, post_body = key
        known = self._known(dict(zip(SHAPE_ORDER, features, strict=True)), index, count, after)
        known["above_signature"] = post_body
        plan = self.scorer.plan(words, known)
        if plan.gate is not None:  # empty: no kind can be reached
            return (plan, self._screen(plan.gate), None) if plan.gate else (None, None, None)
        if plan.fallback is None:  # every kind can do without a phrase
            return plan, None, None
        # Some kinds need no phrase; the others are dropped when their gates fail.
        if not plan.partial_gate:
            return plan.fallback, None, None
        return plan, self._screen(plan.partial_gate), plan.fallback

    def _post_bodies(self, doc, blocks) -> frozenset[int]:
        """Indexes of the blocks just above a bare signature line of a pasted
        post: the post's text, which the signature line does not carry.

        The block right above is the post's (last) line. One higher up is
        too only while the line below it carries no link (a post's text ends
        with its link) and it does not end like a sentence ("Dear Matt,"): a
        writer's lead-in to the post does.
        """
        opts = self.options
        if not opts["signature"] or opts["signature_mark"] not in doc.prose:
            return frozenset()
        group, bodies = self.phrases[opts["signature"]], set()
        texts = [doc.prose[block.start : block.end].strip() for block in blocks]
        for index, line in enumerate(texts):
            if opts["signature_mark"] not in line or not _SIGNATURE_PREFIX.match(line):
                continue
            if not group.search(line, line.lower()):
                continue
            above = index - 1
            while above >= 0 and index - above <= opts["signature_lines"]:
                if above < index - 1 and (_POST_LINK.search(texts[above + 1]) or ends_sentence(texts[above])):
                    break
                bodies.add(above)
                above -= 1
        return frozenset(bodies)

    def _known(self, known: dict[str, bool], index: int, count: int, after: str) -> dict[str, bool]:
        """The shape features plus the position and the kind of the block before."""
        edge = self.options["edge_blocks"]
        known["first"] = index == 0
        known["last"] = index == count - 1
        known["top"] = index < edge
        known["bottom"] = index >= count - edge
        known["inner"] = not (known["top"] or known["bottom"])
        for feature, kind in AFTER_FEATURES.items():
            known[feature] = after == kind
        return known

    def _absent(self, gate: frozenset[str], lazy: _LazyFeatures) -> frozenset[str]:
        """The phrase groups of ``gate`` that are not in the line: a group
        with ``requires`` is ruled out by its substrings, any other is searched."""
        absent = []
        groups = self.gate_groups.get(gate)
        if groups is None:  # a few gates recur on every page
            groups = self.gate_groups[gate] = [(name, self.phrases[name]) for name in sorted(gate)]
        for name, group in groups:
            if group.requires or group.ends:
                text = lazy.lowered if group.ignorecase else lazy.line
                if (group.ends and not text.rstrip().endswith(group.ends)) or (
                    group.requires and not any(map(text.__contains__, group.requires))
                ):
                    absent.append(name)
            elif not lazy.get(name):
                absent.append(name)
        return frozenset(absent)

    def _screen(self, gate: frozenset[str]) -> Screen:
        screen = self.screens.get(gate)
        if screen is None:
            groups = [self.phrases[name] for name in sorted(gate)]
            screen = self.screens[gate] = Screen(groups, self.finders)
        return screen

    def _shape_features(self, shape: LineShape) -> tuple[bool, ...]:
        """The shape features of a line, in the order of ``SHAPE_ORDER``."""
        words, letters, short, tiny, long, title = shape.words, shape.letters, *self.word_limits
        return (
            words <= short,
            words <= tiny,
            words > long,
            not shape.terminal,
            letters >= 6 and shape.caps_ratio >= self.caps_ratio,
            words >= 2 and shape.title_ratio >= title,
            shape.url,
            shape.handle,
            shape.email,
            shape.first_word in self.imperatives,
            shape.pipes,
            letters < 3 or letters < words,
        )

    def _is_caps(self, shape: LineShape) -> bool:
        return shape.letters >= 6 and shape.caps_ratio >= self.caps_ratio

    def _explain(self, shape: LineShape, counted, matches: dict[str, str], *, top: bool) -> str:
        """'call to action 'click here' in an all-caps line of 8 words with no sentence punctuation'."""
        used = {name for cue in counted for name, wanted in cue.features if wanted}
        if any(("inner", False) in cue.features for cue in counted):  # '!inner': at one end
            used.add("top" if top else "bottom")
        # Phrases in the rule file's order, not in the order they were looked up.
        found = [name for name in self.phrases if name in used and matches.get(name) is not None]
        reasons = [cue.why for cue in counted if cue.why]
        reasons += [self.whys[name].replace("%s", matches[name][:60]) for name in found]
        reasons = list(dict.fromkeys(reasons))  # two cues may give one reason
        caps = "an all-caps line" if self._is_caps(shape) else "a line"
        where = f"{caps} of {shape.words} word{'s' if shape.words != 1 else ''}"
        if not shape.terminal and shape.words <= self.options["short_words"]:
            where += " with no sentence punctuation"
        extras = sorted({REASONS[name] for name in used if name in REASONS})
        where = " ".join([where, *extras])
        return f"{', '.join(reasons)} in {where}" if reasons else where


def _compile_pattern(pattern: str, flags: int, *, key: str) -> re.Pattern:
    return compile_regex(pattern, key, flags)


class _Page:
    """What the lines of one document share, worked out on first use: the
    content words of its blocks and where its quotations start."""

    __slots__ = ("doc", "blocks", "_words", "_quote_starts")

    def __init__(self, doc, blocks):
        self.doc, self.blocks = doc, blocks
        self._words: dict[int, set[str]] = {}
        self._quote_starts: list[int] | None = None

    def text(self, index: int) -> str:
        block = self.blocks[index]
        return self.doc.prose[block.start : block.end]

    def content_words(self, index: int, stopwords: frozenset[str]) -> set[str]:
        """The content words of block ``index`` (each block is a neighbour twice)."""
        words = self._words.get(index)
        if words is None:
            words = self._words[index] = content_words(self.text(index), stopwords)
        return words

    def quoted(self, index: int) -> bool:
        """Whether a quotation starts inside block ``index``."""
        if self._quote_starts is None:
            self._quote_starts = sorted(start for start, _ in self.doc.quotations)
        block, starts = self.blocks[index], self._quote_starts
        at = bisect_left(starts, block.start)
        return at < len(starts) and starts[at] < block.end


class _LazyFeatures:
    """Phrase and neighbour features of one line, computed on first use."""

    __slots__ = ("check", "page", "index", "line", "lowered", "matches", "values")

    def __init__(self, check: BoilerplateCheck, page: _Page, index: int, line: str, lowered: str):
        self.check, self.page, self.index, self.line, self.lowered = check, page, index, line, lowered
        self.matches: dict[str, str | None] = {}  # phrase group -> matched text
        self.values: dict[str, bool] = {}

    def get(self, name: str) -> bool:
        if name in self.values:
            return self.values[name]
        if name == "quoted":
            self.values[name] = self.page.quoted(self.index)
        elif name in NEIGHBOUR_FEATURES:
            self._neighbours()
        else:
            found = self.check.phrases[name].search(self.line, self.lowered)
            self.matches[name] = found
            self.values[name] = found is not None
        return self.values[name]

    def _neighbours(self) -> None:
        """Whether the line shares content words with the paragraphs around it."""
        stop, page, index, count = self.check.stopwords, self.page, self.index, len(self.page.blocks)
        # The line's own words come from its view, as the shape does.
        words = content_words(self.line, stop)
        shared = [0, 0]
        for side, other in enumerate((index - 1, index + 1)):
            if 0 <= other < count and words:
                shared[side] = len(words & page.content_words(other, stop))
        self.values["isolated"] = bool(words) and not any(shared)
        self.values["cohesive"] = max(shared) >= self.check.options["cohesive_words"]
        self.values["between_prose"] = all(
            0 <= other < count and self._is_prose(other) for other in (index - 1, index + 1)
        )

    def _is_prose(self, index: int) -> bool:
        """A paragraph of edited prose: longer than a short line, ending a sentence."""
        text = self.page.text(index)
        return len(text.split()) > self.check.options["short_words"] and text.rstrip()[-1:] in '.!?"”’)'
