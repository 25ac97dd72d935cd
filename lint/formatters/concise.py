"""``path:line:col: level rule-id message``, one problem a line."""

from __future__ import annotations


def render(results, rules, color=False):
    for result in results:
        for p in result.problems:
            yield f"{p.path}:{p.line}:{p.column}: {p.level} {p.rule} {p.message}\n"
