"""A Markdown body -> the text it reads as, and where each run of that text sits in the file.

Headings, paragraphs, list items and quotes become one line each, as paragraphs are in a text file;
emphasis, links and inline code keep their words and lose their marks; a paragraph wrapped over several
lines is joined with spaces; raw HTML is left out. Each run of text is anchored to the file line and
column it was copied from, so a finding points into the `.md` file.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

# (body offset, file line, file column): where a run of the body text starts in the file
Anchor = tuple[int, int, int]

_PARSER = MarkdownIt("commonmark")
_WORDS = {"text": True, "code_inline": True}
_CODE_BLOCKS = ("fence", "code_block")


class _Writer:
    """The body text as it is written, each run anchored to where it was found in the Markdown."""

    def __init__(self, source: str, body_line: int) -> None:
        self.source = source
        self.body_line = body_line
        self.line_starts = [0] + [i + 1 for i, char in enumerate(source) if char == "\n"]
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[Anchor] = []
        self.cursor = 0

    def start_line(self, source_line: int) -> None:
        if self.parts:
            self._write("\n", self.cursor)
        self.cursor = self.line_starts[min(source_line, len(self.line_starts) - 1)]

    def place(self, piece: str) -> None:
        """Write `piece`, found at or after the cursor; a piece the file spells otherwise (an entity,
        an escaped mark) is found a character at a time."""
        found = self.source.find(piece, self.cursor)
        if found >= 0 and "\n" not in self.source[self.cursor : found]:
            self._write(piece, found)
            self.cursor = found + len(piece)
            return
        for char in piece:
            found = self.source.find(char, self.cursor)
            self._write(char, found if found >= 0 else self.cursor)
            self.cursor = found + 1 if found >= 0 else self.cursor

    def line_break(self, text: str) -> None:
        """A wrapped line's end, written as `text` (a space, or a line end for a hard break)."""
        found = self.source.find("\n", self.cursor)
        self._write(text, found if found >= 0 else self.cursor)
        self.cursor = found + 1 if found >= 0 else self.cursor

    def _write(self, text: str, at: int) -> None:
        row = bisect.bisect_right(self.line_starts, at) - 1
        self.anchors.append((self.length, self.body_line + row, at - self.line_starts[row] + 1))
        self.parts.append(text)
        self.length += len(text)


def markdown_text(body: str, body_line: int = 1) -> tuple[str, tuple[Anchor, ...]]:
    """The text `body` reads as, and the anchors of its runs (`body_line`: the file line of `body`'s
    first line)."""
    writer = _Writer(body, body_line)
    for token in _PARSER.parse(body):
        if token.map is None:
            continue
        if token.type == "inline":
            writer.start_line(token.map[0])
            _inline(writer, token.children or [])
        elif token.type in _CODE_BLOCKS:
            for offset, line in enumerate(token.content.rstrip("\n").split("\n")):
                writer.start_line(token.map[0] + offset + (token.type == "fence"))
                writer.place(line)
    return "".join(writer.parts), tuple(_merged(writer.anchors))


def _inline(writer: _Writer, children: Sequence[Token]) -> None:
    for child in children:
        if child.type in _WORDS:
            writer.place(child.content)
        elif child.type == "image":
            _inline(writer, child.children or [])
        elif child.type == "softbreak":
            writer.line_break(" ")
        elif child.type == "hardbreak":
            writer.line_break("\n")


def _merged(anchors: Sequence[Anchor]) -> list[Anchor]:
    """The anchors with each that continues the run before it on the same line left out."""
    kept: list[Anchor] = []
    for offset, line, column in anchors:
        if kept:
            last_offset, last_line, last_column = kept[-1]
            if line == last_line and column - last_column == offset - last_offset:
                continue
        kept.append((offset, line, column))
    return kept


def position(anchors: Sequence[Anchor], offset: int) -> tuple[int, int]:
    """File line and column of body `offset`."""
    index = max(0, bisect.bisect_right(anchors, (offset, 1 << 62, 0)) - 1)
    start, line, column = anchors[index]
    return line, column + offset - start
