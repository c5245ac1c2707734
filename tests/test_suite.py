from pathlib import Path

import pytest

from figcheck.errors import InputError
from figcheck.rules.discover import all_rules, builtin_rules, project_rules
from figcheck.rules.registry import Rule
from figcheck.rules.suite import read_suite, select_rules

PROJECT_RULE = '''
from figcheck.rules import Finding, document_rule

@document_rule(code="ZZ001", slug="long-article", severity="info", family="house")
def long_article(document, *, max_chars: int = 10):
    """An article is longer than the house limit.

    Why
    ---
    Short.

    Bad
    ---
    Beaucoup trop long pour la limite.

    Good
    ----
    Court.
    """
    if len(document.text) > max_chars:
        yield Finding(document.doc_id, "too long", (document.evidence(0, 1),))
'''


@pytest.fixture
def checks(tmp_path: Path) -> Path:
    (tmp_path / "long_article.py").write_text(PROJECT_RULE, encoding="utf-8")
    return tmp_path


def write_suite(folder: Path, text: str) -> Path:
    path = folder / "suite.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def slugs(rules: list[Rule]) -> list[str]:
    return [r.slug for r in rules]


def test_project_rule_is_discovered_from_checks(checks: Path) -> None:
    (rule,) = project_rules([checks / "long_article.py"])
    assert (rule.code, rule.slug, rule.options) == ("ZZ001", "long-article", {"max_chars": 10})


def test_builtin_rules_include_unbalanced_quote() -> None:
    assert "unbalanced-quote" in slugs(builtin_rules())


BUILTIN = {r.slug for r in builtin_rules()}
NAMES = {r.slug for r in builtin_rules() if r.family == "names"}


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ("[ALL]", "[]", BUILTIN | {"long-article"}),
        ("[QT001]", "[]", {"unbalanced-quote"}),
        ("[QT]", "[]", {"unbalanced-quote"}),
        ("[PD]", "[]", {"scope-conflict", "period-arithmetic"}),
        ("[long-article]", "[]", {"long-article"}),
        ("[house]", "[]", {"long-article"}),
        ("[names]", "[NM003]", NAMES - {"name-style-drift"}),
        ("[ALL]", "[quotes, figures, periods, names, spelling, table]", {"long-article"}),
        ("[QT001, ZZ001]", "[ZZ001, unbalanced-quote]", set()),
    ],
)
def test_select_and_ignore_by_code_prefix_slug_or_family(
    checks: Path, select: str, ignore: str, expected: set
) -> None:
    suite = read_suite(write_suite(checks, f"select: {select}\nignore: {ignore}\n"))
    assert set(slugs(select_rules(suite, all_rules(suite.rule_files)))) == expected


def test_unknown_rule_gets_path_line_column_and_suggestion(checks: Path) -> None:
    suite = read_suite(write_suite(checks, "name: x\nselect:\n  - unbalanced-quot\n"))
    with pytest.raises(InputError) as caught:
        select_rules(suite, all_rules(suite.rule_files))
    assert (
        "suite.yaml:3:5: unknown rule 'unbalanced-quot' in select; did you mean 'unbalanced-quote'?"
        in str(caught.value)
    )


def test_unknown_key_and_bad_severity_are_reported_together(checks: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_suite(write_suite(checks, "selct: [ALL]\nseverity:\n  unbalanced-quote: fatal\n"))
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2
    assert messages[0].startswith(f"{checks}/suite.yaml:1:1: unknown key 'selct'; did you mean 'select'?")
    assert messages[1].startswith(
        f"{checks}/suite.yaml:3:21: 'unbalanced-quote' in 'severity' is 'fatal'; use one of error, warning, info"
    )


def test_an_unknown_key_without_a_close_match_lists_the_keys(checks: Path) -> None:
    with pytest.raises(
        InputError, match="suite.yaml:2:1: unknown key 'colour'; keys here are name, collections"
    ):
        read_suite(write_suite(checks, "name: x\ncolour: blue\n"))


def test_a_value_of_the_wrong_kind_is_located(checks: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_suite(write_suite(checks, "name: x\nselect: 3\noptions:\n  long-article: 10\n"))
    assert [str(p).split("\n")[0] for p in caught.value.problems] == [
        f"{checks}/suite.yaml:2:9: 'select' must be a string or a list, not a whole number",
        f"{checks}/suite.yaml:4:17: 'long-article' in 'options' must be a mapping, not a whole number",
    ]


def test_schema_and_file_problems_are_reported_together_in_file_order(checks: Path) -> None:
    text = "expectations: missing.json\nrules: ['../elsewhere/*.py']\nignore: [ALL, [QT]]\nseverty: {}\n"
    with pytest.raises(InputError) as caught:
        read_suite(write_suite(checks, text))
    assert [(p.line, p.column) for p in caught.value.problems] == [(1, 15), (2, 8), (3, 15), (4, 1)]
    assert [p.message for p in caught.value.problems] == [
        "expectations file 'missing.json' does not exist next to the suite",
        "rules pattern '../elsewhere/*.py' leaves the suite's folder; name files in it",
        "item 2 of 'ignore' must be a string or a whole number, not a list",
        "unknown key 'severty'; did you mean 'severity'?",
    ]


def test_a_suite_that_is_not_a_mapping_is_refused(checks: Path) -> None:
    with pytest.raises(InputError, match="suite.yaml:1:1: the file must be a mapping, not a list"):
        read_suite(write_suite(checks, "- select\n"))


def test_keys_left_empty_keep_their_defaults(checks: Path) -> None:
    suite = read_suite(write_suite(checks, "name:\nselect:\nignore:\nseverity:\noptions:\nrules:\n"))
    assert (suite.name, suite.select, suite.ignore, suite.severity, suite.options) == (
        "suite",
        ("ALL",),
        (),
        {},
        {},
    )
    assert suite.rule_files == (checks / "long_article.py",)


def test_unknown_option_is_reported(checks: Path) -> None:
    suite = read_suite(write_suite(checks, "options:\n  long-article: {max_words: 3}\n"))
    with pytest.raises(
        InputError, match="rule 'long-article' has no option 'max_words'; its options: max_chars"
    ):
        select_rules(suite, all_rules(suite.rule_files))


def test_broken_project_rule_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("x = 1\nraise RuntimeError('oops')\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.py:2: RuntimeError: oops"):
        project_rules([tmp_path / "broken.py"])


def test_duplicate_code_is_refused(checks: Path) -> None:
    (checks / "again.py").write_text(PROJECT_RULE.replace("long-article", "long-text"), encoding="utf-8")
    with pytest.raises(InputError, match="'ZZ001' is already used"):
        all_rules(sorted(checks.glob("*.py")))


def test_severity_override_and_options_reach_the_rule(checks: Path, make_collection) -> None:
    from figcheck.pipeline import run

    suite = read_suite(
        write_suite(
            checks,
            "select: [long-article]\nseverity: {house: error}\noptions: {long-article: {max_chars: 1000}}\n",
        )
    )
    folder = make_collection({"a.txt": "Un texte de plus de dix caractères."})
    assert run([folder], suite).findings == ()
    suite = read_suite(write_suite(checks, "select: [long-article]\nseverity: {house: error}\n"))
    (finding,) = run([folder], suite).findings
    assert (finding.code, finding.severity) == ("ZZ001", "error")
