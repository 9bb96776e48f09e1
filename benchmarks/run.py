#!/usr/bin/env python3
"""Time cds as whole processes at 10k, 100k and 1M rows, and frictionless beside it.

    python benchmarks/run.py                      # all sizes, median of 3 runs
    python benchmarks/run.py --sizes 10000 100000 --repeat 5

For each size it writes the synthetic data with benchmarks/generate.py (cached under
--work), then times `cds validate` and `cds score` (wall clock, median of --repeat
runs, and the peak resident memory of the process), `cds --help` and `cds score` on the
bundled examples.  When the `frictionless` package is installed it also times
`frictionless validate` on the same file with an equivalent Table Schema that this
script writes — once with simple constraints, once with the agency codes as an enum —
and prints the ratios.  The result is a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CDS = [str(BIN / "cds")] if (BIN / "cds").exists() else [sys.executable, "-m", "cds_cli"]
FRICTIONLESS = shutil.which("frictionless", path=str(BIN)) or shutil.which("frictionless")

# Runs a command and prints its peak resident memory (KiB on Linux), measured from a
# fresh parent so that only this one child counts.
_PEAK = ("import resource, subprocess, sys; "
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measure(command: list[str], repeat: int) -> tuple[float, float]:
    """(median seconds, peak MB) of ``command`` over ``repeat`` runs."""
    seconds, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
        seconds.append(time.perf_counter() - start)
        peaks.append(int(out.stdout.strip() or 0) / 1024)
    return statistics.median(seconds), max(peaks)


def data_for(rows: int, work: Path) -> Path:
    folder = work / f"rows-{rows}"
    if not (folder / "submissions.csv").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--rows", str(rows),
                        "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def table_schema(folder: Path, with_enum: bool) -> Path:
    """The contract's columns as a Frictionless Table Schema, as close to cds's checks as
    the format allows (it cannot pool, sum or cross-check rows)."""
    plan = json.loads((folder / "agencies.yaml").read_text(encoding="utf-8"))
    agency = {"name": "agency", "type": "string", "constraints": {"required": True}}
    if with_enum:
        agency["constraints"]["enum"] = [a["code"] for a in plan["agencies"]]
    schema = {"fields": [
        agency,
        {"name": "period", "type": "string", "constraints": {"required": True, "pattern": "2023-Q[1-4]"}},
        {"name": "indicator", "type": "string", "constraints": {"required": True, "pattern": "[a-z]+\\.[a-z0-9_]+"}},
        # "number" because Table Schema's integer has no groupChar (the data has "1.234")
        {"name": "numerator", "type": "number", "groupChar": ".", "decimalChar": ",", "constraints": {"minimum": 0}},
        {"name": "denominator", "type": "number", "groupChar": ".", "decimalChar": ",", "constraints": {"minimum": 1}},
        {"name": "value", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "note", "type": "string"},
    ]}
    path = folder / ("schema-enum.json" if with_enum else "schema.json")
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cds-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    print(f"cds: {' '.join(CDS)} · Python {sys.version.split()[0]} · median of {args.repeat} runs\n")
    help_s, help_mb = measure([*CDS, "--help"], args.repeat)
    examples_s, examples_mb = measure([*CDS, "score", str(ROOT / "examples" / "2023")], args.repeat)
    print("| command | seconds | peak MB |\n|---|---:|---:|")
    print(f"| `cds --help` | {help_s:.2f} | {help_mb:.0f} |")
    print(f"| `cds score examples/2023` | {examples_s:.2f} | {examples_mb:.0f} |\n")

    header = "| rows | cds validate s | MB | cds score s | MB |"
    rule = "|---:|---:|---:|---:|---:|"
    if FRICTIONLESS:
        header += " frictionless s | × cds | frictionless, enum s | × cds |"
        rule += "---:|---:|---:|---:|"
    print(header + "\n" + rule)
    for rows in args.sizes:
        folder = data_for(rows, args.work)
        inputs = [str(folder / "submissions.csv"), "--agencies", str(folder / "agencies.yaml")]
        validate_s, validate_mb = measure([*CDS, "validate", *inputs, "--format", "json"], args.repeat)
        score_s, score_mb = measure([*CDS, "score", *inputs, "--format", "json"], args.repeat)
        line = f"| {rows:,} | {validate_s:.2f} | {validate_mb:.0f} | {score_s:.2f} | {score_mb:.0f} |"
        if FRICTIONLESS:
            for with_enum in (False, True):
                schema = table_schema(folder, with_enum)
                # every row, every error: as cds reports them all
                seconds, _ = measure([FRICTIONLESS, "validate", "--trusted", "--schema", str(schema),
                                      "--limit-errors", str(10 * rows), str(folder / "submissions.csv")], 1)
                line += f" {seconds:.2f} | {seconds / validate_s:.1f} |"
        print(line, flush=True)
    if not FRICTIONLESS:
        print("\n(frictionless is not installed: `pip install frictionless` to compare)")


if __name__ == "__main__":
    main()
