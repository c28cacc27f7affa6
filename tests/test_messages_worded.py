"""Every problem the library makes is a catalogue entry: no module outside the command
line builds one from an English sentence, and the problems of a bad workbook, a bad
CSV import, bad options and bad files read in Indonesian with the codes of English."""

from __future__ import annotations

import ast
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from smartserang.catalogue import messages
from smartserang.i18n import Count, Phrase, Phrases, Size, message
from smartserang.problems import InputError, Problem

from builders import write_workbook

SOURCE = Path(__file__).resolve().parents[1] / "src" / "smartserang"
COMMAND_LINE = "cli"
"""Worded through the catalogue by its own test (the command line's words)."""

_WORDED = {"error", "warning", "note", "score_warning", "warn", "worded", "of"}
"""Calls that take a catalogue key and its values: ``Problem.error``…, ``Found.error``,
``BadValue.worded``, ``Phrase.of``; no sentence may be handed to them."""
_KEYED = {"Damaged", "_BadSetting", "_BadNumber"}
"""Exceptions made from a catalogue key (their first argument)."""
SENTENCE = re.compile(r"[A-Za-z]+ +[A-Za-z]+")
"""Two words in a row: text a person would read, not a key, a location or a code."""


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(SOURCE.rglob("*.py"))
        if path.relative_to(SOURCE).parts[0] not in (COMMAND_LINE, "catalogue")
    ]


