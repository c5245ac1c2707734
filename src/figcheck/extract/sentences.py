"""Paragraphs and sentences now live in `figcheck.text.sentences`, which rules and reports share.

Kept for the extraction modules that still import them from here (`timeframes.py`, `figures.py`,
`syntax.py`) and for `figcheck.evaluate.news`; import from `figcheck.text.sentences` in new code.
"""

from figcheck.text.sentences import Span as Span
from figcheck.text.sentences import paragraphs as paragraphs
from figcheck.text.sentences import sentence_of as sentence_of
from figcheck.text.sentences import sentences as sentences
