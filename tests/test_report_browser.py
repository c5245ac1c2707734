"""`index.html` in a real Chromium: no request leaves the file, evidence and figures are marked at
their true offsets, the filters and the sort work, article text is shown as text, and the page is
readable without JavaScript.

Screenshots go to reports/screenshots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from figcheck.cli import main
from tests.conftest import SEED_TEXT

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "checks" / "default.yaml"
SCREENSHOTS = ROOT / "reports" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
HOSTILE_TITLE = "Titre <script>alert(2)</script> \"guillemets\" & 'apostrophes'"
HOSTILE_BODY = (
    'Le ministre a écrit <script>alert(1)</script> & <img src=x onerror="alert(3)"> puis 1 200 obus", '
    'selon R&D "Défense" et l\'état-major.\n'
)


# A document's text as written: figure marks carry their tooltip inside them and evidence is followed by
# links back to its findings, so leave those out.
TEXT_WITHOUT_TIPS = """element => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('.tip, .back').forEach(added => added.remove());
    return copy.textContent;
}"""


def _collection(root: Path, name: str, articles: dict[str, str]) -> Path:
    folder = root / name
    (folder / "articles").mkdir(parents=True)
    for file_name, text in articles.items():
        (folder / "articles" / file_name).write_text(text, encoding="utf-8")
    return folder


def _report(collection: Path, out: Path) -> Path:
    args = ["run", str(collection), "--suite", str(SUITE), "--format", "html,json", "--out", str(out)]
    assert main([*args, "--fail-on", "never"]) == 0
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("seed-report")
    collection = _collection(root, "seed", {"article-fr.txt": SEED_TEXT})
    out = _report(collection, root / "out")
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return {"html": out / "index.html", "findings": report["findings"], "collection": collection}


@pytest.fixture(scope="module")
def seed_figures(seed: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The figures table of the seed, as `figcheck extract` prints it."""
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["extract", str(seed["collection"]), "--table", "figures"]) == 0
    rows = [json.loads(line) for line in buffer.getvalue().splitlines()]
    return {row["figure_id"]: row for row in rows}


@pytest.fixture
def page(browser: Any, seed: dict[str, Any]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(seed["html"].as_uri(), wait_until="load")
    yield tab
    context.close()


def _visible_findings(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "article.finding",
        "items => items.filter(i => i.offsetParent !== null)"
        ".map(i => ({id: i.id, severity: i.dataset.severity, rule: i.dataset.rule}))",
    )


def _reset_filters(page: Any) -> None:
    page.click("#finding-filters button[type=reset]")
    # the form applies its reset once the browser has cleared its fields, in a task of its own
    page.wait_for_function(
        "() => { const [shown, all] = document.getElementById('finding-count').textContent.split(' of ');"
        " return parseInt(shown) === parseInt(all); }"
    )


def _mark_text(page: Any, selector: str) -> list[dict[str, Any]]:
    """Each matching mark's offsets and its own text (a figure's tooltip text left out)."""
    return page.eval_on_selector_all(
        selector,
        """marks => marks.map(m => ({
            start: Number(m.dataset.start), end: Number(m.dataset.end), ref: m.dataset.ref || null,
            text: Array.from(m.childNodes).filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join(''),
            startAttr: m.getAttribute('data-start'), endAttr: m.getAttribute('data-end'),
        }))""",
    )


def test_no_request_leaves_the_file(browser: Any, seed: dict[str, Any]) -> None:
    context = browser.new_context()
    tab = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda message: problems.append(f"console {message.type}: {message.text}"))
    url = seed["html"].as_uri()
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    # Use the page a little: open every document, focus a figure, sort and filter.
    tab.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    tab.focus(".doc mark.figure")
    tab.click("#figures-table th[data-sort=number]")
    tab.select_option("#finding-filters [name=severity]", "error")
    context.close()
    assert requests, "the page itself was never requested"
    assert all(u == url or u.startswith("data:") for u in requests), requests
    assert not problems, problems


