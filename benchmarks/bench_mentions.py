"""Words per second of `find_mentions` on the news corpus, with spaCy's `ner` pipe and with rules only.

.venv/bin/python benchmarks/bench_mentions.py [CORPUS_DIR] [--language fr]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from figcheck.extract.mentions import find_mentions, find_mentions_batch, load_pipeline
from figcheck.load.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]


def bodies(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", default="../shared/corpus/wikinews-fr/articles")
    parser.add_argument("--language", default="fr")
    args = parser.parse_args()
    texts = bodies(Path(args.corpus))
    words = sum(len(t.split()) for t in texts)
    gazetteer = load_gazetteer(ROOT / "datasets" / "entities.csv")
    find_mentions(texts[0], args.language, gazetteer)  # word lists and dictionaries load once

    start = time.perf_counter()
    count = sum(len(find_mentions(t, args.language, gazetteer)) for t in texts)
    rules = time.perf_counter() - start
    print(
        f"rules only: {len(texts)} articles, {words} words, {count} mentions, "
        f"{rules:.2f} s, {words / rules:,.0f} words/s"
    )

    started = time.perf_counter()
    nlp = load_pipeline(args.language)
    if nlp is None:
        print(f"spaCy: no model installed for {args.language}")
        return
    print(f"spaCy: loaded {nlp.pipe_names} in {time.perf_counter() - started:.1f} s")
    start = time.perf_counter()
    count = sum(len(m) for m in find_mentions_batch(texts, args.language, gazetteer, nlp))
    model = time.perf_counter() - start
    print(f"spaCy ner + rules: {count} mentions, {model:.2f} s, {words / model:,.0f} words/s")


if __name__ == "__main__":
    main()
