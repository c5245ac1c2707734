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
* a word of four letters or fewer before a capitalised word that no dictionary knows (a particle:
  ``Arnel dela Vega``) or a word after an initial (a species: ``A. millepora``);
* a word with another unknown lowercase word among the three words on either side of it on
  its line: a passage in another language (``hay muchos abortos``, ``Arbeit macht frei``);
* forms the dictionary lacks but builds from known words: a known prefix before a known word
  (``cyberattaqué``, ``unaired``), in English two known words written as one (``fursuit``),
  in French an English verb with a French ending (``twitté``, ``hackés``).

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
replacement tables): the word is flagged when its first suggestion is a kept neighbour. The
suggestion is the kept neighbour among the first three a writer's slip most likely came from: two
letters swapped first (``recieve``), then a letter doubled or undoubled (``appellé`` ->
``appelé``), then a letter left out or an accent changed (``missles`` -> ``missiles``,
``gouvernment`` -> ``gouvernement``), then another letter struck, then a letter added; between two
of one kind, the word read ten times more often (wordfreq's Zipf scale, rounded: ``presient`` ->
``president``, not ``prescient``), then Hunspell's order. When Hunspell prefers another word (``zika`` -> ``lika``
while ``ziba`` is the only neighbour), or when the word has more than four kept neighbours (short
or plain words such as ``pled`` or ``burle``, where one edit says little about the word
meant), nothing is flagged, unless the word is rare in use (under 1.5 on wordfreq's Zipf scale:
``kiler``, not ``noone``, ``coeur`` or a loan such as ``pelos``) and exactly one neighbour Hunspell
suggests is a usual slip away, a letter swapped, doubled, undoubled or left out (``kiler`` ->
``killer``, ``wamer`` -> ``warmer``, ``souds`` -> ``sounds``). A first suggestion that is the word in capitals (``smic`` ->
``Smic``) is never a neighbour, so a name written in lowercase is not flagged. Suggestion is
slow in French (about 0.16 s), so it is asked only for words that fail every other test and
have a kept neighbour.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

import regex
from wordfreq import zipf_frequency

from figcheck.packaged import data_rows
from figcheck.text import replacing
from figcheck.text.spans import sorted_spans

if TYPE_CHECKING:
    import enchant

__all__ = ["Misspelling", "Speller", "find_misspellings", "load_speller", "slip_rank"]

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
PARTICLE_LENGTH = 4  # letters of the longest particle before a name ("dela Vega", "bin Salman")
# Elided French clitics, written before an apostrophe.
ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"}
)
POSSESSIVES = ("'s", "'")
# Endings French gives to borrowed English verbs, whose stem, or stem + "er", is English:
# "twitté" (twitter), "hacké" (hack), "likées" (like).
FRENCH_VERB_ENDINGS = ("ées", "és", "ée", "é", "er", "ent", "es", "e")
# Least letters of the first and last part of an English solid compound ("fursuit", "handpaws"); a
# compound on a head of COMPOUND_HEAD letters only loses to a word the dictionary suggests first.
COMPOUND_HEAD, COMPOUND_SURE_HEAD, COMPOUND_TAIL = 3, 4, 4
# A word with more dictionary words than this one edit away is too short or too plain for one
# edit to tell which word was meant ("pled", "burle", "catta").
SUGGESTIONS_READ = 3  # Hunspell suggestions read for a kept neighbour
MAX_NEIGHBOURS = 4
USUAL_SLIP_RANK = 2  # a swap, a letter doubled or undoubled, a letter left out (see slip_rank)
RARE_WORD = 1.5  # wordfreq's Zipf scale: under it, about one use in 30 million words
SURE_SLIP_LENGTH, VOWELS = 7, frozenset("aeiouyàâäéèêëîïôöùûü")  # a long word's swap is a slip, even abroad
# No dictionary word is longer ("anticonstitutionnellement" has 25 letters): a longer token is no
# misspelling, and looking for its neighbours would cost time in proportion to its square.
LONGEST_WORD = 45
# An unknown word is taken for part of a passage in another language when at least this many
# of the lowercase words around it (this many on each side, on its line) are unknown too:
# typos are rare in edited news, so two unknown words close together are foreign words.
FOREIGN_UNKNOWN, FOREIGN_WINDOW = 1, 3

