"""Casebook: the menu rules (who a move may name), backlash, the acceptance rule's sanction
risk, and what a preview shows of self-harm.

Each MENU case pins one restriction of a target set: the order's `why_illegal` gives the
reason, and `legal_orders` leaves the order out. The tehran-2017 cases check the menus a player
sees at the start of the shipped scenario.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from game.engine.legal import legal_orders, why_illegal
from game.engine.preview import preview
from game.engine.setup import new_game
from game.rules.orders import Order
from game.rules.proposals import acceptance
from game.scenario.load import load_scenario
from game.scenario.model import Agenda, Objective, ObjectiveKind
from tests.casebook.builder import actor, issue, pair, rel, run, theatre, treaty, world

TEHRAN = Path(__file__).resolve().parents[2] / "scenarios" / "tehran-2017.toml"


def _legal(state, text: str) -> bool:
    order = Order.parse(text)
    return why_illegal(state, order) is None and order in legal_orders(state, order.actor)


def _civil_war(**extra):
    """GOV fights REB at home (GOV's legitimacy is contested); FAR is an uncontested state."""
    return world(
        actor("A"),
        actor("GOV"),
        actor("REB", "armed_group"),
        actor("FAR"),
        relations=[rel("hostility", "GOV", "REB", 0.8), rel("cooperation", "A", "FAR", 0.4)],
        theatres=[theatre("T", {"GOV": 0.6, "REB": 0.4}, country="GOV")],
        **extra,
    )


@pytest.fixture(scope="module")
def tehran():
    return new_game(load_scenario(TEHRAN), seed=7)


def test_menu_1_uncontested_states_are_not_recognised_or_unrecognised():
    """MENU-1: a state cannot recognise or withdraw recognition of an uncontested state."""
    state = _civil_war()
    reason = why_illegal(state, Order.parse("A withdraw_recognition FAR"))
    assert "legitimacy is not in question" in reason
    assert not _legal(state, "A withdraw_recognition FAR")


def test_menu_2_contested_governments_and_armed_groups_are():
    """MENU-2: a government with a rival claimant at home, and an armed group, are open to
    recognition and its withdrawal."""
    state = _civil_war()
    assert _legal(state, "A withdraw_recognition GOV")
    assert _legal(state, "A recognise REB")


def test_menu_3_partners_are_not_denounced():
    """MENU-3: an actor does not denounce a partner (alignment at least denounce_max_alignment)."""
    state = _civil_war()
    assert "partners are not denounced" in why_illegal(state, Order.parse("A denounce FAR"))


def test_menu_4_denounce_only_actors_you_have_a_stake_in():
    """MENU-4: denounce only actors related to you, at odds with a partner, or holding ground."""
    state = world(
        actor("A"),
        actor("P"),
        actor("FOE"),
        actor("STRANGER"),
        actor("REB", "armed_group"),
        relations=[rel("cooperation", "A", "P", 0.6), rel("hostility", "P", "FOE", 0.6)],
        theatres=[theatre("T", {"P": 0.5, "REB": 0.5})],
    )
    assert "nothing to do with" in why_illegal(state, Order.parse("A denounce STRANGER"))
    assert _legal(state, "A denounce FOE")  # the enemy of a partner
    assert _legal(state, "A denounce REB")  # holds ground in a theatre


def test_menu_5_firms_are_sanctioned_not_denounced():
    """MENU-5: firms are not denounced."""
    firm = attrs.evolve(actor("OIL", "firm"), parent="FOE")
    state = world(actor("A"), actor("FOE"), firm, relations=[rel("hostility", "A", "FOE")])
    assert "not denounced" in why_illegal(state, Order.parse("A denounce OIL"))


def test_menu_6_sanctions_only_on_adversaries_and_their_firms():
    """MENU-6: sanctions name states, firms or armed groups at odds with you or your partners
    (and their firms), never organisations, your own firms or your partners' firms."""
    own = attrs.evolve(actor("MINE", "firm"), parent="A")
    theirs = attrs.evolve(actor("OIL", "firm"), parent="FOE")
    friends = attrs.evolve(actor("PARTNER_OIL", "firm"), parent="P")
    state = world(
        actor("A"),
        actor("P"),
        actor("FOE"),
        actor("NEUTRAL"),
        actor("ORG", "organisation"),
        own,
        theirs,
        friends,
        relations=[
            rel("cooperation", "A", "P", 0.6),
            rel("hostility", "P", "FOE", 0.6),
            rel("rivalry", "A", "ORG", 0.2),
            rel("rivalry", "A", "NEUTRAL", 0.01),
        ],
    )
    assert _legal(state, "A impose_sanctions FOE scope=targeted")
    assert _legal(state, "A impose_sanctions OIL scope=targeted")
    assert "not organisations" in why_illegal(
        state, Order.parse("A impose_sanctions ORG scope=targeted")
    )
    for target in ("MINE", "PARTNER_OIL"):
        order = Order.parse(f"A impose_sanctions {target} scope=targeted")
        assert "not at odds" in why_illegal(state, order)
    assert _legal(state, "A impose_sanctions NEUTRAL scope=targeted")  # a (slight) rivalry


def test_menu_7_support_only_aligned_clients():
    """MENU-7: support goes only to clients at least support_min_alignment aligned with you."""
    state = _civil_war(rules={"military": {"support_min_alignment": 0.2}})
    reason = why_illegal(state, Order.parse("A support_client REB level=1"))
    assert "not aligned" in reason


def test_menu_8_a_patron_backs_one_side_of_a_war():
    """MENU-8: a state supporting one side of a war cannot also support its enemy there."""
    state = world(
        actor("A"),
        actor("GOV"),
        actor("REB", "armed_group"),
        relations=[
            rel("hostility", "GOV", "REB", 0.8),
            rel("support", "A", "REB", 0.8),
            rel("alliance", "A", "GOV", 0.5),
        ],
        theatres=[theatre("T", {"GOV": 0.6, "REB": 0.4})],
    )
    reason = why_illegal(state, Order.parse("A support_client GOV level=1"))
    assert "backs one side" in reason
    assert _legal(state, "A support_client REB level=1")


def test_menu_9_mediators_know_both_sides():
    """MENU-9: a mediator needs a relation with each side, unless that side holds ground."""
    state = world(
        actor("M"),
        actor("X"),
        actor("Y"),
        relations=[rel("rivalry", "X", "Y", 0.8), rel("cooperation", "M", "X", 0.4)],
    )
    assert "no relation with Y" in why_illegal(state, Order.parse("M mediate X,Y"))


def test_menu_10_statements_need_a_relation():
    """MENU-10: a joint statement needs a relation between the two (not mere neutrality)."""
    state = world(actor("A"), actor("B"), actor("C"), relations=[rel("cooperation", "A", "B")])
    assert _legal(state, "A joint_statement B")
    assert "no relation" in why_illegal(state, Order.parse("A joint_statement C"))


def test_menu_11_aid_goes_to_those_in_need():
    """MENU-11: aid only to economies below aid_max_economy and below the donor's."""
    state = world(
        actor("D", eco=60),
        actor("POOR", eco=20),
        actor("RICH", eco=80),
        relations=[rel("cooperation", "D", "POOR"), rel("cooperation", "D", "RICH")],
    )
    assert _legal(state, "D give_aid POOR size=small")
    assert "not in need" in why_illegal(state, Order.parse("D give_aid RICH size=small"))


def test_menu_12_deals_only_between_business_partners():
    """MENU-12: deals need trade or a friendly relation, and no state deals with its own firm."""
    own = attrs.evolve(actor("MINE", "firm"), parent="A")
    state = world(actor("A"), actor("B"), actor("C"), own, relations=[rel("cooperation", "A", "B")])
    params = "sector=trade value=1 duration=12"
    assert _legal(state, f"A propose_deal B {params}")
    assert "do no business" in why_illegal(state, Order.parse(f"A propose_deal C {params}"))
    assert "its own firm" in why_illegal(state, Order.parse(f"A propose_deal MINE {params}"))


def test_menu_13_strategic_deals_flow_downhill_to_partners():
    """MENU-13: arms go to partner states with weaker militaries, nuclear technology to partner
    states with smaller economies."""
    state = world(
        actor("SELLER", mil=80, eco=80),
        actor("SMALL", mil=30, eco=30),
        actor("BIG", mil=90, eco=90),
        actor("COOL", mil=30, eco=30),
        actor("FOE"),
        relations=[
            rel("alliance", "SELLER", "SMALL", 0.5),
            rel("alliance", "SELLER", "BIG", 0.5),
            rel("cooperation", "SELLER", "COOL", 0.2),
            rel("hostility", "FOE", "SMALL", 0.6),
            rel("hostility", "FOE", "BIG", 0.6),
            rel("hostility", "FOE", "COOL", 0.6),
        ],
    )
    arms = "sector=arms value=1 duration=12"
    nuclear = "sector=nuclear value=1 duration=12"
    assert _legal(state, f"SELLER propose_deal SMALL {arms}")
    assert _legal(state, f"SELLER propose_deal SMALL {nuclear}")
    assert "buys no arms" in why_illegal(state, Order.parse(f"SELLER propose_deal BIG {arms}"))
    reason = why_illegal(state, Order.parse(f"SELLER propose_deal BIG {nuclear}"))
    assert "buys no nuclear" in reason
    assert "only for partners" in why_illegal(
        state, Order.parse(f"SELLER propose_deal COOL {arms}")
    )


def test_menu_18_arms_go_to_those_who_need_them():
    """MENU-18: arms are sold only to a buyer with an enemy (alignment below -0.3) or holding
    ground in a theatre."""
    state = world(
        actor("SELLER", mil=80),
        actor("THREATENED", mil=30),
        actor("SAFE", mil=30),
        actor("FOE"),
        relations=[
            rel("alliance", "SELLER", "THREATENED", 0.5),
            rel("alliance", "SELLER", "SAFE", 0.5),
            rel("hostility", "THREATENED", "FOE", 0.6),
        ],
    )
    arms = "sector=arms value=1 duration=12"
    assert _legal(state, f"SELLER propose_deal THREATENED {arms}")
    reason = why_illegal(state, Order.parse(f"SELLER propose_deal SAFE {arms}"))
    assert "no need of arms" in reason


def test_menu_14_a_small_economy_cannot_carry_a_large_deal():
    """MENU-14: a deal is worth at most deal_max_value_per_economy $bn per economy point of
    the smaller party."""
    state = world(actor("A"), actor("B", eco=8), relations=[rel("cooperation", "A", "B")])
    assert _legal(state, "A propose_deal B sector=trade value=1 duration=12")
    reason = why_illegal(state, Order.parse("A propose_deal B sector=trade value=5 duration=12"))
    assert "too large" in reason


def test_menu_15_congresses_on_issues_you_care_about():
    """MENU-15: one convenes a congress only on an issue one has a stake in."""
    state = world(
        actor("C"),
        actor("X"),
        actor("Y"),
        issues=[issue("I", {"X": -1.0, "Y": 1.0})],
    )
    assert "no stake" in why_illegal(state, Order.parse("C convene_congress I"))


def test_menu_16_newcomers_care_about_the_agreement():
    """MENU-16: a newcomer joins an agreement only if it cares about its issue
    (salience at least join_min_salience)."""
    cares = issue("I", {"P": 1.0, "Q": 1.0, "IN": 1.0}, salience=0.8)
    aloof = attrs.evolve(cares, salience={"P": 0.8, "Q": 0.8, "IN": 0.8, "OUT": 0.1})
    state = world(
        actor("P"),
        actor("Q"),
        actor("IN"),
        actor("OUT"),
        agreements=[treaty("TR", ["P", "Q"], issue="I")],
        issues=[aloof],
    )
    assert _legal(state, "IN comply TR")
    assert "cares too little" in why_illegal(state, Order.parse("OUT comply TR"))


def test_cert_3_certifying_again_does_not_farm_progress():
    """CERT-3: certifying again while complying does not move the issue; only coming back into
    compliance does."""
    state = world(
        actor("P"),
        actor("Q"),
        agreements=[treaty("TR", ["P", "Q"], issue="I", stances={"Q": "decertified"})],
        issues=[issue("I", {"P": 1.0, "Q": 1.0})],
    )
    quiet, _ = run(state)
    again, _ = run(state, "P certify TR")
    restored, _ = run(state, "Q certify TR")
    assert again.progress[0] == pytest.approx(quiet.progress[0])
    assert restored.progress[0] > quiet.progress[0]


def test_backlash_1_denouncing_costs_the_targets_friends():
    """BACKLASH-1: denouncing an actor costs alignment with its friends too."""
    state = world(
        actor("A"),
        actor("T"),
        actor("F"),
        relations=[rel("rivalry", "A", "T", 0.2), rel("alliance", "T", "F", 0.8)],
    )
    base, _ = run(state)
    after, _ = run(state, "A denounce T")
    assert pair(after, "alignment", "A", "F") < pair(base, "alignment", "A", "F")


def test_backlash_2_withdrawing_recognition_of_a_partners_client_costs_the_partner():
    """BACKLASH-2: withdrawing recognition of a government its patron backs costs alignment
    with the patron, and the preview says so."""
    state = world(
        actor("A"),
        actor("GOV"),
        actor("REB", "armed_group"),
        actor("PATRON"),
        relations=[
            rel("hostility", "GOV", "REB", 0.8),
            rel("alliance", "A", "PATRON", 0.6),
            rel("alliance", "PATRON", "GOV", 0.8),
        ],
        theatres=[theatre("T", {"GOV": 0.6, "REB": 0.4}, country="GOV")],
    )
    order = Order.parse("A withdraw_recognition GOV")
    base, _ = run(state)
    after, _ = run(state, order)
    assert pair(after, "alignment", "A", "PATRON") < pair(base, "alignment", "A", "PATRON")
    shown = preview(state, order)
    assert [s[0] for s in shown.strained] == ["PATRON"]
    assert "strains ties with PATRON" in shown.summary


def test_backlash_3_sanctions_cost_the_targets_friends():
    """BACKLASH-3: sanctioning an actor costs alignment with its friends too."""
    state = world(
        actor("A"),
        actor("T"),
        actor("F"),
        relations=[rel("hostility", "A", "T", 0.6), rel("alliance", "T", "F", 0.8)],
    )
    base, _ = run(state)
    after, _ = run(state, "A impose_sanctions T scope=sectoral")
    assert pair(after, "alignment", "A", "F") < pair(base, "alignment", "A", "F")


def test_preview_2_leaving_an_agreement_your_agenda_wants_shows_the_loss():
    """PREVIEW-2: the preview of leaving an agreement one's agenda wants shows the agenda loss
    and the strained ties with the other parties."""
    agenda = Agenda(objectives=(Objective(ObjectiveKind.AGREEMENT, agreement="TR"),))
    state = world(
        actor("P", playable=True),
        actor("Q"),
        actor("R"),
        relations=[rel("alliance", "P", "Q", 0.5)],
        agreements=[treaty("TR", ["P", "Q", "R"])],
        agendas={"P": agenda},
    )
    shown = preview(state, Order.parse("P withdraw_from TR"))
    assert shown.agendas["P"] < 0
    assert [s[0] for s in shown.strained] == ["Q"]


def test_prop_9_sanction_risk_follows_the_addressees_friendships():
    """PROP-9: sanctions on a proposer deter an addressee friendly with the sanctioner, not one
    who has nothing to do with it; a firm answers as its parent state would."""
    oil = attrs.evolve(actor("OIL", "firm"), parent="BUYER")
    state = world(
        actor("SANCTIONER"),
        actor("PROPOSER"),
        actor("ALLY"),
        actor("BUYER"),
        oil,
        relations=[
            rel("sanction", "SANCTIONER", "PROPOSER", 1.0, scope="sectoral"),
            rel("alliance", "SANCTIONER", "ALLY", 0.9),
            rel("cooperation", "PROPOSER", "ALLY", 0.4),
            rel("cooperation", "PROPOSER", "BUYER", 0.4),
        ],
    )
    deal = "sector=energy value=1 duration=12"
    to_ally = acceptance(state, Order.parse(f"PROPOSER propose_deal ALLY {deal}"))
    to_buyer = acceptance(state, Order.parse(f"PROPOSER propose_deal BUYER {deal}"))
    to_firm = acceptance(state, Order.parse(f"PROPOSER propose_deal OIL {deal}"))
    assert dict(to_ally.terms)["sanctions"] < -0.3 and not to_ally.accepted
    assert dict(to_buyer.terms)["sanctions"] == 0.0 and to_buyer.accepted
    assert dict(to_firm.terms)["alignment"] == pytest.approx(0.2) and to_firm.accepted


def test_menu_17_tehran_menus_are_a_players_size(tehran):
    """MENU-17: at the start of tehran-2017 every seat has a few dozen to ~200 orders, with no
    recognition games over uncontested states and no denunciations of strangers."""
    for seat in ("RUS", "IRN", "TUR", "USA"):
        orders = legal_orders(tehran, seat)
        assert 30 <= len(orders) <= 200, (seat, len(orders))
        texts = {str(o) for o in orders}
        assert f"{seat} withdraw_recognition CHN" not in texts
        assert f"{seat} denounce FRA" not in texts or seat == "IRN"
    assert "TUR denounce FRA" not in {str(o) for o in legal_orders(tehran, "TUR")}


def test_prop_10_tehran_partners_accept_ordinary_offers(tehran):
    """PROP-10: in tehran-2017, Iran's energy deal to Russia and Russia's arms deal to Iran are
    accepted; Iran's energy deal to Germany (fearing US sanctions) and a Russian zone offer to
    the United States are not."""
    accepted = [
        "IRN propose_deal RUS sector=energy value=5 duration=60",
        "RUS propose_deal IRN sector=arms value=5 duration=60",
        "TUR propose_deal RUS sector=energy value=5 duration=12",
    ]
    refused = [
        "IRN propose_deal DEU sector=energy value=5 duration=60",
        "RUS establish_zone RAQQA,USA",
    ]
    for text in accepted:
        assert acceptance(tehran, Order.parse(text)).accepted, text
    for text in refused:
        assert not acceptance(tehran, Order.parse(text)).accepted, text


def test_withdraw_3_a_token_residue_of_support_is_no_presence():
    """WITHDRAW-3: a state that holds no ground and guarantees nothing in a theatre can withdraw
    from it only while its support of a fighter there is at least one support_step."""
    state = world(
        actor("P"),
        actor("GOV"),
        actor("REB", "armed_group"),
        relations=[rel("hostility", "GOV", "REB", 0.8), rel("support", "P", "GOV", 0.3)],
        theatres=[theatre("T", {"GOV": 0.6, "REB": 0.4})],
    )
    assert _legal(state, "P withdraw T")  # support 0.3
    once, _ = run(state, "P withdraw T")  # halved to 0.15 (less the turn's decay)
    twice, _ = run(once, "P withdraw T")
    assert pair(twice, "support", "P", "GOV") < 0.1
    assert "nothing in T to withdraw" in why_illegal(twice, Order.parse("P withdraw T"))