def test_every_finding_is_shown_with_its_evidence_marked(page: Any, seed: dict[str, Any]) -> None:
    findings = seed["findings"]
    assert len(findings) == 8
    for finding in findings:
        selector = f'article.finding[data-fingerprint="{finding["fingerprint"]}"]'
        assert page.locator(selector).count() == 1, finding["fingerprint"]
        assert page.locator(selector).is_visible()
        marks = _mark_text(page, f"{selector} mark.evidence")
        assert marks, f"{finding['id']} has no highlighted evidence"
        for mark in marks:
            assert mark["startAttr"] is not None and mark["endAttr"] is not None
            assert SEED_TEXT[mark["start"] : mark["end"]] == mark["text"], (finding["fingerprint"], mark)
        shown = {(m["start"], m["end"]) for m in marks}
        for evidence in finding["evidence"]:
            assert (evidence["start"], evidence["end"]) in shown, (finding["fingerprint"], evidence)
        message = page.locator(f"{selector} .message").inner_text()
        assert message == finding["message"]


def test_severity_rule_and_text_filters(page: Any, seed: dict[str, Any]) -> None:
    page.select_option("#finding-filters [name=severity]", "error")
    shown = _visible_findings(page)
    assert len(shown) == 2
    assert {f["rule"] for f in shown} == {"scope-conflict"}
    assert page.inner_text("#finding-count") == "2 of 8 shown"
    assert page.locator("section.severity-group:visible").count() == 1

    _reset_filters(page)
    assert len(_visible_findings(page)) == 8
    page.select_option("#finding-filters [name=rule]", "unbalanced-quote")
    shown = _visible_findings(page)
    assert len(shown) == 3
    assert {f["rule"] for f in shown} == {"unbalanced-quote"}
    assert page.inner_text("#finding-count") == "3 of 8 shown"

    page.select_option("#finding-filters [name=severity]", "error")
    assert _visible_findings(page) == []
    assert page.inner_text("#finding-count") == "0 of 8 shown"

    _reset_filters(page)
    page.fill("#finding-filters [name=q]", "NÉOCOLONIALISME")
    shown = _visible_findings(page)
    assert [f["rule"] for f in shown] == ["misspelling"]
    # The text filter searches the whole finding: message, evidence in context and help.
    page.fill("#finding-filters [name=q]", "belousov")
    split = page.eval_on_selector_all(
        "article.finding",
        "items => items.map(i => [i.offsetParent !== null, i.textContent.toLowerCase().includes('belousov')])",
    )
    assert all(shown == matches for shown, matches in split)
    assert "name-variant" in {f["rule"] for f in _visible_findings(page)}
    page.fill("#finding-filters [name=q]", "")
    assert len(_visible_findings(page)) == 8


def test_figures_table_filter_and_sort(page: Any, seed_figures: dict[str, dict[str, Any]]) -> None:
    rows = page.locator("#figures-table tbody tr")
    assert rows.count() == len(seed_figures) == 8

    page.fill("#figure-filter", "weapons")
    visible = page.eval_on_selector_all(
        "#figures-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.figure)"
    )
    assert sorted(visible) == sorted(i for i, f in seed_figures.items() if f["unit"] == "weapons")
    assert page.inner_text("#figure-count") == f"rows 1–{len(visible)} of {len(visible)} shown"
    page.fill("#figure-filter", "")
    assert page.inner_text("#figure-count") == "rows 1–8 of 8 shown"
    assert not page.locator("#figure-pages").is_visible()  # one page

    def order() -> list[float]:
        return page.eval_on_selector_all(
            "#figures-table tbody tr", "rows => rows.map(r => parseFloat(r.cells[2].dataset.value))"
        )

    value_header = page.locator("#figures-table th[data-sort=number]")
    value_header.click()
    ascending = order()
    assert ascending == sorted(f["value"] for f in seed_figures.values())
    value_header.click()
    assert order() == sorted(ascending, reverse=True)
    first_row = page.locator("#figures-table tbody tr").first
    biggest = max(seed_figures.values(), key=lambda f: f["value"])
    assert first_row.locator("td").nth(1).inner_text() == biggest["text"]


