"""Stage 3 of the scan: what each number is: a figure, or a date, year, time, age, ordinal, identifier,
article or nothing at all, read from the words around it.

:func:`classify` asks a sequence of readers in a fixed order; the first that recognises the number decides.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import regex

from figcheck.extract.numbers.combine import SCORE_DASH
from figcheck.extract.numbers.context import has_qualifier_before, noun_after, qualifier_kind_before
from figcheck.extract.numbers.records import FoundNumber, ScanState

_CAPITAL_AT = regex.compile(r"[ \t-]\p{Lu}")
_DESIGNATION_AFTER = regex.compile(r" \p{Lu}\p{Ll}+ [b-h](?![\p{L}\p{N}'’])")
_NAME_BEFORE = regex.compile(
    r"(?r)(?<![.!?:«\"“][ \t]*)(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*[ \t]+(?:(?:of|the|de|des|du)[ \t]+)?\Z"
)
_YEAR_SLASH_BEFORE = regex.compile(r"(?r)(?<![\p{N}.,])(?:1[89]|20)[0-9]{2}[ \t]?[/–-][ \t]?\Z")
_NOUN_ONLY = regex.compile(r"[ \t]+[\p{L}'’-]+(?:[ \t]+[\p{L}'’-]+)?")
_FOOTNOTE = regex.compile(r".?[\p{L}\p{N}.,;:!?)»\"’][ \t]?\[[0-9]{1,3}\]\Z")
_IL_Y_A = regex.compile(r"(?r)\by\s+a\s+(?:\S+\s+){0,3}\Z", regex.I)
_PAST_AFTER = regex.compile(r"\s+past\b", regex.I)
PAST_REACH = 16  # "seven   past"
AGE_REACH = 16  # "58   ans,"
PAIR_GAP = 6  # characters between the two numbers of a range or a score ("43 – 5", "60 à 80")
_PAST_BEFORE = regex.compile(r"(?r)\bpast\s+\Z", regex.I)
_CONNECTOR_BEFORE = regex.compile(r"(?r)[0-9\p{L}]\s*-?\s*\p{L}{1,7}\s+\Z")
_NAME_COMMA_BEFORE = regex.compile(r"(?r)\p{Lu}\p{Ll}+,\s*\Z")
_CAP_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}'’.-])(?P<w>\p{Lu}[\p{L}]*)[ \t]+\Z")


def classify(state: ScanState, n: FoundNumber) -> None:
    """Sets ``n.kind``: the first reader that recognises the number decides, and a figure is what is left."""
    if n.kind:
        return
    if n.value is None:
        n.kind = "unparsed"
        return
    if n.proportion:
        n.kind = "figure"
        return
    for reader in _READERS:
        kind = reader(state, n)
        if kind is not None:
            n.kind = kind
            return
    n.kind = "figure"


def _before_start(n: FoundNumber) -> int:
    """Where the words read before a number start: 60 characters back."""
    return max(0, n.start - 60)


def _is_small(n: FoundNumber) -> bool:
    """A whole number that may be a day of the month."""
    return n.integer and n.value is not None and 0 <= n.value <= 31


def _is_year_like(n: FoundNumber) -> bool:
    """A plain or spelled whole number from 1000 to 2100, with no scale word."""
    value = n.value
    assert value is not None
    return n.integer and 1000 <= value <= 2100 and (n.plain or n.spelled) and n.mult == 1.0


def _unit_kind(n: FoundNumber) -> str | None:
    return n.unit.kind if n.unit is not None else None


def _article_kind(state: ScanState, n: FoundNumber) -> str | None:
    """ "a", "an", and "un" / "one" that count nothing are articles; "un euro", "one in ten" count."""
    if n.lone_article is None:
        return None
    if n.lone_article in ("a", "an"):
        return "article"
    unit_kind = _unit_kind(n)
    if (
        unit_kind in ("currency", "cents", "measure", "percent")
        or n.lone_article == "one"
        and unit_kind == "count"
        or (has_qualifier_before(state, n) and qualifier_kind_before(state, n) not in (None, "exact"))
        or _counting_one(state, n)
    ):
        return None
    return "article"


def _fraction_kind(state: ScanState, n: FoundNumber) -> str | None:
    """ "deux tiers", "two thirds": fractions are not read."""
    g = state.grammar
    if n.unit is None and g.fractions:
        word = g.word_after.match(state.text, n.end)
        if word is not None and word.group("w").lower() in g.fractions:
            return "unparsed"
    return None


def _age_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Ages: "45 ans" after avoir, "45 years old", "âgé de 45 ans", "John Smith, 45, said"."""
    text, g, start, end = state.text, state.grammar, n.start, n.end
    before = _before_start(n)
    value = n.value
    assert value is not None
    unit_kind = _unit_kind(n)
    if g.age_after.match(text, end) is not None:
        return "age"
    if (
        n.integer
        and value < 130
        and (n.unit is None or unit_kind == "time")
        and n.prefix_unit is None
        and g.age_before.search(text, before, start)
    ):
        return "age"
    if unit_kind == "time" and n.unit is not None and n.unit.unit in ("year", "month", "week", "day"):
        if g.age_verbs.search(text, before, start) and not g.skip_de.match(text, n.unit_end or end):
            if not _IL_Y_A.search(text, before, start):
                return "age"
    if n.integer and 0 < value < 120 and _appositive_age(state, n):
        return "age"
    return None


