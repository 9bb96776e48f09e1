"""Hardening: try to break cds with random, hostile and malicious input.

Every test asserts what a user sees — the exit code, the JSON of ``--format json`` and
that no traceback escapes (CliRunner swallows exceptions into ``result.exception`` with
exit code 1, so "no crash" is checked on ``result.exception`` too).

1. property-based tests (hypothesis, small example budgets: the file runs in ~40 s);
2. hostile inputs, each expected to give one clear finding or message;
3. output neutralisation (text a spreadsheet would execute).

The property-based tests and the giant inputs (a million rows or cells, 200 MB) are marked
``slow``: ``-m "not slow"`` leaves them out of the quick loop, CI runs them all.

A failure here is a misbehaviour of cds to fix in src/, not a test to weaken: while it is
open, mark the test ``xfail(strict=True, reason=...)`` (strict, so the fix is noticed and
the mark removed).  Every bug this file found so far has been fixed.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import itertools
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from conftest import HEADER, cds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cds_cli
from cds_cli.numbers import parse_counts, parse_percents
from cds_cli.plan import load_plan
from cds_cli.text import fold, safe_cell

PLAN = load_plan()
INDICATORS = {ind.id: ind for ind in PLAN.indicators}
PACKAGE_DATA = Path(cds_cli.__file__).parent / "data"
HEADER_VI = "Đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Tử số,Mẫu số,Giá trị,Ghi chú\n"
COLUMNS = ["agency", "period", "indicator", "numerator", "denominator", "value", "note"]


# CDS_HARDENING_SCALE=10 runs ten times the examples (a deeper hunt, outside CI's budget).
_SCALE = int(os.environ.get("CDS_HARDENING_SCALE", "1"))


def hypothesis_settings(max_examples: int):
    return settings(
        deadline=None,
        max_examples=max_examples * _SCALE,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


# --------------------------------------------------------------------------- helpers


def no_crash(result, allowed=(0, 1)):
    """The run ended on purpose (an exit code), never on an exception or traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"cds crashed: {result.exception!r}\n{result.output[-3000:]}"
    )
    assert result.exit_code in allowed, (result.exit_code, result.output[-3000:])
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr
    return result


def _no_constant(name: str):
    raise AssertionError(f"{name} in JSON output: not valid JSON (jq and most parsers refuse it)")


def strict_json(text: str):
    """Parse as a strict JSON parser would: NaN and Infinity are not JSON."""
    return json.loads(text, parse_constant=_no_constant)


STATUSES_OUT = {"no_data", "achieved", "on_track", "at_risk", "off_track", "not_achieved"}
FINAL_STATUSES = {"achieved", "not_achieved", "no_data"}  # at and after the due quarter, nothing else


def check_score_doc(doc: dict) -> None:
    """What every `cds score --format json` document must satisfy (README: Scoring)."""
    assert {ind["id"] for ind in doc["indicators"]} == set(INDICATORS)
    for ind in doc["indicators"]:
        assert ind["status"] in STATUSES_OUT, ind
        assert ind["status"] in doc["statuses"], (ind, doc["statuses"])  # the legend names every status shown
        if doc["period"] is not None and doc["period"] >= ind["due"]:
            assert ind["status"] in FINAL_STATUSES, ind
        else:
            assert ind["status"] != "not_achieved", ind
        if ind["status"] == "no_data":
            assert ind["value"] is None and ind["attainment"] is None and ind["met"] is None, ind
        else:
            assert ind["value"] is not None and ind["attainment"] is not None and ind["met"] is not None, ind
            if ind["unit"] == "percent":
                assert 0 <= ind["value"] <= 100, ind
    for pillar in doc["pillars"]:
        assert pillar["score"] is None or 0 <= pillar["score"] <= 100, pillar
        assert 0 <= pillar["coverage"] <= 1, pillar
    assert doc["index"]["score"] is None or 0 <= doc["index"]["score"] <= 100, doc["index"]
    assert 0 <= doc["index"]["coverage"] <= 1, doc["index"]
    rows = doc["rows"]
    assert rows["read"] == rows["accepted"] + rows["rejected"], rows


def check_validate_doc(result, doc: dict) -> None:
    """What every `cds validate --format json` document must satisfy (README: Submission files)."""
    rows = doc["rows"]
    for key in ("read", "accepted", "rejected", "blank"):
        assert isinstance(rows[key], int) and rows[key] >= 0, rows
    assert rows["read"] == rows["accepted"] + rows["rejected"], rows
    for summary in doc.get("files", []):
        r = summary["rows"]
        assert r["read"] == r["accepted"] + r["rejected"], summary
    if doc.get("files"):
        for key in ("read", "accepted", "rejected", "blank"):
            assert sum(f["rows"][key] for f in doc["files"]) == rows[key], (key, doc["files"], rows)
    errors = [i for i in doc["issues"] if i["severity"] == "error"]
    assert doc["valid"] is (not errors)
    assert result.exit_code == (0 if doc["valid"] else 1), (result.exit_code, doc["valid"])
    if rows["rejected"]:
        assert doc["issues"], "rows were rejected without any finding"
    for issue in doc["issues"]:
        assert issue["severity"] in ("error", "warning"), issue
        assert isinstance(issue["code"], str) and issue["code"], issue
        assert issue["line"] is None or (isinstance(issue["line"], int) and issue["line"] >= 1), issue
        assert isinstance(issue["message"], str) and issue["message"], issue


def validate(*args, allowed=(0, 1)) -> tuple[object, dict]:
    """`cds validate ARGS --format json`: no crash, JSON parses, the invariants hold."""
    result = no_crash(cds("validate", *args, "--format", "json", "--lang", "en"), allowed)
    doc = strict_json(result.stdout)
    check_validate_doc(result, doc)
    return result, doc


def codes(doc: dict) -> list[str]:
    return [issue["code"] for issue in doc["issues"]]


