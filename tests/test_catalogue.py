"""The catalogue: every entry speaks both languages, with the same placeholders, and a key
names one message wherever it is used."""

from __future__ import annotations

import ast
import importlib
import re
import string
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from smartserang.catalogue import LANGUAGES, MESSAGE_MODULES, Texts, messages
from smartserang.catalogue.report import REPORT
from smartserang.i18n import message
from smartserang.problems import InputError, Problem, Severity


def _modules() -> dict[str, Texts]:
    texts = {
        name: importlib.import_module(f"smartserang.catalogue.{name}").TEXTS
        for name in MESSAGE_MODULES
    }
    return {**texts, "report": REPORT}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("module", [*MESSAGE_MODULES, "report"])
def test_every_entry_has_both_languages_and_the_same_placeholders(module: str) -> None:
    """A missing or empty language, or a placeholder only one language fills, fails."""
    for key, entry in _modules()[module].items():
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        assert _fields(entry["id"]) == _fields(entry["en"]), key


def test_no_key_is_in_two_message_modules() -> None:
    """``i18n.message`` finds a key in one module only: a second one would be shadowed."""
    seen: dict[str, str] = {}
    for name in MESSAGE_MODULES:
        for key in _modules()[name]:
            assert key not in seen, f"{key!r} is in both {seen[key]!r} and {name!r}"
            seen[key] = name
    assert set(messages()) == set(seen)


def test_numbers_are_filled_in_the_readers_notation() -> None:
    """Fractions, decimals and floats take the decimal comma in Indonesian; text stays."""
    key = "chart_target_suffix"  # ", target {target}"
    assert message(key, "id", target=Fraction(3, 2)) == ", target 1,5"
    assert message(key, "en", target=Fraction(3, 2)) == ", target 1.5"
    assert message(key, "id", target=Decimal("2.50")) == ", target 2,5"
    assert message(key, "id", target=1.25) == ", target 1,25"
    assert message(key, "id", target=7) == ", target 7"
    assert message(key, "id", target="1.500") == ", target 1.500"


def test_a_problem_renders_in_either_language_with_the_same_code() -> None:
    """The location and code stay; the kind and the message follow the language."""
    note = Problem.note("x.xlsx:Aplikasi", "chart_target_suffix", "inventory.header", target="3")
    assert note.severity is Severity.NOTE
    assert note.render("en") == "x.xlsx:Aplikasi: note: , target 3 [inventory.header]"
    assert note.render("id") == "x.xlsx:Aplikasi: catatan: , target 3 [inventory.header]"
    assert str(note) == note.render("en")


def test_warnings_and_notes_must_name_a_catalogue_entry() -> None:
    """A warning or note written as bare English cannot be translated: refused."""
    with pytest.raises(ValueError, match="catalogue"):
        Problem("x", "bare text", "code", Severity.NOTE)


# -- every problem and line of sets/, scoring/, gate/, compare/ and report/ is worded here

SOURCE = Path(__file__).resolve().parents[1] / "src" / "smartserang"
CATALOGUED = ("sets", "scoring", "gate", "compare", "report")
"""The packages whose every problem and line a person reads comes from the catalogue."""

_MAKERS = {"error", "warning", "note", "score_warning"}
"""``Problem``'s constructors that take a catalogue key (its second argument)."""
_REPORTERS = {"report", "problem", "refuse", "message"}
"""Helpers that make a problem or a line from a key: no sentence may be passed to them."""


