"""``newslint init``: a commented starter ``.newslint.yaml``."""

from __future__ import annotations

from pathlib import Path

from newslint.config import CONFIG_NAMES
from newslint.errors import NewslintError

FILE_NAME = CONFIG_NAMES[0]

TEMPLATE = """\
# newslint configuration: https://pypi.org/project/newslint/
# For checks and completion in editors (YAML language server), save the schema
# with `newslint schema config > .newslint.schema.json` and make this line the
# first of the file (drop the leading "# "):
# # yaml-language-server: $schema=.newslint.schema.json

# Rule packs, in order: `default` is the built-in set; add folders of your own
# rule files (relative to this file), e.g. `styles/house`. Their rule ids are
# `<folder>.<file stem>`.
packs:
  - default

# The lowest level that makes `newslint check` exit with status 1:
# suggestion, warning or error. Raise the bar with `warning` in CI.
fail-level: error

# Rules to turn off, give another level, or tune. `newslint rules` lists the
# ids; `newslint explain ID` shows a rule's options.
rules: {}
#  hedge-words: off
#  hedge-words: warning
#  hedge-words:
#    level: error
#    limit: 3

# Files not to lint (globs relative to this file; `**` crosses folders).
ignore: []
#  - drafts/**
#  - "**/README.md"

# Different settings for some files; later entries win.
overrides: []
#  - files: ["opinion/**"]
#    rules:
#      hedge-words: off

# House data: people and their titles, for the rules that check titles.
people: {}
#  Antonio Guterres: Secretary-General
"""


def write_starter(folder: Path) -> Path:
    """Write the starter config into ``folder``; refuse if one is there already."""
    for name in CONFIG_NAMES:
        existing = folder / name
        if existing.exists():
            raise NewslintError(f"{existing} already exists; not overwriting it (remove it first)")
    target = folder / FILE_NAME
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never clobber a file that appeared meanwhile
            handle.write(TEMPLATE)
    except OSError as err:
        raise NewslintError(f"cannot write {target}: {err.strerror or err}") from None
    return target
