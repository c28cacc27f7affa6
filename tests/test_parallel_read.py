"""Large register sheets read in processes of their own give exactly what one process reads.

A sheet is given to a forked process only when its part unpacks to 8 MB or more; here the
threshold is lowered so that the example's registers qualify, and every result is compared
with a read in this process alone: the registers, the Profil, the warnings, and every
problem of a damaged workbook, in the same order.
"""

from __future__ import annotations

import faulthandler
import os
from pathlib import Path

import pytest

from smartserang.problems import InputError
from smartserang.workbook import reader
from smartserang.workbook.reader import read_inventory

from builders import EXAMPLES

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
BROKEN = EXAMPLES / "rusak.xlsx"


@pytest.fixture
def every_sheet_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_PARALLEL_PART", 0)


def forked_titles(path: Path, workers: int) -> list[str]:
    """The sheets ``read_inventory`` would give to processes of their own."""
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.package import open_package

    package = open_package(str(path), str(path), DEFAULTS)
    with reader._SheetWorkers(package, str(path), DEFAULTS, workers) as helpers:
        titles = list(helpers.titles)
        for title in titles:
            helpers.result(title)
    return titles


@pytest.mark.usefixtures("every_sheet_is_large")
def test_registers_read_in_other_processes_equal_those_read_here() -> None:
    forked = forked_titles(EXAMPLE, 3)
    assert len(forked) == 2  # two processes besides this one, the largest register stays
    alone = read_inventory(EXAMPLE, workers=1)
    shared = read_inventory(EXAMPLE, workers=3)
    assert shared.registers == alone.registers
    for title in forked:
        sheet = next(r for r in alone.registers.values() if r.title == title)
        assert shared.registers[sheet.sheet].rows == sheet.rows
    assert shared.profile == alone.profile
    assert shared.warnings == alone.warnings
    assert shared.sha256 == alone.sha256


def test_without_large_sheets_or_a_second_worker_nothing_is_forked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert forked_titles(EXAMPLE, 4) == []  # the example's parts are far below 8 MB
    monkeypatch.setattr(reader, "_PARALLEL_PART", 0)
    assert forked_titles(EXAMPLE, 1) == []


@pytest.mark.usefixtures("every_sheet_is_large")
def test_problems_found_in_other_processes_come_in_workbook_order() -> None:
    assert forked_titles(BROKEN, 4)
    with pytest.raises(InputError) as alone:
        read_inventory(BROKEN, workers=1)
    with pytest.raises(InputError) as shared:
        read_inventory(BROKEN, workers=4)
    assert [str(p) for p in shared.value.problems] == [str(p) for p in alone.value.problems]


@pytest.mark.usefixtures("every_sheet_is_large")
def test_a_failed_process_has_its_sheet_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_: object) -> None:
        os._exit(3)  # as a process killed or out of memory would end

    monkeypatch.setattr(reader, "_read_alone", crash)
    alone = read_inventory(EXAMPLE, workers=1)
    shared = read_inventory(EXAMPLE, workers=3)
    assert shared.registers == alone.registers
    assert shared.warnings == alone.warnings


