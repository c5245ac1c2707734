"""Mentions of persons, organizations, agencies and places, with their titles, linked within an article.

Sources, strongest first: honorific + name (`M. Choïgou`), the gazetteer, organization phrases
(`le ministère russe de la Défense`), word lists of agencies and places, then spaCy's `ner` pipe
(French) or capitalised-word rules (English, or any language without a model). Titles are read
around each person; a bare surname, an honorific + surname or a title alone (`le ministre`,
`Le chef du Conseil de sécurité russe`) links to the earlier full-name mention it stands for.
Spellings of one person in different romanizations stay separate full names here.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from figcheck.extract.models import load_model, reads_names
from figcheck.extract.titles import (
    MAX_PREMODIFIERS,
    Token,
    _data_lines,
    extend_backward,
    extend_forward,
    head_role,
    lexicon,
    title_key,
    titles_compatible,
)
from figcheck.load.gazetteer import Gazetteer, GazetteerEntry, fold

if TYPE_CHECKING:
    import spacy

MAX_NAME_WORDS = 4

_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"  # U.S.
    r"|O['’]\p{Lu}[\p{L}\p{M}]*"  # O'Brien
    r"|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐]\p{L}[\p{L}\p{M}\p{N}]*)*"
    r"|\p{N}+"
    r"|\S"
)
_SENTENCE_END = frozenset(".!?…:;")
_QUOTES = frozenset("\"'«»“”‘’()[]—–-")
_DETERMINERS = {"fr": frozenset({"le", "la", "l"}), "en": frozenset({"the"})}
_AFTER_NAME_DETERMINERS = {"fr": frozenset({"le", "la", "l"}), "en": frozenset({"the", "a", "an"})}
_SPACY_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}
_NOT_ACRONYMS = frozenset(fold(w) for w in "COVID PIB GDP CEO PDG TV OK NB PS AM PM UTC GMT".split())

# Priorities when candidates overlap: lower wins, then the longer span.
_HONORIFIC, _GAZETTEER, _PHRASE, _LEXICON, _MODEL, _RULE = range(6)


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
class _Candidate:
    first: int  # token indices, end exclusive
    last: int
    type: str
    priority: int
    entry: GazetteerEntry | None = None
    honorific: int = 0  # tokens of honorific at the start of the span
    title_span: tuple[int, int] | None = None
    title_only: bool = False


# ---------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class _Lists:
    stopwords: frozenset[str]
    heads: dict[str, str]  # folded word -> organization | place
    lowercase_heads: frozenset[str]
    agencies: _PhraseTable
    places: _PhraseTable


class _PhraseTable:
    """Multi-word phrases looked up by their tokens' keys, with the case the list writes them in."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], tuple[Any, tuple[Token, ...]]] = {}
        self.lengths: dict[str, set[int]] = {}

    def add(self, phrase: str, payload: Any) -> None:
        tokens = tuple(tokenize(phrase))
        keys = tuple(t.key for t in tokens)
        if not keys or keys in self.phrases:
            return
        self.phrases[keys] = (payload, tokens)
        self.lengths.setdefault(keys[0], set()).add(len(keys))

    def matches(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, Any]]:
        """(first, end, payload) of every phrase in `tokens`, all overlaps included."""
        for i, token in enumerate(tokens):
            if not token.is_word:
                continue
            for length in self.lengths.get(token.key, ()):
                keys = tuple(t.key for t in tokens[i : i + length])
                hit = self.phrases.get(keys)
                if hit is not None and _same_case(hit[1], tokens[i : i + length]):
                    yield i, i + length, hit[0]


def _same_case(written: Sequence[Token], found: Sequence[Token]) -> bool:
    # A listed capital must be there (`US`, not `us`); an all-capital acronym must stay one (`AP`, not `Ap`).
    for w, f in zip(written, found, strict=True):
        if w.cap and not f.cap:
            return False
        if (
            len(w.text) > 1
            and w.text.isupper()
            and not (f.text.isupper() or f.text.istitle() and len(w.text) > 3)
        ):
            return False
    return True


