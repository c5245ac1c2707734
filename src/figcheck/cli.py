"""The `figcheck` command: arguments in, exit status out (0 clean, 1 findings, 2 usage or input error)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import signal
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TextIO

import pandas as pd
from tqdm import tqdm

from figcheck.engines import DEFAULT_ENGINE, DEFAULT_MASTER, ENGINES, EngineOptions, EngineUnavailable
from figcheck.errors import InputError, InputProblem
from figcheck.pipeline import ParquetBatches, Progress, RunResult, extract, run
from figcheck.report.baseline import baseline_json, compare, read_baseline
from figcheck.report.context import ReportContext
from figcheck.report.escape import (
    csv_cell,
    in_github_actions,
    inert_in_actions,
    visible,
    visible_error,
    visible_problem,
)
from figcheck.report.formats import output_formats
from figcheck.report.text import findings_text
from figcheck.report.write import ReportFolder, check_file, write_file
from figcheck.rules.discover import all_rules
from figcheck.rules.docs import rules_markdown, rules_text
from figcheck.rules.runner import at_or_above
from figcheck.rules.suite import Suite, default_suite, read_suite
from figcheck.stops import Stopped, Stops, act_on
from figcheck.tables.build import TableError

DEFAULT_SUITE = Path("checks/default.yaml")
DEFAULT_DATASETS = Path("datasets")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C
PROGRESS_FROM = 20


def _formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    known = output_formats()
    if not formats:
        raise argparse.ArgumentTypeError(f"no format given; choose from {', '.join(known)}")
    unknown = [f for f in formats if f not in known]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown)}; choose from {', '.join(known)}"
        )
    return formats


def _path(value: str) -> Path:
    # an empty argument would be the working folder: `--out ""` would write the reports among your files
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path; name a file or folder")
    return Path(value)


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("--jobs takes 0 (one per core) or more")
    cores = os.cpu_count() or 1
    if jobs > cores:  # each process holds its own language models: more than the cores only costs memory
        sys.stderr.write(f"figcheck: --jobs {jobs} is more than the {cores} cores here; using {cores}\n")
        return cores
    return jobs


def _add_engine_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=list(ENGINES),
        default=DEFAULT_ENGINE,
        help="pandas (default) holds the collection in memory; polars, duckdb (pip install "
        "'figcheck[scale]') and spark (pip install 'figcheck[spark]') check it in batches, "
        "with the tables on disk between stages",
    )
    command.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        help="processes extracting articles on this machine (default 0: one per core)",
    )
    command.add_argument(
        "--master", help=f"Spark master URL for --engine spark (default: {DEFAULT_MASTER}, or spark-submit's)"
    )
    command.add_argument(
        "--tables",
        type=_path,
        help="with polars, duckdb or spark: keep the Parquet tables in this new folder "
        "(on storage every Spark executor reaches); default: a temporary folder",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="figcheck", description="Check reported figures in news text.")
    commands = parser.add_subparsers(dest="command", required=True)

    run_cmd = commands.add_parser("run", help="run a check suite and write reports")
    run_cmd.add_argument("paths", nargs="*", type=_path, help="collections or folders of collections")
    run_cmd.add_argument("--suite", type=_path, help=f"suite file (default: {DEFAULT_SUITE} when present)")
    run_cmd.add_argument(
        "--format",
        type=_formats,
        default=["html", "json"],
        help=f"comma-separated: {', '.join(output_formats())} (default: html,json)",
    )
    run_cmd.add_argument(
        "--baseline",
        type=_path,
        help="accepted findings (from 'figcheck baseline'): "
        "only new ones count for --fail-on; fixed ones are reported",
    )
    run_cmd.add_argument(
        "--out", type=_path, default=Path("reports"), help="report folder (default: reports)"
    )
    run_cmd.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        default="error",
        help="exit 1 when a finding reaches this severity (default: error)",
    )
    run_cmd.add_argument("--quiet", action="store_true", help="print only the summary line")
    _add_engine_arguments(run_cmd)

    extract_cmd = commands.add_parser("extract", help="print a validated table")
    extract_cmd.add_argument("paths", nargs="+", type=_path)
    extract_cmd.add_argument(
        "--table",
        choices=["figures", "mentions", "documents", "tokens"],
        default="figures",
        help="tokens: every number-like token with its class (figure, date, ..., unparsed)",
    )
    extract_cmd.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")

    names_cmd = commands.add_parser("names", help="resolve name spellings across romanizations")
    names_sub = names_cmd.add_subparsers(dest="names_command", required=True)
    cluster_cmd = names_sub.add_parser(
        "cluster", help="print name<TAB>key<TAB>convention for each input line"
    )
    cluster_cmd.add_argument(
        "file", nargs="?", default="-", help="one name per line (default: standard input)"
    )
    explain_cmd = names_sub.add_parser("explain", help="say why two names do or do not match")
    explain_cmd.add_argument("a")
    explain_cmd.add_argument("b")

    eval_cmd = commands.add_parser("eval", help="score extraction on gold cases")
    eval_cmd.add_argument("task", choices=["numbers", "periods", "names", "news"])
    eval_cmd.add_argument(
        "args", nargs=argparse.REMAINDER, help="the scorer's own arguments (files, --errors, --lang)"
    )

    baseline_cmd = commands.add_parser("baseline", help="record today's findings as accepted")
    baseline_cmd.add_argument("paths", nargs="*", type=_path)
    baseline_cmd.add_argument("--suite", type=_path)
    _add_engine_arguments(baseline_cmd)
    baseline_cmd.add_argument(
        "--output",
        type=_path,
        default=Path("checks/baseline.json"),
        help="baseline file to write (default: checks/baseline.json)",
    )

    rules_cmd = commands.add_parser("rules", help="list the rules")
    rules_cmd.add_argument("--markdown", action="store_true", help="print docs/rules.md")
    rules_cmd.add_argument("--suite", type=_path, help="include the project rules beside this suite")
    return parser


def _suite(path: Path | None) -> Suite:
    if path is not None:
        if not path.is_file():
            raise InputError(path, None, "no such suite file")
        return read_suite(path)
    return read_suite(DEFAULT_SUITE) if DEFAULT_SUITE.is_file() else default_suite()


def _progress_bar(stream: TextIO) -> Progress:
    """Progress bars of the articles extracted, then of the rules checked, on a terminal and for
    collections long enough to wait for."""
    bars: dict[str, tqdm[Any]] = {}

    def show(stage: str, done: int, total: int) -> None:
        if not stream.isatty() or (stage == "extracting" and total < PROGRESS_FROM):
            return
        if stage != "extracting" and "extracting" not in bars:
            return  # a short collection: its rules take no time worth showing
        if stage not in bars:
            unit = " articles" if stage == "extracting" else " rules"
            bars[stage] = tqdm(total=total, desc=stage, unit=unit, file=stream, dynamic_ncols=True)
        bars[stage].update(done - bars[stage].n)
        if done >= total:
            bars[stage].close()

    return show


def _run_suite(args: argparse.Namespace) -> tuple[Suite, RunResult]:
    suite = _suite(args.suite)
    paths = args.paths or list(suite.collections) or [DEFAULT_DATASETS]
    progress = _progress_bar(sys.stderr)
    if args.engine == DEFAULT_ENGINE:
        return suite, run(paths, suite, progress, jobs=args.jobs)
    # the other engines are for collections too large for memory: their tables stay on disk
    options = EngineOptions(master=args.master)
    store = ParquetBatches(args.tables)
    return suite, run(paths, suite, progress, args.engine, args.jobs, options, store)


def _run(args: argparse.Namespace) -> int:
    chosen = [output_formats()[f] for f in args.format]
    writes_files = any(f.file for f in chosen)
    # --out is checked and held before the work, so a bad folder or a second run stops at once
    with ReportFolder(args.out) if writes_files else nullcontext() as folder:
        accepted = read_baseline(args.baseline) if args.baseline else None
        suite, result = _run_suite(args)
        comparison = compare(result.findings, accepted) if accepted is not None else None
        context = ReportContext(
            suite_name=suite.name,
            collections=[str(p) for p in result.shown.collections],
            findings=result.findings,
            documents=result.shown.documents,
            texts=result.shown.texts,
            started=result.started,
            seconds=result.seconds,
            figures=result.shown.figures,
            mentions=result.shown.mentions,
            tokens=result.shown.tokens,
            detailed=result.shown.detailed,
            rules=result.rules,
            expectations=result.expectations,
            baseline=comparison,
            fail_on=args.fail_on,
            suite_path=str(suite.path) if suite.path else None,
        )
        files = {f.file: f.write(context) for f in chosen if f.file}
        written = folder.write(files) if folder is not None else []
    for printed in (f for f in chosen if f.file is None):
        sys.stdout.write(printed.write(context))
    text = findings_text(context)
    listing = text.splitlines()[-1] + "\n" if args.quiet else text
    if comparison is not None:
        listing += (
            f"against {visible(args.baseline)}: {len(comparison.new)} new, "
            f"{len(comparison.unchanged)} accepted, {len(comparison.fixed)} fixed\n"
        )
    if written:
        listing += "wrote " + ", ".join(visible(p) for p in written) + "\n"
    # on a GitHub runner no line of the listing is taken as a workflow command, whatever it quotes
    in_actions = "github" in args.format or in_github_actions()
    sys.stdout.write(inert_in_actions(listing) if in_actions else listing)
    for note in result.notes:
        sys.stderr.write(f"note: {visible_problem(note)}\n")
    if result.problems:
        return _failed(result.problems)
    counted = comparison.new if comparison is not None else result.findings
    return EXIT_FINDINGS if at_or_above(counted, args.fail_on) else EXIT_CLEAN


def _failed(problems: Sequence[InputProblem]) -> int:
    """What failed while the run went on (articles set aside, rules that failed), after the reports."""
    return _input_error(InputError.collected(list(problems)))


def _input_error(error: Exception) -> int:
    """`error` on standard error, inert on a GitHub runner; the status of an input error."""
    message = visible_error(error)
    sys.stderr.write(inert_in_actions(message) if in_github_actions() else message)
    return EXIT_INPUT


def _baseline(args: argparse.Namespace) -> int:
    check_file(args.output)
    _, result = _run_suite(args)
    if result.problems:
        return _failed(result.problems)  # a baseline of a run that failed in part would accept too little
    write_file(args.output, baseline_json(result.findings))
    sys.stdout.write(f"recorded {len(result.findings)} findings in {visible(args.output)}\n")
    return EXIT_CLEAN


def _table_text(frame: pd.DataFrame, fmt: str) -> str:
    dates = frame.select_dtypes(include=["datetime", "datetimetz"]).columns
    frame = frame.assign(**{c: frame[c].dt.strftime("%Y-%m-%d") for c in dates})
    if fmt == "csv":
        # a text cell starting like a formula is not run by a spreadsheet; numbers stay numbers
        text_columns = frame.select_dtypes(include=["object", "string"]).columns
        frame = frame.assign(**{c: frame[c].map(csv_cell, na_action="ignore") for c in text_columns})
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL)
        return buffer.getvalue()
    records = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def _extract(args: argparse.Namespace) -> int:
    extracted = extract(args.paths)
    table = getattr(extracted, args.table)
    if args.table != "documents":  # each row says which article it comes from: file or table row, URL
        origin = extracted.documents[["doc_id", "path", "row", "url"]]
        table = table.merge(origin, on="doc_id", how="left", validate="many_to_one")
    sys.stdout.write(_table_text(table, args.format))
    return _failed(extracted.problems) if extracted.problems else EXIT_CLEAN


def _rules(args: argparse.Namespace) -> int:
    rules = all_rules(_suite(args.suite).rule_files)
    sys.stdout.write(rules_markdown(rules) if args.markdown else rules_text(rules))
    return EXIT_CLEAN


def _names(args: argparse.Namespace) -> int:
    from figcheck.text.names import cluster_lines, explain

    if args.names_command == "explain":
        sys.stdout.write(explain(args.a, args.b) + "\n")
        return EXIT_CLEAN
    if args.file == "-":
        lines = sys.stdin.read().splitlines()
    else:
        path = Path(args.file)
        if not path.is_file():
            raise InputError(path, None, "no such file")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as error:
            raise InputError(path, None, f"not UTF-8 at byte {error.start}; save the file as UTF-8") from None
    for line in cluster_lines(lines):
        sys.stdout.write(line + "\n")
    return EXIT_CLEAN


def _eval(args: argparse.Namespace) -> int:
    import importlib

    scorer = importlib.import_module(f"figcheck.evaluate.{args.task}")
    return int(scorer.main(args.args))


def _stopped(stopped: Stopped) -> int:
    # everything the run held is released by now: workers ended, temporary folders removed
    name = signal.Signals(stopped.signum).name
    sys.stderr.write(f"figcheck: interrupted ({name}); the report folder is as it was or complete\n")
    if stopped.signum == signal.SIGINT:
        return EXIT_INTERRUPTED
    act_on(stopped)  # the process ends as the signal would have ended it
    return 128 + stopped.signum


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handlers = {
        "run": _run,
        "baseline": _baseline,
        "extract": _extract,
        "rules": _rules,
        "names": _names,
        "eval": _eval,
    }
    try:
        with Stops(act=False):
            return handlers[args.command](args)
    except Stopped as stopped:
        return _stopped(stopped)
    except KeyboardInterrupt:
        return _stopped(Stopped(signal.SIGINT))
    except (InputError, TableError, EngineUnavailable) as error:
        return _input_error(error)
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The program reading the output stopped (`figcheck run | head`): end quietly, as a shell tool
    does on SIGPIPE, instead of a traceback when the rest of the output is flushed."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 128 + signal.SIGPIPE


if __name__ == "__main__":
    raise SystemExit(main())