APOSTROPHES = "'\u2019\u02bc"
HYPHENS = "-\u2010\u2011"
_WORD = r"[\p{L}\p{M}\p{N}_]+"
_DIGIT_OR_UNDERSCORE = regex.compile(r"[\d_]")
AN_INITIAL_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}\. $")
_TOKEN = regex.compile(rf"{_WORD}(?:[{regex.escape(APOSTROPHES + HYPHENS)}]{_WORD})*")
# URLs, e-mail addresses, hashtags and handles: nothing inside them is prose.
_NOT_PROSE = regex.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+"  # tried once per run of such characters: linear
    r"|[#@][\w-]+"
)
_PART = regex.compile(rf"[^{regex.escape(HYPHENS)}]+")
# A token followed by a hyphen and a word, with a space on one side only: "irako -syrienne".
_BEFORE_HYPHEN = regex.compile(rf"\s?[{regex.escape(HYPHENS)}]\p{{L}}")
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

    def is_common_word(self, word: str) -> bool:
        """True when `word` lowercased is a dictionary word, not a name: "Ainsi" yes, "Moscou" no."""
        lower = word.lower()
        return all(c in self.alphabet for c in lower) and self.knows(lower)

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
        """The common word that `word` (lowercase, unknown) misspells, or None; the usual slips (a swap,
        a double letter) win over a compound reading ("mon-ring") and the neighbours."""
        if word not in self._verdicts:
            usual = self._usual_slip(word)
            if usual is None and not self._built_from_known(word):
                # a compound on a three-letter head ("dee-gates", "fat-heed") gives way to the one word
                # a letter away that the dictionary itself suggests first ("delegates", "fathered")
                usual = self._closest(word, first_only=self._on_a_short_head(word))
            self._verdicts[word] = usual
        return self._verdicts[word]

    def _usual_slip(self, word: str) -> str | None:
        """The one word a swap makes, or a double letter that a dictionary suggests first."""
        own = [d for d in (self.main, *self.others) if d.tag.startswith(self.language)]
        made = {c for c in _usual_slips(word) if any(d.check(c) for d in own)}
        if len(made) != 1:
            return None
        usual = made.pop()
        first = {(d.suggest(word) or [""])[0] for d in own} if slip_rank(word, usual) else {usual}
        return usual if usual in first else None

    def _closest(self, word: str, first_only: bool = False) -> str | None:
        neighbours = self.neighbours(word)
        if not neighbours:
            return None
        suggestions: list[str] = self.main.suggest(word)
        if not suggestions or suggestions[0] not in neighbours or len(neighbours) > MAX_NEIGHBOURS:
            return None if first_only else self._only_usual_slip(word, neighbours, suggestions)
        if first_only:
            return suggestions[0]
        suggested = [s for s in suggestions[:SUGGESTIONS_READ] if s in neighbours]
        # the slip a writer makes most, then the word read most, then the dictionary's own order
        return min(
            suggested,
            key=lambda s: (slip_rank(word, s), -round(zipf_frequency(s, self.language)), suggested.index(s)),
        )

    def _only_usual_slip(self, word: str, neighbours: set[str], suggestions: list[str]) -> str | None:
        """Where the dictionary puts another word first ("liker" for "kiler"), the one neighbour it
        suggests that a usual slip makes: a letter doubled, undoubled or left out ("killer", "warmer")."""
        if zipf_frequency(word, self.language) >= RARE_WORD:
            return None  # a word in use the dictionary lacks: "noone", "tapings", "coeur", a loan
        ranked = sorted((slip_rank(word, n), n) for n in neighbours if n in suggestions)
        if not ranked or ranked[0][0] > USUAL_SLIP_RANK:
            return None
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None  # two words as near: the context would have to choose
        return ranked[0][1]

    def _built_from_known(self, word: str) -> bool:
        """A form the dictionary lacks but makes from its words: plural, prefix, compound (its first
        word of `COMPOUND_SURE_HEAD` letters at least), loan."""
        for prefix in _prefixes(self.language):
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) > MIN_LENGTH and self.knows(rest):
                return True
        if self.language == "en":
            return any(
                self.knows(word[:i]) and self.knows(word[i:])
                for i in range(COMPOUND_SURE_HEAD, len(word) - COMPOUND_TAIL + 1)
            )
        if self.language == "fr":
            english = [d for d in (self.main, *self.others) if d.tag.startswith("en")]
            for ending in FRENCH_VERB_ENDINGS:
                stem = word[: -len(ending)]
                if word.endswith(ending) and len(stem) >= MIN_LENGTH - 1:
                    if any(d.check(s) for d in english for s in (stem, stem + "er")):
                        return True
        return False

    def _on_a_short_head(self, word: str) -> bool:
        """Whether `word` also reads as an English compound on a three-letter head ("fat" + "heed")."""
        return (
            self.language == "en"
            and len(word) >= COMPOUND_HEAD + COMPOUND_TAIL
            and self.knows(word[:COMPOUND_HEAD])
            and self.knows(word[COMPOUND_HEAD:])
        )


