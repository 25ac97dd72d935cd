"""Versioned JSON, streamed file by file; the schema is documented in the README."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string  # what json.dumps(..., ensure_ascii=False) uses

from newslint import __version__
from newslint.formatters.summary import Tally

SCHEMA_VERSION = 1
# The keys of a problem, in the order they are written.
FIELDS = (
    "rule",
    "level",
    "category",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "start",
    "end",
    "match",
    "fix",
)


def render(results, rules, color=False):
    tally = Tally()
    yield f'{{"version": {SCHEMA_VERSION}, "newslint": {json.dumps(__version__)}, "files": ['
    for index, result in enumerate(results):
        tally.add(result)
        problems = ", ".join(_problem(p) for p in result.problems)
        entry = f'{{"path": {_string(result.path)}, "problems": [{problems}]}}'
        yield ("\n  " if index == 0 else ",\n  ") + entry
    summary = {
        "files": tally.files,
        "problems": tally.total,
        **{k: tally.levels[k] for k in ("error", "warning", "suggestion")},
    }
    yield f'\n], "summary": {json.dumps(summary)}}}\n'


def _problem(p) -> str:
    """``p`` as ``json.dumps({field: value}, ensure_ascii=False)`` writes it,
    twice as fast as building the dict: the fields' types are fixed (text,
    whole numbers, and a fix that is text or None)."""
    fix = "null" if p.fix is None else _string(p.fix)
    return (
        f'{{"rule": {_string(p.rule)}, "level": {_string(p.level)}, "category": {_string(p.category)}, '
        f'"message": {_string(p.message)}, "line": {p.line}, "column": {p.column}, "end_line": {p.end_line}, '
        f'"end_column": {p.end_column}, "start": {p.start}, "end": {p.end}, "match": {_string(p.match)}, '
        f'"fix": {fix}}}'
    )
