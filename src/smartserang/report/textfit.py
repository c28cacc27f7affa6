"""How wide a chart's text runs, and a long label broken into lines that fit a column.

The charts are laid out without reading a font (no I/O, the same bytes on every machine),
so widths come from a table: the advance widths of DejaVu Sans, the widest of the fonts a
chart is shown in (Arial and Liberation Sans in the SVG's font stack, DejaVu Sans where
neither is installed, Pillow's bundled font in the PNG). Text measured with it fits in
each of them.
"""

from __future__ import annotations

_ASCII = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
    636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
    603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
    500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip
"""Advance widths of the printable ASCII characters (space to ~), in thousandths of an em."""
_OTHER = {"–": 500, "—": 1000, "…": 1000, "’": 318, "‘": 318, "“": 518, "”": 518, "·": 318}
_UNKNOWN = 1000
"""Any other character is taken as a full em: wider than most, so a label never overruns."""
ELLIPSIS = "…"


def char_width(char: str) -> int:
    """The advance width of one character, in thousandths of an em."""
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII[code - 32]
    if char.isalpha() and code < 0x250:  # accented Latin letters: as wide as an "m" at most
        return 974 if char.isupper() else 700
    return _OTHER.get(char, _UNKNOWN)


def text_width(text: str, size: float) -> float:
    """How wide ``text`` runs at font size ``size``, in the same units as ``size``."""
    return sum(map(char_width, text)) * size / 1000


def wrap(text: str, width: float, size: float, max_lines: int) -> tuple[tuple[str, ...], bool]:
    """``text`` broken at spaces into at most ``max_lines`` lines no wider than ``width``.

    A word wider than a line is broken inside. Text that needs more lines than
    ``max_lines`` ends its last line with an ellipsis; the flag says whether it was cut.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size) > width:  # one word longer than the line
            cut = _fitting(line, width, size)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return tuple(lines), False
    last = lines[max_lines - 1]
    while last and text_width(last + ELLIPSIS, size) > width:
        last = last[:-1]
    return (*lines[: max_lines - 1], last.rstrip() + ELLIPSIS), True


def _fitting(text: str, width: float, size: float) -> int:
    """How many leading characters of ``text`` fit ``width`` (at least one)."""
    used = 0.0
    for count, char in enumerate(text):
        used += char_width(char) * size / 1000
        if used > width:
            return max(count, 1)
    return len(text)
