"""The coder's behaviour: multi-party events, reported speech, modifiers, evidence."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.text import split_sentences
from game.scenario.model import Status
from tests.authoring.coding import event_pairs as _pairs

CODER = Coder()


def _one(text: str):
    events = CODER.code_text(text)
    assert len(events) == 1, events
    return events[0]


def test_multi_party_statement_is_one_event_with_several_actors():
    """ "Russia, Iran and Turkey pledged ..." is one event whose actors are all three."""
    event = _one("Russia, Iran and Turkey pledged to bring the two sides together.")
    assert event.actors == ("RUS", "IRN", "TUR")
    assert event.targets == ()
    assert sorted(event.pairs()) == [("IRN", "TUR"), ("RUS", "IRN"), ("RUS", "TUR")]


def test_reported_speech_is_attributed_to_the_speaker():
    """ "... with Iran," Putin said: the source is Russia, the speaker's actor."""
    event = _one('"We are working very productively with Iran," Putin said.')
    assert event.actors == ("RUS",)
    assert event.targets == ("IRN",)


def test_quote_continuing_in_the_next_sentence_keeps_its_speaker():
    """A quoted sentence with no attribution of its own keeps the previous one's speaker."""
    text = (
        'headline\nRouhani stressed that the talks were useful. "We have worked with Russia '
        'and Turkey to ensure a continuation of the talks."'
    )
    coded = CODER.code_sentences(split_sentences(text))
    pairs = {p for c in coded for e in c.events for p in e.pairs()}
    assert {("IRN", "RUS"), ("IRN", "TUR")} <= pairs


def test_negation_cancels_the_fact():
    """ "did not impose sanctions": nothing is drafted, the negated event is kept for the report."""
    coded = CODER.code_sentences(
        split_sentences("h\nThe United States did not impose sanctions on Turkey.")
    )
    body = coded[1]
    assert body.events == ()
    assert [e.rule for e in body.negated] == ["sanction.impose"]


def test_intent_and_threat_change_status():
    """ "will" makes a fact planned; "threatened to" makes it threatened."""
    assert _one("Russia will cooperate with Iran.").status is Status.PLANNED
    threat = _one("Washington threatened to impose sanctions on Ankara.")
    assert threat.status is Status.THREATENED
    assert _one("The EU lifted sanctions on Iran.").status is Status.ENDED


def test_hedge_lowers_confidence():
    """ "reportedly" makes the same fact less certain."""
    plain = _one("Iran supplied weapons to the Houthis.")
    hedged = _one("Iran reportedly supplied weapons to the Houthis.")
    assert hedged.confidence < plain.confidence


def test_event_points_at_its_trigger_and_sentence():
    """The span selects the trigger in the article; the source is the verbatim sentence."""
    article = "Headline\nAfter talks, Turkey backs the rebels in Idlib."
    coded = CODER.code_sentences(split_sentences(article))
    event = coded[1].events[0]
    assert article[event.span[0] : event.span[1]] == "backs"
    assert event.source == "After talks, Turkey backs the rebels in Idlib."
    assert event.rule == "support.verb" and event.code == "070"


def test_person_with_title_and_demonym_names_the_state():
    """ "Iranian President Hassan Rouhani" is Iran; "the Syrian government" is Syria."""
    event = _one("Iranian President Hassan Rouhani praised the Syrian government.")
    assert event.actors == ("IRN",) and event.targets == ("SYR",)


def test_places_are_not_actors():
    """ "fighting in Syria": a country after a locative preposition is a place, not a target."""
    assert CODER.code_text("Turkey backs fighting in Syria.") == []


def test_relative_clause_does_not_join_lists():
    """ "Russia and Iran, who support the regime, and Turkey, which backs the rebels"."""
    pairs = {
        (e.kind, a, t)
        for e in CODER.code_text(
            "A statement by Russia and Iran, who support the regime, and Turkey, which backs "
            "the rebels, was released."
        )
        for a, t in e.pairs()
    }
    assert pairs == {
        ("support", "RUS", "SYR"),
        ("support", "IRN", "SYR"),
        ("support", "TUR", "SYR_OPP"),
    }


def test_sanction_counts_entities_and_scope():
    """A blacklist with "40 Iranian individuals and entities" has scope and count."""
    event = _one(
        "The US Treasury added 40 Iranian individuals and entities to a counter-terrorism "
        "blacklist."
    )
    assert (event.kind, event.scope, event.entities) == ("sanction", "blacklist", 40)


