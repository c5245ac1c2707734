"""The flow, top to bottom: load -> extract -> tables -> rules. Reports are written by the caller.

This module holds a whole collection in memory (the pandas engine). `figcheck.pipeline.batched` runs the
same stages in batches, with the tables on disk between them, for the other engines.
"""

from __future__ import annotations

import functools
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from figcheck.engines import DEFAULT_ENGINE, engine_named, tables_from_pandas
from figcheck.extract.article import ArticleExtraction, Resources, extract_articles
from figcheck.extract.models import load_model
from figcheck.extract.units import default_units, load_units
from figcheck.load.articles import Article
from figcheck.load.collections import Corpus, load_corpus
from figcheck.load.gazetteer import load_gazetteer
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Rule
from figcheck.rules.runner import ReportedFinding, run_rules
from figcheck.rules.suite import Suite, select_rules
from figcheck.rules.tables_view import Document, Tables
from figcheck.tables.build import (
    check_foreign_keys,
    documents_frame,
    figures_frame,
    mentions_frame,
    texts_of,
    tokens_frame,
)
from figcheck.tables.expectations import (
    ExpectationOutcome,
    ExpectationSuiteSpec,
    read_expectations,
    validate_figures,
)


@dataclass(frozen=True)
class Extracted:
    """The validated tables of a corpus."""

    corpus: Corpus
    documents: pd.DataFrame
    figures: pd.DataFrame
    mentions: pd.DataFrame
    tokens: pd.DataFrame


@dataclass(frozen=True)
class Shown:
    """What a report shows besides the findings: every article, and the rows of those it details."""

    collections: tuple[Path, ...]
    documents: pd.DataFrame
    texts: Mapping[str, str]
    figures: pd.DataFrame
    mentions: pd.DataFrame
    tokens: pd.DataFrame
    # articles whose text, figures and names are shown; None: every article
    detailed: frozenset[str] | None = None


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


GAZETTEER_FILE = "entities.csv"
UNITS_FILE = "units.csv"


def beside(collections: Sequence[Path], name: str) -> Path | None:
    """A shared file next to the collections (`datasets/entities.csv`) or inside the first that has one."""
    for folder in [*collections, *(c.parent for c in collections)]:
        if (folder / name).is_file():
            return folder / name
    return None


def load_resources(collections: Sequence[Path]) -> Resources:
    """The run's lexicons and models: the user's `entities.csv` and `units.csv` where present."""
    gazetteer_path = beside(collections, GAZETTEER_FILE)
    units_path = beside(collections, UNITS_FILE)
    return Resources(
        units=load_units(units_path) if units_path else default_units(),
        gazetteer=load_gazetteer(gazetteer_path) if gazetteer_path else None,
        pipeline_for=functools.cache(load_model),
    )


# (stage, done, total) after each step of a long stage: "extracting" counts articles, "checking" rules
Progress = Callable[[str, int, int], None]
CHUNK_SIZE = 32  # articles extracted together: spaCy batches their texts
# A worker process loads its own models, which takes about as long as extracting this many articles.
ARTICLES_PER_PROCESS = 100


def checking(progress: Progress | None) -> Callable[[int, int], None] | None:
    """`progress` for the rules: called after each rule with the rules done and their number."""
    if progress is None:
        return None
    return lambda done, total: progress("checking", done, total)


