"""Article tables -> `Article` records: one row of `articles.jsonl`, `articles.csv` or `articles.parquet`
is one article, as if it were a file.

A table is first scanned for where each row starts (its line and byte offset; a Parquet row is its
number), then rows are read a batch at a time, so a large table is never held whole. The columns of each
field are named in the collection's `columns.yaml` (`text: body`), by default after the field. A problem
names the table, the row's line (a Parquet table's row number) and the column:
`articles.csv:42: published is '2026-13-01', not a date (YYYY-MM-DD)`.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from figcheck.errors import InputError, InputProblem
from figcheck.load.articles import Article, article_of, checked_metadata
from figcheck.load.files import decode_line, json_data, named_twice, no_character, read_text, yaml_data

TABLES = ("articles.jsonl", "articles.csv", "articles.parquet")
FIELDS = ("id", "text", "title", "url", "published", "language", "outlet")
COLUMNS_FILE = "columns.yaml"
# Parquet rows are read this many at a time; the chunks read last are kept for the report's look-ups
CHUNK_ROWS = 256

# (field, column) pairs: which column of a table holds each field
Columns = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class TableRow:
    """Where one row of an article table starts."""

    row: int  # 1-based, data rows only
    line: int  # the file line where it starts; a Parquet table's row number
    offset: int = 0  # byte offset of a JSONL or CSV row


def table_columns(collection: Path, problems: list[InputProblem]) -> Columns:
    """Each field's column: the collection's `columns.yaml`, then the field's own name."""
    path = collection / COLUMNS_FILE
    named: dict[str, str] = {}
    if path.is_file():
        try:
            content = read_text(path)
            data = yaml_data(path, content) or {}
        except InputError as error:
            problems.extend(error.problems)
            content, data = "", {}
        lines = content.split("\n")
        for field, column in data.items() if isinstance(data, dict) else ():
            line = next((i + 1 for i, text in enumerate(lines) if text.startswith(f"{field}:")), None)
            if field not in FIELDS or not isinstance(column, str | int) or isinstance(column, bool):
                message = f"'{field}: {column}' is not a field and its column; fields: {', '.join(FIELDS)}"
                problems.append(InputProblem(path, line, message, None, lines[line - 1] if line else None))
            else:
                named[str(field)] = str(column)
        if not isinstance(data, dict):
            problems.append(InputProblem(path, 1, "expected 'field: column' lines, such as 'text: body'"))
    return tuple((field, named.get(field, field)) for field in FIELDS)


def table_rows(path: Path, columns: Columns, problems: list[InputProblem]) -> Iterator[TableRow]:
    """Where each row of the table at `path` starts; what keeps the table from being read (not UTF-8,
    not Parquet, no text column) is added to `problems`."""
    try:
        if path.suffix == ".parquet":
            yield from _parquet_rows(path, columns)
        elif path.suffix == ".csv":
            yield from _csv_rows(path, columns)
        else:
            yield from _jsonl_rows(path)
    except InputError as error:
        problems.extend(error.problems)


def read_rows(
    path: Path, rows: Sequence[TableRow], columns: Columns, collection: str
) -> Iterator[tuple[Article | None, list[InputProblem]]]:
    """The article of each of `rows` of the table at `path`, in order, with what is wrong with it."""
    for row, record in zip(rows, _records(path, rows), strict=True):
        problems: list[InputProblem] = []
        if isinstance(record, InputProblem):
            yield None, [record]
            continue
        article = _article(path, row, record, dict(columns), collection, problems)
        yield article, problems


def _article(
    path: Path,
    row: TableRow,
    record: Mapping[str, Any],
    columns: Mapping[str, str],
    collection: str,
    problems: list[InputProblem],
) -> Article | None:
    def problem_at(field: str, message: str) -> InputProblem:
        return InputProblem(path, row.line, f"{columns.get(field, field)} is {message}")

    text = record.get(columns["text"])
    if not isinstance(text, str) or not text.strip():
        shown = "empty" if text is None or text == "" or isinstance(text, str) else f"{text!r}, not text"
        problems.append(problem_at("text", f"{shown}; each row needs its article's text"))
    elif (wrong := no_character(text)) is not None:
        problems.append(problem_at("text", wrong))
    doc_id = record.get(columns["id"]) if columns["id"] in record else f"{path.stem}-{row.row}"
    if doc_id is None or not str(doc_id).strip():
        problems.append(problem_at("id", "empty; give each row an id, or leave the column out"))
    header = {field: _value(record.get(column)) for field, column in columns.items() if field != "text"}
    for field, value in header.items():
        if isinstance(value, dict | list):
            problems.append(problem_at(field, f"{json.dumps(value, default=str)[:40]}, not one value"))
    header = {field: value for field, value in header.items() if value is not None}
    header["id"] = doc_id
    mapped = set(columns.values())
    extra = {str(k): _value(v) for k, v in record.items() if k not in mapped and _value(v) is not None}
    meta = checked_metadata({**extra, **header}, problem_at, problems)
    if meta is None or problems:
        return None
    assert isinstance(text, str)
    body = text.replace("\r\n", "\n").replace("\r", "\n")
    return article_of(meta, body, path, collection, row.line, str(doc_id), row=row.row)


