"""What rules read: the validated tables as narwhals frames, and one article at a time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import narwhals as nw

from figcheck.rules.registry import Evidence
from figcheck.tables.expectations import ExpectationOutcome


@dataclass(frozen=True)
class Tables:
    """The run's tables. Rules filter and join these lazily and collect only their hits."""

    documents: nw.LazyFrame[Any]
    figures: nw.LazyFrame[Any]
    mentions: nw.LazyFrame[Any]
    texts: Mapping[str, str]
    expectations: Sequence[ExpectationOutcome] = ()

    @cached_property
    def evidence_index(self) -> dict[str, dict[str, Evidence]]:
        """Evidence of every figure and mention by id, read once, for rules that report many hits."""
        index: dict[str, dict[str, Evidence]] = {}
        for table, frame, id_column in (("figures", self.figures, "figure_id"),
                                        ("mentions", self.mentions, "mention_id")):
            rows = frame.select(id_column, "doc_id", "start", "end", "text").collect()
            ids, docs, starts, ends, texts = (rows[c].to_list() for c in (id_column, "doc_id", "start", "end", "text"))
            index[table] = {
                i: Evidence(d, int(s), int(e), str(t)) for i, d, s, e, t in zip(ids, docs, starts, ends, texts,
                                                                            strict=True)
            }
        return index


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


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(value != value)  # NaN, NaT and pd.NA are not equal to themselves
    except TypeError:
        return False


def hits_of(frame: nw.DataFrame[Any]) -> Iterator[dict[str, Any]]:
    """The rows of collected hits as dicts, with every missing value as None, whatever the engine."""
    for row in frame.iter_rows(named=True):
        yield {key: None if _missing(value) else value for key, value in row.items()}


def spans(tables: Tables, *row_ids: str, table: str = "figures") -> tuple[Evidence, ...]:
    """Evidence for figure ids (or mention ids with `table="mentions"`), in the order given."""
    index = tables.evidence_index[table]
    return tuple(index[i] for i in row_ids if i in index)
