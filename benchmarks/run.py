"""Measure smartserang's speed and memory against its performance targets; print the tables.

Every measurement is a separate process, using the interpreter running this script (and
the smartserang installed next to it), started and reaped by a small launcher process:
wall time is taken around it, peak RSS and CPU time come from ``os.wait4``. For a process
with workers that peak RSS is the largest single process, not the sum; the batch table
adds a sampled total. Each row is the median over ``--repeat`` runs; commands compared in
one table are interleaved within each repeat, so ratios come from one run on one machine
state. Printed as Markdown:

1. The writer matrix: ``smartserang score FILE --format json`` against a plain
   python-calamine read of every sheet of the same file (``to_python()``, the floor any
   Python scorer pays), for the same cells (N rows in Aplikasi and in Fasilitas; 10k and
   100k, 300k with ``--large``) written (a) as Excel stores them, (b) by openpyxl's
   write-only mode with empty-text cells, (c) re-saved by LibreOffice and (d) saved by it
   as .ods (c and d only where ``soffice`` is installed). Targets at 10k and 100k rows:
   every writer ≤ 1.5× the plain read of its file, the median writer ≤ 1.3×, peak RSS
   ≤ 2×; and every writer's file gives the same scores. At 10k rows a note gives what a
   run pays whatever its rows, and a Typer command that only reads the file.
2. Start-up: ``smartserang --help`` and ``smartserang score`` on a tiny workbook against
   ``python -c "import typer"``. Target: ``--help`` ≤ 1.3× ``import typer``.
3. Batch: ``smartserang score FOLDER --format json`` on 500 workbooks of 2,000 rows, with
   the default ``--jobs`` (every CPU) and with ``--jobs 1``. Targets: ≤ 60 s with the
   default; throughput with N jobs at least 0.75 × N times that of one job.
4. One 2,000-row workbook, phase by phase: interpreter start, CLI import, set loading,
   reading (with the checks against the sets), scoring, JSON.
5. Report rendering of the largest example (``examples/kota-sukamaju.xlsx`` on sets
   spbe-2020 and smart-city), in one process: the view built once, then
   ``render_report`` timed over repeated calls for HTML and Markdown. Target: median
   < 0.2 s. Also the end-to-end cost of ``--format html`` over ``--format json``.

Workbooks come from ``benchmarks/generate.py`` (cached in ``benchmarks/.cache/``, built on
first use; the 500-workbook folder takes several minutes once, LibreOffice's copies of
the 100k-row workbook about a minute).

Run from the repository root::

    python benchmarks/run.py                  # every target; about 15 minutes
    python benchmarks/run.py --quick          # 1k and 10k rows, a batch of 20; ~2 minutes
    python benchmarks/run.py --large          # adds the 300k-row workbook
    python benchmarks/run.py --only batch --repeat 1
    python benchmarks/run.py --profile 2000   # cProfile of one score run, top 25 lines
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

PHASES = """
import time
started = time.time()
import json, sys
from pathlib import Path
import smartserang.cli
from smartserang.session import load_sets, read_checked
imported = time.time()
sets, problems = load_sets(["spbe-2020"], None)
loaded = time.time()
inventory, problems = read_checked(Path(sys.argv[1]), sets)
assert inventory is not None and not problems, problems
read = time.time()
from smartserang.scoring.levels import Basis
from smartserang.session import score_sets
results = score_sets(sets, inventory)
scored = time.time()
from smartserang.scoring.analysis import analyse, resolve_targets
from smartserang.report.json_data import build_output_data
analyses = [analyse(r, resolve_targets(r, None)) for r in results]
text = json.dumps(build_output_data(results, analyses, Basis.VERIFIED, "id"), indent=2)
done = time.time()
print(json.dumps([started, imported, loaded, read, scored, done]))
"""

RENDER = """
import json, statistics, sys, time
from pathlib import Path
from smartserang.scoring.analysis import analyse, resolve_targets
from smartserang.session import load_inputs
from smartserang.scoring.levels import Basis
from smartserang.session import score_sets
sets, inventory = load_inputs(Path(sys.argv[1]), ["spbe-2020", "smart-city"], None)
results = score_sets(sets, inventory)
analyses = [analyse(r, resolve_targets(r, None)) for r in results]
start = time.perf_counter()
from smartserang.report.render import render_report
from smartserang.report.build import build_report_view
imported = time.perf_counter() - start
start = time.perf_counter()
views = [
    build_report_view(r, a, basis=Basis.VERIFIED, lang="id", prefix=f"{r.indicator_set.id}-")
    for r, a in zip(results, analyses)
]
built = time.perf_counter() - start
out = {"import": imported, "view": built}
for fmt in ("html", "md"):
    times = []
    for _ in range(int(sys.argv[2])):
        start = time.perf_counter()
        render_report(views, fmt)
        times.append(time.perf_counter() - start)
    out[fmt] = {"first": times[0], "median": statistics.median(times[1:] or times)}
