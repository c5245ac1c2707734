"""What figcheck finds when one inconsistency is planted into a copy of each of many real articles.

    .venv/bin/python benchmarks/bench_planted.py [--per-kind 15] [--seed 1] [--corpus ../shared/corpus]
                                                 [--keep DIR] [--show KIND] [--jobs 1]

For each kind of problem and each language (fr, en), articles of the corpus (`wikinews-fr/articles` and
`wikinews-en/articles`) where the problem can be written are picked in a seeded order, and one
inconsistency is written into a copy of each: a quotation left open, a year's figure given again for
the rest of the year, a typo, an exact figure restated with a bound or as approximate, a surname
respelled, a month larger than its year, a quarter and the rest of the year that miss the year's
total, another title for one person, one number with another counted noun, one speaker's count given
again with another value; and, in a French article and an English one at once, one speaker's count
with a value in each. Each kind has several wordings and edits, so figcheck is not measured on one
phrasing. An article takes at most one problem, so that articles do not echo each other's plants.

figcheck runs once over the planted copies and once over the unmodified copies of the same articles
(`checks/default.yaml`, JSON report). A finding of the planted run that the unmodified run does not
have (same rule, same evidence texts) is new. A planted problem is reported when a new finding's
evidence overlaps its planted span, or when a new finding in its article comes from the rule made for
that kind. New findings that report no planted problem are "unrelated" and counted per 50 planted
problems: the noise a plant causes.

Sentences a kind appends (a speaker, a period, a counted noun) name an invented spokesperson who appears
in no other article, so that two planted articles never make one claim. Figures restated from an article
are counts and amounts (people, votes, euros...), not percentages or measures, on which a bound is a
threshold rather than a claim, nor one end of a range ("de 700 à 800 personnes"). Parts of a year are
those of the year before the article's, all done, or those of the article's year, with the rest of the
year still planned. Persons are the full names figcheck's rule-based mention finder reads, kept when the
article names them twice or by the surname alone. `--keep DIR` keeps both collections, the two reports
and `planted.tsv` (each case, its spans and text); `--show KIND` lists each missed case of one kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex

from figcheck.extract.mentions import find_mentions
from figcheck.load.articles import Article, read_article
from figcheck.text.spelling import load_speller

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SUITE = ROOT / "checks" / "default.yaml"
LANGUAGES = ("fr", "en")

# The rule made for each kind: a new finding of it in the planted article counts even when its
# evidence misses the planted span.
EXPECTED = {
    "unbalanced-quote": "unbalanced-quote",
    "scope-conflict": "scope-conflict",
    "misspelling": "misspelling",
    "bound-restated": "qualifier-drift",
    "approx-restated": "qualifier-drift",
    "name-respelled": "name-variant",
    "part-exceeds-whole": "period-arithmetic",
    "parts-do-not-add": "period-arithmetic",
    "title-changed": "title-drift",
    "unit-changed": "unit-drift",
    "value-changed": "value-drift",
    "claim-across-languages": "figure-drift",
}


@dataclass(frozen=True)
class Planted:
    """One problem written into a copy of one article."""

    kind: str
    language: str
    doc_id: str
    variant: str  # which edit or wording, for reading the misses
    body: str  # the article's body with the problem in it
    spans: tuple[tuple[int, int], ...]  # what was written or changed, as offsets of `body`
    excerpt: str  # the planted text, for --show


# ---------------------------------------------------------------------------------------------------
# Wording. Each language has the same slots; `{who}` names the speaker where a sentence ends or after a
# preposition, `{who_subj}` where the speaker is the subject (the full introduction ends in a comma).

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}
QUARTERS = {
    "fr": ["au premier trimestre {Y}", "au deuxième trimestre {Y}", "au troisième trimestre {Y}"],
    "en": ["in the first quarter of {Y}", "in the second quarter of {Y}", "in the third quarter of {Y}"],
}

# Invented spokespeople: first name, whether she is a woman; surnames used once per run if they last.
FIRST_NAMES = {
    "fr": [("Claire", True), ("Julien", False), ("Sophie", True), ("Marc", False), ("Isabelle", True),
           ("Olivier", False), ("Nathalie", True), ("Laurent", False), ("Camille", True), ("Hugo", False)],
    "en": [("Anna", True), ("James", False), ("Laura", True), ("Daniel", False), ("Rachel", True),
           ("Peter", False), ("Megan", True), ("Andrew", False), ("Helen", True), ("Thomas", False)],
}  # fmt: skip
SURNAMES = {
    "fr": "Dubois Lefebvre Moreau Fournier Girard Bonnet Mercier Lambert Fontaine Rousseau Chevalier "
    "Gauthier Perrin Morin Leclerc Brunet Renaud Barbier Marchand Duval Lemoine Caron Picard Roche Vidal "
    "Dupuis Meunier Boyer Guillot Masson Lacroix Carpentier Aubert Poulain Langlois Besson Delmas "
    "Ferrand Tessier Brossard Vasseur Jacquet Royer Charpentier Lebrun Collet Prevost Huet".split(),
    "en": "Mitchell Harper Collins Bennett Reynolds Foster Hughes Palmer Porter Spencer Fletcher Walsh "
    "Barnes Fisher Lawson Marsh Norris Owens Pearce Quinn Riley Sutton Tucker Wade Whitaker Ellison "
    "Garrett Hayes Jennings Kerr Lyons Manning Nash Osborne Parsons Rhodes Shepherd Thornton Vaughan "
    "Webb Yates Hollis Pritchard Dalton Corbett Hammond Ridley Sinclair".split(),
}
# What an invented spokesperson speaks for, and what it counts: noun, its past participle, the body.
SUBJECTS = {
    "fr": [
        ("passagers", "transportés", "de la compagnie ferroviaire régionale"),
        ("tonnes de céréales", "exportées", "de l'Union des exportateurs de céréales"),
        ("doses de vaccin", "livrées", "de l'Agence régionale de santé"),
        ("visiteurs", "accueillis", "de l'office de tourisme"),
        ("logements", "construits", "de la Fédération du bâtiment"),
        ("véhicules", "vendus", "du constructeur"),
        ("emplois", "créés", "de la chambre de commerce"),
        ("conteneurs", "traités", "du port autonome"),
        ("colis alimentaires", "distribués", "de la Croix-Rouge"),
        ("demandes d'asile", "enregistrées", "de l'Office de protection des réfugiés"),
        ("arbres", "plantés", "de l'Office national des forêts"),
        ("bornes de recharge", "installées", "du syndicat départemental d'énergie"),
    ],
    "en": [
        ("passengers", "carried", "the regional rail operator"),
        ("tonnes of grain", "exported", "the grain exporters' union"),
        ("vaccine doses", "delivered", "the regional health authority"),
        ("visitors", "welcomed", "the tourism board"),
        ("homes", "built", "the builders' federation"),
        ("vehicles", "sold", "the carmaker"),
        ("jobs", "created", "the chamber of commerce"),
        ("containers", "handled", "the port authority"),
        ("food parcels", "distributed", "the Red Cross"),
        ("asylum applications", "registered", "the immigration office"),
        ("trees", "planted", "the forestry commission"),
        ("charging points", "installed", "the regional energy agency"),
    ],
}
# Two counted things one number can be mistaken for, with their participles and who counts them.
UNIT_PAIRS = {
    "fr": [
        (("armes", "livrées"), ("équipements militaires", "livrés"), "du ministère de la Défense"),
        (("passagers", "transportés"), ("visiteurs", "accueillis"), "de l'aéroport régional"),
        (("logements", "construits"), ("bâtiments", "rénovés"), "de la Fédération du bâtiment"),
        (("doses de vaccin", "livrées"), ("tests", "réalisés"), "de l'Agence régionale de santé"),
        (
            ("demandes d'asile", "enregistrées"),
            ("réfugiés", "accueillis"),
            "de l'Office de protection des réfugiés",
        ),
        (("véhicules", "vendus"), ("camions", "livrés"), "du constructeur"),
    ],
    "en": [
        (("weapons", "delivered"), ("pieces of military equipment", "delivered"), "the defence ministry"),
        (("passengers", "carried"), ("visitors", "welcomed"), "the regional airport"),
        (("homes", "built"), ("buildings", "renovated"), "the builders' federation"),
        (("vaccine doses", "delivered"), ("tests", "carried out"), "the regional health authority"),
        (("asylum applications", "registered"), ("refugees", "taken in"), "the immigration office"),
        (("vehicles", "sold"), ("trucks", "delivered"), "the carmaker"),
    ],
}
SCOPE_WHOLE = {
    "fr": [
        "Pour l'ensemble de l'année {Y}, {V} {N} devraient être {P}, selon {who}.",
        "{who_subj} a annoncé que {V} {N} seraient {P} sur toute l'année {Y}.",
        "En {Y}, {V} {N} seront {P}, a indiqué {who}.",
        "{who_subj} table sur {V} {N} {P} sur l'ensemble de l'année {Y}.",
        "Sur l'année {Y} entière, {who_subj} compte sur {V} {N} {P}.",
    ],
    "en": [
        "For the whole of {Y}, {V} {N} are expected to be {P}, according to {who}.",
        "{who_subj} said {V} {N} would be {P} over the full year {Y}.",
        "In {Y}, {V} {N} will be {P}, said {who}.",
        "{who_subj} expects {V} {N} to be {P} across {Y} as a whole.",
        "{who_subj} forecast {V} {N} {P} for all of {Y}.",
    ],
}
SCOPE_REST = {
    "fr": [
        "{V} {N} doivent encore être {P} pendant le reste de l'année, a ajouté {who}.",
        "D'ici la fin de l'année, {who_subj} prévoit {V} {N} {P}.",
        "Pour le reste de l'année {Y}, {who_subj} table sur {V} {N} {P}.",
        "« Nous prévoyons {V} {N} {P} au cours des mois restants de {Y} », a précisé {who}.",
        "D'ici décembre, {V} {N} supplémentaires devraient être {P}, selon {who}.",
    ],
    "en": [
        "{V} {N} are still due to be {P} over the rest of the year, {who_subj} added.",
        "By the end of the year, {V} more {N} will be {P}, {who_subj} said.",
        "For the remainder of {Y}, {who_subj} expects {V} {N} to be {P}.",
        '"We expect {V} {N} to be {P} in the remaining months of {Y}," {who_subj} said.',
        "Between now and December, {V} further {N} should be {P}, according to {who}.",
    ],
}
PART = {  # {T}: a month or quarter phrase, lower case
    "fr": [
        "{T_cap}, {V} {N} ont été {P}, selon {who}.",
        "{who_subj} a indiqué que {V} {N} avaient été {P} {T}.",
        "{who_subj} fait état de {V} {N} {P} {T}.",
        "{T_cap}, le nombre de {N} {P} s'est élevé à {V}, d'après {who}.",
    ],
    "en": [
        "{T_cap}, {V} {N} were {P}, according to {who}.",
        "{who_subj} said {V} {N} had been {P} {T}.",
        "{who_subj} reported {V} {N} {P} {T}.",
        "{T_cap}, the number of {N} {P} reached {V}, {who_subj} said.",
    ],
}
WHOLE_PAST = {
    "fr": [
        "Sur l'ensemble de l'année {Y}, {V} {N} ont été {P}, a précisé {who}.",
        "Pour toute l'année {Y}, {who_subj} évoque {V} {N} {P}.",
        "En {Y}, {V} {N} ont été {P} au total, selon {who}.",
        "{who_subj} a dressé le bilan de l'année {Y} : {V} {N} {P}.",
    ],
    "en": [
        "Over the whole of {Y}, {V} {N} were {P}, {who_subj} said.",
        "For the full year {Y}, {who_subj} reported {V} {N} {P}.",
        "In {Y}, a total of {V} {N} were {P}, according to {who}.",
        "{who_subj} said {V} {N} had been {P} in all of {Y}.",
    ],
}
FIRST_QUARTER = {
    "fr": [
        "Au premier trimestre {Y}, {V} {N} ont été {P}, selon {who}.",
        "{who_subj} a indiqué que {V} {N} avaient été {P} entre janvier et mars {Y}.",
        "De janvier à mars {Y}, {V} {N} ont été {P}, d'après {who}.",
    ],
    "en": [
        "In the first quarter of {Y}, {V} {N} were {P}, according to {who}.",
        "{who_subj} said {V} {N} had been {P} between January and March {Y}.",
        "From January to March {Y}, {V} {N} were {P}, {who_subj} said.",
    ],
}
REST_PAST = {
    "fr": [
        "Pendant le reste de l'année {Y}, {V} {N} ont été {P}, a ajouté {who}.",
        "D'avril à décembre {Y}, {who_subj} fait état de {V} {N} {P}.",
        "Au cours des trois trimestres suivants, {V} {N} ont été {P}, selon {who}.",
    ],
    "en": [
        "Over the rest of {Y}, {V} {N} were {P}, {who_subj} added.",
        "From April to December {Y}, {who_subj} reported {V} {N} {P}.",
        "In the following three quarters, {V} {N} were {P}, according to {who}.",
    ],
}
UNIT_FIRST = {
    "fr": [
        "En {M} {Y}, {V} {N} ont été {P}, selon {who}.",
        "{who_subj} a annoncé {V} {N} {P} en {M} {Y}.",
        "Le mois de {M} {Y} a vu {V} {N} {P}, d'après {who}.",
    ],
    "en": [
        "In {M} {Y}, {V} {N} were {P}, according to {who}.",
        "{who_subj} announced {V} {N} {P} in {M} {Y}.",
        "{M} {Y} saw {V} {N} {P}, according to {who}.",
    ],
}
UNIT_SECOND = {
    "fr": [
        "{who_subj} a ensuite évoqué {V} {N} {P} en {M} {Y}.",
        "En {M} {Y}, {V} {N} ont bien été {P}, a confirmé {who}.",
    ],
    "en": [
        "{who_subj} later spoke of {V} {N} {P} in {M} {Y}.",
        "In {M} {Y}, {V} {N} were indeed {P}, {who_subj} confirmed.",
    ],
}
# One speaker's count of one month said again later with another value.
VALUE_SECOND = {
    "fr": [
        "{who_subj} a ensuite évoqué {V} {N} {P} en {M} {Y}.",
        "En {M} {Y}, {V} {N} ont bien été {P}, a confirmé {who}.",
        "Le nombre de {N} {P} en {M} {Y} s'élève à {V}, a rappelé {who}.",
    ],
    "en": [
        "{who_subj} later spoke of {V} {N} {P} in {M} {Y}.",
        "In {M} {Y}, {V} {N} were indeed {P}, {who_subj} confirmed.",
        "The number of {N} {P} in {M} {Y} stands at {V}, {who_subj} recalled.",
    ],
}
# One claim in a French article and its English rewrite: the speaker named in full in each.
CLAIM = {
    "fr": [
        "Selon {who}, {V} {N} ont été {P} en {M} {Y}.",
        "{who_subj} a indiqué que {V} {N} avaient été {P} en {M} {Y}.",
        "En {M} {Y}, {V} {N} ont été {P}, a précisé {who}.",
    ],
    "en": [
        "According to {who}, {V} {N} were {P} in {M} {Y}.",
        "{who_subj} said {V} {N} had been {P} in {M} {Y}.",
        "In {M} {Y}, {V} {N} were {P}, {who_subj} said.",
    ],
}
# A figure of the article said again later, {F}: qualifier, number, noun. No participle: no agreement.
RESTATE = {
    "fr": [
        "Le chiffre de {F} a été avancé par la suite.",
        "Les chiffres officiels évoquent {F}.",
        "Un communiqué publié dans la soirée évoque {F}.",
        "Les autorités ont fait état de {F}.",
        "Le bilan provisoire fait désormais état de {F}.",
        "Selon une source proche du dossier, on dénombre {F}.",
    ],
    "en": [
        "The figure of {F} was given later.",
        "Official figures cite {F}.",
        "A statement released later in the day mentioned {F}.",
        "Officials put the figure at {F}.",
        "Later reports spoke of {F}.",
        "A source close to the matter counted {F}.",
    ],
}
BOUNDS = {
    "fr": ["plus de", "moins de", "bien plus de", "un peu plus de", "au moins", "pas moins de"],
    "en": ["more than", "over", "fewer than", "just over", "at least", "upwards of"],
}
APPROXIMATIONS = {
    "fr": [
        "environ",
        "quelque",
        "approximativement",
        "aux alentours de",
        "autour de",
        "à peu près",
        "de l'ordre de",
    ],
    "en": ["about", "around", "some", "roughly", "approximately", "an estimated", "in the region of"],
}
QUALIFIERS_AFTER = {
    "fr": (" au moins", " environ", " au total environ"),
    "en": (" or more", " at least", " or so"),
}
# An article's figure preceded by one of these (or followed by one above) is not exact, or is a rate.
QUALIFIERS_BEFORE = {
    "fr": ("plus de", "plus d'", "moins de", "environ", "près de", "quelque", "au moins", "presque",
           "au-delà de", "au delà de", "jusqu'à", "pas moins de", "autour de", "approximativement", "à peu près",
           "quasiment", "pour", "par"),
    "en": ("more than", "over", "about", "around", "nearly", "almost", "some", "at least", "up to",
           "approximately", "roughly", "fewer than", "less than", "under", "estimated", "than",
           "just", "close to", "upwards of", "in excess of", "as many as", "surpassing the", "beyond", "per"),
}  # fmt: skip
# Counted nouns an article's exact figure may carry, and other counted nouns a rewrite may put instead.
NOUNS = {
    "fr": {
        "morts": ["blessés", "disparus"], "blessés": ["morts", "disparus"], "victimes": ["blessés", "disparus"],
        "disparus": ["morts", "blessés"], "décès": ["cas", "blessés"], "personnes": ["familles", "foyers"],
        "habitants": ["électeurs", "foyers"], "manifestants": ["policiers", "interpellations"],
        "policiers": ["manifestants", "gendarmes"], "gendarmes": ["policiers"], "soldats": ["civils", "policiers"],
        "militaires": ["civils"], "civils": ["soldats"], "migrants": ["réfugiés", "demandeurs d'asile"],
        "réfugiés": ["migrants", "demandeurs d'asile"], "enfants": ["adultes", "familles"],
        "élèves": ["enseignants", "écoles"], "étudiants": ["enseignants"], "salariés": ["emplois", "entreprises"],
        "emplois": ["salariés", "entreprises"], "spectateurs": ["billets", "visiteurs"],
        "visiteurs": ["spectateurs", "billets"], "touristes": ["nuitées"], "passagers": ["vols", "voyageurs"],
        "électeurs": ["votants", "voix"], "voix": ["sièges", "électeurs"], "votes": ["sièges"],
        "sièges": ["voix", "candidats"], "députés": ["sénateurs", "sièges"], "candidats": ["sièges"],
        "maisons": ["bâtiments", "logements"], "logements": ["bâtiments", "maisons"], "bâtiments": ["logements"],
        "véhicules": ["camions", "voitures"], "voitures": ["camions"], "camions": ["voitures"],
        "avions": ["vols", "hélicoptères"], "vols": ["avions", "passagers"], "euros": ["dollars"],
        "dollars": ["euros"], "pays": ["délégations"], "membres": ["délégués"],
        "participants": ["spectateurs", "inscrits"], "coureurs": ["équipes"], "athlètes": ["équipes"],
        "cas": ["décès", "patients"], "patients": ["lits", "cas"], "entreprises": ["emplois", "salariés"],
        "communes": ["habitants"], "écoles": ["élèves"], "arrestations": ["gardes à vue"],
    },
    "en": {
        "dead": ["injured", "missing"], "deaths": ["injuries", "cases"], "injured": ["dead", "missing"],
        "wounded": ["dead"], "victims": ["injured", "survivors"], "people": ["families", "households"],
        "residents": ["voters", "households"], "protesters": ["police officers", "arrests"],
        "police officers": ["protesters"], "soldiers": ["civilians", "police officers"], "troops": ["civilians"],
        "civilians": ["soldiers"], "migrants": ["refugees", "asylum seekers"],
        "refugees": ["migrants", "asylum seekers"], "children": ["adults", "families"],
        "students": ["teachers", "schools"], "employees": ["jobs", "companies"], "workers": ["jobs", "companies"],
        "jobs": ["workers", "companies"], "spectators": ["tickets", "visitors"],
        "visitors": ["tickets", "spectators"], "tourists": ["hotel nights"], "passengers": ["flights", "crew members"],
        "voters": ["ballots", "votes"], "votes": ["seats", "voters"], "seats": ["votes", "candidates"],
        "candidates": ["seats"], "homes": ["buildings"], "houses": ["buildings", "homes"], "buildings": ["homes"],
        "vehicles": ["cars", "trucks"], "cars": ["vehicles", "trucks"], "trucks": ["cars"],
        "aircraft": ["flights", "helicopters"], "flights": ["aircraft", "passengers"], "dollars": ["euros"],
        "euros": ["dollars"], "countries": ["delegations"], "members": ["delegates"],
        "participants": ["spectators"], "athletes": ["teams", "events"], "cases": ["deaths", "patients"],
        "patients": ["beds", "cases"], "companies": ["jobs", "workers"], "arrests": ["charges"],
    },
}  # fmt: skip
# a number and a word joining it to the figure after it, or the figure joined to a number after it
RANGE_END = regex.compile(r"\d\s*(?:ou|à|et|or|to|and|-|–)$")
RANGE_START = regex.compile(r"\s*(?:ou|à|et|or|to|and|-|–)\s*\d")
QUALIFIED = {  # a whole word of QUALIFIERS_BEFORE at the end of the text before a figure
    language: regex.compile(r"(?<![\p{L}'])(?:" + "|".join(map(regex.escape, words)) + ")$")
    for language, words in QUALIFIERS_BEFORE.items()
}
SPACE = r"[ \u00a0\u202f]"  # French groups digits with a space, a no-break or a narrow one
NUMBER = {
    "fr": rf"(?<![\p{{L}}\p{{N}},.\-–/])(?:\d{{1,3}}(?:{SPACE}\d{{3}})+|\d+(?:,\d+)?)(?:{SPACE}(?:millions?|milliards?))?",
    "en": r"(?<![\p{L}\p{N},.$£€\-–/])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (?:million|billion))?",
}
FIGURE = {
    language: regex.compile(
        rf"(?P<number>{NUMBER[language]})(?P<link> de | d'| )(?P<noun>"
        + "|".join(sorted(map(regex.escape, NOUNS[language]), key=len, reverse=True))
        + r")(?![\p{L}'-])"
    )
    for language in LANGUAGES
}

# Ministries for title-changed; two of them never name one post.
MINISTRIES = {
    "fr": ["de la Défense", "des Affaires étrangères", "de l'Intérieur", "de l'Économie", "de la Santé",
           "de la Justice", "de l'Éducation nationale", "de l'Agriculture", "des Transports", "de la Culture"],
    "en": ["Defence", "Foreign", "Interior", "Finance", "Health", "Justice", "Education", "Agriculture",
           "Transport", "Culture"],
}  # fmt: skip
TITLE_SENTENCES = {  # {T}: the title with its article in French ("le ministre de la Santé"), {t} without
    "fr": [
        "{T_cap} {name} doit s'exprimer sur ce dossier dans les prochains jours.",
        "{name}, {t}, n'a pas souhaité faire de commentaire.",
        "Une rencontre avec {T} {name} est prévue la semaine prochaine.",
        "Selon {T} {name}, le dossier sera examiné prochainement.",
        "Mardi, {T} {name} a refusé de commenter.",
    ],
    "en": [
        "{T} {name} is expected to address the issue in the coming days.",
        "{name}, the {t}, declined to comment.",
        "A meeting with {T} {name} is planned for next week.",
        "According to {T} {name}, the matter will be reviewed shortly.",
        "Asked on Tuesday, {T} {name} refused to comment.",
    ],
}
PAST_TITLE = regex.compile(r"(?i)\b(?:ancien|ancienne|former|ex-|late)\b")
FEMININE = regex.compile(
    r"présidente|chancelière|directrice|ambassadrice|dirigeante|gouverneure"
    r"|\b[Ll]a (?:[Pp]remière |[Pp]remier )?(?:ministre|secrétaire|porte-parole|maire|cheffe)"
)
NAME_FRAMES = {
    "fr": [
        "{name} n'a pas souhaité faire d'autres commentaires.",
        "{name} doit s'exprimer de nouveau dans les prochains jours.",
        "{name} n'a pas répondu aux questions des journalistes.",
        "Par téléphone, {name} n'a pas donné suite.",
    ],
    "en": [
        "{name} declined to comment further.",
        "{name} is expected to speak again in the coming days.",
        "{name} did not respond to questions from reporters.",
        "Reached by phone, {name} did not elaborate.",
    ],
}
PERSON_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? \p{Lu}\p{Ll}{2,}(?:-\p{Lu}\p{Ll}+)?")
# What may come just before a surname standing alone for a person: not a capitalised word (the name
# goes on) other than an honorific, an article or a preposition (a place, a thing).
NOT_ALONE = regex.compile(
    r"(?:(?<![\p{L}.])(?!(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr)\.?\s$)\p{Lu}[\p{L}.-]*"
    r"|\b(?i:le|la|les|l'|du|de|des|d'|à|au|aux|en|the|of|in|at|to|from|a|an|on|by))\s$"
)
PLACE_BEFORE = regex.compile(r"\b(?:in|at|near|dans|en|vers)\s$")
NOT_GIVEN_NAMES = {"Miss", "Mister", "Lady", "Sir", "Saint", "Sainte", "Turkish", "Greek", "British"}
LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Ll}{6,}(?![\p{L}\p{N}'’-])")
OPENING, CLOSING = {"«", "“"}, {"»", "”"}
# One letter for another that a respelled name often shows: a vowel, or a consonant of the same sound.
LETTER_SWAPS = dict(zip("aoeiyukcvs", "oaayiockwz", strict=True))


# ---------------------------------------------------------------------------------------------------
# Small helpers


def fmt(value: int, language: str) -> str:
    """12 300 in French, 12,300 in English: the grouping each corpus uses."""
    return f"{value:,}".replace(",", " ") if language == "fr" else f"{value:,}"


def nice(rng: random.Random, low: int, high: int) -> int:
    """A figure a spokesperson would give: a whole number of hundreds between low and high."""
    return rng.randrange(low // 100, high // 100) * 100


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Start and end of each non-empty line of the body: the corpus has one paragraph per line."""
    spans, start = [], 0
    for line in body.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def append(body: str, sentences: list[str], same_paragraph: bool) -> tuple[str, list[tuple[int, int]]]:
    """The body with the sentences added at its end, as one paragraph or one each, and their spans."""
    text = body.rstrip("\n")
    tail = body[len(text) :] or "\n"
    spans = []
    for n, sentence in enumerate(sentences):
        text += " " if same_paragraph and n else "\n"
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text + tail, spans


