"""Hostile indicator-set files: YAML that must be refused calmly (or read correctly).

:func:`cases` writes every case into a folder and returns them. Each is fed to every
command that takes ``--set``; a case must end in exit 0 or 2 with a located message,
never a traceback, a hang or unbounded memory. The files are built from a small valid
set (:data:`VALID`), so that each case differs from a good file by the one thing it
tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hostile_case import Expect, HostileCase

VALID = """\
id: hostile
version: "1"
title: {id: Uji, en: Test}
weighting: absolute
total_weight: 100
unassessed: minimum
scales:
  proses:
    name: Proses
    levels: {1: Satu, 2: Dua, 3: Tiga, 4: Empat, 5: Lima}
bands:
  - {min: 3.5, label: Tinggi}
  - {min: 2.6, label: Sedang}
  - {label: Rendah}
groups:
  - id: G1
    name: Satu
    weight: 40
    scale: proses
    indicators:
      - {id: "1", name: A, weight: 10, criteria: {1: awal, 5: optimum}}
      - {id: "2", name: B, weight: 30}
  - id: G2
    name: Dua
    weight: 60
    scale: proses
    indicators:
      - id: "35"
        name: C
        weight: 60
        evidence:
          sheet: aplikasi
          where: [{column: layanan_spbe, equals: pengadaan}]
          steps:
            - level: 2
              requires: aktif
              rows: [{column: status, equals: aktif}]
            - level: 3
              requires: transaksi
              rows:
                - {column: status, equals: aktif}
                - {column: tingkat_layanan, at_least: transaksi}
