"""Round-10 syntax: who did it to whom when a relative clause or an infinitive of purpose stands
between the relation's ends and the actors the sentence names."""

from __future__ import annotations

import pytest

from game.authoring.coder import Coder
from tests.authoring.coding import event_pairs as _pairs

CODER = Coder()


def test_singular_that_relative_agrees_with_the_nearest_member_only():
    # "has" agrees with the administration, not with the pair "the Taliban and ...".
    text = (
        "The meeting was the first between the Taliban and the Kabul administration that "
        "has been backed since 2001 by the US-led coalition."
    )
    assert _pairs(text, "support") == {("USA", "AFG")}


def test_plural_that_relative_keeps_the_whole_group():
    text = "Egypt and Jordan are allies that have backed the Yemeni government."
    assert {("EGY", "YEM"), ("JOR", "YEM")} <= _pairs(text, "support")


def test_passive_relative_on_a_known_actor_keeps_its_target():
    text = "Oman praised the government of Yemen that is backed by Saudi Arabia."
    assert ("SAU", "YEM") in _pairs(text, "support")


def test_progressive_relative_still_reaches_the_leaders_of_the_coalition():
    text = "Egypt and Jordan lead a coalition that has been fighting the Houthis since 2015."
    hostile = {frozenset(p) for p in _pairs(text, "hostility")}
    assert frozenset({"EGY", "HOUTHIS"}) in hostile


@pytest.mark.parametrize(
    "text",
    [
        "Kuwaiti jets bombed Houthi positions to back an offensive by Yemeni troops.",
        "Jordanian warplanes pounded Houthi bunkers to support Yemeni government forces.",
    ],
)
def test_things_bombed_before_an_infinitive_of_purpose_do_not_do_it(text):
    supporters = {source for source, _target in _pairs(text, "support")}
    assert "HOUTHIS" not in supporters
    assert supporters & {"KWT", "JOR"}


def test_actor_object_of_a_control_verb_still_does_the_infinitive():
    # People, not things: the object armed is who fights.
    text = "Washington armed the YPG to fight Islamic State."
    hostile = {frozenset(p) for p in _pairs(text, "hostility")}
    assert frozenset({"YPG", "ISIS"}) in hostile


@pytest.mark.parametrize(
    ("text", "kind", "wrong"),
    [
        (
            "Kuwait complained about missile systems that would be supplied by Moscow.",
            "deal",
            "KWT",
        ),
        ("Oman welcomed the fighters that have been trained by Iran.", "support", "OMN"),
    ],
)
def test_passive_that_on_an_unknown_noun_is_not_the_main_subject(text, kind, wrong):
    # "that" stands for the unknown noun before it ("missile systems", "the fighters"), not
    # for the subject of the main clause.
    assert not any(wrong in pair for pair in _pairs(text, kind))


def test_actor_after_a_preposition_and_a_hyphenated_backer_is_no_subject():
    # "against Iran-allied Houthis": an object; "in support of" is the coalition leader's.
    text = (
        "Qatar has been leading a coalition against Iran-allied Houthis in Yemen in support "
        "of the government of Yemen."
    )
    supporters = {source for source, target in _pairs(text, "support") if target == "YEM"}
    assert supporters == {"QAT"}


def test_hyphenated_backer_before_a_clause_subject_keeps_the_subject():
    text = "Iran-aligned Houthis fired missiles at Riyadh."
    hostile = {frozenset(p) for p in _pairs(text, "hostility")}
    assert frozenset({"HOUTHIS", "SAU"}) in hostile


@pytest.mark.parametrize(
    "text",
    [
        "After Egypt imposed a land, sea and air blockade of Libya, Algeria and Tunisia "
        "promised to help the Libyans.",
        "After Washington imposed sanctions on Venezuela, China and Russia pledged to back "
        "Caracas.",
    ],
)
def test_names_after_a_fronted_clause_start_the_main_clause_not_the_object_list(text):
    # The comma closing "After X did Y to Z," ends the object list: the names after it, with
    # their own verb, are the main clause's subjects.
    targets = {
        target
        for event in CODER.code_text(text)
        if event.kind == "sanction"
        for _source, target in event.pairs()
    }
    assert len(targets) == 1
    assert not targets & {"DZA", "TUN", "CHN", "RUS"}


def test_fronted_clause_whose_list_is_its_subject_keeps_the_list():
    text = "As Russia, Iran and Turkey met in Sochi, Israel struck Syria."
    assert {("ISR", "SYR")} <= _pairs(text, "hostility")
    meetings = [e for e in CODER.code_text(text) if e.kind == "cooperation"]
    assert any({"RUS", "IRN", "TUR"} <= set(e.actors) for e in meetings)


def test_object_list_closed_by_a_comma_before_a_new_subject_stays_whole():
    text = "After Washington sanctioned Iran, Syria and North Korea, the three states protested."
    sanctioned = {target for source, target in _pairs(text, "sanction") if source == "USA"}
    assert sanctioned == {"IRN", "SYR", "PRK"}


def test_its_surroundings_after_a_place_are_no_target():
    # "its" stands for the unknown town, not for the army named before it.
    text = (
        "The Libyan army's push began after its units, along with Egyptian and Sudanese "
        "troops, captured Wadi Dara and its surrounding villages."
    )
    assert not any(target == "LBY" for _s, target in _pairs(text, "hostility"))


def test_its_after_an_actor_and_and_is_still_that_actor():
    text = "Israel struck Hezbollah and its allies."
    assert ("ISR", "HEZBOLLAH") in _pairs(text, "hostility")
