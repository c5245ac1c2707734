"""Extraction a batch of articles at a time: the one job every worker runs, in this process, in a pool of
processes on this machine, or on Spark's executors (`Engine.map_batches`).

A batch's articles are read, extracted, built into validated tables and checked by the document rules.
Its tables are then written as Parquet parts by the worker itself (`Setup.folder`), or handed back whole.
What else comes back is small: what was read, the problems found, the document rules' findings, the
names to resolve and the expectation outcomes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from figcheck.beside import BESIDE_FROM, Waiting, beside
from figcheck.engines import BatchMap, EngineOptions, write_part
from figcheck.errors import InputError, InputProblem
from figcheck.extract.article import ArticleExtraction, Resources, extract_articles
from figcheck.extract.entities import NameKey
from figcheck.load.articles import Article
from figcheck.load.collections import ArticleSource, article_sources, read_sources
from figcheck.pipeline.resources import load_resources
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Finding, Rule
from figcheck.rules.runner import document_findings, preparations
from figcheck.rules.safety import DOCUMENT_RULE_SECONDS
from figcheck.rules.suite import Suite, select_rules
from figcheck.rules.tables_view import Document
from figcheck.stops import in_worker
from figcheck.tables.build import (
    TableError,
    check_foreign_keys,
    documents_frame,
    figures_frame,
    name_counts,
    tokens_frame,
    unresolved_mentions_frame,
)
from figcheck.tables.expectations import (
    ExpectationOutcome,
    ExpectationSuiteSpec,
    read_expectations,
    validate_figures,
)
from figcheck.text.sentences import DEEPEST_READ, deep_read_end

# A worker process loads its own models, which takes about as long as extracting this many articles.
ARTICLES_PER_PROCESS = 100

# (stage, done, total) after each step of a long stage: "extracting" counts articles, "checking" rules
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Setup:
    """What every batch needs; each worker process turns it into rules and models once."""

    collections: tuple[Path, ...]
    suite: Suite
    # where each batch writes its tables as Parquet parts; None: the batch hands its tables back
    folder: Path | None = None
    # run the suite's table expectations on each batch (False: they run once, on whole tables)
    expectations_in_batches: bool = False


@dataclass(frozen=True)
class Batch:
    setup: Setup
    number: int
    sources: tuple[ArticleSource, ...] = ()  # files and table rows, in reading order
    articles: tuple[Article, ...] = ()  # articles read already (rule cases, docstring examples)

    @property
    def size(self) -> int:
        return len(self.sources) + len(self.articles)


@dataclass(frozen=True)
class FileRead:
    """One article of a batch (a file or a table row): the id it was read as (None: unreadable) and what
    is wrong with it."""

    source: ArticleSource
    doc_id: str | None
    problems: tuple[InputProblem, ...] = ()

    @property
    def collection(self) -> Path:
        return self.source.collection

    @property
    def path(self) -> Path:
        return self.source.path


@dataclass(frozen=True)
class BatchTables:
    """A batch's articles and validated tables, mentions not yet resolved into entities."""

    articles: tuple[Article, ...]
    documents: pd.DataFrame
    figures: pd.DataFrame
    mentions: pd.DataFrame
    tokens: pd.DataFrame


@dataclass(frozen=True)
class BatchResult:
    number: int
    read: tuple[FileRead, ...]
    # what went wrong inside figcheck: articles whose rows break a table check (set aside), rules that failed
    failures: tuple[InputProblem, ...]
    findings: Mapping[str, tuple[Finding, ...]]  # by document rule code
    names: Mapping[NameKey, int]
    outcomes: tuple[ExpectationOutcome, ...]
    figures: int = 0  # rows of its figures table
    # the batch's tables, when no folder holds them
    tables: BatchTables | None = None
    # what a reader should know about how an article was read, that is no failure
    notes: tuple[InputProblem, ...] = ()


@dataclass(frozen=True)
class Worker:
    """What a batch is extracted and checked with."""

    resources: Resources
    document_rules: tuple[Rule, ...]
    expectations: ExpectationSuiteSpec | None
    # processes it may start beside itself: cores no other worker uses (`figcheck.beside`)
    helpers: int = 0


def make_worker(
    setup: Setup, resources: Resources, rules: Sequence[Rule], expectations: ExpectationSuiteSpec | None
) -> Worker:
    in_batches = expectations if setup.expectations_in_batches else None
    return Worker(resources, tuple(r for r in rules if r.kind == "document"), in_batches)


