"""Romanization-aware name keys.

Each word of a name is read into phonetic classes with the grapheme table of its convention
(``data/latin.tsv``, ``data/cyrillic.tsv``), then folded into a coarse skeleton that every romanization
of one Cyrillic word shares:

- a glide (``i``, ``y``, ``j``, ``ï``, soft sign) before a vowel after a consonant or at the start is
  iotation and disappears (``Fiodor``, ``Fyodor``, ``Фёдор`` -> ``fedor``; ``Iouri``, ``Yury`` -> ``uri``);
  between vowels it is ``j`` (``Navalnaïa``, ``Navalnaya`` -> ``navalnaja``); ``yo`` and ``o`` after
  ch/sh/zh read ``e`` (``Gorbatchev``, ``Gorbachov``, ``Gorbačëv``);
- two vowels side by side get a glide between them (``Dostoevsky`` = ``Dostoïevski``);
- s/z and sh/zh are one class each (German writes both with ``s`` and ``sch``); doubled letters are one.

Gendered endings (``-ov``/``-ova``, ``-sky``/``-skaya``, ``-ny``/``-naya``) stay apart, so do ch (ч) and
sh (ш): ``Timchenko`` and ``Timoshenko`` keep different keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from figcheck.text import replacing, strip_accents
from figcheck.text.names import tables
from figcheck.text.names.conventions import LATIN_CONVENTIONS, combine, word_convention

PHONEMES = frozenset("abcdefgijklmnoprstuvxčšž")
_VOWELS = frozenset("aeiou")
_VOWEL_LETTERS = frozenset("aeiouyáàâäéèêëíìîïóòôöúùûüýąęėě")
_RENDER = str.maketrans({"č": "ch", "š": "sh", "x": "kh", "c": "ts"})
_apostrophes = replacing({"’": "'", "ʼ": "'", "ʹ": "'", "´": "'", "`": "'", "‘": "'", "·": ""})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PATRONYMIC = re.compile(
    r"(vich|vitch|vitsch|witsch|vič|wicz|vych|vytch|vyč|wytsch|vits|vici|vic|vna|wna|ichna|ična|itch|"
    r"itsch|ič|ich|ovna|evna|ivna|вич|вна|ич|чна|ична|івна)$"
)
_INITIAL = re.compile(r"^\w\.$|^\w\.\w\.$|^\w$")
TYPES = ("person", "place", "organization")


def normalize(text: str) -> str:
    """NFC, lowercase, stress marks dropped, every apostrophe written ``'``."""
    text = _apostrophes(unicodedata.normalize("NFC", text))
    text = text.replace("\u0301", "").replace("\u0300", "")
    return text.lower().strip()


def _context_ok(spec: str, char: str) -> bool:
    if not spec:
        return True
    if spec == "#":
        return not char or not char.isalpha()
    if not char or not char.isalpha():
        return False
    if spec == "V":
        return char in _VOWEL_LETTERS
    if spec == "C":
        return char not in _VOWEL_LETTERS
    return char in spec.strip("[]")


@cache
def _compiled(conv: str) -> tuple[dict[str, list[tables.Grapheme]], dict[str, int]]:
    """A convention's graphemes merged over the base table, and the longest grapheme per first letter."""
    lat = tables.latin()
    merged: dict[str, list[tables.Grapheme]] = {}
    for table in (lat.get(conv, {}), lat["*"]):
        for graph, rules in table.items():
            merged.setdefault(graph, []).extend(rules)
    longest: dict[str, int] = {}
    for graph in merged:
        longest[graph[0]] = max(longest.get(graph[0], 1), len(graph))
    return merged, longest


def transcribe(word: str, conv: str) -> str:
    """Phonetic classes of one normalized word read with a convention's grapheme table."""
    cyr = tables.cyrillic()
    merged, longest = _compiled(conv)
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        if ch in cyr:
            out.append(cyr[ch])
            i += 1
            continue
        done = False
        for size in range(min(longest.get(ch, 1), n - i), 0, -1):
            rules = merged.get(word[i : i + size])
            if not rules:
                continue
            for rule in rules:
                if rule.left or rule.right:
                    left = word[i - 1] if i > 0 else ""
                    right = word[i + size] if i + size < n else ""
                    if not (_context_ok(rule.left, left) and _context_ok(rule.right, right)):
                        continue
                out.append(rule.phonemes)
                i += size
                done = True
                break
            if done:
                break
        if not done:
            plain = strip_accents(ch)
            if plain != ch and plain:
                word = word[:i] + plain + word[i + 1 :]
                n = len(word)
                continue
            i += 1  # punctuation and letters outside every table
    return "".join(out)


