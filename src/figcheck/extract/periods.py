"""Period phrases, their scope and their dates, in French and English news text.

A figure is reported for a period ("en janvier 2026", "pour l'ensemble de l'année 2026", "pendant le
reste de cette année", "in Q1 2023", "last week"). ``find_periods`` finds these phrases, tells their
scope (a month, a whole year, the rest of a year...) and resolves their first and last day.

How it works: one compiled regular expression of trigger words (month names, weekdays, unit words such
as ``semaine`` or ``year``, four-digit years, quarter codes...) finds the places worth reading. Around
each group of hits a small window is parsed with the phrase grammars below; among overlapping
candidates the longest wins. All wording (month names, relative words, scope phrases, number words)
comes from ``data/periods_<lang>.yaml``; the grammars only arrange word classes.

Resolution of phrases that lack a year or are relative ("en janvier", "la semaine dernière",
"Q3") uses ``reference`` when given (anchor ``reference``), else ``context_year`` (anchor
``context_year``), else the dates stay ``None`` (anchor ``none``). A month, quarter, day or weekday
without a year is read in the past (the latest one on or before the reference date) unless the
sentence is about a plan (see ``figcheck.extract.status``), then in the future (the first one on or
after it). ``next``/``prochain`` and ``last``/``dernier`` force the reading.

Scopes: ``day``, ``week`` (Monday to Sunday), ``month``, ``quarter``, ``half_year``, ``whole_year``,
``rest_of_year`` (reference date to 31 December), ``year_to_date`` (1 January to the reference date),
``multi_year`` (several calendar years: ranges of years, decades, centuries), ``other`` (a stretch that
is no calendar unit, both ends known: "sur un an", "in three days"; see ``figcheck.extract.stretches``)
and ``unspecified``:
a range of days ("du 26 au 29 mai": both dates set), a part of a period ("fin 2025", "mid-2024": the
dates are those of the whole period, which contains it), an open interval ("depuis 2014": 1 January
2014 to the reference date; "d'ici 2030": the reference date to 31 December 2030; a missing bound is
``None``).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import regex
import yaml

from figcheck.extract.status import sentence_cues
from figcheck.text import strip_accents

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


def find_periods(
    text: str, language: str, reference: date | None = None, context_year: int | None = None
) -> list[Period]:
    """Period phrases of ``text`` in reading order.

    ``language`` is ``"fr"`` or ``"en"``. ``reference`` is the date relative phrases resolve
    against: the caller passes the statement date when the figure belongs to a dated statement,
    else the published date of the article. ``context_year`` (a year the article is known to speak
    of) is used for phrases without a year when there is no reference date.
    """
    return _find(text, language, reference, context_year, reading=None)


# --------------------------------------------------------------------------------------------
# Text normalisation and the lexicon


def fold(s: str) -> str:
    """Lowercase without accents, typographic apostrophes and dashes made plain."""
    return strip_accents(s.lower()).translate(_PLAIN)


_PLAIN = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)


def _lower_same_length(text: str) -> str:
    """A lowercase copy of ``text`` with the same offsets (plain apostrophes, dashes and spaces)."""
    low = text.lower()
    if len(low) == len(text):
        return low.translate(_PLAIN)
    out = []
    for c in text:
        low = c.lower()
        out.append(low if len(low) == 1 else c)
    return "".join(out).translate(_PLAIN)


def _alt(words: Iterable[str], regexes: bool = False) -> str:
    """An alternation of ``words``, longest first, accent-free variants added."""
    forms: set[str] = set()
    for w in words:
        w = w.lower().translate(_PLAIN)
        for v in {w, fold(w)}:
            forms.add(v if regexes else regex.escape(v, special_only=True))
    parts = sorted(forms, key=len, reverse=True)
    parts = [p.replace("\\ ", " ").replace(" ", r"\s+") for p in parts]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _wb(pattern: str) -> str:
    """``pattern`` as whole words."""
    return r"(?<![\w])" + pattern + r"(?![\w])"


@dataclass
class _Lex:
    language: str
    months: dict[str, int]
    months_ambiguous: set[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int]
    days: dict[str, int]
    day_words: dict[str, int]
    numbers: dict[str, int]
    number_joiners: set[str]
    number_multiplied: set[str]
    decade_words: dict[str, int]
    weekday_relative: str
    function_words: set[str]
    numeric_date_order: str
    modifiers: dict[str, list[str]]
    macros: dict[str, str]
    trigger: Any
    grammars: list[tuple[str, Any, Callable[..., Any], frozenset[str]]]
    modifier_re: Any


@cache
def wording(language: str) -> dict[str, Any]:
    """The language's period wording (``data/periods_<lang>.yaml``), for the stages that read periods."""
    return _load(language[:2].lower())


def _load(language: str) -> dict[str, Any]:
    path = resources.files("figcheck.extract").joinpath(f"data/periods_{language}.yaml")
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def _folded_map(m: dict[str, Any]) -> dict[str, Any]:
    return {fold(str(k)): v for k, v in (m or {}).items()}


