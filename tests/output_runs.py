"""Running the output-side cases of ``hostile_outputs``: each through the installed
``smartserang`` with the stdout it asks for (a pipe, /dev/full, a pipe whose reader has
gone, a closed stdout, a pseudo-terminal, a file appended to), its inputs hashed before
and after, and what went wrong said in words.

    python tests/output_runs.py [--big] [--family NAME]
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pty
import resource
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_outputs import SMARTSERANG, TIME_LIMIT, Outcome, OutputCase, cases

Snapshot = dict[str, tuple[str, int, int]]


def _snapshot(case: OutputCase) -> Snapshot:
    found = {}
    for name in case.inputs:
        path = case.cwd / name
        info = path.stat()
        found[name] = (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            info.st_size,
            info.st_mtime_ns,
        )
    return found


def _leftovers(case: OutputCase) -> list[str]:
    """Temporary or lock files left beside the inputs."""
    folders = {(case.cwd / name).parent for name in case.inputs} | {case.cwd}
    return sorted(
        str(p.relative_to(case.cwd))
        for folder in folders
        for p in folder.iterdir()
        if p.name.endswith((".tmp", ".lock")) and p.name.startswith(".")
    )


def run_case(case: OutputCase) -> list[str]:
    """What is wrong with the run of ``case`` (empty: it passed)."""
    before = _snapshot(case)
    outcome = execute(case)
    failures = judge(outcome)
    after = _snapshot(case)
    failures += [f"input {name} changed" for name in before if before[name] != after.get(name)]
    failures += [f"left behind: {name}" for name in _leftovers(case)]
    return failures


def run_cases(found: Sequence[OutputCase], workers: int = 2) -> list[list[str]]:
    """Run every case, ``workers`` at a time, and say what is wrong with each (in order).

    Cases that share a folder run one after another, so that one case's temporary file
    is not taken for another's leftover.
    """
    from concurrent.futures import ThreadPoolExecutor

    folders: dict[Path, list[int]] = {}
    for number, case in enumerate(found):
        folders.setdefault(case.cwd, []).append(number)
    results: list[list[str]] = [[] for _ in found]

    def run_folder(numbers: list[int]) -> None:
        for number in numbers:
            results[number] = run_case(found[number])

    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(run_folder, folders.values()))
    return results


def judge(outcome: Outcome) -> list[str]:
    """What is wrong with a run's exit code and output (inputs aside)."""
    case = outcome.case
    failures = []
    if outcome.code not in case.expect:
        tail = " | ".join(outcome.errors.strip().splitlines()[-3:])[:300]
        failures.append(f"exit {outcome.code}, expected {sorted(case.expect)}: {tail}")
    for sign in ("Traceback", "Exception ignored"):
        if sign in outcome.errors:
            failures.append(sign.lower())
    failures += [f"no [{code}]" for code in case.codes if f"[{code}]" not in outcome.errors]
    if outcome.code == 2 and case.stderr == "pipe" and not _located(outcome.errors):
        failures.append("no located message")
    if outcome.seconds > TIME_LIMIT:
        failures.append(f"took {outcome.seconds:.1f} s")
    if case.check is not None and not failures:
        failures += case.check(outcome)
    return failures


def _located(errors: str) -> bool:
    """A line ``file: … [code]``, ``--option: … [code]`` or ``stdout: … [code]``."""
    for line in errors.splitlines():
        head, colon, rest = line.partition(": ")
        if colon and rest.rstrip().endswith("]") and not head.startswith("smartserang"):
            return True
    return False


def execute(case: OutputCase) -> Outcome:
    """Run ``case`` and collect its exit code and output."""
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1", **dict(case.env)}
    if case.driver is not None:
        command = [sys.executable, "-c", case.driver, *case.args]
    else:
        command = [SMARTSERANG, *case.args]
    if case.stdout == "pty":
        return _execute_in_pty(case, command, env)
    limit = case.file_size
    closed = case.stdout == "closed"

    def prepare() -> None:
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        if closed:
            os.close(1)

    started = time.perf_counter()
    with _stdout_for(case) as (stdout, read_back):
        stderr = open(os.devnull if case.stderr == "pipe" else "/dev/full", "wb")  # noqa: SIM115
        with stderr:
            process = subprocess.Popen(
                command,
                cwd=case.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=subprocess.PIPE if case.stderr == "pipe" else stderr,
                preexec_fn=prepare,  # noqa: PLW1509 - resource limits need it
            )
            if isinstance(stdout, int) and stdout > 2:  # a pipe's end: the child holds it
                os.close(stdout)
            try:
                errors = process.stderr.read() if process.stderr else b""
                code = process.wait(timeout=TIME_LIMIT * 2)
            except subprocess.TimeoutExpired:
                process.kill()
                errors, code = b"", -9
            finally:
                if process.stderr:
                    process.stderr.close()
        output = read_back()
    return Outcome(case, code, output, errors, time.perf_counter() - started)


@contextlib.contextmanager
def _stdout_for(case: OutputCase) -> Iterator[tuple[int | IO[bytes], Callable[[], bytes]]]:
    """The stdout a case asks for, and how to read back what the run wrote to it."""
    kind = case.stdout
    if kind == "pipe":
        with tempfile.TemporaryFile() as file:

            def read() -> bytes:
                file.seek(0)
                return file.read()

            yield file, read
    elif kind == "full":
        with open("/dev/full", "wb") as full:
            yield full, lambda: b""
    elif kind == "gone":
        reader, writer = os.pipe()
        os.close(reader)
        yield writer, lambda: b""
    elif kind == "closed":
        yield subprocess.DEVNULL, lambda: b""
    elif kind.startswith("append:"):
        with open(case.cwd / kind.partition(":")[2], "ab") as appended:
            yield appended, lambda: b""
    else:
        raise ValueError(kind)


def _execute_in_pty(case: OutputCase, command: Sequence[str], env: dict[str, str]) -> Outcome:
    """Run with stdout on a pseudo-terminal (rich draws for a terminal), stderr piped."""
    env = {k: v for k, v in env.items() if k != "NO_COLOR"}
    leader, follower = pty.openpty()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=case.cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
    )
    os.close(follower)
    chunks: list[bytes] = []
    assert process.stderr is not None
    errors = b""
    deadline = started + TIME_LIMIT * 2
    streams = {leader, process.stderr.fileno()}
    while streams and time.perf_counter() < deadline:
        ready, _, _ = select.select(sorted(streams), [], [], 0.1)
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the terminal's other end closed: the run is over
                chunk = b""
            if not chunk:
                streams.discard(fd)
            elif fd == leader:
                chunks.append(chunk)
            else:
                errors += chunk
    if streams:
        process.kill()
    errors += process.stderr.read()
    process.stderr.close()
    code = process.wait()
    os.close(leader)
    return Outcome(case, code, b"".join(chunks), errors, time.perf_counter() - started)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the cases in a temporary folder, run them, print a table."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--big", action="store_true", help="every name for every input")
    parser.add_argument("--family", help="only this family")
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-outputs-") as temporary:
        found = [
            c for c in cases(Path(temporary), big=options.big) if options.family in (None, c.family)
        ]
        results = run_cases(found)
    for case, failures in zip(found, results, strict=True):
        print(f"{case.name:60} {'ok' if not failures else 'FAIL: ' + '; '.join(failures)}")
    failed = sum(1 for f in results if f)
    print(f"\n{len(found) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
