"""The streams of an OLE compound file (an old .xls, or an .xlsx encrypted with a password).

An OLE file (the Compound File Binary format) is a small file system: sectors of 512 or
4,096 bytes chained in an allocation table, a directory of named streams, and small
streams kept in a mini stream of 64-byte sectors. ``OleFile`` reads the directory and a
stream's bytes, never trusting a chain or a size: a chain is followed at most as many
sectors as the file holds, and a stream is cut at the size its directory entry gives.
Anything inconsistent raises ``OleDamaged``.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
_STREAM, _ROOT = 2, 5
_HEADER_DIFAT = 109


class OleDamaged(Exception):
    """The OLE structure is inconsistent (the message says where)."""


@dataclass(frozen=True)
class _Entry:
    name: str
    kind: int
    start: int
    size: int


class OleFile:
    """An OLE compound file, held in memory or mapped."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if len(data) < 512 or data[: len(MAGIC)] != MAGIC:
            raise OleDamaged("no OLE header")
        self.data = data
        (shift,) = struct.unpack_from("<H", data, 0x1E)
        (mini_shift,) = struct.unpack_from("<H", data, 0x20)
        if shift not in (9, 12) or mini_shift != 6:
            raise OleDamaged("sector sizes")
        self.sector = 1 << shift
        self.mini = 1 << mini_shift
        self.sectors = len(data) // self.sector  # an upper bound of any chain's length
        fat_count, directory = struct.unpack_from("<II", data, 0x2C)
        (self.cutoff,) = struct.unpack_from("<I", data, 0x38)
        mini_fat, mini_fat_count, difat, difat_count = struct.unpack_from("<IIII", data, 0x3C)
        locations = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", data, 0x4C))
        seen = 0
        while difat not in (_END, _FREE) and seen <= self.sectors and difat_count:
            block = self._sector(difat)
            entries = struct.unpack(f"<{self.sector // 4}I", block)
            locations.extend(entries[:-1])
            difat, seen, difat_count = entries[-1], seen + 1, difat_count - 1
        fat_sectors = [s for s in locations if s not in (_END, _FREE)][:fat_count]
        self.fat = b"".join(self._sector(s) for s in fat_sectors)
        self.entries = self._directory(directory)
        root = next((e for e in self.entries if e.kind == _ROOT), None)
        self.mini_fat = self._chain_bytes(self.fat, mini_fat) if mini_fat_count else b""
        self.mini_stream = b"" if root is None else self._chain_bytes(self.fat, root.start)

    def names(self) -> list[str]:
        """The names of the file's streams, as written."""
        return [e.name for e in self.entries if e.kind == _STREAM]

    def stream(self, name: str) -> bytes:
        """The stream called ``name`` (compared without regard to case)."""
        wanted = name.casefold()
        entry = next(e for e in self.entries if e.kind == _STREAM and e.name.casefold() == wanted)
        if entry.size < self.cutoff:
            data = self._chain_bytes(self.mini_fat, entry.start, mini=True)
        else:
            data = self._chain_bytes(self.fat, entry.start)
        if len(data) < entry.size:
            raise OleDamaged(f"the stream {entry.name} is cut short")
        return data[: entry.size]

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector
        if number >= self.sectors or start + self.sector > len(self.data):
            raise OleDamaged(f"sector {number} lies past the end of the file")
        return self.data[start : start + self.sector]

    def _chain(self, table: bytes, first: int) -> list[int]:
        chain: list[int] = []
        current, limit = first, len(table) // 4
        while current not in (_END, _FREE):
            if current >= limit or len(chain) > limit:
                raise OleDamaged("a sector chain leaves its table or loops")
            chain.append(current)
            (current,) = struct.unpack_from("<I", table, current * 4)
        return chain

    def _chain_bytes(self, table: bytes, first: int, *, mini: bool = False) -> bytes:
        if not mini:
            return b"".join(self._sector(s) for s in self._chain(table, first))
        size, stream = self.mini, self.mini_stream
        parts = []
        for number in self._chain(table, first):
            if (number + 1) * size > len(stream):
                raise OleDamaged("a mini sector lies past the mini stream")
            parts.append(stream[number * size : (number + 1) * size])
        return b"".join(parts)

    def _directory(self, first: int) -> list[_Entry]:
        raw = self._chain_bytes(self.fat, first)
        entries = []
        for at in range(0, len(raw) - 127, 128):
            (length,) = struct.unpack_from("<H", raw, at + 64)
            kind = raw[at + 66]
            start, size = struct.unpack_from("<IQ", raw, at + 116)
            if self.sector == 512:
                size &= 0xFFFFFFFF  # version 3 files leave the high half undefined
            name = raw[at : at + max(0, min(length, 64) - 2)].decode("utf-16-le", "replace")
            entries.append(_Entry(name, kind, start, size))
        return entries
