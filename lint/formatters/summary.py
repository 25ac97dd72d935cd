"""Counting problems by level, shared by the human-readable formats."""

from __future__ import annotations

from collections import Counter

from newslint.problem import LEVELS


class Tally:
    def __init__(self):
        self.levels: Counter[str] = Counter()
        self.files = 0
        self.files_with_problems = 0

    def add(self, result) -> None:
        self.files += 1
        if result.problems:
            self.files_with_problems += 1
        self.levels.update(p.level for p in result.problems)

    @property
    def total(self) -> int:
        return sum(self.levels.values())

    def sentence(self) -> str:
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        if not self.total:
            return f"No problems in {files}."
        parts = [
            f"{self.levels[level]} {level}{'s' if self.levels[level] != 1 else ''}"
            for level in reversed(LEVELS)
            if self.levels[level]
        ]
        noun = "problem" if self.total == 1 else "problems"
        return f"Found {self.total} {noun} ({', '.join(parts)}) in {files}."
