"""Located problems in user input, and the one exception that carries all of them.

Loaders never stop at the first problem: they collect every ``Problem`` they find and
raise a single ``InputError``. Warnings and notes travel as ``Problem`` values next to
the result they concern. Every problem names a catalogue entry that words it in Bahasa
Indonesia and English (``Problem.error``, ``warning``, ``note``); its code is the same in
both.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from smartserang.i18n import Param


class Severity(enum.Enum):
    """How serious a problem is."""

    ERROR = "error"
    """The input cannot be used as it is: nothing is scored (exit 2)."""
    WARNING = "warning"
    """Something was left out or worked around; the result is reported beside it."""
    NOTE = "note"
    """What the reader understood of an unusual input (a header found on row 3, a totals
    row left out): said so a person can check it, never a fault."""


_KIND = {
    Severity.WARNING: {"id": "peringatan: ", "en": "warning: "},
    Severity.NOTE: {"id": "catatan: ", "en": "note: "},
}

__all__ = ["InputError", "Param", "Problem", "Severity", "cell_location", "column_letter"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with (or understood of) an input, with where it is."""

    location: str
    """``file:Sheet!Cell``, ``file:line:col`` or just ``file``."""
    message: str
    """What is wrong, in one English sentence, naming the offending value."""
    code: str
    """A stable identifier such as ``inventory.vocab`` or ``set.weight``, the same in
    every language."""
    severity: Severity = Severity.ERROR
    """Errors stop the run; warnings and notes are reported beside the result."""
    text_key: str | None = None
    """The catalogue entry (``smartserang.catalogue``) that words the message."""
    params: tuple[tuple[str, Param], ...] = ()
    """The values filled into that entry."""
    affects_score: bool = False
    """For a warning: what it says was worked around can change a score (a claim left
    unverified, names not counted); ``smartserang check`` fails on it."""

    def __post_init__(self) -> None:
        # Warnings and notes reach the reports, which speak Indonesian or English: each
        # must be translatable, so it can only be made through ``warning`` or ``note``.
        if self.severity is not Severity.ERROR and self.text_key is None:
            raise ValueError(f"{self.severity.value} {self.code!r} has no catalogue key")

    @classmethod
    def error(cls, location: str, key: str, code: str, **params: Param) -> Problem:
        """An error worded by the catalogue's entry ``key``."""
        return cls._worded(location, key, code, Severity.ERROR, params)

    @classmethod
    def warning(cls, location: str, key: str, code: str, **params: Param) -> Problem:
        """A warning worded by the catalogue's entry ``key``."""
        return cls._worded(location, key, code, Severity.WARNING, params)

    @classmethod
    def score_warning(cls, location: str, key: str, code: str, **params: Param) -> Problem:
        """A warning whose workaround can change a score (``affects_score``)."""
        warning = cls._worded(location, key, code, Severity.WARNING, params)
        return dataclasses.replace(warning, affects_score=True)

    @classmethod
    def note(cls, location: str, key: str, code: str, **params: Param) -> Problem:
        """A note worded by the catalogue's entry ``key``."""
        return cls._worded(location, key, code, Severity.NOTE, params)

    @classmethod
    def _worded(
        cls, location: str, key: str, code: str, severity: Severity, params: dict[str, Param]
    ) -> Problem:
        from smartserang.i18n import message

        text = message(key, "en", **params)
        return cls(location, text, code, severity, key, tuple(sorted(params.items())))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (a message not yet in the catalogue stays as written)."""
        if self.text_key is None:
            return self.message
        from smartserang.i18n import message

        return message(self.text_key, lang, **dict(self.params))

    def render(self, lang: str) -> str:
        """``location: [kind: ]message [code]`` in ``lang``, as the command line prints it."""
        kind = _KIND[self.severity][lang] if self.severity in _KIND else ""
        return f"{self.location}: {kind}{self.message_in(lang)} [{self.code}]"

    def __str__(self) -> str:
        return self.render("en")

    def to_dict(self) -> dict[str, str | bool]:
        """A JSON-ready mapping of this problem (its message in English)."""
        return {
            "location": self.location,
            "message": self.message,
            "code": self.code,
            "severity": self.severity.value,
            "affects_score": self.affects_score,
        }


class InputError(Exception):
    """Bad input: carries every located problem found in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def column_letter(index: int) -> str:
    """Excel column letters for a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_location(source: str, sheet: str, row: int, column: int) -> str:
    """``file:Sheet!B9`` for a 1-based row and a 0-based column."""
    return f"{source}:{sheet}!{column_letter(column)}{row}"
