"""``smartserang diff``: row matching and cause attribution on literal data, then the command
run through its installed entry point on copies of the example workbook."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import smartserang
from smartserang.compare import (
    Change,
    Diff,
    Presence,
    Via,
    Workbooks,
    compare,
    diff_inventories,
    match_rows,
    parse_result_document,
    workbook_side,
)
from smartserang.compare.words import DIFF_TEXT
from smartserang.model import IndicatorSet, Inventory, Profile
from smartserang.problems import InputError
from smartserang.scoring.levels import Basis, score_inventory

from builders import EXAMPLES, claims, edited_example, inventory, mini, register, yaml_set
from builders import smartserang as run_cli

EXAMPLE = EXAMPLES / "kota-sukamaju.xlsx"
SPSE = "SPSE (LPSE Kota Sukamaju)"
HOSTILE = "<script>alert(1)</script>"

# --------------------------------------------------------------------- literal data

REVIEWED = """
id: review
version: "1"
title: Review
weighting: absolute
total_weight: 100
unassessed: minimum
scales:
  proses: {levels: {1: Satu, 2: Dua, 3: Tiga, 4: Empat, 5: Lima}}
bands:
  - {min: 2.6, label: Baik}
  - {label: Kurang}
groups:
  - id: G
    name: Kebijakan
    weight: 100
    scale: proses
    indicators:
      - id: "1"
        name: Arsitektur
        weight: 100
        evidence:
          sheet: kebijakan
          where: [{column: topik, equals: arsitektur spbe}]
          steps:
            - level: 2
              requires: ditetapkan
              rows: [{column: status, equals: ditetapkan}]
            - level: 3
              requires: direviu
              rows: [{column: tanggal_reviu, within_days: 365}]
