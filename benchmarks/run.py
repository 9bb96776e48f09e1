#!/usr/bin/env python3
"""Time cds as whole processes against the goals of issue 17, beside pandas' read floor.

    python benchmarks/run.py                      # 1M and 2M rows, median of 5 runs
    python benchmarks/run.py --sizes 10000 100000 --repeat 5 --frictionless

Every figure is a whole process (start-up and imports included): wall clock, the median
of --repeat runs, and the peak resident memory.  A floor and the commands compared with it
run side by side, one run of each per round, and a ratio (or difference) is the median of
the rounds' own.  It times `cds --help`, `cds score` and
every `cds report` format on the bundled examples; then, for each size (synthetic data
from benchmarks/generate.py, cached under --work), the read floor - a fresh Python that
imports pandas and runs `read_csv(dtype=str)` on the same file - and `cds validate` and
`cds score` beside it, with the ratios, and how time and memory grow from the smallest
size; at a million rows, also `cds report` in every format and the `cds status` table
(issue 17's goals); last, `load_plan` of the bundled pack with the smallest size's agencies,
inside one fresh process (goal ≤ 0.1 s).  With --frictionless (and the package installed) it also times `frictionless
validate` with an equivalent Table Schema.  Markdown on stdout, each goal marked met or not met.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CDS = [str(BIN / "cds")] if (BIN / "cds").exists() else [sys.executable, "-m", "cds_cli"]
FRICTIONLESS = shutil.which("frictionless", path=str(BIN)) or shutil.which("frictionless")

# Runs a command and prints its wall-clock seconds and peak resident memory (KiB on Linux),
# measured from a fresh parent so that only this one child counts - and the parent's own
# start-up is not in the time.
_PEAK = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_once(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MB) of one run of ``command``."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True)
    elapsed, peak = out.stdout.split()
    return float(elapsed), int(peak) / 1024


def measure(command: list[str], repeat: int) -> tuple[float, float]:
    """(median seconds, peak MB) of ``command`` over ``repeat`` runs."""
    runs = [run_once(command) for _ in range(repeat)]
    return statistics.median(s for s, _ in runs), max(mb for _, mb in runs)


@dataclass
class SideBySide:
    """Commands run in turn, one run of each per round: a floor and what is compared with it
    share the machine's moment.  On a shared machine one command's time moves by a quarter
    from one minute to the next; run in blocks, that drift lands in the ratio."""

    seconds: dict[str, list[float]]
    peaks: dict[str, float]

    @classmethod
    def of(cls, commands: dict[str, list[str]], repeat: int) -> SideBySide:
        seconds: dict[str, list[float]] = {name: [] for name in commands}
        peaks = dict.fromkeys(commands, 0.0)
        for _ in range(repeat):
            for name, command in commands.items():
                elapsed, peak = run_once(command)
                seconds[name].append(elapsed)
                peaks[name] = max(peaks[name], peak)
        return cls(seconds, peaks)

    def median(self, name: str) -> float:
        return statistics.median(self.seconds[name])

    def ratio(self, name: str, floor: str) -> float:
        """The median of the rounds' ratios of ``name`` to ``floor``."""
        return statistics.median(s / f for s, f in zip(self.seconds[name], self.seconds[floor], strict=True))

    def beyond(self, name: str, floor: str) -> float:
        """The median of the rounds' differences of ``name`` from ``floor``."""
        return statistics.median(s - f for s, f in zip(self.seconds[name], self.seconds[floor], strict=True))


def compile_cds() -> None:
    """Compile cds's modules once, as pip does when it installs a package.  An editable
    install in a shell with PYTHONDONTWRITEBYTECODE set (as in some sandboxes and containers)
    would otherwise compile every module again in every run, about 0.1 s."""
    spec = importlib.util.find_spec("cds_cli")
    for folder in spec.submodule_search_locations or [] if spec else []:
        compileall.compile_dir(folder, quiet=1)


def data_for(rows: int, work: Path) -> Path:
    folder = work / f"rows-{rows}"
    if not (folder / "submissions.csv").exists():
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--rows", str(rows), "--out", str(folder)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder


