"""Which plan pack, language and sheet a command uses: options, environment, ``cds.toml``.

First match wins: the command-line option; for the pack, the environment variable
``CDS_PLAN``; the nearest ``cds.toml`` in the working directory or a parent; the bundled
pack and Vietnamese.  ``cds.toml`` may instead list packs, ``plans = ["bundled",
"plans/2024"]``: each row is then read against the pack covering its year
(:mod:`cds_cli.plan.packs`); ``--plan`` and ``CDS_PLAN`` still put everything under one
pack.  Wherever a pack directory is accepted, ``bundled`` names the pack
shipped with cds (a data repository can pin it beside its own packs).  A ``cds.toml``
that is not TOML, names an unknown key or holds a bad value stops the command (exit 2)
naming the file, the key and what is allowed: a silently ignored setting would score
against the wrong plan.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError
from .words.messages import DEFAULT_LANG, LANGS, Term

CONFIG_NAME = "cds.toml"
PLAN_VARIABLE = "CDS_PLAN"
BUNDLED = "bundled"  # the name of the pack shipped with cds, wherever a pack directory is accepted
_KEYS = ("plan", "plans", "lang", "sheet")  # what each allows: catalogue keys config.<key>


@dataclass(frozen=True)
class Settings:
    plan: Path | None  # the pack directory; None: the bundled pack
    lang: str
    sheet: str | None
    config: Path | None  # the cds.toml that was read, if any
    # cds.toml's plans = [...]: each pack as written and its directory (None: the bundled
    # pack); () when one pack is chosen (then ``plan``)
    plans: tuple[tuple[str, Path | None], ...] = ()

    @property
    def origin(self) -> str:
        """What chose the packs, for messages: the cds.toml."""
        return str(self.config or CONFIG_NAME)


def resolve(
    plan: str | Path | None = None,
    lang: str | None = None,
    sheet: str | None = None,
    cwd: Path | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """The settings of one command: its options first, then CDS_PLAN, then cds.toml."""
    variables: Mapping[str, str] = os.environ if environ is None else environ
    config_path = find_config(cwd or Path.cwd())
    config = read_config(config_path) if config_path else {}
    if plan is not None:
        chosen, origin = _pack(plan, Path()), "--plan"
    elif variables.get(PLAN_VARIABLE):
        chosen, origin = _pack(variables[PLAN_VARIABLE], Path()), PLAN_VARIABLE
    elif "plan" in config:
        assert config_path is not None
        chosen, origin = _pack(config["plan"], config_path.parent), str(config_path)
    else:
        chosen, origin = None, ""
    if chosen is not None and not chosen.is_dir():
        raise UsageError("plan_dir_missing", origin=origin, path=str(chosen))
    listed: tuple[tuple[str, Path | None], ...] = ()
    if plan is None and not variables.get(PLAN_VARIABLE) and "plans" in config:
        assert config_path is not None
        listed = tuple((name, _listed(name, config_path)) for name in config["plans"])
    language, worksheet = lang or config.get("lang") or DEFAULT_LANG, sheet or config.get("sheet")
    return Settings(chosen, language, worksheet, config_path, listed)


def _listed(name: str, config_path: Path) -> Path | None:
    """A pack of ``plans = [...]``, relative to the cds.toml; a missing folder stops the
    command: its year's rows would all be rejected as outside every plan."""
    folder = _pack(name, config_path.parent)
    if folder is not None and not folder.is_dir():
        raise UsageError("plan_dir_missing", origin=str(config_path), path=str(folder))
    return folder


def _pack(value: str | Path, base: Path) -> Path | None:
    """A pack directory as given (relative to ``base``); None for the bundled pack."""
    return None if str(value) == BUNDLED else base / value


def find_config(start: Path) -> Path | None:
    """The ``cds.toml`` in ``start`` or the nearest parent that has one."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def read_config(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            config = tomllib.load(handle)
    except OSError as exc:
        raise UsageError("config_unreadable", file=str(path), reason=exc.strerror or str(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError("config_invalid", file=str(path), problem=str(exc)) from None
    allowed = ", ".join(_KEYS)
    for key, value in config.items():
        if key not in _KEYS:
            raise UsageError("config_key", file=str(path), key=key, allowed=allowed)
        if not _allowed(key, value):
            raise UsageError("config_value", file=str(path), key=key, value=repr(value), allowed=Term(f"config.{key}"))
    if "plan" in config and "plans" in config:  # which would win is a guess either way
        raise UsageError("config_both", file=str(path))
    return config


def _allowed(key: str, value: Any) -> bool:
    if key == "plans":  # a non-empty list of pack directories, each once
        names = [item.strip() for item in value] if isinstance(value, list) and _texts(value) else []
        return bool(names) and len(set(names)) == len(names)
    return _texts([value]) and (key != "lang" or value in LANGS)


def _texts(values: list[Any]) -> bool:
    return all(isinstance(value, str) and value.strip() for value in values)
