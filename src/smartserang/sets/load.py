"""Loading indicator sets: find them, parse the YAML, validate everything, build the model.

``load_indicator_set`` takes a shipped set's name (``spbe-2020``) or a path, and returns
an :class:`~smartserang.model.IndicatorSet` or raises one ``InputError`` carrying every
problem with ``file:line:col``. Structure is checked against the JSON Schema in
:mod:`smartserang.sets.schema`; meaning by :mod:`smartserang.sets.builder` (weights, ids,
scales) and :mod:`smartserang.sets.rulebuilder` (rules naming real sheets, columns and
vocabulary values).
"""

from __future__ import annotations

import functools
import hashlib
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from smartserang.model import IndicatorSet, Text
from smartserang.problems import InputError, Problem
from smartserang.sets.builder import SetBuilder
from smartserang.sets.schema import SCHEMA, suggest, validate_node
from smartserang.sets.yamlnodes import TooManyProblems


@dataclass(frozen=True)
class SetInfo:
    """A shipped indicator set, as listed by ``smartserang sets``."""

    id: str
    version: str
    title: Text
    path: Path


def shipped_sets_dir() -> Path:
    """The folder holding the indicator sets shipped with the package."""
    packaged = Path(str(resources.files("smartserang"))) / "indicators"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout (editable install): the sets live at the repo root.
    return Path(__file__).resolve().parents[3] / "indicators"


def shipped_set_paths() -> dict[str, Path]:
    """Shipped set name -> path, sorted by name."""
    folder = shipped_sets_dir()
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def resolve_set(reference: str) -> tuple[Path, str]:
    """The file a ``--set`` value names, and how to show it in messages."""
    shipped = shipped_set_paths()
    if reference in shipped:
        return shipped[reference], f"indicators/{reference}.yaml"
    path = Path(reference)
    if path.suffix in (".yaml", ".yml") or path.exists() or "/" in reference:
        return path, reference
    known = sorted(shipped)
    raise InputError(
        [
            Problem(
                reference,
                f"no shipped indicator set {reference!r}{suggest(reference, known)};"
                f" shipped sets: {', '.join(known)} (or give a path to a .yaml file)",
                "set.unknown",
            )
        ]
    )


def load_indicator_set(reference: str, *, seen: tuple[Path, ...] = ()) -> IndicatorSet:
    """Load and validate the set named (or pointed to) by ``reference``.

    ``seen`` holds the files already being loaded down an ``extends`` chain (cycles).
    """
    path, display = resolve_set(reference)
    data = read_set_file(path, display)
    return parse_indicator_set(data, display, path=path, seen=seen)


MAX_SET_BYTES = 16 << 20
"""The largest set file read (the shipped sets are under 200 kB)."""


def read_set_file(path: Path, display: str) -> bytes:
    """The bytes of a set file; refuses directories, devices, pipes and huge files.

    Checked before opening: reading ``/dev/zero`` would never end and opening a named
    pipe would wait for a writer.
    """

    def refuse(reason: str) -> InputError:
        return InputError([Problem(display, f"cannot read indicator set: {reason}", "set.file")])

    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise refuse("it is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("it is not a regular file (a device, pipe or socket)")
        with path.open("rb") as stream:
            data = stream.read(MAX_SET_BYTES + 1)
    except OSError as error:
        raise refuse(error.strerror or type(error).__name__) from None
    if len(data) > MAX_SET_BYTES:
        raise InputError(
            [
                Problem(
                    display,
                    f"the file is larger than {MAX_SET_BYTES >> 20} MB;"
                    " an indicator set is a small text file",
                    "set.size",
                )
            ]
        )
    return data


def parse_indicator_set(
    data: bytes, display: str, *, path: Path | None = None, seen: tuple[Path, ...] = ()
) -> IndicatorSet:
    """Validate and build a set from YAML bytes; ``display`` names it in locations.

    A set that ``extends`` another is built by tailoring that base (``path`` locates a
    base given by a relative path).
    """
    builder = SetBuilder(display)
    try:
        return _build(builder, data, path, seen)
    except TooManyProblems:
        raise InputError(builder.problems) from None


def _build(
    builder: SetBuilder, data: bytes, path: Path | None, seen: tuple[Path, ...]
) -> IndicatorSet:
    root = builder.compose(data)
    if root is not None:
        validate_node(root, SCHEMA, builder.report)
    if builder.problems or root is None:
        raise InputError(builder.problems)
    assert isinstance(root, yaml.MappingNode)
    if builder.get(root, "extends") is not None:
        from smartserang.sets.tailoring import tailor

        return tailor(builder, root, data, path, seen)
    result = builder.build(root, hashlib.sha256(data).hexdigest())
    if builder.problems:
        raise InputError(builder.problems)
    return result


def list_shipped_sets() -> list[SetInfo]:
    """Id, version and title of every shipped set (read cheaply, not fully validated)."""
    infos = []
    for name, path in shipped_set_paths().items():
        head = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        title = _plain_text(head.get("title", name))
        infos.append(SetInfo(name, str(head.get("version", "")), title, path))
    return infos


def _plain_text(value: Any) -> Text:
    if isinstance(value, dict):
        return Text(str(value.get("id", "")), value.get("en"))
    return Text(str(value))


@functools.cache
def shipped_ids() -> frozenset[str]:
    """Every set, group and indicator id of the shipped sets (read cheaply, not validated).

    A workbook's Penilaian and Target sheets may hold rows for several sets; a row naming
    an id of a shipped set that is not being scored belongs to that set, not to a typo.
    """
    ids: set[str] = set()

    def walk(nodes: Any) -> None:
        for node in nodes or ():
            if isinstance(node, dict):
                ids.add(str(node.get("id")))
                walk(node.get("groups"))
                walk(node.get("indicators"))

    for name, path in shipped_set_paths().items():
        ids.add(name)
        walk(yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader).get("groups"))
    return frozenset(ids)
