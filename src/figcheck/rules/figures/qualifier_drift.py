from collections.abc import Iterator

from figcheck.rules import Finding, Tables, rule, spans
from figcheck.rules.figures.restated import restated

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


@rule(code="FG001", slug="qualifier-drift", severity="warning", family="figures")
def qualifier_drift(tables: Tables) -> Iterator[Finding]:
    """The same figure is a bound in one place and approximate or exact in another.

    Why
    ---
    "More than 310,000" and "about 310,000" are different claims: only one of them matches the
    source. Rewrites often soften "plus de" into "environ". Only counts and amounts with compatible
    statuses and periods are compared (`figcheck.rules.figures.restated`): on a scale (a percentage,
    a duration, a measure) a bound is mostly a threshold set against the exact value, and "15,000
    delivered" against "more than 15,000 planned" are two figures. An exact figure restated as
    approximate is `approximation-drift`, a lesser slip.

    Bad
    ---
    Plus de 310 000 équipements seront livrés en 2026. Le ministère évoque
    environ 310 000 équipements pour 2026.

    Good
    ----
    Plus de 310 000 équipements seront livrés en 2026, soit plus de 310 000 sur l'année.
    """
    for doc_id, pairs in restated(tables, BOUND, POINT):
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
