"""Casebook: military (support, de-escalation zones, offensives, withdrawal)."""

from __future__ import annotations

import numpy as np

from game.engine.legal import why_illegal
from game.rules.orders import Order
from tests.casebook.builder import actor, pair, rel, run, theatre, world

_QUIET_DRIFT = {"drift": {"control_rate": 0.0}}


def _syria(zone="none", guarantors=(), humans=(), seed=1, **extra):
    return world(
        actor("RUS", mil=90),
        actor("TUR", mil=70),
        actor("GOV", mil=40),
        actor("REB", "armed_group", mil=30),
        actor("FAR", mil=10),
        relations=[
            rel("alliance", "RUS", "GOV"),
            rel("support", "TUR", "REB", 0.6),
            rel("hostility", "GOV", "REB"),
            rel("cooperation", "RUS", "TUR", 0.3),
        ],
        theatres=[
            theatre(
                "IDLIB", {"GOV": 0.4, "REB": 0.6}, violence=0.7, zone=zone, guarantors=guarantors
            )
        ],
        humans=humans,
        seed=seed,
        **extra,
    )


def test_support_1_support_arms_the_client_and_fuels_the_fighting():
    """SUPPORT-1: supporting a client raises support, the client's military and the violence
    of its contested theatre."""
    state = _syria()
    after, _ = run(state, "RUS support_client GOV level=2")
    base, _ = run(state)
    assert pair(after, "support", "RUS", "GOV") > pair(base, "support", "RUS", "GOV")
    assert after.capabilities[2, 0] > base.capabilities[2, 0]
    assert after.violence[0] > base.violence[0]


def test_support_2_needs_a_military():
    """SUPPORT-2: an actor with a token military cannot support a client."""
    state = _syria()
    assert "too small" in why_illegal(state, Order.parse("FAR support_client GOV level=1"))


def test_zone_1_needs_a_guarantor_on_each_side():
    """ZONE-1: a de-escalation zone needs a guarantor on each side."""
    state = _syria()
    assert "each side" in why_illegal(state, Order.parse("RUS establish_zone IDLIB,GOV"))
    assert why_illegal(state, Order.parse("RUS establish_zone IDLIB,TUR")) is None


def test_zone_2_an_accepted_zone_is_active_and_guaranteed():
    """ZONE-2: a zone the other side's guarantor accepts is active with both guarantors."""
    state = _syria()
    after, events = run(state, "RUS establish_zone IDLIB,TUR")
    assert after.zone[0].value == "active", [e.text for e in events]
    assert after.guarantors[0, 0] == 1 and after.guarantors[0, 1] == 1


def test_zone_3_violence_falls_in_a_guaranteed_zone():
    """ZONE-3: violence falls faster in a zone guaranteed from both sides than outside one."""
    guarded = _syria(zone="active", guarantors=("RUS", "TUR"))
    open_ = _syria()
    for _ in range(3):
        guarded, _ = run(guarded)
        open_, _ = run(open_)
    assert guarded.violence[0] < open_.violence[0] - 0.1


def test_zone_4_guaranteeing_joins_the_guarantors():
    """ZONE-4: a state may join the guarantors of a standing zone, once."""
    state = _syria(zone="active", guarantors=("RUS", "TUR"))
    after, _ = run(state, "GOV guarantee_zone IDLIB")
    assert after.guarantors[0, 2] == 1
    assert "already guarantees" in why_illegal(after, Order.parse("GOV guarantee_zone IDLIB"))
    assert "no standing zone" in why_illegal(_syria(), Order.parse("GOV guarantee_zone IDLIB"))


def test_zone_5_an_offensive_breaks_the_zone():
    """ZONE-5: an offensive in a zone makes it failing and costs alignment with its guarantors."""
    state = _syria(zone="active", guarantors=("RUS", "TUR"))
    after, _ = run(state, "GOV offensive IDLIB")
    base, _ = run(state)
    assert after.zone[0].value in ("failing", "collapsed")
    assert pair(after, "alignment", "GOV", "TUR") < pair(base, "alignment", "GOV", "TUR")


def test_offensive_1_takes_ground_and_keeps_shares_whole():
    """OFF-1: an offensive either takes ground from the largest hostile holder or stalls; control
    shares still sum to 1, and the fighting raises violence."""
    outcomes = set()
    for seed in range(8):
        state = _syria(rules=_QUIET_DRIFT, seed=seed)
        after, events = run(state, "RUS offensive IDLIB")
        gained = after.control[0, 2] > state.control[0, 2]
        stalled = any("stalls" in e.text for e in events)
        assert gained != stalled
        outcomes.add(gained)
        assert np.isclose(after.control[0].sum(), 1.0)
        assert after.violence[0] > run(state)[0].violence[0]
    assert outcomes == {True, False}


def test_offensive_2_needs_forces_or_clients():
    """OFF-2: an actor with no forces and no clients in a theatre cannot attack there."""
    state = _syria()
    assert why_illegal(state, Order.parse("TUR offensive IDLIB")) is None  # backs REB
    assert "too small" in why_illegal(state, Order.parse("FAR offensive IDLIB"))
    outsider = world(
        actor("OUT", mil=90),
        actor("A"),
        actor("B"),
        relations=[rel("hostility", "A", "B")],
        theatres=[theatre("T", {"A": 0.5, "B": 0.5})],
    )
    assert "no forces or clients" in why_illegal(outsider, Order.parse("OUT offensive T"))


def test_withdraw_1_hands_ground_to_the_friendliest_holder():
    """WITHDRAW-1: a holder that withdraws hands its share to its friendliest co-holder."""
    state = world(
        actor("A"),
        actor("B"),
        actor("C"),
        relations=[rel("alliance", "A", "B"), rel("hostility", "A", "C")],
        theatres=[theatre("T", {"A": 0.3, "B": 0.3, "C": 0.4})],
        rules=_QUIET_DRIFT,
    )
    after, _ = run(state, "A withdraw T")
    assert after.control[0, 0] == 0
    assert np.isclose(after.control[0, 1], 0.6) and np.isclose(after.control[0].sum(), 1)


def test_withdraw_2_a_sole_holder_cannot_withdraw():
    """WITHDRAW-2: an actor holding all of a theatre has nobody to hand it to."""
    state = world(actor("A"), actor("B"), theatres=[theatre("T", {"A": 1.0})])
    assert "nobody to hand it to" in why_illegal(state, Order.parse("A withdraw T"))
