"""Stage 1 of the scan: the numbers of a text, as found.

Digit runs and number words are found by the grammar's anchor patterns; number words are joined into runs
("vingt et un"), scale words join the digits before them ("2 millions"), and numeric dates, phone numbers,
clock times and URLs found by a pre-pass become one token each. Fractions of a whole ("la moitié de") are
read as percent figures.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from figcheck.extract.numbers.grammar import CURRENCY_SIGNS, Grammar
from figcheck.extract.numbers.records import FoundNumber, ScanState
from figcheck.extract.numbers.values import digits_value, parse_run
from figcheck.extract.units import normalize

_LETTER_DIGIT = regex.compile(r"[\p{L}][0-9]")
# a minus sign glued to the digits, or set apart from them by a space inside a bracket ("(- 0,2 %)")
_MINUS = regex.compile(r"(?:(?<=[(\[])[-\u2212]\s?|(?<![\w.,%)\]-])[-\u2212])\Z")
MINUS_REACH = 2
_NUMBER_BEFORE = regex.compile(r"\d\s*\Z")
_WORD_BEFORE = regex.compile(r"(\p{L}+)\s+\Z")
WORD_BEFORE_REACH = 20


def word_runs(g: Grammar, text: str, matches: list[tuple[int, int, str]]) -> list[list[tuple[str, int, int]]]:
    """Consecutive number words joined into runs ("vingt et un", "two point five", "un million et demi")."""
    runs: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for s, e, w in matches:
        lw = w.lower()
        if current:
            prev_end = current[-1][2]
            gap = text[prev_end:s]
            m = g.gap_join.match(gap) if len(gap) < 12 else None
            last = current[-1][0]
            if m is not None and last not in g.ordinals and not (last in g.articles and lw in g.articles):
                if m.group("j"):
                    js = prev_end + m.start("j")
                    current.append((m.group("j").lower(), js, js + len(m.group("j"))))
                elif m.group("p"):
                    current.append((".", prev_end + m.start("p"), prev_end + m.end("p")))
                current.append((lw, s, e))
                continue
            runs.append(current)
        current = [(lw, s, e)]
    if current:
        runs.append(current)
    return runs


#: An anchor: start, end, "d" for a digit run or "w" for a number word, and its text.
_Anchor = tuple[int, int, str, str]
#: A span of the pre-pass: start, end and what it is ("url", "date", "phone", "time").
_Span = tuple[int, int, str]


def find_numbers(state: ScanState) -> None:
    """Fills ``state.nums`` (in text order) and ``state.starts`` with every number of the text."""
    anchors, spans = _anchors_and_spans(state)
    nums = _numbers_from_anchors(state, anchors)
    nums.sort(key=lambda n: n.start)
    if spans:
        nums = _merge_spans(state, nums, spans)
    state.nums = _with_proportions(state, nums)
    state.starts = [n.start for n in state.nums]


def _anchors_and_spans(state: ScanState) -> tuple[list[_Anchor], list[_Span]]:
    """Digit runs and number words in text order, and the pre-pass spans: URLs, numeric dates, phone
    numbers and clock times around the digit runs."""
    text, g = state.text, state.grammar
    spans: list[_Span] = []
    if "www." in text or "://" in text or "@" in text:
        spans = [(m.start(), m.end(), "url") for m in g.urls.finditer(text)]
    anchors: list[_Anchor] = []
    covered = -1
    for m in g.anchors.finditer(text):
        start, end = m.span()
        anchors.append((start, end, "d", m.group()))
        if end <= covered:
            continue
        at = start - 1 if start > 0 and text[start - 1] == "+" else start
        span = g.prepass.match(text, at)
        if span is not None:
            spans.append((span.start(), span.end(), span.lastgroup or ""))
            covered = span.end()
        elif end < len(text) and text[end].isalpha():
            glued = g.glued_words.match(text, end)
            if glued is not None:
                anchors.append((glued.start(), glued.end(), "w", glued.group()))
    for m in g.word_anchors.finditer(text):
        anchors.append((m.start(), m.end(), "w", m.group()))
    anchors.sort()
    spans.sort()
    return anchors, spans


def _numbers_from_anchors(state: ScanState, anchors: list[_Anchor]) -> list[FoundNumber]:
    """Words between digit anchors form runs, a digit anchor splits runs; digits take the scale words
    right after them."""
    text, g = state.text, state.grammar
    nums: list[FoundNumber] = []
    pending_words: list[tuple[int, int, str]] = []

    def flush_words() -> None:
        if pending_words:
            for run in word_runs(g, text, pending_words):
                _add_word_run(state, run, nums)
            pending_words.clear()

    i = 0
    while i < len(anchors):
        s, e, typ, raw = anchors[i]
        if typ == "w":
            if (
                raw.lower() != "cent"
                or state.lang != "fr"
                or not g.pour_before.search(text, max(0, s - 6), s)
            ):
                pending_words.append((s, e, raw))
            i += 1
            continue
        flush_words()
        num = _digit_number(state, s, e, raw)
        nums.append(num)
        i = _take_scale_words(state, num, e, anchors, i + 1)
    flush_words()
    return nums


def _take_scale_words(
    state: ScanState, num: FoundNumber, digits_end: int, anchors: list[_Anchor], next_index: int
) -> int:
    """A scale word run right after the digits ("2 millions", "1,5 milliard", "2millions") multiplies them;
    returns the index of the first anchor not consumed."""
    text, g = state.text, state.grammar
    if num.value is None or next_index >= len(anchors) or anchors[next_index][2] != "w":
        return next_index
    gap = text[digits_end : anchors[next_index][0]]
    if not (len(gap) <= 1 and (gap == "" or gap.isspace())):
        return next_index
    run_items = []
    k = next_index
    while k < len(anchors) and anchors[k][2] == "w":
        run_items.append((anchors[k][0], anchors[k][1], anchors[k][3]))
        k += 1
    first = word_runs(g, text, run_items)[0]
    if not (first[0][0] in g.scales or first[0][0] in ("mille", "thousand", "millier", "milliers")):
        return next_index
    # the longest prefix of the run that reads as a multiplier of the digits
    for cut in range(len(first), 0, -1):
        value = parse_run(g, first[:cut], lead=num.value)
        if value is not None:
            break
    else:
        return next_index
    num.mult = value / num.value if num.value else 1.0
    num.value = value
    num.end = first[cut - 1][2]
    num.plain = False
    num.integer = float(value).is_integer()
    i = next_index
    while i < len(anchors) and anchors[i][2] == "w" and anchors[i][1] <= num.end:
        i += 1
    return i


def _merge_spans(state: ScanState, nums: list[FoundNumber], spans: list[_Span]) -> list[FoundNumber]:
    """The pre-pass spans (URLs, numeric dates, phone numbers, clock times) decide first; the anchors
    inside one span become one token ("21/04/2016", "4pm"); a time that counts seconds and is no
    clock's is a figure, its value in seconds ("completing the race in 2:14:04")."""
    k = 0
    kept: list[FoundNumber] = []
    for n in nums:
        while k < len(spans) and spans[k][1] <= n.start:
            k += 1
        if k < len(spans) and spans[k][0] < n.end:
            span_start, span_end, kind = spans[k]
            if (
                kept
                and kept[-1].kind
                and kept[-1].start == min(span_start, kept[-1].start)
                and kept[-1].end == max(span_end, n.end)
            ):
                continue
            n.kind = {"url": "identifier"}.get(kind, kind)
            n.start, n.end = min(span_start, n.start), max(span_end, n.end)
            if kind == "time":
                _elapsed(state, n)
        kept.append(n)
    return kept


