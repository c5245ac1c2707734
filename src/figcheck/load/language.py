"""Which of figcheck's languages an article is written in, when its front matter does not say."""

from __future__ import annotations

import regex

SUPPORTED_LANGUAGES = ("fr", "en")

# The most frequent function words of each language: a few dozen of them decide any news paragraph.
FUNCTION_WORDS = {
    "fr": frozenset(
        "le la les des du de un une et est sont dans pour par sur avec qui que ne pas au aux ce cette "
        "il elle ils ont été a selon plus mais ou leur lors entre sous après".split()
    ),
    "en": frozenset(
        "the of and to in is are was were for on with that by from this it its as at an be has have "
        "had not but which who their after said".split()
    ),
}
WORD = regex.compile(r"\p{L}+")


def detect_language(text: str) -> str:
    """The supported language whose function words are most frequent in `text`; French on a tie."""
    counts = dict.fromkeys(SUPPORTED_LANGUAGES, 0)
    for match in WORD.finditer(text.lower()):
        word = match.group()
        for language, words in FUNCTION_WORDS.items():
            if word in words:
                counts[language] += 1
    return max(SUPPORTED_LANGUAGES, key=lambda language: counts[language])
