"""``smartserang template``: the blank workbook, read back, filled in and scored, in both
languages; its drop-downs, notes and indicators; ``safe_text``; LibreOffice when present."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from smartserang.author.safe_text import safe_text, write_text
from smartserang.author.template import HELPER_SHEET, INDICATOR_NAME_COLUMN, INSTRUCTIONS_SHEET
from smartserang.author.template.lists import LEVELS, fits_inline, scopes
from smartserang.author.template.notes import fill_names
from smartserang.author.template.words import COLUMN_NOTES, SHEET_HELP, TEXT
from smartserang.sets.load import load_indicator_set
from smartserang.workbook.contract import (
    SHEETS,
    SHEETS_BY_KEY,
    VOCABULARIES,
    Column,
    ColumnType,
    Sheet,
)
from smartserang.workbook.reader import read_inventory

from builders import jsonish, mini, require_tool, smartserang

Make = Callable[..., Path]
"""``make(*options, name=..., fresh=False)``: the template for these options (see ``make``)."""


@pytest.fixture(scope="module")
def make(tmp_path_factory: pytest.TempPathFactory) -> Make:
    """Runs the installed command with ``-o`` once per set of options; returns the file.

    Tests share the files (each run takes about a second), so a test that changes one
    copies it first; ``fresh=True`` runs the command again into a new folder.
    """
    made: dict[tuple[str, ...], Path] = {}

    def run(*options: str, name: str = "blank.xlsx", fresh: bool = False) -> Path:
        key = (*options, name)
        if key in made and not fresh:
            return made[key]
        path = tmp_path_factory.mktemp("template") / name
        result = smartserang("template", *options, "-o", path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        made.setdefault(key, path)
        return path

    return run


def load(path: Path) -> Any:
    """The workbook as openpyxl sees it (typed Any: openpyxl is untyped)."""
    from openpyxl import load_workbook

    return load_workbook(path)


def name_of(sheet: Sheet, lang: str) -> str:
    return sheet.alias if lang == "en" else sheet.name


def header_of(column: Column, lang: str) -> str:
    return column.alias if lang == "en" else column.name


# ------------------------------------------------------------------ reading back


@pytest.mark.parametrize("lang", ["id", "en"])
def test_template_reads_back_without_errors(make: Make, lang: str) -> None:
    """The reader accepts the blank template: every register, 47 indicators, helpers only."""
    inventory = read_inventory(make("--lang", lang))
    assert list(inventory.registers) == [s.key for s in SHEETS if not s.labels]
    penilaian = inventory.registers["penilaian"]
    assert [row.get("indikator") for row in penilaian.rows] == [str(n) for n in range(1, 48)]
    assert all(row.get("tingkat") is None for row in penilaian.rows)
    assert all(not r.rows for k, r in inventory.registers.items() if k != "penilaian")
    # Until the reader skips the helpers: "Petunjuk" and "Nama Indikator" warn, nothing else.
    assert inventory.warnings == ()  # the helper sheets and column are in the contract


def fill(template: Path, folder: Path) -> Path:
    """A copy of the Indonesian template in ``folder``, filled as a user would."""
    path = folder / "filled.xlsx"
    book = load(template)
    profile = {
        "instansi": "Pemerintah Kota Contoh",
        "jenis_instansi": VOCABULARIES["jenis_instansi"].values()[0],
        "tahun": 2025,
        "tanggal_penilaian": dt.date(2025, 9, 30),
        "jumlah_penduduk": 350_000,
        "jumlah_kecamatan": 5,
        "jumlah_perangkat_daerah": 10,
    }
    for row, column in enumerate(SHEETS_BY_KEY["profil"].columns, start=1):
        assert book["Profil"].cell(row, 1).value == column.name
        book["Profil"].cell(row, 2).value = profile[column.key]
    penilaian = book["Penilaian"]
    claims = {1: 3, 16: 4, 35: 5}  # 35 claims more than its register row supports
    for row in range(2, penilaian.max_row + 1):
        level = claims.get(penilaian.cell(row, 1).value)
        if level is not None:
            penilaian.cell(row, 3).value = level
    append(book, "aplikasi", nama_aplikasi="SPSE Kota Contoh", layanan_spbe="pengadaan",
           tingkat_layanan="transaksi", status="aktif", sistem_penghubung="tidak",
           dimensi_smart_city="governance, economy")  # fmt: skip
    append(book, "fasilitas", nama="Pusat Data Kota", jenis="pusat data",
           perangkat_daerah_pengguna="semua", status="aktif", terhubung_nasional="ya")  # fmt: skip
    append(book, "kebijakan", judul="Peraturan Wali Kota tentang Arsitektur SPBE",
           nomor="1 Tahun 2024", topik="arsitektur spbe", status="ditetapkan",
           cakupan="lengkap", mengatur_integrasi="ya")  # fmt: skip
    for key in ("perangkat_daerah", "program", "target"):
        del book[SHEETS_BY_KEY[key].name]  # as the instructions say: drop unused registers
    book.save(path)
    return path


def append(book: Any, sheet_key: str, **values: object) -> None:
    """Add a row to a register, placing each value under its contract header."""
    sheet = SHEETS_BY_KEY[sheet_key]
    ws = book[sheet.name]
    headers = [cell.value for cell in ws[1]]
    row: list[object] = [None] * len(headers)
    for key, value in values.items():
        column = sheet.column(key)
        assert column is not None
        if column.vocabulary is not None:  # only values the drop-down offers
            allowed = VOCABULARIES[column.vocabulary].values()
            assert all(v.strip() in allowed for v in str(value).split(",")), value
        row[headers.index(column.name)] = value
    ws.append(row)


def test_filled_template_scores(make: Make, tmp_path: Path) -> None:
    """Filled with drop-down values, the template scores (exit 0) with no warning at all."""
    workbook = fill(make(), tmp_path)
    run = smartserang("score", workbook, "--format", "json")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no warning: the template's helpers are in the contract
    data = jsonish(json.loads(run.stdout))
    assert data["inventory"]["instansi"] == "Pemerintah Kota Contoh"
    indicators = {i["id"]: i for i in data["indicators"]}
    assert (indicators["1"]["claimed"], indicators["1"]["supported"]) == (3, 3)
    assert indicators["35"]["claimed"] == 5
    assert indicators["35"]["supported"] == 3  # one active transaksi application
    assert indicators["35"]["evidence"][0]["label"] == "SPSE Kota Contoh"
    assert data["unsupported_claims"] == ["35"]


def test_filled_template_scores_in_the_terminal(make: Make, tmp_path: Path) -> None:
    """The default text summary of a filled template names the instansi."""
    run = smartserang("score", fill(make(), tmp_path))
    assert run.returncode == 0, run.stderr
    assert "Pemerintah Kota Contoh" in run.stdout


# -------------------------------------------------------------------- drop-downs


def validations(ws: Any) -> dict[str, Any]:
    """The data validations of a sheet by the range they cover."""
    return {str(v.sqref): v for v in ws.data_validations.dataValidation}


def listed(validation: Any) -> list[str]:
    """The values of an inline list validation."""
    formula = validation.formula1
    assert formula.startswith('"'), formula
    assert formula.endswith('"'), formula
    return list(formula[1:-1].split(","))


def expected_list(column: Column, lang: str) -> tuple[list[str], str] | None:
    """The values and error style a column's drop-down must have, or None."""
    if column.vocabulary is not None:
        vocabulary = VOCABULARIES[column.vocabulary]
        strict = column.type is ColumnType.VOCAB and not vocabulary.open
        return list(vocabulary.values()), "stop" if strict else "information"
    if column.type is ColumnType.BOOLEAN:
        return (["yes", "no"] if lang == "en" else ["ya", "tidak"]), "stop"
    if column.type is ColumnType.LEVEL:
        return list(LEVELS), "stop"
    return None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_dropdowns_carry_the_contract_values(make: Make, lang: str) -> None:
    """Each vocabulary, yes/no and level column has a list of exactly the contract's values."""
    book = load(make("--lang", lang))
    checked = 0
    for sheet in SHEETS:
        ws = book[name_of(sheet, lang)]
        found = validations(ws)
        headers = [c.value for c in ws[1]]
        for row, column in enumerate(sheet.columns, start=1):
            expected = expected_list(column, lang)
            if expected is None:
                continue
            if sheet.labels:
                area = f"B{row}"
            else:
                letter = chr(ord("A") + headers.index(header_of(column, lang)))
                area = f"{letter}2:{letter}1000"
            validation = found[area]
            assert validation.type == "list"
            assert (listed(validation), validation.errorStyle) == expected, column.key
            assert validation.showErrorMessage
            checked += 1
    assert checked == 19  # Profil 1, Penilaian 2, Aplikasi 6, Fasilitas 3, Kebijakan 4, Program 3


