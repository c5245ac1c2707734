from collections.abc import Iterator
from functools import cache

from figcheck.rules import Document, Finding, document_rule
from figcheck.text.capitals import find_capital_misspellings
from figcheck.text.spans import sorted_spans
from figcheck.text.spelling import Misspelling, Speller, find_misspellings, load_speller

# Dictionaries take a tenth of a second to open: once per language and process.
speller_for = cache(load_speller)


def protected_spans(document: Document, *, places_too: bool = True) -> list[tuple[int, int]]:
    """Names and figures are never spelling mistakes. A capitalised word the language model took for a
    place or an organisation may be a misspelled demonym or sentence opening: `places_too=False`
    protects only persons."""
    mentions = [m for m in document.mentions if places_too or m["type"] == "person"]
    return [(int(row["start"]), int(row["end"])) for row in (*mentions, *document.figures)]


def unknown_words(text: str, language: str) -> list[Misspelling]:
    """The misspellings of a text, names and figures not yet set aside: its dictionary lookups, the
    slow part, done before its names and figures are known."""
    speller = speller_for(language)
    return find_misspellings(text, speller) if speller is not None else []


@document_rule(code="SP001", slug="misspelling", severity="info", family="spelling", prepare=unknown_words)
def misspelling(document: Document, unknown: list[Misspelling]) -> Iterator[Finding]:
    """A common word is missing from the dictionary and one edit away from the word meant.

    Why
    ---
    A typo in a rewritten article shows it was not proofread; in a term such as "néocolonialisme" it
    also breaks search and comparison with other outlets. Proper names and figures are never flagged;
    a capitalised word only when it opens a sentence or names a people ("Ukranian").

    Bad
    ---
    Le programme porte sur la lutte contre le néocolonalisme et le terrorisme.

    Good
    ----
    Le programme porte sur la lutte contre le néocolonialisme et le terrorisme.

    References
    ----------
    The system's Hunspell dictionaries (fr_FR with both classical and reformed spellings, en_US and
    en_GB), through pyenchant.
    """
    speller: Speller | None = speller_for(document.language)
    if speller is None:
        return
    spans = protected_spans(document)
    protected = sorted_spans(spans)
    typos = [
        *(typo for typo in unknown if not protected.touch(typo.start, typo.end)),
        *find_capital_misspellings(
            document.text,
            speller,
            protected=spans,
            persons=protected_spans(document, places_too=False),
        ),
    ]
    for typo in sorted(typos, key=lambda t: t.start):
        yield Finding(
            doc_id=document.doc_id,
            message=f"'{typo.word}' is not in the {document.language} dictionary; did you mean '{typo.suggestion}'?",
            evidence=(document.evidence(typo.start, typo.end),),
            suggestion=f"write '{typo.suggestion}'",
        )
