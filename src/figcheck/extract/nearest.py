"""Which of the periods a sentence names dates each of its figures: the nearest the figure's clause
takes, a comparison's only for the figures it compares, one written right after a figure for that
figure (``figcheck.extract.timeframes`` reads the sentence's periods and what governs them)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from figcheck.extract.numbers import Quantity
from figcheck.extract.periods import Period
from figcheck.extract.timewords import PHRASE_END

RIGHT_AFTER = regex.compile(r"\s*[%‰]?\s*")


@dataclass(frozen=True)
class Candidate:
    """A period of a figure's sentence, with what decides which figures it may date."""

    period: Period
    cue: int | None  # where its comparison word starts: it dates only the figures after it
    dateline: bool
    statement_date: bool
    # the date of an inline citation, or the start of a record ("the highest since 2006"): it dates no
    # figure, yet the sentence names its time
    aside: bool


def right_after(text: str, quantity: Quantity, period: Period) -> bool:
    """A period written right after its figure ("et 11,5 % il y a un an") is that figure's, whatever
    clause a parser hangs it from."""
    return (
        quantity.end <= period.start and RIGHT_AFTER.fullmatch(text, quantity.end, period.start) is not None
    )


def nearest_dating(
    text: str,
    candidates: Sequence[Candidate],
    number: int,
    quantities: Sequence[Quantity],
    attaches: Callable[[int, Period], bool],
    shares: bool = False,
) -> Period | None:
    """The nearest period of its sentence that may date quantity `number` and stands outside it: one the
    text names first, else a statement's day, else the dateline (none when a named one overlaps the
    figure). One written right after a later figure is that figure's ("la baisse s'affichait à 1,8 % et
    2,4 % en 2015"), unless the sentence names no other right before the figure, or the two figures are
    the ends of one change, which `shares` it ("passant de 10,2 à 10,3 % entre janvier et juillet").
    The candidates are asked nearest first and no further than needed: a line dense with figures and
    dates would cost the product of the two."""
    quantity = quantities[number]
    ranked: Period | None = None  # the nearest outside, not the dateline
    any_candidate: Period | None = None  # the nearest outside
    taken: Period | None = None  # the nearest written right after a later figure
    named_at_all = ranked_at_all = False
    for distance, c in sorted(((_distance(c.period, quantity), c) for c in candidates), key=lambda d: d[0]):
        if c.aside or (
            # a comparison's period dates the figures it compares; when it has compared one already, none
            # past the end of its phrase ("contre 430 000 sur la même période en 2016, soit une baisse de
            # 2,7 %": not the 2,7 %)
            (quantity.start < c.cue or _compared_before(text, quantities, c, quantity))
            if c.cue is not None
            else not (attaches(number, c.period) or right_after(text, quantity, c.period))
        ):
            continue
        outside = distance >= 0
        if c.cue is None and not shares and _taken_by_a_later(text, quantities, number, c.period):
            taken = taken or c.period  # still its own when the sentence names no other
            continue
        if not c.dateline and not c.statement_date:
            if outside:
                # "au T3 2015, le chômage était à 10,5 %, avant de baisser à 9,9 et 9,6 au T2": a period
                # that dates other figures first leaves the one the later figure shares
                shared = taken is not None and (
                    c.period.start >= quantity.end or _figure_between(quantities, number, c.period)
                )
                return taken if shared else c.period
            named_at_all = True
        if not c.dateline:
            ranked_at_all = True
            ranked = ranked or (c.period if outside else None)
        any_candidate = any_candidate or (c.period if outside else None)
    if named_at_all:
        return None
    return taken or (ranked if ranked_at_all else any_candidate)


def _compared_before(text: str, quantities: Sequence[Quantity], c: Candidate, quantity: Quantity) -> bool:
    """Whether a figure stands between the comparison word and its period, and the phrase ends between the
    period and `quantity`."""
    assert c.cue is not None
    compared = bisect_left(quantities, c.cue, key=lambda q: q.start)
    if compared >= len(quantities) or quantities[compared].start >= c.period.start:
        return False
    return PHRASE_END.search(text, c.period.end, quantity.start) is not None


def _figure_between(quantities: Sequence[Quantity], number: int, period: Period) -> bool:
    """Whether another figure stands between a period before figure `number` and that figure."""
    before = period.end <= quantities[number].start
    return before and bisect_left(quantities, period.end, key=lambda q: q.start) < number


def _taken_by_a_later(text: str, quantities: Sequence[Quantity], number: int, period: Period) -> bool:
    """Whether the period is written right after a figure later than `number`, which it then dates."""
    last = bisect_left(quantities, period.start, key=lambda q: q.start) - 1  # the last figure before it
    return last > number and right_after(text, quantities[last], period)


def _distance(period: Period, quantity: Quantity) -> int:
    """Characters between a period and a figure; -1 when they overlap."""
    if period.start >= quantity.end:
        return period.start - quantity.end
    return quantity.start - period.end if period.end <= quantity.start else -1
