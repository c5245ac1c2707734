"""The chart of an article's figures over their periods: one bar per dated figure on a time axis.

The axis covers where most periods lie: a figure dated decades away from the others would squeeze them
to slivers, so it is drawn clipped at the edge, with an arrow and its dates in its label. Ticks fall on
years, or on months when the axis is short; the legend names every colour the chart uses.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from figcheck.report.marks import figure_tip, value_text

WIDTH, ROW, LABEL, TOP = 760, 20, 250, 30
PLOT = WIDTH - LABEL - 10
# the scopes shown in their own colour; the others share the last one
SCOPE_NAMES = {
    "whole_year": "whole year",
    "rest_of_year": "rest of the year",
    "year_to_date": "year to date",
    "month": "month",
    "quarter": "quarter",
    "half_year": "half year",
}
OTHER_SCOPES = "other period"


@dataclass(frozen=True)
class Bar:
    y: int
    x: float
    width: float
    label: str
    scope: str
    tip: str
    found: bool  # a finding is about this figure
    clipped: str  # "" or "before" / "after": the period lies outside the axis


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...] = ()
    ticks: tuple[Tick, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  # (css class, words)
    height: int = 0
    width: int = WIDTH
    label: int = LABEL
    found: bool = False  # some bar is a finding's


def _window(dated: Sequence[tuple[pd.Timestamp, pd.Timestamp]]) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of the axis: every period but those far from the rest (1.5 times the
    interquartile range of the periods' middles, and at least a year, beyond the quartiles)."""
    middles = [(start.toordinal() + end.toordinal()) / 2 for start, end in dated]
    q1, _, q3 = statistics.quantiles(middles, n=4, method="inclusive") if len(middles) > 1 else middles * 3
    reach = max((q3 - q1) * 1.5, 366)
    kept = [period for period, m in zip(dated, middles, strict=True) if q1 - reach <= m <= q3 + reach]
    kept = kept or list(dated)
    return min(s for s, _ in kept), max(e for _, e in kept) + pd.Timedelta(days=1)


def _ticks(first: pd.Timestamp, last: pd.Timestamp, scale: float) -> tuple[Tick, ...]:
    days = (last - first).days
    if days > 3 * 365:
        step = max(1, round(days / 365 / 6))
        stamps = pd.date_range(first.to_period("Y").start_time, last, freq=f"{step}YS")
        form = "%Y"
    elif days > 62:
        months = max(1, round(days / 30 / 6))
        stamps = pd.date_range(first.to_period("M").start_time, last, freq=f"{months}MS")
        form = "%Y-%m"
    else:
        stamps = pd.date_range(first, last, periods=min(days, 5) + 1)
        form = "%Y-%m-%d"
    # a tick too near the right edge would have its label cut
    return tuple(
        Tick(LABEL + (stamp - first).days * scale, stamp.strftime(form))
        for stamp in stamps
        if stamp >= first and (stamp - first).days * scale < PLOT - 40
    )


def _scope_class(scope: str) -> str:
    return scope if scope in SCOPE_NAMES else "other"


def chart(figures: Sequence[dict[str, Any]], found_ids: Collection[str]) -> Chart:
    """The chart of one article's dated figures; `found_ids` are the figures a finding is about."""
    dated = [f for f in figures if value_text(f["period_start"]) and value_text(f["period_end"])]
    if not dated:
        return Chart()
    periods = [(pd.Timestamp(f["period_start"]), pd.Timestamp(f["period_end"])) for f in dated]
    first, last = _window(periods)
    scale = PLOT / max((last - first).days, 1)
    bars = []
    for row, (figure, (start, end)) in enumerate(zip(dated, periods, strict=True)):
        clipped = "before" if end < first else "after" if start >= last else ""
        left = min(max((start - first).days, 0), (last - first).days)
        right = min(max((end - first).days + 1, 0), (last - first).days)
        label = f"{figure['text']} {figure['unit'] or ''}".strip()[:34]
        if clipped:
            label = f"{'◂' if clipped == 'before' else '▸'} {label} ({start:%Y})"
        bars.append(
            Bar(
                row * ROW + TOP,
                LABEL + left * scale,
                max((right - left) * scale, 3.0),
                label,
                _scope_class(str(figure["period_scope"])),
                figure_tip(figure),
                figure["figure_id"] in found_ids,
                clipped,
            )
        )
    used = {bar.scope for bar in bars}
    legend = [(scope, words) for scope, words in SCOPE_NAMES.items() if scope in used]
    if "other" in used:
        legend.append(("other", OTHER_SCOPES))
    return Chart(
        tuple(bars),
        _ticks(first, last, scale),
        tuple(legend),
        len(bars) * ROW + TOP + 6,
        found=any(bar.found for bar in bars),
    )