def test_target_scope_list_moves_to_the_helper_sheet(make: Make) -> None:
    """With two sets the Lingkup list passes 255 characters and lives in hidden _Daftar."""
    sets = [load_indicator_set("spbe-2020"), load_indicator_set("smart-city")]
    book = load(make("--set", "spbe-2020", "--set", "smart-city"))
    assert book.sheetnames[-1] == HELPER_SHEET
    helper = book[HELPER_SHEET]
    assert helper.sheet_state == "hidden"
    values = tuple(str(row[0].value) for row in helper.iter_rows(min_row=2))
    assert values == scopes(sets)
    assert len(",".join(values)) > 255
    (validation,) = validations(book["Target"]).values()
    assert (validation.formula1, validation.errorStyle) == ("daftar_lingkup", "information")
    name = book.defined_names["daftar_lingkup"]
    assert name.attr_text == f"'{HELPER_SHEET}'!$A$2:$A${len(values) + 1}"


def test_one_set_needs_no_helper_sheet(make: Make) -> None:
    """spbe-2020 alone fits every list inline: no hidden sheet, no workbook names."""
    book = load(make())
    assert HELPER_SHEET not in book.sheetnames
    assert not book.defined_names
    (validation,) = validations(book["Target"]).values()
    assert listed(validation)[:3] == ["indeks", "spbe-2020", "D1"]


