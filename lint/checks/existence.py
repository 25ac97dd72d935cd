"""existence: flag every occurrence of listed words, phrases or patterns."""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, OptionError, compile_regex
from newslint.checks.patterns import alternation


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
        flags = re.IGNORECASE if self.options["ignorecase"] else 0
        parts = []
        if self.options["tokens"]:
            parts.append(alternation(self.options["tokens"], words=not self.options["nonword"]))
        if self.options["raw"]:
            parts.append("".join(self.options["raw"]))
        if not parts:
            raise OptionError("tokens", "an existence rule needs 'tokens' or 'raw'")
        self.pattern = compile_regex("|".join(f"(?:{p})" for p in parts), "tokens", flags)
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"], words=False), "exceptions", flags)

    def run(self, doc):
        for match in self.matches(self.pattern, doc):
            if match.end() == match.start():
                continue
            if self.exceptions and self.exceptions.fullmatch(match.group()):
                continue
            yield self.problem(doc, *match.span())
