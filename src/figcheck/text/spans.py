"""Spans of a text in reading order, and which of them may touch a stretch, found by bisection.

A long article has tens of thousands of names, figures and evidence spans: looking at every one of them
for every word or paragraph costs time in the square of the article's length. Sorted by start, with the
length of the longest known, the spans that may touch ``start:end`` are a slice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class SortedSpans:
    """(start, end) spans sorted by start, and the length of the longest."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    longest: int

    def near(self, start: int, end: int) -> slice:
        """The slice of `spans` (or of any list in the same order) that holds every span touching
        ``start:end``, and maybe a few that end before it."""
        return near(self.starts, self.longest, start, end)

    def touch(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``start:end``."""
        return any(s < end and start < e for s, e in self.spans[self.near(start, end)])


def sorted_spans(spans: Sequence[tuple[int, int]]) -> SortedSpans:
    ordered = tuple(sorted(spans))
    return SortedSpans(ordered, tuple(s for s, _ in ordered), max((e - s for s, e in ordered), default=0))


def near(starts: Sequence[int], longest: int, start: int, end: int) -> slice:
    """Of spans whose sorted starts are `starts` and whose longest is `longest` characters, the slice that
    may touch ``start:end``: those starting before `end`, back to the longest's length before `start`."""
    return slice(bisect_left(starts, start - longest), bisect_left(starts, end))


def keep_disjoint(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Of `items`, the most wanted first, each that overlaps none kept before it; in text order. Each is
    placed by bisection among those kept, so many candidates cost little."""
    kept: list[T] = []
    for item in items:
        start, end = span(item)
        at = bisect_left(kept, start, key=lambda k: span(k)[0])
        if (at == 0 or span(kept[at - 1])[1] <= start) and (at == len(kept) or end <= span(kept[at])[0]):
            kept.insert(at, item)
    return kept
