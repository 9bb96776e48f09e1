"""Text matching that ignores case, spacing and Vietnamese diacritics.

Agencies type "Sở Y tế", "SO Y TE" or "so  y te" for the same thing; Excel on a
Vietnamese Windows may store decomposed (combining) tone marks.  Every comparison of
user text against known names goes through :func:`fold`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), collapse inner spaces, trim."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().lower()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would execute (leading = + - @, tab, CR) by
    prefixing an apostrophe; numbers, including negative ones, pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        try:
            float(value)
            return value  # "-5" is a number, not a formula
        except ValueError:
            return "'" + value
    return value


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest known spelling to ``word``, or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return matches[0] if matches else None
