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
- phrases: any group named under ``phrases`` (a list of regexes; a group's
  ``requires`` lists substrings one of which must be in the line first, a
  cheap screen that spares ordinary prose most pattern runs).

Keywords alone misfire on edited copy and capitals alone on real subheads, so
the YAML rule combines them. The best-scoring kind over its threshold wins;
the problem spans the whole line and its message says why.
"""

from __future__ import annotations

import re
from functools import partial

from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.text.cuescore import CueError, Scorer, parse_kinds
from newslint.text.lineshape import LineShape, content_words, measure
from newslint.text.phrasegroup import PhraseGroup

KINDS = ("promo", "related", "caption", "ad", "notice", "social", "copyright", "artifact", "byline")
SHAPE_FEATURES = frozenset("short tiny long no_stop caps title url handle email imperative pipes no_letters".split())
POSITION_FEATURES = frozenset("first last top bottom inner".split())
NEIGHBOUR_FEATURES = frozenset({"isolated", "cohesive", "between_prose"})
CONTEXT_FEATURES = NEIGHBOUR_FEATURES | {"quoted"}
# after_<kind>: the block before was judged of that kind (a teaser list after "Read more:").
AFTER_FEATURES = {f"after_{kind}": kind for kind in KINDS}
INVISIBLE = " \t\u200b\u200c\u200d\u2060\ufeff"  # a line of only these is blank, not junk
WINDOW = 160  # characters of a long line's head and tail that are searched

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
        "phrases": Option("map", {}, help="{group: {why: text with %s, patterns: [regex], case, requires: [str]}}"),
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
    }

    def __init__(self, rule):
        super().__init__(rule)
        self.phrases, self.whys = self._compile_phrases(self.options["phrases"])
        features = SHAPE_FEATURES | POSITION_FEATURES | CONTEXT_FEATURES | AFTER_FEATURES.keys() | self.phrases.keys()
        try:
            self.scorer = Scorer(parse_kinds(self.options["kinds"], KINDS, features))
        except CueError as err:
            raise OptionError(err.key, str(err)) from None
        self.imperatives = frozenset(w.lower() for w in self.options["imperatives"])
        self.stopwords = frozenset(w.lower() for w in self.options["stopwords"])

    # -- compiling -----------------------------------------------------------

    @staticmethod
    def _compile_phrases(spec: dict) -> tuple[dict[str, PhraseGroup], dict[str, str]]:
        phrases, whys = {}, {}
        for name in spec:
            group = spec[name]
            key = f"phrases.{name}"
            if not isinstance(group, dict) or not isinstance(group.get("patterns"), list):
                raise OptionError(key, "a phrase group is {why: ..., patterns: [regex, ...]}")
            if name in SHAPE_FEATURES | POSITION_FEATURES | CONTEXT_FEATURES | AFTER_FEATURES.keys():
                raise OptionError(key, f"'{name}' is a built-in feature; name the group otherwise")
            compile_one = partial(_compile_pattern, key=key)
            requires = group.get("requires", [])
            if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
                raise OptionError(f"{key}.requires", "requires is a list of substrings")
            ignorecase = not group.get("case", False)
            phrases[name] = PhraseGroup(
                group["patterns"], ignorecase=ignorecase, compile_regex=compile_one, requires=tuple(requires)
            )
            whys[name] = str(group.get("why", f"{name} '%s'"))
        return phrases, whys

    # -- running -------------------------------------------------------------

    def run(self, doc):
        blocks = doc.body_blocks
        opts = self.options
        count, edge, long_words = len(blocks), opts["edge_blocks"], opts["long_words"]
        previous = ""  # the kind of the block before, if it was judged junk
        for index, block in enumerate(blocks):
            line = doc.prose[block.start : block.end]
            if not line.strip(INVISIBLE):
                continue
            words = len(line.split())
            # Long prose is judged on its head and tail only: labels open a
            # line, credits and signatures close it ('^' and '$' still hold).
            view = line if words <= long_words else f"{line[:WINDOW]}\n{line[-WINDOW:]}"
            shape = measure(view, words)
            known = self._shape_features(shape)
            known["first"] = index == 0
            known["last"] = index == count - 1
            known["top"] = index < edge
            known["bottom"] = index >= count - edge
            known["inner"] = not (known["top"] or known["bottom"])
            for feature, kind in AFTER_FEATURES.items():
                known[feature] = previous == kind
            lazy = _LazyFeatures(self, doc, blocks, index, view)
            verdict = self.scorer.judge(shape.words, known, lazy.values, lazy.get)
            previous = verdict[0].name if verdict else ""
            if verdict:
                kind, counted = verdict
                why = self._explain(shape, counted, lazy.matches, known)
                yield self.problem(
                    doc, block.start, block.end, level=kind.level, category=kind.name, kind=kind.name, why=why
                )

    def _shape_features(self, shape: LineShape) -> dict[str, bool]:
        opts = self.options
        return {
            "short": shape.words <= opts["short_words"],
            "tiny": shape.words <= opts["tiny_words"],
            "long": shape.words > opts["long_words"],
            "no_stop": not shape.terminal,
            "caps": self._is_caps(shape),
            "title": shape.words >= 2 and shape.title_ratio >= opts["title_ratio"],
            "url": shape.url,
            "handle": shape.handle,
            "email": shape.email,
            "imperative": shape.first_word in self.imperatives,
            "pipes": shape.pipes,
            "no_letters": shape.letters < 3 or shape.letters < shape.words,
        }

    def _is_caps(self, shape: LineShape) -> bool:
        return shape.letters >= 6 and shape.caps_ratio >= self.options["caps_ratio"]

    def _explain(self, shape: LineShape, counted, matches: dict[str, str], known: dict[str, bool]) -> str:
        """'call to action 'click here' in an all-caps line of 8 words with no sentence punctuation'."""
        used = {name for cue in counted for name, wanted in cue.features if wanted}
        if any(("inner", False) in cue.features for cue in counted):  # '!inner': at one end
            used.add("top" if known["top"] else "bottom")
        matches = {name: text for name, text in matches.items() if text is not None}
        reasons = [cue.why for cue in counted if cue.why]
        reasons += [self.whys[name].replace("%s", matches[name][:60]) for name in matches if name in used]
        caps = "an all-caps line" if self._is_caps(shape) else "a line"
        where = f"{caps} of {shape.words} word{'s' if shape.words != 1 else ''}"
        if not shape.terminal and shape.words <= self.options["short_words"]:
            where += " with no sentence punctuation"
        extras = sorted({REASONS[name] for name in used if name in REASONS})
        where = " ".join([where, *extras])
        return f"{', '.join(reasons)} in {where}" if reasons else where


def _compile_pattern(pattern: str, flags: int, *, key: str) -> re.Pattern:
    return compile_regex(pattern, key, flags)


class _LazyFeatures:
    """Phrase and neighbour features of one line, computed on first use."""

    __slots__ = ("check", "doc", "blocks", "index", "line", "lowered", "matches", "values")

    def __init__(self, check: BoilerplateCheck, doc, blocks, index: int, line: str):
        self.check, self.doc, self.blocks, self.index, self.line = check, doc, blocks, index, line
        self.lowered = ""
        self.matches: dict[str, str | None] = {}  # phrase group -> matched text
        self.values: dict[str, bool] = {}

    def get(self, name: str) -> bool:
        if name in self.values:
            return self.values[name]
        if name == "quoted":
            block = self.blocks[self.index]
            self.values[name] = any(block.start <= s < block.end for s, _ in self.doc.quotations)
        elif name in NEIGHBOUR_FEATURES:
            self._neighbours()
        else:
            if not self.lowered:
                self.lowered = self.line.lower()
            found = self.check.phrases[name].search(self.line, self.lowered)
            self.matches[name] = found
            self.values[name] = found is not None
        return self.values[name]

    def _neighbours(self) -> None:
        """Whether the line shares content words with the paragraphs around it."""
        stop, doc, blocks, index = self.check.stopwords, self.doc, self.blocks, self.index
        words = content_words(self.line, stop)
        shared = [0, 0]
        for side, other in enumerate((index - 1, index + 1)):
            if 0 <= other < len(blocks) and words:
                block = blocks[other]
                shared[side] = len(words & content_words(doc.prose[block.start : block.end], stop))
        self.values["isolated"] = bool(words) and not any(shared)
        self.values["cohesive"] = max(shared) >= self.check.options["cohesive_words"]
        self.values["between_prose"] = all(
            0 <= other < len(blocks) and self._is_prose(blocks[other]) for other in (index - 1, index + 1)
        )

    def _is_prose(self, block) -> bool:
        """A paragraph of edited prose: longer than a short line, ending a sentence."""
        text = self.doc.prose[block.start : block.end]
        return len(text.split()) > self.check.options["short_words"] and text.rstrip()[-1:] in '.!?"”’)'
