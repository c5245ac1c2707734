"""The grammar around each figure, from a dependency parse of the sentences that hold figures.

For every quantity the parse gives two things the words next to it cannot:

- **what is counted**: the noun the number modifies, past its modifiers ("seven health facilities" →
  facilities, "1,051,635 confirmed cases" → cases), and past a head noun that only carries the real unit
  ("unités d'équipements" → équipements, "pieces of equipment" → equipment);
- **the clause that governs it**: the verbs from the figure up to the main verb, each with its
  auxiliaries, tense, mood and lemma. ``figcheck.extract.status`` reads a figure's status from them.

Each parsed sentence's speaker is read by ``figcheck.extract.attribution``.

Only sentences holding a figure are parsed, and only with the tagger and parser (no NER): about a
third of a news article's sentences. A number written in several tokens ("40 000", "3,5 milliards")
is given to the parser as one numeral, which it reads far more reliably than the digit groups.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from figcheck.extract.attribution import NO_ATTRIBUTION, Attribution, AttributionWords, find_attribution
from figcheck.extract.clauses import Link, governors
from figcheck.extract.models import for_the_model, verb_endings
from figcheck.extract.numbers import Quantity
from figcheck.extract.tokens import JOINING, LEMMATIZE, NOUNS, SUBJECTS, VERBS, lemma
from figcheck.extract.units import normalize
from figcheck.text.sentences import Span, deep_read_end, sentence_of

# the dependents of a figure's verb that may say it is a plan or an estimate
CLAUSE_MARKS = frozenset({"advmod", "nsubj", "nsubj:pass", "nsubjpass"})
# how many sentences ahead of a figure an attribution without figures may still speak for it
SPEECH_REACH = 2
# a numeral's link to the noun it counts, and a noun's link to the noun phrase inside it ("de", "of")
COUNTING = frozenset({"nummod", "det", "amod", "quantmod", "nmod", "compound"})
INNER = frozenset({"nmod", "prep", "pobj"})
CHANGED = frozenset({"dobj", "obj"})  # the object of a verb whose change a number ends
CHILDREN = "figcheck_children"  # where a parsed sentence keeps the children its figures asked for


@dataclass(frozen=True)
class Word:
    """One token of a parsed sentence, as later stages need it."""

    text: str
    lemma: str
    pos: str
    dep: str
    tense: str
    mood: str
    verb_form: str
    start: int  # offsets in the article body
    end: int


@dataclass(frozen=True)
class Grammar:
    """What the parse says around one quantity.

    ``counted`` is the counted noun (None when the number stands alone). ``verbs`` is the chain of
    governing verbs from the nearest up to the main verb, each with its auxiliaries and modals
    (``auxiliaries[i]`` belongs to ``verbs[i]``); ``marks`` are the lemmas of the modifiers of the
    figure's noun phrase ("an estimated", "annual").
    """

    counted: Word | None
    verbs: tuple[Word, ...]
    auxiliaries: tuple[tuple[Word, ...], ...]
    marks: tuple[str, ...]
    governors: frozenset[int] = frozenset()  # where the figure and the words above it start, up to the root
    reported_by: Word | None = None  # the verb whose complement the clause is ("a annoncé que …")


def has_verb(grammar: Grammar) -> bool:
    """Whether a verb governs the figure: without one, the parser read it apart from its clause."""
    return any(v.pos in VERBS for v in grammar.verbs)


@dataclass(frozen=True)
class Parsed:
    """One article's parse: the grammar of each quantity (None where unparsed), and the attribution of
    each parsed sentence that has one, by sentence index."""

    grammars: tuple[Grammar | None, ...]
    attributions: dict[int, Attribution]
    links: dict[int, Link] = field(default_factory=dict)  # by the token's start


def parse_many(
    nlp: Any,
    articles: Sequence[tuple[str, Sequence[Span], Sequence[Quantity]]],
    heads: Iterable[str] = (),
    attribution: AttributionWords = NO_ATTRIBUTION,
    speaks: Callable[[str], object] = lambda sentence: False,
    joins: frozenset[str] = frozenset(),
    framing: Sequence[Collection[int]] = (),
    batch_size: int = 64,
) -> list[Parsed]:
    """The parse of the sentences of many articles that hold figures, or that `speaks` says attribute
    words to someone, or that `framing` names for each article (sentences whose periods may date the
    figures after them), all fed to spaCy together (`nlp.pipe`); `joins` are the prepositions that join
    a number to what it counts."""
    framing = list(framing) or [()] * len(articles)
    grammars: list[list[Grammar | None]] = [[None] * len(q) for _, _, q in articles]
    attributions: list[dict[int, Attribution]] = [{} for _ in articles]
    links: list[dict[int, Link]] = [{} for _ in articles]
    if nlp is not None:
        head_words = frozenset(heads)
        # article, sentence, its quantities, whether it speaks
        jobs: list[tuple[int, int, list[int], bool]] = []
        docs = []
        for a, (text, sentences, quantities) in enumerate(articles):
            grouped: dict[int, list[int]] = {}
            for q, quantity in enumerate(quantities):
                grouped.setdefault(sentence_of(sentences, quantity.start), []).append(q)
            # only the sentences that start before the deep-read end are parsed (the end is often a line
            # end, between two sentences)
            deep = bisect_left(sentences, deep_read_end(text), key=lambda span: span.start)
            for s, sentence in enumerate(sentences[:deep]):
                # a sentence that only speaks matters to the figures that follow it closely
                before_figures = any(s + k in grouped for k in range(1, SPEECH_REACH + 1))
                speaking = (
                    s in grouped or before_figures and bool(speaks(text[sentence.start : sentence.end]))
                )
                if speaking or s in framing[a]:
                    # a sentence parsed only for the clause its periods date attributes nothing
                    jobs.append((a, s, grouped.get(s, []), speaking))
                    docs.append(_doc(nlp, text, sentence, [quantities[q] for q in grouped.get(s, [])]))
        lemmatize = _rule_lemmatizer(nlp)
        disabled = [name for name in nlp.pipe_names if name == "ner" or lemmatize and name == "lemmatizer"]
        with nlp.select_pipes(disable=disabled):
            parsed = nlp.pipe(docs, batch_size=batch_size)
            for (a, s, members, speaking), (doc, offsets, anchors) in zip(
                jobs, _with_maps(parsed, docs), strict=True
            ):
                doc.user_data[LEMMATIZE] = lemmatize
                said = find_attribution(doc, offsets, articles[a][0], attribution) if speaking else None
                if said is not None:
                    attributions[a][s] = said
                links[a].update(_links(doc, offsets))
                for q, anchor in zip(members, anchors, strict=True):
                    if anchor is not None:
                        grammars[a][q] = _grammar(doc, anchor, offsets, head_words, joins)
    return [Parsed(tuple(g), d, k) for g, d, k in zip(grammars, attributions, links, strict=True)]


def _links(doc: Any, offsets: Sequence[tuple[int, int]]) -> dict[int, Link]:
    return {
        offsets[t.i][0]: Link(offsets[t.head.i][0], t.dep_, t.pos_ in VERBS or t.head.i == t.i) for t in doc
    }


@cache
def _rule_lemmatizer(nlp: Any) -> Callable[[Any], list[str]] | None:
    """The pipeline's rule lemmatizer, to lemmatize a token on demand, or None for another kind; one per
    pipeline, so that a word's lemma is looked up once per process (a French lookup takes a millisecond)."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    rule: Callable[[Any], list[str]] | None = getattr(lemmatizer, "rule_lemmatize", None)
    if rule is None or getattr(lemmatizer, "mode", None) != "rule":
        return None
    # a rule lemma depends on the word, its part of speech and its features only
    lemmas: dict[tuple[int, int, int], list[str]] = {}
    verbs = lemmatizer.lookups.get_table("lemma_index", {}).get("verb", frozenset())
    endings = verb_endings(nlp.lang)

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        if key not in lemmas:
            found = rule(token)
            if token.pos_ == "VERB" and found[:1] == [token.lower_] and token.lower_ not in verbs:
                # a verb the pipeline's tables leave as written ("indique"): by its ending, the verb its
                # index knows ("indiquer")
                found = _by_ending(token.lower_, endings, verbs) or found
            lemmas[key] = found
        return lemmas[key]

    return lemmatize


