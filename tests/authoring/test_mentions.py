"""Actor mentions: demonyms before nouns of office and trade, restrictive member lists, and the
actors of the 2017-2019 news the dictionaries name."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.dictionary import default_dictionaries
from game.authoring.mentions import _expand, _find_mentions
from game.authoring.text import tokenize
from tests.authoring.coding import event_pairs as _pairs

CODER = Coder()


def _actors(text: str) -> list[tuple[str | None, str]]:
    tokens = tokenize(text)
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    return [(m.actor, m.kind) for m in _expand(list(mentions))]


# --- a demonym before a plural noun of office, trade or institution names its state ----------


def test_demonym_before_noun_of_trade_names_the_state():
    """ "penalties on Chinese bankers": the bankers are not in the role list, China is hit."""
    assert ("CHN", "role") in _actors("Washington imposed penalties on Chinese bankers.")
    assert ("GBR", "CHN") in _pairs("Britain sanctioned Chinese bankers on Monday.", "sanction")


def test_demonym_before_plural_in_archs_or_oons_names_the_state():
    """ "Venezuelan oligarchs", "Turkish tycoons": plural nouns of wealth name their state."""
    assert ("FRA", "VEN") in _pairs("France froze the assets of Venezuelan oligarchs.")
    assert ("TUR", "role") in _actors("The bank closed the accounts of Turkish tycoons.")


def test_demonym_before_institution_noun_names_the_state():
    assert ("IRN", "role") in _actors("The measures hit Iranian shipping agencies and ports.")


def test_demonym_before_private_people_names_no_state():
    """ "Syrian refugees", "Iraqi protesters" are people, not their government."""
    assert ("SYR", "role") not in _actors("Jordan hosts many Syrian refugees.")
    assert not _pairs("Lebanon welcomed Syrian refugees.")
    assert ("IRQ", "role") not in _actors("Police dispersed Iraqi protesters in the square.")


def test_demonym_in_hyphenated_compound_or_singular_noun_is_no_role():
    """ "a Kurdish-majority town" and "Turkish coffee" name no actor as a role."""
    assert ("YPG", "role") not in _actors("Troops entered a Kurdish-majority town.")
    assert ("TUR", "role") not in _actors("They drank Turkish coffee.")


# --- restrictive "including" / "such as" lists after a plural noun of states ------------------


def test_restrictive_including_list_makes_every_member_the_subject():
    """ "EU states including Spain, Greece and Italy recalled ...": all three acted, not the EU
    and not only the last member."""
    text = "Several EU states including Spain, Greece and Italy recalled their envoys from Caracas."
    events = CODER.code_text(text)
    actors = {a for e in events for a in e.actors}
    assert {"ESP", "GRC", "ITA"} <= actors
    assert "EU" not in actors


def test_restrictive_such_as_list_is_one_mention_of_its_members():
    tokens = tokenize("Gulf states such as Kuwait and Oman sent aid to Yemen.")
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    assert any(m.actor == "KWT" and m.extra == ("OMN",) for m in mentions)


def test_including_after_a_noun_of_places_is_no_member_list():
    """ "cities including Aleppo and Homs": the list names places, no group of states."""
    assert not _pairs("Russia criticised the strikes on cities including Aleppo and Homs.")


def test_list_followed_by_relative_clause_is_left_to_the_clause():
    """ "partners such as Oman and Qatar, which has bought ...": the clause picks Qatar."""
    pairs = _pairs("Partners such as Oman and Qatar, which has bought tanks from France, met.")
    assert ("OMN", "FRA") not in pairs and ("FRA", "OMN") not in pairs


# --- actors of the region's news --------------------------------------------------------------


def test_small_states_of_expulsion_and_blockade_lists_are_actors():
    """ "the Maldives", Latvia, Lithuania and Estonia appear in lists of states cutting ties or
    expelling envoys."""
    pairs = _pairs("Estonia, Lithuania and the Maldives cut diplomatic ties with Venezuela.")
    assert {("EST", "VEN"), ("LTU", "VEN"), ("MDV", "VEN")} <= pairs


def test_hyphenated_spelling_of_islamic_cooperation_names_the_oic():
    assert ("OIC", "name") in _actors("The Organisation of Islamic Co-operation met in Jeddah.")


def test_sanctioned_iranian_and_lebanese_bodies_are_actors():
    assert ("USA", "IRN_NDF") in _pairs(
        "Washington sanctioned the National Development Fund of Iran on Friday.", "sanction"
    )
    assert ("JAMMAL", "name") in _actors("The Treasury blacklisted Jammal Trust Bank.")


# --- a possessor's demonym-named partners are the partners ------------------------------------


def test_possessed_demonym_partners_are_the_demonyms_actor():
    """ "Moscow's Syrian allies" are Syria: they can be the subject of what they do."""
    assert ("SYR", "role") in _actors("Moscow's Syrian allies shelled the town.")
    assert ("RUS", "SYR") not in _pairs("Moscow's Syrian allies shelled Idlib.", "hostility")


def test_attack_on_possessed_partners_hits_the_partners_not_the_possessor():
    """ "Iran struck Riyadh's Yemeni allies": the blow is against Yemen's side, not Saudi."""
    pairs = _pairs("Iran struck Riyadh's Yemeni allies near the border.", "hostility")
    assert ("IRN", "SAU") not in pairs
    assert ("IRN", "YEM") in pairs


