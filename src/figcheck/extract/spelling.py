"""Misspelled common words, checked against the system Hunspell dictionaries.

A word is flagged when it is written in lowercase, no dictionary of the language accepts it,
and it lies one edit away from a word of the main dictionary that Hunspell itself points to.
Everything else that is not a dictionary word is left alone: names, acronyms, figures,
addresses, foreign words and word forms the dictionary happens to lack.

What is never flagged
---------------------
* a word with a capital anywhere (names, acronyms, brands, sentence starts), a digit or an
  underscore, or three letters or fewer;
* a word with a letter outside the language's alphabet (a foreign word);
* URLs, e-mail addresses, hashtags, handles, domain and file names, paths (``km/h``), and
  words cut by editorial brackets (``[e]xtremely``, ``s'élev[aient]``);
* words inside a span the caller protects (names and figures found by other extractors);
* elided forms: ``l'``, ``d'``, ``qu'``, ``jusqu'``... are stripped and the rest is checked,
  English possessive ``'s`` too; words the dictionary knows whole (``aujourd'hui``) pass;
* hyphenated compounds: a compound passes when the dictionary knows it whole or knows every
  part; otherwise only its last part is checked, since a part before a hyphen is often a
  combining form no dictionary lists (``turco-``, ``irako-``, ``cyber-``, ``intra-``);
* abbreviations: a word the dictionary knows with a period, or followed by a period that
  does not end the sentence;
* a word beside a capitalised word that no dictionary knows or an initial: part of a name, a
  binomial or a quoted foreign title (``Acropora millepora``, ``Arnel dela Vega``);
* a word in a sentence where unknown words are dense (a quotation in another language);
* forms the dictionary lacks but builds from known words: a plural of a known word, a known
  prefix before a known word (``cyberattaqué``, ``unaired``), in English two known words
  written as one (``fursuit``), in French an English verb with a French ending (``twitté``).

Accepted dictionaries
---------------------
The main dictionary is fr_FR for French and en_US for English. Words of en_GB are accepted in
English (British spellings are not typos), and French news borrows English words and English
news French ones, so each language also accepts the other's words. The French dictionary
should be the comprehensive one (Debian ``hunspell-fr-comprehensive``), which accepts both
the classical and the 1990 reformed spellings (``connait``, ``maitrise``, ``évènement``).

Which word is meant
-------------------
The one-edit neighbours (insertion, deletion, substitution of a letter, accented letters
counting as letters of their own, or swap of two neighbouring letters) are generated and
looked up in the main dictionary. A neighbour is kept only if its first letter is the
word's, up to accents: writers rarely mistype a first letter, and unknown words that differ
from a dictionary word there are mostly names or foreign words (``zika``). An edit at the
very end that leaves one word a prefix of the other (``tapings``/``taping``,
``improv``/``improve``) is a clipped or inflected form, not a typo, and is not kept.
Hunspell ranks its suggestions from the dictionary itself (affix rules, n-gram similarity,
replacement tables): the word is flagged when its first suggestion is a kept neighbour, or,
failing that, when exactly one neighbour is kept; that word is the suggestion. A first
suggestion that is the word itself in capitals (``smic`` -> ``Smic``) marks a name written in
lowercase, never a typo. Suggestion is slow in French (about 0.16 s), so it is asked only for
words that fail every other test and have a kept neighbour.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    import enchant

__all__ = ["Misspelling", "Speller", "find_misspellings", "load_speller"]

PROVIDER = "hunspell"
# The main dictionary is the first of these that is installed.
MAIN_TAGS: dict[str, tuple[str, ...]] = {"fr": ("fr_FR", "fr"), "en": ("en_US", "en_GB", "en")}
# Further dictionaries whose words are accepted too: regional variants and the other language.
OTHER_TAGS: dict[str, tuple[str, ...]] = {"fr": ("en_US", "en_GB"), "en": ("en_US", "en_GB", "fr_FR")}
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
POSSESSIVES = ("'s", "'")
# Productive prefixes written solid before a word: "cyberattaqué", "unaired", "defunding".
PREFIXES: dict[str, tuple[str, ...]] = {
    "fr": (
        "anti", "auto", "bio", "co", "contre", "cyber", "dé", "dés", "éco", "hyper", "inter", "macro",
        "méga", "micro", "mini", "multi", "néo", "non", "post", "pré", "pro", "re", "ré", "sous",
        "super", "sur", "télé", "ultra",
    ),
    "en": (
        "anti", "co", "counter", "cyber", "de", "inter", "mis", "multi", "non", "out", "over", "post",
        "pre", "re", "self", "sub", "super", "un", "under",
    ),
}
# Endings French gives to borrowed English verbs: "twitté", "hacker", "likées".
FRENCH_VERB_ENDINGS = ("ées", "és", "ée", "é", "er")
# Parts of an English solid compound ("fursuit", "handpaws") have at least this many letters.
COMPOUND_PART = 3
# A sentence with at least this many unknown words, making up this share of its lowercase
# words, is in another language.
FOREIGN_UNKNOWN = 3
FOREIGN_SHARE = 0.3

APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"
_WORD = r"[\p{L}\p{M}\p{N}_]+"
_TOKEN = regex.compile(rf"{_WORD}(?:[{APOSTROPHES}{HYPHENS}]{_WORD})*")
# URLs, e-mail addresses, hashtags and handles: nothing inside them is prose.
_NOT_PROSE = regex.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[#@][\w-]+"
)
_PART = regex.compile(rf"[^{HYPHENS}]+")
_SENTENCE = regex.compile(r"[^.!?;:\n]+")
# A token followed by a hyphen and a word, with a space on one side only: "irako -syrienne".
_BEFORE_HYPHEN = regex.compile(rf"\s?[{HYPHENS}]\p{{L}}")
_NAME = regex.compile(r"\p{Lu}[\p{L}\p{M}'\u2019.-]*")


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
    _known: dict[str, bool] = field(default_factory=dict, repr=False)
    _verdicts: dict[str, str | None] = field(default_factory=dict, repr=False)

    def knows(self, word: str) -> bool:
        """True when any dictionary of the language accepts `word` as written."""
        known = self._known.get(word)
        if known is None:
            known = self.main.check(word) or any(d.check(word) for d in self.others)
            self._known[word] = known
        return known

    def is_word(self, word: str) -> bool:
        """True when `word` is a real word of the language, written lowercase or capitalised."""
        return len(word) >= MIN_LENGTH and any(c not in self.alphabet for c in word.lower()) or (
            self.knows(word) or self.knows(word.lower())
        )

    def neighbours(self, word: str) -> set[str]:
        """Words of the main dictionary one edit away from `word` with the same first letter."""
        first = _base(word[0])
        check = self.main.check
        return {
            c
            for c in _one_edit_variants(word, self.alphabet)
            if c != word
            and _base(c[0]) == first
            and not (c.startswith(word) or word.startswith(c))
            and check(c)
        }

    def correction(self, word: str) -> str | None:
        """The common word that `word` misspells, or None; `word` is lowercase and unknown."""
        if word not in self._verdicts:
            self._verdicts[word] = None if self._built_from_known(word) else self._closest(word)
        return self._verdicts[word]

    def _closest(self, word: str) -> str | None:
        neighbours = self.neighbours(word)
        if not neighbours:
            return None
        suggestions = self.main.suggest(word)
        if suggestions and suggestions[0].lower() == word:
            return None
        if suggestions and suggestions[0] in neighbours:
            return suggestions[0]
        return next(iter(neighbours)) if len(neighbours) == 1 else None

    def _built_from_known(self, word: str) -> bool:
        """A form the dictionary lacks but makes from its words: plural, prefix, compound, loan."""
        if word[-1] in "sx" and self.knows(word[:-1]):
            return True
        for prefix in PREFIXES.get(self.language, ()):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= MIN_LENGTH and self.knows(rest):
                return True
        if self.language == "en":
            return any(
                self.knows(word[:i]) and self.knows(word[i:])
                for i in range(COMPOUND_PART, len(word) - COMPOUND_PART + 1)
            )
        if self.language == "fr":
            english = [d for d in (self.main, *self.others) if d.tag.startswith("en")]
            for ending in FRENCH_VERB_ENDINGS:
                stem = word[: -len(ending)]
                if word.endswith(ending) and len(stem) >= MIN_LENGTH - 1:
                    stems = {stem, stem + "e"} | ({stem[:-1]} if stem[-1] == stem[-2] else set())
                    if any(d.check(s) for d in english for s in stems):
                        return True
        return False


def load_speller(language: str) -> Speller | None:
    """The speller for `language` ("fr" or "en"), or None when its dictionary is not installed."""
    if language not in MAIN_TAGS:
        return None
    try:
        import enchant
    except ImportError:  # the C library libenchant-2 is missing
        return None
    broker = enchant.Broker()
    main = next((d for d in (_request(broker, t) for t in MAIN_TAGS[language]) if d), None)
    if main is None:
        return None
    others = (_request(broker, t) for t in OTHER_TAGS[language] if t != main.tag)
    return Speller(
        language=language,
        main=main,
        others=tuple(d for d in others if d is not None),
        alphabet=ALPHABETS[language],
    )


def find_misspellings(
    text: str, speller: Speller, *, protected: Iterable[tuple[int, int]] = ()
) -> list[Misspelling]:
    """Lowercase words of `text` one edit away from a common dictionary word, in text order.

    `protected` holds (start, end) character spans never to flag: names, figures, quotations.
    """
    skipped = sorted([*protected, *(m.span() for m in _NOT_PROSE.finditer(text))])
    sentences = [m.span() for m in _SENTENCE.finditer(text)]
    foreign: dict[int, bool] = {}
    found: list[Misspelling] = []
    for start, end, word in _candidates(text, speller):
        if _overlaps(skipped, start, end) or _beside_name(text, start, end, speller):
            continue
        index = bisect.bisect_right(sentences, (start, len(text))) - 1
        if index >= 0 and index not in foreign:
            foreign[index] = _is_foreign(text, *sentences[index], speller)
        if index >= 0 and foreign[index]:
            continue
        suggestion = speller.correction(word)
        if suggestion is not None:
            found.append(Misspelling(start=start, end=end, word=text[start:end], suggestion=suggestion))
    return found


def _candidates(text: str, speller: Speller) -> Iterator[tuple[int, int, str]]:
    """(start, end, plain word) of each lowercase word no dictionary knows and no rule excuses."""
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        whole = token.group()
        if any(c.isdigit() or c == "_" or c.isupper() for c in whole):
            continue
        if _in_code_or_address(text, start, end) or speller.knows(_plain(whole)):
            continue
        if _BEFORE_HYPHEN.match(text, end):
            continue  # a combining form: "irako -syrienne"
        parts = [(m.start() + start, m.end() + start) for m in _PART.finditer(whole)]
        if len(parts) > 1 and all(speller.knows(_plain(text[s:e])) for s, e in parts):
            continue
        start = parts[-1][0]
        word = _plain(text[start:end])
        if "'" in word:
            if speller.knows(word):
                continue
            start, word = _strip_apostrophes(word, start, speller.language)
            if "'" in word:
                continue
            end = start + len(word)
        if len(word) < MIN_LENGTH or any(c not in speller.alphabet for c in word):
            continue
        if speller.knows(word) or _is_abbreviation(text, end, word, speller):
            continue
        yield start, end, word


def _strip_apostrophes(word: str, start: int, language: str) -> tuple[int, str]:
    """Drop French elided clitics in front and English possessive endings; shift `start` with them."""
    if language == "fr":
        while "'" in word:
            head, _, rest = word.partition("'")
            if head not in ELISIONS:
                break
            start += len(head) + 1
            word = rest
        return start, word
    for ending in POSSESSIVES:
        if word.endswith(ending):
            return start, word[: -len(ending)]
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
    """Part of a domain, a file name, a path, a unit like km/h, or cut by editorial brackets."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in "/\\@#[]" or after in "/\\@[]":
        return True
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True
    return before == "." and start >= 2 and text[start - 2].isalnum()


