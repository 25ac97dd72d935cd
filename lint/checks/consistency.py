"""consistency: two forms of one thing ("UN" / "U.N.") used in one document.

``either`` maps one form to the other (both regular expressions). When both
forms of a pair appear in the rule's scope, every occurrence of the form that
came second is flagged, as Vale flags the later style; the message can name
the form used first and its line (``{other}``, ``{other_line}``).
"""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, OptionError
from newslint.checks.patterns import Phrases, branch_of, build_checked


class ConsistencyCheck(Check):
    OPTIONS = {
        "either": Option("map[str,str]", required=True, help="form -> other form; only one may appear"),
        "ignorecase": Option("bool", False),
        "nonword": Option("bool", False, help="do not require word boundaries around the forms"),
    }

    def __init__(self, rule):
        super().__init__(rule)
        either = self.options["either"]
        if not either:
            raise OptionError("either", "a consistency rule needs at least one pair in 'either'")
        flags = re.IGNORECASE if self.options["ignorecase"] else 0
        # Forms are numbered 2*pair and 2*pair+1 and joined into one alternation,
        # longest first; the named group that matched tells the pair and side.
        self.forms: list[str] = []
        for first, second in either.items():
            self.forms += [first, second]
        self.order = sorted(range(len(self.forms)), key=lambda i: (-len(self.forms[i]), i))
        branches = [self.forms[i] for i in self.order]
        words = not self.options["nonword"]
        self.phrases = build_checked(  # a broken form is named on its own
            self.forms,
            "either",
            flags,
            lambda: Phrases(branches, key="either", words=words, ignorecase=bool(flags), tagged=True),
        )

    def run(self, doc):
        seen: dict[int, list[tuple[int, int]]] = {}  # form -> its spans, in order
        for match in self.phrases.finditer(doc, self.scope_spans(doc)):  # one scan for all scope spans
            if match.end() > match.start():
                seen.setdefault(self.order[branch_of(match)], []).append(match.span())
        for pair in sorted({form // 2 for form in seen}):
            first, second = seen.get(2 * pair), seen.get(2 * pair + 1)
            if not first or not second:
                continue
            earlier, later = (first, second) if first[0] < second[0] else (second, first)
            other = doc.text[earlier[0][0] : earlier[0][1]]
            other_line = doc.position(earlier[0][0])[0]
            for start, end in later:
                yield self.problem(doc, start, end, other=other, other_line=other_line)