def replace(body: str, start: int, end: int, new: str) -> str:
    return body[:start] + new + body[end:]


def context(body: str, start: int, end: int, width: int = 50) -> str:
    left = body[max(0, start - width) : start].split("\n")[-1]
    right = body[end : end + width].split("\n")[0]
    return f"…{left}[{body[start:end]}]{right}…"


Speakers = Iterator[dict[str, str]]


def speaker_pool(language: str, rng: random.Random) -> Speakers:
    """Invented spokespeople, each surname once while they last, in both the forms templates use."""
    surnames = SURNAMES[language][:]
    rng.shuffle(surnames)
    n = 0
    while True:
        first, woman = rng.choice(FIRST_NAMES[language])
        last = surnames[n % len(surnames)]
        n += 1
        yield {"first": first, "last": last, "woman": "yes" if woman else ""}


def speaker_forms(speaker: dict[str, str], organisation: str, language: str, first: bool) -> dict[str, str]:
    """`who` and `who_subj` for the speaker's first mention (full introduction) or a later one."""
    full = f"{speaker['first']} {speaker['last']}"
    if language == "fr":
        intro = f"{full}, porte-parole {organisation}"
        later = f"{'Mme' if speaker['woman'] else 'M.'} {speaker['last']}"
    else:
        intro = f"{full}, a spokesperson for {organisation}"
        later = speaker["last"]
    return {"who": intro, "who_subj": f"{intro},"} if first else {"who": later, "who_subj": later}


