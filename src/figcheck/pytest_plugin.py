"""pytest plugin: the check suite as tests.

- `pytest --figcheck` (or `pytest checks/`) collects each suite file in `checks/` (`*.yaml` other than
  `*.cases.yaml`): one test item per selected rule, failing with the rule's findings as the message
  when one reaches `--figcheck-fail-on` (default `error`).
- It also collects every `*.cases.yaml` as one item per case: rule tests that sit beside the rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from figcheck.pipeline import RunResult, run
from figcheck.rules.discover import all_rules
from figcheck.rules.registry import Rule
from figcheck.rules.runner import at_or_above
from figcheck.rules.suite import read_suite, select_rules
from figcheck.testing import Case, mismatch, read_cases, run_case

CASES_SUFFIX = ".cases.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("figcheck")
    group.addoption("--figcheck", action="store_true", help="run figcheck suites and rule cases as tests")
    group.addoption(
        "--figcheck-fail-on",
        default="error",
        choices=["error", "warning", "info"],
        help="a suite's rule fails when a finding reaches this severity (default: error)",
    )


def _wanted(parent: pytest.Collector, file_path: Path) -> bool:
    return bool(parent.config.getoption("--figcheck")) or file_path.parent.name == "checks"


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if file_path.suffix != ".yaml" or not _wanted(parent, file_path):
        return None
    if file_path.name.endswith(CASES_SUFFIX):
        return CasesFile.from_parent(parent, path=file_path)
    if file_path.parent.name == "checks":
        return SuiteFile.from_parent(parent, path=file_path)
    return None


class SuiteFile(pytest.File):
    """A check suite: its collections are checked once, then each rule reports as a test."""

    @cached_property
    def result(self) -> RunResult:
        suite = read_suite(self.path)
        return run(list(suite.collections) or [self.path.parent.parent / "datasets"], suite)

    def collect(self) -> Iterator[pytest.Item]:
        suite = read_suite(self.path)
        for rule in select_rules(suite, all_rules(suite.rule_files)):
            yield SuiteRuleItem.from_parent(self, name=f"{rule.code} {rule.slug}", rule=rule)


class SuiteRuleItem(pytest.Item):
    def __init__(self, *, rule: Rule, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule

    def runtest(self) -> None:
        assert isinstance(self.parent, SuiteFile)
        found = [f for f in self.parent.result.findings if f.code == self.rule.code]
        failing = at_or_above(found, self.config.getoption("--figcheck-fail-on"))
        if failing:
            lines = [f"{f.doc_id or 'collection'}: [{f.severity}] {f.message}" for f in failing]
            raise FindingsFound(f"{len(failing)} {self.rule.slug} finding(s):\n" + "\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, FindingsFound):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.rule.code} {self.rule.slug}"


class CasesFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        rules = all_rules(sorted(self.path.parent.glob("*.py")))
        for case in read_cases(self.path):
            yield CaseItem.from_parent(self, name=case.name, case=case, rules=rules)


class CaseItem(pytest.Item):
    def __init__(self, *, case: Case, rules: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.rules = rules

    def runtest(self) -> None:
        problem = mismatch(self.case, run_case(self.case, self.rules))
        if problem is not None:
            raise CaseMismatch(problem)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseMismatch):
            return f"{self.case.rule} case {self.case.name}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"{self.case.rule}: {self.case.name}"


class CaseMismatch(Exception):
    """The findings of a case differ from what it expects."""


class FindingsFound(Exception):
    """A rule of a check suite found problems at or above the failing severity."""
