"""occurrence: too many (``max``) or too few (``min``) matches of ``token`` per scope.

As in Vale, the count is taken per scope unit: per sentence for ``scope:
sentence``, per paragraph for ``paragraph``. Scopes that name one part of the
article (``text``, ``body``, ``lede``, ``tail``, ``headline``,
``frontmatter.<field>``) are counted as one unit across their blocks, as Vale
counts ``text`` over the whole document.
"""

from __future__ import annotations

import re

from newslint.checks.base import Check, Option, OptionError, compile_regex

WHOLE_SCOPES = frozenset({"text", "body", "lede", "tail", "headline"})


class OccurrenceCheck(Check):
    OPTIONS = {
        "token": Option("str", required=True, help="the regular expression to count"),
        "max": Option("int", 0, help="flag a unit with more matches than this (0: no maximum)"),
        "min": Option("int", 0, help="flag a unit with fewer matches than this (0: no minimum)"),
        "ignorecase": Option("bool", False),
    }

    def __init__(self, rule):
        super().__init__(rule)
        if not self.options["max"] and not self.options["min"]:
            raise OptionError("max", "an occurrence rule needs 'max' or 'min'")
        flags = re.IGNORECASE if self.options["ignorecase"] else 0
        self.pattern = compile_regex(f"(?:{self.options['token']})", "token", flags)
        self.whole = all(s in WHOLE_SCOPES or s.startswith("frontmatter.") for s in rule.scope)
        # Vale's messages may show the count as %d; newslint also offers {count}.
        self.message = rule.message.replace("%d", "%s")

    def run(self, doc):
        spans = self.scope_spans(doc)
        if not spans:
            return
        if self.whole:
            yield from self._judge_whole(doc, spans)
            return
        for start, end in spans:
            found = [m.span() for m in self.pattern.finditer(doc.prose, start, end) if m.end() > m.start()]
            if self._breaks(len(found)):
                # Vale points at the first match; the problem runs to the unit's end.
                first = found[0][0] if found else start
                yield self._problem(doc, first, _trim_end(doc.prose, first, end), len(found))

    def _judge_whole(self, doc, spans):
        """One count over all spans; point at the first match past ``max``."""
        found = [m.span() for s, e in spans for m in self.pattern.finditer(doc.prose, s, e) if m.end() > m.start()]
        count, limit = len(found), self.options["max"]
        if not self._breaks(count):
            return
        if limit and count > limit:
            start, end = found[limit]
        elif found:
            start, end = found[0]
        else:  # nothing to point at: the start of the scope, as Vale does
            start, end = spans[0][0], _trim_end(doc.prose, spans[0][0], spans[0][1])
        yield self._problem(doc, start, end, count)

    def _breaks(self, count: int) -> bool:
        most, least = self.options["max"], self.options["min"]
        return bool((most and count > most) or (least and count < least))

    def _problem(self, doc, start, end, count):
        fields = {"count": count, "max": self.options["max"], "min": self.options["min"]}
        return self.problem(doc, start, end, self.message, args=(str(count),), **fields)


def _trim_end(prose: str, start: int, end: int) -> int:
    while end > start and prose[end - 1].isspace():
        end -= 1
    return end
