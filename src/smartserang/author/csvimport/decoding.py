"""Turning a CSV file's bytes into lines of text, and finding its separator.

Decoding: a BOM, else UTF-8, cp1252 or latin-1, chosen over the whole file and applied
line by line, so that an undecodable line is located rather than fatal. Also the names
``--encoding`` and ``--separator`` accept, and sniffing the separator when none is given.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

SEPARATORS = {",": "','", ";": "';'", "\t": "tab", "|": "'|'"}
"""The separators sniffed for, and how messages show them."""
_SEPARATOR_NAMES = {"comma": ",", "semicolon": ";", "tab": "\t", "\\t": "\t", "pipe": "|"}
_BOMS = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GUESSES = ("utf-8", "cp1252", "latin-1")
"""Tried in order without a BOM; latin-1 decodes any byte, so the list always ends."""
_SAMPLE_LINES = 100


@dataclass(frozen=True)
class Decoded:
    """A CSV file's text, as physical lines."""

    encoding: str
    """The codec used, e.g. ``utf-8-sig`` (a BOM said so) or ``cp1252``."""
    lines: tuple[str, ...]
    """The lines without their line breaks."""
    undecodable: frozenset[int]
    """1-based numbers of the lines holding bytes the codec cannot decode."""


def decode_csv(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` with ``encoding``, or with the one a BOM names, or a guessed one."""
    if encoding is not None:
        return _decode_whole(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_whole(data, codec)
    if data[:200].count(0) * 3 > len(data[:200]):
        # NUL bytes in every other place: UTF-16 without a BOM (text never holds NULs).
        return _decode_whole(data, "utf-16-le" if data[1:2] == b"\0" else "utf-16-be")
    return _decode_guessed(data)


def _decode_whole(data: bytes, codec: str) -> Decoded:
    """Decode in one go: a UTF-16 file cannot be split into lines before decoding."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        # The damaged lines are those showing U+FFFD (a genuine U+FFFD on them too).
        lines = _split_text(data.decode(codec, "replace"))
        bad = frozenset(n for n, line in enumerate(lines, 1) if "\ufffd" in line)
        return Decoded(codec, lines, bad)
    return Decoded(codec, _split_text(text), frozenset())


def _decode_guessed(data: bytes) -> Decoded:
    """The first of ``_GUESSES`` that decodes at least half the non-ASCII lines."""
    raw = _split_bytes(data)
    foreign = [line for line in raw if not line.isascii()]
    # Voting line by line: a valid multi-byte UTF-8 sequence almost never occurs in
    # cp1252 text, so one damaged line does not turn a UTF-8 file into mojibake, and a
    # cp1252 file is not rejected line after line.
    codec = next(c for c in _GUESSES if 2 * sum(_decodes(b, c) for b in foreign) >= len(foreign))
    lines: list[str] = []
    bad: set[int] = set()
    for number, line in enumerate(raw, 1):
        try:
            lines.append(line.decode(codec))
        except UnicodeDecodeError:
            lines.append(line.decode(codec, "replace"))
            bad.add(number)
    return Decoded(codec, tuple(lines), frozenset(bad))


def _decodes(line: bytes, codec: str) -> bool:
    try:
        line.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _split_bytes(data: bytes) -> list[bytes]:
    """Lines without breaks; CRLF, LF and (old Mac files) CR alone end a line."""
    data = data.replace(b"\r\n", b"\n")
    if b"\n" not in data:
        data = data.replace(b"\r", b"\n")
    lines = data.split(b"\n")
    return lines[:-1] if lines[-1] == b"" else lines


def _split_text(text: str) -> tuple[str, ...]:
    """``_split_bytes`` for decoded text (a BOM's U+FEFF dropped)."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if "\n" not in text:
        text = text.replace("\r", "\n")
    lines = text.split("\n")
    return tuple(lines[:-1] if lines[-1] == "" else lines)


def separator_named(text: str) -> str | None:
    """The separator ``--separator`` names (``;``, ``tab``, ``semicolon``…), or None."""
    if text in SEPARATORS:
        return text
    return _SEPARATOR_NAMES.get(text.strip().casefold())


def sniff_separator(lines: Sequence[str]) -> str:
    """The separator of the first lines: ``csv.Sniffer``'s guess unless another fits better.

    A separator fits a line when it splits it into as many fields as the header: the
    Sniffer is fooled by commas in Indonesian addresses, a field count is not.
    """
    sample = "".join(line + "\n" for line in lines[:_SAMPLE_LINES])
    try:
        guess: str | None = csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        guess = None
    fits = {separator: _fit(sample, separator) for separator in SEPARATORS}
    best = max(fits.values())
    if guess is not None and fits.get(guess) == best:
        return guess
    return next(separator for separator, fit in fits.items() if fit == best)


def _fit(sample: str, separator: str) -> int:
    """How many lines of ``sample`` have as many fields as its header (0 for one field)."""
    try:
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=separator) if any(r)]
    except csv.Error:
        return 0
    if not rows or len(rows[0]) < 2:
        return 0
    return sum(len(row) == len(rows[0]) for row in rows)


def encoding_named(text: str) -> str | None:
    """The codec name ``--encoding`` gives (``UTF8`` -> ``utf-8``), or None when unknown."""
    try:
        info = codecs.lookup(text)
    except LookupError:
        return None
    # Bytes-to-bytes codecs (hex, zlib) are codecs too, but decode to bytes, not text.
    return info.name if isinstance(info.decode(b"")[0], str) else None


def repaired_mojibake(text: str) -> str | None:
    """What ``text`` said before UTF-8 was read as cp1252 or latin-1 and saved again
    (``CafÃ©`` -> ``Café``, ``â€œ`` -> ``“``), or None when it does not look garbled so.

    A garbled text encodes back to bytes that are valid UTF-8 holding more than ASCII;
    text typed in those encodings (``Café``) almost never does.
    """
    if text.isascii():
        return None
    data = bytearray()
    for char in text:
        try:
            data += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            data.append(ord(char))  # the five bytes cp1252 leaves undefined, as latin-1
    try:
        repaired = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if repaired != text else None
