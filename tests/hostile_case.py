"""One case of the hostile-input corpus: a file that a command must answer calmly.

The corpus generators (``hostile_workbooks``, ``hostile_sets``) return these; the runner
feeds each case to every command that reads its kind of file and requires exit 0 or 2,
a located message on exit 2, no traceback, and bounded time and memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

Kind = Literal["workbook", "set"]
Expect = Literal["ok", "error", "either"]


class HostileCase(NamedTuple):
    name: str
    """Short identifier, e.g. ``zip-truncated``."""
    path: Path
    kind: Kind
    """``workbook``: an inventory workbook; ``set``: an indicator-set YAML file."""
    expect: Expect
    """``ok``: scored (exit 0); ``error``: refused with located problems (exit 2)."""
    reason: str
    """What the case checks, in a sentence."""
