"""Rule docs are executable: Bad must be flagged, Good must not, and docs/rules.md must be current."""

from pathlib import Path

import pytest

from figcheck.rules.discover import all_rules
from figcheck.rules.docs import rules_markdown
from figcheck.rules.registry import Rule
from figcheck.testing import Case, example_articles, run_case

ROOT = Path(__file__).resolve().parents[1]
RULES = all_rules(sorted((ROOT / "checks").glob("*.py")))


def _example_findings(rule: Rule, section: str) -> list[str]:
    articles = example_articles(rule.sections[section], rule.source)
    case = Case(rule.slug, section, rule.source, articles, (), {})
    return [f.code for f in run_case(case, RULES)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_docstring_has_why_bad_good(rule: Rule) -> None:
    assert {"Why", "Bad", "Good"} <= set(rule.sections), f"{rule.slug}: docstring needs Why, Bad and Good"


@pytest.mark.parametrize("rule", [r for r in RULES if r.family != "table"], ids=lambda r: r.slug)
def test_bad_example_is_flagged_and_good_is_not(rule: Rule) -> None:
    assert rule.code in _example_findings(rule, "Bad")
    assert _example_findings(rule, "Good") == []


def test_docs_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(RULES), (
        "docs/rules.md is stale: run `figcheck rules --markdown > docs/rules.md`"
    )
