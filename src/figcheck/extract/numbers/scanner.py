"""The scan from start to end: the stages in order, then each figure as a :class:`Quantity`."""

from __future__ import annotations

import itertools
import math

import regex

from figcheck.extract.numbers.anchors import find_numbers
from figcheck.extract.numbers.classify import classify
from figcheck.extract.numbers.combine import combine_figures, propagate_kinds
from figcheck.extract.numbers.context import attach_counted_noun, attach_qualifier, attach_unit
from figcheck.extract.numbers.grammar import load_grammar
from figcheck.extract.numbers.records import (
    APPROX_TOLERANCE,
    FoundNumber,
    NumberToken,
    Quantity,
    Scan,
    ScanState,
    number_head,
    number_tail,
)
from figcheck.extract.units import UnitLexicon, default_units

_CONVERTIBLE = ("measure", "currency")
_BRACKET_OPEN = regex.compile(r"[ \t\u00a0]*[(\[][ \t\u00a0]*")
_BRACKET_CLOSE = regex.compile(r"[ \t\u00a0]*[)\]]")
# between two conversions in one bracket: "(14.95 acres; .0605 square km)"
_CONVERSIONS_APART = regex.compile(r"[ \t\u00a0]*[;,/][ \t\u00a0]*")


def run(state: ScanState) -> Scan:
    """Every number of the text classified, and its figures as quantities."""
    find_numbers(state)
    for n in state.nums:
        if n.kind:
            continue
        if n.lone_article in ("a", "an"):
            n.kind = "article"
            continue
        if not n.proportion:
            attach_unit(state, n)
    for n in state.nums:
        if not n.kind:
            n.qstart = n.prefix_start if n.prefix_start is not None else n.start
            classify(state, n)
    propagate_kinds(state)
    figures = combine_figures(state)
    for n in figures:
        if n.qualifier != "range":
            if n.unit is None:
                attach_counted_noun(state, n)
            attach_qualifier(state, n)
    _share_qualifiers(state, figures)
    quantities = [_quantity(state, n) for n in figures]
    text = state.text
    tokens = tuple(
        NumberToken(n.start, n.end, text[n.start : n.end], n.kind) for n in state.nums if n.kind != "drop"
    )
    return Scan(tuple(quantities), tokens)


def _share_qualifiers(state: ScanState, figures: list[FoundNumber]) -> None:
    """A qualifier reaches the figure that restates or extends its own, when that one has none."""
    converting = False  # `prev` is a conversion in brackets: the next one beside it converts the same
    for prev, n in itertools.pairwise(figures):
        beside = converting and _CONVERSIONS_APART.fullmatch(state.text, number_tail(prev), number_head(n))
        converting = False
        if prev.qualifier in ("exact", "range") or n.qualifier != "exact" or n.qstart != number_head(n):
            continue
        if _converts(state, prev, n, bool(beside)):
            n.qualifier, converting = prev.qualifier, True
        elif prev.qualifier == "approx" and _coordinated(state, prev, n):
            n.qualifier = prev.qualifier


def _converts(state: ScanState, prev: FoundNumber, n: FoundNumber, beside: bool = False) -> bool:
    """ "about 160 km (100 miles)": a measure or an amount in brackets converts the figure before it;
    so does the next one in the same brackets, `beside` it ("(14.95 acres; .0605 square km)")."""
    if prev.unit is None or n.unit is None or n.unit.kind not in _CONVERTIBLE:
        return False
    if not beside and _BRACKET_OPEN.fullmatch(state.text, number_tail(prev), number_head(n)) is None:
        return False
    tail = number_tail(n)
    return (
        _BRACKET_CLOSE.match(state.text, tail) is not None
        or _CONVERSIONS_APART.match(state.text, tail) is not None
    )


def _coordinated(state: ScanState, prev: FoundNumber, n: FoundNumber) -> bool:
    """ "about 10 million cases of measles and 140 thousand deaths": one approximation for both.

    Only a plain coordination right after the figure's noun phrase, of a number that counts or
    measures something too: in "about 300 died and 20 were hurt" the second number starts a clause.
    Bounds are not shared: "au moins 9 morts et 49 blessés" gives 49 as it is (the news gold).
    """
    if n.unit is None:
        return False
    return state.grammar.coordinated_gap.fullmatch(state.text, number_tail(prev), number_head(n)) is not None


def _quantity(state: ScanState, n: FoundNumber) -> Quantity:
    text = state.text
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
        counts_nothing=n.elapsed or n.score,
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
    return run(ScanState(text, lang, load_grammar(lang), units or default_units()))
