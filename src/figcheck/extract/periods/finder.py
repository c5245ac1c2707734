"""Finding period phrases: windows around trigger words, every grammar that may match there, the longest
candidate kept, and a modifier before it ("fin", "depuis", "d'ici") applied."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from figcheck.extract.periods.context import Resolution, ResolveContext
from figcheck.extract.periods.lexicon import lexicon
from figcheck.extract.periods.period import Period
from figcheck.extract.periods.words import Lexicon, compiled, lower_same_length
from figcheck.extract.status import sentence_cues
from figcheck.text.sentences import LONGEST_SENTENCE
from figcheck.text.spans import keep_disjoint


def find_periods(
    text: str, language: str, reference: date | None = None, context_year: int | None = None
) -> list[Period]:
    """Period phrases of ``text`` in reading order.

    ``language`` is ``"fr"`` or ``"en"``. ``reference`` is the date relative phrases resolve
    against: the caller passes the statement date when the figure belongs to a dated statement,
    else the published date of the article. ``context_year`` (a year the article is known to speak
    of) is used for phrases without a year when there is no reference date.
    """
    return resolve_phrases(match_phrases(text, language), reference, context_year)


# How far from a trigger word a phrase may start (the longest heads: "pendant tout le reste de
# cette année") and end ("la semaine commençant le 4 février 2026").
_LEFT, _RIGHT = 50, 45

#: A candidate phrase: start, end, the priority of its grammar (lower first) and its resolution.
_Candidate = tuple[int, int, int, Resolution]


@dataclass(frozen=True)
class Found:
    """A grammar's match as plain data, which another process can send back: the text it was found in,
    where each of its groups stands (``(-1, -1)`` for a group that took no part) and the number of each
    group name. It answers what the resolvers ask of a match."""

    string: str
    spans: tuple[tuple[int, int], ...]
    names: Mapping[str, int]

    @classmethod
    def of(cls, match: Any) -> Found:
        return cls(match.string, match.regs, _group_names(match.re))

    def span(self, group: int | str = 0) -> tuple[int, int]:
        number = group if isinstance(group, int) else self.names.get(group, -1)
        if not 0 <= number < len(self.spans):
            raise IndexError(f"no such group: {group}")
        return self.spans[number]

    def start(self, group: int | str = 0) -> int:
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        return self.span(group)[1]

    def group(self, group: int | str = 0) -> str | None:
        start, end = self.span(group)
        return None if start < 0 else self.string[start:end]


@cache
def _group_names(pattern: Any) -> Mapping[str, int]:
    # one mapping per grammar, shared by its matches (a pattern hands out a new copy each time it is asked)
    return dict(pattern.groupindex)


@dataclass(frozen=True)
class PhraseMatches:
    """What every grammar matched in a text, before any date is resolved: matching is most of the cost,
    and one text is resolved against more than one reference (the published day, a statement's day).
    ``offset`` is where the text starts in the article, which the periods of `resolve_phrases` keep.
    Plain data: the matching may be done in another process."""

    text: str
    low: str
    language: str
    # each match with its grammar's priority and resolver
    matches: tuple[tuple[int, Found, Callable[..., Resolution | None]], ...]
    offset: int = 0

    @property
    def lex(self) -> Lexicon:
        return lexicon(self.language)


def match_phrases(text: str, language: str, offset: int = 0) -> PhraseMatches:
    """Every match of the period grammars in ``text``, each grammar read around the trigger words it needs."""
    lex = lexicon(language)
    low = lower_same_length(text)
    around = _trigger_windows(lex, low)
    merged: dict[frozenset[str], list[tuple[int, int]]] = {}  # grammars share their needs
    matches = []
    for priority, (_name, pattern, resolve, needs) in enumerate(lex.grammars):
        # a grammar reads only around the words it needs: "mardi" alone does not wake the year grammars
        if needs not in merged:
            merged[needs] = _merged(w for kind in needs for w in around.get(kind, ()))
        for window_start, window_end in merged[needs]:
            for match in pattern.finditer(low, window_start, window_end, overlapped=False):
                if match.end() > match.start():
                    matches.append((priority, Found.of(match), resolve))
    return PhraseMatches(text, low, language, tuple(matches), offset)


def _sentence_bounds(low: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around `low[start:end]`, looked for no further than a sentence's length each way, so
    that a text without stops costs linear time."""
    reach = max(0, start - LONGEST_SENTENCE)
    first = max(low.rfind(mark, reach, start) for mark in (".", "!", "?", "\n"))
    first = first if first >= 0 else reach - 1
    limit = min(len(low), end + LONGEST_SENTENCE)
    ends = [i for i in (low.find(". ", end, limit), *(low.find(m, end, limit) for m in "!?\n")) if i != -1]
    last = min(ends) if ends else limit
    return first + 1, last + 1


def resolve_phrases(
    phrases: PhraseMatches, reference: date | None, context_year: int | None, reading: str | None = None
) -> list[Period]:
    """The periods of matched phrases, with the reading of dates without a year forced (``"past"``,
    ``"future"``, ``"nearest"``) or, when ``reading`` is None, read from each sentence's status cues; their
    offsets are in the article (``phrases.offset`` added)."""
    text, low, lex = phrases.text, phrases.low, phrases.lex
    status_cache: dict[tuple[int, int], str] = {}

    def reading_at(start: int, end: int) -> str:
        if reading is not None:
            return reading
        bounds = _sentence_bounds(low, start, end)
        if bounds not in status_cache:
            cues = sentence_cues(text[bounds[0] : bounds[1]], lex.language)
            status_cache[bounds] = (
                ("nearest" if "actual" in cues else "future") if "planned" in cues else "past"
            )
        return status_cache[bounds]

    candidates: list[_Candidate] = []
    for priority, match, resolve in phrases.matches:
        ctx = ResolveContext(lex, reference, context_year, "past", text, low)
        if reference is not None:
            ctx.reading = reading_at(match.start(), match.end())
        resolution = resolve(match, ctx)
        if resolution is not None:
            start, end = _strip_spaces(low, *match.span())
            candidates.append((start, end, priority, resolution))
    periods = []
    for start, end, _priority, resolution in _longest_first(candidates):
        period = _apply_modifier(Period(start, end, text[start:end], *resolution), text, low, lex, reference)
        if phrases.offset:
            period = replace(period, start=period.start + phrases.offset, end=period.end + phrases.offset)
        periods.append(period)
    return periods


def _trigger_windows(lex: Lexicon, low: str) -> dict[str, list[tuple[int, int]]]:
    """The stretches of text around each trigger word, by the kind of word hit."""
    windows: dict[str, list[tuple[int, int]]] = {}
    for hit in lex.trigger.finditer(low):
        start, end = max(0, hit.start() - _LEFT), min(len(low), hit.end() + _RIGHT)
        windows.setdefault(hit.lastgroup or "", []).append((start, end))
    return windows


def _merged(windows: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Windows in reading order, overlapping ones merged, so that one grammar reads no text twice."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(windows):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _strip_spaces(low: str, start: int, end: int) -> tuple[int, int]:
    while end > start and low[end - 1].isspace():
        end -= 1
    while start < end and low[start].isspace():
        start += 1
    return start, end


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates that do not overlap, in reading order: the longest first, then the earlier grammar."""
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    return keep_disjoint(candidates, lambda c: (c[0], c[1]))


def _apply_modifier(period: Period, text: str, low: str, lex: Lexicon, reference: date | None) -> Period:
    """ "fin 2025", "depuis 2014", "d'ici 2030": a word before the period changes its scope."""
    if lex.modifier_re is None or period.scope in ("rest_of_year", "year_to_date"):
        return period
    ends = [period.start]
    lead = compiled(lex.macros["LEAD_RE"]).match(low, pos=period.start, endpos=period.end)
    if lead and lead.end() > period.start:
        ends.append(lead.end())
    found = [x for x in (lex.modifier_re.search(low, max(0, e - 25), e) for e in ends) if x is not None]
    if not found:
        return period
    modifier = min(found, key=lambda x: x.start())
    start = min(modifier.start(), period.start)
    phrase = text[start : period.end]
    if modifier.group("within"):
        # "fin 2025" is some part of the year; "late Tuesday" still that one day
        scope = "day" if period.scope == "day" else "unspecified"
        return Period(start, period.end, phrase, scope, period.period_start, period.period_end, period.anchor)
    if modifier.group("since"):
        since, until = _open_interval(period.period_start, reference, named="start")
        # "depuis le 1er janvier": from the start of the reference's year to the reference is year to date
        from_new_year = (
            since is not None
            and until is not None
            and (since.month, since.day) == (1, 1)
            and since.year == until.year
            and period.scope == "day"
        )
        scope = "year_to_date" if from_new_year else "unspecified"
        return Period(start, period.end, phrase, scope, since, until, period.anchor)
    ahead = modifier.groupdict().get("ahead")
    if modifier.group("until") or ahead:
        end = _ahead(period, phrase, reference) if ahead else period.period_end
        since, until = _open_interval(reference, end, named="end")
        # "d'ici décembre", "by December": from the reference to the end of its year is the rest of it
        to_year_end = (
            since is not None
            and until is not None
            and (until.month, until.day) == (12, 31)
            and since.year == until.year
            and (since.month, since.day) != (1, 1)
        )
        scope = "rest_of_year" if to_year_end else "unspecified"
        return Period(start, period.end, phrase, scope, since, until, period.anchor)
    return period


def _ahead(period: Period, phrase: str, reference: date | None) -> date | None:
    """The end of a month named without its year after a word that looks ahead ("by", "d'ici"): the next
    one, not the last."""
    end = period.period_end
    # a day ("by November 22") is as often a deadline already past, in a past-tense report
    if reference is None or end is None or end >= reference or period.scope != "month":
        return end
    if compiled(r"\d{4}").search(phrase):
        return end
    return end.replace(year=end.year + 1) if (end.month, end.day) != (2, 29) else end


def _open_interval(start: date | None, end: date | None, named: str) -> tuple[date | None, date | None]:
    """An interval bounded by the reference date on one side keeps only its named bound when the
    reference falls on the wrong side: "avant 1970" said in 2016 ends in 1970, start unknown."""
    if start is not None and end is not None and start > end:
        return (start, None) if named == "start" else (None, end)
    return start, end
