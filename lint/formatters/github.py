"""GitHub Actions workflow commands: one annotation per problem.

``::error file=a.md,line=3,endLine=3,col=5,endColumn=9,title=newslint (rule)::message``

GitHub drops ``col``/``endColumn`` when a range spans lines, so they are sent
for single-line problems only (as ruff does). Paths must be relative to the
repository root with ``/``, or GitHub cannot attach them to the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from newslint.formatters.summary import Tally

COMMANDS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def render(results, rules, color=False):
    tally = Tally()
    for result in results:
        tally.add(result)
        path = workspace_path(result.path)
        for p in result.problems:
            props = [("file", path), ("line", p.line), ("endLine", p.end_line)]
            if p.line == p.end_line:
                props += [("col", p.column), ("endColumn", p.end_column)]
            props.append(("title", f"newslint ({p.rule})"))
            fields = ",".join(f"{name}={escape_property(str(value))}" for name, value in props)
            yield f"::{COMMANDS[p.level]} {fields}::{escape_data(p.message)}\n"
    # A plain line for the log: annotations past GitHub's per-step cap are dropped.
    yield tally.sentence() + "\n"


def escape_data(text: str) -> str:
    """Escape a command's message the way ``@actions/core`` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: the message escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(path: str) -> str:
    """``path`` relative to ``$GITHUB_WORKSPACE`` (the repository root) when it
    lies inside it, so that running from a subfolder still annotates the diff."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace or path == "-":
        return path
    try:
        return Path(path).resolve().relative_to(Path(workspace).resolve()).as_posix()
    except (ValueError, OSError):
        return path
