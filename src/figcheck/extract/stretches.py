"""Stretches of time that are not calendar units: "sur un an", "in three days", "les neuf premiers mois",
"il y a un an", "désormais".

The wording is data (``stretches``, ``past_stretches``, ``coming``, ``first_part``, ``ago``,
``following``, ``now``, ``stretch_units`` and ``stretch_half`` in ``data/periods_<lang>.yaml``): small
regular expressions in which ``{n}`` stands for a number and ``{unit}`` for a unit of time, which a half
may follow ("the past year and a half"). A stretch ends on the reference date (the statement date) and
starts as many units before it, both days counted ("sur un an" said on 30 November 2016 runs from 30
November 2015), unless it is said of a plan and does not say it is past (``to_come``); a ``coming`` one
("au cours des cinq prochaines années") starts on it; each has the scope ``other``, or ``multi_year``
for several years; the first months of a year start on 1 January; ``now`` is the reference day. A shift
("il y a un an", "a year earlier") has no dates of its own: it moves another period back (``shifted``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from figcheck.extract.periods import Period, fold, wording


@dataclass(frozen=True)
class Shift:
    """ "il y a un an": the period it follows, moved back by ``count`` ``unit``s; with ``after``
    ("in the following three quarters"), the ``count`` ``unit``s right after that period."""

    start: int
    end: int
    text: str
    unit: str
    count: int
    after: bool = False


@dataclass(frozen=True)
class _Grammar:
    stretches: regex.Pattern[str]
    turnable: regex.Pattern[str]  # the stretches a plan turns ahead: all but those that say they are past
    coming: regex.Pattern[str]
    first_part: regex.Pattern[str]
    ago: regex.Pattern[str]
    following: regex.Pattern[str]
    now: regex.Pattern[str]
    units: dict[str, str]
    numbers: dict[str, int]


@cache
def _grammar(language: str) -> _Grammar:
    words = wording(language)
    units = {fold(k): v for k, v in words.get("stretch_units", {}).items()}
    numbers = {fold(str(k)): int(v) for k, v in words.get("numbers", {}).items()}
    numbers.update({"un": 1, "une": 1, "a": 1, "an": 1, "one": 1})
    number = r"(?P<n>\d+|" + "|".join(sorted(map(regex.escape, numbers), key=len, reverse=True)) + ")"
    halves = [fold(w) for w in words.get("stretch_half", [])]
    half = r"(?P<half> (?:" + "|".join(halves) + "))?" if halves else ""
    unit = r"(?P<unit>" + "|".join(sorted(map(regex.escape, units), key=len, reverse=True)) + ")" + half

    def compile_all(patterns: list[str]) -> regex.Pattern[str]:
        filled = []
        for p in patterns or ["(?!)"]:
            filled.append(p.replace("{n}", number).replace("{unit}", unit).replace(" ", r"\s+"))
        return regex.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in filled) + r")(?!\w)")

    return _Grammar(
        # the past ones first: where both match, the longer past wording is the one read
        stretches=compile_all([*words.get("past_stretches", []), *words.get("stretches", [])]),
        turnable=compile_all(words.get("stretches", [])),
        coming=compile_all(words.get("coming", [])),
        first_part=compile_all(words.get("first_part", [])),
        ago=compile_all(words.get("ago", [])),
        following=compile_all(words.get("following", [])),
        now=compile_all([regex.escape(w).replace(r"\ ", " ") for w in words.get("now", [])]),
        units=units,
        numbers=numbers,
    )


def find_stretches(text: str, language: str, reference: dt.date | None) -> list[Period]:
    """Stretches, first parts of a year and words for now in ``text``, resolved against ``reference``."""
    if reference is None:
        return []
    g = _grammar(language)
    folded = fold(text)
    out = []
    for pattern, ahead in ((g.stretches, False), (g.coming, True)):
        for m in pattern.finditer(folded):
            count = _count(m, g)
            if count is None:
                continue
            named = g.units[m.group("unit")]
            # several years ("depuis près de deux ans et demi", "over the past decade") are a multi-year stretch
            scope = "multi_year" if named == "decade" or named == "year" and count > 1 else "other"
            unit, count = _with_half(named, count, m.group("half") is not None)
            if ahead:
                start, end = reference, _forward(reference, unit, count) - dt.timedelta(days=1)
            else:
                start, end = _back(reference, unit, count), reference
            out.append(Period(m.start(), m.end(), text[m.start() : m.end()], scope, start, end, "reference"))
    for m in g.first_part.finditer(folded):
        count = _count(m, g)
        if count is not None:
            first = dt.date(reference.year, 1, 1)
            end = _forward(first, g.units[m.group("unit")], count) - dt.timedelta(days=1)
            out.append(
                Period(m.start(), m.end(), text[m.start() : m.end()], "other", first, end, "reference")
            )
    for m in g.now.finditer(folded):
        out.append(
            Period(m.start(), m.end(), text[m.start() : m.end()], "day", reference, reference, "reference")
        )
    return sorted(out, key=lambda p: p.start)


def find_shifts(text: str, language: str) -> list[Shift]:
    g = _grammar(language)
    out = []
    folded = fold(text)
    for pattern, after in ((g.ago, False), (g.following, True)):
        for m in pattern.finditer(folded):
            count = _count(m, g)
            if count is not None:
                unit = g.units[m.group("unit")]
                out.append(Shift(m.start(), m.end(), text[m.start() : m.end()], unit, count, after))
    return sorted(out, key=lambda s: s.start)


def to_come(period: Period, language: str) -> Period:
    """A stretch back from its statement ("en trois ans", "over three years") said of a plan: the same
    stretch from the statement on ("le gouvernement va investir 3 milliards en trois ans")."""
    if period.period_end is None:
        return period
    g = _grammar(language)
    m = g.turnable.fullmatch(fold(period.text))
    count = _count(m, g) if m is not None else None
    if m is None or count is None:
        return period
    start = period.period_end
    end = _forward(start, g.units[m.group("unit")], count) - dt.timedelta(days=1)
    return Period(period.start, period.end, period.text, period.scope, start, end, period.anchor)


def shifted(period: Period, shift: Shift) -> Period:
    """`period` moved back by the shift, its scope kept: November 2016, "il y a un an" → November 2015;
    or, for a shift ``after`` it, the units that follow: the first quarter, "the following three
    quarters" → April to December."""
    assert period.period_start is not None and period.period_end is not None
    if shift.after:
        start = period.period_end + dt.timedelta(days=1)
        end = _forward(start, shift.unit, shift.count) - dt.timedelta(days=1)
        return Period(shift.start, shift.end, shift.text, _scope(start, end), start, end, period.anchor)
    start = _back(period.period_start, shift.unit, shift.count)
    end = _back(period.period_end, shift.unit, shift.count)
    if period.scope in ("month", "quarter", "half_year", "whole_year"):
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
    return Period(shift.start, shift.end, shift.text, period.scope, start, end, period.anchor)


