from collections.abc import Iterator

from figcheck.rules import Finding, Tables, prefetch, rule, spans_as_written

MAX_EVIDENCE = 20


@rule(code="TB001", slug="failed-expectation", severity="warning", family="table")
def failed_expectation(tables: Tables) -> Iterator[Finding]:
    """A Great Expectations expectation of the suite fails on the figures table.

    Why
    ---
    Table expectations state what the figures table must look like as a whole: plausible values per
    unit, units and periods filled in, statement dates not after publication. A failure points at
    rows that extraction or curation got wrong; a curated figure is shown as its `figures.csv` row,
    at that file's line. The suite is the JSON file named by the check
    suite's `expectations:` key (`checks/figures.expectations.json`).

    Bad
    ---
    (figures.csv) a figure of 20,000,000,000 munitions, beyond the plausible range for its unit.

    Good
    ----
    (figures.csv) a figure of 2,000,000 munitions.
    """
    prefetch(
        tables, [i for o in tables.expectations if not o.success for i in o.unexpected_ids[:MAX_EVIDENCE]]
    )
    for outcome in tables.expectations:
        if outcome.success:
            continue
        ids = outcome.unexpected_ids
        evidence = spans_as_written(tables, *ids[:MAX_EVIDENCE])
        more = f" (evidence shows the first {MAX_EVIDENCE})" if len(ids) > MAX_EVIDENCE else ""
        yield Finding(
            doc_id=evidence[0].doc_id if evidence else None,
            message=(
                f"{outcome.title} failed for {outcome.unexpected_count} of {outcome.element_count} "
                f"figures{more}: {outcome.notes}"
            ),
            evidence=evidence,
            suggestion="correct these rows, or the expectation if it no longer holds",
        )
