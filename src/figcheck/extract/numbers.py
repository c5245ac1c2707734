"""Figures in French and English news text: numbers with their qualifier, bounds and unit.

``scan(text, language)`` finds every number-like token (digit runs and number words), tells figures from
dates, years, times, ages, ordinals, identifiers, phone numbers and articles, and turns each figure into
a :class:`Quantity`: value, bounds, qualifier (``exact approx over at_least under at_most range``) and
the unit it counts or measures.

How it works: one compiled pattern finds the anchors (digit runs written with the language's separators,
and number words); everything else is read from a few characters around each anchor: a qualifier just
before it, a scale word and a unit just after, the context that makes it a date or an age. The wording
lists (number words, scale words, qualifiers, months, time and age wordings) are data files in
``figcheck/extract/data/`` (``numbers_*.yaml``, ``numbers_scales.csv``), and units come from
:mod:`figcheck.extract.units`.

Bounds follow one convention: ``exact`` lower = upper = value, inclusive; ``approx`` lower and upper are
value × (1 ∓ :data:`APPROX_TOLERANCE`), inclusive; ``over`` lower exclusive; ``at_least`` lower
inclusive; ``under`` upper exclusive; ``at_most`` upper inclusive; ``range`` value None, lower and upper
inclusive.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
import yaml
from text_to_num import text2num

from figcheck.extract.units import UnitEntry, UnitLexicon, default_units, normalize

__all__ = ["APPROX_TOLERANCE", "NumberToken", "Quantity", "Scan", "scan"]

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


# --------------------------------------------------------------------------------------------------
# Grammar: the data files compiled once per language

_SP = r"[ \t\u00a0\u202f\u2009]"  # spaces inside a number ("10 000", "10\u202f000")
_CURRENCY_SIGNS = "$€£¥₽₴₹₪"
_MAX_DIGITS = 15  # longer digit runs are not read as values


def _data(name: str) -> str:
    return resources.files("figcheck.extract").joinpath("data", name).read_text(encoding="utf-8")


def _frag(form: str) -> str:
    """A wording from a data file as a regex fragment: a space is any whitespace, ' any apostrophe."""
    return form.replace(" ", r"\s+").replace("'", r"['’]\s*")


def _alt(forms: list[str]) -> str:
    frags = sorted({_frag(f) for f in forms}, key=len, reverse=True)
    return "(?:" + "|".join(frags) + ")" if frags else "(?!)"


