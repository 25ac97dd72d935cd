"""existence: flag every occurrence of listed words, phrases or patterns."""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.checks.patterns import Phrases, alternation


class ExistenceCheck(Check):
    OPTIONS = {
        "tokens": Option("list[str]", [], help="regular expressions, matched as whole words"),
        "raw": Option("list[str]", [], help="pieces of one regular expression, joined as written"),
        "ignorecase": Option("bool", False),
        "nonword": Option("bool", False, help="do not require word boundaries around tokens"),
        "exceptions": Option("list[str]", [], help="matches to leave alone (regular expressions)"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        ignorecase = self.options["ignorecase"]
        flags = re.IGNORECASE if ignorecase else 0
        tokens, raw = self.options["tokens"], self.options["raw"]
        if not tokens and not raw:
            raise OptionError("tokens", "an existence rule needs 'tokens' or 'raw'")
        self.phrases = self.pattern = None
        if raw:  # one regular expression of the rule's own making, scanned as written
            parts = [alternation(tokens, words=not self.options["nonword"])] if tokens else []
            self.pattern = compile_regex("|".join(f"(?:{p})" for p in [*parts, "".join(raw)]), "tokens", flags)
        else:
            self.phrases = Phrases(tokens, key="tokens", words=not self.options["nonword"], ignorecase=ignorecase)
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"], words=False), "exceptions", flags)

    def run(self, doc):
        if self.phrases is not None:
            found = self.phrases.finditer(doc, self.scope_spans(doc))
        else:
            found = self.matches(self.pattern, doc)
        prose = doc.prose
        for match in found:
            start, end = match.span()
            if end == start:
                continue
            if self.exceptions and self.exceptions.fullmatch(prose[start:end]):
                continue
            yield self.problem(doc, start, end)
