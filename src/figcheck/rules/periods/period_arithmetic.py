import math
from collections.abc import Iterator
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.intervals import fmt, unit_label
from figcheck.rules.periods.scope_conflict import conflicts

# Parts that tile a year: how many of each make the whole.
TILES = {"quarter": 4, "half_year": 2, "month": 12}
BEFORE_REST = ["month", "quarter", "half_year", "year_to_date"]
KEY = ["doc_id", "unit", "year"]
WHOLE = [*KEY, "figure_id", "lower", "upper"]
# Rates and durations do not add up over the parts of a year: 9.4 % in 2016 is no sum of months.
NOT_ADDITIVE = ("percent", "time")
# The longest gap between a part and the rest of the year still read as "the rest": a month.
GAP_DAYS = 31


def _dated(tables: Tables) -> nw.LazyFrame[Any]:
    additive = ~nw.col("unit_kind").is_in(NOT_ADDITIVE).fill_null(False)
    # the rest of a past year ("over the rest of 2018", said in 2019) starts where the part before it ends
    rest = nw.col("period_scope") == "rest_of_year"
    return (
        tables.figures.drop_nulls(subset=["unit", "period_end"])
        .filter(additive & (~nw.col("period_start").is_null() | rest))
        .with_columns(
            year=nw.col("period_end").dt.year(),
            low=nw.col("lower").fill_null(0.0),
            high=nw.col("upper").fill_null(float("inf")),
        )
    )


def _distinct_parts(dated: nw.LazyFrame[Any]) -> nw.LazyFrame[Any]:
    """The quarters (halves, months) of each year and unit, one figure each."""
    return dated.filter(nw.col("period_scope").is_in(list(TILES))).unique(
        subset=[*KEY, "period_scope", "period_start"], keep="first", order_by=["figure_id"]
    )


def tiled_parts(dated: nw.LazyFrame[Any]) -> nw.LazyFrame[Any]:
    """Per year and unit, the sum of distinct quarters (halves, months): bounds, count, one figure each."""
    parts = _distinct_parts(dated)
    return parts.group_by(*KEY, "period_scope").agg(
        nw.col("low").sum().alias("parts_low"),
        nw.col("high").sum().alias("parts_high"),
        nw.len().alias("parts"),
        nw.col("figure_id").min().alias("part_id"),
    )


