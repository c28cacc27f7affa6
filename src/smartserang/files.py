"""The files besides workbooks and sets: outputs written atomically (a reader never sees
half a file), and JSON documents read back with every problem located.

``read_text`` and ``parse_json`` are the one way a JSON input (a baseline, a ``score``
result given to ``diff``) is read; what its fields must hold is checked by its own reader
(``gate.baseline``, ``compare.documents``), which locates each wrong field.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from smartserang.problems import InputError, Problem


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
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


def _default_mode(path: Path) -> int:
    """The existing file's mode, else 0666 less the process umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_text(path: Path, code: str) -> str:
    """The text of a UTF-8 file (a byte-order mark dropped); ``InputError`` naming the file.

    ``code``: the problem code of a file that cannot be read or is not UTF-8 text.
    """
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read: {error.strerror or error}"
        raise InputError([Problem(source, message, code)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text (byte {error.start})"
        raise InputError([Problem(source, message, code)]) from None


def parse_json(text: str, source: str, code: str, exact: Callable[[str], object]) -> object:
    """JSON ``text``, its numbers with a fraction or exponent read by ``exact`` (``Fraction``
    or ``Decimal``: a score read back rounds as it was shown); ``InputError`` located at
    ``source:line:col``. NaN and Infinity, which JSON does not have, are refused, and so is
    an exponent past ±999 (``Fraction("1e9999999")`` alone takes seconds).
    """

    def number(literal: str) -> object:
        exponent = literal.lower().partition("e")[2].lstrip("+-")
        if len(exponent) > 3:
            raise ValueError(f"{literal[:40]} is out of range")
        return exact(literal)

    try:
        return json.loads(text, parse_float=number, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"{source}:{error.lineno}:{error.colno}"
        raise InputError([Problem(where, f"not valid JSON: {error.msg}", code)]) from None
    except ValueError as error:  # NaN, a number out of range, an integer of 4,300+ digits
        raise InputError([Problem(source, f"not valid JSON: {error}", code)]) from None
    except RecursionError:
        message = "not valid JSON: nested too deeply"
        raise InputError([Problem(source, message, code)]) from None


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a score")
