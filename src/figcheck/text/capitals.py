"""Misspelled words written with a capital: a common word that opens a sentence, and a demonym.

``figcheck.text.spelling`` leaves every capitalised word alone, as most are names. Two kinds are
common words all the same:

* the first word of a sentence ("Goverment officials said…") is read as its lowercase form and
  checked like any lowercase word, for the usual slips only (two letters swapped, a letter doubled,
  undoubled or left out, an accent changed): one letter added to a word or changed in it is mostly a
  name ("Rappler", "Wasif"). It is left alone when the article writes it with a capital
  elsewhere too, in the middle of a sentence (a name: "Morre said… according to Morre"), or when a
  capitalised word follows it (a full name opening the sentence);
* a people's name or adjective ("Ukranian", "Brazilan", "Brésilliens") is listed by the dictionaries
  with its capital: a capitalised word no dictionary knows is flagged when it is one slip (a letter
  changed, added or left out, two letters swapped) from a demonym of ``data/demonyms.tsv``, the
  likeliest slip where there are several; a letter changed or added only in a long word.

Persons and figures the caller protects are never flagged; other names only as demonyms.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from figcheck.packaged import data_rows
from figcheck.text.spans import sorted_spans
from figcheck.text.spelling import SURE_SLIP_LENGTH, Misspelling, Speller, slip_rank

CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’.-])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{M}\p{N}_'’-])")
# what may stand between the end of the last sentence and the first word of the next
OPENS = regex.compile(r"(?:\A|[.!?…]|\n)[\s«»\"“”‘’(\[—–-]*\Z")
NEXT_CAPITAL = regex.compile(r"[ \u00a0]+\p{Lu}")
# the slips read on a capitalised word: two letters swapped, a letter doubled or undoubled, a letter
# left out or an accent changed; a name is one letter added to or changed from a word too often
USUAL_SLIP = 2
LOOK_BACK = 12  # characters before a word where the end of the last sentence is looked for


@cache
def demonyms(language: str) -> dict[str, tuple[str, ...]]:
    """The demonyms of `language` (``data/demonyms.tsv``), by first letter."""
    by_letter: dict[str, list[str]] = {}
    for word, lang in data_rows("figcheck.text", "demonyms.tsv"):
        if lang == language:
            by_letter.setdefault(word[0], []).append(word)
    return {letter: tuple(words) for letter, words in by_letter.items()}


def is_demonym(word: str, language: str) -> bool:
    """`Russe`, `Ukrainian`, and a compound ending in one (`Sud-Africain`)."""
    last = word.rsplit("-", 1)[-1]
    return any(w in demonyms(language).get(w[:1], ()) for w in {word, last} if w)


def find_capital_misspellings(
    text: str,
    speller: Speller,
    *,
    protected: Iterable[tuple[int, int]] = (),
    persons: Iterable[tuple[int, int]] = (),
) -> list[Misspelling]:
    """Capitalised words of `text` that misspell a common word or a demonym, in text order. No word in
    `persons` is flagged; a word in `protected` (any name) only as a demonym, which a language model
    often takes for a place ("Les Brésilliens")."""
    names, people = sorted_spans(list(protected)), sorted_spans(list(persons))
    words = [(m.start(), m.end(), m.group(), _opens(text, m.start())) for m in CAPITALISED.finditer(text)]
    # a word the article also writes with its capital in the middle of a sentence is a name
    named = {word for _, _, word, opens in words if not opens}
    found = []
    for start, end, word, opens in words:
        if speller.knows(word) or any(c not in speller.alphabet for c in word.lower()):
            continue
        if people.touch(start, end):
            continue
        opening = None
        if opens and word not in named and not names.touch(start, end):
            opening = _opening_word(text, start, end, speller)
        suggestion = opening or _demonym(word, speller)
        if suggestion is not None:
            found.append(Misspelling(start=start, end=end, word=word, suggestion=suggestion))
    return found


def _opens(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence."""
    return OPENS.search(text, max(0, start - LOOK_BACK), start) is not None


def _opening_word(text: str, start: int, end: int, speller: Speller) -> str | None:
    """The common word a sentence's misspelled first word stands for, capitalised, or None; not when a
    capitalised word follows it (a full name opening the sentence)."""
    if NEXT_CAPITAL.match(text, end):
        return None
    lower = text[start:end].lower()
    meant = speller.correction(lower)
    if meant is None or slip_rank(lower, meant) > USUAL_SLIP:
        return None
    return meant[:1].upper() + meant[1:]


def _demonym(word: str, speller: Speller) -> str | None:
    """The demonym one slip away from `word`, the likeliest slip of those ("Ukranian": a letter left
    out of "Ukrainian"), or None."""
    candidates = [d for d in demonyms(speller.language).get(word[0], ()) if _one_slip(word, d)]
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda d: slip_rank(word, d))
    rank = slip_rank(word, ranked[0])
    if len(ranked) > 1 and rank == slip_rank(word, ranked[1]):
        return None
    # another letter struck is a slip on a long word; on a short one, mostly another name ("le Corre")
    return ranked[0] if rank <= USUAL_SLIP or len(word) >= SURE_SLIP_LENGTH else None


def _one_slip(typed: str, meant: str) -> bool:
    """Whether one letter changed, added, left out, or two neighbours swapped turn `meant` into `typed`."""
    if typed == meant or abs(len(typed) - len(meant)) > 1:
        return False
    if len(typed) == len(meant):
        diffs = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and typed[diffs[0]] == meant[diffs[1]]
        return len(diffs) == 1 or swapped and typed[diffs[1]] == meant[diffs[0]]
    longer, shorter = (typed, meant) if len(typed) > len(meant) else (meant, typed)
    cut = next((i for i, (a, b) in enumerate(zip(longer, shorter, strict=False)) if a != b), len(shorter))
    return longer[:cut] + longer[cut + 1 :] == shorter