"""


def diff_of(old: Inventory, new: Inventory, iset: IndicatorSet) -> Diff:
    """The comparison of two literal inventories on one set, with cause attribution."""
    sides = [
        workbook_side(name, inv, [score_inventory(iset, inv)], "id")
        for name, inv in (("old.xlsx", old), ("new.xlsx", new))
    ]
    return compare(sides[0], sides[1], Basis.VERIFIED, Workbooks(old, new, {iset.id: iset}))


def app(name: str, level: int, service: str = "pengadaan", **more: Any) -> dict[str, Any]:
    """An active application row."""
    row = {"nama_aplikasi": name, "layanan_spbe": service, "status": "aktif"}
    return {**row, "tingkat_layanan": level, **more}


def test_rows_below_a_removed_row_are_not_changed() -> None:
    """Matching is by label: rows that moved up after a deletion pair with themselves."""
    old = register("aplikasi", [app("A", 2), app("B", 3), app("C", 4)])
    new = register("aplikasi", [app("A", 2), app("C", 4)])
    pairs = [(o and o.number, n and n.number) for o, n in match_rows(old, new)]
    assert sorted(pairs, key=str) == sorted([(2, 2), (4, 3), (3, None)], key=str)
    changes = diff_inventories(
        inventory({"aplikasi": [app("A", 2), app("B", 3), app("C", 4)]}),
        inventory({"aplikasi": [app("A", 2), app("C", 4)]}),
    )
    (sheet,) = changes.registers
    assert [(r.change, r.label, r.row_old) for r in sheet.rows] == [(Change.REMOVED, "B", 3)]


def test_labels_match_as_normalised_tokens_and_report_changed_cells() -> None:
    """Case and hyphens do not split a row; the changed columns come out old → new."""
    old = inventory({"aplikasi": [app("e-Budgeting", 3, "penganggaran")]})
    new = inventory({"aplikasi": [app("E Budgeting", 4, "penganggaran", url="https://x")]})
    (row,) = diff_inventories(old, new).registers[0].rows
    assert row.change is Change.CHANGED
    assert [(c.column, c.old, c.new) for c in row.cells] == [
        ("nama_aplikasi", "e-Budgeting", "E Budgeting"),
        ("tingkat_layanan", 3, 4),
        ("url", None, "https://x"),
    ]


def test_rows_sharing_a_label_pair_with_their_likest_row() -> None:
    """Target rows share 'indeks': a new year is added, not taken for last year changed."""

    def targets(*rows: tuple[int, float]) -> Inventory:
        return inventory(
            {"target": [{"tahun": y, "lingkup": "indeks", "target": t} for y, t in rows]}
        )

    old = targets((2025, 2.8), (2026, 3.1))
    new = targets((2024, 2.5), (2025, 2.8), (2026, 3.2))
    rows = diff_inventories(old, new).registers[0].rows
    assert [(r.change, r.row_old, r.row_new) for r in rows] == [
        (Change.ADDED, None, 2),
        (Change.CHANGED, 3, 4),
    ]


def test_a_sheet_in_one_workbook_only_lists_all_its_rows() -> None:
    """A register that appears is reported as new, each row added, and explains the level."""
    old = inventory({"penilaian": claims({"3": 4})})
    new = inventory({"penilaian": claims({"3": 4}), "aplikasi": [app("SPSE", 3)]})
    result = diff_of(old, new, yaml_set(mini()))
    (sheet,) = result.inventory.registers if result.inventory else ()
    assert (sheet.presence, [r.change for r in sheet.rows]) == (Presence.NEW, [Change.ADDED])
    (indicator,) = result.sets[0].indicators
    assert (indicator.supported.old, indicator.supported.new) == (None, 3)
    assert [(c.via, c.label) for c in indicator.causes] == [(Via.RULE, "SPSE")]


def test_an_added_row_is_not_the_cause_of_a_fall() -> None:
    """A ladder never falls for a row added: only the removed row is listed."""
    old = inventory({"aplikasi": [app("SPSE", 3), app("Lain", 1, "keuangan")]})
    new = inventory({"aplikasi": [app("e-Proc", 2), app("Lain", 1, "keuangan")]})
    (indicator,) = diff_of(old, new, yaml_set(mini())).sets[0].indicators
    assert (indicator.level.old, indicator.level.new) == (3, 2)
    assert [(c.change, c.label) for c in indicator.causes] == [(Change.REMOVED, "SPSE")]


def test_a_row_leaving_the_selection_and_an_unread_column_are_told_apart() -> None:
    """A row whose service changed is a cause; a URL change on another selected row is not."""
    old = inventory({"aplikasi": [app("SPSE", 3), app("Info", 2, url="a")]})
    new = inventory({"aplikasi": [app("SPSE", 3, "keuangan"), app("Info", 2, url="b")]})
    (indicator,) = diff_of(old, new, yaml_set(mini())).sets[0].indicators
    (cause,) = indicator.causes
    assert (cause.label, cause.change, cause.via) == ("SPSE", Change.CHANGED, Via.RULE)
    assert [c.column for c in cause.cells] == ["layanan_spbe"]


def test_a_new_assessment_date_is_named_when_it_ages_a_review() -> None:
    """The Profil date is a cause only when putting the old date back restores the level."""
    policy = {"judul": "Perwal Arsitektur", "topik": "arsitektur spbe", "status": "ditetapkan"}
    registers = {"kebijakan": [{**policy, "tanggal_reviu": dt.date(2025, 6, 1)}]}
    old = inventory(registers, Profile(tahun=2025, tanggal_penilaian=dt.date(2025, 9, 30)))
    new = inventory(registers, Profile(tahun=2026, tanggal_penilaian=dt.date(2026, 9, 30)))
    (indicator,) = diff_of(old, new, yaml_set(REVIEWED)).sets[0].indicators
    assert (indicator.supported.old, indicator.supported.new) == (3, 2)
    # Tahun changed too, but with a Tanggal Penilaian it does not date the reviews.
    assert [(c.via, c.label) for c in indicator.causes] == [(Via.PROFILE, "Tanggal Penilaian")]


def test_a_moved_claim_is_explained_by_its_penilaian_row_only() -> None:
    """When only the claim moved, register rows of the rule's sheet are not listed."""
    old = inventory({"penilaian": claims({"3": 5}), "aplikasi": [app("SPSE", 3), app("X", 2)]})
    new = inventory({"penilaian": claims({"3": 4}), "aplikasi": [app("SPSE", 3)]})
    (indicator,) = diff_of(old, new, yaml_set(mini())).sets[0].indicators
    (cause,) = indicator.causes
    assert (cause.via, cause.sheet, cause.row_old, cause.row_new) == (Via.CLAIM, "Penilaian", 2, 2)
    assert [(c.column, c.old, c.new) for c in cause.cells] == [("tingkat", 5, 4)]


