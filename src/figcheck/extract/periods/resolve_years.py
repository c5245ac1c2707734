"""Resolvers of phrases about years: the rest of a year, year to date, a whole year, a range of years,
a decade and a century."""

from __future__ import annotations

from datetime import date
from typing import Any

from figcheck.extract.periods.context import (
    Resolution,
    ResolveContext,
    group_or_none,
    number_in_words,
    undated,
    words_of,
    year_of,
)
from figcheck.extract.periods.words import compiled, fold


def resolve_rest_of_year(match: Any, ctx: ResolveContext) -> Resolution | None:
    year_text = group_or_none(match, "yr")
    y = year_of(year_text, ctx) if year_text else ctx.base_year()
    if y is None:
        return undated("rest_of_year")
    year, anchor = y
    reference = ctx.reference
    if reference is not None and reference.year == year:
        return "rest_of_year", reference, date(year, 12, 31), anchor
    if reference is None or reference.year > year:
        # "over the rest of 2018", said in 2019: it ends with the year, from a day the text gives elsewhere
        return "rest_of_year", None, date(year, 12, 31), anchor
    return "unspecified", reference, date(year, 12, 31), anchor


def resolve_year_to_date(match: Any, ctx: ResolveContext) -> Resolution | None:
    year_text = group_or_none(match, "yr")
    y = year_of(year_text, ctx) if year_text else ctx.base_year()
    if y is None:
        return undated("year_to_date")
    year, anchor = y
    reference = ctx.reference
    if reference is not None and reference.year == year:
        return "year_to_date", date(year, 1, 1), reference, anchor
    return "year_to_date" if reference is None else "unspecified", date(year, 1, 1), reference, anchor


def resolve_whole_year(match: Any, ctx: ResolveContext) -> Resolution | None:
    y = year_of(match.group("yr"), ctx)
    if y is None:
        return undated("whole_year")
    return "whole_year", date(y[0], 1, 1), date(y[0], 12, 31), y[1]


def resolve_year(match: Any, ctx: ResolveContext) -> Resolution | None:
    year_text = match.group("yr")
    folded = fold(year_text)
    lead = group_or_none(match, "lead")
    has_digits = compiled(r"\d{4}").search(folded) is not None
    unit_word = any(w in ctx.lex.units for w in words_of(folded))
    if has_digits and not unit_word and not lead:
        # a year alone must be introduced ("en 2014") or stand before punctuation
        before = ctx.low[max(0, match.start() - 20) : match.start()]
        after = ctx.low[match.end() : match.end() + 2]
        intro = ctx.lex.macros["_INTRO"] if "_INTRO" in ctx.lex.macros else None
        if not (compiled(intro).search(before) if intro else False) and not compiled(
            r"\s*(?:[,.;:)]|$)"
        ).match(after):
            return None
    if not has_digits and not unit_word:
        # number words need an introducer, and a count ("in two thousand drones") is followed by its noun
        before = ctx.low[max(0, match.start() - 20) : match.start()]
        intro = ctx.lex.macros.get("_INTRO")
        if not lead and not (intro and compiled(intro).search(before)):
            return None
        next_word = compiled(r"\s*(\w+)").match(ctx.low, pos=match.end())
        if next_word and fold(next_word.group(1)) not in ctx.lex.function_words:
            return None
    y = year_of(year_text, ctx)
    if y is None:
        return None if not unit_word else undated("whole_year")
    return "whole_year", date(y[0], 1, 1), date(y[0], 12, 31), y[1]


def resolve_years_range(match: Any, ctx: ResolveContext) -> Resolution | None:
    a = year_of(match.group("y1"), ctx)
    b_text = fold(match.group("y2"))
    if a is None:
        return None
    b: tuple[int, str] | None
    if compiled(r"\d{2}").fullmatch(b_text):
        b = (a[0] // 100 * 100 + int(b_text), "explicit")
        if int(b_text) <= 12:
            return None
    else:
        b = year_of(match.group("y2"), ctx)
    if b is None or not a[0] < b[0] <= a[0] + 200:
        return None
    return "multi_year", date(a[0], 1, 1), date(b[0], 12, 31), "explicit"


def _decade_past(tens: int, ctx: ResolveContext) -> tuple[int, str] | None:
    """A decade named without its century ("the seventies", "les années 40"): the latest one begun."""
    base = ctx.base_year()
    if base is None:
        return None
    y = base[0] // 100 * 100 + tens
    if y > base[0]:
        y -= 100
    return y, base[1]


def resolve_decade(match: Any, ctx: ResolveContext) -> Resolution | None:
    num = group_or_none(match, "dec")
    word = group_or_none(match, "dw")
    cent = group_or_none(match, "cent")
    if num is not None:
        folded = fold(num).rstrip("s").strip("'")
        if folded.isdigit():
            v = int(folded)
        else:
            n = number_in_words(words_of(folded), ctx.lex)
            if n is None:
                return None
            v = n
    else:
        v = ctx.lex.decade_words[fold(word or "")]
        if cent:
            c = number_in_words(words_of(cent), ctx.lex)
            if c is None or not 10 <= c <= 29:
                return None
            v = c * 100 + v
    if v % 10:
        return None
    if v >= 1000:
        return "multi_year", date(v, 1, 1), date(v + 9, 12, 31), "explicit"
    if v >= 100:
        return None
    y = _decade_past(v, ctx)
    if y is None:
        return undated("multi_year")
    return "multi_year", date(y[0], 1, 1), date(y[0] + 9, 12, 31), y[1]


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def resolve_century(match: Any, ctx: ResolveContext) -> Resolution | None:
    n_text = fold(match.group("n"))
    digits = compiled(r"\d+").match(n_text)
    if digits:
        n = int(digits.group())
    else:
        n_roman = _roman(compiled(r"(?:e|eme|er)$").sub("", n_text))
        if n_roman is None:
            return None
        n = n_roman
    if not 1 <= n <= 30:
        return None
    start = (n - 1) * 100
    return "multi_year", date(max(start, 1), 1, 1), date(start + 99, 12, 31), "explicit"
