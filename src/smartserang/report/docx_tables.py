"""Tables, term lists and fields for the Word appendix, written with python-docx.

Word and LibreOffice read these as native tables: a header row repeated after each page
break, rows that never split across pages, numbers right-aligned, light horizontal rules
and a zebra tint as in the HTML report. Column widths are worked out here from the text
they hold (the way a browser sizes an automatic table), since a .docx fixes them when it
is written. Everything is written as given: the view model has formatted every number.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TABLE_SIZE = 8.5
"""Points: the table text, a little smaller than the body as in the HTML."""
BODY_SIZE = 10
"""Points: the body text (the Normal style), a term list's too."""
CELL_PADDING = 60
"""Twips (3 pt) of space left and right of a cell's text."""
RULE = "CFCFCF"
RULE_STRONG = "5F5F5F"
ZEBRA = "F6F7F9"
WARN = "7A3300"
WARN_TINT = "FDF3E7"
MUTED = "555555"
MONO = "Courier New"
"""Identifiers (locations, codes, hashes); LibreOffice shows it in Liberation Mono."""
MONO_SCALE = 0.9
"""A monospace face looks larger than the text around it at the same size."""
KEEP_ROWS = 12
"""A table of at most this many rows is kept on one page."""

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAK = re.compile(r"\r\n|[\r\n\t\u2028\u2029]")


def clean(text: str) -> str:
    """``text`` as one line of characters XML can hold: line breaks and tabs become spaces
    (as the HTML and Markdown reports show them), other control characters U+FFFD."""
    return _NOT_XML.sub("\ufffd", _BREAK.sub(" ", text))


@dataclass(frozen=True)
class Column:
    """A table column: its heading and how its cells are set."""

    heading: str
    numeric: bool = False
    """Right-aligned, never wrapped inside a value."""
    nowrap: bool = False
    """Each cell's text on one line (a status, a code)."""
    mono: bool = False
    """An identifier (location, code): monospace."""


@dataclass(frozen=True)
class Cell:
    """A cell's text when it is more than a plain string."""

    lines: tuple[str, ...]
    """One paragraph each."""
    bold: bool = False
    warn: bool = False
    """Set in the warning colour (an unsupported claim), bold as well."""
    indent: int = 0
    """Levels of indentation (the depth of a group in the group tree)."""


@dataclass(frozen=True)
class Row:
    """A table row."""

    cells: tuple[str | Cell, ...]
    bold: bool = False
    tint: bool = False
    """The warning tint behind an unsupported claim's row."""


_TABLE_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)  # fmt: skip
_CELL_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
)  # fmt: skip
_PARAGRAPH_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
    "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
"""The order WordprocessingML prescribes for a table's, a cell's and a paragraph's
properties: Word refuses a file whose properties come in another order."""


def _element(tag: str, **attrs: str) -> BaseOxmlElement:
    return OxmlElement(tag, attrs={qn(f"w:{name}"): value for name, value in attrs.items()})


