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

Workers that cannot take the machine down: with ``address_space``, each worker may map
at most that many bytes (``RLIMIT_AS``). A reader that asks for more (python-calamine
trusting a count in a crafted file) fails in that worker alone, which dies or raises
``MemoryError``, however much it asked for.

A worker that dies does not end the run. The items it was working on are known (each
worker marks in shared memory the item it starts and the items it finishes); once the
pool has ended, each of them is run again alone, in a pool of one, and the items not
yet started go to a new pool. An item whose lone process dies too is the one that kills
its process: ``lost(item, how)`` stands for its result, or, without ``lost``,
``WorkerLost`` is raised naming it.

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.process import BaseProcess

T = TypeVar("T")
A = TypeVar("A")

CHUNKS_PER_WORKER = 8
"""Tasks go to workers in chunks; about this many per worker balances the load at the end."""
MAX_CHUNK = 16
"""No more workbooks than this in one chunk."""
STOPS = frozenset({signal.SIGINT, signal.SIGTERM})
"""The signals that stop a run (see ``smartserang.cli.main``)."""
CRASHES = frozenset({signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL})
"""What a process dies of when the code in it fails (a reader that aborts on an
allocation it cannot make, a fault in compiled code), rather than being stopped."""
_DONE = -1
"""In the shared marks: the item's task has returned."""


class WorkerLost(Exception):
    """A worker process ended without returning its results (killed, out of memory)."""

    def __init__(self, how: str, item: object = None, exitcode: int | None = None) -> None:
        self.how = how
        """How the process ended: ``SIGABRT, signal 6``, ``exit status 3``."""
        self.item = item
        """The item it was working on, when known."""
        self.exitcode = exitcode
        """Its exit code as ``multiprocessing`` gives it (a negative signal number)."""
        super().__init__(self.said("en"))

    def said(self, lang: str) -> str:
        """What happened, in ``lang`` (``str()`` gives it in English)."""
        from smartserang.i18n import message

        how = ended(self.exitcode, lang) if self.how == ended(self.exitcode, "en") else self.how
        if self.item is None:
            return message("worker_lost", lang, how=how)
        return message("worker_lost_item", lang, how=how, item=str(self.item))

    @property
    def crashed(self) -> bool:
        """Whether the process died of a fault in the code it ran (see ``CRASHES``)."""
        return self.exitcode is not None and -self.exitcode in CRASHES


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
    task: Callable[[Path], T],
    paths: Sequence[Path],
    jobs: int,
    lost: Callable[[Path, str], T] | None = None,
    address_space: int | None = None,
) -> Iterator[Iterator[T]]:
    """An iterator of ``task(path)`` for every path, in input order, on up to ``jobs`` processes.

    With one job (or one path) the tasks run in this process, with no pool. Otherwise see
    ``in_processes``, which this is with chunks sized for an even finish: a workbook whose
    process dies gives ``lost(path, how)``, and each worker may map ``address_space``
    bytes at most.
    """
    workers = min(jobs, len(paths))
    if workers <= 1:
        yield (task(path) for path in paths)
        return
    chunk = chunk_size(len(paths), workers)
    with in_processes(
        task, paths, workers, chunk, lost=lost, address_space=address_space
    ) as results:
        yield results


@contextlib.contextmanager
def in_processes(
    task: Callable[[A], T],
    items: Sequence[A],
    workers: int,
    chunk: int = 1,
    *,
    lost: Callable[[A, str], T] | None = None,
    address_space: int | None = None,
) -> Iterator[Iterator[T]]:
    """An iterator of ``task(item)`` for every item, in input order, computed by a pool of
    ``workers`` processes (forked on Linux) that get the items ``chunk`` at a time.

    The workers start on entry, before the caller can start any thread. Leaving the block
    ends the pool and reaps its workers: after the last result, or early (on an
    exception such as ``KeyboardInterrupt``, or with results left unread), which
    terminates them. An item whose process dies, alone, gives ``lost(item, how)``; without
    ``lost``, :class:`WorkerLost` is raised naming it. Whatever ``task`` raises rises here
    too, at its item. ``address_space``: the bytes each worker may map (see the module).
    """
    runs = _Runs(task, workers, address_space)
    try:
        submitted = _submit(runs, list(range(len(items))), items, chunk)  # started now
        yield _in_order(runs, submitted, items, lost)
    except BaseException:  # KeyboardInterrupt above all
        runs.end()
        raise
    finally:
        runs.close()


