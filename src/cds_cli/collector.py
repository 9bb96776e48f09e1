"""Python's cyclic garbage collector paused while cds builds many objects that all live on.

Loading a ministry's plan (22,728 agencies: some 200,000 objects of parsed file, models and
lookups) and checking a million rows (thousands of failing rows' records and findings)
allocate enough objects to set off collection after collection, each a walk over every
object alive (the plan's among them) that finds nothing: what they build is kept, and
holds no cycle to collect.  Reference counting still frees everything as usual.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for a block (or, as a decorator, a function), then back as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
