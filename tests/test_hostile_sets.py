"""Every hostile indicator set is read calmly: a result or located problems, nothing else.

Each case of :mod:`hostile_sets` is loaded in-process, then given to ``score`` (and, when
it loads, to ``template``) through the real command line run in-process: exit 0 or 2 as
the case expects, a ``file:`` or ``file:line:col`` location on every problem, and no
traceback. The interesting cases also pin the problem's code and where it points.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile_case import HostileCase
from hostile_sets import cases
from smartserang.cli import app
from smartserang.problems import InputError, Problem
from smartserang.sets.load import load_indicator_set
from smartserang.sets.yamlnodes import MAX_PROBLEMS

from builders import EXAMPLES

with tempfile.TemporaryDirectory() as _scratch:
    NAMES = [case.name for case in cases(Path(_scratch))]

LOCATED = re.compile(r"(?P<file>[^:]+)(?::(?P<line>\d+):(?P<col>\d+))?")
"""A problem's location: a file, with ``line:col`` when the problem has a place in it."""

EXPECTED: dict[str, tuple[str, str]] = {
    # case -> (code of the first problem, "file:line:col" it points at; file relative)
    "alias-bomb-lists": ("set.size", "alias-bomb-lists.yaml:1:1"),
    "alias-bomb-mappings": ("set.size", "alias-bomb-mappings.yaml:1:1"),
    "alias-bomb-merge": ("set.tag", "alias-bomb-merge.yaml:44:10"),
    "alias-self-reference": ("set.depth", "alias-self-reference.yaml:3:8"),
    "alias-undefined": ("set.yaml", "alias-undefined.yaml:3:8"),
    "tag-python-apply-system": ("set.tag", "tag-python-apply-system.yaml:3:8"),
    "tag-python-apply-root": ("set.tag", "tag-python-apply-root.yaml:1:1"),
    "tag-python-name": ("set.tag", "tag-python-name.yaml:3:8"),
    "tag-on-key": ("set.tag", "tag-on-key.yaml:43:3"),
    "tag-int-on-level": ("set.type", "tag-int-on-level.yaml:38:22"),
    "duplicate-top-key": ("set.duplicate", "duplicate-top-key.yaml:43:1"),
    "duplicate-flow-key": ("set.duplicate", "duplicate-flow-key.yaml:22:40"),
    "duplicate-level": ("set.duplicate", "duplicate-level.yaml:10:31"),
    "duplicate-deep-key": ("set.duplicate", "duplicate-deep-key.yaml:37:54"),
    "weight-nan": ("set.value", "weight-nan.yaml:22:36"),
    "weight-inf": ("set.value", "weight-inf.yaml:22:36"),
    "weight-minus-inf": ("set.value", "weight-minus-inf.yaml:22:36"),
    "weight-float-overflow": ("set.value", "weight-float-overflow.yaml:22:36"),
    "weight-5000-digits": ("set.value", "weight-5000-digits.yaml:22:36"),
    "weight-tiny-digits": ("set.value", "weight-tiny-digits.yaml:22:36"),
    "weight-negative": ("set.value", "weight-negative.yaml:22:36"),
    "weights-overflow-sum": ("set.value", "weights-overflow-sum.yaml:5:15"),
    "weights-all-zero": ("set.weight", "weights-all-zero.yaml:18:13"),
    "level-huge": ("set.level", "level-huge.yaml:10:33"),
    "criteria-level-huge": ("set.level", "criteria-level-huge.yaml:21:53"),
    "step-level-huge": ("set.value", "step-level-huge.yaml:38:22"),
    "within-days-huge": ("set.value", "within-days-huge.yaml:37:59"),
    "extends-self": ("set.extends", "extends-self.yaml:1:10"),
    "extends-cycle-a": ("set.extends", "extends-cycle-b.yaml:1:10"),
    "extends-missing": ("set.extends", "extends-missing.yaml:1:10"),
    "extends-directory": ("set.extends", "extends-directory.yaml:1:10"),
    "extends-dev-zero": ("set.extends", "extends-dev-zero.yaml:1:10"),
    "extends-fifo": ("set.extends", "extends-fifo.yaml:1:10"),
    "extends-chain": ("set.extends", "extends-chain-7.yaml:1:10"),
    "set-is-dev-zero": ("set.file", "set-is-dev-zero.yaml"),
    "set-is-fifo": ("set.file", "set-is-fifo.yaml"),
    "set-is-directory": ("set.file", "set-is-directory.yaml"),
    "over-size-limit": ("set.size", "over-size-limit.yaml"),
    "deep-flow-lists": ("set.yaml", "deep-flow-lists.yaml:3:1007"),
    "deep-flow-maps": ("set.yaml", "deep-flow-maps.yaml:3:4004"),
    "deep-block-lists": ("set.depth", "deep-block-lists.yaml:67:127"),
    "deep-groups": ("set.depth", "deep-groups.yaml:141:129"),
    "deep-any-of": ("set.depth", "deep-any-of.yaml:33:228"),
    "invalid-utf8": ("set.yaml", "invalid-utf8.yaml:22:26"),
    "latin1": ("set.yaml", "latin1.yaml:22:27"),
    "nul-byte": ("set.yaml", "nul-byte.yaml:22:26"),
    "escaped-control-char": ("set.text", "escaped-control-char.yaml:22:25"),
    "tabs-indentation": ("set.yaml", "tabs-indentation.yaml:9:1"),
    "empty": ("set.empty", "empty.yaml"),
    "list-document": ("set.type", "list-document.yaml:1:1"),
    "scalar-document": ("set.type", "scalar-document.yaml:1:1"),
    "multi-document": ("set.yaml", "multi-document.yaml:43:1"),
    "complex-key": ("set.type", "complex-key.yaml:43:3"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, HostileCase]:
    """The corpus, written once for the module."""
    folder = tmp_path_factory.mktemp("hostile-sets")
    return {case.name: case for case in cases(folder)}


def load(case: HostileCase) -> tuple[bool, tuple[Problem, ...]]:
    """Whether the set loads, and the problems it was refused with."""
    try:
        load_indicator_set(str(case.path))
    except InputError as error:
        return False, error.problems
    return True, ()


def test_the_corpus_covers_every_kind_of_hostile_yaml() -> None:
    kinds = ("alias-bomb", "tag-python", "duplicate", "weight-nan", "extends-cycle", "deep-")
    for kind in kinds:
        assert any(name.startswith(kind) for name in NAMES), kind
    assert len(NAMES) == len(set(NAMES))


@pytest.mark.parametrize("name", NAMES)
def test_case_loads_or_is_refused_with_located_problems(
    name: str, corpus: dict[str, HostileCase]
) -> None:
    case = corpus[name]
    loaded, problems = load(case)
    if case.expect == "ok":
        assert loaded, "\n".join(map(str, problems))
    elif case.expect == "error":
        assert not loaded, f"{case.reason}: loaded"
    assert len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        where = LOCATED.fullmatch(problem.location)
        assert where is not None, problem
        assert where["file"].strip(), problem
        assert len(str(problem)) < 1000, f"message repeats a huge value: {str(problem)[:200]}"
    if name in EXPECTED:
        code, location = EXPECTED[name]
        first = problems[0]
        assert (first.code, first.location) == (code, f"{case.path.parent}/{location}"), first


@pytest.mark.parametrize("name", NAMES)
def test_score_exits_0_or_2_with_located_messages(
    name: str, corpus: dict[str, HostileCase], tmp_path: Path
) -> None:
    case = corpus[name]
    loaded, problems = load(case)
    example = str(EXAMPLES / "kota-sukamaju.xlsx")
    result = CliRunner().invoke(
        app, ["score", example, "--set", str(case.path), "-f", "json", "--lang", "en"]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    if loaded:
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("{")
        return
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == str(problems[0]), lines[0]
    assert lines[-1].startswith("smartserang: ")


OK_FOR_TEMPLATE = ["valid", "extends-shipped-ok", "rtl-and-emoji", "huge-name", "crlf"]


@pytest.mark.parametrize("name", OK_FOR_TEMPLATE)
def test_template_writes_a_workbook_for_sets_that_load(
    name: str, corpus: dict[str, HostileCase], tmp_path: Path
) -> None:
    output = tmp_path / "blank.xlsx"
    result = CliRunner().invoke(
        app, ["template", "--set", str(corpus[name].path), "--output", str(output)]
    )
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert output.read_bytes().startswith(b"PK")


def test_template_refuses_a_broken_set_with_its_location(
    corpus: dict[str, HostileCase], tmp_path: Path
) -> None:
    case = corpus["escaped-control-char"]
    result = CliRunner().invoke(
        app,
        ["template", "--set", str(case.path), "--output", str(tmp_path / "x.xlsx"), "--lang", "en"],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{case.path}:22:25: control character U+0001")
    assert not (tmp_path / "x.xlsx").exists()


def test_python_tags_never_run(corpus: dict[str, HostileCase]) -> None:
    marker = Path("/tmp/smartserang-pwned")
    existed = marker.exists()
    for name in ("tag-python-apply-system", "tag-python-apply-root"):
        assert not load(corpus[name])[0]
    assert marker.exists() == existed


def test_yaml_11_number_forms_mean_what_yaml_says(corpus: dict[str, HostileCase]) -> None:
    weights = {
        name: {i.id: i.weight for i in load_indicator_set(str(corpus[name].path)).indicators()}
        for name in ("weight-hex", "weight-octal", "weight-sexagesimal", "weight-underscores")
    }
    assert weights["weight-hex"]["2"] == 30
    assert weights["weight-octal"]["1"] == 10
    assert weights["weight-octal"]["2"] == 30
    assert weights["weight-sexagesimal"]["35"] == 60
    assert weights["weight-underscores"]["2"] == 30
    steps = load_indicator_set(str(corpus["step-level-hex"].path)).indicators()[2].evidence
    assert steps is not None
    assert [s.level for s in steps.steps] == [2, 3]


def test_many_problems_stop_at_the_limit(corpus: dict[str, HostileCase]) -> None:
    loaded, problems = load(corpus["many-unknown-keys"])
    assert not loaded
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].code == "set.many"
    assert {p.code for p in problems[:-1]} == {"set.key"}
