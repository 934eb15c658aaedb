"""Support and alliance read from hyphenated participles ("Iranian-backed", "Turkey-allied"):
which actor the participle qualifies (a named group after a nationality, a coalition's
leaders, a possessor, a copular subject), which it does not (an event such as talks), and
which kind "-allied" gives. Sentences are written for these tests, with other actors."""

from __future__ import annotations

from tests.authoring.coding import coded_pairs

# -- "-allied" is an alliance, "-backed" and "-aligned" support ------------------------------


def test_hyphen_allied_is_an_alliance_not_support():
    pairs = coded_pairs("Russia-allied Syrian troops shelled the village.")
    assert ("RUS", "alliance", "SYR") in pairs
    assert ("RUS", "support", "SYR") not in pairs


def test_hyphen_aligned_stays_support():
    pairs = coded_pairs("Iran-aligned militiamen of Kataib Hezbollah fired rockets.")
    assert ("IRN", "support", "KATAIB_HEZBOLLAH") in pairs


# -- which actor the participle qualifies --------------------------------------------------


def test_named_group_after_a_nationality_is_the_backed_one():
    """ "the Iranian-backed Afghan militia group Fatemiyoun": Iran backs Fatemiyoun."""
    pairs = coded_pairs("The Iranian-backed Afghan militia group Fatemiyoun lost men.")
    assert ("IRN", "support", "FATEMIYOUN") in pairs
    assert ("IRN", "support", "AFG") not in pairs


def test_nationality_alone_is_still_the_backed_one():
    assert ("TUR", "support", "SYR_OPP") in coded_pairs("Turkish-backed Syrian rebels advanced.")


def test_leaders_of_a_backed_coalition_are_backed():
    pairs = coded_pairs("A French-backed regional force led by Chad and Niger pushed north.")
    assert {("FRA", "support", "TCD"), ("FRA", "support", "NER")} <= pairs


def test_demonym_before_coalition_names_the_backed_state():
    pairs = coded_pairs("A raid by the U.S.-backed Saudi coalition hit a market.")
    assert ("USA", "support", "SAU") in pairs


def test_possessor_before_an_adjective_is_backed():
    pairs = coded_pairs("Lebanon's elite British-trained border regiment guards the frontier.")
    assert ("GBR", "support", "LBN") in pairs


def test_copular_subject_is_backed():
    assert ("IRN", "support", "HOUTHIS") in coded_pairs(
        "The Houthis are an Iranian-backed movement from the north."
    )
    assert ("QAT", "support", "HAMAS") in coded_pairs(
        "Hamas, which is a Qatari-backed group, spoke."
    )


def test_copular_subject_that_is_no_actor_gives_nothing():
    assert coded_pairs("The proposal is a Saudi-backed compromise.") == set()


def test_talks_named_after_a_country_are_no_backed_actor():
    """ "the UN-backed Libya talks": the talks are backed; Libya only names them."""
    assert coded_pairs("The UN-backed Libya talks resumed in Geneva.") == set()


def test_coalition_led_by_unnamed_leaders_gives_nothing():
    assert coded_pairs("Russian-backed forces led by mercenaries advanced.") == set()


# -- verbs and nouns --------------------------------------------------------------------------


def test_helping_an_actor_win_back_ground_is_support():
    pairs = coded_pairs("Beijing helped Pyongyang weather the famine.")
    assert ("CHN", "support", "PRK") in pairs


def test_helping_two_parties_reach_a_deal_is_no_support():
    assert not any(
        k == "support"
        for _, k, _ in coded_pairs("Norway helped Colombia and the rebels reach a deal.")
    )


def test_entering_a_war_on_someones_side_is_support():
    pairs = coded_pairs("In 1917 the United States entered the war on the side of Britain.")
    assert ("USA", "support", "GBR") in pairs


def test_ardent_supporter_is_support():
    pairs = coded_pairs("Ankara has been an ardent supporter of the Qatari emir.")
    assert ("TUR", "support", "QAT") in pairs


def test_critical_ally_is_an_alliance():
    pairs = coded_pairs("Georgia remains a critical ally of Washington.")
    assert ("GEO", "alliance", "USA") in pairs


def test_support_given_to_someone_named_first_is_support():
    """ "has given Belgrade crucial support": the double object names who is supported."""
    assert ("RUS", "support", "SRB") in coded_pairs("Moscow has given Belgrade crucial support.")


def test_support_given_to_no_actor_gives_nothing():
    assert coded_pairs("The ruling gave the government support for its plan.") == set()
