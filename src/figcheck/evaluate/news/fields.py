"""Field comparisons, pure functions of a gold figure and an extracted figure (dicts), and the one-to-one
matching of gold and extracted figures by overlap."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import regex

from figcheck.evaluate.numbers import same_number
from figcheck.text import strip_accents_compatible

SCORED_KINDS = frozenset({"count", "money", "percent", "rate"})
# the fields of a pair, in the order of the table; status_lenient is reported beside status
FIELDS = ("value", "qualifier", "unit", "period", "status", "status_lenient", "speaker")
BOUNDS = ("lower", "upper", "lower_inclusive", "upper_inclusive")
CONTEXT_CHARS = 160
WORD = regex.compile(r"[\p{L}\p{N}]+")
# written forms of the gold unit ``percent``
PERCENT = regex.compile(r"%|\b(?:pour|per)\s*cent\b", regex.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without accents."""
    return strip_accents_compatible(text.casefold())


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 2 and word[-1] in "sx" else word


def unit_words(text: str | None) -> list[str]:
    """The words of a unit, folded and singular; ``%`` reads ``percent``."""
    if not text:
        return []
    return [_singular(w) for w in WORD.findall(fold(PERCENT.sub(" percent ", text)))]


def names_unit(extracted: str | None, gold: str | None) -> bool:
    """Whether an extracted unit text names a gold unit word: the same after folding, or one of its words."""
    if gold and extracted and fold(gold.strip()) == fold(extracted.strip()):
        return True  # a symbol ("$") has no words, yet names itself
    want, have = unit_words(gold), unit_words(extracted)
    if not want or not have:
        return False
    return want == have or (len(want) == 1 and want[0] in have)


def value_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    return same_number(gold.get("value"), found.get("value"))


def qualifier_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """The same qualifier, and for all but ``approx`` the same bounds and inclusiveness."""
    if gold.get("qualifier") != found.get("qualifier"):
        return False
    return gold.get("qualifier") == "approx" or all(same_number(gold.get(k), found.get(k)) for k in BOUNDS)


def unit_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """The extracted unit or unit text names the gold unit or its English name."""
    golds = [u for u in (gold.get("unit"), gold.get("unit_norm")) if u]
    founds = [u for u in (found.get("unit"), found.get("unit_text")) if u]
    if not golds:
        return not founds
    return any(names_unit(f, g) for f in founds for g in golds)


def _iso(day: Any) -> str | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        return day.date().isoformat()
    if isinstance(day, dt.date):
        return day.isoformat()
    text = str(day)
    return text[:10] if text else None


def gold_period(gold: Mapping[str, Any]) -> tuple[str, str | None, str | None] | None:
    """(scope, first day, last day) of the gold period, or None."""
    period = gold.get("period")
    if not period:
        return None
    return (period.get("scope"), _iso(period.get("start")), _iso(period.get("end")))


def found_period(found: Mapping[str, Any]) -> tuple[str, str | None, str | None] | None:
    """(scope, first day, last day) of the extracted period, or None when it has none."""
    start, end = _iso(found.get("period_start")), _iso(found.get("period_end"))
    scope = found.get("period_scope")
    if start is None and end is None and scope in (None, "unspecified"):
        return None
    return (str(scope), start, end)


def period_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    return gold_period(gold) == found_period(found)


def status_right(gold: Mapping[str, Any], found: Mapping[str, Any], *, lenient: bool = False) -> bool:
    """The same status; ``lenient``: ``unspecified`` stands for ``actual`` on either side."""
    a, b = gold.get("status"), found.get("status")
    if lenient:
        a, b = ("actual" if s == "unspecified" else s for s in (a, b))
    return a == b


def found_speaker(found: Mapping[str, Any]) -> str | None:
    """The extracted speaker text and source, as one text (None when neither is given)."""
    parts = [p for p in (found.get("speaker_text"), found.get("source")) if p]
    return " / ".join(dict.fromkeys(parts)) if parts else None


def speaker_right(gold: Mapping[str, Any], found: Mapping[str, Any]) -> bool:
    """Both none, or the gold speaker's last word is a word of the extracted speaker text or source."""
    speaker = gold.get("speaker")
    words = set(WORD.findall(fold(found_speaker(found) or "")))
    if not speaker:
        return not words
    last = WORD.findall(fold(speaker))
    return bool(last) and last[-1] in words


def scored_fields(gold: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields scored on a pair with this gold figure."""
    if gold.get("kind") in SCORED_KINDS:
        return FIELDS
    return ("value", "qualifier", "unit")


def compare(gold: Mapping[str, Any], found: Mapping[str, Any]) -> dict[str, bool]:
    """Field -> right, for the fields scored on this pair."""
    checks = {
        "value": value_right,
        "qualifier": qualifier_right,
        "unit": unit_right,
        "period": period_right,
        "status": status_right,
        "status_lenient": lambda g, f: status_right(g, f, lenient=True),
        "speaker": speaker_right,
    }
    return {name: checks[name](gold, found) for name in scored_fields(gold)}


def fully_right(checks: Mapping[str, bool]) -> bool:
    return all(ok for name, ok in checks.items() if name != "status_lenient")


def overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"]))


def match(gold: Sequence[Mapping[str, Any]], found: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, extracted index) pairs whose spans overlap, one to one, greatest overlap first."""
    candidates = sorted(
        (
            (-overlap(g, f), abs(int(g["start"]) - int(f["start"])), i, j)
            for i, g in enumerate(gold)
            for j, f in enumerate(found)
            if overlap(g, f) > 0
        ),
    )
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_found:
            pairs.append((i, j))
            used_gold.add(i)
            used_found.add(j)
    return sorted(pairs)
