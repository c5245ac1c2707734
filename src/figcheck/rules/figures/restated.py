"""One figure of an article restated with another qualifier: the pairs two figure rules report.

Both figures count the same thing (value and unit) in one article, with compatible statuses, for the
same period: the same dates, or no period read for one of them (a restatement often leaves its period
to the sentence before), or a day for one of them (the day an event or a statement was reported). Percentages,
durations and measures are read off a scale, where a bound and a point are one reading ("under 50
hertz" where the grid runs at 50 hertz), and are not compared.
"""

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import Any

import narwhals as nw

from figcheck.rules import Tables, hits_of, join, prefetch

SAME_FIGURE = ["doc_id", "unit", "value"]
# An article restates a figure a few times; past this many times with one qualifier, the figure is a list
# or a table, whose first restatements show the drift as well as all of them, and pairing every one
# with every other would cost the square of their number.
MOST_RESTATEMENTS = 50
SCALES = ("percent", "time", "measure")
COLUMNS = [*SAME_FIGURE, "figure_id", "qualifier", "status", "period_start", "period_end", "period_scope"]


def _same_period() -> nw.Expr:
    either_unknown = nw.col("period_start").is_null() | nw.col("period_start_b").is_null()
    same = (nw.col("period_start") == nw.col("period_start_b")) & (
        nw.col("period_end") == nw.col("period_end_b")
    )
    # a day is mostly the day an event or a statement was reported, which a restatement far down the
    # article takes from its dateline: a day and any other period do not tell two figures apart
    a_day = (nw.col("period_scope") == "day") | (nw.col("period_scope_b") == "day")
    return either_unknown | same.fill_null(False) | a_day


def _compatible_status() -> nw.Expr:
    """The same status, or one of the two unknown."""
    return (
        (nw.col("status") == nw.col("status_b"))
        | (nw.col("status") == "unspecified")
        | (nw.col("status_b") == "unspecified")
    )


def restated(
    tables: Tables, first: Sequence[str], second: Sequence[str]
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Per figure (article, unit, value), the pairs of a figure qualified as one of `first` and one of
    the same figure qualified as one of `second`, in reading order."""
    figures = (
        tables.figures.filter(~nw.col("unit_kind").is_in(SCALES).fill_null(False))
        .select(COLUMNS)
        .with_columns(
            nw.col("figure_id")
            .cum_count()
            .over(*SAME_FIGURE, "qualifier", order_by="figure_id")
            .alias("told")
        )
        .filter(nw.col("told") <= MOST_RESTATEMENTS)
        .drop("told")
    )
    hits = (
        join(
            figures.filter(nw.col("qualifier").is_in(first)),
            figures.filter(nw.col("qualifier").is_in(second)),
            on=SAME_FIGURE,
            suffix="_b",
        )
        .filter(_same_period() & _compatible_status())
        .sort("doc_id", "unit", "value", "figure_id", "figure_id_b")
        .collect()
    )
    prefetch(tables, [*hits["figure_id"].to_list(), *hits["figure_id_b"].to_list()])
    for (doc_id, _, _), group in groupby(hits_of(hits), key=lambda r: tuple(r[k] for k in SAME_FIGURE)):
        yield doc_id, list(group)