@dataclass
class _Runs(Generic[A, T]):
    """The pools of one ``in_processes`` call: the first, and any started after a death."""

    task: Callable[[A], T]
    workers: int
    address_space: int | None
    pools: list[_Pool] = field(default_factory=list)

    def start(self, count: int, workers: int) -> _Pool:
        pool = _Pool(self.task, count, min(workers, count), self.address_space)
        self.pools.append(pool)
        return pool

    def end(self) -> None:
        """Terminate every worker still running (only ours)."""
        for pool in self.pools:
            pool.end()

    def close(self) -> None:
        """End every pool and reap its workers; those left with work are terminated."""
        for pool in self.pools:
            if not pool.finished():
                pool.end()
            pool.close()


_Submitted: TypeAlias = "tuple[_Pool, list[list[int]], list[Future[list[object]]]]"
"""A pool, the parts of the items it was given, and their futures."""


def _submit(
    runs: _Runs[A, T], indices: list[int], items: Sequence[A], chunk: int
) -> _Submitted | None:
    """The items at ``indices`` given, ``chunk`` at a time, to a pool started now (so that
    the workers run while the caller does its own work before it asks for a result)."""
    if not indices:
        return None
    pool = runs.start(len(items), runs.workers)
    parts = [indices[i : i + chunk] for i in range(0, len(indices), chunk)]
    return pool, parts, pool.submit(parts, items)


def _in_order(
    runs: _Runs[A, T],
    submitted: _Submitted | None,
    items: Sequence[A],
    lost: Callable[[A, str], T] | None,
) -> Iterator[T]:
    """``task(item)`` for the items submitted, in their order, recovering from deaths."""
    if submitted is None:
        return
    pool, parts, futures = submitted
    for number, future in enumerate(futures):
        try:
            values = future.result()
        except _broken():
            yield from _recover(runs, pool, parts[number:], futures[number:], items, lost)
            return
        yield from cast("list[T]", values)


def _recover(
    runs: _Runs[A, T],
    pool: _Pool,
    parts: list[list[int]],
    futures: list[Future[list[object]]],
    items: Sequence[A],
    lost: Callable[[A, str], T] | None,
) -> Iterator[T]:
    """The results of ``parts`` after a worker of ``pool`` died: those sent back, the
    items in flight run again alone, and the others in a new pool."""
    pool.close()  # reaps every worker: each one's exit code is known
    known: dict[int, object] = {}
    for part, future in zip(parts, futures, strict=True):
        if future.done() and future.exception() is None:
            known.update(zip(part, future.result(), strict=True))
    waiting = [i for part in parts for i in part if i not in known]
    suspects = [i for i in waiting if pool.died_on(i)]
    again = [i for i in waiting if i not in suspects]
    for index in suspects:  # one at a time, each alone: a second death names the item
        alone = runs.start(len(items), 1)
        (future,) = alone.submit([[index]], items)
        try:
            (known[index],) = future.result()
        except _broken():
            alone.close()
            how, code = alone.how_ended()
            if lost is None:
                raise WorkerLost(how, items[index], code) from None
            known[index] = lost(items[index], how)
    rest = iter(_in_order(runs, _submit(runs, again, items, 1), items, lost))
    for index in (i for part in parts for i in part):
        yield cast(T, known[index] if index in known else next(rest))


def _broken() -> type[Exception]:
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool


