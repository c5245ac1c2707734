"""Mentions of a text or a batch of texts: every source's candidates, spaCy's `ner` pipe fed a piece
of a long article at a time."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from figcheck.extract.mentions.candidates import (
    honorific_candidates,
    model_candidates,
    phrase_candidates,
    rule_candidates,
    select_candidates,
)
from figcheck.extract.mentions.linking import build_mentions
from figcheck.extract.mentions.records import DETERMINERS, FROM_GAZETTEER, FROM_LEXICON, Candidate, Mention
from figcheck.extract.mentions.wordlists import gazetteer_table, tokenize, word_lists
from figcheck.extract.models import for_the_model, load_model, reads_names
from figcheck.load.gazetteer import Gazetteer
from figcheck.text.sentences import deep_read_end, piece_end


def load_pipeline(language: str) -> Any | None:
    """The installed spaCy model for `language` when it proposes names (its NER), or None; never downloads."""
    return load_model(language) if reads_names(language) else None


def _listened_by_ner(nlp: Any) -> set[str]:
    # A model whose `ner` listens to a shared tok2vec needs that pipe too; fr_core_news_sm's does not.
    ner = nlp.get_pipe("ner")
    listened = set()
    for name, pipe in nlp.pipeline:
        listeners = getattr(pipe, "listener_map", {})
        if any(component == "ner" for component in listeners) and ner is not pipe:
            listened.add(name)
    return listened


def find_mentions(
    text: str, language: str, gazetteer: Gazetteer | None = None, nlp: Any = None
) -> list[Mention]:
    """Mentions in `text`, in order; `nlp` is a pipeline from `load_pipeline` (or None for rules only)."""
    return next(find_mentions_batch([text], language, gazetteer, nlp))


def find_mentions_batch(
    texts: Iterable[str],
    language: str,
    gazetteer: Gazetteer | None = None,
    nlp: Any = None,
    batch_size: int = 32,
) -> Iterator[list[Mention]]:
    """`find_mentions` over many texts, feeding spaCy in batches (`nlp.pipe`)."""
    if nlp is None:
        for text in texts:
            yield _find(text, language, gazetteer, None)
        return
    buffered = list(texts) if not isinstance(texts, list) else texts
    ner = _ner_only(nlp)
    read_to = [deep_read_end(text) for text in buffered]
    whole = [
        len(text) <= LONGEST_NER_TEXT and end == len(text)
        for text, end in zip(buffered, read_to, strict=True)
    ]
    docs = ner.pipe(
        [for_the_model(text) for text, one in zip(buffered, whole, strict=True) if one], batch_size=batch_size
    )
    for text, one, end in zip(buffered, whole, read_to, strict=True):
        doc = next(docs) if one else _entities_by_piece(ner, text, end)
        yield _find(text, language, gazetteer, doc, end)


# spaCy's memory grows with the length of a text (and it refuses texts over a million characters): a
# longer article goes through NER a piece of whole lines at a time.
LONGEST_NER_TEXT = 100_000


@dataclass(frozen=True)
class _Entity:
    label_: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class _Entities:
    """The entities of a text too long for one spaCy Doc, with offsets in the whole text."""

    ents: tuple[_Entity, ...]


def _entities_by_piece(ner: _NerOnly, text: str, read_to: int) -> _Entities:
    found: list[_Entity] = []
    start, read = 0, text[:read_to]
    while start < read_to:
        end = piece_end(read, start, start + LONGEST_NER_TEXT)
        piece = text[start:end]
        for doc in ner.pipe([for_the_model(piece)], batch_size=1):
            found.extend(_Entity(e.label_, e.start_char + start, e.end_char + start) for e in doc.ents)
        start = end
    return _Entities(tuple(found))


class _NerOnly:
    """Runs a full pipeline as if only `ner` were enabled, without changing the caller's pipeline."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.disable = [n for n in nlp.pipe_names if n != "ner" and n not in _listened_by_ner(nlp)]

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[Any]:
        if not self.disable:
            yield from self.nlp.pipe(texts, batch_size=batch_size)
            return
        with self.nlp.select_pipes(disable=self.disable):
            yield from self.nlp.pipe(texts, batch_size=batch_size)


def _ner_only(nlp: Any) -> _NerOnly:
    return _NerOnly(nlp)


def _find(
    text: str, language: str, gazetteer: Gazetteer | None, doc: Any, read_to: int | None = None
) -> list[Mention]:
    """Mentions of `text`; `doc` holds the model's entities up to `read_to` (all of it when None),
    the capitalised runs past it are read by rules."""
    if language not in DETERMINERS:
        raise ValueError(f"language must be one of {', '.join(DETERMINERS)}, not {language!r}")
    lists = word_lists(language)
    tokens = tokenize(text)
    candidates: list[Candidate] = list(honorific_candidates(tokens, lists.stopwords))
    if gazetteer is not None:
        for first, end, entry in gazetteer_table(gazetteer).matches(tokens):
            candidates.append(Candidate(first, end, entry.type, FROM_GAZETTEER, entry=entry))
    candidates.extend(phrase_candidates(tokens, language, lists))
    for first, end, kind in lists.agencies.matches(tokens):
        candidates.append(Candidate(first, end, kind, FROM_LEXICON))
    for first, end, kind in lists.places.matches(tokens):
        candidates.append(Candidate(first, end, kind, FROM_LEXICON))
    if doc is not None:
        candidates.extend(model_candidates(doc, tokens, language, lists))
    if doc is None or read_to is not None and read_to < len(text):
        beyond = 0 if doc is None else bisect_left(tokens, read_to or 0, key=lambda token: token.start)
        candidates.extend(c for c in rule_candidates(tokens, language, lists) if c.first >= beyond)
    return build_mentions(text, tokens, select_candidates(candidates), language, gazetteer, lists.stopwords)