@pytest.mark.parametrize(
    ("values", "inline"),
    [
        (("aktif", "tidak aktif"), True),
        (("x" * 127, "y" * 127), True),  # 255 characters with the comma
        (("x" * 128, "y" * 127), False),
        (("a,b", "c"), False),  # a comma would split the value
        (('say "hi"', "c"), False),  # a quote would end the formula's string
        (("=1+1", "c"), False),  # an inline value cannot be typed as text
    ],
)
def test_fits_inline(values: tuple[str, ...], inline: bool) -> None:
    """Lists go inline only within Excel's 255 characters and without commas or quotes."""
    assert fits_inline(values) is inline


# ------------------------------------------------------------------------- notes


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_header_has_a_note(make: Make, lang: str) -> None:
    """Every header and Profil label has a note with its description and accepted values."""
    book = load(make("--lang", lang))
    for sheet in SHEETS:
        ws = book[name_of(sheet, lang)]
        cells = [row[0] for row in ws.iter_rows(max_col=1)] if sheet.labels else list(ws[1])
        notes = {cell.value: cell.comment.text for cell in cells if cell.comment is not None}
        assert len(notes) == len(cells), sheet.key
        for column in sheet.columns:
            note = notes[header_of(column, lang)]
            words = COLUMN_NOTES.get((sheet.key, column.key), {})
            description = column.description if lang == "id" and column.description else None
            expected = description or fill_names(words[lang], lang)
            assert expected.rstrip(".") in note, (sheet.key, column.key)
            for value in VOCABULARIES[column.vocabulary].values() if column.vocabulary else ():
                assert f"• {value}" in note


def test_every_column_has_words_in_both_languages() -> None:
    """No contract column lacks a note: a new column must get its words here."""
    for sheet in SHEETS:
        for column in sheet.columns:
            words = COLUMN_NOTES.get((sheet.key, column.key), {})
            assert words.get("en"), (sheet.key, column.key)
            assert column.description or words.get("id"), (sheet.key, column.key)
    known = {(s.key, c.key) for s in SHEETS for c in s.columns}
    assert set(COLUMN_NOTES) <= known  # no words left behind by a removed column


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_text_names_real_sheets_and_columns(lang: str) -> None:
    """Every {sheet} and {sheet.column} in the words resolves against the contract."""
    extra = dict.fromkeys(("indicator_name", "helper_sheet", "alias", "sheet"), "x")
    texts = [w[lang] for w in COLUMN_NOTES.values() if lang in w]
    texts += [w[lang] for w in (*SHEET_HELP.values(), *TEXT.values())]
    for text in texts:
        assert "{" not in fill_names(text, lang, extra), text
    assert set(SHEET_HELP) == set(SHEETS_BY_KEY)


