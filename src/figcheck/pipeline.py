"""The flow, top to bottom: load -> extract -> tables -> rules. Reports are written by the caller."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figcheck.engines import DEFAULT_ENGINE, engine_named, tables_from_pandas
from figcheck.extract.article import ArticleExtraction, Resources, extract_article
from figcheck.extract.mentions import load_pipeline
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
class RunResult:
    suite: Suite
    rules: tuple[Rule, ...]
    extracted: Extracted
    findings: tuple[ReportedFinding, ...]
    started: float
    seconds: float
    expectations: tuple[ExpectationOutcome, ...] = ()


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
        pipeline_for=functools.cache(load_pipeline),
    )


Progress = Callable[[int, int], None]
CHUNK_SIZE = 8


def extract(paths: Sequence[Path], progress: Progress | None = None, jobs: int = 1) -> Extracted:
    corpus = load_corpus(paths)
    return extract_corpus(corpus, load_resources(corpus.collections), progress, jobs)


# Each worker process loads its own lexicons and models once, then extracts the articles it is given.
_worker_resources: Resources | None = None


def _start_worker(collections: tuple[Path, ...]) -> None:
    global _worker_resources
    _worker_resources = load_resources(collections)


def _extract_in_worker(article: Article) -> ArticleExtraction:
    assert _worker_resources is not None, "worker started without its resources"
    return extract_article(article, _worker_resources)


def _extractions(corpus: Corpus, resources: Resources, jobs: int) -> Iterator[ArticleExtraction]:
    """Articles in order, extracted in this process or by `jobs` worker processes."""
    if jobs <= 1 or len(corpus.articles) < 2 * jobs:
        yield from (extract_article(article, resources) for article in corpus.articles)
        return
    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(tuple(corpus.collections),)) as pool:
        yield from pool.map(_extract_in_worker, corpus.articles, chunksize=CHUNK_SIZE)


def extract_corpus(
    corpus: Corpus, resources: Resources, progress: Progress | None = None, jobs: int = 1
) -> Extracted:
    """Extract every article (with `jobs` processes); `progress(done, total)` is called after each one."""
    extractions: list[ArticleExtraction] = []
    for extraction in _extractions(corpus, resources, jobs):
        extractions.append(extraction)
        if progress is not None:
            progress(len(extractions), len(corpus.articles))
    documents = documents_frame(corpus.articles, extractions)
    figures = figures_frame(extractions, corpus.curated_figures)
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


def documents_of(extracted: Extracted) -> list[Document]:
    figures = {doc: frame.to_dict("records") for doc, frame in extracted.figures.groupby("doc_id")}
    mentions = {doc: frame.to_dict("records") for doc, frame in extracted.mentions.groupby("doc_id")}
    return [
        Document(a.doc_id, a.language, a.text, figures.get(a.doc_id, []), mentions.get(a.doc_id, []))
        for a in extracted.corpus.articles
    ]


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
    return check(extracted, rules, suite, started, expectations, engine=engine)


def check(
    extracted: Extracted,
    rules: Sequence[Rule],
    suite: Suite,
    started: float | None = None,
    expectations: ExpectationSuiteSpec | None = None,
    engine: str = DEFAULT_ENGINE,
) -> RunResult:
    """Run the rules (and the table expectations, when the suite has some) on extracted tables.

    Table rules run on `engine`; document rules always read the pandas rows of one article.
    """
    started = time.time() if started is None else started
    outcomes = validate_figures(extracted.figures, extracted.documents, expectations) if expectations else []
    findings = run_rules(rules, tables_of(extracted, outcomes, engine), documents_of(extracted), suite)
    return RunResult(
        suite, tuple(rules), extracted, tuple(findings), started, time.time() - started, tuple(outcomes)
    )
