"""`pytest --figcheck` in a project: a suite's rules and its rule cases run as test items."""

import subprocess
import sys
from pathlib import Path

import pytest

CLEAN = "« Tout va bien », a-t-il dit.\n"
STRAY_QUOTE = 'Le ministre a dit " que tout allait bien.\n'


def project(tmp_path: Path, article: str) -> Path:
    (tmp_path / "datasets" / "news" / "articles").mkdir(parents=True)
    (tmp_path / "datasets" / "news" / "articles" / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "checks").mkdir()
    (tmp_path / "checks" / "quotes.yaml").write_text(
        "collections: [../datasets]\nselect: [unbalanced-quote]\nseverity: {unbalanced-quote: error}\n",
        encoding="utf-8",
    )
    (tmp_path / "checks" / "quotes.cases.yaml").write_text(
        "rule: unbalanced-quote\ncases:\n"
        "  stray_quote:\n    text: 'Il a dit \" bonjour.'\n    findings:\n      - evidence: ['\"']\n"
        "  balanced:\n    text: « Bonjour », a-t-il dit.\n    findings: []\n",
        encoding="utf-8",
    )
    return tmp_path


def pytest_in(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--figcheck", "-p", "no:cacheprovider", "-q", "checks"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.slow
def test_suite_rules_and_cases_pass_on_a_clean_collection(tmp_path: Path) -> None:
    result = pytest_in(project(tmp_path, CLEAN))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


@pytest.mark.slow
def test_a_finding_at_the_failing_severity_fails_its_rule_item(tmp_path: Path) -> None:
    result = pytest_in(project(tmp_path, STRAY_QUOTE))
    assert result.returncode == 1
    assert "1 failed, 2 passed" in result.stdout
    assert "unbalanced-quote finding(s)" in result.stdout
