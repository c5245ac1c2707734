"""Period phrases, their scope and their dates, in French and English news text.

A figure is reported for a period ("en janvier 2026", "pour l'ensemble de l'année 2026", "pendant le
reste de cette année", "in Q1 2023", "last week"). ``find_periods`` finds these phrases, tells their
scope (a month, a whole year, the rest of a year...) and resolves their first and last day.

How it works: one compiled regular expression of trigger words (month names, weekdays, unit words such
as ``semaine`` or ``year``, four-digit years, quarter codes...) finds the places worth reading. Each
phrase grammar reads the small windows around the hits of the kinds of word it needs (a month, a
weekday, a year...); among overlapping candidates the longest wins. All wording (month names, relative
words, scope phrases, number words) comes from ``data/periods_<lang>.yaml``; the grammars only arrange
word classes.

Resolution of phrases that lack a year or are relative ("en janvier", "la semaine dernière",
"Q3") uses ``reference`` when given (anchor ``reference``), else ``context_year`` (anchor
``context_year``), else the dates stay ``None`` (anchor ``none``). A month, quarter, day or weekday
without a year is read in the past (the latest one on or before the reference date) unless the
sentence is about a plan (see ``figcheck.extract.status``), then in the future (the first one on or
after it). ``next``/``prochain`` and ``last``/``dernier`` force the reading.

Scopes: ``day``, ``week`` (Monday to Sunday), ``month``, ``quarter``, ``half_year``, ``whole_year``,
``rest_of_year`` (reference date to 31 December), ``year_to_date`` (1 January to the reference date),
``multi_year`` (several calendar years: ranges of years, decades, centuries), ``other`` (a stretch that
is no calendar unit, both ends known: "sur un an", "in three days"; see ``figcheck.extract.stretches``)
and ``unspecified``:
a range of days ("du 26 au 29 mai": both dates set), a part of a period ("fin 2025", "mid-2024": the
dates are those of the whole period, which contains it), an open interval ("depuis 2014": 1 January
2014 to the reference date; "d'ici 2030": the reference date to 31 December 2030; a missing bound is
``None``).

Where each part lives: ``period.py`` (:class:`Period`), ``words.py`` (folding, alternations, the
:class:`~figcheck.extract.periods.words.Lexicon` record), ``macros.py`` (word classes and their strict
expansion), ``grammars.py`` (the phrase grammars, in priority order), ``lexicon.py`` (a language's compiled
lexicon), ``context.py`` (calendar arithmetic and what resolvers read: years, months, the reading of a date
without a year), ``resolve_years.py``, ``resolve_units.py`` and ``resolve_days.py`` (a phrase's dates), and
``finder.py`` (windows around trigger words, the longest candidate kept, modifiers such as "depuis").
"""

from figcheck.extract.periods.finder import find_periods
from figcheck.extract.periods.period import ANCHORS, Period
from figcheck.extract.periods.words import fold, wording

__all__ = ["ANCHORS", "Period", "find_periods", "fold", "wording"]
