"""How wide a line of Times New Roman is, to size the rules and line breaks of a Word
document (Nghị định 30: the rule under the issuer is 1/3–1/2 of its line, the motto's as
long as the motto) without asking the machine for fonts it may not have.

The advance widths are those of Liberation Serif, metric-compatible with Times New Roman
(``times_widths.json``); a Vietnamese letter is as wide as its base letter, except the
horned ơ/ư and đ, which have glyphs of their own.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources

CM_PER_PT = 2.54 / 72
_HORN = "\u031b"


@functools.cache
def _widths() -> dict[str, dict[str, float]]:
    return json.loads(resources.files(__package__).joinpath("times_widths.json").read_text(encoding="utf-8"))


def _advance(char: str, table: dict[str, float]) -> float:
    if char in table:
        return table[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if _HORN in decomposed and base in "oOuU":
        base = unicodedata.normalize("NFC", base + _HORN)
    return table.get(base, table["n"])  # anything else: about an "n"


def width_cm(text: str, size_pt: float, style: str = "regular") -> float:
    """The width of ``text`` set in Times New Roman ``size_pt`` (regular, bold or italic), in cm."""
    table = _widths()[style]
    return sum(_advance(char, table) for char in text) * size_pt * CM_PER_PT


def lines_within(text: str, room_cm: float, size_pt: float, style: str = "regular") -> list[str]:
    """``text`` on one line when it fits ``room_cm``; else broken between words, at a
    ``\\n`` the text marks as its natural break when there is one, otherwise where the
    two lines come out most even — never inside a word."""
    marked = [part.strip() for part in text.split("\n")]
    whole = " ".join(marked)
    if width_cm(whole, size_pt, style) <= room_cm:
        return [whole]
    if len(marked) > 1:
        return marked
    words = whole.split()
    splits = [(" ".join(words[:k]), " ".join(words[k:])) for k in range(1, len(words))]
    if not splits:
        return [whole]
    return list(min(splits, key=lambda pair: max(width_cm(line, size_pt, style) for line in pair)))