def _ago_kind(state: ScanState, n: FoundNumber) -> str | None:
    """ "il y a 5 ans", "5 years ago": a point in time."""
    text, g = state.text, state.grammar
    if _unit_kind(n) == "time" and (
        g.ago_before.search(text, _before_start(n), n.start) or g.ago_after.match(text, n.end)
    ):
        return "date"
    if g.ago_after.match(text, n.end):
        return "date"
    return None


def _calendar_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Months and weekdays: "le 4 février", "January 5", "janvier 2026", "Dimanche 5"."""
    text, g, start = state.text, state.grammar, n.start
    before = _before_start(n)
    small = _is_small(n)
    if g.month_after.match(text, n.end) and small:
        return "date"
    if g.month_before.search(text, before, start):
        if small:
            return "date"
        if _is_year_like(n):
            return "year"
    if small and g.weekday_before.search(text, before, start):
        return "date"
    return None


def _clock_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Clock times: "à 7", "at seven", "five to seven today", "fifteen past eight"."""
    text, g, start, end = state.text, state.grammar, n.start, n.end
    before = _before_start(n)
    value = n.value
    assert value is not None
    qualified = has_qualifier_before(state, n)
    if n.group >= 0 and n.integer and value < 60 and g.time_after.match(text, end):
        return "time"
    hour_unit = n.unit is not None and n.unit.unit == "hour"
    if not (
        n.integer
        and 0 <= value <= 24
        and (n.unit is None or hour_unit)
        and n.prefix_unit is None
        and not qualified
    ):
        return None
    if hour_unit and g.time_before.search(text, before, start) and not _after_number(state, n):
        return "time"
    if n.unit is None and g.time_after.match(text, end):
        return "time"
    # bounded: without an end, the regex engine looks for "past" through the rest of the text first
    if _PAST_AFTER.match(text, end, end + PAST_REACH) or _PAST_BEFORE.search(text, max(0, start - 8), start):
        return "time"
    if (
        n.unit is None
        and g.time_before.search(text, before, start)
        and g.day_after.match(text, end)
        and not _after_number(state, n)
    ):
        return "time"
    return None


def _day_kind(state: ScanState, n: FoundNumber) -> str | None:
    """A bare day of the month: "le 27", "for the 27", "on 15 at 8:00"."""
    text, g = state.text, state.grammar
    value = n.value
    assert value is not None
    if (
        _is_small(n)
        and n.unit is None
        and value >= 1
        and g.day_before.search(text, _before_start(n), n.start)
        and g.day_after.match(text, n.end)
        and not has_qualifier_before(state, n)
    ):
        return "date"
    return None