def _literal_text(node: ast.expr) -> str:
    """The fixed text of a string literal or f-string (its filled-in values left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "{}".join(_literal_text(v) for v in node.values)
    return ""


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _wrong_calls(path: Path, keys: set[str], root: Path = SOURCE) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(root)
    wrong = []
    for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
        name, at = _name(call.func), f"{where}:{call.lineno}"
        if name in ("Problem", "BadValue"):
            wrong.append(f"{at}: {name}(...) built from text, not a catalogue key")
            continue
        if name not in _WORDED | _KEYED:
            continue
        arguments = [*call.args, *(k.value for k in call.keywords)]
        sentences = [t for t in map(_literal_text, arguments) if SENTENCE.search(t)]
        wrong += [f"{at}: a sentence passed to {name}(): {t!r}" for t in sentences]
        # the key: the second argument of a problem maker, the first of the others
        place = 1 if name in {"error", "warning", "note", "score_warning", "warn"} else 0
        if len(call.args) > place:
            key = call.args[place]
            text = key.value if isinstance(key, ast.Constant) else None
            if isinstance(text, str) and text not in keys:
                wrong.append(f"{at}: no catalogue entry {text!r}")
    return wrong


def test_no_library_module_builds_a_problem_from_text() -> None:
    """Outside the command line, no ``Problem(location, "English text", code)``, no
    ``BadValue("text", code)``, no sentence or f-string handed where a key belongs, and
    every literal key names an entry of the catalogue."""
    keys = set(messages())
    wrong = [issue for path in _modules() for issue in _wrong_calls(path, keys)]
    assert not wrong, "\n".join(wrong)


def test_the_scan_sees_a_problem_built_from_text(tmp_path: Path) -> None:
    """The scan above is not blind: each way of writing English into a problem is found."""
    module = tmp_path / "bad.py"
    module.write_text(
        "Problem('x.xlsx', 'cannot read workbook', 'inventory.file')\n"
        "found.error('x.xlsx', f'cannot read sheet: {reason}', 'inventory.sheet')\n"
        "BadValue.worded('no_such_entry', 'inventory.vocab')\n"
        "Problem.error('x.xlsx', 'sheet_none', 'inventory.sheet.none', known='did you mean')\n",
        encoding="utf-8",
    )
    wrong = _wrong_calls(module, set(messages()), root=tmp_path)
    assert [issue.split(":")[1] for issue in wrong] == ["1", "2", "3", "4"]


# -------------------------------------------------- representative problems, both languages


def _both(problem: Problem) -> tuple[str, str]:
    indonesian, english = problem.render("id"), problem.render("en")
    assert english == str(problem)
    assert indonesian.startswith(f"{problem.location}: ")
    assert indonesian.endswith(f" [{problem.code}]")
    assert indonesian != english, english
    return indonesian, english


def _problems(path: Path) -> list[Problem]:
    from smartserang.workbook.reader import read_inventory

    with pytest.raises(InputError) as caught:
        read_inventory(path, display="inv.xlsx")
    return list(caught.value.problems)


def test_a_bad_workbooks_problems_read_in_indonesian(tmp_path: Path) -> None:
    """A missing column, a row given twice, a required cell left blank, an unknown term
    with its suggestion, a sheet given twice: each in Indonesian, with the same location
    and code as in English."""
    path = write_workbook(
        tmp_path / "inv.xlsx",
        {
            "Penilaian": [["Indikator", "Tingkat"], [35, 3], ["35", 4]],
            "Aplikasi": [
                ["Nama Aplikasi", "Tingkat Layanan", "Dimensi Smart City"],
                ["SIPD", "transaksional", "mobility, economi"],
                [None, "informasi", "governance"],
            ],
            "Fasilitas": [["Nama", "Status"], ["PDD", "aktif"]],
        },
    )
    found = {p.code: _both(p) for p in _problems(path) if p.severity.value == "error"}
    assert found["inventory.duplicate"] == (
        "inv.xlsx:Penilaian!A3: Indikator '35' sudah tercantum di baris 2 [inventory.duplicate]",
        "inv.xlsx:Penilaian!A3: Indikator '35' is already given in row 2 [inventory.duplicate]",
    )
    assert found["inventory.column.missing"][0] == (
        "inv.xlsx:Fasilitas!A1: kolom wajib 'Jenis' tidak ada [inventory.column.missing]"
    )
    assert found["inventory.cell.missing"][0] == (
        "inv.xlsx:Aplikasi!A3: Nama Aplikasi wajib diisi tetapi kosong [inventory.cell.missing]"
    )
    vocab = [_both(p) for p in _problems(path) if p.code == "inventory.vocab"]
    assert vocab[0][0] == (
        "inv.xlsx:Aplikasi!B2: Tingkat Layanan 'transaksional' tidak dikenal (maksudnya"
        " 'transaksi'?; yang diterima: informasi, interaksi, transaksi, kolaborasi, optimum)"
        " [inventory.vocab]"
    )
    assert "maksudnya 'economy' untuk 'economi'?" in vocab[1][0]
    assert "did you mean" not in vocab[1][0]


def test_a_workbook_past_a_limit_reads_in_indonesian(tmp_path: Path) -> None:
    """A sheet past the rows limit is named with Indonesian units and the thousands
    grouped with dots; the option to raise the limit stays as typed."""
    from smartserang.workbook.limits import Limits
    from smartserang.workbook.reader import read_inventory

    rows = [["Nama Aplikasi"], *([f"App {i}"] for i in range(1_200))]
    path = write_workbook(tmp_path / "inv.xlsx", {"Aplikasi": rows})
    with pytest.raises(InputError) as caught:
        read_inventory(path, display="inv.xlsx", limits=Limits(rows=1_000))
    (problem,) = caught.value.problems
    indonesian, english = _both(problem)
    assert english == (
        "inv.xlsx:Aplikasi: the sheet's filled area is 1,201 rows, above the limit of 1,000"
        " rows; if the workbook is genuine, raise the limit with --limit rows=VALUE"
        " [inventory.limit]"
    )
    assert indonesian == (
        "inv.xlsx:Aplikasi: area terisi sheet ini mencapai 1.201 baris, melebihi batas 1.000 baris;"
        " jika buku kerja ini asli, naikkan batasnya dengan --limit rows=NILAI"
        " [inventory.limit]"
    )


def test_a_damaged_file_is_worded_not_told_in_the_librarys_words(tmp_path: Path) -> None:
    """A cut zip, a missing file and a folder are worded by the catalogue in both
    languages; no library message reaches the reader as it is."""
    whole = write_workbook(tmp_path / "whole.xlsx", {"Aplikasi": [["Nama Aplikasi"], ["SIPD"]]})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:-200])
    (incomplete,) = _problems(cut)
    assert _both(incomplete)[0] == (
        "inv.xlsx: buku kerja tidak dapat dibaca: berkasnya tidak lengkap (akhir zip-nya"
        " hilang: unduhan atau salinan yang terpotong?); salin lagi dari aslinya"
        " [inventory.file]"
    )
    (missing,) = _problems(tmp_path / "nothing.xlsx")
    assert _both(missing) == (
        "inv.xlsx: buku kerja tidak dapat dibaca: berkas tidak ditemukan [inventory.file]",
        "inv.xlsx: cannot read workbook: file not found [inventory.file]",
    )
    (folder,) = _problems(tmp_path)
    assert "ini sebuah folder" in _both(folder)[0]


def test_a_zip_with_two_parts_of_one_name_names_both_in_each_language(tmp_path: Path) -> None:
    """Two parts whose names differ only in case: both named, joined by "dan"/"and"."""
    path = tmp_path / "two.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/Workbook.xml", "<workbook/>")
    (problem,) = _problems(path)
    indonesian, english = _both(problem)
    assert "xl/Workbook.xml dan xl/workbook.xml" in indonesian
    assert "xl/Workbook.xml and xl/workbook.xml" in english


def test_bad_options_and_files_read_in_indonesian(tmp_path: Path) -> None:
    """``--limit``, ``--set``, a folder without workbooks, a text or JSON file that cannot
    be read: each worded in Indonesian with the English code."""
    from smartserang import session
    from smartserang.files import parse_json, read_text
    from smartserang.workbook.limits import parse_limits

    with pytest.raises(InputError) as caught:
        parse_limits(["rows=banyak", "speed=3"])
    for problem in caught.value.problems:
        assert problem.code == "usage.limit"
        assert "tertulis" in _both(problem)[0]
    (folder,) = _raised(lambda: session.workbooks_in([tmp_path]))
    assert "tidak ada buku kerja di folder ini" in _both(folder)[0]
    (missing,) = _raised(lambda: read_text(tmp_path / "nothing.json", "x.read"))
    assert _both(missing)[0] == (
        f"{tmp_path / 'nothing.json'}: tidak dapat dibaca: berkas tidak ditemukan [x.read]"
    )
    (json,) = _raised(lambda: parse_json('{"a": 1', "r.json", "x.json", Decimal))
    assert _both(json)[0] == "r.json:1:8: bukan JSON yang sah: tanda ',' diharapkan [x.json]"
    (nan,) = _raised(lambda: parse_json('{"a": NaN}', "r.json", "x.json", Decimal))
    assert _both(nan)[0] == "r.json: bukan JSON yang sah: NaN bukan skor [x.json]"
    _, problems = session.load_sets(["spbe-2020", "spbe-2020"], target=9)
    assert {p.code for p in problems} == {"usage.set", "usage.target"}
    for problem in problems:
        _both(problem)


def _raised(action: object) -> tuple[Problem, ...]:
    assert callable(action)
    with pytest.raises(InputError) as caught:
        action()
    return caught.value.problems


def test_import_problems_read_in_indonesian(tmp_path: Path) -> None:
    """The import's option and value problems, in Indonesian with the English codes."""
    from smartserang.author.csvimport.mapping import convert_rows, find_sheet, plan_import
    from smartserang.author.csvimport.records import parse_csv

    with pytest.raises(InputError) as caught:
        find_sheet("Aplikasii")
    (sheet,) = caught.value.problems
    assert "(maksudnya 'Aplikasi'?)" in _both(sheet)[0]
    aplikasi = find_sheet("Aplikasi")
    table = parse_csv(b"nama;tingkat\nSIPD;tinggi\n;informasi\n", "a.csv")
    with pytest.raises(InputError) as caught:
        plan_import(aplikasi, table.header, ["Nama Aplikasi=namaa", "Nama"], [], "a.csv")
    for problem in caught.value.problems:
        _both(problem)
    plan = plan_import(
        aplikasi, table.header, ["Nama Aplikasi=nama", "Tingkat Layanan=tingkat"], [], "a.csv"
    )
    skipped = convert_rows(table, plan).skipped
    worded = [_both(p)[0] for s in skipped for p in s.problems]
    assert worded[0].startswith("a.csv:2: kolom CSV tingkat: Tingkat Layanan 'tinggi' tidak")
    assert worded[1] == (
        "a.csv:3: kolom CSV nama: Nama Aplikasi wajib diisi tetapi kosong [inventory.cell.missing]"
    )
    with pytest.raises(InputError) as caught:
        parse_csv(b"PK\x03\x04 a zip", "a.csv")
    (workbook,) = caught.value.problems
    assert _both(workbook)[0].startswith("a.csv: berkas ini buku kerja, bukan berkas CSV")


