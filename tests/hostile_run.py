"""Run the hostile-input corpus through every command that reads each case's kind of file,
then the output-side cases (``hostile_outputs``: outputs aimed at inputs, full disks,
closed pipes, odd names, locales, JSON nesting, signals at start-up, what is written).

Each run is a subprocess of the installed ``smartserang``; it passes when its exit code
is 0 or 2, for ``check`` also 1 (and the case's expectation, where it says ok or error),
an exit 2 comes with a located message (``file:...``) on stderr, no traceback is
printed, no output shows ``/etc/passwd`` content, and it takes at most 30 s and 1 GB of
peak memory (from ``os.wait4``). Prints a table; exits 1 when any run fails.

    python tests/hostile_run.py [--big] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_outputs
import hostile_workbooks
import output_runs
from hostile_case import HostileCase
from smartserang.workbook.filetype import content_kind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kota-sukamaju.xlsx"
SMARTSERANG = str(Path(sys.executable).parent / "smartserang")
TIME_LIMIT = 30.0
MEMORY_LIMIT_KB = 1024 * 1024
LEAK_MARKERS = ("root:x:", "root:*:", "/bin/bash", "/usr/sbin/nologin")
EXTRA = {"rows-over-limit": ["--limit", f"rows={hostile_workbooks.ROW_LIMIT_STAND_IN}"]}
"""Options some cases need: the stand-in for a million rows lowers the rows limit."""
CSV = "Nama,Jenis\nTitik Wifi Alun-alun,wifi publik\n"


@dataclass(frozen=True)
class Run:
    case: HostileCase
    command: str
    code: int
    seconds: float
    peak_kb: int
    failures: tuple[str, ...]


def commands(case: HostileCase, scratch: Path) -> list[tuple[str, list[str], str]]:
    """(label, arguments, expected exit: ok/error/either) for every command reading ``case``.

    ``check`` on a workbook it reads gives a verdict: exit 0 or 1 (1 when a warning that
    can change the score was worked around, e.g. a workbook without its Perangkat Daerah
    sheet), so its ``ok`` is ``verdict`` and its ``either`` ``verdict-or-error``."""
    path = str(case.path)
    extra = EXTRA.get(case.name, [])
    if case.kind == "set":
        return [
            ("score --set", ["score", str(EXAMPLE), "--set", path], case.expect),
            ("check --set", ["check", str(EXAMPLE), "--set", path], _verdict(case.expect)),
        ]
    csv = scratch / "points.csv"
    csv.write_text(CSV, encoding="utf-8")
    imported = scratch / f"{case.name}-imported.xlsx"
    imported.unlink(missing_ok=True)
    xlsx = case.path.suffix.lower() == ".xlsx" and content_kind(case.path) in (None, ".xlsx")
    return [
        ("score text", ["score", path, *extra], case.expect),
        ("score json", ["score", path, "-f", "json", *extra], case.expect),
        ("score html", ["score", path, "-f", "html", *extra], case.expect),
        ("check", ["check", path, *extra], _verdict(case.expect)),
        ("baseline", ["baseline", path, "-o", str(scratch / f"{case.name}.json"), *extra],
         case.expect),
        ("diff case example", ["diff", path, str(EXAMPLE), *extra], case.expect),
        ("diff example case", ["diff", str(EXAMPLE), path, *extra], case.expect),
        ("import", ["import", str(csv), "--into", path, "--sheet", "Fasilitas", "--map",
                    "Nama,Jenis", "-o", str(imported), *extra],
         case.expect if xlsx else "error"),  # imports go into .xlsx workbooks only
    ]  # fmt: skip


def _verdict(expect: str) -> str:
    """What ``check`` may answer where another command is expected to answer ``expect``."""
    return {"ok": "verdict", "either": "verdict-or-error"}.get(expect, expect)


def run_one(case: HostileCase, label: str, arguments: list[str], expect: str) -> Run:
    """Run one command on one case and judge it."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(
            [SMARTSERANG, *arguments],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "120", "NO_COLOR": "1"},
        )
        timed_out = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > TIME_LIMIT * 2:
                process.kill()
                timed_out = True
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    code = process.returncode
    failures = judge(case, code, expect, stdout, stderr)
    if timed_out or seconds > TIME_LIMIT:
        failures.append(f"took {seconds:.1f} s")
    if usage.ru_maxrss > MEMORY_LIMIT_KB:
        failures.append(f"peak memory {usage.ru_maxrss // 1024} MB")
    return Run(case, label, code, seconds, usage.ru_maxrss, tuple(failures))


def judge(case: HostileCase, code: int, expect: str, stdout: str, stderr: str) -> list[str]:
    """What is wrong with one run's exit code and output."""
    failures = []
    if code not in ((0, 1, 2) if expect.startswith("verdict") else (0, 2)):
        failures.append(f"exit {code}")
    elif expect == "ok" and code != 0:
        failures.append("expected exit 0")
    elif expect == "verdict" and code == 2:
        failures.append("expected a verdict (exit 0 or 1)")
    elif expect == "error" and code != 2:
        failures.append("expected exit 2")
    if "Traceback" in stderr:
        failures.append("traceback")
    if code == 2 and not any(_located(line) for line in stderr.splitlines()):
        failures.append("no located message")
    if any(marker in text for marker in LEAK_MARKERS for text in (stdout, stderr)):
        failures.append("/etc/passwd content in the output")
    return failures


def _located(line: str) -> bool:
    """``file:...: message [code]`` or ``--option: message [code]``."""
    head, colon, rest = line.partition(": ")
    return bool(colon) and rest.rstrip().endswith("]") and not head.startswith("smartserang")


def build(folder: Path, big: bool) -> list[HostileCase]:
    """Every workbook case, and the indicator-set cases when that corpus exists."""
    found = hostile_workbooks.cases(folder / "workbooks", big=big)
    try:
        import hostile_sets  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return found
    sets: list[HostileCase] = hostile_sets.cases(folder / "sets", big=big)
    return found + sets


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="a million rows, a 2 GB zip bomb")
    parser.add_argument("--out", type=Path, help="keep the corpus in this folder")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-") as temporary:
        folder = options.out or Path(temporary)
        scratch = folder / "scratch"
        scratch.mkdir(parents=True, exist_ok=True)
        print(f"building the corpus in {folder} ...", file=sys.stderr)
        runs = []
        for case in build(folder, options.big):
            for label, arguments, expect in commands(case, scratch):
                runs.append(run_one(case, label, arguments, expect))
                print(_row(runs[-1]), flush=True)
        print("running the output-side cases ...", file=sys.stderr)
        outputs = hostile_outputs.cases(folder / "outputs", big=options.big)
        results = output_runs.run_cases(outputs)
        for output, failures in zip(outputs, results, strict=True):
            verdict = "ok" if not failures else "FAIL: " + "; ".join(failures)
            print(f"{output.name:51} {output.family:18} {verdict}", flush=True)
    failed = [r for r in runs if r.failures]
    failed_outputs = sum(1 for failures in results if failures)
    passed = len(runs) - len(failed) + len(outputs) - failed_outputs
    print(f"\n{passed} passed, {len(failed) + failed_outputs} failed")
    return 1 if failed or failed_outputs else 0


def _row(run: Run) -> str:
    verdict = "ok" if not run.failures else "FAIL: " + "; ".join(run.failures)
    return (
        f"{run.case.name:32} {run.command:18} exit {run.code:>3} {run.seconds:6.2f} s"
        f" {run.peak_kb // 1024:5d} MB  {verdict}"
    )


if __name__ == "__main__":
    sys.exit(main())
