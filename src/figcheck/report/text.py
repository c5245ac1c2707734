"""Findings for a terminal: `path:line:col: CODE slug message`, then `help: suggestion`.

Each field is made visible (`report/escape.py`): a control character, an ANSI escape or a line break
from an article or a file name is printed as `\\x1b` or `\\n`, never acted on by the terminal.
"""

from __future__ import annotations

from figcheck.report.context import ReportContext
from figcheck.report.escape import visible


def findings_text(context: ReportContext) -> str:
    lines = []
    for finding in context.findings:
        first = finding.evidence[0] if finding.evidence else None
        where = context.where(first) if first else {}
        prefix = f"{visible(where['path'])}:{where['line']}:{where['column']}: " if where else ""
        lines.append(
            f"{prefix}{visible(finding.code)} {visible(finding.slug)} [{finding.severity}] "
            f"{visible(finding.message)}"
        )
        if finding.suggestion:
            lines.append(f"  help: {visible(finding.suggestion)}")
    counts = context.counts["severity"]
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info"))
    lines.append(f"{len(context.findings)} findings ({summary}) in {len(context.documents)} articles")
    return "\n".join(lines) + "\n"
