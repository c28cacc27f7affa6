"""Running one task per workbook over many workbooks, on every core.

A province's roll-up is hundreds of independent read-and-score tasks. They run in a pool
of worker processes, one per core this process may use unless told otherwise; each task
gets a workbook's path (never its data) and returns only what the caller keeps, so the
parent holds small results, never an inventory. Results come back in input order,
whatever the number of workers, so the output is the same bytes with one or many.

Start method: on Linux, ``fork``. The parent has imported the scoring code and loaded the
indicator sets before the pool starts, so each forked worker begins with them in place:
no second import of them, no set loading, nothing pickled on the way in. A fork is safe
while the parent has one thread; the pool forks all its workers at its first task, before
it starts its own manager thread (and before any progress bar's), which also keeps Python
3.12+'s warning about forking a multi-threaded process away. Elsewhere the platform's
default (spawn) is used: the task is pickled once per worker, not per workbook.

Interrupts: a Ctrl-C at a terminal reaches the whole process group. Workers ignore it;
the parent's signal handler raises in it, it terminates its workers and lets the
exception rise to the CLI, which prints one line and exits 130 (143 after SIGTERM).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.process import BaseProcess

T = TypeVar("T")

CHUNKS_PER_WORKER = 8
"""Tasks go to workers in chunks; about this many per worker balances the load at the end."""
MAX_CHUNK = 16
"""No more workbooks than this in one chunk."""


class WorkerLost(Exception):
    """A worker process ended without returning its results (killed, out of memory)."""


def default_jobs() -> int:
    """How many processes to use by default: the CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):  # honours taskset and container CPU sets
        return len(os.sched_getaffinity(0)) or 1
    count: Callable[[], int | None] = getattr(os, "process_cpu_count", os.cpu_count)
    return count() or 1


def chunk_size(tasks: int, workers: int) -> int:
    """Tasks per chunk sent to a worker: fewer round trips, and still an even finish."""
    return max(1, min(MAX_CHUNK, tasks // (workers * CHUNKS_PER_WORKER)))


@contextlib.contextmanager
def map_workbooks(
    task: Callable[[Path], T], paths: Sequence[Path], jobs: int
) -> Iterator[Iterator[T]]:
    """An iterator of ``task(path)`` for every path, in input order, on up to ``jobs`` processes.

    With one job (or one path) the tasks run in this process, with no pool. Otherwise the
    workers start on entry, before the caller can start any thread (a progress bar's).
    Leaving the block ends the pool: after the last result, or early on an exception such
    as ``KeyboardInterrupt``, which terminates the workers. Raises :class:`WorkerLost` if a
    worker dies; whatever ``task`` raises rises here too.
    """
    workers = min(jobs, len(paths))
    if workers <= 1:
        yield (task(path) for path in paths)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(task,)
    )
    ours: list[BaseProcess] = []
    try:
        futures = _submit(pool, paths, workers, ours)
        yield (cast(T, result) for future in futures for result in future.result())
    except BrokenProcessPool as error:
        pool.shutdown(wait=True)  # the pool ends and reaps the others: exit codes are known
        raise WorkerLost(_lost(ours)) from error
    except BaseException:  # KeyboardInterrupt above all
        # Futures are never cancelled: Python 3.11's pool fails on a cancelled future
        # when it finds its workers gone. Terminated workers break the pool, which then
        # fails the pending futures itself.
        _end(ours)
        raise
    finally:
        pool.shutdown(wait=True)


def _submit(
    pool: ProcessPoolExecutor, paths: Sequence[Path], workers: int, ours: list[BaseProcess]
) -> list[Future[list[object]]]:
    """Send every chunk of ``paths`` to the pool; ``ours`` gets the pool's processes."""
    import multiprocessing

    size = chunk_size(len(paths), workers)
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    before = set(multiprocessing.active_children())
    # SIGINT and SIGTERM stay blocked while the workers are forked, so that none of them
    # can get one before it has set its own handlers (it would run this process's, which
    # unwind the CLI with a traceback), and ``ours`` is complete before either signal
    # can interrupt this process (it waits for the unblock).
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        # The first submission forks every worker; the pool's manager thread starts after.
        return [pool.submit(_run, chunk) for chunk in chunks]
    finally:
        ours.extend(p for p in multiprocessing.active_children() if p not in before)
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


_STOPS = {signal.SIGINT, signal.SIGTERM}
"""The signals that stop a run (see ``smartserang.cli.main``)."""
_worker_task: list[Callable[[Path], object]] = []
"""This worker process's task, set once when it starts (a list: no ``global`` needed)."""


def _start_worker(task: Callable[[Path], object]) -> None:
    _worker_task[:] = [task]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The parent's SIGTERM handler unwinds the CLI; a worker the parent terminates must
    # simply end.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)


def _run(paths: Sequence[Path]) -> list[object]:
    (task,) = _worker_task
    return [task(path) for path in paths]


def _end(processes: list[BaseProcess]) -> None:
    """Terminate the pool's workers (and only them)."""
    for process in processes:
        if process.is_alive():
            process.terminate()


def _lost(processes: list[BaseProcess]) -> str:
    codes = {p.exitcode for p in processes} - {None, 0}
    # The pool terminates the other workers once one dies: show how the first one ended.
    shown = sorted(c for c in codes - {-signal.SIGTERM} or codes if c is not None)
    how = ", ".join(f"signal {-c}" if c < 0 else f"exit status {c}" for c in shown)
    return f"a worker process ended unexpectedly ({how or 'no exit status'})"
