"""Inline suppression comments, in Markdown and in plain text alike.

<!-- newslint-disable ID[, ID …] -->     … until enabled again (no id: every rule)
<!-- newslint-enable ID[, ID …] -->
<!-- newslint-disable-next-line ID -->   the next line that is not blank
<!-- newslint-disable-line ID -->        the line the comment is on
<!-- newslint-disable-file ID -->        the whole file
<!-- newslint-disable ID -- a reason -->  text after " -- " is a note, not an id
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint import regexcache

_DIRECTIVE = regexcache.compile(
    r"<!--\s*newslint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->",
    re.DOTALL,
)
ALL = "*"
_REASON = regexcache.compile(r"(?:^|\s)--(?:\s|$)")


@dataclass
class Directive:
    action: str
    ids: tuple[str, ...]  # empty: every rule
    start: int  # offset of the comment
    end: int
    line: int


@dataclass
class Suppressions:
    """Which rules are off on which lines, built once per document.

    ``disable``/``enable`` comments are kept in order and replayed per rule
    id, so that ``disable`` (every rule) followed by ``enable ID`` turns just
    that rule back on, as in ESLint.
    """

    file_wide: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    toggles: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # line, action, ids
    last_line: int = 1
    _regions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def suppresses(self, rule_id: str, line: int) -> bool:
        if ALL in self.file_wide or rule_id in self.file_wide:
            return True
        on_line = self.lines.get(line)
        if on_line and (ALL in on_line or rule_id in on_line):
            return True
        return any(first <= line <= last for first, last in self.regions(rule_id))

    def regions(self, rule_id: str) -> list[tuple[int, int]]:
        """The (first, last) line ranges where ``rule_id`` is disabled."""
        if rule_id not in self._regions:
            spans, opened = [], None
            for line, action, ids in self.toggles:
                if ids and rule_id not in ids:
                    continue
                if action == "disable" and opened is None:
                    opened = line
                elif action == "enable" and opened is not None:
                    spans.append((opened, line))
                    opened = None
            if opened is not None:
                spans.append((opened, self.last_line))
            self._regions[rule_id] = spans
        return self._regions[rule_id]


def parse(text: str, position) -> list[Directive]:
    """Every directive in ``text``; ``position(offset)`` gives (line, column).

    Text after `` -- `` is a reason for the reader, not an id.
    """
    found = []
    if "newslint-" not in text:
        return found
    for match in _DIRECTIVE.finditer(text):
        names = _REASON.split(match.group(2), maxsplit=1)[0]
        ids = tuple(i for i in re.split(r"[\s,]+", names.strip()) if i)
        found.append(Directive(match.group(1), ids, match.start(), match.end(), position(match.start())[0]))
    return found


def suppressions(directives: list[Directive], text: str, line_starts: list[int]) -> Suppressions:
    result = Suppressions(last_line=len(line_starts))
    for d in directives:
        if d.action == "disable-file":
            result.file_wide.update(d.ids or (ALL,))
        elif d.action == "disable-line":
            result.lines.setdefault(d.line, set()).update(d.ids or (ALL,))
        elif d.action == "disable-next-line":
            target = _next_filled_line(text, line_starts, d.end)
            result.lines.setdefault(target, set()).update(d.ids or (ALL,))
        else:  # disable | enable
            result.toggles.append((d.line, d.action, d.ids))
    return result


def _next_filled_line(text: str, line_starts: list[int], offset: int) -> int:
    """The 1-based number of the first non-blank line after ``offset``'s line."""
    from bisect import bisect_right

    line = bisect_right(line_starts, offset)  # 0-based index of the next line
    while line < len(line_starts):
        start = line_starts[line]
        end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
        if text[start:end].strip():
            return line + 1
        line += 1
    return line + 1
