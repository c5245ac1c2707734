"""The wording of numbers, compiled once per language from the data files.

Number words, scale words, qualifiers, months, time and age wordings are data in
``figcheck/extract/data/`` (``numbers_*.yaml``, ``numbers_scales.csv``); :func:`load_grammar` turns them into
the patterns every stage of the scan reads (a :class:`Grammar`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex
import yaml
from text_to_num import text2num

from figcheck.extract.units import normalize
from figcheck.packaged import data_text

SPACE = r"[ \t\u00a0\u202f\u2009]"  # spaces inside a number ("10 000", "10\u202f000")
CURRENCY_SIGNS = "$€£¥₽₴₹₪"
MAX_DIGITS = 15  # longer digit runs are not read as values


def _data(name: str) -> str:
    return data_text("figcheck.extract", name)


def _frag(form: str) -> str:
    """A wording from a data file as a regex fragment: a space is any whitespace, ' any apostrophe."""
    return form.replace(" ", r"\s+").replace("'", r"['’]\s*")


_LOOKAROUND = regex.compile(r"\(\?<?[!=][^()]*\)")


def _alt(forms: list[str]) -> str:
    # longer wordings first ("bien plus de" before "plus de"), a lookaround not counted in their length
    frags = sorted({_frag(f) for f in forms}, key=lambda f: len(_LOOKAROUND.sub("", f)), reverse=True)
    return "(?:" + "|".join(frags) + ")" if frags else "(?!)"


def _trie(words: list[str]) -> str:
    """An alternation of words as a prefix tree, so the anchor pattern tries few branches per position."""
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(tree)


@dataclass
class Grammar:
    """The patterns and word lists of one language, as every stage of the scan reads them."""

    lang: str
    anchors: Any
    word_anchors: Any
    glued_words: Any
    urls: Any
    prepass: Any
    cardinals: frozenset[str]
    small_values: dict[str, float]
    scales: dict[str, float]
    articles: frozenset[str]
    halves: frozenset[str]
    points: frozenset[str]
    joiners: frozenset[str]
    ordinals: frozenset[str]
    standalone_ordinals: frozenset[str]
    homographs: frozenset[str]
    approx_nouns: dict[str, float]
    # number words that need a number before them, and the words that make them vague ("a few hundred")
    multiplied: frozenset[str]
    vague_before: frozenset[str]
    fractions: frozenset[str]
    tens: frozenset[str]
    abbrev_scale: Any
    scale_forms: dict[str, tuple[float, str]]
    gap_join: Any
    q_before: Any
    q_before_kinds: list[tuple[str, Any]]
    q_after: Any
    q_after_kinds: list[tuple[str, Any]]
    month_before: Any
    month_after: Any
    weekday_before: Any
    day_before: Any
    day_after: Any
    time_before: Any
    time_after: Any
    elapsed: Any
    age_before: Any
    age_verbs: Any
    age_after: Any
    age_apposed: Any
    age_holders: Any
    ago_before: Any
    ago_after: Any
    decade_before: Any
    label_before: Any
    change_before: Any
    time_zone_after: Any
    one_counts_before: Any
    one_counts_after: Any
    enumeration_joiner: Any
    proportions: Any
    proportion_values: dict[str, float]
    spaced_ordinal: Any
    label_spelled_before: Any
    model_after: Any
    range_between: Any
    range_from: Any
    gap_range_and: Any
    gap_range_to: Any
    gap_bare: Any
    gap_cents: Any
    not_units: frozenset[str]
    pre_noun: frozenset[str]
    ordinal_suffix: Any
    time_suffix: Any
    currency_before: Any
    pour_before: Any
    skip_de: Any
    word_after: Any
    coordinated_gap: Any
    measures_only: Any
    places: Any
    gap_range_or: Any
    rate_base_gap: Any
    part_gap: Any
    rate_per_gap: Any
    rate_base_alone: Any
    idioms: Any
    extra: dict[str, Any] = field(default_factory=dict)


_I = regex.IGNORECASE | regex.VERSION0
_BOUND_L = r"(?<![\p{L}\p{N}])"
_BOUND_R = r"(?![\p{L}\p{N}])"


