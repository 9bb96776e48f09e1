"""The ``cds`` command line: short glue around the library.

Each command parses its options, calls one library function, hands the result to the
renderer switch and sets the exit code: 0 success, 1 data errors, 2 usage or plan-file
errors.  The options every command shares (the plan pack, its files, the language, the
sheet) are declared once, in :func:`plan_options`.  Heavy libraries (pandas, pydantic)
are imported inside the commands so that ``cds --help`` starts instantly.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeAlias

import typer

from ..collector import start_up, started
from ..errors import CdsError, UsageError
from ..words.labels import number, shown
from ..words.messages import DEFAULT_LANG, LANGS, text
from .outputs import choice

if TYPE_CHECKING:  # only for annotations: keeps `cds --help` from importing the core
    from ..periods import Period
    from ..plan import PackCheck, Plan, PlanSet
    from ..settings import Settings

EXIT_OK, EXIT_DATA_ERRORS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="cds",
    help=(
        "Indicator calculator for a province's yearly digital-transformation plan, read from a plan pack "
        "(default: the bundled one; see cds indicators).\n\n"
        "Example: cds score submissions/"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: no rich/markdown import, so `cds --help` starts at once
)
plan_app = typer.Typer(
    help="Plan packs: check one as data, or start next year's from this year's results.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(plan_app, name="plan")


# Option choices, checked by typer. The formats come from the one output table
# (console/outputs.py); to a type checker each is the plain string typer hands over.
if TYPE_CHECKING:
    Lang: TypeAlias = str
    ScoreBy: TypeAlias = str
    ScoreFormat: TypeAlias = str
    ValidateFormat: TypeAlias = str
    StatusFormat: TypeAlias = str
    ReportFormat: TypeAlias = str
    TemplateFormat: TypeAlias = str
    CatalogueFormat: TypeAlias = str
    AgenciesFormat: TypeAlias = str
    HistoryFormat: TypeAlias = str
else:
    Lang = Literal[LANGS]
    ScoreBy = Literal["indicator", "agency"]
    ScoreFormat, ValidateFormat, StatusFormat, ReportFormat, TemplateFormat, CatalogueFormat = (
        choice(kind) for kind in ("score", "validate", "status", "report", "template", "indicators")
    )
    AgenciesFormat = choice("agencies")
    HistoryFormat = choice("history")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"cds {version('cds-cli')}")
        except PackageNotFoundError:  # run from a source tree that is not installed
            from .. import __version__

            typer.echo(f"cds {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Indicator calculator for a province's yearly digital-transformation plan."""


# --------------------------------------------------------------------------- shared options

Inputs = Annotated[
    list[Path],
    typer.Argument(
        help="Submission files or directories (every *.csv, *.xlsx, *.xls and *.ods below, sorted by path), or - for "
        "standard input.",
        show_default=False,
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of labels and messages (default: lang in cds.toml, else vi; ids, codes and keys never change).",
        show_default=False,
    ),
]

# name → (annotation, default): added to every command decorated with plan_options.
_PLAN_OPTIONS: dict[str, tuple[Any, Any]] = {
    "plan": (
        Annotated[
            Path | None,
            typer.Option(
                "--plan",
                help="Plan pack directory, or 'bundled' for the pack shipped with cds (default: $CDS_PLAN, "
                "then plan in cds.toml, then the bundled pack).",
                show_default=False,
            ),
        ],
        None,
    ),
    "targets": (
        Annotated[
            Path | None,
            typer.Option(
                "--targets", help="Targets YAML replacing the pack's targets_<year>.yaml.", show_default=False
            ),
        ],
        None,
    ),
    "baseline": (
        Annotated[
            Path | None,
            typer.Option(
                "--baseline", help="Baselines YAML replacing the pack's baseline_<year>.yaml.", show_default=False
            ),
        ],
        None,
    ),
    "agencies": (
        Annotated[
            Path | None,
            typer.Option("--agencies", help="Agencies YAML replacing the pack's agencies.yaml.", show_default=False),
        ],
        None,
    ),
    "lang": (LangOption, None),
}
_SHEET_OPTION = (
    Annotated[
        str | None,
        typer.Option(
            "--sheet",
            help="Worksheet to read in workbooks: .xlsx, .xls, .ods (default: sheet in cds.toml, else the first).",
            show_default=False,
        ),
    ],
    None,
)


