"""The period phrase grammars: (name, trigger kinds, pattern with ``{{WORD_CLASSES}}``, resolver), in
priority order: among candidates of one length the earlier grammar wins."""

from __future__ import annotations

from collections.abc import Callable

from figcheck.extract.periods.context import Resolution
from figcheck.extract.periods.resolve_days import (
    resolve_day,
    resolve_day_range,
    resolve_day_word,
    resolve_month,
    resolve_month_range,
    resolve_month_year,
    resolve_numeric_date,
    resolve_numeric_month,
    resolve_week_of,
    resolve_weekday,
    resolve_weekday_range,
    resolve_weekend,
)
from figcheck.extract.periods.resolve_units import (
    resolve_ordinal_quarter,
    resolve_ordinal_week,
    resolve_quarter_code,
    resolve_relative_unit,
)
from figcheck.extract.periods.resolve_years import (
    resolve_century,
    resolve_decade,
    resolve_rest_of_year,
    resolve_whole_year,
    resolve_year,
    resolve_year_to_date,
    resolve_years_range,
)

GRAMMARS: list[tuple[str, str, str, Callable[..., Resolution | None]]] = [
    (
        "rest_of_year",
        "unit year num",
        r"(?:{{REST_OF_YEAR_PHRASES}}|{{REST_OF_YEAR_HEADS}}\s*(?P<yr>{{YEARREF_B}}))",
        resolve_rest_of_year,
    ),
    (
        "year_to_date",
        "unit year num",
        r"(?:{{YEAR_TO_DATE_PHRASES}}|{{YEAR_TO_DATE_HEADS}}\s*(?P<yr>{{YEARREF_B}}))",
        resolve_year_to_date,
    ),
    ("whole_year", "unit year num", r"{{WHOLE_YEAR_HEADS}}\s*(?P<yr>{{YEARREF_B}})", resolve_whole_year),
    (
        "whole_year_after",
        "year num",
        r"(?:{{LEAD}})(?P<yr>{{YEARREF_B}})\s+{{WHOLE_YEAR_TAILS}}",
        resolve_whole_year,
    ),
    (
        "years_range",
        "year num",
        r"(?:{{RANGEOPEN}}\s+)?(?P<y1>{{YEARREF}})\s*{{RANGEJOIN}}\s*(?P<y2>{{YEAR4}}|(?<=-)\d\d(?![\w]))",
        resolve_years_range,
    ),
    (
        "decade",
        "decade num",
        r"(?:{{LEAD}})(?:(?P<dec>(?<![\w])(?:1\d|2\d)?\d0'?s)(?![\w])"
        r"|(?:(?P<cent>{{YEARWORDS}})\s+)?(?P<dw>{{DECADEWORD}})"
        r"|{{DECADEHEAD}}\s+(?P<dec>(?:1\d|2\d)?\d0(?![\w])|{{YEARWORDS}}))",
        resolve_decade,
    ),
    (
        "century",
        "unit",
        r"(?:{{LEAD}})(?P<n>(?<![\w])(?:\d{1,2}|[xvi]{1,5})(?:e|eme|ème|er|st|nd|rd|th))\s+{{CENTURY}}",
        resolve_century,
    ),
    (
        "ord_quarter",
        "unit",
        r"(?:{{LEAD}})(?P<ord>{{ORD}})\s+(?:(?P<q>{{QUARTERW}})|(?P<half>{{HALFW}}))"
        r"(?:\s*(?:of\s+|de\s+|d'|du\s+|in\s+)?(?P<yr>{{YEARREF_B}}))?",
        resolve_ordinal_quarter,
    ),
    (
        "code_quarter",
        "code year",
        r"(?:{{LEAD}})(?:(?P<y1>{{YEAR4}})\s*)?(?P<qq>(?<![a-z])[qtsh][1-4](?![\w])|(?<![\w])[1-4][qth](?![\w]))(?:\s*(?P<y2>{{YEAR4}}|'\d\d(?!\d)))?",
        resolve_quarter_code,
    ),
    (
        "ord_week",
        "unit",
        r"(?:{{LEAD}})(?P<ord>{{ORD}})\s+{{WEEKW}}\s*(?:(?:of|in|de|du|d')\s*)?"
        r"(?:(?P<mon>{{MONTH}})(?:\s*,?\s*(?:of\s+|de\s+)?(?P<yr>{{YEARREF}}))?"
        r"|(?P<thism>{{RELPRE}}\s+{{MONTHW}}|(?:{{DET}})?{{MONTHW}}(?:-ci|\s+{{RELPOST}})|(?:{{DET}}){{MONTHW}})"
        r"|(?P<yr>{{YEARREF_B}}))",
        resolve_ordinal_week,
    ),
    ("week_of", "unit", r"(?:{{LEAD}}){{WEEKW}}\s+{{WEEKOF}}\s+(?P<inner>{{DAYDATE}})", resolve_week_of),
    ("relunit", "unit", r"(?:{{LEAD}}){{RELUNIT}}", resolve_relative_unit),
    (
        "month_range",
        "month",
        r"(?:{{LEAD}})(?:{{RANGEOPEN}})\s*(?:{{DET}})?(?P<mon1>{{MONTH}})\s*{{RANGEJOIN}}\s*(?:{{DET}})?"
        r"(?P<mon>{{MONTH}})(?:\s*,?\s*(?:of\s+|de\s+|d'|in\s+)?(?P<yr>{{YEAR4}}))?",
        resolve_month_range,
    ),
    (
        "month_year",
        "month",
        r"(?:{{LEAD}})(?:{{MONTHHEAD}})?(?P<mon>{{MONTH}})\s*,?\s*(?:of\s+|de\s+|d'|in\s+)?(?:{{DET}})?"
        r"(?P<yr>{{RELYEAR}}|(?:{{YEARUNIT}}\s+)?{{YEAR4}}|{{YEARWORDS}})",
        resolve_month_year,
    ),
    ("year_month", "month", r"(?:{{LEAD}})(?P<yr>{{YEAR4}})\s+(?P<mon>{{MONTH}})", resolve_month_year),
    (
        "numeric_month",
        "numeric year",
        r"(?:{{LEAD}})(?:(?<![\d/.-])(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?![\d/.-]\d)"
        r"|(?<![\d/.-])(?P<y>\d{4})\s*[/-]\s*(?P<m>\d{1,2})(?![\d/-]|\.\d|\s*[/-]\s*\d))",
        resolve_numeric_month,
    ),
    (
        "day_range",
        "month",
        r"(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?:{{DET}})?(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*(?:{{DET}})?"
        r"(?P<d2>{{DAYNUM}})\s+(?P<mon>{{MONTH}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?P<mon>{{MONTH}})\s+(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*"
        r"(?P<d2>{{DAYNUM}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?:{{DET}})?(?P<d1>{{DAYNUM}})\s+(?P<mon1>{{MONTH}})\s*{{RANGEJOIN}}\s*"
        r"(?:{{DET}})?(?P<d2>{{DAYNUM}})\s+(?P<mon>{{MONTH}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?"
        r"|(?:{{LEAD}})(?:{{RANGEOPEN}}\s+)?(?P<mon1>{{MONTH}})\s+(?P<d1>{{DAYNUM}})\s*{{RANGEJOIN}}\s*"
        r"(?P<mon>{{MONTH}})\s+(?P<d2>{{DAYNUM}})(?:\s*,?\s*(?P<yr>{{YEAR4}}))?",
        resolve_day_range,
    ),
    (
        "day",
        "month",
        r"(?:{{LEAD}})(?:(?P<wdd>{{WEEKDAY}})\s*,?\s+)?(?:(?:the|le)\s+)?(?P<d>{{DAYNUM}})\s+(?:of\s+)?(?P<mon>{{MONTH}})"
        r"(?:\s*,?\s*(?P<yr>{{YEAR4}})|\s+(?:of\s+|de\s+)?(?P<yr>{{RELYEAR}})|\s+(?P<post>{{RELPOST}}))?"
        r"|(?:{{LEAD}})(?:(?P<wdd>{{WEEKDAY}})\s*,?\s+)?(?P<mon>{{MONTH}})\s+(?:the\s+)?(?P<d>{{DAYNUM}})"
        r"(?:\s*,\s*(?P<yr>{{YEAR4}})|\s+(?P<yr>{{YEAR4}})|\s+(?:of\s+|de\s+)?(?P<yr>{{RELYEAR}}))?",
        resolve_day,
    ),
    (
        "numeric_date",
        "numeric year",
        r"(?:{{LEAD}})(?:(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})(?![\d/.]\d)"
        r"|(?<![\d/.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d]))",
        resolve_numeric_date,
    ),
    # "ce matin-là", "ce week-end-là" point back to a day the text named, not to the statement's
    ("dayword", "day", r"(?:{{LEAD}})(?P<dw>{{DAYWORDS}})(?!-l[aà](?![\w]))", resolve_day_word),
    (
        "weekend",
        "weekend",
        r"(?:(?P<lead>{{PREP}})(?:{{DET}})?|{{DET}})?(?:(?P<pre>{{RELPRE}})\s+)?(?P<we>{{WEEKEND}})"
        r"(?!-l[aà](?![\w]))(?:\s+(?P<post>{{RELPOST}}))?",
        resolve_weekend,
    ),
    (
        # "dans la nuit de vendredi à samedi 1er avril", "from Monday to Wednesday"
        "weekday_range",
        "weekday",
        r"(?:{{LEAD}}){{RANGEOPEN}}\s+(?P<wd1>{{WEEKDAY}})\s*{{RANGEJOIN}}\s*(?P<wd2>{{WEEKDAY}})"
        r"(?:\s+(?:the\s+|le\s+)?(?P<d>{{DAYNUM}})\s+(?:of\s+)?(?P<mon>{{MONTH}}))?",
        resolve_weekday_range,
    ),
    (
        "weekday",
        "weekday",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?:(?P<pre>{{RELPRE}})\s+)?(?P<wd>{{WEEKDAY}})(?:\s+(?P<post>{{RELPOST}}))?"
        r"(?:\s+(?:the\s+|le\s+)?(?P<d>{{DAYNUM}}))?",
        resolve_weekday,
    ),
    (
        "month",
        "month",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?:(?P<pre>{{RELPRE}})\s+|(?P<head>{{MONTHHEAD}}))?"
        r"(?P<mon>{{MONTH}})(?:\s+(?P<post>{{RELPOST}}))?",
        resolve_month,
    ),
    (
        "year",
        "year num unit",
        r"(?:(?P<lead>{{PREP}})?(?:{{DET}})?)(?P<yr>{{RELYEAR}}|(?:(?:calendar\s+|fiscal\s+)?{{YEARUNIT}}\s+)?"
        r"{{YEAR4}}|(?<![\w-]){{YEARWORDS}})",
        resolve_year,
    ),
]
