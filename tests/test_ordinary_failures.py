"""The pieces that keep ordinary conditions from becoming tracebacks or lost files, on
literal inputs: the output guard's identity rules, the lock beside a baseline, names
that are not UTF-8 or too long, JSON nested too deep, a library's full disk, text made
safe for a terminal in any encoding, and what a copied workbook may keep.

The commands themselves, run on the same conditions, are ``test_hostile_outputs``.
"""

from __future__ import annotations

import io
import os
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from hostile_outputs import into_workbooks
from smartserang import files
from smartserang.author.csvimport.workbook import append_rows, reaches_outside
from smartserang.cli.streams import printable, terminal_bytes
from smartserang.problems import InputError
from smartserang.workbook.contract import SHEETS_BY_KEY

from builders import EXAMPLES

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"


@pytest.fixture
def run() -> Iterator[None]:
    """A command's run: inputs noted from empty, and forgotten after the test."""
    files.begin_run()
    yield
    files._Run.inputs = None


# ------------------------------------------------------------------ the output guard


def codes(path: Path, option: str = "--output", **options: object) -> list[str]:
    return [p.code for p in files.output_problems(path, option, **options)]  # type: ignore[arg-type]


def test_an_input_is_refused_under_every_name(tmp_path: Path, run: None) -> None:
    """The same file by its path, ./ and ../ forms, a symbolic link, a hard link and a
    linked folder is refused; another file of the same bytes is not."""
    book = tmp_path / "books" / "kota.xlsx"
    book.parent.mkdir()
    book.write_bytes(b"workbook")
    files.note_input(book)
    (tmp_path / "sym.xlsx").symlink_to(book)
    os.link(book, tmp_path / "hard.xlsx")
    (tmp_path / "folder").symlink_to(book.parent)
    (tmp_path / "copy.xlsx").write_bytes(b"workbook")
    names = [
        book,
        tmp_path / "books" / "." / "kota.xlsx",
        tmp_path / "books" / ".." / "books" / "kota.xlsx",
        tmp_path / "sym.xlsx",
        tmp_path / "hard.xlsx",
        tmp_path / "folder" / "kota.xlsx",
    ]
    assert [codes(name) for name in names] == [["output.input"]] * len(names)
    assert codes(tmp_path / "copy.xlsx") == []
    assert codes(tmp_path / "new.xlsx") == []


def test_the_refusal_names_the_option_and_the_input(tmp_path: Path, run: None) -> None:
    """The problem is located at the output as given and names the option and the input
    as it was given."""
    data = tmp_path / "wifi.csv"
    data.write_text("nama\n", encoding="utf-8")
    files.note_input(data)
    (problem,) = files.output_problems(tmp_path / "." / "wifi.csv", "--summary")
    assert problem.location == str(tmp_path / "." / "wifi.csv")
    assert problem.params == (("input", str(data)), ("option", "--summary"))


def test_folders_devices_and_the_input_folder(tmp_path: Path, run: None) -> None:
    """A folder is refused; a named pipe too unless appended to; inside a folder given as
    input, a name its scan would read as a workbook is refused and any other is not."""
    units = tmp_path / "units"
    units.mkdir()
    files.note_input(units, scanned=(".xlsx", ".ods"))
    os.mkfifo(tmp_path / "pipe")
    assert codes(units) == ["output.folder"]
    assert codes(tmp_path / "pipe") == ["output.folder"]
    assert codes(tmp_path / "pipe", appending=True) == []
    assert codes(units / "rekap.xlsx") == ["output.input"]
    assert codes(units / "REKAP.ODS") == ["output.input"]
    assert codes(units / "rekap.html") == []
    assert codes(units / ".rekap.xlsx") == []
    assert codes(units / "~$rekap.xlsx") == []
    assert codes(units / "sub" / "rekap.xlsx") == []


def test_in_place_may_replace_its_own_workbook_only(tmp_path: Path, run: None) -> None:
    """``replacing`` allows the one input --in-place replaces, not another."""
    into, data = tmp_path / "w.xlsx", tmp_path / "d.csv"
    into.write_bytes(b"x")
    data.write_bytes(b"y")
    files.note_input(into)
    files.note_input(data)
    assert codes(into, replacing=into) == []
    assert codes(data, replacing=into) == ["output.input"]


def test_outside_a_run_nothing_is_an_input(tmp_path: Path) -> None:
    """A library caller (no run begun) notes nothing: only folders are refused."""
    book = tmp_path / "kota.xlsx"
    book.write_bytes(b"x")
    files.note_input(book)
    assert codes(book) == []
    assert codes(tmp_path) == ["output.folder"]


