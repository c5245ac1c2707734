"""Tokens and the word lists mentions are read with: agencies, places, heads and stopwords
(``data/mentions_*``), the gazetteer as a phrase table, and the spelling dictionary for common words."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from figcheck.extract.mentions.records import QUOTES, SENTENCE_END
from figcheck.load.gazetteer import Gazetteer, fold
from figcheck.packaged import data_rows
from figcheck.text.titles import Token, lexicon


def _data_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file of `figcheck/extract/data/`."""
    return data_rows("figcheck.extract", name)


_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}"  # U.S.
    r"|O['’]\p{Lu}[\p{L}\p{M}]*"  # O'Brien
    r"|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐]\p{L}[\p{L}\p{M}\p{N}]*)*"
    r"|\p{N}+"
    r"|\S"
)


@dataclass(frozen=True)
class WordLists:
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
def word_lists(language: str) -> WordLists:
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
    return WordLists(stopwords, heads, frozenset(lowercase), agencies, places)


_gazetteer_tables: dict[int, tuple[Gazetteer, _PhraseTable]] = {}


def gazetteer_table(gazetteer: Gazetteer) -> _PhraseTable:
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
def common_word(word: str, language: str) -> bool:
    dictionary = _dictionary(language)
    return dictionary is not None and dictionary.check(word.lower())


def tokenize(text: str) -> list[Token]:
    """Words (hyphenated compounds kept whole), numbers and single punctuation marks."""
    honorifics = lexicon().honorifics
    tokens: list[Token] = []
    sentence_start = True
    folded: dict[str, str] = {}  # a text repeats its words: each is folded once
    line_end = text.find("\n")  # the first line end after the last token
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if 0 <= line_end < start:
            sentence_start = bool(tokens) or sentence_start
            line_end = text.find("\n", end)
        # a compound ending in a lowercase word is an adjective ("Trump-loving", "Paris-based")
        cap = word[0].isupper() and not ("-" in word and word.rsplit("-", 1)[-1][:1].islower())
        key = folded.get(word)
        if key is None:
            key = folded[word] = fold(word)
        tokens.append(Token(start, end, word, key, word[0].isalpha(), cap, sentence_start))
        if word in SENTENCE_END:
            prev = tokens[-2].text if len(tokens) > 1 else ""
            # `M. Choïgou`, `J. Smith`: the dot ends an abbreviation, not the sentence
            sentence_start = not (
                word == "." and (prev + "." in honorifics or (len(prev) == 1 and prev.isupper()))
            )
        elif word not in QUOTES:
            sentence_start = False
    return tokens


def honorific_at(tokens: Sequence[Token], i: int) -> int:
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
