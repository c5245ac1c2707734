from collections.abc import Iterator

from figcheck.rules import Finding, Tables, rule, spans
from figcheck.rules.figures.restated import restated


@rule(code="FG005", slug="approximation-drift", severity="info", family="figures")
def approximation_drift(tables: Tables) -> Iterator[Finding]:
    """An exact figure is restated as approximate in the same article.

    Why
    ---
    "95 civilians" and "about 95 civilians" need not contradict each other, but a rewrite that
    rounds or hedges a precise count loses what the source said, and a reader wonders which is
    right. It is a lesser slip than turning a figure into a bound (`qualifier-drift`).

    Bad
    ---
    Le naufrage a fait 95 morts selon les garde-côtes. Le bilan s'établit à environ 95 morts.

    Good
    ----
    Le naufrage a fait 95 morts selon les garde-côtes. Le bilan s'établit à 95 morts.
    """
    for doc_id, pairs in restated(tables, ["exact"], ["approx"]):
        first = pairs[0]
        ids = list(dict.fromkeys(i for p in pairs for i in (p["figure_id"], p["figure_id_b"])))
        evidence = spans(tables, first["figure_id"], first["figure_id_b"])
        yield Finding(
            doc_id=doc_id,
            message=f'one figure given as exact ("{evidence[0].text}") and as approximate ("{evidence[1].text}")',
            evidence=spans(tables, *ids),
            suggestion="give this figure as the source does: exact, or approximate in both places",
        )