@dataclass
class Run:
    """What the shared options decide for one command: settings, and the plan on first use."""

    settings: Settings
    files: dict[str, Path | None]

    @property
    def lang(self) -> str:
        return self.settings.lang

    @property
    def sheet(self) -> str | None:
        return self.settings.sheet

    @functools.cached_property
    def plan(self) -> Plan:
        """The one pack chosen; with ``plans = [...]``, the latest of them (the plan in force)."""
        from ..plan import load_plan

        if self.settings.plans:
            return self.plans.latest
        return load_plan(plan=self.settings.plan, **self.files)

    @functools.cached_property
    def plans(self) -> PlanSet:
        """Every pack the rows are read against: cds.toml's ``plans``, else the one pack."""
        from ..plan import load_plans, single

        if not self.settings.plans:
            return single(self.plan)
        if any(self.files.values()):  # single files of which pack? Ask for --plan rather than guess
            raise UsageError("plan_files_with_plans", origin=self.settings.origin)
        return load_plans(self.settings.plans, self.settings.origin)

    def plan_at(self, period: Period | None) -> Plan:
        """The pack covering ``period`` (None, or no pack covers it: the latest)."""
        return self.plans.for_period(period) or self.plans.latest


def plan_options(sheet: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Add the shared options to a command (which receives them as ``run``), and turn
    every "cannot continue" into its message, in the command's language, and exit 2."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        shared = {**_PLAN_OPTIONS, **({"sheet": _SHEET_OPTION} if sheet else {})}

        @functools.wraps(command)
        def wrapper(**kwargs: Any) -> Any:
            options = {name: kwargs.pop(name) for name in shared}
            lang = options["lang"]
            try:
                from ..settings import resolve

                settings = resolve(options["plan"], lang, options.get("sheet"))
                lang = settings.lang
                files = {name: options[name] for name in ("targets", "baseline", "agencies")}
                return command(run=Run(settings, files), **kwargs)
            except CdsError as exc:
                _fail(exc, lang)

        own = [p for p in inspect.signature(command, eval_str=True).parameters.values() if p.name != "run"]
        extra = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
            for name, (annotation, default) in shared.items()
        ]
        wrapper.__signature__ = inspect.Signature(own + extra)  # type: ignore[attr-defined]  # read by typer
        wrapper.__annotations__ = {p.name: p.annotation for p in own + extra}
        return wrapper

    return decorate


def _fail(exc: CdsError, lang: str | None) -> NoReturn:
    """The one place where "cannot continue" becomes a message and exit code 2."""

    typer.echo(f"cds: {exc.message(lang or DEFAULT_LANG)}", err=True)
    raise typer.Exit(EXIT_USAGE)


def _period_option(period: str | None, plans: PlanSet) -> Period | None:
    """The quarter ``--period`` names, in a year a pack covers (None: the command's
    default); any other is a usage error: it has no plan to be scored against."""
    from ..periods import parse_period

    if period is None:
        return None
    chosen = parse_period(period)
    if chosen is None or plans.for_period(chosen) is None:
        raise UsageError("period_option", value=repr(period), year=plans.latest.year, years=plans.years_text())
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

    with Progress(
        TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True
    ) as bar:
        task = bar.add_task("cds", total=1)

        def tell(what: str, done: int, total: int) -> None:
            bar.update(task, description=what[-60:], completed=done, total=total)

        yield tell


def _read(inputs: list[Path], run: Run, plan: Plan | None = None):
    from ..memory import give_back
    from ..submissions.validate import read_submissions

    _check_inputs(inputs)
    plans = plan or run.plans
    # Start-up (imports, options, the plan) is over: the collector back on for the data, and
    # what start-up freed (the plan files' parse: 11 MB of a ministry's) back to the system.
    started()
    give_back()
    with _progress() as tell:
        return read_submissions(inputs, plans, run.sheet, progress=tell)


def _check_inputs(inputs: list[Path]) -> None:
    missing = [str(p) for p in inputs if str(p) != "-" and not p.exists()]  # "-": standard input
    if missing:
        raise UsageError("no_such_input", paths=", ".join(missing))


def _write(target: Path, data: bytes) -> None:
    from ..outputs import write_atomic

    try:
        write_atomic(target, data)
    except OSError as exc:
        raise UsageError("cannot_write", path=str(target), reason=exc.strerror or str(exc)) from None


def _stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(data.decode("utf-8"))


# --------------------------------------------------------------------------- commands

IdsOption = Annotated[bool, typer.Option("--ids", help="Add the ids (indicator ids, agency codes) beside the names.")]
# The format of a list of findings (validate, plan check): annotations by default inside GitHub Actions.
FindingsFormatOption = Annotated[
    ValidateFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: github inside GitHub Actions, text elsewhere).",
        show_default=False,
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Quarter of the plan year, e.g. YYYY-Q2 (default: the latest reported).",
        show_default=False,
    ),
]


