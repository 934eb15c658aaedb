"""Relations stated through noun phrases and fixed constructions: relational nouns and their
possessors, leaders of coalitions, exposure to sanctions, joint acts against a third party."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.dictionary import default_dictionaries
from game.authoring.mentions import _find_mentions
from game.authoring.text import tokenize
from tests.authoring.coding import coded_pairs

CODER = Coder(default_dictionaries())


def _statuses(text: str, kind: str) -> set[str]:
    return {e.status.value for e in CODER.code_text(text) if e.kind == kind}


# -- relational nouns --------------------------------------------------------------------------


def test_military_before_a_relational_noun_is_an_adjective_not_a_role():
    """ "Egypt's main military backer": the backer is the head, Egypt its possessor."""
    assert ("RUS", "support", "EGY") in coded_pairs(
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
    assert ("ARE", "alliance", "JOR") in coded_pairs("Jordan, the UAE's long-time ally, spoke.")
    assert ("JPN", "support", "PAK") in coded_pairs(
        "Japan, Pakistan's second-largest lender, said it would help."
    )


def test_title_and_person_give_the_actor_of_an_apposition():
    """ "Lebanese President Michel Aoun, an ally of Hezbollah": Lebanon."""
    assert ("HEZBOLLAH", "alliance", "LBN") in coded_pairs(
        "Lebanese President Michel Aoun, an ally of Hezbollah, spoke on Sunday."
    )


def test_their_common_foe_relates_the_subject_group_to_the_head():
    relations = coded_pairs("Jordan and Egypt share concerns about Hamas, their common enemy.")
    assert ("EGY", "hostility", "HAMAS") in relations
    assert ("HAMAS", "hostility", "JOR") in relations


def test_a_demonym_leading_a_coalition_names_its_leader_as_target():
    """ "fighting a Saudi-led coalition": the coalition's leader is the target."""
    assert ("HOUTHIS", "hostility", "SAU") in coded_pairs(
        "The Houthis, who have been fighting a Saudi-led coalition since 2015, fired missiles."
    )


def test_a_demonym_before_other_nouns_stays_weak():
    """ "a Saudi-owned channel" names nothing to fight."""
    assert coded_pairs("The Houthis have been fighting a Saudi-owned channel's reporters.") == set()


# -- exposure to sanctions -----------------------------------------------------------------------


def test_or_face_sanctions_threatens_every_member_of_the_subject_list():
    text = (
        "The European Union told Belarus and Hungary to change course by June or face "
        "sanctions themselves."
    )
    relations = coded_pairs(text)
    assert ("EU", "sanction", "BLR") in relations
    assert ("EU", "sanction", "HUN") in relations
    assert _statuses(text, "sanction") == {"threatened"}


def test_the_sanctioner_is_the_warner_when_the_phrase_names_none():
    assert ("USA", "sanction", "PAK") in coded_pairs(
        "Washington warned that Pakistan could face sanctions over the deal."
    )


def test_exposure_without_a_sanctioner_codes_nothing():
    assert coded_pairs("Pakistan could face sanctions over the deal.") == set()


def test_denied_exposure_codes_nothing():
    assert coded_pairs("Pakistan would not face U.S. sanctions, the envoy said.") == set()


def test_expose_takes_the_exposed_party_from_the_object():
    relations = coded_pairs("The purchase could expose Islamabad to American sanctions.")
    assert relations == {("USA", "sanction", "PAK")}


# -- joining acts --------------------------------------------------------------------------------


def test_backing_a_boycott_is_taking_part_in_it_not_supporting_its_target():
    relations = coded_pairs("Egypt backed the Saudi-led boycott of Qatar.")
    assert ("EGY", "sanction", "QAT") in relations
    assert ("SAU", "sanction", "QAT") in relations
    assert ("EGY", "support", "QAT") not in relations


def test_being_urged_to_join_an_act_is_not_joining_it():
    relations = coded_pairs("Israel urged Europe to join the U.S. campaign against Tehran.")
    assert ("IRN", "hostility", "USA") in relations  # symmetric kinds are sorted
    assert not any(r[1] == "hostility" and "ISR" in (r[0], r[2]) for r in relations)


