"""Who a figure is attributed to: the speaker's resolved entity, else the agency it cites."""

from __future__ import annotations

import narwhals as nw

from figcheck.rules import Tables


def with_claimant(tables: Tables) -> nw.LazyFrame:
    """The figures table plus `claimant` (speaker entity, else source), its `claimant_name`, `speaker_type`
    and `speaker_title`."""
    speakers = tables.mentions.select(
        nw.col("mention_id").alias("speaker_id"),
        nw.col("entity_id").alias("speaker_entity"),
        nw.col("type").alias("speaker_type"),
        nw.col("title").alias("speaker_title"),
        nw.coalesce(nw.col("name"), nw.col("text")).alias("speaker_name"),
    )
    attributed = tables.figures.filter(~nw.col("speaker_id").is_null())
    joined = attributed.join(speakers, on="speaker_id", how="left")
    unattributed = tables.figures.filter(nw.col("speaker_id").is_null()).with_columns(
        speaker_entity=nw.lit(None, nw.String),
        speaker_type=nw.lit(None, nw.String),
        speaker_title=nw.lit(None, nw.String),
        speaker_name=nw.lit(None, nw.String),
    )
    both = nw.concat([joined, unattributed.select(joined.collect_schema().names())], how="vertical")
    return both.with_columns(
        claimant=nw.coalesce(nw.col("speaker_entity"), nw.col("source")),
        claimant_name=nw.coalesce(nw.col("speaker_name"), nw.col("source")),
    )