def _year_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Decades ("les années 90") and years: a bare 4-digit number from 1800 to 2100 with no qualifier,
    currency or unit."""
    if state.grammar.decade_before.search(state.text, _before_start(n), n.start):
        return "year"
    value = n.value
    assert value is not None
    if _is_year_like(n) and (n.plain or n.spelled) and n.prefix_unit is None and n.unit is None:
        if 1800 <= value <= 2100 and not has_qualifier_before(state, n):
            n.year_default = True
            return "year"
    if (
        _is_year_like(n)
        and n.plain
        and n.prefix_unit is None
        and n.unit is not None
        and n.unit.kind in ("count", "noun")
    ):
        # "the 1973 building", "his 2016 arrest": a year describes the singular noun after it
        singular = state.grammar.extra["singular_noun"].match(n.unit_text or "")
        if 1800 <= value <= 2100 and singular and not has_qualifier_before(state, n):
            return "year"
    return None


def _label_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Labels and names before a number: "n° 5", "article 3", "Voyager 2", "English 101"."""
    if (
        not n.spelled
        and n.prefix_unit is None
        and n.unit is None
        and state.grammar.label_before.search(state.text, _before_start(n), n.start)
    ):
        return "identifier"
    if (
        n.plain
        and n.prefix_unit is None
        and n.unit is None
        and _capitalised_before(state, n)
        and not _opens_a_pair(state, n)
    ):
        return "identifier"
    return None


def _opens_a_pair(state: ScanState, n: FoundNumber) -> bool:
    """Whether a number opens a range or a score with the next ("Caboolture 43–5", "en France 60 à 80
    milliards"): after a name, still no part of it."""
    k = bisect.bisect_right(state.starts, n.start)
    if k >= len(state.nums):
        return False
    after = state.nums[k]
    gap = state.text[n.end : after.start]
    if len(gap) > PAIR_GAP:
        return False
    if SCORE_DASH.fullmatch(gap):  # glued to both: a score ("43–5"), while "Boeing 737-800" names a model
        return n.value is not None and after.value is not None and n.value >= after.value
    return bool(state.grammar.gap_bare.match(gap) or state.grammar.gap_range_and.match(gap))


def _dropped_kind(state: ScanState, n: FoundNumber) -> str | None:
    """No number token at all: an adjective homograph ("neuf") and the number ending a set phrase."""
    if n.homograph and n.unit is None and not has_qualifier_before(state, n) and not _counts_nouns(state, n):
        return "drop"
    if _idiom(state, n):
        return "drop"
    return None


def _marker_kind(state: ScanState, n: FoundNumber) -> str | None:
    """Numbers that the words around them mark as no figure, each class read by its own helper."""
    for kind, test in (
        ("identifier", _footnote),
        ("time", _clock_hhmm),
        ("identifier", _name_part),
        ("ordinal", _spaced_ordinal),
        ("year", _year_tail),
    ):
        if test(state, n):
            return kind
    return None


def _footnote(state: ScanState, n: FoundNumber) -> bool:
    """A footnote mark: "décès [2]," or "6 [1] fois", a bracketed number right after a word or number."""
    return n.plain and _FOOTNOTE.match(state.text, max(0, n.start - 3), n.end + 1) is not None


def _clock_hhmm(state: ScanState, n: FoundNumber) -> bool:
    """A four-digit clock time before a time zone: "0100 UTC", "(1408 GMT)"."""
    raw = state.text[n.start : n.end]
    if len(raw) != 4 or not raw.isdigit() or int(raw[:2]) > 23 or int(raw[2:]) > 59:
        return False
    return state.grammar.time_zone_after.match(state.text, n.end) is not None


def _name_part(state: ScanState, n: FoundNumber) -> bool:
    """A number inside a name: "737 Max", "51 Pegasi b", "numéro trois", "the Group of Seven"."""
    text, g, s = state.text, state.grammar, n.start
    if n.plain and n.unit is None and g.model_after.match(text, n.end):
        return _CAPITAL_AT.match(text, n.end) is not None
    if n.plain and _DESIGNATION_AFTER.match(text, n.end):
        return True
    if n.spelled and g.label_spelled_before.search(text, max(0, s - 30), s):
        return True
    return n.spelled and text[s].isupper() and _NAME_BEFORE.search(text, max(0, s - 40), s) is not None


def _spaced_ordinal(state: ScanState, n: FoundNumber) -> bool:
    """A rank whose suffix stands apart from its digits: "19 e", "3 rd"."""
    return n.plain and state.grammar.spaced_ordinal.match(state.text, n.end) is not None


