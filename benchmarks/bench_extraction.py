"""Words per second of the whole extraction of `figcheck run`, per language, on one core.

    .venv/bin/python benchmarks/bench_extraction.py ../shared/corpus [CORPUS...] [--repeat 1] [--language all]

Articles are read with `load_corpus` (front matter and language as in a run) and extracted in one
process, in batches of `BATCH_ARTICLES` articles (as a run in memory does), by `extract_articles` with
the run's `load_resources`: number scan, mentions (spaCy's pipeline and rules), periods, status,
speakers. Each language's spaCy model is loaded and the extraction warmed up on one chunk before the
clock starts; the model's load time is printed apart. Words are the whitespace-separated words of the
bodies; the best of `--repeat` runs is reported.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from figcheck.extract.article import extract_articles
from figcheck.load.collections import load_corpus
from figcheck.pipeline import load_resources
from figcheck.pipeline.memory import BATCH_ARTICLES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="+", type=Path, help="collections, or folders of collections")
    parser.add_argument("--repeat", type=int, default=1, help="runs per language; the best is reported")
    parser.add_argument("--language", choices=["fr", "en", "all"], default="all")
    args = parser.parse_args()

    corpus = load_corpus(args.corpus)
    resources = load_resources(corpus.collections)
    languages = sorted({a.language for a in corpus.articles})
    if args.language != "all":
        languages = [language for language in languages if language == args.language]
    for language in languages:
        articles = [a for a in corpus.articles if a.language == language]
        chunks = [
            articles[start : start + BATCH_ARTICLES] for start in range(0, len(articles), BATCH_ARTICLES)
        ]
        words = sum(len(a.text.split()) for a in articles)
        started = time.perf_counter()
        nlp = resources.pipeline_for(language)
        loaded = time.perf_counter() - started
        model = "no spaCy model"
        if nlp is not None:
            model = f"spaCy {nlp.meta['lang']}_{nlp.meta['name']} loaded in {loaded:.1f} s"
        extract_articles(chunks[0], resources)  # word lists, gazetteer automata and spaCy warm up
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            for chunk in chunks:
                extract_articles(chunk, resources)
            best = min(best, time.perf_counter() - start)
        print(
            f"{language}: {len(articles)} articles, {words:,} words, {best:.2f} s, "
            f"{words / best:,.0f} words/s ({model})"
        )


if __name__ == "__main__":
    main()
