"""`cds score --by agency`: ties share a rank (1, 1, 1, 4), and agencies expected to report
that sent nothing are listed after the ranked ones instead of vanishing."""

from __future__ import annotations

import csv
import io

from conftest import HEADER, cds, cds_json

from cds_cli.plan import load_plan
from cds_cli.scoring import competition_ranks

PLAN = load_plan()
DOSSIERS = "gov.dossiers_online"  # pooled, >= 30, every department and district expected
# three agencies at 100,00; two at 14,63 as shown (6/41 is 14.634…, 1463/10000 exactly 14.63)
ROWS = [("SYT", 10, 10), ("STTTT", 20, 20), ("SCT", 5, 5), ("STP", 6, 41), ("SXD", 1463, 10000)]


def _submission(write):
    lines = "".join(f"{agency},2023-Q2,{DOSSIERS},{n},{d},,\n" for agency, n, d in ROWS)
    return write("q2.csv", HEADER + lines)


def _silent(indicator: str) -> list[str]:
    """The agencies expected to report ``indicator`` that sent nothing, in the plan's order."""
    sent = {agency for agency, _, _ in ROWS}
    return [a.code for a in PLAN.agencies if a.code in PLAN.expected[indicator] and a.code not in sent]


def test_competition_ranks():
    assert competition_ranks([100.0, 100.0, 100.0, 14.63, 14.63, 3.0]) == [1, 1, 1, 4, 4, 6]
    assert competition_ranks([]) == []


def test_ties_share_a_rank_in_each_indicator_and_the_silent_are_listed_after(write):
    doc = cds_json("score", _submission(write), "--by", "agency", "--lang", "en", expect_exit=0)
    dossiers = next(i for i in doc["indicators"] if i["id"] == DOSSIERS)
    ranked = [(a["rank"], a["agency"], a["value"]) for a in dossiers["agencies"] if a["reported"]]
    assert ranked == [(1, "SCT", 100.0), (1, "STTTT", 100.0), (1, "SYT", 100.0), (4, "STP", 14.63), (4, "SXD", 14.63)]
    rest = dossiers["agencies"][len(ranked) :]
    assert [a["agency"] for a in rest] == _silent(DOSSIERS) and len(rest) == 20
    assert all(a["rank"] is None and a["reported"] is False and a["value"] is None for a in rest)
    assert rest[0]["name"] == PLAN.agency(rest[0]["agency"]).name("en")
    # an indicator nobody sent lists every expected agency, none ranked
    commune = next(i for i in doc["indicators"] if i["id"] == "gov.work_records_online_commune")
    assert [a["agency"] for a in commune["agencies"]] == list(PLAN.expected["gov.work_records_online_commune"])
    assert {a["rank"] for a in commune["agencies"]} == {None}


def test_ties_share_a_rank_in_the_overall_ranking(write):
    doc = cds_json("score", _submission(write), "--by", "agency", "--lang", "en", expect_exit=0)
    ranked = [(a["rank"], a["agency"], a["mean_attainment"]) for a in doc["agencies"] if a["reported"]]
    # min(attainment, 100): 100 for the three; 14.634/30 → 48,78 and 14.63/30 → 48,77
    assert ranked == [(1, "SCT", 100.0), (1, "STTTT", 100.0), (1, "SYT", 100.0), (4, "STP", 48.78), (5, "SXD", 48.77)]
    silent = doc["agencies"][len(ranked) :]
    expected_anything = {code for ind in PLAN.indicators if ind.aggregate == "pooled" for code in PLAN.expected[ind.id]}
    sent = {agency for agency, _, _ in ROWS}
    assert [a["agency"] for a in silent] == [a.code for a in PLAN.agencies if a.code in expected_anything - sent]
    assert all(
        (a["rank"], a["reported"], a["indicators"], a["mean_attainment"]) == (None, False, 0, None) for a in silent
    )
    assert "CAT" not in {a["agency"] for a in doc["agencies"]}  # expected to report no pooled indicator