@lru_cache(maxsize=2)
def _lists(language: str) -> _Lists:
    stopwords = frozenset(fold(row[0]) for row in _data_lines("mentions_stopwords.tsv") if row[1] == language)
    heads: dict[str, str] = {}
    lowercase: set[str] = set()
    for word, lang, kind, lower in _data_lines("mentions_heads.tsv"):
        if lang == language:
            heads[fold(word)] = kind
            if lower == "yes":
                lowercase.add(fold(word))
    agencies = _PhraseTable()
    for row in _data_lines("mentions_agencies.txt"):
        agencies.add(row[0], "agency")
    places = _PhraseTable()
    for name, lang in _data_lines("mentions_places.tsv"):
        if lang == language:
            places.add(name, "place")
    return _Lists(stopwords, heads, frozenset(lowercase), agencies, places)


_gazetteer_tables: dict[int, tuple[Gazetteer, _PhraseTable]] = {}


def _gazetteer_table(gazetteer: Gazetteer) -> _PhraseTable:
    cached = _gazetteer_tables.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    table = _PhraseTable()
    for entry in gazetteer.entries:
        for form in entry.forms:
            table.add(form, entry)
    _gazetteer_tables[id(gazetteer)] = (gazetteer, table)
    return table


@lru_cache(maxsize=4)
def _dictionary(language: str) -> Any:
    """A Hunspell dictionary through pyenchant, or None: it only sharpens the English name rule."""
    if importlib.util.find_spec("enchant") is None:
        return None
    try:
        import enchant

        return enchant.Dict({"fr": "fr_FR", "en": "en_US"}[language])
    except Exception:  # no provider or no dictionary on this machine
        return None


@lru_cache(maxsize=65536)
def _common_word(word: str, language: str) -> bool:
    dictionary = _dictionary(language)
    return dictionary is not None and dictionary.check(word.lower())


# ---------------------------------------------------------------------------- tokens


def tokenize(text: str) -> list[Token]:
    """Words (hyphenated compounds kept whole), numbers and single punctuation marks."""
    honorifics = lexicon().honorifics
    tokens: list[Token] = []
    sentence_start = True
    for match in _TOKEN.finditer(text):
        word = match.group()
        is_word = word[0].isalpha()
        start = match.start()
        if tokens and "\n" in text[tokens[-1].end : start]:
            sentence_start = True
        tokens.append(Token(start, match.end(), word, fold(word), is_word, word[0].isupper(), sentence_start))
        if word in _SENTENCE_END:
            prev = tokens[-2].text if len(tokens) > 1 else ""
            # `M. Choïgou`, `J. Smith`: the dot ends an abbreviation, not the sentence
            sentence_start = not (
                word == "." and (prev + "." in honorifics or (len(prev) == 1 and prev.isupper()))
            )
        elif word not in _QUOTES:
            sentence_start = False
    return tokens


def _honorific_at(tokens: Sequence[Token], i: int) -> int:
    """Tokens taken by an honorific at `i` (`Mme` 1, `M.` 2), else 0."""
    honorifics = lexicon().honorifics
    token = tokens[i]
    if not token.is_word or not token.cap:
        return 0
    has_dot = i + 1 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].start == token.end
    if has_dot and token.text + "." in honorifics:
        return 2
    if token.text in honorifics:
        return 1
    return 0


# ---------------------------------------------------------------------------- candidates


def _initial_dot(tokens: Sequence[Token], k: int) -> bool:
    """The dot of an initial inside a name (`George W. Bush`)."""
    return (
        0 < k < len(tokens) - 1
        and tokens[k].text == "."
        and len(tokens[k - 1].text) == 1
        and tokens[k - 1].cap
        and tokens[k + 1].is_word
        and tokens[k + 1].cap
    )