@app.command("score")
@plan_options(sheet=True)
def score_command(
    run: Run,
    inputs: Inputs,
    period: PeriodOption = None,
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any row has an error (the score is still printed).")
    ] = False,
    by: Annotated[
        ScoreBy,
        typer.Option(
            "--by",
            help="indicator: the scorecard; agency: each agency's own figures for the pooled indicators, ranked.",
        ),
    ] = "indicator",
    ids: IdsOption = False,
) -> None:
    """Score every plan indicator, each pillar and the index for a quarter.

    Example: cds score submissions/ --format json --lang en
    """
    from ..scoring import agency_breakdown, score
    from .render import render

    chosen = _period_option(period, run.plans)
    report = _read(inputs, run)
    plan = run.plan_at(chosen or report.latest_period())
    result = score(report, plan, chosen) if by == "indicator" else agency_breakdown(report, plan, chosen)
    render(result, fmt, run.lang, sys.stdout, inputs=" ".join(map(str, inputs)), ids=ids)
    if strict and report.errors:
        raise typer.Exit(EXIT_DATA_ERRORS)


@app.command("validate")
@plan_options(sheet=True)
def validate_command(
    run: Run,
    inputs: Inputs,
    fmt: FindingsFormatOption = None,
) -> None:
    """Check submission files; list every problem with file, line and column; exit 1 on any error.

    Example: cds validate submissions/ --lang en
    """
    from .render import render

    report = _read(inputs, run)
    render(report, _github_or(fmt, "text"), run.lang, sys.stdout)
    if not report.valid:
        raise typer.Exit(EXIT_DATA_ERRORS)


def _github_or(fmt: str | None, default: str) -> str:
    """The format asked for; else annotations inside GitHub Actions, ``default`` elsewhere."""
    if fmt is not None:
        return fmt
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else default


@app.command("indicators")
@plan_options()
def indicators_command(
    run: Run,
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    context: Annotated[
        bool,
        typer.Option("--context", help="List the baseline year's figures that have no target (context, never scored)."),
    ] = False,
    ids: IdsOption = False,
) -> None:
    """List the plan's indicators with their baseline and target.

    Example: cds indicators --format json
    """
    from .render import render

    render(run.plan, fmt, run.lang, sys.stdout, kind="context" if context else "indicators", ids=ids)


@app.command("history")
@plan_options(sheet=True)
def history_command(
    run: Run,
    inputs: Inputs,
    indicator: Annotated[
        list[str] | None,
        typer.Option("--indicator", help="Only this indicator (its id; repeat for more).", show_default=False),
    ] = None,
    fmt: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
    ids: IdsOption = False,
) -> None:
    """Each indicator through every period with data: its value, target and status.

    Example: cds history submissions/ --indicator gov.dossiers_online
    """
    from ..findings import hint
    from ..history import history
    from .render import render

    for wanted in indicator or []:
        if wanted not in {ind.id for ind in run.plan.indicators}:
            guess = run.plan.suggest_indicator(wanted.strip().lower())
            raise UsageError("indicator_option", value=repr(wanted), hint=hint(guess))
    render(history(_read(inputs, run), run.plans, indicator or ()), fmt, run.lang, sys.stdout, ids=ids)


@app.command("agencies")
@plan_options()
def agencies_command(
    run: Run,
    fmt: Annotated[AgenciesFormat, typer.Option("--format", "-f", help="Output format.")] = "table",
) -> None:
    """List the pack's agencies: code, name, kind, aliases and the indicators each reports.

    Example: cds agencies --format csv
    """
    from .render import render

    render(run.plan, fmt, run.lang, sys.stdout, kind="agencies")


@app.command("status")
@plan_options(sheet=True)
def status_command(
    run: Run,
    inputs: Inputs,
    period: PeriodOption = None,
    fmt: Annotated[
        StatusFormat, typer.Option("--format", "-f", help="Output format (csv: one row per expected report).")
    ] = "table",
    ids: IdsOption = False,
) -> None:
    """Who has reported: expected reports per agency and indicator, received, missing, rate.

    Example: cds status submissions/
    """
    from ..status import completeness
    from .render import render

    chosen = _period_option(period, run.plans)
    report = _read(inputs, run)
    plan = run.plan_at(chosen or report.latest_period())
    render(completeness(report, plan, chosen), fmt, run.lang, sys.stdout, ids=ids)