def _elapsed(state: ScanState, n: FoundNumber) -> None:
    """Makes the time `n` a figure in seconds when it is a race's ("in 2:14:04"), not a clock's."""
    text, g = state.text, state.grammar
    found = g.elapsed.fullmatch(text, n.start, n.end)
    if found is None or g.time_before.search(text, max(0, n.start - 30), n.start):
        return
    if g.time_after.match(text, n.end) or g.time_zone_after.match(text, n.end):
        return
    hours, minutes, seconds, race_minutes, race_seconds = found.groups()
    if hours is not None:
        value = int(hours) * 3600 + int(minutes) * 60 + float(seconds.replace(",", "."))
    else:
        value = int(race_minutes) * 60 + float(race_seconds.replace(",", "."))
    # no unit word is written: the figure counts none, its value is in seconds
    n.kind, n.value, n.integer, n.plain, n.elapsed = "figure", value, value.is_integer(), False, True


def _with_proportions(state: ScanState, nums: list[FoundNumber]) -> list[FoundNumber]:
    """Fractions of a whole as percent figures ("la moitié de la ville" = 50 %), replacing their words."""
    found = [
        FoundNumber(
            m.start(), m.end(), state.grammar.proportion_values[normalize(m.group("f"))], proportion=True
        )
        for m in state.grammar.proportions.finditer(state.text)
    ]
    if not found:
        return nums
    percent = state.units.lookup("%", state.lang)
    for p in found:
        p.unit, p.integer = percent, False
    # the fractions do not overlap: of those that start before a number ends, only the last may reach it
    starts = [p.start for p in found]

    def covered(n: FoundNumber) -> bool:
        before = bisect_left(starts, n.end)
        return before > 0 and found[before - 1].end > n.start

    kept = [n for n in nums if not covered(n)]
    return sorted(kept + found, key=lambda n: n.start)