# --------------------------------------------------------------------- Penilaian


@pytest.mark.parametrize("lang", ["id", "en"])
def test_penilaian_lists_the_47_indicators_with_criteria(make: Make, lang: str) -> None:
    """Penilaian has one row per SPBE indicator, its name, and all five levels' criteria."""
    iset = load_indicator_set("spbe-2020")
    ws = load(make("--lang", lang))[name_of(SHEETS_BY_KEY["penilaian"], lang)]
    headers = [c.value for c in ws[1]]
    assert (
        headers[:3] == ["Indicator", INDICATOR_NAME_COLUMN["en"], "Level"]
        if lang == "en"
        else [
            "Indikator",
            INDICATOR_NAME_COLUMN["id"],
            "Tingkat",
        ]
    )
    assert ws.max_row == 48
    assert ws.freeze_panes == "C2"
    scale_names = {s: [lv.name.get(lang) for lv in sc.levels] for s, sc in iset.scales.items()}
    for row, indicator in enumerate(iset.indicators(), start=2):
        assert ws.cell(row, 1).value == int(indicator.id)
        assert ws.cell(row, 2).value == indicator.label.get(lang)
        note = ws.cell(row, 3).comment.text
        assert note.startswith(f"{indicator.id}. {indicator.name.get(lang)}")
        for level, criteria in indicator.criteria.items():
            assert criteria.get(lang) in note
            assert f" {level} – {scale_names[indicator.scale][level - 1]}" in note
        assert len(indicator.criteria) == 5


def test_two_sets_list_all_their_indicators(make: Make) -> None:
    """With spbe-2020 and smart-city, Penilaian lists 47 + 46 rows and reads back cleanly."""
    path = make("--set", "spbe-2020", "--set", "smart-city", "--lang", "en")
    inventory = read_inventory(path)
    ids = [row.get("indikator") for row in inventory.registers["penilaian"].rows]
    smart = [i.id for i in load_indicator_set("smart-city").indicators()]
    assert ids == [str(n) for n in range(1, 48)] + smart
    assert inventory.warnings == ()


# ------------------------------------------------------------ sheets and language


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sheets_follow_the_contract_in_the_chosen_language(make: Make, lang: str) -> None:
    """Instructions first, then every contract sheet by its name in the language, headers bold."""
    book = load(make("--lang", lang))
    assert book.sheetnames == [INSTRUCTIONS_SHEET[lang], *(name_of(s, lang) for s in SHEETS)]
    assert book.active.title == INSTRUCTIONS_SHEET[lang]
    for sheet in SHEETS:
        ws = book[name_of(sheet, lang)]
        if sheet.labels:
            labels = [row[0].value for row in ws.iter_rows(max_col=1)]
            assert labels == [header_of(c, lang) for c in sheet.columns]
            continue
        headers = [c.value for c in ws[1]]
        assert headers == [header_of(c, lang) for c in sheet.columns]
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes in ("A2", "C2")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_instructions_explain_each_sheet_and_the_command(make: Make, lang: str) -> None:
    """The instructions name every sheet, the evidence rules and the command for this file."""
    book = load(make("--lang", lang, name="kota contoh.xlsx"))
    text = "\n".join(str(row[0].value) for row in book[INSTRUCTIONS_SHEET[lang]].iter_rows())
    for sheet in SHEETS:
        assert f"\n{name_of(sheet, lang)}\n" in text
    assert fill_names(TEXT["evidence"][lang], lang) in text
    expected = "smartserang score 'kota contoh.xlsx' --set spbe-2020"
    assert (expected + (" --lang en" if lang == "en" else "")) in text.splitlines()


# ------------------------------------------------------------------------ output


def test_same_inputs_give_the_same_bytes(make: Make) -> None:
    """Two runs write identical bytes: fixed properties, fixed zip dates."""
    first, second = make(), make(fresh=True)
    assert first.parent != second.parent
    assert first.read_bytes() == second.read_bytes()
    assert load(first).properties.modified == dt.datetime(2025, 1, 1)


