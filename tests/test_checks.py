"""cds_cli.submissions.checks: resolving columns once, and each rule's code, column and line.

Tables are built as ``read_submissions`` hands them over: the seven contract columns as
text, the physical ``line``, ``extra_cells``/``width`` and ``file_index``, then ``prepare``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from cds_cli.plan import load_plan
from cds_cli.submissions.checks import RULES, categorize, periods, prepare, run_rules

COLUMNS = ["agency", "period", "indicator", "numerator", "denominator", "value", "note"]


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def table(plan, *rows: str, first_line: int = 2, file_index: int = 0) -> pd.DataFrame:
    """Rows written as an agency would type them, cells separated by ';'."""
    cells = [(row.split(";") + [""] * 7)[:7] for row in rows]
    df = pd.DataFrame(cells, columns=COLUMNS, dtype=object)
    df["line"] = range(first_line, first_line + len(df))
    df["extra_cells"], df["width"], df["flawed"], df["file_index"] = 0, 7, False, file_index
    return prepare(df, plan)


def test_categorize_resolves_each_distinct_cell_once():
    calls = []

    def resolve(cells):
        calls.append(sorted(cells))
        return [{"a": "A", "b": "B"}.get(cell) for cell in cells]

    cells = pd.Series(["b", "a", "b", "zz", "a", "b"])
    result = categorize(cells, resolve)
    assert calls == [["a", "b", "zz"]]  # once, together
    assert isinstance(result.dtype, pd.CategoricalDtype) and list(result.cat.categories) == ["A", "B"]
    assert result.tolist()[:3] == ["B", "A", "B"] and pd.isna(result[3])
    assert categorize(pd.Series(["x"]), lambda cells: [float("nan")]).isna().all()  # NaN is "nothing" too


def test_periods_reads_every_spelling_of_a_quarter():
    year, quarter = periods(pd.Series(["2023-Q2", "Quý IV/2023", "Q1-2024", "quý ii/2023", "Q5/2023", ""]))
    assert year[:4].tolist() == [2023, 2023, 2024, 2023] and quarter[:4].tolist() == [2, 4, 1, 2]
    assert np.isnan(year[4:]).all() and np.isnan(quarter[4:]).all()


def test_prepare_resolves_agencies_indicators_and_numbers(plan):
    df = table(
        plan,
        "So Y te;Quý II/2023;SOC.Citizens_E_Health_Records;1.234;2.000;61,7%",
        "STTTT;2023-Q3;sec.soc_4_layer;abc;;Hoàn thành",
    )
    first, milestone = df.iloc[0], df.iloc[1]
    assert (first["agency_code"], first["year"], first["quarter"]) == ("SYT", 2023, 2)
    assert (first["indicator_id"], first["unit"], first["time"], first["aggregate"], first["reporter"]) == (
        "soc.citizens_e_health_records",
        "percent",
        "stock",
        "single",
        "SYT",
    )
    assert (first["numerator_n"], first["denominator_n"], first["value_n"]) == (1234, 2000, 61.7)
    # a milestone's figures are not read (its value is a status)
    assert (
        milestone["status"] == "done" and np.isnan(milestone["numerator_n"]) and pd.isna(milestone["numerator_problem"])
    )


CASES = [  # row, (code, column) of its one finding
    (";2023-Q2;soc.adults_smartphone;;;81", ("required_missing", "agency")),
    ("STTTT;;soc.adults_smartphone;;;81", ("required_missing", "period")),
    ("STTTT;2023-Q2;;;;81", ("required_missing", "indicator")),
    ("Sở XYZ;2023-Q2;soc.citizens_e_health_records;;;45", ("agency_unknown", "agency")),
    ("STTTT;Q5/2023;soc.adults_smartphone;;;81", ("period_invalid", "period")),
    ("STTTT;2022-Q4;soc.adults_smartphone;;;81", ("period_outside_plan", "period")),
    ("STTTT;2023-Q2;soc.adult_smartphone;;;81", ("indicator_unknown", "indicator")),
    ("SYT;2023-Q2;gov.dossiers_online;abc;4", ("number_invalid", "numerator")),
    ("SYT;2023-Q2;gov.dossiers_online;3;12,5", ("number_not_whole", "denominator")),
    ("STTTT;2023-Q2;soc.adults_smartphone;;;8O", ("number_invalid", "value")),
    ("SYT;2023-Q2;gov.dossiers_online;-3;4", ("count_negative", "numerator")),
    ("SYT;2023-Q2;gov.dossiers_online;0;-4", ("count_negative", "denominator")),
    ("SYT;2023-Q2;gov.dossiers_online;0;0", ("denominator_zero", "denominator")),
    ("SYT;2023-Q2;gov.dossiers_online;30;20", ("numerator_exceeds_denominator", "numerator")),
    ("STTTT;2023-Q2;soc.adults_smartphone;;;105", ("percent_out_of_range", "value")),
    ("STTTT;2023-Q2;soc.adults_smartphone;45;60;80", ("value_mismatch", "value")),
    ("STTTT;2023-Q2;soc.adults_smartphone;45;60;75,51", ("value_mismatch", "value")),
    ("STTTT;2023-Q2;soc.adults_smartphone;45;;80", ("counts_incomplete", None)),
    ("SYT;2023-Q2;gov.dossiers_online;;;75", ("counts_required", None)),
    ("STTTT;2023-Q2;soc.adults_smartphone;;;", ("value_missing", "value")),
    ("STTTT;2023-Q2;sec.soc_4_layer;;;", ("status_missing", "value")),
    ("STTTT;2023-Q2;sec.soc_4_layer;;;xong", ("status_invalid", "value")),
    ("SYT;2023-Q2;soc.adults_smartphone;;;81", ("wrong_reporter", "agency")),
]


@pytest.mark.parametrize("row, expected", CASES, ids=[f"{code}-{column}" for _, (code, column) in CASES])
def test_each_rule_rejects_its_row(plan, row, expected):
    df = table(plan, "STTTT;2023-Q2;soc.households_fiber;;;70", row, "STTTT;2023-Q2;sec.soc_4_layer;;;done")
    findings, rejected = run_rules(df, plan, ["q2.csv"])
    assert [(f.code, f.column, f.file, f.line, f.severity) for f in findings] == [(*expected, "q2.csv", 3, "error")]
    assert rejected.tolist() == [False, True, False]


@pytest.mark.parametrize(
    "row",
    [
        "STTTT;2023-Q2;soc.adults_smartphone;45;60;75,5",  # 0.5 points from 75: within what rounding explains
        "STTTT;2023-Q2;soc.adults_smartphone;45;60;",
        "STTTT;2023-Q2;soc.adults_smartphone;;;16,87%",
        "SYT;2023-Q2;gov.dossiers_online;1.000;2,000;50",
        "STTTT;2023-Q2;sec.soc_4_layer;abc;;chưa triển khai",  # figures of a milestone are not read
        "UBND_HD;Quý II/2023;gov.commune_radio_ict;0;4;",
    ],
)
def test_valid_rows_pass_every_rule(plan, row):
    findings, rejected = run_rules(table(plan, row), plan, ["q2.csv"])
    assert findings == [] and not rejected.any()


def _message(plan, row, lang="en"):
    (finding,), _ = run_rules(table(plan, row), plan, ["q2.csv"])
    return finding.message(lang)


def test_messages_name_the_figures(plan):
    assert _message(plan, "STTTT;2022-Q4;soc.adults_smartphone;;;81") == "period 2022-Q4 is outside the plan year 2023"
    assert _message(plan, "SYT;2023-Q2;gov.dossiers_online;1.200;1.000") == (
        "numerator 1,200 is larger than denominator 1,000; a share cannot exceed 100%"
    )
    assert _message(plan, "SYT;2023-Q2;gov.dossiers_online;1.200;1.000", "vi") == (
        "tử số 1.200 lớn hơn mẫu số 1.000; tỷ lệ không thể vượt 100%"
    )
    assert _message(plan, "STTTT;2023-Q2;soc.adults_smartphone;45;60;80") == (
        "value 80% does not match numerator/denominator = 75% (more than 0.5 points apart); correct one of them"
    )
    assert _message(plan, "STTTT;2023-Q2;soc.adults_smartphone;2;3;70", "vi").startswith(
        "giá trị 70% không khớp tử số/mẫu số = 66,67%"
    )
    assert _message(plan, "SYT;2023-Q2;soc.adults_smartphone;;;81") == (
        "soc.adults_smartphone is reported by STTTT only; this row from SYT is not counted"
    )
    assert "(did you mean soc.adults_smartphone?)" in _message(plan, "STTTT;2023-Q2;soc.adult_smartphone;;;81")
    assert "(did you mean SYT?)" in _message(plan, "So Y tee;2023-Q2;soc.citizens_e_health_records;;;45")


@pytest.mark.parametrize(
    "row, kind",
    [
        ("SYT;2023-Q2;gov.dossiers_online;;;75", "pooled and year-to-date (flow)"),
        ("SYT;2023-Q2;sec.staff_trained_security;;;75", "pooled"),
        ("SCT;2023-Q2;econ.ecommerce_retail_share;;;8", "year-to-date (flow)"),
    ],
)
def test_counts_required_names_why(plan, row, kind):
    indicator = row.split(";")[2]
    assert _message(plan, row).startswith(f"{indicator} is {kind}: give numerator and denominator")


def test_one_row_can_break_several_rules(plan):
    df = table(plan, "SYT;2022-Q4;soc.adults_smartphone;;;105")
    findings, rejected = run_rules(df, plan, ["q2.csv"])
    assert [(f.code, f.column) for f in findings] == [
        ("period_outside_plan", "period"),
        ("percent_out_of_range", "value"),
        ("wrong_reporter", "agency"),
    ]
    assert rejected.tolist() == [True]


def test_findings_name_their_file_and_physical_line(plan):
    df = table(plan, "SYT;2023-Q2;gov.dossiers_online;30;20", first_line=14, file_index=1)
    findings, _ = run_rules(df, plan, ["a.csv", "b.csv"])
    assert [(f.file, f.line) for f in findings] == [("b.csv", 14)]


def test_extra_cells_rule(plan):
    df = table(plan, "STTTT;2023-Q2;soc.households_fiber;;;70", "STTTT;2023-Q2;soc.households_fiber;;;1")
    df.loc[1, "extra_cells"] = 8
    findings, rejected = run_rules(df, plan, ["q2.csv"])
    assert [(f.code, f.column, f.line) for f in findings] == [("extra_cells", None, 3)]
    assert findings[0].message("en").startswith("the row has 8 cells but the header has 7;")
    assert rejected.tolist() == [False, True]


def test_the_ambiguous_number_rule_names_both_readings(plan):
    # no spelling is ambiguous under the column rules today (test_numbers); the rule still words one
    df = table(plan, "STTTT;2023-Q2;soc.adults_smartphone;;;1.500")
    df["value_problem"] = pd.Series(["ambiguous"], dtype=object)
    df["value_readings"] = pd.Series(["1.5 / 1500"], dtype=object)
    rule = next(r for r in RULES if r.code == "number_ambiguous" and r.column == "value")
    assert rule.mask(df, plan).tolist() == [True]
    findings, _ = run_rules(df, plan, ["q2.csv"])
    ambiguous = next(f for f in findings if f.code == "number_ambiguous")
    assert ambiguous.message("en") == "value '1.500' can be read as 1.5 / 1500; write it without a thousands separator"
