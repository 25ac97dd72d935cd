"""Lint many files on several cores, results in input order.

Each worker process builds its own Linter once (rules compiled once per
process) and lints the paths it is handed; ``imap`` keeps results in the
order the paths were given, so ``--jobs N`` prints the same bytes as
``--jobs 1``, streaming.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newslint.api import Linter
from newslint.problem import FileResult

# Below this many files a process pool costs more than it saves.
MIN_FILES_PER_JOB = 8
# Files looked up in the cache before the misses among them go to the workers;
# it bounds what is held in memory at once.
WINDOW = 256

_worker: Linter | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def lint_files(linter: Linter, paths: list[Path], jobs: int) -> Iterator[FileResult]:
    jobs = max(1, min(jobs, len(paths) // MIN_FILES_PER_JOB))
    if jobs == 1:
        for path in paths:
            yield linter.lint_file(path)
        return
    pool = None
    try:
        # Files go in windows: cache hits are answered here, and only the
        # misses are handed to the workers, which start on the first miss.
        # A re-run on unchanged files then never starts a process.
        for start in range(0, len(paths), WINDOW):
            window = paths[start : start + WINDOW]
            results = [linter.cached_result(path) for path in window]
            misses = [path for path, result in zip(window, results, strict=True) if result is None]
            if misses and pool is None:
                pool = _pool(linter, jobs)
            fresh = iter(pool.imap(_lint_one, misses, chunksize=_chunk(len(paths), jobs)) if misses else ())
            for result in results:
                yield result if result is not None else next(fresh)
    finally:
        if pool is not None:
            pool.terminate()


def _pool(linter: Linter, jobs: int):
    import multiprocessing

    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    args = (linter.config_path, linter.cwd, linter.cache.folder.parent if linter.cache else None)
    return context.Pool(jobs, initializer=_start_worker, initargs=args)


def _chunk(files: int, jobs: int) -> int:
    return max(1, min(16, files // (jobs * 8)))


def _start_worker(config_path, cwd, cache_dir) -> None:
    global _worker
    _worker = Linter(config_path, cwd, cache_dir)


def _lint_one(path: Path) -> FileResult:
    return _worker.lint_file(path)
