"""Titles now live in `figcheck.text.titles`, which the title rules share.

Kept for `figcheck.extract.mentions`, which still imports them from here, with the reader of this
package's `data/` files it uses for its own word lists; import from `figcheck.text.titles` in new code.
"""

from collections.abc import Iterator
from importlib import resources

from figcheck.text.titles import MAX_PREMODIFIERS as MAX_PREMODIFIERS
from figcheck.text.titles import Token as Token
from figcheck.text.titles import extend_backward as extend_backward
from figcheck.text.titles import extend_forward as extend_forward
from figcheck.text.titles import head_role as head_role
from figcheck.text.titles import lexicon as lexicon
from figcheck.text.titles import title_key as title_key
from figcheck.text.titles import titles_compatible as titles_compatible


def _data_lines(name: str) -> Iterator[list[str]]:
    """The rows of a tab-separated file of `figcheck/extract/data/`, comments and blank lines left out."""
    text = resources.files("figcheck.extract").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]
