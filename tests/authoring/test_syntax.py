"""Who did what to whom in long wire sentences: subjects across relative clauses and
coordination, pronouns, objects after prepositions, group nouns. Sentences are written for
these tests (no held-out article's sentence), each rule with cases that must not fire."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.authoring.coder import Coder
from game.authoring.text import split_sentences
from tests.authoring.coding import event_pairs as _pairs

CODER = Coder()


# -- coordinated verb phrases ------------------------------------------------------------------


def test_verb_after_but_shares_the_subject_of_its_clause():
    """ "Egypt buys French jets but has worked with Moscow": one subject, two verbs."""
    assert ("EGY", "RUS") in _pairs("Egypt buys French jets but has worked with Moscow.")


def test_coordinated_verb_in_relative_clause_takes_the_antecedent():
    """Inside ", which A but B," the second verb's subject is the relative's antecedent."""
    text = "Qatar, which hosts a U.S. base but has cooperated closely with Iran, said nothing."
    assert ("QAT", "IRN") in _pairs(text, "cooperation")


def test_relative_clause_with_its_own_subject_does_not_take_the_antecedent():
    """ "Oman, which Riyadh courts but ...": the clause's subject is Riyadh, so the coordinated
    verb is not Oman's."""
    text = "Oman, which Riyadh courts but has cooperated closely with Iran, kept quiet."
    assert ("OMN", "IRN") not in _pairs(text, "cooperation")


# -- pronouns ------------------------------------------------------------------------------------


def test_it_after_a_preposition_is_an_object_naming_an_earlier_actor():
    """ "have traded with it": "it" after a preposition is the earlier actor, not the source."""
    text = (
        "Kuwait, which has no formal ties with Syria, has quietly cooperated with it on security."
    )
    assert ("KWT", "SYR") in _pairs(text, "cooperation")


def test_it_as_a_clause_subject_is_not_a_target():
    """ "warned it would respond": "it" right after a verb is no object."""
    assert ("JOR", "SYR") not in _pairs("Syria shelled the border and Jordan warned it would act.")


def test_their_refers_to_a_coordinated_group_not_a_single_state():
    """ "their rival Iran" after "Bahrain and Kuwait ... Oman": the two are the rivals."""
    text = "Bahrain and Kuwait recalled their envoys from Oman, citing their rival Iran."
    hostile = _pairs(text, "hostility") | _pairs(text, "rivalry")
    assert {("IRN", "BHR"), ("IRN", "KWT")} & hostile or {("BHR", "IRN"), ("KWT", "IRN")} & hostile
    assert ("IRN", "OMN") not in hostile and ("OMN", "IRN") not in hostile


def test_its_prefers_a_single_actor_over_a_coordinated_group():
    """ "Jordan and Egypt met Qatar and praised its ally Turkey": its = Qatar's, not theirs."""
    pairs = _pairs("Jordan and Egypt hosted Qatar and praised its ally Turkey.", "alliance")
    assert ("TUR", "QAT") in pairs or ("QAT", "TUR") in pairs


def test_subject_pronoun_prefers_the_earlier_subject_over_a_nearer_object():
    """ "Paris condemned Damascus ..., but it also sends aid to Lebanon": it = Paris."""
    text = "France condemned Syria over the attack, but it also sends aid to the Lebanese army."
    pairs = _pairs(text, "support")
    assert ("FRA", "LBN") in pairs
    assert ("SYR", "LBN") not in pairs


def test_subject_pronoun_in_a_relative_clause_still_finds_the_main_subject():
    """ "Jordan has ties with Iraq, which it calls a partner, and it also trades with Egypt"."""
    text = "Jordan criticised Iraq, which it calls a partner, but it also cooperates with Egypt."
    assert ("JOR", "EGY") in _pairs(text, "cooperation")


# -- holding and joining -------------------------------------------------------------------------


def test_relation_noun_after_have_belongs_to_the_subject():
    """ "Jordan has close ties with Egypt": the holder of the ties is the source."""
    assert ("JOR", "EGY") in _pairs("Jordan has close ties with Egypt.", "cooperation")


def test_have_as_an_auxiliary_lends_no_subject_to_a_later_noun():
    """ "... Kuwait has helped rebuild during the war, criticised the attack on Oman": the
    war or the attack is not Kuwait's."""
    text = (
        "Iraq, whose army Kuwait has helped rebuild during the war, criticised the attack on Oman."
    )
    assert not any(a == "KWT" for a, _ in _pairs(text))


def test_joining_an_act_makes_the_joiner_a_party_to_it():
    """ "Bahrain joined Riyadh in a boycott of Doha": Bahrain boycotts Qatar."""
    text = "Bahrain joined Saudi Arabia in a boycott of Qatar."
    assert ("BHR", "QAT") in _pairs(text, "sanction")


def test_it_before_a_comma_is_an_object():
    """ "... now backs it, officials said": "it" with no verb after it is an object."""
    text = "Egypt, which once opposed Qatar, now backs it, officials said."
    assert ("EGY", "QAT") in _pairs(text, "support")


# -- subjects separated from their verbs ---------------------------------------------------------


def test_participial_phrase_between_subject_and_verb_is_skipped():
    """ "Sisi, speaking beside the leaders of Jordan and Iraq, praised Cairo's ties with
    Riyadh": the phrase's actors are not the subject."""
    text = "Macron, speaking in Paris alongside the leaders of Jordan and Iraq, condemned Iran."
    pairs = _pairs(text, "hostility")
    assert ("FRA", "IRN") in pairs
    assert not {("JOR", "IRN"), ("IRQ", "IRN")} & pairs


def test_including_list_after_a_subject_is_not_a_participial_phrase():
    """ "Arab states, including Egypt and Jordan, condemned ...": the list is the subject."""
    text = "Several Arab states, including Egypt and Jordan, condemned Israel."
    assert {("EGY", "ISR"), ("JOR", "ISR")} <= _pairs(text, "hostility")


def test_past_verb_after_a_modal_that_clause_belongs_to_the_main_subject():
    """ "Paris said that Tehran would resume talks and urged Baghdad ...": the urging is
    French, although the verb follows the "that" clause."""
    text = "France said that Iran would expand its programme and condemned Syria."
    pairs = _pairs(text, "hostility")
    assert ("FRA", "SYR") in pairs
    assert ("IRN", "SYR") not in pairs


def test_bare_verb_after_a_modal_that_clause_stays_in_it():
    """ "... that Iran would halt enrichment and resume talks with France": Iran's talks."""
    text = "Russia said that Iran would halt enrichment and resume talks with France."
    assert ("IRN", "FRA") in _pairs(text, "cooperation")


# -- group nouns ---------------------------------------------------------------------------------


def test_the_coalition_stands_for_the_leader_named_before():
    """After "a coalition led by Saudi Arabia", "the coalition" is Saudi Arabia."""
    text = "A coalition led by Saudi Arabia bombed Houthi positions. Britain arms the coalition."
    assert ("GBR", "SAU") in _pairs(text)


def test_the_coalition_without_a_named_leader_is_nobody():
    """With no leader named before, "the coalition" names no actor."""
    assert _pairs("Britain arms the coalition.") == set()


def test_a_leader_named_long_ago_is_not_carried_over():
    """A leader named more than ten sentences back is too far to resolve to."""
    filler = " ".join(f"Officials met on day {n}." for n in range(12))
    text = f"A coalition led by Saudi Arabia bombed the port. {filler} Britain arms the coalition."
    assert ("GBR", "SAU") not in _pairs(text)


# -- control: who does the infinitive ------------------------------------------------------------


def test_infinitive_after_pressure_is_done_by_the_one_pressed():
    """ "Egypt faces Saudi pressure to cut trade with Qatar": Egypt would cut, not Riyadh."""
    pairs = _pairs("Egypt faces Saudi pressure to cut trade with Qatar.", "sanction")
    assert ("EGY", "QAT") in pairs
    assert ("SAU", "QAT") not in pairs


def test_pressure_on_someone_to_act_makes_them_the_actor():
    """ "Moscow's pressure on Damascus to expel the militias": "on" names who acts."""
    text = "Russia put pressure on Syria to cut ties with Hamas."
    pairs = _pairs(text, "sanction")
    assert ("SYR", "HAMAS") in pairs
    assert ("RUS", "HAMAS") not in pairs


def test_its_in_an_apposition_refers_to_the_clause_subject():
    """ "Jordan buys gas from Egypt, its main supplier": the supplier is Jordan's; "its"
    cannot be Egypt, and the nearer "Israeli" modifier is not the subject."""
    text = "Jordan resisted Israeli calls to stop buying gas from Egypt, its main supplier."
    pairs = _pairs(text, "deal")
    assert ("ISR", "EGY") not in pairs and ("EGY", "ISR") not in pairs


def test_second_relative_clause_shares_the_antecedent():
    """ "Hamas, which is backed by Iran and which fought alongside ...": both are Hamas's."""
    text = (
        "The PKK, which Ankara calls a terrorist group and which fought alongside the YPG in "
        "the war, denied the report."
    )
    assert ("PKK", "YPG") in _pairs(text, "support")


def test_companions_after_along_with_share_the_subject():
    """ "Egypt, along with Jordan and Bahrain, cut ties with Doha": all three cut ties."""
    text = "Egypt, along with Jordan and Bahrain, cut ties with Qatar."
    assert {("EGY", "QAT"), ("JOR", "QAT"), ("BHR", "QAT")} <= _pairs(text, "sanction")


def test_relative_with_companions_names_antecedent_and_companions():
    """ "Cairo, which with Amman and Manama severed ties with Doha": all three."""
    text = "Egypt, which with Jordan and Bahrain severed ties with Qatar, said nothing more."
    assert {("EGY", "QAT"), ("JOR", "QAT"), ("BHR", "QAT")} <= _pairs(text, "sanction")


