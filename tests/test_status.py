import pytest

from figcheck.extract.status import sentence_cues, sentence_status


@pytest.mark.parametrize(
    ("sentence", "language", "status"),
    [
        (
            "Environ 2 millions d'unités avaient été officiellement mises en service en janvier 2026.",
            "fr",
            "actual",
        ),
        ("En janvier, plus de 10 000 armes ont été mises en service, a déclaré le ministre.", "fr", "actual"),
        (
            "Pour l'ensemble de l'année 2026, l'armée russe devrait recevoir plus de 310 000 équipements.",
            "fr",
            "planned",
        ),
        ("Il est prévu de livrer plus de 310 000 unités pendant le reste de cette année.", "fr", "planned"),
        ("Le premier lot sera livré en mars.", "fr", "planned"),
        ("Le ministère prévoit 500 drones.", "fr", "planned"),
        ("Selon les estimations, 500 drones sont en service.", "fr", "estimate"),
        ("Le coût est estimé à 2 milliards.", "fr", "estimate"),
        ("500 drones were delivered in 2025.", "en", "actual"),
        ("The army has received 500 drones.", "en", "actual"),
        ("The army will receive 500 drones.", "en", "planned"),
        ("The ministry plans to buy 500 drones.", "en", "planned"),
        ("500 drones are expected to arrive.", "en", "planned"),
        ("An estimated 500 drones are in service.", "en", "estimate"),
        ("The cost is estimated at $2 billion.", "en", "estimate"),
        ("Le ciel est bleu.", "fr", "unspecified"),
    ],
)
def test_sentence_status(sentence, language, status):
    assert sentence_status(sentence, language) == status


def test_a_sentence_may_carry_a_fact_and_a_plan():
    cues = sentence_cues("Le 3 février, il a déclaré que les équipements seraient exposés.", "fr")
    assert cues == {"actual", "planned"}