def fill(template: str, slots: dict[str, Any]) -> str:
    """A template with its slots; one that starts with a slot starts with a capital, and a French "de"
    before a vowel is elided ("le nombre d'emplois", "le mois d'avril")."""
    return cap(regex.sub(r"\b([dD])e (?=[aeiouéèêâîôûAEIOUÉ])", r"\1'", template.format(**slots)))


def said_by(
    speaker: dict[str, str], organisation: str, language: str, sentences: list[tuple[str, dict[str, Any]]]
) -> list[str]:
    """Each template filled with its slots, the first naming the speaker in full and the others after it."""
    return [
        fill(template, {**slots, **speaker_forms(speaker, organisation, language, n == 0)})
        for n, (template, slots) in enumerate(sentences)
    ]


def restate(
    article: Article, rng: random.Random, kind: str, variant: str, figure: regex.Match[str], said: str
) -> Planted:
    """The article with a sentence at its end that says `said` of its figure `figure`."""
    sentence = rng.choice(RESTATE[article.language]).format(F=said)
    if article.language == "fr":  # "de environ" is written "d'environ"
        sentence = regex.sub(r"\bde (?=[aeiouéèêâîôû])", "d'", sentence)
    body, spans = append(article.text, [sentence], same_paragraph=False)
    excerpt = f"{context(article.text, figure.start(), figure.end(), 30)} ... {sentence}"
    return Planted(kind, article.language, article.doc_id, variant, body, tuple(spans), excerpt)


