"""The sources type-check: mypy, strict, as configured in pyproject.toml (`[tool.mypy]`)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_passes() -> None:
    mypy = Path(sys.executable).parent / "mypy"
    result = subprocess.run([str(mypy)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        "run `mypy` (configured in pyproject.toml)\n" + result.stdout + result.stderr
    )
