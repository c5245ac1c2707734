"""Who a sentence says states its figures, read from its parse: the object of an attribution preposition
("selon l'Insee", "according to officials"), else the subject of a reporting verb, before it or inverted
after it ("a déclaré le ministre", "…, a rappelé M. Huet"). The words come from ``data/speakers.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import regex

from figcheck.extract.tokens import NOUNS, SUBJECTS, folded
from figcheck.packaged import data_yaml


@dataclass(frozen=True)
class Attribution:
    """Who a sentence says states its figures: the speaker's noun phrase (``start``, ``end`` in the body).

    ``pronoun``: the speaker is a pronoun ("a-t-il ajouté", "he said"), so the previous speaker;
    ``release``: a publishing verb ("Eurostat dévoile les chiffres…"), whose speaker holds for the
    figures after it; ``phrase``: the whole phrase that names the speaker, whose figures describe the
    speaker rather than state a claim ("Un autre des trois journalistes, Ismaël Karroum, a dit…").
    """

    start: int
    end: int
    text: str
    pronoun: bool = False
    release: bool = False
    phrase: tuple[int, int] | None = None


@dataclass(frozen=True)
class AttributionWords:
    """A language's words of attribution (``data/speakers.yaml``, section ``grammar``)."""

    reporting: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    publishing: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    silent: frozenset[str] = frozenset()


NO_ATTRIBUTION = AttributionWords()


@cache
def attribution_words(language: str) -> AttributionWords:
    """The attribution words of `language` (none for a language the data file does not list)."""
    grammar = data_yaml("figcheck.extract", "speakers.yaml")["grammar"].get(language, {})
    return AttributionWords(
        **{key: frozenset(str(w).lower() for w in words) for key, words in grammar.items()}
    )


# the subject of a reporting verb in the active voice (a passive one, "121 000 vols ont été enregistrés",
# is what was counted); a parser at times labels an active subject passive ("M. Lebrun a évoqué")
SPEAKING_SUBJECTS = SUBJECTS | {"nsubj:pass", "nsubjpass"}
# after the verb, the inverted subject ("a déclaré le ministre") bears whichever label the parser gives
INVERTED = frozenset({"obj", "dobj", "nsubj", "appos", "attr", "obl", "obl:mod", "obl:arg"})
PHRASE_END = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "case", "mark"})


def find_attribution(
    doc: Any, offsets: Sequence[tuple[int, int]], text: str, words: AttributionWords
) -> Attribution | None:
    """The sentence's speaker: the object of an attribution preposition, else the subject of a reporting
    verb (before it, or inverted after it)."""
    for token in doc:
        joined = (doc[token.i - 1].text.lower() if token.i else "") + token.text.lower()
        if token.text.lower() in words.prepositions or joined.replace("’", "'") in words.prepositions:
            head = _preposition_object(token)
            if head is not None:
                found = _phrase(head, offsets, text, words)
                # "selon l'Insee, … :" introduces what follows
                return replace(found, release=doc.text.rstrip().endswith(":"))
    for token in doc:
        if token.pos_ != "VERB" or folded(token) not in words.reporting or _passive(token):
            continue
        subject = next((c for c in token.children if c.dep_ in SPEAKING_SUBJECTS), None)
        # "… s'élève à 80 100, a rappelé M. Huet": an incise's subject comes after its verb
        if subject is None and _after_comma(token):
            subject = _inverted_subject(token)
        # "called for 100% and stated 92%", "M. X affiche son optimisme, estimant que…": the governing verb's subject
        if subject is None and token.dep_ in ("conj", "advcl", "xcomp"):
            subject = next((c for c in token.head.children if c.dep_ in SUBJECTS), None)
        # "Le ministre, …, estimant que…": a present participle says who speaks by the noun it qualifies
        if subject is None and token.dep_.startswith("acl") and "Pres" in token.morph.get("Tense"):
            subject = token.head if token.head.pos_ in NOUNS else None
        if subject is None:
            subject = _inverted_subject(token)
        if subject is None or folded(subject) in words.silent:
            continue  # "On estime que…", "Ce jeudi, …": no one who speaks
        found = _phrase(subject, offsets, text, words)
        if not any(c.isdigit() for c in found.text):  # the subject is what was counted, not a speaker
            release = folded(token) in words.publishing or doc.text.rstrip().endswith(":")
            return replace(found, release=release)
    return None


