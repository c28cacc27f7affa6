"""The outputs' one interface (``report.reporter``): each subject and format gives the
bytes the command prints, and a format a subject has not is refused by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartserang import session
from smartserang.cli.outputs import Subject, render_output, reporter_for
from smartserang.compare import Workbooks, compare, workbook_side
from smartserang.gate import CheckRun, Thresholds
from smartserang.report.reporter import RollUps, Scores
from smartserang.scoring.levels import Basis
from smartserang.scoring.rollup import roll_up

from builders import EXAMPLES, edited_example, smartserang

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
SETS = ["spbe-2020", "smart-city"]


@pytest.fixture(scope="module")
def lower(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with its first application retired."""
    path = tmp_path_factory.mktemp("reporter") / "lama.xlsx"
    return edited_example(path, lambda book: book["Aplikasi"].delete_rows(2))


def stdout_bytes(*args: str | Path) -> bytes:
    """What the command writes to stdout, as bytes (it exits 0)."""
    run = smartserang(*args)
    assert run.returncode == 0, run.stderr
    return run.stdout.encode("utf-8")


def scores() -> Scores:
    """The example scored on both shipped sets, as ``score`` scores it."""
    sets, inventory = session.load_inputs(EXAMPLE, SETS, workers=1)
    return Scores(tuple(session.score_sets(sets, inventory)), Basis.VERIFIED)


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_scores_render_as_score_prints_them(fmt: str, lang: str) -> None:
    """``score`` prints exactly what the reporter of its format makes."""
    sets = ("-s", SETS[0], "-s", SETS[1])
    expected = stdout_bytes("score", EXAMPLE, *sets, "-f", fmt, "--lang", lang)
    assert render_output(scores(), fmt, lang) == expected


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_rollups_render_as_a_folder_score_prints_them(
    fmt: str, lower: Path, tmp_path: Path
) -> None:
    """A folder's roll-up prints exactly what the roll-up reporter makes."""
    folder = tmp_path / "units"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "a.xlsx")
    shutil.copyfile(lower, folder / "b.xlsx")
    sets, problems = session.load_sets(SETS)
    assert problems == []
    outcomes = [session.score_unit(p, sets, Basis.VERIFIED) for p in sorted(folder.iterdir())]
    rollups = tuple(
        roll_up(iset, [o.results[n] for o in outcomes], Basis.VERIFIED)
        for n, iset in enumerate(sets)
    )
    expected = stdout_bytes("score", folder, "-s", SETS[0], "-s", SETS[1], "-f", fmt)
    assert render_output(RollUps(rollups), fmt, "id") == expected


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_a_diff_renders_as_diff_prints_it(fmt: str, lower: Path) -> None:
    """``diff`` prints exactly what the diff's reporter of its format makes."""
    inputs = session.read_inputs([lower, EXAMPLE], ["spbe-2020"], workers=1)
    old, new = inputs.inventories
    assert old is not None
    assert new is not None
    sides = [
        workbook_side(str(path), inventory, session.score_sets(inputs.sets, inventory), "en")
        for path, inventory in ((lower, old), (EXAMPLE, new))
    ]
    workbooks = Workbooks(old, new, {s.id: s for s in inputs.sets})
    diff = compare(sides[0], sides[1], Basis.VERIFIED, workbooks)
    expected = stdout_bytes("diff", lower, EXAMPLE, "-f", fmt, "--lang", "en")
    assert render_output(diff, fmt, "en") == expected


def test_a_check_run_renders_as_check_prints_it(tmp_path: Path) -> None:
    """``check --format json`` prints the check reporter's JSON; ``--summary`` gets its
    Markdown."""
    sets, problems = session.load_sets(["spbe-2020"])
    assert problems == []
    thresholds = Thresholds(max_unsupported=3)
    _, report = session.check_unit(EXAMPLE, sets, thresholds, None, Basis.VERIFIED)
    run = CheckRun((report,), thresholds)
    summary = tmp_path / "summary.md"
    printed = smartserang(
        "--lang",
        "en",
        "check",
        EXAMPLE,
        "--max-unsupported",
        "3",
        "--format",
        "json",
        "--summary",
        summary,
    )
    assert printed.returncode == 1  # five claims outrun the registers
    assert render_output(run, "json", "en") == printed.stdout.encode("utf-8")
    assert render_output(run, "md", "en") == summary.read_bytes()


@pytest.mark.parametrize(
    ("subject", "fmt"),
    [
        (Scores((), Basis.VERIFIED), "text"),
        (Scores((), Basis.VERIFIED), "csv"),
        (RollUps(()), "docx"),
        (CheckRun((), Thresholds()), "html"),
    ],
)
def test_a_format_a_subject_has_not_is_refused_by_name(subject: Subject, fmt: str) -> None:
    """Asking for a format a subject has not names the subject and the formats it has."""
    with pytest.raises(ValueError, match=rf"no '{fmt}' output of {type(subject).__name__}"):
        reporter_for(subject, fmt)
