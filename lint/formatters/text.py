"""The default human format: problems grouped by file, colour on a terminal."""

from __future__ import annotations

from newslint.formatters.summary import Tally

_COLOURS = {"error": "31", "warning": "33", "suggestion": "34", "path": "1;4", "dim": "2"}


def _paint(text: str, what: str, color: bool) -> str:
    return f"\x1b[{_COLOURS[what]}m{text}\x1b[0m" if color else text


def render(results, rules, color=False):
    tally = Tally()
    for result in results:
        tally.add(result)
        if not result.problems:
            continue
        yield _paint(result.path, "path", color) + "\n"
        width = max(len(f"{p.line}:{p.column}") for p in result.problems)
        for p in result.problems:
            where = f"{p.line}:{p.column}".ljust(width)
            level = _paint(p.level.ljust(10), p.level, color)
            yield f"  {where}  {level} {p.message}  {_paint(p.rule, 'dim', color)}\n"
        yield "\n"
    yield tally.sentence() + "\n"
