"""Stage 2 of the scan: what stands around a number: its currency sign, scale, unit, counted noun and
qualifier ("plus de", "about", "au moins")."""

from __future__ import annotations

from typing import Any

import regex

from figcheck.extract.numbers.grammar import CURRENCY_SIGNS
from figcheck.extract.numbers.records import FoundNumber, ScanState
from figcheck.extract.units import UnitEntry, normalize

_CHUNK = regex.compile(r"[^\s]+")
_FOOTNOTE_AT = regex.compile(r"[ \t]?\[[0-9]{1,3}\]")
_HEAD_OF = regex.compile(r"[\p{L}\p{M}'’-]+\s+(?:de\s+|d['’]\s*|of\s+)([\p{L}\p{M}-]+)", regex.I)


def attach_unit(state: ScanState, n: FoundNumber) -> None:
    """The currency sign before the number and the unit after it (with a glued scale or "de")."""
    text, g, lex = state.text, state.grammar, state.units
    lang = state.lang
    if n.prefix_start is None and n.start > 0:
        m = g.currency_before.search(text, max(0, n.start - 8), n.start)
        if m is not None:
            c = m.group("c")
            entry = lex.lookup(c, lang)
            mult = 1.0
            if entry is None and len(c) == 4 and c[0] == "M":
                entry = lex.lookup(c[1:], lang)
                mult = 1e6 if entry is not None and entry.kind == "currency" else 1.0
            if entry is None and c[-1] in CURRENCY_SIGNS:
                entry = lex.lookup(c[-1], lang)
                if entry is not None:
                    c = c[-1]
            if entry is not None and entry.kind in ("currency", "cents"):
                n.prefix_start = m.start("c") + (len(m.group("c")) - len(c))
                n.prefix_unit = entry
                if mult != 1.0 and n.value is not None:
                    n.value *= mult
                    n.mult *= mult
    pos = n.end
    # abbreviated scale after digits: "5bn", "1.8M", "$5m", "3 Mds"
    if not n.spelled and n.value is not None and n.mult == 1.0:
        m = g.abbrev_scale.match(text, pos)
        if m is not None:
            form = m.group("s")
            mult, when = g.scale_forms[form]
            glued = m.start("s") == pos
            after_sign = m.end() < len(text) and text[m.end()] in CURRENCY_SIGNS
            money = n.prefix_unit is not None or after_sign
            if len(form) == 1 and not glued and not after_sign:
                pass
            elif when == "money" and not money:
                pass
            else:
                n.value *= mult
                n.mult = mult
                n.end = m.end()
                n.plain = False
                n.integer = float(n.value).is_integer()
                pos = n.end
    hit = _unit_at(state, pos, allow_de=True)
    if hit is not None:
        entry, us, ue, utext, scale = hit
        if scale != 1.0 and n.value is not None:
            n.value *= scale
            n.mult *= scale
        n.unit, n.unit_start, n.unit_end, n.unit_text = entry, us, ue, utext
        n.glued_unit = us == n.end
    elif n.prefix_unit is not None:
        n.unit = n.prefix_unit
        n.unit_start = n.prefix_start
        n.unit_end = n.start
        n.unit_text = text[n.prefix_start : n.start].strip() if n.prefix_start is not None else None


def _unit_at(state: ScanState, pos: int, allow_de: bool) -> tuple[UnitEntry, int, int, str, float] | None:
    """A known unit (or a "M" + currency code) starting at pos, skipping "de"/"of" when allowed."""
    text, lex, lang = state.text, state.units, state.lang
    start = pos
    if allow_de:
        m = state.grammar.skip_de.match(text, pos)
        if m is not None:
            start = m.end()
    while start < len(text) and text[start] in " \t\r\n\u00a0\u202f-[{(":
        if text[start] == "\n" and "\n" in text[pos:start]:
            break  # a number ends its paragraph: the next one does not hold its unit
        if text[start] in "[{(" and start > pos + 1:
            break
        start += 1
    if start >= len(text):
        return None
    window = text[start : start + 48]
    chunks = list(_CHUNK.finditer(window))[: lex.max_words + 2]
    if not chunks:
        return None
    first = chunks[0]
    if first.start() != 0:
        return None
    head = first.group()
    bare = head.rstrip(".,;:!?)»\"'’]}")
    if (
        bare not in lex.first_words
        and head not in lex.first_words
        and normalize(bare).split(" ")[0] not in lex.first_words
        and not (len(bare) == 4 and bare[0] == "M")
    ):
        return None
    for k in range(min(len(chunks), lex.max_words + 1), 0, -1):
        end = chunks[k - 1].end()
        phrase = window[:end]
        stripped = phrase.rstrip(".,;:!?)»\"'’]}")
        for cand in (stripped, phrase) if stripped != phrase else (phrase,):
            if not cand:
                continue
            entry = lex.lookup(cand, lang)
            if entry is not None:
                return entry, start, start + len(cand), cand, 1.0
    tok = first.group().rstrip(".,;:!?)»\"'’]}")
    if len(tok) == 4 and tok[0] == "M" and tok[1:].isupper():
        entry = lex.lookup(tok[1:], lang)
        if entry is not None and entry.kind == "currency":
            return entry, start, start + 4, tok, 1e6
    # the symbol glued to the digits may be followed by letters: "10km/hr"
    return None