def write_bytes(directory: str | Path, name: str, data: bytes) -> Path:
    path = Path(directory, name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 the way Windows writes Vietnamese: base letters with their
    vowel marks precomposed (ơ, â, ă, …) and the tone mark as a separate combining
    character; anything the code page lacks is dropped."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out.append((base + tones).encode("cp1258", errors="ignore"))
    return b"".join(out)


# =========================================================================== 1. properties

# ---- 1a. arbitrary bytes --------------------------------------------------------------

_PREFIXES = [
    b"",
    HEADER.encode(),
    codecs.BOM_UTF8,
    codecs.BOM_UTF8 + HEADER.encode(),
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF16_LE + HEADER.encode("utf-16-le"),
]


@pytest.mark.slow
@hypothesis_settings(60)
@given(prefix=st.sampled_from(_PREFIXES), data=st.binary(max_size=2000))
def test_any_bytes_give_a_report_never_a_crash(prefix, data):
    with tempfile.TemporaryDirectory() as tmp:
        validate(write_bytes(tmp, "x.csv", prefix + data))


# ---- 1b. arbitrary text after a valid header, in the three encodings ----------------------

_VIETNAMESE = "ạảãáàâầấậẩẫăằắặẳẵđĐơờớợởỡưừứựửữêềếệểễôồốộổỗíìỉĩịýỳỷỹỵÝỲ"
_TOKENS = [
    "SYT",
    "Sở Y tế",
    "So Y te",
    "STTTT",
    "2023-Q2",
    "Quý II/2023",
    "Q3/2023",
    "2022-Q4",
    "gov.dossiers_online",
    "soc.adults_smartphone",
    "sec.soc_4_layer",
    "1.234",
    "1,234",
    "16,87%",
    "100",
    "-3",
    "done",
    "đang triển khai",
    '"',
    '""',
    '"a,b"',
    "\r\n",
    "=cmd|",
]
_CHAR = st.one_of(
    st.sampled_from(list(",;\t\"'\n\r\x00 %.-=+@")),
    st.sampled_from(list("0123456789")),
    st.sampled_from(list(_VIETNAMESE)),
    st.characters(codec="utf-8"),
)
_TEXT = st.lists(st.one_of(_CHAR, st.sampled_from(_TOKENS)), max_size=150).map("".join)
_HEADERS = [HEADER, HEADER.replace(",", ";"), HEADER.replace(",", "\t"), HEADER_VI, HEADER_VI.replace(",", ";")]


@pytest.mark.slow
@hypothesis_settings(15)
@given(header=st.sampled_from(_HEADERS), body=_TEXT)
def test_any_text_after_a_header_in_every_encoding(header, body):
    text = header + body
    encoded = {
        "utf-8": text.encode("utf-8"),
        "utf-16": text.encode("utf-16"),  # with BOM, as Excel's "Unicode text"
        "cp1258": to_cp1258(text),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for encoding, data in encoded.items():
            _, doc = validate(write_bytes(tmp, f"{encoding}.csv", data))
            # The header line is intact, so its columns must be found whatever follows.
            assert "missing_column" not in codes(doc), (encoding, doc["issues"][:3])


# ---- 1c. rows close to real data ----------------------------------------------------------

# Spellings with the agency code they must resolve to (checked in test_oracle_spellings).
AGENCY_SPELLINGS = {
    "SYT": "SYT",
    "Sở Y tế": "SYT",
    "so y te": "SYT",
    "  SỞ  Y TẾ ": "SYT",
    "Sở Y tế tỉnh Bạc Liêu": "SYT",
    "STTTT": "STTTT",
    "Sở Thông tin và Truyền thông": "STTTT",
    "stttt": "STTTT",
    "VPUBND": "VPUBND",
    "SKHDT": "SKHDT",
    "Sở Kế hoạch và Đầu tư": "SKHDT",
    "SCT": "SCT",
    "NHNN": "NHNN",
    "SGDDT": "SGDDT",
    "SLDTBXH": "SLDTBXH",
    "UBND_HD": "UBND_HD",
    "ubnd_gr": "UBND_GR",
    "CAT": "CAT",
}
GARBAGE_AGENCIES = ["", "XYZ", "Sở Y", "Bộ Y tế", "SYT SYT", "S\u200bYT", "=cmd|' /C calc'!A0", "SYT;", "Sở Y tế 2"]
PERIOD_SPELLINGS = {
    "2023-Q1": 1,
    "Q1/2023": 1,
    "Q2-2023": 2,
    "Quý 2/2023": 2,
    "Quý II/2023": 2,
    "quy iii/2023": 3,
    " 2023-q4 ": 4,
    "Quý IV/2023": 4,
    "Q3/2023": 3,
    "2023-Q3": 3,
}
GARBAGE_PERIODS = ["", "2022-Q4", "2024-Q1", "Q5/2023", "2023", "2023-Q0", "Quý V/2023", "abc", "Q2/23", "2023-Q2-01"]
GARBAGE_INDICATORS = [
    "",
    "gov.dossiers_onlin",
    "gov.dossier_online",
    "gov_dossiers_online",
    "soc.adults-smartphone",
    "sec.soc_4_layers",
    "econ",
    "x" * 40,
]
NUMBERS = [
    "",
    "0",
    "1",
    "3",
    "12",
    "45",
    "100",
    "101",
    "1.234",
    "1,234",
    "1.000",
    "1,000",
    "4.000",
    "16,87%",
    "62,5",
    "99.5",
    "-3",
    "-0",
    "abc",
    "1e309",
    "NaN",
    "inf",
    "12,5",
    "1234.0",
    " 7 ",
    "100%",
    "1.234,5",
    "0,5",
    "%",
    "1e-400",
    "9" * 30,
]
STATUSES = [
    "done",
    "in_progress",
    "not_started",
    "đã triển khai",
    "hoàn thành",
    "đang triển khai",
    "chưa triển khai",
    "Hoan Thanh",
    "DONE",
    "sắp xong",
    "in progress ",
]
VALID_STATUSES = STATUSES[:9]
_NOTE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), st.sampled_from(list(_VIETNAMESE + ',;\t"=\n'))
    ),
    max_size=15,
)


def _spellings_of(code: str) -> list[str]:
    return [s for s, c in AGENCY_SPELLINGS.items() if c == code] or [code]


def _count_text(n: int, style: str) -> str:
    if style == "plain" or n < 1000:
        return str(n)
    return f"{n:,}" if style == "intl" else f"{n:,}".replace(",", ".")


@st.composite
def clean_row(draw):
    """A row that is valid on its own: known agency allowed to report the indicator, a
    quarter of 2023, consistent figures."""
    ind = INDICATORS[draw(st.sampled_from(sorted(INDICATORS)))]
    code = ind.reporter or draw(st.sampled_from(sorted(set(AGENCY_SPELLINGS.values()) - {"CAT", "NHNN"})))
    agency = draw(st.sampled_from(_spellings_of(code)))
    period = draw(st.sampled_from(sorted(PERIOD_SPELLINGS)))
    numerator = denominator = value = ""
    if ind.unit == "milestone":
        value = draw(st.sampled_from(VALID_STATUSES))
    elif ind.aggregate == "pooled" or ind.time == "flow" or draw(st.booleans()):
        den = draw(st.integers(1, 50_000))
        num = draw(st.integers(0, den))
        style = draw(st.sampled_from(["plain", "intl", "vn"]))
        numerator, denominator = _count_text(num, style), _count_text(den, style)
        if draw(st.booleans()):
            value = f"{100 * num / den:.1f}"
            value = draw(st.sampled_from([value, value.replace(".", ","), value + "%", value.replace(".", ",") + " %"]))
    else:
        pct = draw(st.decimals(0, 100, places=2))
        value = draw(st.sampled_from([str(pct), str(pct).replace(".", ","), f"{pct}%"]))
    return {
        "agency": agency,
        "period": period,
        "indicator": ind.id,
        "numerator": numerator,
        "denominator": denominator,
        "value": value,
        "note": draw(_NOTE),
    }, (code, ind.id)


VALUE_CELLS = NUMBERS + STATUSES
POOLS = {
    "agency": sorted(AGENCY_SPELLINGS) + GARBAGE_AGENCIES,
    "period": sorted(PERIOD_SPELLINGS) + GARBAGE_PERIODS,
    "indicator": sorted(INDICATORS) + [i.upper() for i in sorted(INDICATORS)] + GARBAGE_INDICATORS,
    "numerator": NUMBERS,
    "denominator": NUMBERS,
    "value": VALUE_CELLS,
}


def _resolved_key(row: dict) -> tuple[str | None, str | None]:
    indicator = row["indicator"].strip().lower()
    return AGENCY_SPELLINGS.get(row["agency"]), indicator if indicator in INDICATORS else None


@st.composite
def mixed_row(draw):
    """Each cell independently from the real spellings or from garbage."""
    row = {column: draw(st.sampled_from(pool)) for column, pool in POOLS.items()}
    row["note"] = draw(st.one_of(st.just(""), _NOTE))
    return row, _resolved_key(row)


@st.composite
def mutated_row(draw):
    """A valid row with one cell replaced: mostly still plausible, often still valid."""
    row, _ = draw(clean_row())
    column = draw(st.sampled_from(sorted(POOLS)))
    row = dict(row, **{column: draw(st.sampled_from(POOLS[column]))})
    return row, _resolved_key(row)


def _write_rows(rows: list[dict], delimiter: str, vietnamese: bool) -> tuple[str, list[int]]:
    """The CSV text and the 1-based line on which each row starts."""
    header = HEADER_VI if vietnamese else HEADER
    out = io.StringIO()
    out.write(header.replace(",", delimiter))
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    starts = []
    for row in rows:
        starts.append(out.getvalue().count("\n") + 1)
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue(), starts


def test_oracle_spellings():
    """The test's own expectations about spellings agree with the contract's matching."""
    for spelling, code in AGENCY_SPELLINGS.items():
        assert PLAN.agency_lookup.get(fold(spelling)) == code, spelling
    for spelling in GARBAGE_AGENCIES:
        assert PLAN.agency_lookup.get(fold(spelling)) is None, spelling