@cache
def _lexicon(language: str) -> _Lex:
    lang = language.lower()[:2]
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language {language!r}; use 'fr' or 'en'")
    d = _load(lang)
    months = _folded_map(d["months"])
    rel_before = _folded_map(d["relative_before"])
    rel_after = _folded_map(d["relative_after"])
    units = _folded_map(d["units"])
    year_units = [k for k, v in d["units"].items() if v == "year"]
    numbers = _folded_map(d["numbers"])
    ord_suffix = _alt(d["ordinal_suffixes"])
    abbrev = [k for k in d["months"] if len(k) <= 4 and k not in ("mai", "mars", "june", "july", "may")]
    m: dict[str, str] = {}
    m["MONTH"] = r"(?<![\w])(?:" + _alt(abbrev) + r"\.|" + _alt(d["months"]) + r"(?![\w]))"
    m["WEEKDAY"] = _wb(_alt(d["weekdays"]))
    m["ORD"] = r"(?:" + _wb(_alt(d["ordinals"])) + r"|(?<![\w])\d{1,2}" + ord_suffix + r"(?![\w]))"
    m["DAYNUM"] = (
        r"(?:(?<![\w,.])(?:[1-9]|[12]\d|3[01]|0[1-9])(?:"
        + ord_suffix
        + r")?(?![\w])"
        + ("|" + _wb(_alt(d["day_words"])) if d.get("day_words") else "")
        + ")"
    )
    m["YEAR4"] = r"(?<![\d])(?<!\d[.,])(?:1[0-9]|2[0-9])\d\d(?![\d]|[.,]\d|\s?%|\s\d{3}(?!\d)|(?![qht])\p{L})"
    m["NUMW"] = _wb(_alt(d["numbers"]))
    joiners = _alt(d.get("number_joiners") or [])
    m["YEARWORDS"] = m["NUMW"] + r"(?:(?:\s+|-)(?:" + joiners + r"(?:\s+|-))?" + m["NUMW"] + r")*"
    m["RELPRE"] = _wb(_alt(d["relative_before"]))
    m["RELPOST"] = _wb(_alt(d["relative_after"])) if rel_after else "(?!)"
    m["UNIT"] = _wb(_alt(d["units"]))
    m["YEARUNIT"] = _wb(_alt(year_units))
    suffixes = d.get("unit_suffixes") or []
    m["USUF"] = (r"(?:\s*(?:" + _alt(suffixes) + r")(?![\w]))?") if suffixes else ""
    m["DET"] = (
        r"(?:"
        + _wb(_alt([x for x in d["determiners"] if not x.endswith("'")]))
        + r"\s+|"
        + (
            _alt([x for x in d["determiners"] if x.endswith("'")]) + r"\s*"
            if any(x.endswith("'") for x in d["determiners"])
            else "(?!)"
        )
        + ")"
    )
    m["PREP"] = (
        r"(?:"
        + _wb(_alt([p for p in d["prepositions"] if not p.endswith("'")]))
        + r"\s+|"
        + (
            r"(?<![\w])" + _alt([p for p in d["prepositions"] if p.endswith("'")]) + r"\s*"
            if any(p.endswith("'") for p in d["prepositions"])
            else "(?!)"
        )
        + ")"
    )
    m["LEAD"] = r"(?:{{PREP}})?(?:{{DET}})?"
    m["RELYEAR"] = (
        r"(?:{{RELPRE}}\s+(?:calendar\s+)?{{YEARUNIT}}{{USUF}}"
        r"|(?:{{DET}})?{{YEARUNIT}}{{USUF}}\s+{{RELPOST}})"
    )
    m["BAREYEAR"] = r"(?:(?:{{DET}})?{{YEARUNIT}}(?:\s+{{YEAR4}})?|eoy)"
    m["YEARREF"] = (
        r"(?:{{RELYEAR}}|(?:(?:{{DET}})?(?:calendar\s+|fiscal\s+)?{{YEARUNIT}}\s+(?:de\s+)?)?{{YEAR4}}"
        r"|{{YEARWORDS}})"
    )
    m["YEARREF_B"] = r"(?:{{RELYEAR}}|{{YEARREF}}|{{BAREYEAR}})"
    m["RELUNIT"] = (
        r"(?:{{RELPRE}}\s+(?:calendar\s+)?(?P<u>{{UNIT}}){{USUF}}"
        r"|(?P<u>{{UNIT}}){{USUF}}\s+{{RELPOST}}"
        r"|(?:{{DET}})?(?P<u>{{UNIT}})(?P<ci>-ci))"
    )
    m["DAYWORDS"] = _wb(_alt(d["days"]))
    m["DAYDATE"] = (
        r"(?:(?:{{DAYNUM}})\s+(?:of\s+)?{{MONTH}}(?:\s*,?\s*{{YEAR4}})?"
        r"|{{MONTH}}\s+(?:the\s+)?{{DAYNUM}}(?:\s*,?\s*{{YEAR4}})?)"
    )
    m["MONTHHEAD"] = _alt(d.get("month_heads") or []) + r"\s*" if d.get("month_heads") else "(?!)"
    m["WEEKOF"] = _wb(_alt(d["week_of"]))
    m["RANGEOPEN"] = _wb(_alt(d["range_open"]))
    m["RANGEJOIN"] = r"(?:" + _alt([j for j in d["range_join"] if j not in ("-", "–")]) + r"(?![\w])|-)"
    m["DECADEHEAD"] = _wb(_alt(d["decade_heads"])) if d.get("decade_heads") else "(?!)"
    m["DECADEWORD"] = _wb(_alt(d["decade_words"])) if d.get("decade_words") else "(?!)"
    m["CENTURY"] = _wb(_alt([k for k, v in d["units"].items() if v == "century"]))
    m["QUARTERW"] = _wb(_alt([k for k, v in d["units"].items() if v == "quarter"]))
    m["HALFW"] = _wb(_alt([k for k, v in d["units"].items() if v == "half_year"]))
    m["WEEKW"] = _wb(_alt([k for k, v in d["units"].items() if v == "week"]))
    m["MONTHW"] = _wb(_alt([k for k, v in d["units"].items() if v == "month"]))
    for key in ("rest_of_year", "year_to_date", "whole_year"):
        block = d.get(key) or {}
        heads = block.get("heads") or []
        phrases = block.get("phrases") or []
        m[key.upper() + "_HEADS"] = (r"(?<![\w])" + _alt(heads, regexes=True)) if heads else "(?!)"
        m[key.upper() + "_PHRASES"] = _wb(_alt(phrases, regexes=True)) if phrases else "(?!)"

    def expand(p: str) -> str:
        for _ in range(6):
            for k, v in m.items():
                p = p.replace("{{" + k + "}}", v)
        return p

    m["LEAD_RE"] = expand(r"(?:{{PREP}})?(?:{{DET}})?")
    # every phrase starts at the start of a word: the guard lets the engine skip other positions fast
    grammars = [
        (name, regex.compile(r"(?<![\w])(?:" + expand(pattern) + ")", regex.V0), fn, frozenset(kinds.split()))
        for name, kinds, pattern, fn in _GRAMMARS
    ]
    # One pattern finds every place worth parsing; its group names say what kind of word was hit, so
    # that only the grammars that need such a word run there.
    trigger = re.compile(
        r"(?<![\w])(?:(?P<month>" + _wb(_alt(d["months"])) + ")"
        r"|(?P<weekday>" + _wb(_alt(d["weekdays"])) + ")"
        r"|(?P<unit>" + _wb(_alt(list(d["units"]) + list(d.get("trigger_words") or []))) + ")"
        r"|(?P<day>" + _wb(_alt(d["days"])) + ")"
        r"|(?P<decade>"
        + _wb(_alt(list(d.get("decade_words") or {}) + list(d.get("decade_heads") or [])))
        + r"|(?<![\w])(?:\d\d)?\d0'?s(?![\w]))"
        r"|(?P<numeric>\d{1,2}\s*[/.-]\s*\d)"
        r"|(?P<year>\d{4})"
        r"|(?P<code>(?<![\w])(?:[qtsh][1-4]|[1-4][qth])(?![\w]))"
        r"|(?P<num>" + _wb(_alt([k for k, v in d["numbers"].items() if v >= 1000 or 10 <= v < 20])) + "))"
    )
    m["_INTRO"] = r"(?<![\w])" + _alt(d.get("year_introducers") or []) + r"[\s']*$"
    mods = d.get("modifiers") or {}
    mod_alts = []
    for kind in ("within", "since", "until"):
        words = mods.get(kind) or []
        if words:
            mod_alts.append(f"(?P<{kind}>" + r"(?<![\w])" + _alt(words) + ")")
    modifier_re = regex.compile(r"(?:" + "|".join(mod_alts) + r")[\s-]*$") if mod_alts else None
    return _Lex(
        language=lang,
        months=months,
        months_ambiguous={fold(x) for x in d.get("months_ambiguous") or []},
        weekdays=_folded_map(d["weekdays"]),
        ordinals=_folded_map(d["ordinals"]),
        units=units,
        relative={**rel_after, **rel_before},
        days=_folded_map(d["days"]),
        day_words=_folded_map(d.get("day_words") or {}),
        numbers=numbers,
        number_joiners={fold(x) for x in d.get("number_joiners") or []},
        number_multiplied={fold(x) for x in d.get("number_multiplied") or []},
        decade_words=_folded_map(d.get("decade_words") or {}),
        weekday_relative=str(d.get("weekday_relative", "week")),
        function_words={
            fold(w)
            for w in (d.get("prepositions") or [])
            + (d.get("determiners") or [])
            + (d.get("year_introducers") or [])
            + (d.get("function_words") or [])
        },
        numeric_date_order=str(d.get("numeric_date_order", "dmy")),
        modifiers={k: [fold(x) for x in v] for k, v in mods.items()},
        macros=m,
        trigger=trigger,
        grammars=grammars,
        modifier_re=modifier_re,
    )


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(d: date) -> tuple[date, date]:
    mon = _monday(d)
    return mon, mon + timedelta(days=6)


