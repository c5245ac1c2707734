"""The value of a digit run ("10 000,5") and of a run of number words ("deux cent mille et demi")."""

from __future__ import annotations

from functools import lru_cache

import regex
from text_to_num import text2num

from figcheck.extract.numbers.grammar import MAX_DIGITS, Grammar, load_grammar

_DOT_GROUPS = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def digits_value(raw: str, lang: str) -> tuple[float | None, bool]:
    """The value of a digit run and whether it is an integer; None when it is not a number."""
    s = raw
    for sp in " \t\u00a0\u202f\u2009":
        s = s.replace(sp, "")
    if lang == "fr":
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
        elif s.count(".") > 1 or _DOT_GROUPS.fullmatch(s):
            s = s.replace(".", "")
    else:
        s = s.replace(",", "")
    digits = sum(c.isdigit() for c in s)
    if digits > MAX_DIGITS or s.count(".") > 1:
        return None, False
    try:
        value = float(s)
    except ValueError:
        return None, False
    return value, "." not in s


@lru_cache(maxsize=4096)
def _words_value(words: tuple[str, ...], lang: str) -> float | None:
    """The value of number words below the large scales ("deux cent deux mille"), or None."""
    if not words:
        return None
    if len(words) == 1:
        g = load_grammar(lang)
        if words[0] in ("cents", "hundreds", "thousands", "vingts"):
            return None
        v = g.small_values.get(words[0])
        if v is not None:
            return v
    ws = list(words)
    if lang == "en" and ws[0] in ("a", "an") and len(ws) > 1:
        ws[0] = "one"
    if lang == "en" and ws[0] in ("hundred", "thousand"):
        ws.insert(0, "one")
    if lang == "en":
        ws = ["zero" if w in ("naught", "nought") else w for w in ws]
        ws = ["forty" if w == "fourty" else w for w in ws]
    if lang == "fr" and ws[0] in ("une",) and len(ws) > 1:
        return None
    if ws[0] in ("et", "and") or ws[-1] in ("et", "and"):
        return None
    try:
        return float(text2num(" ".join(ws), lang))
    except (ValueError, IndexError, KeyError, TypeError):
        return None


def parse_run(g: Grammar, run: list[tuple[str, int, int]], lead: float | None = None) -> float | None:
    """The value of a whole run of number words (lead: a digit value before it, "1,5 million"), or None."""
    words = [w for w, _, _ in run]
    total = 0.0
    seg: list[str] = []
    seg_value: float | None = lead
    pending_half = False
    last_scale = 0.0
    i = 0
    n = len(words)
    has_scale = False
    while i < n:
        w = words[i]
        scale = _scale_of(g, w, seg, seg_value)
        if scale is not None:
            base = _scale_base(g, seg, seg_value, pending_half)
            if base is None:
                return None
            total += base * scale
            last_scale = scale
            has_scale = True
            seg, seg_value, pending_half = [], None, False
            i += 1
            half_end = _half_after_scale(g, words, i)
            if half_end is not None:
                total += 0.5 * scale
                i = half_end
            elif i < n and words[i] in g.joiners:
                i += 1
            continue
        if w in g.halves and not seg and seg_value is None and i + 1 < n:
            pending_half = True
            i += 1
            continue
        if w == ".":
            int_part = _split_half(g, seg) if seg else seg_value
            decimals = _decimals_after_point(g, words, i + 1)
            if int_part is None or decimals is None:
                return None
            digits, i = decimals
            seg, seg_value = [], float(f"{int(int_part)}.{digits}")
            continue
        if seg_value is not None and not seg:
            return None
        seg.append(w)
        i += 1
    if seg:
        v = _split_half(g, seg)
        if v is None:
            return None
        if has_scale and last_scale and v >= last_scale:
            return None
        total += v
    elif seg_value is not None:
        total += seg_value
    elif pending_half:
        return None
    return total


def _scale_of(g: Grammar, word: str, seg: list[str], seg_value: float | None) -> float | None:
    """The multiplier of a scale word ("million", "milliers"; "mille" after a digit value alone)."""
    scale = g.scales.get(word)
    if (
        scale is None
        and word in ("mille", "thousand", "thousands", "millier", "milliers")
        and (seg_value is not None and not seg)
    ):
        scale = 1000.0
    if scale is None and word in ("millier", "milliers"):
        scale = 1000.0
    return scale


def _scale_base(g: Grammar, seg: list[str], seg_value: float | None, pending_half: bool) -> float | None:
    """What a scale word multiplies: the words or digit value before it ("deux cents mille", "1,5 million",
    "un million", "half a million"), or None when nothing before it is a number."""
    if seg:
        if all(x in g.articles for x in seg) and len(seg) == 1:
            return 0.5 if pending_half else 1.0  # "half a million", "a million"
        if seg == ["un", "demi"] or seg == ["a", "half"] or seg in (["demi"], ["half"]):
            return 0.5
        return _split_half(g, seg)
    if seg_value is not None:
        return seg_value
    if pending_half:
        return 0.5
    return None


def _half_after_scale(g: Grammar, words: list[str], i: int) -> int | None:
    """ "un million et demi", "3 million and a half": where the words after the half start, or None."""
    rest = words[i:]
    if not (rest[:1] and rest[0] in g.joiners):
        return None
    tail = rest[1:]
    if tail[:1] and tail[0] in ("a", "an"):
        tail = tail[1:]
    if tail[:1] and tail[0] in g.halves:
        return len(words) - len(tail) + 1
    return None


def _decimals_after_point(g: Grammar, words: list[str], i: int) -> tuple[str, int] | None:
    """The digits spelled after "point" / "virgule" ("two point five") and where they end, or None."""
    j = i
    decimals = ""
    while j < len(words) and words[j] not in g.scales:
        v = g.small_values.get(words[j])
        if v is None or v >= 10 or not float(v).is_integer():
            break
        decimals += str(int(v))
        j += 1
    if not decimals:
        return None
    return decimals, j


def _split_half(g: Grammar, seg: list[str]) -> float | None:
    """Words below the scales, with "and a half" / "et demi" at the end."""
    if len(seg) >= 2 and seg[-1] in g.halves:
        k = len(seg) - 1
        if seg[k - 1] in ("a", "an"):
            k -= 1
        if k >= 1 and seg[k - 1] in g.joiners:
            base = _words_value(tuple(seg[: k - 1]), g.lang)
            return None if base is None else base + 0.5
        if seg[:-1] == ["un"] or seg[:-1] == ["a"]:
            return 0.5
        return None
    if any(w in g.halves for w in seg):
        return None
    return _words_value(tuple(seg), g.lang)


# --------------------------------------------------------------------------------------------------
