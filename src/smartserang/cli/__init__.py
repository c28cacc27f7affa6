"""The command line: ``smartserang`` and its commands, one module each.

Modules, in the order a run passes through them:

- ``common``: the app, exit codes, shared options, and the ways out: ``on_bad_input``
  (an ``InputError`` printed, exit 2), ``guard_outputs`` (no output over an input) and
  ``write_output`` (a result in the asked format);
- ``score`` (``score``, ``sets``, ``schema``), ``check`` (``check``, ``baseline``), ``diff``,
  ``importer`` (``import``), ``template``: the commands, each calling the pipeline in
  ``smartserang.session`` and never another command's module;
- ``outputs``: every command's formats in one table (``render_output``), above the
  reporters of ``report``, ``compare`` and ``gate``;
- ``terminal``: the text format, drawn with rich;
- ``streams``: stdout and stderr: control characters escaped, full disks, closed pipes,
  terminals in other encodings;
- ``language``: the run's language, read from the raw arguments and the environment
  before the help pages are built; ``usage``: the framework's own words (the help pages'
  frame, usage errors) in that language.

Importing a command module registers its commands. ``main`` is the console script: it
turns Ctrl-C (SIGINT) and SIGTERM into a short message and exit 130 or 143, after the
program has unwound, so that ``finally`` blocks run and no temporary file is left behind.
While this package is imported (the console script's first step, about 0.15 s), nothing
needs undoing yet: a signal then ends the process at once with the same message and code.
It also prints the parser's usage errors in the run's language (``usage``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from types import FrameType
from typing import NoReturn

# Both small: the words a signal at start-up ends with are at hand before it can come.
from smartserang.catalogue.commands import TEXTS as _TEXTS
from smartserang.cli.language import LANG

_STOPPED: dict[int, bytes] = {
    signum: ("smartserang: " + _TEXTS[key][LANG] + "\n").encode("utf-8", "replace")
    for signum, key in ((signal.SIGINT, "interrupted"), (signal.SIGTERM, "terminated"))
}
"""The line a run ends with after SIGINT or SIGTERM, in the run's language."""


def _quit_while_starting(signum: int, frame: FrameType | None) -> None:
    with contextlib.suppress(OSError):  # no stderr: the exit code still tells
        os.write(2, _STOPPED[signum])
    os._exit(128 + signum)


_STARTING = threading.current_thread() is threading.main_thread()
if _STARTING:
    _BEFORE = {s: signal.signal(s, _quit_while_starting) for s in (signal.SIGINT, signal.SIGTERM)}

# isort: off
from smartserang.cli.common import EXIT_BAD_INPUT, EXIT_INTERRUPTED, app, stderr  # noqa: E402
from smartserang.cli.streams import EXIT_PIPE  # noqa: E402
from smartserang.cli.usage import is_usage_error, show_usage_error  # noqa: E402
import typer  # noqa: E402

# Importing a command module registers its commands on ``app``, in the order ``--help``
# lists them: scoring first, then the gate, the comparison and the workbook writers.
from smartserang.cli import score, check, diff, importer, template  # noqa: E402, F401
# isort: on

# A library importing the package keeps its own handlers; the console script goes on to
# ``main``, which installs its own at once.
if _STARTING and os.path.basename(sys.argv[0]) != "smartserang":
    for _signum, _handler in _BEFORE.items():
        signal.signal(_signum, _handler)

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
    if hasattr(signal, "SIGXFSZ"):
        # A file past the size limit (ulimit -f) is then an error where it is written
        # (EFBIG: "File too large", located), not a process killed without a word.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    _tolerant_stdout()
    try:
        # Not standalone: a usage error comes back here, to be said in the run's language.
        done = app(standalone_mode=False)
    except SystemExit as ended:
        if ended.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
            _leave(EXIT_PIPE)  # the framework's own output (--help) met a closed pipe
        _leave(ended.code)
    except (Stopped, KeyboardInterrupt) as stop:
        if isinstance(stop, Stopped) and stop.signum == signal.SIGTERM:
            stderr(_stopped(signal.SIGTERM))
            sys.exit(EXIT_TERMINATED)
        stderr(_stopped(signal.SIGINT))
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:
        # Only the framework's own writes (--help, usage, completion) reach here: the
        # commands write stdout through ``streams.write_stdout`` and files through
        # ``files.write_atomic``, each turning an OSError into a located message.
        if error.errno not in _OUTPUT_ERRORS:
            raise
        if error.errno == errno.EPIPE:
            _leave(EXIT_PIPE)
        _stdout_failed(error)
        _leave(EXIT_BAD_INPUT)
    except typer.Abort:  # the framework's end of input at a prompt (none is asked)
        stderr(_stopped(signal.SIGINT))
        _leave(1)
    except Exception as error:
        if not is_usage_error(error):
            raise
        _leave(show_usage_error(error))
    if done == EXIT_INTERRUPTED:  # Typer turns a stray Ctrl-C into a silent exit 130
        stderr(_stopped(signal.SIGINT))
    _leave(done if isinstance(done, int) else None)


def _stopped(signum: int) -> str:
    """The line a run stopped by ``signum`` ends with (see ``_STOPPED``)."""
    return _STOPPED[signum].decode("utf-8").rstrip("\n")


def _stdout_failed(error: OSError) -> None:
    """Say that stdout could not be written, and why."""
    from smartserang.i18n import message

    reason = message("output_cannot_write", LANG, reason=error.strerror or str(error))
    stderr(f"stdout: {reason} [output.write]")


_OUTPUT_ERRORS = frozenset(
    code
    for code in (errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EBADF)
    + ((errno.EDQUOT,) if hasattr(errno, "EDQUOT") else ())
)
"""The errors a write to stdout meets: a closed pipe, a full disk or quota, a failing
device, a file past its size limit, a stream that is not open."""


def _tolerant_stdout() -> None:
    """Text the framework writes to a stdout in a narrow encoding (ISO-8859-1, ASCII):
    what it cannot hold becomes ``?`` instead of an error."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    if stream is not None and not encoding.startswith("utf"):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


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
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as error:  # what the framework left unflushed could not be written
        if status == 0:
            status = EXIT_PIPE if error.errno == errno.EPIPE else EXIT_BAD_INPUT
            if status == EXIT_BAD_INPUT:
                _stdout_failed(error)
    except ValueError:  # closed
        pass
    # stderr: a closed pipe or stream, nothing more can be said
    with contextlib.suppress(AttributeError, OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)
