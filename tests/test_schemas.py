"""Every check of every table, with a passing row and a failing one."""

import datetime as dt
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pytest

from figcheck.tables.build import TableError, check_foreign_keys
from figcheck.tables.schemas import Documents, Figures, Findings, Mentions, Tokens

VALID: dict[type[pa.DataFrameModel], dict[str, Any]] = {
    Documents: {
        "doc_id": "a",
        "collection": "news",
        "path": "datasets/news/articles/a.txt",
        "row": None,
        "body_line": 1,
        "source_map": "",
        "title": None,
        "url": None,
        "outlet": None,
        "published": dt.date(2026, 2, 5),
        "language": "fr",
        "length": 120,
        "figure_tokens": 2,
        "other_tokens": 1,
        "unparsed_tokens": 0,
        "metadata": "{}",
    },
    Figures: {
        "figure_id": "a#1",
        "doc_id": "a",
        "sentence": 0,
        "start": 8,
        "end": 22,
        "text": "plus de 10 000",
        "value": 10000.0,
        "lower": 10000.0,
        "upper": None,
        "lower_inclusive": False,
        "upper_inclusive": None,
        "qualifier": "over",
        "unit": "weapons",
        "unit_text": "armes",
        "unit_kind": "count",
        "period_text": "en janvier 2026",
        "period_text_start": 40,
        "period_text_end": 55,
        "period_start": dt.date(2026, 1, 1),
        "period_end": dt.date(2026, 1, 31),
        "period_scope": "month",
        "period_anchor": "explicit",
        "status": "actual",
        "speaker_id": None,
        "speaker_text": None,
        "source": "TASS",
        "statement_date": dt.date(2026, 2, 4),
        "origin": "extracted",
        "source_path": None,
        "source_line": None,
        "source_row": None,
    },
    Mentions: {
        "mention_id": "a@1",
        "doc_id": "a",
        "start": 0,
        "end": 16,
        "text": "Andreï Beloussov",
        "type": "person",
        "title": "ministre",
        "name": "Andreï Beloussov",
        "refers_to": None,
        "convention": "french",
        "entity_id": "p:belousov",
        "canonical": None,
    },
    Tokens: {"doc_id": "a", "start": 8, "end": 14, "text": "10 000", "kind": "figure"},
    Findings: {
        "finding_id": "F1",
        "code": "QT001",
        "slug": "unbalanced-quote",
        "severity": "warning",
        "family": "quotes",
        "doc_id": "a",
        "message": "quotation closed",
        "evidence": 'a:3-4 """',
        "suggestion": None,
        "fingerprint": "0123456789abcdef",
    },
}

# (table, column, value) that each break exactly one check.
FAILING = [
    (Documents, "body_line", 0),
    (Documents, "language", "de"),
    (Documents, "length", -1),
    (Documents, "figure_tokens", -1),
    (Documents, "other_tokens", -1),
    (Documents, "unparsed_tokens", -1),
    (Documents, "doc_id", None),
    (Documents, "metadata", None),
    (Figures, "sentence", -1),
    (Figures, "start", -1),
    (Figures, "qualifier", "roughly"),
    (Figures, "period_scope", "decade"),
    (Figures, "status", "rumoured"),
    (Figures, "origin", "guessed"),
    (Figures, "text", None),
    (Mentions, "type", "animal"),
    (Mentions, "start", -1),
    (Mentions, "text", None),
    (Tokens, "kind", "number"),
    (Tokens, "start", -1),
    (Tokens, "text", None),
    (Figures, "period_text_start", -1),
    (Figures, "source_line", 0),
    (Findings, "code", "qt1"),
    (Findings, "slug", "Unbalanced_Quote"),
    (Findings, "severity", "fatal"),
    (Findings, "fingerprint", "xyz"),
    (Findings, "message", None),
]
# Row checks, each broken by changing several columns at once.
ROW_FAILING = [
    (Figures, {"start": 30, "end": 22}, "start_before_end"),
    (Figures, {"lower": 20000.0}, "bounds_hold_value"),
    (Figures, {"upper": 5000.0, "lower": None}, "bounds_hold_value"),
    (Figures, {"value": None, "lower": 30.0, "upper": 10.0}, "bounds_hold_value"),
    (Figures, {"period_start": dt.date(2026, 3, 1)}, "period_in_order"),
    (Figures, {"value": None, "lower": None, "upper": None}, "value_or_bounds"),
    (Mentions, {"start": 20}, "start_before_end"),
    (Tokens, {"start": 20}, "start_before_end"),
]


def frame(model: type[pa.DataFrameModel], **changes: Any) -> pd.DataFrame:
    return pd.DataFrame([{**VALID[model], **changes}])


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_valid_row_passes(model: type[pa.DataFrameModel]) -> None:
    assert len(model.validate(frame(model))) == 1


@pytest.mark.parametrize(("model", "column", "value"), FAILING, ids=lambda x: getattr(x, "__name__", str(x)))
def test_field_check_fails(model: type[pa.DataFrameModel], column: str, value: Any) -> None:
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        model.validate(frame(model, **{column: value}), lazy=True)
    assert set(caught.value.failure_cases["column"].dropna()) == {column}


@pytest.mark.parametrize(
    ("model", "changes", "check"), ROW_FAILING, ids=lambda x: getattr(x, "__name__", str(x))
)
def test_row_check_fails(model: type[pa.DataFrameModel], changes: dict[str, Any], check: str) -> None:
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        model.validate(frame(model, **changes), lazy=True)
    assert set(caught.value.failure_cases["check"]) == {check}


@pytest.mark.parametrize("model", [Documents, Figures, Mentions, Findings], ids=lambda m: m.__name__)
def test_ids_are_unique(model: type[pa.DataFrameModel]) -> None:
    id_column = next(iter(model.to_schema().columns))
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        model.validate(pd.concat([frame(model), frame(model)], ignore_index=True), lazy=True)
    assert set(caught.value.failure_cases["check"]) == {"field_uniqueness"}
    assert set(caught.value.failure_cases["column"]) == {id_column}


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_tables_are_strict(model: type[pa.DataFrameModel]) -> None:
    with pytest.raises(pa.errors.SchemaErrors):
        model.validate(frame(model, unexpected="x"), lazy=True)


@pytest.mark.parametrize("model", list(VALID), ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[pa.DataFrameModel]) -> None:
    undocumented = [name for name, column in model.to_schema().columns.items() if not column.description]
    assert not undocumented


def test_foreign_keys_hold() -> None:
    documents, figures, mentions = frame(Documents), frame(Figures, speaker_id="a@1"), frame(Mentions)
    check_foreign_keys(documents, figures, mentions)
    with pytest.raises(TableError, match="doc_id 'b' is not in documents"):
        check_foreign_keys(documents, frame(Figures, doc_id="b"), mentions)
    with pytest.raises(TableError, match="doc_id 'b' is not in documents"):
        check_foreign_keys(documents, figures, frame(Mentions, doc_id="b"))
    with pytest.raises(TableError, match="speaker_id 'a@9' is not in mentions"):
        check_foreign_keys(documents, frame(Figures, speaker_id="a@9"), mentions)
    with pytest.raises(TableError, match="refers_to 'a@7' is not in mentions"):
        check_foreign_keys(documents, figures, frame(Mentions, refers_to="a@7"))
