"""Statement dates: the day a statement was made ("le 4 février", "on Tuesday", "3 février 2026").

A statement date is a single day named in the text. It is read with the day grammar of
``figcheck.extract.periods`` and always in the past, as statements are reported after they are
made: a day given without a year is the latest such day on or before the published date (so a day
after the published date moves to the previous year), and a weekday alone ("mardi", "on Tuesday")
is the latest such weekday on or before it. A day written with its year after the published date is
what a statement is about (`to start trading on July 1, 2020`), never when it was made, and is left
out. Without a published date, ``context_year`` gives the
year of a day written without one; a weekday alone cannot be resolved then and is left out.

A day holds for the sentences after it only when its own sentence reports what someone said ("Le 4
février, le ministre a annoncé…"): a day that only dates an event ("The campaign started on November
20.") is not when the next sentence's words were said.

``anchor`` says where the year came from: ``"explicit"`` (written), ``"published"`` (the published
date) or ``"context_year"``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from figcheck.extract.periods.finder import PhraseMatches, match_phrases, resolve_phrases
from figcheck.text.sentences import Span, sentence_of

_ANCHORS = {"explicit": "explicit", "reference": "published", "context_year": "context_year"}


@dataclass(frozen=True)
class StatementDate:
    """A day named in the text; ``text`` is ``source[start:end]``."""

    start: int
    end: int
    text: str
    date: date
    anchor: str
    carries: bool = True  # its sentence reports speech: it holds for the sentences after it


def find_statement_dates(
    text: str,
    language: str,
    published: date | None = None,
    context_year: int | None = None,
    phrases: Sequence[PhraseMatches] | None = None,
) -> list[StatementDate]:
    """Single days named in ``text``, in reading order, resolved in the past of ``published``; `phrases`
    are the period phrases already matched in its sentences, when the caller has them."""
    out = []
    matched = phrases if phrases is not None else [match_phrases(text, language)]
    found = (p for matches in matched for p in resolve_phrases(matches, published, context_year, "past"))
    for p in found:
        if p.scope != "day" or p.period_start is None or p.anchor not in _ANCHORS:
            continue
        if published is not None and p.period_start > published:
            continue
        out.append(StatementDate(p.start, p.end, p.text, p.period_start, _ANCHORS[p.anchor]))
    return out


def statement_date_of(dates: Sequence[StatementDate], sentence: Span) -> StatementDate | None:
    """The statement date that holds for `sentence`: the last one named in it, else the last one named
    before it that carries."""
    before = bisect_left(dates, sentence.end, key=lambda d: d.start)
    for at in range(before - 1, -1, -1):  # no copy of the list: a dense text names thousands of days
        if dates[at].start >= sentence.start or dates[at].carries:
            return dates[at]
    return None


def mark_reported(
    dates: Sequence[StatementDate], sentences: Sequence[Span], reports: Callable[[Span], bool]
) -> list[StatementDate]:
    """`dates`, each marked whether it carries: whether `reports` says its sentence reports speech."""
    return [replace(d, carries=reports(sentences[sentence_of(sentences, d.start)])) for d in dates]


def statement_date_in(dates: Sequence[StatementDate], sentence: Span) -> StatementDate | None:
    """The statement date named in `sentence` itself, if any: what "now" is for its figures."""
    said = statement_date_of(dates, sentence)
    return said if said is not None and said.start >= sentence.start else None
