"""The files besides workbooks and sets: a run's inputs and the guard on its outputs,
outputs written atomically (a reader never sees half a file), a lock beside a file, JSON
documents read back with every problem located, and how a file's name is shown.

**The output guard.** A command notes each file it reads (``note_input``: the workbooks,
a folder of them, the CSV, a baseline or JSON result; the set loader notes every set file,
the bases of an ``extends`` chain included) and ``output_problems`` refuses an output that
is one of them. Files are compared by identity (device and inode), so a symbolic link, a
hard link, ``./x`` or ``../dir/x``, another letter case on a case-insensitive disk or a
bind mount of the same file are all the same input. A folder given as input may take an
output, unless its name is one the folder's scan would read as a workbook on the next run.
``write_atomic`` checks its target again when it writes, against every file read by then.

``read_text`` and ``parse_json`` are the one way a JSON input (a baseline, a ``score``
result given to ``diff``) is read; what its fields must hold is checked by its own reader
(``gate.baseline``, ``compare.documents``), which locates each wrong field.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from smartserang.i18n import Phrase
from smartserang.problems import InputError, Param, Problem

MAX_JSON_DEPTH = 64
"""How deep a JSON input may nest. A baseline or a ``score`` result nests about a dozen
levels; the readers walk the groups and a baseline's history recursively."""

Identity = tuple[int, int]
"""A file's device and inode: the same file under any name."""


# ------------------------------------------------------------------ names


_UNDECODED = re.compile(r"[\ud800-\udfff]")


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can be printed and written to any output.

    A name that is not valid UTF-8 reaches Python with its odd bytes as lone surrogates
    (PEP 383); each is shown as ``\\xNN``, the byte it stands for (``bad\\xff.xlsx``).
    """
    text = os.fspath(path)
    if not _UNDECODED.search(text):
        return text
    return _UNDECODED.sub(_undecoded_byte, text)


def _undecoded_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


@contextlib.contextmanager
def openable_name(path: str | os.PathLike[str]) -> Iterator[str]:
    """A name of ``path`` that a library taking UTF-8 paths (python-calamine) can open.

    A name that is UTF-8 is itself; one that is not (``bad\\xff.xlsx``) is opened here and
    given as the open file's ``/proc/self/fd/N`` alias, valid until the block ends (the
    library opens the file again through it and keeps its own handle).
    """
    text = os.fspath(path)
    folder = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else "/dev/fd"
    if not _UNDECODED.search(text) or not os.path.isdir(folder):
        yield text
        return
    handle = os.open(text, os.O_RDONLY)
    try:
        yield f"{folder}/{handle}"
    finally:
        os.close(handle)


# ------------------------------------------------------------------ the run's inputs


@dataclass(frozen=True)
class _Input:
    """A file or folder the run reads."""

    shown: str
    """Its name as given, shown in a refusal."""
    scanned: tuple[str, ...] = ()
    """For a folder of workbooks: the suffixes its scan reads as workbooks."""


class _Run:
    """The current run's inputs by identity; None outside a run (a library caller's)."""

    inputs: dict[Identity, _Input] | None = None


def begin_run() -> None:
    """Start noting inputs: the command line calls this once per command it runs."""
    _Run.inputs = {}


def note_input(path: str | os.PathLike[str], *, scanned: tuple[str, ...] = ()) -> None:
    """Note ``path`` as an input of the run (nothing outside a run).

    ``scanned``: for a folder given as input, the suffixes of the files its scan reads.
    A path that cannot be looked up is left to its reader, which reports it located.
    """
    if _Run.inputs is None:
        return
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return
    _Run.inputs.setdefault(_identity(info), _Input(display_name(path), scanned))


def _identity(info: os.stat_result) -> Identity:
    return (info.st_dev, info.st_ino)


def output_problems(
    path: Path, option: str, *, replacing: Path | None = None, appending: bool = False
) -> list[Problem]:
    """Why ``path`` may not be written as the output of ``option`` (empty: it may).

    Refused: a folder; a file the run reads (``replacing`` excepted: the one input an
    explicit ``--in-place`` replaces); a workbook's name inside a folder given as input;
    a device, pipe or socket, which a new file would replace (``/dev/null`` as root),
    unless the output is ``appending`` to it (``check --summary``).
    """
    shown = display_name(path)
    info = _stat(path)
    if info is not None and stat.S_ISDIR(info.st_mode):
        return [Problem.error(shown, "output_is_folder", "output.folder", option=option)]
    if info is not None and not appending and not stat.S_ISREG(info.st_mode):
        return [Problem.error(shown, "output_not_a_file", "output.folder", option=option)]
    inputs = _Run.inputs or {}
    if info is not None:
        allowed = _stat(replacing) if replacing is not None else None
        found = inputs.get(_identity(info))
        if found is not None and (allowed is None or _identity(allowed) != _identity(info)):
            return [
                Problem.error(
                    shown, "output_is_input", "output.input", option=option, input=found.shown
                )
            ]
    parent = _stat(path.parent if str(path.parent) else Path("."))
    folder = inputs.get(_identity(parent)) if parent is not None else None
    if (
        folder is not None
        and path.suffix.casefold() in folder.scanned
        and not path.name.startswith(("~$", "."))
    ):
        return [
            Problem.error(
                shown, "output_in_input_folder", "output.input", option=option, folder=folder.shown
            )
        ]
    return []


def stdout_problems() -> list[Problem]:
    """Why standard output may not be written: it is redirected to (or appended to) a
    file the run reads (``score in.xlsx -f json >> in.xlsx``)."""
    inputs = _Run.inputs
    if not inputs:
        return []
    try:
        info = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no stdout, or not a file
        return []
    found = inputs.get(_identity(info)) if stat.S_ISREG(info.st_mode) else None
    if found is None:
        return []
    return [Problem.error("stdout", "stdout_is_input", "output.input", input=found.shown)]


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except (OSError, ValueError):  # missing, a name too long, a NUL byte: nothing there
        return None


# ------------------------------------------------------------------ writing


def write_atomic(path: Path, data: bytes, *, option: str = "--output") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    ``InputError`` when ``path`` may not be written (``output_problems``: an input of the
    run, or a folder); ``OSError`` when the folder refuses the file.
    """
    problems = output_problems(path, option)
    if problems:
        raise InputError(problems)
    import tempfile  # here: the command line's start-up does not pay for it

    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{short_name(path)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp creates the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, _default_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def short_name(path: Path) -> str:
    """``path``'s name, shortened when long, for a file named after it beside it (a
    temporary file, a lock): with a dot and a suffix added, a name of 250 bytes would
    pass the 255 bytes most file systems allow. The same name gives the same result."""
    name = path.name
    if len(os.fsencode(name)) <= 120:
        return name
    import hashlib

    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:16]
    return f"{name[:60]}~{digest}"


