"""Set files: where the shipped sets are, which file a ``--set`` value names, its bytes.

No YAML here: these functions find and read files, refusing what is not a small regular
file, and say how each file is shown in problem locations.
"""

from __future__ import annotations

import os
import stat
from importlib import resources
from pathlib import Path

from smartserang.files import display_name, note_input, os_reason
from smartserang.problems import InputError, Param, Problem

MAX_SET_BYTES = 16 << 20
"""The largest set file read (the shipped sets are under 200 kB)."""


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
    if path.suffix in (".yaml", ".yml") or os.path.exists(path) or "/" in reference:
        return path, display_name(reference)
    known = sorted(shipped)
    from smartserang.sets.schema import suggestion  # (which imports the YAML parser)

    key, like = suggestion("set_unknown", reference, known)
    problem = Problem.error(
        reference, key, "set.unknown", name=reference, known=", ".join(known), **like
    )
    raise InputError([problem])


def read_set_file(path: Path, display: str) -> bytes:
    """The bytes of a set file; refuses directories, devices, pipes and huge files.

    Checked before opening: reading ``/dev/zero`` would never end and opening a named
    pipe would wait for a writer.
    """

    def refuse(key: str, **params: Param) -> InputError:
        return InputError([Problem.error(display, key, "set.file", **params)])

    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise refuse("set_file_directory")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("set_file_special")
        with path.open("rb") as stream:
            data = stream.read(MAX_SET_BYTES + 1)
    except OSError as error:
        raise refuse("set_file_os", reason=os_reason(error)) from None
    note_input(path)  # for the output guard: no command writes over a set it read
    if len(data) > MAX_SET_BYTES:
        problem = Problem.error(display, "set_file_large", "set.size", mb=MAX_SET_BYTES >> 20)
        raise InputError([problem])
    return data