print(json.dumps(out))
"""

# Targets from the performance issues.
WRITER_RATIO = 1.5
"""No writer's file may take ``score`` longer than this times the plain read of it."""
SCORE_TIME_RATIO = 1.3
"""The median writer's ratio."""
SCORE_RSS_RATIO = 2.0
TARGET_ROWS = 100_000
HELP_RATIO = 1.3
BATCH_COUNT = 500
BATCH_ROWS = 2_000
BATCH_SECONDS = 60.0
SCALING_SHARE = 0.75
"""Throughput with N jobs must reach this share of N times one job's."""
RENDER_SECONDS = 0.2


@dataclass(frozen=True)
class Run:
    """One finished subprocess."""

    seconds: float
    """Wall time from start to reaping."""
    rss_mb: float
    """Peak resident set size of the process (or of its largest worker), in MiB."""
    returncode: int
    stdout: str
    cpu_seconds: float
    """User and system CPU time of the process and the workers it reaped."""
    total_mb: float | None = None
    """Peak of the summed PSS of the process and its workers (sampled), in MiB."""


@dataclass(frozen=True)
class Result:
    """The median of several runs of one command."""

    seconds: float
    rss_mb: float
    failed: bool
    """True if any run exited non-zero (the numbers then measure a failure)."""
    cpu_seconds: float
    total_mb: float | None = None


LAUNCHER = """
import json, os, sys, time
for line in sys.stdin:
    argv, out, err = json.loads(line)
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        (os.POSIX_SPAWN_OPEN, 2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    print(pid, flush=True)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps([seconds, usage.ru_maxrss, cpu, code]), flush=True)
"""
"""Starts every measured command and reaps it. Peak RSS is inherited through a fork (and
kept across the exec that follows), so the measured processes are started by this small
process (``python -S``, about 10 MiB), not by this script, which holds far more."""


class _Launcher:
    """The one launcher process of this run."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [PYTHON, "-S", "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def run(self, argv: Sequence[str], *, sample: bool) -> Run:
        """Run ``argv`` to its end; ``sample`` also samples its process tree's memory."""
        stdin, stdout = self.proc.stdin, self.proc.stdout
        assert stdin is not None
        assert stdout is not None
        program = argv[0] if os.path.isabs(argv[0]) else _which(argv[0])
        with tempfile.TemporaryDirectory() as scratch:
            out, err = Path(scratch, "out"), Path(scratch, "err")
            stdin.write(json.dumps([[program, *argv[1:]], str(out), str(err)]) + "\n")
            stdin.flush()
            pid = int(stdout.readline())
            sampler = _TreeSampler(pid) if sample else None
            seconds, maxrss, cpu, code = json.loads(stdout.readline())
            if sampler is not None:
                sampler.stop()
            if code != 0:
                tail = err.read_text()[-2000:]
                print(f"exit {code}: {' '.join(argv)}\n{tail}", file=sys.stderr)
            total = sampler.peak_mb if sampler is not None else None
            # ru_maxrss is in KiB on Linux
            return Run(seconds, maxrss / 1024, code, out.read_text(), cpu, total)


def _which(name: str) -> str:
    import shutil

    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name}: not found")
    return found


_launcher: list[_Launcher] = []


def run_once(argv: Sequence[str], *, sample: bool = False) -> Run:
    """Run ``argv``; its wall time, its peak RSS and (``sample``) its tree's peak PSS."""
    if not _launcher:
        _launcher.append(_Launcher())
    return _launcher[0].run(argv, sample=sample)


