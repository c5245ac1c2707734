"""One article's quantities -> rows of the figures table: each with its period, status and attribution.

A quantity takes the noun it counts (or, elliptical, what the figure before it counts), the period that
governs it (``figcheck.extract.timeframes``), the status of the clause that governs it
(``figcheck.extract.status``), the speaker its sentence's attribution names (carried over pronouns and
data releases) and the agency its sentence cites. The parse behind the noun, the clause and the
attribution is ``figcheck.extract.syntax``; without a model, each sentence is read on its own words.
A statement date holds for its sentence and the sentences after it, until the next one; relative
periods resolve against it, else against the published date, else against the year the article speaks
of.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from figcheck.extract.dates import (
    StatementDate,
    statement_date_in,
    statement_date_of,
)
from figcheck.extract.dating import Dating
from figcheck.extract.mentions import Mention
from figcheck.extract.models import counted_after
from figcheck.extract.numbers import Quantity, Scan
from figcheck.extract.numbers.grammar import load_grammar
from figcheck.extract.periods import Period, fold
from figcheck.extract.sources import SourceCue, find_citations, find_sources
from figcheck.extract.speakers import attributed_speakers, quoted_speaker, speaker_words
from figcheck.extract.status import figure_status, hedged
from figcheck.extract.stretches import to_come
from figcheck.extract.syntax import Grammar, Parsed
from figcheck.extract.timewords import PHRASE_END, says_whole_year
from figcheck.extract.units import UnitLexicon, default_units, normalize
from figcheck.packaged import data_yaml
from figcheck.text.sentences import Span, sentence_of

# a period still this many days from its end when stated is about what is to come
AHEAD_DAYS = 90
# an elliptical number above this is no percentage, whatever the figure before it was
MAX_PERCENT = 100
# the signs that make a number a change
SIGNS = frozenset("+-−–")
SIGN_IN_BRACKETS = regex.compile(r"\([ \u00a0]?[+\-−–][ \u00a0]?\Z")


NEAR_WORDS = 30  # characters around a counted noun where the rest of a unit's words may stand
WORD = regex.compile(r"\w+")
WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}'’-]*)[ \u00a0]+\Z")
WORDS_AFTER = regex.compile(r"\G[ \u00a0]+\p{L}[\p{L}'’-]*")
# a capitalised noun after a counting preposition, which parsers take for a name ("de Gilets jaunes")
WORD_AFTER = regex.compile(r"\s+(?P<join>\p{L}+['’]?)\s*(?<=['’]|\s)(?P<noun>\p{Lu}\p{Ll}[\p{L}-]*)")


@dataclass(frozen=True)
class Counted:
    """What a figure counts: the unit id, its words in the text, and the lexicon's kind of unit."""

    unit: str | None
    text: str | None
    kind: str | None


# what a change of a percentage counts: "44,4 % des jeunes (+0,6)"
POINTS = Counted("percentage_point", None, "percent")


@dataclass(frozen=True)
class FigureContext:
    """What an article says around its quantities."""

    text: str
    language: str
    published: dt.date | None
    sentences: Sequence[Span]
    mentions: Sequence[Mention]
    units: UnitLexicon = field(default_factory=default_units)


def figure_rows(
    scan: Scan,
    context: FigureContext,
    mention_ids: Sequence[str],
    dating: Dating,
    parsed: Parsed | None = None,
) -> list[dict[str, Any]]:
    """Rows of the figures table for the quantities of `scan`, in reading order; `dating` is what
    `figcheck.extract.dating.date_figures` read of them, `parsed` the parse of their sentences where a
    model read them (``figcheck.extract.syntax``)."""
    text, language = context.text, context.language
    statement_dates, periods = dating.statement_dates, dating.periods
    rows = []
    speakers = attributed_speakers(scan.quantities, parsed, context) if parsed is not None else []
    grammars = parsed.grammars if parsed else (None,) * len(scan.quantities)
    units = _units(context, scan.quantities, grammars, counted_after(language))
    sources_of: dict[int, list[SourceCue]] = {}  # sentence -> its agency attributions
    for number, quantity in enumerate(scan.quantities):
        grammar = grammars[number]
        unit, unit_text = units[number].unit, units[number].text
        index = sentence_of(context.sentences, quantity.start)
        sentence = context.sentences[index]
        said_on = statement_date_of(statement_dates, sentence)
        sentence_text = text[sentence.start : sentence.end]
        # what "now" is for this figure: a statement date in its sentence, else the published day
        said_here = statement_date_in(statement_dates, sentence)
        status = figure_status(
            grammar, sentence_text, language, _ahead(periods[number], sentence, said_here, context)
        )
        if status == "actual" and hedged(text, quantity.start, language):
            status = "estimate"
        period = _so_far(periods[number], status, said_here, context)
        if period is not None and status == "planned" and _named_in(sentence, period):
            # a stretch of the plan's own sentence ("va investir 3 milliards en trois ans"), not one it takes
            # from the sentences before it
            period = to_come(period, language)
        if index not in sources_of:
            # an agency the sentence names, else the outlet an inline citation gives
            sources_of[index] = find_sources(sentence_text, language) or find_citations(
                sentence_text, language
            )
        sources = sources_of[index]
        if parsed is not None:
            speaker, speaker_text = speakers[number]
        else:
            speaker = quoted_speaker(context.mentions, sentence, sentence_text, quantity, language)
            speaker_text = speaker_words(context.mentions, speaker)
        rows.append(
            {
                "doc_id": None,
                "sentence": index,
                "start": quantity.start,
                "end": quantity.end,
                "text": quantity.text,
                "value": quantity.value,
                "lower": quantity.lower,
                "upper": quantity.upper,
                "lower_inclusive": quantity.lower_inclusive,
                "upper_inclusive": quantity.upper_inclusive,
                "qualifier": quantity.qualifier,
                "unit": unit,
                "unit_text": unit_text,
                "unit_kind": units[number].kind,
                "period_text": period.text if period else None,
                "period_text_start": period.start if period else None,
                "period_text_end": period.end if period else None,
                "period_start": period.period_start if period else None,
                "period_end": period.period_end if period else None,
                "period_scope": period.scope if period else "unspecified",
                "period_anchor": period.anchor if period else None,
                "status": status,
                "speaker_id": mention_ids[speaker] if speaker is not None else None,
                "speaker_text": speaker_text,
                "source": sources[0].agency if sources else None,
                "statement_date": said_on.date if said_on else None,
            }
        )
    return rows


