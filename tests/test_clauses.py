"""Which words a figure's clause is read from, on trees of plain tokens."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from figcheck.extract.clauses import DEEPEST_PHRASE, WIDEST_PHRASE, governors


@dataclass(eq=False)
class _Token:
    i: int
    head: _Token | None = None
    children: list[_Token] = field(default_factory=list)

    @property
    def subtree(self) -> list[_Token]:
        return [self, *(t for child in self.children for t in child.subtree)]

    @property
    def left_edge(self) -> _Token:
        return min(self.subtree, key=lambda t: t.i)

    @property
    def right_edge(self) -> _Token:
        return max(self.subtree, key=lambda t: t.i)


def _chain(length: int) -> list[_Token]:
    """Tokens 0..length-1, each the head of the one after it; token 0 is the root."""
    tokens = [_Token(i) for i in range(length)]
    tokens[0].head = tokens[0]
    for above, below in pairwise(tokens):
        below.head = above
        above.children.append(below)
    return tokens


def _offsets(tokens: list[_Token]) -> list[tuple[int, int]]:
    return [(10 * t.i, 10 * t.i + 5) for t in tokens]


def test_a_figure_is_governed_by_its_phrase_and_every_word_above_it():
    tokens = _chain(6)
    number = tokens[4]
    assert governors(number, number, _offsets(tokens)) == {0, 10, 20, 30, 40, 50}


def test_a_figure_hanging_deeper_than_prose_is_read_as_unparsed():
    tokens = _chain(DEEPEST_PHRASE + 5)
    number = tokens[-1]
    assert governors(number, number, _offsets(tokens)) == frozenset()


def test_a_phrase_wider_than_prose_is_read_as_unparsed():
    root = _Token(0)
    root.head = root
    leaves = [_Token(i, head=root) for i in range(1, WIDEST_PHRASE + 2)]
    root.children = leaves
    tokens = [root, *leaves]
    assert governors(root, leaves[0], _offsets(tokens)) == frozenset()
    assert governors(leaves[0], leaves[0], _offsets(tokens)) == {0, 10}
