"""Names of people, places and organisations across romanization conventions.

``name_key`` folds one spelling into a key that its other romanizations share (Cyrillic, French
press, English/BGN-PCGN, German, Spanish, Italian, Polish, ISO 9 and scholarly); ``convention`` tells
which convention a spelling follows; ``cluster`` resolves keys over a whole collection (a spelling
without patronymic joins the one fuller spelling it fits); ``explain`` says why two names match or not.
The conventions are data tables in ``data/``.
"""

from figcheck.text.names.cluster import cluster, cluster_lines
from figcheck.text.names.conventions import CONVENTIONS, convention
from figcheck.text.names.explain import explain
from figcheck.text.names.keys import NameParts, name_key, name_parts, spelled_alike, surname_key

__all__ = [
    "CONVENTIONS",
    "NameParts",
    "cluster",
    "cluster_lines",
    "convention",
    "explain",
    "name_key",
    "name_parts",
    "spelled_alike",
    "surname_key",
]
