"""Reading one plan file: YAML safely parsed, every schema problem a finding with its line.

A plan file is validated item by item when it is not valid as a whole, so that one bad
indicator neither hides the problems of the others nor stops the cross-checks of the
good ones (``cds plan check`` lists every problem in one run).
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..findings import Finding, Severity
from ..words.messages import TEXTS, Term

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10× faster
_NUMBER_ERRORS = {"float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"}
_ERROR_CODES = {
    "finite_number": "number_not_finite",
    "missing": "field_missing",
    "extra_forbidden": "field_unknown",
    "unexpected_keyword_argument": "field_unknown",  # the same, in a dataclass
    "literal_error": "value_not_allowed",
    "string_type": "value_not_text",
    "list_type": "value_not_list",
    "tuple_type": "value_not_list",
    "dict_type": "value_not_mapping",
    "model_type": "value_not_mapping",
    "model_attributes_type": "value_not_mapping",
    "dataclass_type": "value_not_mapping",
    **dict.fromkeys(_NUMBER_ERRORS, "value_not_number"),
}


if TYPE_CHECKING:
    _LoaderBase = yaml.SafeLoader
else:
    _LoaderBase = _SAFE_LOADER


class _PlanLoader(_LoaderBase):
    """The safe loader, noting every key written twice in one mapping: YAML silently keeps
    the last value, so an analyst who pasted a second ``target:`` under an indicator would
    score against whichever came last without knowing there were two."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[str, int, int]] = []  # (key, its line, the line it was first written on)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Checked before the base class merges ``<<`` keys into the node: a key that
        # overrides a merged one is what a merge is for, not a repetition.  A node is
        # constructed once however many aliases name it, so an alias bomb stays cheap.
        # By key, not by line: `{target: 30, target: 45}` repeats a key on one line.
        first: dict[tuple[str, str], int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == "tag:yaml.org,2002:merge":
                continue
            line = key.start_mark.line + 1
            written = (key.tag, key.value)
            if written in first:
                self.repeated.append((key.value, line, first[written]))
            else:
                first[written] = line
        return super().construct_mapping(node, deep)


@dataclass
class Document:
    """A parsed plan file that can tell the line of any key path (for messages)."""

    path: Path
    raw: Any
    node: yaml.Node | None
    data: bytes  # the file as read
    model: Any = None  # the validated model; built from the valid items when some are not
    kept: dict[str, list[Any]] = field(default_factory=dict)  # list field → the file positions of its valid items

    def items(self, name: str) -> list[tuple[Any, Any]]:
        """(position in the file, model) of each valid item of a list field, so that a
        message points at the right line even when invalid items were left out."""
        values = getattr(self.model, name)
        return list(zip(self.kept.get(name, range(len(values))), values, strict=False))

    def line(self, loc: tuple[Any, ...]) -> int | None:
        if self.node is None and self.data.strip():  # parsed as JSON: compose only now
            self.node = yaml.compose(self.data.decode("utf-8"), Loader=_SAFE_LOADER)
        node, line = self.node, None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                node = node.value[key] if key < len(node.value) else None
            else:
                break
            if node is None:
                break
            line = node.start_mark.line + 1
        return line

    def finding(self, code: str, loc: tuple[Any, ...] = (), severity: Severity = "error", **params: Any) -> Finding:
        return Finding(code, severity, str(self.path), self.line(loc), None, {"path": self.path_text(loc), **params})

    def path_text(self, loc: tuple[Any, ...]) -> str:
        """``indicators[3] (gov.dossiers_online).target``: where in the file, in its own words."""
        text, node = "", self.raw
        for key in loc:
            text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
            node = node[key] if _can_index(node, key) else None
            if isinstance(key, int) and isinstance(node, dict):
                name = node.get("id") or node.get("indicator") or node.get("code")
                text += f" ({name})" if isinstance(name, str) else ""
        return text or "(top level)"


def _can_index(node: Any, key: Any) -> bool:
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def read_document(path: Path) -> tuple[Document | None, list[Finding]]:
    """The parsed file, or the one finding that says why it cannot be read."""
    where = str(path)
    try:
        # Bytes, not read_text(): its newline translation cost a ministry's 3 MB file 2 ms of
        # 6, and the YAML and JSON parsers read "\r\n" and "\r" as line breaks themselves.
        data = path.read_bytes()
        raw = _plain_json(data)
        text = data.decode("utf-8") if raw is None else ""
    except FileNotFoundError:
        return None, [Finding("plan_file_missing", "error", where, None, None)]
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return None, [Finding("plan_file_unreadable", "error", where, None, None, {"reason": reason})]
    if raw is not None:
        return Document(path, raw, None, data), []
    try:
        raw, node, repeated = _parse(text)
    except RecursionError:
        return None, [Finding("yaml_invalid", "error", where, None, None, {"problem": "nested too deeply"})]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        return None, [
            Finding("yaml_invalid", "error", where, mark.line + 1 if mark else None, None, {"problem": problem})
        ]
    findings = [
        Finding("duplicate_key", "error", where, line, None, {"key": key, "first": first})
        for key, line, first in repeated
    ]
    return Document(path, raw if raw is not None else {}, node, data), findings


_JSON_START = re.compile(rb"[ \t\r\n]*\{")
_ESCAPED_COLON = b"\\u003"  # ":" written as \u003a or \u003A (and, needlessly, "0"-"9" ";" to "?")


def _plain_json(data: bytes) -> dict[str, Any] | None:
    """A JSON plan file read by orjson straight from its bytes, or None when orjson does
    not read it or a key may be written twice in it: :func:`_parse` then decides.

    A ministry's agencies are 3 MB of JSON. Decoded to text (6 MB: two bytes a Vietnamese
    letter) and parsed with a hook checking each object for a repeated key, they took 30
    ms; orjson reads the bytes in 16, and the check below takes 5. Like any parser without
    a hook, orjson keeps the last of a repeated key silently; the colons tell. Each key
    written is one colon outside the strings. Each colon inside a string is a colon byte in
    the file (a file writing one as the escape \\u003a goes the slower way) and one in
    orjson's compact dump of what it kept. So the file has more colons than the dump
    exactly when a key, with its value, was dropped.

    orjson refuses what the standard parser accepts beyond JSON (NaN, a byte order mark,
    a lone surrogate): those go to :func:`_parse` as before. It reads a whole number past
    64 bits as the nearest float, as every plan field but the years (which must have four
    digits) reads it anyway."""
    if not _JSON_START.match(data) or _ESCAPED_COLON in data:
        return None
    try:
        raw = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    try:
        kept = orjson.dumps(raw)
    except orjson.JSONEncodeError:  # nested past the 255 levels orjson writes
        return None
    if data.count(b":") != kept.count(b":"):
        return None  # a key written twice: the hooked parser, then the YAML one, say where
    return raw


def _parse(text: str) -> tuple[Any, yaml.Node | None, list[tuple[str, int, int]]]:
    """The document and its node tree (to point messages at the line of a bad value).

    A safe loader only: a plan file must never be able to construct Python objects.
    JSON is YAML too, and a machine-written plan file (a ministry's 20,000 reporting
    units) loads a hundred times faster through a JSON parser; its node tree is then
    composed only if a message needs a line (a repeated key sends it to the YAML parser,
    which says on which line)."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text, object_pairs_hook=_unique_keys), None, []
        except ValueError:
            pass  # YAML flow syntax that is not strict JSON, or a repeated key: the YAML parser decides
    loader = _PlanLoader(text)
    try:
        node = loader.get_single_node()
        raw = loader.construct_document(node) if node is not None else None
        return raw, node, loader.repeated
    finally:
        loader.dispose()


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) < len(pairs):
        raise ValueError("a key is repeated")
    return mapping


def validate_document(document: Document, model: type[BaseModel]) -> list[Finding]:
    """Validate against ``model``; on failure, item by item, keeping the valid items."""
    try:
        document.model = model.model_validate(document.raw)
        return []
    except ValidationError:
        pass  # find every problem, and what is still usable
    if not isinstance(document.raw, dict):
        return [document.finding("value_not_mapping")]
    findings: list[Finding] = []
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in document.raw:
            if info.is_required():
                findings.append(_missing(document, (name,), info.annotation))
            continue
        values[name] = _validate_field(document, name, info.annotation, findings)
    findings += [document.finding("field_unknown", (key,)) for key in document.raw if key not in model.model_fields]
    complete = all(values.get(name) is not None for name, info in model.model_fields.items() if info.is_required())
    document.model = model.model_construct(**values) if complete else None
    return findings


def _validate_field(document: Document, name: str, annotation: Any, findings: list[Finding]) -> Any:
    """One top-level field; a list or mapping of models is validated one item at a time."""
    value = document.raw[name]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    items: Iterable[tuple[Any, Any]]
    if origin is list and isinstance(value, list):
        items = enumerate(value)
    elif origin is dict and isinstance(value, dict):
        items = value.items()
    else:
        return _validated(document, (name,), annotation, value, findings)
    item_type = args[-1]
    good = {key: _validated(document, (name, key), item_type, item, findings) for key, item in items}
    kept = {key: item for key, item in good.items() if item is not None}
    if origin is list:
        document.kept[name] = list(kept)
        return list(kept.values())
    return kept


def _validated(document: Document, loc: tuple[Any, ...], annotation: Any, value: Any, findings: list[Finding]) -> Any:
    try:
        return _adapter(annotation).validate_python(value)
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for error in exc.errors():
            where = loc + tuple(part for part in error["loc"] if not _is_union_branch(part))
            if where not in seen:  # one finding per place, not one per branch of a union
                seen.add(where)
                findings.append(
                    _missing(document, where, _field_type(annotation, error["loc"]))
                    if error["type"] == "missing"
                    else _schema_finding(document, where, error)
                )
        return None


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    if annotation not in _ADAPTERS:
        _ADAPTERS[annotation] = TypeAdapter(annotation)
    return _ADAPTERS[annotation]


def _is_union_branch(part: Any) -> bool:
    """pydantic adds the tried type to an error's place inside unions ("float", "literal['done']")."""
    return isinstance(part, str) and (
        part in {"float", "int", "str", "bool", "none"} or "[" in part or part.startswith("function-")
    )


def _missing(document: Document, loc: tuple[Any, ...], annotation: Any) -> Finding:
    """A required key not written; when only some values are allowed, they are named, so the
    writer of a pack need not guess them (nor write a wrong one first to be told)."""
    allowed = _choices(annotation)
    choices = Term("allowed_values", {"values": ", ".join(allowed)}) if allowed else ""
    return document.finding("field_missing", loc, allowed=choices)


def _field_type(annotation: Any, loc: tuple[Any, ...]) -> Any:
    """The annotation of the field at ``loc`` inside ``annotation`` (None when it cannot be told)."""
    for part in loc:
        if isinstance(part, int) or _is_union_branch(part):
            continue
        # a model's fields, or a validated dataclass's (an agency)
        fields = getattr(annotation, "model_fields", None) or getattr(annotation, "__pydantic_fields__", None)
        if not fields or part not in fields:
            return None
        annotation = fields[part].annotation
    return annotation


def _choices(annotation: Any) -> list[str]:
    """The values a ``Literal`` (possibly optional, or in a union with a number) allows."""
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return [choice for arg in typing.get_args(annotation) for choice in _choices(arg)]


_MODEL_FIELDS = {"due_invalid": "due", "baseline_period_invalid": "period"}


def _schema_finding(document: Document, loc: tuple[Any, ...], error: Any) -> Finding:
    kind = error["type"]
    code = _ERROR_CODES.get(kind) or (kind if f"finding.{kind}" in TEXTS else "value_invalid")
    given = error.get("input")
    if kind in _MODEL_FIELDS and isinstance(given, dict):  # a model's own rule: the value of its field
        given = given.get(_MODEL_FIELDS[kind])
    context = error.get("ctx") or {}
    bounds = {k: v for k, v in context.items() if isinstance(v, (int, float, str))}  # a rule's limit, for its message
    params = bounds | {"value": _shown(given), "expected": context.get("expected", ""), "detail": error.get("msg", "")}
    return document.finding(code, loc, **params)


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    return text if len(text) <= 80 else text[:80] + "…"