@pytest.mark.slow
@hypothesis_settings(16)
@given(
    clean=st.lists(clean_row(), max_size=12, unique_by=lambda r: r[1]),
    mixed=st.lists(st.one_of(mixed_row(), mutated_row()), max_size=20),
    order=st.randoms(use_true_random=False),
    delimiter=st.sampled_from([",", ";", "\t"]),
    vietnamese=st.booleans(),
)
def test_realistic_rows_are_each_accepted_or_rejected_with_a_finding(clean, mixed, order, delimiter, vietnamese):
    tagged = [(row, key, True) for row, key in clean] + [(row, key, False) for row, key in mixed]
    order.shuffle(tagged)
    rows = [row for row, _, _ in tagged]
    text, starts = _write_rows(rows, delimiter, vietnamese)
    nonblank = [any(row[c].strip() for c in COLUMNS) for row in rows]
    data_lines = {line for line, filled in zip(starts, nonblank, strict=False) if filled}
    keys = [key for _, key, _ in tagged]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_bytes(tmp, "rows.csv", text.encode("utf-8"))
        _result, doc = validate(path)
        assert doc["rows"]["read"] == sum(nonblank), doc["rows"]
        assert doc["rows"]["blank"] == len(rows) - sum(nonblank), doc["rows"]
        assert all(issue["line"] is not None and issue["line"] >= 2 for issue in doc["issues"]), doc["issues"][:3]
        flagged = {issue["line"] for issue in doc["issues"]}
        assert flagged <= data_lines, (sorted(flagged - data_lines), starts)
        # Every rejected row has a finding on its own line, and accepted rows have none.
        assert len(flagged) == doc["rows"]["rejected"], (sorted(flagged), doc["rows"])
        # A valid row whose agency × indicator appears nowhere else is accepted.
        for (row, key, is_clean), line in zip(tagged, starts, strict=False):
            if is_clean and keys.count(key) == 1:
                assert line not in flagged, (row, [i for i in doc["issues"] if i["line"] == line])
        # Rejected rows never stop a score, and score counts the same rows.
        scored = strict_json(no_crash(cds("score", path, "--format", "json"), allowed=(0,)).stdout)
        check_score_doc(scored)
        assert scored["rows"] == doc["rows"]


def _finding_keys(doc: dict) -> list[tuple]:
    return sorted((i["code"], i["severity"], i["line"], i["column"]) for i in doc["issues"])


# Two rows that push the file past 1 MB (each line under the 1 MB line limit, README: Submission files).
PADDING_ROWS = [
    {
        "agency": "UBND_DH",
        "period": f"2023-Q{q}",
        "indicator": "gov.dossiers_online",
        "numerator": "1",
        "denominator": "2",
        "value": "",
        "note": "p" * 600_000,
    }
    for q in (1, 3)
]


@pytest.mark.slow
@hypothesis_settings(8)
@given(
    clean=st.lists(clean_row(), max_size=10, unique_by=lambda r: r[1]),
    mixed=st.lists(st.one_of(mixed_row(), mutated_row()), max_size=15),
    delimiter=st.sampled_from([",", ";", "\t"]),
    vietnamese=st.booleans(),
)
def test_encoding_and_file_size_do_not_change_findings(clean, mixed, delimiter, vietnamese):
    """The same rows give the same findings in UTF-8, UTF-8 with BOM, UTF-16 and
    Windows-1258, and when the file is big enough for the fast reader (> 1 MB)."""
    rows = [row for row, _ in clean] + [row for row, _ in mixed]
    text, _ = _write_rows(rows, delimiter, vietnamese)
    padded, _ = _write_rows(rows + PADDING_ROWS, delimiter, vietnamese)
    variants = {"utf-8-sig.csv": text.encode("utf-8-sig"), "utf-16.csv": text.encode("utf-16")}
    cp1258 = to_cp1258(text)
    if unicodedata.normalize("NFC", cp1258.decode("cp1258")) == unicodedata.normalize("NFC", text):
        variants["cp1258.csv"] = cp1258  # only when nothing was lost in the code page
    with tempfile.TemporaryDirectory() as tmp:
        _, reference = validate(write_bytes(tmp, "utf-8.csv", text.encode("utf-8")))
        for name, data in variants.items():
            _, doc = validate(write_bytes(tmp, name, data))
            assert _finding_keys(doc) == _finding_keys(reference), name
            assert doc["rows"] == reference["rows"], name
        _, big = validate(write_bytes(tmp, "big.csv", padded.encode("utf-8")))
        assert _finding_keys(big) == _finding_keys(reference)
        expected = dict(
            reference["rows"], read=reference["rows"]["read"] + 2, accepted=reference["rows"]["accepted"] + 2
        )
        assert big["rows"] == expected


# ---- 1d. the number parser against an independent reading of the contract -----------------


def _readings(body: str, leading_zeros: bool = False) -> list[tuple[str, Decimal]]:
    """Every syntactic reading of an unsigned number, international or Vietnamese
    (README: Submission files), as (kind, value).  A thousands group starts with 1–3 digits, the first
    not 0 (nobody groups "0,050"), followed by groups of exactly three digits; with
    ``leading_zeros`` (counts), zeros may stand before that first digit ("01.000" is a
    thousand typed with a stray zero)."""
    if re.fullmatch(r"[0-9]+", body):
        return [("plain", Decimal(body))]
    separators = {ch for ch in body if ch in ".,"}
    if not re.fullmatch(r"[0-9.,]+", body) or not separators:
        return []
    found = []
    if len(separators) == 1:
        sep = separators.pop()
        zeros = "0*" if leading_zeros else ""
        if re.fullmatch(rf"{zeros}[1-9][0-9]{{0,2}}(?:{re.escape(sep)}[0-9]{{3}})+", body):
            found.append(("grouped", Decimal(body.replace(sep, ""))))
        if re.fullmatch(r"[0-9]+[.,][0-9]+", body):
            found.append(("decimal", Decimal(body.replace(",", "."))))
    else:  # both marks: the last one is the decimal mark, the other groups thousands
        for thousands, mark in ((",", "."), (".", ",")):
            match = re.fullmatch(
                rf"([1-9][0-9]{{0,2}}(?:{re.escape(thousands)}[0-9]{{3}})+){re.escape(mark)}([0-9]+)", body
            )
            if match:
                found.append(("both", Decimal(match[1].replace(thousands, "") + "." + match[2])))
    return found


def _signed(text: str) -> tuple[int, str] | None:
    """Sign and body; a "-" must touch the digits."""
    text = text.strip()
    sign = 1
    if text.startswith("-"):
        sign, text = -1, text[1:]
    return (sign, text) if text else None


def _finite(value: Decimal) -> bool:
    return math.isfinite(float(value))  # 10**400 spelled out is not a number anyone sends


def count_readings(text: str) -> set[Decimal]:
    """Admissible readings of a count: whole numbers (the sign is judged later, by the
    count_negative rule).  "A . or , followed by exactly three digits groups thousands"
    rules out the decimal reading of a one-separator spelling that can be grouped
    (1.000 is 1000, not 1)."""
    signed = _signed(text)
    if signed is None:
        return set()
    sign, body = signed
    found = _readings(body, leading_zeros=True)
    if any(kind == "grouped" for kind, _ in found):
        found = [(kind, v) for kind, v in found if kind != "decimal"]
    return {sign * v for _, v in found if v == v.to_integral_value() and _finite(v)}


def percent_readings(text: str) -> set[Decimal]:
    """Admissible readings of a percent: every reading that lies within 0–100 (a trailing
    % allowed); the range decides."""
    text = text.strip()
    text = text.removesuffix("%")
    signed = _signed(text)
    if signed is None:
        return set()
    sign, body = signed
    return {sign * v for _, v in _readings(body) if 0 <= sign * v <= 100 and _finite(v)}


_NUMBERISH = st.text(alphabet="0123456789.,%- ", max_size=14)


@st.composite
def _structured_number(draw):
    """Digit groups joined by . and , — hits the grouping rules far more often."""
    first = draw(st.from_regex(r"[0-9]{1,4}", fullmatch=True))
    rest = draw(st.lists(st.tuples(st.sampled_from(".,"), st.from_regex(r"[0-9]{1,4}", fullmatch=True)), max_size=4))
    text = first + "".join(sep + digits for sep, digits in rest)
    sign = draw(st.sampled_from(["", "", "-", " -", "- "]))
    suffix = draw(st.sampled_from(["", "", "%", " %", " ", "%%"]))
    return sign + text + suffix


_NUMBER_CELLS = st.lists(st.one_of(_NUMBERISH, _structured_number()), min_size=1, max_size=40)


def _accepted(parsed, i: int, percent: bool) -> float | None:
    value, problem = parsed.value.iloc[i], parsed.problem.iloc[i]
    if problem is not None or pd.isna(value):
        return None
    if percent and not 0 <= value <= 100:
        return None  # kept only so that the range rule can name it: rejected
    return float(value)


