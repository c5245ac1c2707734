"""Whole-run time, `index.html` size and Chromium load time on a generated 1,000-article collection.

    .venv/bin/python benchmarks/bench_report.py [--articles 1000] [--seed 7] [--keep DIR]
    .venv/bin/python benchmarks/bench_report.py --collection ../shared/corpus

The articles (French and English, a few paragraphs each, with figures, names, periods and quotations)
are written by the generator below into a temporary folder; some repeat a figure for a whole year and
for the rest of it, spell a name two ways or leave a quotation open, so the report has findings.
With `--collection` it reports on an existing collection instead (the 563-article Wikinews corpus).
Targets: index.html under 2.5 MB, Chromium loading it in under 1 s, and no filter or sort over 100 ms.
"""

from __future__ import annotations

import argparse
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGCHECK = Path(sys.executable).with_name("figcheck")
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
SIZE_TARGET = 2.5 * 1024 * 1024
LOAD_TARGET = 1.0
ACTION_TARGET = 0.1

MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# (French spelling, English spelling, French title, English title)
PEOPLE = [
    ("Andreï Beloussov", "Andrei Belousov", "ministre russe de la Défense", "Russian defence minister"),
    ("Sergueï Choïgou", "Sergei Shoigu", "secrétaire du Conseil de sécurité", "Security Council secretary"),
    ("Valeri Guerassimov", "Valery Gerasimov", "chef d'état-major", "chief of the general staff"),
    ("Denis Manturov", "Denis Manturov", "vice-premier ministre", "first deputy prime minister"),
    (
        "Oleksiï Reznikov",
        "Oleksii Reznikov",
        "ancien ministre ukrainien de la Défense",
        "former Ukrainian defence minister",
    ),
]
# (French unit words, English unit words, typical size)
UNITS = [
    ("obus d'artillerie", "artillery shells", 1_000_000),
    ("unités de munitions", "rounds of ammunition", 20_000_000),
    ("armes", "weapons", 10_000),
    ("drones", "drones", 50_000),
    ("chars", "tanks", 500),
    ("véhicules blindés", "armoured vehicles", 2_000),
]
OUTLETS = ["Le Courrier de l'Est", "Northern Dispatch", "La Gazette du Soir", "Daily Ledger", "Agence Info"]
SOURCES = ["TASS", "Reuters", "RIA Novosti", "AFP", "Interfax"]
FILLER_FR = [
    "Le forum réunira des industriels, des délégations étrangères et des représentants des agences de sécurité.",
    "Les observateurs rappellent que ces annonces ne peuvent pas être vérifiées de manière indépendante.",
    "Le programme comprend des tables rondes, des débats scientifiques et des conférences de presse.",
    "Plusieurs usines ont ajouté des équipes de nuit pour tenir les délais fixés par le ministère.",
]
FILLER_EN = [
    "Observers note that such announcements cannot be independently verified.",
    "The programme includes round tables, scientific debates and press conferences.",
    "Several plants have added night shifts to meet the deadlines set by the ministry.",
    "Foreign delegations and industry representatives are expected to attend the forum.",
]


def _fr_number(rng: random.Random, size: int) -> tuple[str, int]:
    value = max(1, int(size * rng.uniform(0.2, 3.0)))
    if value >= 1_000_000:
        millions = round(value / 1_000_000)
        return (
            f"{rng.choice(['environ ', 'plus de ', ''])}{millions} million{'s' if millions > 1 else ''} de",
            millions * 1_000_000,
        )
    value = round(value, -2) or value
    text = f"{value:,}".replace(",", " ")
    return f"{rng.choice(['environ ', 'plus de ', ''])}{text}", value


def _en_number(rng: random.Random, size: int) -> tuple[str, int]:
    value = max(1, int(size * rng.uniform(0.2, 3.0)))
    if value >= 1_000_000:
        millions = round(value / 1_000_000, 1)
        return f"{rng.choice(['about ', 'more than ', ''])}{millions:g} million", int(millions * 1_000_000)
    value = round(value, -2) or value
    return f"{rng.choice(['about ', 'more than ', ''])}{value:,}", value


def _de(phrase: str) -> str:
    """`2 millions de obus` -> `2 millions d'obus`."""
    for vowel in "aeéèiouyâê":
        phrase = phrase.replace(f" de {vowel}", f" d'{vowel}")
    return phrase