@contextlib.contextmanager
def temporary_writes() -> Iterator[None]:
    """Turn a library's failure to write its temporary files into the ``OSError`` it
    stands for. openpyxl writes each sheet of a workbook it saves to a temporary file
    through lxml, which reports a full disk as ``SerialisationError("IO_ENOSPC")``."""
    try:
        yield
    except Exception as error:
        text = str(error)
        if type(error).__name__ != "SerialisationError" or not text.startswith("IO_"):
            raise
        import errno

        code = getattr(errno, text.removeprefix("IO_"), errno.EIO)
        import tempfile

        where = tempfile.gettempdir()
        raise OSError(code, f"{os.strerror(code)} (a temporary file in {where})") from None


def _default_mode(path: Path) -> int:
    """The existing file's mode, else 0666 less the process umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def lock_beside(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for writing ``path``: ``.<name>.lock`` beside it.

    Runs that read ``path``, change it and write it back (a baseline and its history)
    take turns: the second waits, then reads what the first wrote. The lock file is
    removed on release; a run that locked a file removed meanwhile locks again, so two
    runs never hold the lock at once. ``OSError`` when the folder takes no lock file.
    Without ``fcntl`` (Windows) runs do not wait for each other.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    lock = path.with_name(f".{short_name(path)}.lock")
    while True:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
            current = _stat(lock)
            if current is not None and _identity(current) == _identity(os.fstat(handle)):
                break
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)  # removed by the run that held it: lock the new one
    try:
        yield
    finally:
        # removed while still held, so that a run waiting on it locks the next file
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(handle)


# ------------------------------------------------------------------ why, worded

_OS_REASONS = {
    errno.ENOENT: "reason_not_found",
    errno.EISDIR: "reason_is_directory",
    errno.EACCES: "reason_permission",
    errno.EPERM: "reason_permission",
    errno.ENAMETOOLONG: "reason_name_too_long",
    errno.ENOTDIR: "reason_not_directory",
    errno.ENOSPC: "reason_no_space",
    errno.EDQUOT: "reason_no_space",
    errno.EROFS: "reason_read_only",
    errno.EEXIST: "reason_exists",
}


def os_reason(error: OSError) -> Phrase:
    """Why the system refused, in the reader's words: the usual causes each worded, any
    other with the system's own text quoted."""
    key = _OS_REASONS.get(error.errno or 0)
    if key is not None:
        return Phrase.of(key)
    return Phrase.of("reason_system", reason=error.strerror or str(error) or type(error).__name__)


