"""Collections too large for memory: the same stages as `figcheck.pipeline`, a batch of articles at a time.

1. Extract: each batch of article files is read, extracted, validated against the pandera models and
   checked by the document rules, and its tables are written as one Parquet part per table. Batches run
   in a process pool on this machine, or on Spark's executors (`Engine.map_batches`). What comes back
   from a batch is small: its findings, problems, name counts and expectation outcomes.
2. Resolve: names are resolved into entities over the whole collection, and the mention parts rewritten.
3. Check: the table rules scan the Parquet parts on the chosen engine.

No stage holds every article; the report details only the articles with findings.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figcheck.engines import (
    EngineOptions,
    engine_named,
    parquet_paths,
    tables_from_parquet,
    write_part,
    write_table,
)
from figcheck.errors import InputError, InputProblem
from figcheck.extract.article import Resources, extract_articles
from figcheck.extract.entities import NameKey, resolve_names
from figcheck.load.articles import Article, read_article
from figcheck.load.collections import article_files, find_collections
from figcheck.load.curated import read_curated_figures
from figcheck.pipeline import (
    Progress,
    RunResult,
    Shown,
    checking,
    documents_for,
    load_resources,
    processes_for,
)
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Finding, Rule
from figcheck.rules.runner import ReportedFinding, document_findings, options_of, report_rules
from figcheck.rules.suite import Suite, select_rules
from figcheck.tables.build import (
    TableError,
    check_foreign_keys,
    documents_frame,
    figures_frame,
    name_counts,
    tokens_frame,
    unresolved_mentions_frame,
    validate,
    with_entities,
)
from figcheck.tables.expectations import (
    ExpectationOutcome,
    ExpectationSuiteSpec,
    check_row_by_row,
    merge_outcomes,
    read_expectations,
    validate_figures,
)
from figcheck.tables.schemas import Mentions

BATCH_ARTICLES = 500
CURATED_PART = 99_999  # curated figures go last, after every batch's extracted figures


@dataclass(frozen=True)
class Setup:
    """What every batch needs; each worker process turns it into rules and models once."""

    collections: tuple[Path, ...]
    suite: Suite
    folder: Path
    # run the suite's table expectations on each batch (False: the engine runs them on whole tables)
    expectations_in_batches: bool = True


@dataclass(frozen=True)
class Batch:
    setup: Setup
    number: int
    files: tuple[tuple[Path, Path], ...]  # (collection, article file), in reading order


@dataclass(frozen=True)
class BatchResult:
    number: int
    articles: tuple[tuple[str, Path, Path], ...]  # (doc_id, collection, file) of each article read
    problems: tuple[InputProblem, ...]
    broken: tuple[str, ...]  # table checks the batch's rows break
    findings: Mapping[str, tuple[Finding, ...]]  # by document rule code
    names: Mapping[NameKey, int]
    outcomes: tuple[ExpectationOutcome, ...]


@dataclass(frozen=True)
class _Worker:
    resources: Resources
    document_rules: tuple[Rule, ...]
    expectations: ExpectationSuiteSpec | None


# The worker of the setup this process last served: a process serves one run, loading its models once.
_last_worker: list[tuple[Setup, _Worker]] = []


def _worker(setup: Setup) -> _Worker:
    if _last_worker and _last_worker[0][0] == setup:
        return _last_worker[0][1]
    rules = select_rules(setup.suite, all_rules(setup.suite.rule_files))
    in_batches = setup.suite.expectations and setup.expectations_in_batches
    expectations = read_expectations(setup.suite.expectations) if in_batches else None
    worker = _Worker(
        load_resources(setup.collections), tuple(r for r in rules if r.kind == "document"), expectations
    )
    _last_worker[:] = [(setup, worker)]
    return worker


def extract_batch(batch: Batch) -> BatchResult:
    """Read, extract, validate and check one batch; write its tables as part `batch.number`."""
    worker = _worker(batch.setup)
    problems: list[InputProblem] = []
    read_from = [(c, a) for c, path in batch.files if (a := read_article(path, c.name, problems)) is not None]
    articles = [a for _, a in read_from]
    extractions = extract_articles(articles, worker.resources)
    read = tuple((a.doc_id, c, a.path) for c, a in read_from)
    try:
        documents = documents_frame(articles, extractions)
        figures = figures_frame(extractions, ())
        mentions = unresolved_mentions_frame(extractions)
        check_foreign_keys(documents, figures, mentions)
        tokens = tokens_frame(extractions)
    except TableError as error:
        where = f"articles {batch.files[0][1]} to {batch.files[-1][1]}"
        return BatchResult(batch.number, read, tuple(problems), (f"{where}: {error}",), {}, {}, ())
    shown = documents_for(articles, figures, mentions)
    findings = {
        rule.code: tuple(document_findings(rule, shown, batch.setup.suite)) for rule in worker.document_rules
    }
    outcomes = validate_figures(figures, documents, worker.expectations) if worker.expectations else []
    tables = {"documents": documents, "figures": figures, "mentions": mentions, "tokens": tokens}
    write_part(batch.setup.folder, batch.number, tables)
    return BatchResult(
        batch.number, read, tuple(problems), (), findings, dict(name_counts(mentions)), tuple(outcomes)
    )


def batches(setup: Setup, size: int = BATCH_ARTICLES) -> list[Batch]:
    files = [(c, path) for c in setup.collections for path in article_files(c)]
    return [
        Batch(setup, number, tuple(files[start : start + size]))
        for number, start in enumerate(range(0, len(files), size))
    ]


def _in_pool(work: Sequence[Batch], jobs: int) -> Iterator[BatchResult]:
    processes = min(processes_for(sum(len(b.files) for b in work), jobs), len(work))
    if processes == 1:
        yield from map(extract_batch, work)
        return
    with ProcessPoolExecutor(processes) as pool:
        yield from pool.map(extract_batch, work)


def _extract_all(
    work: Sequence[Batch], engine: str, options: EngineOptions, jobs: int, progress: Progress | None
) -> list[BatchResult]:
    total = sum(len(b.files) for b in work)
    map_batches = engine_named(engine).map_batches
    if map_batches is not None:
        # the engine tells how many batches are done, not which: all but the last hold a full batch
        size = len(work[0].files) if work else 0

        def finished(batches: int) -> None:
            if progress is not None and batches < len(work):
                progress("extracting", batches * size, total)

        results = list(map_batches(extract_batch, work, options, finished))
        if progress is not None and work:
            progress("extracting", total, total)
        return sorted(results, key=lambda result: result.number)
    articles = 0
    done: list[BatchResult] = []
    for result in _in_pool(work, jobs):
        done.append(result)
        articles += len(work[result.number].files)
        if progress is not None:
            progress("extracting", articles, total)
    return sorted(done, key=lambda result: result.number)


def _duplicates(results: Sequence[BatchResult]) -> list[InputProblem]:
    first: dict[str, Path] = {}
    problems = []
    for doc_id, _, path in (a for r in results for a in r.articles):
        if doc_id in first:
            message = f"id '{doc_id}' is already used by {first[doc_id]}; give each article its own id"
            problems.append(InputProblem(path, 1, message))
        else:
            first.setdefault(doc_id, path)
    return problems


class ArticlesOnDisk(Mapping[str, Article]):
    """Articles by id, read from their files when asked for: a long run never holds every text."""

    def __init__(self, files: Mapping[str, tuple[Path, Path]]) -> None:
        self._files = files  # doc_id -> (collection, article file)

    def __getitem__(self, doc_id: str) -> Article:
        collection, path = self._files[doc_id]
        article = read_article(path, collection.name, [])
        if article is None:
            raise KeyError(doc_id)
        return article

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def in_collection(self, collection: Path) -> ArticlesOnDisk:
        return ArticlesOnDisk({d: (c, path) for d, (c, path) in self._files.items() if c == collection})


class TextsOnDisk(Mapping[str, str]):
    """Article texts by id, read when asked for and kept for the report's next look."""

    def __init__(self, articles: ArticlesOnDisk) -> None:
        self._articles = articles
        self._read: dict[str, str] = {}

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self._read:
            self._read[doc_id] = self._articles[doc_id].text
        return self._read[doc_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def _curated(setup: Setup, articles: ArticlesOnDisk) -> tuple[list[InputProblem], pd.DataFrame | None]:
    """Read every collection's `figures.csv` and write its rows as the last figures part."""
    problems: list[InputProblem] = []
    rows = []
    for collection in setup.collections:
        table = collection / "figures.csv"
        if table.is_file():
            rows.extend(read_curated_figures(table, articles.in_collection(collection), problems))
    if not rows or problems:
        return problems, None
    figures = figures_frame((), rows, load_resources(setup.collections).units.kind)
    write_part(setup.folder, CURATED_PART, {"figures": figures})
    return problems, figures


def _expectations(
    setup: Setup,
    results: Sequence[BatchResult],
    curated: pd.DataFrame | None,
    spec: ExpectationSuiteSpec,
    engine: str,
    options: EngineOptions,
) -> list[ExpectationOutcome]:
    validate_tables = engine_named(engine).validate_tables
    if validate_tables is not None:
        return validate_tables(parquet_paths(setup.folder), spec, options)
    parts = [list(r.outcomes) for r in results]
    if curated is not None:
        documents = pd.read_parquet(parquet_paths(setup.folder)["documents"], columns=["doc_id", "published"])
        parts.append(validate_figures(curated, documents, spec))
    return merge_outcomes(parts)


def _resolve_entities(setup: Setup, results: Sequence[BatchResult], resources: Resources) -> None:
    """Resolve names over the whole collection, then rewrite each mentions part with its entities."""
    counts: Counter[NameKey] = Counter()
    for result in results:
        counts.update(result.names)
    entities = resolve_names(counts, resources.gazetteer)
    for part in sorted(parquet_paths(setup.folder)["mentions"].glob("*.parquet")):
        mentions = validate(pd.read_parquet(part), Mentions, "mentions")
        write_table(with_entities(mentions, entities), part)


def _shown(setup: Setup, texts: TextsOnDisk, findings: Sequence[ReportedFinding]) -> Shown:
    """Every article's row, and the rows of the articles with findings."""
    detailed = frozenset(
        {f.doc_id for f in findings if f.doc_id} | {e.doc_id for f in findings for e in f.evidence}
    )
    paths = parquet_paths(setup.folder)
    keep = [("doc_id", "in", sorted(detailed))] if detailed else [("doc_id", "==", "")]
    return Shown(
        setup.collections,
        pd.read_parquet(paths["documents"]),
        texts,
        pd.read_parquet(paths["figures"], filters=keep),
        pd.read_parquet(paths["mentions"], filters=keep),
        pd.read_parquet(paths["tokens"], filters=keep),
        detailed,
    )


def run_batched(
    paths: Sequence[Path],
    suite: Suite,
    engine: str,
    progress: Progress | None = None,
    jobs: int = 0,
    options: EngineOptions | None = None,
    tables: Path | None = None,
    batch_size: int = BATCH_ARTICLES,
) -> RunResult:
    """Check a collection of any size on `engine`, its tables written to `tables` (default: a temporary
    folder, removed after the run). `jobs`: extraction processes on this machine (0: one per core)."""
    started = time.time()
    options = options or EngineOptions()
    validated_by_engine = engine_named(engine).validate_tables is not None
    rules = select_rules(suite, all_rules(suite.rule_files))
    expectations = read_expectations(suite.expectations) if suite.expectations else None
    if expectations and not validated_by_engine:
        why = f"--engine {engine} validates the figures a batch of articles at a time; use pandas or spark"
        check_row_by_row(expectations, why)
    if tables is None:
        with tempfile.TemporaryDirectory(prefix="figcheck-tables-") as folder:
            return _run(
                paths,
                suite,
                rules,
                expectations,
                engine,
                progress,
                jobs,
                options,
                Path(folder),
                batch_size,
                started,
            )
    if tables.exists() and any(tables.iterdir()):
        raise InputError(tables, None, "the tables folder is not empty; give a new or empty folder")
    return _run(
        paths, suite, rules, expectations, engine, progress, jobs, options, tables, batch_size, started
    )


def _run(
    paths: Sequence[Path],
    suite: Suite,
    rules: Sequence[Rule],
    expectations: ExpectationSuiteSpec | None,
    engine: str,
    progress: Progress | None,
    jobs: int,
    options: EngineOptions,
    folder: Path,
    batch_size: int,
    started: float,
) -> RunResult:
    by_engine = engine_named(engine).validate_tables is not None
    setup = Setup(tuple(find_collections(paths)), suite, folder.resolve(), not by_engine)
    results = _extract_all(batches(setup, batch_size), engine, options, jobs, progress)
    problems = [p for r in results for p in r.problems] + _duplicates(results)
    articles = ArticlesOnDisk({doc_id: (c, path) for r in results for doc_id, c, path in r.articles})
    curated_problems, curated = _curated(setup, articles) if not problems else ([], None)
    if problems or curated_problems:
        raise InputError.collected([*problems, *curated_problems])
    broken = [b for r in results for b in r.broken]
    if broken:
        raise TableError("\n".join(broken))
    _resolve_entities(setup, results, load_resources(setup.collections))
    outcomes = _expectations(setup, results, curated, expectations, engine, options) if expectations else []
    texts = TextsOnDisk(articles)
    on_engine = tables_from_parquet(engine, folder, texts, outcomes, options)

    def findings_of(rule: Rule) -> Iterable[Finding]:
        if rule.kind == "document":  # found batch by batch, during extraction
            return [f for result in results for f in result.findings.get(rule.code, ())]
        return rule.function(on_engine, **options_of(rule, suite))

    findings = report_rules(rules, findings_of, suite, checking(progress))
    shown = _shown(setup, texts, findings)
    return RunResult(
        suite, tuple(rules), shown, tuple(findings), started, time.time() - started, tuple(outcomes)
    )