def test_document_figures_are_marked_with_a_tooltip(
    page: Any, seed_figures: dict[str, dict[str, Any]]
) -> None:
    marks = _mark_text(page, ".doc mark.figure")
    assert len(marks) == len(seed_figures)
    for mark in marks:
        assert SEED_TEXT[mark["start"] : mark["end"]] == mark["text"], mark
        figure = seed_figures[mark["ref"]]
        assert (figure["start"], figure["end"]) == (mark["start"], mark["end"])
    for kind in ("period", "mention", "unparsed"):
        for mark in _mark_text(page, f".doc mark.{kind}"):
            assert SEED_TEXT[mark["start"] : mark["end"]] == mark["text"], (kind, mark)

    first = page.locator(".doc mark.figure").first
    tip = first.locator(".tip")
    assert not tip.is_visible()
    first.focus()
    tip.wait_for(state="visible")
    figure = seed_figures[first.get_attribute("data-ref")]
    text = tip.inner_text()
    assert f"value {figure['value']:,.0f}" in text
    assert f"unit {figure['unit']}" in text
    assert f"({figure['period_scope']})" in text
    box, tip_box = first.bounding_box(), tip.bounding_box()
    assert tip_box["y"] >= box["y"] + box["height"] - 1, "the tooltip should sit below its figure"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "seed-figure-tooltip.png"))
    page.locator(".doc mark.figure").nth(4).focus()
    page.screenshot(path=str(SCREENSHOTS / "seed-figure-tooltip-2.png"))
    page.locator(".doc mark.figure").first.blur()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.screenshot(path=str(SCREENSHOTS / "seed-full.png"), full_page=True)


def test_figure_tooltips_stay_inside_the_window(page: Any) -> None:
    width = page.viewport_size["width"]
    marks = page.locator(".doc mark.figure")
    outside = []
    for index in range(marks.count()):
        mark = marks.nth(index)
        mark.focus()
        box = mark.locator(".tip").bounding_box()
        if box["x"] < 0 or box["x"] + box["width"] > width:
            outside.append((mark.get_attribute("data-ref"), round(box["x"]), round(box["x"] + box["width"])))
    assert outside == [], f"tooltips past the {width}px window: {outside}"


def test_article_text_is_escaped(browser: Any, tmp_path: Path) -> None:
    article = f"---\ntitle: {json.dumps(HOSTILE_TITLE)}\nlanguage: fr\n---\n{HOSTILE_BODY}"
    collection = _collection(tmp_path, "hostile", {"hostile.txt": article})
    html = _report(collection, tmp_path / "out") / "index.html"
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(html.as_uri(), wait_until="load")
    tab.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    tab.wait_for_timeout(200)
    text = tab.eval_on_selector(".doc .text", TEXT_WITHOUT_TIPS)
    title = tab.locator(".doc summary b").text_content()
    script_count = tab.locator("script").count()
    images = tab.locator("img").count()
    findings_text = tab.locator("#findings").text_content()
    context.close()
    assert dialogs == []
    assert requests == [html.as_uri()]
    assert script_count == 1 and images == 0
    assert HOSTILE_TITLE == title
    flat = re.sub(r"\s+", " ", text)
    assert HOSTILE_BODY.strip() in flat
    assert '<script>alert(1)</script> & <img src=x onerror="alert(3)">' in findings_text


def test_readable_without_javascript(browser: Any, seed: dict[str, Any]) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(seed["html"].as_uri(), wait_until="load")
    visible = tab.locator("article.finding:visible").count()
    messages = [
        tab.locator(f'article.finding[data-fingerprint="{f["fingerprint"]}"] .message').inner_text()
        for f in seed["findings"]
    ]
    document_text = tab.eval_on_selector(".doc .text", TEXT_WITHOUT_TIPS)
    tips_hidden = tab.locator(".doc .tip:visible").count() == 0
    figures = tab.locator("#figures-table tbody tr:visible").count()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "seed-no-javascript.png"), full_page=True)
    context.close()
    assert visible == len(seed["findings"]) == 8
    assert messages == [f["message"] for f in seed["findings"]]
    first_sentence = SEED_TEXT.split("\n")[0]
    assert first_sentence in re.sub(r"[ \t]+", " ", document_text)
    assert figures == 8
    assert tips_hidden


def _in_viewport(page: Any, selector: str) -> bool:
    """The element's first line is on screen."""
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect(); return r.top >= -2 && r.top + 16 <= window.innerHeight; }",
    )


