"""repetition: the same token twice in a row ("the the"), separated by whitespace only."""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint.checks.base import Check, Option, compile_regex
from newslint.checks.patterns import alternation


class RepetitionCheck(Check):
    OPTIONS = {
        "tokens": Option("list[str]", required=True, help="regular expressions; each match is one token"),
        "ignorecase": Option("bool", False, help="'The the' counts as a repetition"),
        "alpha": Option("bool", False, help="only tokens made of letters count"),
        "max": Option("int", 0, help="repetitions in a row allowed before flagging (Vale's 'max')"),
        "exceptions": Option("list[str]", [], help="tokens, or repeated pairs ('had had'), to leave alone"),
        "vocab": Option("bool", True, help="Vale's vocabularies switch; accepted, newslint has no vocabularies"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        self.ignorecase = self.options["ignorecase"]
        flags = re.IGNORECASE if self.ignorecase else 0
        tokens = "|".join(self.options["tokens"]) or "(?!)"
        self.pattern = compile_regex(f"(?:{tokens})", "tokens", flags)
        # A test run in C first: a span without "X <space> X" has no repetition,
        # so most spans never reach the token loop below. The token is atomic,
        # as the loop's tokens are: no backtracking into "the" for "theory".
        self.candidate = compile_regex(f"(?P<first>(?>{tokens}))\\s+(?P=first)", "tokens", flags)
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"], words=False), "exceptions", flags)

    def run(self, doc):
        for start, end in self._candidate_spans(doc.prose, self.scope_spans(doc)):
            yield from self._repeats(doc, start, end)

    def _candidate_spans(self, prose, spans):
        """The spans where a candidate starts, found by one scan over their whole range.

        A span is taken when a candidate starts in it, even one that runs past
        its end, and the scan goes on from the span's end: no candidate hides another.
        """
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):  # overlapping scopes: one by one
            yield from (span for span in spans if self.candidate.search(prose, *span))
            return
        if not spans:
            return
        starts = [start for start, _ in spans]
        search, end = self.candidate.search, spans[-1][1]
        candidate = search(prose, starts[0], end)
        while candidate is not None:
            index = bisect_right(starts, candidate.start()) - 1
            span_start, span_end = spans[index]
            if candidate.start() < span_end:
                yield span_start, span_end
            candidate = search(prose, max(span_end, candidate.start() + 1), end)

    def _repeats(self, doc, start, end):
        prose = doc.prose
        spans = [m.span() for m in self.pattern.finditer(prose, start, end) if m.end() > m.start()]
        words = [prose[a:b].strip() for a, b in spans]
        keys = [w.casefold() for w in words] if self.ignorecase else words
        # Only the pairs that are equal and apart by whitespace alone reach Python below.
        hits = [
            i
            for i in range(1, len(spans))
            if keys[i] == keys[i - 1] and keys[i] and prose[spans[i - 1][1] : spans[i][0]].isspace()
        ]
        run, last = 0, -2
        for i in hits:
            run = run + 1 if i == last + 1 else 1
            last = i
            word = words[i]
            if self.options["alpha"] and not word.isalpha():
                continue
            if run > self.options["max"] and not self._excepted(prose, spans[i - 1][0], spans[i][1], word):
                yield self.problem(doc, *spans[i], args=(word,), first=words[i - 1])
                run = 0

    def _excepted(self, prose: str, start: int, end: int, word: str) -> bool:
        if self.exceptions is None:
            return False
        pair = " ".join(prose[start:end].split())
        return bool(self.exceptions.fullmatch(word) or self.exceptions.fullmatch(pair))