class _TreeSampler:
    """Samples the summed PSS of a process and its descendants every 50 ms (Linux)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._done.wait(0.05):
            total = sum(_pss_kib(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, total / 1024)


def _tree(pid: int) -> list[int]:
    found = [pid]
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.extend(_tree(int(child)))
    except OSError:
        pass  # gone meanwhile
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def measure_runs(
    commands: dict[str, list[str]], repeat: int, *, sample: bool = False
) -> dict[str, list[Run]]:
    """Every run of each command, the commands interleaved in each repeat."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            runs[name].append(run_once(argv, sample=sample))
    return runs


def summarise(runs: Sequence[Run]) -> Result:
    """The medians of the runs of one command."""
    sampled = [r.total_mb for r in runs if r.total_mb is not None]
    return Result(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.rss_mb for r in runs),
        any(r.returncode != 0 for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        statistics.median(sampled) if sampled else None,
    )


def measure(
    commands: dict[str, list[str]], repeat: int, *, sample: bool = False
) -> dict[str, Result]:
    """Median time and RSS of each command, the commands interleaved in each repeat."""
    runs = measure_runs(commands, repeat, sample=sample)
    return {name: summarise(rs) for name, rs in runs.items()}


def _fmt(result: Result) -> tuple[str, str]:
    mark = " (failed)" if result.failed else ""
    return f"{result.seconds:.3f}{mark}", f"{result.rss_mb:.0f}"


def verdict(ok: bool) -> str:
    """How a target line ends."""
    return "holds" if ok else "MISSED"


def _writers() -> tuple[list[str], list[str]]:
    """The matrix's writers that can be measured here, and the notes on those that cannot."""
    writers = list(generate.WRITERS)
    notes = []
    if generate.soffice() is None:
        writers = [w for w in writers if w not in generate.LIBREOFFICE_WRITERS]
        notes.append(
            "- LibreOffice (soffice) is not installed: its re-saved .xlsx and its .ods are"
            " not measured in this run"
        )
    return writers, notes


def _scores(stdout: str) -> object:
    """The JSON a score printed, without the file's own name and digest (also where the
    name begins a warning's location)."""
    data = json.loads(stdout)
    name = data["inventory"].pop("path", None)
    data["inventory"].pop("sha256", None)
    text = json.dumps(data, sort_keys=True)
    return text.replace(json.dumps(name)[1:-1], "FILE") if name else text