def _inverted_subject(verb: Any) -> Any | None:
    """A noun after the verb that names who speaks ("a déclaré le ministre"), not whom it speaks to."""
    return next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in INVERTED
            and c.pos_ in NOUNS
            and not any(g.dep_ == "case" for g in c.children)  # "a déclaré à TASS": not the speaker
        ),
        None,
    )


def _after_comma(verb: Any) -> bool:
    """Whether the verb, with its auxiliaries, follows a comma: an incise ("…, a rappelé M. Huet")."""
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)])
    return first > 0 and bool(verb.doc[first - 1].text == ",")


def _in_apposition(child: Any, head: Any) -> bool:
    """A name set off after its head ("Le ministre des Finances, Michel Sapin,"), which a parser labels
    an apposition or, at times, a conjunct; not an age ("Petro, 58 ans,")."""
    return bool(
        child.i > head.i
        and (child.dep_ == "appos" or child.dep_ == "conj" and child.pos_ == "PROPN")
        and not any(t.like_num for t in child.subtree)
    )


def _passive(verb: Any) -> bool:
    """A passive verb has a passive auxiliary; a passive subject alone is a parser's slip ("M. Lebrun a
    évoqué": "M." read as a passive subject)."""
    return any(c.dep_ in ("aux:pass", "auxpass") for c in verb.children)


def _preposition_object(token: Any) -> Any | None:
    if token.dep_ in ("case", "fixed") and token.head.pos_ in NOUNS | {"PRON"}:
        return token.head  # "selon l'Insee": the noun is the head of its case marker
    if token.dep_ == "fixed" and token.head.dep_ == "case":
        return _preposition_object(token.head)  # "d'après X": "après" is fixed to "d'", the case of X
    for child in token.children:  # "according to officials": according → to → officials
        for grand in child.children:
            if grand.dep_ == "pobj":
                return grand
        if child.dep_ == "pobj":
            return child
    return None


def _phrase(head: Any, offsets: Sequence[tuple[int, int]], text: str, words: AttributionWords) -> Attribution:
    """The noun phrase of `head`, without its relative clauses, or what follows a comma in it."""
    first = last = head.i
    for child in head.children:
        if child.dep_ in PHRASE_END or child.dep_ == "punct" and child.i > head.i:
            continue
        span = list(child.subtree)
        if child.i < head.i:
            first = min(first, span[0].i)
        else:
            if any(t.text in ",;:" for t in span):
                continue
            last = max(last, span[-1].i)
    # "Le ministre de la Défense, Andreï Beloussov, a annoncé": the name in apposition is the speaker's
    named = max((list(c.subtree)[-1].i for c in head.children if _in_apposition(c, head)), default=head.i)
    last = max(last, named)
    stop = next((t.i for t in head.doc[named + 1 : last + 1] if t.text in ",;:"), None)
    last = last if stop is None else stop - 1
    start, end = offsets[first][0], offsets[last][1]
    pronoun = head.pos_ == "PRON" and head.text.lower() in words.pronouns
    # the whole phrase without the clauses it holds ("Le ministre, …, estimant que…": that is the claim)
    whole = [head.i, *(t.i for c in head.children if c.dep_ not in PHRASE_END | {"punct"} for t in c.subtree)]
    return Attribution(
        start, end, text[start:end], pronoun, phrase=(offsets[min(whole)][0], offsets[max(whole)][1])
    )


@cache
def speech_cues(language: str) -> regex.Pattern[str]:
    """The words that say a sentence reports speech ("a déclaré", "selon", "said")."""
    data = data_yaml("figcheck.extract", "speakers.yaml")
    return regex.compile(
        r"(?<!\w)(?:" + "|".join(data.get(language, data["en"])) + r")(?!\w)", regex.IGNORECASE
    )
