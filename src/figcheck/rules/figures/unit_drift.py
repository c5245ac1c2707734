from collections.abc import Iterator

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.rules.intervals import unit_label

SAME_FIGURE = ["doc_id", "value", "qualifier", "period_start", "period_end", "kind"]
# a count of things is written with a unit noun or without one; a time ("200 millions d'années") or a
# percentage that shares a count's value is a coincidence, not the same figure
COUNTS = ["count", "noun"]
NOT_COMPARED = ["time", "percent"]


@rule(code="FG002", slug="unit-drift", severity="info", family="figures")
def unit_drift(tables: Tables, *, min_value: float = 1000.0) -> Iterator[Finding]:
    """One figure is tied to two different units in two places of an article.

    Why
    ---
    "10,000 weapons" and "10,000 pieces of equipment" are different claims. When the same number,
    qualifier and period come back with another noun of the same kind (two counts, two currencies), a
    rewrite has probably changed what is counted. A count and a time of one value ("200 millions de
    soleils", "200 millions d'années") are a coincidence and are not compared.

    Bad
    ---
    En janvier 2026, plus de 10 000 armes ont été livrées. Le ministère évoque plus de 10 000
    équipements militaires livrés en janvier 2026.

    Good
    ----
    En janvier 2026, plus de 10 000 armes ont été livrées, soit plus de 10 000 armes en un mois.

    Options
    -------
    `min_value`: smaller figures (2 tanks, 2 drones) repeat by chance and are not compared.
    """
    kind = nw.when(nw.col("unit_kind").is_in(COUNTS)).then(nw.lit("count")).otherwise(nw.col("unit_kind"))
    figures = (
        tables.figures.filter(
            (nw.col("value") >= min_value)
            & ~nw.col("unit_kind").is_in(NOT_COMPARED)
            & (nw.col("unit") != "percent")
        )
        .with_columns(kind.alias("kind"))
        .drop_nulls(subset=[*SAME_FIGURE, "unit"])
        .select(*SAME_FIGURE, "figure_id", "unit", "sentence")
    )
    hits = (
        join(figures, figures, on=SAME_FIGURE, suffix="_b")
        # one sentence listing two counts of one value ("30 000 gendarmes et 30 000 pompiers") restates nothing
        .filter((nw.col("unit") < nw.col("unit_b")) & (nw.col("sentence") != nw.col("sentence_b")))
        .unique(
            subset=["doc_id", "unit", "unit_b", "value"], keep="first", order_by=["figure_id", "figure_id_b"]
        )
        .sort("doc_id", "figure_id", "figure_id_b")
        .collect()
    )
    prefetch(tables, [*hits["figure_id"].to_list(), *hits["figure_id_b"].to_list()])
    for hit in hits_of(hits):
        evidence = spans(tables, hit["figure_id"], hit["figure_id_b"])
        yield Finding(
            doc_id=hit["doc_id"],
            message=(
                f'the same figure counts {unit_label(hit["unit"])} ("{evidence[0].text}") and '
                f'{unit_label(hit["unit_b"])} ("{evidence[1].text}")'
            ),
            evidence=evidence,
            suggestion="check what the source counts and use that noun in both places",
        )
