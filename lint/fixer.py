"""Apply the fixes problems offer, safely.

A file is rewritten only through a temporary file in the same folder and an
atomic rename, keeps its encoding, byte-order mark, line endings and front
matter (only the reported spans change), and a second run changes nothing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from newslint.problem import Problem


def apply_fixes(text: str, problems: tuple[Problem, ...]) -> tuple[str, list[Problem]]:
    """``text`` with every non-overlapping fix applied, and the problems fixed.

    Fixes are taken in document order; one that overlaps a fix already taken
    is left for the next run, as ruff does.
    """
    chosen: list[Problem] = []
    last_end = -1
    for problem in sorted((p for p in problems if p.fix is not None), key=lambda p: (p.start, p.end)):
        if problem.start >= last_end and text[problem.start : problem.end] == problem.match:
            chosen.append(problem)
            last_end = problem.end
    pieces = []
    cursor = 0
    for problem in chosen:
        pieces.append(text[cursor : problem.start])
        pieces.append(problem.fix)
        cursor = problem.end
    pieces.append(text[cursor:])
    return "".join(pieces), chosen


def write_atomically(path: Path, text: str, bom: bool) -> None:
    """Replace ``path``'s content with ``text`` (UTF-8), all or nothing."""
    data = ("\ufeff" if bom else "") + text
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".newslint")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
