"""Who a figure is attributed to: the speaker's resolved entity, else the agency it cites."""

from __future__ import annotations

from typing import Any

import narwhals as nw

from figcheck.rules import Tables, join


def with_claimant(tables: Tables, figures: nw.LazyFrame[Any] | None = None) -> nw.LazyFrame[Any]:
    """The figures table (or those of its rows in `figures`) plus `claimant` (speaker entity, else
    source), its `claimant_name`, `speaker_type` and `speaker_title`."""
    figures = tables.figures if figures is None else figures
    speakers = tables.mentions.select(
        nw.col("mention_id").alias("speaker_id"),
        nw.col("entity_id").alias("speaker_entity"),
        nw.col("type").alias("speaker_type"),
        nw.col("title").alias("speaker_title"),
        nw.coalesce(nw.col("name"), nw.col("text")).alias("speaker_name"),
    )
    # a left join: a figure without a speaker keeps its row and matches nothing
    joined = join(figures, speakers, on="speaker_id", how="left")
    return joined.with_columns(
        claimant=nw.coalesce(nw.col("speaker_entity"), nw.col("source")),
        claimant_name=nw.coalesce(nw.col("speaker_name"), nw.col("source")),
    )
