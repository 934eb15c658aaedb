"""Precision rules of round 10: participles used as adjectives, regions of a state as a
hostile act's target, and trigger morphology that does not re-inflect inflected words.
Sentences are written for these tests, with their own actors; each rule has a case that must
still fire."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.morphology import _verb_forms, participle_adjective
from game.authoring.text import words_of
from tests.authoring.coding import event_pairs as _pairs

CODER = Coder()


# -- participles used as adjectives ------------------------------------------------------------


def test_participle_adjective_names_no_act_of_the_subject():
    """ "called for the release of all detained Greek sailors": no one detains anyone here."""
    assert not _pairs("Athens called for the release of all detained Greek sailors.", "hostility")
    assert not _pairs("Spain urged the return of seized Moroccan trawlers.", "hostility")


def test_participle_as_a_verb_still_states_the_act():
    """The finite verb and the reduced passive keep their reading."""
    assert ("ARM", "AZE") in _pairs("Armenia detained Azerbaijani soldiers on Monday.", "hostility")
    assert ("QAT", "HAMAS") in _pairs("Qatar, which funded Hamas, said little.", "support")


def test_participle_adjective_reads_the_word_before_and_after():
    """After "of"/"all" and before a noun: an adjective; before "by" or "in": a verb."""
    assert participle_adjective(words_of("release of detained sailors"), 2, 3, 1)
    assert participle_adjective(words_of("all sanctioned banks"), 1, 2, 0)
    assert not participle_adjective(words_of("of those detained by police"), 2, 3, 1)
    assert not participle_adjective(words_of("Iran detained sailors"), 1, 2, 0)
    assert not participle_adjective(words_of("for funding rebels"), 1, 2, 0)


# -- a region of a state -----------------------------------------------------------------------


def test_a_region_of_a_state_is_no_hostile_target():
    """ "struck western Iraq": a place whose holder the sentence does not name."""
    assert not _pairs("Jordanian jets struck western Iraq on Sunday.", "hostility")
    assert not _pairs("Ethiopia launched an offensive in north-east Somalia.", "hostility")


def test_the_state_itself_and_a_group_with_its_region_stay_targets():
    """The state named alone, a group named with its region, and an armed group's insurgency
    in a region of the state it fights are still hostile acts."""
    assert ("JOR", "IRQ") in _pairs("Jordanian jets struck Iraq on Sunday.", "hostility")
    assert ("SAU", "HOUTHIS") in _pairs(
        "Saudi Arabia bombed northern Houthi rebels on Sunday.", "hostility"
    )
    assert ("PKK", "TUR") in _pairs(
        "The PKK has waged an insurgency in eastern Turkey for decades.", "hostility"
    )


# -- morphology --------------------------------------------------------------------------------


def test_an_inflected_trigger_is_not_inflected_again():
    """ "locked in" gives no "lockeds in"; "be" gives no "bing"; "led" no "leds"."""
    forms = {" ".join(f) for f in _verb_forms("locked in")}
    assert "locked in" in forms and "lockeds in" not in forms and "lockeding in" not in forms
    assert {("bing",), ("bes",), ("bed",)}.isdisjoint(_verb_forms("be"))
    assert ("was",) in _verb_forms("be")
    assert _verb_forms("led") == {("led",)}
    assert _verb_forms("doing") == {("doing",)}


def test_a_base_verb_ending_like_a_participle_still_inflects():
    """ "need", "proceed" and "bring" are bases: they take -s, -ed/-ing as usual."""
    assert ("needs",) in _verb_forms("need")
    assert ("proceeded",) in _verb_forms("proceed")
    assert ("brought",) in _verb_forms("bring") and ("brings",) in _verb_forms("bring")


# -- avoidance ---------------------------------------------------------------------------------


def test_an_act_avoided_or_stopped_short_of_is_not_done():
    """ "avoided openly criticising", "stopped short of condemning", "refrained from
    sanctioning", "held off on sanctioning": the act is held back, so nothing is coded."""
    assert not _pairs("Officials in Cairo avoided openly criticising Riyadh.", "hostility")
    assert not _pairs("Greece stopped short of condemning Turkey.", "hostility")
    assert not _pairs("France refrained from sanctioning Russia.", "sanction")
    assert not _pairs("Germany held off on sanctioning Moscow.", "sanction")


def test_avoidance_reaches_only_its_own_act():
    """The act before "to avoid" and an act named without it still stand."""
    assert ("ISR", "SYR") in _pairs("Israel struck Syria to avoid a clash with Iran.", "hostility")
    assert ("ISR", "IRN") not in _pairs("Israel struck Syria to avoid a clash with Iran.")
    assert ("FRA", "RUS") in _pairs("France imposed sanctions on Russia.", "sanction")


# -- the speaker as a guessed source -----------------------------------------------------------


def _confidences(text: str, kind: str) -> dict[tuple[str, str], float]:
    return {
        pair: event.confidence
        for event in CODER.code_text(text)
        if event.kind == kind
        for pair in event.pairs()
    }


def test_speaker_guessed_source_with_a_weak_target_is_held_back():
    """ "Tehran said militants had clashed with Iraqi troops": the speaker is no doer, and the
    troops only stand for their state; such an event falls below the draft's floor."""
    from game.authoring.draft import RELATION_FLOOR

    coded = _confidences("Tehran said militants had clashed with Iraqi troops.", "hostility")
    assert all(c < RELATION_FLOOR for c in coded.values())


def test_speaker_source_with_a_named_target_is_kept():
    """The speaker read as the doer of an act against a named state keeps its confidence."""
    from game.authoring.draft import RELATION_FLOOR

    coded = _confidences("Moscow said it would sell S-400 systems to India.", "deal")
    assert coded and all(c >= RELATION_FLOOR for c in coded.values())


def test_the_fallback_reads_no_region_as_a_hostile_target():
    """The polarity fallback leaves a region alone too: "raids on camps in western Iraq"."""
    assert not _pairs("Jordan has carried out raids on camps in western Iraq.", "hostility")


def test_a_plural_noun_trigger_is_not_pluralised_again():
    """ "sanctions" gives no "sanctionses"; singulars ending in -s still take a plural."""
    from game.authoring.morphology import _noun_forms

    assert _noun_forms("economic sanctions") == {("economic", "sanctions")}
    assert _noun_forms("allies") == {("allies",)}
    assert ("processes",) in _noun_forms("process") and ("gases",) in _noun_forms("gas")
    assert ("deals",) in _noun_forms("deal") and ("allies",) in _noun_forms("ally")