@pytest.mark.usefixtures("every_sheet_is_large")
def test_processes_are_reaped_when_the_read_fails_early(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise InputError([])

    monkeypatch.setattr(reader, "_read_sheets", refuse)
    with pytest.raises(InputError):
        read_inventory(EXAMPLE, workers=3)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child is left behind, finished or not


@pytest.fixture(scope="module")
def example_ods(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example saved by LibreOffice as .ods (skips without LibreOffice)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("ods")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
         "--convert-to", "ods", "--outdir", str(folder), str(EXAMPLE)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180,
    )  # fmt: skip
    return folder / "kota-sukamaju.ods"


@pytest.fixture
def every_ods_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_PARALLEL_ODS", 0)


@pytest.mark.usefixtures("every_ods_is_large")
def test_an_ods_read_apart_equals_one_read_here(example_ods: Path) -> None:
    """Laid out in a bounded process and typed by two sharing that layout: the same
    registers, Profil and warnings as one process reading alone."""
    alone = read_inventory(example_ods, workers=1)
    with reader.Reading(example_ods, workers=2) as reading:
        assert type(reading.helpers).__name__ == "OdsApart"
        assert len(reading.helpers.titles) >= 5  # every register and Profil read apart
        shared = reading.finish()
    assert shared.registers == alone.registers
    assert shared.profile == alone.profile
    assert shared.warnings == alone.warnings
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # both processes reaped


@pytest.mark.usefixtures("every_ods_is_large")
def test_an_ods_whose_reader_aborts_is_a_located_error(
    example_ods: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process laying the file out dies of an abort (as calamine does on an
    allocation it cannot make): one located problem, and this process never opens it."""
    from smartserang.workbook import filetype

    here = os.getpid()
    opened = filetype.open_workbook

    def aborting(path: str, kind: str) -> object:
        if os.getpid() != here:
            faulthandler.disable()  # (pytest's: it would print the child's stack)
            os.abort()
        raise AssertionError("this process opened the workbook")

    monkeypatch.setattr(filetype, "open_workbook", aborting)
    with pytest.raises(InputError) as caught:
        read_inventory(example_ods, display="kota.ods", workers=2)
    assert [str(p) for p in caught.value.problems] == [
        "kota.ods: reading this workbook stopped its process (SIGABRT, signal 6): the file"
        " is damaged or made to break its reader; it is left out and the other workbooks"
        " are read; open it and save it again in Excel or LibreOffice [inventory.crash]"
    ]
    monkeypatch.setattr(filetype, "open_workbook", opened)


@pytest.mark.usefixtures("every_ods_is_large")
def test_an_ods_register_whose_second_reader_aborts_is_reported_at_its_sheet(
    example_ods: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second process (reading the second-largest register) dies of an abort: that
    sheet is reported unreadable, the others are read, and this process reads none of it."""
    here = os.getpid()
    titles_read = reader._read_titles

    def aborting(source: str, limits: object, workbook: object, titles: list[str]) -> object:
        if os.getpid() != here and len(titles) == 1:  # the second process reads one
            faulthandler.disable()  # (pytest's: it would print the child's stack)
            os.abort()
        return titles_read(source, limits, workbook, titles)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "_read_titles", aborting)
    with pytest.raises(InputError) as caught:
        read_inventory(example_ods, display="kota.ods", workers=2)
    unreadable = [p for p in caught.value.problems if p.code == "inventory.sheet.unreadable"]
    assert len(unreadable) == 1
    assert str(unreadable[0]).endswith(
        ": cannot read sheet: its reader stopped (SIGABRT, signal 6): the file is damaged or"
        " made to break its reader; open it and save it again in Excel or LibreOffice"
        " [inventory.sheet.unreadable]"
    )


@pytest.mark.usefixtures("every_sheet_is_large")
def test_the_largest_sheets_scan_is_made_ahead_by_the_first_process() -> None:
    """The scan this process needs before calamine may parse the largest sheet is made
    by the first sheet process meanwhile, and is the scan this process would make."""
    from smartserang.workbook.limits import DEFAULTS
    from smartserang.workbook.package import open_package
    from smartserang.workbook.scan import scan_sheet

    package = open_package(str(EXAMPLE), str(EXAMPLE), DEFAULTS)
    registers = [t for t in package.sheet_parts if t not in ("Profil",)]
    largest = max(registers, key=package.part_size)
    with reader._SheetWorkers(package, str(EXAMPLE), DEFAULTS, 2) as helpers:
        assert largest not in helpers.titles  # this process reads it
        made = helpers.scan(largest)
        assert made is not None
        assert made == scan_sheet(package.path, package.sheet_parts[largest], DEFAULTS)
        assert helpers.scan(helpers.titles[0]) is None  # only the largest is scanned ahead
        assert helpers.result(helpers.titles[0]) is not None


@pytest.mark.usefixtures("every_sheet_is_large")
def test_a_process_that_fails_its_scan_leaves_the_scan_to_this_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def crash(*_: object) -> None:
        os._exit(3)

    monkeypatch.setattr(reader, "_sheet_task", crash)
    alone = read_inventory(EXAMPLE, workers=1)
    shared = read_inventory(EXAMPLE, workers=2)
    assert shared.registers == alone.registers
    assert shared.warnings == alone.warnings


def test_a_message_is_unpickled_as_it_arrives_and_a_cut_one_is_the_end() -> None:
    """Messages written on a pipe as they are pickled come back whole and in order; one
    cut short by its writer's death reads as the end of the pipe, never as a value."""
    import pickle
    import threading

    from smartserang.procs import receive_pickled, send_pickled

    register = {"nama": [f"Aplikasi {i}" for i in range(50_000)], "tahun": list(range(50_000))}
    read, write = os.pipe()

    def send_both() -> None:  # larger than a pipe holds: read while it is written
        send_pickled(write, register)
        send_pickled(write, "next")

    writer = threading.Thread(target=send_both)
    writer.start()
    with os.fdopen(read, "rb") as stream:
        assert receive_pickled(stream) == register
        assert receive_pickled(stream) == "next"
        writer.join()
        os.close(write)
        with pytest.raises(EOFError):
            receive_pickled(stream)
    data = pickle.dumps(register, protocol=5)
    for cut in (1, 2, 11, len(data) // 2, len(data) - 1):
        read, write = os.pipe()
        writer = threading.Thread(target=_write_and_close, args=(write, data[:cut]))
        writer.start()
        with os.fdopen(read, "rb") as stream, pytest.raises(EOFError):
            receive_pickled(stream)
        writer.join()


class _Unpicklable:
    def __reduce__(self) -> tuple[object, ...]:
        raise MemoryError("pickling stopped")


def test_a_child_that_fails_in_the_middle_of_a_message_sends_nothing_after_it() -> None:
    """A forked child whose message fails while it is being pickled (frames already in
    the pipe) writes nothing more: the parent reads the end of the pipe, never a value
    made of the cut message and what would have followed it."""
    from smartserang.procs import Forked, WorkerLost

    def task(channel: Forked) -> object:
        channel.send([f"Aplikasi {i}" for i in range(50_000)] + [_Unpicklable()])
        return "never"

    child = Forked(task, None)
    try:
        with pytest.raises(WorkerLost):
            child.receive()
    finally:
        assert child.close() == 1


def _write_and_close(fd: int, data: bytes) -> None:
    os.write(fd, data)
    os.close(fd)


@pytest.mark.usefixtures("every_sheet_is_large")
def test_a_worker_that_dies_before_the_rest_are_given_out_leaves_them_to_a_new_pool(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The pool refuses the items given after its first worker already died (it died at
    once): those never started, and are read as when a worker dies later."""
    import time
    from concurrent.futures import ProcessPoolExecutor

    submit = ProcessPoolExecutor.submit

    def submit_once_broken(self: ProcessPoolExecutor, *args: object) -> object:
        if getattr(self, "_processes", None):  # a worker is out: wait for its death
            deadline = time.monotonic() + 10
            while not getattr(self, "_broken", False) and time.monotonic() < deadline:
                time.sleep(0.01)
        return submit(self, *args)  # type: ignore[arg-type]

    def crash(*_: object) -> None:
        os._exit(3)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit_once_broken)
    monkeypatch.setattr(reader, "_sheet_task", crash)
    alone = read_inventory(EXAMPLE, workers=1)
    shared = read_inventory(EXAMPLE, workers=2)
    assert shared.registers == alone.registers
    assert shared.warnings == alone.warnings
