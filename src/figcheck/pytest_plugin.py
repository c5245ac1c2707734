"""pytest plugin: `pytest --figcheck` collects every `*.cases.yaml` as test items, one per case.

Rules are looked up among the built-in rules and the project rules (`*.py`) beside the cases file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from figcheck.rules.discover import all_rules
from figcheck.testing import Case, mismatch, read_cases, run_case


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--figcheck", action="store_true", help="collect figcheck rule cases (*.cases.yaml)")


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.Collector | None:
    if parent.config.getoption("--figcheck") and file_path.name.endswith(".cases.yaml"):
        return CasesFile.from_parent(parent, path=file_path)
    return None


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
