"""The Parquet back-end: each batch's tables written as one Parquet part per table, for collections too
large for memory. The engine scans the parts; article texts are read from their files when needed; the
report details only the articles with findings."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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
from figcheck.errors import InputError
from figcheck.load.articles import Article
from figcheck.load.collections import ArticleSource, read_sources
from figcheck.pipeline.batches import BatchResult, FileRead
from figcheck.pipeline.stores import Entities, Shown, Store
from figcheck.rules.runner import ReportedFinding
from figcheck.rules.tables_view import Tables
from figcheck.tables.build import validate, with_entities
from figcheck.tables.expectations import (
    ExpectationOutcome,
    ExpectationSuiteSpec,
    merge_outcomes,
    validate_figures,
)
from figcheck.tables.schemas import Mentions

BATCH_ARTICLES = 500
CURATED_PART = 99_999  # curated figures go last, after every batch's extracted figures


class ArticlesOnDisk(Mapping[str, Article]):
    """Articles by id, read from their files or table rows when asked for: a long run never holds every
    text."""

    def __init__(self, files: Mapping[str, ArticleSource]) -> None:
        self._files = files

    def __getitem__(self, doc_id: str) -> Article:
        ((_, article, _),) = read_sources([self._files[doc_id]])
        if article is None:
            raise KeyError(doc_id)
        return article

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def in_collection(self, collection: Path) -> ArticlesOnDisk:
        return ArticlesOnDisk({d: s for d, s in self._files.items() if s.collection == collection})


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


TEMPORARY = "figcheck-tables-"  # then the run's process id: a folder whose process is gone is a leftover


def _clear_leftovers(where: Path) -> None:
    """Remove the tables folders of runs killed outright (SIGKILL, power loss): their process is gone."""
    for folder in where.glob(f"{TEMPORARY}*-*"):
        pid = folder.name.removeprefix(TEMPORARY).split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)) and folder.stat().st_uid == os.getuid():
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class ParquetBatches(Store):
    """Tables as Parquet parts under `tables` (default: a temporary folder, removed after the run)."""

    def __init__(self, tables: Path | None = None, batch_size: int = BATCH_ARTICLES) -> None:
        self.batch_size = batch_size
        self._tables = tables
        self._collections: tuple[Path, ...] = ()
        self._articles = ArticlesOnDisk({})
        self._texts = TextsOnDisk(self._articles)
        self._curated: pd.DataFrame | None = None

    @contextmanager
    def opened(self) -> Iterator[None]:
        if self._tables is not None:
            if self._tables.exists() and any(self._tables.iterdir()):
                raise InputError(
                    self._tables, None, "the tables folder is not empty; give a new or empty folder"
                )
            self.folder = self._tables.resolve()
            yield
            return
        _clear_leftovers(Path(tempfile.gettempdir()))
        with tempfile.TemporaryDirectory(prefix=f"{TEMPORARY}{os.getpid()}-") as folder:
            self.folder = Path(folder).resolve()
            yield

    def _paths(self) -> dict[str, Path]:
        assert self.folder is not None, "the store is opened before it holds tables"
        return parquet_paths(self.folder)

    def expectations_in_batches(self, engine: str) -> bool:
        return engine_named(engine).validate_tables is None

    def keep(
        self, collections: Sequence[Path], results: Sequence[BatchResult], read: Sequence[FileRead]
    ) -> None:
        self._collections = tuple(collections)
        self._articles = ArticlesOnDisk({r.doc_id: r.source for r in read if r.doc_id})
        # one cache of texts for the rules and the report
        self._texts = TextsOnDisk(self._articles)

    def articles_in(self, collection: Path) -> Mapping[str, Article]:
        return self._articles.in_collection(collection)

    def add_curated(self, figures: pd.DataFrame) -> None:
        assert self.folder is not None
        write_part(self.folder, CURATED_PART, {"figures": figures})
        self._curated = figures

    def known_mentions(self, mention_ids: Sequence[str]) -> set[str]:
        wanted = [("mention_id", "in", sorted(set(mention_ids)))]
        return set(
            pd.read_parquet(self._paths()["mentions"], columns=["mention_id"], filters=wanted)["mention_id"]
        )

    def resolve(self, entities: Entities) -> None:
        """Rewrite each mentions part with its entities."""
        for part in sorted(self._paths()["mentions"].glob("*.parquet")):
            mentions = validate(pd.read_parquet(part), Mentions, "mentions")
            write_table(with_entities(mentions, entities), part)

    def validate(
        self, spec: ExpectationSuiteSpec, results: Sequence[BatchResult], engine: str, options: EngineOptions
    ) -> list[ExpectationOutcome]:
        paths = self._paths()
        validate_tables = engine_named(engine).validate_tables
        if validate_tables is not None:
            return validate_tables(paths, spec, options)
        parts = [list(r.outcomes) for r in results]
        if self._curated is not None:
            documents = pd.read_parquet(paths["documents"], columns=["doc_id", "published"])
            parts.append(validate_figures(self._curated, documents, spec))
        return merge_outcomes(parts)

    def tables(self, engine: str, outcomes: Sequence[ExpectationOutcome], options: EngineOptions) -> Tables:
        assert self.folder is not None
        return tables_from_parquet(engine, self.folder, self._texts, outcomes, options)

    def shown(self, findings: Sequence[ReportedFinding]) -> Shown:
        """Every article's row, and the rows of the articles with findings."""
        detailed = frozenset(
            {f.doc_id for f in findings if f.doc_id} | {e.doc_id for f in findings for e in f.evidence}
        )
        paths = self._paths()
        keep = [("doc_id", "in", sorted(detailed))] if detailed else [("doc_id", "==", "")]
        return Shown(
            self._collections,
            pd.read_parquet(paths["documents"]),
            self._texts,
            pd.read_parquet(paths["figures"], filters=keep),
            pd.read_parquet(paths["mentions"], filters=keep),
            pd.read_parquet(paths["tokens"], filters=keep),
            detailed,
        )