class _Pool:
    """One ``ProcessPoolExecutor``, its workers, and the marks they leave in shared memory."""

    def __init__(
        self, task: Callable[[Any], object], count: int, workers: int, address_space: int | None
    ) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
        # Per item: 0 not started, the pid of the worker running it, _DONE once computed.
        self.marks = context.Array("q", count, lock=False)
        self.executor = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(task, self.marks, address_space),
        )
        self.processes: list[BaseProcess] = []
        self.futures: list[Future[list[object]]] = []

    def submit(self, parts: list[list[int]], items: Sequence[object]) -> list[Future[list[object]]]:
        """Send every part (indices into ``items``) to the pool."""
        # Blocked while the workers are forked (see the module's docstring), and until
        # ``processes`` is complete: this process waits for the unblock to handle either.
        masked = hasattr(signal, "pthread_sigmask")
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        try:
            # The first submission forks every worker; the pool's manager thread starts after.
            for part in parts:
                self.futures.append(self._submit_part([(i, items[i]) for i in part]))
            return self.futures
        finally:
            # The pool's own table of its workers (CPython's ``_processes``), where one
            # that died at once is still listed with its exit code.
            own: dict[int, BaseProcess] = getattr(self.executor, "_processes", None) or {}
            self.processes.extend(p for p in own.values() if p not in self.processes)
            if masked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)

    def _submit_part(self, part: list[tuple[int, object]]) -> Future[list[object]]:
        """The future of one part; a part the pool refuses because a worker already died
        (one that died at once) gets a future failed as the pool's, for ``_recover``: its
        items never started, so they go to a new pool."""
        from concurrent.futures import Future

        try:
            return self.executor.submit(_run, part)
        except _broken() as exc:
            refused: Future[list[object]] = Future()
            refused.set_exception(exc)
            return refused

    def finished(self) -> bool:
        return all(future.done() for future in self.futures)

    def died_on(self, index: int) -> bool:
        """Whether item ``index`` was running in a worker that died by itself (not one
        the pool terminated once another had died)."""
        pid = self.marks[index]
        if pid in (0, _DONE):
            return False
        process = next((p for p in self.processes if p.pid == pid), None)
        return process is None or process.exitcode != -signal.SIGTERM

    def how_ended(self) -> tuple[str, int | None]:
        """How the first worker that died ended, in words and as an exit code."""
        codes = [p.exitcode for p in self.processes if p.exitcode not in (None, 0)]
        code = next((c for c in codes if c != -signal.SIGTERM), codes[0] if codes else None)
        return _ended(code), code

    def end(self) -> None:
        """Terminate the pool's workers (and only them)."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()

    def close(self) -> None:
        # Futures are never cancelled: Python 3.11's pool fails on a cancelled future when
        # it finds its workers gone. Terminated workers break the pool, which then fails
        # the pending futures itself.
        self.executor.shutdown(wait=True)


def ended(code: int | None, lang: str) -> str:
    """How a process with exit code ``code`` (``multiprocessing``'s: a negative signal
    number) ended, in ``lang``: ``SIGABRT, signal 6``, ``exit status 3``."""
    from smartserang.i18n import message

    if code is None:
        return message("process_no_exit_status", lang)
    if code >= 0:
        return message("process_exit_status", lang, code=code)
    try:
        name = signal.Signals(-code).name
    except ValueError:
        return message("process_signal", lang, number=-code)
    return message("process_signal_named", lang, name=name, number=-code)


def _ended(code: int | None) -> str:
    """How a process ended, in English: the words a problem's values carry."""
    return ended(code, "en")


_worker: list[Any] = []
"""This worker process's task and shared marks, set once when it starts."""


def _start_worker(task: Callable[..., object], marks: Any, address_space: int | None) -> None:
    _worker[:] = [task, marks]
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # The parent's SIGTERM handler unwinds the CLI; a worker the parent terminates must
    # simply end.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    if address_space is not None:
        limit_address_space(address_space)