def _trie(words: list[str]) -> str:
    """An alternation of words as a prefix tree, so the anchor pattern tries few branches per position."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


@dataclass
class _Grammar:
    lang: str
    anchors: Any
    word_anchors: Any
    glued_words: Any
    urls: Any
    prepass: Any
    cardinals: frozenset[str]
    small_values: dict[str, float]
    scales: dict[str, float]
    articles: frozenset[str]
    halves: frozenset[str]
    points: frozenset[str]
    joiners: frozenset[str]
    ordinals: frozenset[str]
    standalone_ordinals: frozenset[str]
    homographs: frozenset[str]
    approx_nouns: dict[str, float]
    fractions: frozenset[str]
    tens: frozenset[str]
    abbrev_scale: Any
    scale_forms: dict[str, tuple[float, str]]
    gap_join: Any
    q_before: Any
    q_before_kinds: list[tuple[str, Any]]
    q_after: Any
    q_after_kinds: list[tuple[str, Any]]
    month_before: Any
    month_after: Any
    weekday_before: Any
    day_before: Any
    day_after: Any
    time_before: Any
    time_after: Any
    age_before: Any
    age_verbs: Any
    age_after: Any
    ago_before: Any
    ago_after: Any
    decade_before: Any
    label_before: Any
    change_before: Any
    time_zone_after: Any
    one_counts_before: Any
    one_counts_after: Any
    enumeration_joiner: Any
    proportions: Any
    proportion_values: dict[str, float]
    spaced_ordinal: Any
    label_spelled_before: Any
    model_after: Any
    range_between: Any
    range_from: Any
    gap_range_and: Any
    gap_range_to: Any
    gap_bare: Any
    gap_cents: Any
    not_units: frozenset[str]
    pre_noun: frozenset[str]
    ordinal_suffix: Any
    time_suffix: Any
    currency_before: Any
    pour_before: Any
    skip_de: Any
    word_after: Any
    coordinated_gap: Any
    measures_only: Any
    places: Any
    gap_range_or: Any
    rate_base_gap: Any
    idioms: Any
    extra: dict[str, Any] = field(default_factory=dict)


_I = regex.IGNORECASE | regex.VERSION0
_BOUND_L = r"(?<![\p{L}\p{N}])"
_BOUND_R = r"(?![\p{L}\p{N}])"


@lru_cache(maxsize=4)
def _grammar(lang: str) -> _Grammar:
    words = yaml.load(_data("numbers_words.yaml"), Loader=yaml.BaseLoader)[lang]
    quals = yaml.load(_data("numbers_qualifiers.yaml"), Loader=yaml.BaseLoader)[lang]
    ctx = yaml.load(_data("numbers_context.yaml"), Loader=yaml.BaseLoader)[lang]
    scale_rows = list(csv.DictReader(_data("numbers_scales.csv").splitlines()))

    cardinals = frozenset(w.lower() for w in words["cardinals"])
    scales = {k.lower(): float(v) for k, v in words["scales"].items()}
    articles = frozenset(words["articles"])
    halves = frozenset(words["halves"])
    points = frozenset(words["points"])
    joiners = frozenset(words["joiners"])
    ordinals = frozenset(w.lower() for w in words["ordinals"])
    homographs = frozenset(words.get("adjective_homographs") or [])
    approx_nouns = {k.lower(): float(v) for k, v in (words.get("approx_nouns") or {}).items()}
    fractions = frozenset(w.lower() for w in words.get("fractions") or [])
    small_values: dict[str, float] = {}
    for w in cardinals:
        try:
            small_values[w] = float(text2num(w, lang))
        except ValueError:
            pass
    tens = frozenset(w for w, v in small_values.items() if v in (20, 30, 40, 50, 60, 70, 80, 90))
    if lang == "en":
        small_values.setdefault("naught", 0.0)
        small_values.setdefault("nought", 0.0)

    anchor_words = sorted(
        cardinals | set(scales) | articles | halves | ordinals | set(approx_nouns), key=len, reverse=True
    )
    if lang == "fr":
        digits = (
            r"[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])(?:,[0-9]+)?"
            rf"|[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+(?![0-9])(?:,[0-9]+)?"
            r"|[0-9]+(?:[,.][0-9]+)?"
            r"|(?<![\w.,]),[0-9]+"
        )
    else:
        digits = (
            r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
            rf"|[0-9]{{1,3}}(?:{_SP}[0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?"
            r"|[0-9]+(?:\.[0-9]+)?"
            r"|(?<![\w.,])\.[0-9]+"
        )
    trie = _trie(anchor_words)
    anchors = regex.compile(rf"(?<![0-9])(?:{digits})", _I)
    word_anchors = regex.compile(rf"\b(?:{trie})\b", _I)
    glued_words = regex.compile(rf"(?:{trie})(?![\p{{L}}])", _I)
    months = _alt(ctx["months"])
    ampm = r"(?:[ap]\.?\s?m\b\.?|[ap]\.(?!\w))"
    urls = regex.compile(r"(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+\.[\w.]+", _I)
    prepass = regex.compile(
        r"(?P<date>(?<![\w/.:-])(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
        r"|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}"
        r"|(?:1[89]|20)[0-9]{2}\s?[/-]\s?(?:0?[1-9]|1[0-2])(?![0-9,.]?[0-9])"
        r"|(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:1[89]|20)[0-9]{2}"
        r"|[0-9]{1,2}/[0-9]{1,2})(?![\w/])"
        r"|[0-9]{1,2}(?:er|st|nd|rd|th|e)?[/-](?=" + months + r"))"
        r"|(?P<phone>(?<![\w+])\+[0-9][0-9\-./ ()]{6,}[0-9]|(?<![\w/.-])[0-9]{1,4}(?:-[0-9]{2,5}){2,}(?:/[0-9]+)?"
        r"|(?<![\w/.-])0[1-9](?:[ .][0-9]{2}){4}(?![0-9]))"
        r"|(?P<time>(?<![\w.,:])(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?" + ampm + r")?"
        r"|[0-9]{1,2}(?:[.][0-9]{2})?\s?" + ampm + r"|[0-9]{3,4}\s?[ap]\.?m\b\.?"
        r"|[0-9]{1,2}\s[ap]\sm\b"
        + (
            r"|[0-9]{1,2}\s?h\s?[0-9]{2}(?:\s?min(?:\s?[0-9]{1,2}\s?s)?)?(?![0-9])"
            r"|[0-9]{1,2}h(?:[0-9]{1,2}(?:min(?:[0-9]{1,2}s?)?)?)?(?![\p{L}0-9])"
            if lang == "fr"
            else ""
        )
        + r"))",
        _I,
    )

    scale_forms: dict[str, tuple[float, str]] = {}
    for row in scale_rows:
        if row["lang"] in (lang, "*"):
            scale_forms[row["form"]] = (float(row["multiplier"]), row["when"])
    abbrev = sorted(
        (f for f in scale_forms if f.lower() not in scales and f.lower() not in cardinals),
        key=len,
        reverse=True,
    )
    abbrev_scale = regex.compile(
        rf"(?:{_SP}?)(?P<s>{'|'.join(regex.escape(a) for a in abbrev)})(?![\p{{L}}])"
    )

    def before(forms: list[str], extra: str = "") -> Any:
        return regex.compile(rf"(?r){_BOUND_L}(?:{_alt(forms)}){extra}\s*\Z", _I)

    def after(forms: list[str]) -> Any:
        return regex.compile(rf"\s*(?:{_alt(forms)})(?![\p{{L}}])", _I)

    q_before_forms: list[str] = []
    q_before_kinds = []
    for kind, forms in quals["before"].items():
        q_before_forms.extend(forms)
        q_before_kinds.append((kind, regex.compile(rf"(?:{_alt(forms)})\Z", _I)))
    q_after_forms: list[str] = []
    q_after_kinds = []
    for kind, forms in quals["after"].items():
        q_after_forms.extend(forms)
        q_after_kinds.append((kind, regex.compile(rf"\s*(?:{_alt(forms)})", _I)))
    elision = (
        r"(?:\s+(?:de|of)|\s+d['’]\s*|(?<=\bd)['’]\s*)?(?:\s+(?:les|la|le)|\s+l['’])?"
        if lang == "fr"
        else r"(?:\s+of)?(?:\s+the)?"
    )
    # "dépasse désormais 3 000", "is now over 40": an adverb may stand between a verb and its number
    adverb = rf"(?:\s+(?:{_alt(quals.get('adverbs', []))}))?" if quals.get("adverbs") else ""
    q_before = regex.compile(
        rf"(?r){_BOUND_L}(?P<q>{_alt(q_before_forms)}){adverb}{elision}(?:\s*['’]\s*)?\s*\Z", _I
    )
    q_after = regex.compile(rf"\s*(?P<q>{_alt(q_after_forms)})(?![\p{{L}}])", _I)

    weekdays = _alt(ctx["weekdays"])
    day_articles = _alt(ctx["day_articles"])
    gap_join = regex.compile(
        rf"(?:\s*-\s*|{_SP}+|(?:\s+|\s*-\s*)(?P<j>{'|'.join(joiners)})(?:\s+|\s*-\s*)"
        rf"|\s+(?P<p>{'|'.join(points)})\s+)\Z",
        _I,
    )
    age_adv = _alt(ctx["age_adverbs"])
    ago_after_forms = ctx.get("ago_after") or []
    return _Grammar(
        lang=lang,
        anchors=anchors,
        word_anchors=word_anchors,
        glued_words=glued_words,
        urls=urls,
        prepass=prepass,
        cardinals=cardinals,
        small_values=small_values,
        scales=scales,
        articles=articles,
        halves=halves,
        points=points,
        joiners=joiners,
        ordinals=ordinals,
        standalone_ordinals=frozenset(
            {"premier", "première", "premiere", "premiers", "premières", "second", "seconde"}
            if lang == "fr"
            else set()
        ),
        homographs=homographs,
        approx_nouns=approx_nouns,
        fractions=fractions,
        tens=tens,
        abbrev_scale=abbrev_scale,
        scale_forms=scale_forms,
        gap_join=gap_join,
        q_before=q_before,
        q_before_kinds=q_before_kinds,
        q_after=q_after,
        q_after_kinds=q_after_kinds,
        month_before=regex.compile(rf"(?r){_BOUND_L}{months}\s*\.?\s*[,/-]?\s*(?:the\s+|le\s+)?\Z", _I),
        month_after=regex.compile(
            rf"(?:er|re|ère|st|nd|rd|th|e|ème)?[\s/.,-]*(?:of\s+|de\s+|du\s+mois\s+de\s+)?{months}(?![\p{{L}}])",
            _I,
        ),
        weekday_before=regex.compile(rf"(?r){_BOUND_L}{weekdays}\s*,?\s+(?:the\s+|le\s+)?\Z", _I),
        day_before=regex.compile(rf"(?r){_BOUND_L}{day_articles}\s+\Z", _I),
        day_after=regex.compile(rf"\s*(?:\Z|[.!?;:,)»\"]|(?:{_alt(ctx['day_closers'])})(?![\p{{L}}]))", _I),
        time_before=regex.compile(rf"(?r){_BOUND_L}{_alt(ctx['time_before'])}\s+\Z", _I),
        time_after=regex.compile(rf"[\s-]*(?:{_alt(ctx['time_after'])})", _I),
        age_before=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['age_before'])})(?:\s+{age_adv})*\s*\Z", _I),
        age_verbs=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['age_verbs'])})(?:\s+{age_adv})*\s*\Z", _I),
        age_after=regex.compile(rf"\s*(?:{_alt(ctx['age_after'])})(?![\p{{L}}])", _I),
        ago_before=before(ctx.get("ago_before") or []),
        ago_after=after(ago_after_forms) if ago_after_forms else regex.compile("(?!)"),
        decade_before=before(ctx.get("decades_before") or []),
        label_before=regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_alt(ctx['label_before'])})\s*\Z", _I),
        change_before=_change_before(ctx),
        label_spelled_before=regex.compile(
            rf"(?r){_BOUND_L}(?:{_alt(ctx['label_spelled_before'])})\s*\Z", _I
        ),
        model_after=regex.compile(rf"[ \t-](?:{_alt(ctx['model_after'])})(?![\p{{L}}\p{{N}}])", _I),
        spaced_ordinal=regex.compile(
            rf"{_SP}(?:{_alt(words.get('spaced_ordinal_suffixes') or [])})(?![\p{{L}}\p{{N}}'’])", _I
        ),
        proportions=_proportions(words),
        proportion_values={normalize(k): float(v) for k, v in (words.get("proportions") or {}).items()},
        one_counts_before=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['one_counts_before'])})\s+\Z", _I),
        one_counts_after=regex.compile(
            rf"(?:\s+[\p{{L}}-]+)?\s+(?:{_alt(ctx['one_counts_after'])})(?![\p{{L}}])", _I
        ),
        enumeration_joiner=regex.compile(rf"(?r)\s*(?:{_alt(ctx['enumeration_joiners'])})\s*\Z", _I),
        time_zone_after=regex.compile(rf"{_SP}?(?:{_alt(ctx['time_zones'])})(?![\p{{L}}])", _I),
        range_between=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['range_between'])})\s+\Z", _I),
        range_from=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['range_from'])})(?:\s+|['’]\s*)\Z", _I),
        gap_range_and=regex.compile(rf"\s*(?:{_alt(ctx['range_and'])})\s*\Z", _I),
        gap_range_to=regex.compile(rf"\s*-?\s*(?:{_alt(ctx['range_to'])})\s*\Z", _I),
        gap_bare=regex.compile(rf"\s*-?\s*(?:(?P<dash>[-–—])|(?:{_alt([*ctx['range_to']])}))\s*\Z", _I),
        gap_cents=regex.compile(rf"\s*(?:(?:{'|'.join(joiners)})\s+)?\Z", _I),
        not_units=frozenset(w.lower() for w in ctx["not_units"]),
        pre_noun=frozenset(w.lower() for w in ctx["pre_noun_adjectives"]),
        ordinal_suffix=regex.compile(
            r"(?:er|re|ère|ere|ers|ères|e|è|ème|eme|ième|ieme|èmes|es|nd|st|rd|th|de|d)(?![\p{L}0-9])"
            if lang == "fr"
            else r"(?:st|nd|rd|th|d|er|e|ème)(?![\p{L}0-9])",
            _I,
        ),
        time_suffix=regex.compile(r"(?:am|pm|a|p|h|ish|hrs)(?:\.|(?![\p{L}0-9]))", _I),
        currency_before=regex.compile(
            rf"(?r)(?<![\p{{L}}0-9])(?P<c>(?:[\p{{L}}.]{{1,4}}\s?)?[{_CURRENCY_SIGNS}](?:[A-Z]{{2,3}})?|[A-Z]{{3,4}}|Rs\.?|RM)"
            rf"{_SP}?\Z"
        ),
        pour_before=regex.compile(r"(?r)\bpour[\s-]\Z", _I),
        skip_de=regex.compile(r"\s*(?:de\s+|d['’]\s*|of\s+)", _I),
        word_after=regex.compile(r"[\s-]*(?P<w>[\p{L}][\p{L}\p{M}'’-]*)"),
        coordinated_gap=_coordinated_gap(ctx),
        rate_base_gap=_rate_base_gap(ctx),
        idioms=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx.get('idioms') or [])})\Z", _I),
        gap_range_or=regex.compile(rf"[ \t]+(?:{_alt(ctx['range_or'])})[ \t]+", _I),
        measures_only=regex.compile(rf"(?:{_alt(quals.get('measures_only') or [])})\Z", _I),
        places=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(quals.get('places') or [])})\Z", _I),
        extra={"decade_glued": regex.compile(r"'?s(?![\p{L}])")},
    )


def _change_before(ctx: dict[str, Any]) -> Any:
    """ "rose from", or a verb of change a few words before "from" / "de": "the toll increasing from"."""
    verbs = "|".join(ctx["change_verbs"])
    gap = r"(?:[ \t]+[^\s.,;:!?()«»\"0-9]+){0,5}"
    return regex.compile(
        rf"(?r){_BOUND_L}(?:{_alt(ctx['change_before'])}|(?:{verbs}){gap}[ \t]+(?:{_alt(ctx['change_from'])}))"
        r"(?:\s+|['’]\s*)?\Z",
        _I,
    )


def _rate_base_gap(ctx: dict[str, Any]) -> Any:
    """ " [1] fois sur ", " out of ", " in ": what stands between a rate's numerator and its base."""
    mark = r"(?:[ \t]?\[[0-9]{1,3}\])?"
    after_noun = rf"(?:[ \t]+[\p{{L}}'’-]+){{1,2}}[ \t]+{_alt(ctx['rate_base_after_noun'])}"
    after_number = rf"[ \t]+{_alt(ctx['rate_base_after_number'])}"
    return regex.compile(rf"{mark}(?:{after_noun}|{after_number})[ \t]+", _I)


