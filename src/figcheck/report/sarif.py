"""SARIF 2.1.0: one result per finding, located in the article file, rules described from the registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from figcheck.report.context import ReportContext
from figcheck.report.escape import uri_reference
from figcheck.report.formats import OutputFormat
from figcheck.rules.docs import rule_markdown
from figcheck.rules.registry import Rule
from figcheck.rules.runner import ReportedFinding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    why = " ".join(rule.sections.get("Why", "").split())
    return {
        "id": rule.code,
        "name": "".join(part.capitalize() for part in rule.slug.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": why or rule.summary},
        "help": {"text": rule.doc, "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"slug": rule.slug, "family": rule.family},
    }


def _artifact(path: Path) -> dict[str, str]:
    """Paths under the working directory are relative to it (`SRCROOT`), as code-scanning tools expect;
    either way a percent-encoded URI reference."""
    return uri_reference(path, Path.cwd())


def _location(context: ReportContext, finding: ReportedFinding, index: int) -> dict[str, Any]:
    evidence = finding.evidence[index]
    start = context.where(evidence)
    end = context.where(evidence, end=True)
    shown = evidence.row.text if evidence.row else evidence.text
    return {
        "physicalLocation": {
            "artifactLocation": _artifact(Path(start["path"])),
            "region": {
                "startLine": start["line"],
                "startColumn": start["column"],
                "endLine": end["line"],
                "endColumn": end["column"],
                "snippet": {"text": shown},
            },
        },
        "message": {"text": shown},
    }


def _result(context: ReportContext, finding: ReportedFinding, rule_index: dict[str, int]) -> dict[str, Any]:
    located = [i for i, e in enumerate(finding.evidence) if e.doc_id in context.documents_by_id]
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f" Help: {finding.suggestion}" if finding.suggestion else "")},
        "partialFingerprints": {"figcheck/v1": finding.fingerprint},
        "properties": {"slug": finding.slug, "family": finding.family, "doc_id": finding.doc_id},
    }
    if finding.code in rule_index:
        result["ruleIndex"] = rule_index[finding.code]
    if located:
        result["locations"] = [_location(context, finding, located[0])]
        if len(located) > 1:
            result["relatedLocations"] = [
                {**_location(context, finding, i), "id": n} for n, i in enumerate(located[1:], start=1)
            ]
    if context.baseline is not None:
        result["baselineState"] = context.baseline.state(finding)
    return result


def findings_sarif(context: ReportContext) -> str:
    rules = sorted({r.code: r for r in context.rules}.values(), key=lambda r: r.code)
    rule_index = {r.code: i for i, r in enumerate(rules)}
    run = {
        "tool": {
            "driver": {
                "name": "figcheck",
                "version": context.version,
                "informationUri": "https://pypi.org/project/figcheck/",
                "rules": [_rule_descriptor(r) for r in rules],
            }
        },
        "results": [_result(context, f, rule_index) for f in context.findings],
        "columnKind": "unicodeCodePoints",
        "properties": {"suite": context.suite_name, "collections": context.collections},
    }
    return (
        json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
        + "\n"
    )


FORMAT = OutputFormat("sarif", "findings.sarif", findings_sarif)
