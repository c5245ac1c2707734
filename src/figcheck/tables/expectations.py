"""Great Expectations suites over the figures table: the only module that imports GX.

A suite file (`checks/figures.expectations.json`) is GX's own serialization: a `name` and a list of
`expectations`, each `{"type": ..., "kwargs": {...}, "meta": {"notes": ...}}`. The figures table is
validated with the article's `published` date joined in, so expectations can compare the two.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from figcheck.errors import InputError, InputProblem
from figcheck.load.files import json_data, read_text


@dataclass(frozen=True)
class ExpectationSuiteSpec:
    name: str
    path: Path
    expectations: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation's result: which figures broke it."""

    type: str
    kwargs: Mapping[str, Any]
    notes: str
    success: bool
    element_count: int
    unexpected_count: int
    unexpected_ids: tuple[str, ...]
    missing_count: int = 0  # rows a column-map expectation skips as null

    @property
    def title(self) -> str:
        column = self.kwargs.get("column") or " vs ".join(
            str(self.kwargs[k]) for k in ("column_A", "column_B") if k in self.kwargs
        )
        condition = self.kwargs.get("row_condition")
        if isinstance(condition, Mapping):  # GX keeps a pandas condition as {"pass_through_filter": ...}
            condition = condition.get("pass_through_filter") or condition
        return f"{self.type}({column})" + (f" where {condition}" if condition else "")


def read_expectations(path: Path) -> ExpectationSuiteSpec:
    data = json_data(path, read_text(path))
    expectations = data.get("expectations") if isinstance(data, dict) else None
    if not isinstance(expectations, list) or not all(
        isinstance(e, dict) and isinstance(e.get("type"), str) and isinstance(e.get("kwargs", {}), dict)
        for e in expectations
    ):
        raise InputError(
            path, None, 'expected {"name": ..., "expectations": [{"type": ..., "kwargs": {...}}]}'
        )
    return ExpectationSuiteSpec(str(data.get("name") or path.stem), path, tuple(expectations))


# pandera column checks and the GX expectation that states the same thing
CHECK_EXPECTATIONS: Mapping[str, tuple[str, Callable[[Mapping[str, Any]], dict[str, Any]]]] = {
    "isin": ("expect_column_values_to_be_in_set", lambda s: {"value_set": list(s["allowed_values"])}),
    "greater_than_or_equal_to": (
        "expect_column_values_to_be_between",
        lambda s: {"min_value": s["min_value"]},
    ),
    "less_than_or_equal_to": ("expect_column_values_to_be_between", lambda s: {"max_value": s["max_value"]}),
    "str_matches": ("expect_column_values_to_match_regex", lambda s: {"regex": s["pattern"]}),
}


def schema_expectations(model: type[pa.DataFrameModel]) -> ExpectationSuiteSpec:
    """A table's pandera model as a GX suite: one description of the columns for both validators.

    Non-nullable columns, unique ids, allowed values, bounds and patterns carry over; row checks
    across columns (a figure's bounds hold its value) are pandera functions and stay pandera's.
    """
    expectations: list[dict[str, Any]] = []
    for name, column in model.to_schema().columns.items():
        if not column.nullable:
            expectations.append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": name}})
        if column.unique:
            expectations.append({"type": "expect_column_values_to_be_unique", "kwargs": {"column": name}})
        for check in column.checks:
            if check.name in CHECK_EXPECTATIONS:
                expectation, arguments = CHECK_EXPECTATIONS[check.name]
                expectations.append(
                    {
                        "type": expectation,
                        "kwargs": {"column": name, **arguments(check.statistics)},
                        "meta": {"notes": f"from the {model.__name__} model: {check.name}"},
                    }
                )
    return ExpectationSuiteSpec(
        f"{model.__name__} model", Path(f"<{model.__name__} model>"), tuple(expectations)
    )


# Map expectations that still compare rows with one another: checked batch by batch, they would miss
# a value repeated in two batches, or a sequence broken between them.
ACROSS_ROWS = frozenset(
    {
        "expect_column_values_to_be_unique",
        "expect_compound_columns_to_be_unique",
        "expect_multicolumn_values_to_be_unique",
        "expect_column_values_to_be_increasing",
        "expect_column_values_to_be_decreasing",
    }
)


