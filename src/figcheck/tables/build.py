"""Rows from loading and extraction -> validated pandas tables."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

import pandas as pd
import pandera.pandas as pa

from figcheck.errors import InputError, InputProblem
from figcheck.load.articles import Article
from figcheck.tables.schemas import (
    DOCUMENT_COLUMNS,
    FIGURE_COLUMNS,
    MENTION_COLUMNS,
    TOKEN_COLUMNS,
    Documents,
    Figures,
    Mentions,
    Tokens,
)
from figcheck.text.names.rows import NameKey, name_key, spelling_convention

FIGURE_DEFAULTS: dict[str, Any] = {"period_scope": "unspecified", "status": "unspecified", "sentence": 0}
CURATED_SOURCE = "_source"


class TableError(Exception):
    """A table broke one of its invariants; the message lists each failing row and check."""


class NumberToken(Protocol):
    """A number-like token of an article, as the tokens table reads it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...


class Extraction(Protocol):
    """One article's rows, as extraction hands them over (`figcheck.extract.article.ArticleExtraction`)."""

    @property
    def doc_id(self) -> str: ...
    @property
    def figures(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def mentions(self) -> Sequence[Mapping[str, Any]]: ...
    @property
    def tokens(self) -> Sequence[NumberToken]: ...
    @property
    def token_counts(self) -> Mapping[str, int]: ...


def _storable(name: str) -> str:
    """A file or folder name as text a table can hold: a byte of a name that is not UTF-8 written as its
    escape (`bad\\xe9.txt`)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def documents_frame(articles: Sequence[Article], extractions: Sequence[Extraction]) -> pd.DataFrame:
    counts = {e.doc_id: e.token_counts for e in extractions}
    rows = [
        {
            "doc_id": a.doc_id,
            "collection": _storable(a.collection),
            "path": _storable(str(a.path)),
            "row": a.row,
            "body_line": a.body_line,
            "source_map": json.dumps(a.anchors, separators=(",", ":")) if a.anchors else "",
            "title": a.title,
            "url": a.url,
            "outlet": a.outlet,
            "published": a.published,
            "language": a.language,
            "length": len(a.text),
            "figure_tokens": counts.get(a.doc_id, {}).get("figure", 0),
            "other_tokens": counts.get(a.doc_id, {}).get("other", 0),
            "unparsed_tokens": counts.get(a.doc_id, {}).get("unparsed", 0),
            "metadata": json.dumps(dict(a.metadata), ensure_ascii=False, default=str, sort_keys=True),
        }
        for a in articles
    ]
    return validate(pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS)), Documents, "documents")


def figures_frame(
    extractions: Sequence[Extraction],
    curated: Sequence[dict[str, Any]],
    unit_kind: Callable[[str | None], str | None] = lambda unit: None,
) -> pd.DataFrame:
    """Extracted then curated figures; curated rows that break a check are reported at their line. A
    curated row without a `unit_kind` takes its unit's kind from the run's lexicon (`unit_kind`)."""
    rows: list[dict[str, Any]] = []
    for extraction in extractions:
        for number, row in enumerate(extraction.figures, start=1):
            rows.append(
                {
                    **FIGURE_DEFAULTS,
                    **row,
                    "figure_id": f"{extraction.doc_id}#{number}",
                    "origin": "extracted",
                }
            )
    sources: list[tuple[Path, int, str]] = []
    per_doc: dict[str, int] = {}
    for row in curated:
        per_doc[row["doc_id"]] = per_doc.get(row["doc_id"], 0) + 1
        values = {k: v for k, v in row.items() if k != CURATED_SOURCE and v is not None}
        values.setdefault("unit_kind", unit_kind(values.get("unit")))
        path, line, source_row = row[CURATED_SOURCE]
        rows.append(
            {
                **FIGURE_DEFAULTS,
                **values,
                "figure_id": f"{row['doc_id']}#c{per_doc[row['doc_id']]}",
                "origin": "curated",
                "source_path": str(path),
                "source_line": line,
                "source_row": source_row,
            }
        )
        sources.append(row[CURATED_SOURCE])
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    if sources:
        curated_frame = frame[frame["origin"] == "curated"].reset_index(drop=True)
        _validate_curated(curated_frame, sources)
    return validate(frame, Figures, "figures")


def _mention_rows(extractions: Sequence[Extraction]) -> list[dict[str, Any]]:
    return [
        {**row, "mention_id": f"{e.doc_id}@{number}", "doc_id": e.doc_id}
        for e in extractions
        for number, row in enumerate(e.mentions, start=1)
    ]


def unresolved_mentions_frame(extractions: Sequence[Extraction]) -> pd.DataFrame:
    """Mentions of some articles, before entities are resolved over the whole collection."""
    rows = [{**row, "convention": spelling_convention(row)} for row in _mention_rows(extractions)]
    return validate(pd.DataFrame(rows, columns=list(MENTION_COLUMNS)), Mentions, "mentions")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with None for every missing cell (pandas gives NaN, which is truthy)."""
    return cast(list[dict[str, Any]], frame.astype(object).where(frame.notna(), None).to_dict("records"))


def name_counts(mentions: pd.DataFrame) -> Counter[NameKey]:
    """How often each name of `mentions` occurs, as entity resolution counts them."""
    return Counter(key for row in _records(mentions) if (key := name_key(row)) is not None)


def with_entities(
    mentions: pd.DataFrame,
    entities: Mapping[NameKey, tuple[str, str | None]],
) -> pd.DataFrame:
    """`mentions` with the entity id and canonical spelling of each name resolved collection-wide; a
    mention without a name (a lone surname not linked to a full name) keeps the spelling convention
    extraction read, as every store keeps it."""
    records = _records(mentions)
    keys = [name_key(row) for row in records]
    resolved = [entities.get(key) if key else None for key in keys]
    entity_ids: list[Any] = [r[0] if r else None for r in resolved]
    canonicals: list[Any] = [r[1] if r else None for r in resolved]
    return validate(
        mentions.assign(entity_id=entity_ids, canonical=canonicals),
        Mentions,
        "mentions",
    )


def tokens_frame(extractions: Sequence[Extraction]) -> pd.DataFrame:
    rows = [(e.doc_id, t.start, t.end, t.text, t.kind) for e in extractions for t in e.tokens]
    return validate(pd.DataFrame(rows, columns=list(TOKEN_COLUMNS)), Tokens, "tokens")


def validate(frame: pd.DataFrame, model: type[pa.DataFrameModel], table: str) -> pd.DataFrame:
    try:
        return model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise TableError(
            f"table '{table}' breaks its checks:\n" + describe_failures(errors.failure_cases)
        ) from None


def describe_failures(failures: pd.DataFrame) -> str:
    """One line per failing row and check (row checks are reported once, not once per column)."""
    unique = failures.drop_duplicates(subset=["check", "index"])
    return "\n".join(
        f"  row {row['index']}: {row['check']}"
        + (f" ({row['column']} = {row['failure_case']!r})" if row["schema_context"] == "Column" else "")
        for _, row in unique.iterrows()
    )


def _validate_curated(frame: pd.DataFrame, sources: list[tuple[Path, int, str]]) -> None:
    try:
        Figures.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases.drop_duplicates(subset=["check", "index"])
        problems = []
        for _, failure in failures.iterrows():
            index = failure["index"]
            if index is None or pd.isna(index):
                continue
            path, line, source_line = sources[int(index)]
            what = (
                f"column '{failure['column']}' is {failure['failure_case']!r}: fails {failure['check']}"
                if failure["schema_context"] == "Column"
                else f"row fails the check {failure['check']}"
            )
            problems.append(InputProblem(path, line, what, None, source_line))
        if problems:
            raise InputError.collected(sorted(problems, key=lambda p: (str(p.path), p.line or 0))) from None


def check_foreign_keys(documents: pd.DataFrame, figures: pd.DataFrame, mentions: pd.DataFrame) -> None:
    """Every row points at an article of the run, every speaker at a mention."""
    known_docs = set(documents["doc_id"])
    broken = [
        f"figures row {i}: doc_id {d!r} is not in documents"
        for i, d in figures["doc_id"].items()
        if d not in known_docs
    ]
    broken += [
        f"mentions row {i}: doc_id {d!r} is not in documents"
        for i, d in mentions["doc_id"].items()
        if d not in known_docs
    ]
    known_mentions = set(mentions["mention_id"])
    broken += unknown_speakers(figures, known_mentions)
    broken += [
        f"mentions row {i}: refers_to {r!r} is not in mentions"
        for i, r in mentions["refers_to"].dropna().items()
        if r not in known_mentions
    ]
    if broken:
        raise TableError("foreign keys broken:\n  " + "\n  ".join(broken))


def unknown_speakers(figures: pd.DataFrame, known_mentions: Collection[str], first_row: int = 0) -> list[str]:
    """Figures whose speaker is not a mention of the run; rows counted from `first_row`."""
    return [
        f"figures row {first_row + cast(int, i)}: speaker_id {s!r} is not in mentions"
        for i, s in figures["speaker_id"].dropna().items()
        if s not in known_mentions
    ]


def check_speakers(figures: pd.DataFrame, known_mentions: Collection[str], first_row: int = 0) -> None:
    """Every speaker of `figures` (rows `first_row` on of the figures table) is a mention of the run."""
    broken = unknown_speakers(figures, known_mentions, first_row)
    if broken:
        raise TableError("foreign keys broken:\n  " + "\n  ".join(broken))


def texts_of(articles: Iterable[Article]) -> dict[str, str]:
    return {a.doc_id: a.text for a in articles}
