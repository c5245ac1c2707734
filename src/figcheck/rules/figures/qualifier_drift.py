from collections.abc import Iterator
from itertools import groupby

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans

SAME_FIGURE = ["doc_id", "unit", "value"]
BOUND = ["over", "at_least", "under", "at_most"]
POINT = ["approx", "exact"]
WORDING = {
    "over": "a lower bound",
    "at_least": "a lower bound",
    "under": "an upper bound",
    "at_most": "an upper bound",
    "approx": "approximate",
    "exact": "exact",
}


# Percentages, durations and measures are read off a scale, where a bound and a point are one reading.
SCALES = ("percent", "time", "measure")


def _same_period() -> nw.Expr:
    """Both periods unknown, or both the same dates."""
    unknown = nw.col("period_start").is_null() & nw.col("period_start_b").is_null()
    same = (nw.col("period_start") == nw.col("period_start_b")) & (
        nw.col("period_end") == nw.col("period_end_b")
    )
    return unknown | same.fill_null(False)


def _compatible_status() -> nw.Expr:
    """The same status, or one of the two unknown."""
    return (
        (nw.col("status") == nw.col("status_b"))
        | (nw.col("status") == "unspecified")
        | (nw.col("status_b") == "unspecified")
    )


@rule(code="FG001", slug="qualifier-drift", severity="warning", family="figures")
def qualifier_drift(tables: Tables) -> Iterator[Finding]:
    """The same figure is a bound in one place and approximate or exact in another.

    Why
    ---
    "More than 310,000" and "about 310,000" are different claims: only one of them matches the
    source. Rewrites often soften "plus de" into "environ". Only counts and amounts with compatible
    statuses are compared: on a scale (a percentage, a duration, a measure) a bound is mostly a
    threshold set against the exact value ("under 50 hertz" where the grid runs at 50 hertz), and
    "15,000 delivered" against "more than 15,000 planned" are two figures.

    Bad
    ---
    Plus de 310 000 équipements seront livrés en 2026. Le ministère évoque
    environ 310 000 équipements pour 2026.

    Good
    ----
    Plus de 310 000 équipements seront livrés en 2026, soit plus de 310 000 sur l'année.
    """
    columns = [*SAME_FIGURE, "figure_id", "qualifier", "status", "period_start", "period_end"]
    figures = tables.figures.filter(~nw.col("unit_kind").is_in(SCALES).fill_null(False)).select(columns)
    bounded = figures.filter(nw.col("qualifier").is_in(BOUND))
    pointed = figures.filter(nw.col("qualifier").is_in(POINT))
    hits = (
        join(bounded, pointed, on=SAME_FIGURE, suffix="_b")
        .filter(_same_period() & _compatible_status())
        .sort("doc_id", "unit", "value", "figure_id", "figure_id_b")
        .collect()
    )
    prefetch(tables, [*hits["figure_id"].to_list(), *hits["figure_id_b"].to_list()])
    for (doc_id, _, _), group in groupby(hits_of(hits), key=lambda r: tuple(r[k] for k in SAME_FIGURE)):
        pairs = list(group)
        first = pairs[0]
        ids = list(dict.fromkeys(i for p in pairs for i in (p["figure_id"], p["figure_id_b"])))
        evidence = spans(tables, first["figure_id"], first["figure_id_b"])
        yield Finding(
            doc_id=doc_id,
            message=(
                f'one figure given as {WORDING[first["qualifier"]]} ("{evidence[0].text}") and as '
                f'{WORDING[first["qualifier_b"]]} ("{evidence[1].text}")'
            ),
            evidence=spans(tables, *ids),
            suggestion="give this figure one qualifier, the one the source uses",
        )
