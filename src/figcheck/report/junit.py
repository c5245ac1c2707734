"""JUnit XML: one test suite per collection, one test case per rule; findings make a case fail.

Every name, attribute and text goes through `xml_text` (`report/escape.py`): characters XML 1.0 cannot
hold (most control characters, lone surrogates) are written as visible escapes, so the file always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from figcheck.report.context import ReportContext
from figcheck.report.escape import xml_text
from figcheck.report.formats import OutputFormat
from figcheck.rules.runner import ReportedFinding
from figcheck.vocabulary import SEVERITY_RANK


def _failing(context: ReportContext, finding: ReportedFinding) -> bool:
    if context.fail_on == "never":
        return False
    if context.baseline is not None and context.baseline.state(finding) == "unchanged":
        return False
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[context.fail_on]


def _describe(context: ReportContext, finding: ReportedFinding) -> str:
    first = finding.evidence[0] if finding.evidence else None
    where = context.where(first) if first else {}
    prefix = f"{where['path']}:{where['line']}:{where['column']}: " if where else ""
    return xml_text(f"{prefix}{finding.code} {finding.slug} [{finding.severity}] {finding.message}")


def findings_junit(context: ReportContext) -> str:
    by_collection: dict[str, dict[str, list[ReportedFinding]]] = defaultdict(lambda: defaultdict(list))
    for finding in context.findings:
        by_collection[context.collection_of(finding)][finding.code].append(finding)
    collections = sorted({str(c) for c in context.documents["collection"]} | set(by_collection))
    root = ET.Element("testsuites", name=xml_text(f"figcheck {context.suite_name}"))
    total_tests = total_failures = 0
    for collection in collections:
        suite = ET.SubElement(root, "testsuite", name=xml_text(collection))
        tests = failures = 0
        for rule in sorted(context.rules, key=lambda r: r.code):
            found = by_collection[collection].get(rule.code, [])
            case = ET.SubElement(
                suite,
                "testcase",
                classname=xml_text(f"figcheck.{collection}"),
                name=xml_text(f"{rule.code} {rule.slug}"),
            )
            tests += 1
            failing = [f for f in found if _failing(context, f)]
            if failing:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=xml_text(rule.slug),
                    message=xml_text(f"{len(failing)} {rule.slug} finding(s)"),
                )
                failure.text = "\n".join(_describe(context, f) for f in failing)
            elif found:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(_describe(context, f) for f in found)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


FORMAT = OutputFormat("junit", "junit.xml", findings_junit)
