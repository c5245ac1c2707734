"""Attribution of figures to a press agency: "cité par TASS", "a déclaré à TASS", "selon Reuters",
"according to Reuters", "told AFP", "Interfax reported".

Only attributions are found: an agency name from ``data/sources_agencies.yaml`` together with a cue
from ``data/sources_<lang>.yaml``, either before the name ("selon l'agence russe TASS") or after it
("TASS a rapporté"). A name alone ("TASS" in "le directeur de TASS") is not an attribution.
Agency names are matched with their case (``AP``, not "ap"), or in capitals.

An inline citation in square brackets ("[ source : ((fr)) – « Titre ». Radio France internationale,
31 mars 2016. ]"; the cue word is ``citation`` in ``data/sources_<lang>.yaml``) names the outlet its
sentence's figures come from, whatever the outlet; its date is when the outlet wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from figcheck.packaged import data_yaml


@dataclass(frozen=True)
class SourceCue:
    """An attribution; ``text`` is ``source[start:end]``, cue and agency name included."""

    start: int
    end: int
    text: str
    agency: str


def _data(name: str) -> Any:
    return data_yaml("figcheck.extract", name)


def _alt(parts: list[str]) -> str:
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in parts) + ")"


@cache
def _grammar(language: str) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    lang = language.lower()[:2]
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language {language!r}; use 'fr' or 'en'")
    agencies: dict[str, list[str]] = _data("sources_agencies.yaml")
    canonical: dict[str, str] = {}
    for name, spellings in agencies.items():
        for s in spellings:
            canonical[s] = name
            canonical[s.upper()] = name
    names = sorted(canonical, key=len, reverse=True)
    # one pattern finds every agency name; the cues are then read on each side of a hit only
    name_re = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w-])"
    )
    cues = _data(f"sources_{lang}.yaml")
    nouns = _alt(cues.get("agency_nouns") or [])
    before = re.compile(r"(?<![\w])" + _alt(cues["before"]) + r"\s*(?:" + nouns + r"\s*)?$", re.IGNORECASE)
    after = re.compile(r"\s*,?\s*" + _alt(cues["after"]) + r"(?![\w])", re.IGNORECASE)
    return name_re, canonical, before, after


# an inline citation: "[ source : ((fr)) – « Titre ». Radio France internationale, 31 mars 2016. ]"
_CITATION_TAIL = re.compile(
    r"^(?:\(\(\w+\)\)\s*)?[–—-]?\s*(?:[«“\"].*?[»”\"]\s*[.,]?\s*)?(?P<outlet>[^,.\]]+)"
)


@cache
def _citation(language: str) -> re.Pattern[str]:
    cue = _data(f"sources_{language.lower()[:2]}.yaml").get("citation") or "(?!)"
    return re.compile(r"\[\s*" + cue + r"\s*:\s*(?P<body>[^\]]*)\]", re.IGNORECASE)


def find_citations(text: str, language: str) -> list[SourceCue]:
    """Inline citations in ``text`` ("[ source : … « title ». Outlet, date. ]"), each with its outlet."""
    out = []
    for hit in _citation(language).finditer(text):
        tail = _CITATION_TAIL.match(hit["body"].strip())
        outlet = " ".join(tail["outlet"].split()) if tail else ""
        if outlet and not any(c.isdigit() for c in outlet):
            out.append(SourceCue(hit.start(), hit.end(), hit.group(), outlet))
    return out


CITATION_REACH = 300  # characters from a date to the brackets of the citation it belongs to


def in_citation(text: str, start: int, end: int, language: str) -> bool:
    """Whether `text[start:end]` lies inside an inline citation ("[ source : … Le Monde, 2 mars 2016. ]")."""
    opened = text.rfind("[", max(0, start - CITATION_REACH), start)
    closed = text.find("]", end, end + CITATION_REACH)
    return 0 <= opened and closed >= 0 and bool(find_citations(text[opened : closed + 1], language))


def find_sources(text: str, language: str) -> list[SourceCue]:
    """Agency attributions in ``text``, in reading order, with the canonical agency name."""
    name_re, canonical, before, after = _grammar(language)
    norm = text.replace("’", "'")
    out: list[SourceCue] = []
    for hit in name_re.finditer(norm):
        agency = canonical.get(" ".join(hit.group().split()))
        if agency is None:
            continue
        left = max(0, hit.start() - 80)
        cue = before.search(norm, left, hit.start())
        if cue is not None:
            out.append(SourceCue(cue.start(), hit.end(), text[cue.start() : hit.end()], agency))
            continue
        post = after.match(norm, hit.end(), min(len(norm), hit.end() + 40))
        if post is not None:
            s = hit.start()
            # "l'agence TASS a rapporté": keep the agency noun in the span
            out.append(SourceCue(s, post.end(), text[s : post.end()], agency))
    return out
