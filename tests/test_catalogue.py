"""The catalogue: every entry speaks both languages, with the same placeholders, and a key
names one message wherever it is used."""

from __future__ import annotations

import importlib
import string
from decimal import Decimal
from fractions import Fraction

import pytest

from smartserang.catalogue import LANGUAGES, MESSAGE_MODULES, Texts, messages
from smartserang.catalogue.report import REPORT
from smartserang.i18n import message
from smartserang.problems import Problem, Severity


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
