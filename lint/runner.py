"""Lint many files on several cores, results in input order.

This process looks each file up in the cache and hands only the misses to the
workers, with the bytes it read and the cache key, so that no file is read or
hashed twice; a re-run on unchanged files never starts a worker. Workers are
started at the first miss: forked after this process has compiled the rules
of that file's config, so that they start linting at once (where fork is missing, each spawned worker
builds its own Linter). Each worker has its own pipe and is sent a few files
at a time, fewer as the run nears its end, so that the workers finish
together; results are yielded in input order, so ``--jobs N`` prints the same
bytes as ``--jobs 1``, streaming. (A ``multiprocessing.Pool`` spends several
times more of this process's time per message, time the workers lose on a
machine with as many cores as workers.)
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from newslint.api import Linter
from newslint.problem import FileResult

# Below this many files a process pool costs more than it saves.
MIN_FILES_PER_JOB = 8
# Files looked up ahead of the result being reported, and the bytes of those
# waiting for a worker: they bound what this process holds at once.
WINDOW = 256
MAX_QUEUED_BYTES = 64_000_000
# Files sent to a worker at a time: a share of those waiting, at most
# MAX_CHUNK, so that messages are few but the last ones small.
MAX_CHUNK = 16
# Forked where the system can: the workers inherit the compiled rules.
START_METHOD = "fork" if hasattr(os, "fork") else "spawn"


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
    workers = _Workers(linter, jobs)
    try:
        yield from _in_order(linter, paths, workers)
    finally:
        workers.stop()


def _in_order(linter: Linter, paths: list[Path], workers: _Workers) -> Iterator[FileResult]:
    """Each file's result in input order: a cache hit at once, a miss from the workers."""
    ahead: deque[FileResult | int] = deque()  # a result, or the number of a task handed on
    looked_up = 0
    while ahead or looked_up < len(paths):
        while looked_up < len(paths) and len(ahead) < WINDOW and workers.queued_bytes < MAX_QUEUED_BYTES:
            path = paths[looked_up]
            hit, data, key = linter.cache_lookup(path)
            ahead.append(hit if hit is not None else workers.submit(path, data, key))
            looked_up += 1
        head = ahead.popleft()
        yield head if isinstance(head, FileResult) else workers.result(head)


class _Workers:
    """Worker processes, each fed over its own pipe; started at the first task."""

    def __init__(self, linter: Linter, jobs: int):
        self.linter = linter
        self.jobs = jobs
        self.waiting: deque[tuple] = deque()  # tasks not yet sent: (number, path, bytes, key)
        self.queued_bytes = 0  # the bytes of the waiting tasks
        self.done: dict[int, FileResult | Exception] = {}
        self.last_number = 0
        self.processes: list = []
        self.pipes: list = []
        self.busy: set = set()  # pipes whose worker has a batch to answer
        self.batches: dict = {}  # pipe -> the paths of its batch, to name them if the worker dies

    def submit(self, path: Path, data: bytes | None, key: str) -> int:
        if not self.processes:
            self._start(path)
        self.last_number += 1
        self.waiting.append((self.last_number, path, data, key))
        self.queued_bytes += len(data or b"")
        for pipe in self.pipes:
            self._feed(pipe)
        return self.last_number

    def result(self, number: int) -> FileResult:
        """The result of task ``number``, receiving (and feeding) until it is in."""
        self._serve_answers(timeout=0)  # feed a worker that has answered, even if ``number`` is in
        while number not in self.done:
            self._serve_answers(timeout=None)
        result = self.done.pop(number)
        if isinstance(result, Exception):  # raised in input order, as with one job
            raise result
        return result

    def _serve_answers(self, timeout: float | None) -> None:
        """Take in the answers ready (waiting up to ``timeout`` for one) and feed their workers."""
        from multiprocessing.connection import wait

        for pipe in wait(list(self.busy), timeout):
            self._receive(pipe)
            self._feed(pipe)

    def _receive(self, pipe) -> None:
        try:
            answer = pipe.recv()
        except Exception as err:  # the worker died, or sent what cannot be read
            from newslint.errors import NewslintError

            paths = ", ".join(map(str, self.batches.get(pipe, ())))
            cause = str(err) or type(err).__name__
            raise NewslintError(f"a worker process stopped while linting {paths}: {cause}") from None
        self.busy.discard(pipe)
        self.done.update(answer)

    def _feed(self, pipe) -> None:
        # Only a worker that has answered is sent more: it is then reading, so
        # neither side can wait on the other with a full pipe (a batch may
        # carry the bytes of many files, an answer the problems of many).
        if self.waiting and pipe not in self.busy:
            size = max(1, min(MAX_CHUNK, len(self.waiting) // (self.jobs * 2)))
            batch = [self.waiting.popleft() for _ in range(min(size, len(self.waiting)))]
            self.queued_bytes -= sum(len(data or b"") for _, _, data, _ in batch)
            pipe.send(batch)
            self.busy.add(pipe)
            self.batches[pipe] = [path for _, path, _, _ in batch]

    def _start(self, first: Path) -> None:
        import multiprocessing

        linter = self.linter
        if START_METHOD == "fork":
            # Compile the rules here, once: the forked workers inherit them.
            linter.active_rules(linter.config_for(first), first)
            setup = linter
        else:  # each spawned worker builds its own Linter from these
            setup = (linter.config_path, linter.cwd, linter.cache.folder.parent if linter.cache else None)
        context = multiprocessing.get_context(START_METHOD)
        for _ in range(self.jobs):
            mine, theirs = context.Pipe()
            # A forked worker holds copies of this process's ends of the pipes;
            # it closes them, so that closing ours is the end of its input.
            inherited = [*self.pipes, mine] if START_METHOD == "fork" else []
            process = context.Process(target=_serve, args=(theirs, setup, inherited), daemon=True)
            process.start()
            theirs.close()
            self.processes.append(process)
            self.pipes.append(mine)

    def stop(self) -> None:
        # Closing its pipe ends a worker (it keeps the regexes it compiled);
        # one still busy after a moment (an error or Ctrl-C cut the run short)
        # is terminated.
        for pipe in self.pipes:
            pipe.close()
        for process in self.processes:
            process.join(timeout=1)
            if process.is_alive():
                process.terminate()
                process.join()


def _serve(pipe, setup: Linter | tuple, inherited: list) -> None:
    """A worker: lint each batch of tasks received and answer {number: result
    or the exception raised}, until the pipe closes."""
    import signal

    from newslint import regexcache

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    for connection in inherited:
        connection.close()
    linter = setup if isinstance(setup, Linter) else Linter(*setup)
    while True:
        try:
            batch = pipe.recv()
        except EOFError:
            regexcache.save()  # a worker leaves by os._exit: no atexit
            return
        answer = {number: _lint(linter, path, data, key) for number, path, data, key in batch}
        try:
            pipe.send(answer)
        except Exception:  # an exception that cannot be pickled: send its text
            pipe.send({number: _plain(result) for number, result in answer.items()})


def _lint(linter: Linter, path: Path, data: bytes | None, key: str) -> FileResult | Exception:
    try:
        return linter.lint_file(path) if data is None else linter.lint_read(path, data, key)
    except Exception as err:  # the main process raises it when this file's turn comes
        return err


def _plain(result: FileResult | Exception) -> FileResult | Exception:
    if isinstance(result, Exception):
        return RuntimeError(f"{type(result).__name__}: {result}")
    return result
