"""The language pipelines as figcheck loads them."""

import spacy
from spacy.lookups import Lookups

from figcheck.extract.models import LONGEST_WORD, _index_as_sets, for_the_model


def _rule_lemmatizer() -> spacy.language.Language:
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups()
    lookups.add_table("lemma_rules", {"noun": [["s", ""]]})
    lookups.add_table("lemma_index", {"noun": ["truck", "lorry"]})
    lookups.add_table("lemma_exc", {"noun": {"geese": ["goose"]}})
    lemmatizer.lookups = lookups
    return nlp


def _lemmas(nlp: spacy.language.Language) -> list[str]:
    doc = nlp.make_doc("trucks geese lorry drones")
    for token in doc:
        token.pos_ = "NOUN"
    return [token.lemma_ for token in nlp.get_pipe("lemmatizer")(doc)]


def test_the_lemma_index_becomes_sets_and_lemmas_stay_the_same():
    as_shipped, as_loaded = _rule_lemmatizer(), _rule_lemmatizer()
    _index_as_sets(as_loaded)
    index = as_loaded.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())
    assert _lemmas(as_loaded) == _lemmas(as_shipped) == ["truck", "goose", "lorry", "drone"]


def test_a_pipeline_without_a_lemmatizer_is_left_alone():
    nlp = spacy.blank("fr")
    _index_as_sets(nlp)
    assert nlp.pipe_names == []


def test_runs_longer_than_any_word_reach_the_model_as_spaces_of_the_same_length():
    text = "Le " + "(" * (LONGEST_WORD + 1) + " a livré 5 camions. " + "x" * LONGEST_WORD
    read = for_the_model(text)
    assert len(read) == len(text)
    assert read == "Le " + " " * (LONGEST_WORD + 1) + " a livré 5 camions. " + "x" * LONGEST_WORD