def _name_run(tokens: Sequence[Token], i: int, stopwords: frozenset[str]) -> int:
    """End of a run of capitalised words starting at `i` (a name), at most MAX_NAME_WORDS long."""
    k = i
    while k < len(tokens) and k - i < MAX_NAME_WORDS + 1:
        t = tokens[k]
        if _initial_dot(tokens, k):
            k += 1
            continue
        if not (t.is_word and t.cap) or t.key in stopwords or (k > i and t.sent_start):
            break
        k += 1
    return k


def _honorific_candidates(tokens: Sequence[Token], stopwords: frozenset[str]) -> Iterator[_Candidate]:
    for i in range(len(tokens)):
        size = _honorific_at(tokens, i)
        if size and i + size < len(tokens):
            end = _name_run(tokens, i + size, stopwords)
            if end > i + size:
                yield _Candidate(i, end, "person", _HONORIFIC, honorific=size)


def _phrase_candidates(tokens: Sequence[Token], language: str, lists: _Lists) -> Iterator[_Candidate]:
    """`le ministère russe de la Défense`, `the Russian defence ministry`: a head word with modifiers."""
    for i, token in enumerate(tokens):
        if not token.is_word or lists.heads.get(token.key) != "organization":
            continue
        if not token.cap and token.key not in lists.lowercase_heads:
            continue
        end = extend_forward(tokens, i + 1, language, frozenset(), lists.stopwords)
        start = extend_backward(tokens, i, language, frozenset(), lists.stopwords) if language == "en" else i
        if end > i + 1 or start < i:
            yield _Candidate(start, end, "organization", _PHRASE)


def _token_index(
    tokens: Sequence[Token], starts: dict[int, int], start_char: int, end_char: int
) -> tuple[int, int] | None:
    first = starts.get(start_char)
    if first is None:
        first = next((k for k, t in enumerate(tokens) if t.start >= start_char), None)
        if first is None:
            return None
    last = first
    while last < len(tokens) and tokens[last].end <= end_char:
        last += 1
    return (first, last) if last > first else None


def _split_title(tokens: Sequence[Token], first: int, end: int, language: str) -> int:
    """Index where the name starts after title words inside a capitalised run (`Defence Minister Sergei`)."""
    name_start = first
    for k in range(first, end):
        if head_role(tokens[k], language) is not None:
            name_start = k + 1
    return name_start


def _strip(tokens: Sequence[Token], first: int, end: int, stopwords: frozenset[str]) -> int:
    while first < end and (tokens[first].key in stopwords or not tokens[first].is_word):
        first += 1
    return first


def _name_like(
    tokens: Sequence[Token], first: int, end: int, language: str, stopwords: frozenset[str]
) -> bool:
    words = [t for k, t in enumerate(tokens[first:end], first) if not _initial_dot(tokens, k)]
    if not 2 <= len(words) <= MAX_NAME_WORDS:
        return False
    if any(t.key in stopwords or not t.is_word or not t.cap for t in words):
        return False
    # `Super Bowl`, `North Korea`: a name seldom starts with a common word
    return not _common_word(words[0].text, language)


def _model_candidates(
    doc: Any, tokens: Sequence[Token], language: str, lists: _Lists
) -> Iterator[_Candidate]:
    starts = {t.start: k for k, t in enumerate(tokens)}
    for ent in doc.ents:
        kind = _SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        span = _token_index(tokens, starts, ent.start_char, ent.end_char)
        if span is None:
            continue
        first, end = span
        first = _strip(tokens, first, end, lists.stopwords)
        if kind == "person":
            first = _split_title(tokens, first, end, language)
            first = _strip(tokens, first, end, lists.stopwords)
        if first >= end:
            continue
        if end - first == 1 and any(c.isdigit() for c in tokens[first].text):
            continue  # road numbers (`A16`) and codes
        if end - first == 1 and _common_word(tokens[first].text, language):
            continue  # `Selon`, `Dans`, `Français`, `Union`
        if kind == "person":
            head_kinds = {lists.heads.get(t.key) or _lists("en").heads.get(t.key) for t in tokens[first:end]}
            head_kinds.discard(None)
            if head_kinds:  # `Borough Market`
                kind = "organization" if "organization" in head_kinds else "place"
        if kind == "person" and any(
            t.is_word and not t.cap and t.key not in ("de", "van", "von", "da", "di", "der")
            for t in tokens[first:end]
        ):
            continue  # `Gilets jaunes`
        yield _Candidate(first, end, kind, _MODEL)


