"""Baselines: findings accepted once, by fingerprint, so CI fails only on new ones."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from figcheck.errors import InputError
from figcheck.load.files import json_data, read_text
from figcheck.rules.runner import ReportedFinding

BASELINE_VERSION = 1


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    code: str
    slug: str
    doc_id: str | None
    message: str


@dataclass(frozen=True)
class Comparison:
    """Findings of a run against a baseline."""

    new: tuple[ReportedFinding, ...]
    unchanged: tuple[ReportedFinding, ...]
    fixed: tuple[BaselineEntry, ...]

    def state(self, finding: ReportedFinding) -> str:
        return "unchanged" if finding in self.unchanged else "new"


def baseline_entry(finding: ReportedFinding) -> dict[str, str | None]:
    """What a baseline keeps of one finding; a finding is accepted by adding this to its `findings`."""
    return {
        "fingerprint": finding.fingerprint,
        "code": finding.code,
        "slug": finding.slug,
        "doc_id": finding.doc_id,
        "message": finding.message,
    }


def baseline_json(findings: Sequence[ReportedFinding]) -> str:
    entries = [baseline_entry(f) for f in findings]
    return (
        json.dumps({"figcheck_baseline": BASELINE_VERSION, "findings": entries}, ensure_ascii=False, indent=2)
        + "\n"
    )


def read_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    if not path.is_file():
        raise InputError(path, None, "no such baseline file; create one with 'figcheck baseline'")
    data: Any = json_data(path, read_text(path))
    if not isinstance(data, dict) or data.get("figcheck_baseline") != BASELINE_VERSION:
        raise InputError(
            path, 1, f'not a figcheck baseline (expected "figcheck_baseline": {BASELINE_VERSION})'
        )
    try:
        return tuple(
            BaselineEntry(
                str(e["fingerprint"]), str(e["code"]), str(e["slug"]), e.get("doc_id"), str(e["message"])
            )
            for e in data["findings"]
        )
    except (KeyError, TypeError):
        raise InputError(
            path, None, "each baseline finding needs fingerprint, code, slug, doc_id and message"
        ) from None


def compare(findings: Sequence[ReportedFinding], baseline: Sequence[BaselineEntry]) -> Comparison:
    accepted = {e.fingerprint for e in baseline}
    current = {f.fingerprint for f in findings}
    return Comparison(
        new=tuple(f for f in findings if f.fingerprint not in accepted),
        unchanged=tuple(f for f in findings if f.fingerprint in accepted),
        fixed=tuple(e for e in baseline if e.fingerprint not in current),
    )