@app.command("report")
@plan_options(sheet=True)
def report_command(
    run: Run,
    inputs: Inputs,
    year: Annotated[
        int | None,
        typer.Option("--year", help="The plan year the report covers (default: the plan's).", show_default=False),
    ] = None,
    period: PeriodOption = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="html (self-contained), docx (draft to sign), xlsx (working copy) or md."),
    ] = "html",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: html/md to stdout, docx/xlsx to cds-report-PERIOD.EXT).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date printed on the report, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else none).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the report of the year: summary, every indicator by quarter, projection, charts.

    Example: cds report submissions/ --format docx -o report.docx
    """

    from ..outputs import report_date
    from ..report import build_report, render_report

    chosen = _period_option(period, run.plans)
    plan = run.plan_at(chosen) if chosen else run.plans.for_year(year) if year is not None else None
    if year is not None and (plan is None or year != plan.year):
        raise UsageError("year_option", value=year, **(plan or run.plan).terms)
    if date is not None:
        _check_date(date, (plan or run.plan).year + 1)
    report = _read(inputs, run)
    plan = plan or run.plan_at(report.latest_period())  # by default the pack of the latest accepted period
    previous = _previous_pack(run, plan, chosen or report.latest_period(plan.years))
    annual = build_report(report, plan, chosen, date=report_date(date), previous=previous)
    data = render_report(annual, fmt, run.lang)
    if output is None and fmt in ("html", "md"):
        return _stdout(data)
    target = output or Path(f"cds-report-{annual.period}.{fmt}")
    _write(target, data)
    size = number(len(data), run.lang, 0)
    typer.echo(text("written.report", run.lang, target=target, period=annual.period, fmt=fmt, size=size), err=True)


def _check_date(date: str, example_year: int) -> None:
    """A --date that is a calendar date (YYYY-MM-DD); the message shows one of ``example_year``."""
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise UsageError("date_option", value=repr(date), year=example_year) from None


def _previous_pack(run: Run, plan: Plan, covered: Period | None) -> Plan | None:
    """The pack of the year before the report's: it scores the same quarter last year."""
    return run.plans.for_year((covered.year if covered else plan.year) - 1)


@app.command("template")
@plan_options()
def template_command(
    run: Run,
    agency: Annotated[
        str, typer.Option("--agency", "-a", help="Agency code or name, e.g. SYT or 'So Y te'.", show_default=False)
    ],
    period: Annotated[
        str,
        typer.Option(
            "--period", "-p", help="Quarter the form is for, e.g. YYYY-Q3 in the plan year.", show_default=False
        ),
    ],
    fmt: Annotated[
        TemplateFormat,
        typer.Option("--format", "-f", help="csv (UTF-8 with BOM, semicolons, as Excel writes it) or xlsx."),
    ] = "xlsx",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: CSV to stdout, XLSX to AGENCY_PERIOD.xlsx).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the submission form of one agency for one quarter, ready to fill in.

    Example: cds template --agency SYT --period <year>-Q3 --format xlsx
    """
    from ..templates import template_csv, template_rows, template_xlsx
    from ..text import fold

    quarter = _period_option(period, run.plans)
    assert quarter is not None
    plan = run.plan_at(quarter)
    code = plan.agency_lookup.get(fold(agency))
    if code is None:
        from ..findings import hint

        guess = plan.suggest_agency(fold(agency))
        raise UsageError("agency_option", value=repr(agency), hint=hint(plan.agency_lookup[guess] if guess else None))
    rows = template_rows(plan, code, quarter, run.lang)
    if fmt == "csv":
        data = template_csv(rows)
    else:
        title = text("template.title", run.lang, agency=plan.agency(code).name(run.lang), period=quarter, **plan.terms)
        data = template_xlsx(rows, title, run.lang)
    if output is None and fmt == "csv":
        return _stdout(data)
    target = output or Path(f"{code}_{quarter}.{fmt}")
    _write(target, data)
    typer.echo(
        text("written.template", run.lang, target=target, count=len(rows), agency=code, period=quarter), err=True
    )


# --------------------------------------------------------------------------- cds plan


@plan_app.command("check")
def plan_check_command(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The plan pack (default: the chosen one: --plan, $CDS_PLAN, cds.toml, the bundled pack).",
            show_default=False,
        ),
    ] = None,
    fmt: FindingsFormatOption = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source", help="The plan's text (UTF-8): every quote of the pack must be found in it.", show_default=False
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check a plan pack as data: every problem with file and line; exit 1 on any error.
    Without DIR, every pack cds.toml lists in plans (and that no two cover one year).

    Example: cds plan check data --source ke-hoach.txt
    """
    from ..plan import check_pack, pack_files, plan_set
    from .render import render

    language = lang
    try:
        from ..settings import resolve

        settings = resolve(directory, language)
        language = settings.lang
        listed = settings.plans or ((str(settings.plan or "bundled"), settings.plan),)
        checks = [(name, check_pack(pack_files(folder), _source_text(source), results=True)) for name, folder in listed]
    except CdsError as exc:
        _fail(exc, language)
    shown_as = _github_or(fmt, "text")
    if len(checks) > 1 and shown_as == "json":
        _json_checks(checks, language)
    else:
        for _, check in checks:
            render(check, shown_as, language, sys.stdout)
    if not all(check.valid for _, check in checks):
        raise typer.Exit(EXIT_DATA_ERRORS)
    if len(checks) > 1:
        try:
            plan_set([(name, check.plan) for name, check in checks if check.plan is not None], settings.origin)
        except CdsError as exc:
            _fail(exc, language)


