"""Mentions of persons, organizations, agencies and places, with their titles, linked within an article.

Sources, strongest first: honorific + name (`M. Choïgou`), the gazetteer, organization phrases
(`le ministère russe de la Défense`), word lists of agencies and places, then spaCy's `ner` pipe
(French) or capitalised-word rules (English, or any language without a model). Titles are read
around each person; a bare surname, an honorific + surname or a title alone (`le ministre`,
`Le chef du Conseil de sécurité russe`) links to the earlier full-name mention it stands for.
Spellings of one person in different romanizations stay separate full names here.

Where each part lives: ``records.py`` (:class:`Mention`, the candidates and their priorities),
``wordlists.py`` (tokens, the word lists of agencies, places, heads and stopwords, the gazetteer's phrase
table, the spelling dictionary), ``candidates.py`` (candidates from honorifics, phrases, spaCy's entities
or capitalised-word rules; overlaps resolved), ``linking.py`` (titles around each person; surnames and
titles linked to earlier full names), ``finder.py`` (the pipeline and NER over pieces of long texts).
"""

from figcheck.extract.mentions.finder import (
    LONGEST_NER_TEXT,
    find_mentions,
    find_mentions_batch,
    load_pipeline,
)
from figcheck.extract.mentions.records import MAX_NAME_WORDS, Mention
from figcheck.extract.mentions.wordlists import tokenize

__all__ = [
    "LONGEST_NER_TEXT",
    "MAX_NAME_WORDS",
    "Mention",
    "find_mentions",
    "find_mentions_batch",
    "load_pipeline",
    "tokenize",
]
