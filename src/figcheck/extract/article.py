"""Articles -> their figure and mention rows and the classes of their number-like tokens."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from figcheck.beside import BESIDE_FROM, beside
from figcheck.extract.attribution import attribution_words, speech_cues
from figcheck.extract.dating import Dating, date_figures, framing_sentences
from figcheck.extract.figures import FigureContext, figure_rows
from figcheck.extract.mentions import Mention, find_mentions_batch
from figcheck.extract.models import counted_after, reads_names
from figcheck.extract.numbers import NumberToken, Scan, scan
from figcheck.extract.periods.finder import PhraseMatches
from figcheck.extract.syntax import Parsed, parse_many
from figcheck.extract.timeframes import sentence_phrases
from figcheck.extract.units import UnitLexicon, default_units
from figcheck.load.articles import Article
from figcheck.load.gazetteer import Gazetteer
from figcheck.text.sentences import Span, sentences
from figcheck.vocabulary import TOKEN_KINDS

NON_FIGURE_KINDS = tuple(kind for kind in TOKEN_KINDS if kind not in ("figure", "unparsed"))


@dataclass(frozen=True)
class Resources:
    """Lexicons and models an extraction needs, loaded once per run."""

    units: UnitLexicon = field(default_factory=default_units)
    gazetteer: Gazetteer | None = None
    # language -> its loaded spaCy pipeline (figcheck.extract.models), or None where none is installed
    pipeline_for: Callable[[str], Any] = lambda language: None


@dataclass(frozen=True)
class ArticleExtraction:
    doc_id: str
    figures: tuple[dict[str, Any], ...] = ()
    mentions: tuple[dict[str, Any], ...] = ()
    tokens: tuple[NumberToken, ...] = ()

    @property
    def token_counts(self) -> Mapping[str, int]:
        kinds = Counter(t.kind for t in self.tokens)
        return {
            "figure": kinds["figure"],
            "other": sum(kinds[k] for k in NON_FIGURE_KINDS),
            "unparsed": kinds["unparsed"],
        }


def extract_articles(
    articles: Sequence[Article], resources: Resources, helpers: int = 0
) -> list[ArticleExtraction]:
    """Each article's rows, in order. Each language's texts go through spaCy together, which batches its
    matrix work (a third faster on short articles) and finds the same mentions as one text at a time;
    then the sentences that hold figures are parsed together. With `helpers` (processes this one may
    start), the numbers and period phrases of a language's texts are read in a second process while its
    language model loads here, then their mentions are found in another while they are parsed and dated
    here."""
    extractions: dict[int, ArticleExtraction] = {}
    for language in dict.fromkeys(a.language for a in articles):
        numbers = [n for n, a in enumerate(articles) if a.language == language]
        group = [articles[n] for n in numbers]
        texts = [a.text for a in group]
        fork = helpers > 0 and sum(map(len, texts)) >= BESIDE_FROM
        # the numbers and period phrases need no language model: they are read beside while it loads here
        with beside(partial(_numbers, texts, language, resources.units), fork=fork) as numbers_read:
            model = resources.pipeline_for(language)
            names_model = model if reads_names(language) else None
            mentions_of = partial(_mentions, texts, language, resources.gazetteer, names_model)
            with beside(mentions_of, fork=fork) as mentions_found:
                scans, spans, phrases = numbers_read()
                parsed_sentences = parse_many(
                    model,
                    [(t, s, scanned.quantities) for t, s, scanned in zip(texts, spans, scans, strict=True)],
                    heads=resources.units.head_words(language),
                    attribution=attribution_words(language),
                    speaks=speech_cues(language).search,
                    joins=counted_after(language),
                    framing=[
                        framing_sentences(t, s, p, scanned.quantities)
                        for t, s, p, scanned in zip(texts, spans, phrases, scans, strict=True)
                    ],
                )
                parses: list[Parsed | None] = (
                    list(parsed_sentences) if model is not None else [None] * len(group)
                )
                datings = [
                    date_figures(scanned.quantities, a.text, a.language, a.published, s, p, parsed)
                    for a, s, p, scanned, parsed in zip(group, spans, phrases, scans, parses, strict=True)
                ]
                found = mentions_found()
        for n, article, mentions, numbers_scan, article_spans, parsed, dating in zip(
            numbers, group, found, scans, spans, parses, datings, strict=True
        ):
            context = FigureContext(
                article.text, article.language, article.published, article_spans, mentions, resources.units
            )
            extractions[n] = _extraction(article, numbers_scan, context, parsed, dating)
    return [extractions[n] for n in range(len(articles))]


def _numbers(
    texts: list[str], language: str, units: UnitLexicon
) -> tuple[list[Scan], list[list[Span]], list[list[PhraseMatches]]]:
    """What needs no language model: each text's numbers, sentences and the period phrases they name."""
    spans = [list(sentences(text)) for text in texts]
    phrases = [sentence_phrases(text, language, s) for text, s in zip(texts, spans, strict=True)]
    return [scan(text, language, units) for text in texts], spans, phrases


def _mentions(texts: list[str], language: str, gazetteer: Gazetteer | None, nlp: Any) -> list[list[Mention]]:
    return list(find_mentions_batch(texts, language, gazetteer, nlp))


def _extraction(
    article: Article, numbers: Scan, context: FigureContext, parsed: Parsed | None, dating: Dating
) -> ArticleExtraction:
    mention_ids = [f"{article.doc_id}@{n}" for n in range(1, len(context.mentions) + 1)]
    rows = figure_rows(numbers, context, mention_ids, dating, parsed)
    return ArticleExtraction(
        doc_id=article.doc_id,
        figures=tuple({**row, "doc_id": article.doc_id} for row in rows),
        mentions=tuple(_mention_row(m, mention_ids) for m in context.mentions),
        tokens=numbers.tokens,
    )


def _mention_row(mention: Mention, mention_ids: list[str]) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "type": mention.type,
        "title": mention.title,
        "name": mention.name,
        "refers_to": mention_ids[mention.refers_to] if mention.refers_to is not None else None,
        "convention": None,
        "entity_id": None,
        "canonical": None,
    }