# -------------------------------------------------------------------- filled values


def test_counts_sizes_and_phrases_follow_the_language() -> None:
    """Counts group thousands (1,500 / 1.500), sizes take the decimal mark and the unit
    word, phrases and lists of phrases are worded in the language of the whole."""
    assert message("limit_rows", "en", count=Count(1_500_000)) == "1,500,000 rows"
    assert message("limit_rows", "id", count=Count(1_500_000)) == "1.500.000 baris"
    fill = {"reason": Size(1_500_000_000)}
    assert message("workbook_unreadable", "en", **fill).endswith(": 1.5 GB")
    assert message("workbook_unreadable", "id", **fill).endswith(": 1,5 GB")
    assert message("workbook_unreadable", "id", reason=Size(512)).endswith(": 512 bita")
    assert message("workbook_unreadable", "en", reason=Size(100_000_000)).endswith(": 100 MB")
    notes = Phrases((Phrase.of("vocab_like", like="x"), Phrase.of("vocab_accepted", values="x")))
    assert message("workbook_unreadable", "id", reason=notes).endswith(
        ": maksudnya 'x'?; yang diterima: x"
    )
    both = Phrases(("a", "b"), joiner="joined_and")
    assert message("workbook_unreadable", "id", reason=both).endswith(": a dan b")
    assert message("workbook_unreadable", "en", reason=both).endswith(": a and b")
