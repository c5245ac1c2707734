"""What the later stages read off a parsed token: its part of speech groups and its lemma."""

from __future__ import annotations

from typing import Any

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
# words that join or place others and qualify nothing: "puis" (then), whose lemma the tagger may give as
# "pouvoir", is no modal
JOINING = frozenset({"CCONJ", "SCONJ", "ADP", "PUNCT", "DET"})
# the subject of a verb in the active voice; a passive one is what was counted or reported
SUBJECTS = frozenset({"nsubj", "expl:subj"})
# where a pipeline's rule lemmatizer is kept on a parsed doc, for the few tokens whose lemma is read
LEMMATIZE = "figcheck_lemmatize"


def folded(token: Any) -> str:
    return lemma(token).replace("’", "'")


def lemma(token: Any) -> str:
    """The token's lemma, read only for the few tokens a figure needs: the pipeline's rule lemmatizer is
    its slowest part when run on every token."""
    lemmatize = token.doc.user_data.get(LEMMATIZE)
    # a lemma the pipeline already set (English `attribute_ruler`: "are" -> "be") stands, as in spaCy
    lemmas = lemmatize(token) if lemmatize is not None and token.lemma == 0 else [token.lemma_]
    return str(lemmas[0] if lemmas else token.text).lower()
