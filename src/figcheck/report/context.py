"""Everything a report shows, gathered once for every output format."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from typing import Any, cast

import pandas as pd

from figcheck.report.baseline import Comparison
from figcheck.report.locate import Anchored, LineIndex, TableRow, positions_of
from figcheck.rules.registry import Evidence, Rule
from figcheck.rules.runner import ReportedFinding
from figcheck.tables.expectations import ExpectationOutcome


def figcheck_version() -> str:
    try:
        return version("figcheck")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class ReportContext:
    suite_name: str
    collections: list[str]
    findings: Sequence[ReportedFinding]
    documents: pd.DataFrame
    texts: Mapping[str, str]
    started: float
    seconds: float
    figures: pd.DataFrame = field(default_factory=pd.DataFrame)
    mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    tokens: pd.DataFrame = field(default_factory=pd.DataFrame)
    rules: Sequence[Rule] = ()
    expectations: Sequence[ExpectationOutcome] = ()
    baseline: Comparison | None = None
    fail_on: str = "error"
    # the suite file the run read; None: the built-in default suite
    suite_path: str | None = None
    version: str = field(default_factory=figcheck_version)
    # articles shown whole, with their figures and names; None: every article
    detailed: frozenset[str] | None = None
    _line_indexes: dict[str, LineIndex | Anchored | TableRow] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def documents_by_id(self) -> dict[str, dict[str, Any]]:
        records = cast(list[dict[str, Any]], self.documents.to_dict("records"))
        return {row["doc_id"]: row for row in records}

    def _line_index(self, doc_id: str) -> LineIndex | Anchored | TableRow:
        # built for the articles a report locates, not for all: a long run's texts are read when needed
        if doc_id not in self._line_indexes:
            document = self.documents_by_id[doc_id]
            row, source_map = self.row_of(doc_id), str(document.get("source_map") or "")
            text = "" if row is not None or source_map else self.texts[doc_id]
            self._line_indexes[doc_id] = positions_of(int(document["body_line"]), row, source_map, text)
        return self._line_indexes[doc_id]

    def row_of(self, doc_id: str) -> int | None:
        """The row of the article table holding the article; None for an article file."""
        row = self.documents_by_id[doc_id].get("row")
        return None if row is None or pd.isna(row) else int(row)

    def location(self, doc_id: str, offset: int) -> dict[str, Any]:
        """`path`, `line` and `column` of an offset of an article body; a table row's article is located
        at its row (`row`), a Markdown file's at the file's own line and column."""
        if doc_id not in self.documents_by_id:
            return {}
        line, column = self._line_index(doc_id).position(offset)
        where = {"path": self.documents_by_id[doc_id]["path"], "line": line, "column": column}
        row = self.row_of(doc_id)
        return where if row is None else {**where, "row": row}

    def where(self, evidence: Evidence, *, end: bool = False) -> dict[str, Any]:
        """`path`, `line` and `column` where evidence starts (or, with `end`, ends): a curated row's in
        its `figures.csv`, any other in its article's file."""
        row = evidence.row
        if row is not None:
            return {"path": row.path, "line": row.line, "column": len(row.text) + 1 if end else 1}
        return self.location(evidence.doc_id, evidence.end if end else evidence.start)

    def collection_of(self, finding: ReportedFinding) -> str:
        doc_id = finding.doc_id or (finding.evidence[0].doc_id if finding.evidence else None)
        row = self.documents_by_id.get(doc_id or "")
        return str(row["collection"]) if row else "collection"

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        return {
            "severity": dict(Counter(f.severity for f in self.findings)),
            "family": dict(Counter(f.family for f in self.findings)),
            "rule": dict(Counter(f.slug for f in self.findings)),
        }

    @property
    def unparsed_count(self) -> int:
        return int(self.documents["unparsed_tokens"].sum()) if len(self.documents) else 0

    @property
    def started_at(self) -> str:
        return dt.datetime.fromtimestamp(self.started, tz=dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
