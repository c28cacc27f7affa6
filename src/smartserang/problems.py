"""Located problems in user input, and the one exception that carries all of them.

Loaders never stop at the first problem: they collect every ``Problem`` they find and
raise a single ``InputError``. Warnings travel as ``Problem`` values with
``severity=WARNING`` next to the result they concern.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with where it is."""

    location: str
    """``file:Sheet!Cell``, ``file:line:col`` or just ``file``."""
    message: str
    """What is wrong, in one sentence, naming the offending value."""
    code: str
    """A stable identifier such as ``inventory.vocab`` or ``set.weight``."""
    severity: Severity = Severity.ERROR
    """Errors stop the run; warnings are reported beside the result."""
    text_key: str | None = None
    """For warnings: the ``i18n.MESSAGES`` key that words the message in either language."""
    params: tuple[tuple[str, str], ...] = ()
    """The values filled into that message."""

    def __post_init__(self) -> None:
        # Warnings reach the reports, which speak Indonesian or English: every warning
        # must be translatable, so it can only be made through ``Problem.warning``.
        if self.severity is Severity.WARNING and self.text_key is None:
            raise ValueError(f"warning {self.code!r} has no text_key; use Problem.warning")

    @classmethod
    def warning(cls, location: str, key: str, code: str, **params: str) -> Problem:
        """A warning worded by ``i18n.MESSAGES[key]`` (English in ``message``)."""
        from smartserang.i18n import message

        text = message(key, "en", **params)
        return cls(location, text, code, Severity.WARNING, key, tuple(sorted(params.items())))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (warnings are translated; errors stay as written)."""
        if self.text_key is None:
            return self.message
        from smartserang.i18n import message

        return message(self.text_key, lang, **dict(self.params))

    def __str__(self) -> str:
        kind = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {kind}{self.message} [{self.code}]"

    def to_dict(self) -> dict[str, str]:
        """A JSON-ready mapping of this problem."""
        return {
            "location": self.location,
            "message": self.message,
            "code": self.code,
            "severity": self.severity.value,
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