def year_of(article: Article) -> int:
    assert article.published is not None  # every corpus article is dated
    return article.published.year


def exact_figures(article: Article) -> list[regex.Match[str]]:
    """Figures of the article with a counted noun and no qualifier before them (not years, not 0 or 1)."""
    found = []
    for match in FIGURE[article.language].finditer(article.text):
        before = article.text[max(0, match.start() - 30) : match.start()].lower().rstrip()
        digits = regex.sub(r"\D", "", match["number"].split(",")[0].split(".")[0])
        if not digits or int(digits) < 2 or regex.fullmatch(r"(19|20)\d\d", match["number"]):
            continue
        after = article.text[match.end() : match.end() + 20]
        if QUALIFIED[article.language].search(before) or after.startswith(QUALIFIERS_AFTER[article.language]):
            continue
        if RANGE_END.search(before) or RANGE_START.match(article.text, match.end()):
            continue  # one end of a range or of two values ("de 700 à 800 personnes", "16 ou 17 morts")
        found.append(match)
    return found


def persons(article: Article) -> list[tuple[str, str, int, str]]:
    """Persons named by a given name and a surname (given name, surname, offset of the first full
    mention, the titles the article gives them), as figcheck's rule-based mention finder reads them.
    Capitalised pairs naming a place, an event or an outlet slip in. Those are rarely named twice, rarely
    have their second word stand alone as a name (not after a capitalised word, an article or a
    preposition), and often come after "in", "at" or "dans": a person is named twice or by the surname
    alone, and never after those words."""
    text = article.text
    mentions = find_mentions(text, article.language)
    found: dict[str, tuple[str, str, int, str, int]] = {}
    for index, mention in enumerate(mentions):
        if (
            mention.type != "person"
            or mention.refers_to is not None
            or not PERSON_NAME.fullmatch(mention.text)
        ):
            continue
        titles = " ".join(m.title or "" for m in mentions if m is mention or m.refers_to == index)
        if mention.text in found:  # a later full mention: its titles join the first one's
            first, last, start, before, times = found[mention.text]
            found[mention.text] = (first, last, start, f"{before} {titles}", times + 1)
        elif mention.text.split()[0] not in NOT_GIVEN_NAMES:
            first, last = mention.text.split()
            found[mention.text] = (first, last, mention.start, titles, 1)
    people = []
    for first, last, start, titles, times in found.values():
        full = regex.finditer(
            rf"(?<![\p{{L}}'’-]){regex.escape(first)} {regex.escape(last)}(?![\p{{L}}'’-])", text
        )
        if any(PLACE_BEFORE.search(text[max(0, m.start() - 10) : m.start()]) for m in full):
            continue  # "in Puerto Rico", "at Penn State"
        alone = regex.finditer(rf"(?<![\p{{L}}'’-]){regex.escape(last)}(?![\p{{L}}'’-])", text)
        named = any(not NOT_ALONE.search(text[max(0, m.start() - 20) : m.start()]) for m in alone)
        if named or times > 1:
            people.append((first, last, start, titles.strip()))
    return people


