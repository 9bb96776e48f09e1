"""The ``cds`` command line: short glue around the library.

Each command parses its options, calls one library function, hands the result to the
renderer switch and sets the exit code: 0 success, 1 data errors, 2 usage or plan-file
errors.  Heavy libraries (pandas, pydantic) are imported inside the commands so that
``cds --help`` starts instantly.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional

import typer

from .errors import CdsError, UsageError

if TYPE_CHECKING:  # only for annotations: keeps `cds --help` from importing the core
    from .periods import Period

EXIT_OK, EXIT_DATA_ERRORS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="cds",
    help=(
        "Indicator calculator for Bạc Liêu's digital-transformation plan 2023 (Kế hoạch 64/KH-UBND).\n\n"
        "Example: cds score examples/2023 --period 2023-Q2"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: no rich/markdown import, so `cds --help` starts at once
)


def _choices(name: str, *values: str) -> type[Enum]:
    """An option's allowed values, as the str-Enum typer turns into a checked choice."""
    return Enum(name, {value: value for value in values}, type=str)


Lang = _choices("Lang", "vi", "en")
ScoreFormat = _choices("ScoreFormat", "table", "json", "csv", "markdown")
ScoreBy = _choices("ScoreBy", "indicator", "agency")
ValidateFormat = _choices("ValidateFormat", "text", "json", "github")
StatusFormat = _choices("StatusFormat", "table", "json", "csv")
ReportFormat = _choices("ReportFormat", "html", "docx", "xlsx", "md")
TemplateFormat = _choices("TemplateFormat", "csv", "xlsx")
CatalogueFormat = _choices("CatalogueFormat", "table", "json")


Inputs = Annotated[list[Path], typer.Argument(help="Submission files or directories (every *.csv and *.xlsx below, sorted by path).", show_default=False)]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of labels and messages (ids, codes and keys never change).")]
TargetsOption = Annotated[Optional[Path], typer.Option("--targets", help="Targets YAML (default: the packaged data/targets_2023.yaml).")]
BaselineOption = Annotated[Optional[Path], typer.Option("--baseline", help="Baselines YAML (default: the packaged data/baseline_2022.yaml).")]
SheetOption = Annotated[Optional[str], typer.Option("--sheet", help="Worksheet to read in .xlsx files (default: the first).")]
AgenciesOption = Annotated[Optional[Path], typer.Option("--agencies", help="Agencies YAML (default: the packaged data/agencies.yaml).")]


def handles_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """The one place where "cannot continue" becomes a message and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CdsError as exc:
            typer.echo(f"cds: {exc}", err=True)
            raise typer.Exit(EXIT_USAGE) from None

    return wrapper


def _load(targets: Path | None, baseline: Path | None, agencies: Path | None):
    from .plan import load_plan

    return load_plan(targets, baseline, agencies)


def _period_option(period: str | None, plan) -> "Period | None":
    from .periods import parse_period

    if period is None:
        return None
    chosen = parse_period(period)
    if chosen is None or chosen.year != plan.year:
        raise UsageError(f"--period {period!r}: give a quarter of {plan.year}, e.g. {plan.year}-Q2")
    return chosen


@contextlib.contextmanager
def _progress():
    """A progress bar on stderr while files are read and checked; nothing when stderr is
    not a terminal (CI logs, pipes), so `cds score --format json | jq` stays clean."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("cds", total=1)

        def tell(what: str, done: int, total: int) -> None:
            bar.update(task, description=what[-60:], completed=done, total=total)

        yield tell


def _read(inputs: list[Path], plan, sheet: str | None):
    from .submissions.validate import read_submissions

    _check_inputs(inputs)
    with _progress() as tell:
        return read_submissions(inputs, plan, sheet, progress=tell)


def _check_inputs(inputs: list[Path]) -> None:
    missing = [str(p) for p in inputs if str(p) != "-" and not p.exists()]  # "-": standard input
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")