@pytest.mark.parametrize(
    ("text", "location", "code"),
    [
        ('{"a": 1', "r.json:1:8", "diff.json"),
        ("[1]", "r.json", "diff.json"),
        ('{"schema_version": "2.0"}', "r.json:schema_version", "diff.json.version"),
        ('{"schema_version": "1.2", "registers": {}, "sets": []}', "r.json", "diff.json"),
        ('{"schema_version": "1.2", "results": [{"indicator_set": {"id": "s"}}]}',
         "r.json:results[0].claimed_index", "diff.json.field"),
    ],
)  # fmt: skip
def test_bad_result_documents_are_located(text: str, location: str, code: str) -> None:
    """A JSON side that is not a score result gives located problems, never a traceback."""
    with pytest.raises(InputError) as caught:
        parse_result_document(text, "r.json")
    assert (caught.value.problems[0].location, caught.value.problems[0].code) == (location, code)


# ------------------------------------------------------------------------ the command


def delete_app(name: str) -> Callable[[Any], None]:
    """An edit deleting the Aplikasi row named ``name``."""

    def edit(book: Any) -> None:
        sheet = book["Aplikasi"]
        (number,) = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == name]
        sheet.delete_rows(number)

    return edit


@pytest.fixture(scope="module")
def without_spse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with its only active procurement application deleted."""
    path = tmp_path_factory.mktemp("diff") / "tanpa-spse.xlsx"
    return edited_example(path, delete_app(SPSE))


def rounded(data: Any) -> Any:
    """``data`` with every float rounded to 12 decimals."""
    if isinstance(data, float):
        return round(data, 12)
    if isinstance(data, dict):
        return {key: rounded(value) for key, value in data.items()}
    if isinstance(data, list):
        return [rounded(item) for item in data]
    return data


def cli_json(*args: str | Path) -> Any:
    """The parsed stdout of a successful run."""
    run = run_cli(*args)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_deleted_procurement_app_is_named_as_the_cause_of_35(without_spse: Path) -> None:
    """Acceptance: the text names Aplikasi row 9 and 35 moving 3 → 1; JSON gives the same."""
    run = run_cli("diff", EXAMPLE, without_spse)
    assert run.returncode == 0, run.stderr
    assert "35 Pengadaan Barang dan Jasa" in run.stdout
    assert re.search(r"3 → 1 +3 → 1 +Aplikasi baris 9: SPSE \(LPSE Kota", run.stdout)
    data = cli_json("diff", EXAMPLE, without_spse, "--format", "json")
    (indicator,) = [i for i in data["sets"][0]["indicators"] if i["id"] == "35"]
    assert (indicator["supported"], indicator["level"]) == ({"old": 3, "new": 1},) * 2
    assert indicator["causes"] == [
        {"sheet": "Aplikasi", "row_old": 9, "row_new": None, "label": SPSE,
         "change": "removed", "via": "rule", "columns": []},
    ]  # fmt: skip
    removed = data["registers"]["Aplikasi"]["removed"]
    assert removed == [{"row_old": 9, "row_new": None, "label": SPSE, "columns": []}]
    assert list(data["registers"]) == ["Aplikasi"]  # the rows that moved up are not changed


def test_index_change_is_the_difference_of_the_scored_indices(without_spse: Path) -> None:
    """The diff's index old, new and delta are those of two 'score --format json' runs."""
    old = cli_json("score", EXAMPLE, "--format", "json")
    new = cli_json("score", without_spse, "--format", "json")
    index = cli_json("diff", EXAMPLE, without_spse, "--format", "json")["sets"][0]["index"]
    assert (index["old"], index["new"]) == (old["index"], new["index"])
    assert index["delta"] == pytest.approx(new["index"] - old["index"], abs=1e-12)
    assert index["delta_rounded"] == pytest.approx(new["index_rounded"] - old["index_rounded"])
    assert index["band"] == {"old": old["band"], "new": new["band"]}