def test_stdout_gets_the_bytes_when_redirected(make: Make) -> None:
    """Without -o and with stdout piped, the workbook goes to stdout (same bytes as -o)."""
    written = make(name="inventaris.xlsx")  # the default name the commands use
    command = shutil.which("smartserang", path=str(Path(sys.executable).parent))
    assert command is not None
    run = subprocess.run([command, "template"], capture_output=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout == written.read_bytes()


def test_terminal_stdout_is_refused() -> None:
    """On a terminal without -o the command exits 2 instead of printing zip bytes."""
    command = shutil.which("smartserang", path=str(Path(sys.executable).parent))
    assert command is not None
    leader, follower = pty.openpty()
    try:
        # A timeout: a regression writing 40 kB to an unread terminal would block.
        run = subprocess.run(
            [command, "template"], stdout=follower, stderr=subprocess.PIPE, check=False, timeout=60
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert run.returncode == 2
    assert b"--output" in run.stderr


def test_bad_set_is_reported_and_nothing_written(tmp_path: Path) -> None:
    """An unknown set exits 2 with a located message, and no file appears."""
    run = smartserang("--lang", "en", "template", "--set", "spbe-2002", "-o", tmp_path / "x.xlsx")
    assert run.returncode == 2
    assert "spbe-2002" in run.stderr
    assert "no template written" in run.stderr
    assert not list(tmp_path.iterdir())


def test_help_describes_the_command() -> None:
    """``template --help`` explains the options."""
    run = smartserang("template", "--help")
    assert run.returncode == 0
    assert "--output" in run.stdout
    assert "--lang" in run.stdout


# --------------------------------------------------------------------- safe_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),  # leading spaces do not hide a trigger
        ("-2", "-2"),  # plain numbers as text run nothing
        ("+3.5", "+3.5"),
        ("-2,5", "-2,5"),
        ("42", "42"),
        ("Dinas Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika"),
        ("spbe-2020", "spbe-2020"),
        ("e-Budgeting", "e-Budgeting"),
        ("", ""),
        (None, ""),
        (-2, "-2"),  # numbers are numbers, never formulas
        (3.5, "3.5"),
    ],
)
def test_safe_text(value: object, expected: str) -> None:
    """Text a spreadsheet would evaluate gets a leading apostrophe; data stays as it is."""
    assert safe_text(value) == expected


@pytest.mark.parametrize(
    ("text", "prefixed"),
    [
        ("=1+1", True),
        ("+cmd|' /C calc'!A0", True),
        ("-6.1843, 106.0927", True),  # a Koordinat south of the equator stays exact
        ("@SUM(A1:A2)", True),
        ("#N/A", False),  # openpyxl would make an error cell of it
        ("Dinas Kesehatan", False),
    ],
)
def test_write_text_keeps_text_exact(tmp_path: Path, text: str, prefixed: bool) -> None:
    """A cell written by write_text reads back as exactly the text, a string, never a formula."""
    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    book = Workbook()
    write_text(book.active["A1"], text)
    book.save(tmp_path / "x.xlsx")
    cell = load(tmp_path / "x.xlsx").active["A1"]
    assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", text, prefixed)
    sheet = CalamineWorkbook.from_path(str(tmp_path / "x.xlsx")).get_sheet_by_index(0)
    assert sheet.to_python() == [[text]]


