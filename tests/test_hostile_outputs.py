"""The generated output-side cases (``hostile_outputs``), one test per family.

Each family's cases run through the installed ``smartserang``; a test lists every case
that failed with what was wrong (an exit code, a traceback, a missing located message,
an input whose bytes or time changed, a temporary file left beside the inputs, or the
family's own check). ``python tests/hostile_run.py --big`` runs the same cases with every
name for every input.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hostile_outputs
import output_runs
from hostile_outputs import OutputCase

FAMILIES = (
    "guard", "full", "gone", "closed", "stderr", "fsize", "names", "locale", "json",
    "signal", "written", "escapes",
)  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[OutputCase]:
    """Every case of every family, its files made once."""
    return hostile_outputs.cases(tmp_path_factory.mktemp("outputs"))


def failures_of(corpus: list[OutputCase], family: str) -> dict[str, list[str]]:
    """What went wrong, by case, in ``family`` (empty: every case passed)."""
    found = [case for case in corpus if case.family == family]
    assert found, f"no case in family {family}"
    results = output_runs.run_cases(found)
    return {case.name: failures for case, failures in zip(found, results, strict=True) if failures}


def test_every_family_has_cases(corpus: list[OutputCase]) -> None:
    """The families the tests run are the generator's, and each is broad."""
    counts = {family: sum(1 for c in corpus if c.family == family) for family in FAMILIES}
    assert {c.family for c in corpus} == set(FAMILIES)
    assert counts["guard"] >= 100  # every writing option against every input, many names
    assert all(count >= 4 for count in counts.values()), counts


def test_no_output_is_written_over_an_input(corpus: list[OutputCase]) -> None:
    """Every writing option aimed at each of its run's inputs, by any name (path, ./, ../,
    absolute, a//x, a symbolic or hard link, a linked folder), at a folder, a pipe or a
    workbook's name in an input folder: exit 2, ``[output.input]`` or ``[output.folder]``
    naming the option, no input changed; a report beside the input workbooks is written."""
    assert failures_of(corpus, "guard") == {}


def test_stdout_on_a_full_disk_is_a_located_error(corpus: list[OutputCase]) -> None:
    """Every command and format with stdout on /dev/full: ``stdout: cannot write: No space
    left on device [output.write]``, exit 2."""
    assert failures_of(corpus, "full") == {}


def test_a_reader_that_has_gone_ends_the_run_quietly(corpus: list[OutputCase]) -> None:
    """stdout a pipe whose reader has gone: exit 141, nothing on stderr about it."""
    assert failures_of(corpus, "gone") == {}


def test_a_closed_stdout_is_a_located_error(corpus: list[OutputCase]) -> None:
    """stdout closed (``>&-``): a located ``stdout`` error, exit 2."""
    assert failures_of(corpus, "closed") == {}


def test_a_full_stderr_keeps_the_exit_code(corpus: list[OutputCase]) -> None:
    """stderr on /dev/full: the run ends as it would have (nothing can be said)."""
    assert failures_of(corpus, "stderr") == {}


def test_files_past_the_size_limit_are_located_errors(corpus: list[OutputCase]) -> None:
    """Every file output under a 100-byte file-size limit (a disk that fills up): a
    located ``cannot write`` error, exit 2, nothing half-written left."""
    assert failures_of(corpus, "fsize") == {}


def test_odd_file_names_are_found_and_shown_escaped(corpus: list[OutputCase]) -> None:
    """Names that are not UTF-8 are read and shown as ``bad\\xff``; names of 300 bytes
    are located errors; names of 250 bytes are read and written."""
    assert failures_of(corpus, "names") == {}


def test_narrow_terminal_encodings_degrade(corpus: list[OutputCase]) -> None:
    """ASCII and ISO-8859-1 (by PYTHONIOENCODING, and a real locale when one can be made),
    through a pipe and a pseudo-terminal: no error, output in that encoding."""
    assert failures_of(corpus, "locale") == {}


def test_json_nesting_bombs_are_located_errors(corpus: list[OutputCase]) -> None:
    """Deep nesting given to diff, check --baseline and baseline -o: exit 2, located."""
    assert failures_of(corpus, "json") == {}


def test_signals_while_starting_end_with_one_line(corpus: list[OutputCase]) -> None:
    """Ctrl-C or SIGTERM while modules are still being imported: the short line and 130
    or 143, no traceback."""
    assert failures_of(corpus, "signal") == {}


def test_written_workbooks_reach_nothing_outside(corpus: list[OutputCase]) -> None:
    """``import`` into workbooks with DDE, OLE and UNC links, formulas in names, fetching
    rules and unusual relationships: each is scored; the copy holds none of it (each
    dropped with a note) or the import is refused, located; the template holds none."""
    assert failures_of(corpus, "written") == {}


def test_escape_sequences_never_reach_the_terminal_raw(corpus: list[OutputCase]) -> None:
    """ESC sequences, C1 controls and bidirectional overrides in cells, sets, CSV files and
    file names: stdout and stderr (through a pipe and a terminal) show them escaped."""
    assert failures_of(corpus, "escapes") == {}


def test_the_runner_sees_an_input_that_changes(tmp_path: Path) -> None:
    """The check is live: a run that writes to a file it lists as an input fails."""
    (tmp_path / "in.json").write_text("{}\n", encoding="utf-8")
    case = OutputCase(
        "live", "guard", ("schema",), tmp_path, ("in.json",), frozenset({0}),
        stdout="append:in.json",
    )  # fmt: skip
    assert output_runs.run_case(case) == ["input in.json changed"]
