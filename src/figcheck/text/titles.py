"""Titles and roles written next to names: `ministre russe de la Défense`, `Defence Minister`.

The words are data (`data/titles_*.tsv`, `data/titles_honorifics.txt`); this module reads them, parses a
title phrase over the tokens of an article and tells whether two titles can name the same role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from figcheck.packaged import data_rows
from figcheck.text import fold

LANGUAGES = ("fr", "en")
MAX_COMPLEMENTS = 3
MAX_PREMODIFIERS = 4

# Prepositions that open a complement (`de la Défense`, `of the Security Council`), then optional articles.
_PREPOSITIONS = {"fr": {"de", "du", "des", "d"}, "en": {"of", "for"}}
_ARTICLES = {"fr": {"la", "l", "le", "les"}, "en": {"the"}}
# Words ignored when two titles are compared.
_FUNCTION_WORDS = frozenset("de du des d la le les l the of for and et a an au aux".split())


class Token(NamedTuple):
    """A word, number or punctuation mark of an article, with character offsets."""

    start: int
    end: int
    text: str
    key: str  # fold(text)
    is_word: bool
    cap: bool
    sent_start: bool


def _data_lines(name: str) -> tuple[tuple[str, ...], ...]:
    return data_rows("figcheck.text", name)


@dataclass(frozen=True)
class TitleLexicon:
    heads: dict[str, dict[str, str]]  # language -> folded head word -> role
    pre: dict[str, frozenset[str]]  # language -> words allowed before a head
    post: dict[str, frozenset[str]]  # language -> words allowed after a head or a complement's noun
    nationality: frozenset[str]
    honorifics: frozenset[str]  # as written, dots included
    qualifiers: dict[str, str]  # folded word -> former | current | rank
    ranks: dict[str, str]  # folded word -> the rank it gives a role (`vice`, `general`, `premier`)

    def role(self, word: str) -> str | None:
        """The role a head word names, in any language (`ministre` and `minister` give `minister`)."""
        key = fold(word)
        for language in LANGUAGES:
            if key in self.heads[language]:
                return self.heads[language][key]
        return None


@lru_cache(maxsize=1)
def lexicon() -> TitleLexicon:
    heads: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for word, language, role in _data_lines("titles_heads.tsv"):
        heads[language][fold(word)] = role
    pre: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    post: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    nationality: set[str] = set()
    for word, language, kind in _data_lines("titles_modifiers.tsv"):
        key = fold(word)
        if kind == "pre":
            pre[language].add(key)
        elif kind == "post":
            post[language].add(key)
        elif kind == "nationality":
            nationality.add(key)
            pre[language].add(key)
            post[language].add(key)
        else:
            raise ValueError(f"titles_modifiers.tsv: unknown kind {kind!r} for {word!r}")
    honorifics = frozenset(row[0] for row in _data_lines("titles_honorifics.txt"))
    qualifiers: dict[str, str] = {}
    ranks: dict[str, str] = {}
    for row in _data_lines("titles_qualifiers.tsv"):
        qualifiers[fold(row[0])] = row[1]
        if row[1] == "rank":
            ranks[fold(row[0])] = row[2]
    return TitleLexicon(
        heads=heads,
        pre={k: frozenset(v) for k, v in pre.items()},
        post={k: frozenset(v) for k, v in post.items()},
        nationality=frozenset(nationality),
        honorifics=honorifics,
        qualifiers=qualifiers,
        ranks=ranks,
    )


def head_role(token: Token, language: str) -> str | None:
    """The role of `token` when it can head a title in `language`."""
    if not token.is_word:
        return None
    return lexicon().heads[language].get(token.key)


def completes_a_title(tokens: Sequence[Token], k: int, language: str) -> bool:
    """Whether `tokens[k]` starts the complement of a title just before it (`Transports` in `ministre
    des Transports`, `State` in `Secretary of State`)."""
    return any(
        head_role(tokens[j], language) is not None and _complement_start(tokens, j + 1, language) == k
        for j in range(max(0, k - 4), k - 1)
    )


def _complement_start(tokens: Sequence[Token], k: int, language: str) -> int | None:
    """Index of the noun after a preposition and its articles starting at `k` (`de la` / `of the`)."""
    n = len(tokens)
    if k >= n or tokens[k].key not in _PREPOSITIONS[language]:
        return None
    m = k + 1
    if tokens[k].key == "d":  # d'État
        if m < n and tokens[m].text in "'’":
            m += 1
        else:
            return None
    if m < n and tokens[m].key in _ARTICLES[language]:
        m += 1
        if tokens[m - 1].key == "l" and m < n and tokens[m].text in "'’":
            m += 1
    return m if m < n else None


def extend_forward(
    tokens: Sequence[Token],
    after_head: int,
    language: str,
    blocked: frozenset[int] | set[int],
    stopwords: frozenset[str],
) -> int:
    """End (exclusive) of a title or organization phrase whose head ends just before `after_head`.

    Takes adjectives (`russe`, `adjoint`) and up to three complements (`du Conseil de sécurité`),
    never a token in `blocked` (a person's name) nor one that opens a sentence.
    """
    lex = lexicon()
    post = lex.post[language]
    n = len(tokens)
    k = after_head
    complements = 0
    while k < n and k not in blocked and not tokens[k].sent_start:
        token = tokens[k]
        if language == "fr" and token.key in post:
            k += 1
            continue
        m = _complement_start(tokens, k, language)
        if (
            m is None
            or complements >= MAX_COMPLEMENTS
            or m in blocked
            or not tokens[m].is_word
            or tokens[m].key in stopwords
            or (language == "en" and not tokens[m].cap and tokens[m].key not in lex.pre["en"])
        ):
            break
        k = m + 1
        while True:
            while (
                k < n
                and k not in blocked
                and tokens[k].is_word
                and tokens[k].cap
                and not tokens[k].sent_start
            ):
                if tokens[k].key in stopwords:
                    break
                k += 1
            if not (_possessive(tokens, k, language) and k + 2 not in blocked):
                break
            k += 2  # `head of Iran's Quds Force`: the body goes on after the possessive
        complements += 1
    return k


def _possessive(tokens: Sequence[Token], k: int, language: str) -> bool:
    """An English `'s` at `k` followed by a capitalised word."""
    return (
        language == "en"
        and k + 2 < len(tokens)
        and tokens[k].text in "'’"
        and tokens[k].start == tokens[k - 1].end
        and tokens[k + 1].key == "s"
        and tokens[k + 2].is_word
        and tokens[k + 2].cap
    )


def extend_backward(
    tokens: Sequence[Token],
    head: int,
    language: str,
    blocked: frozenset[int] | set[int],
    stopwords: frozenset[str],
) -> int:
    """Start of a title whose head is at `head`, taking the words before it (`Premier`, `Defence`)."""
    pre = lexicon().pre[language]
    start = head
    while start > 0 and head - start < MAX_PREMODIFIERS and not tokens[start].sent_start:
        prev = tokens[start - 1]
        if (start - 1) in blocked or not prev.is_word or prev.key in stopwords:
            break
        if prev.key in pre or (language == "en" and prev.cap and not head_role(prev, language)):
            start -= 1
            continue
        break
    return start


@dataclass(frozen=True)
class TitleKey:
    role: str | None
    words: frozenset[str]  # content words of the complement and modifiers, nationalities left out
    tense: str | None = None  # former | current, when the title says so


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_INITIAL_DOT = re.compile(r"(?<=\b[^\W\d_])\.")


@lru_cache(maxsize=4096)
def title_key(title: str) -> TitleKey:
    """The role a title names and the words that qualify it (`Conseil`, `sécurité`).

    Of several role words the one that is not also a modifier is the role; a rank word makes it
    another post (`Vice President` is vice-president, `secrétaire général` general-secretary,
    `Prime Minister` premier-minister); `former`, `ancien`, `actuel` give the tense, not a word.
    """
    lex = lexicon()
    modifiers = frozenset().union(*lex.pre.values(), *lex.post.values())
    found: list[str] = []
    for match in _WORD.finditer(_INITIAL_DOT.sub("", fold(title))):  # `U.S.` is one word
        word = match.group()
        found.extend([word] if lex.role(word) is not None else word.split("-"))
    roles = [w for w in found if lex.role(w) is not None]
    head = next((w for w in roles if w not in modifiers), roles[0] if roles else None)
    role = lex.role(head) if head is not None else None
    words: set[str] = set()
    ranks: set[str] = set()
    tense = None
    for word in found:
        if word == head:
            continue
        kind = lex.qualifiers.get(word)
        if kind == "rank":
            ranks.add(lex.ranks[word])
            continue
        if kind in ("former", "current"):
            tense = kind
            continue
        # another role word names another post, unless it also qualifies one (`Justice` in `ministre de
        # la Justice`, `Justice Minister`)
        other_role = lex.role(word) is not None and word not in modifiers
        if len(word) < 2 or word in _FUNCTION_WORDS or word in lex.nationality or other_role:
            continue
        words.add(word)
    if role is not None:
        role = "-".join([*sorted(r for r in ranks if not role.startswith(r + "-")), role])
    return TitleKey(role, frozenset(words), tense)


@lru_cache(maxsize=1)
def exclusive_roles() -> frozenset[frozenset[str]]:
    """Pairs of roles one person does not hold at once (`data/titles_exclusive.tsv`)."""
    return frozenset(frozenset(row[:2]) for row in _data_lines("titles_exclusive.tsv"))


def titles_compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two titles can name the same post; None when either says too little to tell.

    A former and a current holder are never compatible.
    Same role: compatible unless both name different bodies (`de la Défense` / `des Affaires étrangères`).
    Different roles: compatible only when both name the same body in at least two words
    (`chef du Conseil de sécurité` / `secrétaire du Conseil de sécurité`).
    """
    if not a or not b:
        return None
    ka, kb = title_key(a), title_key(b)
    if ka.role is None or kb.role is None:
        return None
    if ka.tense is not None and kb.tense is not None and ka.tense != kb.tense:
        return False  # the former holder and the current one
    if ka.role == kb.role:
        if not ka.words or not kb.words:
            return True
        shared = len(ka.words & kb.words)
        return shared / min(len(ka.words), len(kb.words)) >= 0.5
    small, large = sorted((ka.words, kb.words), key=len)
    return len(small) >= 2 and small <= large