def coarse(phonemes: str) -> str:
    """Fold phonetic classes into the skeleton that all romanizations of one word share."""
    ph = phonemes
    # soft sign: a glide before a vowel, nothing elsewhere
    chars = []
    for k, ch in enumerate(ph):
        if ch == "'":
            if k + 1 < len(ph) and ph[k + 1] in _VOWELS:
                chars.append("j")
            continue
        chars.append(ch)
    ph = "".join(chars).replace("ou", "u")
    res: list[str] = []
    k, n = 0, len(ph)
    buf = list(ph)
    while k < n:
        ch = buf[k]
        if ch in "ij":
            end = k
            while end < n and buf[end] in "ij":
                end += 1
            prev_vowel = bool(res) and res[-1] in "aeou"
            nxt = buf[end] if end < n else ""
            if nxt in ("a", "e", "o", "u"):
                if prev_vowel:
                    res.append("j")
                elif nxt == "o":
                    buf[end] = "e"  # iotated o is ё
            else:
                res.append("j" if prev_vowel else "i")
            k = end
            continue
        if ch == "o" and res and res[-1] in "čšž":
            ch = "e"  # ё after a hushing consonant
        if ch in _VOWELS and res and res[-1] in _VOWELS:
            res.append("j")
        res.append(ch)
        k += 1
    text = "".join(res).replace("z", "s").replace("ž", "š").replace("ts", "c")
    folded: list[str] = []
    for ch in text:
        if ch in PHONEMES and (not folded or folded[-1] != ch):
            folded.append(ch)
    return "".join(folded)


def render(skeleton: str) -> str:
    """ASCII form of a skeleton, as it appears in keys."""
    return skeleton.translate(_RENDER)


@lru_cache(maxsize=1_000_000)
def fold_word(word: str, conv: str) -> str:
    """Key of one word (hyphenated parts folded one by one)."""
    parts = [p for p in word.split("-") if p]
    return "-".join(render(coarse(transcribe(p, conv))) for p in parts)


def _reading_convention(word: str, name_conv: str) -> str:
    if _CYRILLIC.search(word):
        return "cyrillic"
    own = word_convention(word)
    if own is not None:
        return own
    return name_conv if name_conv in LATIN_CONVENTIONS else "english"


@dataclass(frozen=True)
class Word:
    """One name word: its text, the convention it is read with and its key."""

    text: str
    convention: str
    key: str

    def readings(self) -> tuple[str, ...]:
        """Keys under every convention, the word's own reading first."""
        return _readings(self.text, self.key)


@lru_cache(maxsize=200_000)
def _readings(text: str, key: str) -> tuple[str, ...]:
    if _CYRILLIC.search(text):
        return (key,)
    out = [key]
    for conv in LATIN_CONVENTIONS:
        alt = fold_word(text, conv)
        if alt not in out:
            out.append(alt)
    return tuple(out)


@dataclass(frozen=True)
class NameParts:
    """Folded keys of each part of a person's name (None when the part is not given)."""

    given: str | None
    patronymic: str | None
    surname: str | None


@dataclass(frozen=True)
class ParsedName:
    """A name split into parts, each with its reading."""

    text: str
    type: str
    convention: str
    given: Word | None = None
    patronymic: Word | None = None
    surname: Word | None = None
    initial: str | None = None
    words: tuple[Word, ...] = field(default_factory=tuple)

    @property
    def parts(self) -> NameParts:
        return NameParts(
            self.given.key if self.given else None,
            self.patronymic.key if self.patronymic else None,
            self.surname.key if self.surname else None,
        )

    def key(self) -> str:
        """The per-name key: type, surname, given name, patronymic."""
        if self.type != "person":
            return f"{self.type}:" + "_".join(w.key for w in self.words)
        parts = [self.surname.key if self.surname else ""]
        if self.given is not None:
            parts.append(self.given.key)
        elif self.initial is not None:
            parts.append(self.initial)
        if self.patronymic is not None:
            parts.append(self.patronymic.key)
        return "person:" + ":".join(parts)


def _clean_token(token: str) -> str:
    return token.strip("\"'()[]{}«»“”„,;:")


@lru_cache(maxsize=1)
def _given_equivalents() -> dict[str, str]:
    """Key of a Western, short or Ukrainian given-name form -> key of the Russian given name."""
    out: dict[str, str] = {}
    for form, cyr in tables.given_names().items():
        target = fold_word(normalize(cyr), "cyrillic")
        for conv in LATIN_CONVENTIONS:
            key = fold_word(form, conv)
            if key != target:
                out.setdefault(key, target)
    return out


def given_key(key: str) -> str:
    """The Russian given name's key for a Western, short or Ukrainian form's key (else unchanged)."""
    return _given_equivalents().get(key, key)


def _given_word(token: str, conv: str) -> Word:
    key = fold_word(token, conv)
    return Word(token, conv, _given_equivalents().get(key, key))


def _is_patronymic(token: str) -> bool:
    return len(token) >= 5 and bool(_PATRONYMIC.search(token))


