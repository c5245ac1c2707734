import pytest

from figcheck.extract.mentions import Mention, find_mentions, find_mentions_batch, load_pipeline
from figcheck.load.gazetteer import Gazetteer, GazetteerEntry
from figcheck.text.titles import titles_compatible

ARTICLE = (
    "Le ministre russe de la Défense, Andreï Beloussov, a annoncé le 4 février la livraison d'armes.\n"
    "« Les armes ont été mises en service », a déclaré le ministre russe de la Défense, cité par TASS.\n"
    "Selon la réunion présidée par le ministre Andrey Belousov, l'armée recevra des équipements.\n"
    "Il est prévu de livrer des équipements, a informé le ministère russe de la Défense.\n"
    "Dans un autre développement, le secrétaire du Conseil de sécurité russe, Sergueï Choïgou, "
    "a déclaré à TASS que l'équipement saisi en Ukraine serait exposé à Moscou.\n"
    "M. Choïgou a ajouté que les banques participeront au forum.\n"
    "Le chef du Conseil de sécurité russe a déclaré que le programme comprend des tables rondes.\n"
)

GAZETTEER = Gazetteer(
    (
        GazetteerEntry("tass", "agency", "TASS", "ТАСС", (), ()),
        GazetteerEntry(
            "choigou",
            "person",
            "Sergueï Choïgou",
            "Сергей Шойгу",
            ("Sergei Shoigu",),
            ("secrétaire du Conseil de sécurité russe",),
        ),
    )
)


@pytest.fixture(scope="module")
def nlp():
    pipeline = load_pipeline("fr")
    if pipeline is None:
        pytest.skip("fr_core_news_sm is not installed")
    return pipeline


def by_text(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.text == text]


def one(mentions: list[Mention], text: str) -> Mention:
    found = by_text(mentions, text)
    assert len(found) == 1, (text, mentions)
    return found[0]


@pytest.fixture(params=["rules", "spacy"])
def seed_mentions(request):
    model = request.getfixturevalue("nlp") if request.param == "spacy" else None
    return find_mentions(ARTICLE, "fr", GAZETTEER, model)


def test_spans_are_exact(seed_mentions):
    for m in seed_mentions:
        assert ARTICLE[m.start : m.end] == m.text


def test_title_before_name_is_kept_as_written(seed_mentions):
    beloussov = one(seed_mentions, "Andreï Beloussov")
    assert (beloussov.type, beloussov.title, beloussov.refers_to) == (
        "person",
        "ministre russe de la Défense",
        None,
    )
    assert beloussov.name == "Andreï Beloussov"
    assert one(seed_mentions, "Andrey Belousov").title == "ministre"
    assert one(seed_mentions, "Sergueï Choïgou").title == "secrétaire du Conseil de sécurité russe"


def test_other_spellings_stay_separate_full_names(seed_mentions):
    assert one(seed_mentions, "Andrey Belousov").refers_to is None


def test_surname_alone_links_to_earlier_full_name(seed_mentions):
    choigou = seed_mentions.index(one(seed_mentions, "Sergueï Choïgou"))
    surname = one(seed_mentions, "M. Choïgou")
    assert (surname.type, surname.refers_to, surname.name) == ("person", choigou, "Sergueï Choïgou")


def test_title_alone_links_to_holder_of_same_body(seed_mentions):
    choigou = seed_mentions.index(one(seed_mentions, "Sergueï Choïgou"))
    chief = one(seed_mentions, "Le chef du Conseil de sécurité russe")
    assert (chief.type, chief.title, chief.refers_to) == (
        "person",
        "chef du Conseil de sécurité russe",
        choigou,
    )


def test_title_subject_links_to_most_recent_holder(seed_mentions):
    beloussov = seed_mentions.index(one(seed_mentions, "Andreï Beloussov"))
    subject = one(seed_mentions, "le ministre russe de la Défense")
    assert (subject.refers_to, subject.name) == (beloussov, "Andreï Beloussov")


def test_ministry_is_an_organization(seed_mentions):
    assert one(seed_mentions, "ministère russe de la Défense").type == "organization"