def _digit_number(state: ScanState, s: int, e: int, raw: str) -> FoundNumber:
    text, g = state.text, state.grammar
    value, integer = digits_value(raw, state.lang)
    sign = _MINUS.search(text, max(0, s - MINUS_REACH), s)
    if sign is not None and value is not None and _takes_a_sign(text, sign.start()):
        s, value = sign.start(), -value
    num = FoundNumber(s, e, value, integer=integer)
    compact = raw.isdigit()
    num.plain = compact and not raw.startswith("0") or raw == "0"
    if value is None:
        num.kind = "unparsed"
        return num
    # letters glued before the digits: a currency code ("USD3.14", "Rs20") or an identifier ("J1149")
    if s > 0 and (text[s - 1].isalpha() or text[s - 1] in "+#" and s > 1 and text[s - 2].isalnum()):
        k = s
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "$."):
            k -= 1
        prefix = text[k:s]
        entry = state.units.lookup(prefix, state.lang) if prefix else None
        if entry is not None and entry.kind == "currency" and (k == 0 or not text[k - 1].isalnum()):
            num.prefix_start, num.prefix_unit = k, entry
        else:
            num.kind = "identifier"
            return num
    elif s > 1 and text[s - 1] == "-" and text[s - 2].isalpha():
        k = s - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if any(c.isupper() for c in text[k : s - 1]):
            num.kind = "identifier"
            return num
    # what is glued right after the digits
    if e < len(text) and (text[e].isalpha() or text[e] in CURRENCY_SIGNS + "%°²µμ"):
        k = e
        while k < len(text) and (text[k].isalnum() or text[k] in CURRENCY_SIGNS + "%°²³µμ/$"):
            k += 1
        suffix = text[e:k]
        if _LETTER_DIGIT.search(suffix) and not state.units.lookup(suffix, state.lang):
            num.kind = "identifier"
            return num
        om = g.ordinal_suffix.match(text, e)
        if om is not None and num.integer and compact:
            num.kind = "ordinal"
            num.end = om.end()
            return num
        dm = g.extra["decade_glued"].match(text, e)
        if dm is not None and compact and len(raw) in (2, 4):
            num.kind = "year"
            num.end = dm.end()
            return num
    return num


