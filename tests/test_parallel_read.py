"""Large register sheets read in processes of their own give exactly what one process reads.

A sheet is given to a forked process only when its part unpacks to 8 MB or more; here the
threshold is lowered so that the example's registers qualify, and every result is compared
with a read in this process alone: the registers, the Profil, the warnings, and every
problem of a damaged workbook, in the same order.
"""

from __future__ import annotations

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
