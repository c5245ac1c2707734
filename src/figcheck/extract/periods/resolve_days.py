"""Resolvers of days and months: dates, ranges of days, numeric dates, months with or without a year,
weekdays, day words ("hier") and "the week of" a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import regex

from figcheck.extract.periods.context import (
    Resolution,
    ResolveContext,
    add_months,
    group_or_none,
    has_lead,
    monday_of,
    month_end,
    month_of,
    read_year,
    undated,
    week_around,
    year_of,
)
from figcheck.extract.periods.resolve_units import relative_unit
from figcheck.extract.periods.words import Lexicon, fold, lower_same_length


def _daynum(s: str, lex: Lexicon) -> int | None:
    dm = regex.match(r"\d+", s)
    return int(dm.group()) if dm else lex.day_words.get(fold(s))


def _day_date(
    d_text: str, mon_text: str, yr_text: str | None, ctx: ResolveContext, force: int | None = None
) -> tuple[date, str] | None:
    day = _daynum(d_text, ctx.lex)
    mo = month_of(mon_text, ctx.lex)
    if day is None or mo is None:
        return None
    if yr_text:
        y = year_of(yr_text, ctx)
    else:
        y = read_year(
            ctx, (mo, day), (ctx.reference.month, ctx.reference.day) if ctx.reference else (0, 0), force
        )
    if y is None:
        return None
    try:
        return date(y[0], mo, day), y[1]
    except ValueError:
        return None


def resolve_day(m: Any, ctx: ResolveContext) -> Resolution | None:
    mon = m.group("mon")
    post = group_or_none(m, "post")
    force = ctx.lex.relative.get(fold(post).strip()) if post else None
    r = _day_date(m.group("d"), mon, group_or_none(m, "yr"), ctx, force or None)
    if r is None:
        if (
            month_of(mon, ctx.lex) is not None
            and not group_or_none(m, "yr")
            and ctx.reference is None
            and ctx.context_year is None
        ):
            return undated("day")
        return None
    return "day", r[0], r[0], r[1]


def _calendar_unit(res: Resolution) -> Resolution:
    """A range of days that is exactly a week, a month, a quarter or a year gets that scope."""
    scope, s, e, anchor = res
    if s is None or e is None:
        return res
    if s.weekday() == 0 and (e - s).days == 6:
        return "week", s, e, anchor
    if s.day == 1 and e == month_end(e.year, e.month) and s.year == e.year:
        months = e.month - s.month + 1
        named = {1: "month", 3: "quarter", 6: "half_year", 12: "whole_year"}.get(months)
        if named and (s.month - 1) % months == 0:
            return named, s, e, anchor
    return res


def resolve_day_range(m: Any, ctx: ResolveContext) -> Resolution | None:
    res = _day_range(m, ctx)
    return _calendar_unit(res) if res is not None else None


def _day_range(m: Any, ctx: ResolveContext) -> Resolution | None:
    mon1 = group_or_none(m, "mon1")
    if mon1:
        # "du 26 novembre au 6 décembre": the end fixes the year, the start comes before it
        end = _day_date(m.group("d2"), m.group("mon"), group_or_none(m, "yr"), ctx)
        d1, mo1 = _daynum(m.group("d1"), ctx.lex), month_of(mon1, ctx.lex)
        if end is None or d1 is None or mo1 is None:
            return None
        try:
            first = date(end[0].year - (mo1 > end[0].month), mo1, d1)
        except ValueError:
            return None
        if first >= end[0] or (end[0] - first).days > 366:
            return None
        return "unspecified", first, end[0], end[1]
    a = _day_date(m.group("d1"), m.group("mon"), group_or_none(m, "yr"), ctx)
    d2 = _daynum(m.group("d2"), ctx.lex)
    if a is None or d2 is None:
        return undated("unspecified") if ctx.reference is None and ctx.context_year is None else None
    try:
        b = date(a[0].year, a[0].month, d2)
    except ValueError:
        return None
    if b <= a[0]:
        return None
    return "unspecified", a[0], b, a[1]


def resolve_numeric_date(m: Any, ctx: ResolveContext) -> Resolution | None:
    if group_or_none(m, "iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    else:
        a, b, yt = int(m.group("a")), int(m.group("b")), m.group("y")
        y = int(yt) if len(yt) == 4 else 2000 + int(yt)
        if a <= 12 and b <= 12:
            d, mo = (b, a) if ctx.lex.numeric_date_order == "mdy" else (a, b)
        else:
            d, mo = (a, b) if b <= 12 else (b, a)
    try:
        x = date(y, mo, d)
    except ValueError:
        return None
    return "day", x, x, "explicit"


def resolve_numeric_month(m: Any, ctx: ResolveContext) -> Resolution | None:
    mo, y = int(m.group("m")), int(m.group("y"))
    if not 1 <= mo <= 12:
        return None
    return "month", date(y, mo, 1), month_end(y, mo), "explicit"


def resolve_month_year(m: Any, ctx: ResolveContext) -> Resolution | None:
    mo = month_of(m.group("mon"), ctx.lex)
    if mo is None:
        return None
    y = year_of(m.group("yr"), ctx)
    if y is None:
        return undated("month")
    return "month", date(y[0], mo, 1), month_end(y[0], mo), y[1]


def resolve_month(m: Any, ctx: ResolveContext) -> Resolution | None:
    mon = m.group("mon")
    mo = month_of(mon, ctx.lex)
    if mo is None:
        return None
    pre, post, head = group_or_none(m, "pre"), group_or_none(m, "post"), group_or_none(m, "head")
    if fold(mon).rstrip(".") in ctx.lex.months_ambiguous and not (pre or post or head or has_lead(m)):
        return None
    force = None
    for w in (pre, post):
        if w:
            force = ctx.lex.relative.get(fold(w).strip())
    if force == 0:
        base = ctx.base_year()
        if base is None:
            return undated("month")
        y: tuple[int, str] | None = base
    else:
        y = read_year(ctx, (mo,), (ctx.reference.month,) if ctx.reference else (0,), force)
    if y is None:
        return undated("month")
    return "month", date(y[0], mo, 1), month_end(y[0], mo), y[1]


def resolve_week_of(m: Any, ctx: ResolveContext) -> Resolution | None:
    inner = group_or_none(m, "inner") or ""
    sub = _match_first(ctx, inner, ("day", "numeric_date"))
    if sub is None or sub[1] is None:
        return None
    s, e = week_around(sub[1])
    return "week", s, e, sub[3]


def _match_first(ctx: ResolveContext, s: str, names: tuple[str, ...]) -> Resolution | None:
    low = lower_same_length(s)
    sub = replace(ctx, text=s, low=low)
    for name, pattern, fn, _kinds in ctx.lex.grammars:
        if name in names:
            mm = pattern.search(low)
            if mm:
                r = fn(mm, sub)
                if r is not None:
                    return r
    return None


def resolve_day_word(m: Any, ctx: ResolveContext) -> Resolution | None:
    off = ctx.lex.days[fold(m.group("dw"))]
    return relative_unit("day", off, ctx)


def resolve_weekday(m: Any, ctx: ResolveContext) -> Resolution | None:
    wd = ctx.lex.weekdays[fold(m.group("wd"))]
    pre, post = group_or_none(m, "pre"), group_or_none(m, "post")
    ref = ctx.reference
    off = None
    for w in (pre, post):
        if w:
            off = ctx.lex.relative.get(fold(w).strip())
    dnum = group_or_none(m, "d")
    if not (pre or post or dnum or group_or_none(m, "lead")) and _inside_name(ctx.text, m.start("wd")):
        return None
    if ref is None:
        return undated("day")
    if dnum:
        day = int(regex.match(r"\d+", dnum).group())  # type: ignore[union-attr]
        y, mo = ref.year, ref.month
        for k in range(0, 13):
            yy, mm = add_months(ref.year, ref.month, k if ctx.reading == "future" else -k)
            try:
                cand = date(yy, mm, day)
            except ValueError:
                continue
            if (cand <= ref if ctx.reading != "future" else cand >= ref) and cand.weekday() == wd:
                return "day", cand, cand, "reference"
        try:
            cand = date(y, mo, day)
        except ValueError:
            return None
        return "day", cand, cand, "reference"
    if off == 0:
        d = monday_of(ref) + timedelta(days=wd)
    elif off is not None and ctx.lex.weekday_relative == "week":
        d = monday_of(ref) + timedelta(weeks=off, days=wd)
    else:
        future = ctx.reading == "future" if off is None else off > 0
        delta = (wd - ref.weekday()) % 7
        if future:
            d = ref + timedelta(days=delta if off is None else (delta or 7))
        else:
            back = (ref.weekday() - wd) % 7
            d = ref - timedelta(days=back if off is None else (back or 7))
    return "day", d, d, "reference"


def _inside_name(text: str, i: int) -> bool:
    """A capitalised word after a capitalised word mid-sentence is part of a name ("France Dimanche")."""
    if not text[i : i + 1].isupper():
        return False
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0 or not text[j].isalpha():
        return False
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k].isupper() and k > 0 and text[k - 1] == " "
