"""Build plan packs for other years from the bundled one, as an analyst would edit them.

``build_pack(folder, year)`` writes a pack for ``year`` (baselines of ``year - 1``) with
another plan number and date, one indicator dropped, one lower-is-better indicator added,
an agency renamed and other pillar weights; ``build_inputs`` writes the example
submissions moved to that year.  No text of the 2023 plan survives in either, so any
"2022", "2023" or "64/KH" in an output comes from code.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cds_cli.plan import default_data_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "2023"
DROPPED = "econ.ecommerce_retail_share"
ADDED = "gov.paper_dossiers"
NUMBER = "15/KH-UBND"


def _load(name: str) -> dict:
    return yaml.safe_load((default_data_dir() / name).read_text(encoding="utf-8"))


def _dump(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_pack(folder: Path, year: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    targets = _load("targets_2023.yaml")
    targets["plan"].update(
        number=NUMBER,
        date=f"{year}-03-20",
        year=year,
        title_vi=f"Kế hoạch Chuyển đổi số tỉnh Bạc Liêu năm {year}",
        title_en=f"Bạc Liêu Province Digital Transformation Plan {year}",
    )
    for pillar, weight in zip(targets["pillars"], (2, 1, 0.5, 1.5), strict=False):
        pillar["weight"] = weight
    indicators = [ind for ind in targets["indicators"] if ind["id"] != DROPPED]
    for ind in indicators:
        if ind["id"] == "soc.adults_smartphone":
            ind["target"] = 90  # the new plan raises it above last year's 84 (a target met already is warned of)
        ind["due"] = f"{year}-Q{ind['due'][-1]}"
        ind["source"] = {"section": "Phần II, mục II.2", "quote": f"Kế hoạch {NUMBER}, chỉ tiêu {ind['id']}"}
        ind.pop("note", None)
    indicators.append(
        {
            "id": ADDED,
            "pillar": "gov",
            "name_vi": "Hồ sơ thủ tục hành chính còn nộp bằng giấy",
            "name_en": "Dossiers still filed on paper",
            "short_name_vi": "Hồ sơ còn nộp bằng giấy",
            "short_name_en": "Dossiers still on paper",
            "unit": "percent",
            "comparator": "<=",
            "target": 20,
            "time": "stock",
            "aggregate": "single",
            "reporter": "STTTT",
            "due": f"{year}-Q4",
            "source": {"section": "Phần II, mục II.2", "quote": "Giảm hồ sơ nộp bằng giấy xuống dưới 20%"},
        }
    )
    targets["indicators"] = indicators
    _dump(folder / f"targets_{year}.yaml", targets)
    _dump(folder / f"baseline_{year - 1}.yaml", _baselines(year - 1, indicators))
    agencies = _load("agencies.yaml")
    sttt = next(a for a in agencies["agencies"] if a["code"] == "STTTT")
    sttt.update(
        name_vi="Sở Khoa học, Công nghệ và Truyền thông", name_en="Department of Science, Technology and Communications"
    )
    _dump(folder / "agencies.yaml", agencies)
    return folder


def _baselines(year: int, indicators: list[dict]) -> dict:
    stated = {"soc.adults_smartphone": (84, "approx"), ADDED: (35, None), "sec.soc_4_layer": ("in_progress", None)}
    baselines = []
    for ind in indicators:
        if ind["id"] in stated:
            value, qualifier = stated[ind["id"]]
            baselines.append(
                {
                    "indicator": ind["id"],
                    "value": value,
                    "qualifier": qualifier,
                    "source": {"section": "Phần I", "quote": f"Kết quả {ind['id']}"},
                }
            )
        else:
            baselines.append({"indicator": ind["id"], "value": None, "note": "Phần I không nêu số liệu."})
    context = [
        {
            "id": "ctx.public_wifi",
            "name_vi": "Điểm wifi công cộng miễn phí",
            "name_en": "Free public wifi spots",
            "value": 120,
            "unit": "count",
            "source": {"section": "Phần I", "quote": "120 điểm wifi công cộng"},
        }
    ]
    return {"year": year, "baselines": baselines, "context": context}


def build_inputs(folder: Path, year: int) -> Path:
    """The example submissions with every year moved (2022 → year−1, 2023 → year), in
    their own encodings, plus the added lower-is-better indicator for three quarters."""
    for source in sorted(EXAMPLES.rglob("*.csv")):
        data = source.read_bytes()
        for encoding in ("utf-8", "utf-16-le"):
            for old, new in (("2023", "\0"), ("2022", str(year - 1)), ("\0", str(year))):
                data = data.replace(old.encode(encoding), new.encode(encoding))
        target = folder / source.relative_to(EXAMPLES).as_posix().replace("2023", str(year))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    rows = "".join(f"STTTT,{year}-Q{q},{ADDED},{n},100,,\n" for q, n in ((1, 31), (2, 27), (3, 22)))
    (folder / "paper.csv").write_text(
        "agency,period,indicator,numerator,denominator,value,note\n" + rows, encoding="utf-8"
    )
    return folder


# A programme with counted targets: the bundled 2023 pack plus two `unit: count` indicators
# running to 2025 (platforms shared by the departments, a stock with a baseline of 2; people
# the districts trained, a flow without one).
PLATFORMS = "gov.shared_platforms"
TRAINED = "soc.people_trained_digital"


def build_count_pack(folder: Path) -> Path:
    """The bundled pack (targets 2023, baselines 2022) with :data:`PLATFORMS` (≥ 5 by 2025-Q4,
    baseline 2) and :data:`TRAINED` (≥ 1,000 a year, due 2024-Q4) added."""
    folder.mkdir(parents=True, exist_ok=True)
    common = {"comparator": ">=", "aggregate": "pooled", "source": {"section": "Phần II", "quote": "nền tảng"}}
    targets = _load("targets_2023.yaml")
    targets["indicators"] += [
        {
            "id": PLATFORMS,
            "pillar": "gov",
            "name_vi": "Nền tảng số dùng chung của các sở, ngành",
            "name_en": "Digital platforms shared by the departments",
            "short_name_vi": "Nền tảng số dùng chung",
            "short_name_en": "Shared digital platforms",
            "unit": "count",
            "target": 5,
            "time": "stock",
            "reporters": ["provincial_departments"],
            "due": "2025-Q4",
            **common,
        },
        {
            "id": TRAINED,
            "pillar": "soc",
            "name_vi": "Người dân được tập huấn kỹ năng số",
            "name_en": "People trained in digital skills",
            "short_name_vi": "Người dân được tập huấn kỹ năng số",
            "short_name_en": "People trained in digital skills",
            "unit": "count",
            "target": 1000,
            "time": "flow",
            "reporters": ["districts"],
            "due": "2024-Q4",
            **common,
        },
    ]
    _dump(folder / "targets_2023.yaml", targets)
    baselines = _load("baseline_2022.yaml")
    baselines["baselines"] += [
        {"indicator": PLATFORMS, "value": 2, "source": {"section": "Phần I", "quote": "2 nền tảng"}},
        {"indicator": TRAINED, "value": None, "note": "Phần I không nêu số liệu."},
    ]
    _dump(folder / "baseline_2022.yaml", baselines)
    _dump(folder / "agencies.yaml", _load("agencies.yaml"))
    return folder