# ------------------------------------------------------------------ reading JSON


def read_text(path: Path, code: str) -> str:
    """The text of a UTF-8 file (a byte-order mark dropped); ``InputError`` naming the file.

    ``code``: the problem code of a file that cannot be read or is not UTF-8 text.
    """
    source = display_name(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        if error.errno == errno.ENOENT:
            problem = Problem.error(source, "text_not_found", code)
        else:
            problem = Problem.error(source, "text_unreadable", code, reason=os_reason(error))
        raise InputError([problem]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem.error(source, "text_not_utf8", code, byte=error.start)
        raise InputError([problem]) from None


def parse_json(text: str, source: str, code: str, exact: Callable[[str], object]) -> object:
    """JSON ``text``, its numbers with a fraction or exponent read by ``exact`` (``Fraction``
    or ``Decimal``: a score read back rounds as it was shown); ``InputError`` located at
    ``source:line:col``. NaN and Infinity, which JSON does not have, are refused, and so is
    an exponent past ±999 (``Fraction("1e9999999")`` alone takes seconds) and nesting past
    ``MAX_JSON_DEPTH``.
    """

    def number(literal: str) -> object:
        exponent = literal.lower().partition("e")[2].lstrip("+-")
        if len(exponent) > 3:
            raise _BadNumber("json_out_of_range", literal=literal[:40])
        return exact(literal)

    import json  # here: the command line's start-up does not pay for it

    try:
        data = json.loads(text, parse_float=number, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"{source}:{error.lineno}:{error.colno}"
        raise InputError([_invalid_json(where, error.msg, code)]) from None
    except _BadNumber as error:  # NaN, a number out of range
        problem = Problem.error(source, "json_invalid", code, reason=error.phrase)
        raise InputError([problem]) from None
    except ValueError as error:  # an integer of 4,300+ digits
        raise InputError([_invalid_json(source, str(error), code)]) from None
    except RecursionError:
        raise InputError([Problem.error(source, "json_nested", code)]) from None
    if _deeper_than(data, MAX_JSON_DEPTH):
        raise InputError([Problem.error(source, "json_too_deep", code, limit=MAX_JSON_DEPTH)])
    return data


def _deeper_than(data: object, limit: int) -> bool:
    """Whether ``data`` nests lists and objects more than ``limit`` levels deep."""
    level: list[object] = [data]
    for _ in range(limit):
        inner: list[object] = []
        for item in level:
            if isinstance(item, dict):
                inner.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                inner.extend(v for v in item if isinstance(v, dict | list))
        if not inner:
            return False
        level = inner
    return True


class _BadNumber(ValueError):
    """A number JSON may hold but a score may not: the catalogue's entry saying why."""

    def __init__(self, key: str, **params: Param) -> None:
        self.phrase = Phrase.of(key, **params)
        super().__init__(self.phrase.words("en"))


def _no_constant(name: str) -> object:
    raise _BadNumber("json_not_a_score", name=name)


_JSON_REASONS = {
    "Expecting value": "json_expecting_value",
    "Expecting ',' delimiter": "json_expecting_comma",
    "Expecting ':' delimiter": "json_expecting_colon",
    "Expecting property name enclosed in double quotes": "json_expecting_name",
    "Unterminated string starting at": "json_unterminated",
    "Extra data": "json_extra_data",
    "Invalid control character at": "json_control_character",
    "Invalid \\escape": "json_escape",
}
"""The json module's usual messages, each worded in the catalogue."""


def _invalid_json(location: str, reason: str, code: str) -> Problem:
    key = _JSON_REASONS.get(reason)
    if key is not None:
        return Problem.error(location, "json_invalid", code, reason=Phrase.of(key))
    if "integer string conversion" in reason:
        return Problem.error(location, "json_invalid", code, reason=Phrase.of("json_long_integer"))
    return Problem.error(location, "json_invalid_said", code, reason=reason)
