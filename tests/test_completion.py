"""Shell completion: the options that install and show it, and ``--set`` completed with
the shipped sets' names, through the installed entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smartserang.sets.files import shipped_set_paths

from builders import smartserang

SHIPPED = sorted(shipped_set_paths())


def complete(words: str, tmp_path: Path) -> list[str]:
    """What bash completion offers for the last word of ``smartserang <words>`` (a
    trailing space: a new, empty word)."""
    line = f"smartserang {words}"
    parts = line.split()
    current = len(parts) if line.endswith(" ") else len(parts) - 1
    env = {
        **os.environ,
        "_SMARTSERANG_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(current),
    }
    script = Path(sys.executable).with_name("smartserang")
    run = subprocess.run(
        [script], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def from_bash(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``smartserang *args`` started by bash, as from a terminal: the completion options
    find the user's shell among their parent processes, and the tests do not depend on
    how pytest itself was started."""
    script = Path(sys.executable).with_name("smartserang")
    return subprocess.run(
        ["bash", "-c", '"$0" "$@"; exit $?', str(script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_help_offers_installing_and_showing_completion() -> None:
    """The root --help lists --install-completion and --show-completion."""
    run = smartserang("--help")
    assert run.returncode == 0
    assert "--install-completion" in run.stdout
    assert "--show-completion" in run.stdout


def test_show_completion_prints_the_script_for_the_users_shell() -> None:
    """--show-completion, run from bash, prints a bash script that calls smartserang back."""
    run = from_bash("--show-completion")
    assert run.returncode == 0, run.stderr
    assert "_SMARTSERANG_COMPLETE=complete_bash" in run.stdout
    assert "complete -o default -F _smartserang_completion smartserang" in run.stdout


def test_install_completion_writes_the_script_into_the_shells_files(tmp_path: Path) -> None:
    """--install-completion, run from bash, writes the script under the home folder and sources it
    from .bashrc; nothing is written elsewhere."""
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    run = from_bash("--install-completion", env=env)
    assert run.returncode == 0, run.stderr
    installed = tmp_path / ".bash_completions" / "smartserang.sh"
    assert "_SMARTSERANG_COMPLETE=complete_bash" in installed.read_text(encoding="utf-8")
    assert str(installed) in (tmp_path / ".bashrc").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    ["score x.xlsx", "check x.xlsx", "baseline x.xlsx -o b.json", "diff a b", "template"],
)
def test_set_completes_with_the_shipped_sets(command: str, tmp_path: Path) -> None:
    """Every command's --set offers the shipped sets' names, those starting with what is
    typed; a path offers none (the shell then completes file names)."""
    assert complete(f"{command} --set ", tmp_path) == SHIPPED
    assert complete(f"{command} --set sp", tmp_path) == [n for n in SHIPPED if n[:2] == "sp"]
    assert complete(f"{command} --set ./my", tmp_path) == []
