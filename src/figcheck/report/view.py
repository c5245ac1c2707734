"""What `index.html` shows, worked out before any HTML is written: the verdict, the findings in the
order a reader takes them with what to do about each, the filters' choices, and the articles.

At corpus size the page stays light: only the articles with findings are shown whole, with their
figures and names; the others are listed with their counts, and long tables stop at a cap with a note
saying how many rows are left out and which command gives them all.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, cast

import pandas as pd

from figcheck.report.baseline import baseline_entry
from figcheck.report.charts import Chart, chart
from figcheck.report.context import ReportContext
from figcheck.report.marks import (
    Segment,
    Snippet,
    article_paragraphs,
    finding_anchor,
    ordinary_marks,
    snippet,
    value_text,
)
from figcheck.rules.registry import Evidence, Rule
from figcheck.rules.runner import ReportedFinding, at_or_above
from figcheck.text.spans import SortedSpans, sorted_spans
from figcheck.vocabulary import SEVERITIES, SEVERITY_RANK

# Caps on what one page holds; findings.json and `figcheck extract` give every row.
MAX_CARDS = 500
MAX_LISTED_ARTICLES = 1000
MAX_FIGURE_ROWS = 1000
MAX_ENTITIES = 300
MAX_PLACES = 8
# more articles shown whole than this, or more rows in a list than LONG_LIST, and they start closed:
# a closed article costs the browser no layout, and a link to its evidence opens it
OPEN_ARTICLES = 10
LONG_LIST = 50
# front matter keys shown as an article's provenance, besides its url and outlet
PROVENANCE = ("licence", "license", "licence_url", "license_url", "attribution", "source")


@dataclass(frozen=True)
class Verdict:
    passed: bool
    headline: str
    detail: str


@dataclass(frozen=True)
class Card:
    """One finding as the report shows it, with what to do about it."""

    finding: ReportedFinding
    anchor: str
    article: str  # the article's id, or "collection" for a finding about several
    title: str
    language: str
    collection: str
    new: bool | None  # None: the run has no baseline
    snippets: tuple[Snippet, ...]
    accept: str  # the baseline entry that accepts this finding
    ignore_yaml: str
    severity_yaml: str  # "" when the severity cannot go lower
    docs: str  # docs/rules.md anchor of a built-in rule, else ""


def records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    if frame is None or frame.empty:
        return []
    return cast(list[dict[str, Any]], frame.astype(object).where(frame.notna(), None).to_dict("records"))


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def verdict(context: ReportContext) -> Verdict:
    """Would this run pass CI at its `--fail-on`, counting only new findings against a baseline."""
    comparison = context.baseline
    counted = list(comparison.new) if comparison is not None else list(context.findings)
    against = (
        f" Against the baseline: {len(comparison.new)} new, {len(comparison.unchanged)} accepted, "
        f"{len(comparison.fixed)} fixed."
        if comparison is not None
        else ""
    )
    if context.fail_on == "never":
        detail = f"With --fail-on never no finding fails the run; {len(context.findings)} reported."
        return Verdict(True, "Passes: --fail-on never", detail + against)
    level = context.fail_on if context.fail_on == "error" else f"{context.fail_on} or above"
    new = "new " if comparison is not None else ""
    failing = at_or_above(counted, context.fail_on)
    if failing:
        return Verdict(
            False,
            f"Fails at --fail-on {context.fail_on}",
            f"{len(failing)} {new}finding{'s' if len(failing) != 1 else ''} at {level}; "
            f"the run exits with status 1.{against}",
        )
    return Verdict(True, f"Passes at --fail-on {context.fail_on}", f"No {new}finding at {level}.{against}")


def ordered(findings: Sequence[ReportedFinding]) -> list[ReportedFinding]:
    """Most severe first, then by article and place in it, then by rule."""

    def key(f: ReportedFinding) -> tuple[Any, ...]:
        first = f.evidence[0].start if f.evidence else 0
        return (-SEVERITY_RANK[f.severity], f.doc_id is None, f.doc_id or "", first, f.code)

    return sorted(findings, key=key)


def lower_severity(severity: str) -> str | None:
    index = SEVERITIES.index(severity)
    return SEVERITIES[index + 1] if index + 1 < len(SEVERITIES) else None


def rule_docs(rule: Rule | None) -> str:
    """Where a built-in rule is documented; project rules are documented by `figcheck rules --suite`."""
    if rule is None or not rule.function.__module__.startswith("figcheck.rules."):
        return ""
    return f"docs/rules.md#{rule.code.lower()}-{rule.slug}"


def cards(context: ReportContext) -> list[Card]:
    rules = {r.code: r for r in context.rules}
    new = {f.fingerprint for f in context.baseline.new} if context.baseline else None
    out = []
    for finding in ordered(context.findings)[:MAX_CARDS]:
        doc_id = finding.doc_id or (finding.evidence[0].doc_id if finding.evidence else "")
        doc = context.documents_by_id.get(doc_id, {})
        lower = lower_severity(finding.severity)
        out.append(
            Card(
                finding,
                finding_anchor(finding),
                finding.doc_id or "collection",
                (value_text(doc.get("title")) or doc_id) if finding.doc_id else "several articles",
                value_text(doc.get("language")),
                value_text(doc.get("collection")),
                None if new is None else finding.fingerprint in new,
                tuple(snippet(context, finding, i) for i in range(len(finding.evidence))),
                json.dumps(baseline_entry(finding), ensure_ascii=False, indent=2),
                f"ignore:\n  - {finding.slug}",
                f"severity:\n  {finding.slug}: {lower}" if lower else "",
                rule_docs(rules.get(finding.code)),
            )
        )
    return out


def facets(shown: Sequence[Card], findings: Sequence[ReportedFinding]) -> dict[str, list[tuple[str, int]]]:
    """Each filter's choices with the number of findings for each."""

    def counted(values: list[str]) -> list[tuple[str, int]]:
        return sorted(Counter(v for v in values if v).items())

    by_severity = Counter(f.severity for f in findings)
    return {
        "severity": [(s, by_severity[s]) for s in SEVERITIES if by_severity[s]],
        "rule": counted([f"{c.finding.code} {c.finding.slug}" for c in shown]),
        "family": counted([c.finding.family for c in shown]),
        "language": counted([c.language for c in shown]),
        "collection": counted([c.collection for c in shown]),
        "article": counted([c.article for c in shown]),
    }


