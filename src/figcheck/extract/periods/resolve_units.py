"""Resolvers of quarters, halves, weeks and relative calendar units ("le trimestre dernier", "Q3 2024",
"la deuxième semaine de mars", "next month")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from figcheck.extract.periods.context import (
    Resolution,
    ResolveContext,
    add_months,
    group_or_none,
    monday_of,
    month_end,
    month_of,
    nth_week_of_month,
    nth_week_of_year,
    read_year,
    undated,
    words_of,
    year_of,
)
from figcheck.extract.periods.words import Lexicon, compiled, fold


def _ordinal(s: str, lex: Lexicon) -> int | None:
    folded = fold(s)
    if folded in lex.ordinals:
        return lex.ordinals[folded]
    d = compiled(r"\d+").match(folded)
    return int(d.group()) if d else None


def resolve_ordinal_quarter(match: Any, ctx: ResolveContext) -> Resolution | None:
    n = _ordinal(match.group("ord"), ctx.lex)
    half = group_or_none(match, "half") is not None
    size = 6 if half else 3
    count = 12 // size
    scope = "half_year" if half else "quarter"
    if n is None or n == 0 or n > count:
        return None
    year_text = group_or_none(match, "yr")
    if year_text:
        y = year_of(year_text, ctx)
        if y is None:
            return undated(scope)
        q = count if n < 0 else n
        first = (q - 1) * size + 1
        return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]
    if n < 0:
        return relative_unit(scope, -1, ctx)
    reference = ctx.reference
    if reference is not None:
        y = read_year(ctx, (n,), ((reference.month - 1) // size + 1,), months=size)
    else:
        y = read_year(ctx, (n,), (0,))
    if y is None:
        return undated(scope)
    first = (n - 1) * size + 1
    return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]


def resolve_quarter_code(match: Any, ctx: ResolveContext) -> Resolution | None:
    code = fold(match.group("qq"))
    if code[0].isdigit():
        code = code[1] + code[0]
    kind, n = code[0], int(code[1])
    half = kind in ("h", "s")
    if ctx.lex.language == "en" and kind in ("t", "s"):
        return None
    size = 6 if half else 3
    if n > 12 // size:
        return None
    scope = "half_year" if half else "quarter"
    year_text = group_or_none(match, "y1") or group_or_none(match, "y2")
    first = (n - 1) * size + 1
    if year_text:
        folded = fold(year_text).lstrip("'")
        year = int(folded) if len(folded) == 4 else 2000 + int(folded)
        return scope, date(year, first, 1), month_end(year, first + size - 1), "explicit"
    reference = ctx.reference
    y = read_year(ctx, (n,), ((reference.month - 1) // size + 1,) if reference else (0,), months=size)
    if y is None:
        return undated(scope)
    return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]


def relative_unit(unit: str, offset: int, ctx: ResolveContext) -> Resolution | None:
    reference = ctx.reference
    if unit in ("year", "whole_year", "decade", "century"):
        base = ctx.base_year()
        if base is None:
            return undated("whole_year" if unit in ("year", "whole_year") else "multi_year")
        y, anchor = base
        if unit in ("year", "whole_year"):
            return "whole_year", date(y + offset, 1, 1), date(y + offset, 12, 31), anchor
        if unit == "decade":
            s = y // 10 * 10 + 10 * offset
            return "multi_year", date(s, 1, 1), date(s + 9, 12, 31), anchor
        s = y // 100 * 100 + 100 * offset
        return "multi_year", date(s, 1, 1), date(s + 99, 12, 31), anchor
    if reference is None:
        return undated(unit)
    if unit == "day":
        day = reference + timedelta(days=offset)
        return "day", day, day, "reference"
    if unit == "week":
        monday = monday_of(reference) + timedelta(weeks=offset)
        return "week", monday, monday + timedelta(days=6), "reference"
    if unit == "month":
        y, month = add_months(reference.year, reference.month, offset)
        return "month", date(y, month, 1), month_end(y, month), "reference"
    size = 3 if unit == "quarter" else 6
    first = (reference.month - 1) // size * size + 1
    y, month = add_months(reference.year, first, offset * size)
    return unit, date(y, month, 1), month_end(y, month + size - 1), "reference"


def _rel_offset(match: Any, ctx: ResolveContext) -> int | None:
    span = fold(match.group(0))
    words = words_of(span)
    if group_or_none(match, "ci"):
        return 0
    offset = None
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            offset = ctx.lex.relative[w]
    return offset


def resolve_relative_unit(match: Any, ctx: ResolveContext) -> Resolution | None:
    unit = ctx.lex.units[fold(match.group("u"))]
    offset = _rel_offset(match, ctx)
    if offset is None:
        return None
    return relative_unit(unit, offset, ctx)


def resolve_ordinal_week(match: Any, ctx: ResolveContext) -> Resolution | None:
    n = _ordinal(match.group("ord"), ctx.lex)
    if n is None or n == 0 or n > 53:
        return None
    mon = group_or_none(match, "mon")
    year_text = group_or_none(match, "yr")
    if mon:
        month = month_of(mon, ctx.lex)
        if month is None or n > 5:
            return None
        if year_text:
            y = year_of(year_text, ctx)
        else:
            y = read_year(ctx, (month,), (ctx.reference.month,) if ctx.reference else (0,))
        if y is None:
            return undated("week")
        s = nth_week_of_month(y[0], month, n)
        return "week", s, s + timedelta(days=6), y[1]
    thism = group_or_none(match, "thism")
    if thism:
        relative = relative_unit("month", _rel_offset_text(thism, ctx), ctx)
        if relative is None or relative[1] is None:
            return undated("week")
        if n > 5:
            return None
        s = nth_week_of_month(relative[1].year, relative[1].month, n)
        return "week", s, s + timedelta(days=6), relative[3]
    if year_text:
        y = year_of(year_text, ctx)
        if y is None:
            return undated("week")
        s = nth_week_of_year(y[0], n)
        return "week", s, s + timedelta(days=6), y[1]
    return None


def _rel_offset_text(s: str, ctx: ResolveContext) -> int:
    words = words_of(s)
    if fold(s).endswith("-ci"):
        return 0
    offset = 0
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            offset = ctx.lex.relative[w]
    return offset
