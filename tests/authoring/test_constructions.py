"""Relations stated through noun phrases and fixed constructions: relational nouns and their
possessors, leaders of coalitions, exposure to sanctions, joint acts against a third party."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.dictionary import default_dictionaries
from game.authoring.draft import SYMMETRIC_KINDS
from game.authoring.mentions import _find_mentions
from game.authoring.text import tokenize

CODER = Coder(default_dictionaries())


def _relations(text: str) -> set[tuple[str, str, str]]:
    out = set()
    for event in CODER.code_text(text):
        for actor, target in event.pairs():
            if event.kind in SYMMETRIC_KINDS:
                actor, target = sorted((actor, target))
            out.add((actor, event.kind, target))
    return out


def _statuses(text: str, kind: str) -> set[str]:
    return {e.status.value for e in CODER.code_text(text) if e.kind == kind}


# -- relational nouns --------------------------------------------------------------------------


def test_military_before_a_relational_noun_is_an_adjective_not_a_role():
    """ "Egypt's main military backer": the backer is the head, Egypt its possessor."""
    assert ("RUS", "support", "EGY") in _relations(
        "Russia, Egypt's main military backer, sent advisers."
    )
    tokens = tokenize("Egypt's main military backer")
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    assert [m.actor for m in mentions] == ["EGY"]


def test_military_before_other_nouns_stays_a_role():
    """ "Egypt's military said ..." still names Egypt's armed forces."""
    tokens = tokenize("Egypt's military said the drills were over.")
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    assert [(m.actor, m.kind) for m in mentions] == [("EGY", "role")]


def test_long_time_and_ordinal_adjectives_do_not_hide_the_possessor():
    """Hyphenated "long-time" and "second-largest" are three tokens each."""
    assert ("ARE", "alliance", "JOR") in _relations("Jordan, the UAE's long-time ally, spoke.")
    assert ("JPN", "support", "PAK") in _relations(
        "Japan, Pakistan's second-largest lender, said it would help."
    )


def test_title_and_person_give_the_actor_of_an_apposition():
    """ "Lebanese President Michel Aoun, an ally of Hezbollah": Lebanon."""
    assert ("HEZBOLLAH", "alliance", "LBN") in _relations(
        "Lebanese President Michel Aoun, an ally of Hezbollah, spoke on Sunday."
    )


def test_their_common_foe_relates_the_subject_group_to_the_head():
    relations = _relations("Jordan and Egypt share concerns about Hamas, their common enemy.")
    assert ("EGY", "hostility", "HAMAS") in relations
    assert ("HAMAS", "hostility", "JOR") in relations


def test_a_demonym_leading_a_coalition_names_its_leader_as_target():
    """ "fighting a Saudi-led coalition": the coalition's leader is the target."""
    assert ("HOUTHIS", "hostility", "SAU") in _relations(
        "The Houthis, who have been fighting a Saudi-led coalition since 2015, fired missiles."
    )


def test_a_demonym_before_other_nouns_stays_weak():
    """ "a Saudi-owned channel" names nothing to fight."""
    assert _relations("The Houthis have been fighting a Saudi-owned channel's reporters.") == set()


# -- exposure to sanctions -----------------------------------------------------------------------


def test_or_face_sanctions_threatens_every_member_of_the_subject_list():
    text = (
        "The European Union told Belarus and Hungary to change course by June or face "
        "sanctions themselves."
    )
    relations = _relations(text)
    assert ("EU", "sanction", "BLR") in relations
    assert ("EU", "sanction", "HUN") in relations
    assert _statuses(text, "sanction") == {"threatened"}


def test_the_sanctioner_is_the_warner_when_the_phrase_names_none():
    assert ("USA", "sanction", "PAK") in _relations(
        "Washington warned that Pakistan could face sanctions over the deal."
    )


def test_exposure_without_a_sanctioner_codes_nothing():
    assert _relations("Pakistan could face sanctions over the deal.") == set()


def test_denied_exposure_codes_nothing():
    assert _relations("Pakistan would not face U.S. sanctions, the envoy said.") == set()


def test_expose_takes_the_exposed_party_from_the_object():
    relations = _relations("The purchase could expose Islamabad to American sanctions.")
    assert relations == {("USA", "sanction", "PAK")}


# -- joining acts --------------------------------------------------------------------------------


def test_backing_a_boycott_is_taking_part_in_it_not_supporting_its_target():
    relations = _relations("Egypt backed the Saudi-led boycott of Qatar.")
    assert ("EGY", "sanction", "QAT") in relations
    assert ("SAU", "sanction", "QAT") in relations
    assert ("EGY", "support", "QAT") not in relations


def test_being_urged_to_join_an_act_is_not_joining_it():
    relations = _relations("Israel urged Europe to join the U.S. campaign against Tehran.")
    assert ("IRN", "hostility", "USA") in relations  # symmetric kinds are sorted
    assert not any(r[1] == "hostility" and "ISR" in (r[0], r[2]) for r in relations)


# -- joint acts against a third party ------------------------------------------------------------


def test_fighting_alongside_against_makes_both_hostile_to_the_third():
    relations = _relations("Kurdish fighters fought alongside French troops against Islamic State.")
    assert ("FRA", "hostility", "ISIS") in relations


def test_against_in_a_later_clause_does_not_join_the_earlier_act():
    """ "Iran, which backs Hezbollah, protested against Israel": Hezbollah did not protest."""
    relations = _relations("Iran, which backs Hezbollah, protested against Israel on Monday.")
    assert ("HEZBOLLAH", "hostility", "ISR") not in relations


def test_against_without_an_actor_codes_no_hostility():
    relations = _relations("Egypt cooperated with Israel against smuggling in Sinai.")
    assert not any(r[1] == "hostility" for r in relations)


# -- mentions composed from descriptions ---------------------------------------------------------


def _mention_actors(text: str) -> list[tuple[str | None, str]]:
    mentions, _ = _find_mentions(tokenize(text), default_dictionaries())
    return [(m.actor, " ".join(t.text for t in tokenize(text)[m.start : m.end])) for m in mentions]


def test_a_firm_after_its_countrys_description_is_the_firm():
    """ "Venezuela's state oil company PDVSA" is one mention of PDVSA, not Venezuela."""
    assert _mention_actors("Sanctions hit Venezuela's state oil company PDVSA.") == [
        ("PDVSA", "Venezuela 's state oil company PDVSA")
    ]
    assert ("USA", "sanction", "PDVSA") in _relations(
        "Washington imposed sanctions on the Venezuelan oil firm PDVSA."
    )


def test_a_firm_of_another_country_stays_apart():
    """ "Venezuelan buyers of Rosneft" names both."""
    actors = [a for a, _ in _mention_actors("Venezuelan officials met Rosneft executives.")]
    assert actors[-1] == "ROSNEFT" and "VEN" in actors


def test_the_government_in_a_capital_is_that_capitals_state():
    assert _mention_actors("Kurds talked to the central government in Baghdad.")[-1] == (
        "IRQ",
        "government in Baghdad",
    )
    assert ("IRQ", "cooperation", "JOR") in _relations(
        "Jordan has close ties with the government in Baghdad."
    )
