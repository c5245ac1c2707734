"""Write report files all or nothing: render everything first, then move it into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_all(out: Path, files: Mapping[str, str]) -> list[Path]:
    """Write `files` (name -> content) into `out`; a failure leaves `out` as it was."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(dir=out, prefix=".figcheck-") as staging:
        for name, content in files.items():
            (Path(staging) / name).write_text(content, encoding="utf-8")
        for name in files:
            os.replace(Path(staging) / name, out / name)
            written.append(out / name)
    return written