def test_with_as_an_object_preposition_adds_no_companion():
    """ "Russia sided with Syria, along with Iran" is no claim that Syria sided with Russia."""
    pairs = _pairs("Russia sided with Syria against the rebels.", "support")
    assert ("SYR", "RUS") not in pairs


def test_coordinated_verb_after_modal_and_aspectual_verb_shares_the_subject():
    """ "India opposed U.S. sanctions and would keep buying Iranian oil": India buys."""
    pairs = _pairs("India opposed U.S. sanctions and would keep buying Iranian oil.", "deal")
    assert ("IND", "IRN") in pairs
    assert ("USA", "IRN") not in pairs


def test_time_adverbial_after_and_keeps_the_subject_of_the_first_verb():
    """ "Jordan arms the rebels and last month launched strikes on X": Jordan strikes, not the
    rebels, whatever time phrase ("last month", "on Friday", "in 2016") stands after "and"."""
    for when in ("last month", "on Friday", "earlier this year", "in 2016"):
        text = f"Jordan arms the rebels in the south and {when} launched air strikes on Hezbollah."
        pairs = _pairs(text, "hostility")
        assert ("JOR", "HEZBOLLAH") in pairs, when
        assert ("SYR_OPP", "HEZBOLLAH") not in pairs, when


def test_new_subject_after_and_takes_the_verb_despite_a_time_adverbial():
    """ "..., and Hezbollah last month launched ...": the clause after "and" has its own
    subject, so the time phrase rule does not hand the verb to the first clause's subject."""
    text = "Jordan arms the rebels, and Hezbollah last month launched strikes on Israel."
    pairs = _pairs(text, "hostility")
    assert ("HEZBOLLAH", "ISR") in pairs
    assert ("JOR", "ISR") not in pairs


def test_subject_before_a_relative_clause_joins_the_actor_after_it():
    """ "Oman, which hosts a British base, and Kuwait have backed X": both back X."""
    text = "Oman, which hosts a British base, and Kuwait have backed Jordan."
    assert {("OMN", "JOR"), ("KWT", "JOR")} <= _pairs(text, "support")


def test_object_before_a_relative_clause_does_not_join_the_next_subject():
    """ "Egypt criticised Oman, which ..., and Kuwait backed X": Oman is an object there."""
    text = "Egypt criticised Oman, which hosts a British base, and Kuwait backed Jordan."
    pairs = _pairs(text, "support")
    assert ("KWT", "JOR") in pairs
    assert ("OMN", "JOR") not in pairs


def test_gerund_after_and_of_shares_the_accused_subject():
    """ "accused Qatar of funding militants near Libya and of supplying arms to X": Qatar
    supplies, not Libya, the actor named last before "and of"."""
    text = (
        "Egypt accused Qatar of funding militants near Libya in March and April and of "
        "supplying weapons to the Houthis."
    )
    pairs = _pairs(text, "support")
    assert ("QAT", "HOUTHIS") in pairs
    assert ("LBY", "HOUTHIS") not in pairs


def test_place_after_the_coast_of_is_no_target():
    """ "attacks on ships off the coast of Oman": Oman is where, not whom, the attacks hit."""
    text = "Egypt accused Qatar of staging attacks on ships off the coast of Oman."
    assert ("QAT", "OMN") not in _pairs(text, "hostility")


def test_actor_before_ing_verb_in_absolute_with_clause_is_its_subject():
    """ "..., with Egypt sending troops to Jordan": Egypt sends, though "with" usually makes
    an object."""
    text = "Tensions rose in the region, with Egypt sending troops to Jordan."
    assert ("EGY", "JOR") in _pairs(text, "support")
    opening = "With Iran arming the Houthis, the war dragged on."
    assert ("IRN", "HOUTHIS") in _pairs(opening, "support")


def test_with_after_a_verb_still_makes_an_object_not_an_absolute_clause():
    """ "held talks with Qatar, angering Egypt": no comma before "with", so Qatar is the
    object of the talks, not the subject of "angering"."""
    pairs = _pairs("Turkey held talks with Qatar, angering Egypt.")
    assert ("QAT", "EGY") not in pairs


def test_demonym_capital_stands_for_the_state_like_its_capital():
    """ "the Jordanian capital" is read as "Amman" would be: Jordan is the target."""
    text = "Oman reopened its embassy in the Jordanian capital last month and Kuwait said so too."
    pairs = _pairs(text, "cooperation")
    assert ("OMN", "JOR") in pairs
    assert ("OMN", "KWT") not in pairs


def test_bare_the_two_before_a_verb_names_the_last_pair():
    """ "Oman and Kuwait met ... The two also signed a deal": the pair signed it; "the two
    jets" is no pair of actors."""
    text = "Oman and Kuwait held talks in Muscat. The two also signed a gas deal."
    assert ("OMN", "KWT") in _pairs(text, "deal")
    assert ("OMN", "KWT") not in _pairs("Iran seized Oman's ships. Kuwait sold the two jets.")


def test_the_company_points_back_to_the_firm_named_last():
    """ "Lukoil ... The company signed a deal with Iraq": Lukoil signed it."""
    text = "Lukoil reported higher profits. The company signed a contract with Iraq in May."
    assert ("LUKOIL", "IRQ") in _pairs(text, "deal")


def test_demonym_firm_noun_points_back_to_a_firm_of_that_state():
    """ "the French group" is the French firm named before, not a Russian one named later."""
    text = "Total and Lukoil bid for the field. The French group signed a deal with Iraq."
    pairs = _pairs(text, "deal")
    assert ("TOTAL", "IRQ") in pairs
    assert ("LUKOIL", "IRQ") not in pairs


def test_firm_noun_followed_by_a_name_is_that_name_not_a_reference():
    """ "the oil company Rosneft" names Rosneft itself; "the company" with no firm in view
    points to nobody."""
    text = "Total left Iran. The oil company Rosneft signed a deal with Qatar."
    pairs = _pairs(text, "deal")
    assert ("ROSNEFT", "QAT") in pairs
    assert ("TOTAL", "QAT") not in pairs
    assert not _pairs("Egypt held talks. The company signed a deal with Qatar.", "deal")


# -- targets -------------------------------------------------------------------------------------


def test_scare_quote_inside_an_object_does_not_hide_the_target():
    """'condemned the "aggressive conduct" of Israel': the quoted words are part of the
    object, and Israel is still the target."""
    text = 'Jordan condemned the "aggressive conduct" of Israel at the border.'
    assert ("JOR", "ISR") in _pairs(text, "hostility")


def test_examples_after_such_as_are_the_object():
    """ "blamed militias such as Hezbollah and Hamas": the examples named are the targets."""
    pairs = _pairs("Jordan condemned militias such as Hezbollah and Hamas.", "hostility")
    assert {("JOR", "HEZBOLLAH"), ("JOR", "HAMAS")} <= pairs


def test_such_as_after_a_place_noun_names_no_target():
    """ "struck targets in places such as Lebanon": a place, not the attacked actor."""
    assert ("JOR", "LBN") not in _pairs("Jordan struck targets in places such as Lebanon.")


def test_a_long_quotation_still_ends_the_object():
    """A quotation with punctuation inside is reported speech, not a scare quote: the actor
    after it is not the object of the verb before it."""
    text = 'Jordan warned "this cannot go on, and we will act," Egypt said.'
    assert ("JOR", "EGY") not in _pairs(text)


def test_hedged_description_leads_to_its_target():
    """ "struck what it says are Hamas positions": the target is Hamas."""
    text = "Egypt carried out air strikes against what it says are Hamas positions."
    assert ("EGY", "HAMAS") in _pairs(text, "hostility")


def test_what_without_a_hedge_verb_is_not_skipped():
    """ "condemned what happened": "what" clauses with no hedge verb are no target."""
    assert _pairs("Jordan condemned what happened in Gaza.", "hostility") == set()


def test_members_in_an_organisation_make_it_the_target():
    """ "funds several of the units in Hezbollah": the target is Hezbollah."""
    assert ("IRN", "HEZBOLLAH") in _pairs("Iran funds several of the units in Hezbollah.")


def test_members_in_a_country_do_not_make_it_the_target():
    """ "funds several factions in Syria": Syria is where they are, not whom Iran funds."""
    assert ("IRN", "SYR") not in _pairs("Iran funds several factions in Syria.")


def test_pronoun_after_a_possessive_subject_names_the_owner():
    """ "Egypt's state arms maker said it had signed a contract with Rosoboronexport": the
    maker acts for Egypt."""
    text = "Egypt's state arms maker said it had signed a contract with Rosoboronexport."
    pairs = _pairs(text, "deal")
    assert ("EGY", "ROSOBORONEXPORT") in pairs or ("ROSOBORONEXPORT", "EGY") in pairs


def test_their_never_names_a_single_state():
    """ "Ankara wants Damascus to disarm the militias and has sanctioned their leaders": the
    leaders are the militias', not Syria's."""
    text = "Turkey wants Syria to disarm the militias and has sanctioned their leaders."
    assert ("TUR", "SYR") not in _pairs(text, "sanction")


def test_agent_of_an_act_subject_is_the_doer():
    """ "Rockets fired by Hamas hit Israel": Hamas attacked Israel."""
    assert ("HAMAS", "ISR") in _pairs("Rockets fired by Hamas hit southern Israel.", "hostility")


def test_backer_of_an_actor_subject_is_not_the_doer():
    """ "Rebels backed by Turkey attacked the YPG": the rebels attacked, not Turkey."""
    text = "Rebels backed by Turkey attacked the YPG."
    assert ("TUR", "YPG") not in _pairs(text, "hostility")


def test_object_relative_after_a_determiner_targets_the_antecedent():
    """ "the government of Hadi, which the Houthis ousted": the Houthis ousted Yemen's
    government."""
    text = "Saudi Arabia backs the Yemeni government, which the Houthis ousted from Sanaa."
    assert ("HOUTHIS", "YEM") in _pairs(text, "hostility")


