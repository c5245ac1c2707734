from collections.abc import Iterator
from itertools import groupby

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.figures.claims import with_claimant
from figcheck.rules.intervals import fmt_date, overlaps, unit_label

SAME_CLAIM = ["doc_id", "claimant", "unit", "period_start", "period_end", "status"]
SCALES = ("percent", "time")
# points are mostly percentage points ("le chômage recule de 0,2 point"): read off a scale like percentages
SCALE_UNITS = ("point",)
PERIOD_REACH = 150  # characters between a figure and the period phrase of its own sentence
COLUMNS = [
    *SAME_CLAIM,
    "claimant_name",
    "figure_id",
    "sentence",
    "start",
    "period_text_start",
    "value",
    "lower",
    "upper",
    "lower_inclusive",
    "upper_inclusive",
]


def _near(suffix: str) -> nw.Expr:
    """The figure's period phrase lies within a sentence's reach of the figure."""
    gap = nw.col(f"period_text_start{suffix}") - nw.col(f"start{suffix}")
    return ((gap <= PERIOD_REACH) & (gap >= -PERIOD_REACH)).fill_null(False)


@rule(code="FG007", slug="value-drift", severity="warning", family="figures")
def value_drift(tables: Tables) -> Iterator[Finding]:
    """One speaker's figure for one thing and one period is given again in the article with another value.

    Why
    ---
    When a spokesman's "12,400 homes built in March" comes back three paragraphs later as "14,200
    homes built in March", one of the two numbers was mistyped or taken from another statement. The
    claim is the same when speaker (or agency), counted thing, period and status agree, and each
    figure names that period itself. Only two values are compared: a speaker who gives three or
    more for one thing and period is breaking a total down (by town, by group), and figures of one
    sentence are an enumeration or a change.
    Percentages and durations are left out: one speaker often gives several rates for one period.

    Bad
    ---
    Selon Claire Dubois, porte-parole de l'office, 14 300 visiteurs ont été accueillis en mars 2019.
    La fréquentation a été forte. Mme Dubois a ensuite évoqué 17 300 visiteurs accueillis en mars 2019.

    Good
    ----
    Selon Claire Dubois, porte-parole de l'office, 14 300 visiteurs ont été accueillis en mars 2019.
    La fréquentation a été forte. Mme Dubois a ensuite évoqué 14 300 visiteurs accueillis en mars 2019.
    """
    claims = (
        with_claimant(tables)
        .filter(~nw.col("unit_kind").is_in(SCALES).fill_null(False) & ~nw.col("unit").is_in(SCALE_UNITS))
        .drop_nulls(subset=SAME_CLAIM)
        .select(COLUMNS)
    )
    two_values = (
        claims.group_by(*SAME_CLAIM)
        .agg(nw.col("value").n_unique().alias("values"))
        .filter(nw.col("values") == 2)
        .select(SAME_CLAIM)
    )
    pairs = join(claims, two_values, on=SAME_CLAIM)
    hits = (
        join(pairs, pairs, on=SAME_CLAIM, suffix="_b")
        .filter(
            (nw.col("start") < nw.col("start_b"))
            & (nw.col("sentence") != nw.col("sentence_b"))
            # each names the period itself, near it: figures that take it from a phrase before them
            # (a dateline, a heading) are mostly the parts of one story, not one claim said twice
            & (nw.col("period_text_start") != nw.col("period_text_start_b")).fill_null(False)
            & _near("")
            & _near("_b")
            & ~overlaps()
        )
        .sort("doc_id", "start", "start_b")
        .collect()
    )
    prefetch(tables, [*hits["figure_id"].to_list(), *hits["figure_id_b"].to_list()])
    for _, group in groupby(hits_of(hits), key=lambda r: tuple(r[k] for k in SAME_CLAIM)):
        first = next(group)
        evidence = spans(tables, first["figure_id"], first["figure_id_b"])
        yield Finding(
            doc_id=first["doc_id"],
            message=(
                f"{first['claimant_name'] or first['claimant']} on {unit_label(first['unit'])} for "
                f"{fmt_date(first['period_start'])} to {fmt_date(first['period_end'])}: "
                f'"{evidence[0].text}", then "{evidence[1].text}"'
            ),
            evidence=evidence,
            suggestion="check both figures against the statement and correct the one that drifted",
        )