def attach_counted_noun(state: ScanState, n: FoundNumber) -> None:
    """The counted noun when no known unit follows: "20 restaurants", "unités de X"."""
    text, g = state.text, state.grammar
    pos = n.end
    mark = _FOOTNOTE_AT.match(text, pos)  # "6 [1] fois": the noun is after the footnote mark
    if mark is not None:
        pos = mark.end()
    if n.mult > 1.0 or n.approx_word:
        m = g.skip_de.match(text, pos)
        if m is not None:
            pos = m.end()
    m = g.word_after.match(text, pos)
    if m is None or m.start("w") - pos > 2 and not text[pos : m.start("w")].isspace():
        return
    if text[pos : m.start("w")].count("\n"):
        return
    w = m.group("w").rstrip("'’-")
    lw = w.lower()
    if lw in g.pre_noun:
        m2 = g.word_after.match(text, m.end())
        if m2 is None:
            return
        w = m2.group("w").rstrip("'’-")
        lw = w.lower()
        m = m2
    if (
        len(lw) < 3
        or lw in g.not_units
        or lw.split("'")[0] in g.not_units
        or lw.split("’")[0] in g.not_units
        or w[0].isupper()
        or lw in g.cardinals
        or lw in g.scales
        or lw in g.ordinals
    ):
        return
    key = normalize(w)
    start = m.start("w")
    end = start + len(w)
    rest = state.units.strip_head(normalize(text[start : start + 40]), state.lang)
    if rest is not None:
        # "unités de X": the unit is X
        mm = _HEAD_OF.match(text, start)
        if mm is not None:
            key = normalize(mm.group(1))
            end = mm.end(1)
    n.unit = UnitEntry(key, "noun")
    n.unit_start, n.unit_end = start, end
    n.unit_text = text[start:end]


def attach_qualifier(state: ScanState, n: FoundNumber) -> None:
    text, g = state.text, state.grammar
    head = n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start
    n.qstart = head
    m = g.q_before.search(text, max(0, head - 48), head)
    if m is not None and _bounds_this(state, n, m) and not _place_before(state, n, m):
        q = m.group("q")
        for kind, pat in g.q_before_kinds:
            if pat.fullmatch(q):
                n.qualifier = kind
                break
        n.qstart = m.start("q")
    tail = (
        n.unit_end if n.unit_end is not None and n.unit_start is not None and n.unit_start >= n.end else n.end
    )
    if n.approx_word and n.qualifier == "exact":
        n.qualifier = "approx"
    for pos in {n.end, tail}:
        ma = g.q_after.match(text, pos)
        if ma is not None:
            q = ma.group("q")
            for kind, pat in g.q_after_kinds:
                if pat.fullmatch(ma.group(0)) or pat.match(q):
                    if n.qualifier in ("exact",):
                        n.qualifier = kind
                        if pos == n.end:
                            n.qend = ma.end()
                    break
            break


def _bounds_this(state: ScanState, n: FoundNumber, m: Any) -> bool:
    """Whether a qualifier wording read before the number qualifies it: "within" bounds a distance or a
    delay ("within two miles"), not a count ("within the 3 regions")."""
    if state.grammar.measures_only.fullmatch(m.group("q")):
        return n.unit is not None and n.unit.kind in ("measure", "time")
    return True


def _place_before(state: ScanState, n: FoundNumber, m: Any) -> bool:
    """ "recovered from under eight metres of mud": after "from", "under" a measure names a place."""
    if n.unit is None or n.unit.kind != "measure":
        return False
    return state.grammar.places.search(state.text, max(0, m.start("q") - 12), m.end("q")) is not None


def has_qualifier_before(state: ScanState, n: FoundNumber) -> bool:
    if n.has_q is None:
        head = n.prefix_start if n.prefix_start is not None and n.prefix_start < n.start else n.start
        n.has_q = state.grammar.q_before.search(state.text, max(0, head - 48), head) is not None
    return n.has_q


def qualifier_kind_before(state: ScanState, n: FoundNumber) -> str | None:
    m = state.grammar.q_before.search(state.text, max(0, n.start - 48), n.start)
    if m is None:
        return None
    q = m.group("q")
    for kind, pat in state.grammar.q_before_kinds:
        if pat.fullmatch(q):
            return kind
    return "exact"


def noun_after(state: ScanState, n: FoundNumber) -> bool:
    """Whether a word that may be a counted noun follows the number ("5 ou 6 Gilets jaunes")."""
    m = state.grammar.word_after.match(state.text, n.end)
    return m is not None and m.group("w").lower() not in state.grammar.not_units
