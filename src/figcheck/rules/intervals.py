"""Interval arithmetic on the figures table's bounds, as narwhals expressions and plain functions.

A figure is the interval [lower, upper]; a missing bound is infinite; `*_inclusive` says whether the
bound itself belongs to it (an unknown flag counts as inclusive).
"""

from __future__ import annotations

import math

import narwhals as nw


def _low(suffix: str) -> nw.Expr:
    return nw.col(f"lower{suffix}").fill_null(-math.inf)


def _high(suffix: str) -> nw.Expr:
    return nw.col(f"upper{suffix}").fill_null(math.inf)


def _closed(column: str) -> nw.Expr:
    return nw.col(column).fill_null(True)


def _below(low: str, high: str) -> nw.Expr:
    """The lower bound of `low` lies under the upper bound of `high` (the two can meet)."""
    return (_low(low) < _high(high)) | (
        (_low(low) == _high(high)) & _closed(f"lower_inclusive{low}") & _closed(f"upper_inclusive{high}")
    )


def overlaps(a: str = "", b: str = "_b") -> nw.Expr:
    """The intervals of the figures with column suffixes `a` and `b` share at least one value."""
    return _below(a, b) & _below(b, a)


def fmt(value: float) -> str:
    """A figure as a reader writes it: 2,000,000; 1.5; 12."""
    if math.isinf(value):
        return "unbounded"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def fmt_date(value: object) -> str:
    """A day of a table as a reader writes it (2026-01-31), whatever type the engine gives it."""
    return str(value)[:10]


def unit_label(unit: str | None) -> str:
    """A canonical unit as a reader writes it: `military_equipment` -> `military equipment`."""
    return (unit or "unknown unit").replace("_", " ")