@cache
def _prefixes(language: str) -> tuple[str, ...]:
    return tuple(p for p, lang in data_rows("figcheck.text", "spelling_prefixes.tsv") if lang == language)


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
    skipped = sorted_spans([*protected, *(m.span() for m in _NOT_PROSE.finditer(text))])
    words = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    found: list[Misspelling] = []
    for start, end, word in _candidates(text, speller):
        if skipped.touch(start, end) or _beside_name(text, start, end, speller):
            continue
        foreign = _among_foreign_words(
            text, words, bisect.bisect_right(words, (start, "\uffff")) - 1, speller
        )
        suggestion = speller.correction(word)
        if foreign and (
            suggestion is None or len(word) < SURE_SLIP_LENGTH or slip_rank(word, suggestion) > 1
        ):
            continue  # among other unknown words, only a long word's swap or double letter is a slip
        if suggestion is not None:
            found.append(Misspelling(start=start, end=end, word=text[start:end], suggestion=suggestion))
    return found


def _candidates(text: str, speller: Speller) -> Iterator[tuple[int, int, str]]:
    """(start, end, plain word) of each lowercase word no dictionary knows and no rule excuses."""
    for token in _TOKEN.finditer(text):
        start, end = token.span()
        whole = token.group()
        # no digit, underscore or capital: `islower` alone lets through only words with no cased letter,
        # which the alphabet test below sets aside
        if end - start > LONGEST_WORD or not whole.islower() or _DIGIT_OR_UNDERSCORE.search(whole):
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
    """Before a capitalised word that is no dictionary word, or after an initial: part of a name.

    A particle comes before a name ("dela Vega", "bin Salman"); a species name comes after
    its genus, often cut to an initial ("A. millepora"). A word after a surname is not excused:
    in French a name is often followed by a participle ("Céline Bousrez complétant").
    """
    if AN_INITIAL_BEFORE.search(text[max(0, start - 4) : start]):
        return True
    # a particle is short ("dela", "bin", "von"); a longer word before a name is prose ("against Gardner")
    short = end - start <= PARTICLE_LENGTH
    after = _NAME.match(text, end + 1) if short and text[end : end + 1] == " " else None
    if after is None:
        return False
    name = _plain(after.group().rstrip(".'\u2019-"))
    return not name.isupper() and not speller.is_common_word(name)


def _among_foreign_words(text: str, words: list[tuple[int, str]], index: int, speller: Speller) -> bool:
    """True when unknown lowercase words crowd around words[index] on its line: another language."""
    line_start = text.rfind("\n", 0, words[index][0]) + 1
    line_end = text.find("\n", words[index][0])
    line_end = len(text) if line_end < 0 else line_end
    unknown = 0
    for step in (-1, 1):
        seen, i = 0, index + step
        while 0 <= i < len(words) and seen < FOREIGN_WINDOW and line_start <= words[i][0] < line_end:
            word = _plain(words[i][1])
            i += step
            if len(word) < MIN_LENGTH or not word.isalpha() or not word.islower():
                continue
            seen += 1
            if any(c not in speller.alphabet for c in word) or not speller.knows(word):
                unknown += 1
    return unknown >= FOREIGN_UNKNOWN


# the word with typographic apostrophes and hyphens as Hunspell expects them
_plain = replacing({**dict.fromkeys(APOSTROPHES[1:], "'"), **dict.fromkeys(HYPHENS[1:], "-")})


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


def slip_rank(typed: str, meant: str) -> int:
    """How usual the slip from `meant` to `typed` is (lower is more usual): two letters swapped, a letter
    doubled or undoubled, a letter left out or an accent changed, another letter struck, a letter
    added."""
    if len(typed) == len(meant):
        diffs = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        if len(diffs) == 2 and typed[diffs[0]] == meant[diffs[1]] and typed[diffs[1]] == meant[diffs[0]]:
            return 0
        return 2 if all(_base(typed[i]) == _base(meant[i]) for i in diffs) else 3
    longer, shorter = (typed, meant) if len(typed) > len(meant) else (meant, typed)
    cut = next((i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter))
    doubled = (cut > 0 and longer[cut] == longer[cut - 1]) or (
        cut + 1 < len(longer) and longer[cut] == longer[cut + 1]
    )
    if doubled:
        return 1
    return 2 if len(meant) > len(typed) else 4


def _usual_slips(word: str) -> Iterator[str]:
    """Words two swapped letters (short words swap into others: "burle") or a double consonant away."""
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            if len(word) >= SURE_SLIP_LENGTH:
                yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif word[i] not in VOWELS:
            yield word[:i] + word[i + 1 :]
    for i in range(1, len(word)):
        if word[i].isalpha() and word[i] != word[i - 1] and word[i] not in VOWELS:
            yield word[: i + 1] + word[i:]


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
