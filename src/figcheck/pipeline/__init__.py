"""The flow, top to bottom: load -> extract -> tables -> rules. Reports are written by the caller.

One flow for every run; where its tables live between stages is the store's business:

1. Extract: the articles are read, extracted, built into validated tables and checked by the document
   rules a batch at a time (`figcheck.pipeline.batches`), in this process, in worker processes or on
   Spark's executors.
2. Load: the ids of every batch are checked to be unique and each collection's `figures.csv` is read;
   every input problem is reported together, then the curated figures join the tables.
3. Resolve: names are resolved into entities over the whole collection.
4. Check: the expectations run on the figures table, and the table rules on the chosen engine; every
   finding is numbered and fingerprinted.

`InMemory` (`figcheck.pipeline.memory`) holds the tables whole; `ParquetBatches`
(`figcheck.pipeline.parquet`) keeps them on disk, so that no stage holds every article.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from figcheck.beside import Later, served
from figcheck.engines import DEFAULT_ENGINE, EngineOptions, engine_named, tables_from_pandas
from figcheck.errors import InputError, InputProblem
from figcheck.extract.article import Resources
from figcheck.extract.entities import NameKey, resolve_names
from figcheck.load.articles import Article
from figcheck.load.collections import ArticleSource, claim_id, find_collections, inside
from figcheck.load.curated import read_curated_figures
from figcheck.pipeline.batches import (
    Batch,
    BatchResult,
    FileRead,
    Progress,
    Setup,
    batches_of,
    cores,
    documents_for,
    extract_all,
    make_worker,
)
from figcheck.pipeline.memory import InMemory
from figcheck.pipeline.parquet import ParquetBatches
from figcheck.pipeline.resources import load_resources
from figcheck.pipeline.stores import Extracted, Shown, Store
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Finding, Rule
from figcheck.rules.runner import ReportedFinding, options_of, report_rules
from figcheck.rules.suite import Suite, select_rules
from figcheck.rules.tables_view import Document, Tables
from figcheck.tables.build import check_speakers, figures_frame, texts_of
from figcheck.tables.expectations import (
    ExpectationOutcome,
    ExpectationSuiteSpec,
    check_row_by_row,
    load_validator,
    read_expectations,
)

__all__ = [
    "Extracted",
    "InMemory",
    "ParquetBatches",
    "Progress",
    "RunResult",
    "Shown",
    "Store",
    "check_loaded",
    "documents_of",
    "extract",
    "extract_loaded",
    "load_resources",
    "run",
    "tables_of",
]


# extraction alone: worker processes select no rule to run on their batches
NO_RULES = Suite(name="extract", path=None, select=())


@dataclass(frozen=True)
class RunResult:
    suite: Suite
    rules: tuple[Rule, ...]
    shown: Shown
    findings: tuple[ReportedFinding, ...]
    started: float
    seconds: float
    expectations: tuple[ExpectationOutcome, ...] = ()
    # the whole tables, when the run held them in memory
    extracted: Extracted | None = None
    # what failed inside the run, located, while the rest ran on: articles set aside, rules that failed
    problems: tuple[InputProblem, ...] = ()
    # how articles were read, located, that is no failure (an article read in part with word lists only)
    notes: tuple[InputProblem, ...] = ()


@dataclass(frozen=True)
class _Run:
    """One run's choices, fixed before any article is read."""

    setup: Setup
    store: Store
    rules: tuple[Rule, ...]
    expectations: ExpectationSuiteSpec | None
    resources: Resources
    engine: str = DEFAULT_ENGINE
    options: EngineOptions = EngineOptions()
    jobs: int = 1
    progress: Progress | None = None


def checking(progress: Progress | None) -> Callable[[int, int], None] | None:
    """`progress` for the rules: called after each rule with the rules done and their number."""
    if progress is None:
        return None
    return lambda done, total: progress("checking", done, total)


def run(
    paths: Sequence[Path],
    suite: Suite,
    progress: Progress | None = None,
    engine: str = DEFAULT_ENGINE,
    jobs: int = 1,
    options: EngineOptions | None = None,
    store: Store | None = None,
) -> RunResult:
    """Check the collections under `paths` with `suite`'s rules on `engine`, the tables kept in `store`
    (default: in memory); `jobs` extraction processes on this machine (0: one per core).

    The engine, the suite and the store are checked first, so a bad choice fails before any article is
    read.
    """
    started = time.time()
    options = options or EngineOptions()
    store = store or InMemory()
    engine_named(engine)
    rules = tuple(select_rules(suite, all_rules(suite.rule_files)))
    expectations = read_expectations(suite.expectations) if suite.expectations else None
    in_batches = store.expectations_in_batches(engine)
    if expectations and in_batches:
        why = f"--engine {engine} validates the figures a batch of articles at a time; use pandas or spark"
        check_row_by_row(expectations, why)
    # with pandas, a core left free once the articles are read validates the figures table: Great
    # Expectations is imported there meanwhile (it takes seconds), and runs while the rules run here
    spare = engine == "pandas" and expectations is not None and cores(jobs) > 1
    with store.opened(), served(load_validator, fork=spare) as ask:
        setup = Setup(tuple(find_collections(paths)), suite, store.folder, in_batches)
        resources = load_resources(setup.collections)
        flow = _Run(setup, store, rules, expectations, resources, engine, options, jobs, progress)
        results = _extract(flow, batches_of(setup, store.batch_size))
        return _check(flow, results, started, ask)


