"""Which dataframe engine the table rules run on: pandas (default), Polars or DuckDB.

This is the only module that imports an engine other than pandas. The validated pandas tables (or the
Parquet files written between stages) go in; `Tables` of narwhals LazyFrames backed by the chosen engine
come out, so every table rule runs unchanged on every engine. Polars and DuckDB are imported lazily,
only when chosen: they come with the `scale` extra (`pip install 'figcheck[scale]'`).

Adding an engine (Spark is next) is one more entry in `ENGINES`: a function from Arrow tables, and one
from Parquet files, to native lazy frames that narwhals accepts.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import narwhals as nw
import pandas as pd

from figcheck.rules.tables_view import Tables
from figcheck.tables.expectations import ExpectationOutcome

TABLES = ("documents", "figures", "mentions")
ID_COLUMNS = {"documents": "doc_id", "figures": "figure_id", "mentions": "mention_id"}
ROW_GROUP = 65_536
DEFAULT_ENGINE = "pandas"


class EngineUnavailable(RuntimeError):
    """The chosen engine's package is not installed."""

    def __init__(self, engine: str, package: str) -> None:
        super().__init__(
            f"engine '{engine}' needs the '{package}' package; install it with pip install 'figcheck[scale]'"
        )
        self.engine = engine
        self.package = package


@dataclass(frozen=True)
class Engine:
    """How one engine turns tables into native lazy frames that narwhals wraps."""

    name: str
    package: str | None
    from_pandas: Callable[[Mapping[str, pd.DataFrame], int | None], dict[str, Any]]
    from_parquet: Callable[[Mapping[str, Path], int | None], dict[str, Any]]

    def available(self) -> bool:
        return self.package is None or importlib.util.find_spec(self.package) is not None


def _arrow(frame: pd.DataFrame) -> Any:
    # One Arrow copy of each table, shared by the engines that read Arrow without another copy.
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def _pandas_from_pandas(frames: Mapping[str, pd.DataFrame], threads: int | None) -> dict[str, Any]:
    return dict(frames)


def _pandas_from_parquet(paths: Mapping[str, Path], threads: int | None) -> dict[str, Any]:
    return {name: pd.read_parquet(path) for name, path in paths.items()}


def _polars_from_pandas(frames: Mapping[str, pd.DataFrame], threads: int | None) -> dict[str, Any]:
    import polars as pl

    return {name: pl.from_arrow(_arrow(frame)).lazy() for name, frame in frames.items()}  # type: ignore[union-attr]


def _polars_from_parquet(paths: Mapping[str, Path], threads: int | None) -> dict[str, Any]:
    import polars as pl

    return {name: pl.scan_parquet(path) for name, path in paths.items()}


def _duckdb_connection(threads: int | None) -> Any:
    import duckdb

    # A connection of the run's own, so runs in one process never see each other's tables.
    return duckdb.connect(":memory:", config={"threads": threads} if threads else {})


def _duckdb_from_pandas(frames: Mapping[str, pd.DataFrame], threads: int | None) -> dict[str, Any]:
    connection = _duckdb_connection(threads)
    return {name: connection.from_arrow(_arrow(frame)) for name, frame in frames.items()}


def _duckdb_from_parquet(paths: Mapping[str, Path], threads: int | None) -> dict[str, Any]:
    connection = _duckdb_connection(threads)
    return {name: connection.read_parquet(str(path)) for name, path in paths.items()}


ENGINES: dict[str, Engine] = {
    "pandas": Engine("pandas", None, _pandas_from_pandas, _pandas_from_parquet),
    "polars": Engine("polars", "polars", _polars_from_pandas, _polars_from_parquet),
    "duckdb": Engine("duckdb", "duckdb", _duckdb_from_pandas, _duckdb_from_parquet),
}


def engine_named(name: str) -> Engine:
    """The engine called `name`, checked to be installed."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}'; choose from {', '.join(ENGINES)}")
    engine = ENGINES[name]
    if not engine.available():
        raise EngineUnavailable(name, engine.package or name)
    if name != "pandas" and importlib.util.find_spec("pyarrow") is None:
        raise EngineUnavailable(name, "pyarrow")
    return engine


def available_engines() -> list[str]:
    return [name for name, engine in ENGINES.items() if engine.available()]


def _tables(
    natives: Mapping[str, Any], texts: Mapping[str, str], expectations: Sequence[ExpectationOutcome]
) -> Tables:
    lazy = {name: nw.from_native(natives[name]).lazy() for name in TABLES}
    return Tables(
        documents=lazy["documents"],
        figures=lazy["figures"],
        mentions=lazy["mentions"],
        texts=texts,
        expectations=tuple(expectations),
    )


def tables_from_pandas(
    engine: str,
    documents: pd.DataFrame,
    figures: pd.DataFrame,
    mentions: pd.DataFrame,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    threads: int | None = None,
) -> Tables:
    """The validated pandas tables as `Tables` on `engine` (`threads`: DuckDB's; Polars reads
    `POLARS_MAX_THREADS` when first imported)."""
    frames = {"documents": documents, "figures": figures, "mentions": mentions}
    return _tables(engine_named(engine).from_pandas(frames, threads), texts, expectations)


def parquet_paths(folder: Path) -> dict[str, Path]:
    return {name: folder / f"{name}.parquet" for name in TABLES}


def write_parquet(
    folder: Path, documents: pd.DataFrame, figures: pd.DataFrame, mentions: pd.DataFrame
) -> None:
    """Write the validated tables between stages: `documents.parquet`, `figures.parquet`, `mentions.parquet`.

    Rows are sorted by id and written in small row groups: a rule citing its evidence looks figures up by
    id, and the row groups' min/max statistics let Polars and DuckDB skip all but one of them.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = parquet_paths(folder)
    frames = {"documents": documents, "figures": figures, "mentions": mentions}
    for name, frame in frames.items():
        key = ID_COLUMNS[name]
        frame.sort_values(key, kind="stable").to_parquet(paths[name], index=False, row_group_size=ROW_GROUP)


def tables_from_parquet(
    engine: str,
    folder: Path,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    threads: int | None = None,
) -> Tables:
    """`Tables` on `engine` that scan the Parquet files of `write_parquet` (Polars and DuckDB stream them)."""
    return _tables(engine_named(engine).from_parquet(parquet_paths(folder), threads), texts, expectations)