def _json_checks(checks: list[tuple[str, PackCheck]], lang: str) -> None:
    """Several packs checked: one JSON document, each pack's as ``cds plan check DIR`` writes it."""
    from ..json_documents import plan_checks_document
    from ..writers import json_text

    typer.echo(json_text(plan_checks_document(checks, lang)))


def _source_text(source: Path | None) -> str | None:
    if source is None:
        return None
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("cannot_read", path=str(source), reason=getattr(exc, "strerror", None) or str(exc)) from None


# The year's results and the pack they are scored against, as `plan new` and `plan baselines` take them.
MoreResults = Annotated[list[Path] | None, typer.Argument(help="More result files or directories.", show_default=False)]
FromPack = Annotated[
    Path | None,
    typer.Option("--from", help="The pack of the results' year (default: the chosen one).", show_default=False),
]


@plan_app.command("new")
@plan_options(sheet=True)
def plan_new_command(
    run: Run,
    year: Annotated[
        int,
        typer.Option(
            "--year", help="The year of the new plan (the results are of the year before).", show_default=False
        ),
    ],
    results: Annotated[
        list[Path],
        typer.Option(
            "--results",
            help="Submission files or directories of the past year (repeat, or list more after it).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Directory of the new pack (must not exist yet).", show_default=False)
    ],
    more: MoreResults = None,
    source_pack: FromPack = None,
    number: Annotated[
        str, typer.Option("--number", help="The new plan's number, e.g. 12/KH-UBND (default: left empty).")
    ] = "",
    date: Annotated[
        str, typer.Option("--date", help="The new plan's date of issue, YYYY-MM-DD (default: left empty).")
    ] = "",
) -> None:
    """Start next year's plan pack: targets carried over for review, baselines = this year's results.

    Example: cds plan new --year <next year> --results submissions/ -o plan-next --number 12/KH-UBND
    """
    from ..plan.newyear import new_pack

    if date:
        _check_date(date, year)
    if source_pack is not None:
        run = Run(_with_plan(run.settings, source_pack), run.files)
    inputs = [*results, *(more or [])]
    written = new_pack(run.plan, year, _read(inputs, run, run.plan), output, number.strip(), date)
    typer.echo(written.summary(run.lang), err=True)


@plan_app.command("baselines")
@plan_options(sheet=True)
def plan_baselines_command(
    run: Run,
    directory: Annotated[Path, typer.Argument(help="The pack whose baselines to compute again.", show_default=False)],
    results: Annotated[
        list[Path],
        typer.Option("--results", help="Submission files or directories of the baseline year.", show_default=False),
    ],
    more: MoreResults = None,
    source_pack: FromPack = None,
) -> None:
    """Compute a pack's baselines again from the past year's results (a late or corrected file),
    in place: only its baseline file, only the computed values; each change is printed.

    Example: cds plan baselines plans/2024 --results submissions/2023
    """
    from ..plan.newyear import refresh_baselines

    if source_pack is not None:
        run = Run(_with_plan(run.settings, source_pack), run.files)
    refreshed = refresh_baselines(run.plan, directory, _read([*results, *(more or [])], run, run.plan))
    for change in refreshed.changes:
        before, after = ("—" if value is None else shown(value, run.lang) for value in (change.before, change.after))
        typer.echo(text("baseline_changed", run.lang, indicator=change.indicator, before=before, after=after))
    typer.echo(text("baselines_done", run.lang, path=str(directory), changed=len(refreshed.changes)), err=True)
    if refreshed.footing is not None:
        typer.echo(refreshed.footing.summary(run.lang, directory), err=True)


def _with_plan(settings: Settings, directory: Path) -> Settings:
    from ..settings import resolve

    return resolve(directory, settings.lang, settings.sheet)


def main() -> None:
    """The ``cds`` command (the console script)."""
    with start_up():
        app()
