"""A results cache keyed by file content, configuration and version (like ruff's).

One small file per entry under ``.newslint_cache/``, so that memory stays flat
however many files a run sees. The folder carries its own ``.gitignore`` so
that a content repository never commits it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path

from newslint import __version__
from newslint.problem import Problem

CACHE_DIR_NAME = ".newslint_cache"
_FIELDS = Problem.__slots__


class Cache:
    def __init__(self, folder: Path):
        self.folder = folder / __version__
        self._ready = False

    def key(self, content: bytes, path: str, rules_fingerprint: str) -> str:
        digest = hashlib.blake2b(content, digest_size=20)
        digest.update(b"\0" + path.encode() + b"\0" + rules_fingerprint.encode())
        return digest.hexdigest()

    def get(self, key: str) -> tuple[Problem, ...] | None:
        try:
            rows = marshal.loads((self.folder / key[:2] / key).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return None
        return tuple(Problem(*row) for row in rows)

    def put(self, key: str, problems: tuple[Problem, ...]) -> None:
        rows = [tuple(getattr(p, name) for name in _FIELDS) for p in problems]
        try:
            self._prepare()
            folder = self.folder / key[:2]
            folder.mkdir(exist_ok=True)
            # Write then rename: a reader never sees half an entry, and
            # parallel workers writing the same key do not collide.
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(rows))
            os.replace(tmp, folder / key)
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
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
