"""Interrupted runs leave the old output or none, never half a file or a temporary file.

The CLI runs in a subprocess through a small driver that patches, from outside, the step
where the signal is to arrive: ``os.fsync`` (called once the output's bytes are in its
temporary file, before the rename) or the workbook reader. The patched step prints
``READY`` on stderr and sleeps; the test then sends SIGINT (Ctrl-C) or SIGTERM. The run
must end with one short line (``smartserang: interrupted``, exit 130; ``smartserang:
terminated``, exit 143), no traceback, the output as it was before (or absent) and no
stray file in its folder. A reader that closes the pipe early (``| head -c 10``) gets no
traceback either, and an output folder that is missing or cannot be written is a located
error with exit 2.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from builders import EXAMPLES, smartserang

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
DRIVER = """
import os, sys, time
hook = sys.argv[1]

def pause(real):
    def paused(*args, **kwargs):
        sys.stderr.write("READY\\n")
        sys.stderr.flush()
        time.sleep(60)
        return real(*args, **kwargs)
    return paused

def hold(real):
    def held(*args, **kwargs):
        sys.stderr.write("READY\\n")
        sys.stderr.flush()
        while not os.path.exists(os.environ["RELEASE"]):
            time.sleep(0.02)
        return real(*args, **kwargs)
    return held

if hook == "write":
    os.fsync = pause(os.fsync)
elif hook == "hold":  # paused while writing until the file $RELEASE exists
    os.fsync = hold(os.fsync)
elif hook == "read":
    import smartserang.workbook.reader as inventory
    inventory._read_sheets = pause(inventory._read_sheets)
