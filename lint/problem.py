"""The one value every check, the engine and every formatter share."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding. Offsets are the truth; line/column are derived from them.

    ``start``/``end`` are half-open indices into the document's text (code
    points). ``line``/``column`` are 1-based; ``end_line``/``end_column`` point
    at the last character of the span (inclusive), as editors and SARIF expect.
    """

    rule: str
    level: str
    message: str
    path: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    match: str = ""
    category: str = ""
    fix: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.rule, self.message)

    def __reduce__(self):
        # Pickled (to and from --jobs workers) as its field values: a slotted
        # dataclass's own pickling goes field by field and costs several times more.
        return Problem, problem_values(self)


# A Problem's field values, in order: what Problem(*values) takes back (pickling, the cache).
problem_values = attrgetter(*Problem.__slots__)


def problem_at(doc, start: int, end: int, *, rule: str, level: str, message: str, category: str, fix=None) -> Problem:
    """The Problem for ``doc.text[start:end]``, its positions derived from the
    document's line index (``doc`` is a ``newslint.document.Document``)."""
    line, column = doc.position(start)
    end_line, end_column = doc.position(max(start, end - 1))
    return Problem(
        rule=rule,
        level=level,
        message=message,
        path=doc.path,
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        match=doc.text[start:end],
        category=category,
        fix=fix,
    )


@dataclass(frozen=True, slots=True)
class FileResult:
    """Everything newslint found in one file."""

    path: str
    problems: tuple[Problem, ...]

    def __reduce__(self):
        return FileResult, (self.path, self.problems)