def _year_tail(state: ScanState, n: FoundNumber) -> bool:
    """The second year of a fiscal year or season: "2019/20", "1990-95"."""
    if n.end - n.start != 2 or not state.text[n.start : n.end].isdigit():
        return False
    return _YEAR_SLASH_BEFORE.search(state.text, max(0, n.start - 8), n.start) is not None


def _counting_one(state: ScanState, n: FoundNumber) -> bool:
    """ "un" / "one" that counts: "all but one", "one vote against", "44 Russes et un Ouzbek"."""
    text, g, s = state.text, state.grammar, n.start
    if g.one_counts_before.search(text, max(0, s - 20), s) or g.one_counts_after.match(text, n.end):
        return True
    joiner = g.enumeration_joiner.search(text, max(0, s - 6), s)
    noun = g.word_after.match(text, n.end)
    if joiner is None or noun is None or noun.group("w").lower() in g.not_units:
        return False  # "3 died and one of them was": a pronoun
    k = bisect.bisect_left(state.starts, s)
    prev = state.nums[k - 1] if k > 0 else None
    if (
        prev is None
        or prev.kind != "figure"
        or prev.unit is not None
        and prev.unit.kind not in ("noun", "count")
    ):
        return False
    # parallel counts: the figure before is followed by its noun only ("3 Belges et un Suisse")
    return _NOUN_ONLY.fullmatch(text, prev.end, joiner.start()) is not None


def _idiom(state: ScanState, n: FoundNumber) -> bool:
    """ "coupées en deux par Daech", "split in two": a set phrase ends on the number, which counts nothing
    (like "remise à neuf", it is no number token at all)."""
    if n.unit is not None or noun_after(state, n):
        return False
    return state.grammar.idioms.search(state.text, max(0, n.start - 30), n.end) is not None


def _counts_nouns(state: ScanState, n: FoundNumber) -> bool:
    """ "neuf candidats", "les neuf premiers mois": a homograph before a plural noun is a number."""
    m = state.grammar.word_after.match(state.text, n.end)
    if m is None or state.text[n.end : m.start("w")] not in (" ", "\u00a0"):
        return False
    w = m.group("w").lower()
    if w in state.grammar.not_units:
        return False
    return w in state.grammar.pre_noun or (w[-1] in "sx" and len(w) > 3)


def _after_number(state: ScanState, n: FoundNumber) -> bool:
    """Whether another number ends just before this one ("de zéro à dix": "à" is not a clock time)."""
    if _CONNECTOR_BEFORE.search(state.text, max(0, n.start - 14), n.start) is None:
        return False
    k = bisect.bisect_left(state.starts, n.start)
    # a date just before is no range start: "le 1er août 2023 à 10 heures" gives a clock time
    return any(
        0 <= n.start - m.end <= 12 and m.kind not in ("date", "year") for m in state.nums[max(0, k - 2) : k]
    )


def _appositive_age(state: ScanState, n: FoundNumber) -> bool:
    """ "John Smith, 45, said", "Gustavo Petro, 58 ans, a tweeté", "another brother, 22, was": a number
    between commas after a capitalised name or a word for a person."""
    text = state.text
    if not n.plain:
        return False
    # bounded: a pattern that needs a word ("ans") looks for it up to its end, the whole text unbounded
    if not state.grammar.age_apposed.match(text, n.end, n.end + AGE_REACH):
        return False
    before = max(0, n.start - 30)
    return (
        _NAME_COMMA_BEFORE.search(text, before, n.start) is not None
        or state.grammar.age_holders.search(text, before, n.start) is not None
    )


def _capitalised_before(state: ScanState, n: FoundNumber) -> bool:
    text = state.text
    m = _CAP_BEFORE.search(text, max(0, n.start - 40), n.start)
    if m is None:
        return False
    k = m.start()
    j = k
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in ".!?\n":
        return False
    word = m.group("w")
    if word.lower() in state.grammar.not_units or word.lower() in state.grammar.cardinals:
        return False
    return True


#: The readers :func:`classify` asks, in this order: markers before articles, dates before clock times.
_READERS: tuple[Callable[[ScanState, FoundNumber], str | None], ...] = (
    _marker_kind,
    _article_kind,
    _fraction_kind,
    _age_kind,
    _ago_kind,
    _calendar_kind,
    _clock_kind,
    _day_kind,
    _year_kind,
    _label_kind,
    _dropped_kind,
)