def _coordinated_gap(ctx: dict[str, Any]) -> Any:
    """ " of measles and ", " or ": what may stand between a figure's unit and a number coordinated with it."""
    complement = rf"(?:[ \t]+{_alt(ctx['complement_prepositions'])}[ \t]*[\p{{L}}-]+)?"
    return regex.compile(rf"{complement}[ \t]+{_alt(ctx['coordination_joiners'])}[ \t]+", _I)


def _proportions(words: dict[str, Any]) -> Any:
    """ "la moitié de", "two thirds of": a fraction of a whole, not after "the first half"."""
    forms = list(words.get("proportions") or {})
    if not forms:
        return regex.compile("(?!)")
    not_after = _alt(words.get("proportion_not_after") or [])
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?<!{not_after}\s+)(?P<f>{_alt(forms)})"
        rf"(?=\s+(?:{_alt(words['proportion_of'])})(?![\p{{L}}]|\s+[0-9]{{4}})|\s*d['’])",
        _I,
    )


# --------------------------------------------------------------------------------------------------
# Values


def _digits_value(raw: str, lang: str) -> tuple[float | None, bool]:
    """The value of a digit run and whether it is an integer; None when it is not a number."""
    s = raw
    for sp in " \t\u00a0\u202f\u2009":
        s = s.replace(sp, "")
    if lang == "fr":
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
        elif s.count(".") > 1 or _DOT_GROUPS.fullmatch(s):
            s = s.replace(".", "")
    else:
        s = s.replace(",", "")
    digits = sum(c.isdigit() for c in s)
    if digits > _MAX_DIGITS or s.count(".") > 1:
        return None, False
    try:
        value = float(s)
    except ValueError:
        return None, False
    return value, "." not in s


@lru_cache(maxsize=4096)
def _words_value(words: tuple[str, ...], lang: str) -> float | None:
    """The value of number words below the large scales ("deux cent deux mille"), or None."""
    if not words:
        return None
    if len(words) == 1:
        g = _grammar(lang)
        if words[0] in ("cents", "hundreds", "thousands", "vingts"):
            return None
        v = g.small_values.get(words[0])
        if v is not None:
            return v
    ws = list(words)
    if lang == "en" and ws[0] in ("a", "an") and len(ws) > 1:
        ws[0] = "one"
    if lang == "en" and ws[0] in ("hundred", "thousand"):
        ws.insert(0, "one")
    if lang == "en":
        ws = ["zero" if w in ("naught", "nought") else w for w in ws]
        ws = ["forty" if w == "fourty" else w for w in ws]
    if lang == "fr" and ws[0] in ("une",) and len(ws) > 1:
        return None
    if ws[0] in ("et", "and") or ws[-1] in ("et", "and"):
        return None
    try:
        return float(text2num(" ".join(ws), lang))
    except (ValueError, IndexError, KeyError, TypeError):
        return None


# --------------------------------------------------------------------------------------------------
# Anchors: numbers as found in the text


@dataclass(slots=True)
class _Num:
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


