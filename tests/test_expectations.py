"""The Great Expectations suite in checks/ runs on the figures table and failures become findings."""

import json
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

from figcheck.errors import InputError
from figcheck.pipeline import run
from figcheck.rules.suite import read_suite
from figcheck.tables.expectations import read_expectations, schema_expectations, validate_frame
from figcheck.tables.schemas import Documents, Figures, Findings, Mentions, Tokens
from tests.conftest import EXPECTATIONS, EXPECTATIONS_SUITE
from tests.test_schemas import frame

ARTICLE = (
    "---\nid: a\npublished: 2026-02-05\nlanguage: fr\n---\nL'armée a reçu 2 000 000 munitions en 2026.\n"
)
HEADER = "doc_id,text,value,qualifier,unit,statement_date\n"


@pytest.fixture
def suite(make_suite):
    return read_suite(make_suite(EXPECTATIONS_SUITE, expectations=True))


def test_the_shipped_suite_loads_every_expectation() -> None:
    spec = read_expectations(EXPECTATIONS)
    raw = json.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    assert len(spec.expectations) == len(raw["expectations"]) >= 6


def test_implausible_value_and_late_statement_date_are_findings(make_collection, suite) -> None:
    folder = make_collection(
        {"a.txt": ARTICLE}, HEADER + "a,2 000 000,20000000000,exact,munitions,2026-02-09\n"
    )
    result = run([folder], suite)
    failed = {o.type: o for o in result.expectations if not o.success}
    assert set(failed) == {
        "expect_column_values_to_be_between",
        "expect_column_pair_values_a_to_be_greater_than_b",
    }
    assert all(f.family == "table" and f.evidence[0].text == "2 000 000" for f in result.findings)
    assert len(result.findings) == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_expectations_give_the_same_outcomes_here_and_in_a_process_beside(
    make_collection, suite, jobs
) -> None:
    folder = make_collection(
        {"a.txt": ARTICLE}, HEADER + "a,2 000 000,20000000000,exact,munitions,2026-02-09\n"
    )
    alone = run([folder], suite, jobs=1)
    assert run([folder], suite, jobs=jobs).expectations == alone.expectations != ()


def test_an_expectation_gx_rejects_stops_the_run_with_its_suite_named(
    make_collection, make_suite, tmp_path
) -> None:
    spec = tmp_path / "odd.expectations.json"
    spec.write_text(
        json.dumps(
            {"name": "odd", "expectations": [{"type": "expect_column_values_to_be_purple", "kwargs": {}}]}
        ),
        encoding="utf-8",
    )
    odd = read_suite(make_suite(EXPECTATIONS_SUITE.replace(EXPECTATIONS.name, str(spec)), expectations=True))
    folder = make_collection({"a.txt": ARTICLE})
    for jobs in (1, 2):  # GX run here, or in a process beside: one error, naming the suite
        with pytest.raises(InputError, match=r"odd.expectations.json: GX kept 0 of 1 expectations"):
            run([folder], odd, jobs=jobs)


def test_plausible_curated_figure_passes(make_collection, suite) -> None:
    folder = make_collection(
        {"a.txt": ARTICLE},
        "doc_id,text,value,qualifier,unit,statement_date,period_start,period_end,period_scope\n"
        "a,2 000 000,2000000,exact,munitions,2026-02-04,2026-01-01,2026-12-31,whole_year\n",
    )
    result = run([folder], suite)
    assert result.expectations and all(o.success for o in result.expectations)
    assert result.findings == ()


def test_broken_suite_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x",\n "expectations": [}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json:2:\d+: not valid JSON"):
        read_expectations(path)


def test_pandera_models_and_gx_suites_come_from_one_description() -> None:
    for model in (Documents, Figures, Mentions, Tokens, Findings):
        spec = schema_expectations(model)
        columns = model.to_schema().columns
        required = [n for n, c in columns.items() if not c.nullable]
        kinds = {(e["type"], e["kwargs"]["column"]) for e in spec.expectations}
        assert {("expect_column_values_to_not_be_null", n) for n in required} <= kinds
        id_column = next(iter(columns))
        good = validate_frame(model.validate(frame(model)), spec, id_column=id_column)
        assert all(o.success for o in good), model.__name__
    bad = pd.concat(
        [frame(Figures), frame(Figures, figure_id="a#2", qualifier="roughly", sentence=-1)], ignore_index=True
    )
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        Figures.validate(bad, lazy=True)
    pandera_failed = set(caught.value.failure_cases["column"].dropna())
    gx_failed = {
        o.kwargs["column"]
        for o in validate_frame(bad, schema_expectations(Figures), "figure_id")
        if not o.success
    }
    assert pandera_failed == gx_failed == {"qualifier", "sentence"}


def test_the_figures_suite_knows_every_scope_extraction_gives() -> None:
    import json
    from pathlib import Path

    from figcheck.vocabulary import SCOPES

    suite = json.loads(
        (Path(__file__).parents[1] / "checks" / "figures.expectations.json").read_text("utf-8")
    )
    [scopes] = [
        e["kwargs"]["value_set"]
        for e in suite["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"]["column"] == "period_scope"
    ]
    assert set(scopes) == set(SCOPES)