def test_demonym_heading_the_subject_is_the_actor():
    """ "..., a day after Egyptian commandos raided ...": Egypt is the subject, not the main
    clause's actor."""
    text = "Hamas fired rockets at Israel, a day after Egyptian commandos raided Libya."
    pairs = _pairs(text, "hostility")
    assert ("EGY", "LBY") in pairs
    assert ("HAMAS", "LBY") not in pairs


def test_demonym_before_goods_is_not_a_subject():
    """ "Iranian oil exports fell": goods, not an actor doing anything."""
    assert _pairs("Iranian oil exports fell after Washington attacked Syria.", "hostility") == {
        ("USA", "SYR")
    }


def test_listed_objects_and_places_are_not_the_subject_a_pronoun_continues():
    """ "Iran funds Hamas in Gaza and militias in Iraq and Yemen, and it fought alongside
    ...": "it" is Iran, not Yemen (a place in a list) nor the listed militias."""
    text = (
        "Through its proxies, Iran funds Hamas in Gaza and militias in Iraq and Yemen, and it "
        "fought alongside the forces of Syrian President Bashar al-Assad."
    )
    pairs = _pairs(text, "support")
    assert ("IRN", "SYR") in pairs
    assert ("YEM", "SYR") not in pairs


def test_repeated_preposition_adds_a_second_target():
    """ "backing of Hamas in Gaza and of Hezbollah in Lebanon": both are backed."""
    text = "Israel condemned Tehran's backing of Hamas in Gaza and of Hezbollah in Lebanon."
    assert {("IRN", "HAMAS"), ("IRN", "HEZBOLLAH")} <= _pairs(text, "support")


def test_repeated_preposition_with_no_actor_adds_nothing():
    """ "support for the Houthis in Yemen and for a ceasefire": one target only."""
    text = "Iran's support for the Houthis in Yemen and for a ceasefire angered Riyadh."
    assert {t for (a, t) in _pairs(text, "support") if a == "IRN"} == {"HOUTHIS"}


def test_preposition_after_despite_belongs_to_its_noun():
    """ "which Egypt has bought despite objections from Washington": Egypt did not buy from
    the United States."""
    text = (
        "Russia sold Egypt the Su-35 jets, which Cairo bought despite objections from Washington."
    )
    assert not {("EGY", "USA"), ("USA", "EGY")} & _pairs(text, "deal")


def test_coordinated_verb_skips_a_relative_that_clause_and_a_time_phrase():
    """ "Britain has led a mission that carried out raids ... since 2015, and has trained
    Jordanian troops": Britain trained them."""
    text = (
        "Britain has led a mission that carried out raids against Islamic State in Iraq and "
        "Syria since 2015, and has trained and armed Jordanian security forces."
    )
    pairs = _pairs(text, "support")
    assert ("GBR", "JOR") in pairs
    assert not any(a in ("IRQ", "SYR", "ISIS") for a, _ in pairs)


def test_place_coordinated_with_a_place_is_no_subject():
    """ "in Iraq and Syria": Syria is a place too, never the subject of a later verb."""
    text = "Iran deployed advisers in Iraq and Syria and later armed the Houthis."
    pairs = _pairs(text, "support")
    assert ("IRN", "HOUTHIS") in pairs
    assert ("SYR", "HOUTHIS") not in pairs


def test_demonym_before_an_unknown_modifier_and_a_role_is_the_target():
    """ "armed Lebanese security forces": the forces are Lebanon's."""
    assert ("USA", "LBN") in _pairs("The United States armed Lebanese security forces.")


def test_object_relative_with_a_pronoun_subject_targets_the_antecedent():
    """ "Egypt courts Jordan, which it considers an ally": Egypt and Jordan are allies."""
    text = "Egypt has close ties with Jordan, which it considers an ally."
    pairs = _pairs(text, "alliance")
    assert ("EGY", "JOR") in pairs or ("JOR", "EGY") in pairs


def test_subordinate_clause_verb_takes_no_subject_from_the_main_clause():
    """ "Oman reopened its embassy, years after Arab states cut ties with Syria": Oman did
    not cut ties."""
    text = "Oman reopened its embassy in Damascus, years after Arab states cut ties with Syria."
    assert ("OMN", "SYR") not in _pairs(text, "sanction")


def test_parenthetical_prepositional_phrase_is_skipped():
    """ "Jordan, after talks with Egypt, condemned Israel": Jordan condemned."""
    pairs = _pairs("Jordan, after talks with Egypt, condemned Israel.", "hostility")
    assert ("JOR", "ISR") in pairs
    assert ("EGY", "ISR") not in pairs


# -- sentence splitting --------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [s.text for s in split_sentences("headline\n" + text) if s.line_kind == "body"]


def test_dotted_acronym_before_a_sentence_starter_ends_the_sentence():
    """ "... imposed by the U.S. The move ...": two sentences, the acronym kept whole."""
    parts = _split("Sanctions were imposed on Iran by the U.S. The move angered Tehran.")
    assert parts == ["Sanctions were imposed on Iran by the U.S.", "The move angered Tehran."]
    assert ("USA", "IRN") in _pairs("Sanctions were imposed on Iran by the U.S. It was new.")


def test_dotted_acronym_before_a_name_does_not_end_the_sentence():
    """ "the U.S. Treasury", "3 p.m. Monday": one sentence each."""
    assert len(_split("The U.S. Treasury blacklisted the firm.")) == 1
    assert len(_split("The talks began at 3 p.m. Monday in Geneva.")) == 1


def test_name_after_an_indefinite_article_is_no_subject():
    """ "Jordan, a U.S. ally, condemned Iran": the ally is Jordan; "a U.S." modifies it."""
    pairs = _pairs("Jordan, a close U.S. ally, condemned Iran.", "hostility")
    assert ("JOR", "IRN") in pairs
    assert ("USA", "IRN") not in pairs
    assert ("TUR", "RUS") in _pairs("Turkey, a NATO member since 1952, bought jets from Russia.")


def test_companion_inside_a_relative_clause_shares_the_verb():
    """ "Iran, which along with Russia backs Assad": both back him."""
    text = "Iran, which along with Russia backs Assad, criticised the strikes."
    assert {("IRN", "SYR"), ("RUS", "SYR")} <= _pairs(text, "support")


def test_not_only_but_also_names_both_subjects():
    """ "Not only Bahrain but also Egypt cut ties with Qatar": both cut ties."""
    text = "Not only Bahrain but also Egypt cut ties with Qatar."
    assert {("BHR", "QAT"), ("EGY", "QAT")} <= _pairs(text, "sanction")


def test_as_well_as_joins_subjects_read_from_the_verb():
    """ "Jordan as well as Egypt condemned ...": both condemned."""
    text = "Jordan as well as Egypt condemned the Israeli strikes."
    assert {("JOR", "ISR"), ("EGY", "ISR")} <= _pairs(text, "hostility")


# -- robustness ----------------------------------------------------------------------------------

_EDGE_WORDS = [
    "which",
    "with",
    "along",
    "together",
    "what",
    "says",
    "are",
    "the",
    "coalition",
    "led",
    "by",
    "-",
    "and",
    "but",
    "also",
    "not",
    "only",
    "it",
    "its",
    "their",
    ",",
    "after",
    "since",
    "2014",
    "a",
    "an",
    "has",
    "pressure",
    "to",
    "on",
    "factions",
    "in",
    "whose",
    "U.S.",
    "p.m.",
    "The",
    "Iran",
    "Russia",
    "Saudi",
    "Arabia",
    "Hezbollah",
    "backed",
    "attacked",
    "imposed",
    "sanctions",
    "ties",
    "said",
    ".",
    '"',
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_EDGE_WORDS), min_size=1, max_size=30))
def test_coding_any_word_sequence_never_fails_and_names_known_actors(words):
    """Whatever order the syntax words come in, the coder returns events whose ends are
    actors of the dictionaries and never a self-pair."""
    for event in CODER.code_text(" ".join(words)):
        for actor, target in event.pairs():
            assert actor in CODER.dicts.actors and target in CODER.dicts.actors
            assert actor != target


def test_led_group_joins_a_coordinated_subject():
    """ "Yemeni forces and the Saudi-led coalition attacked the Houthis": both attacked."""
    for text in (
        "Yemeni forces and the Saudi-led coalition attacked the Houthis.",
        "The Saudi-led coalition and Yemeni forces attacked the Houthis.",
    ):
        assert {("YEM", "HOUTHIS"), ("SAU", "HOUTHIS")} <= _pairs(text, "hostility")


def test_country_owning_a_named_place_is_no_target():
    """ "an assault on Syria's Idlib province" attacks a place, not the Syrian state."""
    text = "Turkish troops launched an assault on Syria's Afrin region."
    assert ("TUR", "SYR") not in _pairs(text, "hostility")
    assert ("ISR", "IRN") in _pairs("Israel struck Iran's nuclear programme.", "hostility")


def test_singular_verb_in_a_relative_clause_agrees_with_the_nearest_member():
    """ "partners such as Jordan and Egypt, which has bought jets from Russia": Egypt bought."""
    text = "Partners such as Jordan and Egypt, which has bought jets from Russia, were warned."
    pairs = _pairs(text, "deal")
    assert ("EGY", "RUS") in pairs or ("RUS", "EGY") in pairs
    assert not {("JOR", "RUS"), ("RUS", "JOR")} & pairs


def test_plural_verb_in_a_relative_clause_keeps_the_whole_group():
    """ "Jordan and Egypt, which have bought jets from Russia": both bought."""
    text = "Jordan and Egypt, which have bought jets from Russia, were warned."
    pairs = {tuple(sorted(p)) for p in _pairs(text, "deal")}
    assert {("JOR", "RUS"), ("EGY", "RUS")} <= pairs


