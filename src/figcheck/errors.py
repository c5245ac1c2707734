"""Errors about the user's input: they name the file and line, and the CLI exits with status 2."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHOWN_VALUE = 80  # characters of a value quoted in a message
SHOWN_LINE = 200  # characters of the line shown under a message


def shortened(text: object, most: int = SHOWN_VALUE) -> str:
    """`text` as a message quotes it: a value of 200,000 digits is shown by its start."""
    text = str(text)
    return text if len(text) <= most else text[:most] + f"… ({len(text):,} characters)"


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with one input file, located as precisely as the reader can."""

    path: Path
    line: int | None
    message: str
    column: int | None = None
    source_line: str | None = None

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.source_line is not None:
            text += f"\n    {shortened(self.source_line.rstrip(), SHOWN_LINE)}"
        return text


class InputError(Exception):
    """Bad input: one or more problems, every one collected before stopping."""

    def __init__(
        self,
        path: Path | str,
        line: int | None,
        message: str,
        source_line: str | None = None,
        column: int | None = None,
    ) -> None:
        problem = InputProblem(Path(path), line, message, column, source_line)
        super().__init__(str(problem))
        self.problems: tuple[InputProblem, ...] = (problem,)

    def __reduce__(self) -> tuple[Any, tuple[list[InputProblem]]]:
        # rebuilt from its problems when it travels between processes
        return (InputError.collected, (list(self.problems),))

    @classmethod
    def collected(cls, problems: list[InputProblem]) -> InputError:
        """One error carrying every problem found, in the order they were found."""
        first = problems[0]
        error = cls(first.path, first.line, first.message, first.source_line, first.column)
        error.problems = tuple(problems)
        error.args = ("\n".join(str(p) for p in problems),)
        return error
