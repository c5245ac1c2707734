"""Character offsets of an article body -> line and column of its file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


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
