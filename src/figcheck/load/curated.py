"""`figures.csv`: figures curated by hand, in the figures table's columns.

Every bad row is reported with its file and line; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from figcheck.errors import InputError, InputProblem, shortened
from figcheck.load.articles import Article
from figcheck.load.files import named_twice, read_text
from figcheck.vocabulary import FIRST_DATE, LAST_DATE

REQUIRED_COLUMNS = ("doc_id", "text", "value", "qualifier", "unit")


def _number(text: str) -> float:
    value = float(text.replace("\u202f", "").replace("\u00a0", "").replace(" ", ""))
    if not math.isfinite(value):  # "inf", "nan", "-1e400": no figure is infinite
        raise ValueError(text)
    return value


def _flag(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValueError(f"'{text}' is not true or false")


def _integer(text: str) -> int:
    return int(text)


def _date(text: str) -> dt.date:
    day = dt.date.fromisoformat(text)
    if not FIRST_DATE <= day <= LAST_DATE:  # the tables hold days of these years only
        raise ValueError(text)
    return day


# How each accepted column is read; an empty cell is null.
COLUMN_READERS: Mapping[str, Callable[[str], Any]] = {
    "doc_id": str,
    "sentence": _integer,
    "start": _integer,
    "end": _integer,
    "text": str,
    "value": _number,
    "lower": _number,
    "upper": _number,
    "lower_inclusive": _flag,
    "upper_inclusive": _flag,
    "qualifier": str,
    "unit": str,
    "unit_text": str,
    "unit_kind": str,
    "period_text": str,
    "period_start": _date,
    "period_end": _date,
    "period_scope": str,
    "status": str,
    "speaker_id": str,
    "speaker_text": str,
    "source": str,
    "statement_date": _date,
}
READER_NAMES: Mapping[Callable[[str], Any], str] = {
    _number: "a number",
    _integer: "a whole number",
    _flag: "true or false",
    _date: f"a date (YYYY-MM-DD) from {FIRST_DATE.year} to {LAST_DATE.year}",
}


def read_curated_figures(
    path: Path, articles: Mapping[str, Article], problems: list[InputProblem]
) -> list[dict[str, Any]]:
    """Rows of `path` as dicts of typed values, located in their article's body."""
    try:
        lines = read_text(path).split("\n")
        rows = _rows(path, lines)
    except InputError as error:
        problems.extend(error.problems)
        return []
    if not rows or not rows[0][1]:
        problems.append(InputProblem(path, 1, f"no header line; start with {','.join(REQUIRED_COLUMNS)}"))
        return []
    header = [name.strip() for name in rows[0][1]]
    unknown = [name for name in header if name not in COLUMN_READERS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    twice = named_twice(header)
    if unknown or missing or twice:
        what = [f"{twice} given twice"] if twice else []
        if unknown:
            what.append(f"unknown column {', '.join(repr(n) for n in unknown)}")
        if missing:
            what.append(f"missing column {', '.join(repr(n) for n in missing)}")
        problems.append(
            InputProblem(
                path, 1, f"{'; '.join(what)}; columns are {', '.join(COLUMN_READERS)}", None, lines[0]
            )
        )
        return []
    figures = []
    for number, cells in rows[1:]:
        if not cells or not any(cell.strip() for cell in cells):
            continue
        source_line = lines[number - 1]
        if len(cells) != len(header):
            problems.append(
                InputProblem(
                    path,
                    number,
                    f"{len(cells)} cells for {len(header)} columns; give every column, empty if unknown",
                    None,
                    source_line,
                )
            )
            continue
        row = _read_row(path, number, header, cells, source_line, problems)
        if row is not None and _locate(path, number, row, articles, source_line, problems):
            row["_source"] = (path, number, source_line)  # so later checks can name the line
            figures.append(row)
    return figures


def _rows(path: Path, lines: list[str]) -> list[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on: a quoted cell may run over several lines."""
    reader = csv.reader(lines)
    rows = []
    first = 1
    try:
        for cells in reader:
            rows.append((first, cells))
            first = reader.line_num + 1
    except csv.Error as error:  # a record the reader cannot take
        raise InputError(path, reader.line_num, f"not valid CSV: {error}") from None
    return rows


def _read_row(
    path: Path,
    number: int,
    header: list[str],
    cells: list[str],
    source_line: str,
    problems: list[InputProblem],
) -> dict[str, Any] | None:
    row: dict[str, Any] = {}
    ok = True
    for column, (name, cell) in enumerate(zip(header, cells, strict=True), start=1):
        if not cell.strip():
            row[name] = None
            continue
        reader = COLUMN_READERS[name]
        try:
            row[name] = reader(cell.strip()) if reader is not str else cell
        except ValueError:
            problems.append(
                InputProblem(
                    path,
                    number,
                    f"column '{name}' is '{shortened(cell)}', not {READER_NAMES[reader]}",
                    column,
                    source_line,
                )
            )
            ok = False
    for name in REQUIRED_COLUMNS:
        if ok and row.get(name) is None and name != "value":
            problems.append(
                InputProblem(path, number, f"column '{name}' is empty; it is required", None, source_line)
            )
            ok = False
    return row if ok else None


def _locate(
    path: Path,
    number: int,
    row: dict[str, Any],
    articles: Mapping[str, Article],
    source_line: str,
    problems: list[InputProblem],
) -> bool:
    article = articles.get(row["doc_id"])
    if article is None:
        problems.append(
            InputProblem(
                path,
                number,
                f"doc_id '{row['doc_id']}' is not an article of this collection",
                None,
                source_line,
            )
        )
        return False
    if row.get("start") is None:
        start = article.text.find(row["text"])
        if start < 0:
            problems.append(
                InputProblem(
                    path,
                    number,
                    f"text '{row['text']}' is not in article '{row['doc_id']}'; "
                    "copy the span exactly or give start and end",
                    None,
                    source_line,
                )
            )
            return False
        row["start"], row["end"] = start, start + len(row["text"])
    elif article.text[row["start"] : row["end"] or row["start"]] != row["text"]:
        problems.append(
            InputProblem(
                path,
                number,
                f"start-end {row['start']}-{row['end']} do not hold "
                f"'{row['text']}' in article '{row['doc_id']}'",
                None,
                source_line,
            )
        )
        return False
    return True
