"""Literal-data builders for tests: inventories and sets written inline, visible in the test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest

from smartserang.model import CellValue, IndicatorSet, Inventory, Profile, Register, Row
from smartserang.sets.parse import parse_indicator_set
from smartserang.workbook.contract import SHEETS_BY_KEY


def register(sheet: str, rows: Sequence[Mapping[str, Any]]) -> Register:
    """A register of ``sheet`` holding ``rows`` (row numbers from 2, as under a header)."""
    spec = SHEETS_BY_KEY[sheet]
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    for column in spec.columns:
        if column.required and column.key not in keys:
            keys.append(column.key)
    columns = {key: index for index, key in enumerate(keys)}
    return Register(
        sheet=sheet,
        title=spec.name,
        columns=columns,
        rows=tuple(Row(sheet, number, dict(values)) for number, values in enumerate(rows, 2)),
        label_column=spec.label_column,
    )


def inventory(
    registers: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    profile: Profile | None = None,
    source: str = "test.xlsx",
) -> Inventory:
    """An inventory made of literal registers."""
    return Inventory(
        source=source,
        sha256="0" * 64,
        profile=profile or Profile(),
        registers={key: register(key, rows) for key, rows in (registers or {}).items()},
    )


def claims(levels: Mapping[str, int | None]) -> list[Mapping[str, CellValue]]:
    """Penilaian rows claiming ``levels`` by indicator id."""
    return [{"indikator": key, "tingkat": level} for key, level in levels.items()]


def spbe_set() -> IndicatorSet:
    """The shipped SPBE set."""
    from smartserang.sets.load import load_indicator_set

    return load_indicator_set("spbe-2020")


def yaml_set(text: str, display: str = "set.yaml") -> IndicatorSet:
    """A set parsed from literal YAML text."""
    return parse_indicator_set(text.encode("utf-8"), display)


def jsonish(value: Any) -> Any:
    """Identity, typed as Any: for indexing parsed JSON in tests."""
    return value


def write_workbook(path: Path, sheets: Mapping[str, list[list[Any]]]) -> Path:
    """Write ``sheets`` (name -> rows of cell values, header first) as an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    default = book.active
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    if default is not None:
        book.remove(default)
    book.save(path)
    return path


XLSX_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XLSX_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def xlsx_parts(
    sheets: Sequence[tuple[str, str]],
    *,
    shared: str | None = None,
    states: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The parts of a minimal .xlsx package, by name in zip order: ``sheets`` are (title,
    whole worksheet part) pairs (a title may repeat), ``shared`` a whole sharedStrings part,
    ``states`` gives a title ``hidden``. For workbooks no writer would make."""
    states = states or {}
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
        for n in range(1, len(sheets) + 1)
    )
    if shared is not None:
        overrides += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    entries = "".join(
        f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"'
        + (f' state="{states[title]}"' if title in states else "")
        + "/>"
        for n, (title, _) in enumerate(sheets, 1)
    )
    relations = "".join(
        f'<Relationship Id="rId{n}" Type="{XLSX_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, len(sheets) + 1)
    )
    if shared is not None:
        relations += (
            f'<Relationship Id="rIdS" Type="{XLSX_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{XLSX_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<workbook xmlns="{XLSX_MAIN}" xmlns:r="{XLSX_REL}">'
            f"<sheets>{entries}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f"{relations}</Relationships>"
        ),
    }
    for n, (_, part) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{n}.xml"] = part
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    return parts


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def edited_example(path: Path, edit: Callable[[Any], None]) -> Path:
    """A copy of the example workbook at ``path``, changed by ``edit`` (given the openpyxl
    workbook)."""
    from openpyxl import load_workbook

    book = load_workbook(EXAMPLES / "kota-sukamaju.xlsx")
    edit(book)
    book.save(path)
    return path


def smartserang(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``smartserang`` command."""
    command = shutil.which("smartserang", path=str(Path(sys.executable).parent))
    assert command is not None, "smartserang is not installed in this environment"
    return subprocess.run(
        [command, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={"PATH": str(Path(sys.executable).parent), "COLUMNS": "120", "NO_COLOR": "1"},
    )


MINI = """
id: mini
version: "1"
title: Mini
weighting: absolute
total_weight: 100
unassessed: {policy}
scales:
  proses: {{levels: {{1: Satu, 2: Dua, 3: Tiga, 4: Empat, 5: Lima}}}}
bands:
  - {{min: 3.5, label: Tinggi}}
  - {{min: 2.6, label: Sedang}}
  - {{label: Rendah}}
groups:
  - id: G1
    name: Satu
    weight: 40
    scale: proses
    indicators:
      - {{id: "1", name: A, weight: 10}}
      - {{id: "2", name: B, weight: 30}}
  - id: G2
    name: Dua
    weight: 60
    scale: proses
    indicators:
      - id: "3"
        name: C
        weight: 60
        evidence:
          sheet: aplikasi
          where: [{{column: layanan_spbe, equals: pengadaan}}]
          steps:
            - level: 2
              requires: aktif
              rows: [{{column: status, equals: aktif}}]
            - level: 3
              requires: transaksi
              rows:
                - {{column: status, equals: aktif}}
                - {{column: tingkat_layanan, at_least: transaksi}}
"""


def mini(policy: str = "minimum") -> str:
    """The mini set's YAML with an unassessed policy."""
    return MINI.format(policy=policy)


def require_tool(command: str, what: str | None = None) -> str:
    """The path of ``command``; skips the test when it is missing, except under CI, whose
    image installs it (the test must run there)."""
    path = shutil.which(command)
    if path is None:
        name = what or command
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required under CI (the CI image installs it)")
        pytest.skip(f"{name} is not installed")
    return path
