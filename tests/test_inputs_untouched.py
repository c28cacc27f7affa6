"""No command changes a file it reads: same bytes, same size, same mode, same mtime.

Every command runs on its own copy of a folder of inputs: two workbooks, a city set that
extends a base set file, a CSV, a baseline file and a ``score`` JSON result. Outputs go
to a separate folder. Before and after, every input file is hashed with its size, mode
and modification time (set to a fixed past time first, so any write shows), and the
folder must hold the same files: no lock, backup or temporary file left beside the
inputs. The shipped sets are checked the same way. Commands whose output names one of
their inputs (under another spelling too, or a base set behind ``extends``) are refused
with ``[output.input]`` and change nothing. ``import --in-place`` is the one
command that replaces its input, at the user's explicit request: without the flag the
workbook is untouched, with it the original bytes are in ``<workbook>.bak``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from openpyxl import load_workbook

from smartserang.sets.files import shipped_sets_dir

from builders import EXAMPLES, edited_example, mini
from builders import smartserang as run_cli

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
SHIPPED = shipped_sets_dir()
PAST = 1_600_000_000  # 13 September 2020: no run of the test can write at this time
Snapshot = dict[str, tuple[str, int, int, int]]

COMMANDS: dict[str, tuple[str, ...]] = {
    "score-text": ("score", "books/kota.xlsx", "--set", "city.yaml"),
    "score-json": ("score", "books/kota.xlsx", "--set", "city.yaml", "--format", "json",
                   "-o", "OUT/score.json"),
    "score-md": ("score", "books/kota.xlsx", "--set", "city.yaml", "--format", "md",
                 "-o", "OUT/score.md"),
    "score-html": ("score", "books/kota.xlsx", "--set", "city.yaml", "--format", "html",
                   "-o", "OUT/score.html", "--lang", "en"),
    "score-rollup": ("score", "books", "--set", "city.yaml", "--format", "html",
                     "-o", "OUT/rollup.html"),
    "sets": ("sets",),
    "schema": ("schema",),
    "check": ("check", "books/kota.xlsx", "--set", "city.yaml", "--baseline", "baseline.json",
              "--min-index", "1", "--summary", "OUT/summary.md", "--format", "json"),
    "baseline": ("baseline", "books/kota.xlsx", "--set", "city.yaml", "-o", "OUT/base.json",
                 "--date", "2025-01-01"),
    "diff-text": ("diff", "books/lama.xlsx", "books/kota.xlsx", "--set", "city.yaml"),
    "diff-json": ("diff", "books/lama.xlsx", "books/kota.xlsx", "--set", "city.yaml",
                  "--format", "json", "-o", "OUT/diff.json"),
    "diff-html": ("diff", "result.json", "books/kota.xlsx", "--set", "city.yaml",
                  "--format", "html", "-o", "OUT/diff.html"),
    "import": ("import", "wifi.csv", "--into", "books/kota.xlsx", "--sheet", "Fasilitas",
               "--map", "Nama=nama,Kecamatan=kecamatan", "--set-column", "Jenis=wifi publik",
               "-o", "OUT/imported.xlsx"),
    "template": ("template", "--set", "city.yaml", "-o", "OUT/blank.xlsx"),
    # outputs aimed at inputs: refused, exit 2
    "score-over-workbook": ("score", "books/kota.xlsx", "--set", "city.yaml", "-f", "html",
                            "-o", "books/kota.xlsx"),
    "score-over-extended-set": ("score", "books/kota.xlsx", "--set", "city.yaml", "-f",
                                "json", "-o", "base.yaml"),
    "check-summary-over-baseline": ("check", "books/kota.xlsx", "--set", "city.yaml",
                                    "--baseline", "baseline.json", "--summary",
                                    "./baseline.json"),
    "baseline-over-set": ("baseline", "books/kota.xlsx", "--set", "city.yaml", "-o",
                          "../in/city.yaml"),
    "diff-over-result": ("diff", "result.json", "books/kota.xlsx", "--set", "city.yaml",
                         "-o", "result.json"),
    "import-over-workbook": ("import", "wifi.csv", "--into", "books/kota.xlsx", "--sheet",
                             "Fasilitas", "--map", "Nama=nama,Kecamatan=kecamatan",
                             "--set-column", "Jenis=wifi publik", "-o", "books//kota.xlsx"),
    "template-over-base": ("template", "--set", "city.yaml", "-o", "base.yaml"),
    "rollup-into-folder": ("score", "books", "--set", "city.yaml", "-f", "json",
                           "-o", "books/rekap.xlsx"),
}  # fmt: skip
"""Each command with its inputs (relative to its folder) and outputs (in OUT)."""
REFUSED = {name for name in COMMANDS if "-over-" in name or "-into-" in name}
"""The commands whose output is one of their inputs (or would be read as one)."""
EXIT_CODES = {"check": {0, 1}, **{name: {2} for name in REFUSED}}
"""Exit codes other than 0 that a command may give here (check: thresholds may fail;
an output aimed at an input: refused)."""


def snapshot(folder: Path) -> Snapshot:
    """Every file under ``folder``: SHA-256, size, mode, modification time (ns)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(folder))] = (
                digest,
                stat.st_size,
                stat.st_mode,
                stat.st_mtime_ns,
            )
    return found


