"""Character offsets of an article body -> line and column of its file."""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass

from figcheck.load.markdown import position as markdown_position


@dataclass(frozen=True)
class LineIndex:
    """Where each line of a body starts, to turn offsets into 1-based file lines and columns."""

    starts: tuple[int, ...]
    body_line: int

    @classmethod
    def of(cls, text: str, body_line: int = 1) -> LineIndex:
        starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
        return cls(tuple(starts), body_line)

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.body_line + row, offset - self.starts[row] + 1


@dataclass(frozen=True)
class Anchored:
    """Positions in a file whose body is not its text as it stands (Markdown): each run of body text is
    anchored to the file line and column it was copied from."""

    anchors: tuple[tuple[int, int, int], ...]

    def position(self, offset: int) -> tuple[int, int]:
        return markdown_position(self.anchors, offset)


@dataclass(frozen=True)
class TableRow:
    """Positions in an article table: every offset of a row's text is at the row's line."""

    line: int

    def position(self, offset: int) -> tuple[int, int]:
        return self.line, 1


def positions_of(
    body_line: int, row: int | None, source_map: str, text: str
) -> LineIndex | Anchored | TableRow:
    """How offsets of a body turn into its file's lines and columns (see the documents table's `row`,
    `body_line` and `source_map`)."""
    if row is not None:
        return TableRow(body_line)
    if source_map:
        return Anchored(tuple((int(o), int(n), int(c)) for o, n, c in json.loads(source_map)))
    return LineIndex.of(text, body_line)