def _beside_name(text: str, start: int, end: int, speller: Speller) -> bool:
    """Next to a capitalised word that is no dictionary word, or to an initial: part of a name."""
    before = regex.search(r"(\p{Lu}[\p{L}\p{M}'\u2019-]*\.?) $", text[max(0, start - 40) : start])
    after = _NAME.match(text, end + 1) if text[end : end + 1] == " " else None
    for match in (before, after):
        if match is None:
            continue
        name = match.group(1) if match is before else match.group()
        if regex.fullmatch(r"\p{Lu}\.", name) or not speller.is_word(_plain(name.rstrip("."))):
            return True
    return False


def _is_foreign(text: str, start: int, end: int, speller: Speller) -> bool:
    """True when the sentence is dense with unknown lowercase words: a passage in another language."""
    total = unknown = 0
    for token in _TOKEN.finditer(text, start, end):
        word = _plain(token.group())
        if len(word) < MIN_LENGTH or not word.isalpha() or not word.islower():
            continue
        total += 1
        if any(c not in speller.alphabet for c in word) or not speller.knows(word):
            unknown += 1
    return unknown >= FOREIGN_UNKNOWN and unknown >= FOREIGN_SHARE * total


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _plain(word: str) -> str:
    """The word with typographic apostrophes and hyphens as Hunspell expects them."""
    for mark in APOSTROPHES[1:]:
        word = word.replace(mark, "'")
    for mark in HYPHENS[1:]:
        word = word.replace(mark, "-")
    return word


def _base(letter: str) -> str:
    """The letter without its accent: "é" -> "e"."""
    return unicodedata.normalize("NFD", letter)[0]


def _request(broker: enchant.Broker, tag: str) -> enchant.Dict | None:
    """The Hunspell dictionary for `tag`, or None when it is not installed."""
    broker.set_ordering(tag, PROVIDER)  # the system ordering prefers aspell for English
    if not broker.dict_exists(tag):
        return None
    dictionary = broker.request_dict(tag)
    return dictionary if dictionary.provider.name == PROVIDER else None


def _one_edit_variants(word: str, alphabet: str) -> Iterator[str]:
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
