"""The validated tables every rule reads: one pandera model each, strict, every field documented.

Offsets (`start`, `end`) count characters of the article body; `end` is exclusive.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from figcheck.load.gazetteer import TYPES as MENTION_TYPES
from figcheck.vocabulary import QUALIFIERS, SCOPES, SEVERITIES, STATUSES, TOKEN_KINDS, UNIT_KINDS

ORIGINS = ("extracted", "curated")


class Table(pa.DataFrameModel):
    """Every table is strict (no column beyond its fields) and coerces values to its types."""

    class Config:
        strict = True
        coerce = True


class SpanTable(Table):
    """A table whose rows are spans of an article body."""

    @pa.dataframe_check
    @classmethod
    def start_before_end(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["start"] < df["end"]


class Documents(Table):
    """One row per article read."""

    doc_id: Series[str] = pa.Field(
        unique=True, description="Article id: front matter `id`, else the file name."
    )
    collection: Series[str] = pa.Field(description="Name of the collection folder the article belongs to.")
    path: Series[str] = pa.Field(description="Path of the article file, or of the table holding its row.")
    row: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=1, description="Row of the article table (first row 1); null for an article file."
    )
    body_line: Series[int] = pa.Field(
        ge=1,
        description="Line of the file where the body starts (after front matter); for a table row, the line "
        "where the row starts (a Parquet table's row number).",
    )
    source_map: Series[str] = pa.Field(
        description="Where the body's runs of text sit in the file, as a JSON list of [offset, line, column] "
        "(Markdown, whose marks are not part of the body); empty when body lines are file lines."
    )
    title: Series[str] = pa.Field(nullable=True, description="Front matter `title`.")
    url: Series[str] = pa.Field(
        nullable=True, description="Front matter `url`; a web page's canonical URL; a table's `url` column."
    )
    outlet: Series[str] = pa.Field(nullable=True, description="Front matter `outlet`: who published it.")
    published: Series[pd.Timestamp] = pa.Field(nullable=True, description="Front matter `published` date.")
    language: Series[str] = pa.Field(isin=["fr", "en"], description="Language code, given or detected.")
    length: Series[int] = pa.Field(ge=0, description="Body length in characters.")
    figure_tokens: Series[int] = pa.Field(ge=0, description="Number-like tokens that are reported figures.")
    other_tokens: Series[int] = pa.Field(
        ge=0,
        description="Number-like tokens recognised as non-figures: dates, years, times, ordinals, ages, ids.",
    )
    unparsed_tokens: Series[int] = pa.Field(
        ge=0, description="Number-like tokens figcheck did not understand."
    )
    metadata: Series[str] = pa.Field(description="Other front matter keys, as a JSON object.")


class Figures(SpanTable):
    """One row per reported figure, extracted from text or curated by hand."""

    figure_id: Series[str] = pa.Field(unique=True, description="`<doc_id>#<n>`, unique in the run.")
    doc_id: Series[str] = pa.Field(description="Article the figure is reported in.")
    sentence: Series[int] = pa.Field(ge=0, description="0-based index of the sentence holding the figure.")
    start: Series[int] = pa.Field(ge=0, description="Offset of the figure's first character.")
    end: Series[int] = pa.Field(description="Offset just past the figure's last character.")
    text: Series[str] = pa.Field(description="The exact span: qualifier, number, scale word.")
    value: Series[float] = pa.Field(nullable=True, description="The figure; null for a range.")
    lower: Series[float] = pa.Field(nullable=True, description="Lower bound of the interval, if any.")
    upper: Series[float] = pa.Field(nullable=True, description="Upper bound of the interval, if any.")
    lower_inclusive: Series[pd.BooleanDtype] = pa.Field(
        nullable=True, description="Whether `lower` is included."
    )
    upper_inclusive: Series[pd.BooleanDtype] = pa.Field(
        nullable=True, description="Whether `upper` is included."
    )
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS), description="How the text bounds the figure.")
    unit: Series[str] = pa.Field(nullable=True, description="Canonical unit or item counted.")
    unit_text: Series[str] = pa.Field(nullable=True, description="The unit as written.")
    unit_kind: Series[str] = pa.Field(
        nullable=True,
        isin=list(UNIT_KINDS),
        description="What the unit is: currency, measure, percent, time, count, or noun (counted, unlisted).",
    )
    period_text: Series[str] = pa.Field(nullable=True, description="The period phrase as written.")
    period_text_start: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Offset of `period_text`."
    )
    period_text_end: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, description="Offset just past `period_text`."
    )
    period_start: Series[pd.Timestamp] = pa.Field(nullable=True, description="First day of the period.")
    period_end: Series[pd.Timestamp] = pa.Field(
        nullable=True, description="Last day of the period (inclusive)."
    )
    period_scope: Series[str] = pa.Field(isin=list(SCOPES), description="Which part of a calendar unit.")
    period_anchor: Series[str] = pa.Field(
        nullable=True,
        description="What a relative period was resolved against: explicit, reference, context_year.",
    )
    status: Series[str] = pa.Field(isin=list(STATUSES), description="Delivered, planned or estimated.")
    speaker_id: Series[str] = pa.Field(nullable=True, description="Mention id of the speaker, when named.")
    speaker_text: Series[str] = pa.Field(
        nullable=True, description="Who said it, as written, with the title."
    )
    source: Series[str] = pa.Field(
        nullable=True, description="Agency the figure is attributed to (TASS, Reuters...)."
    )
    statement_date: Series[pd.Timestamp] = pa.Field(nullable=True, description="When it was said.")
    origin: Series[str] = pa.Field(isin=list(ORIGINS), description="Extracted from text, or curated by hand.")
    source_path: Series[str] = pa.Field(
        nullable=True, description="The `figures.csv` a curated figure was read from; null when extracted."
    )
    source_line: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=1, description="Line of `source_path` the curated row starts on."
    )
    source_row: Series[str] = pa.Field(
        nullable=True, description="That line as written, to show the curated row as evidence."
    )

    @pa.dataframe_check
    @classmethod
    def bounds_hold_value(cls, df: pd.DataFrame) -> pd.Series[bool]:
        below = df["lower"].isna() | df["value"].isna() | (df["lower"] <= df["value"])
        above = df["upper"].isna() | df["value"].isna() | (df["value"] <= df["upper"])
        ordered = df["lower"].isna() | df["upper"].isna() | (df["lower"] <= df["upper"])
        return below & above & ordered

    @pa.dataframe_check
    @classmethod
    def period_in_order(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["period_start"].isna() | df["period_end"].isna() | (df["period_start"] <= df["period_end"])

    @pa.dataframe_check
    @classmethod
    def value_or_bounds(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["value"].notna() | df["lower"].notna() | df["upper"].notna()


class Mentions(SpanTable):
    """One row per named person, organization, place or agency."""

    mention_id: Series[str] = pa.Field(unique=True, description="`<doc_id>@<n>`, unique in the run.")
    doc_id: Series[str] = pa.Field(description="Article the mention is in.")
    start: Series[int] = pa.Field(ge=0, description="Offset of the mention's first character.")
    end: Series[int] = pa.Field(description="Offset just past its last character.")
    text: Series[str] = pa.Field(
        description="The name, or the title phrase of a title-only mention, as written."
    )
    type: Series[str] = pa.Field(isin=list(MENTION_TYPES), description="What is named.")
    title: Series[str] = pa.Field(nullable=True, description="Role words next to the name, as written.")
    name: Series[str] = pa.Field(nullable=True, description="The full name this mention stands for.")
    refers_to: Series[str] = pa.Field(
        nullable=True, description="Mention id of the earlier full name a surname or title alone stands for."
    )
    convention: Series[str] = pa.Field(nullable=True, description="Romanization convention of the spelling.")
    entity_id: Series[str] = pa.Field(
        nullable=True, description="Resolved entity, shared by all its spellings."
    )
    canonical: Series[str] = pa.Field(
        nullable=True, description="The gazetteer's name for the entity, when pinned."
    )


class Tokens(SpanTable):
    """One row per number-like token: each is a figure, a recognised non-figure, or unparsed."""

    doc_id: Series[str] = pa.Field(description="Article the token is in.")
    start: Series[int] = pa.Field(ge=0, description="Offset of the token's first character.")
    end: Series[int] = pa.Field(description="Offset just past its last character.")
    text: Series[str] = pa.Field(description="The token as written: digits or number words.")
    kind: Series[str] = pa.Field(isin=list(TOKEN_KINDS), description="What figcheck understood it to be.")


class Findings(Table):
    """One row per problem found by a rule."""

    finding_id: Series[str] = pa.Field(unique=True, description="`F<n>` in report order.")
    code: Series[str] = pa.Field(str_matches=r"^[A-Z]+\d{3}$", description="Stable rule code, e.g. QT001.")
    slug: Series[str] = pa.Field(
        str_matches=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Rule name in kebab-case."
    )
    severity: Series[str] = pa.Field(isin=list(SEVERITIES), description="After the suite's overrides.")
    family: Series[str] = pa.Field(
        description="Rule family: quotes, names, periods, figures, spelling, table..."
    )
    doc_id: Series[str] = pa.Field(
        nullable=True, description="Article concerned; null for collection-wide findings."
    )
    message: Series[str] = pa.Field(description="What is wrong, quoting both sides.")
    evidence: Series[str] = pa.Field(
        description="The spans, `doc_id:start-end \"text\"`, separated by ' | '."
    )
    suggestion: Series[str] = pa.Field(nullable=True, description="What to do about it.")
    fingerprint: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{16}$", description="Stable across runs for the same problem: for baselines."
    )


FIGURE_COLUMNS = tuple(Figures.to_schema().columns)
MENTION_COLUMNS = tuple(Mentions.to_schema().columns)
DOCUMENT_COLUMNS = tuple(Documents.to_schema().columns)
FINDING_COLUMNS = tuple(Findings.to_schema().columns)
TOKEN_COLUMNS = tuple(Tokens.to_schema().columns)
