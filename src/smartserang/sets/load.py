"""Loading indicator sets by name or path, and listing the shipped ones.

``load_indicator_set`` takes a shipped set's name (``spbe-2020``) or a path, and returns
an :class:`~smartserang.model.IndicatorSet` or raises one ``InputError`` carrying every
problem with ``file:line:col``: :mod:`smartserang.sets.files` finds and reads the file,
:mod:`smartserang.sets.parse` validates and builds it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from smartserang.model import IndicatorSet, Text
from smartserang.sets.files import read_set_file, resolve_set, shipped_set_paths
from smartserang.sets.parse import parse_indicator_set


@dataclass(frozen=True)
class SetInfo:
    """A shipped indicator set, as listed by ``smartserang sets``."""

    id: str
    version: str
    title: Text
    path: Path


def load_indicator_set(reference: str) -> IndicatorSet:
    """Load and validate the set named (or pointed to) by ``reference``."""
    path, display = resolve_set(reference)
    data = read_set_file(path, display)
    return parse_indicator_set(data, display, path=path)


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