def check_row_by_row(spec: ExpectationSuiteSpec, why: str) -> None:
    """Raise an `InputError` naming every expectation of `spec` that needs the whole table at once.

    A suite run on a table batch by batch (`merge_outcomes`) is right only for expectations that check
    each row on its own; aggregates (a column's mean, the row count) and comparisons across rows are not.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from great_expectations.exceptions.exceptions import ExpectationNotFoundError
        from great_expectations.expectations.expectation import (
            ColumnMapExpectation,
            ColumnPairMapExpectation,
            MulticolumnMapExpectation,
        )
        from great_expectations.expectations.registry import get_expectation_impl

    lines = spec.path.read_text(encoding="utf-8").splitlines() if spec.path.is_file() else []
    problems = []
    for number, expectation in enumerate(spec.expectations, start=1):
        kind = expectation["type"]
        line = _line_of(lines, kind, sum(e["type"] == kind for e in spec.expectations[:number]))
        try:
            implementation = get_expectation_impl(kind)
        except ExpectationNotFoundError:
            problems.append(InputProblem(spec.path, line, f"expectation {number}: GX has no '{kind}'"))
            continue
        row_by_row = issubclass(
            implementation, (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
        )
        if not row_by_row or kind in ACROSS_ROWS:
            message = f"expectation {number} ({kind}) checks the whole table at once, but {why}"
            problems.append(InputProblem(spec.path, line, message))
    if problems:
        raise InputError.collected(problems)


def _line_of(lines: Sequence[str], kind: str, occurrence: int) -> int | None:
    """The line of the `occurrence`-th mention of `kind` in the suite file."""
    seen = 0
    for number, line in enumerate(lines, start=1):
        seen += f'"{kind}"' in line
        if seen == occurrence:
            return number
    return None


def load_validator() -> None:
    """Import Great Expectations, which takes seconds: in a process that validates later."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations  # noqa: F401


def validate_frame(
    frame: Any, spec: ExpectationSuiteSpec, id_column: str, datasource: str = "pandas"
) -> list[ExpectationOutcome]:
    """Run every expectation of `spec` on a table; failing rows are named by `id_column`.

    `frame` is a pandas DataFrame, or with `datasource="spark"` a Spark DataFrame (GX's Spark datasource).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx
        from great_expectations.core import ExpectationSuite
        from great_expectations.data_context.types.base import ProgressBarsConfig
        from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        try:
            configurations = [
                ExpectationConfiguration(type=e["type"], kwargs=e.get("kwargs", {}), meta=e.get("meta", {}))
                for e in spec.expectations
            ]
            suite = ExpectationSuite(name=spec.name, expectations=configurations)
        except Exception as error:  # GX rejects unknown types and arguments with many exception classes
            raise InputError(spec.path, None, f"GX cannot read this suite: {error}") from None
        if len(suite.expectations) != len(spec.expectations):
            raise InputError(
                spec.path,
                None,
                f"GX kept {len(suite.expectations)} of {len(spec.expectations)} "
                "expectations; check their types",
            )
        batch = (
            getattr(context.data_sources, f"add_{datasource}")("figcheck")
            .add_dataframe_asset("table")
            .add_batch_definition_whole_dataframe("all")
            .get_batch(batch_parameters={"dataframe": frame})
        )
        result = batch.validate(
            suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [id_column]}
        )
    return [_outcome(r, id_column) for r in result.results]


def figures_batch(figures: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    published = documents[["doc_id", "published"]]
    return figures.merge(published, on="doc_id", how="left")


def validate_figures(
    figures: pd.DataFrame, documents: pd.DataFrame, spec: ExpectationSuiteSpec
) -> list[ExpectationOutcome]:
    """Run every expectation of `spec` on the figures table; one outcome per expectation, in order."""
    return validate_frame(figures_batch(figures, documents), spec, id_column="figure_id")


def _outcome(result: Any, id_column: str) -> ExpectationOutcome:
    config = result.expectation_config
    details: Mapping[str, Any] = result.result or {}
    # sorted: engines that spread a table over partitions return failing rows in any order
    ids = tuple(
        sorted(str(r[id_column]) for r in details.get("unexpected_index_list") or () if id_column in r)
    )
    return ExpectationOutcome(
        type=config.type,
        kwargs={k: v for k, v in config.kwargs.items() if k != "batch_id"},
        notes=str((config.meta or {}).get("notes", "")),
        success=bool(result.success),
        element_count=int(details.get("element_count") or 0),
        unexpected_count=int(details.get("unexpected_count") or 0),
        unexpected_ids=ids,
        missing_count=int(details.get("missing_count") or 0),
    )


def merge_outcomes(parts: Sequence[Sequence[ExpectationOutcome]]) -> list[ExpectationOutcome]:
    """The outcomes of one suite over a whole table, from its outcomes over each batch of rows.

    Every expectation here checks rows one at a time, so counts add up; `mostly` is then applied to the
    rows checked in all batches, as on the whole table.
    """
    parts = [part for part in parts if part]
    if len(parts) == 1:
        return list(parts[0])
    merged = []
    for same in zip(*parts, strict=True):
        element = sum(o.element_count for o in same)
        missing = sum(o.missing_count for o in same)
        unexpected = sum(o.unexpected_count for o in same)
        checked = element - missing
        mostly = float(same[0].kwargs.get("mostly", 1.0))
        success = checked == 0 or (checked - unexpected) / checked >= mostly
        ids = tuple(sorted(i for o in same for i in o.unexpected_ids))
        merged.append(
            replace(
                same[0],
                success=success,
                element_count=element,
                unexpected_count=unexpected,
                unexpected_ids=ids,
                missing_count=missing,
            )
        )
    return merged
