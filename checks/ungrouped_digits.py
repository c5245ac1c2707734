"""A project rule: house style for long numbers in French articles.

It lives in `checks/`, is found there by `figcheck run`, and needs no change to figcheck itself.
"""

from collections.abc import Iterator

import regex

from figcheck.rules import Document, Finding, document_rule

DIGIT_RUN = regex.compile(r"(?<![\p{L}\p{N}.,/:#-])\d+(?![\p{L}\p{N}]|[.,/:-]\d)")


@document_rule(code="HS001", slug="ungrouped-digits", severity="info", family="house")
def ungrouped_digits(document: Document, *, min_digits: int = 5) -> Iterator[Finding]:
    """A long number in a French article is written without its thousands separators.

    Why
    ---
    French style groups digits by three with a (thin) space: `310 000`. `310000` is hard to read and
    tells of a copy from another language or a data feed.

    Bad
    ---
    L'armée devrait recevoir 310000 équipements militaires.

    Good
    ----
    L'armée devrait recevoir 310 000 équipements militaires.
    """
    if document.language != "fr":
        return
    for match in DIGIT_RUN.finditer(document.text):
        if len(match.group()) >= min_digits:
            grouped = _grouped(match.group())
            yield Finding(
                doc_id=document.doc_id,
                message=f"'{match.group()}' has no thousands separators",
                evidence=(document.evidence(match.start(), match.end()),),
                suggestion=f"write '{grouped}'",
            )


def _grouped(digits: str) -> str:
    """`digits` grouped by three from the right with thin spaces ("310000" -> "310 000"), as text: a
    number of any length, where int() stops at 4,300 digits."""
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return "\u202f".join(groups)
