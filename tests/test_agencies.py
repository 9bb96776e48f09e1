"""`cds agencies`: the pack's agencies, their kind, aliases and the indicators each reports."""

from __future__ import annotations

import csv
import io
import json

from conftest import cds

from cds_cli import load_plan


def test_json_lists_every_agency_with_what_it_reports():
    plan = load_plan()
    result = cds("agencies", "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = {row["code"]: row for row in json.loads(result.stdout)}
    assert list(rows) == [agency.code for agency in plan.agencies]
    stttt = rows["STTTT"]
    assert stttt["name"] == "Department of Information and Communications" and stttt["kind"] == "province"
    assert "Sở TT&TT" in stttt["aliases"]
    assert "sec.soc_4_layer" in stttt["indicators"]  # a single indicator it reports
    assert "sec.systems_classified_protected" in stttt["indicators"]  # a pooled one it feeds
    assert rows["UBND_DH"]["kind"] == "district"
    # every expected report of the plan is some agency's indicator, and no other
    expected = {(code, ind) for ind, codes in plan.expected.items() for code in codes}
    assert expected == {(row["code"], ind) for row in rows.values() for ind in row["indicators"]}


def test_csv_and_table():
    result = cds("agencies", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["code", "name", "kind", "aliases", "indicators"]
    assert rows[0]["code"] == "VPUBND" and rows[0]["name"] == "Văn phòng UBND tỉnh"
    table = cds("agencies").stdout
    assert "Danh sách đơn vị báo cáo — Kế hoạch 64/KH-UBND" in table and "UBND huyện Đông Hải" in table


def test_an_unknown_agency_for_a_form_suggests_one_and_points_to_the_list():
    result = cds("template", "--agency", "Sở Thông tin Truyền thông", "--period", "2023-Q1", "--lang", "en")
    assert result.exit_code == 2
    assert "did you mean STTTT?" in result.stderr and "`cds agencies` lists them" in result.stderr