def test_two_json_results_compare_like_their_workbooks(tmp_path: Path, without_spse: Path) -> None:
    """JSON vs JSON gives the workbooks' levels and indices, and no register diff."""
    paths = []
    for name, book in (("lama.json", EXAMPLE), ("baru.json", without_spse)):
        run = run_cli("score", book, "--format", "json", "--output", tmp_path / name)
        assert run.returncode == 0, run.stderr
        paths.append(tmp_path / name)
    from_json = cli_json("diff", *paths, "--format", "json")
    from_books = cli_json("diff", EXAMPLE, without_spse, "--format", "json")
    assert (from_json["old"]["kind"], from_json["registers"], from_json["profile"]) == (
        "json", None, None
    )  # fmt: skip
    # A group mean such as 673/182 comes back from JSON as its nearest 16-digit decimal.
    for key in ("index", "claimed_index", "verified_index", "groups"):
        assert rounded(from_json["sets"][0][key]) == rounded(from_books["sets"][0][key])
    strip = [{**i, "causes": []} for i in from_books["sets"][0]["indicators"]]
    assert from_json["sets"][0]["indicators"] == strip
    text = run_cli("diff", *paths, "--format", "md").stdout
    assert "  - *penyebab di register hanya dapat ditelusuri antara dua workbook*" in text
    assert "Perubahan register hanya dapat dibandingkan antara dua workbook." in text


def test_a_changed_claim_in_penilaian_is_a_cause(tmp_path: Path) -> None:
    """Lowering the Tingkat claim of 35 lists that Penilaian row, Tingkat 5 → 4."""

    def lower_claim(book: Any) -> None:
        sheet = book["Penilaian"]
        (row,) = [r for r in range(2, sheet.max_row + 1) if str(sheet.cell(r, 1).value) == "35"]
        sheet.cell(row, 2).value = 4

    lowered = edited_example(tmp_path / "klaim.xlsx", lower_claim)
    claim_row = next(
        i["claim_row"]
        for i in cli_json("score", EXAMPLE, "--format", "json")["indicators"]
        if i["id"] == "35"
    )
    data = cli_json("diff", EXAMPLE, lowered, "--format", "json")
    (indicator,) = data["sets"][0]["indicators"]
    assert (indicator["id"], indicator["claimed"]) == ("35", {"old": 5, "new": 4})
    assert indicator["causes"] == [
        {"sheet": "Penilaian", "row_old": claim_row, "row_new": claim_row, "label": "35",
         "change": "changed", "via": "claim",
         "columns": [{"column": "tingkat", "old": 5, "new": 4}]},
    ]  # fmt: skip
    text = run_cli("diff", EXAMPLE, lowered).stdout
    assert f"Penilaian baris {claim_row}: Tingkat — 5 → 4" in text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example with a pengaduan application whose name is a script tag."""

    def add(book: Any) -> None:
        book["Aplikasi"].append([HOSTILE, "Dinas Komunikasi dan Informatika", "pengaduan"])

    return edited_example(tmp_path_factory.mktemp("diff") / "hostile.xlsx", add)


class _Page(HTMLParser):
    """Collects tags and the CSP of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.csp = ""
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("http-equiv") == "Content-Security-Policy":
            self.csp = values.get("content") or ""
        self.urls.extend(v or "" for k, v in attrs if k in ("src", "href"))