def french_article(rng: random.Random, index: int, year: int) -> str:
    fr_name, en_name, title, _ = rng.choice(PEOPLE)
    unit, _, size = rng.choice(UNITS)
    unit2, _, size2 = rng.choice(UNITS)
    month = rng.randrange(12)
    source = rng.choice(SOURCES)
    figure, _ = _fr_number(rng, size)
    figure2, _ = _fr_number(rng, size2)
    yearly, _ = _fr_number(rng, size * 12)
    day = rng.randint(1, 28)
    paragraphs = [
        _de(
            f"{'L' + chr(39) if title[0] in 'aeiou' else 'Le '}{title}, {fr_name}, a annoncé le {day} "
            f"{MONTHS_FR[(month + 1) % 12]} que {figure} {unit} "
            f"avaient été livrés aux forces armées en {MONTHS_FR[month]} {year}, selon {source}."
        ),
        _de(
            f"Pour l'ensemble de l'année {year}, l'armée devrait recevoir {yearly} {unit} et {figure2} {unit2}, "
            f"a précisé le ministère."
        ),
        rng.choice(FILLER_FR) + " " + rng.choice(FILLER_FR),
    ]
    if rng.random() < 0.3:  # the same figure for the rest of the year: a scope conflict
        paragraphs.append(
            _de(
                f'Il est prévu de livrer {yearly} {unit} pendant le reste de cette année", '
                f"a informé le ministère."
            )
        )
    if rng.random() < 0.3:  # the same person spelled the English way
        paragraphs.append(
            f"Selon les résultats de la réunion présidée par {en_name}, les cadences augmenteront "
            f"au deuxième trimestre {year}."
        )
    paragraphs.append(f"« Nous tiendrons les objectifs », a déclaré {fr_name.split()[-1]} devant la presse.")
    return _with_header(f"fr-{index:04d}", "fr", year, month, paragraphs, rng)


def english_article(rng: random.Random, index: int, year: int) -> str:
    _, en_name, _, title = rng.choice(PEOPLE)
    _, unit, size = rng.choice(UNITS)
    _, unit2, size2 = rng.choice(UNITS)
    month = rng.randrange(12)
    quarter = rng.randint(1, 4)
    source = rng.choice(SOURCES)
    figure, _ = _en_number(rng, size)
    figure2, _ = _en_number(rng, size2 * 3)
    yearly, _ = _en_number(rng, size * 12)
    paragraphs = [
        (
            f"{en_name}, the {title}, said on {MONTHS_EN[(month + 1) % 12]} {rng.randint(1, 28)} that {figure} "
            f"{unit} were delivered to the armed forces in {MONTHS_EN[month]} {year}, {source} reported."
        ),
        (
            f"In the {['first', 'second', 'third', 'fourth'][quarter - 1]} quarter of {year}, plants produced "
            f"{figure2} {unit2}, and the plan for the whole of {year} is {yearly} {unit}."
        ),
        rng.choice(FILLER_EN) + " " + rng.choice(FILLER_EN),
    ]
    if rng.random() < 0.3:
        paragraphs.append(f"The ministry said {yearly} {unit} would be delivered for the rest of the year.")
    if rng.random() < 0.2:
        paragraphs.append(f"\u201cWe will meet the targets, {en_name.split()[-1]} told reporters.")
    else:
        paragraphs.append(f"\u201cWe will meet the targets,\u201d {en_name.split()[-1]} told reporters.")
    return _with_header(f"en-{index:04d}", "en", year, month, paragraphs, rng)


def _with_header(
    doc_id: str, language: str, year: int, month: int, paragraphs: list[str], rng: random.Random
) -> str:
    published = f"{year + (month == 11)}-{(month + 1) % 12 + 1:02d}-{rng.randint(1, 28):02d}"
    title = paragraphs[0].split(",")[0][:70].replace('"', "'")
    header = (
        f'---\nid: {doc_id}\ntitle: "{title}"\noutlet: "{rng.choice(OUTLETS)}"\n'
        f"published: {published}\nlanguage: {language}\n---\n"
    )
    return header + "\n".join(paragraphs) + "\n"