def _table_rows(text: str, title: str) -> list[list[str]]:
    """The body rows of the terminal table under ``title``, cells stripped."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if title in line)
    rows = []
    for line in lines[start + 1 :]:
        if line.startswith("└"):
            break
        if line.startswith("│"):
            rows.append([cell.strip() for cell in line.strip("│").split("│")])
    return rows


def test_table_shows_shared_ranks_then_not_reported(write, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = cds("score", _submission(write), "--by", "agency", "--lang", "vi", "--ids")
    assert result.exit_code == 0, result.output
    rows = _table_rows(result.stdout, PLAN.indicator(DOSSIERS).short_name("vi"))
    assert [(r[0], r[2], r[3]) for r in rows[:5]] == [
        ("1", "SCT", "100,00"),
        ("1", "STTTT", "100,00"),
        ("1", "SYT", "100,00"),
        ("4", "STP", "14,63"),
        ("4", "SXD", "14,63"),
    ]
    assert [(r[0], r[2], r[3]) for r in rows[5:]] == [("—", code, "Chưa báo cáo") for code in _silent(DOSSIERS)]
    overall = _table_rows(result.stdout, "Xếp hạng đơn vị")
    assert [r[0] for r in overall[:5]] == ["1", "1", "1", "4", "5"]
    assert {r[0] for r in overall[5:]} == {"—"} and {r[4] for r in overall[5:]} == {"Chưa báo cáo"}
    english = cds("score", _submission(write), "--by", "agency", "--lang", "en").stdout
    assert "not reported" in english and "Chưa báo cáo" not in english


def test_csv_and_markdown_list_the_silent_after_the_ranked(write):
    path = _submission(write)
    rows = list(csv.DictReader(io.StringIO(cds("score", path, "--by", "agency", "-f", "csv").stdout)))
    dossiers = [r for r in rows if r["indicator"] == DOSSIERS]
    assert [r["rank"] for r in dossiers[:5]] == ["1", "1", "1", "4", "4"]
    assert [(r["agency"], r["rank"], r["value"], r["reported"]) for r in dossiers[5:]] == [
        (code, "", "", "False") for code in _silent(DOSSIERS)
    ]
    markdown = cds("score", path, "--by", "agency", "-f", "markdown", "--lang", "en").stdout
    section = markdown.split(f"## {DOSSIERS}")[1].split("## ")[0]
    lines = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [line.split(" | ")[0] for line in lines[:5]] == ["| 1", "| 1", "| 1", "| 4", "| 4"]
    assert all(line.startswith("| — |") and "| not reported |" in line for line in lines[5:]) and len(lines) == 25


def test_a_lower_is_better_indicator_ranks_the_lowest_value_first(tmp_path, write):
    """By the value, not the attainment: 100·T/V is 100 at V = 0 but 200 at V = 10."""
    import yaml
    from packs import ADDED, build_pack

    pack = build_pack(tmp_path / "pack", 2024)
    targets = pack / "targets_2024.yaml"
    document = yaml.safe_load(targets.read_text(encoding="utf-8"))
    paper = next(ind for ind in document["indicators"] if ind["id"] == ADDED)
    paper.update(aggregate="pooled", reporters=["provincial_departments"])
    del paper["reporter"]
    targets.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rows = "".join(f"{agency},2024-Q2,{ADDED},{n},100,,\n" for agency, n in (("SCT", 40), ("SYT", 0), ("STTTT", 10)))
    doc = cds_json("score", write("q2.csv", HEADER + rows), "--by", "agency", "--plan", pack, expect_exit=0)
    paper_rows = next(i for i in doc["indicators"] if i["id"] == ADDED)["agencies"]
    assert [(a["rank"], a["agency"], a["value"]) for a in paper_rows[:3]] == [
        (1, "SYT", 0.0),
        (2, "STTTT", 10.0),
        (3, "SCT", 40.0),
    ]
