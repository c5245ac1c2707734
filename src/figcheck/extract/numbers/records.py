"""What the number scan works on and hands back.

:class:`Quantity`, :class:`NumberToken` and :class:`Scan` are the scan's results; :class:`FoundNumber` is
one number as the stages read it (its span, value, unit, qualifier and kind, filled in stage by stage) and
:class:`ScanState` the text being scanned with every number found in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from figcheck.extract.numbers.grammar import Grammar
from figcheck.extract.units import UnitEntry, UnitLexicon

#: Relative tolerance of the bounds of an approximate figure: "environ 2 millions" is 1.8 to 2.2 million.
APPROX_TOLERANCE: float = 0.1


@dataclass(frozen=True)
class Quantity:
    """One figure: its span (qualifier + number + scale word), bounds, qualifier and unit."""

    start: int
    end: int
    text: str
    value: float | None
    lower: float | None
    upper: float | None
    lower_inclusive: bool | None
    upper_inclusive: bool | None
    qualifier: str
    unit: str | None
    unit_text: str | None
    unit_start: int | None
    unit_end: int | None
    # the lexicon's kind of the unit ("currency", "count"...), or "noun" for the word after the number
    unit_kind: str | None = None
    counts_nothing: bool = False  # a race's time ("2:14:04", in seconds) or a score ("12-11")


@dataclass(frozen=True)
class NumberToken:
    """One number-like token (a digit run or a run of number words) and what it is."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Scan:
    """Figures of a text, and every number-like token of it in exactly one class."""

    quantities: tuple[Quantity, ...]
    tokens: tuple[NumberToken, ...]


@dataclass(slots=True)
class FoundNumber:
    """One number of the text as the stages of the scan read it; ``kind`` empty until one decides."""

    start: int
    end: int
    value: float | None
    spelled: bool = False
    plain: bool = False  # a bare digit run: no separator, no decimal, no scale
    integer: bool = True
    mult: float = 1.0
    kind: str = ""
    year_default: bool = False
    lone_article: str | None = None
    homograph: bool = False
    group: int = -1
    prefix_start: int | None = None
    prefix_unit: UnitEntry | None = None
    unit: UnitEntry | None = None
    unit_text: str | None = None
    unit_start: int | None = None
    unit_end: int | None = None
    glued_unit: bool = False
    elapsed: bool = False  # a race's time, valued in seconds
    score: bool = False  # one side of a score ("12-11")
    money_scale_ok: bool = False
    qualifier: str = "exact"
    qstart: int = -1
    qend: int = -1
    lower: float | None = None
    upper: float | None = None
    range_end: int = -1
    merged: bool = False
    approx_word: bool = False
    has_q: bool | None = None
    proportion: bool = False


def number_head(n: FoundNumber) -> int:
    """Where a number starts, with its currency sign: "US$300" starts at "U"."""
    return n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start


def number_tail(n: FoundNumber) -> int:
    """Where a number ends, with the unit written after it: "160 km" ends after "km"."""
    return (
        n.unit_end if n.unit_end is not None and n.unit_start is not None and n.unit_start >= n.end else n.end
    )


@dataclass
class ScanState:
    """A text being scanned: its language's grammar, the unit lexicon, and the numbers found in it."""

    text: str
    lang: str
    grammar: Grammar
    units: UnitLexicon
    nums: list[FoundNumber] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # each number's start, in order, for bisection
    groups: int = 0  # runs of number words read as more than one number, each numbered
