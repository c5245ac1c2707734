"""A period phrase found in a text, with its scope and dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ANCHORS = ("explicit", "reference", "context_year", "none")


@dataclass(frozen=True)
class Period:
    """A period phrase: ``text`` is ``source[start:end]``; dates are inclusive."""

    start: int
    end: int
    text: str
    scope: str
    period_start: date | None
    period_end: date | None
    anchor: str