def _run(items: Sequence[tuple[int, object]]) -> list[object]:
    task, marks = _worker
    pid = os.getpid()
    results = []
    for index, item in items:
        marks[index] = pid
        results.append(task(item))
        marks[index] = _DONE  # a death now would lose it unsent: it is run again, not suspected
    return results


class Forked:
    """One forked child running ``task()`` with at most ``address_space`` bytes mapped,
    its messages sent back through a pipe (``send`` in the child, ``receive`` here).

    For work that must share the memory of the process that forks it (a workbook
    python-calamine has laid out, handed to a second reader), which a pool cannot. The
    child sets its signals as a pool's workers do, never returns into the caller's code
    (it leaves with ``os._exit``), and is ended and reaped by ``close``.
    """

    def __init__(self, task: Callable[[Forked], object], address_space: int | None) -> None:
        read, self._write = os.pipe()
        masked = hasattr(signal, "pthread_sigmask")
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        self._cut = False
        """(In the child.) A message was cut short: nothing more may follow it."""
        self.pid = os.fork()
        if self.pid == 0:  # the child
            code = 0
            try:
                os.close(read)
                _start_worker(task, None, address_space)
                self._send(("done", task(self)))
            except BaseException as exc:  # any failure goes back as a message, if it can
                try:
                    if self._cut:  # the parent reads the pipe's end instead
                        raise
                    self._send(("failed", f"{type(exc).__name__}: {exc}"))
                except BaseException:
                    code = 1
            finally:
                os._exit(code)
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
        os.close(self._write)
        self._read = os.fdopen(read, "rb")
        self.status: int | None = None

    def send(self, message: object) -> None:
        """(In the child.) Send ``message`` to the parent (``receive`` gives it there)."""
        self._send(("message", message))

    def _send(self, message: tuple[str, object]) -> None:
        try:
            send_pickled(self._write, message)
        except BaseException:
            self._cut = True
            raise

    def receive(self) -> object:
        """The child's next message; raises ``WorkerLost`` once it ended without one, or
        in the middle of one (``how`` it ended), ``RuntimeError`` for a task that failed."""
        try:
            kind, value = receive_pickled(self._read)
        except EOFError:
            code = self.close()
            raise WorkerLost(_ended(code), exitcode=code) from None
        if kind == "failed":
            raise RuntimeError(value)
        return value

    def close(self) -> int | None:
        """End the child if it still runs, reap it; its exit code (negative: a signal)."""
        if self.status is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid == 0:
                    os.kill(self.pid, signal.SIGTERM)
                    _, status = os.waitpid(self.pid, 0)
                self.status = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                self.status = 0
            self._read.close()
        return self.status


def send_pickled(out: int, message: object) -> None:
    """Write ``message`` pickled to the pipe ``out`` as it is pickled: the pickler hands
    each 64 KiB frame on when it is full, so that the reader (``receive_pickled``)
    unpickles a large register while it is still being pickled, on another core."""
    import pickle

    with os.fdopen(os.dup(out), "wb") as stream:
        pickle.dump(message, stream, protocol=5)


def receive_pickled(stream: IO[bytes]) -> Any:
    """The next message written by ``send_pickled`` on ``stream``, unpickled as it
    arrives; ``EOFError`` when the writer ended before it, or in the middle of it (the
    writer died, or failed while pickling and wrote on: whatever the bytes then make the
    unpickler raise)."""
    import pickle

    try:
        return pickle.load(stream)
    except EOFError:
        raise
    except Exception as exc:  # a message cut short: never a value
        raise EOFError(f"{type(exc).__name__}: {exc}") from exc


def limit_address_space(size: int) -> None:
    """Let this process map at most ``size`` bytes (never more than its hard limit), so
    that an allocation past it fails here instead of taking the machine's memory."""
    try:
        import resource
    except ImportError:  # not on this platform: the other checks still hold
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        size = min(size, hard)
    resource.setrlimit(resource.RLIMIT_AS, (size, hard))


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
