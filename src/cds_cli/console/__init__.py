"""The command line: the typer app (:mod:`.app`), the renderers (:mod:`.render`) and the
terminal tables (:mod:`.terminal`).  The core (everything outside this package) never
imports from here, so scripts get the library without typer or rich."""

from .app import app, main

__all__ = ["app", "main"]
