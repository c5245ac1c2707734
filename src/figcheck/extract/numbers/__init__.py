"""Figures in French and English news text: numbers with their qualifier, bounds and unit.

``scan(text, language)`` finds every number-like token (digit runs and number words), tells figures from
dates, years, times, ages, ordinals, identifiers, phone numbers and articles, and turns each figure into
a :class:`Quantity`: value, bounds, qualifier (``exact approx over at_least under at_most range``) and
the unit it counts or measures.

How it works: one compiled pattern finds the anchors (digit runs written with the language's separators,
and number words); everything else is read from a few characters around each anchor: a qualifier just
before it, a scale word and a unit just after, the context that makes it a date or an age. The wording
lists (number words, scale words, qualifiers, months, time and age wordings) are data files in
``figcheck/extract/data/`` (``numbers_*.yaml``, ``numbers_scales.csv``), and units come from
:mod:`figcheck.extract.units`.

The scan runs in stages, one module each, over one :class:`~figcheck.extract.numbers.records.ScanState`:

- ``grammar.py``: the data files compiled once per language;
- ``values.py``: the value of a digit run or a run of number words;
- ``anchors.py``: the numbers as found (digit runs, word runs, scale words, the pre-pass of dates, phone
  numbers, clock times and URLs);
- ``context.py``: each number's currency sign, unit, counted noun and qualifier;
- ``classify.py``: figure, date, year, time, age, ordinal, identifier or article;
- ``combine.py``: ranges, rates and amounts in two parts;
- ``scanner.py``: the stages in order and each figure as a :class:`Quantity`.

Bounds follow one convention: ``exact`` lower = upper = value, inclusive; ``approx`` lower and upper are
value × (1 ∓ :data:`APPROX_TOLERANCE`), inclusive; ``over`` lower exclusive; ``at_least`` lower
inclusive; ``under`` upper exclusive; ``at_most`` upper inclusive; ``range`` value None, lower and upper
inclusive.
"""

from figcheck.extract.numbers.records import APPROX_TOLERANCE, NumberToken, Quantity, Scan
from figcheck.extract.numbers.scanner import scan

__all__ = ["APPROX_TOLERANCE", "NumberToken", "Quantity", "Scan", "scan"]
