"""Output formats: one module each, exposing ``render(results, rules, color)``.

``render`` is a pure function from finished results to chunks of text. It is
a generator so that output streams while files are still being linted.
"""

from __future__ import annotations

import importlib
import os
import sys

FORMATS = {
    "text": "text",
    "concise": "concise",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
}


def resolve(name: str, stream=sys.stdout) -> str:
    """The concrete format for ``name``; ``auto`` picks github under Actions."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true" and not stream.isatty():
        return "github"
    return "text"


def get(name: str):
    """The ``render`` function of format ``name``."""
    return importlib.import_module(f"newslint.formatters.{FORMATS[name]}").render