def test_write_atomic_checks_again_when_it_writes(tmp_path: Path, run: None) -> None:
    """A file noted after the command's first check (a base set read later) is refused
    by the write itself; the file keeps its bytes and nothing is left beside it."""
    base = tmp_path / "base.yaml"
    base.write_text("id: base\n", encoding="utf-8")
    files.note_input(base)
    with pytest.raises(InputError) as caught:
        files.write_atomic(base, b"report")
    assert [p.code for p in caught.value.problems] == ["output.input"]
    assert base.read_text(encoding="utf-8") == "id: base\n"
    assert [p.name for p in tmp_path.iterdir()] == ["base.yaml"]


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"kota.xlsx", "kota.xlsx"),
        (b"bad\xff\xfe.xlsx", "bad\\xff\\xfe.xlsx"),
        ("Dinas Komunikasi · 2025.xlsx".encode(), "Dinas Komunikasi · 2025.xlsx"),
        (b"caf\xe9.xlsx", "caf\\xe9.xlsx"),
    ],
)
def test_a_name_that_is_not_utf8_is_shown_with_its_bytes(raw: bytes, shown: str) -> None:
    """Each byte that is not UTF-8 is shown as ``\\xNN``; text stays as it is."""
    assert files.display_name(os.fsdecode(raw)) == shown


def test_a_name_that_is_not_utf8_can_be_opened_by_name(tmp_path: Path) -> None:
    """``openable_name`` gives a UTF-8 name for the same file while the block runs."""
    path = tmp_path / os.fsdecode(b"bad\xff.xlsx")
    path.write_bytes(b"the workbook")
    with files.openable_name(path) as name:
        name.encode("utf-8")
        assert Path(name).read_bytes() == b"the workbook"
    with files.openable_name(tmp_path / "plain.xlsx") as name:
        assert name == str(tmp_path / "plain.xlsx")


def test_files_named_after_a_long_name_fit(tmp_path: Path) -> None:
    """A temporary file or lock beside an output of 250 bytes has a name that fits, the
    same for the same output."""
    output = tmp_path / ("p" * 245 + ".json")
    short = files.short_name(output)
    assert len(os.fsencode(f".{short}.12345678.tmp")) < 255
    assert short == files.short_name(output)
    assert files.short_name(tmp_path / "kota.json") == "kota.json"
    files.write_atomic(output, b"{}")
    assert output.read_bytes() == b"{}"


# ------------------------------------------------------------------ the lock


def test_the_lock_makes_a_second_holder_wait_and_leaves_no_file(tmp_path: Path) -> None:
    """While one holder has the lock another waits; once both are done no lock file is
    left beside the output."""
    output = tmp_path / "baseline.json"
    order: list[str] = []
    entered = threading.Event()

    def first() -> None:
        with files.lock_beside(output):
            entered.set()
            time.sleep(0.3)
            order.append("first done")

    def second() -> None:
        entered.wait()
        with files.lock_beside(output):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert order == ["first done", "second in"]
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_takes_no_lock_file_is_an_oserror(tmp_path: Path) -> None:
    """The command reports it as ``cannot write``."""
    with pytest.raises(FileNotFoundError), files.lock_beside(tmp_path / "missing" / "b.json"):
        pass


# ------------------------------------------------------------------ JSON


def nested(depth: int) -> str:
    return '{"a":' * (depth - 1) + "[1]" + "}" * (depth - 1)


def test_json_nested_up_to_the_limit_is_read_deeper_is_refused() -> None:
    """64 levels are read; 65 are a located problem with the reader's code."""
    assert files.parse_json(nested(files.MAX_JSON_DEPTH), "b.json", "x.json", Decimal)
    with pytest.raises(InputError) as caught:
        files.parse_json(nested(files.MAX_JSON_DEPTH + 1), "b.json", "x.json", Decimal)
    (problem,) = caught.value.problems
    assert (problem.location, problem.code, problem.text_key) == (
        "b.json",
        "x.json",
        "json_too_deep",
    )


def test_a_nesting_bomb_is_refused_not_a_recursion_error() -> None:
    """100,000 levels: a located problem."""
    with pytest.raises(InputError):
        files.parse_json("[" * 100_000 + "]" * 100_000, "b.json", "x.json", Decimal)


# ------------------------------------------------------------------ a library's full disk


class SerialisationError(Exception):
    """Stands for lxml's, which reports a failed write by a code."""


