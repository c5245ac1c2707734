from collections.abc import Collection, Iterator
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Evidence, Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.intervals import fmt, overlaps, unit_label

# Scopes that cover only part of a calendar year.
PART_OF_YEAR = ["rest_of_year", "year_to_date", "half_year", "quarter", "month", "week", "day"]
SAME_FIGURE = ["doc_id", "unit", "status", "value", "year"]
COLUMNS = [
    *SAME_FIGURE,
    "figure_id",
    "period_scope",
    "period_start",
    "period_end",
    "period_text",
    "lower",
    "upper",
    "lower_inclusive",
    "upper_inclusive",
]


def _figures_in(tables: Tables, doc_ids: Collection[str] | None) -> nw.LazyFrame[Any]:
    figures = tables.figures.drop_nulls(subset=["unit", "value", "period_start", "period_end"])
    return figures if doc_ids is None else figures.filter(nw.col("doc_id").is_in(sorted(doc_ids)))


def conflict_pairs(tables: Tables, doc_ids: Collection[str] | None = None) -> nw.LazyFrame[Any]:
    """Pairs (whole year, part of it) giving the same figure, in every article or in `doc_ids`: one row
    per pair, part columns suffixed `_b`."""
    dated = _figures_in(tables, doc_ids).with_columns(year=nw.col("period_start").dt.year())
    whole = dated.filter(nw.col("period_scope") == "whole_year").select(COLUMNS)
    part = dated.filter(nw.col("period_scope").is_in(PART_OF_YEAR)).select(COLUMNS)
    return join(whole, part, on=SAME_FIGURE, suffix="_b").filter(
        overlaps()
        & (nw.col("period_start_b") >= nw.col("period_start"))
        & (nw.col("period_end_b") <= nw.col("period_end"))
    )


def conflicts(tables: Tables, doc_ids: Collection[str] | None = None) -> nw.DataFrame[Any]:
    return conflict_pairs(tables, doc_ids).sort("doc_id", "unit", "figure_id", "figure_id_b").collect()


def known_before(tables: Tables, doc_ids: Collection[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """For each conflicting pair in `doc_ids`, a figure of the same unit for the part of the year before
    the part: what makes the arithmetic ("2 million already delivered in January")."""
    earlier = _figures_in(tables, doc_ids).select(
        "doc_id",
        "unit",
        nw.col("figure_id").alias("figure_id_c"),
        nw.col("value").alias("value_c"),
        nw.col("period_text").alias("period_text_c"),
        nw.col("period_start").alias("period_start_c"),
        nw.col("period_end").alias("period_end_c"),
    )
    pairs = conflict_pairs(tables, doc_ids).select(
        "doc_id", "unit", "figure_id", "figure_id_b", "period_start", "period_start_b"
    )
    candidates = join(pairs, earlier, on=["doc_id", "unit"]).filter(
        (nw.col("period_start_c") >= nw.col("period_start"))
        & (nw.col("period_end_c") < nw.col("period_start_b"))
    )
    # one figure per pair, chosen by the engine: an article repeating a figure gives many
    first = candidates.group_by("figure_id", "figure_id_b").agg(nw.col("figure_id_c").min())
    rows = join(candidates, first, on=["figure_id", "figure_id_b", "figure_id_c"]).collect()
    return {(row["figure_id"], row["figure_id_b"]): row for row in hits_of(rows)}


@rule(code="PD001", slug="scope-conflict", severity="error", family="periods")
def scope_conflict(tables: Tables) -> Iterator[Finding]:
    """One figure is given for a whole year in one place and for only part of that year in another.

    Why
    ---
    The same amount cannot be planned for all of 2026 and again for the rest of 2026 once some of it
    has already been delivered: one of the two periods is wrong, usually through translation
    ("pour l'ensemble de l'année" and "pendant le reste de l'année" are easy to swap).

    Bad
    ---
    Pour l'ensemble de l'année 2026, l'armée devrait recevoir environ 21 millions d'unités de munitions.
    Il est prévu de livrer environ 21 millions d'unités de munitions pendant le reste de cette année.

    Good
    ----
    Pour l'ensemble de l'année 2026, l'armée devrait recevoir environ 21 millions d'unités de munitions.
    Il est prévu de livrer environ 19 millions d'unités de munitions pendant le reste de cette année.
    """
    hits = conflicts(tables)
    before = known_before(tables, set(hits["doc_id"].to_list())) if len(hits) else {}
    prefetch(
        tables,
        [
            *hits["figure_id"].to_list(),
            *hits["figure_id_b"].to_list(),
            *(known["figure_id_c"] for known in before.values()),
        ],
    )
    for (doc_id, unit), group in groupby(hits_of(hits), key=lambda r: (r["doc_id"], r["unit"])):
        pairs = list(group)
        first = pairs[0]
        ids = list(dict.fromkeys(i for p in pairs for i in (p["figure_id"], p["figure_id_b"])))
        evidence: tuple[Evidence, ...] = spans(tables, *ids)
        whole, part = evidence[0], evidence[-1]
        message = (
            f'{unit_label(unit)}: "{whole.text}" {first["period_text"]} and again '
            f'"{part.text}" {first["period_text_b"]} ({first["period_scope_b"].replace("_", " ")}), '
            "as if the part were the whole"
        )
        known = before.get((first["figure_id"], first["figure_id_b"]))
        if known:
            left = first["value"] - known["value_c"]
            message += (
                f"; {fmt(known['value_c'])} are already reported {known['period_text_c']}, so the "
                f"rest of the year cannot also be {fmt(first['value'])} if the whole year is "
                f"{fmt(first['value'])} (that leaves {fmt(left)})"
            )
            evidence += spans(tables, known["figure_id_c"])
        yield Finding(
            doc_id=doc_id,
            message=message,
            evidence=evidence,
            suggestion="check which period the source gives this figure for, and give it only for that period",
        )
