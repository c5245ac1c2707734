"""The words around a period phrase or a figure that change what the period dates: a comparison
("contre 65 449 en 2015", "up from 14 in 2015"), a rate per unit of time ("2 millions d'euros par an"), a
data release ("l'Insee publie les chiffres…"), the words of a whole year ("sur toute l'année 2017"). The
words themselves are in `extract/data/periods_<lang>.yaml`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

import regex

from figcheck.extract.numbers import Quantity
from figcheck.extract.periods import Period, fold, wording
from figcheck.text.sentences import SENTENCE_END

# how far before a period phrase its comparison word may stand: "contre 10,5 % il y a un an"
COMPARISON_REACH = 40
PREPOSITION_REACH = 3
PER_TIME_REACH = 60  # characters after a figure where its rate's time unit may stand
MADE_KNOWN_REACH = 40  # characters before a day where the words that made something known may stand
RECORD_REACH = 60  # characters before a period where the record it starts may be named
RECORD_OPENER = 6  # characters of the period's own text that may hold "depuis" or "since"
PHRASE_END = regex.compile(r"[,;:.!?()\[\]]")
WORD = regex.compile(r"\w+")


@cache
def _release_cues(language: str) -> regex.Pattern[str]:
    cues = wording(language).get("releases", []) or ["(?!)"]
    return regex.compile(r"(?<!\w)(?:" + "|".join(c.replace(" ", r"\s+") for c in cues) + ")")


def releases(sentence: str, language: str) -> bool:
    """A data release ("Eurostat dévoile les chiffres…"), or a sentence that introduces what follows
    with a colon ("En 2016, selon l'Insee, les délits ont augmenté :")."""
    return sentence.endswith(":") or release_cue(sentence, language) is not None


def release_cue(sentence: str, language: str) -> int | None:
    """Where the words of a data release start in `sentence` ("dévoile les chiffres"), or None."""
    found = _release_cues(language).search(fold(sentence))
    return found.start() if found else None


@cache
def wording_words(language: str, key: str) -> regex.Pattern[str]:
    """The folded words of the wording list `key` as whole words, the longest tried first."""
    words = sorted((fold(w) for w in wording(language).get(key, [])), key=len, reverse=True)
    alternatives = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return regex.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")


def comparison_cue(text: str, period: Period, language: str, quantities: Sequence[Quantity]) -> int | None:
    """Where the comparison word that introduces `period` starts, or None. A word that compares only
    figures ("from", "against") needs one between it and the period: "up 4 % from 14 in 2015" compares,
    "survivors from the debris on Monday" does not."""
    left = max(0, period.start - COMPARISON_REACH)
    # never from the sentence before ("… soit une baisse de 2,7 %. En 2016, …")
    for stop in SENTENCE_END.finditer(text, left, min(len(text), period.start + 2)):
        left = max(left, min(stop.end(), period.start))
    # the phrase may begin with the comparison's own preposition: "par rapport [à l'année précédente]"
    window = fold(text[left : period.start + PREPOSITION_REACH])
    cues = [left + m.start() for m in wording_words(language, "comparison").finditer(window)]
    cues += [
        left + m.start()
        for m in wording_words(language, "comparison_of_figures").finditer(window)
        if _figure_between(quantities, left + m.end(), period.start)
    ]
    return max(cues) if cues else None


def made_known(text: str, period: Period, language: str) -> bool:
    """Whether the period is written right after the words that make something known ("findings
    published Wednesday", "released findings on Thursday"; `made_known`): when it was told, not when
    what is told took place."""
    before = " ".join(WORD.findall(fold(text[max(0, period.start - MADE_KNOWN_REACH) : period.start]))[-4:])
    return wording_words(language, "made_known").search(before) is not None


def since_a_record(text: str, period: Period, language: str, quantities: Sequence[Quantity]) -> bool:
    """Whether the period says since when something is a record ("leur pire performance depuis 1933",
    "the highest population since the winter of 2006-2007"): it dates no figure of its phrase. A figure
    between the two is what the period dates ("their largest customer has bought 300 planes since 2010")."""
    # the phrase up to the period's first words: "since" may open the period or stand before it ("since
    # the winter of 2006-2007")
    left = max(0, period.start - RECORD_REACH)
    phrase = PHRASE_END.split(text[left : period.start + RECORD_OPENER])
    start = left + len(text[left : period.start + RECORD_OPENER]) - len(phrase[-1])
    found = _record_words(language).search(fold(phrase[-1]))
    return found is not None and not _figure_between(quantities, start + found.start(), period.start)


@cache
def _record_words(language: str) -> regex.Pattern[str]:
    words = wording(language).get("record_since", {})
    opens = "|".join(words.get("opens") or ["(?!)"])
    marks = "|".join(words.get("marks") or ["(?!)"])
    return regex.compile(rf"(?<!\w)(?:{marks})(?!\w).*(?<!\w)(?:{opens})(?!\w)")


def _figure_between(quantities: Sequence[Quantity], start: int, end: int) -> bool:
    at = bisect_left(quantities, start, key=lambda q: q.start)
    return at < len(quantities) and quantities[at].end <= end


def compares(text: str, period: Period, language: str, quantities: Sequence[Quantity]) -> bool:
    return comparison_cue(text, period, language, quantities) is not None


def per_time(text: str, quantity: Quantity, language: str) -> bool:
    """Whether the figure is a rate per unit of time ("6 milliards de dollars par an"), read up to the
    next punctuation after it."""
    after = PHRASE_END.split(text[quantity.end : quantity.end + PER_TIME_REACH], maxsplit=1)[0]
    return wording_words(language, "per_time").search(fold(after)) is not None


@cache
def _whole_year_words(language: str) -> regex.Pattern[str]:
    block = wording(language).get("whole_year", {})
    heads, tails = block.get("heads") or ["(?!)"], block.get("tails") or ["(?!)"]
    return regex.compile(r"\A(?:" + "|".join(heads) + r")|(?:" + "|".join(tails) + r")\Z", regex.IGNORECASE)


def says_whole_year(period: Period, language: str) -> bool:
    """Whether the period's own words say the whole year ("sur toute l'année 2017", "2019 as a
    whole"), which a fact about a year still running does not cut short."""
    return period.scope == "whole_year" and _whole_year_words(language).search(period.text) is not None
