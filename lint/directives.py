"""Inline suppression comments, in Markdown and in plain text alike.

<!-- newslint-disable ID[, ID …] -->     … until enabled again (no id: every rule)
<!-- newslint-enable ID[, ID …] -->
<!-- newslint-disable-next-line ID -->   the next line that is not blank
<!-- newslint-disable-line ID -->        the line the comment is on
<!-- newslint-disable-file ID -->        the whole file
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*?)-->",
    re.DOTALL,
)
ALL = "*"


@dataclass
class Directive:
    action: str
    ids: tuple[str, ...]  # empty: every rule
    start: int  # offset of the comment
    end: int
    line: int


@dataclass
class Suppressions:
    """Which rules are off on which lines, built once per document."""

    file_wide: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)
    regions: list[tuple[str, int, int]] = field(default_factory=list)  # id, first line, last line

    def suppresses(self, rule_id: str, line: int) -> bool:
        if ALL in self.file_wide or rule_id in self.file_wide:
            return True
        on_line = self.lines.get(line)
        if on_line and (ALL in on_line or rule_id in on_line):
            return True
        return any(line_from <= line <= line_to and rid in (ALL, rule_id) for rid, line_from, line_to in self.regions)


def parse(text: str, position) -> list[Directive]:
    """Every directive in ``text``; ``position(offset)`` gives (line, column)."""
    found = []
    if "newslint-" not in text:
        return found
    for match in _DIRECTIVE.finditer(text):
        ids = tuple(i for i in re.split(r"[\s,]+", match.group(2).strip()) if i)
        found.append(Directive(match.group(1), ids, match.start(), match.end(), position(match.start())[0]))
    return found


def suppressions(directives: list[Directive], text: str, line_starts: list[int]) -> Suppressions:
    result = Suppressions()
    open_regions: dict[str, int] = {}
    last_line = len(line_starts)
    for d in directives:
        ids = d.ids or (ALL,)
        if d.action == "disable-file":
            result.file_wide.update(ids)
        elif d.action == "disable-line":
            result.lines.setdefault(d.line, set()).update(ids)
        elif d.action == "disable-next-line":
            target = _next_filled_line(text, line_starts, d.end)
            result.lines.setdefault(target, set()).update(ids)
        elif d.action == "disable":
            for rule_id in ids:
                open_regions.setdefault(rule_id, d.line)
        else:  # enable
            closing = list(open_regions) if ids == (ALL,) else ids
            for rule_id in closing:
                if rule_id in open_regions:
                    result.regions.append((rule_id, open_regions.pop(rule_id), d.line))
    for rule_id, first in open_regions.items():
        result.regions.append((rule_id, first, last_line))
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
