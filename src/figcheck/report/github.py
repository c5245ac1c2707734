"""GitHub Actions workflow commands: one annotation per finding, shown on the article's line."""

from __future__ import annotations

from figcheck.report.context import ReportContext

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def findings_github(context: ReportContext) -> str:
    lines = []
    for finding in context.findings:
        first = finding.evidence[0] if finding.evidence else None
        where = context.location(first.doc_id, first.start) if first else {}
        end = context.location(first.doc_id, first.end) if first else {}
        properties = [f"title={_escape(f'{finding.code} {finding.slug}', property_value=True)}"]
        if where:
            properties = [
                f"file={_escape(str(where['path']), property_value=True)}",
                f"line={where['line']}",
                f"col={where['column']}",
                f"endLine={end['line']}",
                f"endColumn={end['column']}",
                *properties,
            ]
        message = finding.message + (f" Help: {finding.suggestion}" if finding.suggestion else "")
        lines.append(f"::{COMMANDS[finding.severity]} {','.join(properties)}::{_escape(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