def test_indicator_names_from_a_set_cannot_inject_formulas(tmp_path: Path) -> None:
    """A set naming an indicator "=HYPERLINK(…)" gets that text in the template, inert."""
    hostile = '=HYPERLINK("http://example.invalid","klik")'
    set_file = tmp_path / "mini.yaml"
    set_file.write_text(mini().replace("name: A,", f"name: '{hostile}',"), encoding="utf-8")
    output = tmp_path / "blank.xlsx"
    run = smartserang("template", "--set", set_file, "-o", output)
    assert run.returncode == 0, run.stderr
    cell = load(output)["Penilaian"]["B2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (hostile, "s", True)
    rows = read_inventory(output).registers["penilaian"].rows
    assert [row.get("indikator") for row in rows] == ["1", "2", "3"]


# ------------------------------------------------------------------- LibreOffice


def soffice() -> str:
    """The LibreOffice command; skips the test when absent, unless CI requires it."""
    return require_tool("soffice", "LibreOffice (soffice)")


def convert(workbook: Path, target: str, folder: Path) -> Path:
    """``workbook`` converted by LibreOffice to ``target`` (pdf, xlsx, ods) in ``folder``."""
    profile = (folder / "profile").as_uri()  # its own profile: no clash with a running office
    run = subprocess.run(
        [soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(folder / "out"), str(workbook)],
        capture_output=True, text=True, check=False, timeout=180,
    )  # fmt: skip
    converted = folder / "out" / f"{workbook.stem}.{target}"
    assert run.returncode == 0, run.stderr
    assert converted.exists(), run.stdout
    return converted


def test_libreoffice_opens_the_template(make: Make, tmp_path: Path) -> None:
    """LibreOffice converts the template to PDF: it opens as a valid workbook."""
    pdf = convert(make("--set", "spbe-2020", "--set", "smart-city"), "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert TEXT["title"]["id"] in text
        assert "Nama Indikator" in text


def test_libreoffice_keeps_the_dropdowns(make: Make, tmp_path: Path) -> None:
    """Saved again by LibreOffice, every drop-down survives: ranges, lists, styles, names."""
    original = make("--set", "spbe-2020", "--set", "smart-city")
    resaved = load(convert(original, "xlsx", tmp_path))
    before = load(original)
    for sheet in before.sheetnames:

        def rules(book: Any, sheet: str = sheet) -> set[tuple[str, str, str, str]]:
            return {
                (area, v.type, v.formula1, v.errorStyle)
                for area, v in validations(book[sheet]).items()
            }

        assert rules(resaved) == rules(before), sheet
    assert resaved[HELPER_SHEET].sheet_state == "hidden"
    assert resaved.defined_names["daftar_lingkup"].attr_text.endswith("$A$2:$A$133")


UNO_CHECK = textwrap.dedent(
    """
    import json, subprocess, sys, time, uno
    from com.sun.star.beans import PropertyValue

    path, profile, pipe = sys.argv[1:4]
    office = subprocess.Popen(["soffice", "--headless", "--norestore",
        "-env:UserInstallation=" + profile, "--accept=pipe,name=" + pipe + ";urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                context = resolver.resolve(
                    "uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        hidden = PropertyValue(Name="Hidden", Value=True)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                (hidden,))
        verdicts = []
        for sheet, address, value in json.loads(sys.stdin.read()):
            ws = document.Sheets.getByName(sheet)
            cell = ws.getCellRangeByName(address)
            if isinstance(value, int):
                cell.Value = value
            else:
                cell.String = value
            verdicts.append(not ws.showInvalid())  # True when no cell of the sheet is invalid
            ws.clearArrows()
            cell.String = ""
        document.close(True)
        print(json.dumps(verdicts))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=60)
    """
)


def test_libreoffice_enforces_the_dropdowns(make: Make, tmp_path: Path) -> None:
    """LibreOffice itself accepts listed values and flags others, inline and helper-sheet lists."""
    soffice()
    system_python = shutil.which("python3", path="/usr/bin")
    probe = [system_python or "python3", "-c", "import uno"]
    if system_python is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        if os.environ.get("CI"):
            pytest.fail("CI needs LibreOffice's Python bridge: apt-get install python3-uno")
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    workbook = make("--set", "spbe-2020", "--set", "smart-city")
    cases = [
        ["Aplikasi", "E2", "aktif", True],
        ["Aplikasi", "E2", "hidup", False],
        ["Aplikasi", "H2", "ya", True],
        ["Penilaian", "C2", 3, True],
        ["Penilaian", "C2", 7, False],
        ["Fasilitas", "B2", "cctv", True],
        ["Fasilitas", "B2", "menara", False],  # open list: allowed, but marked as unlisted
        ["Target", "B2", "GOV1.1", True],  # from the hidden helper sheet
        ["Target", "B2", "D9", False],
        ["Profil", "B2", "kota", True],
    ]
    script = tmp_path / "uno_check.py"
    script.write_text(UNO_CHECK, encoding="utf-8")
    run = subprocess.run(
        [system_python, str(script), str(workbook), (tmp_path / "profile").as_uri(),
         f"smartserang{os.getpid()}"],
        input=json.dumps([case[:3] for case in cases]), capture_output=True, text=True,
        check=False, timeout=180,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == [case[3] for case in cases]
