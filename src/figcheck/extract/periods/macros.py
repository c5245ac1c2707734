"""The word classes period grammars are written with, and their strict expansion.

A grammar in :mod:`figcheck.extract.periods.grammars` names word classes as ``{{MONTH}}``, ``{{YEAR4}}``,
``{{DET}}``...; :func:`word_classes` builds each class from the language's wording (``data/periods_<lang>.yaml``),
some of them from other classes, and :func:`expand` replaces every name by its class until none is left. A
name no class defines, and a class that contains itself, raise :class:`MacroError` instead of leaving
``{{NAME}}`` in a pattern.
"""

from __future__ import annotations

from typing import Any

import regex

from figcheck.extract.periods.words import alternation, folded_map, whole_words

_REFERENCE = regex.compile(r"\{\{([A-Za-z0-9_]+)\}\}")


class MacroError(ValueError):
    """A period grammar names a word class that is not defined, or a class that contains itself."""


def expand(pattern: str, macros: dict[str, str]) -> str:
    """``pattern`` with every ``{{NAME}}`` replaced by its class from ``macros``, recursively.

    Raises :class:`MacroError` on a name ``macros`` does not hold and on a cycle (a class whose
    expansion reaches itself); a ``{{`` left in the result is an error too.
    """
    expanded: dict[str, str] = {}
    result = _expand(pattern, macros, expanded, ())
    if "{{" in result:
        raise MacroError(f"'{{{{' left after expansion in {pattern!r}")
    return result


def _expand(pattern: str, macros: dict[str, str], expanded: dict[str, str], chain: tuple[str, ...]) -> str:
    def replace(reference: Any) -> str:
        name = reference.group(1)
        if name in chain:
            cycle = " -> ".join((*chain[chain.index(name) :], name))
            raise MacroError(f"word class {name} contains itself: {cycle}")
        if name not in macros:
            raise MacroError(f"unknown word class {{{{{name}}}}} in {pattern!r}")
        if name not in expanded:
            expanded[name] = _expand(macros[name], macros, expanded, (*chain, name))
        return expanded[name]

    return _REFERENCE.sub(replace, pattern)


