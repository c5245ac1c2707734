"""The closed vocabularies every stage shares: how a figure is bounded, which part of the calendar it
covers, whether it is a fact, a plan or an estimate, what a number-like token is, and how severe a
finding is. Extraction writes these words, the tables check them, rules and reports read them; each is
spelled here once.
"""

from __future__ import annotations

import datetime as dt

#: How the text bounds a figure ("plus de" is ``over``, "environ" ``approx``; see ``figcheck.extract.numbers``).
QUALIFIERS = ("exact", "approx", "over", "at_least", "under", "at_most", "range")

#: Which part of the calendar a period covers (see ``figcheck.extract.periods``).
SCOPES = (
    "day",
    "week",
    "month",
    "quarter",
    "half_year",
    "whole_year",
    "rest_of_year",
    "year_to_date",
    "multi_year",
    "other",
    "unspecified",
)

#: What the text says a figure is (see ``figcheck.extract.status``).
STATUSES = ("actual", "planned", "estimate", "unspecified")

#: What a number-like token was understood to be (see ``figcheck.extract.numbers``).
TOKEN_KINDS = (
    "figure",
    "date",
    "year",
    "time",
    "ordinal",
    "age",
    "identifier",
    "phone",
    "article",
    "unparsed",
)

#: What a figure's unit is: a kind of the unit lexicon (``figcheck.extract.units``), or ``noun`` for a
#: counted noun the lexicon does not list ("facilities", "Gilets jaunes").
UNIT_KINDS = ("currency", "cents", "measure", "percent", "time", "count", "noun")

#: How severe a finding is, the most severe first.
SEVERITIES = ("error", "warning", "info")

#: Severities ranked, so that a run fails "at" a severity and above.
SEVERITY_RANK = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}

#: The days the tables can hold (timestamps of nanoseconds), with a year of room at each end for periods
#: resolved around a date ("last year", "next year").
FIRST_DATE, LAST_DATE = dt.date(1678, 1, 1), dt.date(2261, 12, 31)
