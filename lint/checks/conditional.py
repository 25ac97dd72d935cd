"""conditional: a match of ``first`` needs a match of ``second`` (Vale's acronym check).

When ``second`` has a capture group, it *defines* values: "World Health
Organization (WHO)" defines "WHO", and a ``first`` match is fine only if its
text was defined in the same scope unit or an earlier one. Without a group,
``second`` only has to be present (in the same unit or before).
"""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, compile_regex
from newslint.checks.patterns import alternation


class ConditionalCheck(Check):
    OPTIONS = {
        "first": Option("str", required=True, help="the regular expression that needs a definition"),
        "second": Option("str", required=True, help="the regular expression that defines it (capture group)"),
        "exceptions": Option("list[str]", [], help="matches of 'first' that need no definition"),
        "ignorecase": Option("bool", False),
        "vocab": Option("bool", True, help="Vale's vocabularies switch; accepted, newslint has no vocabularies"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        flags = re.IGNORECASE if self.options["ignorecase"] else 0
        self.first = compile_regex(self.options["first"], "first", flags)
        self.second = compile_regex(self.options["second"], "second", flags)
        self.defines = self.second.groups > 0
        self.exceptions = None
        if self.options["exceptions"]:
            self.exceptions = compile_regex(alternation(self.options["exceptions"], words=False), "exceptions", flags)

    def run(self, doc):
        prose = doc.prose
        defined: set[str] = set()
        present = False
        for start, end in self.scope_spans(doc):
            if self.defines:
                defined.update(self._definitions(prose, start, end))
            elif not present:
                present = self.second.search(prose, start, end) is not None
            for use in self.first.finditer(prose, start, end):
                if use.end() > use.start() and not self._fine(use, defined, present):
                    yield self.problem(doc, *use.span())

    def _definitions(self, prose: str, start: int, end: int) -> set[str]:
        return {self._key(value) for m in self.second.finditer(prose, start, end) for value in m.groups() if value}

    def _key(self, value: str) -> str:
        return value.casefold() if self.options["ignorecase"] else value

    def _fine(self, use: re.Match, defined: set[str], present: bool) -> bool:
        text = use.group()
        # "first: ([A-Z]{3,5})s?" names its value by its group: "NGOs" uses "NGO".
        value = use.group(1) if use.re.groups and use.group(1) else text
        if self.exceptions and (self.exceptions.fullmatch(text) or self.exceptions.fullmatch(value)):
            return True
        if not self.defines:
            return present
        return self._key(text) in defined or self._key(value) in defined