def word_classes(wording: dict[str, Any]) -> dict[str, str]:
    """Each word class of a language's wording as a regular-expression fragment, which may name others."""
    rel_after = folded_map(wording["relative_after"])
    year_units = [word for word, kind in wording["units"].items() if kind == "year"]
    ord_suffix = alternation(wording["ordinal_suffixes"])
    abbrev = [
        word
        for word in wording["months"]
        if len(word) <= 4 and word not in ("mai", "mars", "june", "july", "may")
    ]
    macros: dict[str, str] = {}
    macros["MONTH"] = (
        r"(?<![\w])(?:" + alternation(abbrev) + r"\.|" + alternation(wording["months"]) + r"(?![\w]))"
    )
    macros["WEEKDAY"] = whole_words(alternation(wording["weekdays"]))
    macros["WEEKEND"] = whole_words(alternation(wording.get("weekends") or []))
    macros["ORD"] = (
        r"(?:"
        + whole_words(alternation(wording["ordinals"]))
        + r"|(?<![\w])\d{1,2}"
        + ord_suffix
        + r"(?![\w]))"
    )
    macros["DAYNUM"] = (
        r"(?:(?<![\w,.])(?:[1-9]|[12]\d|3[01]|0[1-9])(?:"
        + ord_suffix
        + r")?(?![\w])"
        + ("|" + whole_words(alternation(wording["day_words"])) if wording.get("day_words") else "")
        + ")"
    )
    macros["YEAR4"] = (
        r"(?<![\d])(?<!\d[.,])(?:1[0-9]|2[0-9])\d\d(?![\d]|[.,]\d|\s?%|\s\d{3}(?!\d)|(?![qht])\p{L})"
    )
    macros["NUMW"] = whole_words(alternation(wording["numbers"]))
    joiners = alternation(wording.get("number_joiners") or [])
    macros["YEARWORDS"] = (
        macros["NUMW"] + r"(?:(?:\s+|-)(?:" + joiners + r"(?:\s+|-))?" + macros["NUMW"] + r")*"
    )
    macros["RELPRE"] = whole_words(alternation(wording["relative_before"]))
    macros["RELPOST"] = whole_words(alternation(wording["relative_after"])) if rel_after else "(?!)"
    macros["UNIT"] = whole_words(alternation(wording["units"]))
    macros["YEARUNIT"] = whole_words(alternation(year_units))
    suffixes = wording.get("unit_suffixes") or []
    macros["USUF"] = (r"(?:\s*(?:" + alternation(suffixes) + r")(?![\w]))?") if suffixes else ""
    macros["DET"] = (
        r"(?:"
        + whole_words(alternation([word for word in wording["determiners"] if not word.endswith("'")]))
        + r"\s+|"
        + (
            alternation([word for word in wording["determiners"] if word.endswith("'")]) + r"\s*"
            if any(word.endswith("'") for word in wording["determiners"])
            else "(?!)"
        )
        + ")"
    )
    macros["PREP"] = (
        r"(?:"
        + whole_words(alternation([p for p in wording["prepositions"] if not p.endswith("'")]))
        + r"\s+|"
        + (
            r"(?<![\w])" + alternation([p for p in wording["prepositions"] if p.endswith("'")]) + r"\s*"
            if any(p.endswith("'") for p in wording["prepositions"])
            else "(?!)"
        )
        + ")"
    )
    macros["LEAD"] = r"(?:{{PREP}})?(?:{{DET}})?"
    macros["RELYEAR"] = (
        r"(?:{{RELPRE}}\s+(?:calendar\s+)?{{YEARUNIT}}{{USUF}}"
        r"|(?:{{DET}})?{{YEARUNIT}}{{USUF}}\s+{{RELPOST}})"
    )
    macros["BAREYEAR"] = r"(?:(?:{{DET}})?{{YEARUNIT}}(?:\s+{{YEAR4}})?|eoy)"
    macros["YEARREF"] = (
        r"(?:{{RELYEAR}}|(?:(?:{{DET}})?(?:calendar\s+|fiscal\s+)?{{YEARUNIT}}\s+(?:de\s+)?)?{{YEAR4}}"
        r"|{{YEARWORDS}})"
    )
    macros["YEARREF_B"] = r"(?:{{RELYEAR}}|{{YEARREF}}|{{BAREYEAR}})"
    macros["RELUNIT"] = (
        r"(?:{{RELPRE}}\s+(?:calendar\s+)?(?P<u>{{UNIT}}){{USUF}}"
        r"|(?P<u>{{UNIT}}){{USUF}}\s+{{RELPOST}}"
        r"|(?:{{DET}})?(?P<u>{{UNIT}})(?P<ci>-ci))"
    )
    macros["DAYWORDS"] = whole_words(alternation(wording["days"]))
    macros["DAYDATE"] = (
        r"(?:(?:{{DAYNUM}})\s+(?:of\s+)?{{MONTH}}(?:\s*,?\s*{{YEAR4}})?"
        r"|{{MONTH}}\s+(?:the\s+)?{{DAYNUM}}(?:\s*,?\s*{{YEAR4}})?)"
    )
    macros["MONTHHEAD"] = (
        alternation(wording.get("month_heads") or []) + r"\s*" if wording.get("month_heads") else "(?!)"
    )
    macros["WEEKOF"] = whole_words(alternation(wording["week_of"]))
    macros["RANGEOPEN"] = whole_words(alternation(wording["range_open"]))
    macros["RANGEJOIN"] = (
        r"(?:" + alternation([j for j in wording["range_join"] if j not in ("-", "–")]) + r"(?![\w])|-)"
    )
    macros["DECADEHEAD"] = (
        whole_words(alternation(wording["decade_heads"])) if wording.get("decade_heads") else "(?!)"
    )
    macros["DECADEWORD"] = (
        whole_words(alternation(wording["decade_words"])) if wording.get("decade_words") else "(?!)"
    )
    macros["CENTURY"] = whole_words(
        alternation([word for word, kind in wording["units"].items() if kind == "century"])
    )
    macros["QUARTERW"] = whole_words(
        alternation([word for word, kind in wording["units"].items() if kind == "quarter"])
    )
    macros["HALFW"] = whole_words(
        alternation([word for word, kind in wording["units"].items() if kind == "half_year"])
    )
    macros["WEEKW"] = whole_words(
        alternation([word for word, kind in wording["units"].items() if kind == "week"])
    )
    macros["MONTHW"] = whole_words(
        alternation([word for word, kind in wording["units"].items() if kind == "month"])
    )
    for key in ("rest_of_year", "year_to_date", "whole_year"):
        block = wording.get(key) or {}
        heads = block.get("heads") or []
        phrases = block.get("phrases") or []
        macros[key.upper() + "_HEADS"] = (
            (r"(?<![\w])" + alternation(heads, regexes=True)) if heads else "(?!)"
        )
        macros[key.upper() + "_PHRASES"] = (
            whole_words(alternation(phrases, regexes=True)) if phrases else "(?!)"
        )
        tails = block.get("tails") or []
        macros[key.upper() + "_TAILS"] = whole_words(alternation(tails, regexes=True)) if tails else "(?!)"

    return macros
