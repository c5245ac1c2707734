"""Titles read around each person, and bare surnames, honorifics + surnames and titles alone linked to
the earlier full-name mention they stand for."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from figcheck.extract.mentions.records import (
    AFTER_NAME_DETERMINERS,
    DETERMINERS,
    FROM_RULE,
    INDEFINITE,
    Candidate,
    Mention,
)
from figcheck.load.gazetteer import Gazetteer, GazetteerEntry
from figcheck.packaged import data_rows
from figcheck.text import fold
from figcheck.text.names.slips import SlipIndex, one_slip
from figcheck.text.titles import (
    MAX_PREMODIFIERS,
    Token,
    extend_backward,
    extend_forward,
    head_role,
    lexicon,
    title_key,
    titles_compatible,
)


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
    indefinite = k < n and tokens[k].key in INDEFINITE[language]
    if k < n and tokens[k].key in AFTER_NAME_DETERMINERS[language]:
        k += 1
        if k < n and tokens[k].text in "'’":
            k += 1
    start = k
    pre = lexicon().pre[language]
    while k < n and k - start <= MAX_PREMODIFIERS and k not in blocked:
        if head_role(tokens[k], language) is not None:
            title_end = extend_forward(tokens, k + 1, language, blocked, stopwords)
            return None if indefinite and title_end - start == 1 else (start, title_end)
        if not tokens[k].is_word or not (tokens[k].key in pre or (language == "en" and tokens[k].cap)):
            return None
        k += 1
    return None


def _title_only(
    tokens: Sequence[Token], language: str, covered: set[int], blocked: set[int], stopwords: frozenset[str]
) -> Iterator[Candidate]:
    """`le ministre russe de la Défense, cité par TASS`: a title with a determiner and no name."""
    determiners = DETERMINERS[language]
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
            yield Candidate(det, end, "person", FROM_RULE, title_span=(start, end), title_only=True)
            k = end
        else:
            k += 1


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


def build_mentions(
    text: str,
    tokens: Sequence[Token],
    chosen: list[Candidate],
    language: str,
    gazetteer: Gazetteer | None,
    stopwords: frozenset[str],
) -> list[Mention]:
    # Surnames of full names met so far turn later bare surnames (often labelled places) into persons.
    surnames: dict[str, int] = {}
    persons_by_surname_pass: list[Candidate] = []
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
    met = SlipIndex()
    for surname in surnames:
        met.add(surname)
    for k, t in enumerate(tokens):
        if k in covered or not (t.is_word and t.cap) or t.key in stopwords:
            continue
        known = t.key in surnames and surnames[t.key] < k
        # "Maccron" after "Emmanuel Macron", but not a place ("à Ljubljana" after "JGP Ljubjana")
        # nor the last word of another name ("Chad Peace" after "Mike Pence")
        slip = k == 0 or (
            tokens[k - 1].key not in _place_prepositions(language)
            and not (tokens[k - 1].is_word and tokens[k - 1].cap)
        )
        known = known or slip and _surname_met(t.key, met, surnames, k) is not None
        if known or (gazetteer is not None and gazetteer.by_surname(t.text)):
            persons_by_surname_pass.append(Candidate(k, k + 1, "person", FROM_RULE))
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
    named = _Named()
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
            target = _title_target(named, title)
            if target is None:
                continue
            if title not in target.titles:  # a title repeated is compared once
                target.titles.append(title)
            refers_to, name = target.index, target.name
            inside_title_until = c.last
        elif c.last - first >= 2:
            name = _span_text(text, tokens, first, c.last)
            named.add(len(mentions), name, tokens[c.last - 1].key, entry, title)
        else:
            key = tokens[first].key
            holders = gazetteer.by_surname(tokens[first].text) if gazetteer is not None else ()
            target = next(
                (
                    p
                    for p in named.by_recency()
                    if p.surname == key or (p.entry is not None and p.entry in holders)
                ),
                None,
            ) or next(
                (  # a surname alone written with a slip ("Maccron" after "Emmanuel Macron")
                    p
                    for p in named.by_recency()
                    if one_slip(
                        p.surname, key, shortest=HONORED_SLIP_MIN_LENGTH if c.honorific else SLIP_MIN_LENGTH
                    )
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


# a surname alone this long, one slip from a surname met before, is that surname misspelled ("Maccron")
SLIP_MIN_LENGTH = 5
# after an honorific ("M. Ghozn" after "Carlos Ghosn") the word is surely a person's name: shorter ones
HONORED_SLIP_MIN_LENGTH = 4


@cache
def _place_prepositions(language: str) -> frozenset[str]:
    rows = data_rows("figcheck.extract", "mentions_place_prepositions.tsv")
    return frozenset(fold(word) for word, lang in rows if lang == language)


def _surname_met(key: str, met: SlipIndex, first_at: dict[str, int], at: int) -> str | None:
    """The first surname of a full name met before token `at` that `key` writes with one slip; `met`
    indexes them by their slips, so an article naming thousands stays cheap."""
    return next(
        (
            surname
            for surname in (met.words[n] for n in met.near(key))
            if first_at[surname] < at and one_slip(surname, key, shortest=SLIP_MIN_LENGTH)
        ),
        None,
    )


class _Named:
    """The persons named in full so far: each name's latest mention, the latest named last. The mentions
    of one name share one list of titles: every title the article gives the name, on whichever mention."""

    def __init__(self) -> None:
        self.latest: dict[str, _Person] = {}
        self.entities: set[str] = set()

    def add(
        self, index: int, name: str, surname: str, entry: GazetteerEntry | None, title: str | None
    ) -> None:
        earlier = self.latest.pop(name, None)
        titles = earlier.titles if earlier is not None else []
        if title and title not in titles:
            titles.append(title)
        self.latest[name] = _Person(index, name, surname, entry, titles)
        self.entities.add(entry.entity_id if entry else name)

    def by_recency(self) -> Iterator[_Person]:
        return reversed(self.latest.values())


def _title_target(named: _Named, title: str) -> _Person | None:
    """The most recent person holding a compatible title, else the only person named so far."""
    undecided = []
    for person in named.by_recency():
        verdict = _linked_title(person, title)
        if verdict is True:
            return person
        if verdict is None:
            undecided.append(person)
    if len(named.entities) == 1 and undecided:
        return undecided[0]
    return None
