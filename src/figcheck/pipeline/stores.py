"""Where a run keeps its tables between stages: the one interface both back-ends give the flow.

`InMemory` (`figcheck.pipeline.memory`) holds whole pandas tables; `ParquetBatches`
(`figcheck.pipeline.parquet`) keeps one Parquet part per batch on disk, so no stage holds every article.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd

from figcheck.engines import EngineOptions
from figcheck.errors import InputProblem
from figcheck.extract.entities import NameKey
from figcheck.load.articles import Article
from figcheck.pipeline.batches import BatchResult, FileRead
from figcheck.rules.runner import ReportedFinding
from figcheck.rules.tables_view import Tables
from figcheck.tables.expectations import ExpectationOutcome, ExpectationSuiteSpec


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
class Extracted:
    """The validated tables of a collection, held whole in memory."""

    articles: tuple[Article, ...]
    collections: tuple[Path, ...]
    documents: pd.DataFrame
    figures: pd.DataFrame
    mentions: pd.DataFrame
    tokens: pd.DataFrame
    # articles whose rows broke a table check, left out (located)
    problems: tuple[InputProblem, ...] = ()


# (entity id, canonical spelling) of each name, resolved over the whole collection
Entities = Mapping[NameKey, tuple[str, str | None]]


class Store(ABC):
    """A run's tables between stages. Batches of `batch_size` articles are extracted into it; the flow
    then adds the curated figures, resolves entities, runs the expectations and hands the tables to the
    engine."""

    batch_size: int
    # where each batch writes its tables as Parquet parts; None: batches hand their tables back
    folder: Path | None = None

    @contextmanager
    def opened(self) -> Iterator[None]:
        """The store ready for a run, and cleaned up after it."""
        yield

    @abstractmethod
    def expectations_in_batches(self, engine: str) -> bool:
        """Whether the suite's expectations run batch by batch (and so must check each row on its own)."""

    @abstractmethod
    def keep(
        self, collections: Sequence[Path], results: Sequence[BatchResult], read: Sequence[FileRead]
    ) -> None:
        """Take in every batch of the run's `collections`, and the articles of the run (`read`, without
        unreadable files and reused ids)."""

    @abstractmethod
    def articles_in(self, collection: Path) -> Mapping[str, Article]:
        """The articles of one collection by id, for its curated figures to be found in."""

    @abstractmethod
    def add_curated(self, figures: pd.DataFrame) -> None:
        """Add the curated figures, after every batch's extracted ones."""

    @abstractmethod
    def known_mentions(self, mention_ids: Sequence[str]) -> set[str]:
        """Which of `mention_ids` are mentions of the run."""

    @abstractmethod
    def resolve(self, entities: Entities) -> None:
        """Give every mention the entity of its name."""

    @abstractmethod
    def validate(
        self, spec: ExpectationSuiteSpec, results: Sequence[BatchResult], engine: str, options: EngineOptions
    ) -> list[ExpectationOutcome]:
        """The suite's outcomes on the whole figures table (from the batches' own, when they ran them)."""

    def validation(
        self, spec: ExpectationSuiteSpec, results: Sequence[BatchResult], engine: str, options: EngineOptions
    ) -> Callable[[], list[ExpectationOutcome]]:
        """`validate` as a function of no argument that another process may run (it travels pickled)."""
        return partial(self.validate, spec, results, engine, options)

    @abstractmethod
    def tables(self, engine: str, outcomes: Sequence[ExpectationOutcome], options: EngineOptions) -> Tables:
        """The tables as `Tables` on `engine`, for the table rules."""

    @abstractmethod
    def shown(self, findings: Sequence[ReportedFinding]) -> Shown:
        """What the report shows besides `findings`."""

    def extracted(self) -> Extracted | None:
        """The whole tables, when the store holds them in memory."""
        return None
