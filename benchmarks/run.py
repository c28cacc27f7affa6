"""Measure smartserang's whole-process speed and memory against its performance goals.

Every measurement is a separate subprocess; wall time is taken around it and peak RSS
from ``os.wait4``'s resource usage for that one child. Each row is the median over
``--repeat`` runs, and commands compared in one table are interleaved within each
repeat, so ratios come from one run on one machine state. Printed as Markdown:

1. ``smartserang score FILE --format json`` on workbooks with N rows in Aplikasi and
   in Fasilitas (1k, 10k, 100k; 300k with ``--large``), against a plain python-calamine
   read of every sheet (``to_python()``) and ``pandas.read_excel`` (when pandas is
   importable), with ratios to calamine.
2. Start-up: ``smartserang --help`` and ``smartserang score`` on a tiny workbook against
   ``python -c "import typer"``.
3. A folder of 500 workbooks of 2,000 rows: ``smartserang score FOLDER --format json``
   (20 workbooks with ``--quick``).
4. Report rendering: ``score examples/kota-sukamaju.xlsx --set spbe-2020 --set smart-city``
   as ``--format html`` against ``--format json``.

The smartserang measured is the one installed next to the running interpreter. Workbooks
come from ``benchmarks/generate.py`` (cached in ``benchmarks/.cache/``; generated on first
use, which can take minutes for the large ones).

Run from the repository root::

    python benchmarks/run.py --quick          # 1k and 10k rows, batch of 20; < 1 minute
    python benchmarks/run.py                  # 1k, 10k, 100k, batch of 500
    python benchmarks/run.py --large --repeat 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SMARTSERANG = str(Path(sys.executable).parent / "smartserang")
EXAMPLE = ROOT / "examples" / "kota-sukamaju.xlsx"

CALAMINE_READ = """
import sys
from python_calamine import CalamineWorkbook
wb = CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in wb.sheet_names:
    rows = wb.get_sheet_by_name(name).to_python()
    cells += sum(len(r) for r in rows)
print(cells)
"""

PANDAS_READ = """
import sys
import pandas
frames = pandas.read_excel(sys.argv[1], sheet_name=None)
print(sum(f.size for f in frames.values()))
"""

# Goals from the project's performance brief.
SCORE_TIME_RATIO = 1.3
SCORE_RSS_RATIO = 2.0
HELP_RATIO = 1.3
BATCH_SECONDS = 60.0
RENDER_SECONDS = 0.2


@dataclass(frozen=True)
class Run:
    """One finished subprocess."""

    seconds: float
    """Wall time from start to reaping."""
    rss_mb: float
    """Peak resident set size of the process, in MiB."""
    returncode: int


@dataclass(frozen=True)
class Result:
    """The median of several runs of one command."""

    seconds: float
    rss_mb: float
    failed: bool
    """True if any run exited non-zero (the numbers then measure a failure)."""


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` with stdout discarded; its wall time and its own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT
    )
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    proc.stderr.close()
    if proc.returncode != 0:
        print(
            f"exit {proc.returncode}: {' '.join(argv)}\n{stderr.decode()[-2000:]}", file=sys.stderr
        )
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode)  # ru_maxrss is KiB on Linux


def measure(commands: dict[str, list[str]], repeat: int) -> dict[str, Result]:
    """Median time and RSS of each command, the commands interleaved in each repeat."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            runs[name].append(run_once(argv))
    return {
        name: Result(
            statistics.median(r.seconds for r in rs),
            statistics.median(r.rss_mb for r in rs),
            any(r.returncode != 0 for r in rs),
        )
        for name, rs in runs.items()
    }


def pandas_available() -> bool:
    """Whether pandas imports in the measured interpreter (it is not a project dependency)."""
    probe = subprocess.run([PYTHON, "-c", "import pandas"], capture_output=True, check=False)
    return probe.returncode == 0


def _fmt(result: Result) -> tuple[str, str]:
    mark = " (failed)" if result.failed else ""
    return f"{result.seconds:.3f}{mark}", f"{result.rss_mb:.0f}"


def _verdict(ok: bool) -> str:
    return "holds" if ok else "**misses**"


