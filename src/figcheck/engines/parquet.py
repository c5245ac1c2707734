"""The tables as Parquet files between stages: one folder per table, one part per batch."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

TABLES = ("documents", "figures", "mentions")
ID_COLUMNS = {"documents": "doc_id", "figures": "figure_id", "mentions": "mention_id", "tokens": "doc_id"}
ROW_GROUP = 65_536


def parquet_paths(folder: Path) -> dict[str, Path]:
    """Where each table's Parquet parts go: `folder/figures/part-00000.parquet`, ..."""
    return {name: folder / name for name in (*TABLES, "tokens")}


def write_part(folder: Path, number: int, tables: Mapping[str, pd.DataFrame]) -> None:
    """Write one batch's validated tables as part `number` of each table under `folder`.

    Rows are sorted by id and written in small row groups: a rule citing its evidence looks figures up by
    id, and the row groups' min/max statistics let Polars and DuckDB skip all but one of them.
    """
    paths = parquet_paths(folder)
    for name, frame in tables.items():
        paths[name].mkdir(parents=True, exist_ok=True)
        write_table(
            frame.sort_values(ID_COLUMNS[name], kind="stable"), paths[name] / f"part-{number:05d}.parquet"
        )


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """One Parquet file, in small row groups, with timestamps in microseconds (Spark refuses nanoseconds)."""
    frame.to_parquet(
        path, index=False, row_group_size=ROW_GROUP, coerce_timestamps="us", allow_truncated_timestamps=True
    )


def write_parquet(
    folder: Path, documents: pd.DataFrame, figures: pd.DataFrame, mentions: pd.DataFrame
) -> None:
    """Write whole validated tables between stages, as one part each."""
    write_part(folder, 0, {"documents": documents, "figures": figures, "mentions": mentions})