def test_one_click_brings_the_evidence_into_view_marked_and_back(page: Any, seed: dict[str, Any]) -> None:
    for finding in seed["findings"]:
        card = f'article.finding[data-fingerprint="{finding["fingerprint"]}"]'
        page.locator(f"{card} a.to-evidence").first.click()
        target = f"e-{finding['fingerprint']}-0"
        assert page.evaluate("location.hash") == f"#{target}"
        mark = f'[id="{target}"] ~ mark.current'
        assert page.locator("mark.evidence.current").count() == 1
        assert _in_viewport(page, mark), finding["slug"]
        evidence = finding["evidence"][0]
        shown = page.eval_on_selector(mark, TEXT_WITHOUT_TIPS)
        assert evidence["text"] in shown
        back = page.locator(f'mark.evidence.current ~ a.back[href="#f-{finding["fingerprint"]}"]')
        back.first.click()
        assert page.evaluate("location.hash") == f"#f-{finding['fingerprint']}"
        assert _in_viewport(page, card)


def test_counts_filter_when_clicked_and_the_state_is_in_the_address(
    browser: Any, page: Any, seed: dict[str, Any]
) -> None:
    page.click("#summary a.card[data-count=error]")
    shown = _visible_findings(page)
    assert {f["severity"] for f in shown} == {"error"} and len(shown) == 2
    assert page.evaluate("location.hash") == "#findings?severity=error"
    page.click('#summary a[data-filter="rule=unbalanced-quote"]')
    assert page.evaluate("location.hash") == "#findings?rule=unbalanced-quote"
    assert {f["rule"] for f in _visible_findings(page)} == {"unbalanced-quote"}
    # a link to a finding the filters hide shows it
    hidden = next(f["fingerprint"] for f in seed["findings"] if f["slug"] == "misspelling")
    page.evaluate(f"location.hash = '#f-{hidden}'")
    page.wait_for_timeout(50)
    assert page.locator(f"#f-{hidden}").is_visible()
    assert page.evaluate("location.hash") == f"#f-{hidden}"
    # the address opens the same view in a new tab
    tab = browser.new_context().new_page()
    tab.goto(seed["html"].as_uri() + "#findings?family=names&q=serguei", wait_until="load")
    assert [f["rule"] for f in _visible_findings(tab)] == ["title-drift"]
    assert tab.input_value("#finding-filters [name=family]") == "names"
    tab.context.close()


def test_search_ignores_accents_and_case(page: Any) -> None:
    page.fill("#finding-filters [name=q]", "SERGUEI CHOIGOU")
    accentless = _visible_findings(page)
    page.fill("#finding-filters [name=q]", "Sergueï Choïgou")
    assert _visible_findings(page) == accentless and len(accentless) >= 1


def test_no_match_shows_an_empty_state_that_resets(page: Any) -> None:
    page.fill("#finding-filters [name=q]", "nothing like this anywhere")
    assert _visible_findings(page) == []
    assert page.locator("#no-match").is_visible()
    assert page.locator("#findings-by-document, details.doc:visible").count() == 0
    page.click("#no-match button")
    assert len(_visible_findings(page)) == 8
    assert not page.locator("#no-match").is_visible()
    assert page.evaluate("location.hash") == "#findings"


def test_phone_width_has_no_horizontal_scrolling(browser: Any, seed: dict[str, Any]) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(seed["html"].as_uri(), wait_until="load")
    tab.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    width = tab.evaluate("document.documentElement.scrollWidth")
    spelling = tab.locator("#entities-table tbody tr").first.locator("td").nth(2)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "seed-phone.png"), full_page=True)
    visible = spelling.is_visible() and spelling.bounding_box()["x"] + 10 < 390
    context.close()
    assert width <= 390
    assert visible, "the spellings of the entities are off screen"


def test_print_shows_every_article(browser: Any, seed: dict[str, Any]) -> None:
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(seed["html"].as_uri(), wait_until="load")
    tab.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = false; })")
    tab.emulate_media(media="print")
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    shown = tab.locator(".doc .text").first.is_visible()
    hidden_styles = tab.eval_on_selector_all(
        "*", "els => els.filter(e => getComputedStyle(e).contentVisibility === 'auto').length"
    )
    pdf = tab.pdf()
    context.close()
    assert shown and hidden_styles == 0
    assert len(pdf) > 50_000