def _so_far(
    period: Period | None, status: str, said_on: StatementDate | None, context: FigureContext
) -> Period | None:
    """A fact about the year still running ("85 % more wildfires in 2019", said in August 2019) covers
    the year up to the day it was stated (in its sentence, else the published day): what has not
    happened yet is not counted; unless its words say the whole year ("sur toute l'année 2017")."""
    stated = said_on.date if said_on else context.published
    if period is None or status != "actual" or period.scope != "whole_year" or stated is None:
        return period
    if says_whole_year(period, context.language):
        return period
    if (
        period.period_start is None
        or period.period_end is None
        or not period.period_start <= stated < period.period_end
    ):
        return period
    return Period(
        period.start, period.end, period.text, "year_to_date", period.period_start, stated, period.anchor
    )


def _named_in(sentence: Span, period: Period) -> bool:
    """Whether the figure's own sentence names the period, rather than one before it."""
    return sentence.start <= period.start < sentence.end


def _ahead(
    period: Period | None, sentence: Span, said_on: StatementDate | None, context: FigureContext
) -> bool:
    """Whether most of the period the figure's own sentence gives lies after the day it was stated (its
    statement date, else published): it starts then or later, or runs on for more than a season ("pour
    2026", said in February)."""
    stated = said_on.date if said_on else context.published
    if period is None or period.period_end is None or stated is None:
        return False
    if not _named_in(sentence, period):
        return False
    # "for the rest of the year" starts on the day it is said: all of it is still to come
    from_now_on = period.period_start is not None and period.period_start >= stated < period.period_end
    return from_now_on or (period.period_end - stated).days > AHEAD_DAYS


def _units(
    context: FigureContext,
    quantities: Sequence[Quantity],
    grammars: Sequence[Grammar | None],
    joins: frozenset[str],
) -> list[Counted]:
    """Each quantity's unit and its words: the unit the lexicon knows ("km", "euros"), else the noun the
    parse says is counted, past its modifiers ("seven health facilities" -> facilities), by its
    lexicon unit where it has one ("the number of visitors … reached 71,700" -> visitors). A number the
    parse finds counting nothing is elliptical ("40 morts et 110 autres", "Lyon (6 801)", "only 27 have
    ratified"): it counts what the figure before it in its sentence, or in the sentence before, counts;
    a percentage only in its own sentence and only up to 100 ("passant de 20,9 à 21,2 %")."""
    text, sentences = context.text, context.sentences
    out: list[Counted] = []
    known: int | None = None  # the last figure so far whose unit is known
    elliptical: list[int] = []
    for number, quantity in enumerate(quantities):
        if number > 0 and out[-1].unit is not None and out[-1] is not POINTS:
            known = number - 1
        grammar = grammars[number]
        counted = grammar.counted if grammar is not None else None
        own = Counted(quantity.unit, quantity.unit_text, quantity.unit_kind)
        if quantity.unit_kind not in (None, "noun") or quantity.counts_nothing or grammar is None:
            out.append(own)
        elif counted is not None and (counted.start >= quantity.end or counted.end <= quantity.start):
            out.append(_counted_noun(context, counted.start, counted.end))
        elif quantity.unit is not None and _next_to(text, quantity, joins):
            out.append(own)
        elif (noun := _noun_after(text, quantity, joins)) is not None:
            # "une centaine de Gilets jaunes": the noun after it, whatever the parser made of it
            out.append(_counted_noun(context, *noun))
        else:
            found = _implied(context, quantity, grammar) or _antecedent(
                text, number, known, quantities, out, sentences
            )
            out.append(found or own)
            if found is None:
                elliptical.append(number)
    part_gap = load_grammar(context.language).part_gap
    for number in elliptical:
        # "7 out of 20 suspected cases", "3 sur 12 patients": a part out of a whole counts what it counts
        whole = number + 1
        if (
            whole < len(quantities)
            and out[whole].unit is not None
            and out[whole].kind not in ("percent", "time")
        ):
            if part_gap.fullmatch(text, quantities[number].end, quantities[whole].start):
                out[number] = out[whole]
    return out


