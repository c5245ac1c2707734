"""Entity keys resolved over a whole collection of names, and explanations of a match.

Keys are computed per name, then grouped by surname key; only inside a surname group are given names
and patronymics compared, so the work grows with the number of names, not with pairs of names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence

from rapidfuzz import fuzz

from figcheck.text.names.conventions import LATIN_CONVENTIONS, convention
from figcheck.text.names.keys import TYPES, ParsedName, Word, fold_word, given_key, infer_type, parse

Alternatives = Callable[[], tuple[str, ...]]


def _resolve_readings(items: dict[str, tuple[str, Alternatives]], weight: Counter[str]) -> dict[str, str]:
    """Map each text to a key: its own reading, or another reading that other texts attest.

    ``items`` maps a text to (own key, function giving its other readings, called only when needed).
    A text whose own key no other text shares
    takes the alternative reading attested by the most mentions, if any; so an ambiguous grapheme
    (``ch`` in ``Zacharova``) is read the way the rest of the collection reads it.
    """
    attest: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for text, (key, _) in items.items():
        attest[key].add(text)
        mentions[key] += weight[text]
    out: dict[str, str] = {}
    for text, (key, alternatives) in items.items():
        out[text] = key
        if len(attest[key]) > 1:
            continue
        best = None
        for alt in alternatives():
            if alt != key and alt in attest and (best is None or mentions[alt] > mentions[best]):
                best = alt
        if best is not None:
            out[text] = best
    return out


_VOWEL = re.compile("[aeiou]")
PATRONYMIC_SIMILARITY = 84.0
"""Two patronymics of one given name and surname this alike (rapidfuzz ratio on keys) are one."""


def _shape(key: str) -> str:
    return _VOWEL.sub("V", key)


def _resolve_vowel_drift(
    people: list[tuple[ParsedName, int]], surname_of: dict[str, str], weight: Counter[str]
) -> None:
    """Let a surname spelt by one text only join a surname that differs from it in one vowel.

    Vowels are the least stable letters across romanizations (``Usmonov`` / ``Usmanov``). The two must
    have the same letters and vowel positions apart from one vowel, the same ending (so gendered forms
    never meet) and be worn by a person of the same given name; blocks are (given name, shape), so no
    pair of names is compared outside a block.
    """
    texts_of: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for text, key in surname_of.items():
        texts_of[key].add(text)
        mentions[key] += weight[text]
    blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
    for parsed, _ in people:
        if parsed.surname is not None and parsed.given is not None:
            key = surname_of[parsed.surname.text]
            blocks[(parsed.given.key, _shape(key))].add(key)
    for parsed, _ in people:
        if parsed.surname is None or parsed.given is None:
            continue
        text = parsed.surname.text
        key = surname_of[text]
        if len(texts_of[key]) > 1:
            continue
        best = None
        for other in blocks[(parsed.given.key, _shape(key))]:
            if other == key or other[-1] != key[-1]:
                continue
            if sum(x != y for x, y in zip(key, other, strict=True)) != 1:
                continue
            if best is None or (mentions[other], other) > (mentions[best], best):
                best = other
        if best is not None and mentions[best] >= mentions[key]:
            surname_of[text] = best


def _resolve_patronymic_drift(
    people: list[tuple[ParsedName, int]],
    members: list[int],
    given_of: dict[str, str],
    pat_of: dict[str, str],
    weight: Counter[str],
) -> None:
    """Within one surname and given name, fold near-identical patronymics (typos, one letter voiced)."""
    by_given: dict[str, Counter[str]] = defaultdict(Counter)
    texts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i in members:
        parsed, _ = people[i]
        if parsed.given is not None and parsed.patronymic is not None:
            g = given_of[parsed.given.text]
            p = pat_of[parsed.patronymic.text]
            by_given[g][p] += weight[parsed.patronymic.text]
            texts[(g, p)].add(parsed.patronymic.text)
    for g, counts in by_given.items():
        if len(counts) < 2:
            continue
        canon: list[str] = []
        target: dict[str, str] = {}
        for p in sorted(counts, key=lambda k: (-counts[k], k)):
            match = next(
                (
                    c
                    for c in canon
                    if c.endswith("na") == p.endswith("na") and fuzz.ratio(c, p) >= PATRONYMIC_SIMILARITY
                ),
                None,
            )
            if match is None:
                canon.append(p)
            else:
                target[p] = match
        for p, c in target.items():
            for text in texts[(g, p)]:
                pat_of[text] = c


def _given_readings(word: Word) -> tuple[str, Alternatives]:
    return word.key, lambda: tuple(given_key(r) for r in word.readings()[1:])


def _readings(word: Word) -> tuple[str, Alternatives]:
    return word.key, lambda: word.readings()[1:]


def _resolve_people(people: list[tuple[ParsedName, int]]) -> list[str]:
    """Entity keys for person names (with their mention counts), in the same order."""
    surnames: dict[str, tuple[str, Alternatives]] = {}
    weight: Counter[str] = Counter()
    for parsed, count in people:
        if parsed.surname is not None:
            w = parsed.surname
            surnames.setdefault(w.text, _readings(w))
            weight[w.text] += count
    surname_of = _resolve_readings(surnames, weight)
    _resolve_vowel_drift(people, surname_of, weight)

    groups: dict[str, list[int]] = defaultdict(list)
    for i, (parsed, _) in enumerate(people):
        groups[surname_of[parsed.surname.text] if parsed.surname else ""].append(i)

    keys = [""] * len(people)
    for surname, members in groups.items():
        givens: dict[str, tuple[str, Alternatives]] = {}
        pats: dict[str, tuple[str, Alternatives]] = {}
        gw: Counter[str] = Counter()
        pw: Counter[str] = Counter()
        for i in members:
            parsed, count = people[i]
            if parsed.given is not None:
                givens.setdefault(parsed.given.text, _given_readings(parsed.given))
                gw[parsed.given.text] += count
            if parsed.patronymic is not None:
                w = parsed.patronymic
                pats.setdefault(w.text, _readings(w))
                pw[w.text] += count
        given_of = _resolve_readings(givens, gw)
        pat_of = _resolve_readings(pats, pw)
        _resolve_patronymic_drift(people, members, given_of, pat_of, pw)

        full: dict[int, tuple[str, str | None]] = {}
        with_pat: dict[str, set[str]] = defaultdict(set)
        for i in members:
            parsed, _ = people[i]
            if parsed.given is not None:
                g = given_of[parsed.given.text]
                p = pat_of[parsed.patronymic.text] if parsed.patronymic is not None else None
                full[i] = (g, p)
                if p is not None:
                    with_pat[g].add(p)
        # a spelling without patronymic joins the one entity with that given name and a patronymic
        for i, (g, p) in full.items():
            if p is None and len(with_pat[g]) == 1:
                full[i] = (g, next(iter(with_pat[g])))
        entities = set(full.values())
        for i in members:
            parsed, _ = people[i]
            if i in full:
                g, p = full[i]
                keys[i] = ":".join(["person:" + surname, g] + ([p] if p else []))
                continue
            found = entities
            if parsed.initial is not None:
                found = {e for e in entities if e[0].startswith(parsed.initial)}
            if len(found) == 1:
                g, p = next(iter(found))
                keys[i] = ":".join(["person:" + surname, g] + ([p] if p else []))
            else:
                keys[i] = ":".join(["person:" + surname] + ([parsed.initial] if parsed.initial else []))
    return keys


def _resolve_others(others: list[tuple[ParsedName, int]]) -> list[str]:
    items: dict[str, tuple[str, Alternatives]] = {}
    weight: Counter[str] = Counter()

    def alternatives(parsed: ParsedName) -> Alternatives:
        if parsed.convention == "cyrillic":
            return lambda: ()
        return lambda: tuple(
            f"{parsed.type}:" + "_".join(fold_word(w.text, conv) for w in parsed.words)
            for conv in LATIN_CONVENTIONS
        )

    for parsed, count in others:
        text = f"{parsed.type}\t{parsed.text}"
        items.setdefault(text, (parsed.key(), alternatives(parsed)))
        weight[text] += count
    resolved = _resolve_readings(items, weight)
    return [resolved[f"{p.type}\t{p.text}"] for p, _ in others]


def cluster(
    names: Sequence[str], types: Sequence[str | None] | None = None, counts: Sequence[int] | None = None
) -> list[str]:
    """One entity key per input name, resolved over the whole input.

    ``counts`` gives how often each name occurs, for an input of distinct names; otherwise each
    occurrence is one input name.

    ``types`` (``person``, ``place``, ``organization``) may be given per name; a missing type is
    inferred (an all-caps name with an organisation word is an organisation, anything else a person).
    A person's spelling without patronymic joins the entity of a fuller spelling when exactly one
    entity of that surname has that given name; two patronymics stay two entities.
    """
    if types is not None and len(types) != len(names):
        raise ValueError(f"cluster: {len(names)} names but {len(types)} types")
    if counts is not None and len(counts) != len(names):
        raise ValueError(f"cluster: {len(names)} names but {len(counts)} counts")
    slot: dict[tuple[str, str], int] = {}
    parsed: list[ParsedName] = []
    occurrences: list[int] = []
    ids: list[int] = []
    inferred: dict[str, str] = {}
    for i, name in enumerate(names):
        t = types[i] if types is not None else None
        if not t:
            t = inferred.get(name)
            if t is None:
                t = inferred[name] = infer_type(name)
        j = slot.get((name, t))
        if j is None:
            j = slot[(name, t)] = len(parsed)
            parsed.append(parse(name, t))
            occurrences.append(0)
        occurrences[j] += counts[i] if counts is not None else 1
        ids.append(j)
    people = [j for j, p in enumerate(parsed) if p.type == "person"]
    others = [j for j, p in enumerate(parsed) if p.type != "person"]
    keys = [""] * len(parsed)
    for j, key in zip(people, _resolve_people([(parsed[j], occurrences[j]) for j in people]), strict=True):
        keys[j] = key
    for j, key in zip(others, _resolve_others([(parsed[j], occurrences[j]) for j in others]), strict=True):
        keys[j] = key
    return [keys[j] for j in ids]


def cluster_lines(lines: Iterable[str]) -> Iterator[str]:
    """``name<TAB>key<TAB>convention`` for each non-blank input line, in input order.

    An input line is a name, optionally followed by a tab and its type.
    """
    names: list[str] = []
    types: list[str | None] = []
    for line in lines:
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        name, _, written_type = line.partition("\t")
        type_ = written_type.strip() or None
        if type_ is not None and type_ not in TYPES:
            raise ValueError(f"unknown name type {type_!r} for {name!r}; expected one of {', '.join(TYPES)}")
        names.append(name.strip())
        types.append(type_)
    for name, key in zip(names, cluster(names, types), strict=True):
        yield f"{name}\t{key}\t{convention(name)}"
