"""A language's period lexicon: word lists folded for lookup, the grammars compiled with their word
classes, and the trigger pattern that finds the places worth parsing."""

from __future__ import annotations

import re
from functools import cache

import regex

from figcheck.extract.periods.grammars import GRAMMARS
from figcheck.extract.periods.macros import expand, word_classes
from figcheck.extract.periods.words import Lexicon, alternation, fold, folded_map, load_wording, whole_words


@cache
def lexicon(language: str) -> Lexicon:
    """The period lexicon of ``language`` ("fr" or "en"): its word lists, compiled grammars and trigger."""
    lang = language.lower()[:2]
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language {language!r}; use 'fr' or 'en'")
    wording = load_wording(lang)
    macros = word_classes(wording)
    macros["LEAD_RE"] = expand(r"(?:{{PREP}})?(?:{{DET}})?", macros)
    # every phrase starts at the start of a word: the guard lets the engine skip other positions fast
    grammars = [
        (
            name,
            regex.compile(r"(?<![\w])(?:" + expand(pattern, macros) + ")", regex.V0),
            fn,
            frozenset(kinds.split()),
        )
        for name, kinds, pattern, fn in GRAMMARS
    ]
    # One pattern finds every place worth parsing; its group names say what kind of word was hit, so
    # that only the grammars that need such a word run there.
    trigger = re.compile(
        r"(?<![\w])(?:(?P<month>" + whole_words(alternation(wording["months"])) + ")"
        r"|(?P<weekday>" + whole_words(alternation(wording["weekdays"])) + ")"
        r"|(?P<weekend>" + whole_words(alternation(wording.get("weekends") or [])) + ")"
        r"|(?P<unit>"
        + whole_words(alternation(list(wording["units"]) + list(wording.get("trigger_words") or [])))
        + ")"
        r"|(?P<day>" + whole_words(alternation(wording["days"])) + ")"
        r"|(?P<decade>"
        + whole_words(
            alternation(list(wording.get("decade_words") or {}) + list(wording.get("decade_heads") or []))
        )
        + r"|(?<![\w])(?:\d\d)?\d0'?s(?![\w]))"
        r"|(?P<numeric>\d{1,2}\s*[/.-]\s*\d)"
        r"|(?P<year>\d{4})"
        r"|(?P<code>(?<![\w])(?:[qtsh][1-4]|[1-4][qth])(?![\w]))"
        r"|(?P<num>"
        + whole_words(
            alternation(
                [word for word, value in wording["numbers"].items() if value >= 1000 or 10 <= value < 20]
            )
        )
        + "))"
    )
    macros["_INTRO"] = r"(?<![\w])" + alternation(wording.get("year_introducers") or []) + r"[\s']*$"
    modifiers = wording.get("modifiers") or {}
    mod_alts = []
    for kind in ("within", "since", "until", "ahead"):
        words = modifiers.get(kind) or []
        if words:
            mod_alts.append(f"(?P<{kind}>" + r"(?<![\w])" + alternation(words) + ")")
    modifier_pattern = regex.compile(r"(?:" + "|".join(mod_alts) + r")[\s-]*$") if mod_alts else None
    return Lexicon(
        language=lang,
        months=folded_map(wording["months"]),
        months_ambiguous={fold(word) for word in wording.get("months_ambiguous") or []},
        weekdays=folded_map(wording["weekdays"]),
        ordinals=folded_map(wording["ordinals"]),
        units=folded_map(wording["units"]),
        relative={**folded_map(wording["relative_after"]), **folded_map(wording["relative_before"])},
        days=folded_map(wording["days"]),
        day_words=folded_map(wording.get("day_words") or {}),
        numbers=folded_map(wording["numbers"]),
        number_joiners={fold(word) for word in wording.get("number_joiners") or []},
        number_multiplied={fold(word) for word in wording.get("number_multiplied") or []},
        decade_words=folded_map(wording.get("decade_words") or {}),
        weekday_relative=str(wording.get("weekday_relative", "week")),
        function_words={
            fold(word)
            for word in (wording.get("prepositions") or [])
            + (wording.get("determiners") or [])
            + (wording.get("year_introducers") or [])
            + (wording.get("function_words") or [])
        },
        numeric_date_order=str(wording.get("numeric_date_order", "dmy")),
        modifiers={kind: [fold(word) for word in words] for kind, words in modifiers.items()},
        macros=macros,
        trigger=trigger,
        grammars=grammars,
        modifier_re=modifier_pattern,
    )