def respell(surname: str, rng: random.Random) -> tuple[str, str] | None:
    """The surname written another way, and how: a dropped accent, a doubled or dropped letter,
    -ski for -sky (or back), one letter changed."""
    edits: list[tuple[str, Callable[[], str]]] = []
    inner = range(1, len(surname) - 1)
    accented = [i for i in inner if unicodedata.decomposition(surname[i])]
    if accented:
        i = rng.choice(accented)
        plain = unicodedata.normalize("NFD", surname[i])[0]
        edits.append(("dropped accent", lambda: surname[:i] + plain + surname[i + 1 :]))
    if surname.endswith(("ski", "sky")):
        edits.append(("-ski/-sky", lambda: surname[:-1] + ("y" if surname.endswith("i") else "i")))
    doubled = [i for i in inner if surname[i] == surname[i + 1]]
    if doubled:
        j = rng.choice(doubled)
        edits.append(("dropped letter", lambda: surname[:j] + surname[j + 1 :]))
    else:
        j = rng.choice(list(inner))
        edits.append(("dropped letter", lambda: surname[:j] + surname[j + 1 :]))
    consonants = [i for i in inner if surname[i] in "bcdfglmnprstvz" and surname[i] != surname[i + 1]]
    if consonants:
        k = rng.choice(consonants)
        edits.append(("doubled letter", lambda: surname[: k + 1] + surname[k:]))
    changeable = [i for i in inner if surname[i] in LETTER_SWAPS]
    if changeable:
        m = rng.choice(changeable)
        edits.append(
            ("one letter changed", lambda: surname[:m] + LETTER_SWAPS[surname[m]] + surname[m + 1 :])
        )
    how, edit = rng.choice(edits)
    new = edit()
    return (new, how) if new != surname else None


# ---------------------------------------------------------------------------------------------------
# One function per kind: the planted case, or None when the article offers no place for the problem.
# Each gets the article, a generator seeded for this article and kind, and the spokespeople still free.

Plant = Callable[[Article, random.Random, Speakers], Planted | None]