def test_objects_linked_to_an_owner_make_the_owner_the_target():
    """ "struck positions belonging to Hamas": Hamas is the target."""
    assert ("ISR", "HAMAS") in _pairs("Israel struck positions belonging to Hamas.", "hostility")
    assert ("USA", "IRGC") in _pairs(
        "U.S. jets struck depots run by the Revolutionary Guards.", "hostility"
    )


def test_our_before_an_action_noun_is_the_speakers():
    """'"Our cooperation with Moscow will continue," the Egyptian president said.'"""
    text = '"Our cooperation with Russia will continue," the Egyptian president told reporters.'
    assert ("EGY", "RUS") in _pairs(text, "cooperation")


def test_they_does_not_reach_back_to_a_single_state():
    """ "Iraq ... . They came under Turkish shelling": "they" is not Iraq."""
    text = "Iraq sent envoys to Ankara. They came under Turkish shelling near the border."
    assert not {("TUR", "IRQ"), ("IRQ", "TUR")} & _pairs(text, "hostility")


# -- round 2: predicative "as", hyphenated modifiers ----------------------------------------


def test_predicative_as_does_not_open_a_clause_for_a_coordinated_verb():
    """ "X regarded Y as a partner and backed its ...": the verb after "and" is X's, not Y's."""
    text = "Beijing regarded Pakistan as a reliable partner and supported its economy."
    assert ("CHN", "PAK") in _pairs(text, "support")
    assert ("PAK", "CHN") not in _pairs(text, "support")


def test_clausal_as_still_opens_a_clause():
    """ "as Egypt cut ties and Qatar ...": "as" before a subject starts a clause of its own."""
    text = "Tensions over Syria rose as Egypt cut ties and Qatar later supported the rebels."
    assert ("QAT", "SYR_OPP") in _pairs(text, "support")
    assert ("EGY", "SYR_OPP") not in _pairs(text, "support")


def test_hyphenated_backer_is_not_the_object_of_the_verb():
    """ "bombed X's Y-aligned Z": the object is the head the hyphenated participle modifies,
    after a possessive too; neither the backer nor the possessor is a target."""
    text = "Israel bombed Lebanon's Iran-aligned Hezbollah movement on Monday."
    assert ("ISR", "HEZBOLLAH") in _pairs(text, "hostility")
    assert ("ISR", "IRN") not in _pairs(text, "hostility")
    assert ("ISR", "LBN") not in _pairs(text, "hostility")


def test_led_group_leader_stays_the_target():
    """ "fought the U.S.-led coalition": "-led" is not a modifier to skip, the leader is it."""
    assert ("TUR", "USA") in _pairs("Turkish troops fought the U.S.-led coalition.", "hostility")


# -- descriptions keep their reading -------------------------------------------------------


def test_description_keeps_the_actor_it_was_read_as_earlier():
    """Once "the kingdom" was Saudi Arabia, a list naming another kingdom later does not
    take the description over."""
    text = (
        "Saudi Arabia said the kingdom would not reopen its embassy. "
        "Saudi Arabia, Egypt and Jordan criticised Qatar, accusing it of courting Iran, the "
        "kingdom's arch-rival."
    )
    assert ("IRN", "SAU") in _pairs(text, "rivalry")
    assert ("IRN", "JOR") not in _pairs(text, "rivalry")


def test_description_without_an_earlier_reading_is_the_latest_candidate():
    """With no earlier reading, "the kingdom" is the candidate named last."""
    text = (
        "Egypt, Saudi Arabia and Jordan criticised Qatar, courting Iran, the kingdom's arch-rival."
    )
    assert ("IRN", "JOR") in _pairs(text, "rivalry")


# -- negation reach --------------------------------------------------------------------------


def test_denial_does_not_reach_a_finite_verb_after_and():
    """ "denied involvement and accused X": the accusation is stated, not denied."""
    text = "Moscow denied involvement and accused Washington of provoking a crisis."
    assert ("RUS", "USA") in _pairs(text, "hostility")


def test_negation_still_covers_its_own_verb():
    """ "has not imposed sanctions and has not cut ties": each negated verb stays denied."""
    assert not _pairs("Qatar has not imposed sanctions and has not cut ties with Iran.")


# -- counted appositions, agents of hostile acts ---------------------------------------------


def test_counted_apposition_relates_the_listed_head():
    """ "X and Y, two of Z's closest allies": both members are Z's allies."""
    text = "Japan and South Korea, two of Washington's closest Asian allies, met on Monday."
    pairs = _pairs(text, "alliance")
    assert ("JPN", "USA") in pairs and ("KOR", "USA") in pairs


def test_agent_of_a_hostile_act_is_the_target():
    """ "repelled an offensive by X": X is who the act is against; a place is not."""
    assert ("IRQ", "ISIS") in _pairs("Iraq repelled an offensive by Islamic State.", "hostility")
    assert not _pairs("Iraq repelled an offensive by militants near Mosul.", "hostility")


def test_by_after_a_non_hostile_noun_is_no_target():
    """ "a convoy escorted by X": "by" after a noun that is no hostile act names no target."""
    assert ("IRN", "RUS") not in _pairs("Iran attacked a convoy escorted by Russia.", "hostility")


# -- reduced passives, -ing adjectives ----------------------------------------------------


def test_reduced_passive_of_accusation_names_no_accuser():
    """ "firms accused of ...": the speaker or an earlier actor is not the accuser."""
    text = "Ankara condemned U.S. penalties on Turkish banks accused of helping Iran."
    assert ("TUR", "IRN") not in _pairs(text, "hostility")
    assert ("USA", "IRN") not in _pairs(text, "hostility")


def test_gerund_after_reduced_passive_is_done_by_the_described_noun():
    """ "sanctions on Indian firms accused of buying Iranian oil": the firms buy, not the
    sanctioner."""
    text = "Washington imposed sanctions on Indian firms accused of buying Iranian oil."
    assert ("IND", "IRN") in _pairs(text, "deal")
    assert ("USA", "IRN") not in _pairs(text, "deal")


def test_passive_accusation_with_an_agent_keeps_both_ends():
    """ "X was accused by Y of ...": Y accuses X."""
    assert ("SAU", "QAT") in _pairs("Qatar was accused by Riyadh of funding Hamas.", "hostility")


def test_ing_word_before_a_firm_noun_is_no_verb():
    """ "shipping giant COSCO": an adjective, no shipment by the sentence's subject."""
    text = "Beijing protested U.S. sanctions on the Chinese shipping giant COSCO."
    assert not any(e.kind == "deal" for e in CODER.code_text(text))
    assert ("RUS", "SYR") in _pairs("Russia is shipping arms to Syria.")


def test_side_as_a_verb_is_not_a_role():
    """ "appeared to side with X": "side" before "with" is the verb, not a role noun."""
    assert ("EGY", "SAU") in _pairs("Cairo appeared to side with Riyadh in the row.", "support")


def test_side_with_an_actor_stays_a_role():
    """ "the Turkish side said ...": a role a demonym gave an actor is still that actor."""
    assert ("TUR", "RUS") in _pairs("The Turkish side said it would keep buying Russian gas.")


def test_role_word_as_adjective_of_an_act_hides_no_trigger():
    """ "threatened military action against X": "military" describes the act, so the act
    noun is still a trigger."""
    text = "Egypt has warned that it could take military action against Ethiopia."
    assert ("EGY", "ETH") in _pairs(text, "hostility")


def test_role_word_with_an_actor_stays_a_mention():
    """ "the Turkish military operation": the demonym gives the role its actor."""
    text = "The Turkish military launched an operation against the YPG."
    assert ("TUR", "YPG") in _pairs(text, "hostility")


def test_not_ruling_out_is_a_threat():
    """ "did not rule out penalties against X": a threatened sanction, not a denied one."""
    events = CODER.code_text("EU officials did not rule out penalties against Belarus.")
    found = [e for e in events if e.kind == "sanction" and ("EU", "BLR") in e.pairs()]
    assert found and found[0].status.value == "threatened"


def test_ruling_out_is_a_denial():
    """ "ruled out sanctions on X": nothing is drafted."""
    assert ("EU", "BLR") not in _pairs("The EU ruled out sanctions on Belarus.", "sanction")


def test_whose_object_relative_targets_the_antecedent():
    """ "Yemen, whose government Riyadh backs, ...": Riyadh backs Yemen (its government)."""
    assert ("SAU", "YEM") in _pairs("Yemen, whose government Riyadh backs, said nothing.")


def test_whose_subject_relative_keeps_the_antecedent_as_subject():
    """ "Iraq, whose forces fought Islamic State, ...": no relation from the fighters to Iraq."""
    pairs = _pairs("Iraq, whose forces fought Islamic State, thanked Iran.")
    assert ("IRQ", "ISIS") in pairs and ("ISIS", "IRQ") not in pairs


def test_participle_after_a_plain_noun_has_no_source():
    """ "rebuild towns recaptured from Islamic State": the recapture is not the subject's."""
    text = "Qatar has pledged to help rebuild towns recaptured from Islamic State."
    assert ("QAT", "ISIS") not in _pairs(text, "hostility")


def test_finite_verb_after_a_name_keeps_its_subject():
    """ "Jordan attacked from the air": a finite verb after a name is that actor's."""
    assert ("JOR", "ISIS") in _pairs("Jordan attacked Islamic State positions from the air.")


def test_object_relative_after_pronoun_and_auxiliary_targets_the_owner():
    """ "Hamas's armed wing, which it has blacklisted": the wing's owner is the target."""
    text = "Britain separates Hamas's armed wing, which it has blacklisted, from its charities."
    assert ("GBR", "HAMAS") in _pairs(text, "sanction")


# -- "the militia", "the group" ----------------------------------------------------------------


