"""pandas, the default engine: the tables stay the pandas frames they were validated as."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from figcheck.engines.base import Engine, EngineOptions, Natives


def from_pandas(frames: Mapping[str, pd.DataFrame], options: EngineOptions) -> Natives:
    return dict(frames)


def from_parquet(paths: Mapping[str, Path], options: EngineOptions) -> Natives:
    return {name: pd.read_parquet(path) for name, path in paths.items()}


ENGINE = Engine("pandas", (), from_pandas, from_parquet)