def unbalanced_quote(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """Drop the closing mark of a quotation closed in its paragraph, or open one that is never closed.
    A paragraph followed by one that opens with a quotation mark is left alone: the press convention
    reads an unclosed quotation there as continued."""
    text = article.text
    spans = paragraphs(text)
    options: list[tuple[str, int, int]] = []
    for n, (start, end) in enumerate(spans):
        following = text[spans[n + 1][0]] if n + 1 < len(spans) else ""
        if following and following in '«»“"':
            continue
        para = text[start:end]
        if not any(c in para for c in '«»“”"'):
            if len(para) > 80:
                options.append(("stray opening", start, end))
            continue
        options.append(("closing removed", start, end))
    while options:
        how, start, end = options.pop(rng.randrange(len(options)))
        if how == "closing removed":
            planted = _drop_closing(article, start, end, rng)
        else:
            planted = _stray_opening(article, start, end, rng)
        if planted is not None:
            return planted
    return None


def _drop_closing(article: Article, start: int, end: int, rng: random.Random) -> Planted | None:
    text = article.text
    pairs, stack, straight = [], [], None
    for i in range(start, end):
        char = text[i]
        if char in OPENING:
            stack.append(i)
        elif char in CLOSING and stack:
            pairs.append((stack.pop(), i))
        elif char == '"':
            if straight is None:
                straight = i
            else:
                pairs.append((straight, i))
                straight = None
    if stack or straight is not None or not pairs:
        return None  # already unbalanced, or nothing to unbalance
    opening, closing = rng.choice(pairs)
    cut = closing
    while cut > opening + 1 and text[cut - 1] in " \u00a0\u202f" and text[closing] == "»":
        cut -= 1  # French sets a space inside the guillemets: it goes with the mark
    body = replace(text, cut, closing + 1, "")
    paragraph_end = end - (closing + 1 - cut)
    excerpt = context(text, cut, closing + 1) + " removed"
    return Planted(
        "unbalanced-quote",
        article.language,
        article.doc_id,
        f"closing {text[closing]} removed",
        body,
        ((opening, paragraph_end),),
        excerpt,
    )


def _stray_opening(article: Article, start: int, end: int, rng: random.Random) -> Planted | None:
    text, lang = article.text, article.language
    # a quotation would open after a colon or a comma, or at a sentence start
    places = [m.end() for m in regex.finditer(r"[:,.!?] (?=\p{L})", text[start:end])]
    if not places:
        return None
    at = start + rng.choice(places)
    mark = "« " if lang == "fr" else rng.choice(['"', "“"])
    body = replace(text, at, at, mark)
    return Planted(
        "unbalanced-quote",
        lang,
        article.doc_id,
        f"stray opening {mark.strip()}",
        body,
        ((at, at + len(mark)),),
        context(body, at, at + len(mark)),
    )


def scope_conflict(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """One figure for the whole year, then the same figure for the rest of it, from one speaker."""
    lang, year = article.language, year_of(article)
    noun, participle, organisation = rng.choice(SUBJECTS[lang])
    slots = {"Y": year, "V": fmt(nice(rng, 1200, 90000), lang), "N": noun, "P": participle}
    templates = [rng.choice(SCOPE_WHOLE[lang]), rng.choice(SCOPE_REST[lang])]
    written = said_by(next(speakers), organisation, lang, [(t, slots) for t in templates])
    body, spans = append(article.text, written, same_paragraph=rng.random() < 0.5)
    return Planted(
        "scope-conflict",
        lang,
        article.doc_id,
        "whole year, rest of year",
        body,
        tuple(spans),
        " ".join(written),
    )


def misspelling(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """A dictionary word of six letters or more with two letters swapped, one dropped or one doubled."""
    speller = speller_for(article.language)
    if speller is None:
        return None
    words = list(LOWER_WORD.finditer(article.text))
    rng.shuffle(words)
    for match in words[:40]:
        word = match[0]
        if not speller.knows(word):
            continue
        how = rng.choice(["transposition", "dropped letter", "doubled letter"])
        i = rng.randrange(1, len(word) - 2)
        if how == "transposition":
            typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif how == "dropped letter":
            typo = word[:i] + word[i + 1 :]
        else:
            typo = word[: i + 1] + word[i:]
        if typo == word or speller.knows(typo):
            continue
        body = replace(article.text, match.start(), match.end(), typo)
        span = (match.start(), match.start() + len(typo))
        return Planted(
            "misspelling",
            article.language,
            article.doc_id,
            how,
            body,
            (span,),
            f"{word} -> {typo}: " + context(body, *span),
        )
    return None


def _restated(
    article: Article, rng: random.Random, kind: str, qualifiers: dict[str, list[str]]
) -> Planted | None:
    """An exact figure of the article said again at its end with a qualifier before it."""
    figures = exact_figures(article)
    if not figures:
        return None
    figure = rng.choice(figures)
    qualifier = rng.choice(qualifiers[article.language])
    if qualifier == "fewer than" and figure["noun"] in ("euros", "dollars"):
        qualifier = "less than"
    return restate(article, rng, kind, qualifier, figure, f"{qualifier} {figure[0]}")


def bound_restated(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    return _restated(article, rng, "bound-restated", BOUNDS)


def approx_restated(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    return _restated(article, rng, "approx-restated", APPROXIMATIONS)


def name_respelled(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """A person named in full has the surname respelled once after the first mention: in a later full
    mention, in a later mention of the surname alone, or in a sentence added at the end."""
    text, lang = article.text, article.language
    people = persons(article)
    if not people:
        return None
    first, last, start, _ = rng.choice(people)
    respelled = respell(last, rng)
    if respelled is None:
        return None
    new, how = respelled
    surname = rf"(?<![\p{{L}}'’-]){regex.escape(last)}(?![\p{{L}}'’-])"
    later = [m for m in regex.finditer(surname, text) if m.start() > start + len(first)]  # not the first
    full = [m for m in later if text[: m.start()].endswith(first + " ")]
    bare = [m for m in later if m not in full]
    options = ["appended"] + (["later full name"] if full else []) + (["later surname"] if bare else [])
    where = rng.choice(options)
    if where == "appended":
        sentence = rng.choice(NAME_FRAMES[lang]).format(name=f"{first} {new}")
        body, spans = append(text, [sentence], same_paragraph=False)
        excerpt = f"{first} {last} ... {sentence}"
    else:
        match = rng.choice(full if where == "later full name" else bare)
        body = replace(text, match.start(), match.end(), new)
        spans = [(match.start(), match.start() + len(new))]
        excerpt = f"{first} {last} ... " + context(body, *spans[0])
    return Planted("name-respelled", lang, article.doc_id, f"{where}, {how}", body, tuple(spans), excerpt)


def part_exceeds_whole(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """A month or a quarter of last year given more than the whole of last year, by one speaker."""
    lang, year = article.language, year_of(article) - 1
    noun, participle, organisation = rng.choice(SUBJECTS[lang])
    whole = nice(rng, 2000, 60000)
    part = whole + nice(rng, max(200, whole // 10), whole + 200)
    if rng.random() < 0.5:
        period = ("en " if lang == "fr" else "in ") + f"{rng.choice(MONTHS[lang])} {year}"
    else:
        period = rng.choice(QUARTERS[lang]).format(Y=year)
    slots = {"Y": year, "N": noun, "P": participle, "T": period, "T_cap": cap(period)}
    sentences = [(rng.choice(PART[lang]), part), (rng.choice(WHOLE_PAST[lang]), whole)]
    if rng.random() < 0.5:  # the year first, then its part
        sentences.reverse()
    written = said_by(
        next(speakers), organisation, lang, [(t, {**slots, "V": fmt(v, lang)}) for t, v in sentences]
    )
    body, spans = append(article.text, written, same_paragraph=rng.random() < 0.5)
    variant = "month" if period.split()[-2] in MONTHS[lang] else "quarter"
    return Planted("part-exceeds-whole", lang, article.doc_id, variant, body, tuple(spans), " ".join(written))


def parts_do_not_add(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """The first quarter and the rest of a year against the whole year, by one speaker. Either last year,
    all done, with the parts well above or well below the year (the rest then runs from April, so a gap
    is a contradiction too); or, in an article written after March, this year's first quarter, what is
    planned for the rest of it and the plan for the year, the parts well above the plan (the rest of
    the year starts on publication, so parts below the plan would leave room for April to then)."""
    lang, published = article.language, article.published
    assert published is not None
    noun, participle, organisation = rng.choice(SUBJECTS[lang])
    first_quarter, rest = nice(rng, 1000, 30000), nice(rng, 3000, 90000)
    this_year = published.month > 3 and rng.random() < 0.5
    over = this_year or rng.random() < 0.5
    factor = rng.uniform(0.55, 0.8) if over else rng.uniform(1.3, 1.9)
    whole = round((first_quarter + rest) * factor / 100) * 100
    rest_templates, whole_templates = (SCOPE_REST, SCOPE_WHOLE) if this_year else (REST_PAST, WHOLE_PAST)
    sentences = [
        (rng.choice(FIRST_QUARTER[lang]), first_quarter),
        (rng.choice(rest_templates[lang]), rest),
        (rng.choice(whole_templates[lang]), whole),
    ]
    if rng.random() < 0.5:  # the year first, then its parts
        sentences = sentences[2:] + sentences[:2]
    slots = {"Y": published.year if this_year else published.year - 1, "N": noun, "P": participle}
    written = said_by(
        next(speakers), organisation, lang, [(t, {**slots, "V": fmt(v, lang)}) for t, v in sentences]
    )
    body, spans = append(article.text, written, same_paragraph=rng.random() < 0.5)
    variant = (
        f"{'this year, planned' if this_year else 'last year'}, parts {'above' if over else 'below'} the year"
    )
    return Planted("parts-do-not-add", lang, article.doc_id, variant, body, tuple(spans), " ".join(written))


def _title(ministry: str, language: str, feminine: bool) -> tuple[str, str]:
    """The title with its article and without: ("le ministre de la Santé", "ministre de la Santé")."""
    if language == "fr":
        bare = f"ministre {ministry}"
        return f"{'la' if feminine else 'le'} {bare}", bare
    return f"{ministry} Minister", f"{ministry.lower()} minister"


def title_changed(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """A person named in full is given a minister's title at the end of the article, different from the
    titles the article gives; or, for a person the article names without a title, a minister's title is
    added to the first mention and another ministry's at the end."""
    text, lang = article.text, article.language
    # a person the article gives only past titles ("ancien ministre", "former coach") may hold any post
    # now: another title later is no inconsistency
    people = [p for p in persons(article) if not p[3] or not PAST_TITLE.search(p[3])]
    if not people:
        return None
    first, last, start, titles = rng.choice(people)
    name = f"{first} {last}"
    titled = bool(titles)
    feminine = (
        titled
        and lang == "fr"
        and FEMININE.search(f"{text[max(0, start - 20) : start]} {titles}") is not None
    )
    free = [m for m in MINISTRIES[lang] if m.split()[-1].lower() not in titles.lower()]
    if len(free) < 2:
        return None
    later_ministry, first_ministry = rng.sample(free, 2)
    later, later_bare = _title(later_ministry, lang, feminine)
    sentence = rng.choice(TITLE_SENTENCES[lang]).format(T=later, T_cap=cap(later), t=later_bare, name=name)
    body, spans = text, []
    if titled:
        variant = "another title later"
        excerpt = f"{name} ({titles}) ... "
    else:
        # a title added to the first mention, in apposition, which reads right after any preposition
        variant = "title added, another later"
        added = _title(first_ministry, lang, feminine)[1]
        end = start + len(name)
        apposition = f", {added}" if lang == "fr" else f", the {added}"
        if end < len(text) and text[end] not in ",.;:)\n":
            apposition += ","
        body = replace(text, end, end, apposition)
        spans.append((end, end + len(apposition)))
        excerpt = context(body, end, end + len(apposition)) + " ... "
    body, appended = append(body, [sentence], same_paragraph=False)
    return Planted(
        "title-changed", lang, article.doc_id, variant, body, tuple(spans + appended), excerpt + sentence
    )


def unit_changed(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """An exact figure of the article said again at its end with another counted noun; or, half the time
    and where the article has none, one number of one month given twice with two different nouns."""
    lang = article.language
    figures = exact_figures(article)
    if figures and rng.random() < 0.5:
        figure = rng.choice(figures)
        noun = rng.choice(NOUNS[lang][figure["noun"]])
        link = figure["link"]
        if link.strip() in ("de", "d'"):  # "5 millions d'euros" -> "5 millions de dollars"
            link = " d'" if noun[0] in "aeiouéèêâîôûh" else " de "
        return restate(
            article, rng, "unit-changed", "article figure restated", figure, figure["number"] + link + noun
        )
    (noun_a, participle_a), (noun_b, participle_b), organisation = rng.choice(UNIT_PAIRS[lang])
    if rng.random() < 0.5:
        (noun_a, participle_a), (noun_b, participle_b) = (noun_b, participle_b), (noun_a, participle_a)
    slots = {"V": fmt(nice(rng, 1200, 90000), lang), "M": rng.choice(MONTHS[lang]), "Y": year_of(article) - 1}
    sentences = [
        (rng.choice(UNIT_FIRST[lang]), {**slots, "N": noun_a, "P": participle_a}),
        (rng.choice(UNIT_SECOND[lang]), {**slots, "N": noun_b, "P": participle_b}),
    ]
    written = said_by(next(speakers), organisation, lang, sentences)
    body, spans = append(article.text, written, same_paragraph=rng.random() < 0.5)
    return Planted(
        "unit-changed", lang, article.doc_id, "two sentences", body, tuple(spans), " ".join(written)
    )


def other_value(rng: random.Random, value: int) -> int:
    """Another value a slip could give: a tenth to two fifths away, in whole hundreds."""
    shift = max(100, round(value * rng.uniform(0.1, 0.4) / 100) * 100)
    return value + shift if rng.random() < 0.5 or value - shift < 100 else value - shift


def value_changed(article: Article, rng: random.Random, speakers: Speakers) -> Planted | None:
    """One speaker's count of one month given, then given again later with another value."""
    lang = article.language
    index = rng.randrange(len(SUBJECTS[lang]))
    noun, participle, organisation = SUBJECTS[lang][index]
    value = nice(rng, 1200, 90000)
    slots = {"M": rng.choice(MONTHS[lang]), "Y": year_of(article) - 1, "N": noun, "P": participle}
    sentences = [
        (rng.choice(UNIT_FIRST[lang]), {**slots, "V": fmt(value, lang)}),
        (rng.choice(VALUE_SECOND[lang]), {**slots, "V": fmt(other_value(rng, value), lang)}),
    ]
    written = said_by(next(speakers), organisation, lang, sentences)
    body, spans = append(article.text, written, same_paragraph=rng.random() < 0.5)
    return Planted(
        "value-changed", lang, article.doc_id, "two sentences", body, tuple(spans), " ".join(written)
    )


def claim_across_languages(
    french: Article, english: Article, rng: random.Random, speaker: dict[str, str]
) -> tuple[Planted, Planted]:
    """One speaker's count of one month in a French article, and another value in an English one."""
    index = rng.randrange(len(SUBJECTS["fr"]))  # the two lists name the same things in the same order
    value = nice(rng, 1200, 90000)
    year = min(year_of(french), year_of(english)) - 1
    month = rng.randrange(12)
    cases = []
    for article, number in ((french, value), (english, other_value(rng, value))):
        lang = article.language
        noun, participle, organisation = SUBJECTS[lang][index]
        slots = {"M": MONTHS[lang][month], "Y": year, "N": noun, "P": participle, "V": fmt(number, lang)}
        [written] = said_by(speaker, organisation, lang, [(rng.choice(CLAIM[lang]), slots)])
        body, spans = append(article.text, [written], same_paragraph=False)
        cases.append(
            Planted("claim-across-languages", lang, article.doc_id, "fr and en", body, tuple(spans), written)
        )
    return cases[0], cases[1]


def plant_pairs(
    french: list[Article], english: list[Article], taken: set[str], per_kind: int, seed: int
) -> list[Planted]:
    """Claims across languages, each in a French and an English article no other kind has taken."""
    free = {
        lang: [a for a in articles if a.doc_id not in taken]
        for lang, articles in (("fr", french), ("en", english))
    }
    for lang, articles in free.items():
        random.Random(f"{seed}:pairs:{lang}").shuffle(articles)
    speakers = speaker_pool("fr", random.Random(f"{seed}:pairs:speakers"))
    planted: list[Planted] = []
    for french_article, english_article in list(zip(free["fr"], free["en"], strict=False))[:per_kind]:
        rng = random.Random(f"{seed}:pairs:{french_article.doc_id}:{english_article.doc_id}")
        planted.extend(claim_across_languages(french_article, english_article, rng, next(speakers)))
    return planted


KINDS: dict[str, Plant] = {
    "unbalanced-quote": unbalanced_quote,
    "scope-conflict": scope_conflict,
    "misspelling": misspelling,
    "bound-restated": bound_restated,
    "approx-restated": approx_restated,
    "name-respelled": name_respelled,
    "part-exceeds-whole": part_exceeds_whole,
    "parts-do-not-add": parts_do_not_add,
    "title-changed": title_changed,
    "unit-changed": unit_changed,
    "value-changed": value_changed,
}
# Kinds planted into a French and an English article at once (`plant_pairs`), reported per language.
PAIRED_KINDS = ("claim-across-languages",)
# Dictionaries take a tenth of a second to open: once per language.
speller_for = cache(load_speller)


# ---------------------------------------------------------------------------------------------------
# Corpus, plants, runs, scores


def read_corpus(corpus: Path) -> dict[str, list[tuple[Article, str]]]:
    """Per language, each article and its front matter as written, read the way figcheck reads it."""
    found: dict[str, list[tuple[Article, str]]] = {}
    for language in LANGUAGES:
        found[language] = []
        for path in sorted((corpus / f"wikinews-{language}" / "articles").glob("*.txt")):
            problems: list[Any] = []
            article = read_article(path, "corpus", problems)
            if article is None or article.published is None:
                continue
            header = "\n".join(path.read_text(encoding="utf-8").split("\n")[: article.body_line - 1])
            found[language].append((article, header))
    return found


def plant_all(articles: list[Article], language: str, per_kind: int, seed: int) -> list[Planted]:
    """Kinds take turns picking the next article, in a seeded order, where they can write their problem:
    a kind that fits few articles does not leave the others only what it could not use."""
    order = articles[:]
    random.Random(f"{seed}:{language}").shuffle(order)
    speakers = speaker_pool(language, random.Random(f"{seed}:{language}:speakers"))
    used: set[str] = set()
    planted: list[Planted] = []
    wanting = {kind: per_kind for kind in KINDS}
    tried: dict[str, int] = defaultdict(int)  # where each kind got to in `order`
    while any(wanting.values()):
        for kind, plant in KINDS.items():
            while wanting[kind] and tried[kind] < len(order):
                article = order[tried[kind]]
                tried[kind] += 1
                if article.doc_id in used:
                    continue
                case = plant(article, random.Random(f"{seed}:{kind}:{article.doc_id}"), speakers)
                if case is not None:
                    planted.append(case)
                    used.add(article.doc_id)
                    wanting[kind] -= 1
                    break
            if tried[kind] >= len(order):
                wanting[kind] = 0
    return planted


def write_collection(folder: Path, bodies: dict[str, str], headers: dict[str, str]) -> None:
    """One article per file named by its id, with its front matter as in the corpus."""
    (folder / "articles").mkdir(parents=True)
    for doc_id, body in bodies.items():
        (folder / "articles" / f"{doc_id}.txt").write_text(f"{headers[doc_id]}\n{body}", encoding="utf-8")


def run_figcheck(collection: Path, out: Path, jobs: int) -> list[dict[str, Any]]:
    """The findings of one `figcheck run` of this checkout (its `src/` first on the path)."""
    options = {"--suite": SUITE, "--format": "json", "--out": out, "--fail-on": "never", "--jobs": jobs}
    command = [sys.executable, "-m", "figcheck", "run", str(collection), "--quiet"]
    command += [str(part) for option in options.items() for part in option]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
    }
    subprocess.run(command, check=True, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    written = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    findings: list[dict[str, Any]] = written["findings"]
    return findings


def key(finding: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two findings one: rule and evidence texts (offsets move when text is planted before)."""
    return finding["code"], tuple(sorted((e["doc_id"], e["text"]) for e in finding["evidence"]))


def new_findings(planted: list[dict[str, Any]], original: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings of the planted run beyond those the unmodified run gives (each of those once)."""
    before = Counter(key(f) for f in original)
    new = []
    for finding in planted:
        if before[key(finding)]:
            before[key(finding)] -= 1
        else:
            new.append(finding)
    return new


def credit(cases: list[Planted], new: list[dict[str, Any]]) -> tuple[dict[str, Counter[str]], Counter[str]]:
    """The rules that report each case (by doc id), and per article the new findings reporting none."""
    by_doc = {case.doc_id: case for case in cases}
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    unrelated: Counter[str] = Counter()
    for finding in new:
        touched = {
            e["doc_id"]
            for e in finding["evidence"]
            if e["doc_id"] in by_doc
            and any(e["start"] < end and start < e["end"] for start, end in by_doc[e["doc_id"]].spans)
        }
        case = by_doc.get(finding["doc_id"])
        if not touched and case is not None and EXPECTED[case.kind] == finding["slug"]:
            touched = {case.doc_id}
        for doc_id in touched:
            rules[doc_id][finding["slug"]] += 1
        if not touched:
            unrelated[finding["doc_id"]] += 1
    return rules, unrelated


def report(cases: list[Planted], rules: dict[str, Counter[str]], unrelated: Counter[str]) -> None:
    """One row per kind and language, then per language and in all; a case counts once per rule."""
    print(
        f"{'kind':22} {'lang':4} {'planted':>7} {'reported':>8} {'share':>6} {'unrelated/50':>12}  rules that reported it"
    )
    kinds = [*KINDS, *PAIRED_KINDS]
    rows = [(kind, lang) for kind in kinds for lang in LANGUAGES] + [("all", lang) for lang in LANGUAGES]
    rows.append(("all", "both"))
    for kind, lang in rows:
        group = [c for c in cases if kind in ("all", c.kind) and lang in ("both", c.language)]
        if kind == "all" and lang == LANGUAGES[0]:
            print()
        found = [c for c in group if rules.get(c.doc_id)]
        noise = sum(unrelated[c.doc_id] for c in group)
        by_rule: Counter[str] = Counter()
        for case in found:
            by_rule.update(set(rules[case.doc_id]))
        share = f"{len(found) / len(group):6.0%}" if group else "     -"
        per_50 = f"{50 * noise / len(group):12.1f}" if group else f"{'-':>12}"
        listed = ", ".join(f"{slug} {n}" for slug, n in by_rule.most_common()) if kind != "all" else ""
        print(f"{kind:22} {lang:4} {len(group):7} {len(found):8} {share} {per_50}  {listed}")


def show_missed(cases: list[Planted], rules: dict[str, Counter[str]], kind: str) -> None:
    """Each case of `kind` that no new finding reports: article, which variant, what was planted."""
    missed = [c for c in cases if c.kind == kind and not rules.get(c.doc_id)]
    print(f"\n{len(missed)} missed {kind} cases:")
    for case in missed:
        print(f"- {case.doc_id} ({case.variant}): {case.excerpt}")


def keep(folder: Path, cases: list[Planted]) -> None:
    """`planted.tsv`: each case with its spans (offsets of the planted body) and text, for reading."""
    lines = ["doc_id\tkind\tlanguage\tvariant\tspans\texcerpt"]
    for case in cases:
        spans = " ".join(f"{s}-{e}" for s, e in case.spans)
        excerpt = case.excerpt.replace("\t", " ").replace("\n", " ")
        lines.append(f"{case.doc_id}\t{case.kind}\t{case.language}\t{case.variant}\t{spans}\t{excerpt}")
    (folder / "planted.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--per-kind", type=int, default=15, help="problems per kind and language (fewer if articles run out)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="folder holding wikinews-fr/ and wikinews-en/"
    )
    parser.add_argument(
        "--keep", type=Path, help="new folder to keep the collections, reports and planted.tsv in"
    )
    parser.add_argument(
        "--show", choices=sorted([*KINDS, *PAIRED_KINDS]), help="list each missed case of this kind"
    )
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes of each figcheck run")
    args = parser.parse_args(argv)
    if not (args.corpus / "wikinews-fr" / "articles").is_dir():
        parser.error(f"{args.corpus} holds no wikinews-fr/articles/")
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"{args.keep} is not empty")

    corpus = read_corpus(args.corpus)
    headers = {a.doc_id: header for pairs in corpus.values() for a, header in pairs}
    originals = {a.doc_id: a.text for pairs in corpus.values() for a, _ in pairs}
    cases = [
        case
        for language in LANGUAGES
        for case in plant_all([a for a, _ in corpus[language]], language, args.per_kind, args.seed)
    ]
    articles = {lang: [a for a, _ in corpus[lang]] for lang in LANGUAGES}
    taken = {case.doc_id for case in cases}
    cases += plant_pairs(articles["fr"], articles["en"], taken, args.per_kind, args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-planted-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        write_collection(folder / "planted", {c.doc_id: c.body for c in cases}, headers)
        write_collection(folder / "original", {c.doc_id: originals[c.doc_id] for c in cases}, headers)
        started = time.perf_counter()
        after = run_figcheck(folder / "planted", folder / "report-planted", args.jobs)
        before = run_figcheck(folder / "original", folder / "report-original", args.jobs)
        seconds = time.perf_counter() - started
        if args.keep is not None:
            keep(folder, cases)
    new = new_findings(after, before)
    rules, unrelated = credit(cases, new)
    articles = ", ".join(f"{len(corpus[lang])} {lang}" for lang in LANGUAGES)
    print(
        f"{len(cases)} problems planted in as many articles (of {articles}), seed {args.seed}; "
        f"figcheck: {len(before)} findings before, {len(after)} after, {len(new)} new; two runs {seconds:.0f} s\n"
    )
    report(cases, rules, unrelated)
    if args.show:
        show_missed(cases, rules, args.show)
    if args.keep is not None:
        print(f"\nkept in {args.keep}: planted/, original/, report-planted/, report-original/, planted.tsv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
