"""Findings for a terminal: `path:line:col: CODE slug message`, then `help: suggestion`."""

from __future__ import annotations

from figcheck.report.context import ReportContext


def findings_text(context: ReportContext) -> str:
    lines = []
    for finding in context.findings:
        first = finding.evidence[0] if finding.evidence else None
        where = context.location(first.doc_id, first.start) if first else {}
        prefix = f"{where['path']}:{where['line']}:{where['column']}: " if where else ""
        lines.append(f"{prefix}{finding.code} {finding.slug} [{finding.severity}] {finding.message}")
        if finding.suggestion:
            lines.append(f"  help: {finding.suggestion}")
    counts = context.counts["severity"]
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info"))
    lines.append(f"{len(context.findings)} findings ({summary}) in {len(context.documents)} articles")
    return "\n".join(lines) + "\n"
