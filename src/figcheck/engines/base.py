"""What every engine is: an `Engine` turns the validated tables into its own lazy frames, which narwhals
wraps; `EngineOptions` are the run's settings for it; `EngineUnavailable` says what it lacks."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from figcheck.tables.expectations import ExpectationOutcome, ExpectationSuiteSpec

EXTRAS = {"polars": "scale", "duckdb": "scale", "pyarrow": "scale", "pyspark": "spark"}


class EngineUnavailable(RuntimeError):
    """The chosen engine's package, or the runtime it needs, is not installed."""

    def __init__(self, engine: str, package: str, message: str | None = None) -> None:
        extra = EXTRAS.get(package, "scale")
        super().__init__(
            message
            or f"engine '{engine}' needs the '{package}' package; install it with pip install 'figcheck[{extra}]'"
        )
        self.engine = engine
        self.package = package


@dataclass(frozen=True)
class EngineOptions:
    """`threads`: DuckDB's thread count (Polars reads `POLARS_MAX_THREADS` when first imported);
    `master`: the Spark master URL (`local[2]`, `spark://host:7077`, `yarn`, ...)."""

    threads: int | None = None
    master: str | None = None


Natives = dict[str, Any]
# (function, jobs, options, finished) -> one result per job, in any order; `finished(count)` is called
# with the number of jobs done while they run
BatchMap = Callable[
    [Callable[[Any], Any], Sequence[Any], EngineOptions, Callable[[int], None]], Iterator[Any]
]
# (Parquet folders by table, suite, options) -> one outcome per expectation
TableValidator = Callable[[Mapping[str, Path], ExpectationSuiteSpec, EngineOptions], list[ExpectationOutcome]]


@dataclass(frozen=True)
class Engine:
    """How one engine turns tables into native lazy frames that narwhals wraps."""

    name: str
    # the packages it needs, its own first (then pyarrow, for the engines the tables reach as Arrow)
    packages: tuple[str, ...]
    from_pandas: Callable[[Mapping[str, pd.DataFrame], EngineOptions], Natives]
    from_parquet: Callable[[Mapping[str, Path], EngineOptions], Natives]
    # extraction spread by the engine itself; None: a process pool on this machine
    map_batches: BatchMap | None = None
    # table expectations run by the engine on whole tables; None: GX on pandas, batch by batch
    validate_tables: TableValidator | None = None
    # raises EngineUnavailable when what the engine runs on, besides packages, is missing (Spark: Java)
    check_runtime: Callable[[], None] | None = None

    @property
    def package(self) -> str | None:
        """The engine's own package; None for pandas, which figcheck always has."""
        return self.packages[0] if self.packages else None

    def available(self) -> bool:
        return self.package is None or importlib.util.find_spec(self.package) is not None

    def check(self) -> None:
        """Raise EngineUnavailable unless every package and runtime the engine needs is on this machine."""
        for package in self.packages:
            if importlib.util.find_spec(package) is None:
                raise EngineUnavailable(self.name, package)
        if self.check_runtime is not None:
            self.check_runtime()


def arrow(frame: pd.DataFrame) -> Any:
    """One Arrow copy of a table, for the engines that read Arrow without another copy."""
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


def parts(path: Path) -> str:
    """A table's Parquet files: one file, or every part in its folder."""
    return str(path / "*.parquet") if path.is_dir() else str(path)
