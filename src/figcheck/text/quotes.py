"""Quotation marks of each paragraph, paired up; the ones left over are unbalanced.

Press convention: a quotation that runs over several paragraphs is reopened at the start of each
paragraph and closed only at the end of the last one; French may mark the continuation with `»`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from figcheck.text.sentences import paragraphs

# Typographic marks say which way they face; the straight quote does not.
OPENING = {"«": "guillemet", "“": "curly", "„": "curly"}
CLOSING = {"»": "guillemet", "”": "curly"}
STRAIGHT = '"'
QUOTE_CHARS = frozenset(OPENING) | frozenset(CLOSING) | {STRAIGHT}
BEFORE_OPENING = frozenset(" \t\n([{—–-/:")
CONTINUATION_MARKS = frozenset(OPENING) | {STRAIGHT, "»"}


@dataclass(frozen=True)
class UnbalancedQuote:
    start: int
    end: int
    mark: str
    problem: str  # "never_opened" | "never_closed"


@dataclass(frozen=True)
class _Mark:
    start: int
    char: str
    family: str
    opens: bool


def _marks(text: str, start: int, end: int, stack: list[_Mark]) -> Iterator[_Mark]:
    for index in range(start, end):
        char = text[index]
        if char not in QUOTE_CHARS:
            continue
        if char == "“" and stack and stack[-1].char == "„":  # German closes „ with “
            yield _Mark(index, char, "curly", False)
        elif char in OPENING:
            yield _Mark(index, char, OPENING[char], True)
        elif char in CLOSING:
            yield _Mark(index, char, CLOSING[char], False)
        else:
            before = text[index - 1] if index > start else " "
            after = text[index + 1] if index + 1 < end else " "
            straight_open = any(m.family == "straight" for m in stack)
            if before.isdigit() and not after.isalnum() and not straight_open:
                continue  # an inch or second mark: 15" across; with a quotation open it closes it ("in 2019".)
            if before in BEFORE_OPENING and not after.isspace():
                opens = True
            elif not before.isspace() and (after.isspace() or not after.isalnum()):
                opens = False
            else:  # no clue from the neighbours: close an open straight quote, else open one
                opens = not straight_open
            yield _Mark(index, char, "straight", opens)


def _starts_with_continuation(text: str, start: int, end: int) -> bool:
    return start < end and text[start] in CONTINUATION_MARKS


def unbalanced_quotes(text: str) -> list[UnbalancedQuote]:
    """Marks closed and never opened, or opened and never closed, within their paragraph.

    A quotation left open at the end of a paragraph and closed in the next one, before anything
    else is opened there, is one quotation over two paragraphs (a block quote split into lines).
    """
    found: list[UnbalancedQuote] = []
    spans = list(paragraphs(text))
    carried: list[_Mark] = []  # a quotation continued from the previous paragraph
    dangling: list[_Mark] = []  # left open by the previous paragraph, which the next may close
    for number, paragraph in enumerate(spans):
        stack: list[_Mark] = list(carried)
        begin = paragraph.start
        if carried and _starts_with_continuation(text, paragraph.start, paragraph.end):
            begin += 1  # the reopening mark of a continued quotation
        carried = []
        for mark in _marks(text, begin, paragraph.end, stack):
            if mark.opens:
                stack.append(mark)
            elif stack and stack[-1].family == mark.family:
                stack.pop()
            elif any(m.family == mark.family for m in stack):
                while stack[-1].family != mark.family:
                    opened = stack.pop()
                    found.append(UnbalancedQuote(opened.start, opened.start + 1, opened.char, "never_closed"))
                stack.pop()
            elif not stack and dangling and dangling[-1].family == mark.family:
                dangling.pop()
            else:
                found.append(UnbalancedQuote(mark.start, mark.start + 1, mark.char, "never_opened"))
        found.extend(UnbalancedQuote(m.start, m.start + 1, m.char, "never_closed") for m in dangling)
        dangling = []
        following = spans[number + 1] if number + 1 < len(spans) else None
        if stack and following and _starts_with_continuation(text, following.start, following.end):
            carried = stack
            continue
        dangling = stack
    found.extend(UnbalancedQuote(m.start, m.start + 1, m.char, "never_closed") for m in dangling)
    return sorted(found, key=lambda q: q.start)


def quotations(text: str) -> list[tuple[int, int]]:
    """Where each outermost quotation opened and closed within its paragraph (from its opening mark to
    past its closing one), in text order; a quotation never closed in its paragraph is left out, and one
    inside another (« Le “plan B” est prêt… ») is part of it."""
    found: list[tuple[int, int]] = []
    for paragraph in paragraphs(text):
        stack: list[_Mark] = []
        open_by_family: Counter[str] = Counter()  # so that a closing mark finds its opening one at once
        for mark in _marks(text, paragraph.start, paragraph.end, stack):
            if mark.opens:
                stack.append(mark)
                open_by_family[mark.family] += 1
            elif open_by_family[mark.family]:
                while stack[-1].family != mark.family:
                    open_by_family[stack.pop().family] -= 1
                opened = stack.pop()
                open_by_family[opened.family] -= 1
                if not stack:
                    found.append((opened.start, mark.start + 1))
    return found