sys.argv = ["smartserang", *sys.argv[2:]]
from smartserang.cli import main
main()
"""
"""Runs ``smartserang ARGS`` with the step ``write`` or ``read`` paused (argv[1]); ``hold``
pauses the write until the file named by ``$RELEASE`` exists."""
MESSAGES = {
    signal.SIGINT: ("smartserang: interrupted", 130),
    signal.SIGTERM: ("smartserang: terminated", 143),
}


def interrupted(hook: str, signum: int, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The run of ``smartserang ARGS``, sent ``signum`` while ``hook`` is paused."""
    with subprocess.Popen(
        [sys.executable, "-c", DRIVER, hook, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stderr is not None
        before = []
        for line in process.stderr:
            if line.strip() == "READY":
                break
            before.append(line)
        else:
            process.wait(timeout=60)
            pytest.fail(f"the run ended before the paused step: {''.join(before)[-2000:]}")
        process.send_signal(signum)
        rest = process.stderr.read()
        code = process.wait(timeout=60)
    return subprocess.CompletedProcess(process.args, code, "", rest)


def listing(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def assert_stopped_cleanly(run: subprocess.CompletedProcess[str], signum: int) -> None:
    """One short closing line, the signal's exit code, no traceback."""
    message, code = MESSAGES[signal.Signals(signum)]
    assert run.returncode == code, run.stderr
    assert run.stderr.strip().splitlines() == [message], run.stderr


# ------------------------------------------------------------------- while writing


@pytest.mark.parametrize(
    ("signum", "existing"),
    [(signal.SIGINT, True), (signal.SIGTERM, True), (signal.SIGINT, False)],
    ids=["sigint", "sigterm", "sigint-new-file"],
)
def test_interrupted_write_leaves_the_old_output_or_none(
    tmp_path: Path, signum: int, existing: bool
) -> None:
    """Stopped between writing the temporary file and renaming it, ``score -o`` leaves the
    previous report (or no file) and no temporary file."""
    output = tmp_path / "report.json"
    if existing:
        output.write_text('{"old": true}\n', encoding="utf-8")
    before = listing(tmp_path)
    run = interrupted(
        "write", signum, "--lang", "en", "score", EXAMPLE, "--format", "json", "-o", output
    )
    assert_stopped_cleanly(run, signum)
    assert listing(tmp_path) == before


def test_interrupted_import_leaves_both_workbooks_as_they_were(tmp_path: Path) -> None:
    """Stopped by SIGTERM while its checked copy is being written, ``import --in-place``
    leaves the workbook, the CSV and the folder exactly as they were: no backup, no
    temporary file."""
    into = tmp_path / "inventory.xlsx"
    into.write_bytes(EXAMPLE.read_bytes())
    data = tmp_path / "wifi.csv"
    data.write_text("nama,kecamatan\nTaman Kota,Serang\n", encoding="utf-8")
    before = listing(tmp_path)
    signum = signal.SIGTERM
    run = interrupted(
        "write", signum, "--lang", "en", "import", data, "--into", into, "--sheet", "Fasilitas",
        "--map", "Nama=nama,Kecamatan=kecamatan", "--set-column", "Jenis=wifi publik",
        "--in-place",
    )  # fmt: skip
    assert_stopped_cleanly(run, signum)
    assert listing(tmp_path) == before


# ------------------------------------------------------------------- while reading


def test_ctrl_c_while_reading_a_workbook(tmp_path: Path) -> None:
    """Ctrl-C while the workbook is being read ends the run with the short message and
    writes nothing."""
    output = tmp_path / "report.html"
    run = interrupted(
        "read", signal.SIGINT, "--lang", "en", "score", EXAMPLE, "--format", "html", "-o", output
    )
    assert_stopped_cleanly(run, signal.SIGINT)
    assert list(tmp_path.iterdir()) == []


def test_sigterm_while_reading_a_workbook(tmp_path: Path) -> None:
    """SIGTERM while reading ends the same way, with exit 143."""
    run = interrupted(
        "read", signal.SIGTERM, "--lang", "en", "diff", EXAMPLE, EXAMPLE, "-o", tmp_path / "d.md"
    )
    assert_stopped_cleanly(run, signal.SIGTERM)
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------- broken pipes


@pytest.mark.parametrize(
    "args",
    [
        ("score", EXAMPLE, "--format", "json"),
        ("score", EXAMPLE),
        ("template",),
    ],
    ids=["json", "text", "template"],
)
def test_a_closed_pipe_prints_no_traceback(args: tuple[str | Path, ...]) -> None:
    """When the reader of stdout has gone (its end of the pipe closed before any output),
    the run stops without a traceback and without a success code."""
    command = Path(sys.executable).parent / "smartserang"
    with subprocess.Popen(
        [command, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        errors = process.stderr.read()
        code = process.wait(timeout=60)
    assert code != 0
    for sign in ("Traceback", "BrokenPipeError", "Exception ignored"):
        assert sign not in errors


def test_head_after_ten_bytes_prints_no_traceback(tmp_path: Path) -> None:
    """``smartserang score … --format html | head -c 10``: ten bytes, then a quiet stop."""
    command = Path(sys.executable).parent / "smartserang"
    errors = tmp_path / "errors.txt"
    shell = f'"{command}" score "{EXAMPLE}" --format html 2>"{errors}" | head -c 10'
    run = subprocess.run(["bash", "-c", shell], capture_output=True, check=False, timeout=120)
    assert run.stdout == b"<!DOCTYPE "
    text = errors.read_text(encoding="utf-8")
    assert "Traceback" not in text
    assert "Exception ignored" not in text


# ------------------------------------------------------------------- unwritable outputs


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder the run cannot create files in: read-only for a normal user; for root,
    who may write anywhere, sysfs, where no one can create a file."""
    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    try:
        os.close(tempfile.mkstemp(dir="/sys")[0])
    except OSError:
        return Path("/sys")
    pytest.skip("no folder here refuses root")


def _refused(run: subprocess.CompletedProcess[str], output: Path) -> None:
    """Exit 2 with one located ``cannot write`` line naming ``output``; no traceback."""
    assert run.returncode == 2, run.stderr
    lines = [line for line in run.stderr.splitlines() if "cannot write" in line]
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"{output}: cannot write: ")
    assert lines[0].endswith("[output.write]")
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("where", ["missing", "file", "unwritable"])
def test_an_output_folder_that_cannot_take_the_file_is_a_located_error(
    tmp_path: Path, where: str
) -> None:
    """A missing folder, a file where the folder should be, or a folder that refuses new
    files: exit 2, one located ``cannot write`` line naming the output, nothing written."""
    blocker = tmp_path / "blocker.txt"
    blocker.write_text("a file\n", encoding="utf-8")
    folder = {
        "missing": lambda: tmp_path / "no" / "such",
        "file": lambda: blocker,
        "unwritable": lambda: _unwritable_folder(tmp_path),
    }[where]()
    output = folder / "report.json"
    before = listing(tmp_path)
    _refused(
        smartserang("--lang", "en", "score", EXAMPLE, "--format", "json", "-o", output), output
    )
    assert listing(tmp_path) == before
    assert not output.exists()


@pytest.mark.parametrize(
    "command",
    [
        ("template", "-o"),
        ("import", "CSV", "--into", EXAMPLE, "--sheet", "Fasilitas", "--map", "Nama=nama",
         "--set-column", "Jenis=cctv", "-o"),
        ("check", EXAMPLE, "--summary"),
    ],
    ids=["template", "import", "check-summary"],
)  # fmt: skip
def test_every_writer_names_a_missing_output_folder(
    tmp_path: Path, command: tuple[str | Path, ...]
) -> None:
    """The template's and import's own writers, and check's summary append, refuse a
    missing folder the same way."""
    data = tmp_path / "data.csv"
    data.write_text("nama\nTaman Kota\n", encoding="utf-8")
    output = tmp_path / "no" / "such" / ("out.md" if command[0] == "check" else "out.xlsx")
    _refused(
        smartserang("--lang", "en", *[data if p == "CSV" else p for p in command], output), output
    )
    assert [p.name for p in tmp_path.iterdir()] == ["data.csv"]


# ------------------------------------------------------------------- two baselines at once


def _waiting_for_a_lock(pid: int) -> bool:
    """Whether process ``pid`` waits for a file lock another process holds."""
    try:
        text = Path("/proc/locks").read_text(encoding="ascii")
    except OSError:
        pytest.skip("/proc/locks is not available here")
    return any("->" in line and f" {pid} " in line for line in text.splitlines())


def test_two_baseline_runs_at_once_keep_both_history_records(tmp_path: Path) -> None:
    """``baseline --reason`` run twice at once on one file: the second waits for the
    first's lock (seen in /proc/locks) while the first is held inside its write, then
    reads what the first wrote; the history keeps both records, and no lock file stays."""
    import json

    output = tmp_path / "baseline.json"
    first = smartserang("baseline", EXAMPLE, "-o", output, "--date", "2025-01-01")
    assert first.returncode == 0, first.stderr
    release = tmp_path / "release"
    base = ["baseline", str(EXAMPLE), "-o", str(output), "--reason"]
    with subprocess.Popen(
        [sys.executable, "-c", DRIVER, "hold", *base, "run A", "--date", "2025-02-01"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "RELEASE": str(release)},
    ) as holder:
        assert holder.stderr is not None
        for line in holder.stderr:
            if line.strip() == "READY":
                break
        command = Path(sys.executable).parent / "smartserang"
        with subprocess.Popen(
            [command, *base, "run B", "--date", "2025-03-01"], stderr=subprocess.PIPE, text=True
        ) as second:
            deadline = time.monotonic() + 120
            while second.poll() is None and not _waiting_for_a_lock(second.pid):
                assert time.monotonic() < deadline, "the second run neither waited nor ended"
                time.sleep(0.05)
            release.write_text("", encoding="utf-8")
            assert second.stderr is not None
            assert second.wait(timeout=120) == 0, second.stderr.read()
        assert holder.wait(timeout=120) == 0, holder.stderr.read()
    history = json.loads(output.read_text(encoding="utf-8"))["history"]
    assert [entry["reason"] for entry in history] == [None, "run A", "run B"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "release"]


# ------------------------------------------------------------------- while starting


@pytest.mark.parametrize(
    ("module", "signum"),
    [("typer", signal.SIGINT), ("smartserang.cli.common", signal.SIGTERM)],
    ids=["ctrl-c-importing-typer", "sigterm-importing-the-cli"],
)
def test_a_signal_while_importing_ends_with_the_short_line(
    module: str, signum: signal.Signals
) -> None:
    """A signal that arrives while the console script still imports the CLI (sent when
    ``module`` is first imported): the short line and 130 or 143, no traceback."""
    driver = f"""
import importlib.abc, os, sys
class Sender(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), {int(signum)})
sys.meta_path.insert(0, Sender())
sys.argv = ["smartserang", "sets", "--lang", "en"]
from smartserang.cli import main
main()
"""
    run = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, check=False, timeout=60
    )
    assert_stopped_cleanly(
        subprocess.CompletedProcess(run.args, run.returncode, "", run.stderr), signum
    )
    assert run.stdout == ""


@pytest.mark.parametrize(
    ("signum", "line"),
    [(signal.SIGINT, "smartserang: dibatalkan"), (signal.SIGTERM, "smartserang: dihentikan")],
    ids=["ctrl-c", "sigterm"],
)
def test_a_signal_while_starting_is_told_in_the_default_language(
    signum: signal.Signals, line: str
) -> None:
    """Without ``--lang`` the short line is Indonesian, already while the CLI is imported;
    the exit code is the same (130 or 143)."""
    driver = f"""
import importlib.abc, os, sys
class Sender(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), {int(signum)})
sys.meta_path.insert(0, Sender())
sys.argv = ["smartserang", "sets"]
from smartserang.cli import main
main()
"""
    environment = {k: v for k, v in os.environ.items() if k != "SMARTSERANG_LANG"}
    run = subprocess.run(
        [sys.executable, "-c", driver],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=environment,
    )
    assert run.returncode == MESSAGES[signum][1]
    assert run.stderr.splitlines() == [line]


def test_a_reader_that_closes_early_gets_exit_141() -> None:
    """``smartserang sets | true``: the reader has gone before the output; exit 141, as a
    shell reports a Unix tool stopped by a closed pipe, and nothing on stderr."""
    command = Path(sys.executable).parent / "smartserang"
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run(
            [command, "sets"], stdout=writer, stderr=subprocess.PIPE, check=False, timeout=60
        )
    finally:
        os.close(writer)
    assert run.returncode == 141
    assert run.stderr == b""