def _nth_week_of_month(y: int, m: int, n: int) -> date:
    """Monday of the n-th week of a month (-1: the last); a week belongs to the month holding most of it."""
    if n < 0:
        return _monday(_month_end(y, m) - timedelta(days=3))
    return _monday(date(y, m, 4)) + timedelta(weeks=n - 1)


def _nth_week_of_year(y: int, n: int) -> date:
    """Monday of ISO week n of year y (-1: the last week)."""
    if n < 0:
        n = date(y, 12, 28).isocalendar()[1]
    return date.fromisocalendar(y, n, 1)


# --------------------------------------------------------------------------------------------
# Resolution context


@dataclass
class _Ctx:
    lex: _Lex
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
_Res = tuple[str, date | None, date | None, str]


def _words(s: str) -> list[str]:
    return [w for w in regex.split(r"[\s,]+", fold(s)) if w]


def _number(words: list[str], lex: _Lex) -> int | None:
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


def _year_of(s: str, ctx: _Ctx) -> tuple[int, str] | None:
    """The year of a year reference: "2026", "l'année 2026", "cette année", "next year", "the year"."""
    f = fold(s)
    digits = regex.search(r"\d{4}", f)
    if digits:
        return int(digits.group()), "explicit"
    words = _words(f)
    offset = None
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            offset = ctx.lex.relative[w]
    numeric = [w for w in words if w.split("-")[0] in ctx.lex.numbers or w in ctx.lex.number_joiners]
    if numeric and offset is None and len(numeric) == len(words):
        y = _number(words, ctx.lex)
        if y is not None and 1000 <= y <= 2999:
            return y, "explicit"
        return None
    base = ctx.base_year()
    if base is None:
        return None
    return base[0] + (offset or 0), base[1]


def _month_of(s: str, lex: _Lex) -> int | None:
    return lex.months.get(fold(s).rstrip(".").strip())


def _read_year(
    ctx: _Ctx, key: tuple[int, ...], ref_key: tuple[int, ...], force: int | None = None, months: int = 1
) -> tuple[int, str] | None:
    """Year of a date-like key (month, day...) given without a year: past, future or nearest reading.

    ``key`` is (month,), (month, day) or (quarter,) / (half,) with ``months`` months per unit.
    """
    if ctx.reference is not None:
        y = ctx.reference.year
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
                y += 1
        elif key > ref_key or (force is not None and force < 0 and key == ref_key):
            y -= 1
        return y, "reference"
    if ctx.context_year is not None:
        return ctx.context_year, "context_year"
    return None


def _none(scope: str) -> _Res:
    return scope, None, None, "none"


def _g(m: Any, name: str) -> str | None:
    try:
        v = m.group(name)
    except (IndexError, regex.error):
        return None
    return v


