"""Two spellings of one word a writer's slip apart: a letter changed, left out, doubled or swapped."""

from __future__ import annotations

from rapidfuzz.distance import OSA

# a last letter added or dropped makes another word rather than a slip: a feminine or another person's
# name (Belov, Belova; Martin, Martine), a plural, a demonym or a noun (Railways, Samoan, Stater)
WORD_ENDINGS = ("a", "e", "s", "n", "r")


class SlipIndex:
    """Words, each found again from any word one slip away without comparing it with them all: two words
    a slip apart share a form one letter shorter (the letter changed, added or swapped left out)."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self._by_form: dict[str, list[int]] = {}

    def add(self, word: str) -> None:
        for form in _shorter_forms(word.lower()):
            self._by_form.setdefault(form, []).append(len(self.words))
        self.words.append(word)

    def near(self, word: str) -> list[int]:
        """The indexes, in the order added, of the words that may be one slip from `word` (a superset:
        `one_slip` decides)."""
        return sorted({n for form in _shorter_forms(word.lower()) for n in self._by_form.get(form, ())})


def _shorter_forms(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def one_slip(a: str, b: str, *, shortest: int = 4) -> bool:
    """Whether two words differ by one slip; shorter words than `shortest` often make another name with
    one letter changed ("Li", "Lu"), and two words of different first letters are two names."""
    x, y = a.lower(), b.lower()
    if x == y or min(len(x), len(y)) < shortest or x[0] != y[0]:
        return False
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    if longer[:-1] == shorter and longer[-1] in WORD_ENDINGS:
        return False
    return bool(OSA.distance(x, y) == 1)
