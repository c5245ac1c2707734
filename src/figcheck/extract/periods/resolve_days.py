"""Resolvers of days and months: dates, ranges of days, numeric dates, months with or without a year,
weekdays, day words ("hier") and "the week of" a date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

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
from figcheck.extract.periods.words import Lexicon, compiled, fold, lower_same_length


def _daynum(s: str, lex: Lexicon) -> int | None:
    digits = compiled(r"\d+").match(s)
    return int(digits.group()) if digits else lex.day_words.get(fold(s))


def _day_date(
    d_text: str, mon_text: str, yr_text: str | None, ctx: ResolveContext, force: int | None = None
) -> tuple[date, str] | None:
    day = _daynum(d_text, ctx.lex)
    month = month_of(mon_text, ctx.lex)
    if day is None or month is None:
        return None
    if yr_text:
        y = year_of(yr_text, ctx)
    else:
        y = read_year(
            ctx, (month, day), (ctx.reference.month, ctx.reference.day) if ctx.reference else (0, 0), force
        )
    if y is None:
        return None
    try:
        return date(y[0], month, day), y[1]
    except ValueError:
        return None


def resolve_day(match: Any, ctx: ResolveContext) -> Resolution | None:
    mon = match.group("mon")
    post = group_or_none(match, "post")
    force = ctx.lex.relative.get(fold(post).strip()) if post else None
    r = _day_date(match.group("d"), mon, group_or_none(match, "yr"), ctx, force or None)
    weekday = group_or_none(match, "wdd")
    if r is not None and weekday and not group_or_none(match, "yr"):
        r = _on_weekday(r, ctx.lex.weekdays.get(fold(weekday)))
    if r is None:
        if (
            month_of(mon, ctx.lex) is not None
            and not group_or_none(match, "yr")
            and ctx.reference is None
            and ctx.context_year is None
        ):
            return undated("day")
        return None
    return "day", r[0], r[0], r[1]


def _on_weekday(found: tuple[date, str], weekday: int | None) -> tuple[date, str]:
    """A day given with its weekday and no year ("ce mercredi 25 janvier") falls in the year, next to the
    one read from the tense, where it is that weekday."""
    day, anchor = found
    if weekday is None or day.weekday() == weekday:
        return found
    for year in (day.year - 1, day.year + 1):
        try:
            if date(year, day.month, day.day).weekday() == weekday:
                return date(year, day.month, day.day), anchor
        except ValueError:  # 29 February
            continue
    return found


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


def resolve_day_range(match: Any, ctx: ResolveContext) -> Resolution | None:
    res = _day_range(match, ctx)
    return _calendar_unit(res) if res is not None else None


def _day_range(match: Any, ctx: ResolveContext) -> Resolution | None:
    mon1 = group_or_none(match, "mon1")
    if mon1:
        # "du 26 novembre au 6 décembre": the end fixes the year, the start comes before it
        end = _day_date(match.group("d2"), match.group("mon"), group_or_none(match, "yr"), ctx)
        d1, mo1 = _daynum(match.group("d1"), ctx.lex), month_of(mon1, ctx.lex)
        if end is None or d1 is None or mo1 is None:
            return None
        try:
            first = date(end[0].year - (mo1 > end[0].month), mo1, d1)
        except ValueError:
            return None
        if first >= end[0] or (end[0] - first).days > 366:
            return None
        return "unspecified", first, end[0], end[1]
    a = _day_date(match.group("d1"), match.group("mon"), group_or_none(match, "yr"), ctx)
    d2 = _daynum(match.group("d2"), ctx.lex)
    if a is None or d2 is None:
        return undated("unspecified") if ctx.reference is None and ctx.context_year is None else None
    try:
        b = date(a[0].year, a[0].month, d2)
    except ValueError:
        return None
    if b <= a[0]:
        return None
    return "unspecified", a[0], b, a[1]


def resolve_numeric_date(match: Any, ctx: ResolveContext) -> Resolution | None:
    if group_or_none(match, "iy"):
        y, month, d = int(match.group("iy")), int(match.group("im")), int(match.group("id"))
    else:
        a, b, yt = int(match.group("a")), int(match.group("b")), match.group("y")
        y = int(yt) if len(yt) == 4 else 2000 + int(yt)
        if a <= 12 and b <= 12:
            d, month = (b, a) if ctx.lex.numeric_date_order == "mdy" else (a, b)
        else:
            d, month = (a, b) if b <= 12 else (b, a)
    try:
        x = date(y, month, d)
    except ValueError:
        return None
    return "day", x, x, "explicit"


def resolve_numeric_month(match: Any, ctx: ResolveContext) -> Resolution | None:
    month, y = int(match.group("m")), int(match.group("y"))
    if not 1 <= month <= 12:
        return None
    return "month", date(y, month, 1), month_end(y, month), "explicit"


def resolve_month_year(match: Any, ctx: ResolveContext) -> Resolution | None:
    month = month_of(match.group("mon"), ctx.lex)
    if month is None:
        return None
    y = year_of(match.group("yr"), ctx)
    if y is None:
        return undated("month")
    return "month", date(y[0], month, 1), month_end(y[0], month), y[1]


def resolve_month_range(match: Any, ctx: ResolveContext) -> Resolution | None:
    """`de janvier à mars 2018`, `between January and March`: from the first day of the first month to
    the last day of the second, in the second's year (named, else read as for a month alone); a first
    month after the second lies in the year before. A calendar quarter or half gets its scope."""
    first, last = month_of(match.group("mon1"), ctx.lex), month_of(match.group("mon"), ctx.lex)
    if first is None or last is None or first == last:
        return None
    named = group_or_none(match, "yr")
    y = (
        year_of(named, ctx)
        if named
        else read_year(ctx, (last,), (ctx.reference.month,) if ctx.reference else (0,))
    )
    if y is None:
        return undated("other")
    start = date(y[0] - (first > last), first, 1)
    return _calendar_unit(("other", start, month_end(y[0], last), y[1]))


def resolve_month(match: Any, ctx: ResolveContext) -> Resolution | None:
    mon = match.group("mon")
    month = month_of(mon, ctx.lex)
    if month is None:
        return None
    pre, post, head = group_or_none(match, "pre"), group_or_none(match, "post"), group_or_none(match, "head")
    if fold(mon).rstrip(".") in ctx.lex.months_ambiguous and not (pre or post or head or has_lead(match)):
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
        y = read_year(ctx, (month,), (ctx.reference.month,) if ctx.reference else (0,), force)
    if y is None:
        return undated("month")
    return "month", date(y[0], month, 1), month_end(y[0], month), y[1]


def resolve_week_of(match: Any, ctx: ResolveContext) -> Resolution | None:
    inner = group_or_none(match, "inner") or ""
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
            inner_match = pattern.search(low)
            if inner_match:
                found: Resolution | None = fn(inner_match, sub)
                if found is not None:
                    return found
    return None


def resolve_day_word(match: Any, ctx: ResolveContext) -> Resolution | None:
    offset = ctx.lex.days[fold(match.group("dw"))]
    return relative_unit("day", offset, ctx)


def resolve_weekend(match: Any, ctx: ResolveContext) -> Resolution | None:
    """The Saturday and Sunday a weekend phrase names. "Ce week-end" is the one just past when its
    sentence tells what happened, the one to come when it tells a plan, and without a tense the one just
    past if said from Monday to Wednesday, else the one to come or under way; "le week-end dernier" is the
    last one before the statement's week, "next weekend" the first one after the statement; "over the
    weekend", a weekend after a preposition, the last one begun. A weekend with none of these words
    ("chaque week-end", "the Easter weekend") names no particular one."""
    reference = ctx.reference
    if reference is None:
        return undated("other")
    words = (group_or_none(match, "pre"), group_or_none(match, "post"))
    offset = next((ctx.lex.relative.get(fold(w).strip()) for w in words if w), None)
    if offset is None and group_or_none(match, "lead") is None:
        return None
    this_saturday = monday_of(reference) + timedelta(days=5)  # the Saturday of the statement's week
    last_saturday = this_saturday - timedelta(weeks=1)
    if offset is None:
        saturday = this_saturday if reference.weekday() >= 5 else last_saturday
    elif offset == 0:
        if ctx.reading == "nearest":
            saturday = this_saturday if reference.weekday() >= 3 else last_saturday
        else:
            coming = ctx.reading == "future" or reference.weekday() >= 5
            saturday = this_saturday if coming else last_saturday
    elif offset == -1:
        saturday = last_saturday
    elif offset == 1:
        saturday = this_saturday if reference.weekday() < 5 else this_saturday + timedelta(weeks=1)
    else:
        return None
    return "other", saturday, saturday + timedelta(days=1), "reference"


def resolve_weekday(match: Any, ctx: ResolveContext) -> Resolution | None:
    weekday = ctx.lex.weekdays[fold(match.group("wd"))]
    pre, post = group_or_none(match, "pre"), group_or_none(match, "post")
    reference = ctx.reference
    offset = None
    for w in (pre, post):
        if w:
            offset = ctx.lex.relative.get(fold(w).strip())
    day_text = group_or_none(match, "d")
    if not (pre or post or day_text or group_or_none(match, "lead")) and _inside_name(
        ctx.text, match.start("wd")
    ):
        return None
    if reference is None:
        return undated("day")
    if day_text:
        day = int(compiled(r"\d+").match(day_text).group())  # type: ignore[union-attr]
        y, month = reference.year, reference.month
        for k in range(0, 13):
            yy, inner_match = add_months(
                reference.year, reference.month, k if ctx.reading == "future" else -k
            )
            try:
                cand = date(yy, inner_match, day)
            except ValueError:
                continue
            if (
                cand <= reference if ctx.reading != "future" else cand >= reference
            ) and cand.weekday() == weekday:
                return "day", cand, cand, "reference"
        try:
            cand = date(y, month, day)
        except ValueError:
            return None
        return "day", cand, cand, "reference"
    if offset == 0:
        d = monday_of(reference) + timedelta(days=weekday)
        # "ce dimanche" said on a Tuesday of what happened is the Sunday just past; said on the Saturday,
        # of a night under way, the next day
        if ctx.reading == "past" and (d - reference).days > 1:
            d -= timedelta(weeks=1)
    elif offset is not None and ctx.lex.weekday_relative == "week":
        d = monday_of(reference) + timedelta(weeks=offset, days=weekday)
    else:
        future = ctx.reading == "future" if offset is None else offset > 0
        delta = (weekday - reference.weekday()) % 7
        if future:
            d = reference + timedelta(days=delta if offset is None else (delta or 7))
        else:
            back = (reference.weekday() - weekday) % 7
            d = reference - timedelta(days=back if offset is None else (back or 7))
    return "day", d, d, "reference"


def resolve_weekday_range(match: Any, ctx: ResolveContext) -> Resolution | None:
    """From one weekday to the next one named ("de vendredi à samedi 1er avril"): up to the last day, read
    as a weekday alone is, or as the date written after it."""
    first, last = (ctx.lex.weekdays[fold(match.group(g))] for g in ("wd1", "wd2"))
    days = (last - first) % 7
    if days == 0:
        return None
    if group_or_none(match, "d"):
        end = _day_date(match.group("d"), match.group("mon"), None, ctx)
        if end is None or end[0].weekday() != last:
            return None
        end_day, anchor = end
    elif ctx.reference is None:
        return undated("unspecified")
    else:
        step = (
            (last - ctx.reference.weekday()) % 7
            if ctx.reading == "future"
            else -((ctx.reference.weekday() - last) % 7)
        )
        end_day, anchor = ctx.reference + timedelta(days=step), "reference"
    return _calendar_unit(("unspecified", end_day - timedelta(days=days), end_day, anchor))


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
