"""The flow, top to bottom: load -> extract -> tables -> rules. Reports are written by the caller."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import narwhals as nw
import pandas as pd

from figcheck.extract.article import ArticleExtraction, extract_article
from figcheck.load.collections import Corpus, load_corpus
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
)


@dataclass(frozen=True)
class Extracted:
    """The validated tables of a corpus."""

    corpus: Corpus
    documents: pd.DataFrame
    figures: pd.DataFrame
    mentions: pd.DataFrame


@dataclass(frozen=True)
class RunResult:
    suite: Suite
    rules: tuple[Rule, ...]
    extracted: Extracted
    findings: tuple[ReportedFinding, ...]
    started: float
    seconds: float


def extract(paths: Sequence[Path]) -> Extracted:
    return extract_corpus(load_corpus(paths))


def extract_corpus(corpus: Corpus) -> Extracted:
    extractions: list[ArticleExtraction] = [extract_article(article) for article in corpus.articles]
    texts = texts_of(corpus.articles)
    documents = documents_frame(corpus.articles, extractions)
    figures = figures_frame(extractions, corpus.curated_figures, texts)
    mentions = mentions_frame(extractions)
    check_foreign_keys(documents, figures, mentions)
    return Extracted(corpus, documents, figures, mentions)


def tables_of(extracted: Extracted) -> Tables:
    return Tables(
        documents=nw.from_native(extracted.documents).lazy(),
        figures=nw.from_native(extracted.figures).lazy(),
        mentions=nw.from_native(extracted.mentions).lazy(),
        texts=texts_of(extracted.corpus.articles),
    )


def documents_of(extracted: Extracted) -> list[Document]:
    figures = {doc: frame.to_dict("records") for doc, frame in extracted.figures.groupby("doc_id")}
    mentions = {doc: frame.to_dict("records") for doc, frame in extracted.mentions.groupby("doc_id")}
    return [
        Document(a.doc_id, a.language, a.text, figures.get(a.doc_id, []), mentions.get(a.doc_id, []))
        for a in extracted.corpus.articles
    ]


def run(paths: Sequence[Path], suite: Suite) -> RunResult:
    """Select the suite's rules first, so a bad suite fails before any article is read."""
    started = time.time()
    rules = select_rules(suite, all_rules(suite.rule_files))
    extracted = extract(paths)
    return check(extracted, rules, suite, started)


def check(extracted: Extracted, rules: Sequence[Rule], suite: Suite, started: float | None = None) -> RunResult:
    started = time.time() if started is None else started
    findings = run_rules(rules, tables_of(extracted), documents_of(extracted), suite)
    return RunResult(suite, tuple(rules), extracted, tuple(findings), started, time.time() - started)