@lru_cache(maxsize=4)
def load_grammar(lang: str) -> Grammar:
    words = yaml.load(_data("numbers_words.yaml"), Loader=yaml.BaseLoader)[lang]
    quals = yaml.load(_data("numbers_qualifiers.yaml"), Loader=yaml.BaseLoader)[lang]
    ctx = yaml.load(_data("numbers_context.yaml"), Loader=yaml.BaseLoader)[lang]
    scale_rows = list(csv.DictReader(_data("numbers_scales.csv").splitlines()))

    cardinals = frozenset(w.lower() for w in words["cardinals"])
    scales = {k.lower(): float(v) for k, v in words["scales"].items()}
    articles = frozenset(words["articles"])
    halves = frozenset(words["halves"])
    points = frozenset(words["points"])
    joiners = frozenset(words["joiners"])
    ordinals = frozenset(w.lower() for w in words["ordinals"])
    homographs = frozenset(words.get("adjective_homographs") or [])
    multiplied = frozenset(w.lower() for w in words.get("multiplied") or [])
    vague_before = frozenset(w.lower() for w in words.get("vague_before") or [])
    approx_nouns = {k.lower(): float(v) for k, v in (words.get("approx_nouns") or {}).items()}
    fractions = frozenset(w.lower() for w in words.get("fractions") or [])
    small_values: dict[str, float] = {}
    for w in cardinals:
        try:
            small_values[w] = float(text2num(w, lang))
        except ValueError:
            pass
    tens = frozenset(w for w, v in small_values.items() if v in (20, 30, 40, 50, 60, 70, 80, 90))
    if lang == "en":
        small_values.setdefault("naught", 0.0)
        small_values.setdefault("nought", 0.0)

    anchor_words = sorted(
        cardinals | set(scales) | articles | halves | ordinals | set(approx_nouns), key=len, reverse=True
    )
    if lang == "fr":
        digits = (
            r"[0-9]{1,3}(?:\.[0-9]{3})+(?![0-9])(?:,[0-9]+)?"
            rf"|[0-9]{{1,3}}(?:{SPACE}[0-9]{{3}})+(?![0-9])(?:,[0-9]+)?"
            r"|[0-9]+(?:[,.][0-9]+)?"
            r"|(?<![\w.,]),[0-9]+"
        )
    else:
        digits = (
            r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?"
            rf"|[0-9]{{1,3}}(?:{SPACE}[0-9]{{3}})+(?![0-9])(?:\.[0-9]+)?"
            r"|[0-9]+(?:\.[0-9]+)?"
            r"|(?<![\w.,])\.[0-9]+"
        )
    trie = _trie(anchor_words)
    anchors = regex.compile(rf"(?<![0-9])(?:{digits})", _I)
    word_anchors = regex.compile(rf"\b(?:{trie})\b", _I)
    glued_words = regex.compile(rf"(?:{trie})(?![\p{{L}}])", _I)
    months = _alt(ctx["months"])
    ampm = r"(?:[ap]\.?\s?m\b\.?|[ap]\.(?!\w))"
    urls = regex.compile(r"(?:https?://|www\.)[^\s<>\"]+|[\w.+-]+@[\w-]+\.[\w.]+", _I)
    prepass = regex.compile(
        r"(?P<date>(?<![\w/.:-])(?:[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"
        r"|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}"
        r"|(?:1[89]|20)[0-9]{2}\s?[/-]\s?(?:0?[1-9]|1[0-2])(?![0-9,.]?[0-9])"
        r"|(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:1[89]|20)[0-9]{2}"
        r"|[0-9]{1,2}/[0-9]{1,2})(?![\w/])"
        r"|[0-9]{1,2}(?:er|st|nd|rd|th|e)?[/-](?=" + months + r"))"
        r"|(?P<phone>(?<![\w+])\+[0-9][0-9\-./ ()]{6,}[0-9]|(?<![\w/.-])[0-9]{1,4}(?:-[0-9]{2,5}){2,}(?:/[0-9]+)?"
        r"|(?<![\w/.-])0[1-9](?:[ .][0-9]{2}){4}(?![0-9]))"
        r"|(?P<time>(?<![\w.,:])(?:[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:[.,][0-9]{1,3}(?![0-9]))?(?:\s?"
        + ampm
        + r")?"
        r"|[0-9]{1,2}(?:[.][0-9]{2})?\s?" + ampm + r"|[0-9]{3,4}\s?[ap]\.?m\b\.?"
        r"|[0-9]{1,2}\s[ap]\sm\b"
        + (
            r"|[0-9]{1,2}\s?h\s?[0-9]{2}(?:\s?min(?:\s?[0-9]{1,2}\s?s)?)?(?![0-9])"
            r"|[0-9]{1,2}h(?:[0-9]{1,2}(?:min(?:[0-9]{1,2}s?)?)?)?(?![\p{L}0-9])"
            if lang == "fr"
            else ""
        )
        + r"))",
        _I,
    )

    scale_forms: dict[str, tuple[float, str]] = {}
    for row in scale_rows:
        if row["lang"] in (lang, "*"):
            scale_forms[row["form"]] = (float(row["multiplier"]), row["when"])
    abbrev = sorted(
        (f for f in scale_forms if f.lower() not in scales and f.lower() not in cardinals),
        key=len,
        reverse=True,
    )
    abbrev_scale = regex.compile(
        rf"(?:{SPACE}?)(?P<s>{'|'.join(regex.escape(a) for a in abbrev)})(?![\p{{L}}])"
    )

    def before(forms: list[str], extra: str = "") -> Any:
        return regex.compile(rf"(?r){_BOUND_L}(?:{_alt(forms)}){extra}\s*\Z", _I)

    def after(forms: list[str]) -> Any:
        return regex.compile(rf"\s*(?:{_alt(forms)})(?![\p{{L}}])", _I)

    q_before_forms: list[str] = []
    q_before_kinds = []
    for kind, forms in quals["before"].items():
        q_before_forms.extend(forms)
        q_before_kinds.append((kind, regex.compile(rf"(?:{_alt(forms)})\Z", _I)))
    q_after_forms: list[str] = []
    q_after_kinds = []
    for kind, forms in quals["after"].items():
        q_after_forms.extend(forms)
        q_after_kinds.append((kind, regex.compile(rf"\s*(?:{_alt(forms)})", _I)))
    elision = (
        r"(?:\s+(?:de|of)|\s+d['’]\s*|(?<=\bd)['’]\s*)?(?:\s+(?:les|la|le)|\s+l['’])?"
        if lang == "fr"
        else r"(?:\s+of)?(?:\s+the)?"
    )
    # "dépasse désormais 3 000", "is now over 40": an adverb may stand between a verb and its number
    adverb = rf"(?:\s+(?:{_alt(quals.get('adverbs', []))}))?" if quals.get("adverbs") else ""
    q_before = regex.compile(
        rf"(?r){_BOUND_L}(?P<q>{_alt(q_before_forms)}){adverb}{elision}(?:\s*['’]\s*)?\s*\Z", _I
    )
    q_after = regex.compile(rf"\s*(?P<q>{_alt(q_after_forms)})(?![\p{{L}}])", _I)

    weekdays = _alt(ctx["weekdays"])
    day_articles = _alt(ctx["day_articles"])
    gap_join = regex.compile(
        rf"(?:\s*-\s*|{SPACE}+|(?:\s+|\s*-\s*)(?P<j>{'|'.join(joiners)})(?:\s+|\s*-\s*)"
        rf"|\s+(?P<p>{'|'.join(points)})\s+)\Z",
        _I,
    )
    age_adv = _alt(ctx["age_adverbs"])
    ago_after_forms = ctx.get("ago_after") or []
    return Grammar(
        lang=lang,
        anchors=anchors,
        word_anchors=word_anchors,
        glued_words=glued_words,
        urls=urls,
        prepass=prepass,
        cardinals=cardinals,
        small_values=small_values,
        scales=scales,
        articles=articles,
        halves=halves,
        points=points,
        joiners=joiners,
        ordinals=ordinals,
        standalone_ordinals=frozenset(
            {"premier", "première", "premiere", "premiers", "premières", "second", "seconde"}
            if lang == "fr"
            else set()
        ),
        homographs=homographs,
        approx_nouns=approx_nouns,
        multiplied=multiplied,
        vague_before=vague_before,
        fractions=fractions,
        tens=tens,
        abbrev_scale=abbrev_scale,
        scale_forms=scale_forms,
        gap_join=gap_join,
        q_before=q_before,
        q_before_kinds=q_before_kinds,
        q_after=q_after,
        q_after_kinds=q_after_kinds,
        month_before=regex.compile(rf"(?r){_BOUND_L}{months}\s*\.?\s*[,/-]?\s*(?:the\s+|le\s+)?\Z", _I),
        month_after=regex.compile(
            rf"(?:er|re|ère|st|nd|rd|th|e|ème)?[\s/.,-]*(?:of\s+|de\s+|du\s+mois\s+de\s+)?{months}(?![\p{{L}}])",
            _I,
        ),
        # "Dimanche 5", "Sunday the 5th"; not "Early Monday, 5 people were rescued"
        weekday_before=regex.compile(rf"(?r){_BOUND_L}{weekdays}\s+(?:the\s+|le\s+)?\Z", _I),
        day_before=regex.compile(rf"(?r){_BOUND_L}{day_articles}\s+\Z", _I),
        day_after=regex.compile(rf"\s*(?:\Z|[.!?;:,)»\"]|(?:{_alt(ctx['day_closers'])})(?![\p{{L}}]))", _I),
        time_before=regex.compile(rf"(?r){_BOUND_L}{_alt(ctx['time_before'])}\s+\Z", _I),
        time_after=regex.compile(rf"[\s-]*(?:{_alt(ctx['time_after'])})", _I),
        # a race's time, hours to seconds or minutes to thousandths ("2:14:04", "3:43.13", "3:51,40"), not a
        # clock's ("12:34:20", "02:14:04": a clock's hours take two digits)
        elapsed=regex.compile(
            r"(?:([1-9]):([0-5][0-9]):([0-5][0-9](?:[.,][0-9]+)?)|([0-9]{1,2}):([0-5][0-9][.,][0-9]{1,3}))"
        ),
        age_before=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['age_before'])})(?:\s+{age_adv})*\s*\Z", _I),
        age_verbs=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['age_verbs'])})(?:\s+{age_adv})*\s*\Z", _I),
        age_after=regex.compile(rf"\s*(?:{_alt(ctx['age_after'])})(?![\p{{L}}])", _I),
        age_apposed=regex.compile(rf"(?:{_alt(ctx['age_apposed'])}),(?!\s*[0-9])", _I),
        age_holders=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['age_holders'])}),\s*\Z", _I),
        ago_before=before(ctx.get("ago_before") or []),
        ago_after=after(ago_after_forms) if ago_after_forms else regex.compile("(?!)"),
        decade_before=before(ctx.get("decades_before") or []),
        label_before=regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}])(?:{_alt(ctx['label_before'])})\s*\Z", _I),
        change_before=_change_before(ctx),
        label_spelled_before=regex.compile(
            rf"(?r){_BOUND_L}(?:{_alt(ctx['label_spelled_before'])})\s*\Z", _I
        ),
        model_after=regex.compile(rf"[ \t-](?:{_alt(ctx['model_after'])})(?![\p{{L}}\p{{N}}])", _I),
        spaced_ordinal=regex.compile(
            rf"{SPACE}(?:{_alt(words.get('spaced_ordinal_suffixes') or [])})(?![\p{{L}}\p{{N}}'’])", _I
        ),
        proportions=_proportions(words),
        proportion_values={normalize(k): float(v) for k, v in (words.get("proportions") or {}).items()},
        one_counts_before=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['one_counts_before'])})\s+\Z", _I),
        one_counts_after=regex.compile(
            rf"(?:\s+[\p{{L}}-]+)?\s+(?:{_alt(ctx['one_counts_after'])})(?![\p{{L}}])", _I
        ),
        enumeration_joiner=regex.compile(rf"(?r)\s*(?:{_alt(ctx['enumeration_joiners'])})\s*\Z", _I),
        time_zone_after=regex.compile(rf"{SPACE}?(?:{_alt(ctx['time_zones'])})(?![\p{{L}}])", _I),
        range_between=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['range_between'])})\s+\Z", _I),
        range_from=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx['range_from'])})(?:\s+|['’]\s*)\Z", _I),
        gap_range_and=regex.compile(rf"\s*(?:{_alt(ctx['range_and'])})\s*\Z", _I),
        gap_range_to=regex.compile(rf"\s*-?\s*(?:{_alt(ctx['range_to'])})\s*\Z", _I),
        gap_bare=regex.compile(rf"\s*-?\s*(?:(?P<dash>[-–—])|(?:{_alt([*ctx['range_to']])}))\s*\Z", _I),
        gap_cents=regex.compile(rf"\s*(?:(?:{'|'.join(joiners)})\s+)?\Z", _I),
        not_units=frozenset(w.lower() for w in ctx["not_units"]),
        pre_noun=frozenset(w.lower() for w in ctx["pre_noun_adjectives"]),
        ordinal_suffix=regex.compile(
            r"(?:er|re|ère|ere|ers|ères|e|è|ème|eme|ième|ieme|èmes|es|nd|st|rd|th|de|d)(?![\p{L}0-9])"
            if lang == "fr"
            else r"(?:st|nd|rd|th|d|er|e|ème)(?![\p{L}0-9])",
            _I,
        ),
        time_suffix=regex.compile(r"(?:am|pm|a|p|h|ish|hrs)(?:\.|(?![\p{L}0-9]))", _I),
        currency_before=regex.compile(
            rf"(?r)(?<![\p{{L}}0-9])(?P<c>(?:[\p{{L}}.]{{1,4}}\s?)?[{CURRENCY_SIGNS}](?:[A-Z]{{2,3}})?|[A-Z]{{3,4}}|Rs\.?|RM)"
            rf"{SPACE}?\Z"
        ),
        pour_before=regex.compile(r"(?r)\bpour[\s-]\Z", _I),
        skip_de=regex.compile(r"\s*(?:de\s+|d['’]\s*|of\s+)", _I),
        word_after=regex.compile(r"[\s-]*(?P<w>[\p{L}][\p{L}\p{M}'’-]*)"),
        coordinated_gap=_coordinated_gap(ctx),
        rate_base_gap=_rate_base_gap(ctx),
        # "7 out of 20 suspected cases", "3 sur 12 patients": a part before its whole
        part_gap=_rate_base_gap(ctx, "rate_base_after_noun"),
        rate_per_gap=_rate_base_gap(ctx, "rate_base_per"),
        rate_base_alone=regex.compile(
            rf"(?<![\p{{L}}]){_alt(ctx['rate_base_alone'] or ['(?!)'])}[ \t]+\Z", _I
        ),
        idioms=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(ctx.get('idioms') or [])})\Z", _I),
        gap_range_or=regex.compile(rf"[ \t]+(?:{_alt(ctx['range_or'])})[ \t]+", _I),
        measures_only=regex.compile(rf"(?:{_alt(quals.get('measures_only') or [])})\Z", _I),
        places=regex.compile(rf"(?r){_BOUND_L}(?:{_alt(quals.get('places') or [])})\Z", _I),
        extra={"decade_glued": regex.compile(r"'?s(?![\p{L}])"), "singular_noun": _singular_noun(ctx)},
    )


