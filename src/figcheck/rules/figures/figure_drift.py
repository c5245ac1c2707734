import math
from collections.abc import Iterator

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, rule, spans
from figcheck.rules.figures.claims import with_claimant
from figcheck.rules.intervals import overlaps

SAME_CLAIM = ["claimant", "unit", "period_start", "period_end", "status"]
COLUMNS = [*SAME_CLAIM, "doc_id", "figure_id", "value", "lower", "upper", "lower_inclusive", "upper_inclusive"]


@rule(code="FG003", slug="figure-drift", severity="warning", family="figures")
def figure_drift(tables: Tables) -> Iterator[Finding]:
    """Two articles report the same claim with figures that cannot both be true.

    Why
    ---
    When one speaker's figure for one period is "more than 310,000" in one outlet and "about
    200,000" in another, a rewrite has changed the number. The claim is the same when speaker (or
    agency), unit, period and status agree.

    Bad
    ---
    (article A) Selon TASS, plus de 310 000 équipements seront livrés en 2026.
    (article B) Selon TASS, environ 200 000 équipements seront livrés en 2026.

    Good
    ----
    (article A) Selon TASS, plus de 310 000 équipements seront livrés en 2026.
    (article B) Selon TASS, quelque 320 000 équipements seront livrés en 2026.
    """
    claims = with_claimant(tables).drop_nulls(subset=SAME_CLAIM).select(COLUMNS)
    # only claims whose intervals do not all share a value, reported by two articles or more, can drift:
    # joining just those keeps a claim echoed by thousands of articles from exploding the join
    disputed = (
        claims.with_columns(low=nw.col("lower").fill_null(-math.inf), high=nw.col("upper").fill_null(math.inf))
        .group_by(*SAME_CLAIM)
        .agg(nw.col("low").max().alias("max_low"), nw.col("high").min().alias("min_high"),
             nw.col("doc_id").n_unique().alias("articles"))
        .filter((nw.col("max_low") >= nw.col("min_high")) & (nw.col("articles") >= 2))
        .select(*SAME_CLAIM)
    )
    claims = claims.join(disputed, on=SAME_CLAIM)
    hits = (
        claims.join(claims, on=SAME_CLAIM, suffix="_b")
        .filter((nw.col("doc_id") < nw.col("doc_id_b")) & ~overlaps())
        .unique(subset=["doc_id", "doc_id_b", *SAME_CLAIM], keep="first", order_by=["figure_id", "figure_id_b"])
        .sort("doc_id", "doc_id_b", "figure_id", "figure_id_b")
        .collect()
    )
    for hit in hits_of(hits):
        evidence = spans(tables, hit["figure_id"], hit["figure_id_b"])
        yield Finding(
            doc_id=hit["doc_id"],
            message=(f"{hit['claimant']} on {hit['unit']}: \"{evidence[0].text}\" in {hit['doc_id']} but "
                     f"\"{evidence[1].text}\" in {hit['doc_id_b']}, for the same period"),
            evidence=evidence,
            suggestion="check the figure against the original statement and correct the article that drifted",
        )