def test_partners_of_a_named_actor_stay_for_the_relational_patterns():
    """ "Iranian allies of Damascus", and partners an apposition names, keep their noun."""
    assert ("IRN", "role") not in _actors("Iranian allies of Damascus met in Beirut.")
    mentions = _actors("Its German partners, Siemens and Uniper, paid half.")
    assert ("DEU", "role") not in mentions


# --- "the country" pointing back to the one state of the sentence before ----------------------


def test_the_country_is_the_one_state_of_the_sentence_before():
    text = "Qatar rejected the report. The country has long backed Hamas."
    assert ("QAT", "HAMAS") in _pairs(text, "support")


def test_the_country_after_several_states_names_none():
    text = "Egypt and Jordan rejected the report. The country has long backed the Houthis."
    assert not _pairs(text, "support")


def test_the_country_after_an_actor_in_its_own_sentence_names_none():
    """ "... posts in the north of the country": a place, or a state other than the last."""
    text = "Oman hosted the talks. Turkey sent troops to the north of the country."
    assert ("TUR", "OMN") not in _pairs(text)


# --- group roles after another state's demonym ---------------------------------------------


def test_rebels_of_another_state_are_not_syrian_rebels():
    """ "Libyan rebels", "Venezuelan opposition groups": that state's own, not SYR_OPP."""
    assert not any(a == "SYR_OPP" for a, _ in _actors("Egypt armed Libyan rebels in 2015."))
    assert not any(
        a == "SYR_OPP" for a, _ in _actors("Cuba criticised Venezuelan opposition groups.")
    )


def test_bare_opposition_groups_are_a_role_not_a_name():
    """ "opposition groups" is a role (its default is the regional guess), never a name."""
    assert ("SYR_OPP", "name") not in _actors("Jordan met opposition groups in Amman.")


def test_syrian_and_turkish_backed_rebels_stay_syrian_opposition():
    """The states the role knows keep their reading."""
    assert any(a == "SYR_OPP" for a, _ in _actors("Syrian rebels shelled the town."))
    assert ("TUR", "SYR_OPP") in _pairs("Turkish-backed rebels advanced on the town.", "support")


def test_iraqi_blocs_and_venezuelan_opposition_are_named():
    """Round-8 actors: Iraq's electoral blocs and Venezuela's opposition."""
    assert ("SAIROON", "name") in _actors("Sairoon won the most seats in the vote.")
    assert ("FATAH_IRQ", "name") in _actors("The Fatah alliance came second.")
    assert ("VEN_OPP", "person") in _actors("Guaido thanked Colombia.")


# --- pair references -------------------------------------------------------------------------


def test_the_two_after_a_subordinator_is_the_pair_just_named():
    """ "X and Y signed a deal after the two leaders met": the pair is X and Y, the clause's
    subject, not an earlier pair."""
    text = (
        "Headline\nThe United States and Mexico traded threats last year. "
        "Oman and Kuwait signed a port deal after the two leaders met in Muscat."
    )
    events = CODER.code_text(text)
    pairs = [m for e in events for m in [tuple(sorted(e.actors))] if len(e.actors) == 2]
    assert ("KWT", "OMN") in pairs
    assert all("USA" not in p and "MEX" not in p for p in pairs[1:])


def test_the_two_as_object_of_its_subjects_verb_is_not_the_subject():
    """Negative: "Qatar and Kuwait urged the two sides to talk" - the pair is someone else."""
    text = (
        "Headline\nSaudi Arabia and Iran traded accusations on Monday. "
        "Qatar and Kuwait urged the two sides to talk."
    )
    events = CODER.code_text(text)
    assert not any(set(e.actors) == {"QAT", "KWT"} and e.kind == "rivalry" for e in events)


def test_pair_acted_on_by_the_subject_is_the_two_named_together():
    """ "X sent envoys to A and B. X signed deals with both countries": the pair is A and B,
    not X and the state named nearest to it; places joined by "and" count as the pair."""
    sent = "Headline\nJapan sent its trade minister to Morocco and Tunisia. "
    assert {("JPN", "MAR"), ("JPN", "TUN")} <= _pairs(
        sent + "Tokyo signed trade pacts with the two countries.", "deal"
    )
    held = "Headline\nJapan's envoy held talks in Morocco and Tunisia. "
    assert ("JPN", "TUN") in _pairs(held + "Japan opened trade offices in both countries.")