def test_agencies_and_places(seed_mentions):
    assert [m.type for m in by_text(seed_mentions, "TASS")] == ["agency", "agency"]
    assert one(seed_mentions, "Moscou").type == "place"
    assert one(seed_mentions, "Ukraine").type == "place"


def test_sentence_openers_are_not_names(seed_mentions):
    texts = {m.text for m in seed_mentions}
    assert not texts & {"Selon", "Dans", "Il", "En", "Les"}


def test_without_gazetteer_rules_still_link_surname():
    mentions = find_mentions(ARTICLE, "fr")
    assert one(mentions, "M. Choïgou").name == "Sergueï Choïgou"
    assert [m.type for m in by_text(mentions, "TASS")] == ["agency", "agency"]


def test_english_title_before_name_and_bare_surname():
    text = (
        "Russian Defence Minister Sergei Shoigu said on Monday that TASS had the figures.\n"
        "In Moscow, Shoigu added that the minister would travel. The Kremlin spokesman, Dmitry Peskov, agreed.\n"
    )
    mentions = find_mentions(text, "en")
    shoigu = one(mentions, "Sergei Shoigu")
    assert (shoigu.type, shoigu.title) == ("person", "Russian Defence Minister")
    index = mentions.index(shoigu)
    assert one(mentions, "Shoigu").refers_to == index
    assert one(mentions, "the minister").refers_to == index
    assert one(mentions, "Dmitry Peskov").title == "Kremlin spokesman"
    assert one(mentions, "Moscow").type == "place"
    assert not by_text(mentions, "In")


def test_english_honorific_and_organization():
    text = "Ms Anna Petrova met Mr Ivanov at the Russian defence ministry. Later Mrs Petrova left.\n"
    mentions = find_mentions(text, "en")
    assert one(mentions, "Ms Anna Petrova").name == "Anna Petrova"
    assert one(mentions, "Mrs Petrova").refers_to == mentions.index(one(mentions, "Ms Anna Petrova"))
    assert one(mentions, "Mr Ivanov").refers_to is None
    assert one(mentions, "Russian defence ministry").type == "organization"


def test_gazetteer_surname_without_earlier_full_name_names_the_entry():
    mentions = find_mentions("Choïgou a parlé hier.", "fr", GAZETTEER)
    assert (mentions[0].type, mentions[0].refers_to, mentions[0].name) == ("person", None, "Sergueï Choïgou")


def test_title_without_a_compatible_holder_is_not_a_mention():
    mentions = find_mentions(
        "Le secrétaire du Conseil de sécurité, Sergueï Choïgou, parle. Le ministre des Finances répond.", "fr"
    )
    assert not [m for m in mentions if m.text.startswith("Le ministre")]


def test_batch_matches_single(nlp):
    texts = [ARTICLE, "M. Choïgou est à Moscou."]
    assert list(find_mentions_batch(texts, "fr", GAZETTEER, nlp)) == [
        find_mentions(t, "fr", GAZETTEER, nlp) for t in texts
    ]


def test_no_model_for_english():
    assert load_pipeline("en") is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("chef du Conseil de sécurité russe", "secrétaire du Conseil de sécurité russe", True),
        ("ministre", "ministre russe de la Défense", True),
        ("ministre russe de la Défense", "ministre russe des Affaires étrangères", False),
        ("Defence Minister", "minister of defence", True),
        ("directeur de la Défense", "ministre de la Défense", False),
        ("ministre", None, None),
        # false alarms on real text: rank words, two unions' secretaries, former and current holders
        ("The Vice President", "United States President", False),
        ("general secretary of the RMT", "Aslef general secretary", False),
        ("Premier ministre", "Prime Minister", True),
        ("ancien président", "actuel président", False),
        ("head of Iran's Quds Force", "head of the Islamic Revolutionary Guard Corps-Quds Force", True),
        # a role word that names a body: `Justice` is a judge, but in `ministre de la Justice` the ministry
        ("ministre de la Justice", "ministre de l'Intérieur", False),
        ("Justice Minister", "ministre de la Justice", True),
    ],
)
def test_titles_compatible(a, b, expected):
    assert titles_compatible(a, b) is expected