def _rule_candidates(tokens: Sequence[Token], language: str, lists: _Lists) -> Iterator[_Candidate]:
    """Capitalised runs, for languages without a model: organizations by their head word, persons by shape."""
    n = len(tokens)
    i = 0
    while i < n:
        if not (tokens[i].is_word and tokens[i].cap):
            i += 1
            continue
        end = i + 1
        while end < n:
            t = tokens[end]
            if (t.is_word and t.cap and not t.sent_start) or _initial_dot(tokens, end):
                end += 1
            elif (
                t.key in ("of", "for", "de", "du", "des")
                and end + 1 < n
                and tokens[end + 1].is_word
                and tokens[end + 1].cap
            ):
                end += 2
            else:
                break
        yield from _classify_run(tokens, i, end, language, lists)
        i = end


def _classify_run(
    tokens: Sequence[Token], first: int, end: int, language: str, lists: _Lists
) -> Iterator[_Candidate]:
    stopwords = lists.stopwords
    first = _strip(tokens, first, end, stopwords)
    if first >= end:
        return
    kinds = {lists.heads.get(t.key) for t in tokens[first:end] if t.cap}
    if ("organization" in kinds or "place" in kinds) and end - first >= 2:
        yield _Candidate(first, end, "organization" if "organization" in kinds else "place", _RULE)
        return
    connectors = [k for k in range(first, end) if not tokens[k].cap and tokens[k].is_word]
    if connectors:  # no head word: the parts are separate names
        bounds = [first, *connectors, end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            a = a + 1 if a in connectors else a
            if b > a:
                yield from _classify_run(tokens, a, b, language, lists)
        return
    name_start = _split_title(tokens, first, end, language)
    if name_start >= end:
        return
    after_title = name_start > first or (first > 0 and head_role(tokens[first - 1], language) is not None)
    size = end - name_start
    if after_title and size <= MAX_NAME_WORDS:
        yield _Candidate(name_start, end, "person", _RULE)
    elif _name_like(tokens, name_start, end, language, stopwords):
        yield _Candidate(name_start, end, "person", _RULE)
    elif size == 1:
        t = tokens[name_start]
        if 2 <= len(t.text) <= 6 and t.text.isupper() and t.key not in _NOT_ACRONYMS:
            yield _Candidate(name_start, end, "organization", _RULE)


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    taken: set[int] = set()
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.priority, c.first - c.last, c.first)):
        span = set(range(c.first, c.last))
        if span & taken:
            continue
        taken |= span
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.first)


# ---------------------------------------------------------------------------- titles


def _title_before(
    tokens: Sequence[Token], first: int, language: str, blocked: set[int], stopwords: frozenset[str]
) -> tuple[int, int] | None:
    """`le ministre russe de la Défense, Andreï Beloussov`, `Defence Minister Sergei Shoigu`."""
    end = first
    if end > 0 and tokens[end - 1].text == ",":
        end -= 1
    if end == 0 or tokens[end].sent_start and end == first:
        return None
    best = None
    for head in range(end - 1, max(-1, end - 14), -1):
        if head in blocked:
            break
        if head_role(tokens[head], language) is not None:
            if extend_forward(tokens, head + 1, language, blocked, stopwords) == end:
                best = (extend_backward(tokens, head, language, blocked, stopwords), end)
        if tokens[head].sent_start:
            break
    return best


