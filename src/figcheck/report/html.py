"""`index.html`: one self-contained page (inline CSS and JS, no network request) that people read.

Summary, findings by rule and by document with their evidence in context, each article with its
figures, names, periods and unparsed numbers marked, the entities and their spellings, a table and
a chart of the figures over their periods, and the table expectations' results.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import jinja2
import pandas as pd

from figcheck.report.context import ReportContext
from figcheck.report.formats import OutputFormat
from figcheck.rules.registry import Evidence
from figcheck.rules.runner import ReportedFinding
from figcheck.text.sentences import paragraphs, sentences
from figcheck.vocabulary import SEVERITIES

CHART_WIDTH, CHART_ROW, CHART_LABEL = 760, 20, 250
# Which mark wins where spans overlap in an article's text.
MARK_PRIORITY = {"figure": 0, "period": 1, "mention": 2, "unparsed": 3}


@dataclass(frozen=True)
class Segment:
    """A piece of an article's text: plain, or marked as a figure, period, mention or unparsed token."""

    text: str
    kind: str | None = None
    start: int = 0
    end: int = 0
    tip: str = ""
    ref: str = ""


@dataclass(frozen=True)
class Snippet:
    """Evidence shown in its sentence, each of the finding's spans in that sentence marked."""

    segments: tuple[Segment, ...]
    where: str


@dataclass(frozen=True)
class Bar:
    y: int
    x: float
    width: float
    label: str
    scope: str
    tip: str


def _value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _marked(text: str, start: int, end: int, marks: Iterable[Segment]) -> tuple[Segment, ...]:
    """Split text[start:end] into plain and marked segments; marks must not overlap."""
    out: list[Segment] = []
    cursor = start
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.start < cursor or mark.end > end:
            continue
        if mark.start > cursor:
            out.append(Segment(text[cursor : mark.start]))
        out.append(mark)
        cursor = mark.end
    if cursor < end:
        out.append(Segment(text[cursor:end]))
    return tuple(out)


def snippet(context: ReportContext, finding: ReportedFinding, evidence: Evidence) -> Snippet:
    text = context.texts.get(evidence.doc_id, "")
    sentence = next((s for s in sentences(text) if s.start <= evidence.start < s.end), None)
    start, end = (
        (sentence.start, max(sentence.end, evidence.end)) if sentence else (evidence.start, evidence.end)
    )
    marks = [
        Segment(e.text, "evidence", e.start, e.end, ref=finding.finding_id)
        for e in finding.evidence
        if e.doc_id == evidence.doc_id and start <= e.start and e.end <= end
    ]
    where = context.location(evidence.doc_id, evidence.start)
    return Snippet(
        _marked(text, start, end, marks),
        f"{where['path']}:{where['line']}:{where['column']}" if where else evidence.doc_id,
    )


def _figure_tip(row: dict[str, Any]) -> str:
    bounds = f"[{_value(row['lower']) or '−∞'}, {_value(row['upper']) or '+∞'}]"
    parts = [
        f"value {_value(row['value']) or '—'} {bounds}",
        f"{row['qualifier']}",
        f"unit {row['unit'] or '—'}",
        f"period {_value(row['period_start']) or '?'} → {_value(row['period_end']) or '?'} ({row['period_scope']})",
        f"status {row['status']}",
    ]
    if _value(row["speaker_text"]):
        parts.append(f"speaker {row['speaker_text']}")
    if _value(row["source"]):
        parts.append(f"source {row['source']}")
    return " · ".join(parts)


def _document_marks(
    figures: list[dict[str, Any]], mentions: list[dict[str, Any]], tokens: list[dict[str, Any]]
) -> list[Segment]:
    candidates: list[tuple[int, Segment]] = []
    for row in figures:
        candidates.append(
            (
                MARK_PRIORITY["figure"],
                Segment(
                    row["text"],
                    "figure",
                    int(row["start"]),
                    int(row["end"]),
                    _figure_tip(row),
                    row["figure_id"],
                ),
            )
        )
        if _value(row.get("period_text_start")) != "":
            start, end = int(row["period_text_start"]), int(row["period_text_end"])
            candidates.append(
                (
                    MARK_PRIORITY["period"],
                    Segment(
                        row["period_text"],
                        "period",
                        start,
                        end,
                        f"{row['period_scope']}: {_value(row['period_start'])} → {_value(row['period_end'])}",
                    ),
                )
            )
    for row in mentions:
        tip = " · ".join(
            x
            for x in (row["type"], _value(row["title"]), _value(row["entity_id"]), _value(row["convention"]))
            if x
        )
        candidates.append(
            (
                MARK_PRIORITY["mention"],
                Segment(row["text"], "mention", int(row["start"]), int(row["end"]), tip, row["mention_id"]),
            )
        )
    for row in tokens:
        if row["kind"] == "unparsed":
            candidates.append(
                (
                    MARK_PRIORITY["unparsed"],
                    Segment(row["text"], "unparsed", int(row["start"]), int(row["end"]), "not understood"),
                )
            )
    chosen: list[Segment] = []
    for _, mark in sorted(candidates, key=lambda c: (c[0], c[1].start)):
        if all(mark.end <= other.start or other.end <= mark.start for other in chosen):
            chosen.append(mark)
    return chosen