@pytest.mark.slow
@hypothesis_settings(60)
@given(cells=_NUMBER_CELLS)
def test_counts_accepted_only_with_one_admissible_reading(cells):
    parsed = parse_counts(pd.Series(cells, dtype=object))
    for i, text in enumerate(cells):
        readings = count_readings(text)
        value = _accepted(parsed, i, percent=False)
        if value is not None:
            assert len(readings) == 1, (text, value, readings)
            assert math.isclose(value, float(next(iter(readings))), rel_tol=1e-12), (text, value, readings)
        if len(readings) > 1:
            assert value is None, (text, value, readings)


@pytest.mark.slow
@hypothesis_settings(60)
@given(cells=_NUMBER_CELLS)
def test_percents_accepted_only_with_one_admissible_reading(cells):
    parsed = parse_percents(pd.Series(cells, dtype=object))
    for i, text in enumerate(cells):
        readings = percent_readings(text)
        value = _accepted(parsed, i, percent=True)
        if value is not None:
            assert len(readings) == 1, (text, value, readings)
            assert math.isclose(value, float(next(iter(readings))), rel_tol=1e-12), (text, value, readings)
        if len(readings) > 1:
            assert value is None and parsed.problem.iloc[i] == "ambiguous", (text, value, readings)


@pytest.mark.slow
@hypothesis_settings(60)
@given(cells=_NUMBER_CELLS)
def test_a_spelling_with_exactly_one_admissible_reading_is_read(cells):
    """The converse: nothing readable is refused (or read differently)."""
    counts = parse_counts(pd.Series(cells, dtype=object))
    percents = parse_percents(pd.Series(cells, dtype=object))
    for i, text in enumerate(cells):
        for readings, parsed, percent in (
            (count_readings(text), counts, False),
            (percent_readings(text), percents, True),
        ):
            if len(readings) == 1:
                value = _accepted(parsed, i, percent)
                assert value is not None, (text, "percent" if percent else "count", readings, parsed.problem.iloc[i])
                assert math.isclose(value, float(next(iter(readings))), rel_tol=1e-12), (text, value, readings)


@pytest.mark.slow
@hypothesis_settings(20)
@given(cells=_NUMBER_CELLS)
def test_a_cell_reads_the_same_alone_and_among_others(cells):
    """The parser is vectorised: a cell's result must not depend on its neighbours."""
    for parser in (parse_counts, parse_percents):
        together = parser(pd.Series(cells, dtype=object))
        for i, text in enumerate(cells):
            alone = parser(pd.Series([text], dtype=object))
            assert together.problem.iloc[i] == alone.problem.iloc[0], (parser.__name__, text)
            a, b = together.value.iloc[i], alone.value.iloc[0]
            assert (pd.isna(a) and pd.isna(b)) or a == b, (parser.__name__, text, a, b)


# ---- 1d'. unclosed quotes and damaged workbooks -------------------------------------------

_PLAIN_NOTE = st.text(alphabet="abc xyz đơn vị 0123", max_size=12)


@pytest.mark.slow
@hypothesis_settings(15)
@given(
    rows=st.lists(clean_row(), min_size=1, max_size=10),
    notes=st.lists(_PLAIN_NOTE, min_size=10, max_size=10),
    opened=st.sets(st.integers(0, 9), min_size=1, max_size=3),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_an_unclosed_quote_never_hides_a_line(rows, notes, opened, delimiter):
    """A note that opens a quote and never closes it: every line holding data is still
    read, and each such quote with lines below it is one finding on its own line."""
    lines = [HEADER.replace(",", delimiter).rstrip("\n")]
    for i, (row, _) in enumerate(rows):
        note = ('"' if i in opened else "") + notes[i]
        lines.append(delimiter.join([*(row[c] for c in COLUMNS[:-1]), note]))
    with tempfile.TemporaryDirectory() as tmp:
        _, doc = validate(write_bytes(tmp, "q.csv", ("\n".join(lines) + "\n").encode()))
    assert doc["rows"]["read"] + doc["rows"]["blank"] == len(rows), doc["rows"]
    quoted = sorted(i + 2 for i in opened if i < len(rows) - 1)  # the last line swallows nothing
    found = sorted(i["line"] for i in doc["issues"] if i["code"] == "quote_unclosed")
    assert found == quoted, (found, quoted, doc["issues"][:5])


@functools.cache
def _sound_workbooks() -> dict[str, bytes]:
    """A workbook of each kind: an openpyxl .xlsx, and LibreOffice's .xls and .ods fixtures."""
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = _good_workbook(Path(tmp, "good.xlsx")).read_bytes()
    fixtures = Path(__file__).parent / "data" / "libreoffice"
    return {
        ".xlsx": xlsx,
        ".xls": (fixtures / "template.xls").read_bytes(),
        ".ods": (fixtures / "template.ods").read_bytes(),
    }


@pytest.mark.slow
@hypothesis_settings(40)
@given(
    suffix=st.sampled_from([".xlsx", ".xls", ".ods"]),
    cut=st.one_of(st.none(), st.floats(0, 1, exclude_max=True)),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(1, 255)), max_size=6),
)
def test_a_damaged_workbook_is_a_report_never_a_crash(suffix, cut, flips):
    """Truncated or byte-flipped .xlsx, .xls and .ods: a report with the invariants, and a
    file that cannot be read is exactly one finding on the file."""
    data = bytearray(_sound_workbooks()[suffix])
    if cut is not None:
        data = data[: int(len(data) * cut)]
    for where, mask in flips:
        if data:
            data[int(len(data) * where)] ^= mask
    with tempfile.TemporaryDirectory() as tmp:
        _, doc = validate(write_bytes(tmp, "book" + suffix, bytes(data)))
    on_file = [i for i in doc["issues"] if i["line"] is None]
    if on_file:
        assert len(doc["issues"]) == 1 and doc["rows"]["read"] == 0, doc["issues"]


# ---- 1e. scores do not depend on row order or file order -----------------------------------


def _shuffle_rows() -> list[str]:
    rows = []
    for a, agency in enumerate(["SYT", "STTTT", "SKHDT", "UBND_HD", "UBND_GR"]):  # pooled flow: 15
        for q in (1, 2, 3):
            den = 100 + 37 * a + 11 * q
            rows.append(f"{agency},2023-Q{q},gov.dossiers_online,{den * (20 + 5 * a + 3 * q) // 100},{den},,")
    for a, agency in enumerate(["SYT", "STC", "SNV", "UBND_PL"]):  # pooled stock: 8
        for q in (1, 2):
            den = 40 + 9 * a + q
            rows.append(
                f"{agency},Q{q}/2023,gov.online_services_with_applications,{den * (60 + 7 * a + 5 * q) // 100},{den},,"
            )
    rows += [f"STTTT,2023-Q{q},soc.adults_smartphone,,,{v}," for q, v in ((1, "78,5"), (2, "80"), (3, "79.25%"))]
    rows += [f"NHNN,Quý {q}/2023,soc.bank_accounts_15plus,,,{v}," for q, v in ((1, 47), (2, 49.5))]
    rows += [f"STTTT,2023-Q{q},soc.households_fiber,{n},1000,{n / 10:.1f}," for q, n in ((1, 612), (2, 655), (3, 702))]
    rows += [
        f"SCT,2023-Q{q},econ.ecommerce_retail_share,{n},{d},,"
        for q, n, d in ((1, 61, 1000), (2, 75, 1100), (3, 90, 1150))
    ]
    rows += [
        f"STTTT,2023-Q{q},sec.soc_4_layer,,,{s}," for q, s in ((1, "not_started"), (2, "đang triển khai"), (3, "done"))
    ]
    rows += [f"STTTT,2023-Q{q},soc.virtual_assistant,,,{s}," for q, s in ((1, "not_started"), (3, "in_progress"))]
    rows += ["UBND_VL,2023-Q2,gov.commune_radio_ict,12,20,,"]
    assert len(rows) == 40
    return rows


SHUFFLE_ROWS = _shuffle_rows()
_SCORE_KEYS = ("period", "indicators", "pillars", "index", "summary", "rows", "reporting", "issues")


def _score_doc(*paths) -> dict:
    result = no_crash(cds("score", *paths, "--format", "json", "--lang", "en"), allowed=(0,))
    doc = strict_json(result.stdout)
    check_score_doc(doc)
    return {key: doc[key] for key in _SCORE_KEYS}


