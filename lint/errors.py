"""Errors newslint reports as one line and exit status 2, never a traceback."""

from __future__ import annotations


class NewslintError(Exception):
    """A usage, configuration or rule-file error.

    ``str()`` gives the one line users see: ``path:line: key 'x': what is wrong``.
    """

    def __init__(self, message: str, path: str = "", line: int | None = None, key: str = ""):
        self.path = path
        self.line = line
        self.key = key
        self.detail = message
        super().__init__(self._render())

    def _render(self) -> str:
        where = self.path
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        parts = [where] if where else []
        if self.key:
            parts.append(f"key '{self.key}'")
        parts.append(self.detail)
        return ": ".join(parts)


class ReadError(Exception):
    """A file that cannot be linted (missing, binary, not UTF-8, bad front matter)."""

    def __init__(self, message: str, line: int = 1):
        self.line = line
        super().__init__(message)