def test_the_militia_names_the_armed_group_named_before():
    """ "the militia" in the next sentence is the armed group named last."""
    text = "Hamas fired rockets at Israel. Israel bombed the militia in Gaza."
    assert ("ISR", "HAMAS") in _pairs(text, "hostility")


def test_the_group_after_a_firm_is_not_an_armed_group():
    """ "the group" after a company was named may be that company: no armed group is read."""
    text = (
        "Hamas fired rockets at Israel. Gazprom signed a deal with Turkey. Israel fined the group."
    )
    assert ("ISR", "HAMAS") not in _pairs(text)


def test_the_group_of_is_no_reference():
    """ "the group of seven" is a body of its own, not the armed group named before."""
    text = "Hezbollah fired rockets at Israel. Israel criticised the group of seven nations."
    assert ("ISR", "HEZBOLLAH") not in _pairs(text, "hostility")


def test_the_group_is_not_the_force_of_a_commander_named_since():
    """A commander speaking in between ("Nasrallah spoke ...") is not the group a later
    "the group" means: that is the armed group named before him."""
    text = (
        "Hamas fired rockets at Israel on Monday. Nasrallah spoke in Beirut on Tuesday. "
        "Egypt condemned the group."
    )
    pairs = _pairs(text, "hostility")
    assert ("EGY", "HAMAS") in pairs
    assert ("EGY", "HEZBOLLAH") not in pairs


def test_act_noun_doer_named_in_a_claim_clause():
    """ "the attacks on X, which were claimed by Y": Y attacked X."""
    text = "The attacks on Israeli towns, which were claimed by Hamas, killed three people."
    assert ("HAMAS", "ISR") in _pairs(text, "hostility")


def test_claim_in_a_later_clause_is_not_the_acts_doer():
    """ "the attacks on X shook markets; a video claimed by Y ...": the claim belongs to
    another clause, so Y is not read as the attacker."""
    text = "The attacks on Saudi plants shook markets; a video claimed by Hamas was fake."
    assert ("HAMAS", "SAU") not in _pairs(text, "hostility")


# -- "the two countries" -----------------------------------------------------------------------


def test_two_countries_prefers_the_pair_joined_by_and():
    """After "A's leader and B's leader met with C's envoy", "the two countries" are A and B."""
    text = (
        "Omani Sultan Qaboos and Jordanian King Abdullah met in Muscat with U.S. envoy Jared "
        "Kushner. The two countries agreed to cooperate on trade."
    )
    pairs = _pairs(text, "cooperation")
    assert ("OMN", "JOR") in pairs or ("JOR", "OMN") in pairs
    assert not {("JOR", "USA"), ("USA", "JOR"), ("OMN", "USA"), ("USA", "OMN")} & pairs


def test_two_countries_keep_meaning_the_two_leaders_read_before():
    """Once "the two leaders" was read as Turkey and Russia, a later "the two countries"
    after "Turkey" means that pair, not the state named nearest Turkey in between."""
    text = (
        "Turkish President Tayyip Erdogan met Russian President Vladimir Putin in Sochi on "
        "Monday. It was the first meeting between the two leaders since Syrian forces shelled "
        "Turkish troops near Idlib. Erdogan said Turkey would keep its posts in Iraq and that "
        "the two countries would expand cooperation on energy."
    )
    pairs = _pairs(text, "cooperation")
    assert ("TUR", "RUS") in pairs
    assert not {("TUR", "SYR"), ("SYR", "TUR")} & pairs


def test_two_countries_in_the_sentence_prefers_the_pair_joined_by_and():
    """ "said Egypt and Jordan were ... and that Cairo valued Saudi Arabia's help, ... the two
    countries worked together": the pair joined by "and", not the last two named."""
    text = (
        "An aide said Egypt and Jordan were not allies and that Cairo valued Saudi Arabia's "
        "help, remarks welcomed in Riyadh, where officials said the two countries still worked "
        "together on security."
    )
    pairs = _pairs(text, "cooperation")
    assert ("EGY", "JOR") in pairs
    assert not {("EGY", "SAU"), ("SAU", "EGY")} & pairs


def test_two_countries_are_states_not_firms():
    """ "the two countries" never stands for a firm named last."""
    text = (
        "Egypt recalled its envoy from Qatar. Qatar's main link with Egypt is a gas deal run by "
        "Exxon. The crisis in relations between the two countries deepened."
    )
    between = [e for e in CODER.code_text(text) if e.rule == "coop.between"]
    assert between and all("EXXON" not in e.actors + e.targets for e in between)


def test_failing_to_negates_the_verb_after_it():
    """ "accused Ankara of failing to meet its obligations": no meeting is drafted."""
    text = "Damascus accused Ankara of failing to meet its obligations under the deal."
    assert "cooperation" not in {e.kind for e in CODER.code_text(text)}


def test_negation_reaches_past_taking_part():
    """ "will not be part of the sanctions against X": the sanction is denied."""
    text = "Jordan will not be part of the sanctions against Qatar, the minister said."
    assert ("JOR", "QAT") not in _pairs(text, "sanction")


def test_denied_involvement_does_not_deny_the_act():
    """ "X denied involvement in the attacks on Y, which were claimed by Z": Z still attacked."""
    text = "Iran denied involvement in the attacks on Israeli towns, which were claimed by Hamas."
    assert ("HAMAS", "ISR") in _pairs(text, "hostility")


def test_arms_shipments_coordinated_with_targets_are_hit_too():
    """ "strikes on Iranian positions and weapons shipments to Hamas": Hamas is hit too."""
    text = "Israel launched strikes against Iranian positions and weapons shipments to Hamas."
    pairs = _pairs(text, "hostility")
    assert ("ISR", "IRN") in pairs and ("ISR", "HAMAS") in pairs


def test_shipments_after_a_non_military_object_are_not_targets():
    """ "sold jets to Egypt and arms shipments to Syria continued": no sale to Syria."""
    assert ("RUS", "SYR") not in _pairs("Russia sold jets to Egypt and arms shipments to Syria.")


def test_the_king_is_the_kingdom_named_before():
    """ "the king" after Jordan's king was named speaks for Jordan."""
    text = "Jordan's King Abdullah met Putin. The king said Amman would buy Russian wheat."
    assert ("JOR", "RUS") in _pairs(text, "deal")


def test_the_king_of_names_his_own_country():
    """ "the king of Morocco" is no reference back to Jordan."""
    text = "Jordan's King Abdullah met Putin. The king of Morocco said he would buy Russian wheat."
    assert ("JOR", "RUS") not in _pairs(text, "deal")


def test_firm_chief_as_a_leaders_ally_is_no_alliance():
    """ "Gazprom, run by Alexei Miller, a long-time ally of Putin": no firm-state alliance."""
    text = "Gazprom, run by Alexei Miller, a long-time ally of President Putin, raised prices."
    assert not any(e.rule == "alliance.relational" for e in CODER.code_text(text))


def test_state_appositive_ally_is_still_an_alliance():
    """ "Jordan, a close ally of Washington" is an alliance between states."""
    assert ("JOR", "USA") in _pairs("Jordan, a close ally of Washington, bought jets.", "alliance")


def test_deal_with_as_a_verb_is_no_agreement():
    """ "help the kingdom deal with Iranian threats": "deal" is a verb, no accord with Iran."""
    text = "The aid is meant to help the kingdom deal with Iranian threats, Washington said."
    assert not any(e.kind in ("deal", "cooperation") for e in CODER.code_text(text))


def test_deal_with_as_a_noun_is_still_an_agreement():
    """ "signed a deal with Iran" is an agreement."""
    pairs = _pairs("Iraq signed an oil deal with Iran.")
    assert ("IRQ", "IRN") in pairs


def test_verb_after_comma_and_leaves_a_conditional_clause():
    """ "Russia warned that it would respond if Kiev shelled the town, and accused Poland of
    ...": the accuser is Russia, not the subject of the "if" clause."""
    text = (
        "Russian President Vladimir Putin warned Ukraine on Monday that Moscow would respond "
        "if Kiev shelled the region again, and accused Poland of arming the saboteurs."
    )
    pairs = _pairs(text, "hostility")
    assert ("RUS", "POL") in pairs
    assert ("UKR", "POL") not in pairs


def test_verb_after_and_without_comma_stays_in_the_conditional_clause():
    """Without a comma, "if Ankara attacked the YPG and bombed the SDF" keeps one subject."""
    text = "Washington said it would act if Ankara attacked the YPG and bombed the SDF."
    pairs = _pairs(text, "hostility")
    assert ("TUR", "SDF") in pairs
    assert ("USA", "SDF") not in pairs


def _headline_pairs(headline: str, kind: str) -> set[tuple[str, str]]:
    """Directed pairs coded from `headline` read as an article's first line."""
    sentences = split_sentences(headline + "\nThe talks ended on Friday.")
    return {
        pair
        for coded in CODER.code_sentences(sentences)
        for event in coded.events
        if event.kind == kind
        for pair in event.pairs()
    }


def test_headline_verb_after_a_comma_shares_the_headline_subject():
    """ "Qatar, Oman back Kuwait mediation effort, criticise Saudi blockade": the second
    verb's subject is the headline's subject, not the name modifying the first verb's object."""
    pairs = _headline_pairs(
        "Qatar, Oman back Kuwait mediation effort, criticise Saudi blockade", "hostility"
    )
    assert ("QAT", "SAU") in pairs and ("OMN", "SAU") in pairs
    assert ("KWT", "SAU") not in pairs


def test_headline_participle_after_a_comma_is_no_coordinated_verb():
    """ "Hariri, backed by Riyadh, ..." is a participial phrase: Riyadh backs Hariri."""
    pairs = _headline_pairs(
        "Lebanon's Hariri, backed by Saudi Arabia, attacks Hezbollah", "support"
    )
    assert ("SAU", "LBN") in pairs
    assert ("LBN", "SAU") not in pairs


