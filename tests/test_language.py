"""The command line speaks the user's language: Indonesian unless ``--lang en`` (or
``SMARTSERANG_LANG``) says otherwise, in its problems, its own lines, its help pages and
the parser's usage errors; problem codes and locations are the same in both."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from smartserang.catalogue import commands, helptexts
from smartserang.cli.language import ENV, chosen_language
from smartserang.problems import InputError
from smartserang.procs import WorkerLost, ended

from builders import EXAMPLES, smartserang

TEXTS = {**commands.TEXTS, **helptexts.TEXTS}
"""The command line's entries: its own lines and its help pages."""

ROOT = EXAMPLES.parent
BROKEN = Path("examples") / "rusak.xlsx"
"""The shipped damaged example, as a user in the project folder names it."""
COMMANDS = ("score", "sets", "schema", "check", "baseline", "diff", "import", "template")
PLACE = re.compile(r"^(?P<location>\S+): .* \[(?P<code>[a-z_.]+)\]$")


def _run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``smartserang ARGS`` in the project folder, with ``env`` added to a bare environment."""
    command = shutil.which("smartserang", path=str(Path(sys.executable).parent))
    assert command is not None
    base = {"PATH": str(Path(sys.executable).parent), "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [command, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**base, **(env or {})},
    )


# ------------------------------------------------------------------ choosing the language


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        ([], {}, "id"),
        (["score", "x.xlsx"], {}, "id"),
        (["score", "x.xlsx", "--lang", "en"], {}, "en"),
        (["--lang", "en", "score", "x.xlsx"], {}, "en"),
        (["score", "--lang=en", "--help"], {}, "en"),
        (["score", "--lang", "en", "--lang", "id"], {}, "id"),
        ([], {ENV: "en"}, "en"),
        ([], {ENV: " EN "}, "en"),
        (["--lang", "id"], {ENV: "en"}, "id"),
        ([], {ENV: "fr"}, "id"),
        (["--lang", "fr"], {ENV: "en"}, "en"),
        (["--lang"], {}, "id"),
        (["score", "--", "--lang", "en"], {}, "id"),
    ],
)
def test_the_language_comes_from_the_arguments_then_the_environment(
    argv: list[str], environ: dict[str, str], expected: str
) -> None:
    """The last ``--lang`` before ``--`` decides, anywhere in the arguments; else the
    environment variable (any case); else Indonesian. A value naming no language is not
    taken (the parser refuses it)."""
    assert chosen_language(argv, environ) == expected


# ------------------------------------------------------------------ problems and lines


def _problems_of_the_broken_example(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from smartserang import session

    monkeypatch.chdir(ROOT)
    with pytest.raises(InputError) as caught:
        session.load_inputs(BROKEN, ["spbe-2020"])
    return [p.render("id") for p in caught.value.problems]


def test_score_prints_a_broken_workbooks_problems_in_indonesian_with_the_same_codes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``smartserang score examples/rusak.xlsx``: every problem rendered in Indonesian, then
    the Indonesian closing line; with ``--lang en`` the same locations and codes in the
    same order, and the English closing line."""
    indonesian = _run("score", BROKEN)
    english = _run("score", BROKEN, "--lang", "en")
    assert (indonesian.returncode, english.returncode) == (2, 2)
    assert indonesian.stdout == english.stdout == ""
    id_lines, en_lines = indonesian.stderr.splitlines(), english.stderr.splitlines()
    places = [PLACE.match(line) for line in id_lines[:-1]]
    assert all(places), id_lines
    assert [(m["location"], m["code"]) for m in places if m] == [
        (m["location"], m["code"]) for m in map(PLACE.match, en_lines[:-1]) if m
    ]
    expected = _problems_of_the_broken_example(monkeypatch)
    assert id_lines[:-1] == expected
    count = len(expected)
    assert id_lines[-1] == f"smartserang: {count} kesalahan pada masukan; tidak ada yang dinilai."
    assert en_lines[-1] == f"smartserang: {count} errors in the input; nothing scored."
    assert any(" tingkat harus " in line for line in id_lines)  # a catalogued problem


