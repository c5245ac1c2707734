"""Rules: what a rule is, what it reads, and what it yields.

A rule module imports everything it needs from here:

    from figcheck.rules import Document, Evidence, Finding, Tables, document_rule, hits_of, rule, spans
"""

from figcheck.rules.registry import Evidence, Finding, Rule, document_rule, rule
from figcheck.rules.tables_view import (
    Document,
    Tables,
    hits_of,
    join,
    prefetch,
    spans,
    spans_as_written,
)

__all__ = [
    "Document",
    "Evidence",
    "Finding",
    "Rule",
    "Tables",
    "document_rule",
    "hits_of",
    "join",
    "prefetch",
    "rule",
    "spans",
    "spans_as_written",
]