def _calls(package: str) -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted((SOURCE / package).glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = f"{package}/{path.name}"
        found += [(f"{name}:{n.lineno}", n) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    return found


def _key_problem(argument: ast.expr, keys: set[str]) -> str | None:
    """What is wrong with an argument in a key's place: a literal key the catalogue lacks,
    or a computed key whose fixed start begins no key."""
    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
        return None if argument.value in keys else f"no entry {argument.value!r}"
    if isinstance(argument, ast.JoinedStr) and argument.values:
        first = argument.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            start = first.value
            return None if any(k.startswith(start) for k in keys) else f"no entry {start!r}…"
    return None


def _literal_text(node: ast.expr) -> str:
    """The fixed text of a string literal or f-string (its filled-in values left out)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "{}".join(_literal_text(v) for v in node.values)
    return ""


SENTENCE = re.compile(r"[A-Za-z]+ +[A-Za-z]+")
"""Two words in a row: text a person would read, not a key, a location or a separator."""


@pytest.mark.parametrize("package", CATALOGUED)
def test_problems_are_made_from_catalogue_keys(package: str) -> None:
    """No ``Problem(location, "English text", code)``: each problem of these packages is
    built with ``Problem.error``/``warning``/``note`` naming an entry that exists, and no
    helper that makes one is handed a sentence."""
    keys = set(messages())
    wrong = []
    for where, call in _calls(package):
        func = call.func
        if isinstance(func, ast.Name) and func.id == "Problem":
            wrong.append(f"{where}: Problem(...) built from text")
            continue
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        is_maker = (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "Problem"
            and name in _MAKERS
        )
        if is_maker and len(call.args) > 1:
            issue = _key_problem(call.args[1], keys)
            if issue:
                wrong.append(f"{where}: {issue}")
        if name == "message" and call.args:
            issue = _key_problem(call.args[0], keys)
            if issue:
                wrong.append(f"{where}: {issue}")
        if is_maker or name in _REPORTERS:
            arguments = [*call.args, *(k.value for k in call.keywords)]
            sentences = [t for t in map(_literal_text, arguments) if SENTENCE.search(t)]
            wrong += [f"{where}: a sentence passed to {name}(): {t!r}" for t in sentences]
    assert not wrong, "\n".join(wrong)


def test_schema_types_and_column_types_all_have_entries() -> None:
    """A type problem's key is built from the schema's types and the column's type: each
    combination the validator or the rule builder can make is in the catalogue."""
    from smartserang.sets.schema import SCHEMA
    from smartserang.workbook.contract import ColumnType

    def types(node: object) -> Iterator[str]:
        if isinstance(node, dict):
            kind = node.get("type")
            if isinstance(kind, str | list):
                yield kind if isinstance(kind, str) else "_".join(kind)
            for child in node.values():
                yield from types(child)
        elif isinstance(node, list):
            for child in node:
                yield from types(child)

    actual = ("string", "number", "integer", "boolean", "object", "array", "null")
    keys = set(messages())
    expected = {f"set_type_{t}_{a}" for t in types(SCHEMA) for a in actual}
    assert expected <= keys
    assert {f"set_operand_{n}_{t.value}" for n in ("boolean", "date") for t in ColumnType} <= keys


def _worded_differently(problem: Problem) -> bool:
    """Whether the entry (with these values) reads differently in the two languages."""
    return message_of(problem, "id") != message_of(problem, "en")


def message_of(problem: Problem, lang: str) -> str:
    assert problem.text_key is not None, problem
    return message(problem.text_key, lang, **dict(problem.params))


def test_every_hostile_set_problem_speaks_indonesian(tmp_path: Path) -> None:
    """Each problem of the hostile set corpus names an entry, renders in Indonesian with
    the same location and code, and reads differently from its English."""
    from hostile_sets import cases
    from smartserang.sets.load import load_indicator_set

    seen = 0
    for case in cases(tmp_path):
        try:
            load_indicator_set(str(case.path))
        except InputError as error:
            for problem in error.problems:
                seen += 1
                indonesian, english = problem.render("id"), problem.render("en")
                assert english == str(problem)
                assert indonesian.startswith(f"{problem.location}: ")
                assert indonesian.endswith(f" [{problem.code}]")
                assert indonesian != english, english
                assert _worded_differently(problem)
    assert seen > 100


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        ("baseline", "[]"),
        ("baseline", '{"format": "smartserang-baseline", "format_version": "2.0"}'),
        ("baseline", '{"schema_version": "1.2", "results": [1, {"basis": null, "groups": 5}]}'),
        ("result", '{"registers": [], "sets": []}'),
        ("result", '{"schema_version": "2.0"}'),
        ("result", '{"schema_version": "1.2", "indicator_set": [], "groups": {}}'),
    ],
)
def test_baseline_and_result_document_problems_speak_indonesian(parse: str, text: str) -> None:
    """A bad baseline or result document's problems name entries and read in Indonesian."""
    from smartserang.compare.documents import parse_result_document
    from smartserang.gate import parse_baseline

    reader = parse_baseline if parse == "baseline" else parse_result_document
    with pytest.raises(InputError) as caught:
        reader(text, "x.json")
    for problem in caught.value.problems:
        assert problem.render("id") != problem.render("en")
        assert _worded_differently(problem)


SAME_IN_BOTH = {
    "no_value": "a dash: no value",
    "chart_target_suffix": "“target” is the Indonesian word too",
    "series_target": "“Target” is the Indonesian word too",
    "target": "“Target” is the Indonesian word too",
    "number": "“No.” abbreviates nomor as well as number",
    "status": "“Status” is the Indonesian word too",
    "sheet": "the workbook's own word (sheet Aplikasi)",
    "kind_workbook": "the workbook's own word",
    "unit": "“Unit” is the Indonesian word too",
}
"""Entries whose Indonesian is rightly the same as their English, and why."""

ENGLISH_WORDS = frozenset((
    "the", "is", "are", "must", "not", "of", "and", "with", "got", "expected", "cannot",
    "which", "should", "would", "has", "have", "from", "found", "to", "be", "or", "in", "on",
    "at", "a", "an", "it", "its", "this", "that", "only", "any", "every", "each", "missing",
    "unknown", "needs", "than", "more", "less", "by", "for", "level", "group", "indicator",
    "weight", "band", "claim", "claimed", "verified", "row", "column", "value", "file",
    "scale", "rule", "warning", "check",
))  # fmt: skip
"""English words that no Indonesian sentence holds (``set``, ``sheet``, ``target``,
``workbook`` and ``baseline`` are the domain's words in Indonesian too)."""


def _all_texts() -> dict[str, Texts]:
    from smartserang.catalogue.compare import DIFF
    from smartserang.catalogue.report import ROLLUP

    return {**_modules(), "diff": DIFF, "rollup": ROLLUP}


@pytest.mark.parametrize("module", [*MESSAGE_MODULES, "report", "diff", "rollup"])
def test_indonesian_entries_are_translated(module: str) -> None:
    """No Indonesian entry is its English copied (but for the few listed with a reason),
    nor holds an English word outside quotes, placeholders, options and field names."""
    for key, entry in _all_texts()[module].items():
        if key not in SAME_IN_BOTH:
            assert entry["id"] != entry["en"], key
        plain = re.sub(r"'[^']*'|\{[^}]*\}|--[a-z-]+", " ", entry["id"])
        words = {w.lower() for w in re.findall(r"[A-Za-z_]+", plain) if "_" not in w}
        assert not words & ENGLISH_WORDS, (key, words & ENGLISH_WORDS)


# -- the command line: every line it prints and every help text is a catalogue entry

_CLI_KEYED: dict[str, tuple[int | str, ...]] = {
    # function: the positions (or keyword names) where it takes a catalogue key
    "words": (0,),
    "message": (0,),
    "say": (1,),
    "_stop": (1,),
    "on_bad_input": (0,),
    "fail": ("what",),
    "lost_worker": (1,),
    "guard_outputs": (1,),
    "parse_limit_options": ("what",),
}
"""The command line's helpers that word a line from a catalogue key."""
_PRINTERS = {"stderr", "write_stderr", "say", "_stop", "fail"}
"""What prints a line: no sentence may be handed to it."""
_HELPS = {"help", "epilog", "description"}
"""Keywords of ``typer.Option``, ``Argument`` and ``app.command`` that carry text."""


def _cli_sources() -> list[Path]:
    return [*sorted((SOURCE / "cli").glob("*.py")), SOURCE / "procs.py"]


def _argument(call: ast.Call, where: int | str) -> ast.expr | None:
    if isinstance(where, int):
        return call.args[where] if len(call.args) > where else None
    return next((k.value for k in call.keywords if k.arg == where), None)


def test_the_command_line_words_every_line_and_help_from_the_catalogue() -> None:
    """``cli/`` and ``procs.py`` write no sentence of their own: every key they name (a
    help text, a printed line, what a failed run did not do) is a catalogue entry, no
    ``Problem`` is built from text, no sentence goes to stderr and no help is literal."""
    keys = set(messages())
    wrong = []
    for path in _cli_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.name}:{node.lineno}"
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if isinstance(func, ast.Name) and func.id == "Problem":
                wrong.append(f"{where}: Problem(...) built from text")
            if isinstance(func, ast.Attribute) and name in _MAKERS and len(node.args) > 1:
                issue = _key_problem(node.args[1], keys)
                if issue:
                    wrong.append(f"{where}: {issue}")
            for position in _CLI_KEYED.get(name, ()):
                argument = _argument(node, position)
                issue = _key_problem(argument, keys) if argument is not None else None
                if issue:
                    wrong.append(f"{where}: {name}(): {issue}")
            if name == "_counted":
                argument = _argument(node, 0)
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    for end in ("_one", "_many"):
                        if argument.value + end not in keys:
                            wrong.append(f"{where}: no entry {argument.value + end!r}")
            if name in _PRINTERS:
                texts = map(_literal_text, [*node.args, *(k.value for k in node.keywords)])
                wrong += [
                    f"{where}: a sentence printed: {t!r}" for t in texts if SENTENCE.search(t)
                ]
            for keyword in node.keywords:
                if keyword.arg in _HELPS and _literal_text(keyword.value):
                    wrong.append(f"{where}: a literal {keyword.arg}=")
    assert not wrong, "\n".join(wrong)


def test_every_entry_the_command_line_uses_has_both_languages() -> None:
    """Each key named in ``cli/`` or ``procs.py`` has an Indonesian and an English text,
    with the same placeholders, and the two differ."""
    named: set[str] = set()
    for path in _cli_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                named.add(node.value)
    used = sorted(named & set(messages()))
    assert len(used) > 100
    for key in used:
        entry = messages()[key]
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key
        assert _fields(entry["id"]) == _fields(entry["en"]), key
        assert entry["id"] != entry["en"] or key in SAME_IN_BOTH, key