def test_pair_without_two_named_together_keeps_the_subjects_partner():
    """Negative: with only one state named beside the subject, the pair is the subject and it;
    a lone place is never one of a pair."""
    text = (
        "Headline\nJapan's envoy met Morocco's king in Tunisia. "
        "Japan signed a trade pact with the two countries."
    )
    assert not any("TUN" in p for p in _pairs(text, "deal"))
    lone = (
        "Headline\nTalks between Japan and Morocco were held in Tunisia. "
        "The two countries signed a trade pact."
    )
    assert ("JPN", "MAR") in _pairs(lone, "deal")
    assert not any("TUN" in p for p in _pairs(lone, "deal"))


def test_foreign_backed_irregulars_are_not_the_demonym_state():
    """ "Turkish-backed Syrian militias" are Turkey's proxies, not Syria's army; "Iran-backed
    Iraqi fighters" are a group the lists lack, not Iraq."""
    pairs = _pairs("Turkish-backed Syrian militias shelled a Kurdish town.", "support")
    assert ("TUR", "SYR_OPP") in pairs and ("TUR", "SYR") not in pairs
    assert ("IRN", "IRQ") not in _pairs("Iran-allied Iraqi fighters fired rockets at Kuwait.")


def test_foreign_backed_regular_troops_stay_the_state():
    """Negative: "Russian-backed Syrian troops" are Syria's army."""
    assert ("RUS", "SYR") in _pairs("Russian-backed Syrian troops entered the town.", "support")


def test_the_three_is_the_last_list_of_three():
    """ "Kuwait, Oman and Qatar met. The three agreed ..." codes all three."""
    text = "Headline\nKuwait, Oman and Qatar met in Doha. The three agreed to back Iraq."
    events = [e for e in CODER.code_text(text) if e.sentence == 2]
    assert any(set(e.actors) == {"KWT", "OMN", "QAT"} for e in events)


def test_the_three_without_a_list_of_three_names_nobody():
    """Negative: two named actors give "the three" no reading (never a guessed third)."""
    text = "Headline\nKuwait and Oman met in Doha. The three agreed to back Iraq."
    events = [e for e in CODER.code_text(text) if e.sentence == 2]
    assert not any({"KWT", "OMN"} <= set(e.actors) for e in events)


# --- regional role defaults --------------------------------------------------------------------


def test_bare_jihadists_are_hts_only_in_a_syria_story():
    """ "jihadists" alone is Idlib's HTS when the article names Syria (or Assad), else nobody."""
    syria = (
        "Headline\nSyria and Russia met on Monday. Russian jets struck jihadists near the border."
    )
    assert ("RUS", "HTS") in _pairs(syria, "hostility")
    assad = "Headline\nThe Assad government said Russian jets struck jihadists."
    assert ("RUS", "HTS") in _pairs(assad, "hostility")


def test_bare_jihadists_outside_syria_name_no_actor():
    """Negative: in a Sahel or Iraq story "jihadists" or "extremists" are not HTS."""
    mali = "Headline\nFrench jets struck jihadists near the border of Mali on Monday."
    assert not any("HTS" in p for p in _pairs(mali))
    iraq = "Headline\nIraq vowed to crush extremists after the attack in Kirkuk."
    assert not any("HTS" in p for p in _pairs(iraq))


def test_bare_jihadists_grounded_by_an_adjective_in_the_sentence_are_hts():
    """With no name of Syria in the article, "Syrian" in the same sentence grounds the
    regional default; a Sahel adjective does not."""
    syrian = "Headline\nRussian jets bombed jihadists near the Syrian border."
    assert ("RUS", "HTS") in _pairs(syrian, "hostility")
    malian = "Headline\nFrench jets bombed jihadists near the Malian border."
    assert not any("HTS" in p for p in _pairs(malian))


def test_bare_rebels_are_the_syrian_opposition_only_in_a_syria_story():
    """ "the rebels" alone defaults to Syria's opposition where the article names Syria."""
    syria = "Headline\nTurkey hosted Syria talks. Qatar later supported the rebels near Idlib."
    assert ("QAT", "SYR_OPP") in _pairs(syria, "support")


def test_bare_opposition_groups_in_another_country_are_not_the_syrian_opposition():
    """Negative: a Venezuela story's "opposition groups" are not Syria's rebels."""
    text = "Headline\nCuba said Venezuela had cracked down on opposition groups in Caracas."
    assert not any("SYR_OPP" in p for p in _pairs(text))