def _scope(start: dt.date, end: dt.date) -> str:
    """A stretch that is one calendar month, quarter or year gets that scope, else ``other``."""
    if start.day != 1 or end != end.replace(day=calendar.monthrange(end.year, end.month)[1]):
        return "other"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    named = {1: "month", 3: "quarter", 12: "whole_year"}.get(months)
    return named if named and (start.month - 1) % months == 0 else "other"


# a unit and a half in the unit below it: "a year and a half" is 18 months, "two weeks and a half" 17 days
HALVES = {
    "decade": ("year", 10, 5),
    "year": ("month", 12, 6),
    "quarter": ("month", 3, 1),
    "month": ("day", 30, 15),
    "week": ("day", 7, 3),
}


def _with_half(unit: str, count: int, half: bool) -> tuple[str, int]:
    if not half or unit not in HALVES:
        return unit, count
    below, per, extra = HALVES[unit]
    return below, count * per + extra


def _count(m: regex.Match[str], g: _Grammar) -> int | None:
    n = m.group("n")
    if n is None:
        return 1
    return int(n) if n.isdigit() else g.numbers.get(n)


def _back(day: dt.date, unit: str, count: int) -> dt.date:
    return _forward(day, unit, -count)


def _forward(day: dt.date, unit: str, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    months = count * {"decade": 120, "year": 12, "quarter": 3}.get(unit, 1)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
