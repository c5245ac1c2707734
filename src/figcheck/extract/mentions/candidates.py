"""Candidate mentions from each source (honorifics, organization phrases, spaCy's entities or
capitalised-word rules) and the choice among overlapping candidates."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from figcheck.extract.mentions.records import (
    FROM_HONORIFIC,
    FROM_MODEL,
    FROM_PHRASE,
    FROM_RULE,
    MAX_NAME_WORDS,
    NOT_ACRONYMS,
    SPACY_TYPES,
    Candidate,
)
from figcheck.extract.mentions.wordlists import WordLists, common_word, honorific_at, word_lists
from figcheck.extract.periods import wording
from figcheck.text.capitals import is_demonym
from figcheck.text.titles import (
    Token,
    completes_a_title,
    extend_backward,
    extend_forward,
    head_role,
)


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


def honorific_candidates(tokens: Sequence[Token], stopwords: frozenset[str]) -> Iterator[Candidate]:
    for i in range(len(tokens)):
        size = honorific_at(tokens, i)
        if size and i + size < len(tokens):
            end = _name_run(tokens, i + size, stopwords)
            if end > i + size:
                yield Candidate(i, end, "person", FROM_HONORIFIC, honorific=size)


def phrase_candidates(tokens: Sequence[Token], language: str, lists: WordLists) -> Iterator[Candidate]:
    """`le ministère russe de la Défense`, `the Russian defence ministry`: a head word with modifiers."""
    for i, token in enumerate(tokens):
        if not token.is_word or lists.heads.get(token.key) != "organization":
            continue
        if not token.cap and token.key not in lists.lowercase_heads:
            continue
        end = extend_forward(tokens, i + 1, language, frozenset(), lists.stopwords)
        start = extend_backward(tokens, i, language, frozenset(), lists.stopwords) if language == "en" else i
        if end > i + 1 or start < i:
            yield Candidate(start, end, "organization", FROM_PHRASE)


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
    return not common_word(words[0].text, language)


def model_candidates(
    doc: Any, tokens: Sequence[Token], language: str, lists: WordLists
) -> Iterator[Candidate]:
    starts = {t.start: k for k, t in enumerate(tokens)}
    for ent in doc.ents:
        span = _token_index(tokens, starts, ent.start_char, ent.end_char)
        if span is None:
            continue
        first, end = span
        first = _strip(tokens, first, end, lists.stopwords)
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None:
            # read as a miscellany: "la tenante du titre Flora Duffy, ministre de…", "La Russe Inna X"
            first = _past_demonyms(tokens, first, end, language, lists.stopwords)
            if not _titled_name(tokens, first, end, language, lists.stopwords):
                continue
            kind = "person"
        if first < end and (
            kind != "person"
            and _starts_with_a_title(tokens[first], language)
            or completes_a_title(tokens, first, language)
        ):
            yield from _name_after_title(tokens, first, end, language, lists.stopwords)
            continue
        if kind == "person":
            first = _split_title(tokens, first, end, language)
            first = _strip(tokens, first, end, lists.stopwords)
            if end - first > 2 and _weekday(tokens[end - 1], language):
                end -= 1  # "Karim Durel lundi": the day after the name
        if first >= end:
            continue
        if end - first == 1 and any(c.isdigit() for c in tokens[first].text):
            continue  # road numbers (`A16`) and codes
        if end - first == 1 and common_word(tokens[first].text, language):
            continue  # `Selon`, `Dans`, `Français`, `Union`
        if kind == "person":
            head_kinds = {
                lists.heads.get(t.key) or word_lists("en").heads.get(t.key) for t in tokens[first:end]
            }
            head_kinds.discard(None)
            if head_kinds:  # `Borough Market`
                kind = "organization" if "organization" in head_kinds else "place"
        if kind == "person" and any(
            t.is_word and not t.cap and t.key not in ("de", "van", "von", "da", "di", "der")
            for t in tokens[first:end]
        ):
            continue  # `Gilets jaunes`
        yield Candidate(first, end, kind, FROM_MODEL)


def _starts_with_a_title(token: Token, language: str) -> bool:
    return token.is_word and not token.cap and head_role(token, language) is not None


def _name_after_title(
    tokens: Sequence[Token], first: int, end: int, language: str, stopwords: frozenset[str]
) -> Iterator[Candidate]:
    """`ministre des Affaires étrangères Jean Dupont`, which a model may read as one organization: a
    title, then the name of the person who holds it: the capitalised words at the end, past those of
    the body (`Défense`), two words at least."""
    start = end
    while start > first and tokens[start - 1].is_word and tokens[start - 1].cap:
        start -= 1
    while end - start > 2 and (tokens[start].key in stopwords or common_word(tokens[start].text, language)):
        start += 1
    if end - start >= 2:
        yield Candidate(start, end, "person", FROM_MODEL)


def rule_candidates(tokens: Sequence[Token], language: str, lists: WordLists) -> Iterator[Candidate]:
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
    tokens: Sequence[Token], first: int, end: int, language: str, lists: WordLists
) -> Iterator[Candidate]:
    stopwords = lists.stopwords
    first = _strip(tokens, first, end, stopwords)
    if first >= end:
        return
    kinds = {lists.heads.get(t.key) for t in tokens[first:end] if t.cap}
    if ("organization" in kinds or "place" in kinds) and end - first >= 2:
        yield Candidate(first, end, "organization" if "organization" in kinds else "place", FROM_RULE)
        return
    connectors = [k for k in range(first, end) if not tokens[k].cap and tokens[k].is_word]
    if connectors:  # no head word: the parts are separate names
        bounds = [first, *connectors, end]
        for a, b in zip(bounds, bounds[1:], strict=False):
            a = a + 1 if a in connectors else a
            if b > a:
                yield from _classify_run(tokens, a, b, language, lists)
        return
    if end - first >= 3:  # "Ukraine Volodymyr Zelenskyy": the name after a word another mention takes
        yield from _classify_run(tokens, first + 1, end, language, lists)
    name_start = _split_title(tokens, first, end, language)
    if name_start >= end:
        return
    after_title = name_start > first or (first > 0 and head_role(tokens[first - 1], language) is not None)
    size = end - name_start
    if (after_title or _title_follows(tokens, end, language)) and size <= MAX_NAME_WORDS:
        yield Candidate(name_start, end, "person", FROM_RULE)
    elif _name_like(tokens, name_start, end, language, stopwords):
        yield Candidate(name_start, end, "person", FROM_RULE)
    elif size == 1:
        t = tokens[name_start]
        if 2 <= len(t.text) <= 6 and t.text.isupper() and t.key not in NOT_ACRONYMS:
            yield Candidate(name_start, end, "organization", FROM_RULE)


@cache
def _weekdays(language: str) -> frozenset[str]:
    return frozenset(wording(language).get("weekdays", {}))


def _weekday(token: Token, language: str) -> bool:
    return token.is_word and not token.cap and token.key in _weekdays(language)


def _past_demonyms(
    tokens: Sequence[Token], first: int, end: int, language: str, stopwords: frozenset[str]
) -> int:
    """Where a name starts past the articles and demonyms before it ("Le Sud-Africain James X")."""
    k = first
    while k < end and (tokens[k].key in stopwords or is_demonym(tokens[k].text, language)):
        k += 1
    return k


def _titled_name(
    tokens: Sequence[Token], first: int, end: int, language: str, stopwords: frozenset[str]
) -> bool:
    """A name's shape with a title or a demonym just before it, or a title in apposition after it."""
    before = first > 0 and (
        head_role(tokens[first - 1], language) is not None or is_demonym(tokens[first - 1].text, language)
    )
    return (before or _title_follows(tokens, end, language)) and _name_like(
        tokens, first, end, language, stopwords
    )


def _title_follows(tokens: Sequence[Token], end: int, language: str) -> bool:
    """ "Peter Walsh, a spokesperson for…": a title in apposition after the run makes it a person's name,
    even when its first word is also a common word ("peter")."""
    k = end + 1
    if k >= len(tokens) or tokens[end].text != ",":
        return False
    # past an article, a short lowercase word in any language ("a", "the", "la", "l")
    if tokens[k].is_word and not tokens[k].cap and len(tokens[k].text) <= 3 and k + 1 < len(tokens):
        k += 1
    return head_role(tokens[k], language) is not None


def select_candidates(candidates: Iterable[Candidate]) -> list[Candidate]:
    taken: set[int] = set()
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.priority, c.first - c.last, c.first)):
        span = set(range(c.first, c.last))
        if span & taken:
            continue
        taken |= span
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.first)
