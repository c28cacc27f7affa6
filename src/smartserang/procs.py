"""What the program asks of its process: a pool of workers, and the cycle collector paused.

``collector_paused`` pauses Python's cycle collector around work that makes millions of
acyclic objects (reading and scoring a large register, comparing two).

``in_processes`` runs one callable over a list of items in a pool of worker processes
and gives the results back in input order. It has two users: ``map_workbooks``, for a
province's roll-up (hundreds of independent read-and-score tasks, one per workbook), and
the workbook reader, which reads each large register sheet past the largest in a process
of its own (``smartserang.workbook.reader``). Each task gets a small item (a path, a sheet
title), never data, and returns only what the caller keeps.

Start method: on Linux, ``fork``. The parent has imported the code and loaded what the
task needs (the indicator sets, the checked zip) before the pool starts, so each forked
worker begins with them in place: no second import, nothing pickled on the way in. A fork
is safe while the parent has one thread; the pool forks all its workers at its first
task, before it starts its own manager thread (and before any progress bar's or scan's),
which also keeps Python 3.12+'s warning about forking a multi-threaded process away.
Elsewhere the platform's default (spawn) is used: the task is pickled once per worker.

Interrupts: a Ctrl-C at a terminal reaches the whole process group. SIGINT and SIGTERM
are blocked while the workers are forked, so that none gets one before it has set its
own handlers (it would run this process's, which unwind a second copy of the command);
workers then ignore SIGINT and die of SIGTERM. The parent's signal handler raises in it,
it terminates its own workers (never another process) and lets the exception rise to the
CLI, which prints one line and exits 130 (143 after SIGTERM).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
A = TypeVar("A")

CHUNKS_PER_WORKER = 8
"""Tasks go to workers in chunks; about this many per worker balances the load at the end."""
MAX_CHUNK = 16
"""No more workbooks than this in one chunk."""
STOPS = frozenset({signal.SIGINT, signal.SIGTERM})
"""The signals that stop a run (see ``smartserang.cli.main``)."""


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

    With one job (or one path) the tasks run in this process, with no pool. Otherwise see
    ``in_processes``, which this is with chunks sized for an even finish.
    """
    workers = min(jobs, len(paths))
    if workers <= 1:
        yield (task(path) for path in paths)
        return
    with in_processes(task, paths, workers, chunk_size(len(paths), workers)) as results:
        yield results


@contextlib.contextmanager
def in_processes(
    task: Callable[[A], T], items: Sequence[A], workers: int, chunk: int = 1
) -> Iterator[Iterator[T]]:
    """An iterator of ``task(item)`` for every item, in input order, computed by a pool of
    ``workers`` processes (forked on Linux) that get the items ``chunk`` at a time.

    The workers start on entry, before the caller can start any thread. Leaving the block
    ends the pool and reaps its workers: after the last result, or early (on an
    exception such as ``KeyboardInterrupt``, or with results left unread), which
    terminates them. Raises :class:`WorkerLost` if a
    worker dies; whatever ``task`` raises rises here too, at its item.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(task,)
    )
    ours: list[BaseProcess] = []
    futures: list[Future[list[object]]] = []
    try:
        futures = _submit(pool, items, chunk, ours)
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
    else:
        if not all(future.done() for future in futures):  # left early: no one will read them
            _end(ours)
    finally:
        pool.shutdown(wait=True)


def _submit(
    pool: ProcessPoolExecutor, items: Sequence[object], chunk: int, ours: list[BaseProcess]
) -> list[Future[list[object]]]:
    """Send every chunk of ``items`` to the pool; ``ours`` gets the pool's processes."""
    import multiprocessing

    chunks = [items[i : i + chunk] for i in range(0, len(items), chunk)]
    before = set(multiprocessing.active_children())
    # Blocked while the workers are forked (see the module's docstring), and until
    # ``ours`` is complete: this process waits for the unblock to handle either signal.
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        # The first submission forks every worker; the pool's manager thread starts after.
        return [pool.submit(_run, part) for part in chunks]
    finally:
        ours.extend(p for p in multiprocessing.active_children() if p not in before)
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


_worker_task: list[Callable[[Any], object]] = []
"""This worker process's task, set once when it starts (a list: no ``global`` needed)."""


def _start_worker(task: Callable[[Any], object]) -> None:
    _worker_task[:] = [task]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The parent's SIGTERM handler unwinds the CLI; a worker the parent terminates must
    # simply end.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)


def _run(items: Sequence[object]) -> list[object]:
    (task,) = _worker_task
    return [task(item) for item in items]


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


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for the block; nested pauses resume at the outermost.

    Reading a 100k-row register and scoring it allocate millions of lists, tuples and
    sets, none of them in a reference cycle. With the collector running, every so many
    allocations it rescans everything alive, and the collections of the oldest
    generation grow with the heap (measured at 100k rows: a tenth of a run's CPU time).
    Nothing these phases make needs the collector: plain reference counting frees it.

    Once resumed, the collector would still scan every object made in the block once,
    as the youngest objects (a quarter of a second at 100k rows): they are moved to the
    oldest generation instead, by freezing and unfreezing every object, unless objects
    were frozen before (then the new ones stay frozen with them).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            frozen_before = gc.get_freeze_count()
            gc.freeze()
            if not frozen_before:
                gc.unfreeze()
            gc.enable()
