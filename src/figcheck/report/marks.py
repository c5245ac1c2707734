"""An article's text cut into plain and marked segments for the HTML report.

Two kinds of marks: a finding's evidence, which the reader is sent to, and the ordinary marks of what
was read (figures, periods, names, numbers not understood). Evidence wins where they overlap; an
ordinary mark inside evidence stays, nested in it, so a figure that is evidence keeps its tooltip.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from figcheck.report.context import ReportContext
from figcheck.rules.registry import Evidence
from figcheck.rules.runner import ReportedFinding
from figcheck.text.sentences import Span, paragraphs, sentence_of, sentences
from figcheck.text.spans import keep_disjoint, near

# Which ordinary mark wins where their spans overlap.
MARK_PRIORITY = {"figure": 0, "period": 1, "mention": 2, "unparsed": 3}


@dataclass(frozen=True)
class Segment:
    """A piece of an article's text: plain, or marked as evidence, figure, period, name or unparsed.

    Evidence carries the anchors findings link to (`anchors`), the findings to go back to
    (`backs`: anchor and label) and the ordinary marks inside it (`inner`)."""

    text: str
    kind: str | None = None
    start: int = 0
    end: int = 0
    tip: str = ""
    ref: str = ""
    anchors: tuple[str, ...] = ()
    backs: tuple[tuple[str, str], ...] = ()
    inner: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class Snippet:
    """Evidence shown in its sentence, each of the finding's spans in that sentence marked."""

    segments: tuple[Segment, ...]
    where: str
    target: str  # the anchor of this evidence in its article


def value_text(value: Any) -> str:
    """A table cell as people read it: no `nan`, thousands grouped, dates as YYYY-MM-DD."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3f}".rstrip("0").rstrip(".")
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def finding_anchor(finding: ReportedFinding) -> str:
    """The finding's id in the page: from its fingerprint, so a link survives edits elsewhere."""
    return f"f-{finding.fingerprint}"


def evidence_anchor(finding: ReportedFinding, index: int) -> str:
    return f"e-{finding.fingerprint}-{index}"


def marked(text: str, start: int, end: int, marks: Iterable[Segment]) -> tuple[Segment, ...]:
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


def snippet(context: ReportContext, finding: ReportedFinding, index: int) -> Snippet:
    evidence = finding.evidence[index]
    if evidence.row is not None:  # a curated figure: its row as written, the figure marked in it
        row = evidence.row
        at = row.text.find(evidence.text)
        start, end = (at, at + len(evidence.text)) if at >= 0 else (0, len(row.text))
        return Snippet(
            marked(row.text, 0, len(row.text), [Segment(row.text[start:end], "evidence", start, end)]),
            f"{row.path}:{row.line}",
            evidence_anchor(finding, index),
        )
    text = context.texts.get(evidence.doc_id, "")
    sentence = _sentence_at(text, evidence.start)
    start, end = (
        (sentence.start, max(sentence.end, evidence.end)) if sentence else (evidence.start, evidence.end)
    )
    marks = [
        Segment(e.text, "evidence", e.start, e.end)
        for e in finding.evidence
        if e.doc_id == evidence.doc_id and start <= e.start and e.end <= end
    ]
    where = context.location(evidence.doc_id, evidence.start)
    return Snippet(
        marked(text, start, end, _disjoint(marks)),
        f"{where['path']}:{where['line']}:{where['column']}" if where else evidence.doc_id,
        evidence_anchor(finding, index),
    )


@lru_cache(maxsize=8)
def _sentence_spans(text: str) -> tuple[Span, ...]:
    """The sentences of an article, read once however many findings it has."""
    return tuple(sentences(text))


def _sentence_at(text: str, offset: int) -> Span | None:
    spans = _sentence_spans(text)
    sentence = spans[sentence_of(spans, offset)] if spans else None
    return sentence if sentence is not None and sentence.start <= offset < sentence.end else None


def _disjoint(marks: Sequence[Segment]) -> list[Segment]:
    chosen: list[Segment] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if not chosen or mark.start >= chosen[-1].end:
            chosen.append(mark)
    return chosen


def figure_tip(row: dict[str, Any]) -> str:
    bounds = f"[{value_text(row['lower']) or '−∞'}, {value_text(row['upper']) or '+∞'}]"
    parts = [
        f"value {value_text(row['value']) or '—'} {bounds}",
        f"{row['qualifier']}",
        f"unit {row['unit'] or '—'}",
        f"period {value_text(row['period_start']) or '?'} → {value_text(row['period_end']) or '?'} "
        f"({row['period_scope']})",
        f"status {row['status']}",
    ]
    if value_text(row["speaker_text"]):
        parts.append(f"speaker {row['speaker_text']}")
    if value_text(row["source"]):
        parts.append(f"source {row['source']}")
    return " · ".join(parts)