def test_condition_clause_with_an_unknown_subject_takes_no_earlier_subject():
    """ "said Iran would honour the accord as long as the other signatories protected its
    interests": the protectors are unknown, neither Iran nor the speaker."""
    for opener in ("as long as", "if", "because"):
        text = (
            "Zarif criticised Washington on Monday but said Iran would honour the accord "
            f"{opener} the other signatories protected its interests."
        )
        assert not _pairs(text, "support"), opener


def test_condition_clause_with_a_named_subject_keeps_it():
    """ "as long as the Europeans protected its interests": the Europeans support Iran."""
    text = (
        "Zarif said Iran would honour the accord as long as the Europeans protected its interests."
    )
    assert ("EU", "IRN") in _pairs(text, "support")


def test_support_for_unnamed_groups_in_a_country_does_not_support_the_country():
    """ "its backing of militias in Iraq and Lebanon": the militias are helped, not the
    countries where they are; a named group or the country itself still is."""
    text = "Riyadh condemned Iran's backing of militias in Iraq and Lebanon."
    assert not {t for _, t in _pairs(text, "support")} & {"IRQ", "LBN"}
    assert ("IRN", "HOUTHIS") in _pairs("Riyadh condemned Iran's backing of the Houthis in Yemen.")
    assert ("IRN", "SYR") in _pairs("Riyadh condemned Iran's backing of Syria.", "support")


def test_its_after_and_belongs_to_the_possessive_it_is_coordinated_with():
    """ "Qatar's wealth and its funding of Hamas": the funder is Qatar, not the subject
    of the sentence."""
    text = "Egypt criticised Qatar's media and its funding of Hamas."
    pairs = _pairs(text, "support")
    assert ("QAT", "HAMAS") in pairs
    assert ("EGY", "HAMAS") not in pairs


def test_its_without_a_coordinated_possessive_keeps_the_subject():
    """ "Britain said its aid to Jordan would grow": no possessive before "and its"."""
    assert ("GBR", "JOR") in _pairs("Britain said its aid to Jordan would grow.", "support")


def test_indefinite_subject_is_no_actor_nor_the_speaker():
    """ "Anyone trading with Cuba will be barred," the president said: nobody in particular
    trades with Cuba, neither the speaker's country nor the subject of the warning."""
    text = (
        '"Anyone doing business with Cuba will not be doing business with the United States," '
        "Trump said."
    )
    assert not _pairs(text, "cooperation")
    text = "Trump warned that anyone doing business with Cuba would be barred from the country."
    assert not _pairs(text, "cooperation")
    text = "Washington warned that anyone signing deals with Caracas would face penalties."
    assert ("USA", "VEN") not in _pairs(text, "cooperation")


def test_named_subject_of_doing_business_is_kept():
    """ "Germany keeps doing business with Iran": a named subject is still the source."""
    assert ("DEU", "IRN") in _pairs("Germany keeps doing business with Iran.", "cooperation")


def test_verb_form_after_a_possessive_is_done_by_the_possessor():
    """ "at odds over India's planned purchase of Russian missiles": India buys, not the
    pair the relative clause is about."""
    text = (
        "Ties between Washington and New Delhi, which are strained by India's planned purchase "
        "of Russian S-400 missiles, remain close."
    )
    pairs = _pairs(text, "deal")
    assert ("IND", "RUS") in pairs
    assert ("USA", "RUS") not in pairs


def test_unknown_role_subject_after_comma_and_is_not_skipped():
    """ "..., and lawmakers have threatened to impose sanctions on Ankara": the lawmakers
    are nobody the dictionaries know; the firm named before them is not the sanctioner."""
    text = (
        "A bill would halt the delivery of Boeing jets to Iran, and lawmakers have threatened "
        "to impose sanctions on Tehran."
    )
    assert ("BOEING", "IRN") not in _pairs(text, "sanction")


def test_role_noun_coordinated_with_a_named_subject_keeps_the_name():
    """ "Saudi Arabia and its allies cut ties with Qatar": Saudi Arabia is still a source."""
    pairs = _pairs("Saudi Arabia and its allies cut ties with Qatar.")
    assert ("SAU", "QAT") in pairs


def test_unknown_noun_before_a_participle_with_by_is_its_subject():
    """ "regards the foreign troops invited by Baghdad as legitimate": Baghdad invited the
    troops, not Moscow; a named head is still the one invited."""
    text = "Moscow regards the presence of foreign troops invited by Baghdad as legitimate."
    assert not {p for p in _pairs(text) if "IRQ" in p}
    assert ("SYR", "RUS") in _pairs("Russian troops invited by Damascus arrived in 2015.")


def test_whoever_joins_the_two_leaders_is_not_one_of_them():
    """ "the Qatari emir is due to join the two leaders": the pair is the two named before
    (Egypt and Jordan), not Qatar and its nearest neighbour in the text."""
    text = (
        "headline\nEgyptian President Abdel Fattah al-Sisi met Jordan's King Abdullah in Cairo "
        "on Monday. Cairo and Amman back Palestinian President Mahmoud Abbas, while Qatar funds "
        "Hamas. Emir Tamim of Qatar is due to join the two leaders in Amman next week."
    )
    pairs = [
        {m.actor, *m.extra}
        for coded in CODER.code_sentences(split_sentences(text))
        for m in coded.mentions
        if m.kind == "pair"
    ]
    assert pairs == [{"EGY", "JOR"}]


def test_possessive_after_a_controlled_infinitive_names_the_object_pressed():
    """ "Egypt urged Turkey to end its support for the militias": the support is Turkey's,
    the object urged, not Egypt's."""
    text = "Egypt urged Turkey to end its support for Hamas."
    pairs = _pairs(text, "support")
    assert ("TUR", "HAMAS") in pairs
    assert ("EGY", "HAMAS") not in pairs


def test_possessive_after_an_uncontrolled_infinitive_keeps_the_subject():
    """ "France plans to raise its aid to Lebanon": no object before "to", so the aid is the
    subject's own."""
    pairs = _pairs("France plans to raise its aid to Lebanon.", "support")
    assert ("FRA", "LBN") in pairs


def test_possessor_of_a_reported_clause_subject_acts_not_the_speaker():
    """'London said that Russia's "operations in Libya have armed the militias of Haftar"':
    the operations are Russia's; Britain only reports them."""
    text = "Britain said that Russia's operations in Libya have bankrolled Hezbollah."
    pairs = _pairs(text, "support")
    assert ("RUS", "HEZBOLLAH") in pairs
    assert ("GBR", "HEZBOLLAH") not in pairs


def test_possessor_of_an_earlier_clause_does_not_act_in_a_later_one():
    """ "Britain said that Russia's claims were false, and it would keep funding Hezbollah":
    the possessive owns the first clause's subject only; the funder is Britain."""
    text = "Britain said that Russia's claims were false, and it would keep funding Hezbollah."
    assert ("RUS", "HEZBOLLAH") not in _pairs(text, "support")


def test_object_search_stops_at_a_coordinated_act_in_ing():
    """ "accused Qatar of funding militants and hosting Turkish troops": Turkey is no one
    Qatar funds; "and hosting" opens a second act."""
    text = "Egypt accused Qatar of funding militants and hosting Turkish troops."
    assert ("QAT", "TUR") not in _pairs(text, "support")


def test_object_search_crosses_a_noun_in_ing_after_and():
    """ "sent arms and training to the Kurds": "training" is a second thing sent, not an act,
    so the Kurds still receive."""
    text = "France sent weapons and training to the Peshmerga."
    assert ("FRA", "KRG") in _pairs(text, "support")


def test_infinitive_after_a_won_waiver_is_done_by_the_winner():
    """ "Turkey secured a 90-day U.S. waiver to keep importing Venezuelan oil": Turkey
    imports; the U.S. only grants the waiver."""
    text = "Turkey secured a 90-day U.S. waiver to keep importing oil from Venezuela."
    pairs = _pairs(text, "deal")
    assert ("TUR", "VEN") in pairs or ("VEN", "TUR") in pairs
    assert ("USA", "VEN") not in pairs and ("VEN", "USA") not in pairs


def test_infinitive_after_a_waiver_nobody_holds_has_no_borrowed_subject():
    """ "The U.S. waiver to keep buying Qatari gas expires": no holder verb, so the modifier
    is no buyer."""
    pairs = _pairs("A U.S. waiver to keep buying gas from Qatar expired on Monday.", "deal")
    assert ("USA", "QAT") not in pairs and ("QAT", "USA") not in pairs


def test_object_relative_verb_takes_its_antecedent_before_a_later_name():
    """ "the Houthis, which Riyadh regards as a terrorist group tied to Iran": the Houthis are
    labelled; Iran only describes the label."""
    text = "Saudi Arabia bombed the Houthis, which it regards as a terrorist group tied to Iran."
    pairs = _pairs(text, "hostility")
    assert ("SAU", "HOUTHIS") in pairs
    assert ("SAU", "IRN") not in pairs


def test_subject_relative_verb_keeps_the_object_after_it():
    """ "Russia, which backs Syria's government, ..." the relative is the subject; its
    object follows the verb as usual."""
    text = "Moscow, which backs Syria, met Turkish officials on Monday."
    assert ("RUS", "SYR") in _pairs(text, "support")


# -- lists inside relative clauses ---------------------------------------------------------------


def test_list_inside_a_relative_clause_keeps_its_first_member():
    """ "..., which Oman has courted since Egypt, the UAE and Bahrain cut ties with Doha":
    the comma after Egypt separates list members, it does not close the relative clause."""
    text = (
        "Kuwait praised Qatar, which Oman has courted since Egypt, the United Arab Emirates "
        "and Bahrain imposed a blockade on Doha."
    )
    assert {("EGY", "QAT"), ("ARE", "QAT"), ("BHR", "QAT")} <= _pairs(text, "sanction")


