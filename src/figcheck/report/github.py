"""GitHub Actions workflow commands: one annotation per finding, shown on the article's line.

Every field is escaped for workflow commands (`report/escape.py`): a file name, a title or a message
holding a line break, `::` or `,` stays inside its own annotation.
"""

from __future__ import annotations

from figcheck.report.context import ReportContext
from figcheck.report.escape import workflow_data, workflow_property
from figcheck.report.formats import OutputFormat

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def findings_github(context: ReportContext) -> str:
    lines = []
    for finding in context.findings:
        first = finding.evidence[0] if finding.evidence else None
        where = context.where(first) if first else {}
        end = context.where(first, end=True) if first else {}
        properties = [f"title={workflow_property(f'{finding.code} {finding.slug}')}"]
        if where:
            properties = [
                f"file={workflow_property(str(where['path']))}",
                f"line={int(where['line'])}",
                f"col={int(where['column'])}",
                f"endLine={int(end['line'])}",
                f"endColumn={int(end['column'])}",
                *properties,
            ]
        message = finding.message + (f" Help: {finding.suggestion}" if finding.suggestion else "")
        lines.append(f"::{COMMANDS[finding.severity]} {','.join(properties)}::{workflow_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


FORMAT = OutputFormat("github", None, findings_github)