def _chart(figures: list[dict[str, Any]]) -> tuple[list[Bar], int, str, str]:
    dated = [f for f in figures if _value(f["period_start"]) and _value(f["period_end"])]
    if not dated:
        return [], 0, "", ""
    first = min(pd.Timestamp(f["period_start"]) for f in dated)
    last = max(pd.Timestamp(f["period_end"]) for f in dated) + pd.Timedelta(days=1)
    span = max((last - first).days, 1)
    scale = (CHART_WIDTH - CHART_LABEL - 10) / span
    bars = []
    for row, figure in enumerate(dated):
        start = (pd.Timestamp(figure["period_start"]) - first).days
        days = (pd.Timestamp(figure["period_end"]) - pd.Timestamp(figure["period_start"])).days + 1
        label = f"{figure['text']} {figure['unit'] or ''}".strip()
        bars.append(
            Bar(
                row * CHART_ROW + 20,
                CHART_LABEL + start * scale,
                max(days * scale, 2.0),
                label[:38],
                figure["period_scope"],
                _figure_tip(figure),
            )
        )
    return (
        bars,
        len(dated) * CHART_ROW + 30,
        first.strftime("%Y-%m-%d"),
        (last - pd.Timedelta(days=1)).strftime("%Y-%m-%d"),
    )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return cast(list[dict[str, Any]], frame.astype(object).where(frame.notna(), None).to_dict("records"))


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def documents_view(context: ReportContext) -> Iterator[dict[str, Any]]:
    figures = _by_doc(_records(context.figures))
    mentions = _by_doc(_records(context.mentions))
    tokens = _by_doc(_records(context.tokens))
    findings = Counter(f.doc_id for f in context.findings)
    for doc in _records(context.documents):
        doc_id = doc["doc_id"]
        if context.detailed is not None and doc_id not in context.detailed:
            continue
        text = context.texts.get(doc_id, "")
        marks = _document_marks(figures[doc_id], mentions[doc_id], tokens[doc_id])
        bars, height, first, last = _chart(figures[doc_id])
        yield {
            **doc,
            "published": _value(doc["published"]),
            "row": context.row_of(doc_id),
            # only a web address is a link: a `javascript:` URL from an article must not run in the report
            "link": doc["url"] if str(doc["url"] or "").startswith(("https://", "http://")) else None,
            "findings": findings[doc_id],
            "paragraphs": [
                _marked(text, p.start, p.end, [m for m in marks if p.start <= m.start and m.end <= p.end])
                for p in paragraphs(text)
            ],
            "chart": {
                "bars": bars,
                "height": height,
                "first": first,
                "last": last,
                "width": CHART_WIDTH,
                "label": CHART_LABEL,
            },
        }


def entities_view(context: ReportContext) -> list[dict[str, Any]]:
    rows = [r for r in _records(context.mentions) if r["entity_id"] and r["refers_to"] is None]
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["entity_id"]].append(row)
    view = []
    for entity_id, group in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        spellings: dict[str, dict[str, Any]] = {}
        for row in group:
            entry = spellings.setdefault(
                row["text"], {"text": row["text"], "convention": row["convention"], "places": []}
            )
            entry["places"].append({"doc_id": row["doc_id"], "ref": row["mention_id"]})
        view.append(
            {
                "entity_id": entity_id,
                "type": group[0]["type"],
                "canonical": group[0]["canonical"],
                "spellings": list(spellings.values()),
            }
        )
    return view


def figures_view(context: ReportContext) -> list[dict[str, Any]]:
    return [
        {
            "id": row["figure_id"],
            "doc_id": row["doc_id"],
            "text": row["text"],
            "value": _value(row["value"]),
            "sort_value": row["value"] if row["value"] is not None else "",
            "lower": _value(row["lower"]),
            "upper": _value(row["upper"]),
            "qualifier": row["qualifier"],
            "unit": row["unit"] or "",
            "period": row["period_text"] or "",
            "period_start": _value(row["period_start"]),
            "period_end": _value(row["period_end"]),
            "scope": row["period_scope"],
            "status": row["status"],
            "speaker": row["speaker_text"] or "",
            "source": row["source"] or "",
            "origin": row["origin"],
        }
        for row in _records(context.figures)
    ]


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("figcheck.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def findings_html(context: ReportContext) -> str:
    findings = list(context.findings)
    by_rule: dict[str, list[ReportedFinding]] = defaultdict(list)
    by_document: dict[str, list[ReportedFinding]] = defaultdict(list)
    for finding in findings:
        by_rule[f"{finding.code} {finding.slug}"].append(finding)
        by_document[finding.doc_id or "collection"].append(finding)
    rules_by_code = {r.code: r for r in context.rules}
    return (
        _environment()
        .get_template("index.html.j2")
        .render(
            context=context,
            severities=SEVERITIES,
            by_rule=dict(sorted(by_rule.items())),
            by_document=dict(sorted(by_document.items())),
            rules_by_code=rules_by_code,
            snippet=lambda f, e: snippet(context, f, e),
            documents=list(documents_view(context)),
            entities=entities_view(context),
            figures=figures_view(context),
            new_fingerprints={f.fingerprint for f in context.baseline.new} if context.baseline else set(),
        )
    )


FORMAT = OutputFormat("html", "index.html", findings_html)
