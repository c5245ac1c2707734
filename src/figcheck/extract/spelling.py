"""Misspelled common words, checked against the system Hunspell dictionaries.

A word is flagged only when all of these hold:

* it is written in lowercase (a capital anywhere marks a name, an acronym or a brand);
* it is longer than three letters, has no digit, and uses only the letters of the language;
* it is not part of a URL, an e-mail address, a hashtag, a handle, a path or a domain name,
  nor inside a span the caller protects (names and figures found by other extractors);
* no dictionary of the language accepts it, nor the dictionary of the other language
  (French news borrows English words and English news French ones), nor a regional variant
  (en_GB beside en_US when installed), nor its form followed by a period (abbreviations);
* it lies one edit away (insertion, deletion, substitution of a letter, accented letters
  counting as letters of their own, or transposition of two neighbours) from a word of the
  main dictionary, and that word is unambiguous: Hunspell's first suggestion is one of the
  one-edit words, or there is exactly one one-edit word.

Hunspell ranks its suggestions from the dictionary itself (affix rules, n-gram similarity,
replacement tables), which is the data that decides which neighbour is the common word.
Suggestion is slow in French (about 0.16 s), so it is asked only for words that fail every
check and have at least one one-edit neighbour.

Elided forms (``l'``, ``d'``, ``qu'``, ``jusqu'``...) are stripped before the check, English
possessives (``'s``) too, and a hyphenated compound is accepted when the dictionary accepts it
whole or accepts each of its parts; otherwise each part is checked on its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    import enchant

__all__ = ["Misspelling", "Speller", "find_misspellings", "load_speller"]

# The main dictionary is the first of these that is installed.
MAIN_TAGS: dict[str, tuple[str, ...]] = {"fr": ("fr_FR", "fr"), "en": ("en_US", "en_GB", "en")}
# Further dictionaries whose words are accepted too: regional variants and the other language.
OTHER_TAGS: dict[str, tuple[str, ...]] = {"fr": ("en_US", "en_GB"), "en": ("en_US", "en_GB", "fr_FR")}
PROVIDER = "hunspell"
# Letters a word of the language is written with; a word with any other letter is foreign.
ALPHABETS: dict[str, str] = {
    "fr": "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ",
    "en": "abcdefghijklmnopqrstuvwxyz",
}
MIN_LENGTH = 4
# Elided French clitics, written before an apostrophe.
ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)
ENGLISH_SUFFIXES = ("'s", "'")

APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"
_TOKEN = regex.compile(rf"[\p{{L}}\p{{M}}\p{{N}}_]+(?:[{APOSTROPHES}{HYPHENS}][\p{{L}}\p{{M}}\p{{N}}_]+)*")
# URLs, e-mail addresses, hashtags and handles: nothing inside them is prose.
_NOT_PROSE = regex.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[#@][\w-]+"
)
_PART = regex.compile(rf"[^{HYPHENS}]+")


@dataclass(frozen=True)
class Misspelling:
    """A lowercase word one edit away from a dictionary word; offsets count characters of the text."""

    start: int
    end: int
    word: str
    suggestion: str


@dataclass
class Speller:
    """The dictionaries of one language, loaded once and reused across documents."""

    language: str
    main: enchant.Dict
    others: tuple[enchant.Dict, ...] = ()
    alphabet: str = ""
    _verdicts: dict[str, str | None] = field(default_factory=dict, repr=False)

    def knows(self, word: str) -> bool:
        """True when any dictionary of the language accepts `word` as written."""
        return self.main.check(word) or any(d.check(word) for d in self.others)

    def neighbours(self, word: str) -> set[str]:
        """Words of the main dictionary one edit away from `word`."""
        found: set[str] = set()
        check = self.main.check
        for candidate in _one_edit_variants(word, self.alphabet):
            if candidate != word and check(candidate):
                found.add(candidate)
        return found

    def correction(self, word: str) -> str | None:
        """The word `word` is a misspelling of, or None; `word` is lowercase and unknown."""
        if word in self._verdicts:
            return self._verdicts[word]
        verdict = None
        neighbours = self.neighbours(word)
        if neighbours:
            suggestions = self.main.suggest(word)
            if suggestions and suggestions[0] in neighbours:
                verdict = suggestions[0]
            elif len(neighbours) == 1:
                verdict = next(iter(neighbours))
        self._verdicts[word] = verdict
        return verdict


def load_speller(language: str) -> Speller | None:
    """The speller for `language` ("fr" or "en"), or None when its dictionary is not installed."""
    if language not in MAIN_TAGS:
        return None
    try:
        import enchant
    except ImportError:  # the C library libenchant-2 is missing
        return None
    broker = enchant.Broker()
    main = next((d for d in map(lambda t: _request(broker, t), MAIN_TAGS[language]) if d), None)
    if main is None:
        return None
    others = [_request(broker, t) for t in OTHER_TAGS[language] if t != main.tag]
    return Speller(
        language=language,
        main=main,
        others=tuple(d for d in others if d is not None),
        alphabet=ALPHABETS[language],
    )


def _request(broker: enchant.Broker, tag: str) -> enchant.Dict | None:
    """The Hunspell dictionary for `tag`, or None when it is not installed."""
    broker.set_ordering(tag, PROVIDER)  # the system ordering prefers aspell for English
    if not broker.dict_exists(tag):
        return None
    dictionary = broker.request_dict(tag)
    return dictionary if dictionary.provider.name == PROVIDER else None

def find_misspellings(
    text: str, speller: Speller, *, protected: Iterable[tuple[int, int]] = ()
) -> list[Misspelling]:
    """Lowercase words of `text` one edit away from a common dictionary word, in text order.

    `protected` holds (start, end) character spans never to flag: names, figures, quotations.
    """
    skipped = sorted([*protected, *((m.start(), m.end()) for m in _NOT_PROSE.finditer(text))])
    found: list[Misspelling] = []
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        if _overlaps(skipped, start, end) or _in_code_or_address(text, start, end):
            continue
        word = token.group()
        if any(c.isdigit() or c == "_" or c.isupper() for c in word):
            continue
        if speller.knows(_plain(word)):
            continue
        parts = [(m.start() + start, m.end() + start) for m in _PART.finditer(word)]
        checked = [_check_part(text, s, e, speller) for s, e in parts]
        if len(parts) > 1 and all(c is None for c in checked):
            continue
        found.extend(c for c in checked if c is not None)
    return found


def _check_part(text: str, start: int, end: int, speller: Speller) -> Misspelling | None:
    """The misspelling in one hyphen-free part of a token, or None."""
    word = _plain(text[start:end])
    if "'" in word:
        if speller.knows(word):
            return None
        start, word = _strip_apostrophes(word, start, speller.language)
        if not word or "'" in word:
            return None
        end = start + len(word)
    if len(word) < MIN_LENGTH or any(c not in speller.alphabet for c in word):
        return None
    if speller.knows(word) or _is_abbreviation(text, end, word, speller):
        return None
    suggestion = speller.correction(word)
    if suggestion is None:
        return None
    return Misspelling(start=start, end=end, word=text[start:end], suggestion=suggestion)


def _strip_apostrophes(word: str, start: int, language: str) -> tuple[int, str]:
    """Drop French elided clitics in front and English possessive endings; shift `start` with them."""
    if language == "fr":
        while "'" in word:
            head, _, rest = word.partition("'")
            if head not in ELISIONS:
                break
            start += len(head) + 1
            word = rest
    else:
        for suffix in ENGLISH_SUFFIXES:
            if word.endswith(suffix):
                return start, word[: -len(suffix)]
    return start, word


def _is_abbreviation(text: str, end: int, word: str, speller: Speller) -> bool:
    """A word cut short by a period that the dictionary knows, or that a sentence goes on after."""
    if end >= len(text) or text[end] != ".":
        return False
    if speller.knows(word + "."):
        return True
    rest = text[end + 1 : end + 40].lstrip()
    return bool(rest) and (rest[0].islower() or rest[0].isdigit() or rest[0] in ",;:)")


def _in_code_or_address(text: str, start: int, end: int) -> bool:
    """Part of a domain, a file name, a path or a unit like km/h: no prose word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in "/\\@#" or after in "/\\@":
        return True
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    return before == "." and start >= 2 and text[start - 2].isalnum()


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _plain(word: str) -> str:
    """The word with typographic apostrophes and hyphens as Hunspell expects them."""
    for mark in APOSTROPHES[1:]:
        word = word.replace(mark, "'")
    for mark in HYPHENS[1:]:
        word = word.replace(mark, "-")
    return word


def _one_edit_variants(word: str, alphabet: str) -> Iterable[str]:
    """Every string one insertion, deletion, substitution or neighbour swap away from `word`."""
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        for letter in alphabet:
            yield head + letter + tail
        if tail:
            yield head + tail[1:]
            for letter in alphabet:
                if letter != tail[0]:
                    yield head + letter + tail[1:]
            if len(tail) > 1 and tail[0] != tail[1]:
                yield head + tail[1] + tail[0] + tail[2:]