def _title_after(
    tokens: Sequence[Token], end: int, language: str, blocked: set[int], stopwords: frozenset[str]
) -> tuple[int, int] | None:
    """`Andreï Beloussov, ministre de la Défense`, `Sergei Shoigu, the Security Council secretary`."""
    n = len(tokens)
    if end >= n or tokens[end].text != ",":
        return None
    k = end + 1
    if k < n and tokens[k].key in _AFTER_NAME_DETERMINERS[language]:
        k += 1
        if k < n and tokens[k].text in "'’":
            k += 1
    start = k
    pre = lexicon().pre[language]
    while k < n and k - start <= MAX_PREMODIFIERS and k not in blocked:
        if head_role(tokens[k], language) is not None:
            return start, extend_forward(tokens, k + 1, language, blocked, stopwords)
        if not tokens[k].is_word or not (tokens[k].key in pre or (language == "en" and tokens[k].cap)):
            return None
        k += 1
    return None


def _title_only(
    tokens: Sequence[Token], language: str, covered: set[int], blocked: set[int], stopwords: frozenset[str]
) -> Iterator[_Candidate]:
    """`le ministre russe de la Défense, cité par TASS`: a title with a determiner and no name."""
    determiners = _DETERMINERS[language]
    k = 0
    while k < len(tokens):
        if k in covered or head_role(tokens[k], language) is None:
            k += 1
            continue
        start = extend_backward(tokens, k, language, blocked, stopwords)
        end = extend_forward(tokens, k + 1, language, blocked, stopwords)
        det = start - 1
        if det > 0 and tokens[det].text in "'’":
            det -= 1
        if det >= 0 and tokens[det].key in determiners and not set(range(det, end)) & covered:
            yield _Candidate(det, end, "person", _RULE, title_span=(start, end), title_only=True)
            k = end
        else:
            k += 1


# ---------------------------------------------------------------------------- linking


@dataclass
class _Person:
    index: int
    name: str
    surname: str
    entry: GazetteerEntry | None
    titles: list[str]


def _span_text(text: str, tokens: Sequence[Token], first: int, end: int) -> str:
    return text[tokens[first].start : tokens[end - 1].end]


def _linked_title(person: _Person, title: str) -> bool | None:
    """Whether a title alone can stand for `person`.

    A title the article gives the person that contradicts it rules the link out (`The Vice President`
    is not the `United States President` named before); the gazetteer lists every post a person
    held, so its titles only confirm. A known title confirms only when it names the post at least
    as precisely (`the president of Turkey` is not any `President`).
    """
    specific = bool(title_key(title).words)

    def verdicts(known: Sequence[str]) -> list[bool | None]:
        out = []
        for other in known:
            verdict = titles_compatible(title, other)
            out.append(None if verdict is True and specific and not title_key(other).words else verdict)
        return out

    own = verdicts(person.titles)
    listed = verdicts(person.entry.titles if person.entry else ())
    if any(v is False for v in own):
        return False
    if any(v is True for v in [*own, *listed]):
        return True
    if any(v is False for v in listed):
        return False
    return None


