"""Status of the figures of a sentence: actual, planned or an estimate.

"avaient été livrés", "were delivered", "has received" report what happened (``actual``);
"devrait recevoir", "il est prévu de livrer", "sera livré", "will receive", "plans to",
"is expected to" report a plan or a forecast (``planned``); "selon les estimations", "estimé à",
"an estimated", "is estimated" report an estimate (``estimate``). The cues are small regular
expressions kept in ``data/status_<lang>.yaml``; they are tried in the order planned, estimate,
actual, so that a plan stated with an estimate stays a plan. A sentence with no cue is
``unspecified``.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

import regex
import yaml

STATUSES = ("actual", "planned", "estimate", "unspecified")
_ORDER = ("planned", "estimate", "actual")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.lower().replace("’", "'"))
    return "".join(c for c in s if not unicodedata.combining(c))


@cache
def _cues(language: str) -> list[tuple[str, regex.Pattern[str]]]:
    lang = language.lower()[:2]
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language {language!r}; use 'fr' or 'en'")
    path = resources.files("figcheck.extract").joinpath(f"data/status_{lang}.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for status in _ORDER:
        cues = [_fold(c).replace(" ", r"\s+") for c in data.get(status) or []]
        if cues:
            out.append((status, regex.compile(r"(?<![\w])(?:" + "|".join(f"(?:{c})" for c in cues) + ")")))
    return out


def sentence_status(sentence: str, language: str) -> str:
    """``"actual"``, ``"planned"``, ``"estimate"`` or ``"unspecified"`` for one sentence."""
    folded = _fold(sentence)
    for status, pattern in _cues(language):
        if pattern.search(folded):
            return status
    return "unspecified"


def sentence_cues(sentence: str, language: str) -> frozenset[str]:
    """Every status with a cue in the sentence: a sentence may report a fact and a plan."""
    folded = _fold(sentence)
    return frozenset(status for status, pattern in _cues(language) if pattern.search(folded))
