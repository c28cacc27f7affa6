"""How names are compared: a vocabulary value, a header, a sheet name or a Profil label
as the reader and the rules match them (case, spaces, hyphens, Unicode forms, invisible
characters and the marks officers add around a name set aside)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence


@functools.lru_cache(maxsize=1 << 16)
def normalise_token(text: str) -> str:
    """Casefold, treat ``-``/``_`` as spaces and collapse runs of white space.

    "Data-Terbuka", " data_terbuka " and "DATA  TERBUKA" all become "data terbuka".
    """
    return " ".join(_spaced(text).split())


def normalise_all(texts: Sequence[str]) -> list[str]:
    """``normalise_token`` of every text, in one pass over them all (for whole columns).

    The same steps on the texts joined by NUL, which neither casefolding nor the
    white-space rule touches (``str.split`` drops the characters ``str.isspace`` knows,
    and NUL is not one), so each part comes back as ``normalise_token`` would make it.
    """
    joined = "\0".join(texts)
    if joined.count("\0") != max(len(texts) - 1, 0):  # a text holds NUL itself
        return [normalise_token(text) for text in texts]
    if not texts:
        return []
    return [" ".join(part.split()) for part in _spaced(joined).split("\0")]


def _spaced(text: str) -> str:
    """``text`` casefolded, with hyphens and underscores as spaces."""
    return text.casefold().replace("-", " ").replace("_", " ")


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), " ")
"""Zero-width spaces and joiners, the word joiner, the byte-order mark and the soft
hyphen: invisible in a cell, often pasted from a web page."""
_QUALIFIER = re.compile(
    r"\((?:\s*\*\s*|wajib|harus diisi|diisi|opsional|optional|required|pilih|pilihan)\)",
    re.IGNORECASE,
)
"""A parenthesised remark that marks a header as required or optional, not part of it."""
_PUNCTUATION = re.compile(r"[:*.,;!?\"'\u2018\u2019\u201c\u201d]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@functools.lru_cache(maxsize=4096)
def header_key(text: str) -> str:
    """A header, sheet name or Profil label as compared with the contract's spellings.

    Unicode NFKC (full-width letters, ligatures, the no-break and other Unicode spaces
    become plain ones), zero-width characters removed, case and white space as
    ``normalise_token``, and the marks officers add around a name ignored: ``:``, ``*``,
    ``.``, ``(wajib)``. "Tgl. Reviu*", "STATUS\u200b" and "Nama\u00a0Aplikasi (wajib)"
    become "tgl reviu", "status" and "nama aplikasi".
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _PUNCTUATION.sub(" ", _QUALIFIER.sub(" ", text))
    return normalise_token(text)


def header_keys(text: str) -> tuple[str, ...]:
    """``header_key`` of ``text``, then of ``text`` without its parenthesised parts
    ("Anggaran (Rp)", "Tingkat Layanan (1-5)"), when that differs."""
    first = header_key(text)
    bare = header_key(_BRACKETED.sub(" ", text))
    return (first, bare) if bare and bare != first else (first,)