def ordinary_marks(
    figures: list[dict[str, Any]], mentions: list[dict[str, Any]], tokens: list[dict[str, Any]]
) -> list[Segment]:
    """The figures, periods, names and numbers not understood of one article, none overlapping."""
    candidates: list[tuple[int, Segment]] = []
    for row in figures:
        if value_text(row.get("start")) == "":
            continue  # a curated row has no place in the text
        candidates.append(
            (
                MARK_PRIORITY["figure"],
                Segment(
                    row["text"],
                    "figure",
                    int(row["start"]),
                    int(row["end"]),
                    figure_tip(row),
                    row["figure_id"],
                ),
            )
        )
        if value_text(row.get("period_text_start")) != "":
            start, end = int(row["period_text_start"]), int(row["period_text_end"])
            tip = (
                f"{row['period_scope']}: {value_text(row['period_start'])} → {value_text(row['period_end'])}"
            )
            candidates.append(
                (MARK_PRIORITY["period"], Segment(row["period_text"], "period", start, end, tip))
            )
    for row in mentions:
        tip = " · ".join(
            x
            for x in (
                row["type"],
                value_text(row["title"]),
                value_text(row["entity_id"]),
                value_text(row["convention"]),
            )
            if x
        )
        segment = Segment(row["text"], "mention", int(row["start"]), int(row["end"]), tip, row["mention_id"])
        candidates.append((MARK_PRIORITY["mention"], segment))
    for row in tokens:
        if row["kind"] == "unparsed":
            segment = Segment(row["text"], "unparsed", int(row["start"]), int(row["end"]), "not understood")
            candidates.append((MARK_PRIORITY["unparsed"], segment))
    by_priority = (mark for _, mark in sorted(candidates, key=lambda c: (c[0], c[1].start)))
    return keep_disjoint(by_priority, lambda m: (m.start, m.end))


def _overlaps_any(mark: Segment, found: Sequence[Segment]) -> bool:
    """Whether `mark` overlaps one of `found`, evidence marks in text order that do not overlap each
    other: only the last one starting before the mark ends can (a bisection, not a scan: a one-line
    article holds every mark in one paragraph)."""
    at = bisect_left(found, mark.end, key=lambda e: e.start)
    return at > 0 and found[at - 1].end > mark.start


def _evidence_marks(
    text: str, start: int, end: int, evidence: Sequence[tuple[ReportedFinding, int, Evidence]]
) -> list[Segment]:
    """The evidence within text[start:end], overlapping spans joined: one mark, every anchor in it."""
    spans = sorted(
        (
            (max(e.start, start), min(e.end, end), f, i)
            for f, i, e in evidence
            if e.start < end and e.end > start
        ),
        key=lambda span: (span[0], span[1]),
    )
    groups: list[list[Any]] = []
    for span in spans:
        if span[0] >= span[1]:
            continue
        if groups and span[0] < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], span[1])
            groups[-1][2].append((span[2], span[3]))
        else:
            groups.append([span[0], span[1], [(span[2], span[3])]])
    marks = []
    for first, last, members in groups:
        backs = {finding_anchor(f): f"{f.code} {f.slug}" for f, _ in members}
        marks.append(
            Segment(
                text[first:last],
                "evidence",
                first,
                last,
                anchors=tuple(evidence_anchor(f, i) for f, i in members),
                backs=tuple(backs.items()),
            )
        )
    return marks


def article_paragraphs(
    text: str, ordinary: Sequence[Segment], evidence: Sequence[tuple[ReportedFinding, int, Evidence]]
) -> list[tuple[Segment, ...]]:
    """An article's paragraphs, each cut into segments: evidence marks first, ordinary marks around and
    inside them."""
    out = []
    # both kinds of marks in text order, so that each paragraph takes its own by bisection: a long
    # article costs time in proportion to its marks, not to marks times paragraphs
    ordinary = sorted(ordinary, key=lambda m: m.start)
    starts = [m.start for m in ordinary]
    evidence = sorted(evidence, key=lambda item: item[2].start)
    evidence_starts = [e.start for _, _, e in evidence]
    longest = max((e.end - e.start for _, _, e in evidence), default=0)
    for paragraph in paragraphs(text):
        first, last = bisect_left(starts, paragraph.start), bisect_left(starts, paragraph.end)
        inside = [m for m in ordinary[first:last] if m.end <= paragraph.end]
        close = evidence[near(evidence_starts, longest, paragraph.start, paragraph.end)]
        found = _evidence_marks(text, paragraph.start, paragraph.end, close)
        inside_starts = [m.start for m in inside]
        nested = []
        for mark in found:
            lo, hi = bisect_left(inside_starts, mark.start), bisect_left(inside_starts, mark.end)
            within = [m for m in inside[lo:hi] if m.end <= mark.end]
            nested.append(
                Segment(
                    mark.text,
                    mark.kind,
                    mark.start,
                    mark.end,
                    anchors=mark.anchors,
                    backs=mark.backs,
                    inner=marked(text, mark.start, mark.end, within),
                )
            )
        free = [m for m in inside if not _overlaps_any(m, found)]
        out.append(marked(text, paragraph.start, paragraph.end, [*nested, *free]))
    return out
