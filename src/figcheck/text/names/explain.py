"""Human-readable reasons why two spellings do or do not name one entity."""

from __future__ import annotations

from collections.abc import Sequence

from figcheck.text.names.cluster import cluster
from figcheck.text.names.conventions import convention
from figcheck.text.names.keys import ParsedName, Word, infer_type, parse

_FEMININE_ENDINGS = ("a", "aja")


def _article(type_: str) -> str:
    return f"an {type_}" if type_[0] in "aeiou" else f"a {type_}"


def _side(word: Word | None) -> str:
    if word is None:
        return "(none)"
    return f"'{word.text}' ({word.convention}) -> {word.key}"


def _gendered(a: str, b: str) -> bool:
    for x, y in ((a, b), (b, a)):
        for end in _FEMININE_ENDINGS:
            stem = x[: -len(end)]
            if x.endswith(end) and y in (stem, stem + "i", stem + "ij"):
                return True
    return False


def _part(label: str, wa: Word | None, wb: Word | None, ka: str | None, kb: str | None) -> str:
    if wa is None and wb is None:
        return f"  {label}: in neither"
    if wa is None or wb is None:
        which = "second" if wa is None else "first"
        return f"  {label}: only in the {which} spelling, {_side(wa or wb)}"
    if ka == kb:
        how = "same key" if wa.key == wb.key else f"same once read as the collection reads it ({ka})"
        return f"  {label}: {_side(wa)} = {_side(wb)}: {how}"
    extra = ""
    if label == "surname" and _gendered(ka or "", kb or ""):
        extra = " (gendered forms of one surname: different people)"
    return f"  {label}: {_side(wa)} differs from {_side(wb)}{extra}"


def _conventions(a: str, b: str) -> str:
    ca, cb = convention(a), convention(b)
    if ca == cb:
        return f"  conventions: both {ca}"
    return f"  conventions: {ca.capitalize()} convention in the first, {cb.capitalize()} in the second"


def explain(a: str, b: str, types: Sequence[str | None] | None = None) -> str:
    """Why two spellings get one entity key or two, part by part, with their conventions."""
    ta = (types[0] if types else None) or infer_type(a)
    tb = (types[1] if types else None) or infer_type(b)
    ka, kb = cluster([a, b], [ta, tb])
    pa: ParsedName = parse(a, ta)
    pb: ParsedName = parse(b, tb)
    verdict = "same entity" if ka == kb else "different entities"
    lines = [f"'{a}' and '{b}': {verdict} ({ka}{'' if ka == kb else ' / ' + kb})", _conventions(a, b)]
    if ta != tb:
        never = f"{_article(ta)} and {_article(tb)} are never one entity, however alike the names"
        lines.append(f"  types: {never}")
        return "\n".join(lines)
    if ta != "person":
        return "\n".join(lines)
    sa, sb = ka.split(":"), kb.split(":")
    sur_a, sur_b = sa[1], sb[1]
    lines.append(_part("surname", pa.surname, pb.surname, sur_a, sur_b))
    ga = sa[2] if len(sa) > 2 and pa.given is not None else None
    gb = sb[2] if len(sb) > 2 and pb.given is not None else None
    lines.append(_part("given name", pa.given, pb.given, ga, gb))
    pat_a = sa[3] if len(sa) > 3 and pa.patronymic is not None else None
    pat_b = sb[3] if len(sb) > 3 and pb.patronymic is not None else None
    line = _part("patronymic", pa.patronymic, pb.patronymic, pat_a, pat_b)
    if (pa.patronymic is None) != (pb.patronymic is None) and ka == kb:
        line += "; a spelling without patronymic joins the only fuller spelling it fits"
    lines.append(line)
    return "\n".join(lines)