# -- joint acts against a third party ------------------------------------------------------------


def test_fighting_alongside_against_makes_both_hostile_to_the_third():
    relations = coded_pairs(
        "Kurdish fighters fought alongside French troops against Islamic State."
    )
    assert ("FRA", "hostility", "ISIS") in relations


def test_against_in_a_later_clause_does_not_join_the_earlier_act():
    """ "Iran, which backs Hezbollah, protested against Israel": Hezbollah did not protest."""
    relations = coded_pairs("Iran, which backs Hezbollah, protested against Israel on Monday.")
    assert ("HEZBOLLAH", "hostility", "ISR") not in relations


def test_against_without_an_actor_codes_no_hostility():
    relations = coded_pairs("Egypt cooperated with Israel against smuggling in Sinai.")
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
    assert ("USA", "sanction", "PDVSA") in coded_pairs(
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
    assert ("IRQ", "cooperation", "JOR") in coded_pairs(
        "Jordan has close ties with the government in Baghdad."
    )


# -- hyphenated modifiers ----------------------------------------------------------------------


def test_hyphenated_name_modifies_the_actor_after_it():
    """ "the Tehran-aligned Hezbollah group": Hezbollah is the target, Iran backs it."""
    got = coded_pairs("Israeli jets struck the Iran-aligned Hezbollah group near the border.")
    assert ("HEZBOLLAH", "hostility", "ISR") in got  # symmetric kinds are sorted
    assert ("IRN", "support", "HEZBOLLAH") in got
    assert ("IRN", "hostility", "ISR") not in got


def test_hyphenated_name_with_a_second_modifier_modifies_the_head():
    """ "the Moscow-backed Syrian army" as a subject is the army, not Russia."""
    tokens = tokenize("the U.S.-backed Kurdish YPG militia")
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    assert (mentions[0].actor, mentions[0].kind) == ("USA", "demonym")
    assert ("TUR", "hostility", "YPG") in coded_pairs(
        "Turkish artillery shelled the U.S.-backed Kurdish YPG militia on Monday."
    )


def test_hyphenated_name_without_a_named_head_still_names_its_actor():
    """ "Iran-backed militias" names no other actor, so Iran stays a target."""
    tokens = tokenize("Israel struck Iran-backed militias.")
    mentions, _ = _find_mentions(tokens, default_dictionaries())
    assert [(m.actor, m.kind) for m in mentions if m.actor] == [("ISR", "name"), ("IRN", "name")]


def test_name_before_based_is_a_place():
    """ "a London-based monitor" is no British actor: nothing is drafted for Britain."""
    got = coded_pairs("The London-based monitoring group said Russian jets struck the rebels.")
    assert not any("GBR" in (a, t) for a, _k, t in got)


# -- arms transfers ----------------------------------------------------------------------------


def test_arms_transfer_to_a_state_is_a_deal():
    """Weapons supplied or sold to a state: a deal in the arms sector, not support."""
    assert ("DEU", "deal", "EGY") in coded_pairs(
        "Germany, which supplies weapons to Cairo, said so."
    )
    events = CODER.code_text("France has sold Qatar fighter jets and helicopters.")
    assert [(e.kind, e.sector) for e in events] == [("deal", "arms")]


def test_arms_transfer_to_an_armed_group_is_support():
    """Weapons supplied to an armed group: support, not a deal."""
    got = coded_pairs("Tehran has supplied the Houthis with rockets for years.")
    assert ("IRN", "support", "HOUTHIS") in got
    assert ("HOUTHIS", "deal", "IRN") not in got and ("IRN", "deal", "HOUTHIS") not in got


def test_transfer_of_other_goods_keeps_its_kind():
    """Food supplies are aid, not an arms deal; crude sales are a deal."""
    assert ("IRN", "support", "QAT") in coded_pairs("Iran offered to send food supplies to Qatar.")


# -- doers of purchases and other acts named by a construction ----------------------------------


def test_possessor_of_an_intent_noun_does_the_infinitive():
    """ "India's decision to buy American jets": India buys, not the speaker."""
    got = coded_pairs('"India\'s decision to buy American fighter jets is welcome," Paris said.')
    assert ("IND", "deal", "USA") in got
    assert ("FRA", "deal", "USA") not in got


def test_intent_noun_without_a_possessor_leaves_the_subject():
    """ "Egypt announced a plan to buy Russian jets": the subject, as before."""
    assert ("EGY", "deal", "RUS") in coded_pairs("Egypt announced a plan to buy Russian jets.")


def test_doer_of_for_gerund_is_the_actor_before_for():
    """ "penalties on a Turkish agency for buying Russian missiles": Turkey buys."""
    got = coded_pairs(
        "Washington imposed penalties on a Turkish military agency for buying Russian missiles."
    )
    assert ("RUS", "deal", "TUR") in got
    assert ("RUS", "deal", "USA") not in got


def test_for_gerund_after_a_clause_break_has_no_doer_before_it():
    """ "..., for buying ...": the comma ends the search; the subject buys."""
    got = coded_pairs("Qatar paid a high price in 2017, for buying French jets.")
    assert ("FRA", "deal", "QAT") in got


# -- membership ------------------------------------------------------------------------------


def test_membership_of_a_military_alliance_is_an_alliance():
    """ "fellow NATO member Denmark" and "a member of NATO": the member is the alliance's ally."""
    assert ("DNK", "alliance", "NATO") in coded_pairs(
        "Norway and fellow NATO member Denmark held drills on Tuesday."
    )
    assert ("CAN", "alliance", "NATO") in coded_pairs("Canada, a member of NATO, sent troops.")


def test_membership_of_other_bodies_and_unnamed_bodies_is_not_drafted():
    """OPEC membership states no relation; "a valued member" names no alliance, even when an
    alliance's chief says it."""
    assert not coded_pairs("Iraq, an OPEC member, raised output.")
    assert not any(
        k == "alliance"
        for _a, k, _t in coded_pairs("NATO chief Jens Stoltenberg said Norway was a valued member.")
    )


def test_maker_named_by_a_participle_is_the_seller():
    """ "buy 40 of the helicopters, made by Airbus": a deal with the maker."""
    got = coded_pairs("Kuwait plans to buy 30 of the helicopters, made by Airbus, next year.")
    assert ("AIRBUS", "deal", "KWT") in got


def test_participle_without_goods_names_no_seller():
    """ "bought time, helped by Iran": no goods were bought, so Iran sold nothing."""
    got = coded_pairs("Damascus bought time, helped by Iran.")
    assert not any(k == "deal" for _a, k, _t in got)


def test_two_alliance_allies_are_the_last_two_states_named():
    """ "the two NATO allies" after a sentence naming Spain and Italy, not the militia."""
    got = coded_pairs(
        "Spain and Italy argued over migrants. Madrid's support for a Libyan militia has strained "
        "ties between the two NATO allies."
    )
    assert ("ESP", "alliance", "ITA") in got


def test_state_forces_and_their_armed_group_allies_is_support():
    """ "Iranian troops and their Hezbollah allies": the state backs the armed group."""
    got = coded_pairs("Iranian troops and their Hezbollah allies advanced on the town.")
    assert ("IRN", "support", "HEZBOLLAH") in got


def test_allies_of_an_armed_group_or_of_a_state_are_not_support():
    """Only a state and an armed group: "Britain and its French allies" is no backing."""
    got = coded_pairs("Britain and its French allies were absent.")
    assert not any(k == "support" for _a, k, _t in got)


def test_arms_given_to_a_state_keep_the_kind_of_their_pattern():
    """ "provide Riyadh with arms, intelligence and logistical support" is aid: support."""
    got = coded_pairs("Washington provides Riyadh with arms, intelligence and logistical support.")
    assert ("USA", "support", "SAU") in got
    assert ("SAU", "deal", "USA") not in got


def test_sellers_without_a_buyer_are_no_parties_to_a_deal():
    """ "Paris and Rome supply the alliance with drones": nothing between Paris and Rome."""
    got = coded_pairs("Paris and Rome supply the alliance with drones.")
    assert ("FRA", "deal", "ITA") not in got


def test_signed_agreement_on_traded_goods_is_a_deal():
    """ "signed a gas agreement" trades gas: a deal in the energy sector, not an accord."""
    events = CODER.code_text("Azerbaijan and Turkey signed a gas agreement in 2011.")
    assert [(e.kind, e.sector) for e in events] == [("deal", "energy")]


def test_signed_political_agreement_stays_cooperation():
    """ "a security accord" trades nothing: cooperation."""
    assert ("QAT", "cooperation", "TUR") in coded_pairs(
        "Turkey signed a security accord with Qatar."
    )


def test_partners_listed_after_including_are_the_firms():
    """ "agreements with Chinese companies, including Huawei and ZTE": the firms, not China."""
    events = CODER.code_text(
        "Total signed agreements with Chinese companies, including Huawei and ZTE."
    )
    targets = {t for e in events for t in e.targets}
    assert {"HUAWEI", "ZTE"} <= targets
    assert "CHN" not in targets


def test_sanctioned_firms_listed_after_including_leave_the_country():
    """ "sanctions on Chinese firms, including Huawei": China is sanctioned, as gold lists say."""
    assert ("USA", "sanction", "CHN") in coded_pairs(
        "Washington imposed sanctions on Chinese firms, including Huawei and ZTE."
    )


def test_equipping_a_state_with_weapons_is_support():
    """ "supply the Iraqi army with weapons": equipping an army is support, not a sale."""
    got = coded_pairs("Tehran has offered to supply the Iraqi army with weapons.")
    assert ("IRN", "support", "IRQ") in got
    assert ("IRN", "deal", "IRQ") not in got


def test_agreement_signed_by_a_firm_is_a_deal():
    """ "Rosatom and Jordan signed agreements": a firm binds itself commercially."""
    events = CODER.code_text("Rosatom and Jordan signed the final agreements on Monday.")
    assert [e.kind for e in events] == ["deal"]


def test_generic_armed_groups_name_no_actor_alone():
    """ "support for armed groups across the region" names no Syrian rebels; "Kurdish armed
    groups" are still the demonym's group."""
    assert not coded_pairs("Qatar has long backed armed groups across the region.")
    assert ("TUR", "hostility", "YPG") in coded_pairs("Turkey shelled Kurdish armed groups.")


def test_breach_of_sanctions_names_the_sanctioned_destination():
    """ "oil to Syria in breach of EU sanctions": the EU sanctions Syria."""
    got = coded_pairs(
        "Greek police seized a tanker carrying fuel to Syria in breach of EU sanctions."
    )
    assert ("EU", "sanction", "SYR") in got


def test_defying_a_law_that_threatens_sanctions_is_no_breach():
    """The sanctions must be what is defied, not a word later in a relative clause."""
    got = coded_pairs("Ankara bought the jets, defying a French law that threatens sanctions.")
    assert ("FRA", "sanction", "TUR") not in got


# -- regional role defaults --------------------------------------------------------------------


def test_regional_role_default_needs_its_actor_named_in_the_article():
    """Bare "government forces" are Syria's in a Syria story, nobody's in a Libya story."""
    libya = coded_pairs(
        "Egypt has armed eastern commanders in Libya. "
        "Emirati drones struck government forces south of Tripoli."
    )
    assert not any("SYR" in (a, t) for a, _, t in libya)
    syria = coded_pairs(
        "Russia sent more jets to Syria last week. "
        "Hezbollah fighters fought alongside government forces near Hama."
    )
    assert ("HEZBOLLAH", "support", "SYR") in syria


def test_non_regional_role_default_holds_without_its_actor_named():
    """ "the regime" keeps its default: only rows marked `regional` need their actor named."""
    assert ("IRN", "support", "SYR") in coded_pairs("Iran supports the regime with oil.")


# -- hyphenated backers ------------------------------------------------------------------------


def test_hyphen_backer_supports_the_possessor_of_an_actorless_head():
    """ "Libya's Turkish-backed government" is Libya's government: Turkey backs Libya, not the
    party the government then accuses."""
    got = coded_pairs("Libya's Turkish-backed government accused Egypt of arming its enemies.")
    assert ("TUR", "support", "LBY") in got
    assert ("TUR", "support", "EGY") not in got


def test_hyphen_backer_does_not_reach_past_the_verb_of_its_noun_phrase():
    """ "Russian-backed fighters shelled Ukrainian positions": the backed are the fighters."""
    got = coded_pairs("Russian-backed fighters shelled Ukrainian positions overnight.")
    assert not any(kind == "support" for _, kind, _ in got)


def test_hyphen_backer_reads_an_of_phrase_and_an_actor_head():
    """The backed actor may follow a generic noun and "of", or be the head itself."""
    assert ("IRN", "support", "PMF") in coded_pairs(
        "Iran-backed paramilitaries of the Popular Mobilisation Forces entered the city."
    )
    assert ("SAU", "support", "YEM") in coded_pairs(
        "Saudi-backed Yemeni forces retook the port on Friday."
    )


def test_hyphen_backer_supports_the_examples_a_generic_head_names():
    """ "Turkish-backed factions such as the Hamza Division": the examples are the backed."""
    got = coded_pairs(
        "Analysts blamed Russian-backed groups such as the Wagner Group for the attack."
    )
    assert ("RUS", "support", "WAGNER") in got


def test_a_country_after_out_of_is_a_place_left_not_a_target():
    """ "to push foreign fighters out of Libya": Libya is left, nobody fights it."""
    got = coded_pairs("Cairo vowed to push foreign fighters out of Libya.")
    assert not any("LBN" in (a, t) for a, _, t in got)
    assert ("EGY", "hostility", "ISIS") in coded_pairs("Egypt drove Islamic State out of Libya.")


# -- co-backers --------------------------------------------------------------------------------


def test_co_backers_after_alongside_share_only_a_support_event():
    """ "alongside" adds backers to a support coded before it, never to other kinds, and a
    companion that is already a party adds nothing."""
    assert coded_pairs("Qatar funds Hamas, alongside its aid to Gaza.") == {
        ("QAT", "support", "HAMAS")
    }
    condemned = coded_pairs("Riyadh condemned Tehran alongside Abu Dhabi.")
    assert not any(kind == "support" for _, kind, _ in condemned)
    assert ("ARE", "support", "IRN") not in condemned


def test_a_participle_between_owner_and_trigger_keeps_the_trigger_a_noun():
    """ "Egypt's planned purchase of Russian jets": Egypt buys; the clause's subject, which
    objected to it, does not."""
    events = CODER.code_text("Washington objected to Egypt's planned purchase of Russian jets.")
    deals = [(e.rule, e.actors, e.targets) for e in events if e.kind == "deal"]
    assert deals == [("deal.goods_noun", ("EGY",), ("RUS",))]


# -- flagged vessels and business acts ---------------------------------------------------------


def test_a_flag_state_before_a_vessel_is_the_party_an_act_is_against():
    """ "seized a British-flagged tanker": the flag state is hit; a flagged ship at rest, or a
    company owned by nationals of a state, names no party."""
    assert ("GBR", "hostility", "IRGC") in coded_pairs(
        "The Revolutionary Guards seized a British-flagged oil tanker near the strait."
    )
    assert ("HOUTHIS", "hostility", "SAU") in coded_pairs(
        "Houthi fighters struck a Saudi-owned cargo ship off the coast."
    )
    assert coded_pairs("A Greek-flagged tanker docked in Piraeus on Monday.") == set()
    assert coded_pairs("Iranian buyers bought a Japanese-owned company.") == set()


def test_sanctions_that_hit_a_party_are_sanctions_not_attacks():
    """ "hit by rounds of US sanctions": the passive agent is the sanctioning state."""
    assert ("USA", "sanction", "IRN") in coded_pairs(
        "Iran, which has been hit by several rounds of U.S. sanctions, asked for talks."
    )
    assert not any(
        k == "hostility"
        for _, k, _ in coded_pairs(
            "Iran, which has been hit by several rounds of U.S. sanctions, asked for talks."
        )
    )


def test_a_trade_war_is_a_sanction_relation_between_both_sides():
    assert ("CHN", "sanction", "USA") in coded_pairs(
        "Markets fell on fears of a trade war between China and the United States."
    )
    assert coded_pairs("Markets fell on fears of a trade war.") == set()


def test_removal_from_a_blacklist_ends_a_sanction_and_is_no_attack():
    text = "Washington removed Cuba from its list of state sponsors of terrorism."
    assert ("USA", "sanction", "CUB") in coded_pairs(text)
    assert _statuses(text, "sanction") == {"ended"}
    assert not any(k == "hostility" for _, k, _ in coded_pairs(text))


def test_talks_over_a_stake_or_purchase_are_a_planned_deal_other_talks_cooperation():
    assert ("IND", "deal", "ROSNEFT") in coded_pairs(
        "Rosneft is in talks with Indian Oil over a stake in the refinery."
    )
    assert _statuses("Rosneft is in talks with Indian Oil over a stake.", "deal") == {"planned"}
    talks = coded_pairs("Kuwait held talks with Oman over the gas debt and the border.")
    assert ("KWT", "cooperation", "OMN") in talks
    assert not any(k == "deal" for _, k, _ in talks)


def test_a_firm_leaving_a_country_ends_a_deal_troops_leaving_do_not():
    """ "wind down its business in Iran": the country after "in" is the market left."""
    text = "Siemens said it would wind down its business in Venezuela."
    assert ("SIEMENS", "deal", "VEN") in coded_pairs(text)
    assert _statuses(text, "deal") == {"ended"}
    assert not any(k == "deal" for _, k, _ in coded_pairs("Russian troops pulled out of Syria."))
    assert coded_pairs("Shell halted work at the plant after the storm.") == set()


def test_deal_verb_after_an_armed_unit_is_a_deployment():
    """ "Russian troops operating in Libya": no deal with Libya; "Eni, operating in Libya": one."""
    troops = CODER.code_text("Russian troops operating in Libya came under fire.")
    assert not any(e.kind in ("deal", "cooperation") for e in troops)
    firm = CODER.code_text("Lukoil has plans to work in Iran.")
    assert [(e.kind, e.actors, e.targets) for e in firm] == [("deal", ("LUKOIL",), ("IRN",))]


def test_two_states_in_apposition_to_nato_allies_are_allied_to_each_other():
    """ "Greece and Turkey, NATO allies, ..." is an alliance between the two, not membership."""
    events = CODER.code_text("Talks between Greece and Turkey, NATO allies, stalled again.")
    alliances = [(set(e.actors), e.targets) for e in events if e.kind == "alliance"]
    assert alliances == [({"GRC", "TUR"}, ())]
    member = CODER.code_text("Turkey, a NATO member, bought Russian missiles.")
    assert ("alliance", ("TUR",), ("NATO",)) in {(e.kind, e.actors, e.targets) for e in member}


# -- trade under a restrictive measure ---------------------------------------------------------


def test_restricted_trade_warning_against_purchases_is_no_deal_of_the_warner():
    """ "Japan cautioned its partners against purchases of Chinese drones": Japan buys
    nothing from China."""
    pairs = coded_pairs("Japan has cautioned its partners against purchases of Chinese drones.")
    assert ("CHN", "deal", "JPN") not in pairs


def test_restricted_trade_an_end_to_sales_is_no_deal_of_the_caller():
    """ "Germany called for an end to arms sales to Egypt": Germany sells nothing to Egypt."""
    pairs = coded_pairs("Germany called for an end to arms sales to Egypt.")
    assert ("DEU", "deal", "EGY") not in pairs


def test_restricted_trade_keeps_a_trader_named_inside_the_measure():
    """ "protested against French arms sales to Qatar": France still sells to Qatar."""
    pairs = coded_pairs("Israel protested against French arms sales to Qatar.")
    assert ("FRA", "deal", "QAT") in pairs
    assert ("ISR", "deal", "QAT") not in pairs


def test_restricted_trade_does_not_touch_a_plain_sale():
    """Without a measure before it, a sale is the subject's deal."""
    assert ("FRA", "deal", "QAT") in coded_pairs("France agreed to sell fighter jets to Qatar.")


# -- accords of several parties -----------------------------------------------------------------


def test_topic_of_a_joint_accord_is_no_party_to_it():
    """A country whose constitution or talks a joint accord is about is not a party: the
    parties cooperate with each other instead."""
    pairs = coded_pairs(
        "The heads of France, Germany and Italy announced that a deal had been reached on the "
        "members of a panel charged with drafting Libya's new constitution."
    )
    assert not {p for p in pairs if "LBY" in p}
    assert ("DEU", "cooperation", "FRA") in pairs
    assert ("DEU", "cooperation", "ITA") in pairs
    pairs = coded_pairs("China, Pakistan and Egypt will meet ahead of Yemen talks.")
    assert not {p for p in pairs if "YEM" in p}
    assert ("CHN", "cooperation", "PAK") in pairs


def test_topic_of_a_joint_accord_keeps_a_named_party():
    """ "with Libya's government" names a party: the accord relates it."""
    pairs = coded_pairs("Russia and Turkey signed an agreement with Libya's government.")
    assert ("LBY", "cooperation", "RUS") in pairs
    assert ("LBY", "cooperation", "TUR") in pairs


def test_joiners_of_an_accord_are_not_paired_with_each_other():
    """Two states that will join an existing pact each join its parties, not each other."""
    pairs = coded_pairs("Officials expect that Sudan and Oman will later join the agreement.")
    assert ("OMN", "cooperation", "SDN") not in pairs


def test_joint_drills_relate_every_participant():
    """Drills or "joint" acts with several partners are one act of all of them."""
    pairs = coded_pairs("China held joint naval drills with Russia and Pakistan.")
    assert ("PAK", "cooperation", "RUS") in pairs
    assert ("CHN", "cooperation", "PAK") in pairs


def test_talks_with_a_list_relate_each_partner_only_with_the_host():
    """ "held talks with Iraq and Jordan" may be two talks: Iraq and Jordan are not paired."""
    pairs = coded_pairs("Egypt held talks with Iraq and Jordan.")
    assert ("EGY", "cooperation", "IRQ") in pairs
    assert ("IRQ", "cooperation", "JOR") not in pairs


def test_civil_war_names_where_it_is_fought_not_a_side():
    """ "the Libyan civil war" is fought in Libya; Libya is no side against Egypt."""
    pairs = coded_pairs("The two differ on the Libyan civil war, with Egypt backing the army.")
    assert not {p for p in pairs if p[1] == "hostility"}
    assert not {p for p in coded_pairs("Yemen's civil war has killed thousands.")}


def test_a_war_against_a_named_enemy_is_still_hostility():
    """Only "civil" makes the modifier a place: "the war against Islamic State" has sides."""
    assert ("ISIS", "hostility", "PKK") in coded_pairs(
        "The PKK joined the civil war against Islamic State."
    )


def test_members_listed_after_two_alliance_members_pair_no_earlier_states():
    """ "two NATO members, Spain and Italy," names its members after the phrase: the states
    named before it are not the pair."""
    pairs = coded_pairs(
        "Poland and Hungary criticised the plan, and at least two NATO members, Spain and "
        "Italy, said they would not follow."
    )
    assert ("HUN", "alliance", "POL") not in pairs


def test_two_alliance_members_after_their_names_are_still_a_pair():
    """ "Greece and Turkey, the two NATO allies," still pairs the two states."""
    assert ("GRC", "alliance", "TUR") in coded_pairs(
        "Greece and Turkey, the two NATO allies, have long quarrelled over Cyprus."
    )


def test_a_deal_for_cooperation_in_a_field_is_an_accord_not_a_trade():
    """ "a deal for military cooperation", signed at a meeting of defence ministers, trades
    nothing: cooperation, not a deal."""
    pairs = coded_pairs(
        "Oman and Egypt signed a deal for military cooperation at a meeting of their defence "
        "ministers."
    )
    assert ("EGY", "cooperation", "OMN") in pairs
    assert ("EGY", "deal", "OMN") not in pairs


def test_a_cooperation_deal_that_names_goods_stays_a_deal():
    """When the sentence names what is traded (jets), the deal is a deal."""
    pairs = coded_pairs(
        "Egypt and Russia signed a deal on military cooperation to supply MiG-29 fighter jets."
    )
    assert ("EGY", "deal", "RUS") in pairs


def test_own_forces_after_a_verb_name_no_other_target():
    """ "Iran should remove its forces from Iraq", reported by an American: "its" is Iran's,
    so the reporter is no target."""
    pairs = coded_pairs(
        "U.S. envoy Mike Pompeo said on Monday that Iran should remove its forces from Iraq."
    )
    assert not {p for p in pairs if "USA" in p and "IRN" in p}


def test_its_before_another_noun_may_still_name_the_target():
    """ "supported its territorial integrity" after naming Iraq is Iraq's integrity."""
    assert ("RUS", "support", "IRQ") in coded_pairs(
        "Moscow regards Iraq as a friendly country and supported its territorial integrity."
    )


def test_agent_of_a_modifier_after_the_target_wages_no_war():
    """ "a war against Houthi rebels backed by Tehran": Tehran backs the rebels only."""
    pairs = coded_pairs(
        "The two states have waged a war in support of the Yemeni government against Houthi "
        "rebels backed by Tehran."
    )
    assert ("HOUTHIS", "hostility", "IRN") not in pairs
    assert ("IRN", "support", "HOUTHIS") in pairs


def test_agent_of_the_trigger_itself_is_still_the_source():
    """The trigger's own passive keeps its agent: "were attacked on Sunday by Turkey"."""
    assert ("HOUTHIS", "hostility", "SAU") in coded_pairs(
        "The Houthis were attacked by Saudi jets."
    )


def test_a_worsening_relation_between_two_states_is_rivalry_not_cooperation():
    """ "relations between A and B have deteriorated": the two are at odds, not cooperating."""
    pairs = coded_pairs("Relations between Canada and India have deteriorated sharply since June.")
    assert ("CAN", "rivalry", "IND") in pairs
    assert ("CAN", "cooperation", "IND") not in pairs


def test_a_relation_not_said_to_worsen_stays_cooperation():
    """A worsening word in another clause ("but trade has worsened") leaves the ties alone."""
    pairs = coded_pairs(
        "Officials praised the warm relations between Canada and India, but trade has worsened."
    )
    assert ("CAN", "cooperation", "IND") in pairs
    assert not any(kind == "rivalry" for _, kind, _ in pairs)


def test_agreements_signed_with_several_partners_pair_each_with_the_signer():
    """ "signed agreements with A and B": one accord per partner, A and B not bound."""
    pairs = coded_pairs("Qatar signed agreements with Oman and Kuwait on Monday.")
    assert {("OMN", "cooperation", "QAT"), ("KWT", "cooperation", "QAT")} <= pairs
    assert ("KWT", "cooperation", "OMN") not in pairs


def test_one_agreement_signed_with_several_partners_binds_all_of_them():
    """ "signed an agreement with A and B" may be one accord of all three: every pair."""
    pairs = coded_pairs("Qatar signed an agreement with Oman and Kuwait on Monday.")
    assert ("KWT", "cooperation", "OMN") in pairs


def test_back_after_a_verb_is_a_particle_not_support():
    """ "urged A to fight back against the sanctions by B": no support of B."""
    pairs = coded_pairs("Egypt urged Jordan to fight back against the new sanctions by Britain.")
    assert not any(kind == "support" for _, kind, _ in pairs)


def test_backing_an_act_is_still_support_of_its_maker():
    """The verb "to back" keeps its meaning where no particle verb precedes it."""
    assert ("JOR", "support", "GBR") in coded_pairs(
        "Egypt urged Jordan to back the new sanctions by Britain."
    )