def _has_lead(m: Any) -> bool:
    return bool(_g(m, "lead"))


# --------------------------------------------------------------------------------------------
# Grammars: (name, pattern with {{MACROS}}, resolver(match, ctx) -> _Res | None)


def _res_rest(m: Any, ctx: _Ctx) -> _Res | None:
    yr = _g(m, "yr")
    y = _year_of(yr, ctx) if yr else ctx.base_year()
    if y is None:
        return _none("rest_of_year")
    year, anchor = y
    ref = ctx.reference
    if ref is not None and ref.year == year:
        return "rest_of_year", ref, date(year, 12, 31), anchor
    if ref is None:
        return "rest_of_year", None, date(year, 12, 31), anchor
    return "unspecified", ref if ref.year < year else None, date(year, 12, 31), anchor


def _res_ytd(m: Any, ctx: _Ctx) -> _Res | None:
    yr = _g(m, "yr")
    y = _year_of(yr, ctx) if yr else ctx.base_year()
    if y is None:
        return _none("year_to_date")
    year, anchor = y
    ref = ctx.reference
    if ref is not None and ref.year == year:
        return "year_to_date", date(year, 1, 1), ref, anchor
    return "year_to_date" if ref is None else "unspecified", date(year, 1, 1), ref, anchor


def _res_whole(m: Any, ctx: _Ctx) -> _Res | None:
    y = _year_of(m.group("yr"), ctx)
    if y is None:
        return _none("whole_year")
    return "whole_year", date(y[0], 1, 1), date(y[0], 12, 31), y[1]


def _res_year(m: Any, ctx: _Ctx) -> _Res | None:
    yr = m.group("yr")
    f = fold(yr)
    lead = _g(m, "lead")
    has_digits = regex.search(r"\d{4}", f) is not None
    unit_word = any(w in ctx.lex.units for w in _words(f))
    if has_digits and not unit_word and not lead:
        # a year alone must be introduced ("en 2014") or stand before punctuation
        before = ctx.low[max(0, m.start() - 20) : m.start()]
        after = ctx.low[m.end() : m.end() + 2]
        intro = ctx.lex.macros["_INTRO"] if "_INTRO" in ctx.lex.macros else None
        if not (regex.search(intro, before) if intro else False) and not regex.match(
            r"\s*(?:[,.;:)]|$)", after
        ):
            return None
    if not has_digits and not unit_word:
        # number words need an introducer, and a count ("in two thousand drones") is followed by its noun
        before = ctx.low[max(0, m.start() - 20) : m.start()]
        intro = ctx.lex.macros.get("_INTRO")
        if not lead and not (intro and regex.search(intro, before)):
            return None
        after = regex.match(r"\s*(\w+)", ctx.low, pos=m.end())
        if after and fold(after.group(1)) not in ctx.lex.function_words:
            return None
    y = _year_of(yr, ctx)
    if y is None:
        return None if not unit_word else _none("whole_year")
    return "whole_year", date(y[0], 1, 1), date(y[0], 12, 31), y[1]