def test_list_split_by_a_relative_clause_is_one_antecedent():
    """ "strikes by Israel, Jordan and Egypt, which shelled ...": the relative's antecedent is
    the whole list, though its first member sits in an earlier relative clause."""
    text = (
        "Lavrov, who condemned raids by Israel, Jordan and Egypt, which fired rockets at "
        "Syrian targets, spoke on Friday."
    )
    assert {("ISR", "SYR"), ("JOR", "SYR"), ("EGY", "SYR")} <= _pairs(text, "hostility")


def test_relative_clause_still_closes_at_a_comma_before_a_single_actor():
    """ "Qatar, which Turkey backs, Kuwait said ...": one actor after the comma is no list, so
    Kuwait is outside the clause and not Turkey's companion."""
    text = "Egypt condemned Qatar, which Turkey backs, and Kuwait urged talks with Doha."
    assert ("KWT", "QAT") not in _pairs(text, "support")


# -- relational nouns after "its" ------------------------------------------------------------------


def test_organisation_after_its_describes_the_ally_and_its_names_the_partner():
    """ "Paris's arms deal has irritated its EU partner Rome": "its" is Paris, and the EU only
    describes the kind of partner, so no EU-Italy tie is read from the possessive slot."""
    text = "London's trade policy has irritated its NATO ally Norway."
    pairs = {tuple(sorted(p)) for p in _pairs(text, "alliance")}
    assert ("GBR", "NOR") in pairs
    assert ("NATO", "NOR") not in pairs


def test_possessor_before_relational_noun_is_still_the_partner():
    """ "Moscow's ally Damascus": a possessor with "'s" stays the other party."""
    text = "Officials said Tehran's ally Damascus had rejected the offer."
    pairs = {tuple(sorted(p)) for p in _pairs(text, "alliance")}
    assert ("IRN", "SYR") in pairs


# -- "and allied" in a list --------------------------------------------------------------------


def test_allied_forces_after_and_join_the_subject_list():
    """ "Egyptian troops and allied Libyan fighters shelled ...": both are the subject."""
    text = "Jordanian troops and allied Iraqi fighters shelled Islamic State positions."
    assert {("JOR", "ISIS"), ("IRQ", "ISIS")} <= _pairs(text, "hostility")


def test_allied_without_a_list_joins_nothing():
    """ "Iran said allied militias attacked ...": no "and" before "allied", no list with Iran."""
    text = "Iran said on Monday that allied Iraqi militias had attacked Islamic State."
    assert ("IRN", "ISIS") not in _pairs(text, "hostility")


# -- companions are no objects ---------------------------------------------------------------


def test_companions_after_alongside_are_not_the_object_of_an_assault():
    """ "Cairo launched an assault alongside allied Libyan forces": the Libyans fight with
    Egypt, they are not what Egypt attacks."""
    text = "Cairo launched an offensive on Friday alongside allied Libyan forces near Derna."
    assert ("EGY", "LBY") not in _pairs(text, "hostility")


def test_object_before_alongside_is_still_the_target():
    """ "launched strikes on Islamic State alongside Jordan": the object comes first."""
    text = "Bahrain launched air strikes on Islamic State alongside Jordan."
    assert ("BHR", "ISIS") in _pairs(text, "hostility")


# -- "he" after a person named as an object -----------------------------------------------------


def test_he_prefers_the_clause_subject_over_a_person_named_as_an_object():
    """ "Lavrov urged Iran to stop arming President Assad and to spare Turkey, which he called
    a key Russian partner": "he" is Lavrov (the subject), not Assad (an object)."""
    text = (
        "Lavrov urged Iran to stop arming President Bashar Assad and to spare Jordan, which "
        "he called a key ally."
    )
    pairs = {tuple(sorted(p)) for p in _pairs(text, "alliance")}
    assert ("JOR", "RUS") in pairs
    assert ("JOR", "SYR") not in pairs


def test_he_after_a_person_who_opens_a_relative_clause_is_that_person():
    """ "... met Erdogan, who said he ...": "he" is the relative's antecedent."""
    text = "Putin met President Erdogan, who said he considered Qatar a key ally."
    pairs = {tuple(sorted(p)) for p in _pairs(text, "alliance")}
    assert ("QAT", "TUR") in pairs


# -- descriptions of Gulf states and of Iraq's Kurdish region --------------------------------------


def test_the_gulf_state_is_the_gulf_state_named_last():
    """ "The Gulf state" is the Gulf monarchy named most recently (here Oman)."""
    text = "Oman hosted the envoys on Sunday. The Gulf state later cut ties with Syria."
    assert ("OMN", "SYR") in _pairs(text, "sanction")


def test_the_gulf_state_names_nobody_when_no_gulf_state_came_before():
    """With only Egypt and Syria named, "the Gulf state" has no candidate."""
    text = "Egypt hosted the envoys on Sunday. The Gulf state later cut ties with Syria."
    assert not any(source == "EGY" for source, _ in _pairs(text, "sanction"))


def test_the_kurdish_region_after_the_krg_is_the_krg():
    """ "the Kurdish region" after the Kurdistan Regional Government names it again."""
    text = (
        "The Kurdistan Regional Government met Turkish envoys. Ankara later imposed sanctions "
        "on the Kurdish region."
    )
    assert ("TUR", "KRG") in _pairs(text, "sanction")


def test_the_federal_government_is_iraq_after_iraq_was_named():
    """ "the federal government" after Iraq is Baghdad's; with no Iraq named it is nobody."""
    named = "Iraq faced protests. The federal government later cut ties with Syria."
    assert ("IRQ", "SYR") in _pairs(named, "sanction")
    unnamed = "Lebanon faced protests. The federal government later cut ties with Syria."
    assert not any(source == "IRQ" for source, _ in _pairs(unnamed, "sanction"))


# -- members of a led coalition ----------------------------------------------------------------


def test_member_of_a_led_coalition_shares_its_clause_acts():
    """ "Kuwait is a key member of the Saudi-led coalition that has been fighting the
    Houthis": Kuwait fights them too, as does its leader."""
    text = "Kuwait is a key member of the Saudi-led coalition that has been fighting the Houthis."
    assert {("KWT", "HOUTHIS"), ("SAU", "HOUTHIS")} <= _pairs(text, "hostility")


def test_member_in_apposition_shares_the_coalition_acts():
    """ "Senegal, a member of the Saudi-led coalition fighting the Houthis, ...": same."""
    text = "Morocco, a member of the Saudi-led coalition fighting the Houthis, recalled its jets."
    assert ("MAR", "HOUTHIS") in _pairs(text, "hostility")


def test_critic_of_a_led_coalition_is_no_member():
    """ "Oman criticised the Saudi-led coalition that has been fighting the Houthis": no member."""
    text = "Oman criticised the Saudi-led coalition that has been fighting the Houthis."
    assert ("OMN", "HOUTHIS") not in _pairs(text, "hostility")


# -- post-modifying participles and beneficiaries (round 7, real wire copy) ---------------------


def test_participle_with_agent_describes_the_noun_right_before_it():
    """ "a war against Taliban militants supported by Islamabad": Pakistan backs the militants
    named just before the participle, even after a preposition, not the clause's subject."""
    text = "Egypt has been waging a war against Hamas militants backed by Tehran."
    support = _pairs(text, "support")
    assert ("IRN", "HAMAS") in support
    assert ("IRN", "EGY") not in support


def test_full_passive_still_takes_the_clause_subject():
    """ "Oman is backed by Qatar": with an auxiliary the subject is the one backed."""
    assert ("QAT", "OMN") in _pairs("Oman is backed by Qatar.", "support")


def test_backer_after_a_participle_is_not_the_object_of_a_hostile_act():
    """ "fought insurgents armed by Kabul": Kabul arms the insurgents; it is not fought."""
    text = "Pakistan has been fighting a war against tribal insurgents armed by Kabul."
    assert ("PAK", "AFG") not in _pairs(text, "hostility")


def test_beneficiary_phrase_is_skipped_when_finding_what_an_attack_is_against():
    """ "a campaign in support of the Libyan army against X": the army is helped, X is hit."""
    text = "Egypt launched a campaign in support of the Libyan army against the Islamic State."
    hostility = _pairs(text, "hostility")
    assert ("EGY", "ISIS") in hostility
    assert ("EGY", "LBY") not in hostility


def test_in_a_country_is_still_a_place_target_for_an_operation():
    """The beneficiary rule must not swallow a plain locative "in"."""
    assert ("TUR", "IRQ") in _pairs("Turkey launched an operation in Iraq.", "hostility")


# -- relative clauses after a relational noun ---------------------------------------------------


def test_relative_after_a_predicate_ally_takes_the_clause_subject():
    """ "X and Y are staunch U.S. allies that have fought Z": X and Y fight, not the U.S."""
    text = "Oman and Kuwait are staunch U.S. allies that have been waging a war against Hamas."
    hostility = _pairs(text, "hostility")
    assert {("OMN", "HAMAS"), ("KWT", "HAMAS")} <= hostility
    assert ("USA", "HAMAS") not in hostility


def test_relative_after_an_apposition_partner_takes_the_apposition_head():
    """ "Jordan, a key British partner which attacked ISIS": Jordan attacked."""
    text = "Jordan, a key British partner which attacked the Islamic State, kept quiet."
    hostility = _pairs(text, "hostility")
    assert ("JOR", "ISIS") in hostility
    assert ("GBR", "ISIS") not in hostility


def test_relative_after_an_object_noun_is_not_given_the_clause_subject():
    """ "Russia sold arms to countries that have fought the Taliban": not Russia."""
    text = "Russia has sold arms to countries that have fought the Taliban."
    assert ("RUS", "TALIBAN") not in _pairs(text, "hostility")


# -- gapped clauses and absolute "with" clauses ------------------------------------------------