def _part_key(hit: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(hit[k] for k in (*KEY, "period_scope"))


def _parts_of(dated: nw.LazyFrame[Any], hits: list[dict[str, Any]]) -> dict[tuple[Any, ...], list[str]]:
    """Every part behind each hit, in calendar order: the evidence shows all the figures it adds up."""
    if not hits:
        return {}
    documents = sorted({h["doc_id"] for h in hits})
    rows = hits_of(
        _distinct_parts(dated.filter(nw.col("doc_id").is_in(documents)))
        .select(*KEY, "period_scope", "period_start", "figure_id")
        .sort(*KEY, "period_scope", "period_start", "figure_id")
        .collect()
    )
    parts: dict[tuple[Any, ...], list[str]] = {}
    for row in rows:
        parts.setdefault(_part_key(row), []).append(row["figure_id"])
    return parts


def _on(day: nw.Expr, month: int, of_month: int) -> nw.Expr:
    return (day.dt.month() == month) & (day.dt.day() == of_month)


def before_and_rest(dated: nw.LazyFrame[Any]) -> nw.LazyFrame[Any]:
    """A figure for the start of a year joined with the figure for the rest of it; `covers` says whether
    the two leave no gap (the early part starts on 1 January and the rest follows within a month), so
    that their sum may be compared from below as well as from above."""
    # a stretch of months from January ("de janvier à mai") starts the year too, and one that runs to
    # 31 December ("d'avril à décembre") is the rest of it
    from_january = (nw.col("period_scope") == "other") & _on(nw.col("period_start"), 1, 1)
    to_december = (nw.col("period_scope") == "other") & _on(nw.col("period_end"), 12, 31)
    early = dated.filter(nw.col("period_scope").is_in(BEFORE_REST) | from_january).select(
        *KEY, "figure_id", "low", "high", nw.col("period_start").alias("early_start"), "period_end"
    )
    rest = dated.filter((nw.col("period_scope") == "rest_of_year") | to_december).select(
        *KEY, "figure_id", "low", "high", "period_start"
    )
    return (
        join(early, rest, on=KEY, suffix="_rest")
        .with_columns(nw.col("period_start").fill_null(nw.col("period_end").dt.offset_by("1d")))
        .filter(nw.col("period_end") < nw.col("period_start"))
        .with_columns(
            covers=(nw.col("early_start").dt.month() == 1)
            & (nw.col("early_start").dt.day() == 1)
            & (nw.col("period_start") <= nw.col("period_end").dt.offset_by(f"{GAP_DAYS}d"))
        )
        .select(
            *KEY,
            (nw.col("low") + nw.col("low_rest")).alias("parts_low"),
            (nw.col("high") + nw.col("high_rest")).alias("parts_high"),
            "covers",
            nw.col("figure_id").alias("part_id"),
            nw.col("figure_id_rest").alias("other_part_id"),
        )
    )


@rule(code="PD002", slug="period-arithmetic", severity="warning", family="periods")
def period_arithmetic(tables: Tables) -> Iterator[Finding]:
    """Figures for parts of a year cannot add up to the figure given for the whole year.

    Why
    ---
    Quarters must fit in their year, and what was delivered in January plus what is planned for the
    rest of the year must fit the plan for the year. Interval arithmetic on the bounds ("more than",
    "about") tells when no reading of the wording can make the parts and the whole agree. Figures
    that a scope conflict already explains are left to `scope-conflict`. Percentages and durations
    are rates and spans, not amounts, and are never added up.

    Bad
    ---
    Au premier trimestre 2025, 400 drones ont été livrés. Au deuxième trimestre 2025, 500 drones ont
    été livrés. En 2025, 800 drones ont été livrés.

    Good
    ----
    Au premier trimestre 2025, 400 drones ont été livrés. Au deuxième trimestre 2025, 500 drones ont
    été livrés. En 2025, 1 800 drones ont été livrés.
    """
    dated = _dated(tables)
    whole = dated.filter(nw.col("period_scope") == "whole_year").select(*WHOLE, "low", "high")
    tiles = join(tiled_parts(dated), whole, on=KEY).with_columns(
        complete=nw.col("parts") == nw.col("period_scope").replace_strict(TILES, default=0)
    )
    too_much = tiles.filter(nw.col("parts_low") > nw.col("high")).select(
        *KEY, "period_scope", "figure_id", "part_id", "parts_low", "parts_high"
    )
    too_little = tiles.filter(nw.col("complete") & (nw.col("parts_high") < nw.col("low"))).select(
        *KEY, "period_scope", "figure_id", "part_id", "parts_low", "parts_high"
    )
    split = (
        join(before_and_rest(dated), whole, on=KEY)
        .filter(
            (nw.col("parts_low") > nw.col("high"))
            | (nw.col("covers") & (nw.col("parts_high") < nw.col("low")))
        )
        .select(*KEY, "figure_id", "part_id", "other_part_id", "parts_low", "parts_high", "low", "high")
    )
    seen: set[str] = set()
    order = ("doc_id", "figure_id", "part_id")  # which part is cited first must not depend on the engine
    overflowing = [*hits_of(too_much.sort(*order).collect()), *hits_of(too_little.sort(*order).collect())]
    split_hits = list(hits_of(split.sort("doc_id", "figure_id", "part_id", "other_part_id").collect()))
    every_part = _parts_of(dated, overflowing)
    cited = [
        *(
            h[c]
            for h in [*overflowing, *split_hits]
            for c in ("figure_id", "part_id", "other_part_id")
            if h.get(c)
        ),
        *(i for ids in every_part.values() for i in ids),
    ]
    prefetch(tables, cited)
    # figures a scope conflict explains, looked for only where the parts and the whole disagree
    hit_documents = {h["doc_id"] for h in [*overflowing, *split_hits]}
    conflicting = hits_of(conflicts(tables, hit_documents)) if hit_documents else []
    explained = {r[k] for r in conflicting for k in ("figure_id", "figure_id_b")}
    for hit in overflowing:
        if hit["figure_id"] in explained or hit["figure_id"] in seen:
            continue
        seen.add(hit["figure_id"])
        parts = every_part.get(_part_key(hit), [hit["part_id"]])
        evidence = spans(tables, hit["figure_id"], *parts)
        listed = " + ".join(f'"{e.text}"' for e in evidence[1:])
        low, high = hit["parts_low"], hit["parts_high"]
        total = (
            fmt(low)
            if low == high
            else f"at least {fmt(low)}"
            if math.isinf(high)
            else f"{fmt(low)} to {fmt(high)}"
        )
        yield Finding(
            doc_id=hit["doc_id"],
            message=(
                f"{unit_label(hit['unit'])}: the parts of {hit['year']}, {listed}, add up to {total}, "
                f'which cannot fit "{evidence[0].text}" given for the whole year'
            ),
            evidence=evidence,
            suggestion="check the figures for the parts of the year against the figure for the year",
        )
    for hit in split_hits:
        if hit["figure_id"] in explained or hit["figure_id"] in seen:
            continue
        seen.add(hit["figure_id"])
        evidence = spans(tables, hit["figure_id"], hit["part_id"], hit["other_part_id"])
        yield Finding(
            doc_id=hit["doc_id"],
            message=(
                f'{unit_label(hit["unit"])}: "{evidence[1].text}" plus "{evidence[2].text}" for the rest of '
                f"{hit['year']} gives {fmt(hit['parts_low'])} to {fmt(hit['parts_high'])}, which cannot "
                f'fit "{evidence[0].text}" for the whole year'
            ),
            evidence=evidence,
            suggestion="check the figures for the parts of the year against the figure for the year",
        )