def _value(value: Any) -> Any:
    """A cell as metadata: empty cells and nulls are no value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value


def _records(path: Path, rows: Sequence[TableRow]) -> Iterator[Mapping[str, Any] | InputProblem]:
    if path.suffix == ".parquet":
        for row in rows:
            yield _parquet_chunk(path, _stamp(path), (row.row - 1) // CHUNK_ROWS)[(row.row - 1) % CHUNK_ROWS]
        return
    with path.open("rb") as file:
        header = _csv_header(path, _stamp(path)) if path.suffix == ".csv" else ()
        for row in rows:
            file.seek(row.offset)
            try:
                yield _csv_record(path, row, file, header) if header else _jsonl_record(path, row, file)
            except InputError as error:  # a line that is not UTF-8
                yield error.problems[0]


# ---- JSON Lines


def _jsonl_rows(path: Path) -> Iterator[TableRow]:
    row = 0
    for line, offset, text in _lines(path):
        if text.strip():
            row += 1
            yield TableRow(row, line, offset)


def _jsonl_record(path: Path, row: TableRow, file: BinaryIO) -> Mapping[str, Any] | InputProblem:
    text = decode_line(path, row.line, file.readline())
    try:
        record = json_data(path, text)
    except InputError as error:
        wrong = error.problems[0]
        return InputProblem(path, row.line, wrong.message, wrong.column, text[:120])
    if not isinstance(record, dict):
        return InputProblem(path, row.line, 'expected an object {"text": ...} on each line', None, text[:120])
    return record


# ---- CSV


def _csv_rows(path: Path, columns: Columns) -> Iterator[TableRow]:
    positions: list[tuple[int, int]] = []
    reader = csv.reader(_tracked(_lines(path), positions), strict=True)
    try:
        _check_header(path, next(reader, []), columns)
        row = 0
        start = len(positions)
        for cells in reader:
            if cells:  # a blank line is no row
                row += 1
                line, offset = positions[start]
                yield TableRow(row, line, offset)
            start = len(positions)
    except csv.Error as error:
        raise InputError(path, reader.line_num, f"not valid CSV: {error}") from None


def _tracked(lines: Iterable[tuple[int, int, str]], positions: list[tuple[int, int]]) -> Iterator[str]:
    """The text of `lines`, each line's (line, offset) added to `positions` as the CSV reader takes it."""
    for line, offset, text in lines:
        positions.append((line, offset))
        yield text


def _check_header(path: Path, header: Sequence[str], columns: Columns) -> None:
    twice = named_twice(header)
    if twice:
        raise InputError(path, 1, f"{twice} is given twice; name each column once")
    named = dict(columns)
    if named["text"] not in header:
        raise InputError(
            path,
            1,
            f"no column '{named['text']}' for the article text; its columns are {', '.join(header) or 'none'}"
            f" (name the text column in {COLUMNS_FILE}: 'text: <column>')",
        )


@functools.lru_cache(maxsize=8)
def _csv_header(path: Path, stamp: tuple[int, int]) -> tuple[str, ...]:
    with path.open("rb") as file:
        return tuple(next(csv.reader(decode_line(path, 1, line) for line in file)))


def _csv_record(
    path: Path, row: TableRow, file: BinaryIO, header: Sequence[str]
) -> Mapping[str, Any] | InputProblem:
    lines = (decode_line(path, row.line + n, raw) for n, raw in enumerate(file))
    try:
        cells = next(csv.reader(lines, strict=True))
    except csv.Error as error:
        return InputProblem(path, row.line, f"not valid CSV: {error}")
    if len(cells) != len(header):
        return InputProblem(
            path, row.line, f"has {len(cells)} fields, the header {len(header)}; quote fields holding commas"
        )
    return dict(zip(header, cells, strict=True))


# ---- Parquet


def _parquet_rows(path: Path, columns: Columns) -> Iterator[TableRow]:
    import pyarrow.parquet as pq  # loaded for Parquet tables only

    try:
        table = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises several kinds for a file that is not Parquet
        raise InputError(path, None, f"not a Parquet file: {error}") from None
    _check_header(path, table.schema_arrow.names, columns)
    for number in range(1, table.metadata.num_rows + 1):
        yield TableRow(number, number)


@functools.lru_cache(maxsize=4)
def _parquet_chunk(path: Path, stamp: tuple[int, int], chunk: int) -> list[dict[str, Any]]:
    """Rows `chunk * CHUNK_ROWS` onwards, read from the row groups that hold them only."""
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path)
    first, start, groups = chunk * CHUNK_ROWS, 0, []
    group_start = None
    for group in range(table.num_row_groups):
        size = table.metadata.row_group(group).num_rows
        if start + size > first and start < first + CHUNK_ROWS:
            groups.append(group)
            group_start = start if group_start is None else group_start
        start += size
    rows: list[dict[str, Any]] = []
    position = group_start or 0
    for batch in table.iter_batches(batch_size=CHUNK_ROWS, row_groups=groups):
        wanted = batch.slice(max(0, first - position), CHUNK_ROWS - len(rows))
        position += batch.num_rows
        if position > first:
            rows.extend(wanted.to_pylist())
        if len(rows) >= CHUNK_ROWS:
            break
    return rows


# ---- text tables, read a line at a time


def _stamp(path: Path) -> tuple[int, int]:
    """What tells a table changed since it was cached: its modification time and size."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size


def _lines(path: Path) -> Iterator[tuple[int, int, str]]:
    """(line, byte offset, text) of each line of `path`, decoded as UTF-8."""
    try:
        file = path.open("rb")
    except OSError as error:
        raise InputError(path, None, f"cannot be read: {error.strerror or error}") from None
    with file:
        offset = 0
        for line, raw in enumerate(file, start=1):
            yield line, offset, decode_line(path, line, raw)
            offset += len(raw)
