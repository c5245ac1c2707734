"""The period each figure of an article covers: from its own clause, else from the text that governs it.

A careful reader dates a figure by the period phrase of its own sentence nearest to it; a comparison
("contre 65 449 en 2015", "compared with 2015", "up from X last year") dates only the figure it
compares, never the figures before it. A day named in the sentence ("On Wednesday the tremor left five
dead", "As of Sunday") dates the figures that have no other period, even where it is also the day a
statement was made. A sentence with no period of its own takes the one that governs it: the last
period read in the sentences before it in its paragraph ("Le mois de juin 2016 est marqué par… Ainsi,
5 400…"), else the day the article's lead reports, under a dateline ("7 avril 2016. – … ce lundi 4
avril") or a date line ("Friday, January 4, 2019" / "A bridge collapsed on Monday…"): in a later
paragraph only for a clause that recounts an event as the lead's are told (`recounts`). A dateline that
only gives the day of publication dates no other sentence, and how long an action lasted ("negotiated
the deal over the last four years") governs no sentence after it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

import regex

from figcheck.extract.dates import StatementDate, statement_date_in, statement_date_of
from figcheck.extract.nearest import Candidate, nearest_dating
from figcheck.extract.numbers import Quantity
from figcheck.extract.periods import Period, fold, wording
from figcheck.extract.periods.finder import PhraseMatches, match_phrases, resolve_phrases
from figcheck.extract.sources import in_citation
from figcheck.extract.stretches import Shift, find_shifts, find_stretches, shifted
from figcheck.extract.timewords import (
    WORD,
    compares,
    comparison_cue,
    made_known,
    per_time,
    releases,
    since_a_record,
)
from figcheck.text.sentences import Span, paragraph_indexes, sentence_of
from figcheck.vocabulary import FIRST_DATE, LAST_DATE

LEAD_SENTENCES = 3
EVENT_DAYS = 3  # the longest span a lead's event may take ("du 3 au 5 mars")
WEEKDAY_ROOM = 12
# the scopes of a period a data release is about ("les chiffres du chômage pour le mois de novembre")
RELEASE_SCOPES = frozenset({"month", "quarter", "half_year", "whole_year"})
DATELINE_HEAD = 40  # characters a dateline may have before its day ("PARIS, Jan. 4 —")
DATELINE_DASH = regex.compile(r"[.,]?\s*[–—-]\s")


def figure_periods(
    text: str,
    language: str,
    sentences: Sequence[Span],
    phrases: Sequence[PhraseMatches],
    quantities: Sequence[Quantity],
    statement_dates: Sequence[StatementDate],
    published: dt.date | None,
    year: int | None,
    attaches: Callable[[int, Period], bool] = lambda number, period: True,
    narrates: Callable[[int], bool] = lambda number: True,
    plans: Callable[[int], bool] = lambda number: False,
    recounts: Callable[[int], bool] = lambda number: True,
    rules: Callable[[int], bool] = lambda number: False,
    frames: Callable[[Period], bool] = lambda period: True,
    holds_now: Callable[[int], bool] = lambda number: False,
) -> list[Period | None]:
    """The period of each quantity, in order (None where the text gives none); `phrases` are the period
    phrases matched in each sentence (`sentence_phrases`); `attaches` says whether a period of a
    quantity's sentence may date it at all (whether it belongs to the quantity's clause); `narrates`
    whether its clause tells what happened, which a day taken from the sentences before it may date,
    `plans` whether it tells what is to come, which no day up to its statement's may date, and
    `recounts` whether it tells an event in the tense of the lead's, which the lead's day may date in a
    later paragraph; `rules` whether it gives the terms of a rule, which no period of another sentence
    dates; `holds_now` whether it tells what holds when it is said, which a period of the sentences before
    it that ended earlier does not date. A lead's day written right after the words that make something
    known ("findings published Wednesday") dates no later paragraph."""
    governing: Period | None = None
    dateline: Period | None = None
    reported: Period | None = None  # the day the lead of an article reports
    lead: Period | None = None
    release: Period | None = None
    paragraph_of = paragraph_indexes(text, sentences)
    current_paragraph = -1
    by_sentence: dict[int, list[Candidate]] = {}
    inherited: dict[int, Period | None] = {}
    carried: set[int] = set()  # the sentences that take the lead's day from another paragraph
    over_break = False
    references: dict[int, dt.date | None] = {}
    headed = False  # the article opens with its date on a line of its own
    for index, sentence in enumerate(sentences):
        if paragraph_of[index] != current_paragraph:
            current_paragraph, governing = paragraph_of[index], release or reported
            over_break = governing is not None and governing is reported
        said_on = statement_date_of(statement_dates, sentence)
        said_here = statement_date_in(statement_dates, sentence)
        reference = release.period_end if release else said_on.date if said_on else published
        # a stretch or "now" runs to the day of its own sentence's statement, else to the article's day
        now = release.period_end if release else said_here.date if said_here else published
        found, lasting = _sentence_periods(
            text, language, sentence, phrases[index], quantities, (reference, now), year, governing
        )
        if said_here is not None and release is None and published is not None:
            # a relative day named before the sentence's statement day, or that day itself, is read as of the
            # day the article was published ("Selon les chiffres publiés mardi, … lors de la récolte du 2
            # mai"; "Yesterday, the ministry said…": the day before publication, not before yesterday)
            found = _read_before(found, said_here.end, published, phrases[index], year, language)
        read = by_sentence[index] = [
            _candidate(text, p, statement_dates, language, quantities) for p in found
        ]
        inherited[index], references[index] = governing, reference
        if over_break:
            carried.add(index)
        if lead is None and index < LEAD_SENTENCES:
            lead = _lead_day(text, read, quantities, sentence, attaches, language)
        if index == 0:
            headed = any(c.period.scope == "day" and _whole_line(text, c.period) for c in read)
        if dateline is None:
            dateline = next((c.period for c in read if c.dateline and not _whole_line(text, c.period)), None)
        if dateline is not None or headed:
            # a wire-style dateline ("15 avril 2016. – … ont secoué le Japon jeudi") or a date line above
            # the lead ("Friday, January 4, 2019" / "Nancy Pelosi yesterday resumed…"): the day the lead
            # reports dates the figures that nothing else dates; a dateline that only gives the day of
            # publication dates none
            restates = dateline is None or published is not None and dateline.period_start == published
            reported = lead or (None if restates else dateline)
            governing = governing or reported
        own = [c.period for c in read if c.cue is None and not c.dateline and not c.aside]
        if own and releases(text[sentence.start : sentence.end].rstrip(), language):
            release = next((p for p in own if p.scope in RELEASE_SCOPES and p.period_end), release)
        # how long an action lasted ("negotiated the deal over the last four years") frames no later sentence
        framing = [p for p in own if p.start not in lasting and frames(p)]
        if framing:
            governing, over_break = framing[-1], False

    def may_date(day: Period, number: int, index: int) -> bool:
        # the day of an event dates neither a state described beside it nor a plan made on that day or after;
        # in the paragraphs after the lead's, only what is told as the lead's events are
        if not narrates(number) or index in carried and not recounts(number):
            return False
        reference = references[index]
        past = reference is None or day.period_end is None or day.period_end <= reference
        return not (past and plans(number))

    ends = _ends_of_changes(text, quantities, language)
    out: list[Period | None] = []
    for number, quantity in enumerate(quantities):
        index = sentence_of(sentences, quantity.start)
        period = nearest_dating(text, by_sentence[index], number, quantities, attaches, number in ends)
        if period is None and not any(c.cue is None and not c.dateline for c in by_sentence[index]):
            # a sentence that names its own time for another clause does not take the governing one
            timeless = per_time(text, quantity, language) or rules(number)
            period = None if timeless else inherited[index]
            if period is not None and _event_span(period) and not may_date(period, number, index):
                period = None
            if period is not None and holds_now(number) and _ended_before(period, references[index]):
                period = None
        if period is not None and number in ends:
            period = _end_of(period, ends[number])
        if _describes_a_thing(text, quantity):
            period = None
        # a shift or a stretch may reach past the days the tables hold ("900 years ago")
        out.append(_dated_within_range(period) if period is not None else None)
    return out


def _ended_before(period: Period, day: dt.date | None) -> bool:
    return day is not None and period.period_end is not None and period.period_end < day


def _event_span(period: Period) -> bool:
    """A day, or the few days an event spans ("dans la nuit de vendredi à samedi"), as a lead reports."""
    if period.scope == "day":
        return True
    start, end = period.period_start, period.period_end
    return (
        period.scope == "other" and start is not None and end is not None and (end - start).days < EVENT_DAYS
    )


def _lead_day(
    text: str,
    read: Sequence[Candidate],
    quantities: Sequence[Quantity],
    sentence: Span,
    attaches: Callable[[int, Period], bool],
    language: str,
) -> Period | None:
    """The day a lead sentence reports ("An apartment building collapsed on Monday…"): the day that dates
    its first figure dated by a day ("Selon les résultats tombés mercredi, il a obtenu 60 % lors du
    scrutin du 20 mars": the 20th), else the first day it names, unless that is only the day something
    was made known ("In findings published Wednesday, researchers reported that…"; `made_known`)."""
    days = [c for c in read if _event_span(c.period) and not c.dateline and not _whole_line(text, c.period)]
    if not days:
        return None
    first = bisect_left(quantities, sentence.start, key=lambda q: q.start)
    last = bisect_left(quantities, sentence.end, key=lambda q: q.start)
    for number in range(first, last):
        dating = nearest_dating(text, read, number, quantities, attaches)
        if any(dating is c.period for c in days):
            return dating
    # the day something was made known, not the day of what the article goes on to tell
    return None if made_known(text, days[0].period, language) else days[0].period


def sentence_phrases(text: str, language: str, sentences: Sequence[Span]) -> list[PhraseMatches]:
    """The period phrases of each sentence, matched once for every reading of them: the days statements
    were made, then each sentence's periods."""
    return [match_phrases(text[s.start : s.end], language, s.start) for s in sentences]


def _candidate(
    text: str,
    period: Period,
    statement_dates: Sequence[StatementDate],
    language: str,
    quantities: Sequence[Quantity],
) -> Candidate:
    return Candidate(
        period,
        comparison_cue(text, period, language, quantities),
        _is_dateline(text, period),
        _is_statement_date(period, statement_dates),
        in_citation(text, period.start, period.end, language)
        or since_a_record(text, period, language, quantities),
    )


def _ends_of_changes(text: str, quantities: Sequence[Quantity], language: str) -> dict[int, str]:
    """The two ends of each change ("passant de 29,1 % à 28,2 %", "rose from 14 to 31"): which
    quantity is the ``first`` and which the ``last``."""
    words = wording(language).get("change", {})
    opening = regex.compile(r"(?:" + "|".join(words.get("from", ["(?!)"])) + r")\s*\Z")
    joining = regex.compile(r"\A\s*%?\s*(?:" + "|".join(words.get("to", ["(?!)"])) + r")\s*\Z")
    ends: dict[int, str] = {}
    for n in range(len(quantities) - 1):
        a, b = quantities[n], quantities[n + 1]
        if joining.match(fold(text[a.end : b.start])) and opening.search(
            fold(text[max(0, a.start - 12) : a.start])
        ):
            ends[n], ends[n + 1] = "first", "last"
    return ends


def _end_of(period: Period, end: str) -> Period:
    """The end of a change a period dates: the first or last year of several ("de 29,1 % à 28,2 % entre
    2010 et 2014"); for a month or a quarter ("passant de 9,7 à 9,5 %" in November), the first end is the
    unit before."""
    if period.period_start is None or period.period_end is None:
        return period
    if period.scope == "multi_year" and (period.period_start.month, period.period_start.day) != (1, 1):
        return period  # a stretch back from the statement ("sur deux ans") has no calendar year to give
    if period.scope == "multi_year":
        year = period.period_start.year if end == "first" else period.period_end.year
        start, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        return Period(period.start, period.end, period.text, "whole_year", start, last, period.anchor)
    months = {"month": 1, "quarter": 3}.get(period.scope)
    if months is None or end == "last":
        return period
    moved = shifted(period, Shift(period.start, period.end, period.text, "month", months))
    return Period(
        period.start,
        period.end,
        period.text,
        period.scope,
        moved.period_start,
        moved.period_end,
        period.anchor,
    )


def _sentence_periods(
    text: str,
    language: str,
    sentence: Span,
    phrases: PhraseMatches,
    quantities: Sequence[Quantity],
    references: tuple[dt.date | None, dt.date | None],
    year: int | None,
    governing: Period | None,
) -> tuple[list[Period], frozenset[int]]:
    """The periods one sentence names: calendar phrases, stretches, and shifts of its own period or of
    the one that governs it ("contre 10,5 % il y a un an"); and where its stretches inside a clause that
    last more than a day start."""
    words = text[sentence.start : sentence.end]
    reference, now = references
    first = bisect_left(quantities, sentence.start, key=lambda q: q.start)
    last = bisect_left(quantities, sentence.end, key=lambda q: q.start)
    calendar = [_scoped(p, language, reference) for p in resolve_phrases(phrases, reference, year)]
    # a stretch counts its units ("ces quatre dernières années"): its number is a duration, not a year
    found = [p for p in calendar if not _covers_a_figure(p, quantities[first:last])]
    stretches = [
        replace(p, start=p.start + sentence.start, end=p.end + sentence.start)
        for p in find_stretches(words, language, now)
    ]
    # "over the past year" is the twelve months up to the statement, not the calendar year before it
    read_as_stretches = {(p.start, p.end) for p in stretches}
    found = [p for p in found if (p.start, p.end) not in read_as_stretches] + stretches
    found = sorted((_dated_within_range(p) for p in _outermost(found)), key=lambda p: p.start)
    for shift in find_shifts(words, language):
        at = shift.start + sentence.start
        own = (p for p in reversed(found) if p.end <= at and not compares(text, p, language, quantities))
        anchor = next(own, None) or governing
        # "le mois précédent" after "pour novembre" is October, not the month before the statement
        found = [p for p in found if not (p.start < at + len(shift.text) and at < p.end)]
        if anchor is None or not (anchor.period_start and anchor.period_end):
            # "Il y a trois semaines, 53 % des électeurs ont voté" with no period before it: nothing to move
            # back, yet the sentence names its own time
            found.append(Period(at, at + len(shift.text), shift.text, "unspecified", None, None, "none"))
            continue
        moved = shifted(anchor, shift)
        found.append(
            Period(
                at,
                at + len(shift.text),
                shift.text,
                moved.scope,
                moved.period_start,
                moved.period_end,
                moved.anchor,
            )
        )
    # a stretch inside a clause tells how long its action lasted; one opening the sentence, at most after a
    # word such as "Et" or "Toutefois" ("Sur un an, …"), frames it, and "désormais" is a day
    lasting = frozenset(
        p.start
        for p in stretches
        if p.period_start != p.period_end and len(WORD.findall(text, sentence.start, p.start)) > 1
    )
    return sorted(found, key=lambda p: p.start), lasting


def _read_before(
    found: list[Period],
    said_at: int,
    published: dt.date,
    phrases: PhraseMatches,
    year: int | None,
    language: str,
) -> list[Period]:
    """The periods of a sentence, those that end by `said_at` resolved against `published` instead."""
    if not any(p.end <= said_at and p.anchor == "reference" for p in found):
        return found
    # only the phrases that start before the day are read again: a dense sentence names hundreds
    before = replace(
        phrases, matches=tuple(m for m in phrases.matches if m[1].start() + phrases.offset < said_at)
    )
    earlier = {
        (p.start, p.end): _scoped(p, language, published) for p in resolve_phrases(before, published, year)
    }
    return [earlier.get((p.start, p.end), p) if p.end <= said_at else p for p in found]


def _outermost(periods: Sequence[Period]) -> list[Period]:
    """The periods not inside a longer one, in their order: a phrase inside a longer one ("un an" in "sur
    un an") is read as part of it. One sweep in the order of their starts, not each against each: a
    dense sentence names hundreds."""
    order = sorted(range(len(periods)), key=lambda n: (periods[n].start, -periods[n].end))
    inside: set[int] = set()
    reach, furthest, span = -1, -1, None  # the furthest end before the current span, and including it
    for n in order:
        if (periods[n].start, periods[n].end) != span:
            reach, span = furthest, (periods[n].start, periods[n].end)
        if reach >= periods[n].end:
            inside.add(n)
        furthest = max(furthest, periods[n].end)
    return [period for n, period in enumerate(periods) if n not in inside]


def _scoped(period: Period, language: str, reference: dt.date | None) -> Period:
    """An open interval read with both ends ("depuis juillet 2014", said in 2017) is a stretch of several
    years, or of less than one; a past day a count had reached ("by November 22") is that day."""
    if period.scope != "unspecified" or period.period_end is None:
        return period
    if period.period_start is None:
        words = fold(period.text).split()
        past = reference is not None and period.period_end <= reference
        if past and words and words[0] in _as_of(language):
            return replace(period, scope="day", period_start=period.period_end)
        return period
    return replace(
        period, scope="multi_year" if period.period_start.year != period.period_end.year else "other"
    )


@cache
def _as_of(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in wording(language).get("as_of", []))


def _whole_line(text: str, period: Period) -> bool:
    """ "Friday, January 4, 2019" alone on the first line: the day of publication, which dates nothing."""
    line_start = text.rfind("\n", 0, period.start) + 1
    line_end = text.find("\n", period.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.strip(" .,")) - len(period.text) <= WEEKDAY_ROOM


def _is_dateline(text: str, period: Period) -> bool:
    """ "7 avril 2016. – Les Philippines…", "PARIS, Jan. 4 —": the day an article reports, at the head of a
    paragraph and set off by a dash."""
    if period.scope != "day":
        return False
    reach = max(0, period.start - DATELINE_HEAD - 1)
    line_start = text.rfind("\n", reach, period.start) + 1
    if line_start == 0 and reach > 0:
        return False  # more than a dateline's head before it on its line
    head = text[line_start : period.start]
    return (
        len(head) <= DATELINE_HEAD
        and not any(c in head for c in ".!?")
        and DATELINE_DASH.match(text, period.end) is not None
    )


def _describes_a_thing(text: str, quantity: Quantity) -> bool:
    """A number joined by a hyphen to the word after it ("a five-storey block", "the 55-member AU")
    describes a thing, not an amount over a time."""
    after = text[quantity.end : quantity.end + 2]
    return len(after) == 2 and after[0] == "-" and after[1].isalpha()


def _is_statement_date(period: Period, dates: Sequence[StatementDate]) -> bool:
    """`a annoncé le 4 février`: when something was said, which dates a figure only when nothing else does."""
    # the days are spans of the text in reading order: only the last one starting before the period ends
    # can overlap it
    at = bisect_left(dates, period.end, key=lambda d: d.start)
    return at > 0 and period.start < dates[at - 1].end


def _covers_a_figure(period: Period, quantities: Sequence[Quantity]) -> bool:
    """`plus de 2500 habitants`: a number the scanner reads as a figure is not also a year; a duration
    ("in two days") may be both a figure and the stretch another figure covers."""
    return any(q.start < period.end and period.start < q.end and q.unit_kind != "time" for q in quantities)


def _dated_within_range(period: Period) -> Period:
    """Dates outside the years the tables can hold (1678-2261), or an end before the start (a stretch
    "since the start of 2024" run up to a day named earlier, "la loi du 13 octobre 1994"), are left
    unresolved, text kept."""
    dates = [d for d in (period.period_start, period.period_end) if d is not None]
    in_order = (
        period.period_start is None or period.period_end is None or period.period_start <= period.period_end
    )
    if in_order and all(FIRST_DATE <= d <= LAST_DATE for d in dates):
        return period
    return Period(period.start, period.end, period.text, period.scope, None, None, "none")