def test_the_environment_variable_sets_the_language_and_lang_overrides_it() -> None:
    """``SMARTSERANG_LANG=en`` gives English; ``--lang id`` on the command line wins."""
    english = _run("score", BROKEN, env={ENV: "en"})
    assert english.stderr.splitlines()[-1].endswith("errors in the input; nothing scored.")
    indonesian = _run("score", BROKEN, "--lang", "id", env={ENV: "en"})
    assert indonesian.stderr.splitlines()[-1].endswith("tidak ada yang dinilai.")


def test_a_run_says_what_it_wrote_in_its_language(tmp_path: Path) -> None:
    """The line after a written output follows ``--lang``."""
    out = tmp_path / "hasil.json"
    run = smartserang("score", EXAMPLES / "kota-sukamaju.xlsx", "-f", "json", "-o", out)
    assert run.returncode == 0, run.stderr
    assert run.stderr.splitlines()[-1] == f"smartserang: {out} telah ditulis"
    run = smartserang(
        "score", EXAMPLES / "kota-sukamaju.xlsx", "-f", "json", "-o", out, "--lang=en"
    )
    assert run.stderr.splitlines()[-1] == f"smartserang: wrote {out}"


def test_a_bad_date_is_refused_in_either_language_with_the_same_code() -> None:
    """A usage problem of the program itself: worded in the language, code unchanged."""
    indonesian = smartserang("score", EXAMPLES / "kota-sukamaju.xlsx", "--date", "31/12/2025")
    english = smartserang(
        "score", EXAMPLES / "kota-sukamaju.xlsx", "--date", "31/12/2025", "--lang", "en"
    )
    assert (indonesian.returncode, english.returncode) == (2, 2)
    assert indonesian.stderr.strip() == (
        "smartserang: --date harus berbentuk YYYY-MM-DD, bukan '31/12/2025' [usage.date]"
    )
    assert english.stderr.strip() == (
        "smartserang: --date must be YYYY-MM-DD, got '31/12/2025' [usage.date]"
    )


def test_a_lost_worker_is_told_in_either_language() -> None:
    """How a worker process ended, in words of the language; its English stays ``str()``."""
    lost = WorkerLost(ended(-9, "en"), "3.xlsx", -9)
    assert (
        str(lost)
        == "a worker process ended unexpectedly (SIGKILL, signal 9) while working on 3.xlsx"
    )
    assert lost.said("id") == (
        "sebuah proses pekerja berhenti tanpa diduga (SIGKILL, sinyal 9) saat mengerjakan 3.xlsx"
    )
    assert ended(3, "id") == "status keluar 3"
    assert ended(None, "id") == "tanpa status keluar"
    assert WorkerLost("failed").said("id") == "sebuah proses pekerja berhenti tanpa diduga (failed)"


def test_check_speaks_the_language_in_its_lines_and_summary_but_not_its_json(
    tmp_path: Path,
) -> None:
    """``check``: the failed check, the verdict and the Markdown summary follow the
    language (the decimal comma in Indonesian); the exit code and the JSON report do not."""
    example = EXAMPLES / "kota-sukamaju.xlsx"
    runs = {}
    for lang in ("id", "en"):
        summary = tmp_path / f"summary-{lang}.md"
        runs[lang] = smartserang(
            "check", example, "--min-index", "3", "--summary", summary, "-f", "json", "--lang", lang
        )
        assert runs[lang].returncode == 1, runs[lang].stderr
    assert runs["id"].stdout == runs["en"].stdout  # the JSON report
    indonesian, english = runs["id"].stderr.splitlines(), runs["en"].stderr.splitlines()
    assert indonesian == [
        f"{example}: spbe-2020: indeks 2,65 < --min-index 3.00",
        f"smartserang: GAGAL {example}: 1 dari 1 pemeriksaan gagal",
    ]
    assert english == [
        f"{example}: spbe-2020: index 2.65 < --min-index 3.00",
        f"smartserang: FAILED {example}: 1 of 1 checks failed",
    ]
    assert "**Gagal**" in (tmp_path / "summary-id.md").read_text(encoding="utf-8")
    assert "**Failed**" in (tmp_path / "summary-en.md").read_text(encoding="utf-8")


