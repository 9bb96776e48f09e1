"""Text matching that ignores case, spacing and Vietnamese diacritics.

Agencies type "Sở Y tế", "SO Y TE" or "so  y te" for the same thing; Excel on a
Vietnamese Windows may store decomposed (combining) tone marks.  Every comparison of
user text against known names goes through :func:`fold`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d), collapse inner spaces, trim."""
    if text.isascii():  # codes and most cells: nothing to strip
        return " ".join(text.split()).lower()
    bare = text.translate(_LATIN)  # Vietnamese letters and combining marks, one C-level pass
    if bare.isascii():
        return " ".join(bare.split()).lower()
    return _fold_unicode(text)


def _fold_unicode(text: str) -> str:
    # đ and Đ (written as escapes: no Vietnamese literal outside the catalogue) have no decomposition
    decomposed = unicodedata.normalize("NFKD", text.replace("\u0111", "d").replace("\u0110", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare).strip().lower()


def _latin_table() -> dict[int, str]:
    """Each accented Latin letter (Vietnamese ones among them) → what :func:`_fold_unicode`
    makes of it, where that is plain ASCII; combining marks → nothing.  Folding char by
    char gives the same as folding the whole text: NFKD works per character, and the
    marks it reorders are all dropped."""
    table = {}
    for code in (*range(0x00C0, 0x0250), *range(0x0300, 0x0370), *range(0x1E00, 0x1F00)):
        folded = _fold_unicode(chr(code)) if not unicodedata.combining(chr(code)) else ""
        if folded.isascii() and not folded.isspace():
            table[code] = folded
    return table


_LATIN = _latin_table()


_SEPARATOR = "\x00"  # in no name anyone types; a batch holding one is folded text by text
_BATCH = 1024  # texts folded together: an odd text costs its batch the slow way, not the whole list
# In UTF-8 the marks U+0300–U+036F, into which NFKD decomposes Vietnamese (and most Latin)
# letters, are the two-byte characters led by 0xCC or 0xCD.  All of them combine (class ≠ 0)
# but U+034F, which joins nothing and is kept; 0xCD also leads U+0370–U+037F, Greek.
_ASCII_AND_MARK_BYTES = bytes(range(0xC0)) + b"\xcc\xcd"  # what is left is led by another byte
_NOT_MARKS = re.compile(rb"\xcd[\x8f\xb0-\xbf]")
_NOT_ASCII = bytes(range(0x80, 0x100))
# The separator as a space and what else str.split() splits on in ASCII as 0x01: then two
# spaces, or one at either end, are a text's spacing fold() would change (an empty text or
# a 0x01 written in one only sends the batch the slow way).
_SPACING = bytes.maketrans(b"\x00\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " + b"\x01" * 9)


def fold_all(texts: Sequence[str], batch: int = _BATCH) -> list[str]:
    """:func:`fold` of each text, the same to the character, a batch at a time.

    A ministry's 68,000 agency names and aliases cost 45 ms folded one by one, most of it
    calls and small strings; joined, a batch is decomposed, stripped of its marks and
    lower-cased in a few passes in C (twice as fast).  A batch any of whose texts these
    passes would fold differently (a letter that is not Latin, a mark outside
    U+0300–U+036F, spacing to collapse) is folded text by text."""
    folded: list[str] = []
    for start in range(0, len(texts), batch):
        some = texts[start : start + batch]
        folded += _fold_batch(some) or [fold(text) for text in some]
    return folded


def _fold_batch(texts: Sequence[str]) -> list[str] | None:
    """The folded texts, or None when some text needs :func:`fold` itself."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return None
    if joined.isascii():
        data = joined.encode("ascii")
    else:
        # NFKD decomposes character by character, and the separator (class 0) stops the
        # reordering of marks: each text decomposes as it would alone.
        decomposed = unicodedata.normalize("NFKD", joined.replace("\u0111", "d").replace("\u0110", "D"))
        utf8 = decomposed.encode("utf-8", "surrogatepass")  # a lone surrogate is led by 0xED: the slow way
        if utf8.translate(None, _ASCII_AND_MARK_BYTES) or _NOT_MARKS.search(utf8):
            return None
        data = utf8.translate(None, _NOT_ASCII)  # ASCII and combining marks only: drops the marks
    data = data.lower()
    spacing = data.translate(_SPACING)
    if b"\x01" in spacing or b"  " in spacing or spacing.startswith(b" ") or spacing.endswith(b" "):
        return None
    return data.decode("ascii").split(_SEPARATOR)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A figure in either language's marks ("-5", "-20,00", "-1,234.50", "+3%") is a number, not a formula.
_FIGURE = re.compile(r"[-+]?\d[\d.,]*%?")


def safe_cell(value: object) -> object:
    """Neutralise text a spreadsheet would execute (leading = + - @, tab, CR) by
    prefixing an apostrophe; numbers, including negative ones, pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _FIGURE.fullmatch(value):
        return "'" + value
    return value


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The closest known spelling to ``word``, or None when nothing is close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return matches[0] if matches else None


class Suggester:
    """ "Did you mean …?" over a catalogue of any size, each distinct word looked up once.

    difflib compares a word with every candidate: fine for the plan's 29 indicators and
    27 agencies, far too slow for a ministry's 20,000 reporting units.  Past
    ``SMALL`` candidates, a deletion index (each key with one character removed) finds
    the keys within about two edits in constant time, and difflib ranks only those.
    """

    SMALL = 2000
    # Past this many distinct unknown words the file is most likely checked against the
    # wrong list altogether, and a guess for each would be noise (and slow): no more.
    MAX_WORDS = 100

    def __init__(self, candidates: Iterable[str]):
        self.candidates = list(dict.fromkeys(candidates))
        self.cache: dict[str, str | None] = {}
        self.index: dict[str, list[str]] | None = None
        self.silent = False

    def expect(self, words: Iterable[str]) -> None:
        """Told every word one run will look up: past MAX_WORDS distinct ones, none is
        (they are not typos of a list, and the index of a big catalogue is not built)."""
        self.silent = len(set(words)) > self.MAX_WORDS

    def __call__(self, word: str) -> str | None:
        if self.silent:
            return None
        if word not in self.cache:
            if len(self.cache) >= self.MAX_WORDS:
                return None
            pool = self.candidates if len(self.candidates) <= self.SMALL else self._near(word)
            self.cache[word] = suggest(word, pool)
        return self.cache[word]

    def _near(self, word: str) -> list[str]:
        if self.index is None:
            self.index = {}
            for key in self.candidates:
                for variant in _deletions(key):
                    self.index.setdefault(variant, []).append(key)
        near: dict[str, None] = {}
        for variant in _deletions(word):
            near.update(dict.fromkeys(self.index.get(variant, ())))
        return list(near)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
