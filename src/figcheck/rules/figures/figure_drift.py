import math
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.figures.claims import with_claimant
from figcheck.rules.intervals import fmt_date, unit_label

MAX_VERSIONS = 10
SAME_CLAIM = ["claimant", "unit", "period_start", "period_end", "status"]
COLUMNS = [
    *SAME_CLAIM,
    "claimant_name",
    "doc_id",
    "figure_id",
    "value",
    "qualifier",
    "lower",
    "upper",
    "lower_inclusive",
    "upper_inclusive",
]


@rule(code="FG003", slug="figure-drift", severity="warning", family="figures")
def figure_drift(tables: Tables) -> Iterator[Finding]:
    """Two articles report the same claim with figures that cannot both be true.

    Why
    ---
    When one speaker's figure for one period is "more than 310,000" in one outlet and "about
    200,000" in another, a rewrite has changed the number. The claim is the same when speaker (or
    agency), unit, period and status agree. An article that gives one speaker several values for one
    unit and period is giving several measures (a growth rate, a forecast), and is left out.

    Bad
    ---
    (article A) Selon TASS, plus de 310 000 équipements seront livrés en 2026.
    (article B) Selon TASS, environ 200 000 équipements seront livrés en 2026.

    Good
    ----
    (article A) Selon TASS, plus de 310 000 équipements seront livrés en 2026.
    (article B) Selon TASS, quelque 320 000 équipements seront livrés en 2026.
    """
    every = with_claimant(tables).drop_nulls(subset=SAME_CLAIM).select(COLUMNS)
    # an article that gives one speaker several values for one unit and period gives several measures
    # (growth, consumption, a forecast), not one claim: only the articles with one value are compared
    single = (
        every.group_by(*SAME_CLAIM, "doc_id")
        .agg(nw.col("value").n_unique().alias("values"))
        .filter(nw.col("values") == 1)
        .select(*SAME_CLAIM, "doc_id")
    )
    claims = join(every, single, on=[*SAME_CLAIM, "doc_id"])
    # only claims whose intervals do not all share a value, reported by two articles or more, can drift:
    # joining just those keeps a claim echoed by thousands of articles from exploding the join
    disputed = (
        claims.with_columns(
            low=nw.col("lower").fill_null(-math.inf),
            high=nw.col("upper").fill_null(math.inf),
            open=(
                ~nw.col("lower_inclusive").fill_null(True) | ~nw.col("upper_inclusive").fill_null(True)
            ).cast(nw.Int8),
        )
        .group_by(*SAME_CLAIM)
        .agg(
            nw.col("low").max().alias("max_low"),
            nw.col("high").min().alias("min_high"),
            nw.col("open").max().alias("any_open"),
            nw.col("doc_id").n_unique().alias("articles"),
        )
        # closed intervals that meet at one value share it: an exact figure echoed N times is not disputed
        .filter(
            (
                (nw.col("max_low") > nw.col("min_high"))
                | ((nw.col("max_low") == nw.col("min_high")) & (nw.col("any_open") == 1))
            )
            & (nw.col("articles") >= 2)
        )
        .select(*SAME_CLAIM)
    )
    rows = join(claims, disputed, on=SAME_CLAIM).sort(*SAME_CLAIM, "doc_id", "figure_id").collect()
    prefetch(tables, rows["figure_id"].to_list())
    for _, figures in groupby(hits_of(rows), key=lambda r: tuple(r[k] for k in SAME_CLAIM)):
        yield _claim_finding(tables, list(figures))


def _claim_finding(tables: Tables, figures: list[dict[str, Any]]) -> Finding:
    """One finding per claim: each version of the figure, the most repeated first, with its articles."""
    versions: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for figure in figures:
        versions.setdefault((figure["lower"], figure["upper"], figure["qualifier"]), []).append(figure)
    ordered = sorted(versions.values(), key=lambda v: (-len({f["doc_id"] for f in v}), v[0]["doc_id"]))
    shown = ordered[:MAX_VERSIONS]
    evidence = spans(tables, *[version[0]["figure_id"] for version in shown])
    described = []
    for version, span in zip(shown, evidence, strict=True):
        docs = list(dict.fromkeys(f["doc_id"] for f in version))
        more = f" and {len(docs) - 1} more" if len(docs) > 1 else ""
        described.append(f'"{span.text}" in {docs[0]}{more}')
    first = figures[0]
    return Finding(
        doc_id=_least_repeated(ordered)[0]["doc_id"],
        message=(
            f"{first['claimant_name'] or first['claimant']} on {unit_label(first['unit'])} for "
            f"{fmt_date(first['period_start'])} to {fmt_date(first['period_end'])}: "
            + " but ".join(described)
        ),
        evidence=evidence,
        suggestion="check the figure against the original statement and correct the articles that drifted",
    )


def _least_repeated(versions: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The version fewest articles give (on a tie, the first article's): where the drift most likely is."""
    return min(versions, key=lambda v: (len({f["doc_id"] for f in v}), v[0]["doc_id"]))