# The worker of the setup this process last served: a process serves one run, loading its models once.
_last_worker: list[tuple[Setup, Worker]] = []


def _worker(setup: Setup) -> Worker:
    if _last_worker and _last_worker[0][0] == setup:
        return _last_worker[0][1]
    rules = select_rules(setup.suite, all_rules(setup.suite.rule_files))
    spec = setup.suite.expectations
    expectations = read_expectations(spec) if spec and setup.expectations_in_batches else None
    worker = make_worker(setup, load_resources(setup.collections), rules, expectations)
    _last_worker[:] = [(setup, worker)]
    return worker


def _read(batch: Batch) -> tuple[list[FileRead], list[Article]]:
    read: list[FileRead] = []
    articles = list(batch.articles)
    for loaded in batch.articles:
        read.append(FileRead(ArticleSource(Path(loaded.collection), loaded.path), loaded.doc_id))
    ids = {a.doc_id for a in articles}
    for source, article, problems in read_sources(batch.sources):
        read.append(FileRead(source, article.doc_id if article else None, tuple(problems)))
        # an id read twice is reported with both places after extraction (`pipeline._load`); its second
        # article stays out of the batch's tables, whose ids are unique
        if article is not None and article.doc_id not in ids:
            ids.add(article.doc_id)
            articles.append(article)
    return read, articles


def extract_batch(batch: Batch, worker: Worker | None = None) -> BatchResult:
    """Read, extract, validate and check one batch; write its tables as part `batch.number`, or hand
    them back. `worker`: what to extract and check with (default: what `batch.setup` names)."""
    worker = worker or _worker(batch.setup)
    read, articles = _read(batch)
    texts = [(a.doc_id, a.text, a.language) for a in articles]
    preparing = [rule for rule in worker.document_rules if rule.prepare is not None]
    fork = bool(preparing) and worker.helpers > 0 and sum(len(a.text) for a in articles) >= BESIDE_FROM
    # the rules' work on the texts alone is done beside, on the time the extraction leaves
    with beside(partial(preparations, preparing, texts), fork=fork, idle=True) as prepared:
        extractions = extract_articles(articles, worker.resources, worker.helpers)
        try:
            documents, figures, mentions, tokens = _tables(articles, extractions)
            set_aside: list[InputProblem] = []
        except TableError:
            extractions, set_aside = _set_aside(articles, extractions)
            documents, figures, mentions, tokens = _tables(articles, extractions)
        ready = _ready(prepared, len(preparing)) if fork else {}
    shown = documents_for(articles, figures, mentions)
    suite = batch.setup.suite
    failed: list[InputProblem] = []
    findings = {
        rule.code: tuple(document_findings(rule, shown, suite, failed, ready.get(rule.code)))
        for rule in worker.document_rules
    }
    outcomes = validate_figures(figures, documents, worker.expectations) if worker.expectations else []
    kept = None
    if batch.setup.folder is not None:
        tables = {"documents": documents, "figures": figures, "mentions": mentions, "tokens": tokens}
        write_part(batch.setup.folder, batch.number, tables)
    else:
        kept = BatchTables(tuple(articles), documents, figures, mentions, tokens)
    names = dict(name_counts(mentions))
    failures = (*set_aside, *failed)
    notes = tuple(note for article in articles for note in _read_in_part(article))
    return BatchResult(
        batch.number, tuple(read), failures, findings, names, tuple(outcomes), len(figures), kept, notes
    )


def _ready(prepared: Waiting[dict[str, dict[str, Any]]], rules: int) -> dict[str, dict[str, Any]]:
    """What the rules' preparations gave beside, waited for as long as the rules may run; none when they
    have not ended by then: the rules then prepare where they run, under their own time limit."""
    try:
        return prepared(DOCUMENT_RULE_SECONDS * rules)
    except TimeoutError:
        return {}


def _read_in_part(article: Article) -> Iterator[InputProblem]:
    read_to = deep_read_end(article.text)
    if read_to < len(article.text):
        yield InputProblem(
            article.path,
            article.body_line + article.text.count("\n", 0, read_to),
            f"the article is over {DEEPEST_READ:,} characters: from this line on, figcheck reads its names "
            "and sentence structure with word lists only, not with the language model",
        )


