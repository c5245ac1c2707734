"""Which dataframe engine the table rules run on: pandas (default), Polars, DuckDB or Spark.

This is the only package that imports an engine other than pandas: one module per engine (`pandas.py`,
`polars.py`, `duckdb.py`, `spark.py`), each defining its `ENGINE`; `base.py` says what an engine is and
`parquet.py` writes the tables between stages. The validated pandas tables (or their Parquet files) go
in; `Tables` of narwhals LazyFrames backed by the chosen engine come out, so every table rule runs
unchanged on every engine. Engines are imported lazily, only when chosen: Polars and DuckDB come with
the `scale` extra, Spark with the `spark` extra.

Spark also runs extraction: `map_batches` sends batches of article files to the executors with
`mapInArrow`. The other engines extract in a process pool on one machine (`figcheck.pipeline.batches`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import narwhals as nw
import pandas as pd

from figcheck.engines import duckdb, pandas, polars, spark
from figcheck.engines.base import BatchMap as BatchMap
from figcheck.engines.base import Engine as Engine
from figcheck.engines.base import EngineOptions as EngineOptions
from figcheck.engines.base import EngineUnavailable as EngineUnavailable
from figcheck.engines.parquet import TABLES
from figcheck.engines.parquet import parquet_paths as parquet_paths
from figcheck.engines.parquet import write_parquet as write_parquet
from figcheck.engines.parquet import write_part as write_part
from figcheck.engines.parquet import write_table as write_table
from figcheck.engines.spark import DEFAULT_MASTER as DEFAULT_MASTER
from figcheck.rules.tables_view import Tables
from figcheck.tables.expectations import ExpectationOutcome

DEFAULT_ENGINE = "pandas"
ENGINES: dict[str, Engine] = {module.ENGINE.name: module.ENGINE for module in (pandas, polars, duckdb, spark)}


def engine_named(name: str) -> Engine:
    """The engine called `name`, checked to be installed."""
    if name not in ENGINES:
        raise ValueError(f"unknown engine '{name}'; choose from {', '.join(ENGINES)}")
    engine = ENGINES[name]
    engine.check()
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
        # kept as given: the outcomes may still be on their way (`figcheck.beside.Later`)
        expectations=expectations,
    )


def tables_from_pandas(
    engine: str,
    documents: pd.DataFrame,
    figures: pd.DataFrame,
    mentions: pd.DataFrame,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    options: EngineOptions = EngineOptions(),
) -> Tables:
    """The validated pandas tables as `Tables` on `engine`."""
    frames = {"documents": documents, "figures": figures, "mentions": mentions}
    return _tables(engine_named(engine).from_pandas(frames, options), texts, expectations)


def tables_from_parquet(
    engine: str,
    folder: Path,
    texts: Mapping[str, str],
    expectations: Sequence[ExpectationOutcome] = (),
    options: EngineOptions = EngineOptions(),
) -> Tables:
    """`Tables` on `engine` that scan the Parquet parts under `folder` (Polars and DuckDB stream them)."""
    paths = {name: path for name, path in parquet_paths(folder).items() if name in TABLES}
    return _tables(engine_named(engine).from_parquet(paths, options), texts, expectations)
