"""Status of the figures of a sentence: actual, planned or an estimate.

"avaient été livrés", "were delivered", "has received" report what happened (``actual``);
"devrait recevoir", "il est prévu de livrer", "sera livré", "will receive", "plans to",
"is expected to" report a plan or a forecast (``planned``); "selon les estimations", "estimé à",
"an estimated", "is estimated" report an estimate (``estimate``). The cues are small regular
expressions kept in ``data/status_<lang>.yaml``; they are tried in the order planned, estimate,
actual, so that a plan stated with an estimate stays a plan. A sentence with no cue is
``unspecified``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import regex

from figcheck.extract.syntax import Grammar, Word, has_verb
from figcheck.extract.tokens import VERBS
from figcheck.packaged import data_yaml
from figcheck.text import strip_accents

# the word written right before a figure, its bound words included ("reportedly upwards of 300")
WORD_BEFORE = regex.compile(r"(?r)([\p{L}'’]+)[ \t]+\Z")

_ORDER = ("planned", "estimate", "actual")


def _fold(s: str) -> str:
    return strip_accents(s.lower().replace("’", "'"))


@cache
def _data(language: str) -> dict[str, object]:
    lang = language.lower()[:2]
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language {language!r}; use 'fr' or 'en'")
    data: dict[str, object] = data_yaml("figcheck.extract", f"status_{lang}.yaml")
    return data


@dataclass(frozen=True)
class _Recounting:
    """The tense a report recounts its day's events in, the auxiliary of its perfect, and the verbs that
    alone in a clause tell a state (`recounting` in `data/status_<lang>.yaml`)."""

    tense: str
    perfect: str
    holding: frozenset[str]


@dataclass(frozen=True)
class _ClauseWords:
    planned: frozenset[str]
    estimate: frozenset[str]
    hearsay: frozenset[str]
    reporting: frozenset[str]
    over_infinitive: frozenset[str]
    rule: frozenset[str]
    imposed: frozenset[str]
    states: frozenset[str]
    ability: frozenset[str]
    done: frozenset[str]
    recounting: _Recounting | None
    future: str
    conditional: str
    conditional_forms: regex.Pattern[str]


@cache
def _clause_words(language: str) -> _ClauseWords:
    grammar = _data(language)["grammar"]
    assert isinstance(grammar, dict)
    return _ClauseWords(
        planned=frozenset(_fold(w) for w in grammar["planned"]),
        estimate=frozenset(_fold(w) for w in grammar["estimate"]),
        hearsay=frozenset(_fold(w) for w in grammar.get("hearsay", ())),
        reporting=frozenset(_fold(w) for w in grammar["reporting"]),
        over_infinitive=frozenset(_fold(w) for w in grammar.get("planned_over_infinitive", ())),
        rule=frozenset(_fold(w) for w in grammar.get("rule", ())),
        imposed=frozenset(_fold(w) for w in grammar.get("imposed", ())),
        states=frozenset(_fold(w) for w in grammar.get("states", ())),
        ability=frozenset(_fold(w) for w in grammar.get("ability", ())),
        done=frozenset(_fold(w) for w in grammar.get("done_in_past_participle", ())),
        recounting=_recounting(grammar.get("recounting")),
        future=grammar["future"],
        conditional=grammar["conditional"],
        conditional_forms=regex.compile(grammar.get("conditional_forms") or "(?!)"),
    )


def _recounting(words: dict[str, Any] | None) -> _Recounting | None:
    if words is None:
        return None
    return _Recounting(words["tense"], _fold(words["perfect"]), frozenset(_fold(w) for w in words["holding"]))


def figure_status(grammar: Grammar | None, sentence: str, language: str, ahead: bool = False) -> str:
    """One figure's status from the clause that governs it; from its sentence's cues without a parse.

    A figure stated in the present or with no verb is a fact, unless its period lies `ahead` of the
    statement ("le ministère évoque 2 500 drones pour 2026"): then it is a plan."""
    if grammar is None:
        return sentence_status(sentence, language)
    words = _clause_words(language)
    if grammar.verbs and _fold(grammar.verbs[0].lemma) in words.reporting:
        # the figure hangs on the verb that reports it: the parse lost the figure's own clause ("a
        # annoncé que 15 800 colis seraient distribués"), whose words the sentence still holds
        cued = sentence_status(sentence, language)
        if cued in ("planned", "estimate"):
            return cued
    # the rule words among the figure's own words name no rule under a verb that imposes a penalty
    imposed = not words.imposed.isdisjoint(_fold(verb.lemma) for verb in grammar.verbs)
    found = _status_of([m for m in grammar.marks if not imposed or _fold(m) not in words.rule], (), words)
    reported = _reported_in_the_past(grammar, words)
    past = False
    for n, (verb, helpers) in enumerate(zip(grammar.verbs, grammar.auxiliaries, strict=True)):
        if _fold(verb.lemma) in words.reporting and verb is not grammar.verbs[0]:
            break
        governor = grammar.verbs[n + 1] if n + 1 < len(grammar.verbs) else None
        if (
            "Inf" in verb.verb_form
            and governor is not None
            and _fold(governor.lemma) in words.over_infinitive
        ):
            return "planned"  # "they are to share", "is to involve"
        lemmas = (verb.lemma, *(h.lemma for h in helpers))
        found = found or _status_of(lemmas, (verb, *helpers), words, reported)
        if found:
            return found
        past = past or any("Past" in t.tense or "Imp" in t.tense for t in (verb, *helpers))
    if not has_verb(grammar):
        # no verb above the figure, or one the parser took for a noun ("table sur 20 500 véhicules"):
        # the sentence's own words say what it is
        cued = sentence_status(sentence, language)
        if cued != "unspecified":
            return cued
    return "planned" if ahead and not past else "actual"


def hedged(text: str, start: int, language: str) -> bool:
    """Whether a word of hearsay or guess stands right before the figure that starts at `start`
    ("reportedly upwards of 100,000", "presumably between 36 and 40", "apparemment plus de 300"): an
    estimate, however the parser hangs the word."""
    found = WORD_BEFORE.search(text, max(0, start - 30), start)
    return found is not None and _fold(found.group(1)) in _clause_words(language).hearsay


def describes_a_state(grammar: Grammar | None, language: str) -> bool:
    """Whether the figure's clause describes how things are, not what happened: its verb says a state
    ("le programme consiste en…", "the plan requires…")."""
    verb = next((v for v in grammar.verbs if v.pos in VERBS), None) if grammar is not None else None
    if verb is None:
        return False
    return _fold(verb.lemma) in _clause_words(language).states


def states_a_rule(grammar: Grammar | None, language: str) -> bool:
    """Whether the figure gives the terms of a rule, a threshold or a guideline ("au-dessus du seuil de
    1,4 %", "a fine of up to 5,000 euros"), which hold at no particular time."""
    if grammar is None:
        return False
    lemmas = {
        *grammar.marks,
        *(w.lemma for w in grammar.verbs),
        *(h.lemma for a in grammar.auxiliaries for h in a),
    }
    return _names_a_rule({_fold(lemma) for lemma in lemmas}, _clause_words(language))


def _names_a_rule(folded: set[str], words: _ClauseWords) -> bool:
    """Whether the words give the terms of a rule: a penalty a court imposes is a fact ("condamné à
    75 000 euros d'amende"), not the terms of one."""
    return bool(folded & words.rule) and not folded & words.imposed


def recounts(grammar: Grammar | None, language: str) -> bool:
    """Whether the figure's clause tells an event in the tense a report recounts its day in ("fifteen
    Democrats defected", "48 apartments were damaged", "said it had carried out the attack"): the day an
    article's lead reports dates such clauses in its later paragraphs, not a state ("the rates were 49 %",
    "have been at least 25 %", "is not in operation"). A language whose reports recount in every tense (a
    French report narrates in the present as well) says so by giving no `recounting` tense."""
    tenses = _clause_words(language).recounting
    if tenses is None:
        return True
    if grammar is None or describes_a_state(grammar, language):
        return False
    for verb, helpers in zip(grammar.verbs, grammar.auxiliaries, strict=True):
        tokens = (verb, *helpers)
        if verb.pos not in VERBS or not any("Fin" in t.verb_form for t in tokens):
            continue  # "using ten drones": the verb that carries the tense is further up
        if _fold(verb.lemma) in tenses.holding and not helpers:
            return False
        if any(_fold(h.lemma) == tenses.perfect for h in helpers):
            # a past perfect under a past statement is its simple past: "said it had carried out"
            said = grammar.reported_by
            return said is not None and tenses.tense in said.tense
        return any(tenses.tense in t.tense and "Fin" in t.verb_form for t in tokens)
    return False


def holds_now(grammar: Grammar | None, language: str) -> bool:
    """Whether the figure's clause is told in the simple present in a language whose reports recount in
    the past ("only 0.5% of grocery turnover comes from this segment"): what holds when it is said, not in
    a year the sentences before it tell of. French narrates in the present too: there it says nothing."""
    if _clause_words(language).recounting is None or grammar is None:
        return False
    verb = next((v for v in grammar.verbs if v.pos in VERBS), None)
    return verb is not None and "Fin" in verb.verb_form and "Pres" in verb.tense and verb.mood in ("", "Ind")


def _reported_in_the_past(grammar: Grammar, words: _ClauseWords) -> bool:
    said = grammar.reported_by
    return said is not None and _fold(said.lemma) in words.reporting and "Past" in said.tense


def _status_of(
    lemmas: Sequence[str], tokens: Sequence[Word], words: _ClauseWords, reported: bool = False
) -> str | None:
    """The status the words or the tense and mood of `tokens` give; a conditional `reported` by a past
    statement is its future ("a annoncé que 44 000 doses seraient livrées"): a plan."""
    folded = {_fold(lemma) for lemma in lemmas}
    # "il ne peut résister", "le stade peut accueillir 80 000 personnes": what can be, not a plan
    able_now = {_fold(t.lemma) for t in tokens if "Pres" in t.tense and "Ind" in t.mood} & words.ability
    # "les pompiers ont dû intervenir", "71 personnes ont pu sortir": what had to be or could be done, was
    done = {_fold(t.lemma) for t in tokens if "Part" in t.verb_form and "Past" in t.tense} & words.done
    conditional = any("Cnd" in t.mood or words.conditional_forms.fullmatch(_fold(t.text)) for t in tokens)
    if done and conditional:
        return "unspecified"  # "il aurait dû percevoir 19 000 euros": what should have been, not what was
    if folded & words.planned - able_now - done:
        return "planned"
    if folded & words.estimate:
        return "estimate"
    if _names_a_rule(folded, words):
        return "unspecified"
    if any("Fut" in t.tense for t in tokens):
        return words.future
    if conditional:
        return "planned" if reported else words.conditional
    return None


@cache
def _cues(language: str) -> list[tuple[str, regex.Pattern[str]]]:
    data = _data(language)
    out = []
    for status in _ORDER:
        listed = data.get(status) or []
        assert isinstance(listed, list)
        cues = [_fold(c).replace(" ", r"\s+") for c in listed]
        if cues:
            out.append((status, regex.compile(r"(?<![\w])(?:" + "|".join(f"(?:{c})" for c in cues) + ")")))
    return out


@lru_cache(maxsize=256)  # every figure of a sentence asks for it: once per sentence, not per figure
def sentence_status(sentence: str, language: str) -> str:
    """``"actual"``, ``"planned"``, ``"estimate"`` or ``"unspecified"`` for one sentence."""
    folded = _fold(sentence)
    for status, pattern in _cues(language):
        if pattern.search(folded):
            return status
    return "unspecified"


@lru_cache(maxsize=256)
def sentence_cues(sentence: str, language: str) -> frozenset[str]:
    """Every status with a cue in the sentence: a sentence may report a fact and a plan."""
    folded = _fold(sentence)
    return frozenset(status for status, pattern in _cues(language) if pattern.search(folded))