def _res_years_range(m: Any, ctx: _Ctx) -> _Res | None:
    a = _year_of(m.group("y1"), ctx)
    b_text = fold(m.group("y2"))
    if a is None:
        return None
    if regex.fullmatch(r"\d{2}", b_text):
        b = (a[0] // 100 * 100 + int(b_text), "explicit")
        if int(b_text) <= 12:
            return None
    else:
        b = _year_of(m.group("y2"), ctx)
    if b is None or not a[0] < b[0] <= a[0] + 200:
        return None
    return "multi_year", date(a[0], 1, 1), date(b[0], 12, 31), "explicit"


def _decade_past(tens: int, ctx: _Ctx) -> tuple[int, str] | None:
    """A decade named without its century ("the seventies", "les années 40"): the latest one begun."""
    base = ctx.base_year()
    if base is None:
        return None
    y = base[0] // 100 * 100 + tens
    if y > base[0]:
        y -= 100
    return y, base[1]


def _res_decade(m: Any, ctx: _Ctx) -> _Res | None:
    num = _g(m, "dec")
    word = _g(m, "dw")
    cent = _g(m, "cent")
    if num is not None:
        f = fold(num).rstrip("s").strip("'")
        if f.isdigit():
            v = int(f)
        else:
            n = _number(_words(f), ctx.lex)
            if n is None:
                return None
            v = n
    else:
        v = ctx.lex.decade_words[fold(word or "")]
        if cent:
            c = _number(_words(cent), ctx.lex)
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
        return _none("multi_year")
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


def _res_century(m: Any, ctx: _Ctx) -> _Res | None:
    n_text = fold(m.group("n"))
    digits = regex.match(r"\d+", n_text)
    if digits:
        n = int(digits.group())
    else:
        n_roman = _roman(regex.sub(r"(?:e|eme|er)$", "", n_text))
        if n_roman is None:
            return None
        n = n_roman
    if not 1 <= n <= 30:
        return None
    start = (n - 1) * 100
    return "multi_year", date(max(start, 1), 1, 1), date(start + 99, 12, 31), "explicit"


def _ordinal(s: str, lex: _Lex) -> int | None:
    f = fold(s)
    if f in lex.ordinals:
        return lex.ordinals[f]
    d = regex.match(r"\d+", f)
    return int(d.group()) if d else None


def _res_ord_quarter(m: Any, ctx: _Ctx) -> _Res | None:
    n = _ordinal(m.group("ord"), ctx.lex)
    half = _g(m, "half") is not None
    size = 6 if half else 3
    count = 12 // size
    scope = "half_year" if half else "quarter"
    if n is None or n == 0 or n > count:
        return None
    yr = _g(m, "yr")
    if yr:
        y = _year_of(yr, ctx)
        if y is None:
            return _none(scope)
        q = count if n < 0 else n
        first = (q - 1) * size + 1
        return scope, date(y[0], first, 1), _month_end(y[0], first + size - 1), y[1]
    if n < 0:
        return _res_relative_unit(scope, -1, ctx)
    ref = ctx.reference
    if ref is not None:
        y = _read_year(ctx, (n,), ((ref.month - 1) // size + 1,), months=size)
    else:
        y = _read_year(ctx, (n,), (0,))
    if y is None:
        return _none(scope)
    first = (n - 1) * size + 1
    return scope, date(y[0], first, 1), _month_end(y[0], first + size - 1), y[1]


def _res_code_quarter(m: Any, ctx: _Ctx) -> _Res | None:
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
    yr = _g(m, "y1") or _g(m, "y2")
    first = (n - 1) * size + 1
    if yr:
        f = fold(yr).lstrip("'")
        year = int(f) if len(f) == 4 else 2000 + int(f)
        return scope, date(year, first, 1), _month_end(year, first + size - 1), "explicit"
    ref = ctx.reference
    y = _read_year(ctx, (n,), ((ref.month - 1) // size + 1,) if ref else (0,), months=size)
    if y is None:
        return _none(scope)
    return scope, date(y[0], first, 1), _month_end(y[0], first + size - 1), y[1]


def _res_relative_unit(unit: str, off: int, ctx: _Ctx) -> _Res | None:
    ref = ctx.reference
    if unit in ("year", "whole_year", "decade", "century"):
        base = ctx.base_year()
        if base is None:
            return _none("whole_year" if unit in ("year", "whole_year") else "multi_year")
        y, anchor = base
        if unit in ("year", "whole_year"):
            return "whole_year", date(y + off, 1, 1), date(y + off, 12, 31), anchor
        if unit == "decade":
            s = y // 10 * 10 + 10 * off
            return "multi_year", date(s, 1, 1), date(s + 9, 12, 31), anchor
        s = y // 100 * 100 + 100 * off
        return "multi_year", date(s, 1, 1), date(s + 99, 12, 31), anchor
    if ref is None:
        return _none(unit)
    if unit == "day":
        d = ref + timedelta(days=off)
        return "day", d, d, "reference"
    if unit == "week":
        s = _monday(ref) + timedelta(weeks=off)
        return "week", s, s + timedelta(days=6), "reference"
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, off)
        return "month", date(y, mo, 1), _month_end(y, mo), "reference"
    size = 3 if unit == "quarter" else 6
    first = (ref.month - 1) // size * size + 1
    y, mo = _add_months(ref.year, first, off * size)
    return unit, date(y, mo, 1), _month_end(y, mo + size - 1), "reference"


def _rel_offset(m: Any, ctx: _Ctx) -> int | None:
    span = fold(m.group(0))
    words = _words(span)
    if _g(m, "ci"):
        return 0
    off = None
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            off = ctx.lex.relative[w]
    return off


def _res_relunit(m: Any, ctx: _Ctx) -> _Res | None:
    unit = ctx.lex.units[fold(m.group("u"))]
    off = _rel_offset(m, ctx)
    if off is None:
        return None
    return _res_relative_unit(unit, off, ctx)


def _res_ord_week(m: Any, ctx: _Ctx) -> _Res | None:
    n = _ordinal(m.group("ord"), ctx.lex)
    if n is None or n == 0 or n > 53:
        return None
    mon = _g(m, "mon")
    yr = _g(m, "yr")
    if mon:
        mo = _month_of(mon, ctx.lex)
        if mo is None or n > 5:
            return None
        if yr:
            y = _year_of(yr, ctx)
        else:
            y = _read_year(ctx, (mo,), (ctx.reference.month,) if ctx.reference else (0,))
        if y is None:
            return _none("week")
        s = _nth_week_of_month(y[0], mo, n)
        return "week", s, s + timedelta(days=6), y[1]
    thism = _g(m, "thism")
    if thism:
        rel = _res_relative_unit("month", _rel_offset_text(thism, ctx), ctx)
        if rel is None or rel[1] is None:
            return _none("week")
        if n > 5:
            return None
        s = _nth_week_of_month(rel[1].year, rel[1].month, n)
        return "week", s, s + timedelta(days=6), rel[3]
    if yr:
        y = _year_of(yr, ctx)
        if y is None:
            return _none("week")
        s = _nth_week_of_year(y[0], n)
        return "week", s, s + timedelta(days=6), y[1]
    return None


def _rel_offset_text(s: str, ctx: _Ctx) -> int:
    words = _words(s)
    if fold(s).endswith("-ci"):
        return 0
    off = 0
    for w in words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]:
        if w in ctx.lex.relative:
            off = ctx.lex.relative[w]
    return off


def _daynum(s: str, lex: _Lex) -> int | None:
    dm = regex.match(r"\d+", s)
    return int(dm.group()) if dm else lex.day_words.get(fold(s))


def _day_date(
    d_text: str, mon_text: str, yr_text: str | None, ctx: _Ctx, force: int | None = None
) -> tuple[date, str] | None:
    day = _daynum(d_text, ctx.lex)
    mo = _month_of(mon_text, ctx.lex)
    if day is None or mo is None:
        return None
    if yr_text:
        y = _year_of(yr_text, ctx)
    else:
        y = _read_year(
            ctx, (mo, day), (ctx.reference.month, ctx.reference.day) if ctx.reference else (0, 0), force
        )
    if y is None:
        return None
    try:
        return date(y[0], mo, day), y[1]
    except ValueError:
        return None


def _res_day(m: Any, ctx: _Ctx) -> _Res | None:
    mon = m.group("mon")
    post = _g(m, "post")
    force = ctx.lex.relative.get(fold(post).strip()) if post else None
    r = _day_date(m.group("d"), mon, _g(m, "yr"), ctx, force or None)
    if r is None:
        if (
            _month_of(mon, ctx.lex) is not None
            and not _g(m, "yr")
            and ctx.reference is None
            and ctx.context_year is None
        ):
            return _none("day")
        return None
    return "day", r[0], r[0], r[1]


def _calendar_unit(res: _Res) -> _Res:
    """A range of days that is exactly a week, a month, a quarter or a year gets that scope."""
    scope, s, e, anchor = res
    if s is None or e is None:
        return res
    if s.weekday() == 0 and (e - s).days == 6:
        return "week", s, e, anchor
    if s.day == 1 and e == _month_end(e.year, e.month) and s.year == e.year:
        months = e.month - s.month + 1
        named = {1: "month", 3: "quarter", 6: "half_year", 12: "whole_year"}.get(months)
        if named and (s.month - 1) % months == 0:
            return named, s, e, anchor
    return res


def _res_day_range(m: Any, ctx: _Ctx) -> _Res | None:
    res = _day_range(m, ctx)
    return _calendar_unit(res) if res is not None else None


def _day_range(m: Any, ctx: _Ctx) -> _Res | None:
    mon1 = _g(m, "mon1")
    if mon1:
        # "du 26 novembre au 6 décembre": the end fixes the year, the start comes before it
        end = _day_date(m.group("d2"), m.group("mon"), _g(m, "yr"), ctx)
        d1, mo1 = _daynum(m.group("d1"), ctx.lex), _month_of(mon1, ctx.lex)
        if end is None or d1 is None or mo1 is None:
            return None
        try:
            first = date(end[0].year - (mo1 > end[0].month), mo1, d1)
        except ValueError:
            return None
        if first >= end[0] or (end[0] - first).days > 366:
            return None
        return "unspecified", first, end[0], end[1]
    a = _day_date(m.group("d1"), m.group("mon"), _g(m, "yr"), ctx)
    d2 = _daynum(m.group("d2"), ctx.lex)
    if a is None or d2 is None:
        return _none("unspecified") if ctx.reference is None and ctx.context_year is None else None
    try:
        b = date(a[0].year, a[0].month, d2)
    except ValueError:
        return None
    if b <= a[0]:
        return None
    return "unspecified", a[0], b, a[1]


def _res_numeric_date(m: Any, ctx: _Ctx) -> _Res | None:
    if _g(m, "iy"):
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


def _res_numeric_month(m: Any, ctx: _Ctx) -> _Res | None:
    mo, y = int(m.group("m")), int(m.group("y"))
    if not 1 <= mo <= 12:
        return None
    return "month", date(y, mo, 1), _month_end(y, mo), "explicit"


def _res_month_year(m: Any, ctx: _Ctx) -> _Res | None:
    mo = _month_of(m.group("mon"), ctx.lex)
    if mo is None:
        return None
    y = _year_of(m.group("yr"), ctx)
    if y is None:
        return _none("month")
    return "month", date(y[0], mo, 1), _month_end(y[0], mo), y[1]


def _res_month(m: Any, ctx: _Ctx) -> _Res | None:
    mon = m.group("mon")
    mo = _month_of(mon, ctx.lex)
    if mo is None:
        return None
    pre, post, head = _g(m, "pre"), _g(m, "post"), _g(m, "head")
    if fold(mon).rstrip(".") in ctx.lex.months_ambiguous and not (pre or post or head or _has_lead(m)):
        return None
    force = None
    for w in (pre, post):
        if w:
            force = ctx.lex.relative.get(fold(w).strip())
    if force == 0:
        base = ctx.base_year()
        if base is None:
            return _none("month")
        y: tuple[int, str] | None = base
    else:
        y = _read_year(ctx, (mo,), (ctx.reference.month,) if ctx.reference else (0,), force)
    if y is None:
        return _none("month")
    return "month", date(y[0], mo, 1), _month_end(y[0], mo), y[1]


def _res_week_of(m: Any, ctx: _Ctx) -> _Res | None:
    inner = _g(m, "inner") or ""
    sub = _match_first(ctx, inner, ("day", "numeric_date"))
    if sub is None or sub[1] is None:
        return None
    s, e = _week(sub[1])
    return "week", s, e, sub[3]


def _match_first(ctx: _Ctx, s: str, names: tuple[str, ...]) -> _Res | None:
    low = _lower_same_length(s)
    sub = replace(ctx, text=s, low=low)
    for name, pattern, fn, _kinds in ctx.lex.grammars:
        if name in names:
            mm = pattern.search(low)
            if mm:
                r = fn(mm, sub)
                if r is not None:
                    return r
    return None


def _res_dayword(m: Any, ctx: _Ctx) -> _Res | None:
    off = ctx.lex.days[fold(m.group("dw"))]
    return _res_relative_unit("day", off, ctx)


def _res_weekday(m: Any, ctx: _Ctx) -> _Res | None:
    wd = ctx.lex.weekdays[fold(m.group("wd"))]
    pre, post = _g(m, "pre"), _g(m, "post")
    ref = ctx.reference
    off = None
    for w in (pre, post):
        if w:
            off = ctx.lex.relative.get(fold(w).strip())
    dnum = _g(m, "d")
    if not (pre or post or dnum or _g(m, "lead")) and _inside_name(ctx.text, m.start("wd")):
        return None
    if ref is None:
        return _none("day")
    if dnum:
        day = int(regex.match(r"\d+", dnum).group())  # type: ignore[union-attr]
        y, mo = ref.year, ref.month
        for k in range(0, 13):
            yy, mm = _add_months(ref.year, ref.month, k if ctx.reading == "future" else -k)
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
        d = _monday(ref) + timedelta(days=wd)
    elif off is not None and ctx.lex.weekday_relative == "week":
        d = _monday(ref) + timedelta(weeks=off, days=wd)
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


_GRAMMARS: list[tuple[str, str, str, Callable[..., _Res | None]]] = [
    (
        "rest_of_year",
        "unit year num",
        r"(?:{{REST_OF_YEAR_PHRASES}}|{{REST_OF_YEAR_HEADS}}\s*(?P<yr>{{YEARREF_B}}))",
        _res_rest,
    ),
    (
        "year_to_date",
        "unit year num",
        r"(?:{{YEAR_TO_DATE_PHRASES}}|{{YEAR_TO_DATE_HEADS}}\s*(?P<yr>{{YEARREF_B}}))",
        _res_ytd,
    ),
    ("whole_year", "unit year num", r"{{WHOLE_YEAR_HEADS}}\s*(?P<yr>{{YEARREF_B}})", _res_whole),
    (
        "years_range",
        "year num",
        r"(?:{{RANGEOPEN}}\s+)?(?P<y1>{{YEARREF}})\s*{{RANGEJOIN}}\s*(?P<y2>{{YEAR4}}|(?<=-)\d\d(?![\w]))",
        _res_years_range,
    ),
    (
        "decade",
        "decade num",
        r"(?:{{LEAD}})(?:(?P<dec>(?<![\w])(?:1\d|2\d)?\d0'?s)(?![\w])"
        r"|(?:(?P<cent>{{YEARWORDS}})\s+)?(?P<dw>{{DECADEWORD}})"
        r"|{{DECADEHEAD}}\s+(?P<dec>(?:1\d|2\d)?\d0(?![\w])|{{YEARWORDS}}))",
        _res_decade,
    ),
    (
        "century",
        "unit",
        r"(?:{{LEAD}})(?P<n>(?<![\w])(?:\d{1,2}|[xvi]{1,5})(?:e|eme|ème|er|st|nd|rd|th))\s+{{CENTURY}}",
        _res_century,
    ),
    (
        "ord_quarter",
        "unit",
        r"(?:{{LEAD}})(?P<ord>{{ORD}})\s+(?:(?P<q>{{QUARTERW}})|(?P<half>{{HALFW}}))"
        r"(?:\s*(?:of\s+|de\s+|d'|du\s+|in\s+)?(?P<yr>{{YEARREF_B}}))?",
        _res_ord_quarter,
    ),
    (
        "code_quarter",
        "code year",
        r"(?:{{LEAD}})(?:(?P<y1>{{YEAR4}})\s*)?(?P<qq>(?<![a-z])[qtsh][1-4](?![\w])|(?<![\w])[1-4][qth](?![\w]))(?:\s*(?P<y2>{{YEAR4}}|'\d\d(?!\d)))?",
        _res_code_quarter,
    ),
    (
        "ord_week",
        "unit",
        r"(?:{{LEAD}})(?P<ord>{{ORD}})\s+{{WEEKW}}\s*(?:(?:of|in|de|du|d')\s*)?"
        r"(?:(?P<mon>{{MONTH}})(?:\s*,?\s*(?:of\s+|de\s+)?(?P<yr>{{YEARREF}}))?"
        r"|(?P<thism>{{RELPRE}}\s+{{MONTHW}}|(?:{{DET}})?{{MONTHW}}(?:-ci|\s+{{RELPOST}})|(?:{{DET}}){{MONTHW}})"
        r"|(?P<yr>{{YEARREF_B}}))",
        _res_ord_week,
    ),
    ("week_of", "unit", r"(?:{{LEAD}}){{WEEKW}}\s+{{WEEKOF}}\s+(?P<inner>{{DAYDATE}})", _res_week_of),
    ("relunit", "unit", r"(?:{{LEAD}}){{RELUNIT}}", _res_relunit),
    (
        "month_year",
        "month",
        r"(?:{{LEAD}})(?:{{MONTHHEAD}})?(?P<mon>{{MONTH}})\s*,?\s*(?:of\s+|de\s+|d'|in\s+)?(?:{{DET}})?"
        r"(?P<yr>{{RELYEAR}}|(?:{{YEARUNIT}}\s+)?{{YEAR4}}|{{YEARWORDS}})",
        _res_month_year,
    ),
    ("year_month", "month", r"(?:{{LEAD}})(?P<yr>{{YEAR4}})\s+(?P<mon>{{MONTH}})", _res_month_year),
    (
        "numeric_month",
        "numeric year",
        r"(?:{{LEAD}})(?:(?<![\d/.-])(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?![\d/.-]\d)"
        r"|(?<![\d/.-])(?P<y>\d{4})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/-]|\.\d|\s*[/-]\s*\d))",
        _res_numeric_month,
    ),
    (
        "day_range",
        "month",
        r"(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?:{{DET}})?(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*(?:{{DET}})?"
        r"(?P<d2>{{DAYNUM}})\s+(?P<mon>{{MONTH}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?P<mon>{{MONTH}})\s+(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*"
        r"(?P<d2>{{DAYNUM}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?:{{DET}})?(?P<d1>{{DAYNUM}})\s+(?P<mon1>{{MONTH}})\s*{{RANGEJOIN}}\s*"
        r"(?:{{DET}})?(?P<d2>{{DAYNUM}})\s+(?P<mon>{{MONTH}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?P<mon1>{{MONTH}})\s+(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*"
        r"(?P<mon>{{MONTH}})\s+(?P<d2>{{DAYNUM}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?",
        _res_day_range,
    ),
    (
        "day",
        "month",
        r"(?:{{LEAD}})(?:{{WEEKDAY}}\s*,?\s+)?(?:(?:the|le)\s+)?(?P<d>{{DAYNUM}})\s+(?:of\s+)?(?P<mon>{{MONTH}})"
        r"(?:\s*,?\s*(?P<yr>{{YEAR4}})|\s+(?:of\s+|de\s+)?(?P<yr>{{RELYEAR}})|\s+(?P<post>{{RELPOST}}))?"
        r"|(?:{{LEAD}})(?:{{WEEKDAY}}\s*,?\s+)?(?P<mon>{{MONTH}})\s+(?:the\s+)?(?P<d>{{DAYNUM}})"
        r"(?:\s*,\s*(?P<yr>{{YEAR4}})|\s+(?P<yr>{{YEAR4}})|\s+(?:of\s+|de\s+)?(?P<yr>{{RELYEAR}}))?",
        _res_day,
    ),
    (
        "numeric_date",
        "numeric year",
        r"(?:{{LEAD}})(?:(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/.]\d)"
        r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d]))",
        _res_numeric_date,
    ),
    ("dayword", "day", r"(?:{{LEAD}})(?P<dw>{{DAYWORDS}})", _res_dayword),
    (
        "weekday",
        "weekday",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?:(?P<pre>{{RELPRE}})\s+)?(?P<wd>{{WEEKDAY}})(?:\s+(?P<post>{{RELPOST}}))?"
        r"(?:\s+(?:the\s+|le\s+)?(?P<d>{{DAYNUM}}))?",
        _res_weekday,
    ),
    (
        "month",
        "month",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?:(?P<pre>{{RELPRE}})\s+|(?P<head>{{MONTHHEAD}}))?"
        r"(?P<mon>{{MONTH}})(?:\s+(?P<post>{{RELPOST}}))?",
        _res_month,
    ),
    (
        "year",
        "year num unit",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?P<yr>{{RELYEAR}}|(?:(?:calendar\s+|fiscal\s+)?{{YEARUNIT}}\s+)?"
        r"{{YEAR4}}|(?<![\w-]){{YEARWORDS}})",
        _res_year,
    ),
]