def _takes_a_sign(text: str, at: int) -> bool:
    """A minus at `at` is the sign of the number after it, not the dash of a range ("2016 -11", "10 -20")
    nor a hyphen inside a word: the word before it is no number."""
    return _NUMBER_BEFORE.search(text, max(0, at - 12), at) is None


def _after_a_vague_word(state: ScanState, at: int) -> bool:
    before = _WORD_BEFORE.search(state.text, max(0, at - WORD_BEFORE_REACH), at)
    return before is not None and before.group(1).lower() in state.grammar.vague_before


# More words than this make no one number ("deux milliards trois cent quarante-cinq millions six cent
# soixante-dix-huit mille neuf cent quatre-vingt-dix-neuf" is 19): a run of number words with no break is
# cut into numbers of at most this many words, so that its cost grows with its length, not its cube.
LONGEST_NUMBER_IN_WORDS = 40


def _add_word_run(state: ScanState, run: list[tuple[str, int, int]], nums: list[FoundNumber]) -> None:
    g = state.grammar
    words = [w for w, _, _ in run]
    # an ordinal word closes its run: "twenty-first", "cent vingt-cinquième"
    if words[-1] in g.ordinals:
        first = 0
        while first < len(words) - 1 and words[first] in ("a", "an", "un", "une", "the"):
            first += 1
        if words[-1] in g.standalone_ordinals:
            first = len(words) - 1
        for w, s, e in run[:first]:
            _add_word_run(state, [(w, s, e)], nums)
        n = FoundNumber(run[first][1], run[-1][2], None, spelled=True, kind="ordinal")
        nums.append(n)
        return
    if words[-1] in g.approx_nouns:
        # "une centaine", "une vingtaine": about 100, about 20
        # "une centaine", "a dozen", "two dozen": a count of the approximate noun
        base = 1.0 if len(words) == 2 and words[0] in g.articles else None
        if base is None and len(words) == 2 and words[0] in g.small_values:
            base = g.small_values[words[0]]
        if base is not None:
            n = FoundNumber(
                run[0][1], run[-1][2], base * g.approx_nouns[words[-1]], spelled=True, approx_word=True
            )
            nums.append(n)
        elif len(words) > 1:
            _add_word_run(state, run[:-1], nums)
        return
    v = parse_run(g, run)
    if words[0] in g.multiplied and _after_a_vague_word(state, run[0][1]):
        return  # "a few hundred years", "several thousand people": vague, no figure
    if v is not None and len(words) == 1 and words[0] in g.articles:
        n = FoundNumber(run[0][1], run[0][2], v, spelled=True, lone_article=words[0])
        nums.append(n)
        return
    if v is not None:
        n = FoundNumber(run[0][1], run[-1][2], v, spelled=True, integer=float(v).is_integer())
        n.homograph = len(words) == 1 and words[0] in g.homographs
        n.mult = max((g.scales.get(w, 1.0) for w in words), default=1.0)
        nums.append(n)
        return
    # not one number: the longest pieces that are ("vingt et un" | "cinq trente")
    state.groups += 1
    gid = state.groups
    i = 0
    while i < len(run):
        if run[i][0] in g.joiners or run[i][0] == "." or run[i][0] in g.halves:
            i += 1
            continue
        best = None
        for j in range(min(len(run), i + LONGEST_NUMBER_IN_WORDS), i, -1):
            if run[j - 1][0] in g.joiners or run[j - 1][0] == ".":
                continue
            v = parse_run(g, run[i:j])
            if v is not None:
                best = (j, v)
                break
        if best is None:
            i += 1
            continue
        j, v = best
        sub = [w for w, _, _ in run[i:j]]
        if len(sub) == 1 and sub[0] in g.articles:
            n = FoundNumber(run[i][1], run[j - 1][2], v, spelled=True, lone_article=sub[0])
        else:
            n = FoundNumber(run[i][1], run[j - 1][2], v, spelled=True, integer=float(v).is_integer())
            n.mult = max((g.scales.get(w, 1.0) for w in sub), default=1.0)
        n.group = gid
        nums.append(n)
        i = j
