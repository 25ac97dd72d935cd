"""Compiled regular expressions kept between runs, like bytecode.

``re.compile`` spends nearly all its time in the pure-Python parser and code
generator of the ``re`` package: about 0.1 s for the default pack's 230
patterns, half of a one-file pre-commit run, paid again by every process. What
they produce for a pattern is a list of integers that ``_sre.compile`` makes a
Pattern of in microseconds. ``compile`` keeps those lists in one marshal file
in the package's ``__pycache__`` folder and builds Patterns from them in later
runs: the same Pattern ``re.compile`` returns (``tests/test_regexcache.py``).

The lists are CPython's private format, so the file is tied to the
interpreter's cache tag and ``_sre.MAGIC``; a pattern is compiled the usual
way the first time (so its errors are ``re.compile``'s own), and whenever
anything here is missing or unexpected. An unwritable folder only costs speed.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys

try:  # CPython's internals; elsewhere every pattern is compiled the usual way
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython
    _sre = None

CACHE_FILE = os.path.join(os.path.dirname(__file__), "__pycache__", f"regex.{sys.implementation.cache_tag}.marshal")
# Entries kept at most (the default pack has about 230; each costs its load
# at every start); past it, only the patterns this process used are kept.
MAX_ENTRIES = 1000

_entries: dict | None = None  # (pattern, flags) -> _sre.compile's arguments after the pattern
_used: set = set()
_added = False


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:  # noqa: A001 - re.compile's twin
    """``re.compile(pattern, flags)``, from the kept code when a run compiled it before."""
    flags = int(flags)
    key = (pattern, flags)
    entries = _load() if _entries is None else _entries
    entry = entries.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled the usual way below
            del entries[key]
        else:
            _used.add(key)
            return compiled
    compiled = re.compile(pattern, flags)
    if _sre is not None and not flags & re.DEBUG:
        _keep(key, pattern, flags)
    return compiled


def _keep(key: tuple, pattern: str | bytes, flags: int) -> None:
    """Record what ``re._compiler.compile`` hands ``_sre.compile`` for this pattern."""
    global _added
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groups = tree.state.groups
        indexgroup = [None] * groups
        for name, index in tree.state.groupdict.items():
            indexgroup[index] = name
        # Plain ints: marshal holds neither RegexFlag nor re's named opcode constants.
        flags = int(flags | tree.state.flags)
        code = list(map(int, code))
        _entries[key] = (flags, code, groups - 1, dict(tree.state.groupdict), tuple(indexgroup))
    except Exception:  # noqa: BLE001 - internals not as expected: this pattern is not kept
        return
    _used.add(key)
    if not _added:
        _added = True
        atexit.register(save)


def _load() -> dict:
    global _entries
    _entries = {}
    if _sre is None:
        return _entries
    try:
        with open(CACHE_FILE, "rb") as handle:
            magic, codesize, entries = marshal.loads(handle.read())  # 15x faster than marshal.load(handle)
        if (magic, codesize) == (_sre.MAGIC, _sre.CODESIZE) and isinstance(entries, dict):
            _entries = entries
    except (OSError, EOFError, ValueError, TypeError):
        pass  # none kept yet, or unreadable: compiled anew
    return _entries


def save() -> None:
    """Write the kept code (at exit, when this process compiled a pattern not kept yet)."""
    if not _added or _entries is None:
        return
    entries = _entries
    if len(entries) > MAX_ENTRIES:
        entries = {key: value for key, value in entries.items() if key in _used}
    try:
        payload = marshal.dumps((_sre.MAGIC, _sre.CODESIZE, entries))
        os.makedirs(os.path.dirname(CACHE_FILE), exist_ok=True)
        # Write then rename: a parallel run never reads half a file.
        partial = f"{CACHE_FILE}.{os.getpid()}.tmp"
        with open(partial, "wb") as handle:
            handle.write(payload)
        os.replace(partial, CACHE_FILE)
    except (OSError, ValueError):
        pass  # unwritable: it only costs speed
