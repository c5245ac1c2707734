"""DuckDB: relations of a connection of the run's own, over Arrow copies or the Parquet parts."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from figcheck.engines.base import Engine, EngineOptions, Natives, arrow, parts


def _connection(options: EngineOptions) -> Any:
    import duckdb

    # A connection of the run's own, so runs in one process never see each other's tables.
    return duckdb.connect(":memory:", config={"threads": options.threads} if options.threads else {})


def from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    connection = _connection(options)
    return {name: connection.from_arrow(arrow(frame)) for name, frame in frames.items()}


def from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    connection = _connection(options)
    return {name: connection.read_parquet(parts(path)) for name, path in paths.items()}


ENGINE = Engine("duckdb", ("duckdb", "pyarrow"), from_pandas, from_parquet)
