"""Run selected rules over the tables; give every finding its code, severity and fingerprint."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from figcheck.errors import InputProblem
from figcheck.rules.registry import Evidence, Finding, Rule
from figcheck.rules.safety import DOCUMENT_RULE_SECONDS, TABLE_RULE_SECONDS, RuleError, guarded
from figcheck.rules.suite import Suite
from figcheck.rules.tables_view import Document, Tables
from figcheck.vocabulary import SEVERITY_RANK


@dataclass(frozen=True)
class ReportedFinding:
    """A finding as reported: what the rule said plus what the engine knows of the rule."""

    finding_id: str
    code: str
    slug: str
    severity: str
    family: str
    doc_id: str | None
    message: str
    evidence: tuple[Evidence, ...]
    suggestion: str | None
    fingerprint: str


def severity_of(rule: Rule, suite: Suite) -> str:
    for name in (rule.code, rule.slug, rule.family):
        if name in suite.severity:
            return suite.severity[name]
    return rule.severity


def options_of(rule: Rule, suite: Suite) -> dict[str, Any]:
    options = dict(rule.options)
    for name in (rule.family, rule.slug, rule.code):
        options.update(suite.options.get(name, {}))
    return options


def run_rules(
    rules: Sequence[Rule],
    tables: Tables,
    documents: Iterable[Document],
    suite: Suite,
    ran: Callable[[int, int], None] | None = None,
) -> list[ReportedFinding]:
    """Every finding of every rule, in rule order then document order; `ran(done, total)` after each rule."""
    documents = list(documents)

    def findings_of(rule: Rule) -> Iterable[Finding]:
        if rule.kind == "document":
            return document_findings(rule, documents, suite)
        return rule.function(tables, **options_of(rule, suite))

    return report_rules(rules, findings_of, suite, ran)


def report_rules(
    rules: Sequence[Rule],
    findings_of: Callable[[Rule], Iterable[Finding]],
    suite: Suite,
    ran: Callable[[int, int], None] | None = None,
    failures: list[InputProblem] | None = None,
) -> list[ReportedFinding]:
    """The findings `findings_of` gives for each rule, numbered and fingerprinted in rule order;
    `ran(done, total)` after each rule. A rule that fails is added to `failures` (raised without a list)
    and the others run on."""
    raw: list[tuple[Rule, Finding]] = []
    for done, rule in enumerate(rules, start=1):
        raw.extend(
            (rule, finding) for finding in guarded(rule, TABLE_RULE_SECONDS, failures, findings_of, rule)
        )
        if ran is not None:
            ran(done, len(rules))
    return number_findings(raw, suite)


def document_findings(
    rule: Rule,
    documents: Iterable[Document],
    suite: Suite,
    failures: list[InputProblem] | None = None,
    prepared: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """A document rule's findings over some articles, in their order; `prepared` holds what the rule's
    `prepare` gave for some of them, by id (it is done here for the others). Where the rule fails on an
    article (see `report_rules`), that article gives none."""
    options = options_of(rule, suite)
    ready = prepared or {}

    def on(document: Document) -> list[Finding]:
        if rule.prepare is None:
            found = list(rule.function(document, **options))
        else:
            done = (
                ready[document.doc_id]
                if document.doc_id in ready
                else rule.prepare(document.text, document.language)
            )
            found = list(rule.function(document, done, **options))
        for finding in found:
            for evidence in finding.evidence:
                _check_evidence(evidence, document)
        return found

    out: list[Finding] = []
    for document in documents:
        out.extend(guarded(rule, DOCUMENT_RULE_SECONDS, failures, on, document))
    return out


def preparations(
    rules: Sequence[Rule], articles: Sequence[tuple[str, str, str]]
) -> dict[str, dict[str, Any]]:
    """What each rule's `prepare` gives for each article (id, text, language), by rule code then id. An
    article whose preparation fails is left out: the rule prepares it again where it runs, which reports
    the failure."""
    out: dict[str, dict[str, Any]] = {}
    for rule in rules:
        if rule.prepare is None:
            continue
        done = out[rule.code] = {}
        for doc_id, text, language in articles:
            try:
                done[doc_id] = rule.prepare(text, language)
            except Exception:  # noqa: BLE001 - reported where the rule runs
                continue
    return out


def _check_evidence(evidence: Evidence, document: Document) -> None:
    if evidence.doc_id != document.doc_id:
        return
    if not 0 <= evidence.start <= evidence.end <= len(document.text):
        raise RuleError(
            f"its evidence {evidence.start}-{evidence.end} lies outside the article "
            f"({len(document.text)} characters)"
        )
    if document.text[evidence.start : evidence.end] != evidence.text:
        raise RuleError(f"its evidence at {evidence.start}-{evidence.end} is not the text it quotes")


def number_findings(raw: list[tuple[Rule, Finding]], suite: Suite) -> list[ReportedFinding]:
    seen: Counter[str] = Counter()
    reported = []
    for index, (rule, finding) in enumerate(raw, start=1):
        # Offsets move when text is edited elsewhere in an article: the fingerprint rests on the rule,
        # the article and the evidence text only, with a counter for repeats of the same problem.
        basis = "\x1f".join(
            [rule.code, finding.doc_id or "", *(f"{e.doc_id}\x1e{e.text}" for e in finding.evidence)]
        )
        seen[basis] += 1
        digest = hashlib.sha256(f"{basis}\x1d{seen[basis]}".encode()).hexdigest()[:16]
        reported.append(
            ReportedFinding(
                finding_id=f"F{index}",
                code=rule.code,
                slug=rule.slug,
                severity=severity_of(rule, suite),
                family=rule.family,
                doc_id=finding.doc_id,
                message=finding.message,
                evidence=finding.evidence,
                suggestion=finding.suggestion,
                fingerprint=digest,
            )
        )
    return reported


def at_or_above(findings: Iterable[ReportedFinding], threshold: str) -> list[ReportedFinding]:
    """Findings whose severity reaches `threshold` (`never` keeps none)."""
    if threshold == "never":
        return []
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]]