def test_a_librarys_failed_temporary_write_is_the_oserror_it_stands_for() -> None:
    """lxml's ``IO_ENOSPC`` and ``IO_EFBIG`` become OSError with that errno; other errors
    pass through unchanged."""
    import errno

    for code in ("ENOSPC", "EFBIG"):
        with pytest.raises(OSError, match="a temporary file") as caught, files.temporary_writes():
            raise SerialisationError(f"IO_{code}")
        assert caught.value.errno == getattr(errno, code)
    with pytest.raises(SerialisationError), files.temporary_writes():
        raise SerialisationError("not an IO error")
    with pytest.raises(ValueError, match="IO_ENOSPC"), files.temporary_writes():
        raise ValueError("IO_ENOSPC")


# ------------------------------------------------------------------ the terminal


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Dinas Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika"),
        ("مكتب · 東京 · 🇮🇩 · café", "مكتب · 東京 · 🇮🇩 · café"),
        ("x\x1b]0;pwned\x07y", "x\\x1b]0;pwned\\x07y"),
        ("\x1b[2J", "\\x1b[2J"),
        ("c1\x9b31m", "c1\\x9b31m"),
        ("a\tb\nc\rd", "a\\tb\\nc\\rd"),
        ("\u202eTXT\u2066\u2069\u200f\u061c", "\\u202eTXT\\u2066\\u2069\\u200f\\u061c"),
        ("line\u2028sep", "line\\u2028sep"),
        ("del\x7f nul\x00", "del\\x7f nul\\x00"),
        (os.fsdecode(b"bad\xff.xlsx"), "bad\\xff.xlsx"),
    ],
)
def test_printable_escapes_control_characters_only(text: str, shown: str) -> None:
    """Controls, bidirectional marks, line separators and undecodable bytes are shown as
    escapes; every script and emoji stays as it is."""
    assert printable(text) == shown


class _Stream(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "Kota · 2,65 – baik → naik …".encode()),
        ("ascii", b"Kota . 2,65 - baik -> naik ..."),
        ("latin-1", "Kota · 2,65 - baik -> naik ...".encode("latin-1")),
    ],
)
def test_the_text_format_degrades_to_the_terminals_encoding(
    monkeypatch: pytest.MonkeyPatch, encoding: str, expected: bytes
) -> None:
    """UTF-8 as it is; a narrower encoding gets ASCII marks for what it cannot show."""
    monkeypatch.setattr(sys, "stdout", _Stream(encoding))
    assert terminal_bytes("Kota · 2,65 – baik → naik …") == expected


# ------------------------------------------------------------------ what a copy keeps


def test_the_template_reaches_nothing_outside() -> None:
    """The blank workbook: no link, no formula, only names that point at its own cells."""
    from smartserang.author.template.workbook import build_template
    from smartserang.sets.load import load_indicator_set

    data = build_template([load_indicator_set("spbe-2020")], "id")
    assert reaches_outside(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"definedName" in archive.read("xl/workbook.xml")  # the check has names to see


def test_a_copy_drops_links_and_formula_names_with_a_note() -> None:
    """Appending to a workbook with a DDE link, then to one with formulas in names: the
    copies hold neither, each dropped thing noted; plain references stay."""
    sheet = SHEETS_BY_KEY["fasilitas"]
    rows = [{"nama": "Taman Kota", "jenis": "wifi publik"}]
    workbooks = into_workbooks()
    for name in ("dde-link", "unc-link", "formula-names", "validation-fetches"):
        appended = append_rows(workbooks[name][0], sheet, rows, f"{name}.xlsx")
        assert reaches_outside(appended.data) == [], name
        assert appended.dropped, name
        assert {n.code for n in appended.dropped} == {"import.dropped"}
    names = append_rows(workbooks["formula-names"][0], sheet, rows, "x.xlsx")
    dropped = sorted(str(dict(n.params)["name"]) for n in names.dropped)
    assert dropped == ["Ambil", "Aplikasi!Lokal", "Dde", "Luar", "Rusak", "Xml"]
    with zipfile.ZipFile(io.BytesIO(names.data)) as archive:
        book = archive.read("xl/workbook.xml")
    for kept in (b"Daftar", b"Judul"):  # references to its own cells stay
        assert kept in book


def test_reaches_outside_finds_what_it_looks_for() -> None:
    """The check is live: the source workbooks hold what their copies must not."""
    workbooks = into_workbooks()
    assert reaches_outside(workbooks["dde-link"][0]) == ["part xl/externalLinks/externalLink1.xml"]
    assert len(reaches_outside(workbooks["formula-names"][0])) == 6
    assert reaches_outside(EXAMPLE.read_bytes()) == []