def processes_for(articles: int, jobs: int) -> int:
    """Processes to extract `articles` with: `jobs`, or with 0 one per core but none idle on loading."""
    if jobs:
        return jobs if articles >= 2 * jobs else 1
    return max(1, min(os.cpu_count() or 1, articles // ARTICLES_PER_PROCESS))


def extract(paths: Sequence[Path], progress: Progress | None = None, jobs: int = 1) -> Extracted:
    corpus = load_corpus(paths)
    return extract_corpus(corpus, load_resources(corpus.collections), progress, jobs)


# Each worker process loads its own lexicons and models once, then extracts the articles it is given.
_worker_resources: Resources | None = None


def _start_worker(collections: tuple[Path, ...]) -> None:
    global _worker_resources
    _worker_resources = load_resources(collections)


def _extract_in_worker(articles: Sequence[Article]) -> list[ArticleExtraction]:
    assert _worker_resources is not None, "worker started without its resources"
    return extract_articles(articles, _worker_resources)


def _extractions(corpus: Corpus, resources: Resources, jobs: int) -> Iterator[ArticleExtraction]:
    """Articles in order, extracted in this process or by worker processes (see `processes_for`)."""
    articles = list(corpus.articles)
    chunks = [articles[start : start + CHUNK_SIZE] for start in range(0, len(articles), CHUNK_SIZE)]
    processes = processes_for(len(articles), jobs)
    if processes == 1:
        for chunk in chunks:
            yield from extract_articles(chunk, resources)
        return
    with ProcessPoolExecutor(
        processes, initializer=_start_worker, initargs=(tuple(corpus.collections),)
    ) as pool:
        for extracted in pool.map(_extract_in_worker, chunks):
            yield from extracted


def extract_corpus(
    corpus: Corpus, resources: Resources, progress: Progress | None = None, jobs: int = 1
) -> Extracted:
    """Extract every article (with `jobs` processes); `progress("extracting", done, total)` after each one."""
    extractions: list[ArticleExtraction] = []
    for extraction in _extractions(corpus, resources, jobs):
        extractions.append(extraction)
        if progress is not None:
            progress("extracting", len(extractions), len(corpus.articles))
    documents = documents_frame(corpus.articles, extractions)
    figures = figures_frame(extractions, corpus.curated_figures, resources.units.kind)
    mentions = mentions_frame(extractions, resources.gazetteer)
    check_foreign_keys(documents, figures, mentions)
    return Extracted(corpus, documents, figures, mentions, tokens_frame(extractions))


def tables_of(
    extracted: Extracted, expectations: Sequence[ExpectationOutcome] = (), engine: str = DEFAULT_ENGINE
) -> Tables:
    """The validated tables as lazy frames on `engine` (pandas, polars or duckdb: see `figcheck.engines`)."""
    return tables_from_pandas(
        engine,
        extracted.documents,
        extracted.figures,
        extracted.mentions,
        texts=texts_of(extracted.corpus.articles),
        expectations=expectations,
    )


def documents_for(
    articles: Iterable[Article], figures: pd.DataFrame, mentions: pd.DataFrame
) -> list[Document]:
    """Each article with the figures found in its text and its mentions, for the document rules."""
    figures_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in figures[figures["origin"] == "extracted"].to_dict("records"):
        figures_by[row["doc_id"]].append(row)
    mentions_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in mentions.to_dict("records"):
        mentions_by[row["doc_id"]].append(row)
    return [
        Document(a.doc_id, a.language, a.text, figures_by.get(a.doc_id, []), mentions_by.get(a.doc_id, []))
        for a in articles
    ]


def documents_of(extracted: Extracted) -> list[Document]:
    return documents_for(extracted.corpus.articles, extracted.figures, extracted.mentions)


def run(
    paths: Sequence[Path],
    suite: Suite,
    progress: Progress | None = None,
    engine: str = DEFAULT_ENGINE,
    jobs: int = 1,
) -> RunResult:
    """Select the suite's rules and check the engine first, so a bad suite fails before any article is read."""
    started = time.time()
    engine_named(engine)
    rules = select_rules(suite, all_rules(suite.rule_files))
    expectations = read_expectations(suite.expectations) if suite.expectations else None
    extracted = extract(paths, progress, jobs)
    return check(extracted, rules, suite, started, expectations, engine=engine, progress=progress)


def check(
    extracted: Extracted,
    rules: Sequence[Rule],
    suite: Suite,
    started: float | None = None,
    expectations: ExpectationSuiteSpec | None = None,
    engine: str = DEFAULT_ENGINE,
    progress: Progress | None = None,
) -> RunResult:
    """Run the rules (and the table expectations, when the suite has some) on extracted tables.

    Table rules run on `engine`; document rules always read the pandas rows of one article.
    """
    started = time.time() if started is None else started
    outcomes = validate_figures(extracted.figures, extracted.documents, expectations) if expectations else []
    tables = tables_of(extracted, outcomes, engine)
    findings = run_rules(rules, tables, documents_of(extracted), suite, checking(progress))
    shown = Shown(
        extracted.corpus.collections,
        extracted.documents,
        texts_of(extracted.corpus.articles),
        extracted.figures,
        extracted.mentions,
        extracted.tokens,
    )
    return RunResult(
        suite,
        tuple(rules),
        shown,
        tuple(findings),
        started,
        time.time() - started,
        tuple(outcomes),
        extracted,
    )
