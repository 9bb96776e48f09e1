"""Exceptions for "cannot continue" situations.

Problems with *submitted data* are never exceptions: they are findings collected in a
report (see :mod:`cds_cli.findings`).  An exception here means the run cannot go on at
all — the plan file is broken, an option makes no sense — and the CLI maps every one of
them to exit code 2 in a single place.
"""

from __future__ import annotations


class CdsError(Exception):
    """Base class: a message meant for the user, no traceback."""


class PlanError(CdsError):
    """A plan data file (targets, baseline, agencies) cannot be loaded or is inconsistent."""


class UsageError(CdsError):
    """An option or argument that makes no sense (bad period, missing input path...)."""
