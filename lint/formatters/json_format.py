"""Versioned JSON, streamed file by file; the schema is documented in the README."""

from __future__ import annotations

import json

from newslint import __version__
from newslint.formatters.summary import Tally

SCHEMA_VERSION = 1
_FIELDS = (
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
        problems = [{name: getattr(p, name) for name in _FIELDS} for p in result.problems]
        entry = json.dumps({"path": result.path, "problems": problems}, ensure_ascii=False)
        yield ("\n  " if index == 0 else ",\n  ") + entry
    summary = {
        "files": tally.files,
        "problems": tally.total,
        **{k: tally.levels[k] for k in ("error", "warning", "suggestion")},
    }
    yield f'\n], "summary": {json.dumps(summary)}}}\n'
