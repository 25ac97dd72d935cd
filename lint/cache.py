"""A results cache keyed by file content, configuration and version (like ruff's).

One small file per entry under ``.newslint_cache/``, so that memory stays flat
however many files a run sees. The folder carries its own ``.gitignore`` so
that a content repository never commits it.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

from newslint import __version__
from newslint.problem import Problem, problem_values
from newslint.readers import read_all, write_replacing

try:  # BLAKE2 itself: hashlib would first load OpenSSL, a few ms of every run
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - not CPython
    from hashlib import blake2b

CACHE_DIR_NAME = ".newslint_cache"


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder / __version__
        self._root = str(self.folder)  # entries are found with string joins: a re-run makes one per file
        self._ready = False
        self._folders: set[str] = set()  # entry folders known to exist

    def key(self, content: bytes, path: str, rules_fingerprint: str) -> str:
        digest = blake2b(content, digest_size=20)
        digest.update(b"\0" + path.encode() + b"\0" + rules_fingerprint.encode())
        return digest.hexdigest()

    def get(self, key: str) -> tuple[Problem, ...] | None:
        try:
            rows = marshal.loads(read_all(os.path.join(self._root, key[:2], key)))
            return tuple(Problem(*row) for row in rows)
        except (OSError, EOFError, ValueError, TypeError):
            return None

    def put(self, key: str, problems: tuple[Problem, ...]) -> None:
        rows = list(map(problem_values, problems))
        try:
            self._prepare()
            folder = os.path.join(self._root, key[:2])
            if folder not in self._folders:
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            # Parallel workers writing the same key do not collide.
            write_replacing(os.path.join(folder, key), marshal.dumps(rows))
        except OSError:
            pass  # a cache that cannot be written only costs speed

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Automatically created by newslint.\n*\n", encoding="utf-8")
        self._ready = True


def fingerprint(*parts: str) -> str:
    """A short stable digest of the configuration and rule texts in use."""
    digest = blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
