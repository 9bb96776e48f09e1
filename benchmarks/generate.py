#!/usr/bin/env python3
"""Synthetic submissions at ministry scale, for benchmarking cds.

    python benchmarks/generate.py --rows 1000000 --out /tmp/cds-1m

writes DIR/agencies.yaml — the plan's 27 agencies plus as many synthetic reporting units
(communes) as the row count needs, all of them expected reporters of the pooled
indicators, written in JSON syntax (JSON is YAML, and cds reads it far faster) — and
DIR/submissions.csv: N rows of pooled indicators in the contract's format,
a share of them with Vietnamese number spellings ("1.234", Vietnamese headers are not
needed: English ones), and about 0.5% defective rows (numerator > denominator, unknown
agency, bad period, a count written "12,5"). Needs PyYAML (a cds dependency) to read the
plan's agencies; a fixed seed gives the same files every time.

    cds validate DIR/submissions.csv --agencies DIR/agencies.yaml
    cds score DIR/submissions.csv --agencies DIR/agencies.yaml --format json
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN_AGENCIES = ROOT / "src" / "cds_cli" / "data" / "agencies.yaml"
POOLED = {  # id: time (stock/flow) — the pooled indicators of the bundled plan
    "gov.online_services_with_applications": "stock",
    "gov.dossiers_online": "flow",
    "gov.dossiers_digitized": "flow",
    "gov.work_records_online_province": "flow",
    "gov.work_records_online_district": "flow",
    "gov.work_records_online_commune": "flow",
    "gov.documents_signed_electronic": "flow",
    "gov.inspections_digital": "flow",
    "gov.commune_radio_ict": "stock",
    "sec.systems_classified_protected": "stock",
    "sec.staff_trained_security": "stock",
}
QUARTERS = 4
DEFECT_SHARE = 0.005
VIETNAMESE_SHARE = 0.3


def units_needed(rows: int) -> int:
    """One row per unit × indicator × quarter: enough units to reach ``rows``."""
    return max(1, -(-rows // (len(POOLED) * QUARTERS)))


def write_agencies(path: Path, units: int) -> list[str]:
    """The plan's agencies file with synthetic units appended and made expected reporters."""
    import yaml

    codes = [f"XA{i:06d}" for i in range(1, units + 1)]
    plan = yaml.safe_load(PLAN_AGENCIES.read_text(encoding="utf-8"))
    plan["agencies"] += [
        {"code": code, "level": "district", "name_vi": f"Đơn vị thử nghiệm {code}", "name_en": f"Synthetic unit {code}"}
        for code in codes
    ]
    plan["groups"]["districts"]["members"] += codes  # the units report as districts do
    path.write_text(json.dumps(plan, ensure_ascii=False, indent=0), encoding="utf-8")
    return codes


def count(value: int, rng: random.Random) -> str:
    if value >= 1000 and rng.random() < VIETNAMESE_SHARE:
        return f"{value:,}".replace(",", ".")  # 1.234 — Vietnamese thousands
    return str(value)


def write_submissions(path: Path, rows: int, codes: list[str], seed: int) -> None:
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("agency,period,indicator,numerator,denominator,value,note\n")
        for code in codes:
            level = rng.uniform(0.2, 0.95)
            for quarter in range(1, QUARTERS + 1):
                for indicator in POOLED:
                    if written >= rows:
                        return
                    denominator = rng.randint(20, 5000)
                    numerator = min(denominator, int(denominator * min(level + 0.04 * quarter, 1.0)))
                    agency, period, n, d = code, f"2023-Q{quarter}", count(numerator, rng), count(denominator, rng)
                    if rng.random() < DEFECT_SHARE:
                        kind = rng.randrange(4)
                        if kind == 0:
                            n, d = str(denominator + 5), str(denominator)
                        elif kind == 1:
                            agency = code.replace("XA", "XB")
                        elif kind == 2:
                            period = "Q5/2023"
                        else:
                            n = "12,5"
                    out.write(f'{agency},{period},{indicator},"{n}","{d}",,\n')
                    written += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True, help="number of data rows")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    codes = write_agencies(args.out / "agencies.yaml", units_needed(args.rows))
    write_submissions(args.out / "submissions.csv", args.rows, codes, args.seed)
    print(f"{args.out}/submissions.csv: {args.rows:,} rows from {len(codes):,} synthetic units")


if __name__ == "__main__":
    main()
