"""Many workbooks on several processes (``--jobs``): same bytes, every problem, clean stops."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartserang.procs import WorkerLost, chunk_size, map_workbooks

from builders import EXAMPLES, smartserang

UNITS = 5


def units_folder(tmp_path: Path) -> Path:
    """Five variants of the example: own Instansi, own levels (two tie), own stray column."""
    folder = tmp_path / "units"
    folder.mkdir()
    book = load_workbook(EXAMPLES / "kota-sukamaju.xlsx")
    claims = [row[1] for row in book["Penilaian"].iter_rows(min_row=2)]
    original = [cell.value for cell in claims]
    for number in range(UNITS):
        for row in book["Profil"].iter_rows():
            if row[0].value == "Instansi":
                row[1].value = f"Dinas Nomor {number}"
        drop = min(number, 3)  # units 3 and 4 tie
        for cell, level in zip(claims, original, strict=True):
            if isinstance(level, int):
                cell.value = max(1, level - drop)
        header = book["Aplikasi"][1]
        header[-1].value = f"Catatan {number}"  # an unknown column: a warning per unit
        book.save(folder / f"unit-{number}.xlsx")
    return folder


def test_output_is_the_same_bytes_whatever_the_jobs(tmp_path: Path) -> None:
    """JSON and Markdown roll-ups, and the warnings in input order, match for --jobs 1 and 2."""
    folder = units_folder(tmp_path)
    for fmt in ("json", "md"):
        args = ("score", folder, "--set", "spbe-2020", "--set", "smart-city", "--format", fmt)
        one, two = smartserang(*args, "--jobs", "1"), smartserang(*args, "--jobs", "2")
        assert one.returncode == two.returncode == 0, two.stderr
        assert two.stdout == one.stdout
        assert two.stderr == one.stderr
    warnings = [line for line in one.stderr.splitlines() if "Catatan" in line]
    assert [line.split(":")[0] for line in warnings] == [
        str(folder / f"unit-{n}.xlsx") for n in range(UNITS)
    ]


def test_check_reports_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    """'check' on several workbooks prints the same verdicts and JSON with --jobs 1 and 2."""
    folder = units_folder(tmp_path)
    workbooks = sorted(folder.iterdir())
    args: list[str | Path] = ["check", *workbooks, "--min-index", "2.4", "--format", "json"]
    one, two = smartserang(*args, "--jobs", "1"), smartserang(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the weaker units fail --min-index
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr


def test_problems_of_every_broken_workbook_are_reported(tmp_path: Path) -> None:
    """With --jobs 2, two broken workbooks both report their located problems; exit 2."""
    folder = units_folder(tmp_path)
    shutil.copy(EXAMPLES / "rusak.xlsx", folder / "unit-1.xlsx")
    (folder / "unit-3.xlsx").write_bytes(b"not a workbook")
    run = smartserang("--lang", "en", "score", folder, "--format", "json", "--jobs", "2")
    assert run.returncode == 2
    assert run.stdout == ""
    assert f"{folder / 'unit-1.xlsx'}:Penilaian!B9:" in run.stderr
    assert f"{folder / 'unit-3.xlsx'}: cannot read workbook" in run.stderr
    assert "Traceback" not in run.stderr
    assert (
        smartserang("--lang", "en", "score", folder, "--format", "json", "--jobs", "1").stderr
        == run.stderr
    )


@pytest.mark.parametrize("command", ["score", "check"])
def test_jobs_must_be_at_least_one(tmp_path: Path, command: str) -> None:
    """--jobs 0 is a usage error, exit 2, before anything is read."""
    run = smartserang(command, EXAMPLES / "kota-sukamaju.xlsx", "--jobs", "0")
    assert run.returncode == 2
    assert "--jobs" in run.stderr
    assert "Traceback" not in run.stderr


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")
def test_ctrl_c_ends_the_workers_with_one_line(tmp_path: Path) -> None:
    """A Ctrl-C (SIGINT to the process group) mid-batch: exit 130, one line, no worker left."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        shutil.copy(EXAMPLES / "kota-sukamaju.xlsx", folder / f"unit-{number:02d}.xlsx")
    command = shutil.which("smartserang", path=str(Path(sys.executable).parent))
    assert command is not None
    proc = subprocess.Popen(
        [command, "score", str(folder), "--format", "json", "--jobs", "2", "--lang", "en"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal would make it
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60  # a guard against a hang, not a measurement
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
        workers = _children(proc.pid)
    assert len(workers) == 2, "the batch did not start two workers"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr == "smartserang: interrupted\n"
    assert not [w for w in workers if Path(f"/proc/{w}").exists()]


def _name(path: Path) -> str:
    """A task whose first workbooks finish last, so results arrive out of order."""
    time.sleep(0.08 * (6 - int(path.stem)))
    return f"{path.name}@{os.getpid()}"


def _dies_on_three(path: Path) -> str:
    if path.stem == "3":
        os._exit(3)
    return path.name


@pytest.mark.skipif(sys.platform != "linux", reason="in-process pools fork only on Linux")
def test_results_come_back_in_input_order_from_every_worker() -> None:
    """Results follow the input order, not the finishing order, and come from two workers."""
    paths = [Path(f"{n}.xlsx") for n in range(6)]
    with map_workbooks(_name, paths, 2) as results:
        got = list(results)
    assert [g.split("@")[0] for g in got] == [p.name for p in paths]
    assert len({g.split("@")[1] for g in got} - {str(os.getpid())}) == 2


@pytest.mark.skipif(sys.platform != "linux", reason="in-process pools fork only on Linux")
def test_a_dead_worker_is_reported_with_its_exit_status() -> None:
    """A worker that dies mid-task raises WorkerLost naming how it ended."""
    paths = [Path(f"{n}.xlsx") for n in range(6)]
    with (
        pytest.raises(WorkerLost, match=r"exit status 3"),
        map_workbooks(_dies_on_three, paths, 2) as results,
    ):
        list(results)


def _pid(path: Path) -> int:
    return os.getpid()


def test_one_job_runs_in_this_process() -> None:
    """--jobs 1 uses no pool: every task runs in the calling process."""
    paths = [Path(f"{n}.xlsx") for n in range(3)]
    with map_workbooks(_pid, paths, 1) as results:
        assert list(results) == [os.getpid()] * 3


@pytest.mark.parametrize(
    ("tasks", "workers", "expected"),
    [(3, 2, 1), (500, 2, 16), (100, 2, 6), (40, 8, 1)],
)
def test_chunks_leave_several_per_worker(tasks: int, workers: int, expected: int) -> None:
    """Chunks are at most 16 workbooks and small enough for about 8 per worker."""
    assert chunk_size(tasks, workers) == expected


def _aborts_on_three(path: Path) -> str:
    if path.stem == "3":
        os.abort()  # as a reader dies that asks for more memory than it may map
    time.sleep(0.02)
    return path.name


def _lost(path: Path, how: str) -> str:
    return f"{path.name} lost: {how}"


@pytest.mark.skipif(sys.platform != "linux", reason="in-process pools fork only on Linux")
@pytest.mark.parametrize("jobs", [2, 3])
def test_a_workbook_that_kills_its_worker_is_named_and_the_others_are_read(jobs: int) -> None:
    """The item whose process dies (run again alone, it dies again) gives ``lost(item,
    how)`` in its place; every other item gives its result, in input order."""
    paths = [Path(f"{n}.xlsx") for n in range(8)]
    with map_workbooks(_aborts_on_three, paths, jobs, _lost) as results:
        got = list(results)
    assert got[3] == "3.xlsx lost: SIGABRT, signal 6"
    assert got[:3] + got[4:] == [p.name for p in paths if p.stem != "3"]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no worker is left behind


@pytest.mark.skipif(sys.platform != "linux", reason="in-process pools fork only on Linux")
def test_without_lost_the_dead_workers_item_is_named() -> None:
    """WorkerLost says which item the process died on, and how."""
    paths = [Path(f"{n}.xlsx") for n in range(6)]
    with (
        pytest.raises(WorkerLost, match=r"\(SIGABRT, signal 6\) while working on 3.xlsx"),
        map_workbooks(_aborts_on_three, paths, 2) as results,
    ):
        list(results)


def _maps(size: int) -> int:
    import mmap

    with mmap.mmap(-1, size):
        return size


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is a Linux limit here")
def test_workers_may_map_no_more_than_their_address_space() -> None:
    """With an address space of 1 GiB, a worker asking for 2 GiB fails there alone."""
    from smartserang.procs import in_processes

    with in_processes(_maps, [1 << 20, 2 << 30], 2, address_space=1 << 30) as results:
        assert next(results) == 1 << 20
        with pytest.raises(OSError, match="Cannot allocate memory"):  # mmap, past the bound
            next(results)


def _touch(path: str) -> str:
    Path(path).touch()
    return path


def test_the_workers_start_before_a_result_is_asked_for(tmp_path: Path) -> None:
    """The sheet processes read while the caller reads its own sheet: the items run as
    soon as the block is entered, not when the first result is asked for."""
    from smartserang.procs import in_processes

    marks = [str(tmp_path / f"{n}.done") for n in range(2)]
    with in_processes(_touch, marks, 2) as results:
        waited = 0
        while not all(map(os.path.exists, marks)) and waited < 600:
            time.sleep(0.05)  # no result asked for: the workers must run meanwhile
            waited += 1
        assert all(map(os.path.exists, marks))
        assert list(results) == marks