def test_actor_before_behind_opens_a_gapped_clause_not_an_object():
    """ "with Egypt backing the army and Ankara behind the militias": Ankara is not backed."""
    text = "The two disagree on Libya, with Egypt backing the army and Ankara behind the militias."
    assert ("EGY", "TUR") not in _pairs(text, "support")


def test_actor_followed_by_a_bare_noun_phrase_opens_a_gapped_clause():
    """ "Iran arms the Houthis and Riyadh the government": Riyadh is not armed by Iran."""
    pairs = _pairs("Iran backs the Houthis and Saudi Arabia the government.", "support")
    assert ("IRN", "HOUTHIS") in pairs
    assert ("IRN", "SAU") not in pairs


def test_plain_coordinated_objects_still_form_a_group():
    """A list of objects followed by a degree phrase is still one list."""
    pairs = _pairs("Iran backs Hamas and Hezbollah the most.", "support")
    assert {("IRN", "HAMAS"), ("IRN", "HEZBOLLAH")} <= pairs


def test_absolute_with_clause_subject_is_found_past_a_manner_adverb():
    """ "..., with Egypt strongly backing Haftar's forces": Egypt backs them."""
    text = "The two sides disagree on Libya, with Egypt strongly backing Haftar's forces."
    assert ("EGY", "LNA") in _pairs(text, "support")


def test_country_ending_in_ly_is_not_taken_for_an_adverb():
    """ "with Italy backing the army": Italy is the subject, not a manner adverb to skip."""
    text = "The two sides disagree on Libya, with Italy backing the Libyan army."
    assert ("ITA", "LBY") in _pairs(text, "support")


# -- "X-led" acts as objects -------------------------------------------------------------------


def test_support_for_a_led_war_goes_to_its_leader_not_the_place():
    """ "support for the Egyptian-led war in Libya": Egypt's war is backed, not Libya."""
    pairs = _pairs("Congress voted to halt French support for the Egyptian-led war in Libya.")
    assert ("FRA", "EGY") in pairs
    assert ("FRA", "LBY") not in pairs


def test_leader_of_talks_is_not_made_a_target_by_the_led_act_rule():
    """Only hostile acts after "X-led" belong to X: "the Egyptian-led talks" are no war."""
    assert ("ITA", "EGY") not in _pairs("Italy welcomed the Egyptian-led talks on Libya.")


# -- counted relational nouns ------------------------------------------------------------------


def test_counted_allies_named_after_the_noun_are_allies_of_the_modifier():
    """ "Two U.S. allies, Oman and Kuwait, ...": the listed states are allies of the U.S."""
    pairs = _pairs("Two U.S. allies, Oman and Kuwait, stayed silent.", "alliance")
    assert ("OMN", "USA") in pairs or ("USA", "OMN") in pairs
    assert ("KWT", "USA") in pairs or ("USA", "KWT") in pairs


def test_counted_members_named_after_the_noun_are_members_of_the_organisation():
    """ "two NATO members, Spain and Greece": both belong to NATO."""
    pairs = _pairs("At least two NATO members, Spain and Greece, opposed the plan.", "alliance")
    assert ("ESP", "NATO") in pairs or ("NATO", "ESP") in pairs


def test_uncounted_relational_noun_takes_no_name_after_its_comma():
    """ "U.S. allies, Russia said, are worried": without a count ("two allies") the name
    after the comma opens a parenthetical, not a list of the allies."""
    pairs = _pairs("U.S. allies, Russia said on Monday, are worried.", "alliance")
    assert not any("RUS" in pair for pair in pairs)


# -- coordinated verb groups with adverbs --------------------------------------------------------


def test_coordinated_verb_group_with_long_been_shares_the_first_subject():
    """ "Iran has backed Venezuela's government and has long been at odds with Washington":
    Iran, not the possessor Venezuela, is at odds with the United States."""
    text = "Iran has backed Venezuela's government and has long been at odds with Washington."
    pairs = _pairs(text)
    assert ("IRN", "USA") in pairs
    assert ("VEN", "USA") not in pairs


def test_new_subject_after_and_keeps_its_own_verb_group():
    """ "Iran backs Caracas and Cuba has long been at odds with Washington": Cuba, not Iran."""
    text = "Iran backs Caracas, and Cuba has long been at odds with Washington."
    pairs = _pairs(text)
    assert ("IRN", "USA") not in pairs


def test_enemy_after_a_fighting_participle_is_not_the_one_supported():
    """ "to support local militias battling the Taliban": the Taliban are not supported."""
    text = "Britain sent advisers to support local militias battling the Taliban."
    assert ("GBR", "TALIBAN") not in _pairs(text, "support")


def test_firms_doing_business_still_lead_to_the_country_they_deal_with():
    """The participle rule is for hostile participles only: sanctions on firms doing
    business with Iran still target Iran."""
    text = "Britain imposed sanctions on companies doing business with Iran."
    assert ("GBR", "IRN") in _pairs(text, "sanction")


# -- lists of demonyms ---------------------------------------------------------------------------


def test_list_of_demonyms_before_an_act_names_every_doer():
    """ "U.S., British and French strikes on Syria": all three strike, not only France."""
    pairs = _pairs("Iran condemned U.S., British and French strikes on Libya.", "hostility")
    assert {("USA", "LBY"), ("GBR", "LBY"), ("FRA", "LBY")} <= pairs


def test_demonym_does_not_join_a_name_after_and():
    """ "Russian gas sales and Turkish strikes": the gas seller is no striker."""
    pairs = _pairs("Iran criticised Russian gas sales and Turkish strikes on Syria.", "hostility")
    assert ("TUR", "SYR") in pairs
    assert ("RUS", "SYR") not in pairs


# -- frames from the paraphrase matrix (tests/authoring/test_paraphrase.py) ----------------------


def test_agent_of_a_passive_realising_verb_does_the_noun_subject():
    """ "A defence pact with Oman was signed by Qatar": the pact is Qatar's."""
    assert ("OMN", "QAT") in {
        tuple(sorted(p)) for p in _pairs("A defence pact with Oman was signed by Qatar.")
    }


def test_agent_of_a_passive_verb_about_the_event_is_no_doer():
    """ "Sanctions on Iraq were criticised by Egypt": Egypt criticises, it sanctions nobody."""
    assert ("EGY", "IRQ") not in _pairs("Sanctions on Iraq were criticised by Egypt.", "sanction")


def test_owner_of_a_subject_noun_is_the_target_of_a_passive():
    """ "Bases used by the Taliban were bombed by Pakistan": the Taliban are bombed."""
    text = "Bases used by the Taliban were bombed by Pakistan on Friday."
    assert ("PAK", "TALIBAN") in _pairs(text, "hostility")


def test_owner_after_an_actor_subject_is_not_the_subject():
    """ "Egypt, using bases held by France, attacked Libya": Egypt attacks, France does not."""
    pairs = _pairs("Egypt, using bases held by France, attacked Libya.", "hostility")
    assert ("FRA", "LBY") not in pairs


def test_fronted_participle_clause_takes_the_main_subject():
    """ "After blacklisting Huawei, Canada said ...": Canada blacklisted the firm."""
    text = "After blacklisting Huawei, Canada said further steps would follow."
    assert ("CAN", "HUAWEI") in _pairs(text, "sanction")


def test_fronted_clause_with_its_own_subject_keeps_it():
    """ "After Egypt sanctioned Libya, Tunisia said ...": Egypt sanctioned, not Tunisia."""
    pairs = _pairs("After Egypt sanctioned Libya, Tunisia said it was worried.", "sanction")
    assert ("EGY", "LBY") in pairs
    assert ("TUN", "LBY") not in pairs


def test_subject_set_off_with_as_well_as_joins_the_subject():
    """ "Spain, as well as Portugal, sanctioned Cuba": both sanction."""
    pairs = _pairs("Spain, as well as Portugal, sanctioned Cuba.", "sanction")
    assert {("ESP", "CUB"), ("PRT", "CUB")} <= pairs


def test_as_well_as_after_an_object_does_not_make_a_subject():
    """ "Spain sanctioned Cuba, as well as Venezuela": Venezuela is sanctioned, not a doer."""
    pairs = _pairs("Spain sanctioned Cuba, as well as Venezuela, last year.", "sanction")
    assert ("VEN", "CUB") not in pairs


def test_dash_apposition_after_the_subject_is_skipped():
    """ "Qatar - a small emirate - backed Hamas": the subject is Qatar, the dashes no hyphen."""
    text = "Qatar - a small emirate with a large fund - backed Hamas."
    assert ("QAT", "HAMAS") in _pairs(text, "support")


def test_hyphen_compound_is_no_dash_apposition():
    """ "Iran-backed militias attacked Israel": the hyphen still makes an adjective."""
    pairs = _pairs("Iran-backed militias attacked Israel.", "support")
    assert ("IRN", "ISR") not in pairs


def test_including_after_an_unnamed_object_names_the_target():
    """ "sanctioned 12 firms, including Gazprom": the firm named is sanctioned."""
    text = "Canada sanctioned 12 firms, including Gazprom, on Friday."
    assert ("CAN", "GAZPROM") in _pairs(text, "sanction")


def test_including_after_a_named_object_adds_no_target():
    """ "sanctioned Venezuela's allies, including ..." keeps the named object; an actor named
    before the comma is the object, not the list after it."""
    text = "Canada sanctioned Venezuela, including officials close to Cuba."
    pairs = _pairs(text, "sanction")
    assert ("CAN", "VEN") in pairs
    assert ("CAN", "CUB") not in pairs


def test_parenthetical_speech_tag_keeps_the_subject_before_it():
    """ "Egypt, officials said, struck Libya": Egypt strikes; the officials only speak."""
    assert ("EGY", "LBY") in _pairs("Egypt, officials said, launched air strikes on Libya.")