def bench_read_vs_score(sizes: Sequence[int], repeat: int) -> list[str]:
    """Table 1: score vs a plain calamine read (and pandas), per workbook size."""
    has_pandas = pandas_available()
    lines = [
        "### score vs plain read (Aplikasi and Fasilitas N rows each)",
        "",
        "| N | command | wall s (median) | peak RSS MiB | time ÷ calamine | RSS ÷ calamine |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    verdicts: list[str] = []
    for rows in sizes:
        path = str(generate.ensure_workbook(rows))
        commands = {
            "calamine read": [PYTHON, "-c", CALAMINE_READ, path],
            "smartserang score --format json": [SMARTSERANG, "score", path, "--format", "json"],
        }
        if has_pandas:
            commands["pandas.read_excel"] = [PYTHON, "-c", PANDAS_READ, path]
        results = measure(commands, repeat)
        base = results["calamine read"]
        for name, result in results.items():
            seconds, rss = _fmt(result)
            lines.append(
                f"| {rows:,} | {name} | {seconds} | {rss} | "
                f"{result.seconds / base.seconds:.2f}× | {result.rss_mb / base.rss_mb:.2f}× |"
            )
        if not has_pandas:
            lines.append(f"| {rows:,} | pandas.read_excel | not installed | | | |")
        score = results["smartserang score --format json"]
        t_ratio, m_ratio = score.seconds / base.seconds, score.rss_mb / base.rss_mb
        verdicts.append(
            f"- {rows:,} rows: time {t_ratio:.2f}× calamine (goal ≤ {SCORE_TIME_RATIO}×, "
            f"{_verdict(t_ratio <= SCORE_TIME_RATIO)}); peak RSS {m_ratio:.2f}× "
            f"(goal ≤ {SCORE_RSS_RATIO}×, {_verdict(m_ratio <= SCORE_RSS_RATIO)})"
        )
    return [*lines, "", *verdicts]


def bench_startup(repeat: int) -> list[str]:
    """Table 2: CLI start-up against importing typer alone."""
    tiny = str(generate.ensure_workbook(10))
    commands = {
        'python -c "import typer"': [PYTHON, "-c", "import typer"],
        "smartserang --help": [SMARTSERANG, "--help"],
        "smartserang score TINY (text)": [SMARTSERANG, "score", tiny],
        "smartserang score TINY --format json": [SMARTSERANG, "score", tiny, "--format", "json"],
    }
    results = measure(commands, repeat)
    base = results['python -c "import typer"']
    lines = [
        "### start-up (tiny workbook: 10 rows per register)",
        "",
        "| command | wall s (median) | peak RSS MiB | time ÷ import typer |",
        "|---|---:|---:|---:|",
    ]
    for name, result in results.items():
        seconds, rss = _fmt(result)
        lines.append(f"| {name} | {seconds} | {rss} | {result.seconds / base.seconds:.2f}× |")
    ratio = results["smartserang --help"].seconds / base.seconds
    lines += [
        "",
        f"- `--help` is {ratio:.2f}× `import typer` (goal ≤ {HELP_RATIO}×, "
        f"{_verdict(ratio <= HELP_RATIO)})",
    ]
    return lines


def bench_batch(count: int, rows: int, repeat: int) -> list[str]:
    """Table 3: one process scoring a folder of workbooks."""
    folder = str(generate.ensure_batch(count, rows))
    results = measure(
        {"score FOLDER --format json": [SMARTSERANG, "score", folder, "--format", "json"]}, repeat
    )
    result = results["score FOLDER --format json"]
    seconds, rss = _fmt(result)
    lines = [
        f"### batch: {count} workbooks × {rows:,} rows (median of {repeat})",
        "",
        "| command | wall s | peak RSS MiB | s per workbook |",
        "|---|---:|---:|---:|",
        f"| smartserang score FOLDER --format json | {seconds} | {rss} | "
        f"{result.seconds / count:.3f} |",
        "",
    ]
    if count == 500:
        lines.append(
            f"- 500 workbooks in {result.seconds:.1f} s (goal ≤ {BATCH_SECONDS:.0f} s, "
            f"{_verdict(result.seconds <= BATCH_SECONDS)})"
        )
    else:
        projected = result.seconds / count * 500
        lines.append(f"- projected linearly to 500 workbooks: {projected:.0f} s (goal ≤ 60 s)")
    return lines


def bench_report(repeat: int) -> list[str]:
    """Table 4: rendering the HTML report of the largest example against JSON output."""
    base = [SMARTSERANG, "score", str(EXAMPLE), "--set", "spbe-2020", "--set", "smart-city"]
    results = measure(
        {
            "--format json": [*base, "--format", "json"],
            "--format html": [*base, "--format", "html"],
            "--format md": [*base, "--format", "md"],
        },
        repeat,
    )
    lines = [
        "### report rendering: examples/kota-sukamaju.xlsx, sets spbe-2020 + smart-city",
        "",
        "| command | wall s (median) | peak RSS MiB | minus json s |",
        "|---|---:|---:|---:|",
    ]
    json_s = results["--format json"].seconds
    for name, result in results.items():
        seconds, rss = _fmt(result)
        lines.append(f"| score … {name} | {seconds} | {rss} | {result.seconds - json_s:+.3f} |")
    extra = results["--format html"].seconds - json_s
    lines += [
        "",
        f"- HTML costs {extra:.3f} s over JSON (goal: rendering < {RENDER_SECONDS} s, "
        f"{_verdict(extra < RENDER_SECONDS)}); the whole HTML run takes "
        f"{results['--format html'].seconds:.3f} s",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected benchmarks and print the Markdown tables on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (median)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k rows, batch of 20")
    parser.add_argument("--large", action="store_true", help="add the 300k-row workbook")
    parser.add_argument("--no-batch", action="store_true", help="skip the folder benchmark")
    parser.add_argument(
        "--batch-repeat", type=int, default=1, help="runs of the folder benchmark (default 1)"
    )
    parser.add_argument(
        "--only",
        choices=("read", "startup", "batch", "report"),
        action="append",
        help="run only these sections (repeatable)",
    )
    args = parser.parse_args(argv)
    if not Path(SMARTSERANG).exists():
        parser.error(f"{SMARTSERANG} not found: install the project into this interpreter")
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    if args.large and not args.quick:
        sizes.append(300_000)
    sections = set(args.only or ("read", "startup", "batch", "report"))
    print(
        f"## smartserang benchmarks ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"repeat {args.repeat})\n"
    )

    def emit(block: list[str]) -> None:
        print("\n".join(block), end="\n\n", flush=True)  # each table as soon as it is done

    if "read" in sections:
        emit(bench_read_vs_score(sizes, args.repeat))
    if "startup" in sections:
        emit(bench_startup(args.repeat))
    if "batch" in sections and not args.no_batch:
        emit(bench_batch(20 if args.quick else 500, 2_000, args.batch_repeat))
    if "report" in sections:
        emit(bench_report(args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