def test_deal_value_and_sector():
    """A contract's value in billions of dollars and its sector come from the sentence."""
    event = _one("Total signed a $4.8 billion gas contract with the National Iranian Oil Company.")
    assert (event.kind, event.sector, event.value) == ("deal", "energy", 4.8)


def test_coordinated_verb_keeps_the_first_verbs_subject():
    """ "X urged Turkey to end the incursion and offered to mediate": X mediates, not Turkey."""
    text = (
        "Iran's foreign minister Mohammad Javad Zarif urged Turkey to end the incursion and "
        "offered to mediate between Ankara and the Syrian government."
    )
    events = [e for e in CODER.code_text(text) if e.rule == "coop.mediate"]
    assert events and all(e.actors == ("IRN",) for e in events)


def test_coordinated_speech_verb_names_the_first_subject_as_speaker():
    """ "Zanganeh accused Saudi Arabia of bowing to Washington and said ...": Iran speaks."""
    text = (
        "Iranian Oil Minister Bijan Zanganeh accused Saudi Arabia of bowing to Washington "
        "and said OPEC was a tool."
    )
    coded = CODER.code_sentences(split_sentences("h\n" + text))
    assert coded[1].speaker == "IRN"


def test_definite_description_points_back_to_the_actor_named_before():
    """ "the kingdom" is Saudi Arabia when the article named it; nothing when it did not."""
    assert ("USA", "SAU") in _pairs(
        "Saudi Arabia faced criticism in Washington. The kingdom has relied on Trump's backing."
    )
    assert _pairs("The kingdom has relied on Trump's backing.") == set()


def test_the_two_countries_are_the_last_two_actors_named_together():
    """ "cooperation between the two countries" after a sentence naming Turkey and Russia."""
    text = (
        "Erdogan said the purchase from Moscow was a matter of sovereignty. "
        "Russia said military cooperation between the two countries would continue."
    )
    assert ("RUS", "TUR") in _pairs(text, "cooperation") or ("TUR", "RUS") in _pairs(
        text, "cooperation"
    )


def test_condemning_the_measures_names_whoever_imposed_them():
    """ "Russia condemned the measures" after "The US imposed sanctions on Iran"."""
    text = "The United States imposed sanctions on Iran. Russia condemned the measures."
    assert ("RUS", "USA") in _pairs(text, "hostility")
    assert _pairs("Russia condemned the measures.") == set()


def test_welcoming_a_move_supports_its_doer_but_not_a_favour_to_oneself():
    """ "Israel welcomed the reimposition" supports the US; Iran welcoming help to Iran does not."""
    text = "The United States reimposed sanctions on Iran. Israel welcomed the reimposition."
    assert ("ISR", "USA") in _pairs(text, "support")
    text = "The United States imposed sanctions on Iran. Iran welcomed the move."
    assert _pairs(text, "support") == set()


def test_vowing_to_retaliate_targets_whoever_acted_against_the_source():
    """ "Ankara vowed to retaliate" after US sanctions on Turkey: hostility towards the US."""
    events = CODER.code_text(
        "The United States imposed sanctions on Turkey. Ankara vowed to retaliate."
    )
    retaliation = [e for e in events if e.rule == "hostility.retaliate"]
    assert retaliation and retaliation[0].targets == ("USA",)
    assert retaliation[0].status is Status.THREATENED


def test_relative_clause_antecedent_skips_a_place():
    """ "the YPG militia in Syria, which Ankara considers a terrorist group": the YPG."""
    pairs = _pairs(
        "Washington backs the Kurdish YPG militia in Syria, which Ankara considers a "
        "terrorist group."
    )
    assert ("TUR", "YPG") in pairs
    assert ("TUR", "SYR") not in pairs


def test_denied_stop_leaves_the_ongoing_act_coded():
    """ "Britain refused to halt its weapons sales to Saudi Arabia": no sanction, but a deal."""
    events = CODER.code_text("Britain has refused to halt its weapons sales to Saudi Arabia.")
    assert {e.kind for e in events} == {"deal"}
    assert events[0].actors == ("GBR",)


def test_strained_relations_are_no_cooperation():
    """ "The purchase has strained relations between Washington and Ankara": no cooperation."""
    assert _pairs("The purchase has strained relations between Washington and Ankara.") == set()


