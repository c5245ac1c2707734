from collections.abc import Iterator

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, join, prefetch, rule, spans
from figcheck.text.titles import exclusive_roles, title_key, titles_compatible


def incompatible(a: str, b: str) -> bool:
    """Two titles name different posts: different roles in one body, roles one person does not hold
    at once (`President`, `Defence Minister`; `maire de Lyon`, `député`), or one role in different
    bodies (`ministre de la Défense`, `ministre des Affaires étrangères`).

    Other roles in bodies that share nothing (`State Senator`, `Ambassador`, `General`) are posts one
    person may hold, or have held, and are not compared; nor is a title marked as past (`former`).
    """
    key_a, key_b = title_key(a), title_key(b)
    if key_a.role is None or key_b.role is None or key_a.tense or key_b.tense:
        return False
    if key_a.role != key_b.role:
        return frozenset({key_a.role, key_b.role}) in exclusive_roles() or titles_compatible(a, b) is True
    return titles_compatible(a, b) is False


@rule(code="NM002", slug="title-drift", severity="warning", family="names")
def title_drift(tables: Tables) -> Iterator[Finding]:
    """One person is given incompatible titles in one article.

    Why
    ---
    A secretary of the Security Council is not its head, and a president is not a defence minister.
    A title that changes between paragraphs is either a translation slip or two different people
    merged into one.

    Bad
    ---
    Le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, a parlé du forum. Le chef du Conseil
    de sécurité russe a déclaré que le programme comprend des tables rondes.

    Good
    ----
    Le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, a parlé du forum. Le secrétaire du
    Conseil de sécurité russe a déclaré que le programme comprend des tables rondes.
    """
    titled = tables.mentions.filter((nw.col("type") == "person") & ~nw.col("title").is_null()).select(
        "doc_id", "entity_id", "mention_id", "start", "title", "name"
    )
    pairs = (
        join(titled, titled, on=["doc_id", "entity_id"], suffix="_b")
        .filter((nw.col("start") < nw.col("start_b")) & (nw.col("title") != nw.col("title_b")))
        .sort("doc_id", "entity_id", "start", "start_b")
        .collect()
    )
    prefetch(tables, [*pairs["mention_id"].to_list(), *pairs["mention_id_b"].to_list()], table="mentions")
    reported: set[tuple[str, str]] = set()
    for pair in hits_of(pairs):
        key = (pair["doc_id"], pair["entity_id"])
        if key in reported or not incompatible(pair["title"], pair["title_b"]):
            continue
        reported.add(key)
        yield Finding(
            doc_id=pair["doc_id"],
            message=(f'{pair["name"]} is "{pair["title"]}" here and "{pair["title_b"]}" there'),
            evidence=spans(tables, pair["mention_id"], pair["mention_id_b"], table="mentions"),
            suggestion="check the person's title and use it consistently",
        )