def bench_writers(sizes: Sequence[int], repeat: int) -> list[str]:
    """Table 1: the writer matrix: ``score`` against a plain calamine read of the same file,
    for the same cells written by each writer, at each size."""
    writers, notes = _writers()
    lines = [
        "### the writer matrix: score vs a plain python-calamine read of the same file",
        "",
        "The same cells (Aplikasi and Fasilitas of N rows each) written by each writer;"
        " per size, every command interleaved in each repeat; medians, and the range of the"
        " per-repeat time ratio.",
        "",
        "| N | writer | plain read s | score s | time ÷ read | range | read MiB | score MiB"
        " | RSS ÷ read |",
        "|---:|---|---:|---:|---:|---|---:|---:|---:|",
    ]
    targets: list[str] = []
    tiny = str(generate.ensure_workbook(10))
    for rows in sizes:
        paths = {w: str(generate.ensure_matrix_workbook(rows, w)) for w in writers}
        commands = {}
        for writer, path in paths.items():
            commands[f"{writer} read"] = [PYTHON, "-c", CALAMINE_READ, path]
            commands[f"{writer} score"] = [SMARTSERANG, "score", path, "--format", "json"]
        if rows != TARGET_ROWS:  # what every run pays whatever its rows, for the note
            commands["fixed read"] = [PYTHON, "-c", CALAMINE_READ, tiny]
            commands["fixed score"] = [SMARTSERANG, "score", tiny, "--format", "json"]
            first = paths[writers[0]]  # a Typer command that only reads the file
            commands["typer read"] = [PYTHON, "-c", "import typer" + CALAMINE_READ, first]
        load = _load()
        runs = measure_runs(commands, repeat)
        ratios, rss_ratios, failed, outputs = {}, {}, False, []
        for writer in writers:
            reads, scores = runs[f"{writer} read"], runs[f"{writer} score"]
            read, score = summarise(reads), summarise(scores)
            ratio, rss_ratio = score.seconds / read.seconds, score.rss_mb / read.rss_mb
            ratios[writer], rss_ratios[writer] = ratio, rss_ratio
            each = [s.seconds / r.seconds for r, s in zip(reads, scores, strict=True)]
            failed = failed or read.failed or score.failed
            if not score.failed:
                outputs.append(_scores(scores[0].stdout))
            lines.append(
                f"| {rows:,} | {generate.WRITERS[writer]} | {_fmt(read)[0]} | {_fmt(score)[0]} | "
                f"{ratio:.2f}× | {min(each):.2f}–{max(each):.2f}× | {read.rss_mb:.0f} | "
                f"{score.rss_mb:.0f} | {rss_ratio:.2f}× |"
            )
        median = statistics.median(ratios.values())
        same = all(o == outputs[0] for o in outputs) and len(outputs) == len(writers)
        what = f"at {rows:,} rows"
        worst = max(ratios, key=ratios.__getitem__)
        fattest = max(rss_ratios, key=rss_ratios.__getitem__)
        targets += [
            f"- target {what}: every writer ≤ {WRITER_RATIO}× the plain read: worst"
            f" {ratios[worst]:.2f}× ({worst}), "
            f"{verdict(ratios[worst] <= WRITER_RATIO and not failed)}",
            f"- target {what}: the median writer ≤ {SCORE_TIME_RATIO}×: {median:.2f}×, "
            f"{verdict(median <= SCORE_TIME_RATIO and not failed)}",
            f"- target {what}: peak RSS ≤ {SCORE_RSS_RATIO}× the plain read's: worst"
            f" {rss_ratios[fattest]:.2f}× ({fattest}), "
            f"{verdict(rss_ratios[fattest] <= SCORE_RSS_RATIO and not failed)}",
        ]
        if rows != TARGET_ROWS:
            fixed_read = summarise(runs["fixed read"]).seconds
            fixed_score = summarise(runs["fixed score"]).seconds
            typer_read = summarise(runs["typer read"]).seconds
            first_read = summarise(runs[f"{writers[0]} read"]).seconds
            marginal = {
                w: (summarise(runs[f"{w} score"]).seconds - fixed_score)
                / max(summarise(runs[f"{w} read"]).seconds - fixed_read, 1e-9)
                for w in writers
            }
            targets.append(
                f"- {what} a run's fixed cost is most of it: on a 10-row workbook `score`"
                f" takes {fixed_score:.3f} s (interpreter, CLI, the indicator set, the"
                f" report) and the plain read {fixed_read:.3f} s. A command that imports"
                f" Typer and then only reads the file takes {typer_read:.3f} s,"
                f" {typer_read / first_read:.2f}× the plain read ({writers[0]}), before any"
                f" work of its own. What the rows add, (score − {fixed_score:.3f}) ÷"
                f" (read − {fixed_read:.3f}), is {min(marginal.values()):.2f}× to"
                f" {max(marginal.values()):.2f}× (median"
                f" {statistics.median(marginal.values()):.2f}×)"
            )
        targets.append(
            f"- {what}: every writer's file gives the same scores: {'yes' if same else 'NO'}"
            f" (load average {load} before these runs, {_load()} after)"
        )
    if TARGET_ROWS not in sizes:
        targets.append(f"- targets at {TARGET_ROWS:,} rows: not measured in this run")
    return [*lines, "", *targets, *notes]


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
    help_run = results["smartserang --help"]
    ratio = help_run.seconds / base.seconds
    lines += [
        "",
        f"- target: `smartserang --help` ≤ {HELP_RATIO}× `import typer`: {ratio:.2f}×, "
        f"{verdict(ratio <= HELP_RATIO and not help_run.failed)}",
    ]
    return lines


