"""What rules read: the validated tables as narwhals frames, and one article at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import narwhals as nw

from figcheck.rules.registry import CuratedRow, Evidence
from figcheck.tables.expectations import ExpectationOutcome


@dataclass(frozen=True)
class Tables:
    """The run's tables. Rules filter and join these lazily and collect only their hits."""

    documents: nw.LazyFrame[Any]
    figures: nw.LazyFrame[Any]
    mentions: nw.LazyFrame[Any]
    texts: Mapping[str, str]
    expectations: Sequence[ExpectationOutcome] = ()

    # Evidence already read, by table and id: only ids that rules cite, never the whole table.
    evidence_cache: dict[str, dict[str, Evidence]] = field(
        default_factory=lambda: {"figures": {}, "mentions": {}}, repr=False, compare=False
    )


@dataclass(frozen=True)
class Document:
    """One article for a document rule: its text and its own rows of the tables."""

    doc_id: str
    language: str
    text: str
    figures: Sequence[Mapping[str, Any]]
    mentions: Sequence[Mapping[str, Any]]

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(self.doc_id, start, end, self.text[start:end])


def join(
    left: nw.LazyFrame[Any],
    right: nw.LazyFrame[Any],
    on: str | Sequence[str],
    *,
    how: Literal["inner", "left"] = "inner",
    suffix: str = "_right",
) -> nw.LazyFrame[Any]:
    """`left` joined with `right` where the `on` columns are equal, alike on every engine: a row whose key
    is null matches nothing (pandas would match it with the other side's nulls), and stays only as a
    left row of a left join. Rules join with this, never with `LazyFrame.join`."""
    keys = [on] if isinstance(on, str) else list(on)
    if how == "inner":
        left = left.drop_nulls(subset=keys)
    return left.join(right.drop_nulls(subset=keys), on=keys, how=how, suffix=suffix)


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN, NaT and pd.NA are not equal to themselves
    except TypeError:
        return False


def hits_of(frame: nw.DataFrame[Any]) -> Iterator[dict[str, Any]]:
    """The rows of collected hits as dicts, with every missing value as None, whatever the engine."""
    for row in frame.iter_rows(named=True):
        yield {key: None if _missing(value) else value for key, value in row.items()}


def prefetch(tables: Tables, ids: Iterable[str], table: str = "figures") -> None:
    """Read the evidence of many figure (or mention) ids in one query; `spans` then finds them read."""
    cache = tables.evidence_cache[table]
    wanted = [i for i in dict.fromkeys(ids) if i not in cache]
    if not wanted:
        return
    id_column = "figure_id" if table == "figures" else "mention_id"
    frame = tables.figures if table == "figures" else tables.mentions
    rows = (
        frame.filter(nw.col(id_column).is_in(wanted))
        .select(id_column, "doc_id", "start", "end", "text")
        .collect()
    )
    columns = (rows[c].to_list() for c in (id_column, "doc_id", "start", "end", "text"))
    for i, doc_id, start, end, text in zip(*columns, strict=True):
        cache[i] = Evidence(doc_id, int(start), int(end), str(text))


def spans(tables: Tables, *row_ids: str, table: str = "figures") -> tuple[Evidence, ...]:
    """Evidence for figure ids (or mention ids with `table="mentions"`), in the order given."""
    prefetch(tables, row_ids, table)
    cache = tables.evidence_cache[table]
    return tuple(cache[i] for i in row_ids if i in cache)


def spans_as_written(tables: Tables, *figure_ids: str) -> tuple[Evidence, ...]:
    """Evidence for figure ids, a curated figure's with the `figures.csv` row it was read from: a finding
    about what a row says points at the row, not at the article sentence that holds the same text."""
    prefetch(tables, figure_ids)
    rows = (
        tables.figures.filter(nw.col("figure_id").is_in(list(dict.fromkeys(figure_ids))))
        .filter(~nw.col("source_path").is_null())
        .select("figure_id", "source_path", "source_line", "source_row")
        .collect()
    )
    curated = {
        hit["figure_id"]: CuratedRow(hit["source_path"], int(hit["source_line"]), hit["source_row"] or "")
        for hit in hits_of(rows)
    }
    cache = tables.evidence_cache["figures"]
    return tuple(
        replace(cache[i], row=curated[i]) if i in curated else cache[i] for i in figure_ids if i in cache
    )
