from collections.abc import Iterator

from figcheck.rules import Document, Finding, document_rule
from figcheck.text.quotes import unbalanced_quotes


@document_rule(code="QT001", slug="unbalanced-quote", severity="warning", family="quotes")
def unbalanced_quote(document: Document) -> Iterator[Finding]:
    """A quotation is closed and never opened, or opened and never closed, within a paragraph.

    Why
    ---
    A missing quotation mark hides where a speaker's words start or stop, so a reader cannot tell
    a quoted figure from the writer's own. Translation and rewriting often drop the opening mark.

    Bad
    ---
    En janvier, plus de 10 000 armes ont été livrées", a déclaré le ministre.

    Good
    ----
    « En janvier, plus de 10 000 armes ont été livrées », a déclaré le ministre.

    Options
    -------
    None. A quotation continued over paragraphs in the press convention (each paragraph reopens
    it, the last one closes it; in French `»` may open the continued paragraphs) is balanced.
    """
    for quote in unbalanced_quotes(document.text):
        if quote.problem == "never_opened":
            message = f"quotation closed with {quote.mark} but never opened in its paragraph"
            suggestion = "add the opening quotation mark where the quoted words start"
        else:
            message = f"quotation opened with {quote.mark} but never closed in its paragraph"
            suggestion = "add the closing quotation mark where the quoted words end"
        yield Finding(
            doc_id=document.doc_id,
            message=message,
            evidence=(document.evidence(quote.start, quote.end),),
            suggestion=suggestion,
        )