def _inputs(folder: Path) -> Path:
    """The inputs every command's copy starts from, dated in the past."""
    books = folder / "books"
    books.mkdir(parents=True)
    shutil.copyfile(EXAMPLE, books / "kota.xlsx")
    # The earlier assessment: the same workbook with one application retired.
    edited_example(books / "lama.xlsx", lambda book: book["Aplikasi"].delete_rows(2))
    (folder / "base.yaml").write_text(mini(), encoding="utf-8")
    (folder / "city.yaml").write_text(
        'extends: ./base.yaml\nid: kota\nversion: "1"\ntitle: Kota\n'
        "tailoring:\n  weights: {G1: 40}\n",
        encoding="utf-8",
    )
    (folder / "wifi.csv").write_text(
        "nama,kecamatan\nTaman Kota,Serang\nAlun-alun,Serang\n", encoding="utf-8"
    )
    made = [
        run_cli("baseline", books / "kota.xlsx", "--set", folder / "city.yaml",
                "-o", folder / "baseline.json", "--date", "2025-01-01"),
        run_cli("score", books / "lama.xlsx", "--set", folder / "city.yaml", "--format",
                "json", "-o", folder / "result.json"),
    ]  # fmt: skip
    for run in made:
        assert run.returncode == 0, run.stderr
    for path in folder.rglob("*"):
        os.utime(path, (PAST, PAST))
    return folder


@pytest.fixture(scope="module")
def start(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The inputs, made once; each command works on a copy."""
    return _inputs(tmp_path_factory.mktemp("untouched") / "start")


@pytest.fixture(scope="module")
def runs(start: Path) -> dict[str, tuple[subprocess.CompletedProcess[str], Snapshot, Snapshot]]:
    """Every command run on its own copy: (run, inputs before, inputs after)."""
    root = start.parent
    shipped = snapshot(SHIPPED)

    def one(name: str) -> tuple[subprocess.CompletedProcess[str], Snapshot, Snapshot]:
        folder = root / name
        shutil.copytree(start, folder / "in")
        (folder / "out").mkdir()
        before = snapshot(folder / "in")
        args = [a.replace("OUT", str(folder / "out")) for a in COMMANDS[name]]
        run = run_cli(*args, cwd=folder / "in")
        return run, before, snapshot(folder / "in")

    with ThreadPoolExecutor(max_workers=2) as pool:
        done = dict(zip(COMMANDS, pool.map(one, COMMANDS), strict=True))
    assert snapshot(SHIPPED) == shipped, "a shipped set file changed"
    return done


@pytest.mark.parametrize("name", list(COMMANDS))
def test_command_leaves_its_inputs_as_they_were(
    runs: dict[str, tuple[subprocess.CompletedProcess[str], Snapshot, Snapshot]], name: str
) -> None:
    """The command succeeds, and every input file keeps its bytes, size, mode and mtime;
    no file appears or disappears beside the inputs."""
    run, before, after = runs[name]
    assert run.returncode in EXIT_CODES.get(name, {0}), run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert ("[output.input]" in run.stderr) == (name in REFUSED), run.stderr[-2000:]
    assert len(before) == 7, sorted(before)  # the inputs are all there to be checked
    assert after == before


def test_the_snapshot_sees_a_rewrite_with_the_same_bytes(start: Path, tmp_path: Path) -> None:
    """The check is live: ``baseline -o`` onto an existing baseline with the same scores
    rewrites it, and the snapshot sees the new modification time."""
    folder = tmp_path / "in"
    shutil.copytree(start, folder)
    before = snapshot(folder)
    run = run_cli(
        "baseline", "books/kota.xlsx", "--set", "city.yaml", "-o", "baseline.json",
        "--date", "2025-01-01", cwd=folder,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    after = snapshot(folder)
    assert after != before
    assert after["baseline.json"][3] != before["baseline.json"][3]


def test_in_place_import_keeps_the_original_in_the_backup(tmp_path: Path) -> None:
    """Without --in-place the workbook is untouched (above); with it, the workbook gets
    the rows and ``<workbook>.bak`` holds the original bytes; the CSV stays as it was."""
    into = tmp_path / "kota.xlsx"
    shutil.copyfile(EXAMPLE, into)
    data = tmp_path / "wifi.csv"
    data.write_text("nama,kecamatan\nTaman Kota,Serang\n", encoding="utf-8")
    for path in (into, data):
        os.utime(path, (PAST, PAST))
    original, csv_before = into.read_bytes(), snapshot(tmp_path)["wifi.csv"]
    run = run_cli(
        "import", data, "--into", into, "--sheet", "Fasilitas", "--map",
        "Nama=nama,Kecamatan=kecamatan", "--set-column", "Jenis=wifi publik", "--in-place",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    backup = tmp_path / "kota.xlsx.bak"
    assert backup.read_bytes() == original
    assert into.read_bytes() != original
    names = [row[0].value for row in load_workbook(into)["Fasilitas"].iter_rows(min_row=2)]
    assert "Taman Kota" in names
    after = snapshot(tmp_path)
    assert after["wifi.csv"] == csv_before
    assert sorted(after) == ["kota.xlsx", "kota.xlsx.bak", "wifi.csv"]