def _word_tokens(
    g: _Grammar, text: str, matches: list[tuple[int, int, str]]
) -> list[list[tuple[str, int, int]]]:
    """Consecutive number words joined into runs ("vingt et un", "two point five", "un million et demi")."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for s, e, w in matches:
        lw = w.lower()
        if current:
            prev_end = current[-1][2]
            gap = text[prev_end:s]
            m = g.gap_join.match(gap) if len(gap) < 12 else None
            last = current[-1][0]
            if m is not None and last not in g.ordinals and not (last in g.articles and lw in g.articles):
                if m.group("j"):
                    js = prev_end + m.start("j")
                    current.append((m.group("j").lower(), js, js + len(m.group("j"))))
                elif m.group("p"):
                    current.append((".", prev_end + m.start("p"), prev_end + m.end("p")))
                current.append((lw, s, e))
                continue
            runs.append(current)
        current = [(lw, s, e)]
    if current:
        runs.append(current)
    return runs


def _parse_run(g: _Grammar, run: list[tuple[str, int, int]], lead: float | None = None) -> float | None:
    """The value of a whole run of number words (lead: a digit value before it, "1,5 million"), or None."""
    words = [w for w, _, _ in run]
    total = 0.0
    seg: list[str] = []
    seg_value: float | None = lead
    pending_half = False
    last_scale = 0.0
    i = 0
    n = len(words)
    has_scale = False
    while i < n:
        w = words[i]
        scale = g.scales.get(w)
        if (
            scale is None
            and w in ("mille", "thousand", "thousands", "millier", "milliers")
            and (seg_value is not None and not seg)
        ):
            scale = 1000.0
        if scale is None and w in ("millier", "milliers"):
            scale = 1000.0
        if scale is not None:
            if seg:
                if all(x in g.articles for x in seg) and len(seg) == 1:
                    base = 1.0
                elif seg == ["un", "demi"] or seg == ["a", "half"] or seg in (["demi"], ["half"]):
                    base = 0.5
                else:
                    half = _split_half(g, seg)
                    if half is None:
                        return None
                    base = half
            elif seg_value is not None:
                base = seg_value
            elif pending_half:
                base = 0.5
            else:
                return None
            total += base * scale
            last_scale = scale
            has_scale = True
            seg, seg_value, pending_half = [], None, False
            i += 1
            # "un million et demi", "3 million and a half"
            rest = words[i:]
            if rest[:1] and rest[0] in g.joiners:
                tail = rest[1:]
                if tail[:1] and tail[0] in ("a", "an"):
                    tail = tail[1:]
                if tail[:1] and tail[0] in g.halves:
                    total += 0.5 * scale
                    i = n - len(tail) + 1
                    continue
            if rest[:1] and rest[0] in g.joiners:
                i += 1
            continue
        if w in g.halves and not seg and seg_value is None and i + 1 < n:
            pending_half = True
            i += 1
            continue
        if w == ".":
            int_part = _split_half(g, seg) if seg else seg_value
            if int_part is None:
                return None
            j = i + 1
            decimals = ""
            while j < n and words[j] not in g.scales:
                v = g.small_values.get(words[j])
                if v is None or v >= 10 or not float(v).is_integer():
                    break
                decimals += str(int(v))
                j += 1
            if not decimals:
                return None
            seg, seg_value = [], float(f"{int(int_part)}.{decimals}")
            i = j
            continue
        if seg_value is not None and not seg:
            return None
        seg.append(w)
        i += 1
    if seg:
        v = _split_half(g, seg)
        if v is None:
            return None
        if has_scale and last_scale and v >= last_scale:
            return None
        total += v
    elif seg_value is not None:
        total += seg_value
    elif pending_half:
        return None
    return total


def _split_half(g: _Grammar, seg: list[str]) -> float | None:
    """Words below the scales, with "and a half" / "et demi" at the end."""
    if len(seg) >= 2 and seg[-1] in g.halves:
        k = len(seg) - 1
        if seg[k - 1] in ("a", "an"):
            k -= 1
        if k >= 1 and seg[k - 1] in g.joiners:
            base = _words_value(tuple(seg[: k - 1]), g.lang)
            return None if base is None else base + 0.5
        if seg[:-1] == ["un"] or seg[:-1] == ["a"]:
            return 0.5
        return None
    if any(w in g.halves for w in seg):
        return None
    return _words_value(tuple(seg), g.lang)


# --------------------------------------------------------------------------------------------------
# The scanner


class _Scanner:
    def __init__(self, text: str, lang: str, units: UnitLexicon) -> None:
        self.text = text
        self.lang = lang
        self.g = _grammar(lang)
        self.units = units
        self.nums: list[_Num] = []
        self.starts: list[int] = []
        self.groups = 0

    # ---- anchors -------------------------------------------------------------------------------
    def find(self) -> None:
        text, g = self.text, self.g
        pre: list[tuple[int, int, str]] = []
        if "www." in text or "://" in text or "@" in text:
            pre = [(m.start(), m.end(), "url") for m in g.urls.finditer(text)]
        items: list[tuple[int, int, str, str]] = []
        covered = -1
        for m in g.anchors.finditer(text):
            s0, e0 = m.span()
            items.append((s0, e0, "d", m.group()))
            if e0 <= covered:
                continue
            # numeric dates, phone numbers and clock times around this digit run
            at = s0 - 1 if s0 > 0 and text[s0 - 1] == "+" else s0
            pm = g.prepass.match(text, at)
            if pm is not None:
                pre.append((pm.start(), pm.end(), pm.lastgroup or ""))
                covered = pm.end()
            elif e0 < len(text) and text[e0].isalpha():
                gm = g.glued_words.match(text, e0)
                if gm is not None:
                    items.append((gm.start(), gm.end(), "w", gm.group()))
        for m in g.word_anchors.finditer(text):
            items.append((m.start(), m.end(), "w", m.group()))
        items.sort()
        pre.sort()
        # words between digit anchors form runs; a digit anchor splits runs
        nums: list[_Num] = []
        pending_words: list[tuple[int, int, str]] = []

        def flush_words() -> None:
            if pending_words:
                for run in _word_tokens(g, text, pending_words):
                    self._add_run(run, nums)
                pending_words.clear()

        i = 0
        while i < len(items):
            s, e, typ, raw = items[i]
            if typ == "w":
                lw = raw.lower()
                if lw == "cent" and self.lang == "fr" and g.pour_before.search(text, max(0, s - 6), s):
                    i += 1
                    continue
                pending_words.append((s, e, raw))
                i += 1
                continue
            flush_words()
            num = self._digit_num(s, e, raw)
            # a scale word run right after the digits: "2 millions", "1,5 milliard", "2millions"
            j = i + 1
            if num.value is not None and j < len(items) and items[j][2] == "w":
                gap = text[e : items[j][0]]
                if len(gap) <= 1 and (gap == "" or gap.isspace()):
                    run_items = []
                    k = j
                    while k < len(items) and items[k][2] == "w":
                        run_items.append((items[k][0], items[k][1], items[k][3]))
                        k += 1
                    runs = _word_tokens(g, text, run_items)
                    first = runs[0]
                    if first[0][0] in g.scales or first[0][0] in ("mille", "thousand", "millier", "milliers"):
                        # the longest prefix of the run that reads as a multiplier of the digits
                        best = None
                        for cut in range(len(first), 0, -1):
                            v = _parse_run(g, first[:cut], lead=num.value)
                            if v is not None:
                                best = (cut, v)
                                break
                        if best is not None:
                            cut, v = best
                            num.mult = v / num.value if num.value else 1.0
                            num.value = v
                            num.end = first[cut - 1][2]
                            num.plain = False
                            num.integer = float(v).is_integer()
                            consumed_until = num.end
                            nums.append(num)
                            i = j
                            while i < len(items) and items[i][2] == "w" and items[i][1] <= consumed_until:
                                i += 1
                            continue
            nums.append(num)
            i += 1
        flush_words()
        nums.sort(key=lambda n: n.start)
        # the pre-pass spans (URLs, numeric dates, phone numbers, clock times) decide first; the
        # anchors inside one span become one token ("21/04/2016", "4pm")
        if pre:
            k = 0
            kept: list[_Num] = []
            for n in nums:
                while k < len(pre) and pre[k][1] <= n.start:
                    k += 1
                if k < len(pre) and pre[k][0] < n.end:
                    ps, pe, kind = pre[k]
                    if (
                        kept
                        and kept[-1].kind
                        and kept[-1].start == min(ps, kept[-1].start)
                        and kept[-1].end == max(pe, n.end)
                    ):
                        continue
                    n.kind = {"url": "identifier"}.get(kind, kind)
                    n.start, n.end = min(ps, n.start), max(pe, n.end)
                kept.append(n)
            nums = kept
        self.nums = self._with_proportions(nums)
        self.starts = [n.start for n in self.nums]

    def _with_proportions(self, nums: list[_Num]) -> list[_Num]:
        """Fractions of a whole as percent figures ("la moitié de la ville" = 50 %), replacing their words."""
        found = [
            _Num(m.start(), m.end(), self.g.proportion_values[normalize(m.group("f"))], proportion=True)
            for m in self.g.proportions.finditer(self.text)
        ]
        if not found:
            return nums
        percent = self.units.lookup("%", self.lang)
        for p in found:
            p.unit, p.integer = percent, False
        kept = [n for n in nums if not any(n.start < p.end and p.start < n.end for p in found)]
        return sorted(kept + found, key=lambda n: n.start)

    def _digit_num(self, s: int, e: int, raw: str) -> _Num:
        text, g = self.text, self.g
        value, integer = _digits_value(raw, self.lang)
        num = _Num(s, e, value, integer=integer)
        compact = raw.isdigit()
        num.plain = compact and not raw.startswith("0") or raw == "0"
        if value is None:
            num.kind = "unparsed"
            return num
        # letters glued before the digits: a currency code ("USD3.14", "Rs20") or an identifier ("J1149")
        if s > 0 and (text[s - 1].isalpha() or text[s - 1] in "+#" and s > 1 and text[s - 2].isalnum()):
            k = s
            while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "$."):
                k -= 1
            prefix = text[k:s]
            entry = self.units.lookup(prefix, self.lang) if prefix else None
            if entry is not None and entry.kind == "currency" and (k == 0 or not text[k - 1].isalnum()):
                num.prefix_start, num.prefix_unit = k, entry
            else:
                num.kind = "identifier"
                return num
        elif s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
            k = s - 1
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            if any(c.isupper() for c in text[k : s - 1]):
                num.kind = "identifier"
                return num
        # what is glued right after the digits
        if e < len(text) and (text[e].isalpha() or text[e] in _CURRENCY_SIGNS + "%°²µμ"):
            k = e
            while k < len(text) and (text[k].isalnum() or text[k] in _CURRENCY_SIGNS + "%°²³µμ/$"):
                k += 1
            suffix = text[e:k]
            if _LETTER_DIGIT.search(suffix) and not self.units.lookup(suffix, self.lang):
                num.kind = "identifier"
                return num
            om = g.ordinal_suffix.match(text, e)
            if om is not None and num.integer and compact:
                num.kind = "ordinal"
                num.end = om.end()
                return num
            dm = g.extra["decade_glued"].match(text, e)
            if dm is not None and compact and len(raw) in (2, 4):
                num.kind = "year"
                num.end = dm.end()
                return num
        return num

    def _add_run(self, run: list[tuple[str, int, int]], nums: list[_Num]) -> None:
        g = self.g
        words = [w for w, _, _ in run]
        # an ordinal word closes its run: "twenty-first", "cent vingt-cinquième"
        if words[-1] in g.ordinals:
            first = 0
            while first < len(words) - 1 and words[first] in ("a", "an", "un", "une", "the"):
                first += 1
            if words[-1] in g.standalone_ordinals:
                first = len(words) - 1
            for w, s, e in run[:first]:
                self._add_run([(w, s, e)], nums)
            n = _Num(run[first][1], run[-1][2], None, spelled=True, kind="ordinal")
            nums.append(n)
            return
        if words[-1] in g.approx_nouns:
            # "une centaine", "une vingtaine": about 100, about 20
            # "une centaine", "a dozen", "two dozen": a count of the approximate noun
            base = 1.0 if len(words) == 2 and words[0] in g.articles else None
            if base is None and len(words) == 2 and words[0] in g.small_values:
                base = g.small_values[words[0]]
            if base is not None:
                n = _Num(
                    run[0][1], run[-1][2], base * g.approx_nouns[words[-1]], spelled=True, approx_word=True
                )
                nums.append(n)
            elif len(words) > 1:
                self._add_run(run[:-1], nums)
            return
        v = _parse_run(g, run)
        if v is not None and len(words) == 1 and words[0] in g.articles:
            n = _Num(run[0][1], run[0][2], v, spelled=True, lone_article=words[0])
            nums.append(n)
            return
        if v is not None:
            n = _Num(run[0][1], run[-1][2], v, spelled=True, integer=float(v).is_integer())
            n.homograph = len(words) == 1 and words[0] in g.homographs
            n.mult = max((g.scales.get(w, 1.0) for w in words), default=1.0)
            nums.append(n)
            return
        # not one number: the longest pieces that are ("vingt et un" | "cinq trente")
        self.groups += 1
        gid = self.groups
        i = 0
        while i < len(run):
            if run[i][0] in g.joiners or run[i][0] == "." or run[i][0] in g.halves:
                i += 1
                continue
            best = None
            for j in range(len(run), i, -1):
                if run[j - 1][0] in g.joiners or run[j - 1][0] == ".":
                    continue
                v = _parse_run(g, run[i:j])
                if v is not None:
                    best = (j, v)
                    break
            if best is None:
                i += 1
                continue
            j, v = best
            sub = [w for w, _, _ in run[i:j]]
            if len(sub) == 1 and sub[0] in g.articles:
                n = _Num(run[i][1], run[j - 1][2], v, spelled=True, lone_article=sub[0])
            else:
                n = _Num(run[i][1], run[j - 1][2], v, spelled=True, integer=float(v).is_integer())
                n.mult = max((g.scales.get(w, 1.0) for w in sub), default=1.0)
            n.group = gid
            nums.append(n)
            i = j

    # ---- context -------------------------------------------------------------------------------
    def units_for(self, n: _Num) -> None:
        """The currency sign before the number and the unit after it (with a glued scale or "de")."""
        text, g, lex = self.text, self.g, self.units
        lang = self.lang
        if n.prefix_start is None and n.start > 0:
            m = g.currency_before.search(text, max(0, n.start - 8), n.start)
            if m is not None:
                c = m.group("c")
                entry = lex.lookup(c, lang)
                mult = 1.0
                if entry is None and len(c) == 4 and c[0] == "M":
                    entry = lex.lookup(c[1:], lang)
                    mult = 1e6 if entry is not None and entry.kind == "currency" else 1.0
                if entry is None and c[-1] in _CURRENCY_SIGNS:
                    entry = lex.lookup(c[-1], lang)
                    if entry is not None:
                        c = c[-1]
                if entry is not None and entry.kind in ("currency", "cents"):
                    n.prefix_start = m.start("c") + (len(m.group("c")) - len(c))
                    n.prefix_unit = entry
                    if mult != 1.0 and n.value is not None:
                        n.value *= mult
                        n.mult *= mult
        pos = n.end
        # abbreviated scale after digits: "5bn", "1.8M", "$5m", "3 Mds"
        if not n.spelled and n.value is not None and n.mult == 1.0:
            m = g.abbrev_scale.match(text, pos)
            if m is not None:
                form = m.group("s")
                mult, when = g.scale_forms[form]
                glued = m.start("s") == pos
                after_sign = m.end() < len(text) and text[m.end()] in _CURRENCY_SIGNS
                money = n.prefix_unit is not None or after_sign
                if len(form) == 1 and not glued and not after_sign:
                    pass
                elif when == "money" and not money:
                    pass
                else:
                    n.value *= mult
                    n.mult = mult
                    n.end = m.end()
                    n.plain = False
                    n.integer = float(n.value).is_integer()
                    pos = n.end
        hit = self._unit_at(pos, allow_de=True)
        if hit is not None:
            entry, us, ue, utext, scale = hit
            if scale != 1.0 and n.value is not None:
                n.value *= scale
                n.mult *= scale
            n.unit, n.unit_start, n.unit_end, n.unit_text = entry, us, ue, utext
            n.glued_unit = us == n.end
        elif n.prefix_unit is not None:
            n.unit = n.prefix_unit
            n.unit_start = n.prefix_start
            n.unit_end = n.start
            n.unit_text = text[n.prefix_start : n.start].strip() if n.prefix_start is not None else None

    def _unit_at(self, pos: int, allow_de: bool) -> tuple[UnitEntry, int, int, str, float] | None:
        """A known unit (or a "M" + currency code) starting at pos, skipping "de"/"of" when allowed."""
        text, lex, lang = self.text, self.units, self.lang
        start = pos
        if allow_de:
            m = self.g.skip_de.match(text, pos)
            if m is not None:
                start = m.end()
        while start < len(text) and text[start] in " \t\r\n\u00a0\u202f-[{(":
            if text[start] == "\n" and "\n" in text[pos:start]:
                break  # a number ends its paragraph: the next one does not hold its unit
            if text[start] in "[{(" and start > pos + 1:
                break
            start += 1
        if start >= len(text):
            return None
        window = text[start : start + 48]
        chunks = list(_CHUNK.finditer(window))[: lex.max_words + 2]
        if not chunks:
            return None
        first = chunks[0]
        if first.start() != 0:
            return None
        head = first.group()
        bare = head.rstrip(".,;:!?)»\"'’]}")
        if (
            bare not in lex.first_words
            and head not in lex.first_words
            and normalize(bare).split(" ")[0] not in lex.first_words
            and not (len(bare) == 4 and bare[0] == "M")
        ):
            return None
        for k in range(min(len(chunks), lex.max_words + 1), 0, -1):
            end = chunks[k - 1].end()
            phrase = window[:end]
            stripped = phrase.rstrip(".,;:!?)»\"'’]}")
            for cand in (stripped, phrase) if stripped != phrase else (phrase,):
                if not cand:
                    continue
                entry = lex.lookup(cand, lang)
                if entry is not None:
                    return entry, start, start + len(cand), cand, 1.0
        tok = first.group().rstrip(".,;:!?)»\"'’]}")
        if len(tok) == 4 and tok[0] == "M" and tok[1:].isupper():
            entry = lex.lookup(tok[1:], lang)
            if entry is not None and entry.kind == "currency":
                return entry, start, start + 4, tok, 1e6
        # the symbol glued to the digits may be followed by letters: "10km/hr"
        return None

    def unknown_noun(self, n: _Num) -> None:
        """The counted noun when no known unit follows: "20 restaurants", "unités de X"."""
        text, g = self.text, self.g
        pos = n.end
        mark = _FOOTNOTE_AT.match(text, pos)  # "6 [1] fois": the noun is after the footnote mark
        if mark is not None:
            pos = mark.end()
        if n.mult > 1.0 or n.approx_word:
            m = g.skip_de.match(text, pos)
            if m is not None:
                pos = m.end()
        m = g.word_after.match(text, pos)
        if m is None or m.start("w") - pos > 2 and not text[pos : m.start("w")].isspace():
            return
        if text[pos : m.start("w")].count("\n"):
            return
        w = m.group("w").rstrip("'’-")
        lw = w.lower()
        if lw in g.pre_noun:
            m2 = g.word_after.match(text, m.end())
            if m2 is None:
                return
            w = m2.group("w").rstrip("'’-")
            lw = w.lower()
            m = m2
        if (
            len(lw) < 3
            or lw in g.not_units
            or lw.split("'")[0] in g.not_units
            or lw.split("’")[0] in g.not_units
            or w[0].isupper()
            or lw in g.cardinals
            or lw in g.scales
            or lw in g.ordinals
        ):
            return
        key = normalize(w)
        start = m.start("w")
        end = start + len(w)
        rest = self.units.strip_head(normalize(text[start : start + 40]), self.lang)
        if rest is not None:
            # "unités de X": the unit is X
            mm = _HEAD_OF.match(text, start)
            if mm is not None:
                key = normalize(mm.group(1))
                end = mm.end(1)
        n.unit = UnitEntry(key, "noun")
        n.unit_start, n.unit_end = start, end
        n.unit_text = text[start:end]

    def qualifier_for(self, n: _Num) -> None:
        text, g = self.text, self.g
        head = n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start
        n.qstart = head
        m = g.q_before.search(text, max(0, head - 48), head)
        if m is not None and self._bounds_this(n, m) and not self._place_before(n, m):
            q = m.group("q")
            for kind, pat in g.q_before_kinds:
                if pat.fullmatch(q):
                    n.qualifier = kind
                    break
            n.qstart = m.start("q")
        tail = (
            n.unit_end
            if n.unit_end is not None and n.unit_start is not None and n.unit_start >= n.end
            else n.end
        )
        if n.approx_word and n.qualifier == "exact":
            n.qualifier = "approx"
        for pos in {n.end, tail}:
            ma = g.q_after.match(text, pos)
            if ma is not None:
                q = ma.group("q")
                for kind, pat in g.q_after_kinds:
                    if pat.fullmatch(ma.group(0)) or pat.match(q):
                        if n.qualifier in ("exact",):
                            n.qualifier = kind
                            if pos == n.end:
                                n.qend = ma.end()
                        break
                break

    def _bounds_this(self, n: _Num, m: Any) -> bool:
        """Whether a qualifier wording read before the number qualifies it: "within" bounds a distance or a
        delay ("within two miles"), not a count ("within the 3 regions")."""
        if self.g.measures_only.fullmatch(m.group("q")):
            return n.unit is not None and n.unit.kind in ("measure", "time")
        return True

    def _place_before(self, n: _Num, m: Any) -> bool:
        """ "recovered from under eight metres of mud": after "from", "under" a measure names a place."""
        if n.unit is None or n.unit.kind != "measure":
            return False
        return self.g.places.search(self.text, max(0, m.start("q") - 12), m.end("q")) is not None

    def has_qualifier_before(self, n: _Num) -> bool:
        if n.has_q is None:
            head = n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start
            n.has_q = self.g.q_before.search(self.text, max(0, head - 48), head) is not None
        return n.has_q

    def classify(self, n: _Num) -> None:
        if n.kind:
            return
        text, g = self.text, self.g
        s, e = n.start, n.end
        before_lo = max(0, s - 60)
        v = n.value
        if v is None:
            n.kind = "unparsed"
            return
        if n.proportion:
            n.kind = "figure"
            return
        kind = self._marker_kind(n)
        if kind is not None:
            n.kind = kind
            return
        if n.lone_article is not None:
            if n.lone_article in ("a", "an"):
                n.kind = "article"
                return
            unit_kind = n.unit.kind if n.unit is not None else None
            if (
                unit_kind in ("currency", "cents", "measure", "percent")
                or n.lone_article == "one"
                and unit_kind == "count"
                or (self.has_qualifier_before(n) and self._qualifier_kind(n) not in (None, "exact"))
                or self._counting_one(n)
            ):
                pass
            else:
                n.kind = "article"
                return
        small = n.integer and 0 <= v <= 31
        unit_kind = n.unit.kind if n.unit is not None else None
        # "deux tiers", "two thirds": fractions are not read
        if n.unit is None and g.fractions:
            wm = g.word_after.match(text, e)
            if wm is not None and wm.group("w").lower() in g.fractions:
                n.kind = "unparsed"
                return
        # ages: "45 ans" after avoir, "45 years old", "âgé de 45 ans"
        after_age = g.age_after.match(text, e)
        if after_age is not None:
            n.kind = "age"
            return
        if (
            n.integer
            and v < 130
            and (n.unit is None or unit_kind == "time")
            and n.prefix_unit is None
            and g.age_before.search(text, before_lo, s)
        ):
            n.kind = "age"
            return
        if unit_kind == "time" and n.unit is not None and n.unit.unit in ("year", "month", "week", "day"):
            if g.age_verbs.search(text, before_lo, s) and not g.skip_de.match(text, n.unit_end or e):
                if not _IL_Y_A.search(text, before_lo, s):
                    n.kind = "age"
                    return
        if n.integer and 0 < v < 120 and self.lang == "en" and self._appositive_age(n):
            n.kind = "age"
            return
        # "il y a 5 ans", "5 years ago": a point in time
        if unit_kind == "time" and (g.ago_before.search(text, before_lo, s) or g.ago_after.match(text, e)):
            n.kind = "date"
            return
        if g.ago_after.match(text, e):
            n.kind = "date"
            return
        # months and weekdays: "le 4 février", "January 5", "janvier 2026", "Dimanche 5"
        year_like = n.integer and 1000 <= v <= 2100 and (n.plain or n.spelled) and n.mult == 1.0
        if g.month_after.match(text, e) and small:
            n.kind = "date"
            return
        if g.month_before.search(text, before_lo, s):
            if small:
                n.kind = "date"
                return
            if year_like:
                n.kind = "year"
                return
        if small and g.weekday_before.search(text, before_lo, s):
            n.kind = "date"
            return
        # clock times: "à 7", "at seven", "five to seven today", "fifteen past eight"
        qualified = self.has_qualifier_before(n)
        if n.group >= 0 and n.integer and v < 60 and g.time_after.match(text, e):
            n.kind = "time"
            return
        hour_unit = n.unit is not None and n.unit.unit == "hour"
        if (
            n.integer
            and 0 <= v <= 24
            and (n.unit is None or hour_unit)
            and n.prefix_unit is None
            and not qualified
        ):
            if hour_unit and g.time_before.search(text, before_lo, s) and not self._after_number(n):
                n.kind = "time"
                return
            if n.unit is None and g.time_after.match(text, e):
                n.kind = "time"
                return
            if _PAST_AFTER.match(text, e) or _PAST_BEFORE.search(text, max(0, s - 8), s):
                n.kind = "time"
                return
            if (
                n.unit is None
                and g.time_before.search(text, before_lo, s)
                and g.day_after.match(text, e)
                and not self._after_number(n)
            ):
                n.kind = "time"
                return
        # a bare day of the month: "le 27", "for the 27", "on 15 at 8:00"
        if (
            small
            and n.unit is None
            and v >= 1
            and g.day_before.search(text, before_lo, s)
            and g.day_after.match(text, e)
        ):
            if not self.has_qualifier_before(n):
                n.kind = "date"
                return
        # decades: "les années 90", "dans les années dix-neuf soixante-dix"
        if g.decade_before.search(text, before_lo, s):
            n.kind = "year"
            return
        # years: a bare 4-digit number from 1000 to 2100 with no qualifier, currency or unit
        if year_like and (n.plain or n.spelled) and n.prefix_unit is None and n.unit is None:
            if 1800 <= v <= 2100 and not self.has_qualifier_before(n):
                n.kind = "year"
                n.year_default = True
                return
        # labels and names before a number: "n° 5", "article 3", "Voyager 2", "English 101"
        if (
            not n.spelled
            and n.prefix_unit is None
            and n.unit is None
            and g.label_before.search(text, before_lo, s)
        ):
            n.kind = "identifier"
            return
        if n.plain and n.prefix_unit is None and (n.unit is None or unit_kind == "noun"):
            if n.unit is None and self._capitalised_before(n):
                n.kind = "identifier"
                return
        if n.homograph and n.unit is None and not self.has_qualifier_before(n) and not self._counts_nouns(n):
            n.kind = "drop"
            return
        if self._idiom(n):
            n.kind = "drop"
            return
        n.kind = "figure"

    def _marker_kind(self, n: _Num) -> str | None:
        """Numbers that the words around them mark as no figure, each class read by its own helper."""
        for kind, test in (
            ("identifier", self._footnote),
            ("time", self._clock_hhmm),
            ("identifier", self._name_part),
            ("ordinal", self._spaced_ordinal),
            ("year", self._year_tail),
        ):
            if test(n):
                return kind
        return None

    def _footnote(self, n: _Num) -> bool:
        """A footnote mark: "décès [2]," or "6 [1] fois", a bracketed number right after a word or number."""
        return n.plain and _FOOTNOTE.match(self.text, max(0, n.start - 3), n.end + 1) is not None

    def _clock_hhmm(self, n: _Num) -> bool:
        """A four-digit clock time before a time zone: "0100 UTC", "(1408 GMT)"."""
        raw = self.text[n.start : n.end]
        if len(raw) != 4 or not raw.isdigit() or int(raw[:2]) > 23 or int(raw[2:]) > 59:
            return False
        return self.g.time_zone_after.match(self.text, n.end) is not None

    def _name_part(self, n: _Num) -> bool:
        """A number inside a name: "737 Max", "51 Pegasi b", "numéro trois", "the Group of Seven"."""
        text, g, s = self.text, self.g, n.start
        if n.plain and n.unit is None and g.model_after.match(text, n.end):
            return _CAPITAL_AT.match(text, n.end) is not None
        if n.plain and _DESIGNATION_AFTER.match(text, n.end):
            return True
        if n.spelled and g.label_spelled_before.search(text, max(0, s - 30), s):
            return True
        return n.spelled and text[s].isupper() and _NAME_BEFORE.search(text, max(0, s - 40), s) is not None

    def _spaced_ordinal(self, n: _Num) -> bool:
        """A rank whose suffix stands apart from its digits: "19 e", "3 rd"."""
        return n.plain and self.g.spaced_ordinal.match(self.text, n.end) is not None

    def _year_tail(self, n: _Num) -> bool:
        """The second year of a fiscal year or season: "2019/20", "1990-95"."""
        if n.end - n.start != 2 or not self.text[n.start : n.end].isdigit():
            return False
        return _YEAR_SLASH_BEFORE.search(self.text, max(0, n.start - 8), n.start) is not None

    def _counting_one(self, n: _Num) -> bool:
        """ "un" / "one" that counts: "all but one", "one vote against", "44 Russes et un Ouzbek"."""
        text, g, s = self.text, self.g, n.start
        if g.one_counts_before.search(text, max(0, s - 20), s) or g.one_counts_after.match(text, n.end):
            return True
        joiner = g.enumeration_joiner.search(text, max(0, s - 6), s)
        noun = g.word_after.match(text, n.end)
        if joiner is None or noun is None or noun.group("w").lower() in g.not_units:
            return False  # "3 died and one of them was": a pronoun
        k = bisect.bisect_left(self.starts, s)
        prev = self.nums[k - 1] if k > 0 else None
        if (
            prev is None
            or prev.kind != "figure"
            or prev.unit is not None
            and prev.unit.kind not in ("noun", "count")
        ):
            return False
        # parallel counts: the figure before is followed by its noun only ("3 Belges et un Suisse")
        return _NOUN_ONLY.fullmatch(text, prev.end, joiner.start()) is not None

    def _idiom(self, n: _Num) -> bool:
        """ "coupées en deux par Daech", "split in two": a set phrase ends on the number, which counts nothing
        (like "remise à neuf", it is no number token at all)."""
        if n.unit is not None or self._noun_after(n):
            return False
        return self.g.idioms.search(self.text, max(0, n.start - 30), n.end) is not None

    def _counts_nouns(self, n: _Num) -> bool:
        """ "neuf candidats", "les neuf premiers mois": a homograph before a plural noun is a number."""
        m = self.g.word_after.match(self.text, n.end)
        if m is None or self.text[n.end : m.start("w")] not in (" ", "\u00a0"):
            return False
        w = m.group("w").lower()
        if w in self.g.not_units:
            return False
        return w in self.g.pre_noun or (w[-1] in "sx" and len(w) > 3)

    def _after_number(self, n: _Num) -> bool:
        """Whether another number ends just before this one ("de zéro à dix": "à" is not a clock time)."""
        if _CONNECTOR_BEFORE.search(self.text, max(0, n.start - 14), n.start) is None:
            return False
        k = bisect.bisect_left(self.starts, n.start)
        # a date just before is no range start: "le 1er août 2023 à 10 heures" gives a clock time
        return any(
            0 <= n.start - m.end <= 12 and m.kind not in ("date", "year")
            for m in self.nums[max(0, k - 2) : k]
        )

    def _qualifier_kind(self, n: _Num) -> str | None:
        m = self.g.q_before.search(self.text, max(0, n.start - 48), n.start)
        if m is None:
            return None
        q = m.group("q")
        for kind, pat in self.g.q_before_kinds:
            if pat.fullmatch(q):
                return kind
        return "exact"

    def _appositive_age(self, n: _Num) -> bool:
        """ "John Smith, 45, said": a number between commas after a capitalised name."""
        text = self.text
        if not n.plain:
            return False
        if not _COMMA_AFTER.match(text, n.end):
            return False
        return _NAME_COMMA_BEFORE.search(text, max(0, n.start - 30), n.start) is not None

    def _capitalised_before(self, n: _Num) -> bool:
        text = self.text
        m = _CAP_BEFORE.search(text, max(0, n.start - 40), n.start)
        if m is None:
            return False
        k = m.start()
        j = k
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] in ".!?\n":
            return False
        word = m.group("w")
        if word.lower() in self.g.not_units or word.lower() in self.g.cardinals:
            return False
        return True

    # ---- combining -------------------------------------------------------------------------------
    def propagate(self) -> None:
        """Both ends of "du 26 au 29 mai", "five to seven today", "entre 10 et 11h30" get one kind."""
        nums = [n for n in self.nums if n.kind not in ("drop",)]
        for a, b in itertools.pairwise(nums):
            gap = self.text[a.end : b.start]
            if len(gap) > 12:
                continue
            if not (self.g.gap_bare.match(gap) or self.g.gap_range_and.match(gap)):
                continue
            for x, y in ((a, b), (b, a)):
                if (
                    x.kind in ("date", "time")
                    and y.kind == "figure"
                    and y.unit is None
                    and y.prefix_unit is None
                ):
                    if y.integer and y.value is not None and y.value <= 31:
                        y.kind = x.kind
        self._propagate_age(nums)
        groups: dict[int, str] = {}
        for n in nums:
            if n.group >= 0 and n.kind in ("date", "time", "year"):
                groups.setdefault(n.group, n.kind)
        if groups:
            for n in nums:
                if n.group in groups and n.kind in ("figure", "article"):
                    n.kind = groups[n.group]

    def _propagate_age(self, nums: list[_Num]) -> None:
        """Both ends of an age range: "between six months and 19 years of age", "aged 5 to 12 years"."""
        g, text = self.g, self.text
        for a, b in itertools.pairwise(nums):
            x, y = (a, b) if a.kind == "age" else (b, a)
            if x.kind != "age" or y.kind != "figure" or y.prefix_unit is not None:
                continue
            if y.unit is not None and y.unit.kind != "time":
                continue
            if y is b and y.unit is None and not _CLAUSE_END.match(text, b.end):
                continue  # "Il a 45 ans et 3 enfants": the number after an age counts its own noun
            tail = (
                a.unit_end
                if a.unit_end is not None and a.unit_start is not None and a.unit_start >= a.end
                else a.end
            )
            gap = text[tail : b.start]
            if len(gap) <= 12 and (g.gap_bare.match(gap) or g.gap_range_and.match(gap)):
                y.kind = "age"

    def combine(self) -> list[_Num]:
        """Ranges ("entre 5 et 10", "10-20 euros") and money in two parts ("20 dollars 43 cents")."""
        text, g = self.text, self.g
        figs = [n for n in self.nums if n.kind == "figure"]
        out: list[_Num] = []
        i = 0
        while i < len(figs):
            a = figs[i]
            if i + 1 < len(figs):
                b = figs[i + 1]
                a_tail = a.unit_end if (a.unit_start is not None and a.unit_start >= a.end) else a.end
                b_head = (
                    b.prefix_start if b.prefix_start is not None and b.prefix_start < b.start else b.start
                )
                if self._rate_base(a, b):
                    b.merged = True
                    out.append(a)
                    i += 2
                    continue
                if a_tail <= b_head:
                    gap = text[a_tail:b_head]
                    gap_plain = text[a.end : b_head]
                    if (
                        a.unit is not None
                        and a.unit.kind == "currency"
                        and b.unit is not None
                        and b.unit.kind == "cents"
                        and b.prefix_unit is None
                        and g.gap_cents.match(gap)
                        and a.value is not None
                        and b.value is not None
                        and b.value < 100
                    ):
                        a.value = a.value + b.value / 100
                        a.integer = False
                        a.range_end = b.end
                        out.append(a)
                        i += 2
                        continue
                    r = self._range(a, b, gap, gap_plain)
                    if r:
                        out.append(a)
                        i += 2
                        continue
            out.append(a)
            i += 1
        return out

    def _range(self, a: _Num, b: _Num, gap: str, gap_plain: str) -> bool:
        text, g = self.text, self.g
        if len(gap) > 14 or a.value is None or b.value is None:
            return False
        head = a.prefix_start if a.prefix_start is not None and a.prefix_start < a.start else a.start
        lo = max(0, head - 40)
        if a.unit is not None and b.unit is not None and a.unit.unit != b.unit.unit:
            if not (a.unit.kind == "noun" or b.unit.kind == "noun"):
                return False
        qa = self._qualifier_kind(a) if g.q_before.search(text, max(0, head - 48), head) else None
        if qa not in (None,):
            return False
        if g.q_before.search(text, max(0, b.start - 48), b.start) and not (
            g.gap_range_and.match(gap) or g.gap_range_to.match(gap) or g.gap_bare.match(gap)
        ):
            return False
        start = None
        between = g.range_between.search(text, lo, head)
        from_ = g.range_from.search(text, lo, head)
        if between is not None and g.gap_range_and.match(gap):
            start = between.start()
        elif from_ is not None and g.gap_range_to.match(gap):
            if g.change_before.search(text, max(0, lo - 20), head):
                return False
            start = from_.start()
        elif self._alternatives(a, b, gap):
            start = head
        else:
            m = g.gap_bare.match(gap)
            if m is None:
                return False
            if g.change_before.search(text, max(0, lo - 20), head):
                return False
            if m.group("dash") and (a.kind != "figure" or a.year_default or b.year_default):
                return False
            if m.group("dash") and not gap.strip() == gap_plain.strip():
                if a.unit is not None and b.unit is None:
                    return False
            start = head
        lower, upper = a.value, b.value
        if self._scale_reaches(a, b) and lower * b.mult < upper:
            lower = lower * b.mult
        if not lower < upper:
            return False
        a.qualifier = "range"
        a.lower, a.upper = lower, upper
        a.qstart = start
        a.range_end = b.end
        if b.unit is not None and (a.unit is None or a.unit.kind == "noun" and b.unit.kind != "noun"):
            a.unit, a.unit_text, a.unit_start, a.unit_end = b.unit, b.unit_text, b.unit_start, b.unit_end
        b.merged = True
        return True

    def _rate_base(self, a: _Num, b: _Num) -> bool:
        """ "8 hospitalisations sur 10", "six times out of ten", "one in 100": the base of a rate.

        The README counts "X sur 10" as one rate figure, the numerator; yet the gold of "7 out of 20
        suspected cases" counts both 7 and 20. So only a round base (10, 100, 1000) that counts nothing
        after it is the rate's base, and no figure; any other second number is a count of its own.
        """
        if b.value not in _RATE_BASES or b.mult != 1.0 or b.unit is not None or b.prefix_unit is not None:
            return False
        if a.value is None or a.value > b.value or self._noun_after(b):
            return False
        return self.g.rate_base_gap.fullmatch(self.text, a.end, b.start) is not None

    def _alternatives(self, a: _Num, b: _Num, gap: str) -> bool:
        """ "5 ou 6 Gilets jaunes", "two or three days": close alternatives of one count, one range.

        The second is above the first and at most twice it ("10 or 20"), and what they count follows it;
        "1, 2 or 3 children" is a list, and two numbers named alone ("vingt et un ou vingt-deux") are two.
        """
        if not self.g.gap_range_or.fullmatch(gap) or a.value is None or b.value is None:
            return False
        upper = b.value / b.mult if self._scale_reaches(a, b) else b.value
        if not (a.integer and b.integer and a.value < upper <= 2 * a.value):
            return False
        if b.unit is None and not self._noun_after(b):
            return False
        k = bisect.bisect_left(self.starts, a.start)
        return k == 0 or _LIST_GAP.fullmatch(self.text, self.nums[k - 1].end, _head(a)) is None

    def _noun_after(self, n: _Num) -> bool:
        """Whether a word that may be a counted noun follows the number ("5 ou 6 Gilets jaunes")."""
        m = self.g.word_after.match(self.text, n.end)
        return m is not None and m.group("w").lower() not in self.g.not_units

    @staticmethod
    def _scale_reaches(a: _Num, b: _Num) -> bool:
        """ "between US$300 and 400 billion", "entre 2 et 3 milliards": the scale word of the second end
        applies to the first when the first has none and no unit after it (a currency sign before it may
        be its own or repeat the second's: "between $5 and $7 billion")."""
        if b.mult <= 1.0 or a.mult != 1.0:
            return False
        if a.unit is None:
            return True
        sign_only = a.prefix_unit is not None and _tail(a) == a.end
        return sign_only and (b.unit is None or b.unit.unit == a.unit.unit)

    # ---- output ---------------------------------------------------------------------------------
    def run(self) -> Scan:
        self.find()
        for n in self.nums:
            if n.kind:
                continue
            if n.lone_article in ("a", "an"):
                n.kind = "article"
                continue
            if not n.proportion:
                self.units_for(n)
        for n in self.nums:
            if not n.kind:
                n.qstart = n.prefix_start if n.prefix_start is not None else n.start
                self.classify(n)
        self.propagate()
        figures = self.combine()
        for n in figures:
            if n.qualifier != "range":
                if n.unit is None:
                    self.unknown_noun(n)
                self.qualifier_for(n)
        self._share_qualifiers(figures)
        quantities = [self._quantity(n) for n in figures]
        text = self.text
        tokens = tuple(
            NumberToken(n.start, n.end, text[n.start : n.end], n.kind) for n in self.nums if n.kind != "drop"
        )
        return Scan(tuple(quantities), tokens)

    def _share_qualifiers(self, figures: list[_Num]) -> None:
        """A qualifier reaches the figure that restates or extends its own, when that one has none."""
        for prev, n in itertools.pairwise(figures):
            if prev.qualifier in ("exact", "range") or n.qualifier != "exact" or n.qstart != _head(n):
                continue
            if self._converts(prev, n) or prev.qualifier == "approx" and self._coordinated(prev, n):
                n.qualifier = prev.qualifier

    def _converts(self, prev: _Num, n: _Num) -> bool:
        """ "about 160 km (100 miles)": a measure or an amount in brackets converts the figure before it."""
        if prev.unit is None or n.unit is None or n.unit.kind not in _CONVERTIBLE:
            return False
        if _BRACKET_OPEN.fullmatch(self.text, _tail(prev), _head(n)) is None:
            return False
        return _BRACKET_CLOSE.match(self.text, _tail(n)) is not None

    def _coordinated(self, prev: _Num, n: _Num) -> bool:
        """ "about 10 million cases of measles and 140 thousand deaths": one approximation for both.

        Only a plain coordination right after the figure's noun phrase, of a number that counts or
        measures something too: in "about 300 died and 20 were hurt" the second number starts a clause.
        Bounds are not shared: "au moins 9 morts et 49 blessés" gives 49 as it is (the news gold).
        """
        if n.unit is None:
            return False
        return self.g.coordinated_gap.fullmatch(self.text, _tail(prev), _head(n)) is not None

    def _quantity(self, n: _Num) -> Quantity:
        text = self.text
        v = n.value
        q = n.qualifier
        end = n.range_end if n.range_end >= 0 else max(n.end, n.qend)
        if q == "range":
            value, lower, upper, li, ui = None, n.lower, n.upper, True, True
        elif q == "exact":
            value, lower, upper, li, ui = v, v, v, True, True
        elif q == "approx":
            assert v is not None
            value, lower, upper, li, ui = (
                v,
                v * (1 - APPROX_TOLERANCE),
                v * (1 + APPROX_TOLERANCE),
                True,
                True,
            )
        elif q == "over":
            value, lower, upper, li, ui = v, v, None, False, None
        elif q == "at_least":
            value, lower, upper, li, ui = v, v, None, True, None
        elif q == "under":
            value, lower, upper, li, ui = v, None, v, None, False
        else:  # at_most
            value, lower, upper, li, ui = v, None, v, None, True
        start = n.qstart if 0 <= n.qstart <= n.start else n.start
        if n.prefix_start is not None and n.prefix_start < start:
            start = n.prefix_start
        unit = n.unit.unit if n.unit is not None else None
        return Quantity(
            start=start,
            end=end,
            text=text[start:end],
            value=_clean(value),
            lower=_clean(lower),
            upper=_clean(upper),
            lower_inclusive=li,
            upper_inclusive=ui,
            qualifier=q,
            unit=unit,
            unit_text=n.unit_text,
            unit_start=n.unit_start,
            unit_end=n.unit_end,
            unit_kind=n.unit.kind if n.unit is not None else None,
        )


_CHUNK = regex.compile(r"[^\s]+")
_RATE_BASES = (10.0, 100.0, 1000.0)
_LIST_GAP = regex.compile(r"[ \t]*[%]?[ \t]*,[ \t]*")
_CONVERTIBLE = ("measure", "currency")
_BRACKET_OPEN = regex.compile(r"[ \t\u00a0]*[(\[][ \t\u00a0]*")
_BRACKET_CLOSE = regex.compile(r"[ \t\u00a0]*[)\]]")
_CAPITAL_AT = regex.compile(r"[ \t-]\p{Lu}")
_DESIGNATION_AFTER = regex.compile(r" \p{Lu}\p{Ll}+ [b-h](?![\p{L}\p{N}'’])")
_NAME_BEFORE = regex.compile(
    r"(?r)(?<![.!?:«\"“][ \t]*)(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*[ \t]+(?:(?:of|the|de|des|du)[ \t]+)?\Z"
)
_YEAR_SLASH_BEFORE = regex.compile(r"(?r)(?<![\p{N}.,])(?:1[89]|20)[0-9]{2}[ \t]?[/–-][ \t]?\Z")
_CLAUSE_END = regex.compile(r"\s*(?:[.,;:)!?]|\Z)")
_NOUN_ONLY = regex.compile(r"[ \t]+[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+)?")
_FOOTNOTE_AT = regex.compile(r"[ \t]?\[[0-9]{1,3}\]")
_FOOTNOTE = regex.compile(r".?[\p{L}\p{N}.,;:!?)»\"’][ \t]?\[[0-9]{1,3}\]\Z")
_DOT_GROUPS = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_LETTER_DIGIT = regex.compile(r"[\p{L}][0-9]")
_HEAD_OF = regex.compile(r"[\p{L}\p{M}'’-]+\s+(?:de\s+|d['’]\s*|of\s+)([\p{L}\p{M}-]+)", regex.I)
_IL_Y_A = regex.compile(r"(?r)\by\s+a\s+(?:\S+\s+){0,3}\Z", regex.I)
_PAST_AFTER = regex.compile(r"\s+past\b", regex.I)
_PAST_BEFORE = regex.compile(r"(?r)\bpast\s+\Z", regex.I)
_CONNECTOR_BEFORE = regex.compile(r"(?r)[0-9\p{L}]\s*-?\s*\p{L}{1,7}\s+\Z")
_COMMA_AFTER = regex.compile(r",(?!\s*[0-9])")
_NAME_COMMA_BEFORE = regex.compile(r"(?r)\p{Lu}\p{Ll}+,\s*\Z")
_CAP_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}'’.-])(?P<w>\p{Lu}[\p{L}]*)[ \t]+\Z")


def _head(n: _Num) -> int:
    """Where a number starts, with its currency sign: "US$300" starts at "U"."""
    return n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start


def _tail(n: _Num) -> int:
    """Where a number ends, with the unit written after it: "160 km" ends after "km"."""
    return (
        n.unit_end if n.unit_end is not None and n.unit_start is not None and n.unit_start >= n.end else n.end
    )


def _clean(x: float | None) -> float | None:
    if x is None:
        return None
    if math.isinf(x) or math.isnan(x):
        return None
    return float(f"{x:.12g}")


def scan(text: str, language: str, units: UnitLexicon | None = None) -> Scan:
    """Every number-like token of ``text`` classified, and the figures among them as quantities.

    ``language`` is ``"fr"`` or ``"en"`` (a longer tag such as ``"fr-FR"`` is read by its prefix);
    ``units`` defaults to the packaged lexicon (:func:`figcheck.extract.units.default_units`).
    """
    if not text:
        return Scan((), ())
    lang = "fr" if language.lower().startswith("fr") else "en"
    return _Scanner(text, lang, units or default_units()).run()
