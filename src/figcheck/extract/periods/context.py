"""What a resolver reads besides its match: calendar arithmetic, the resolution context (reference date,
context year, past or future reading), and years, months and numbers read from words."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import regex

from figcheck.extract.periods.words import Lexicon, compiled, fold


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    """The (year, month) ``count`` months after (or before, when negative) a month."""
    months = year * 12 + (month - 1) + count
    return months // 12, months % 12 + 1


def monday_of(day: date) -> date:
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


def week_around(day: date) -> tuple[date, date]:
    """The week (Monday to Sunday) holding ``day``."""
    monday = monday_of(day)
    return monday, monday + timedelta(days=6)


def nth_week_of_month(year: int, month: int, nth: int) -> date:
    """Monday of the nth week of a month (-1: the last); a week belongs to the month holding most of it."""
    if nth < 0:
        return monday_of(month_end(year, month) - timedelta(days=3))
    return monday_of(date(year, month, 4)) + timedelta(weeks=nth - 1)


def nth_week_of_year(year: int, nth: int) -> date:
    """Monday of ISO week ``nth`` of a year (-1: the last week)."""
    if nth < 0:
        nth = date(year, 12, 28).isocalendar()[1]
    return date.fromisocalendar(year, nth, 1)


@dataclass
class ResolveContext:
    lex: Lexicon
    reference: date | None
    context_year: int | None
    reading: str  # "past", "future" or "nearest"
    text: str
    low: str

    def base_year(self) -> tuple[int, str] | None:
        if self.reference is not None:
            return self.reference.year, "reference"
        if self.context_year is not None:
            return self.context_year, "context_year"
        return None


# A resolution: (scope, start, end, anchor).
Resolution = tuple[str, date | None, date | None, str]


WORD_BREAKS = regex.compile(r"[\s,]+")


def words_of(s: str) -> list[str]:
    return [w for w in WORD_BREAKS.split(fold(s)) if w]


def number_in_words(words: list[str], lex: Lexicon) -> int | None:
    """A cardinal or a year written in words: "deux mille vingt", "nineteen ninety six"."""
    chunks: list[int] = []
    total, current, last = 0, 0, None
    seen = False
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in w.split("-") if p)
    for w in parts:
        if w in lex.number_joiners:
            continue
        v = lex.numbers.get(w)
        if v is None:
            return None
        seen = True
        if v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 100:
            current = max(current, 1) * 100
        elif w in lex.number_multiplied and 1 < current % 100 < 10:
            current += (current % 100) * (v - 1)
        elif v >= 10 and current % 100 >= 10 and last != 100 and not (current % 100 in (60, 80) and v < 20):
            chunks.append(total + current)
            total, current = 0, v
        else:
            current += v
        last = v
    if not seen:
        return None
    value = total + current
    if chunks:
        if len(chunks) != 1 or not 10 <= chunks[0] <= 29 or value > 99:
            return None
        return chunks[0] * 100 + value
    return value


def year_of(s: str, ctx: ResolveContext) -> tuple[int, str] | None:
    """The year of a year reference: "2026", "l'année 2026", "cette année", "next year", "the year"."""
    folded = fold(s)
    digits = compiled(r"\d{4}").search(folded)
    if digits:
        return int(digits.group()), "explicit"
    words = words_of(folded)
    offset = None
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            offset = ctx.lex.relative[w]
    numeric = [w for w in words if w.split("-")[0] in ctx.lex.numbers or w in ctx.lex.number_joiners]
    if numeric and offset is None and len(numeric) == len(words):
        year = number_in_words(words, ctx.lex)
        if year is not None and 1000 <= year <= 2999:
            return year, "explicit"
        return None
    base = ctx.base_year()
    if base is None:
        return None
    return base[0] + (offset or 0), base[1]


def month_of(s: str, lex: Lexicon) -> int | None:
    return lex.months.get(fold(s).rstrip(".").strip())


def read_year(
    ctx: ResolveContext,
    key: tuple[int, ...],
    ref_key: tuple[int, ...],
    force: int | None = None,
    months: int = 1,
) -> tuple[int, str] | None:
    """Year of a date-like key (month, day...) given without a year: past, future or nearest reading.

    ``key`` is (month,), (month, day) or (quarter,) / (half,) with ``months`` months per unit.
    """
    if ctx.reference is not None:
        year = ctx.reference.year
        if force is not None:
            future = force > 0
        elif ctx.reading == "nearest":

            def day_of(k: tuple[int, ...]) -> int:
                return (k[0] - 1) * months * 31 + (k[1] if len(k) > 1 else months * 15)

            ahead = (day_of(key) - day_of(ref_key)) % 372
            future = ahead < 372 - ahead
        else:
            future = ctx.reading == "future"
        if future:
            if key < ref_key or (force is not None and force > 0 and key == ref_key):
                year += 1
        elif key > ref_key or (force is not None and force < 0 and key == ref_key):
            year -= 1
        return year, "reference"
    if ctx.context_year is not None:
        return ctx.context_year, "context_year"
    return None


def undated(scope: str) -> Resolution:
    return scope, None, None, "none"


def group_or_none(match: Any, name: str) -> str | None:
    try:
        value = match.group(name)
    except (IndexError, regex.error):
        return None
    return None if value is None else str(value)


def has_lead(match: Any) -> bool:
    return bool(group_or_none(match, "lead"))
