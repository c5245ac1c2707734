"""When an article's statements were made and the period each of its quantities covers, read from its
text and the parse of its sentences: not from its mentions, so that the dating can go on while they are
found (``figcheck.extract.article``). The periods are chosen by ``figcheck.extract.timeframes``, the
statement days read by ``figcheck.extract.dates``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from figcheck.extract.attribution import speech_cues
from figcheck.extract.clauses import dates, frames
from figcheck.extract.dates import StatementDate, find_statement_dates, mark_reported
from figcheck.extract.numbers import Quantity
from figcheck.extract.periods import Period, fold
from figcheck.extract.periods.finder import PhraseMatches
from figcheck.extract.sources import in_citation
from figcheck.extract.status import describes_a_state, figure_status, holds_now, recounts, states_a_rule
from figcheck.extract.syntax import Parsed, has_verb
from figcheck.extract.timeframes import figure_periods
from figcheck.extract.timewords import wording_words
from figcheck.text.sentences import Span, paragraph_indexes, sentence_of

YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Dating:
    """When each sentence of an article was said, and the period each of its quantities covers."""

    statement_dates: Sequence[StatementDate]
    periods: Sequence[Period | None]


def context_year(text: str, published: dt.date | None) -> int | None:
    """The year an article speaks of: its publication year, else the year it names most often."""
    if published is not None:
        return published.year
    years = Counter(int(m.group()) for m in YEAR.finditer(text))
    return years.most_common(1)[0][0] if years else None


def framing_sentences(
    text: str, sentences: Sequence[Span], phrases: Sequence[PhraseMatches], quantities: Sequence[Quantity]
) -> frozenset[int]:
    """The sentences without figures whose period phrases may date the figures of a later sentence of
    their paragraph that names no period of its own ("Le mois de juin 2016 est marqué par… Ainsi, 5 400…"):
    their parse says whether the period dates their main clause, which frames what follows, or a clause
    under it."""
    paragraph_of = paragraph_indexes(text, sentences)
    holding = {sentence_of(sentences, q.start) for q in quantities}
    framing: set[int] = set()
    last: int | None = None  # the last sentence of the paragraph so far that names a period
    for s, matched in enumerate(phrases):
        if s == 0 or paragraph_of[s] != paragraph_of[s - 1]:
            last = None
        if matched.matches:
            last = s if s not in holding else None  # one with figures is parsed anyway
        elif s in holding and last is not None:
            framing.add(last)
    return frozenset(framing)


def date_figures(
    quantities: Sequence[Quantity],
    text: str,
    language: str,
    published: dt.date | None,
    sentences: Sequence[Span],
    phrases: Sequence[PhraseMatches],
    parsed: Parsed | None = None,
) -> Dating:
    """The statement days of `text` and the period of each of its `quantities`; `phrases` are the period
    phrases matched in each sentence (`figcheck.extract.timeframes.sentence_phrases`), `parsed` holds the
    parse of their sentences where a model read them."""
    year = context_year(text, published)
    cues = speech_cues(language)
    found_dates = find_statement_dates(text, language, published, year, phrases)
    statement_dates = mark_reported(
        # the date of an inline citation is when the source wrote, not when anything was said
        [d for d in found_dates if not in_citation(text, d.start, d.end, language)],
        sentences,
        lambda sentence: cues.search(text, sentence.start, sentence.end) is not None,
    )
    grammars = parsed.grammars if parsed else (None,) * len(quantities)
    occurrence, time_nouns = wording_words(language, "occurrence"), wording_words(language, "time_nouns")

    def names_an_edition(period: Period) -> bool:
        # a year with no word of time beside it: "the 2019 Nobel Prize", not "the 2019/20 fiscal year"
        around = fold(text[max(0, period.start - 20) : period.end + 20])
        return YEAR.search(period.text) is not None and time_nouns.search(around) is None

    def takes_place(period: Period) -> Callable[[int], bool]:
        # whether the clause headed at `head` says when something took place, by its words up to the period
        def between(head: int) -> bool:
            return occurrence.search(fold(text[min(head, period.start) : period.start])) is not None

        return between

    def attaches(number: int, period: Period) -> bool:
        # a period phrase dates the figures of its own clause and of the clauses under it; a figure with
        # no verb above it sits in a fragment the parser cut off ("49 200 colis … doivent être
        # distribués"), where clauses say nothing
        grammar = grammars[number]
        if parsed is None or grammar is None or not grammar.governors or not has_verb(grammar):
            return True
        return dates(parsed.links, text, (period.start, period.end), grammar.governors)

    def plans(number: int) -> bool:
        # a plan or a promise ("will receive one million rubles") is about what is to come
        sentence = sentences[sentence_of(sentences, quantities[number].start)]
        return figure_status(grammars[number], text[sentence.start : sentence.end], language) == "planned"

    periods = figure_periods(
        text,
        language,
        sentences,
        phrases,
        quantities,
        statement_dates,
        published,
        year,
        attaches=attaches,
        narrates=lambda number: not describes_a_state(grammars[number], language),
        plans=plans,
        recounts=lambda number: recounts(grammars[number], language),
        rules=lambda number: states_a_rule(grammars[number], language),
        holds_now=lambda number: holds_now(grammars[number], language),
        frames=lambda period: (
            parsed is None
            or frames(
                parsed.links,
                (period.start, period.end),
                takes_place(period),
                names_an_edition(period),
            )
        ),
    )
    return Dating(statement_dates, periods)