def write_collection(folder: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    articles = folder / "articles"
    articles.mkdir(parents=True)
    words = 0
    for index in range(count):
        year = rng.choice([2024, 2025, 2026])
        text = french_article(rng, index, year) if index % 2 == 0 else english_article(rng, index, year)
        (articles / f"{'fr' if index % 2 == 0 else 'en'}-{index:04d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def time_chromium(html: Path) -> dict[str, float] | None:
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(html.as_uri(), wait_until="load", timeout=120_000)
        load = time.perf_counter() - start
        # Paint entries are recorded a little after the load event: wait for them (buffered) briefly.
        timings = page.evaluate(
            """async () => {
                const entries = type => new Promise(resolve => {
                    new PerformanceObserver(list => resolve(list.getEntries()))
                        .observe({type, buffered: true});
                    setTimeout(() => resolve([]), 10000);
                });
                const paint = Object.fromEntries((await entries('paint')).map(p => [p.name, p.startTime]));
                const largest = await entries('largest-contentful-paint');
                const nav = performance.getEntriesByType('navigation')[0];
                return {dom: nav.domContentLoadedEventEnd, load_event: nav.loadEventEnd,
                        fp: paint['first-paint'] ?? NaN, fcp: paint['first-contentful-paint'] ?? NaN,
                        lcp: largest.length ? largest[largest.length - 1].startTime : NaN,
                        nodes: document.getElementsByTagName('*').length};
            }"""
        )
        # The page's own work for a filter and a sort, timed inside the page up to the next layout.
        filtering = (
            page.evaluate(
                """() => {
                const t = performance.now(), select = document.querySelector('#finding-filters [name=severity]');
                select.value = select.options[select.options.length - 1].value;
                select.dispatchEvent(new Event('input', {bubbles: true}));
                document.body.offsetHeight;
                return performance.now() - t;
            }"""
            )
            / 1000
        )
        sorting = (
            page.evaluate(
                """() => {
                const t = performance.now();
                document.querySelector('#figures-table th[data-sort=number]').click();
                document.body.offsetHeight;
                return performance.now() - t;
            }"""
            )
            / 1000
        )
        browser.close()
    return {"load": load, "filter": filtering, "sort": sorting, **timings}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the collection and the report here, and keep them")
    parser.add_argument(
        "--collection", type=Path, help="report on this collection instead of a generated one"
    )
    parser.add_argument("--engine", help="figcheck's --engine (default: figcheck's own default)")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="figcheck-bench-"))
    collection, out = work / "bench", work / "out"
    shutil.rmtree(collection, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    try:
        if args.collection:
            collection = args.collection.resolve()
            args.articles = len(list(collection.rglob("*.txt")))
            print(f"collection: {collection}, {args.articles} articles")
        else:
            words = write_collection(collection, args.articles, args.seed)
            print(
                f"collection: {args.articles} articles ({args.articles - args.articles // 2} fr, "
                f"{args.articles // 2} en), {words:,} words in {collection}"
            )
        command = [
            str(FIGCHECK),
            "run",
            str(collection),
            "--suite",
            "checks/default.yaml",
            "--format",
            "html,json",
            "--out",
            str(out),
            "--fail-on",
            "never",
            "--quiet",
        ]
        if args.engine:
            command += ["--engine", args.engine]
        print("command:", shlex.join(command))
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        run = time.perf_counter() - start
        if completed.returncode != 0:
            print(completed.stdout, completed.stderr, sep="\n")
            raise SystemExit(f"figcheck run exited with {completed.returncode}")
        summary = next((line for line in completed.stdout.splitlines() if " findings (" in line), "")
        print(f"figcheck run: {run:.1f} s ({run / args.articles * 1000:.0f} ms per article); {summary}")
        html = out / "index.html"
        size = html.stat().st_size
        print(
            f"index.html: {size / 1024 / 1024:.2f} MB (target < {SIZE_TARGET / 1024 / 1024:.1f} MB: "
            f"{'ok' if size < SIZE_TARGET else 'OVER'}); findings.json "
            f"{(out / 'findings.json').stat().st_size / 1024:.0f} KB"
        )
        timing = time_chromium(html)
        if timing is None:
            print(f"chromium: {CHROMIUM} is missing, page load not timed")
            return
        print(
            f"chromium: goto(load) {timing['load']:.2f} s (target < {LOAD_TARGET:.0f} s: "
            f"{'ok' if timing['load'] < LOAD_TARGET else 'OVER'}); first paint {timing['fp'] / 1000:.2f} s, "
            f"first contentful paint {timing['fcp'] / 1000:.2f} s, largest contentful paint {timing['lcp'] / 1000:.2f} s, "
            f"DOMContentLoaded {timing['dom'] / 1000:.2f} s, "
            f"load event {timing['load_event'] / 1000:.2f} s; {timing['nodes']:,} elements"
        )
        print(
            f"chromium: severity filter {timing['filter'] * 1000:.0f} ms, sort by value {timing['sort'] * 1000:.0f} ms "
            f"(target < {ACTION_TARGET * 1000:.0f} ms each)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
