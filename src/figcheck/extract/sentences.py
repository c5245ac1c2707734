"""Paragraphs and sentences, as character spans of the body."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

# A sentence ends at . ! ? … (and any closing quotes after it) followed by space and a capital,
# or at a line end. Abbreviations such as "M." or "Dr." are not ends.
SENTENCE_END = regex.compile(
    r"""(?<!\b(?:M|Mme|Mr|Mrs|Ms|Dr|St|Jr|Prof|Gen|Gén|No|n°|etc|av|vs|U\.S|p))[.!?…]+["»”’)]*(?=\s+["«“(]?\p{Lu})"""
)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def sentence_of(sentences: Sequence[Span], offset: int) -> int:
    """The index of the sentence holding `offset` (the last one for an offset past them all)."""
    for index, span in enumerate(sentences):
        if span.start <= offset < span.end:
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


def sentences(text: str) -> Iterator[Span]:
    """Sentences in reading order; none crosses a paragraph."""
    for paragraph in paragraphs(text):
        start = paragraph.start
        for match in SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
            yield Span(start, match.end())
            start = match.end()
            while start < paragraph.end and text[start].isspace():
                start += 1
        if start < paragraph.end:
            yield Span(start, paragraph.end)
