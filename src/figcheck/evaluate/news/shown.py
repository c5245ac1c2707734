"""How figures and fields are shown in error lines."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from figcheck.evaluate.news.fields import CONTEXT_CHARS, found_period, found_speaker, gold_period


def _number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return str(value).lower()
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    return str(int(number)) if number.is_integer() else f"{number:g}"


def _bounds(f: Mapping[str, Any]) -> str:
    qualifier = f.get("qualifier")
    if qualifier == "approx":
        return f"approx {_number(f.get('value'))}"
    left = "[" if f.get("lower_inclusive") else "("
    right = "]" if f.get("upper_inclusive") else ")"
    lower = "" if f.get("lower") is None else _number(f.get("lower"))
    upper = "" if f.get("upper") is None else _number(f.get("upper"))
    interval = f"{left}{lower}, {upper}{right}"
    if qualifier == "range":
        return f"range {interval}"
    return f"{qualifier} {_number(f.get('value'))} {interval}"


def _unit(f: Mapping[str, Any], gold: bool) -> str:
    keys = ("unit", "unit_norm") if gold else ("unit", "unit_text")
    shown = [str(f.get(k)) for k in keys if f.get(k)]
    return "/".join(dict.fromkeys(shown)) or "none"


def _period(f: Mapping[str, Any], gold: bool) -> str:
    period = gold_period(f) if gold else found_period(f)
    if period is None:
        return "none"
    scope, start, end = period
    return f"{scope} {start or '?'}..{end or '?'}"


def show_figure(f: Mapping[str, Any], *, gold: bool) -> str:
    unit = _unit(f, gold)
    return _bounds(f) + ("" if unit == "none" else f" {unit}")


SHOW_FIELD: dict[str, Callable[[Mapping[str, Any], bool], str]] = {
    "value": lambda f, gold: _number(f.get("value")),
    "qualifier": lambda f, gold: _bounds(f),
    "unit": _unit,
    "period": _period,
    "status": lambda f, gold: str(f.get("status") or "none"),
    "speaker": lambda f, gold: str((f.get("speaker") if gold else found_speaker(f)) or "none"),
}


def context_line(body: str, spans: Sequence[Any], start: int, end: int) -> str:
    """The sentence around ``body[start:end]``, on one line, trimmed to about CONTEXT_CHARS characters."""
    left, right = start, end
    for span in spans:
        if span.start <= start < span.end or span.start < end <= span.end:
            left, right = min(left, span.start), max(right, span.end)
    if right - left > CONTEXT_CHARS:
        half = max((CONTEXT_CHARS - (end - start)) // 2, 20)
        cut_left, cut_right = max(left, start - half), min(right, end + half)
        text = (
            ("…" if cut_left > left else "") + body[cut_left:cut_right] + ("…" if cut_right < right else "")
        )
    else:
        text = body[left:right]
    return " ".join(text.split())
