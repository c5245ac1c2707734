"""The score table, one column per language and ``overall``."""

from __future__ import annotations

from figcheck.evaluate.news.fields import FIELDS
from figcheck.evaluate.news.scoring import Result, Tally

ROW_NAMES = {
    "value": "value",
    "qualifier": "qualifier",
    "unit": "unit",
    "period": "period",
    "status": "status strict",
    "status_lenient": "status lenient",
    "speaker": "speaker",
}


def table(result: Result) -> str:
    """The scores as a text table, one column per language and one for all."""
    keys = list(result.scores)
    cols = [result.scores[k] for k in keys]

    def share(t: Tally) -> str:
        return f"{t.accuracy:.3f} ({t.right}/{t.scored})" if t.scored else "—"

    rows: list[tuple[str, list[str]]] = [
        ("articles", [str(s.articles) for s in cols]),
        ("figures gold", [str(s.gold) for s in cols]),
        ("figures extracted", [str(s.extracted) for s in cols]),
        ("figures matched", [str(s.matched) for s in cols]),
        ("found precision", [share(Tally(s.matched, s.extracted)) for s in cols]),
        ("found recall", [share(Tally(s.matched, s.gold)) for s in cols]),
        ("found F1", [f"{s.f1:.3f}" for s in cols]),
    ]
    rows += [(ROW_NAMES[name], [share(s.fields.get(name, Tally())) for s in cols]) for name in FIELDS]
    rows.append(("fully right", [share(s.fully_right) for s in cols]))
    label = max(len(r[0]) for r in rows)
    width = max(len(c) for _, cells in rows for c in cells + keys) + 2
    lines = [" " * label + "".join(f"{k:>{width}}" for k in keys)]
    lines += [f"{name:<{label}}" + "".join(f"{c:>{width}}" for c in cells) for name, cells in rows]
    lines.append("value, qualifier, unit: over the matched figures; period, status, speaker: over the")
    lines.append("matched count, money, percent and rate figures; fully right: over all gold figures")
    return "\n".join(lines) + "\n"