def test_title_naming_a_body_does_not_stand_for_a_person_with_a_bare_title():
    # False alarm on real text: `The president of Turkey` was linked to a `President` named before.
    text = (
        "President Jimmy Carter mediated in 1978, said historian Michael Beschloss. "
        "The president of Turkey vowed support for Azerbaijan."
    )
    mentions = find_mentions(text, "en")
    assert not [m for m in mentions if m.text == "The president of Turkey" and m.refers_to is not None]


def test_title_contradicting_the_article_s_title_is_not_linked():
    # False alarm on real text: `The Vice President` was linked to the United States President.
    text = (
        "United States President Donald Trump spoke on Friday. The President said the wall is needed. "
        "The Vice President said the country is in crisis."
    )
    mentions = find_mentions(text, "en")
    assert not [m for m in mentions if m.text == "The Vice President" and m.refers_to is not None]


def test_title_runs_on_after_an_english_possessive():
    # False alarm on real text: `head of Iran's Quds Force` was cut to `head of Iran`.
    mentions = find_mentions("Troops killed Qasem Soleimani, head of Iran's Quds Force, on Friday.", "en")
    assert [m.title for m in mentions if m.text == "Qasem Soleimani"] == ["head of Iran's Quds Force"]


def test_a_title_and_a_name_read_as_one_body_are_a_titled_person(nlp):
    text = "Plus tard, le ministre des Affaires étrangères Jean Dupont a reçu son homologue."
    mentions = find_mentions(text, "fr", Gazetteer([]), nlp)
    person = one(mentions, "Jean Dupont")
    assert (person.type, person.title) == ("person", "ministre des Affaires étrangères")
    assert not [m for m in mentions if m.type == "organization" and "Jean Dupont" in m.text]


def test_the_portfolio_of_a_title_is_not_part_of_the_name(nlp):
    # the model reads "Transports Dragan Kovacevic" as one organization
    text = "Mardi, le ministre des Transports Dragan Kovacevic a refusé de commenter."
    person = one(find_mentions(text, "fr", Gazetteer([]), nlp), "Dragan Kovacevic")
    assert (person.type, person.title) == ("person", "ministre des Transports")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Le Sud-Africain Kemal Yilmazer ajoute une médaille à son palmarès.", None),
        ("La Russe Kemal Yilmazer s'est offert le titre olympique mercredi.", None),
        (
            "C'est le retour de la tenante du titre Kemal Yilmazer, ministre de la Culture, absente en mai.",
            "ministre de la Culture",
        ),
    ],
)
def test_a_name_read_as_a_miscellany_after_a_demonym_or_with_a_title_is_a_person(nlp, text, title):
    person = one(find_mentions(text, "fr", Gazetteer([]), nlp), "Kemal Yilmazer")
    assert (person.type, person.title) == ("person", title)


def test_a_compound_adjective_before_a_name_is_not_part_of_it():
    text = "Jane Corbin spoke first. Later the Texas-based Jane Corbin said nothing more."
    assert [m.text for m in find_mentions(text, "en") if m.type == "person"] == ["Jane Corbin", "Jane Corbin"]


def test_a_short_surname_after_an_honorific_is_linked_despite_a_slip():
    text = "Lundi, le juge a entendu Karim Durel. M. Durol est soupçonné de fraude."
    mention = one(find_mentions(text, "fr"), "M. Durol")
    assert mention.name == "Karim Durel"


def test_a_five_letter_surname_alone_is_linked_despite_a_slip():
    text = "The senator Joe Biden spoke first. Later, Byden said the vote would wait."
    assert one(find_mentions(text, "en"), "Byden").name == "Joe Biden"


def test_the_last_word_of_another_name_is_no_slip_of_a_surname():
    text = "The vice president Mike Pence spoke first. Later, Chad Peace of the Voters Network answered."
    assert not [m for m in find_mentions(text, "en") if m.text == "Peace" and m.name == "Mike Pence"]