def _by_ending(word: str, endings: Mapping[str, str], verbs: Collection[str]) -> list[str]:
    for ending, infinitive in endings.items():
        if word.endswith(ending) and (verb := word[: len(word) - len(ending)] + infinitive) in verbs:
            return [verb]
    return []


def _with_maps(parsed: Iterable[Any], docs: list[Any]) -> Iterable[tuple[Any, Any, Any]]:
    for doc, source in zip(parsed, docs, strict=True):
        yield doc, source.user_data["figcheck_offsets"], source.user_data["figcheck_anchors"]


def _doc(nlp: Any, text: str, sentence: Span, quantities: Sequence[Quantity]) -> Any:
    """The sentence as a Doc whose every multi-token number is one numeral token."""
    from spacy.tokens import Doc

    tokens = nlp.tokenizer(for_the_model(text[sentence.start : sentence.end]))
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[tuple[int, int]] = []
    anchors: list[int | None] = []
    spans = sorted((q.start - sentence.start, q.end - sentence.start, n) for n, q in enumerate(quantities))
    starts = [span[0] for span in spans]
    anchor_of: dict[int, int] = {}
    i = 0
    while i < len(tokens):
        token = tokens[i]
        # the figures do not overlap: only the last that starts at or before the token may hold it
        last = bisect_right(starts, token.idx) - 1
        hit = spans[last] if last >= 0 and token.idx < spans[last][1] else None
        if hit is not None and _numeric(token):
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].idx < hit[1] and _numeric(tokens[j + 1]):
                j += 1
            last = tokens[j]
            anchor_of[hit[2]] = len(words)
            written = text[sentence.start + token.idx : sentence.start + last.idx + len(last)]
            words.append(_numeral(written, quantities[hit[2]]))
            spaces.append(bool(last.whitespace_))
            offsets.append((sentence.start + token.idx, sentence.start + last.idx + len(last)))
            i = j + 1
            continue
        if (
            hit is not None
            and hit[2] not in anchor_of
            and i + 1 < len(tokens)
            and tokens[i + 1].idx >= hit[1]
        ):
            anchor_of[hit[2]] = len(words)  # a number word with no digits: its last token anchors it
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        offsets.append((sentence.start + token.idx, sentence.start + token.idx + len(token)))
        i += 1
    for _, end, n in spans:
        if n not in anchor_of:  # the span's last token
            inside = [k for k, (s, _) in enumerate(offsets) if s < sentence.start + end]
            anchor_of[n] = inside[-1] if inside else None  # type: ignore[assignment]
    anchors = [anchor_of.get(n) for n in range(len(quantities))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.user_data["figcheck_offsets"] = offsets
    doc.user_data["figcheck_anchors"] = anchors
    return doc


def _numeric(token: Any) -> bool:
    return bool(token.like_num) or token.text[:1].isdigit()


def _numeral(written: str, quantity: Quantity) -> str:
    """The numeral the parser reads for a number: its digits, or the value in digits of a number spelled
    in several words ("one million" is 1000000, which the parser knows, not "onemillion"); a number
    word alone stays as written ("deux")."""
    digits = "".join(c for c in written if c.isdigit())
    value = quantity.value if quantity.value is not None else quantity.lower
    if not digits and len(written.split()) > 1 and value is not None and float(value).is_integer():
        digits = str(int(abs(value)))
    return digits[:9] or written.replace(" ", "")


def _word(token: Any, offsets: Sequence[tuple[int, int]]) -> Word:
    start, end = offsets[token.i]
    return Word(
        text=token.text,
        lemma=lemma(token),
        pos=token.pos_,
        dep=token.dep_,
        tense=",".join(token.morph.get("Tense")),
        mood=",".join(token.morph.get("Mood")),
        verb_form=",".join(token.morph.get("VerbForm")),
        start=start,
        end=end,
    )


def _grammar(
    doc: Any, anchor: int, offsets: Sequence[tuple[int, int]], heads: frozenset[str], joins: frozenset[str]
) -> Grammar:
    number = doc[anchor]
    counted = _counted(number, heads, joins)
    phrase = counted if counted is not None else number
    verbs, auxiliaries = _clause(phrase)
    # the words that qualify the figure, the noun it depends on, and the clause's adverbs and subject:
    # "an estimated 5,000", "there are reportedly 1.3 billion", "les prévisions s'établissaient à 0,3 %"
    qualifying = list(_children_where(phrase, _qualifies))
    qualifying += list(number.children)
    qualifying += [c for v in verbs[:1] for c in _children_where(v, _marks_a_clause) if c is not phrase]
    if phrase.head is not phrase and phrase.head.pos_ in NOUNS:
        qualifying.append(phrase.head)  # "un plafond de 25 joueurs", "a fine of 5,000 euros"
    marks = tuple(lemma(child) for child in qualifying if child.pos_ not in JOINING)
    return Grammar(
        counted=_word(counted, offsets) if counted is not None else None,
        verbs=tuple(_word(v, offsets) for v in verbs),
        auxiliaries=tuple(tuple(_word(a, offsets) for a in group) for group in auxiliaries),
        marks=marks,
        governors=governors(phrase, number, offsets),
        reported_by=_reported_by(verbs, offsets),
    )


def _reported_by(verbs: Sequence[Any], offsets: Sequence[tuple[int, int]]) -> Word | None:
    """The verb that takes the figure's clause as its complement, if any."""
    last = verbs[-1] if verbs else None
    if last is None or last.dep_ != "ccomp" or last.head.pos_ not in VERBS:
        return None
    return _word(last.head, offsets)


def _counted(number: Any, heads: frozenset[str], joins: frozenset[str]) -> Any | None:
    """The noun a numeral counts: its head when it modifies a noun after it, else a noun it governs
    through a counting preposition, `joins` ("3 millions de personnes"; "110 autres sur le mont" gives
    none)."""
    noun = None
    head = number.head
    if number.dep_ in COUNTING and head.pos_ in NOUNS and head.i > number.i and head.i - number.i <= 6:
        noun = head
    else:
        for child in number.children:
            if (
                child.pos_ in NOUNS
                and child.i > number.i
                and child.dep_ in INNER | {"nmod", "appos", "compound"}
                and all(g.text.lower() in joins for g in child.children if g.dep_ == "case")
            ):
                noun = child
                break
            if child.dep_ == "prep" and child.text.lower() in joins:
                objects = [g for g in child.children if g.dep_ == "pobj" and g.pos_ in NOUNS]
                if objects:
                    noun = objects[0]
                    break
    if noun is None:  # "le nombre de passagers s'est élevé à 5 000", "the number of visitors reached 5,000"
        # "stands at 5,000": the verb above the preposition
        verb = head.head if head.dep_ == "prep" and head.head.pos_ in VERBS else head
        verbs = [verb, *_children_where(verb, _is_auxiliary)]  # a participle read as an auxiliary
        # or its object, what a change is of ("raised the death toll from 14 to 31")
        noun = next(
            (
                c
                for v in verbs
                for c in _children_where(v, _names_what_changed)
                if c.i < number.i and normalize(c.text) in heads
            ),
            None,
        )
    if noun is None:
        return None
    while normalize(noun.text) in heads:
        inner = _inner_noun(noun)
        if inner is None:
            break
        noun = inner
    return noun


def _inner_noun(noun: Any) -> Any | None:
    for child in noun.children:
        if child.i <= noun.i:
            # "the death toll": a noun before the head names what it counts
            if child.dep_ == "compound" and child.pos_ in NOUNS:
                return child
            continue
        if child.dep_ == "nmod" and child.pos_ in NOUNS:
            return child
        if child.dep_ == "prep":
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in NOUNS:
                    return grand
    return None


def _clause(token: Any) -> tuple[list[Any], list[list[Any]]]:
    """The verbs of the clause that governs `token`, nearest first, with the auxiliaries of each: up to
    the first finite verb ("devrait recevoir", "is expected to receive"), and on to the main verb only
    through the verbs it governs directly, so a relative clause keeps its own tense."""
    verbs: list[Any] = []
    auxiliaries: list[list[Any]] = []
    current = token
    for _ in range(12):  # a parse is a tree; the bound only guards against a malformed one
        if current.pos_ in VERBS or (current is not token and current.dep_ == "ROOT"):
            helpers = list(_children_where(current, _helps))
            verbs.append(current)
            auxiliaries.append(helpers)
            # a participle that describes the counted noun ("20 500 véhicules vendus") is no clause of
            # its own: the verb that governs the noun phrase says whether it is a fact or a plan
            describes = current.dep_ == "acl" and "Part" in current.morph.get("VerbForm")
            if not describes and (
                _finite(current) or any(_finite(h) for h in helpers) or current.dep_ not in ("xcomp", "ccomp")
            ):
                break
        if current.head is current:
            break
        current = current.head
    return verbs, auxiliaries


def _children_where(token: Any, keep: Callable[[Any], bool]) -> tuple[Any, ...]:
    """The children of `token` that `keep` accepts, read once per parsed sentence: every figure of a
    sentence climbs to the same verb, and a list flattened into one sentence hangs hundreds of words on
    it, which each of its figures would otherwise read again."""
    read: dict[tuple[int, Callable[[Any], bool]], tuple[Any, ...]] = token.doc.user_data.setdefault(
        CHILDREN, {}
    )
    key = (token.i, keep)
    if key not in read:
        read[key] = tuple(child for child in token.children if keep(child))
    return read[key]


def _qualifies(token: Any) -> bool:
    return token.dep_ in ("amod", "advmod", "nmod", "compound")


def _marks_a_clause(token: Any) -> bool:
    return token.dep_ in CLAUSE_MARKS


def _is_auxiliary(token: Any) -> bool:
    return str(token.dep_) == "aux"


def _helps(token: Any) -> bool:
    dep = str(token.dep_)
    return dep.startswith("aux") or dep == "cop"


def _names_what_changed(token: Any) -> bool:
    return token.dep_ in SUBJECTS | CHANGED


def _finite(token: Any) -> bool:
    return "Fin" in token.morph.get("VerbForm") or token.tag_ == "MD"