IMPLIED_REACH = 30  # characters after a number where the words saying what it counts may stand


@cache
def _implied_counts(language: str) -> tuple[str, frozenset[str]]:
    entry = data_yaml("figcheck.extract", "implied_counts.yaml").get(language, {})
    return entry.get("unit", ""), frozenset(fold(w) for w in entry.get("words", ()))


def _implied(context: FigureContext, quantity: Quantity, grammar: Grammar) -> Counted | None:
    """What a number that counts no noun counts, from its clause ("the blast killed eleven", "39 are
    confirmed dead"): people, when the clause is about people dying, hurt, missing or rescued."""
    unit, words = _implied_counts(context.language)
    after = PHRASE_END.split(context.text[quantity.end : quantity.end + IMPLIED_REACH], maxsplit=1)[0]
    said = {fold(v.lemma) for v in grammar.verbs[:1]} | {fold(v.text) for v in grammar.verbs[:1]}
    said |= {fold(w) for w in WORD.findall(after)[:4]}
    return Counted(unit, None, "count") if unit and said & words else None


def _noun_after(text: str, quantity: Quantity, joins: frozenset[str]) -> tuple[int, int] | None:
    """Where the capitalised noun a counting preposition joins to the number is ("centaine de Gilets")."""
    found = WORD_AFTER.match(text, quantity.end)
    if found is None or found["join"].lower() not in joins:
        return None
    return found.span("noun")


def _counted_noun(context: FigureContext, start: int, end: int) -> Counted:
    """What the noun at `start:end` counts: the lexicon's unit for it with the words around it that make
    one of its forms ("colis alimentaires", "bornes de recharge"), the longest first; else the noun."""
    text = context.text
    before = WORD_BEFORE.search(text, max(0, start - NEAR_WORDS), start)
    after = [m.end() for m in WORDS_AFTER.finditer(text, end, min(len(text), end + NEAR_WORDS))][:2]
    spans = [(start, e) for e in after] + ([(before.start(1), end)] if before else [])
    for s, e in [*sorted(spans, key=lambda span: span[0] - span[1]), (start, end)]:
        known = context.units.lookup(text[s:e], context.language)
        if known is not None:
            return Counted(known.unit, text[s:e], known.kind)
    return Counted(normalize(text[start:end]), text[start:end], "noun")


def _antecedent(
    text: str,
    number: int,
    known: int | None,
    quantities: Sequence[Quantity],
    units: Sequence[Counted],
    sentences: Sequence[Span],
) -> Counted | None:
    """The unit of the last figure before `number` whose unit is known (`known`), if it stands in the
    same sentence or the one before; the points of a percentage, for a change written with its sign."""
    if known is None:
        return None
    here = sentence_of(sentences, quantities[number].start)
    there = sentence_of(sentences, quantities[known].start)
    if there < here - 1:
        return None
    unit, value = units[known], quantities[number].value
    if unit.kind == "percent" and (there != here or value is None or value > MAX_PERCENT):
        return None
    if unit.unit == "percent" and _signed(text, quantities[number]):
        return POINTS  # "44,4 % des jeunes (+0,6)": a change of a percentage is in points
    return unit


def _signed(text: str, quantity: Quantity) -> bool:
    """Whether a number is written as a change: its sign glued to it ("+0,6") or in brackets ("(- 0,2)"),
    not a dash set apart ("10,2 % des actifs – 9,8 un an plus tôt")."""
    if quantity.text[:1] in SIGNS:  # the sign read with the number
        return (
            not quantity.text[1:2].isspace()
            or text[max(0, quantity.start - 2) : quantity.start].strip() == "("
        )
    return SIGN_IN_BRACKETS.search(text, max(0, quantity.start - 4), quantity.start) is not None


def _next_to(text: str, quantity: Quantity, joins: frozenset[str]) -> bool:
    """Whether the word read after a number follows it directly or through a counting preposition
    ("400 millions de cas"), not through another word ("100 thousand in London")."""
    if quantity.unit_start is None:
        return False
    between = text[quantity.end : quantity.unit_start].strip().lower()
    return not between or between in joins