def detailed_ids(context: ReportContext) -> frozenset[str]:
    """The articles shown whole: those a finding is about or quotes."""
    if context.detailed is not None:
        return context.detailed
    return frozenset(
        {f.doc_id for f in context.findings if f.doc_id}
        | {e.doc_id for f in context.findings for e in f.evidence}
    )


def provenance(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Where an article comes from, as its front matter says: url, outlet, licence, attribution."""
    try:
        extra = json.loads(doc.get("metadata") or "{}")
    except ValueError:
        extra = {}
    pairs = [("url", doc.get("url")), ("outlet", doc.get("outlet"))]
    pairs += [(key, extra.get(key)) for key in PROVENANCE]
    return [(key, str(value)) for key, value in pairs if isinstance(value, str | int | float) and value != ""]


def documents_view(context: ReportContext, shown: frozenset[str]) -> Iterator[dict[str, Any]]:
    """The articles shown whole, in the order of the documents table."""
    figures = _by_doc(records(context.figures))
    mentions = _by_doc(records(context.mentions))
    tokens = _by_doc(records(context.tokens))
    evidence: dict[str, list[tuple[ReportedFinding, int, Evidence]]] = defaultdict(list)
    for finding in context.findings:
        for index, e in enumerate(finding.evidence):
            evidence[e.doc_id].append((finding, index, e))
    findings = Counter(f.doc_id for f in context.findings)
    for doc in records(context.documents):
        doc_id = doc["doc_id"]
        if doc_id not in shown:
            continue
        text = context.texts.get(doc_id, "")
        found = evidence[doc_id]
        found_ids = _touched(figures[doc_id], sorted_spans(list({(e.start, e.end) for _, _, e in found})))
        paragraphs: list[tuple[Segment, ...]] = article_paragraphs(
            text, ordinary_marks(figures[doc_id], mentions[doc_id], tokens[doc_id]), found
        )
        the_chart: Chart = chart(figures[doc_id], found_ids)
        yield {
            **doc,
            "published": value_text(doc["published"]),
            "row": context.row_of(doc_id),
            "findings": findings[doc_id],
            "provenance": provenance(doc),
            "paragraphs": paragraphs,
            "chart": the_chart,
        }


def listed_articles(context: ReportContext, shown: frozenset[str]) -> list[dict[str, Any]]:
    """The articles not shown whole, with their counts."""
    listed = []
    for doc in records(context.documents):
        if doc["doc_id"] in shown:
            continue
        listed.append(
            {**doc, "published": value_text(doc["published"]), "row": context.row_of(doc["doc_id"])}
        )
    return listed


def entities_view(context: ReportContext, shown: frozenset[str]) -> list[dict[str, Any]]:
    rows = [r for r in records(context.mentions) if r["entity_id"] and r["refers_to"] is None]
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["doc_id"] in shown:
            grouped[row["entity_id"]].append(row)
    view = []
    for entity_id, group in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        spellings: dict[str, dict[str, Any]] = {}
        for row in group:
            entry = spellings.setdefault(
                row["text"], {"text": row["text"], "convention": row["convention"], "places": []}
            )
            if row["doc_id"] not in entry["places"]:
                entry["places"].append(row["doc_id"])
        view.append(
            {
                "entity_id": entity_id,
                "type": group[0]["type"],
                "canonical": group[0]["canonical"],
                "spellings": list(spellings.values()),
            }
        )
    return view


def figures_view(context: ReportContext, shown: frozenset[str]) -> list[dict[str, Any]]:
    return [
        {
            "id": row["figure_id"],
            "doc_id": row["doc_id"],
            "text": row["text"],
            "value": value_text(row["value"]),
            "sort_value": row["value"] if row["value"] is not None else "",
            "lower": value_text(row["lower"]),
            "upper": value_text(row["upper"]),
            "qualifier": row["qualifier"],
            "unit": row["unit"] or "",
            "period": row["period_text"] or "",
            "period_start": value_text(row["period_start"]),
            "period_end": value_text(row["period_end"]),
            "scope": row["period_scope"],
            "status": row["status"],
            "speaker": row["speaker_text"] or "",
            "source": row["source"] or "",
            "origin": row["origin"],
        }
        for row in records(context.figures)
        if row["doc_id"] in shown
    ]


def _touched(figures: list[dict[str, Any]], evidence: SortedSpans) -> set[str]:
    """The ids of the figures that some evidence span overlaps (a curated row has no place in the text)."""
    return {
        f["figure_id"]
        for f in figures
        if value_text(f.get("start")) != "" and evidence.touch(int(f["start"]), int(f["end"]))
    }
