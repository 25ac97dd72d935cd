"""Compiled regular expressions kept between runs, like bytecode.

``re.compile`` spends nearly all its time in the pure-Python parser and code
generator of the ``re`` package: about 0.1 s for the default pack's 230
patterns, half of a one-file pre-commit run, paid again by every process. What
they produce for a pattern is a list of integers that ``_sre.compile`` makes a
Pattern of in microseconds. ``compile`` keeps those lists in one marshal file
in the package's ``__pycache__`` folder and builds Patterns from them in later
runs: the same Pattern ``re.compile`` returns (``tests/test_regexcache.py``).

The lists are CPython's private format, so the file is tied to the
interpreter's build (``sys.version``) and ``_sre.MAGIC``. A new pattern is
parsed once, by the same parser ``re.compile`` uses (so its errors are
``re.compile``'s own); anything missing or unexpected falls back to
``re.compile``. An unwritable folder only costs speed.
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
    if entry is None and _sre is not None and not flags & re.DEBUG:
        entry = _new_entry(pattern, flags)  # raises re.error for a broken pattern, as re.compile does
        if entry is not None:
            _keep(key, entry)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
        except Exception:  # noqa: BLE001 - a damaged entry: compiled the usual way below
            entries.pop(key, None)
        else:
            _used.add(key)
            return compiled
    return re.compile(pattern, flags)


def _new_entry(pattern: str | bytes, flags: int) -> tuple | None:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern (None: internals unexpected)."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - not a str or bytes, or internals changed: re.compile says
        return None
    try:
        code = _compiler._code(tree, flags)
        groups = tree.state.groups
        indexgroup = [None] * groups
        for name, index in tree.state.groupdict.items():
            indexgroup[index] = name
        # Plain ints: marshal holds neither RegexFlag nor re's named opcode constants.
        flags = int(flags | tree.state.flags)
        return flags, list(map(int, code)), groups - 1, dict(tree.state.groupdict), tuple(indexgroup)
    except Exception:  # noqa: BLE001 - internals not as expected: compiled the usual way
        return None


def _keep(key: tuple, entry: tuple) -> None:
    global _added
    _entries[key] = entry
    if not _added:
        _added = True
        atexit.register(save)


def _stamp() -> tuple:
    """What the kept code is only good for: this interpreter build and its regex engine."""
    return sys.version, _sre.MAGIC, _sre.CODESIZE


def _load() -> dict:
    global _entries
    _entries = {}
    if _sre is None:
        return _entries
    try:
        with open(CACHE_FILE, "rb") as handle:
            *stamp, entries = marshal.loads(handle.read())  # 15x faster than marshal.load(handle)
        if tuple(stamp) == _stamp() and isinstance(entries, dict):
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
        payload = marshal.dumps((*_stamp(), entries))
        os.makedirs(os.path.dirname(CACHE_FILE), exist_ok=True)
        from newslint.readers import write_replacing  # not at import: readers compiles regexes

        write_replacing(CACHE_FILE, payload)
    except (OSError, ValueError):
        pass  # unwritable: it only costs speed
