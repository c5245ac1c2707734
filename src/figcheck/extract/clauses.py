"""Which clause a phrase of a parsed sentence belongs to, so that a period phrase dates only the figures
of its own clause.

"The harbour employs 2,400 dockers, and the old quay, first paved in 1998, holds 14 cranes": "in 1998"
hangs from the clause that describes the quay, so it dates neither the dockers nor the cranes. The
parse (``figcheck.extract.syntax``) keeps, for each token, where its head starts and how it hangs from
it; these functions climb that tree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# a clause coordinated with or set beside another has its own time; one that describes a noun, its noun's
SEPARATE_CLAUSES = frozenset({"conj", "parataxis"})
NOUN_CLAUSES = frozenset({"acl", "acl:relcl", "relcl"})
SET_OFF = frozenset(",;:()–—")


@dataclass(frozen=True)
class Link:
    """A parsed token's place in its tree: where its head starts (offsets in the article body), the
    relation to it, and whether the token heads a clause (a verb, or the sentence's root)."""

    head: int
    dep: str
    clause: bool


def dates(links: Mapping[int, Link], text: str, period: tuple[int, int], governors: frozenset[int]) -> bool:
    """Whether the phrase at `period` (start and end in `text`, a period) belongs to the clause of the
    figure whose `governors` are given: it hangs from them, or from a clause under them, but not from
    a coordinated or juxtaposed clause, nor from a clause that describes another noun ("an antibody
    first isolated in 1995"), nor from a clause beyond a semicolon ("spent 1.2 % in 2018; the alliance
    asks for 2 %"). A phrase set off by punctuation from such a clause ("la réunion présidée
    par le ministre, pour l'ensemble de l'année 2026, l'armée…") is where parsers go wrong most: it is
    not held apart. True where the phrase was not parsed."""
    start, end = period
    current = next((o for o in range(start, end) if o in links and not start <= links[o].head < end), None)
    for _ in range(len(links)):  # a parse is a tree; the bound only guards against a malformed one
        if current is None or current in governors:
            return True
        link = links[current]
        if link.head == current:
            return False  # another root: the parser read the phrase as a sentence of its own
        if link.clause and ";" in text[min(current, link.head) : max(current, link.head)]:
            return False  # a clause beyond a semicolon is a sentence of its own in all but its stop
        separate = link.dep in SEPARATE_CLAUSES or link.dep in NOUN_CLAUSES and link.head not in governors
        if link.clause and separate:
            between = text[current:start] if current < start else text[end:current]
            return any(mark in between for mark in SET_OFF)
        current = link.head
    return True


SUBORDINATE_CLAUSES = frozenset({"advcl", "acl:relcl", "relcl"})
NAME_MODIFIERS = frozenset({"compound", "nummod", "amod"})


def frames(
    links: Mapping[int, Link],
    period: tuple[int, int],
    dates_its_noun: Callable[[int], bool],
    edition: bool = False,
) -> bool:
    """Whether the phrase at `period` dates the main clause of its sentence, which frames the sentences
    after it: no adverbial or relative clause stands between it and the sentence's root ("the union,
    which it joined in 1973"), unless `dates_its_noun` (given where the clause's head starts) says the
    clause tells when its noun took place ("le second tour, qui a eu lieu dimanche"); a year that may
    name an `edition` names one when it modifies a noun ("the 2019 Nobel Prize", "les séries mondiales
    2016"). True where the phrase was not parsed."""
    start, end = period
    outside = [o for o in range(start, end) if o in links and not start <= links[o].head < end]
    if edition and any(links[o].dep in NAME_MODIFIERS for o in outside):
        return False
    current = outside[0] if outside else None
    for _ in range(len(links)):
        if current is None:
            return True
        link = links[current]
        if link.head == current:
            return True
        if link.clause and link.dep in SUBORDINATE_CLAUSES and not dates_its_noun(current):
            return False
        current = link.head
    return True


# A phrase wider than this, or more words above it than that, is no prose (a list of scores with no stop,
# parsed as one chain; news sentences of the corpus reach 91 words wide and 25 deep): the figure is read as
# if unparsed, so that what each figure reads stays bounded.
WIDEST_PHRASE = 300
DEEPEST_PHRASE = 60


def governors(phrase: Any, number: Any, offsets: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Where the words of the figure's phrase and every word above it start; none where the phrase is
    wider than `WIDEST_PHRASE` words or more than `DEEPEST_PHRASE` words hang above it."""
    if any(t.right_edge.i - t.left_edge.i >= WIDEST_PHRASE for t in (phrase, number)):
        return frozenset()
    found = {offsets[t.i][0] for t in (*number.subtree, *phrase.subtree)}
    current = phrase
    for _ in range(DEEPEST_PHRASE):
        if current.head.i == current.i:
            return frozenset(found)
        current = current.head
        found.add(offsets[current.i][0])
    return frozenset()
