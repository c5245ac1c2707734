"""`index.html`: one self-contained page (inline CSS, no network request) listing the findings."""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from figcheck.report.context import ReportContext
from figcheck.rules.registry import Evidence

CONTEXT_CHARS = 160
SEVERITY_ORDER = ("error", "warning", "info")


@dataclass(frozen=True)
class Snippet:
    """Evidence shown in its sentence: the text before, the span, the text after."""

    before: str
    span: str
    after: str
    where: str


def snippet(context: ReportContext, evidence: Evidence) -> Snippet:
    text = context.texts.get(evidence.doc_id, "")
    line_start = text.rfind("\n", 0, evidence.start) + 1
    line_end = text.find("\n", evidence.end)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, evidence.start - CONTEXT_CHARS)
    end = min(line_end, evidence.end + CONTEXT_CHARS)
    where = context.location(evidence.doc_id, evidence.start)
    return Snippet(
        before=("…" if start > line_start else "") + text[start : evidence.start],
        span=text[evidence.start : evidence.end],
        after=text[evidence.end : end] + ("…" if end < line_end else ""),
        where=f"{where['path']}:{where['line']}:{where['column']}" if where else evidence.doc_id,
    )


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("figcheck.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )


def findings_html(context: ReportContext) -> str:
    by_severity = {s: [f for f in context.findings if f.severity == s] for s in SEVERITY_ORDER}
    return _environment().get_template("index.html.j2").render(
        context=context,
        by_severity=by_severity,
        snippet=lambda e: snippet(context, e),
    )
