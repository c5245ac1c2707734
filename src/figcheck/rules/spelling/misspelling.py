from collections.abc import Iterator
from functools import cache

from figcheck.rules import Document, Finding, document_rule
from figcheck.text.spelling import Speller, find_misspellings, load_speller

# Dictionaries take a tenth of a second to open: once per language and process.
speller_for = cache(load_speller)


def protected_spans(document: Document) -> list[tuple[int, int]]:
    """Names and figures are never spelling mistakes."""
    return [(int(row["start"]), int(row["end"])) for row in (*document.mentions, *document.figures)]


@document_rule(code="SP001", slug="misspelling", severity="info", family="spelling")
def misspelling(document: Document) -> Iterator[Finding]:
    """A lowercase word is missing from the dictionary and one edit away from a common word.

    Why
    ---
    A typo in a rewritten article shows it was not proofread; in a term such as "néocolonialisme" it
    also breaks search and comparison with other outlets. Proper names and figures are never flagged.

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
    for typo in find_misspellings(document.text, speller, protected=protected_spans(document)):
        yield Finding(
            doc_id=document.doc_id,
            message=f"'{typo.word}' is not in the {document.language} dictionary; did you mean '{typo.suggestion}'?",
            evidence=(document.evidence(typo.start, typo.end),),
            suggestion=f"write '{typo.suggestion}'",
        )
