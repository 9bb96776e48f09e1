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
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """The collector off for a block (or, as a decorator, a function), then back as it was.

    ``kept``: what the block built lives as long as the process (a plan), and goes straight
    to the oldest generation, walked only by a full collection; the first young collection
    after the pause walked all of it, 4 ms for a plan of 22,728 agencies, to find it alive.
    Not when the block leaves garbage of any size (its cycles would wait for a full
    collection), nor when something else froze objects (unfreezing would free them too)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if kept and not gc.get_freeze_count():
            gc.freeze()  # every tracked object out of the generations, and the young count to 0 …
            gc.unfreeze()  # … then all into the oldest: two list splices, nothing walked
        if was_enabled:
            gc.enable()


# True while start_up() has the collector off and started() has not been called yet.
_starting = False


@contextlib.contextmanager
def start_up() -> Iterator[None]:
    """The collector off while a command starts, until :func:`started` (or the end).

    A command's start-up - pandas, pyarrow, pydantic and typer imported, the options read,
    the plan loaded - builds hundreds of thousands of objects that all live on, and each
    collection walked them only to find them alive: 40-50 ms of every run (200 young and
    one full collection, measured on `cds score` of the examples and of a million rows).
    The data steps then run as before, with what start-up built frozen out of every later
    walk.  A command that reads no data ends with the collector still off: a short run."""
    global _starting
    was_enabled = gc.isenabled()
    gc.disable()
    _starting = was_enabled  # a collector the caller had turned off stays off
    try:
        yield
    finally:
        _starting = False
        if was_enabled:
            gc.enable()


def started() -> None:
    """Start-up is over (the data is about to be read): the collector back on, everything
    built so far frozen (moved where no collection walks it).  Nothing outside
    :func:`start_up`, or when it is called again."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()
