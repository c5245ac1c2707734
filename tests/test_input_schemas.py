"""The JSON Schemas that suites and rule case files are checked against."""

import jsonschema
import pytest

from figcheck.load.schema import load_schema
from figcheck.vocabulary import SEVERITIES


@pytest.mark.parametrize("name", ["suite.schema.yaml", "cases.schema.yaml"])
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_the_suite_schema_allows_exactly_the_severities_of_the_vocabulary() -> None:
    severity = load_schema("suite.schema.yaml")["properties"]["severity"]
    assert tuple(severity["additionalProperties"]["enum"]) == SEVERITIES
