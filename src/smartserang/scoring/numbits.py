"""Row sets as integers: byte ``i`` of a mask (bit ``8 * i``) is 1 when row ``i`` is in.

A mask is built from one flag per row in C; intersections and unions are then ``&`` and
``|`` on integers, however many rows pass, and the rows in a mask are found again with a
byte search. The rule engines keep every row set this way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

SPARSE = 16
"""A mask holding fewer than one row in this many is read row to row, not byte by byte."""


def mask(flags: Iterable[bool]) -> int:
    """The mask of the rows whose flag is true, one flag per row in order."""
    return int.from_bytes(bytes(flags), "little")


def mask_at(positions: Iterable[int], size: int) -> int:
    """The mask of the rows at ``positions`` in a register of ``size`` rows."""
    flags = bytearray(size)
    for position in positions:
        flags[position] = 1
    return int.from_bytes(flags, "little")


def every(size: int) -> int:
    """The mask of every row of a register of ``size`` rows."""
    return int.from_bytes(b"\x01" * size, "little")


def positions_in(rows: int, size: int) -> list[int]:
    """The positions of the rows in the mask ``rows``, in sheet order."""
    if not rows:
        return []
    flags = rows.to_bytes(size, "little")
    if rows.bit_count() * SPARSE > size:
        return list(itertools.compress(range(size), flags))
    found = []  # a few rows: from one to the next with a byte search
    at = flags.find(1)
    while at >= 0:
        found.append(at)
        at = flags.find(1, at + 1)
    return found
