"""The spaCy pipeline of each language (``data/models.yaml``), loaded once and never downloaded."""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import Any

import regex

from figcheck.packaged import data_yaml
from figcheck.text import replacing


@cache
def _table() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = data_yaml("figcheck.extract", "models.yaml")
    return table


@cache
def load_model(language: str) -> Any | None:
    """The installed pipeline of `language`, every pipe loaded, or None when its package is missing; loaded
    once per process (a pipeline is hundreds of megabytes, which a process does not give back)."""
    entry = _table().get(language)
    if entry is None or importlib.util.find_spec(entry["model"]) is None:
        return None
    import spacy

    nlp = spacy.load(entry["model"])
    _index_as_sets(nlp)
    return nlp


def _index_as_sets(nlp: Any) -> None:
    """The rule lemmatizer asks whether a word is in its index of known forms for every word it
    lemmatizes; the pipelines ship that index as lists of tens of thousands of words, searched one by
    one (a millisecond a word). As sets they answer the same at once."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    index = lookups.get_table("lemma_index")
    for part_of_speech, words in list(index.items()):
        index[part_of_speech] = frozenset(words)


# spaCy's tokenizer splits a word's leading and trailing punctuation one mark at a time, searching the
# rest of the word each time: a run of 8,000 brackets takes it 7 s, 100,000 would take twenty minutes.
# No word of prose is this long; such runs are given to the model as spaces, which keep every offset.
LONGEST_WORD = 200
_TOO_LONG = regex.compile(rf"\S{{{LONGEST_WORD + 1},}}")
_straight_apostrophes = replacing({"’": "'", "ʼ": "'"})


def for_the_model(text: str) -> str:
    """`text` as the language model reads it: runs of more than `LONGEST_WORD` characters without a space
    (a flattened table, a line of brackets) made spaces of the same length, and typographic apostrophes
    made straight, one character for one: the French pipeline splits `d'Ankara` and `l'Insee` only at a
    straight one (`d’Ankara` becomes a sentence of its own)."""
    return _TOO_LONG.sub(lambda run: " " * len(run.group()), _straight_apostrophes(text))


def reads_names(language: str) -> bool:
    """Whether the language's model also proposes names (its NER) to the mention finder."""
    return bool(_table().get(language, {}).get("names"))


def counted_after(language: str) -> frozenset[str]:
    """The prepositions that join a number to the noun it counts in `language`."""
    return frozenset(str(w).lower() for w in _table().get(language, {}).get("counted_after", ()))


def verb_endings(language: str) -> dict[str, str]:
    """The endings of a language's inflected verbs and the infinitive ending each stands for, longest
    first: where the pipeline's tables lemmatize a verb as written, its infinitive is looked up."""
    endings = {str(k): str(v) for k, v in (_table().get(language, {}).get("verb_endings") or {}).items()}
    return dict(sorted(endings.items(), key=lambda item: -len(item[0])))