def infer_type(name: str) -> str:
    """``organization`` for a multiword all-caps name holding an organisation word, else ``person``."""
    tokens = [t for t in re.split(r"[\s,]+", name.strip()) if t]
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(letters) >= 2 and all(not any(c.islower() for c in t) for t in letters):
        words = tables.org_words()
        if any(strip_accents(t.lower()).strip(".") in words for t in letters):
            return "organization"
    return "person"


@lru_cache(maxsize=500_000)
def parse(name: str, type: str = "person") -> ParsedName:
    """Split a name into parts and read each part with its convention."""
    if type not in TYPES:
        raise ValueError(f"unknown name type {type!r}; expected one of {', '.join(TYPES)}")
    text = normalize(name)
    if type == "person" and "," in text:
        head, _, tail = text.partition(",")
        text = f"{tail.strip()} {head.strip()}"
    raw = [_clean_token(t) for t in text.split()]
    raw = [t for t in raw if t]

    def is_initial(k: int) -> bool:
        # a bare letter closing a name is its last word (`Wii U`), not an initial (`J Smith`)
        return bool(_INITIAL.match(raw[k])) and ("." in raw[k] or k < len(raw) - 1)

    conv_words = [t for k, t in enumerate(raw) if not is_initial(k)]
    conv = combine(conv_words) if not any(_CYRILLIC.search(t) for t in raw) else "cyrillic"

    def word(token: str) -> Word:
        wc = _reading_convention(token, conv)
        return Word(token, wc, fold_word(token, wc))

    if type != "person":
        legal = {w for w, kind in tables.org_words().items() if kind == "legal"}
        kept = [t for t in raw if not _INITIAL.match(t) and not (type == "organization" and t in legal)]
        words = tuple(word(t) for t in (kept or raw))
        return ParsedName(name, type, conv, words=words)

    initial = None
    tokens: list[str] = []
    for k, t in enumerate(raw):
        if is_initial(k) and any(c.isalpha() for c in t):
            if initial is None and not tokens:
                initial = render(coarse(transcribe(t.strip(".")[0], conv)))[:1] or None
            continue
        tokens.append(t)
    given = patronymic = surname = None
    if len(tokens) == 1:
        surname = tokens[0]
    elif len(tokens) == 2:
        given, surname = tokens
    elif len(tokens) >= 3:
        if _is_patronymic(tokens[1]):
            given, patronymic, surname = tokens[0], tokens[1], tokens[-1]
        elif _is_patronymic(tokens[-1]) and len(tokens) == 3:
            surname, given, patronymic = tokens
        elif _is_patronymic(tokens[0]):
            patronymic, given, surname = tokens[0], tokens[1], tokens[-1]
        else:
            given, surname = tokens[0], tokens[-1]
    return ParsedName(
        name,
        type,
        conv,
        given=_given_word(given, _reading_convention(given, conv)) if given else None,
        patronymic=word(patronymic) if patronymic else None,
        surname=word(surname) if surname else None,
        initial=initial if given is None else None,
        words=tuple(word(t) for t in tokens),
    )


def name_key(name: str, type: str = "person") -> str:
    """Key of one spelling on its own (no collection context).

    >>> name_key("Sergueï Choïgou") == name_key("Sergey Shoigu") == name_key("Сергей Шойгу")
    True
    """
    return parse(name, type).key()


def name_parts(name: str, type: str = "person") -> NameParts:
    """Folded keys of the given name, patronymic and surname of a person's name."""
    return parse(name, type).parts


def surname_key(name: str) -> str:
    """Key of the surname alone (the last word of a full name, or a bare surname).

    A caller matches it against the surname part of full-name keys (``person:<surname>:...``).
    """
    parsed = parse(name, "person")
    return parsed.surname.key if parsed.surname else ""


def _unaccented_capitals(name: str) -> str:
    # French typography may drop the accent of a capital (`Edouard`, `Éric`): the same spelling.
    return "".join(strip_accents(c) if c.isupper() else c for c in name)


def spelled_alike(a: str, b: str) -> bool:
    """Whether two written forms of one person's name spell every part they share the same way.

    Parts one form leaves out (a middle name, an initial, a patronymic) are no spelling difference;
    an initial agrees with a given name it begins (`F. Fillon`, `François Fillon`); an accent
    missing from a capital letter is typography. `Andréa` and `Andrea`, `Beloussov` and
    `Belousov` are spelled differently.
    """
    pa, pb = parse(_unaccented_capitals(a)), parse(_unaccented_capitals(b))
    if pa.surname is not None and pb.surname is not None and pa.surname.text != pb.surname.text:
        return False
    if pa.given is not None and pb.given is not None:
        if pa.given.text != pb.given.text:
            return False
    else:
        ga = pa.given.text[0] if pa.given is not None else pa.initial
        gb = pb.given.text[0] if pb.given is not None else pb.initial
        if ga is not None and gb is not None and strip_accents(ga) != strip_accents(gb):
            return False
    return not (
        pa.patronymic is not None and pb.patronymic is not None and pa.patronymic.text != pb.patronymic.text
    )