def bench_batch(count: int, rows: int, repeat: int) -> list[str]:
    """Table 3: a folder of workbooks with every CPU and with one process."""
    folder = str(generate.ensure_batch(count, rows))
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    jobs = cpus or 1
    base = [SMARTSERANG, "score", folder, "--format", "json"]
    default_name = f"score FOLDER --format json (default: --jobs {jobs})"
    commands = {default_name: base, "score FOLDER --format json --jobs 1": [*base, "--jobs", "1"]}
    results = measure(commands, repeat, sample=True)
    single = results["score FOLDER --format json --jobs 1"]
    lines = [
        f"### batch: {count} workbooks × {rows:,} rows (median of {repeat}; {cpus} CPUs)",
        "",
        "| command | wall s | s per workbook | speed-up | CPU s | CPUs busy | peak RSS MiB,"
        " largest process | peak PSS MiB, all processes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in results.items():
        seconds, rss = _fmt(result)
        lines.append(
            f"| {name} | {seconds} | {result.seconds / count:.3f} | "
            f"{single.seconds / result.seconds:.2f}× | {result.cpu_seconds:.1f} | "
            f"{result.cpu_seconds / result.seconds:.2f} | {rss} | {result.total_mb or 0:.0f} |"
        )
    pooled = results[default_name]
    speedup = single.seconds / pooled.seconds
    lines.append("")
    if count == BATCH_COUNT:
        lines.append(
            f"- target: {count} workbooks in ≤ {BATCH_SECONDS:.0f} s: {pooled.seconds:.1f} s, "
            f"{verdict(pooled.seconds <= BATCH_SECONDS and not pooled.failed)}"
        )
    else:
        projected = pooled.seconds / count * BATCH_COUNT
        lines.append(
            f"- target of {BATCH_COUNT} workbooks in ≤ {BATCH_SECONDS:.0f} s: not measured in"
            f" this run (projected linearly: {projected:.0f} s)"
        )
    lines += [
        f"- target: throughput scales with cores (≥ {SCALING_SHARE} × {jobs} = "
        f"{SCALING_SHARE * jobs:.2f}× one job): {speedup:.2f}×, "
        f"{verdict(jobs == 1 or speedup >= SCALING_SHARE * jobs)}",
        "- CPU s is the user and system time of the process and its workers; CPUs busy is "
        "CPU s ÷ wall s: below the CPU count when the work waits, or other processes "
        f"hold the CPUs (load average at the end: {_load()})",
    ]
    return lines


def _load() -> str:
    """The 1-minute load average, the machine's business besides the benchmark."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


def bench_phases(rows: int, repeat: int) -> list[str]:
    """Table 4: where the time of one workbook goes, phase by phase."""
    path = str(generate.ensure_workbook(rows))
    names = ("interpreter start", "CLI import", "set loading", "reading and checks",
             "scoring", "JSON (analysis, data, dumps)")  # fmt: skip
    samples: list[list[float]] = [[] for _ in names]
    for _ in range(repeat):
        begun = time.time()
        run = run_once([PYTHON, "-c", PHASES, path])
        if run.returncode != 0:
            return [f"### one workbook of {rows:,} rows, by phase: failed (see stderr)"]
        marks = [begun, *json.loads(run.stdout)]
        for index, (start, end) in enumerate(itertools.pairwise(marks)):
            samples[index].append(end - start)
    medians = [statistics.median(s) for s in samples]
    total = sum(medians)
    lines = [
        f"### one workbook of {rows:,} rows, by phase (set spbe-2020; median of {repeat})",
        "",
        "| phase | s | share |",
        "|---|---:|---:|",
        *(f"| {n} | {m:.3f} | {m / total:.0%} |" for n, m in zip(names, medians, strict=True)),
        f"| total | {total:.3f} | |",
        "",
        "- in a batch, interpreter start, CLI import and set loading are paid once per run, "
        "in the parent; forked workers inherit them, so each workbook pays reading, checks "
        "and scoring only",
    ]
    return lines


def bench_report(repeat: int) -> list[str]:
    """Table 5: rendering the reports of the largest example, in one process and end to end."""
    calls = max(repeat, 5)
    run = run_once([PYTHON, "-c", RENDER, str(EXAMPLE), str(calls)])
    if run.returncode != 0:
        return ["### report rendering: failed (see stderr)"]
    timing: dict[str, Any] = json.loads(run.stdout)
    base = [SMARTSERANG, "score", str(EXAMPLE), "--set", "spbe-2020", "--set", "smart-city"]
    results = measure(
        {
            "--format json": [*base, "--format", "json"],
            "--format html": [*base, "--format", "html"],
            "--format md": [*base, "--format", "md"],
        },
        repeat,
    )
    json_s = results["--format json"].seconds
    lines = [
        "### report rendering: examples/kota-sukamaju.xlsx, sets spbe-2020 + smart-city",
        "",
        f"In one process (the view built once; `render_report` called {calls} times):",
        "",
        "| step | s |",
        "|---|---:|",
        f"| import render + reportbuild (Jinja2) | {timing['import']:.3f} |",
        f"| build_report_view, both sets | {timing['view']:.3f} |",
    ]
    for fmt in ("html", "md"):
        lines += [
            f"| render_report {fmt}, first call (templates compiled) | "
            f"{timing[fmt]['first']:.3f} |",
            f"| render_report {fmt}, median of the next | {timing[fmt]['median']:.3f} |",
        ]
    lines += [
        "",
        "End to end:",
        "",
        "| command | wall s (median) | peak RSS MiB | minus json s |",
        "|---|---:|---:|---:|",
    ]
    for name, result in results.items():
        seconds, rss = _fmt(result)
        lines.append(f"| score … {name} | {seconds} | {rss} | {result.seconds - json_s:+.3f} |")
    html_extra = results["--format html"].seconds - json_s
    first = timing["html"]["first"] + timing["view"]
    lines += [
        "",
        f"- target: HTML rendering < {RENDER_SECONDS} s: median {timing['html']['median']:.3f}"
        f" s, {verdict(timing['html']['median'] < RENDER_SECONDS)}",
        f"- target: Markdown rendering < {RENDER_SECONDS} s: median "
        f"{timing['md']['median']:.3f} s, {verdict(timing['md']['median'] < RENDER_SECONDS)}",
        f"- a CLI run pays the view and the first render: {first:.3f} s; end to end, HTML "
        f"costs {html_extra:+.3f} s over JSON (Jinja2 import included), "
        f"{verdict(html_extra < RENDER_SECONDS)} against {RENDER_SECONDS} s",
    ]
    return lines


def profile(rows: int) -> list[str]:
    """cProfile of ``smartserang score`` on one generated workbook, top 25 by cumulative time."""
    path = str(generate.ensure_workbook(rows))
    code = (
        "import cProfile, pstats, sys\n"
        "from smartserang.cli import app\n"
        "sys.argv = ['smartserang', 'score', sys.argv[1], '--format', 'json']\n"
        "profiler = cProfile.Profile()\n"
        "try:\n"
        "    profiler.runcall(app)\n"
        "except SystemExit:\n"
        "    pass\n"
        "pstats.Stats(profiler, stream=sys.stderr).sort_stats('cumulative').print_stats(25)\n"
    )
    proc = subprocess.run(
        [PYTHON, "-c", code, path], capture_output=True, text=True, check=False, cwd=ROOT
    )
    body = [line for line in proc.stderr.splitlines() if line.strip()]
    return [f"### cProfile: score of {rows:,} rows, top 25 by cumulative time", "", "```",
            *body, "```"]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the selected benchmarks and print the Markdown tables on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--quick", action="store_true", help="1k and 10k rows, batch of 20")
    parser.add_argument("--large", action="store_true", help="add the 300k-row workbook")
    parser.add_argument(
        "--batch-repeat", type=int, default=3, help="runs of the batch benchmark (default 3)"
    )
    parser.add_argument(
        "--only",
        choices=("writers", "startup", "batch", "phases", "report"),
        action="append",
        help="run only these sections (repeatable)",
    )
    parser.add_argument(
        "--profile", type=int, metavar="ROWS", help="only print a cProfile of one score run"
    )
    args = parser.parse_args(argv)
    if not Path(SMARTSERANG).exists():
        parser.error(f"{SMARTSERANG} not found: install the project into this interpreter")

    def emit(block: list[str]) -> None:
        print("\n".join(block), end="\n\n", flush=True)  # each table as soon as it is done

    if args.profile is not None:
        emit(profile(args.profile))
        return 0
    sizes = [1_000, 10_000] if args.quick else [10_000, TARGET_ROWS]
    if args.large:
        sizes.append(300_000)
    sections = set(args.only or ("writers", "startup", "batch", "phases", "report"))
    print(
        f"## smartserang benchmarks ({os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"repeat {args.repeat}, load average {_load()} at the start)\n"
    )
    if "writers" in sections:
        emit(bench_writers(sizes, args.repeat))
    if "startup" in sections:
        emit(bench_startup(max(args.repeat, 5)))
    if "batch" in sections:
        emit(bench_batch(20 if args.quick else BATCH_COUNT, BATCH_ROWS, args.batch_repeat))
    if "phases" in sections:
        emit(bench_phases(BATCH_ROWS, args.repeat))
    if "report" in sections:
        emit(bench_report(args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
