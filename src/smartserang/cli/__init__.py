"""The command line: ``smartserang`` and its commands, one module each.

``common`` holds the app, exit codes and output helpers; importing a command module
registers its commands. ``main`` is the console script: it turns Ctrl-C (SIGINT) and
SIGTERM into a short message and exit 130 or 143, after the program has unwound, so that
``finally`` blocks run and no temporary file is left behind.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

# Importing a command module registers its commands on ``app``.
from smartserang.cli import check, diff, importer, score, template  # noqa: F401
from smartserang.cli.common import EXIT_INTERRUPTED, app, stderr

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
        raise
    except (Stopped, KeyboardInterrupt) as stop:
        if isinstance(stop, Stopped) and stop.signum == signal.SIGTERM:
            stderr("smartserang: terminated")
            sys.exit(EXIT_TERMINATED)
        stderr("smartserang: interrupted")
        sys.exit(EXIT_INTERRUPTED)