def _build(
    text: str,
    tokens: Sequence[Token],
    chosen: list[_Candidate],
    language: str,
    gazetteer: Gazetteer | None,
    stopwords: frozenset[str],
) -> list[Mention]:
    # Surnames of full names met so far turn later bare surnames (often labelled places) into persons.
    surnames: dict[str, int] = {}
    persons_by_surname_pass: list[_Candidate] = []
    for c in chosen:
        first = c.first + c.honorific
        size = c.last - first
        if c.type == "person" and size >= 2:
            surnames.setdefault(tokens[c.last - 1].key, c.first)
        elif size == 1 and c.type in ("place", "organization") and c.entry is None:
            key = tokens[first].key
            if (key in surnames and surnames[key] < c.first) or (
                gazetteer is not None and gazetteer.by_surname(tokens[first].text)
            ):
                c.type = "person"
        persons_by_surname_pass.append(c)
    covered = {k for c in chosen for k in range(c.first, c.last)}
    for k, t in enumerate(tokens):
        if k in covered or not (t.is_word and t.cap) or t.key in stopwords:
            continue
        known = t.key in surnames and surnames[t.key] < k
        if known or (gazetteer is not None and gazetteer.by_surname(t.text)):
            persons_by_surname_pass.append(_Candidate(k, k + 1, "person", _RULE))
    chosen = sorted(persons_by_surname_pass, key=lambda c: c.first)

    # Titles around persons; what a title covers (`Conseil de sécurité russe`) is not a mention of its own.
    blocked = {k for c in chosen if c.type == "person" for k in range(c.first, c.last)}
    title_tokens: set[int] = set()
    for c in chosen:
        if c.type != "person":
            continue
        span = _title_before(tokens, c.first, language, blocked, stopwords)
        if span is None:
            span = _title_after(tokens, c.last, language, blocked, stopwords)
        if span is not None and span[1] > span[0]:
            c.title_span = span
            title_tokens.update(range(*span))
    chosen = [c for c in chosen if c.type == "person" or not set(range(c.first, c.last)) & title_tokens]
    # A title alone may cover an organization (`Le chef du Conseil de sécurité russe`), never a person.
    chosen.extend(_title_only(tokens, language, blocked | title_tokens, blocked, stopwords))
    chosen.sort(key=lambda c: (c.first, not c.title_only))

    mentions: list[Mention] = []
    persons: list[_Person] = []
    inside_title_until = -1
    for c in chosen:
        if c.first < inside_title_until and not c.title_only:
            continue
        span_text = _span_text(text, tokens, c.first, c.last)
        title = _span_text(text, tokens, *c.title_span) if c.title_span else None
        entry = c.entry
        if entry is None and gazetteer is not None and not c.title_only:
            entry = gazetteer.lookup(_span_text(text, tokens, c.first + c.honorific, c.last))
        kind = entry.type if entry is not None else c.type
        refers_to: int | None = None
        name: str | None = None
        if kind != "person":
            mentions.append(
                Mention(tokens[c.first].start, tokens[c.last - 1].end, span_text, kind, None, None, None)
            )
            continue
        first = c.first + c.honorific
        if c.title_only:
            assert title is not None
            target = _title_target(persons, title)
            if target is None:
                continue
            if title not in target.titles:  # a title repeated is compared once
                target.titles.append(title)
            refers_to, name = target.index, target.name
            inside_title_until = c.last
        elif c.last - first >= 2:
            name = _span_text(text, tokens, first, c.last)
            persons.append(
                _Person(len(mentions), name, tokens[c.last - 1].key, entry, [title] if title else [])
            )
        else:
            key = tokens[first].key
            holders = gazetteer.by_surname(tokens[first].text) if gazetteer is not None else ()
            target = next(
                (
                    p
                    for p in reversed(persons)
                    if p.surname == key or (p.entry is not None and p.entry in holders)
                ),
                None,
            )
            if target is not None:
                refers_to, name = target.index, target.name
                if title and title not in target.titles:
                    target.titles.append(title)
            elif len(holders) == 1:
                name = holders[0].canonical
        mentions.append(
            Mention(
                tokens[c.first].start, tokens[c.last - 1].end, span_text, "person", title, refers_to, name
            )
        )
    return mentions


def _title_target(persons: list[_Person], title: str) -> _Person | None:
    """The most recent person holding a compatible title, else the only person named so far."""
    undecided = []
    titles_of: dict[str, list[str]] = {}
    for person in persons:  # every title the article gives a name, on whichever mention
        titles_of.setdefault(person.name, []).extend(person.titles)
    for person in reversed(persons):
        verdict = _linked_title(
            _Person(person.index, person.name, person.surname, person.entry, titles_of[person.name]), title
        )
        if verdict is True:
            return person
        if verdict is None:
            undecided.append(person)
    distinct = {p.entry.entity_id if p.entry else p.name for p in persons}
    if len(distinct) == 1 and undecided:
        return undecided[0]
    return None


# ---------------------------------------------------------------------------- API


def load_pipeline(language: str) -> spacy.Language | None:
    """The installed spaCy model for `language` when it proposes names (its NER), or None; never downloads."""
    return load_model(language) if reads_names(language) else None


