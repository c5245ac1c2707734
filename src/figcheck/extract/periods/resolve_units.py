"""Resolvers of quarters, halves, weeks and relative calendar units ("le trimestre dernier", "Q3 2024",
"la deuxième semaine de mars", "next month")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import regex

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
from figcheck.extract.periods.words import Lexicon, fold


def _ordinal(s: str, lex: Lexicon) -> int | None:
    f = fold(s)
    if f in lex.ordinals:
        return lex.ordinals[f]
    d = regex.match(r"\d+", f)
    return int(d.group()) if d else None


def resolve_ordinal_quarter(m: Any, ctx: ResolveContext) -> Resolution | None:
    n = _ordinal(m.group("ord"), ctx.lex)
    half = group_or_none(m, "half") is not None
    size = 6 if half else 3
    count = 12 // size
    scope = "half_year" if half else "quarter"
    if n is None or n == 0 or n > count:
        return None
    yr = group_or_none(m, "yr")
    if yr:
        y = year_of(yr, ctx)
        if y is None:
            return undated(scope)
        q = count if n < 0 else n
        first = (q - 1) * size + 1
        return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]
    if n < 0:
        return relative_unit(scope, -1, ctx)
    ref = ctx.reference
    if ref is not None:
        y = read_year(ctx, (n,), ((ref.month - 1) // size + 1,), months=size)
    else:
        y = read_year(ctx, (n,), (0,))
    if y is None:
        return undated(scope)
    first = (n - 1) * size + 1
    return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]


def resolve_quarter_code(m: Any, ctx: ResolveContext) -> Resolution | None:
    code = fold(m.group("qq"))
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
    yr = group_or_none(m, "y1") or group_or_none(m, "y2")
    first = (n - 1) * size + 1
    if yr:
        f = fold(yr).lstrip("'")
        year = int(f) if len(f) == 4 else 2000 + int(f)
        return scope, date(year, first, 1), month_end(year, first + size - 1), "explicit"
    ref = ctx.reference
    y = read_year(ctx, (n,), ((ref.month - 1) // size + 1,) if ref else (0,), months=size)
    if y is None:
        return undated(scope)
    return scope, date(y[0], first, 1), month_end(y[0], first + size - 1), y[1]


def relative_unit(unit: str, off: int, ctx: ResolveContext) -> Resolution | None:
    ref = ctx.reference
    if unit in ("year", "whole_year", "decade", "century"):
        base = ctx.base_year()
        if base is None:
            return undated("whole_year" if unit in ("year", "whole_year") else "multi_year")
        y, anchor = base
        if unit in ("year", "whole_year"):
            return "whole_year", date(y + off, 1, 1), date(y + off, 12, 31), anchor
        if unit == "decade":
            s = y // 10 * 10 + 10 * off
            return "multi_year", date(s, 1, 1), date(s + 9, 12, 31), anchor
        s = y // 100 * 100 + 100 * off
        return "multi_year", date(s, 1, 1), date(s + 99, 12, 31), anchor
    if ref is None:
        return undated(unit)
    if unit == "day":
        d = ref + timedelta(days=off)
        return "day", d, d, "reference"
    if unit == "week":
        s = monday_of(ref) + timedelta(weeks=off)
        return "week", s, s + timedelta(days=6), "reference"
    if unit == "month":
        y, mo = add_months(ref.year, ref.month, off)
        return "month", date(y, mo, 1), month_end(y, mo), "reference"
    size = 3 if unit == "quarter" else 6
    first = (ref.month - 1) // size * size + 1
    y, mo = add_months(ref.year, first, off * size)
    return unit, date(y, mo, 1), month_end(y, mo + size - 1), "reference"


def _rel_offset(m: Any, ctx: ResolveContext) -> int | None:
    span = fold(m.group(0))
    words = words_of(span)
    if group_or_none(m, "ci"):
        return 0
    off = None
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            off = ctx.lex.relative[w]
    return off


def resolve_relative_unit(m: Any, ctx: ResolveContext) -> Resolution | None:
    unit = ctx.lex.units[fold(m.group("u"))]
    off = _rel_offset(m, ctx)
    if off is None:
        return None
    return relative_unit(unit, off, ctx)


def resolve_ordinal_week(m: Any, ctx: ResolveContext) -> Resolution | None:
    n = _ordinal(m.group("ord"), ctx.lex)
    if n is None or n == 0 or n > 53:
        return None
    mon = group_or_none(m, "mon")
    yr = group_or_none(m, "yr")
    if mon:
        mo = month_of(mon, ctx.lex)
        if mo is None or n > 5:
            return None
        if yr:
            y = year_of(yr, ctx)
        else:
            y = read_year(ctx, (mo,), (ctx.reference.month,) if ctx.reference else (0,))
        if y is None:
            return undated("week")
        s = nth_week_of_month(y[0], mo, n)
        return "week", s, s + timedelta(days=6), y[1]
    thism = group_or_none(m, "thism")
    if thism:
        rel = relative_unit("month", _rel_offset_text(thism, ctx), ctx)
        if rel is None or rel[1] is None:
            return undated("week")
        if n > 5:
            return None
        s = nth_week_of_month(rel[1].year, rel[1].month, n)
        return "week", s, s + timedelta(days=6), rel[3]
    if yr:
        y = year_of(yr, ctx)
        if y is None:
            return undated("week")
        s = nth_week_of_year(y[0], n)
        return "week", s, s + timedelta(days=6), y[1]
    return None


def _rel_offset_text(s: str, ctx: ResolveContext) -> int:
    words = words_of(s)
    if fold(s).endswith("-ci"):
        return 0
    off = 0
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            off = ctx.lex.relative[w]
    return off
