"""The standard streams: text made safe for a terminal or a log, and writing stdout and
stderr when the disk is full, the reader has gone or the terminal speaks another encoding.

- ``printable``: the one function that shows data text on a terminal or in a log. A
  workbook's cells, a set's words and file names may hold control characters: an escape
  sequence (``ESC ]0;…BEL`` retitles the terminal, ``ESC [2J`` clears it), a C1 control, a
  line break that forges a log line, a bidirectional override (U+202E) that reorders what
  is shown, a byte of a file name that is not UTF-8. Each is shown as an escape
  (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``) instead; every other character as it is.
- ``write_stdout``: the requested output. A full disk or a closed stdout is a located
  error (``stdout: cannot write: … [output.write]``, in the run's language; exit 2); a
  reader that has gone (``… | head -1``) ends the run quietly with exit 141, as a shell
  reports a Unix tool that a closed pipe stopped.
- ``write_stderr``: one line of diagnostics, made ``printable``. When stderr itself cannot
  be written there is no one left to tell: the line is dropped and the exit code stands.
- ``terminal_bytes``: the text format for stdout, in stdout's encoding. A terminal set
  to ISO-8859-1 or ASCII gets plain punctuation for the typographic marks and ``?`` for
  what it cannot show (rich draws the tables with ASCII lines there).
"""

from __future__ import annotations

import codecs
import errno
import re
import sys
from typing import NoReturn

import typer

EXIT_BAD_INPUT = 2
EXIT_PIPE = 141
"""Exit code when the reader of stdout has gone: 128 + SIGPIPE, as a shell reports it."""

_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 and C1 controls and DEL, the bidirectional marks, embeddings, overrides and
isolates, the Unicode line and paragraph separators, and lone surrogates (the bytes of
a file name that is not UTF-8)."""
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (see the module)."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (PEP 383)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def is_terminal(stream: object) -> bool:
    """Whether ``stream`` (``sys.stdout``, ``sys.stderr``) is a terminal; False when it
    is closed (``>&-`` makes it None)."""
    try:
        return bool(stream is not None and stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def write_stderr(line: str) -> None:
    """Write one line of diagnostics to stderr, made ``printable``."""
    try:
        sys.stderr.write(printable(line) + "\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass  # stderr is closed or full: the exit code still tells


def write_stdout(data: bytes) -> None:
    """Write ``data`` to stdout and flush it; exit 2 or 141 when it cannot be written."""
    stream = sys.stdout
    if stream is None:
        _cannot_write_stdout(None)
    try:
        stream.flush()  # text written earlier goes first
        stream.buffer.write(data)
        stream.flush()
    except OSError as error:
        _cannot_write_stdout(error)


def _cannot_write_stdout(error: OSError | None) -> NoReturn:
    from smartserang.cli.language import LANG
    from smartserang.i18n import message

    if error is not None and error.errno == errno.EPIPE:
        raise typer.Exit(EXIT_PIPE)
    reason = message("stdout_closed", LANG) if error is None else error.strerror or str(error)
    write_stderr(f"stdout: {message('output_cannot_write', LANG, reason=reason)} [output.write]")
    raise typer.Exit(EXIT_BAD_INPUT)


def write_lines(lines: list[str]) -> None:
    """Lines of text on stdout (``sets``, ``--version``), in stdout's encoding."""
    write_stdout(terminal_bytes("".join(line + "\n" for line in lines)))


_PLAIN = {
    "·": ".",
    "–": "-",
    "—": "-",
    "→": "->",
    "←": "<-",
    "…": "...",
    "≥": ">=",
    "≤": "<=",
    "×": "x",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "•": "*",
}
"""Typographic marks the summaries print, in ASCII for a terminal that cannot show them."""


def _plain_marks(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler ``smartserang.plain``: an ASCII mark, else ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = "".join(_PLAIN.get(c, "?") for c in error.object[error.start : error.end])
    return shown, error.end


codecs.register_error("smartserang.plain", _plain_marks)


def terminal_bytes(text: str) -> bytes:
    """``text`` in stdout's encoding: UTF-8 as a rule; in another, each character it
    cannot hold as an ASCII mark or ``?``."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, "smartserang.plain")
    except LookupError:
        return text.encode("utf-8", "replace")
