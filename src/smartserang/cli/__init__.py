"""The command line: ``smartserang`` and its commands, one module each.

Modules, in the order a run passes through them:

- ``common``: the app, exit codes, shared options, and the two ways out: ``on_bad_input``
  (an ``InputError`` printed, exit 2) and ``write_output`` (a result in the asked format);
- ``score`` (``score``, ``sets``, ``schema``), ``check`` (``check``, ``baseline``), ``diff``,
  ``importer`` (``import``), ``template``: the commands, each calling the pipeline in
  ``smartserang.session`` and never another command's module;
- ``terminal``: the text format, drawn with rich.

Importing a command module registers its commands. ``main`` is the console script: it
turns Ctrl-C (SIGINT) and SIGTERM into a short message and exit 130 or 143, after the
program has unwound, so that ``finally`` blocks run and no temporary file is left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from smartserang.cli.common import EXIT_INTERRUPTED, app, stderr

# Importing a command module registers its commands on ``app``, in the order ``--help``
# lists them: scoring first, then the gate, the comparison and the workbook writers.
# isort: off
from smartserang.cli import score, check, diff, importer, template  # noqa: F401
# isort: on

__all__ = ["Stopped", "app", "main"]

EXIT_TERMINATED = 128 + signal.SIGTERM
"""Exit code after SIGTERM (143), as a shell reports a process the signal ended."""


class Stopped(BaseException):
    """SIGINT or SIGTERM, raised wherever the program is when the signal arrives.

    A ``BaseException`` like ``KeyboardInterrupt``, so no ``except Exception`` swallows it;
    but not a ``KeyboardInterrupt``, which the command framework would turn into a silent
    exit. Unwinding runs every ``finally`` and ``except BaseException`` cleanup on the way
    (``files.write_atomic`` removes its temporary file).
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: FrameType | None) -> None:
    # A second signal while the first unwinds must not cut the cleanup short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise Stopped(signum)


def main() -> None:
    """Console-script entry point."""
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        app()
    except SystemExit as done:
        if done.code == EXIT_INTERRUPTED:  # Typer turns a stray Ctrl-C into a silent exit 130
            stderr("smartserang: interrupted")
        _leave(done.code)
    except (Stopped, KeyboardInterrupt) as stop:
        if isinstance(stop, Stopped) and stop.signum == signal.SIGTERM:
            stderr("smartserang: terminated")
            sys.exit(EXIT_TERMINATED)
        stderr("smartserang: interrupted")
        sys.exit(EXIT_INTERRUPTED)


def _leave(code: object) -> NoReturn:
    """Exit with ``code`` (as ``SystemExit`` takes it) without tearing the interpreter down.

    A run that read a 100k-row register holds millions of objects, and freeing them one
    by one at exit took 0.4 s, longer than scoring. Everything the program writes is
    written and flushed by now (a file through ``files.write_atomic``, which has renamed
    it in place), every pool and thread is shut down by the code that started it, and no
    exit handler of ours is left to run: output streams are flushed, then the process ends.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # SystemExit("message"): the message on stderr, exit 1, as Python does
        stderr(str(code))
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe or stream: nothing more can be said
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
