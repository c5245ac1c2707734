"""`findings.json`: every finding with its evidence, located in its file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from figcheck.report.context import ReportContext
from figcheck.report.formats import OutputFormat


def findings_json(context: ReportContext) -> str:
    return json.dumps(findings_document(context), ensure_ascii=False, indent=2) + "\n"


def findings_document(context: ReportContext) -> Mapping[str, Any]:
    return {
        "figcheck": context.version,
        "suite": context.suite_name,
        "collections": context.collections,
        "counts": context.counts,
        "findings": [
            {
                "id": f.finding_id,
                "code": f.code,
                "slug": f.slug,
                "severity": f.severity,
                "family": f.family,
                "doc_id": f.doc_id,
                "message": f.message,
                "suggestion": f.suggestion,
                "fingerprint": f.fingerprint,
                "evidence": [
                    {
                        "doc_id": e.doc_id,
                        "start": e.start,
                        "end": e.end,
                        "text": e.text,
                        **context.where(e),
                        **({"curated_row": e.row.text} if e.row else {}),
                    }
                    for e in f.evidence
                ],
            }
            for f in context.findings
        ],
    }


FORMAT = OutputFormat("json", "findings.json", findings_json)