# --------------------------------------------------------------------------------------------
# The finder


# How far from a trigger word a phrase may start (the longest heads: "pendant tout le reste de
# cette année") and end ("la semaine commençant le 4 février 2026").
_LEFT, _RIGHT = 50, 45


def _sentence_bounds(low: str, start: int, end: int) -> tuple[int, int]:
    a = max(
        low.rfind(".", 0, start),
        low.rfind("!", 0, start),
        low.rfind("?", 0, start),
        low.rfind("\n", 0, start),
    )
    b_candidates = [
        i
        for i in (low.find(". ", end), low.find("!", end), low.find("?", end), low.find("\n", end))
        if i != -1
    ]
    b = min(b_candidates) if b_candidates else len(low)
    return a + 1, b + 1


def _find(
    text: str, language: str, reference: date | None, context_year: int | None, reading: str | None
) -> list[Period]:
    lex = _lexicon(language)
    low = _lower_same_length(text)
    windows: list[tuple[int, int, set[str]]] = []
    for hit in lex.trigger.finditer(low):
        s, e = hit.span()
        a, b = max(0, s - _LEFT), min(len(low), e + _RIGHT)
        kind = hit.lastgroup or ""
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b), windows[-1][2] | {kind})
        else:
            windows.append((a, b, {kind}))
    if not windows:
        return []
    status_cache: dict[tuple[int, int], str] = {}

    def reading_at(s: int, e: int) -> str:
        if reading is not None:
            return reading
        bounds = _sentence_bounds(low, s, e)
        if bounds not in status_cache:
            cues = sentence_cues(text[bounds[0] : bounds[1]], lex.language)
            status_cache[bounds] = (
                ("nearest" if "actual" in cues else "future") if "planned" in cues else "past"
            )
        return status_cache[bounds]

    candidates: list[tuple[int, int, int, _Res]] = []
    for a, b, kinds in windows:
        for prio, (_name, pattern, fn, needs) in enumerate(lex.grammars):
            if needs.isdisjoint(kinds):
                continue
            for m in pattern.finditer(low, a, b, overlapped=False):
                if m.end() <= m.start():
                    continue
                ctx = _Ctx(lex, reference, context_year, "past", text, low)
                if reference is not None:
                    ctx.reading = reading_at(m.start(), m.end())
                res = fn(m, ctx)
                if res is not None:
                    s, e = m.span()
                    while e > s and low[e - 1].isspace():
                        e -= 1
                    while s < e and low[s].isspace():
                        s += 1
                    candidates.append((s, e, prio, res))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, int, _Res]] = []  # kept in reading order, never overlapping
    for c in candidates:
        at = bisect_left(taken, c[0], key=lambda t: t[0])
        if (at == 0 or taken[at - 1][1] <= c[0]) and (at == len(taken) or c[1] <= taken[at][0]):
            taken.insert(at, c)
    out = []
    for s, e, _prio, res in taken:
        period = Period(s, e, text[s:e], *res)
        out.append(_apply_modifier(period, text, low, lex, reference))
    return out