@functools.cache
def _reference_score() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_bytes(tmp, "all.csv", (HEADER + "\n".join(SHUFFLE_ROWS) + "\n").encode())
        _, doc = validate(path)
        assert doc["rows"] == {"read": 40, "accepted": 40, "rejected": 0, "blank": 0} and not doc["issues"]
        return json.dumps(_score_doc(path), sort_keys=True)


@pytest.mark.slow
@hypothesis_settings(12)
@given(rows=st.permutations(SHUFFLE_ROWS))
def test_score_does_not_depend_on_row_order(rows):
    with tempfile.TemporaryDirectory() as tmp:
        path = write_bytes(tmp, "all.csv", (HEADER + "\n".join(rows) + "\n").encode())
        assert json.dumps(_score_doc(path), sort_keys=True) == _reference_score()


@pytest.mark.slow
@hypothesis_settings(12)
@given(
    rows=st.permutations(SHUFFLE_ROWS),
    cuts=st.lists(st.integers(1, 39), min_size=1, max_size=4, unique=True),
    file_order=st.randoms(use_true_random=False),
)
def test_score_does_not_depend_on_file_order(rows, cuts, file_order):
    bounds = [0, *sorted(cuts), len(rows)]
    with tempfile.TemporaryDirectory() as tmp:
        paths = [
            write_bytes(tmp, f"part{i}.csv", (HEADER + "\n".join(rows[lo:hi]) + "\n").encode())
            for i, (lo, hi) in enumerate(itertools.pairwise(bounds))
        ]
        file_order.shuffle(paths)
        assert json.dumps(_score_doc(*paths), sort_keys=True) == _reference_score()


# =========================================================================== 2. hostile inputs

GOOD_ROW = "SYT,2023-Q2,gov.dossiers_online,12,100,,\n"


@pytest.mark.parametrize("data", [b"", b"   \r\n\n\t \n"], ids=["zero-bytes", "whitespace"])
def test_empty_file(tmp_path, data):
    _, doc = validate(write_bytes(tmp_path, "x.csv", data))
    assert codes(doc) == ["empty_file"]
    assert doc["valid"] is False


@pytest.mark.parametrize("header", [HEADER, HEADER_VI, "\ufeff" + HEADER.replace(",", ";"), HEADER.rstrip("\n")])
def test_header_only_is_zero_rows_and_valid(tmp_path, header):
    result, doc = validate(write_bytes(tmp_path, "x.csv", header.encode()))
    assert result.exit_code == 0 and doc["issues"] == []
    assert doc["rows"] == {"read": 0, "accepted": 0, "rejected": 0, "blank": 0}


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    _, doc = validate(write_bytes(tmp_path, "x.csv", png))
    assert codes(doc) in (["not_text"], ["encoding_unknown"])


def test_fifty_megabyte_single_line_is_quick(tmp_path):
    path = write_bytes(tmp_path, "x.csv", b"a" * 50_000_000)
    start = time.perf_counter()
    _, doc = validate(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 15, f"{elapsed:.1f} s for a 50 MB line"
    # A line over 1 MB is one error on the file (README: Submission files).
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("line_too_long", 1)] and doc["rows"]["read"] == 0


def test_one_megabyte_note_is_kept_and_accepted(tmp_path):
    row = f"SYT,2023-Q2,gov.dossiers_online,12,100,,{'n' * 1_000_000}\n"
    result, doc = validate(write_bytes(tmp_path, "x.csv", (HEADER + row).encode()))
    assert result.exit_code == 0 and doc["rows"]["accepted"] == 1


def test_one_megabyte_agency_is_unknown(tmp_path):
    row = f"{'X' * 1_000_000},2023-Q2,gov.dossiers_online,12,100,,\n"
    result, doc = validate(write_bytes(tmp_path, "x.csv", (HEADER + row + GOOD_ROW).encode()))
    assert result.exit_code == 1
    assert codes(doc) == ["agency_unknown"] and doc["issues"][0]["line"] == 2
    assert doc["rows"] == {"read": 2, "accepted": 1, "rejected": 1, "blank": 0}


@pytest.mark.parametrize(
    "data",
    [b"a" * 5_000_000, (HEADER + "X" * 1_000_000 + ",2023-Q2,gov.dossiers_online,1,2,,\n").encode()],
    ids=["5MB-header", "1MB-agency"],
)
def test_messages_do_not_echo_megabytes(tmp_path, data):
    _, doc = validate(write_bytes(tmp_path, "x.csv", data))
    assert doc["issues"]
    assert max(len(issue["message"]) for issue in doc["issues"]) < 10_000