def _change_before(ctx: dict[str, Any]) -> Any:
    """ "rose from", or a verb of change a few words before "from" / "de": "the toll increasing from"."""
    verbs = "|".join(ctx["change_verbs"])
    gap = r"(?:[ \t]+[^\s.,;:!?()«»\"0-9]+){0,5}"
    return regex.compile(
        rf"(?r){_BOUND_L}(?:{_alt(ctx['change_before'])}|(?:{verbs}){gap}[ \t]+(?:{_alt(ctx['change_from'])}))"
        r"(?:\s+|['’]\s*)?\Z",
        _I,
    )


def _rate_base_gap(ctx: dict[str, Any], words: str | None = None) -> Any:
    """ " [1] fois sur ", " out of ", " in ": what stands between a rate's numerator and its base; with
    `words`, the list of those words instead of the two of ``rate_base_after_*``."""
    mark = r"(?:[ \t]?\[[0-9]{1,3}\])?"
    noun_words = ctx[words] if words else ctx["rate_base_after_noun"]
    number_words = ctx[words] if words else ctx["rate_base_after_number"]
    after_noun = rf"(?:[ \t]+[\p{{L}}'’-]+){{1,2}}[ \t]+{_alt(noun_words)}"
    after_number = rf"[ \t]+{_alt(number_words)}"
    return regex.compile(rf"{mark}(?:{after_noun}|{after_number})[ \t]+", _I)


