"""Every `.cases.yaml` beside a rule, built-in or in `checks/`, runs as a test."""

from pathlib import Path

import pytest

from figcheck.errors import InputError
from figcheck.rules.discover import all_rules
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
    assert str(error.value).startswith(
        f"{path}:6:9: unknown key 'evidnce' in a finding; did you mean 'evidence'?"
    )