@app.command("score")
@handles_errors
def score_command(
    inputs: Inputs,
    period: Annotated[Optional[str], typer.Option("--period", "-p", help="Quarter to score, e.g. 2023-Q2 (default: the latest reported).")] = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.table,
    lang: LangOption = Lang.vi,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any row has an error (the score is still printed).")] = False,
    by: Annotated[ScoreBy, typer.Option("--by", help="indicator: the scorecard; agency: each agency's own figures for the pooled indicators, ranked.")] = ScoreBy.indicator,
    sheet: SheetOption = None,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """Score every plan indicator, each pillar and the index for a quarter.

    Example: cds score examples/2023 --period 2023-Q2 --format json --lang en
    """
    from .render import render
    from .scoring import agency_breakdown, score

    plan = _load(targets, baseline, agencies)
    chosen = _period_option(period, plan)
    report = _read(inputs, plan, sheet)
    result = score(report, plan, chosen) if by is ScoreBy.indicator else agency_breakdown(report, plan, chosen)
    render(result, fmt.value, lang.value, sys.stdout, inputs=" ".join(map(str, inputs)))
    if strict and report.errors:
        raise typer.Exit(EXIT_DATA_ERRORS)


@app.command("validate")
@handles_errors
def validate_command(
    inputs: Inputs,
    fmt: Annotated[Optional[ValidateFormat], typer.Option("--format", "-f", help="Output format (default: github inside GitHub Actions, text elsewhere).", show_default=False)] = None,
    lang: LangOption = Lang.vi,
    sheet: SheetOption = None,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """Check submission files; list every problem with file, line and column; exit 1 on any error.

    Example: cds validate examples/2023 --lang en
    """
    from .render import render

    plan = _load(targets, baseline, agencies)
    report = _read(inputs, plan, sheet)
    if fmt is None:
        fmt = ValidateFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else ValidateFormat.text
    render(report, fmt.value, lang.value, sys.stdout)
    if not report.valid:
        raise typer.Exit(EXIT_DATA_ERRORS)


@app.command("indicators")
@handles_errors
def indicators_command(
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="Output format.")] = CatalogueFormat.table,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """List the plan's indicators with their 2022 baseline and 2023 target.

    Example: cds indicators --format json
    """
    from .render import render

    render(_load(targets, baseline, agencies), fmt.value, lang.value, sys.stdout)


@app.command("status")
@handles_errors
def status_command(
    inputs: Inputs,
    period: Annotated[Optional[str], typer.Option("--period", "-p", help="Quarter to check, e.g. 2023-Q2 (default: the latest reported).")] = None,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format (csv: one row per expected report).")] = StatusFormat.table,
    lang: LangOption = Lang.vi,
    sheet: SheetOption = None,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """Who has reported: expected reports per agency and indicator, received, missing, rate.

    Example: cds status examples/2023 --period 2023-Q2
    """
    from .status import completeness
    from .render import render

    plan = _load(targets, baseline, agencies)
    chosen = _period_option(period, plan)
    render(completeness(_read(inputs, plan, sheet), plan, chosen), fmt.value, lang.value, sys.stdout)


@app.command("report")
@handles_errors
def report_command(
    inputs: Inputs,
    year: Annotated[Optional[int], typer.Option("--year", help="The plan year the report covers (default: the plan's).")] = None,
    period: Annotated[Optional[str], typer.Option("--period", "-p", help="Last quarter covered, e.g. 2023-Q4 (default: the latest reported).")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="html (self-contained), docx (draft to sign), xlsx (working copy) or md.")] = ReportFormat.html,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: html/md to stdout, docx/xlsx to cds-report-PERIOD.EXT).")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date printed on the report, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else none).")] = None,
    lang: LangOption = Lang.vi,
    sheet: SheetOption = None,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """Write the report of the year: summary, every indicator by quarter, projection, charts.

    Example: cds report examples/2023 --year 2023 --format docx -o bao-cao-2023.docx
    """
    import datetime

    from .outputs import write_atomic
    from .report import build_report, render_report
    from .outputs import report_date

    plan = _load(targets, baseline, agencies)
    if year is not None and year != plan.year:
        raise UsageError(f"--year {year}: the plan ({plan.info.number}) covers {plan.year}")
    chosen = _period_option(period, plan)
    if date is not None:
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date {date!r}: write the date as YYYY-MM-DD, e.g. 2024-01-15") from None
    report = _read(inputs, plan, sheet)
    annual = build_report(report, plan, chosen, inputs=inputs, date=report_date(date))
    data = render_report(annual, fmt.value, lang.value)
    if output is None and fmt in (ReportFormat.html, ReportFormat.md):
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        return
    target = output or Path(f"cds-report-{annual.period}.{fmt.value}")
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    typer.echo(f"{target}: report {annual.period} ({fmt.value}, {len(data):,} bytes)", err=True)


@app.command("template")
@handles_errors
def template_command(
    agency: Annotated[str, typer.Option("--agency", "-a", help="Agency code or name, e.g. SYT or 'Sở Y tế'.", show_default=False)],
    period: Annotated[str, typer.Option("--period", "-p", help="Quarter the form is for, e.g. 2023-Q3.", show_default=False)],
    fmt: Annotated[TemplateFormat, typer.Option("--format", "-f", help="csv (UTF-8 with BOM, semicolons, as Excel writes it) or xlsx.")] = TemplateFormat.xlsx,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: CSV to stdout, XLSX to AGENCY_PERIOD.xlsx).")] = None,
    lang: LangOption = Lang.vi,
    targets: TargetsOption = None,
    baseline: BaselineOption = None,
    agencies: AgenciesOption = None,
) -> None:
    """Write the submission form of one agency for one quarter, ready to fill in.

    Example: cds template --agency SYT --period 2023-Q3 --format xlsx -o SYT-2023-Q3.xlsx
    """
    from .outputs import write_atomic
    from .templates import template_csv, template_rows, template_xlsx
    from .text import fold

    plan = _load(targets, baseline, agencies)
    code = plan.agency_lookup.get(fold(agency))
    if code is None:
        raise UsageError(f"--agency {agency!r}: not an agency of the plan; `cds indicators` and data/agencies.yaml list them")
    quarter = _period_option(period, plan)
    rows = template_rows(plan, code, quarter, lang.value)
    if fmt is TemplateFormat.csv:
        data = template_csv(rows)
    else:
        name = plan.agency(code).name(lang.value)
        data = template_xlsx(rows, f"{plan.info.number} — {name} — {quarter}")
    if output is None and fmt is TemplateFormat.csv:
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))
        return
    target = output or Path(f"{code}_{quarter}.{fmt.value}")
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    typer.echo(f"{target}: {len(rows)} indicators for {code} {quarter}", err=True)


def main() -> None:
    app()
