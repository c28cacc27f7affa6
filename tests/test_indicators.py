"""Loading indicator sets: every problem located at file:line:col, in one run."""

from __future__ import annotations

import json

import pytest

from smartserang.problems import InputError
from smartserang.sets.files import resolve_set
from smartserang.sets.load import list_shipped_sets, load_indicator_set
from smartserang.sets.schema import SCHEMA

from builders import yaml_set

BASE = """\
id: t
version: "1"
title: T
scales:
  s: {levels: {1: a, 2: b, 3: c}}
bands:
  - {min: 2, label: hi}
  - {label: lo}
groups:
  - id: G
    name: G
    weight: 100
    scale: s
    indicators:
      - {id: "1", name: one, weight: 60}
      - {id: "2", name: two, weight: 40}
"""


def problems_of(text: str) -> list[str]:
    """The problem lines loading ``text`` raises."""
    with pytest.raises(InputError) as caught:
        yaml_set(text)
    return [str(p) for p in caught.value.problems]


def test_base_set_loads() -> None:
    """The minimal set used by the error cases is itself valid."""
    iset = yaml_set(BASE)
    assert [i.id for i in iset.indicators()] == ["1", "2"]
    assert iset.weighting == "absolute"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '      - {id: "2", name: two, weight: 40}',
            '      - {id: "2", name: two, wieght: 40}',
            [
                "set.yaml:16:30: unknown key 'wieght' (did you mean 'weight'?) [set.key]",
                "set.yaml:16:9: missing required key 'weight' [set.missing]",
            ],
        ),
        (
            "weight: 40}",
            "weight: 30}",
            [
                "set.yaml:12:13: weights inside group 'G' add up to 90, not group 'G''s weight 100"
                " [set.weight]"
            ],
        ),
        (
            '{id: "2", name: two',
            '{id: "1", name: two',
            ["set.yaml:16:14: duplicate id '1' (first used on line 15) [set.duplicate]"],
        ),
        (
            "    scale: s\n",
            "    scale: x\n",
            [
                "set.yaml:13:12: unknown scale 'x' [set.scale]",
                "set.yaml:15:9: indicator '1' has no scale (set 'scale:' on it or a parent group)"
                " [set.scale]",
                "set.yaml:16:9: indicator '2' has no scale (set 'scale:' on it or a parent group)"
                " [set.scale]",
            ],
        ),
        (
            "  - {min: 2, label: hi}\n  - {label: lo}",
            "  - {label: hi}\n  - {min: 2, label: lo}",
            [
                "set.yaml:7:5: only the last (lowest) band may omit 'min' [set.band]",
                "set.yaml:8:5: the last band must omit 'min' (it takes every lower score)"
                " [set.band]",
            ],
        ),
        (
            "weight: 60}",
            "weight: .nan}",
            ["set.yaml:15:38: must be a finite number [set.value]"],
        ),
        (
            "title: T\n",
            "title: !!python/object:os.system T\n",
            [
                "set.yaml:3:8: tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"
                " in an indicator set [set.tag]"
            ],
        ),
        (
            "groups:",
            "groups: [",
            ["set.yaml:10:3: invalid YAML: did not find expected node content [set.yaml]"],
        ),
    ],
)
def test_set_errors_are_located(old: str, new: str, expected: list[str]) -> None:
    """Each mistake is reported with file:line:col, a message and a code."""
    assert old in BASE
    assert sorted(problems_of(BASE.replace(old, new))) == sorted(expected)


def test_all_problems_are_reported_in_one_run() -> None:
    """Several mistakes in one file give several problems, not just the first."""
    text = BASE.replace("weight: 60}", "wieght: 60}").replace("title: T", "titel: T")
    found = problems_of(text)
    assert len(found) >= 3
    assert any("did you mean 'title'" in p for p in found)
    assert any("did you mean 'weight'" in p for p in found)


RULE = """
        evidence:
          sheet: aplikasi
          where: [{column: layanan_spbe, equals: pengadaann}]
          steps:
            - {level: 2, requires: x, rows: [{column: statsu, equals: aktif}]}
            - {level: 3, requires: y, rows: [{column: tingkat_layanan, at_least: tinggi}]}
            - {level: 3, requires: z, rows: [{column: status, is: true}]}
"""


