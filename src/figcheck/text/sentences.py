"""Paragraphs and sentences, as character spans of the body."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

# A sentence ends at . ! ? … (and any closing quotes after it, French setting a space before `»`)
# followed by space and a capital, or at a line end. Abbreviations such as "M." or "Dr." are not ends.
SENTENCE_END = regex.compile(
    r"""(?<!\b(?:M|Mme|Mr|Mrs|Ms|Dr|St|Jr|Prof|Gen|Gén|No|n°|etc|av|vs|U\.S|p))[.!?…]+"""
    r"""(?:[ \u00a0\u202f]?["»”’)])*(?=\s+["«“(]?\p{Lu})"""
)

# Longer than this, a run of text is no sentence (a table flattened to one line, a list without
# stops): it is read in pieces cut at a space, so that what is read per sentence stays bounded.
LONGEST_SENTENCE = 3000
BRACKET_REACH = 300  # characters after a stop inside brackets where they may still close


# An article is read with the language model (names, sentence structure) up to about this many
# characters (some 15,000 words), over three times the longest news article of the corpus figcheck is
# measured on; the rest with word lists only, so that one huge file costs seconds, not minutes.
DEEPEST_READ = 100_000


def piece_end(text: str, start: int, end: int) -> int:
    """Where a piece of `text` from `start` to at most `end` ends: at `end` when that is the text's end,
    else after the last line end in it, else after its last space, else at `end`."""
    if end >= len(text):
        return len(text)
    cut = text.rfind("\n", start, end)
    cut = cut if cut > start else text.rfind(" ", start, end)
    return cut + 1 if cut > start else end


def deep_read_end(text: str) -> int:
    """Where reading with the language model stops in `text`: its end, or a line end (else a space)
    before `DEEPEST_READ` characters."""
    return piece_end(text, 0, DEEPEST_READ)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_of(sentences: Sequence[Span], offset: int) -> int:
    """The index of the sentence holding `offset` (the last one for an offset past them all)."""
    index = bisect_right(sentences, offset, key=lambda span: span.start) - 1
    if index >= 0 and offset < sentences[index].end:
        return index
    return max(len(sentences) - 1, 0)


def paragraphs(text: str) -> Iterator[Span]:
    """One paragraph per non-empty line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            yield Span(left, left + len(stripped))
        start = end + 1


def paragraph_indexes(text: str, sentences: Sequence[Span]) -> list[int]:
    """The index of each sentence's paragraph."""
    starts = [p.start for p in paragraphs(text)]
    return [bisect_right(starts, sentence.start) - 1 for sentence in sentences]


def sentences(text: str) -> Iterator[Span]:
    """Sentences in reading order; none crosses a paragraph, none is longer than `LONGEST_SENTENCE`."""
    for paragraph in paragraphs(text):
        start = paragraph.start
        for match in SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
            if _inside_brackets(text, start, match.end(), paragraph.end):
                continue  # "[ source : « Titre ». Le Monde, 3 mai 2016. ]" belongs to its sentence
            yield from _pieces(text, start, match.end())
            start = match.end()
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            yield from _pieces(text, start, paragraph.end)


def _inside_brackets(text: str, start: int, at: int, end: int) -> bool:
    """Whether `at` falls inside square brackets opened in the sentence that starts at `start` and
    closed before the paragraph's `end` (and soon: a stray bracket does not swallow the paragraph)."""
    opened = text.rfind("[", start, at)
    if opened < 0 or text.rfind("]", opened, at) >= 0:
        return False
    closed = text.find("]", at, min(end, at + BRACKET_REACH))
    return closed >= 0


def _pieces(text: str, start: int, end: int) -> Iterator[Span]:
    while end - start > LONGEST_SENTENCE:
        cut = text.rfind(" ", start + 1, start + LONGEST_SENTENCE)
        cut = cut if cut > start else start + LONGEST_SENTENCE
        yield Span(start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield Span(start, end)