def _run_measured(path: Path, *args: str) -> tuple[dict, float, float]:
    """`cds validate PATH --format json` in a process of its own: (document, seconds, peak MB)."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "out = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024); "
        "print(out.stdout)"
    )
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            sys.executable,
            "-m",
            "cds_cli",
            "validate",
            str(path),
            "--format",
            "json",
            "--lang",
            "en",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    first, _, rest = run.stdout.partition("\n")
    seconds, peak = map(float, first.split())
    doc = strict_json(rest)
    assert doc["rows"]["read"] == doc["rows"]["accepted"] + doc["rows"]["rejected"]
    return doc, seconds, peak


@pytest.mark.slow
def test_a_line_of_five_million_empty_cells_is_one_quick_error(tmp_path):
    """10 MB on one line took minutes and gigabytes: now one error, at once, in little memory."""
    doc, seconds, peak = _run_measured(write_bytes(tmp_path, "x.csv", b"," * 5_000_000 + b"\n" + GOOD_ROW.encode()))
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("line_too_long", 1)]
    assert seconds < 10 and peak < 300, (seconds, peak)


@pytest.mark.parametrize("cells", [1001, 400_000])
def test_a_header_over_a_thousand_cells_is_one_error(tmp_path, cells):
    header = "agency,period,indicator,numerator,denominator,value,note" + ",x" * (cells - 7)
    start = time.perf_counter()
    _, doc = validate(write_bytes(tmp_path, "x.csv", (header + "\n" + GOOD_ROW).encode()))
    assert time.perf_counter() - start < 10
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("header_too_wide", 1)]
    assert "1,000" in doc["issues"][0]["message"]


def test_a_thousand_cells_header_is_still_read(tmp_path):
    header = "agency,period,indicator,numerator,denominator,value,note" + ",x" * 993
    result, doc = validate(write_bytes(tmp_path, "x.csv", (header + "\n" + GOOD_ROW).encode()))
    assert result.exit_code == 0 and doc["rows"]["accepted"] == 1


@pytest.mark.slow
def test_data_rows_of_a_million_columns(tmp_path):
    """Empty cells past the header are nothing; a line of a million filled cells is over 1 MB."""
    wide = GOOD_ROW.rstrip("\n") + "," * 999_993 + "\n"
    rows = wide + wide.replace("2023-Q2", "2023-Q3") + wide.replace("2023-Q2", "2023-Q1")
    doc, seconds, peak = _run_measured(write_bytes(tmp_path, "x.csv", (HEADER + rows).encode()))
    assert doc["rows"] == {"read": 3, "accepted": 3, "rejected": 0, "blank": 0} and doc["issues"] == []
    assert seconds < 20 and peak < 500, (seconds, peak)
    filled = GOOD_ROW.rstrip("\n") + ",1" * 999_993 + "\n"
    _, doc = validate(write_bytes(tmp_path, "y.csv", (HEADER + GOOD_ROW + filled).encode()))
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("line_too_long", 3)]


@pytest.mark.slow
def test_two_hundred_megabytes_of_one_unclosed_quote(tmp_path):
    path = tmp_path / "x.csv"
    with path.open("wb") as out:
        out.write((HEADER + GOOD_ROW).encode() + b'SYT,2023-Q2,gov.dossiers_online,1,2,,"')
        line = b"a" * 99 + b"\n"
        for _ in range(200):
            out.write(line * 10_000)
    doc, seconds, peak = _run_measured(path)
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("line_too_long", 3)]
    assert seconds < 30 and peak < 800, (seconds, peak)


def test_a_quoted_cell_over_a_megabyte_across_lines(tmp_path):
    cell = ("b" * 999 + "\n") * 1100
    data = (HEADER + GOOD_ROW + f'SYT,2023-Q3,gov.dossiers_online,1,2,,"{cell}"\n' + GOOD_ROW).encode()
    _, doc = validate(write_bytes(tmp_path, "x.csv", data))
    assert [(i["code"], i["line"]) for i in doc["issues"]] == [("line_too_long", 3)]


def test_nul_bytes_in_utf8(tmp_path):
    data = (HEADER + "SYT,2023-Q2,gov.dossiers_online,12,100,,a\x00b\n" + GOOD_ROW).encode()
    _, doc = validate(write_bytes(tmp_path, "x.csv", data))
    assert codes(doc) == ["not_text"] and doc["valid"] is False


@pytest.mark.parametrize("column", ["numerator", "denominator", "value"])
@pytest.mark.parametrize(
    "spelling", ["NaN", "nan", "inf", "-inf", "Infinity", "1e309", "1e-400", "1E3", "0x10", "1_000"]
)
def test_non_finite_and_exotic_numbers_are_number_invalid(tmp_path, column, spelling):
    row = {
        "numerator": f"SYT,2023-Q2,gov.dossiers_online,{spelling},100,,",
        "denominator": f"SYT,2023-Q2,gov.dossiers_online,1,{spelling},,",
        "value": f"STTTT,2023-Q2,soc.adults_smartphone,,,{spelling},",
    }[column]
    _, doc = validate(write_bytes(tmp_path, "x.csv", (HEADER + row + "\n").encode()))
    assert [(i["code"], i["line"], i["column"]) for i in doc["issues"]] == [("number_invalid", 2, column)]


@pytest.mark.parametrize("column", ["numerator", "denominator", "value"])
@pytest.mark.parametrize("spelling", ["١٢", "１２", "1٢", "۴۵"], ids=["arabic-indic", "fullwidth", "mixed", "persian"])
def test_non_ascii_digits_never_crash(tmp_path, column, spelling):
    row = {
        "numerator": f"SYT,2023-Q2,gov.dossiers_online,{spelling},100,,",
        "denominator": f"SYT,2023-Q2,gov.dossiers_online,1,{spelling},,",
        "value": f"STTTT,2023-Q2,soc.adults_smartphone,,,{spelling},",
    }[column]
    _, doc = validate(write_bytes(tmp_path, "x.csv", (HEADER + row + "\n").encode()))
    # Either read as the number it shows or refused as not a number; never a crash.
    assert codes(doc) in ([], ["number_invalid"])


@pytest.mark.parametrize(
    "row",
    [
        "STTTT,2023-Q2,soc.households_fiber,620,1000,%,",
        "STTTT,2023-Q2,soc.adults_smartphone,,,%,",
        "STTTT,2023-Q2,soc.adults_smartphone,,, % ,",
    ],
    ids=["with-counts", "alone", "spaced"],
)
def test_a_lone_percent_sign_is_not_a_number(tmp_path, row):
    _, doc = validate(write_bytes(tmp_path, "x.csv", (HEADER + row + "\n").encode()))
    assert [(i["code"], i["line"], i["column"]) for i in doc["issues"]] == [("number_invalid", 2, "value")]


def test_a_lone_percent_sign_does_not_poison_the_score(tmp_path):
    data = write_bytes(tmp_path, "x.csv", (HEADER + "STTTT,2023-Q2,soc.adults_smartphone,,,%,\n").encode())
    result = no_crash(cds("score", data, "--format", "json"), allowed=(0,))
    check_score_doc(strict_json(result.stdout))


def test_undecodable_file(tmp_path):
    data = HEADER.encode() + b"SYT,2023-Q2,gov.dossiers_online,\x81\x8d\x8f\x90,100,,\n"
    _, doc = validate(write_bytes(tmp_path, "x.csv", data))
    assert codes(doc) == ["encoding_unknown"]


def test_directory_without_submissions(tmp_path):
    (tmp_path / "README.txt").write_text("nothing here")
    (tmp_path / "old.wk1").write_bytes(b"\x00\x00\x02\x00")  # Lotus 1-2-3: not read (.xls and .ods are)
    (tmp_path / "sub.csv").mkdir()  # a directory named like a submission is not one
    _, doc = validate(tmp_path)
    assert codes(doc) == ["no_input_files"]


def test_missing_input_is_a_usage_error(tmp_path):
    result = no_crash(cds("validate", tmp_path / "nope.csv"), allowed=(2,))
    assert "nope.csv" in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path):
    path = write_bytes(tmp_path, "x.csv", (HEADER + GOOD_ROW).encode())
    path.chmod(0)
    try:
        _, doc = validate(path)
        assert codes(doc) == ["file_unreadable"]
    finally:
        path.chmod(0o644)


def test_directory_named_like_a_csv_given_explicitly(tmp_path):
    (tmp_path / "x.csv").mkdir()
    _, doc = validate(tmp_path / "x.csv", allowed=(1,))
    assert doc["valid"] is False and codes(doc) in (["file_unreadable"], ["no_input_files"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_fifo_named_csv_does_not_hang(tmp_path):
    """A FIFO would block a naive read forever: run in a subprocess with a timeout."""
    fifo = tmp_path / "x.csv"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "cds_cli", "validate", str(fifo), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert [i["code"] for i in strict_json(run.stdout)["issues"]] == ["file_unreadable"]


def test_dangling_symlink_alone_in_a_directory(tmp_path):
    (tmp_path / "y.csv").symlink_to(tmp_path / "gone.csv")
    _, doc = validate(tmp_path)
    assert doc["valid"] is False and set(codes(doc)) <= {"no_input_files", "file_unreadable"} and codes(doc)


def test_dangling_symlink_beside_a_good_file(tmp_path):
    write_bytes(tmp_path, "a.csv", (HEADER + GOOD_ROW).encode())
    (tmp_path / "y.csv").symlink_to(tmp_path / "gone.csv")
    _, doc = validate(tmp_path)
    assert doc["rows"]["accepted"] == 1


def test_dangling_symlink_is_reported(tmp_path):
    write_bytes(tmp_path, "a.csv", (HEADER + GOOD_ROW).encode())
    (tmp_path / "y.csv").symlink_to(tmp_path / "gone.csv")
    _, doc = validate(tmp_path)
    assert any(i["file"] and i["file"].endswith("y.csv") for i in doc["issues"]), doc["issues"]


def test_dangling_symlink_given_explicitly(tmp_path):
    (tmp_path / "y.csv").symlink_to(tmp_path / "gone.csv")
    result = no_crash(cds("validate", tmp_path / "y.csv"), allowed=(1, 2))
    assert "y.csv" in result.output


def test_symlink_loop_in_a_directory(tmp_path):
    write_bytes(tmp_path, "a.csv", (HEADER + GOOD_ROW).encode())
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.csv").symlink_to(tmp_path / "self.csv")
    _, doc = validate(tmp_path)
    assert doc["rows"]["read"] == 1 and doc["rows"]["accepted"] == 1  # not read again through the loop


def test_same_file_twice_counts_once(tmp_path):
    path = write_bytes(tmp_path, "x.csv", (HEADER + GOOD_ROW + "STTTT,2023-Q2,soc.adults_smartphone,,,81,\n").encode())
    result, doc = validate(path, path)
    assert result.exit_code == 0  # identical duplicates are warnings
    assert doc["rows"] == {"read": 4, "accepted": 2, "rejected": 2, "blank": 0}
    assert codes(doc) == ["duplicate_row", "duplicate_row"]


@pytest.mark.parametrize("period", ["", "2023-Q5", "2022-Q4", "Q4", "2023", "x" * 10_000, "2023-Q1\n2023-Q2", "=1+1"])
@pytest.mark.parametrize("command", ["score", "status", "report"])
def test_bad_period_option_is_a_usage_error(tmp_path, command, period):
    data = write_bytes(tmp_path, "x.csv", (HEADER + GOOD_ROW).encode())
    extra = ["-o", tmp_path / "r.md"] if command == "report" else []
    result = no_crash(cds(command, data, "--period", period, *extra), allowed=(2,))
    assert "--period" in result.stderr
    assert len(result.stderr) < 20_000  # the bad value is not echoed at length... or at least not endlessly
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize(
    "args", [["--lang", "xx"], ["--format", "yaml"], ["--sheet"], ["--strict", "--strict"], ["--nope"]]
)
def test_bad_options_are_usage_errors(tmp_path, args):
    data = write_bytes(tmp_path, "x.csv", (HEADER + GOOD_ROW).encode())
    allowed = (0,) if args == ["--strict", "--strict"] else (2,)
    no_crash(cds("score", data, *args), allowed=allowed)


# ---- workbooks ---------------------------------------------------------------------------


def _good_workbook(path: Path) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    sheet.append(["SYT", "2023-Q2", "gov.dossiers_online", 1, 2, None, None])
    workbook.save(path)
    return path


def _rewrite_sheet(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            dst.writestr(name, data)
    return target


def test_good_workbook_baseline(tmp_path):
    result, doc = validate(_good_workbook(tmp_path / "good.xlsx"))
    assert result.exit_code == 0 and doc["rows"]["accepted"] == 1


def test_xlsx_that_is_not_a_zip(tmp_path):
    _, doc = validate(write_bytes(tmp_path, "x.xlsx", (HEADER + GOOD_ROW).encode()))
    assert codes(doc) == ["workbook_unreadable"]


def test_xlsx_with_ole_header_is_protected(tmp_path):
    _, doc = validate(write_bytes(tmp_path, "x.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert codes(doc) == ["workbook_protected"]


def test_damaged_xls(tmp_path):
    """An OLE header and nothing behind it: .xls is read since README: Submission files, so it is damaged."""
    _, doc = validate(write_bytes(tmp_path, "x.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert codes(doc) == ["workbook_unreadable"]


def test_xlsx_zip_bomb(tmp_path):
    """600 MB of zeros deflated into ~3 MB: refused from the zip directory, never unpacked."""
    path = tmp_path / "bomb.xlsx"
    chunk = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(600):
            member.write(chunk)
    start = time.perf_counter()
    _, doc = validate(path)
    assert time.perf_counter() - start < 10
    assert codes(doc) == ["workbook_too_large"]


_DAMAGED_SHEETS = [
    pytest.param(lambda s: "this is not xml", ["workbook_unreadable"], id="garbage-xml"),
    pytest.param(lambda s: s[: len(s) // 2], ["workbook_unreadable"], id="truncated-xml"),
    pytest.param(
        lambda s: s.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A2:ZZ"/></mergeCells>'),
        ["workbook_unreadable"],
        id="bad-merge-ref",
    ),
    pytest.param(
        lambda s: s.replace(
            "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="$A$2:$A$3"/></mergeCells>'
        ),
        [],
        id="absolute-merge-ref",
    ),  # read as A2:A3 (the "$" is dropped): the row is accepted
    pytest.param(
        lambda s: s.replace('<c r="D2" t="n"><v>1</v>', '<c r="D2" t="n"><v>abc</v>'),
        ["workbook_unreadable"],
        id="bad-number-cell",
    ),
    pytest.param(
        lambda s: s.replace('<c r="D2" t="n"><v>1</v>', '<c r="D2" t="s"><v>999</v>'),
        ["workbook_unreadable"],
        id="shared-string-out-of-range",
    ),
    pytest.param(
        lambda s: s.replace('<c r="D2" t="n">', '<c r="2D" t="n">'), ["workbook_unreadable"], id="bad-cell-reference"
    ),
    # read as the text it holds (python-calamine), so the row is rejected on its own
    pytest.param(
        lambda s: s.replace('<c r="D2" t="n"><v>1</v>', '<c r="D2" t="d"><v>notadate</v>'),
        ["number_invalid"],
        id="bad-date-cell",
    ),
]


@pytest.mark.parametrize("change, expected", _DAMAGED_SHEETS)
def test_damaged_sheet_inside_a_valid_zip(tmp_path, change, expected):
    path = _rewrite_sheet(_good_workbook(tmp_path / "good.xlsx"), tmp_path / "damaged.xlsx", change)
    _, doc = validate(path)
    assert codes(doc) == expected


@pytest.mark.slow
def test_a_million_empty_styled_rows(tmp_path):
    """A sheet formatted down to row 1,000,002 (a border, a fill) with two rows of data."""

    def styled(sheet: str) -> str:
        rows = "".join(
            f'<row r="{i}" s="1" customFormat="1"><c r="A{i}" s="1"/><c r="G{i}" s="1"/></row>'
            for i in range(3, 1_000_003)
        )
        return sheet.replace("</sheetData>", rows + "</sheetData>")

    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.active.append(COLUMNS)
    book.active.append(["SYT", "2023-Q2", "gov.dossiers_online", 1, 2, None, None])
    book.active["A1"].font = Font(bold=True)  # style 1 exists
    book.save(tmp_path / "small.xlsx")
    path = _rewrite_sheet(tmp_path / "small.xlsx", tmp_path / "styled.xlsx", styled)
    doc, seconds, peak = _run_measured(path)
    assert doc["rows"] == {"read": 1, "accepted": 1, "rejected": 0, "blank": 0} and doc["issues"] == []
    assert seconds < 20 and peak < 600, (seconds, peak)


def test_missing_sheet(tmp_path):
    _, doc = validate(_good_workbook(tmp_path / "good.xlsx"), "--sheet", "Nope")
    assert codes(doc) == ["sheet_missing"]


# ---- plan files ----------------------------------------------------------------------------


def test_plan_yaml_cannot_run_code(tmp_path):
    marker = tmp_path / "PWNED"
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        f'plan: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'pillars: !!python/object/apply:subprocess.call [["touch", "{marker}"]]\n'
    )
    for command in (["indicators"], ["validate", tmp_path], ["score", tmp_path]):
        result = no_crash(cds(*command, "--targets", targets), allowed=(2,))
        assert "targets.yaml" in result.stderr
    assert not marker.exists()


def test_plan_yaml_alias_bomb(tmp_path):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines += ["plan: *a9", "pillars: *a9", "indicators: *a9"]
    targets = tmp_path / "targets.yaml"
    targets.write_text("\n".join(lines) + "\n")
    start = time.perf_counter()
    no_crash(cds("indicators", "--targets", targets), allowed=(2,))
    assert time.perf_counter() - start < 10


def test_plan_yaml_deeply_nested(tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text("plan: " + "[" * 50_000 + "]" * 50_000 + "\n")
    result = no_crash(cds("indicators", "--targets", targets), allowed=(2,))
    assert "targets.yaml" in result.stderr


def test_plan_json_deeply_nested(tmp_path):
    targets = tmp_path / "targets.yaml"
    targets.write_text('{"plan": ' + "[" * 50_000 + "]" * 50_000 + "}\n")
    result = no_crash(cds("indicators", "--targets", targets), allowed=(2,))
    assert "targets.yaml" in result.stderr


class _Object:
    """A JSON object as written: its pairs in order, a key possibly twice."""

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        self.pairs = pairs


# Colons, quotes and backslashes in keys and texts: what a count of colons could miscount.
_JSON_TEXTS = st.text(alphabet=st.sampled_from(list('ab:"\\ {}[],\n\u1ea1\u0111')), max_size=5)
_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    _JSON_TEXTS,
)
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.lists(st.tuples(_JSON_TEXTS, inner), max_size=4).map(_Object),
    max_leaves=30,
)
_JSON_DOCUMENTS = st.lists(st.tuples(_JSON_TEXTS, _JSON_VALUES), max_size=6).map(_Object)


def _json_written(node: object, style: tuple[bool, str, str, bool]) -> str:
    ensure_ascii, colon, comma, escape_colons = style
    if isinstance(node, _Object):
        pairs = (_json_written(key, style) + colon + _json_written(value, style) for key, value in node.pairs)
        return "{" + comma.join(pairs) + "}"
    if isinstance(node, list):
        return "[" + comma.join(_json_written(value, style) for value in node) + "]"
    text = json.dumps(node, ensure_ascii=ensure_ascii)
    return text.replace(":", "\\u003a") if escape_colons and isinstance(node, str) else text


def _repeats_a_key(node: object) -> bool:
    if isinstance(node, _Object):
        keys = [key for key, _ in node.pairs]
        return len(set(keys)) < len(keys) or any(_repeats_a_key(value) for _, value in node.pairs)
    return isinstance(node, list) and any(_repeats_a_key(value) for value in node)


@hypothesis_settings(300)
@given(
    document=_JSON_DOCUMENTS,
    style=st.tuples(
        st.booleans(), st.sampled_from([":", ": ", " : ", "\n:"]), st.sampled_from([",", ", ", ",\n  "]), st.booleans()
    ),
)
def test_a_json_plan_file_reads_as_json_and_never_keeps_a_repeated_key_silently(tmp_path, document, style):
    """A JSON plan file takes a fast reader when it can; whichever reads it, the document is
    the standard parser's, and a key written twice is a finding (or, where the YAML parser
    cannot read the file, the file an error), never a value silently dropped."""
    from cds_cli.plan.documents import read_document

    text = _json_written(document, style)
    path = tmp_path / "agencies.yaml"
    path.write_text(text, encoding="utf-8")
    parsed, findings = read_document(path)
    if _repeats_a_key(document):
        assert parsed is None or "duplicate_key" in [finding.code for finding in findings], text
    else:
        assert parsed is not None and findings == [] and parsed.raw == json.loads(text), text


# ---- plan packs holding odd numbers: a finding or a score, never a crash or a NaN in JSON

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
_ODD_NUMBERS = [
    "0", "0.0", "-0.0", "0.001", "5e-324", "1.0e-320", "-5", "100.5", "1e308", "1.0e+308", "-1.0e+308",
    "1.0e400", "1e400", ".nan", ".NaN", ".inf", "-.inf", "99999999999999999999999", "0x10", "1_000", "'30'",
]  # fmt: skip
_SENTINEL = "ODD-NUMBER-HERE"
_NUMBER_PLACES = (
    [("targets_2023.yaml", ("indicators", i, key)) for i in (0, 2, 5, 19, 28) for key in ("target", "weight")]
    + [("targets_2023.yaml", ("pillars", j, "weight")) for j in (0, 3)]
    + [("targets_2023.yaml", ("plan", "year")), ("baseline_2022.yaml", ("year",))]
    + [("baseline_2022.yaml", ("baselines", k, "value")) for k in (0, 3, 20)]
    + [("baseline_2022.yaml", ("context", 0, key)) for key in ("value", "denominator")]
)


def _odd_pack(folder: Path, name: str, place: tuple, number: str, repeat: str | None) -> Path:
    """The bundled pack with one number replaced by ``number`` as written in YAML, and
    when ``repeat`` is given, its key written a second time with that value."""
    import yaml

    for other in ("targets_2023.yaml", "baseline_2022.yaml", "agencies.yaml"):
        (folder / other).write_bytes((PACKAGE_DATA / other).read_bytes())
    doc = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
    node = doc
    for key in place[:-1]:
        node = node[key]
    node[place[-1]] = _SENTINEL
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    line = next(line for line in text.splitlines() if _SENTINEL in line)
    indent = " " * (len(line) - len(line.lstrip(" -")))
    written = number if repeat is None else f"{number}\n{indent}{place[-1]}: {repeat}"
    (folder / name).write_text(text.replace(_SENTINEL, written), encoding="utf-8")
    return folder


@pytest.mark.slow
@hypothesis_settings(25)
@given(
    where=st.sampled_from(_NUMBER_PLACES),
    number=st.sampled_from(_ODD_NUMBERS),
    repeat=st.one_of(st.none(), st.sampled_from(["1", "30", ".nan"])),
)
def test_a_plan_with_odd_numbers_is_checked_never_crashes_nor_scores_nan(where, number, repeat):
    name, place = where
    with tempfile.TemporaryDirectory() as tmp:
        pack = _odd_pack(Path(tmp), name, place, number, repeat)
        check = no_crash(cds("plan", "check", pack, "--format", "json", "--lang", "en"))
        doc = strict_json(check.stdout)
        errors = [issue for issue in doc["issues"] if issue["severity"] == "error"]
        assert bool(errors) is (check.exit_code == 1) and doc["valid"] is not errors, doc
        if repeat is not None:
            assert "duplicate_key" in {issue["code"] for issue in errors}, doc
        if errors:
            assert all(issue["file"] and issue["line"] for issue in errors), errors
            result = no_crash(cds("score", EXAMPLES, "--plan", pack, "--lang", "en"), allowed=(2,))
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            return
        score = no_crash(cds("score", EXAMPLES, "--plan", pack, "--format", "json", "--lang", "en"), allowed=(0,))
        check_score_doc(strict_json(score.stdout))
        indicators = no_crash(cds("indicators", "--plan", pack, "--format", "json"), allowed=(0,))
        strict_json(indicators.stdout)


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage", b"- just\n- a list\n", b"plan: {year: 2023}\n"],
    ids=["empty", "binary", "list", "incomplete"],
)
def test_broken_plan_files_are_usage_errors(tmp_path, content):
    targets = write_bytes(tmp_path, "targets.yaml", content)
    result = no_crash(cds("indicators", "--targets", targets), allowed=(2,))
    assert "targets.yaml" in result.stderr


# =========================================================================== 3. neutralisation


@pytest.mark.parametrize("name", ["Health [provincial]", "Health [/b]"], ids=["swallowed", "crash"])
def test_table_output_shows_plan_names_verbatim(tmp_path, name):
    agencies = _custom_plan_file(tmp_path, "agencies.yaml", lambda doc: _set_name(doc["agencies"], "code", "SYT", name))
    data = write_bytes(tmp_path, "in/x.csv", (HEADER + GOOD_ROW).encode())
    result = no_crash(cds("status", data, "--lang", "en", "--agencies", agencies), allowed=(0,))
    assert name in result.stdout


@pytest.mark.parametrize(
    "value", ["=1+1", "+A1", "-A1", "@SUM(A1)", "\tx", "\rx", "=cmd|' /C calc'!A0", "-1+1", "+1+1"]
)
def test_safe_cell_neutralises_formulas(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-5", "-5.25", "1e3", "+5", 42, -7, 3.5, None, "", "SYT", "a=b"])
def test_safe_cell_leaves_data_alone(value):
    assert safe_cell(value) == value


def _custom_plan_file(tmp_path: Path, name: str, change) -> Path:
    import yaml

    doc = yaml.safe_load((PACKAGE_DATA / name).read_text(encoding="utf-8"))
    change(doc)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _set_name(items: list[dict], key: str, wanted: str, name: str) -> None:
    item = next(item for item in items if item[key] == wanted)
    item["name_en"] = name


def _cells(csv_text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]


def _assert_no_formula(cells: list[str]) -> None:
    for cell in cells:
        if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell.startswith("-") and not re.fullmatch(r"-[\d.]+", cell)):
            raise AssertionError(f"cell a spreadsheet would execute: {cell!r}")


EVIL = "=cmd|' /C calc'!A0"


def test_status_csv_neutralises_agency_names(tmp_path):
    agencies = _custom_plan_file(tmp_path, "agencies.yaml", lambda doc: _set_name(doc["agencies"], "code", "SYT", EVIL))
    data = write_bytes(tmp_path, "in/x.csv", (HEADER + GOOD_ROW).encode())
    result = no_crash(cds("status", data, "--format", "csv", "--lang", "en", "--agencies", agencies), allowed=(0,))
    cells = _cells(result.stdout)
    assert "'" + EVIL in cells
    assert not any(cell.startswith("=") for cell in cells)
    _assert_no_formula(cells)


def test_score_csv_and_markdown_neutralise_indicator_names(tmp_path):
    def change(doc):
        _set_name(doc["pillars"], "id", "gov", "@SUM(1+1)*cmd|x")
        _set_name(doc["indicators"], "id", "gov.dossiers_online", EVIL)

    targets = _custom_plan_file(tmp_path, "targets_2023.yaml", change)
    data = write_bytes(tmp_path, "in/x.csv", (HEADER + GOOD_ROW).encode())

    result = no_crash(cds("score", data, "--format", "csv", "--lang", "en", "--targets", targets), allowed=(0,))
    cells = _cells(result.stdout)
    assert "'" + EVIL in cells
    _assert_no_formula(cells)

    result = no_crash(cds("score", data, "--format", "markdown", "--lang", "en", "--targets", targets), allowed=(0,))
    md_cells = [
        cell.strip()
        for line in result.stdout.splitlines()
        if line.startswith("|")
        for cell in re.split(r"(?<!\\)\|", line)[1:-1]
    ]
    assert "'" + EVIL.replace("|", "\\|") in md_cells
    assert not any(cell.startswith(("=", "@")) for cell in md_cells), [c for c in md_cells if c[:1] in "=@"]