@pytest.mark.parametrize("width", [1440, 390])
def test_no_accessibility_violations(browser: Any, seed: dict[str, Any], width: int) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(seed["html"].as_uri(), wait_until="load")
    tab.eval_on_selector_all("details", "ds => ds.forEach(d => { d.open = true; })")
    results = axe.Axe().run(tab)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_figures_table_shows_a_page_at_a_time(browser: Any, seed: dict[str, Any], tmp_path: Path) -> None:
    paged = tmp_path / "paged.html"
    html = seed["html"].read_text(encoding="utf-8")
    paged.write_text(html.replace('data-page-size="100"', 'data-page-size="3"'), encoding="utf-8")
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(paged.as_uri(), wait_until="load")

    def shown() -> list[str]:
        return tab.eval_on_selector_all(
            "#figures-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.figure)"
        )

    first = shown()
    assert len(first) == 3 and tab.inner_text("#figure-count") == "rows 1–3 of 8 shown"
    tab.click("#figure-pages [data-page=next]")
    second = shown()
    assert len(second) == 3 and not set(first) & set(second)
    tab.click("#figure-pages [data-page=next]")
    assert tab.inner_text("#figure-count") == "rows 7–8 of 8 shown"
    assert tab.locator("#figure-pages [data-page=next]").is_disabled()
    tab.click("#figures-table th[data-sort=number]")  # a sort starts again at the first page
    assert tab.inner_text("#figure-count") == "rows 1–3 of 8 shown"
    context.close()


# the Wikinews corpus beside the project, when it is there: a report of 563 articles
CORPUS = ROOT.parent / "shared" / "corpus"
REPORTED = {"examples": ROOT / "datasets" / "examples", "corpus": CORPUS}


@pytest.mark.slow
@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("collection", sorted(REPORTED))
def test_report_fits_the_window_and_has_no_accessibility_violations(
    browser: Any, tmp_path_factory: pytest.TempPathFactory, collection: str, width: int
) -> None:
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    if not REPORTED[collection].is_dir():
        pytest.skip(f"no {REPORTED[collection]} beside the project")
    out = tmp_path_factory.getbasetemp() / f"{collection}-report"
    if not (out / "index.html").exists():
        _report(REPORTED[collection], out)
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto((out / "index.html").as_uri(), wait_until="load")
    overflow = tab.evaluate("document.documentElement.scrollWidth") - width
    clipped = tab.evaluate(
        "() => [...document.querySelectorAll('.scroll')].filter(s => s.scrollWidth > s.clientWidth + 1 && "
        "innerWidth > 1000).map(s => s.firstElementChild.id)"
    )
    links = tab.eval_on_selector_all("a.to-evidence", "links => links.map(a => a.getAttribute('href'))")
    missing = [href for href in links if tab.locator(f'[id="{href[1:]}"]').count() != 1]
    results = axe.Axe().run(tab)
    context.close()
    assert overflow <= 0, f"the page is {overflow}px wider than the {width}px window"
    assert clipped == [], f"tables wider than their box at {width}px: {clipped}"
    assert links and missing == []
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_closed_article_opens_at_its_evidence(
    browser: Any, seed: dict[str, Any], tmp_path: Path, javascript: bool
) -> None:
    """Many articles start closed (no layout to pay for them); a link to evidence opens its article."""
    closed = tmp_path / "closed.html"
    html = seed["html"].read_text(encoding="utf-8")
    closed.write_text(html.replace(" data-findings open>", " data-findings>"), encoding="utf-8")
    context = browser.new_context(java_script_enabled=javascript)
    tab = context.new_page()
    tab.goto(closed.as_uri(), wait_until="load")
    assert tab.eval_on_selector("details.doc", "d => d.open") is False
    finding = seed["findings"][-1]
    tab.click(f'article.finding[data-fingerprint="{finding["fingerprint"]}"] a.to-evidence')
    tab.wait_for_timeout(100)
    target = f'[id="e-{finding["fingerprint"]}-0"] ~ mark.evidence'
    opened = tab.eval_on_selector("details.doc", "d => d.open")
    seen = _in_viewport(tab, target)
    context.close()
    assert opened and seen