def _listened_by_ner(nlp: Any) -> set[str]:
    # A model whose `ner` listens to a shared tok2vec needs that pipe too; fr_core_news_sm's does not.
    ner = nlp.get_pipe("ner")
    listened = set()
    for name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listener_map", {})
        if any(component == "ner" for component in listeners) and ner is not pipe:
            listened.add(name)
    return listened


def find_mentions(
    text: str, language: str, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> list[Mention]:
    """Mentions in `text`, in order; `nlp` is a pipeline from `load_pipeline` (or None for rules only)."""
    return next(find_mentions_batch([text], language, gazetteer, nlp))


def find_mentions_batch(
    texts: Iterable[str],
    language: str,
    gazetteer: Gazetteer | None = None,
    nlp: Any = None,
    batch_size: int = 32,
) -> Iterator[list[Mention]]:
    """`find_mentions` over many texts, feeding spaCy in batches (`nlp.pipe`)."""
    if nlp is None:
        for text in texts:
            yield _find(text, language, gazetteer, None)
        return
    buffered = list(texts) if not isinstance(texts, list) else texts
    ner = _ner_only(nlp)
    docs = ner.pipe([text for text in buffered if len(text) <= LONGEST_NER_TEXT], batch_size=batch_size)
    for text in buffered:
        doc = next(docs) if len(text) <= LONGEST_NER_TEXT else _entities_by_piece(ner, text)
        yield _find(text, language, gazetteer, doc)


# spaCy's memory grows with the length of a text (and it refuses texts over a million characters): a
# longer article goes through NER a piece of whole lines at a time.
LONGEST_NER_TEXT = 100_000


@dataclass(frozen=True)
class _Entity:
    label_: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class _Entities:
    """The entities of a text too long for one spaCy Doc, with offsets in the whole text."""

    ents: tuple[_Entity, ...]


def _entities_by_piece(ner: _NerOnly, text: str) -> _Entities:
    found: list[_Entity] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + LONGEST_NER_TEXT)
        if end < len(text):  # cut after a line, else after a space, else anywhere
            cut = text.rfind("\n", start, end)
            cut = cut if cut > start else text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        piece = text[start:end]
        for doc in ner.pipe([piece], batch_size=1):
            found.extend(_Entity(e.label_, e.start_char + start, e.end_char + start) for e in doc.ents)
        start = end
    return _Entities(tuple(found))


class _NerOnly:
    """Runs a full pipeline as if only `ner` were enabled, without changing the caller's pipeline."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.disable = [n for n in nlp.pipe_names if n != "ner" and n not in _listened_by_ner(nlp)]

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[Any]:
        if not self.disable:
            yield from self.nlp.pipe(texts, batch_size=batch_size)
            return
        with self.nlp.select_pipes(disable=self.disable):
            yield from self.nlp.pipe(texts, batch_size=batch_size)


def _ner_only(nlp: Any) -> _NerOnly:
    return _NerOnly(nlp)


def _find(text: str, language: str, gazetteer: Gazetteer | None, doc: Any) -> list[Mention]:
    if language not in _DETERMINERS:
        raise ValueError(f"language must be one of {', '.join(_DETERMINERS)}, not {language!r}")
    lists = _lists(language)
    tokens = tokenize(text)
    candidates: list[_Candidate] = list(_honorific_candidates(tokens, lists.stopwords))
    if gazetteer is not None:
        for first, end, entry in _gazetteer_table(gazetteer).matches(tokens):
            candidates.append(_Candidate(first, end, entry.type, _GAZETTEER, entry=entry))
    candidates.extend(_phrase_candidates(tokens, language, lists))
    for first, end, kind in lists.agencies.matches(tokens):
        candidates.append(_Candidate(first, end, kind, _LEXICON))
    for first, end, kind in lists.places.matches(tokens):
        candidates.append(_Candidate(first, end, kind, _LEXICON))
    if doc is not None:
        candidates.extend(_model_candidates(doc, tokens, language, lists))
    else:
        candidates.extend(_rule_candidates(tokens, language, lists))
    return _build(text, tokens, _select(candidates), language, gazetteer, lists.stopwords)