def extract(
    paths: Sequence[Path],
    progress: Progress | None = None,
    jobs: int = 1,
    resources: Resources | None = None,
    store: InMemory | None = None,
) -> Extracted:
    """The validated tables of the collections under `paths`, held in memory (in `store`, when given)."""
    store = store or InMemory()
    setup = Setup(tuple(find_collections(paths)), NO_RULES)
    resources = resources or load_resources(setup.collections)
    flow = _Run(setup, store, (), None, resources, jobs=jobs, progress=progress)
    results = _extract(flow, batches_of(setup, store.batch_size))
    return replace(store.extracted(), problems=tuple(p for r in results for p in r.failures))


def _loaded(setup: Setup, articles: Sequence[Article], size: int) -> list[Batch]:
    return [
        Batch(setup, number, articles=tuple(articles[start : start + size]))
        for number, start in enumerate(range(0, len(articles), size))
    ]


def extract_loaded(articles: Sequence[Article], resources: Resources) -> Extracted:
    """The validated tables of articles read already (rule cases, docstring examples), in memory."""
    store = InMemory()
    setup = Setup((), NO_RULES)
    _extract(_Run(setup, store, (), None, resources), _loaded(setup, articles, store.batch_size))
    return store.extracted()


def check_loaded(
    articles: Sequence[Article], rules: Sequence[Rule], suite: Suite, resources: Resources
) -> RunResult:
    """Run `rules` on articles read already (rule cases, docstring examples), in memory and on pandas."""
    started = time.time()
    store = InMemory()
    setup = Setup((), suite)
    flow = _Run(setup, store, tuple(rules), None, resources)
    return _check(flow, _extract(flow, _loaded(setup, articles, store.batch_size)), started)


def _extract(flow: _Run, work: Sequence[Batch]) -> list[BatchResult]:
    """Extract every batch, check the input, add the curated figures and resolve entities."""
    worker = make_worker(flow.setup, flow.resources, flow.rules, flow.expectations)
    # an engine spreads extraction itself only when batches write their own tables
    map_batches = engine_named(flow.engine).map_batches if flow.store.folder is not None else None
    results = extract_all(work, worker, flow.jobs, flow.progress, map_batches, flow.options)
    curated = _load(flow, results)
    if curated:
        figures = figures_frame((), curated, flow.resources.units.kind)
        speakers = list(figures["speaker_id"].dropna())
        known = flow.store.known_mentions(speakers) if speakers else set()
        check_speakers(figures, known, sum(r.figures for r in results))
        flow.store.add_curated(figures)
    counts: Counter[NameKey] = Counter()
    for result in results:
        counts.update(result.names)
    flow.store.resolve(resolve_names(counts, flow.resources.gazetteer))
    return results


def _load(flow: _Run, results: Sequence[BatchResult]) -> list[dict[str, Any]]:
    """Every collection's curated rows; raise one `InputError` with every problem of the articles read
    (unreadable files, reused ids) and of the curated tables, collection by collection."""
    first: dict[str, ArticleSource] = {}
    accepted: list[FileRead] = []
    problems_in: dict[Path, list[InputProblem]] = defaultdict(list)
    for read in (read for result in results for read in result.read):
        problems_in[read.collection].extend(read.problems)
        if read.doc_id is not None:
            reused = claim_id(read.doc_id, read.source, first)
            problems_in[read.collection].extend([reused] if reused else [])
            accepted.extend([] if reused else [read])
    flow.store.keep(flow.setup.collections, results, accepted)
    collections = dict.fromkeys(flow.setup.collections)
    problems = [p for c, found in problems_in.items() if c not in collections for p in found]
    curated: list[dict[str, Any]] = []
    for collection in collections:
        problems.extend(problems_in[collection])
        table = collection / "figures.csv"
        if table.is_file() and inside(collection, table, problems):
            curated.extend(read_curated_figures(table, flow.store.articles_in(collection), problems))
    if problems:
        raise InputError.collected(problems)
    return curated


def _check(
    flow: _Run,
    results: Sequence[BatchResult],
    started: float,
    ask: Callable[..., Callable[[], Any]] = partial,
) -> RunResult:
    """Run the expectations (through `ask`: here, or in a process beside) and every rule; number and
    fingerprint the findings."""
    store, suite = flow.store, flow.setup.suite
    spec = flow.expectations
    # the failed-expectation rule, the last, waits for the outcomes; an error of theirs is raised again below
    outcomes = Later(ask(store.validation(spec, results, flow.engine, flow.options)) if spec else tuple)
    tables = store.tables(flow.engine, outcomes, flow.options)

    def findings_of(rule: Rule) -> Iterable[Finding]:
        if rule.kind == "document":  # found batch by batch, during extraction
            return [f for result in results for f in result.findings.get(rule.code, ())]
        return rule.function(tables, **options_of(rule, suite))

    problems = [p for result in results for p in result.failures]
    findings = report_rules(flow.rules, findings_of, suite, checking(flow.progress), problems)
    return RunResult(
        suite,
        flow.rules,
        store.shown(findings),
        tuple(findings),
        started,
        time.time() - started,
        tuple(outcomes),
        store.extracted(),
        tuple(problems),
        tuple(note for result in results for note in result.notes),
    )


def tables_of(
    extracted: Extracted, expectations: Sequence[ExpectationOutcome] = (), engine: str = DEFAULT_ENGINE
) -> Tables:
    """Tables held in memory as lazy frames on `engine` (see `figcheck.engines`)."""
    return tables_from_pandas(
        engine,
        extracted.documents,
        extracted.figures,
        extracted.mentions,
        texts=texts_of(extracted.articles),
        expectations=expectations,
    )


def documents_of(extracted: Extracted) -> list[Document]:
    """Each article held in memory with its rows, for the document rules."""
    return documents_for(extracted.articles, extracted.figures, extracted.mentions)