"""
"""A small valid set (ids 1, 2 and 35 are also ids of the shipped SPBE set, so the
example workbook's Penilaian rows belong either to it or to ``spbe-2020``)."""

BOMB_LEVELS = 9
"""Levels of a "billion laughs" bomb: 9 ** 9 (387 million) nodes once expanded."""


def _replace(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _list_bomb(where: str = "x") -> str:
    lines = [f'{where}0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, BOMB_LEVELS):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"{where}{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _mapping_bomb() -> str:
    keys = "abcdefghi"
    lines = ["m0: &m0 {" + ", ".join(f"{k}: lol" for k in keys) + "}"]
    for level in range(1, BOMB_LEVELS):
        lines.append(
            f"m{level}: &m{level} {{" + ", ".join(f"{k}: *m{level - 1}" for k in keys) + "}"
        )
    return "\n".join(lines) + "\n"


def _merge_bomb() -> str:
    keys = "abcdefghi"
    lines = ["m0: &m0 {" + ", ".join(f"{k}: lol" for k in keys) + "}"]
    for level in range(1, BOMB_LEVELS):
        merged = ", ".join([f"*m{level - 1}"] * 9)
        lines.append(f"m{level}: &m{level} {{<<: [{merged}], {keys[level]}{level}: *m{level - 1}}}")
    return "\n".join(lines) + "\n"


def _bomb_in_groups() -> str:
    """A bomb where the schema expects text: every indicator name is the expanded bomb."""
    bomb = _list_bomb("k").replace("\n", "\n  ")
    return _replace("title: {id: Uji, en: Test}", "title: {id: Uji, en: Test}\nx-bombs:\n  " + bomb)


def _nested_groups(depth: int) -> str:
    """Groups nested ``depth`` deep, each with weight 100, the last holding one indicator."""
    lines = ["groups:"]
    indent = ""
    for level in range(depth):
        lines += [
            f"{indent}  - id: N{level}",
            f"{indent}    name: N{level}",
            f"{indent}    weight: 100",
        ]
        if level == 0:
            lines.append(f"{indent}    scale: proses")
        lines.append(f"{indent}    groups:" if level < depth - 1 else f"{indent}    indicators:")
        indent += "    "
    lines.append(f'{indent}  - {{id: "1", name: A, weight: 100}}')
    head = VALID.split("groups:\n", 1)[0]
    return head + "\n".join(lines) + "\n"


def _nested_any_of(depth: int) -> str:
    condition = "{column: status, equals: aktif}"
    for _ in range(depth):
        condition = f"{{any_of: [[{condition}]]}}"
    return _replace("where: [{column: layanan_spbe, equals: pengadaan}]", f"where: [{condition}]")


def _block_lists(depth: int) -> str:
    body = "".join("  " * level + "-\n" for level in range(depth))
    return _replace("title: {id: Uji, en: Test}", "title:\n" + body)


def _extends(target: str, **more: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in more.items())
    return f'extends: {target}\nid: tailored\nversion: "1"\ntitle: Tailored\n{extra}'


def _many_keys(count: int) -> str:
    keys = "".join(f"  t{number}: Judul {number}\n" for number in range(count))
    return _replace("unassessed: minimum\n", "unassessed: minimum\ntag_titles:\n" + keys)


def _many_unknown_keys(count: int) -> str:
    return VALID + "".join(f"unknown_{number}: {number}\n" for number in range(count))


class _Corpus:
    """Collects cases written into one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cases: list[HostileCase] = []

    def add(
        self, name: str, content: str | bytes, expect: Expect, reason: str, *, suffix: str = ".yaml"
    ) -> Path:
        path = self.folder / f"{name}{suffix}"
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        self.cases.append(HostileCase(name, path, "set", expect, reason))
        return path

    def special(self, name: str, make: Callable[[Path], None], expect: Expect, reason: str) -> None:
        path = self.folder / f"{name}.yaml"
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        elif path.exists() or path.is_symlink():
            path.unlink()
        make(path)
        self.cases.append(HostileCase(name, path, "set", expect, reason))


def cases(folder: Path, *, big: bool = False) -> list[HostileCase]:
    """Write every hostile set case into ``folder`` and return them.

    ``big`` makes the size cases bigger (several megabytes, hundreds of thousands of keys)
    for a standalone run; the default keeps them small enough for the test suite.
    """
    folder.mkdir(parents=True, exist_ok=True)
    corpus = _Corpus(folder)
    add = corpus.add
    add("valid", VALID, "ok", "the good file every other case is derived from")
    _aliases(corpus, folder, big)
    _tags(corpus, folder, big)
    _duplicates(corpus, folder, big)
    _numbers(corpus, folder, big)
    _extends_cases(corpus, folder, big)
    _special_files(corpus, folder, big)
    _sizes(corpus, folder, big)
    _nesting(corpus, folder, big)
    _encodings(corpus, folder, big)
    _shapes(corpus, folder, big)
    return corpus.cases


def _aliases(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: alias bombs and aliases."""
    add = corpus.add
    add("alias-bomb-lists", VALID + _list_bomb(), "error", "billion laughs of nested lists")
    add("alias-bomb-mappings", VALID + _mapping_bomb(), "error", "billion laughs of mappings")
    add("alias-bomb-merge", VALID + _merge_bomb(), "error", "billion laughs of merge keys <<")
    add("alias-bomb-nested", _bomb_in_groups(), "error", "a bomb nested inside a mapping")
    add(
        "alias-self-reference",
        _replace("title: {id: Uji, en: Test}", "title: &t [a, *t]"),
        "error",
        "a sequence that contains itself",
    )
    add(
        "alias-recursive-mapping",
        _replace("title: {id: Uji, en: Test}", "title: &t {id: Uji, en: *t}"),
        "error",
        "a mapping that contains itself",
    )
    add(
        "alias-undefined",
        _replace("title: {id: Uji, en: Test}", "title: *nowhere"),
        "error",
        "an alias to an anchor that does not exist",
    )
    add(
        "alias-reuse-ok",
        _replace("name: A, weight: 10", "name: &n A, weight: 10").replace(
            "name: B, weight: 30", "name: *n, weight: 30"
        ),
        "ok",
        "a plain alias reused once is fine",
    )
    add(
        "merge-key",
        _replace('- {id: "2", name: B, weight: 30}', '- {<<: {name: B}, id: "2", weight: 30}'),
        "error",
        "merge keys are not part of the format",
    )


def _tags(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: tags."""
    add = corpus.add
    add(
        "tag-python-object",
        _replace("title: {id: Uji, en: Test}", "title: !!python/object:os.PathLike {}"),
        "error",
        "a Python object tag",
    )
    add(
        "tag-python-apply-system",
        _replace(
            "title: {id: Uji, en: Test}",
            "title: !!python/object/apply:os.system [touch /tmp/smartserang-pwned]",
        ),
        "error",
        "os.system through object/apply must never run",
    )
    add(
        "tag-python-apply-root",
        "!!python/object/apply:os.system [touch /tmp/smartserang-pwned]\n",
        "error",
        "the whole document is an object/apply tag",
    )
    add(
        "tag-python-name",
        _replace("title: {id: Uji, en: Test}", "title: !!python/name:os.system"),
        "error",
        "a Python name tag",
    )
    add(
        "tag-python-module",
        _replace("title: {id: Uji, en: Test}", "title: !!python/module:os"),
        "error",
        "a Python module tag",
    )
    add(
        "tag-on-key",
        VALID + "? !!python/name:os.system\n: x\n",
        "error",
        "a tag on a key",
    )
    add(
        "tag-binary",
        _replace("title: {id: Uji, en: Test}", "title: !!binary aGVsbG8="),
        "error",
        "a binary scalar",
    )
    add(
        "tag-local",
        _replace("title: {id: Uji, en: Test}", "title: !secret Uji"),
        "error",
        "an application-local tag",
    )
    add(
        "tag-verbatim",
        _replace("title: {id: Uji, en: Test}", "title: !<tag:example.com,2000:x> Uji"),
        "error",
        "a verbatim tag",
    )
    add(
        "tag-set-omap",
        _replace("title: {id: Uji, en: Test}", "title: !!omap [{id: Uji}]"),
        "error",
        "an ordered-map tag",
    )
    add(
        "tag-int-not-a-number",
        _replace('{id: "2", name: B, weight: 30}', '{id: "2", name: B, weight: !!int thirty}'),
        "error",
        "an explicit int tag on text",
    )
    add(
        "tag-int-on-level",
        _replace("- level: 3\n", '- level: !!int "3.5"\n'),
        "error",
        "an explicit int tag on a fraction, where a whole level is needed",
    )
    add(
        "tag-str-weight",
        _replace('{id: "2", name: B, weight: 30}', '{id: "2", name: B, weight: !!str 30}'),
        "error",
        "a weight forced to be text",
    )


def _duplicates(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: duplicate keys."""
    add = corpus.add
    add("duplicate-top-key", VALID + "id: again\n", "error", "a top-level key twice")
    add(
        "duplicate-group-key",
        _replace("    name: Satu\n", "    name: Satu\n    name: Lagi\n"),
        "error",
        "a key twice in a group",
    )
    add(
        "duplicate-flow-key",
        _replace('{id: "2", name: B, weight: 30}', '{id: "2", name: B, weight: 30, weight: 0}'),
        "error",
        "a key twice in a flow mapping",
    )
    add(
        "duplicate-level",
        _replace("{1: Satu, 2: Dua,", "{1: Satu, 2: Dua, 2: Deux,"),
        "error",
        "a scale level twice",
    )
    add(
        "duplicate-deep-key",
        _replace(
            "rows: [{column: status, equals: aktif}]",
            "rows: [{column: status, equals: aktif, column: hosting}]",
        ),
        "error",
        "a key twice deep inside an evidence rule",
    )
    add(
        "duplicate-text-key",
        _replace("title: {id: Uji, en: Test}", "title: {id: Uji, en: Test, id: Lain}"),
        "error",
        "a key twice in a text mapping",
    )


def _numbers(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: numbers."""
    add = corpus.add
    for name, value in (
        ("weight-nan", ".nan"),
        ("weight-inf", ".inf"),
        ("weight-minus-inf", "-.inf"),
        ("weight-float-overflow", "1.0e+400"),
        ("weight-5000-digits", "1" * 5000),
        ("weight-tiny-digits", "0." + "0" * 5000 + "1"),
        ("weight-negative", "-30"),
        ("weight-text-1e400", "1e400"),
    ):
        add(
            name,
            _replace('{id: "2", name: B, weight: 30}', f'{{id: "2", name: B, weight: {value}}}'),
            "error",
            f"a weight of {value[:20]}",
        )
    add(
        "total-weight-nan",
        _replace("total_weight: 100", "total_weight: .nan"),
        "error",
        "a NaN total weight",
    )
    add(
        "total-weight-zero",
        _replace("total_weight: 100", "total_weight: 0"),
        "error",
        "a zero total weight",
    )
    add(
        "weights-overflow-sum",
        _replace("weight: 40\n", "weight: 1.7e+308\n")
        .replace("weight: 60\n", "weight: 1.7e+308\n")
        .replace("total_weight: 100", "total_weight: 1.0e+308"),
        "error",
        "weights each a finite float whose sum overflows a float",
    )
    add(
        "weights-all-zero",
        _replace("weight: 10,", "weight: 0,").replace("weight: 30}", "weight: 0}"),
        "error",
        "every weight in a group is zero",
    )
    add(
        "weight-zero-one",
        _replace("weight: 10,", "weight: 0,").replace("weight: 30}", "weight: 40}"),
        "ok",
        "one zero weight among others is allowed",
    )
    add(
        "weight-hex",
        _replace("weight: 30}", "weight: 0x1E}"),
        "ok",
        "a YAML 1.1 hexadecimal weight (0x1E is 30)",
    )
    add(
        "weight-octal",
        _replace("weight: 10,", "weight: 012,").replace("weight: 30}", "weight: 0x1E}"),
        "ok",
        "a YAML 1.1 octal weight (012 is 10)",
    )
    add(
        "weight-sexagesimal",
        _replace("weight: 60\n    scale", "weight: 1:00\n    scale").replace(
            "weight: 60\n        evid", "weight: 1:00\n        evid"
        ),
        "ok",
        "a YAML 1.1 base-60 weight (1:00 is 60)",
    )
    add(
        "weight-underscores",
        _replace("weight: 30}", "weight: 3_0}"),
        "ok",
        "digit separators",
    )
    add(
        "band-min-nan",
        _replace("{min: 3.5, label: Tinggi}", "{min: .nan, label: Tinggi}"),
        "error",
        "a NaN band edge",
    )
    add(
        "band-min-huge",
        _replace("{min: 3.5, label: Tinggi}", "{min: " + "9" * 5000 + ", label: Tinggi}"),
        "error",
        "a band edge of 5,000 digits",
    )
    add(
        "level-huge",
        _replace("{1: Satu, 2: Dua,", "{1: Satu, 2: Dua, ? " + "9" * 5000 + " : Banyak,"),
        "error",
        "a scale level of 5,000 digits",
    )
    add(
        "criteria-level-huge",
        _replace("criteria: {1: awal,", "criteria: {? " + "9" * 5000 + " : awal,"),
        "error",
        "a criterion level of 5,000 digits",
    )
    add(
        "step-level-hex",
        _replace("- level: 3\n", "- level: 0x3\n"),
        "ok",
        "a hexadecimal step level (0x3 is 3)",
    )
    add(
        "step-level-octal",
        _replace("- level: 3\n", "- level: 03\n"),
        "ok",
        "an octal step level (03 is 3)",
    )
    add(
        "step-level-huge",
        _replace("- level: 3\n", "- level: " + "9" * 5000 + "\n"),
        "error",
        "a step level of 5,000 digits",
    )
    add(
        "step-level-float",
        _replace("- level: 3\n", "- level: 3.0\n"),
        "error",
        "a fractional-looking step level",
    )
    add(
        "within-days-huge",
        _replace(
            "rows: [{column: status, equals: aktif}]",
            "rows: [{column: tanggal_reviu, within_days: 100000000000000000000}]",
        ),
        "error",
        "a review window beyond any calendar",
    )
    add(
        "within-days-hex",
        _replace(
            "rows: [{column: status, equals: aktif}]",
            "rows: [{column: tanggal_reviu, within_days: 0x16D}]",
        ),
        "ok",
        "a hexadecimal review window (0x16D is 365)",
    )
    add(
        "equals-huge-number",
        _replace(
            "rows: [{column: status, equals: aktif}]",
            "rows: [{column: jumlah_pengguna, at_least: " + "9" * 5000 + "}]",
        ),
        "error",
        "a comparison with a number of 5,000 digits",
    )


def _extends_cases(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: extends."""
    add = corpus.add
    add("extends-self", _extends("extends-self.yaml"), "error", "a set that extends itself")
    add("extends-cycle-a", _extends("extends-cycle-b.yaml"), "error", "a → b → a")
    add("extends-cycle-b", _extends("extends-cycle-a.yaml"), "error", "b → a → b")
    add("extends-missing", _extends("no-such-set.yaml"), "error", "the base does not exist")
    add("extends-unknown-name", _extends("spbe-2099"), "error", "no shipped set of that name")
    add("extends-directory", _extends("."), "error", "the base is a directory")
    add("extends-empty", _extends('""'), "error", "the base is an empty string")
    add("extends-dev-zero", _extends("/dev/zero"), "error", "the base never ends")
    add("extends-dev-stdin", _extends("/dev/stdin"), "error", "the base is standard input")
    add("extends-dev-null", _extends("/dev/null"), "error", "the base is empty")
    add("extends-number", _extends("5"), "error", "extends names no file")
    add("extends-list", _extends("[spbe-2020]"), "error", "extends is a list")
    fifo = folder / "extends-fifo.target"
    if hasattr(os, "mkfifo"):
        if fifo.exists() or fifo.is_symlink():
            fifo.unlink()
        os.mkfifo(fifo)
        add("extends-fifo", _extends(fifo.name), "error", "the base is a named pipe no one writes")
    add(
        "extends-shipped-ok",
        _extends("spbe-2020", tailoring="{not_applicable: [{id: '37', reason: Tidak ada}]}"),
        "ok",
        "a tailoring of a shipped set (one indicator not applicable)",
    )
    add(
        "extends-bad-base",
        _extends("weight-nan.yaml"),
        "error",
        "the base itself is broken",
    )
    chain = 40
    for number in range(1, chain):
        target = f"extends-chain-{number + 1}.yaml" if number + 1 < chain else "spbe-2020"
        (folder / f"extends-chain-{number}.yaml").write_text(_extends(target), encoding="utf-8")
    add("extends-chain", _extends("extends-chain-1.yaml"), "error", f"{chain} tailorings deep")
    add(
        "extends-chain-short",
        _extends("extends-chain-short-1.yaml"),
        "ok",
        "a tailoring of a tailoring is allowed",
    )
    add("extends-chain-short-1", _extends("spbe-2020"), "ok", "a plain tailoring")


def _special_files(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: the file itself."""
    corpus.special(
        "set-is-dev-zero",
        lambda path: path.symlink_to("/dev/zero"),
        "error",
        "the set file is a symlink to an endless device",
    )
    corpus.special(
        "set-is-directory",
        lambda path: path.mkdir(),
        "error",
        "the set path is a directory",
    )
    if hasattr(os, "mkfifo"):
        corpus.special(
            "set-is-fifo",
            os.mkfifo,
            "error",
            "the set file is a named pipe no one writes",
        )
    corpus.special(
        "set-dangling-symlink",
        lambda path: path.symlink_to(folder / "nothing-here.yaml"),
        "error",
        "a symlink to nothing",
    )


def _sizes(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: size."""
    add = corpus.add
    megabytes = 6 if big else 2
    add(
        "huge-scalar",
        _replace("title: {id: Uji, en: Test}", "title: {id: Uji, en: Test}\nsource: ").replace(
            "source: ", "source: " + "a" * (megabytes << 20), 1
        ),
        "ok",
        f"a {megabytes} MB source string",
    )
    add(
        "huge-id",
        _replace("id: hostile", "id: " + "x" * (megabytes << 20)),
        "ok",
        f"a {megabytes} MB set id",
    )
    add(
        "huge-bad-id",
        _replace("id: hostile", "id: " + "X" * (megabytes << 20)),
        "error",
        f"a {megabytes} MB set id that breaks the pattern (the message must not repeat it)",
    )
    add(
        "huge-unknown-key",
        VALID + "? " + "k" * (megabytes << 20) + "\n: v\n",
        "error",
        "a key of several megabytes",
    )
    add(
        "huge-name",
        _replace("name: B, weight: 30", 'name: "' + "Nama " * 20_000 + '", weight: 30'),
        "ok",
        "a 100 kB indicator name",
    )
    add(
        "over-size-limit",
        VALID + "#" + "x" * (40 << 20) + "\n" if big else VALID + "#" + "x" * (17 << 20) + "\n",
        "error",
        "a set file larger than any indicator set (a comment line of megabytes)",
    )
    keys = 150_000 if big else 20_000
    add("many-tag-titles", _many_keys(keys), "either", f"{keys} tag titles")
    add("many-unknown-keys", _many_unknown_keys(keys), "error", f"{keys} unknown keys")
    add(
        "many-indicators",
        _many_indicators(3000 if big else 150),
        "ok",
        "hundreds of indicators in one group",
    )
    add("long-line", VALID + "# " + "y" * (1 << 20), "ok", "a 1 MB comment without a newline")


def _nesting(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: nesting."""
    add = corpus.add
    depth = 100_000 if big else 5000
    add(
        "deep-flow-lists",
        _replace("title: {id: Uji, en: Test}", "title: " + "[" * depth + "]" * depth),
        "error",
        f"[[[…]]] {depth} deep",
    )
    add(
        "deep-flow-maps",
        _replace("title: {id: Uji, en: Test}", "title: " + "{a: " * depth + "b" + "}" * depth),
        "error",
        f"{{a: {{a: …}}}} {depth} deep",
    )
    add(
        "deep-flow-unclosed",
        _replace("title: {id: Uji, en: Test}", "title: " + "[" * depth),
        "error",
        f"{depth} unclosed brackets",
    )
    add("deep-block-lists", _block_lists(900), "error", "block sequences 900 deep")
    add("deep-groups", _nested_groups(400), "error", "groups nested 400 deep")
    add("deep-any-of", _nested_any_of(300), "error", "any_of nested 300 deep")
    add("nested-groups-ok", _nested_groups(12), "ok", "groups nested 12 deep are fine")


def _encodings(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: encodings."""
    add = corpus.add
    add(
        "invalid-utf8",
        _replace("name: B,", "name: B\udcff\udcfe,").encode("utf-8", "surrogateescape"),
        "error",
        "bytes that are not UTF-8",
    )
    add("latin1", _replace("name: B,", "name: Bé,").encode("latin-1"), "error", "Latin-1 text")
    add("bom-utf8", b"\xef\xbb\xbf" + VALID.encode(), "ok", "a UTF-8 byte-order mark")
    add("utf16-bom", VALID.encode("utf-16"), "ok", "UTF-16 with a byte-order mark")
    add("utf16-no-bom", VALID.encode("utf-16-le"), "error", "UTF-16 without a byte-order mark")
    add("bom-twice", b"\xef\xbb\xbf\xef\xbb\xbf" + VALID.encode(), "error", "two BOMs")
    add("nul-byte", _replace("name: B,", "name: B\0,"), "error", "a NUL byte")
    add("control-char", _replace("name: B,", "name: B\x07,"), "error", "a raw BEL character")
    add(
        "escaped-control-char",
        _replace("name: B,", 'name: "B\\x01\\0",'),
        "error",
        "control characters written as escapes (they cannot go into a workbook cell)",
    )
    add(
        "lone-surrogate-escape",
        _replace("name: B,", 'name: "B\\uD800",'),
        "error",
        "a lone surrogate written as an escape",
    )
    add("tabs-indentation", VALID.replace("    ", "\t"), "error", "tabs used for indentation")
    add("crlf", VALID.replace("\n", "\r\n"), "ok", "Windows line endings")
    add("cr-only", VALID.replace("\n", "\r"), "ok", "old Mac line endings")
    add(
        "unicode-line-separators",
        _replace("name: B,", "name: B\u2028\u2029\x85,"),
        "either",
        "Unicode line and paragraph separators inside a flow scalar",
    )
    add(
        "rtl-and-emoji",
        _replace("name: B,", 'name: "\u202e\U0001f600 B \u0628",'),
        "ok",
        "right-to-left overrides and emoji are just text",
    )


def _shapes(corpus: _Corpus, folder: Path, big: bool) -> None:
    """Cases: document shape."""
    add = corpus.add
    add("empty", b"", "error", "an empty file")
    add("whitespace-only", " \n\n\t\n", "error", "nothing but white space")
    add("comments-only", "# nothing\n# here\n", "error", "nothing but comments")
    add("null-document", "~\n", "error", "a document that is null")
    add("list-document", "- id: x\n- id: y\n", "error", "a YAML list instead of a mapping")
    add("scalar-document", "spbe-2020\n", "error", "a YAML scalar instead of a mapping")
    add("number-document", "42\n", "error", "a number instead of a mapping")
    add("multi-document", VALID + "---\n" + VALID, "error", "two documents in one file")
    add("multi-document-empty", "---\n---\n", "error", "two empty documents")
    add("document-end-marker", VALID + "...\n", "ok", "an explicit end of document")
    add("directive", "%YAML 1.1\n---\n" + VALID, "ok", "a YAML directive")
    add("directive-bad-version", "%YAML 9.9\n---\n" + VALID, "error", "an unknown YAML version")
    add("unclosed-quote", _replace("name: B,", 'name: "B,'), "error", "an unclosed quote")
    add("binary-garbage", bytes(range(256)) * 64, "error", "random binary bytes")
    add("zip-instead", b"PK\x03\x04" + b"\0" * 100, "error", "a zip file given as a set")
    add("complex-key", VALID + "? [a, b]\n: c\n", "error", "a sequence as a key")
    add("null-key", VALID + "~: c\n", "error", "a null key")
    add("groups-null", _replace("groups:\n", "groups: ~\nx:\n"), "error", "groups set to null")
    add(
        "indicator-is-list",
        _replace('- {id: "2", name: B, weight: 30}', "- [2, B, 30]"),
        "error",
        "an indicator written as a list",
    )


def _many_indicators(count: int) -> str:
    head = VALID.split("groups:\n", 1)[0]
    lines = [
        "groups:",
        "  - id: G",
        "    name: G",
        f"    weight: {count}",
        "    scale: proses",
        "    indicators:",
    ]
    lines += [f"      - {{id: M{n}, name: M{n}, weight: 1}}" for n in range(count)]
    return head.replace("total_weight: 100", f"total_weight: {count}") + "\n".join(lines) + "\n"
