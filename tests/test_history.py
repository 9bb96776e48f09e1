"""`cds history`: each indicator through every period with data, scored as `cds score --period`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import cds

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"


def test_every_period_with_data_scored_as_score_does():
    doc = json.loads(cds("history", EXAMPLES, "--format", "json").stdout)
    assert len(doc["indicators"]) == 29
    online = next(i for i in doc["indicators"] if i["id"] == "gov.dossiers_online")
    assert [p["period"] for p in online["points"]] == ["2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4"]
    for point in online["points"]:
        card = json.loads(cds("score", EXAMPLES, "--period", point["period"], "--format", "json").stdout)
        item = next(i for i in card["indicators"] if i["id"] == "gov.dossiers_online")
        assert (point["value"], point["target"], point["status"]) == (item["value"], item["target"], item["status"])
        assert point["plan"] == "64/KH-UBND"
    # an indicator without data has no point, not a null one
    sme = next(i for i in doc["indicators"] if i["id"] == "econ.sme_digital_platforms")
    assert sme["points"] == []


def test_indicators_chosen_csv_and_table():
    out = cds("history", EXAMPLES, "--indicator", "sec.soc_4_layer", "--format", "csv", "--lang", "en").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["status"] for r in rows] == ["on_track", "on_track", "on_track", "achieved"]
    assert rows[-1]["value"] == "done" and rows[0]["target"] == "done"
    table = cds("history", EXAMPLES, "--indicator", "soc.households_fiber").stdout
    assert "Không đạt" in table and "68,20" in table and "≥ 70" in table


def test_an_unknown_indicator_is_a_usage_error_with_a_suggestion():
    result = cds("history", EXAMPLES, "--indicator", "gov.dossiers_onlin", "--lang", "en")
    assert result.exit_code == 2 and "did you mean gov.dossiers_online?" in result.stderr