def _tables(
    articles: Sequence[Article], extractions: Sequence[ArticleExtraction]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    documents = documents_frame(articles, extractions)
    figures = figures_frame(extractions, ())
    mentions = unresolved_mentions_frame(extractions)
    check_foreign_keys(documents, figures, mentions)
    return documents, figures, mentions, tokens_frame(extractions)


def _set_aside(
    articles: Sequence[Article], extractions: Sequence[ArticleExtraction]
) -> tuple[list[ArticleExtraction], list[InputProblem]]:
    """The batch's extractions with the rows of each article that breaks a table check left out, and a
    problem naming each such article: one odd article must not stop a run over many."""
    kept: list[ArticleExtraction] = []
    problems: list[InputProblem] = []
    for article, extraction in zip(articles, extractions, strict=True):
        try:
            _tables([article], [extraction])
        except TableError as error:
            kept.append(ArticleExtraction(extraction.doc_id))
            problems.append(
                InputProblem(
                    article.path,
                    article.body_line,
                    f"figcheck read rows here that break its own table checks, so this article's figures "
                    f"and names are left out of the run (its text is still checked); please report it: "
                    f"{' '.join(str(error).split())}",
                )
            )
        else:
            kept.append(extraction)
    return kept, problems


def documents_for(
    articles: Iterable[Article], figures: pd.DataFrame, mentions: pd.DataFrame
) -> list[Document]:
    """Each article with the figures found in its text and its mentions, for the document rules."""
    figures_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in figures[figures["origin"] == "extracted"].to_dict("records"):
        figures_by[str(row["doc_id"])].append({str(k): v for k, v in row.items()})
    mentions_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in mentions.to_dict("records"):
        mentions_by[str(row["doc_id"])].append({str(k): v for k, v in row.items()})
    return [
        Document(a.doc_id, a.language, a.text, figures_by.get(a.doc_id, []), mentions_by.get(a.doc_id, []))
        for a in articles
    ]


def batches_of(setup: Setup, size: int) -> list[Batch]:
    """The articles of every collection, in reading order, `size` at a time; a link out of a collection
    or a table that cannot be read stops the run before any article is read, with every such problem
    named."""
    unreadable: list[InputProblem] = []
    sources = [source for c in setup.collections for source in article_sources(c, unreadable)]
    if unreadable:
        raise InputError.collected(unreadable)
    return [
        Batch(setup, number, tuple(sources[start : start + size]))
        for number, start in enumerate(range(0, len(sources), size))
    ]


def cores(jobs: int) -> int:
    """The cores a run may use: `jobs`, or with 0 every core of the machine."""
    return jobs or os.cpu_count() or 1


def processes_for(articles: int, jobs: int) -> int:
    """Processes to extract `articles` with: `jobs`, or with 0 one per core but none idle on loading."""
    if jobs:
        return jobs if articles >= 2 * jobs else 1
    return max(1, min(cores(0), articles // ARTICLES_PER_PROCESS))


def _in_processes(work: Sequence[Batch], jobs: int, worker: Worker) -> Iterator[BatchResult]:
    processes = min(processes_for(sum(b.size for b in work), jobs), len(work))
    if processes <= 1:  # one batch, or none: a collection whose articles folder is empty
        alone = replace(worker, helpers=cores(jobs) - 1)
        yield from (extract_batch(batch, alone) for batch in work)
        return
    with ProcessPoolExecutor(processes, initializer=in_worker, initargs=(os.getpid(),)) as pool:
        try:
            yield from pool.map(extract_batch, work)
        except BaseException:
            # a stop or a failure: the workers end now, not after the batches they are extracting
            pool.shutdown(wait=False, cancel_futures=True)
            for process in multiprocessing.active_children():
                process.terminate()
            raise


def extract_all(
    work: Sequence[Batch],
    worker: Worker,
    jobs: int,
    progress: Progress | None,
    map_batches: BatchMap | None = None,
    options: EngineOptions | None = None,
) -> list[BatchResult]:
    """Every batch extracted, in order: by `map_batches` (an engine's own executors) when given, else in
    `jobs` processes on this machine (`worker` serves this process); `progress` counts articles."""
    total = sum(b.size for b in work)
    if map_batches is not None:
        # the engine tells how many batches are done, not which: all but the last hold a full batch
        size = work[0].size if work else 0

        def finished(batches: int) -> None:
            if progress is not None and batches < len(work):
                progress("extracting", batches * size, total)

        results = list(map_batches(extract_batch, work, options or EngineOptions(), finished))
        if progress is not None and work:
            progress("extracting", total, total)
        return sorted(results, key=lambda result: result.number)
    articles = 0
    done: list[BatchResult] = []
    for result in _in_processes(work, jobs, worker):
        done.append(result)
        articles += work[result.number].size
        if progress is not None:
            progress("extracting", articles, total)
    return sorted(done, key=lambda result: result.number)
