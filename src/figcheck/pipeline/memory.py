"""The in-memory back-end: every table held whole as a pandas frame, for collections that fit in memory
and for rule cases. Batches hand their tables back; the report details every article."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

import pandas as pd

from figcheck.engines import EngineOptions, tables_from_pandas
from figcheck.load.articles import Article
from figcheck.pipeline.batches import BatchResult, BatchTables, FileRead
from figcheck.pipeline.stores import Entities, Extracted, Shown, Store
from figcheck.rules.runner import ReportedFinding
from figcheck.rules.tables_view import Tables
from figcheck.tables.build import (
    documents_frame,
    figures_frame,
    texts_of,
    tokens_frame,
    unresolved_mentions_frame,
    with_entities,
)
from figcheck.tables.expectations import ExpectationOutcome, ExpectationSuiteSpec, validate_figures

BATCH_ARTICLES = 32  # spaCy batches the texts of a batch; a worker process takes one batch at a time


def _whole(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


class InMemory(Store):
    """Whole pandas tables, put together from the batches in reading order."""

    def __init__(self, batch_size: int = BATCH_ARTICLES) -> None:
        self.batch_size = batch_size
        self._collections: tuple[Path, ...] = ()
        self._read: dict[tuple[str | None, Path], Path] = {}
        self._batches: list[BatchTables] = []
        self._figures: list[pd.DataFrame] = []
        self._whole: Extracted | None = None

    def expectations_in_batches(self, engine: str) -> bool:
        return False

    def keep(
        self, collections: Sequence[Path], results: Sequence[BatchResult], read: Sequence[FileRead]
    ) -> None:
        self._batches = [r.tables for r in results if r.tables is not None]
        if not self._batches:  # a collection without articles still has its (empty) tables
            empty = unresolved_mentions_frame(())
            self._batches = [
                BatchTables((), documents_frame((), ()), figures_frame((), ()), empty, tokens_frame(()))
            ]
        self._collections = tuple(collections)
        self._read = {(r.doc_id, r.path): r.collection for r in read}
        self._figures = [b.figures for b in self._batches]

    def _articles(self) -> list[Article]:
        return [a for b in self._batches for a in b.articles if (a.doc_id, a.path) in self._read]

    def articles_in(self, collection: Path) -> Mapping[str, Article]:
        return {a.doc_id: a for a in self._articles() if self._read[a.doc_id, a.path] == collection}

    def add_curated(self, figures: pd.DataFrame) -> None:
        self._figures.append(figures)

    def known_mentions(self, mention_ids: Sequence[str]) -> set[str]:
        wanted = set(mention_ids)
        return {m for b in self._batches for m in b.mentions["mention_id"] if m in wanted}

    def resolve(self, entities: Entities) -> None:
        self._whole = Extracted(
            tuple(self._articles()),
            self._collections,
            _whole([b.documents for b in self._batches]),
            _whole(self._figures),
            _whole([with_entities(b.mentions, entities) for b in self._batches]),
            _whole([b.tokens for b in self._batches]),
        )
        self._batches = []

    def extracted(self) -> Extracted:
        assert self._whole is not None, "the tables are whole once entities are resolved"
        return self._whole

    def validate(
        self, spec: ExpectationSuiteSpec, results: Sequence[BatchResult], engine: str, options: EngineOptions
    ) -> list[ExpectationOutcome]:
        return self.validation(spec, results, engine, options)()

    def validation(
        self, spec: ExpectationSuiteSpec, results: Sequence[BatchResult], engine: str, options: EngineOptions
    ) -> Callable[[], list[ExpectationOutcome]]:
        whole = self.extracted()  # only what the suite reads travels to another process
        return partial(validate_figures, whole.figures, whole.documents[["doc_id", "published"]], spec)

    def tables(self, engine: str, outcomes: Sequence[ExpectationOutcome], options: EngineOptions) -> Tables:
        whole = self.extracted()
        texts = texts_of(whole.articles)
        return tables_from_pandas(
            engine, whole.documents, whole.figures, whole.mentions, texts, outcomes, options
        )

    def shown(self, findings: Sequence[ReportedFinding]) -> Shown:
        whole = self.extracted()
        return Shown(
            whole.collections,
            whole.documents,
            texts_of(whole.articles),
            whole.figures,
            whole.mentions,
            whole.tokens,
        )
