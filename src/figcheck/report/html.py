"""`index.html`: one self-contained page (inline CSS and JS, no network request) that people read.

A verdict first (would the run pass at its `--fail-on`), then the findings most severe first, each
with its evidence in its sentence, a link to that evidence marked in its article and back, and the
lines that accept it or silence its rule. Then the rules that found something, the articles with
findings shown whole (the others listed), their names and figures, and the table expectations.
What is shown is worked out in `view.py`; the page's style and script sit beside the template.
"""

from __future__ import annotations

import shlex
from functools import cache
from importlib.resources import files

import jinja2
from markupsafe import Markup

from figcheck.report import view
from figcheck.report.context import ReportContext
from figcheck.report.formats import OutputFormat
from figcheck.vocabulary import SEVERITIES


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("figcheck.report", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    return (files("figcheck.report") / "templates" / name).read_text(encoding="utf-8")


def _commands(context: ReportContext) -> dict[str, str]:
    """The commands a reader copies: the run's own paths and suite."""
    paths = " ".join(shlex.quote(p) for p in context.collections)
    suite = f" --suite {shlex.quote(context.suite_path)}" if context.suite_path else ""
    return {
        "paths": paths,
        "baseline": f"figcheck baseline {paths}{suite} --output checks/baseline.json",
    }


def findings_html(context: ReportContext) -> str:
    shown = view.detailed_ids(context)
    cards = view.cards(context)
    found_codes = {f.code for f in context.findings}
    documents = list(view.documents_view(context, shown))
    listed = view.listed_articles(context, shown)
    entities = view.entities_view(context, shown)
    return (
        _environment()
        .get_template("index.html.j2")
        .render(
            context=context,
            css=Markup(_asset("report.css")),
            js=Markup(_asset("report.js")),
            severities=SEVERITIES,
            verdict=view.verdict(context),
            cards=cards,
            facets=view.facets(cards, context.findings),
            commands=_commands(context),
            suite_file=context.suite_path
            or "your suite file (checks/default.yaml, or the one given with --suite)",
            rules_shown=[r for r in context.rules if r.code in found_codes],
            docs_of=view.rule_docs,
            documents=documents,
            articles_open=len(documents) <= view.OPEN_ARTICLES,
            listed=listed,
            listed_open=len(listed) <= view.LONG_LIST,
            entities=entities,
            entities_open=len(entities) <= view.LONG_LIST,
            figures=view.figures_view(context, shown),
            max_listed=view.MAX_LISTED_ARTICLES,
            max_entities=view.MAX_ENTITIES,
            max_places=view.MAX_PLACES,
            max_figures=view.MAX_FIGURE_ROWS,
        )
    )


FORMAT = OutputFormat("html", "index.html", findings_html)
