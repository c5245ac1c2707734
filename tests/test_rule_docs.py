"""Rule docs are executable: Bad must be flagged, Good must not, and docs/rules.md must be current."""

from pathlib import Path

import pytest

from figcheck.load.articles import Article
from figcheck.rules.discover import all_rules
from figcheck.rules.docs import rules_markdown
from figcheck.rules.registry import Rule
from figcheck.testing import Case, run_case

ROOT = Path(__file__).resolve().parents[1]
RULES = all_rules(sorted((ROOT / "checks").glob("*.py")))
LANGUAGE_OF_EXAMPLE = {"fr": (" le ", " la ", " de ", " des "), "en": (" the ", " of ", " and ")}


def _language(text: str) -> str:
    lowered = f" {text.lower()} "
    return max(LANGUAGE_OF_EXAMPLE, key=lambda lang: sum(lowered.count(w) for w in LANGUAGE_OF_EXAMPLE[lang]))


def _example_findings(rule: Rule, section: str) -> list[str]:
    text = rule.sections[section]
    article = Article(doc_id="example", path=rule.source, collection="docs", text=text,
                      language=_language(text), body_line=1)
    case = Case(rule.slug, section, rule.source, (article,), (), {})
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