def table_schema(folder: Path, with_enum: bool) -> Path:
    """The contract's columns as a Frictionless Table Schema, as close to cds's checks as
    the format allows (it cannot pool, sum or cross-check rows)."""
    plan = json.loads((folder / "agencies.yaml").read_text(encoding="utf-8"))
    agency = {"name": "agency", "type": "string", "constraints": {"required": True}}
    if with_enum:
        agency["constraints"]["enum"] = [a["code"] for a in plan["agencies"]]
    schema = {
        "fields": [
            agency,
            {"name": "period", "type": "string", "constraints": {"required": True, "pattern": "2023-Q[1-4]"}},
            {
                "name": "indicator",
                "type": "string",
                "constraints": {"required": True, "pattern": "[a-z]+\\.[a-z0-9_]+"},
            },
            # "number" because Table Schema's integer has no groupChar (the data has "1.234")
            {
                "name": "numerator",
                "type": "number",
                "groupChar": ".",
                "decimalChar": ",",
                "constraints": {"minimum": 0},
            },
            {
                "name": "denominator",
                "type": "number",
                "groupChar": ".",
                "decimalChar": ",",
                "constraints": {"minimum": 1},
            },
            {"name": "value", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
            {"name": "note", "type": "string"},
        ]
    }
    path = folder / ("schema-enum.json" if with_enum else "schema.json")
    path.write_text(json.dumps(schema), encoding="utf-8")
    return path


FLOOR = "import sys, pandas; pandas.read_csv(sys.argv[1], dtype=str)"
# What `cds score` must import whatever the input: the start-up floor of the examples' goal.
IMPORT_FLOOR = "import pandas, pyarrow.csv, pydantic, typer, rich.console, rich.table, yaml"
START_UP_RUNS = 5  # the start-up commands are short, and noisier than the big runs
REPORT_FORMATS = ("html", "docx", "xlsx", "md")


def goal(ok: bool) -> str:
    return "met" if ok else "**not met**"


def start_up(repeat: int, work: Path) -> None:
    """`cds --help`, scoring and every report format on the bundled examples, and the time
    it takes a fresh Python only to import the libraries `cds score` needs."""
    examples = str(ROOT / "examples" / "2023")
    print("| command | seconds | peak MB | goal |\n|---|---:|---:|---|")
    seconds, mb = measure([*CDS, "--help"], repeat)
    print(f"| `cds --help` | {seconds:.2f} | {mb:.0f} | ≤ 0.15 s: {goal(seconds <= 0.15)} |")
    runs = SideBySide.of({"floor": [sys.executable, "-c", IMPORT_FLOOR], "score": [*CDS, "score", examples]}, repeat)
    print(f"| import floor: `{IMPORT_FLOOR}` | {runs.median('floor'):.2f} | {runs.peaks['floor']:.0f} | |")
    beyond = runs.beyond("score", "floor")
    print(
        f"| `cds score examples/2023` | {runs.median('score'):.2f} | {runs.peaks['score']:.0f} | ≤ 0.25 s beyond "
        f"the import floor: {goal(beyond <= 0.25)} ({beyond:.2f} s) |"
    )
    for fmt in REPORT_FORMATS:
        out = work / f"report.{fmt}"
        seconds, mb = measure([*CDS, "report", examples, "-f", fmt, "-o", str(out), "--date", "2024-01-15"], repeat)
        print(f"| `cds report examples/2023 -f {fmt}` | {seconds:.2f} | {mb:.0f} | ≤ 2 s: {goal(seconds <= 2)} |")
    print()


def scale(sizes: list[int], repeat: int, work: Path) -> None:
    """validate and score beside the pandas read floor of the same run; growth from the
    first size to each larger one."""
    print("| rows | read floor s | MB | cds validate s | × floor | MB | cds score s | × floor | MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = {}
    for rows in sizes:
        folder = data_for(rows, work)
        csv_path = str(folder / "submissions.csv")
        inputs = [csv_path, "--agencies", str(folder / "agencies.yaml"), "--format", "json"]
        runs = SideBySide.of(
            {
                "floor": [sys.executable, "-c", FLOOR, csv_path],
                "validate": [*CDS, "validate", *inputs],
                "score": [*CDS, "score", *inputs],
            },
            repeat,
        )
        floor = runs.median("floor"), runs.peaks["floor"]
        validate = runs.median("validate"), runs.peaks["validate"], runs.ratio("validate", "floor")
        score = runs.median("score"), runs.peaks["score"], runs.ratio("score", "floor")
        results[rows] = floor, validate, score
        print(
            f"| {rows:,} | {floor[0]:.2f} | {floor[1]:.0f} | {validate[0]:.2f} | {validate[2]:.2f} | "
            f"{validate[1]:.0f} | {score[0]:.2f} | {score[2]:.2f} | {score[1]:.0f} |",
            flush=True,
        )
    print()
    if 1_000_000 in results:  # the size issue 17 sets the report's goals at
        floor, validate, _ = results[1_000_000]
        reports_at_scale(1_000_000, repeat, work, floor[0], validate[0])
    base = min(results)
    for rows, (_, validate, score) in sorted(results.items()):
        worst = max(validate[2], score[2])
        peak = max(validate[1], score[1])
        line = f"- {rows:,} rows: slowest {worst:.2f}× the read floor"
        if rows == 1_000_000:  # the goals are set at a million rows; above it, growth
            line += f" (goal ≤ 1.3×: {goal(worst <= 1.3)}), peak {peak:.0f} MB (goal ≤ 300 MB: {goal(peak <= 300)})"
        else:
            line += f", peak {peak:.0f} MB"
        if rows != base:
            time_ratio = max(validate[0] / results[base][1][0], score[0] / results[base][2][0])
            mb_ratio = peak / max(results[base][1][1], results[base][2][1])
            line += (
                f"; {time_ratio:.2f}× the time and {mb_ratio:.2f}× the memory of {base:,} rows "
                f"(goal ≤ 2.3×: {goal(time_ratio <= 2.3 and mb_ratio <= 2.3)})"
            )
        print(line)
    print()


# The report of a ministry (issue 17): each format at a million rows, beside the read floor
# and `cds validate` of the same run (reading and checking are most of a report's time), and
# `cds status` as the terminal's table (its output not a terminal here: the same table, uncoloured).
REPORT_GOALS = {"docx": 8.0, "html": 4.0, "xlsx": 4.0, "md": 4.0}
STATUS_GOAL = 4.0  # seconds


def reports_at_scale(rows: int, repeat: int, work: Path, floor: float, validate: float) -> None:
    """`cds report` in every format and the `cds status` table on ``rows`` generated rows,
    each with its goal."""
    folder = data_for(rows, work)
    inputs = [str(folder / "submissions.csv"), "--agencies", str(folder / "agencies.yaml")]
    print(f"| at {rows:,} rows | seconds | × read floor | beyond validate s | peak MB | goal |")
    print("|---|---:|---:|---:|---:|---|")
    commands = {
        f"`cds report -f {fmt}`": (
            [*CDS, "report", *inputs, "--date", "2024-01-15", "-f", fmt, "-o", str(work / f"report-{rows}.{fmt}")],
            REPORT_GOALS[fmt],
        )
        for fmt in REPORT_FORMATS
    }
    commands["`cds status` (table)"] = ([*CDS, "status", *inputs], STATUS_GOAL)
    for name, (command, limit) in commands.items():
        seconds, mb = measure(command, repeat)
        print(
            f"| {name} | {seconds:.2f} | {seconds / floor:.2f} | {seconds - validate:.2f} | {mb:.0f} | "
            f"≤ {limit:g} s: {goal(seconds <= limit)} |",
            flush=True,
        )
    print()


# Loads the bundled plan with a generated agencies file, in this fresh process, PLAN_LOADS
# times: prints the number of agencies, the first load's seconds and the median of the rest
# (each plan let go and the collector run between loads, outside the time).
_PLAN_LOAD = (
    "import gc, statistics, sys, time; from cds_cli.plan import load_plan; times = []\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    start = time.perf_counter(); plan = load_plan(agencies=sys.argv[1])\n"
    "    times.append(time.perf_counter() - start); agencies = len(plan.agencies); del plan; gc.collect()\n"
    "print(agencies, times[0], statistics.median(times[1:]))"
)
PLAN_LOADS = 11
PLAN_LOAD_GOAL = 0.1  # seconds, issue 17


def plan_load(rows: int, work: Path) -> None:
    """`load_plan` of the bundled pack with the agencies of ``rows`` generated rows (a
    ministry's reporting units), timed inside one fresh process."""
    agencies = data_for(rows, work) / "agencies.yaml"
    out = subprocess.run(
        [sys.executable, "-c", _PLAN_LOAD, str(agencies), str(PLAN_LOADS)], capture_output=True, text=True, check=True
    )
    count, first, median = out.stdout.split()
    print(
        f"- a plan of {int(count):,} agencies loads in {float(median):.3f} s (median of {PLAN_LOADS - 1} loads "
        f"in one process; the first {float(first):.3f} s) (goal ≤ {PLAN_LOAD_GOAL:g} s: "
        f"{goal(float(median) <= PLAN_LOAD_GOAL)})\n"
    )


def compare_frictionless(sizes: list[int], work: Path) -> None:
    print(
        "| rows | cds validate s | frictionless s | × cds | frictionless, enum s | × cds "
        "|\n|---:|---:|---:|---:|---:|---:|"
    )
    for rows in sizes:
        folder = data_for(rows, work)
        cds_s, _ = measure(
            [
                *CDS,
                "validate",
                str(folder / "submissions.csv"),
                "--agencies",
                str(folder / "agencies.yaml"),
                "--format",
                "json",
            ],
            1,
        )
        line = f"| {rows:,} | {cds_s:.2f} |"
        for with_enum in (False, True):
            schema = table_schema(folder, with_enum)
            # every row, every error: as cds reports them all
            seconds, _ = measure(
                [
                    FRICTIONLESS,
                    "validate",
                    "--trusted",
                    "--schema",
                    str(schema),
                    "--limit-errors",
                    str(10 * rows),
                    str(folder / "submissions.csv"),
                ],
                1,
            )
            line += f" {seconds:.2f} | {seconds / cds_s:.1f} |"
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 2_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/cds-bench"))
    parser.add_argument("--frictionless", action="store_true", help="also time frictionless (when installed)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    print(
        f"cds: {' '.join(CDS)} · Python {sys.version.split()[0]} · median of {args.repeat} runs · "
        f"read floor: pandas.read_csv(dtype=str) in a fresh process (import included); "
        f"start-up commands: median of {START_UP_RUNS}\n"
    )
    compile_cds()
    start_up(START_UP_RUNS, args.work)
    scale(args.sizes, args.repeat, args.work)
    plan_load(min(args.sizes), args.work)
    if args.frictionless and FRICTIONLESS:
        compare_frictionless(args.sizes, args.work)


if __name__ == "__main__":
    main()
