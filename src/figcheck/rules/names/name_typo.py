from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations, groupby

import narwhals as nw

from figcheck.rules import Finding, Tables, hits_of, prefetch, rule, spans
from figcheck.rules.names.name_variant import spellings
from figcheck.text.names.slips import one_slip


def one_slip_apart(a: str, b: str) -> bool:
    """Two full names that differ in one word by one letter (changed, left out, doubled or swapped)."""
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b) or len(words_a) < 2:
        return False
    changed = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
    if len(changed) != 1:
        return False
    return one_slip(*changed[0])


@rule(code="NM004", slug="name-typo", severity="warning", family="names")
def name_typo(tables: Tables) -> Iterator[Finding]:
    """A person's full name is written once with a letter changed, left out, doubled or swapped.

    Why
    ---
    "Vladimir Poutine" and "Vladimir Poutne" are one person to a reader, but a search, an index or a
    name table sees two. The spellings are too far apart to be read as one name, so they come out as two
    people; a full name one letter away from another in the same article is almost always a slip. The
    name the article, then the collection, writes more often is suggested; when nothing tells the two
    apart, neither is called the slip.

    Bad
    ---
    Christophe Borgel a dénoncé la décision. Plus tard, Christophe Brgel a pesté contre le vote.

    Good
    ----
    Christophe Borgel a dénoncé la décision. Plus tard, Christophe Borgel a pesté contre le vote.
    """
    people = (
        spellings(tables)
        .filter(~nw.col("name").is_null())
        .select("doc_id", "entity_id", "mention_id", "text")
        .sort("doc_id", "mention_id")
        .collect()
    )
    everywhere = Counter(r["text"] for r in hits_of(people))
    hits: list[tuple[str, list[str], dict[str, str]]] = []  # article, mention ids, wording
    for doc_id, group in groupby(hits_of(people), key=lambda r: r["doc_id"]):
        rows = list(group)
        uses = Counter(r["text"] for r in rows)
        entity_of = {r["text"]: r["entity_id"] for r in rows}
        mentions_of: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)  # in reading order
        for order, r in enumerate(rows):
            mentions_of[r["text"]].append((order, r["mention_id"]))
        for a, b in _sharing_all_words_but_one(uses):
            if entity_of[a] != entity_of[b] and one_slip_apart(a, b):
                ids = [mention for _, mention in sorted(mentions_of[a] + mentions_of[b])]
                hits.append((doc_id, ids, _wording(a, b, uses, everywhere)))
    prefetch(tables, [i for _, ids, _ in hits for i in ids], table="mentions")
    for doc_id, ids, wording in hits:
        yield Finding(doc_id=doc_id, evidence=spans(tables, *ids, table="mentions"), **wording)


# More names than this pairwise one slip apart are a list of names (numbered, coded), not slips of one.
MOST_SLIPS_OF_ONE_NAME = 20


def _sharing_all_words_but_one(names: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of names (in sorted order) with as many words, all the same but one, which is the same once
    a letter is left out of each or of one (its forms one letter shorter): the only names one slip can
    part. Grouping them by their other words and those forms keeps an article naming thousands of
    people, most of them sharing a first name, linear."""
    groups: defaultdict[tuple[int, tuple[str, ...], str], list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        words = name.split()
        for i in range(len(words) if len(words) >= 2 else 0):
            others, word = (*words[:i], *words[i + 1 :]), words[i].lower()
            for form in {word, *(word[:cut] + word[cut + 1 :] for cut in range(len(word)))}:
                groups[(i, others, form)].append(name)
    return sorted(
        {
            pair
            for group in groups.values()
            if len(group) <= MOST_SLIPS_OF_ONE_NAME
            for pair in combinations(group, 2)
        }
    )


def _wording(a: str, b: str, uses: Counter[str], everywhere: Counter[str]) -> dict[str, str]:
    """The message and suggestion: the name the article, then the collection, writes more often is the
    one meant; when nothing tells them apart, neither is called the slip."""
    rank_a, rank_b = (uses[a], everywhere[a]), (uses[b], everywhere[b])
    if rank_a == rank_b:
        return {
            "message": f'"{a}" and "{b}" ({uses[a]}× each) differ by one letter',
            "suggestion": "check which spelling is right and use it throughout",
        }
    slip, meant = (a, b) if rank_a < rank_b else (b, a)
    return {
        "message": f'"{slip}" ({uses[slip]}×) is one letter away from "{meant}" ({uses[meant]}×)',
        "suggestion": f"write '{meant}' throughout",
    }