# ------------------------------------------------------------------ help pages


def _helps(key_start: str, lang: str) -> list[str]:
    return [entry[lang] for key, entry in TEXTS.items() if key.startswith(key_start)]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_page_speaks_indonesian_by_default_and_english_with_lang(command: str) -> None:
    """The program's and each command's ``--help``: the frame (usage line, sections, the
    framework's notes) and the texts in Indonesian; the same options in English with
    ``--lang en`` (given before or after ``--help``) or ``SMARTSERANG_LANG=en``."""
    args = [command] if command else []
    indonesian = _run(*args, "--help")
    english = _run(*args, "--help", "--lang", "en")
    from_environment = _run(*args, "--help", env={ENV: "en"})
    before = _run("--lang=en", *args, "--help")
    for run in (indonesian, english, from_environment, before):
        assert run.returncode == 0, run.stderr
    assert english.stdout == from_environment.stdout == before.stdout
    page, english_page = indonesian.stdout, english.stdout
    assert page.startswith(f"Penggunaan: smartserang {command}".rstrip())
    assert english_page.startswith(f"Usage: smartserang {command}".rstrip())
    assert "Opsi:" in page
    assert "Options:" in english_page
    for framework in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message"):
        assert framework not in page
    for note in ("[default:", "[required]", "default: ", "env var"):
        assert note not in page
    assert "Tampilkan bantuan ini lalu keluar." in page

    def options(text: str) -> list[str]:
        # an option's term: its names, then its metavar or the column of its help
        return re.findall(r"^ {2}(-[\w-]+(?:, --[\w-]+)?)(?= <| {2,}|$| [A-Z])", text, re.M)

    assert options(page) == options(english_page)
    flat = " ".join(page.split())
    english_flat = " ".join(english_page.split())
    english_texts = [" ".join(t.split()) for t in _helps("help_", "en")]
    assert not [t for t in english_texts if len(t) > 30 and t in flat]
    assert [t for t in english_texts if len(t) > 30 and t in english_flat]


def test_every_option_and_command_has_its_help_from_the_catalogue() -> None:
    """No help text is written in a command module: each command's, argument's and
    option's help is one of the catalogue's (in the language this process chose)."""
    import typer.main

    from smartserang.cli import app
    from smartserang.cli.language import LANG

    known = {entry[LANG] for key, entry in TEXTS.items() if key.startswith("help_")}
    group = typer.main.get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    assert set(commands) == set(COMMANDS)
    missing = []
    for name, command in [("", group), *commands.items()]:
        if name and command.help not in known:
            missing.append(f"{name}: {command.help!r}")
        for param in command.params:
            if param.name in ("install_completion", "show_completion"):
                continue  # the framework's: worded when the help page is written
            if getattr(param, "help", None) not in known:
                missing.append(f"{name} {param.name}: {getattr(param, 'help', None)!r}")
    assert not missing, missing


