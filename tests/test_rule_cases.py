"""Every `.cases.yaml` beside a rule, built-in or in `checks/`, runs as a test."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from figcheck.errors import InputError
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Evidence
from figcheck.rules.runner import ReportedFinding
from figcheck.testing import Case, mismatch, read_cases, run_case

ROOT = Path(__file__).resolve().parents[1]
CASE_FILES = sorted((ROOT / "src" / "figcheck" / "rules").rglob("*.cases.yaml")) + sorted(
    (ROOT / "checks").glob("*.cases.yaml")
)
CASES = [case for path in CASE_FILES for case in read_cases(path)]
RULES = all_rules(sorted((ROOT / "checks").glob("*.py")))


def test_every_rule_has_cases() -> None:
    covered = {case.rule for case in CASES}
    # table expectations are tested on curated tables in test_expectations.py
    missing = [
        r.slug for r in RULES if r.slug not in covered and r.code not in covered and r.family != "table"
    ]
    assert not missing, f"rules without a .cases.yaml: {missing}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}:{c.name}")
def test_rule_case(case: Case) -> None:
    problem = mismatch(case, run_case(case, RULES))
    assert problem is None, f"{case.path.name} case {case.name}: {problem}"


def test_a_misspelled_key_in_a_cases_file_is_an_error_at_its_line(tmp_path) -> None:
    path = tmp_path / "x.cases.yaml"
    path.write_text(
        "rule: qualifier-drift\ncases:\n  a:\n    text: Hi.\n    findings:\n      - evidnce: [a]\n"
    )
    with pytest.raises(InputError) as error:
        list(read_cases(path))
    assert str(error.value).startswith(f"{path}:6:9: unknown key 'evidnce'; did you mean 'evidence'?")


def test_every_problem_of_a_cases_file_is_reported_together_in_file_order(tmp_path) -> None:
    path = tmp_path / "x.cases.yaml"
    path.write_text(
        "rule: qualifier-drift\n"
        "cases:\n"
        "  no_text:\n"
        "    published: 2026-13-01\n"
        "    findings:\n"
        "      - message: 3\n"
        "  one_article:\n"
        "    articles:\n"
        "      - {id: a, txt: Hi.}\n"
    )
    with pytest.raises(InputError) as error:
        list(read_cases(path))
    assert [(p.line, p.column, p.message) for p in error.value.problems] == [
        (3, 3, "'no_text' in 'cases' needs key 'text' or 'articles'"),
        (4, 16, "'published' in 'no_text' is '2026-13-01', not a date (YYYY-MM-DD)"),
        (6, 18, "'message' must be a string, not a whole number"),
        (9, 9, "item 1 of 'articles' in 'one_article' needs key 'text'"),
        (9, 17, "unknown key 'txt'; did you mean 'text'?"),
    ]


def test_a_cases_file_names_its_rule(tmp_path) -> None:
    path = tmp_path / "x.cases.yaml"
    path.write_text("cases: {}\n")
    with pytest.raises(InputError, match=r"x.cases.yaml:1:1: the file needs key 'rule'"):
        list(read_cases(path))


def test_dates_and_a_bare_evidence_text_are_read(tmp_path) -> None:
    path = tmp_path / "x.cases.yaml"
    path.write_text(
        "rule: qualifier-drift\ncases:\n  a:\n    text: 310 000 euros.\n    published: 2026-02-05\n"
        "    findings:\n      - evidence: 310 000 euros\n"
    )
    (case,) = read_cases(path)
    assert case.articles[0].published == dt.date(2026, 2, 5)
    finding = ReportedFinding(
        "f1",
        "FG001",
        "qualifier-drift",
        "warning",
        "figures",
        "case",
        "drift",
        (Evidence("case", 0, 13, "310 000 euros"),),
        None,
        "x",
    )
    assert mismatch(case, [finding]) is None
    other = dataclasses.replace(finding, evidence=(Evidence("case", 0, 7, "310 000"),))
    assert mismatch(case, [other]) == "expected evidence 310 000 euros, got ['310 000']"
