"""One article -> its figures, mentions and number-like tokens, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from figcheck.load.articles import Article


@dataclass(frozen=True)
class ArticleExtraction:
    doc_id: str
    figures: tuple[dict[str, Any], ...] = ()
    mentions: tuple[dict[str, Any], ...] = ()
    token_counts: dict[str, int] = field(default_factory=dict)


def extract_article(article: Article) -> ArticleExtraction:
    return ArticleExtraction(article.doc_id)