def test_rule_errors_name_unknown_columns_and_values() -> None:
    """Rules naming unknown columns or vocabulary values are located errors with suggestions."""
    text = BASE.replace('      - {id: "2", name: two, weight: 40}\n', "").replace(
        "weight: 60}", "weight: 100}"
    )
    text = text.replace(
        '      - {id: "1", name: one, weight: 100}\n',
        '      - id: "1"\n        name: one\n        weight: 100\n' + RULE.lstrip("\n"),
    )
    found = problems_of(text)
    joined = "\n".join(found)
    assert "'pengadaann' is not a value of 'layanan_spbe' (did you mean 'pengadaan'?)" in joined
    assert "sheet 'aplikasi' has no column 'statsu' (did you mean 'status'?)" in joined
    assert "'tinggi' is not a value of 'tingkat_layanan'" in joined
    assert "'is' needs a yes/no column; 'status' is vocab" in joined
    assert "step levels must ascend without repeats" in joined
    assert all(p.startswith("set.yaml:") and p.count(":") >= 3 for p in found)


NAMING = """
        evidence:
          sheet: aplikasi
          where:
            - column: perangkat_daerah
              names_row_of:
                sheet: perangkat_daerah
                column: nmaa
                where: [{column: singkatan, equals: x, in: [y]}]
          steps:
            - {level: 2, requires: x}
          extra_units:
            - sheet: fasilitas
              column: pengguna
              where: [{column: status, equals: aktiff}]
"""


def test_a_named_register_reports_its_column_and_its_conditions() -> None:
    """A ``names_row_of`` or ``extra_units`` source naming an unknown column has the
    conditions of its ``where`` checked too: every problem in one run."""
    text = BASE.replace('      - {id: "2", name: two, weight: 40}\n', "").replace(
        "weight: 60}", "weight: 100}"
    )
    text = text.replace(
        '      - {id: "1", name: one, weight: 100}\n',
        '      - id: "1"\n        name: one\n        weight: 100\n' + NAMING.lstrip("\n"),
    )
    joined = "\n".join(problems_of(text))
    assert "sheet 'perangkat_daerah' has no column 'nmaa' (did you mean 'nama'?)" in joined
    assert "a condition takes exactly one of" in joined
    assert "sheet 'fasilitas' has no column 'pengguna'" in joined
    assert "'aktiff' is not a value of 'status' (did you mean 'aktif'?)" in joined


def test_alias_bomb_is_refused() -> None:
    """A billion-laughs alias tree stops at the node limit instead of exhausting memory."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    found = problems_of("\n".join(lines) + "\n")
    assert any("[set.size]" in p for p in found)


def test_shipped_set_is_listed_and_loads() -> None:
    """spbe-2020 ships with the package and validates."""
    assert "spbe-2020" in [s.id for s in list_shipped_sets()]
    assert load_indicator_set("spbe-2020").id == "spbe-2020"


def test_unknown_set_name_suggests_the_closest() -> None:
    """A mistyped set name lists the shipped sets and suggests one."""
    with pytest.raises(InputError) as caught:
        resolve_set("spbe-202")
    assert "did you mean 'spbe-2020'?" in str(caught.value)


def test_schema_is_a_valid_json_schema_that_accepts_the_shipped_sets() -> None:
    """Editors get a valid Draft 2020-12 schema, and the shipped sets pass it as JSON."""
    import jsonschema
    import yaml

    data = json.loads(json.dumps(SCHEMA))
    jsonschema.Draft202012Validator.check_schema(data)
    validator = jsonschema.Draft202012Validator(data)
    for info in list_shipped_sets():
        document = yaml.load(info.path.read_bytes(), Loader=yaml.CSafeLoader)
        as_json = json.loads(json.dumps(document))  # level keys become strings, as in JSON
        errors = [e.message for e in validator.iter_errors(as_json)]
        assert errors == [], info.id


def test_schema_rejects_what_the_loader_rejects() -> None:
    """A misspelt key fails the JSON Schema too, so editors flag it while typing."""
    import jsonschema
    import yaml

    document = json.loads(json.dumps(yaml.safe_load(BASE.replace("weight: 60}", "wieght: 60}"))))
    validator = jsonschema.Draft202012Validator(json.loads(json.dumps(SCHEMA)))
    assert any("wieght" in e.message for e in validator.iter_errors(document))