def test_html_escapes_a_hostile_name_and_loads_nothing(hostile: Path) -> None:
    """The script-tag name prints as text; the page has the report's CSP and no resource."""
    run = run_cli("diff", EXAMPLE, hostile, "--format", "html")
    assert run.returncode == 0, run.stderr
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in run.stdout
    page = _Page()
    page.feed(run.stdout)
    assert "script" not in page.tags
    assert page.urls == []
    assert page.csp.startswith("default-src 'none'; style-src 'unsafe-inline'")


def test_markdown_escapes_a_hostile_name(hostile: Path) -> None:
    """In Markdown the name is entity-escaped text inside its table row, never raw HTML."""
    run = run_cli("diff", EXAMPLE, hostile, "--format", "md", "--lang", "en")
    assert run.returncode == 0, run.stderr
    assert "<script" not in run.stdout
    assert "| + added | 51 | &lt;script&gt;alert(1)&lt;/script&gt; |  |" in run.stdout


def test_numbers_follow_the_language(without_spse: Path) -> None:
    """Indonesian shows 2,65 → 2,59 with a decimal comma; English 2.65 → 2.59."""
    indonesian = run_cli("diff", EXAMPLE, without_spse, "--format", "md").stdout
    english = run_cli("diff", EXAMPLE, without_spse, "--format", "md", "--lang", "en").stdout
    assert "| 2,65 | 2,59 | -0,06 | **Baik → Cukup** (predikat berubah) |" in indonesian
    assert "| 2.65 | 2.59 | -0.06 | **Good → Fair** (band changed) |" in english


def test_broken_workbook_exits_2_with_locations() -> None:
    """examples/rusak.xlsx on one side: exit 2, located messages, nothing on stdout."""
    run = run_cli("diff", EXAMPLES / "rusak.xlsx", EXAMPLE)
    assert run.returncode == 2
    assert "rusak.xlsx:Penilaian!B9:" in run.stderr
    assert (run.stdout, "Traceback" in run.stderr) == ("", False)


def test_problems_of_both_sides_come_in_one_run(tmp_path: Path) -> None:
    """A bad JSON result and a broken workbook are both reported before exit 2."""
    bad = tmp_path / "lama.json"
    bad.write_text('{"schema_version": "1.2", "results": 3}', encoding="utf-8")
    run = run_cli("--lang", "en", "diff", bad, EXAMPLES / "rusak.xlsx")
    assert run.returncode == 2
    assert "lama.json:results: must be a list, got 3 [diff.json.field]" in run.stderr
    assert "rusak.xlsx:Penilaian!B9:" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "md", "html"])
def test_output_is_deterministic_and_written_atomically(
    tmp_path: Path, without_spse: Path, fmt: str
) -> None:
    """Two runs give the same bytes, written to --output with nothing on stdout."""
    outputs = []
    for number in range(2):
        target = tmp_path / f"diff-{number}.{fmt}"
        run = run_cli("diff", EXAMPLE, without_spse, "--format", fmt, "--output", target)
        assert (run.returncode, run.stdout) == (0, "")
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert SPSE.encode() in outputs[0]


def test_help_describes_the_command() -> None:
    """'smartserang diff --help' names both inputs and the options."""
    run = run_cli("diff", "--help")
    assert run.returncode == 0
    for word in ("OLD", "NEW", "--set", "--format", "--basis", "--lang", "--output"):
        assert word in run.stdout


# ---------------------------------------------------------------------------- words


TEMPLATES = Path(smartserang.__file__).parent / "report" / "templates"


def test_every_word_the_templates_print_is_in_both_languages() -> None:
    """Each text.<key> of diff.md and diff.html exists in DIFF_TEXT, in id and en."""
    used = {
        key
        for name in ("diff.md", "diff.html")
        for key in re.findall(r"text\.([a-z_0-9]+)", (TEMPLATES / name).read_text("utf-8"))
    }
    assert used <= set(DIFF_TEXT)
    assert all(set(words) == {"id", "en"} for words in DIFF_TEXT.values())
    # Jinja looks attributes up before items: a key named like a dict method would print it.
    assert not set(DIFF_TEXT) & set(dir(dict))
