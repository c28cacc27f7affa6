"""Releases: one version everywhere it is written, a changelog section for it, and the
tag the documentation tells users to pin."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import smartserang

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_and_its_metadata_name_one_version() -> None:
    """pyproject.toml and smartserang.__version__ give the same version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == smartserang.__version__


def test_the_changelog_has_a_section_for_the_version() -> None:
    """CHANGELOG.md (Keep a Changelog) has a section headed by the version, above the
    sections of the versions before it."""
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - ", changelog, re.M)
    assert versions[0] == smartserang.__version__
    assert versions == sorted(versions, key=lambda v: tuple(map(int, v.split("."))), reverse=True)


def test_the_documented_pin_is_the_versions_tag() -> None:
    """Every `rev:` and `@v…` the CI documentation tells users to pin names this version's
    tag, the tag a release gets."""
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    pins = re.findall(r"rev: (\S+)", docs) + re.findall(r"smartserang@(v[\w.]+)", docs)
    assert pins
    assert set(pins) == {f"v{smartserang.__version__}"}
