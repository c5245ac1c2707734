"""Who states each figure: the speaker its sentence's attribution names, carried over pronouns, over a
quotation that runs on, over a data release and over a paragraph that opens with one; else the person
or institution named nearest a speech cue. ``figcheck.extract.attribution`` reads each sentence's
attribution from the parse."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from figcheck.extract.attribution import Attribution, attribution_words, speech_cues
from figcheck.extract.mentions import Mention
from figcheck.extract.numbers import Quantity
from figcheck.extract.periods import fold
from figcheck.extract.syntax import Parsed
from figcheck.extract.timewords import release_cue
from figcheck.text.quotes import quotations
from figcheck.text.sentences import Span, paragraph_indexes, sentence_of

if TYPE_CHECKING:  # the context is figures.py's, which reads its speakers here
    from figcheck.extract.figures import FigureContext

SPEAKER_TYPES = ("person", "organization")
# How far (in characters) a speaker's name may stand from the speech cue: "Selon les résultats de la
# réunion présidée par le ministre Andrey Belousov".
MAX_SPEAKER_DISTANCE = 80
# the subject of a data release the parse missed is a short noun phrase
MAX_PUBLISHER_WORDS = 10
# words a paragraph's opening attribution may follow ("Toutefois, selon une étude de …")
HEADING_WORDS = 3


def attributed_speakers(
    quantities: Sequence[Quantity], parsed: Parsed, context: FigureContext
) -> list[tuple[int | None, str | None]]:
    """Each quantity's speaker (a mention's index, the words that name it) from its sentence's
    attribution; a pronoun stands for the previous speaker, and a data release's speaker holds for the
    figures after it that no one else states."""
    by_sentence: dict[int, tuple[int | None, str | None]] = {}
    previous: tuple[int | None, str | None] = (None, None)
    release: tuple[int | None, str | None] = (None, None)
    # "Selon une étude de l'Observatoire, …" opening a paragraph: the paragraph reports that source
    heading: tuple[int | None, str | None] | None = None
    paragraph_of = paragraph_indexes(context.text, context.sentences)
    spoken: dict[int, tuple[int | None, str | None]] = {}  # the speaker of each attributing sentence
    quoting = quotations(context.text)
    stating = {sentence_of(context.sentences, q.start) for q in quantities}  # the sentences with figures
    for index, sentence in enumerate(context.sentences):
        said = parsed.attributions.get(index)
        opens_paragraph = index == 0 or paragraph_of[index] != paragraph_of[index - 1]
        if opens_paragraph:
            heading = None
        if said is None:
            release = _publisher(context, sentence) or release
            quoted = _quoting(quoting, sentence, context.sentences)
            if quoted in spoken:
                # « Quelle défaite ? Huit millions… »: a quotation still open is still its speaker's
                by_sentence[index] = spoken[quoted]
                continue
            by_sentence[index] = heading if heading is not None and release == (None, None) else release
            continue
        speaker = previous if said.pronoun else _named(context.mentions, said)
        previous = spoken[index] = speaker
        if said.release:
            release = speaker
        # the lead: its first sentence, after a date line of its own
        lead = index <= 1 and paragraph_of[index] == paragraph_of[0] + index
        if (heading is not None and index in stating) or (
            opens_paragraph and _led_by_preposition(context, sentence, said, lead)
        ):
            # a paragraph that reports a source goes on reporting whoever it cites figures last; a reaction
            # ("Economists said they were surprised") cites none
            heading = speaker
        by_sentence[index] = speaker
    speakers = []
    for quantity in quantities:
        index = sentence_of(context.sentences, quantity.start)
        said = parsed.attributions.get(index)
        # "Un autre des trois journalistes, X, a dit…": a figure in the speaker's own phrase describes them
        phrase = said.phrase if said is not None else None
        describes = phrase is not None and phrase[0] <= quantity.start < phrase[1]
        speakers.append((None, None) if describes else by_sentence[index])
    return speakers


def _quoting(quoting: Sequence[tuple[int, int]], sentence: Span, sentences: Sequence[Span]) -> int | None:
    """The sentence that opened the quotation `sentence` begins inside, when it opened in an earlier one."""
    last = bisect_left(quoting, sentence.start, key=lambda quotation: quotation[0]) - 1
    if last < 0 or quoting[last][1] <= sentence.start:
        return None
    opened = sentence_of(sentences, quoting[last][0])
    return opened if opened < sentence_of(sentences, sentence.start) else None


def _led_by_preposition(context: FigureContext, sentence: Span, said: Attribution, lead: bool) -> bool:
    """Whether the attribution is a preposition at the head of its sentence ("Toutefois, selon une étude
    de l'Observatoire, …", "According to the ministry, …"), or anywhere in an article's lead ("La création
    d'emplois a ralenti au troisième trimestre, selon l'Insee.")."""
    head = fold(context.text[sentence.start : said.start]).replace(",", " ").split()
    prepositions = {fold(w) for w in attribution_words(context.language).prepositions}
    return (lead or len(head) <= HEADING_WORDS) and any(w in prepositions for w in head[-HEADING_WORDS:])


def _publisher(context: FigureContext, sentence: Span) -> tuple[int | None, str | None] | None:
    """Who publishes a data release the parse missed ("L'institut Eurostat dévoile les chiffres…"): the
    words before the release's own (after a dateline), with the first person or institution they name."""
    cue = release_cue(context.text[sentence.start : sentence.end], context.language)
    if cue is None:
        return None
    head = context.text[sentence.start : sentence.start + cue]
    start = sentence.start + max(head.rfind("– "), head.rfind("— "), -2) + 2
    words = context.text[start : sentence.start + cue].strip(" ,")
    if not words or len(words.split()) > MAX_PUBLISHER_WORDS:
        return None
    named = next(
        (
            i
            for i, m in enumerate(context.mentions)
            if m.type in SPEAKER_TYPES and start <= m.start < sentence.start + cue
        ),
        None,
    )
    if named is None:
        return None
    return _full_name(context.mentions, named), words


def _named(mentions: Sequence[Mention], said: Attribution) -> tuple[int | None, str | None]:
    """The person or institution an attribution names (its full name's mention), and its words: a person
    before an institution ("Houthi military spokesperson Yahya Sarea"), else the last named."""
    # the mentions are in text order: only those starting within the attribution are looked at
    first = bisect_left(mentions, said.start, key=lambda m: m.start)
    last = bisect_left(mentions, said.end, key=lambda m: m.start)
    inside = [
        i for i in range(first, last) if mentions[i].type in SPEAKER_TYPES and mentions[i].end <= said.end
    ]
    if not inside:
        return None, said.text
    linked = _full_name(
        mentions, max(inside, key=lambda i: (mentions[i].type == "person", mentions[i].start))
    )
    return linked, speaker_words(mentions, linked)


def quoted_speaker(
    mentions: Sequence[Mention], sentence: Span, sentence_text: str, quantity: Quantity, language: str
) -> int | None:
    """The person or institution the sentence quotes: the one named nearest a speech cue ("a déclaré",
    "selon", "said"), resolved to the full name a title or surname stands for. None when nobody speaks."""
    cues = [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in speech_cues(language).finditer(sentence_text)
    ]
    first = bisect_left(mentions, sentence.start, key=lambda m: m.start)
    last = bisect_left(mentions, sentence.end, key=lambda m: m.start)
    candidates = [
        i
        for i in range(first, last)
        if mentions[i].type in SPEAKER_TYPES
        and not (mentions[i].start < quantity.end and quantity.start < mentions[i].end)
    ]
    if not cues or not candidates:
        return None

    def distance(index: int) -> int:
        mention = mentions[index]
        return min(max(start - mention.end, mention.start - end, 0) for start, end in cues)

    chosen = min(candidates, key=lambda i: (distance(i), mentions[i].type != "person"))
    if distance(chosen) > MAX_SPEAKER_DISTANCE:
        return None
    return _full_name(mentions, chosen)


def _full_name(mentions: Sequence[Mention], index: int) -> int:
    """The mention of the full name a surname or title stands for ("Beloussov" → "Andreï Beloussov")."""
    linked = mentions[index].refers_to
    return index if linked is None else linked


def speaker_words(mentions: Sequence[Mention], index: int | None) -> str | None:
    if index is None:
        return None
    mention = mentions[index]
    return (
        f"{mention.title}, {mention.text}"
        if mention.title and mention.title != mention.text
        else mention.text
    )