def test_apposition_of_two_allies_relates_the_pair():
    """ "Washington and Ankara, two NATO allies": an alliance between them."""
    assert ("USA", "TUR") in _pairs("Washington and Ankara, two NATO allies, disagree.", "alliance")


def test_led_by_names_the_leader_as_subject():
    """ "OPEC and its allies led by Russia agreed to cut output": OPEC and Russia."""
    events = CODER.code_text("OPEC and its allies led by Russia agreed to cut oil production.")
    assert any(set(e.actors) == {"OPEC", "RUS"} for e in events)


def test_relative_that_with_unknown_antecedent_has_no_subject():
    """ "countries that make purchases of Russian weapons": not the clause's earlier actor."""
    events = CODER.code_text(
        "The Trump administration must impose sanctions on countries that make purchases of "
        "Russian weapons."
    )
    assert all(e.kind != "deal" for e in events)


def test_an_agreement_between_firms_is_a_deal():
    """ "Saudi Aramco signed an agreement with Russia's Gazprom": business, not diplomacy."""
    events = CODER.code_text("Saudi Aramco signed an agreement with Russia's Gazprom.")
    assert [e.kind for e in events] == ["deal"]


def test_a_state_inside_a_pair_is_what_the_pair_relates_to():
    """ "the two Damascus allies": Russia and Iran are Syria's allies, not each other's."""
    text = "Putin met Iran's leadership, with the two Damascus allies pushing a peace deal."
    pairs = _pairs(text, "alliance")
    assert {("RUS", "SYR"), ("IRN", "SYR")} <= pairs
    assert ("RUS", "IRN") not in pairs


# --- the speaker is not the doer of a reported clause with a subject of its own ---------------


def test_speaker_is_not_the_subject_of_a_clause_about_an_unnamed_unit():
    """ "Paris says the brigade backs the Houthis": the brigade backs them, not France."""
    assert ("FRA", "HOUTHIS") not in _pairs("Paris says the brigade backs the Houthis.")
    assert ("GBR", "HAMAS") not in _pairs("London said a charity funds Hamas.")


def test_speaker_still_speaks_for_its_own_state_and_plans():
    """Negative: "the country" is the speaker's own; "a plan to buy" is the speaker's plan."""
    assert ("TUR", "SYR_OPP") in _pairs("Erdogan said the country would keep backing rebels.")
    assert ("EGY", "RUS") in _pairs("Egypt announced a plan to buy Russian jets.", "deal")


def test_attacks_a_place_is_a_base_for_are_not_the_speakers():
    """ "... makes the area a base for attacks on Jordan," the king said: the speaker attacks no
    one; the light verb before "for" does not govern the attacks."""
    text = '"Armed groups keep making the desert a staging ground for attacks on Jordan," Sisi said'
    assert ("EGY", "JOR") not in _pairs(text, "hostility")


def test_light_verb_owns_the_act_it_prepares_for():
    """ "preparing (with X) for an offensive against Y": "for" after a light verb does not cut
    the act off from the verb's subject."""
    text = "Headline\nEgypt had been preparing with Sudan for an offensive against the Houthis."
    assert ("EGY", "HOUTHIS") in _pairs(text, "hostility")


def test_base_for_attacks_names_no_attacker():
    """Negative: "a base for attacks on X" after a verb that is no light verb has no doer."""
    text = "Headline\nJordan said the camp was a base for attacks on Israel."
    assert ("JOR", "ISR") not in _pairs(text, "hostility")


def test_trigger_at_takes_the_longest_form_and_stops_at_the_sentence_end():
    """The trigger lookup returns the longest form starting at a token, and never a form that
    would run past the sentence's last token (its shorter prefix is no match)."""
    from game.authoring.dictionary import default_dictionaries
    from game.authoring.patterns import _Compiled

    pattern = default_dictionaries().patterns[0]
    comp = _Compiled(pattern, (("cut", "ties", "with"), ("cut", "ties"), ("cut",)), (), ())
    assert comp.trigger_at(["they", "cut", "ties", "with", "x"], 1) == 3
    assert comp.trigger_at(["they", "cut", "ties"], 1) == 2
    assert comp.trigger_at(["they", "cut"], 1) == 1
    assert comp.trigger_at(["they", "halted"], 1) == 0
