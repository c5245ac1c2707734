"""Time the misspelling detector over article folders and list what it flags.

    .venv/bin/python benchmarks/bench_spelling.py ../shared/corpus/wikinews-fr ../shared/corpus/wikinews-en

Each folder is searched for `*.txt` articles (YAML front matter between `---` lines, then the
body). The language comes from the front matter's `language:` line. Prints one line per flag,
`path:line:col: word -> suggestion`, then per language the article count, the flag count and
the time per article (dictionary loading excluded, and reported apart).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

from figcheck.text.spelling import Speller, find_misspellings, load_speller


def split_article(content: str) -> tuple[str, str | None, int]:
    """Body, language and the 1-based file line where the body starts."""
    lines = content.split("\n")
    if not lines or lines[0].strip() != "---":
        return content, None, 1
    language = None
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[number + 1 :]), language, number + 2
        if line.startswith("language:"):
            language = line.partition(":")[2].strip().strip("\"'")
    return content, None, 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    args = parser.parse_args(argv)

    spellers: dict[str, Speller | None] = {}
    load_seconds: dict[str, float] = {}
    articles: dict[str, int] = defaultdict(int)
    flags: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for folder in args.folders:
        for path in sorted(folder.rglob("*.txt")):
            body, language, body_line = split_article(path.read_text(encoding="utf-8"))
            if language is None:
                continue
            if language not in spellers:
                began = time.perf_counter()
                spellers[language] = load_speller(language)
                load_seconds[language] = time.perf_counter() - began
            speller = spellers[language]
            if speller is None:
                continue
            began = time.perf_counter()
            found = find_misspellings(body, speller)
            seconds[language] += time.perf_counter() - began
            articles[language] += 1
            flags[language] += len(found)
            if not args.quiet:
                for hit in found:
                    line = body.count("\n", 0, hit.start)
                    col = hit.start - (body.rfind("\n", 0, hit.start) + 1) + 1
                    context = body[max(0, hit.start - 40) : hit.end + 40].replace("\n", " ")
                    print(f"{path}:{body_line + line}:{col}: {hit.word} -> {hit.suggestion}  | {context}")
    for language in sorted(articles):
        n = articles[language]
        print(
            f"{language}: {n} articles, {flags[language]} flags, "
            f"{1000 * seconds[language] / n:.1f} ms per article "
            f"(dictionaries loaded in {1000 * load_seconds[language]:.0f} ms)"
        )
    missing = sorted(lang for lang, s in spellers.items() if s is None)
    if missing:
        print(f"no dictionary installed for: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
