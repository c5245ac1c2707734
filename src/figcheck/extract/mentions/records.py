"""A mention as the tables hold it, and a candidate mention with the priority of its source."""

from __future__ import annotations

from dataclasses import dataclass

from figcheck.load.gazetteer import GazetteerEntry, fold

MAX_NAME_WORDS = 4
SENTENCE_END = frozenset(".!?…:;")
QUOTES = frozenset("\"'«»“”‘’()[]—–-")
DETERMINERS = {"fr": frozenset({"le", "la", "l"}), "en": frozenset({"the"})}
AFTER_NAME_DETERMINERS = {"fr": frozenset({"le", "la", "l"}), "en": frozenset({"the", "a", "an"})}
# "Spearman, a minister and former colonel": a bare role after an indefinite article describes a
# calling, not a post ("Smith, a spokesman for the ministry" names its body and is a title)
INDEFINITE = {"fr": frozenset({"un", "une"}), "en": frozenset({"a", "an"})}
SPACY_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}
NOT_ACRONYMS = frozenset(fold(w) for w in "COVID PIB GDP CEO PDG TV OK NB PS AM PM UTC GMT".split())
# Priorities when candidates overlap: lower wins, then the longer span.
FROM_HONORIFIC, FROM_GAZETTEER, FROM_PHRASE, FROM_LEXICON, FROM_MODEL, FROM_RULE = range(6)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    title: str | None
    refers_to: int | None
    name: str | None


@dataclass
class Candidate:
    first: int  # token indices, end exclusive
    last: int
    type: str
    priority: int
    entry: GazetteerEntry | None = None
    honorific: int = 0  # tokens of honorific at the start of the span
    title_span: tuple[int, int] | None = None
    title_only: bool = False