# ------------------------------------------------------------------ usage errors


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (
            ["score", "--frob", "x.xlsx"],
            "Kesalahan: Opsi tidak dikenal: --frob",
            "Error: No such option: --frob",
        ),
        (
            ["score"],
            "Kesalahan: Argumen 'BUKU_KERJA' belum diberikan.",
            "Error: Missing argument 'WORKBOOK'.",
        ),
        (
            ["score", "x.xlsx", "-f", "pdf"],
            "Kesalahan: Nilai tidak sah untuk '--format' / '-f': 'pdf' bukan salah satu dari"
            " 'text', 'json', 'md', 'html', 'docx'.",
            "Error: Invalid value for '--format' / '-f': 'pdf' is not one of"
            " 'text', 'json', 'md', 'html', 'docx'.",
        ),
        (
            ["score", "x.xlsx", "--jobs", "x"],
            "Kesalahan: Nilai tidak sah untuk '--jobs' / '-j': 'x' bukan bilangan bulat.",
            "Error: Invalid value for '--jobs' / '-j': 'x' is not a valid int range.",
        ),
        (
            ["score", "x.xlsx", "--target", "tinggi"],
            "Kesalahan: Nilai tidak sah untuk '--target': 'tinggi' bukan angka.",
            "Error: Invalid value for '--target': 'tinggi' is not a valid float.",
        ),
        (
            ["import", "a.csv", "--sheet", "Fasilitas", "-o", "b.xlsx"],
            "Kesalahan: Opsi '--into' belum diberikan.",
            "Error: Missing option '--into'.",
        ),
        (
            ["scor", "x.xlsx"],
            "Kesalahan: Perintah 'scor' tidak dikenal. Maksud Anda 'score'?",
            "Error: No such command 'scor'. Did you mean 'score'?",
        ),
    ],
    ids=["option", "argument", "choice", "integer", "number", "required-option", "command"],
)
def test_a_usage_error_speaks_the_language_with_usage_and_hint(
    args: list[str], indonesian: str, english: str
) -> None:
    """The parser's usage error: the usage line, the hint and the error in Indonesian by
    default, in the parser's own English with ``--lang en``; exit 2 in both."""
    said = _run(*args)
    told = _run(*args, "--lang", "en")
    assert (said.returncode, told.returncode) == (2, 2)
    lines, english_lines = said.stderr.splitlines(), told.stderr.splitlines()
    command = "smartserang score" if args[0] == "score" else f"smartserang {args[0]}"
    if args[0] == "scor":
        command = "smartserang"
    assert lines[0].startswith(f"Penggunaan: {command} [OPTIONS]")
    assert lines[1] == f"Coba '{command} --help' untuk bantuan."
    assert english_lines[0].startswith(f"Usage: {command} [OPTIONS]")
    assert english_lines[1] == f"Try '{command} --help' for help."
    assert lines[2] == english_lines[2] == ""
    assert lines[3].startswith(indonesian)
    assert english_lines[3].startswith(english)
    assert len(lines) == len(english_lines) == 4


def test_a_value_that_names_no_language_is_a_usage_error() -> None:
    """``--lang fr``: refused by the parser, in the language of the environment."""
    run = _run("score", "x.xlsx", "--lang", "fr", env={ENV: "en"})
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--lang': 'fr' is not one of 'id', 'en'."
    )
    run = _run("score", "x.xlsx", "--lang", "fr")
    assert run.stderr.splitlines()[-1] == (
        "Kesalahan: Nilai tidak sah untuk '--lang': 'fr' bukan salah satu dari 'id', 'en'."
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_takes_lang(command: str) -> None:
    """``--lang`` may stand anywhere: every command takes it."""
    run = _run(command, "--lang", "en", "--help")
    assert run.returncode == 0, run.stderr
    assert "--lang" in run.stdout


def test_the_help_stays_light_to_start() -> None:
    """Choosing the language and wording the help imports nothing heavy: no workbook
    reader, report or table library, no catalogue beyond the command words."""
    probe = """
import os, sys
sys.argv = ["smartserang", "--help", "--lang", "en"]
import smartserang.cli as cli
def leave(code):
    sys.stdout.flush()
    heavy = sorted(
        m for m in sys.modules
        if m.split(".")[0] in ("openpyxl", "python_calamine", "jinja2", "rich", "yaml", "docx")
        or m in ("smartserang.catalogue.sets", "smartserang.catalogue.report")
    )
    os.write(2, ("HEAVY " + " ".join(heavy) + "\\n").encode())
    os._exit(code or 0)
cli._leave = leave
cli.main()
"""
    run = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert run.stdout.startswith("Usage: smartserang"), run.stderr
    assert run.stderr == "HEAVY \n", run.stderr