@functools.cache
def _successors(order: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each tag of ``order`` (in Clark notation), the prefixed tags that follow it."""
    return {qn(tag): order[number + 1 :] for number, tag in enumerate(order)}


def _put(parent: BaseOxmlElement, child: BaseOxmlElement, order: tuple[str, ...]) -> None:
    """``child`` in its place among ``parent``'s children, replacing one of its kind."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    parent.insert_element_before(child, *_successors(order)[child.tag])


def _border(edge: str, colour: str, eighths: int) -> BaseOxmlElement:
    return _element(edge, val="single", sz=str(eighths), space="0", color=colour)


def shade(cell: _Cell, colour: str) -> None:
    """A background colour behind ``cell``."""
    shading = _element("w:shd", val="clear", color="auto", fill=colour)
    _put(cell._tc.get_or_add_tcPr(), shading, _CELL_ORDER)


_NARROW = frozenset("iljtfrI.,:;'|!()[]/- ")
_WIDE = frozenset("mwMW")


def _ems(text: str) -> float:
    """The width of ``text`` in ems, estimated from Calibri's character widths with a
    little to spare: no font metrics without the fonts."""
    return 1.04 * sum(
        0.3 if c in _NARROW
        else 0.82 if c in _WIDE
        else 0.6 if c.isupper()
        else 0.51 if c.isdigit()
        else 0.49
        for c in text
    )  # fmt: skip


def _text_width(text: str, size: float, factor: float) -> float:
    """The points ``text`` takes at ``size``; ``factor`` widens a monospace or bold face."""
    return _ems(text) * size * factor


def column_widths(
    columns: Sequence[Column],
    rows: Sequence[Row],
    width: int,
    size: float = TABLE_SIZE,
    *,
    least: int | None = None,
) -> list[int]:
    """Twips for each column, adding up to ``width``, as an automatic table would share it.

    Each column needs its longest word (a numeric column its longest value, a heading its
    longest word) and would like its longest text on one line; what is left after every
    column has what it needs goes to the columns that would like more, in proportion.
    With ``least``, a table whose texts all fit on one line is only as wide as they need,
    but at least ``least``.
    """
    need, like = [], []
    for number, column in enumerate(columns):
        factor = 1.3 if column.mono else 1.0
        texts = [line for row in rows for line in _lines(row.cells[number])]
        whole = column.numeric or column.nowrap
        words = [w for t in texts for w in ([t] if whole else t.split())]
        heading = max(_text_width(w, size, 1.05) for w in column.heading.split() or [""])
        longest_word = max([_text_width(w, size, factor) for w in words] + [heading])
        longest = max([_text_width(t, size, factor) for t in texts] + [heading])
        # Points to twips, plus the padding on both sides; a single very long word (a file
        # location) may wrap inside rather than take the whole table.
        need.append(min(longest_word * 20 + 2 * CELL_PADDING, width * 0.4))
        like.append(max(longest * 20 + 2 * CELL_PADDING, need[-1]))
    if sum(like) <= width:
        # Everything fits on one line: the room left goes to the text columns, as in the
        # HTML, where numeric columns shrink to their content.
        if least is not None:
            width = max(least, math.ceil(sum(like)))
        growing = [i for i, c in enumerate(columns) if not c.numeric] or list(range(len(columns)))
        spare, weight = width - sum(like), sum(like[i] for i in growing)
        shares = [
            like[i] + (spare * like[i] / weight if i in growing else 0) for i in range(len(like))
        ]
    elif sum(need) >= width:
        shares = [n * width / sum(need) for n in need]
    else:
        spare, wanting = width - sum(need), sum(lk - n for lk, n in zip(like, need, strict=True))
        shares = [n + spare * (lk - n) / wanting for lk, n in zip(like, need, strict=True)]
    twips = [int(share) for share in shares]
    twips[max(range(len(twips)), key=lambda i: twips[i])] += width - sum(twips)
    return twips


def _lines(cell: str | Cell) -> tuple[str, ...]:
    return (cell,) if isinstance(cell, str) else cell.lines


def _write(cell: _Cell, content: str | Cell, column: Column, *, bold: bool = False) -> None:
    """The cell's paragraphs and runs, in the table's size."""
    rich = content if isinstance(content, Cell) else Cell((content,))
    for number, line in enumerate(rich.lines):
        paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
        compact(paragraph)
        if column.numeric:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if rich.indent:
            paragraph.paragraph_format.left_indent = Pt(10 * rich.indent)
        run = paragraph.add_run(clean(line))
        run.font.size = Pt(TABLE_SIZE)
        run.font.bold = bold or rich.bold or rich.warn or None
        if rich.warn:
            run.font.color.rgb = RGBColor.from_string(WARN)
        if column.mono:
            run.font.name = MONO
            run.font.size = Pt(TABLE_SIZE * MONO_SCALE)


def compact(paragraph: Paragraph, after: int = 0) -> None:
    """No space around a paragraph inside a table or a term list (``after`` twips below),
    single line spacing. One element written at once: a table has thousands of them."""
    spacing = _element("w:spacing", before="0", after=str(after), line="240", lineRule="auto")
    _put(paragraph._p.get_or_add_pPr(), spacing, _PARAGRAPH_ORDER)


def _table_properties(
    table: Table, widths: Sequence[int], edges: Sequence[tuple[str, str, int]], caption: str
) -> None:
    """Fixed layout at the given widths, cell padding, rules (edge, colour, eighths of a
    point) and the caption as the table's title for screen readers."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    _put(tbl_pr, _element("w:tblW", w=str(sum(widths)), type="dxa"), _TABLE_ORDER)
    borders = _element("w:tblBorders")
    for edge, colour, eighths in edges:
        borders.append(_border(f"w:{edge}", colour, eighths))
    _put(tbl_pr, borders, _TABLE_ORDER)
    margins = _element("w:tblCellMar")
    # In this order (top, left, bottom, right), as the schema has it.
    for edge, twips in (
        ("top", 29),
        ("left", CELL_PADDING),
        ("bottom", 29),
        ("right", CELL_PADDING),
    ):
        margins.append(_element(f"w:{edge}", w=str(twips), type="dxa"))
    _put(tbl_pr, margins, _TABLE_ORDER)
    if caption:
        _put(tbl_pr, _element("w:tblCaption", val=clean(caption)), _TABLE_ORDER)
    for column, twips in zip(table.columns, widths, strict=True):
        column.width = Twips(twips)


def _row_properties(row_element: CT_Row, *, header: bool) -> None:
    # A row never breaks across pages; the header row repeats at the top of each page.
    tr_pr = row_element.get_or_add_trPr()
    tr_pr.append(_element("w:cantSplit"))
    if header:
        tr_pr.append(_element("w:tblHeader"))


def add_table(
    document: Document,
    columns: Sequence[Column],
    rows: Sequence[Row],
    width: int,
    *,
    caption: str = "",
    keep_together: bool = False,
    least: int | None = None,
) -> Table:
    """A table with a header row of the columns' headings, then ``rows``.

    ``caption`` (printed above the table by the caller) also names the table for screen
    readers. A table of at most `KEEP_ROWS` rows, or any with ``keep_together``, stays on
    one page, together with what follows it. ``least``: see `column_widths`.
    """
    widths = column_widths(columns, rows, width, least=least)
    table: Table = document.add_table(rows=1 + len(rows), cols=len(columns))
    _table_properties(table, widths, (("bottom", RULE, 4), ("insideH", RULE, 4)), caption)
    header, *body = table.rows
    _row_properties(header._tr, header=True)
    for cell, column, twips in zip(header.cells, columns, widths, strict=True):
        cell.width = Twips(twips)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
        _write(cell, column.heading, Column(column.heading, column.numeric), bold=True)
        # The strong rule under the headings, as the HTML's thead.
        rule = _element("w:tcBorders")
        rule.append(_border("w:bottom", RULE_STRONG, 12))
        _put(cell._tc.get_or_add_tcPr(), rule, _CELL_ORDER)
    for number, (added, row) in enumerate(zip(body, rows, strict=True)):
        _row_properties(added._tr, header=False)
        tint = WARN_TINT if row.tint else ZEBRA if number % 2 else None
        for cell, content, column, twips in zip(
            added.cells, row.cells, columns, widths, strict=True
        ):
            cell.width = Twips(twips)
            _write(cell, content, column, bold=row.bold)
            if tint:
                shade(cell, tint)
    if keep_together or len(rows) <= KEEP_ROWS:
        for row_ in table.rows:
            for cell in row_.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
    return table


def add_terms(
    document: Document,
    pairs: Sequence[tuple[str, Sequence[str]]],
    width: int,
    *,
    framed: bool = False,
    keep_with_next: bool = False,
) -> Table:
    """A term list (the HTML's <dl>) as a two-column table without rules: the term in bold
    on the left, its paragraphs on the right. ``framed`` rules it above and below;
    ``keep_with_next`` keeps it on one page with what follows."""
    rows = [Row((Cell((term,), bold=True), Cell(tuple(lines)))) for term, lines in pairs]
    # The terms on one line where a third of the width allows; the rest for the values.
    longest = max(_text_width(term, BODY_SIZE, 1.05) for term, _ in pairs)
    term = min(int(longest * 20) + 2 * CELL_PADDING, width // 3)
    widths = [term, width - term]
    table: Table = document.add_table(rows=len(rows), cols=2)
    frame = (("top", RULE_STRONG, 4), ("bottom", RULE_STRONG, 4)) if framed else ()
    _table_properties(table, widths, frame, "")
    for added, row in zip(table.rows, rows, strict=True):
        _row_properties(added._tr, header=False)
        for cell, content, twips in zip(added.cells, row.cells, widths, strict=True):
            cell.width = Twips(twips)
            assert isinstance(content, Cell)
            for number, line in enumerate(content.lines):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                compact(paragraph, after=40)
                paragraph.paragraph_format.keep_with_next = keep_with_next or None
                run = paragraph.add_run(clean(line))
                run.font.bold = content.bold or None
    return table


def rule_above(paragraph: Paragraph) -> None:
    """A thin strong rule above ``paragraph`` (the HTML footer's top border)."""
    rules = _element("w:pBdr")
    rules.append(_element("w:top", val="single", sz="4", space="4", color=RULE_STRONG))
    _put(paragraph._p.get_or_add_pPr(), rules, _PARAGRAPH_ORDER)


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (``PAGE``, …) showing ``shown`` until the reader's program updates it."""
    for kind in ("begin", "instr", "separate", "shown", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            code = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
            code.text = f" {instruction} "
            run._r.append(code)
        elif kind == "shown":
            run.text = shown
        else:
            run._r.append(_element("w:fldChar", fldCharType=kind))