def _singular_noun(ctx: dict[str, Any]) -> Any:
    """A noun with no plural ending that is no irregular plural; never, for a language that lists no
    plural endings (a year does not stand before a noun in French)."""
    endings = ctx.get("plural_endings") or []
    if not endings:
        return regex.compile(r"(?!)")
    irregular = ctx.get("irregular_plurals") or ["(?!)"]
    return regex.compile(rf"(?!(?:{_alt(irregular)})\Z)\p{{L}}+(?<!{_alt(endings)})\Z", _I)


def _coordinated_gap(ctx: dict[str, Any]) -> Any:
    """ " of measles and ", " or ": what may stand between a figure's unit and a number coordinated with it."""
    complement = rf"(?:[ \t]+{_alt(ctx['complement_prepositions'])}[ \t]*[\p{{L}}-]+)?"
    return regex.compile(rf"{complement}[ \t]+{_alt(ctx['coordination_joiners'])}[ \t]+", _I)


def _proportions(words: dict[str, Any]) -> Any:
    """ "la moitié de", "two thirds of": a fraction of a whole, not after "the first half"."""
    forms = list(words.get("proportions") or {})
    if not forms:
        return regex.compile("(?!)")
    not_after = _alt(words.get("proportion_not_after") or [])
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?<!{not_after}\s+)(?P<f>{_alt(forms)})"
        rf"(?=\s+(?:{_alt(words['proportion_of'])})(?![\p{{L}}]|\s+[0-9]{{4}})|\s*d['’])",
        _I,
    )