def _apply_modifier(p: Period, text: str, low: str, lex: _Lex, reference: date | None) -> Period:
    """ "fin 2025", "depuis 2014", "d'ici 2030": a word before the period changes its scope."""
    if lex.modifier_re is None or p.scope in ("rest_of_year", "year_to_date"):
        return p
    ends = [p.start]
    lead = regex.match(lex.macros["LEAD_RE"], low, pos=p.start, endpos=p.end)
    if lead and lead.end() > p.start:
        ends.append(lead.end())
    found = [x for x in (lex.modifier_re.search(low, max(0, e - 25), e) for e in ends) if x is not None]
    if not found:
        return p
    m = min(found, key=lambda x: x.start())
    s = min(m.start(), p.start)
    if m.group("within"):
        return Period(s, p.end, text[s : p.end], "unspecified", p.period_start, p.period_end, p.anchor)
    if m.group("since"):
        start, end = _open_interval(p.period_start, reference, named="start")
        # "depuis le 1er janvier": from the start of the reference's year to the reference is year to date
        from_new_year = (
            start is not None
            and end is not None
            and (start.month, start.day) == (1, 1)
            and start.year == end.year
            and p.scope == "day"
        )
        return Period(
            s,
            p.end,
            text[s : p.end],
            "year_to_date" if from_new_year else "unspecified",
            start,
            end,
            p.anchor,
        )
    if m.group("until"):
        start, end = _open_interval(reference, p.period_end, named="end")
        return Period(s, p.end, text[s : p.end], "unspecified", start, end, p.anchor)
    return p


def _open_interval(start: date | None, end: date | None, named: str) -> tuple[date | None, date | None]:
    """An interval bounded by the reference date on one side keeps only its named bound when the
    reference falls on the wrong side: "avant 1970" said in 2016 ends in 1970, start unknown."""
    if start is not None and end is not None and start > end:
        return (start, None) if named == "start" else (None, end)
    return start, end
