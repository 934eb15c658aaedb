"""Casebook: drift, the non-playable actors' background moves, scripted and chance events, the
ledger, and the turn clock."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from game.engine.rng import turn_rng
from game.engine.state import state_hash
from game.engine.turn import is_over, resolve
from game.scenario.model import Effect, EffectKind, EventSpec, Trigger, TriggerKind
from tests.casebook.builder import (
    actor,
    only,
    pair,
    rel,
    run,
    set_pair,
    theatre,
    treaty,
    world,
)


def test_drift_1_alignment_returns_towards_baseline():
    """DRIFT-1: alignment moves a share of the way back to its baseline each turn."""
    state = set_pair(world(actor("A"), actor("B")), "alignment", "A", "B", 0.5)
    after, _ = run(state)
    assert 0 < pair(after, "alignment", "A", "B") < 0.5
    assert np.isclose(pair(after, "alignment", "A", "B"), 0.5 * (1 - 0.05))


def test_drift_2_support_fuels_violence():
    """DRIFT-2: violence in a contested theatre rises with the support its fighters receive."""

    def violence(support):
        state = world(
            actor("G"),
            actor("R", "armed_group"),
            actor("P"),
            relations=[
                rel("hostility", "G", "R"),
                *([rel("support", "P", "R", support)] if support else []),
            ],
            theatres=[theatre("T", {"G": 0.5, "R": 0.5}, violence=0.3)],
        )
        return run(state)[0].violence[0]

    assert violence(1.0) > violence(0.0)


def test_drift_3_support_lapses_unless_renewed():
    """DRIFT-3: support decays each turn unless renewed."""
    state = world(actor("P"), actor("C"), relations=[rel("support", "P", "C", 0.5)])
    after, _ = run(state)
    assert pair(after, "support", "P", "C") < 0.5


def test_drift_4_sanctions_bite_trade():
    """DRIFT-4: sanctions between a pair erode its trade faster than trade alone decays."""
    open_ = world(actor("A"), actor("B"), relations=[rel("deal", "A", "B", 0.8)])
    shut = world(
        actor("A"),
        actor("B"),
        relations=[rel("deal", "A", "B", 0.8), rel("sanction", "A", "B", 1.0, scope="sectoral")],
    )
    assert pair(run(shut)[0], "trade", "A", "B") < pair(run(open_)[0], "trade", "A", "B")


def test_drift_5_a_failing_zone_collapses_under_fire():
    """DRIFT-5: a failing zone whose violence climbs past the collapse line collapses."""
    state = world(
        actor("G"),
        actor("R", "armed_group"),
        relations=[rel("hostility", "G", "R")],
        theatres=[theatre("T", {"G": 0.5, "R": 0.5}, violence=0.8, zone="failing")],
        rules={"drift": {"violence_base": 1.0}},
    )
    after, events = run(state)
    assert after.zone[0].value == "collapsed"
    assert any("collapsed" in e.text for e in events)


def _npc_world(**rules):
    return world(
        actor("SEAT", playable=True),
        actor("NPC", capital=20),
        actor("ALLY"),
        actor("CLIENT", "armed_group"),
        actor("FOE"),
        actor("RIVAL"),
        relations=[
            rel("alliance", "NPC", "ALLY"),
            rel("support", "ALLY", "CLIENT", 0.8),
            rel("cooperation", "NPC", "CLIENT", 0.3),
            rel("hostility", "CLIENT", "FOE"),
            rel("hostility", "NPC", "RIVAL"),
        ],
        theatres=[theatre("T", {"CLIENT": 0.5, "FOE": 0.5})],
        quiet=False,
        rules={
            "chance": {"incident_probability": 0, "thaw_probability": 0, "shock_probability": 0},
            **rules,
        },
    )


def test_bg_1_non_playable_states_back_their_allies_clients():
    """BG-1: a non-playable state backs its closest ally's client, and pays for it."""
    state = _npc_world()
    after, events = run(state)
    off, _ = run(_npc_world(background={"enabled": 0}))
    assert pair(after, "support", "NPC", "CLIENT") > pair(off, "support", "NPC", "CLIENT")
    assert after.capital[1] < off.capital[1]
    assert only(events, "background")


def test_bg_2_non_playable_states_sanction_their_worst_rival():
    """BG-2: a non-playable state with the economy for it sanctions its worst rival."""
    after, _ = run(_npc_world())
    assert pair(after, "sanctions", "NPC", "RIVAL") > 0
    assert pair(after, "sanctions", "SEAT", "RIVAL") == 0  # seats act only by orders


def _scripted(trigger, effects=None, **parts):
    spec = EventSpec(
        id="EV",
        name="Something happens",
        trigger=trigger,
        effects=effects or (Effect(EffectKind.SHIFT_ALIGNMENT, value=0.5, actor="A", target="B"),),
    )
    return world(
        actor("A"),
        actor("B"),
        actor("C", "armed_group"),
        relations=[rel("hostility", "A", "C")],
        theatres=[theatre("T", {"A": 0.5, "C": 0.5}, violence=0.6)],
        agreements=[treaty("PACT", ["A", "B"])],
        events=[spec],
        **parts,
    )


TRIGGERS = {
    "date": (Trigger(TriggerKind.DATE, date=dt.date(2017, 11, 1)), True),
    "date-later": (Trigger(TriggerKind.DATE, date=dt.date(2018, 1, 1)), False),
    "turn": (Trigger(TriggerKind.TURN, turn=1), True),
    "turn-later": (Trigger(TriggerKind.TURN, turn=2), False),
    "stability_below": (Trigger(TriggerKind.STABILITY_BELOW, value=100), True),
    "stability_above": (Trigger(TriggerKind.STABILITY_ABOVE, value=100), False),
    "violence_above": (Trigger(TriggerKind.VIOLENCE_ABOVE, theatre="T", value=0.3), True),
    "violence_above-not": (Trigger(TriggerKind.VIOLENCE_ABOVE, theatre="T", value=0.95), False),
    "agreement_status": (
        Trigger(TriggerKind.AGREEMENT_STATUS, agreement="PACT", status="active"),
        True,
    ),
    "alignment_below": (Trigger(TriggerKind.ALIGNMENT_BELOW, actor="A", target="C", value=0), True),
    "alignment_below-not": (
        Trigger(TriggerKind.ALIGNMENT_BELOW, actor="A", target="B", value=-0.5),
        False,
    ),
}


@pytest.mark.parametrize("case", sorted(TRIGGERS))
def test_event_1_each_trigger_kind_fires_when_it_holds(case):
    """EVENT-1: a scripted event fires on the turn its trigger holds, and not otherwise."""
    trigger, fires = TRIGGERS[case]
    after, events = run(_scripted(trigger))
    assert bool(only(events, "scripted")) == fires
    assert ("EV" in after.fired) == fires


EFFECTS = {
    "shift_alignment": (
        Effect(EffectKind.SHIFT_ALIGNMENT, value=0.5, actor="A", target="B"),
        lambda s: pair(s, "alignment", "A", "B") > 0.4,
    ),
    "shift_violence": (
        Effect(EffectKind.SHIFT_VIOLENCE, value=-0.6, theatre="T"),
        lambda s: s.violence[0] < 0.2,
    ),
    "set_agreement_status": (
        Effect(EffectKind.SET_AGREEMENT_STATUS, agreement="PACT", status="ended"),
        lambda s: s.agreement_status[0].value == "ended",
    ),
    "set_party_stance": (
        Effect(EffectKind.SET_PARTY_STANCE, agreement="PACT", actor="A", status="decertified"),
        lambda s: s.membership[0, 0] == 2,
    ),
    "set_zone_status": (
        Effect(EffectKind.SET_ZONE_STATUS, theatre="T", status="active"),
        lambda s: s.zone[0].value == "active",
    ),
    "impose_sanction": (
        Effect(EffectKind.IMPOSE_SANCTION, actor="A", target="B", value=0.7),
        lambda s: pair(s, "sanctions", "A", "B") > 0.6,
    ),
    "lift_sanction": (
        Effect(EffectKind.LIFT_SANCTION, actor="A", target="B"),
        lambda s: pair(s, "sanctions", "A", "B") == 0,
    ),
    "add_capital": (
        Effect(EffectKind.ADD_CAPITAL, actor="B", value=50),
        lambda s: s.capital[1] > 60,
    ),
    "shift_capability": (
        Effect(EffectKind.SHIFT_CAPABILITY, actor="B", capability="military", value=-30),
        lambda s: s.capabilities[1, 0] < 40,
    ),
    "news": (
        Effect(EffectKind.NEWS, text="Crowds gather."),
        lambda s: any("Crowds gather." in e.text for e in s.log if e.kind == "scripted"),
    ),
}


@pytest.mark.parametrize("case", sorted(EFFECTS))
def test_event_2_each_effect_kind_does_what_it_says(case):
    """EVENT-2: every effect kind of the closed vocabulary changes what it names."""
    effect, holds = EFFECTS[case]
    state = _scripted(Trigger(TriggerKind.TURN, turn=1), effects=(effect,))
    if case == "lift_sanction":
        state = set_pair(state, "sanctions", "A", "B", 0.5)
    after, _ = run(state)
    assert holds(after)


def test_event_3_once_means_once_and_probability_zero_never():
    """EVENT-3: a `once` event fires a single time; a repeating one fires while its trigger holds;
    probability 0 never fires."""
    trigger = Trigger(TriggerKind.STABILITY_BELOW, value=100)
    state = _scripted(trigger)
    for _ in range(3):
        state, _ = run(state)
    assert sum(e.kind == "scripted" for e in state.log) == 1

    spec = EventSpec(
        id="R",
        name="Again",
        trigger=trigger,
        once=False,
        effects=(Effect(EffectKind.NEWS, text="again"),),
    )
    never = EventSpec(
        id="N",
        name="Never",
        trigger=trigger,
        probability=0.0,
        effects=(Effect(EffectKind.NEWS, text="never"),),
    )
    state = world(actor("A"), actor("B"), events=[spec, never])
    for _ in range(3):
        state, _ = run(state)
    assert [e.cause for e in state.log if e.kind == "scripted"] == ["R", "R", "R"]


def test_chance_1_incidents_raise_violence():
    """CHANCE-1: with a certain incident, one theatre's violence jumps by the incident size."""

    def turn(p):
        state = world(
            actor("A"),
            actor("B"),
            theatres=[theatre("T", {"A": 1.0}, violence=0.0)],
            rules={"chance": {"incident_probability": p}},
        )
        return run(state)

    hot, events = turn(1.0)
    calm, _ = turn(0.0)
    assert only(events, "chance") and hot.violence[0] > calm.violence[0]


def test_chance_2_streams_do_not_shift_each_other():
    """CHANCE-2: adding a scripted event (one more draw) leaves the chance draws unchanged."""
    rules = {
        "chance": {"incident_probability": 0.5, "shock_probability": 0.5, "thaw_probability": 0.5}
    }
    plain = world(actor("A"), actor("B"), theatres=[theatre("T", {"A": 1.0})], rules=rules)
    extra = EventSpec(
        id="X",
        name="Noise",
        trigger=Trigger(TriggerKind.TURN, turn=99),
        probability=0.5,
        effects=(Effect(EffectKind.NEWS, text="x"),),
    )
    busier = world(
        actor("A"), actor("B"), theatres=[theatre("T", {"A": 1.0})], rules=rules, events=[extra]
    )
    for _ in range(5):
        plain, a = run(plain)
        busier, b = run(busier)
        assert [e.text for e in only(a, "chance")] == [e.text for e in only(b, "chance")]


def test_ledger_1_every_change_names_its_cause():
    """LEDGER-1: an order's score changes are written to the ledger under the order's text."""
    state = world(
        actor("A", playable=True),
        actor("B"),
        actor("C", "armed_group"),
        relations=[rel("hostility", "B", "C")],
        theatres=[theatre("T", {"B": 0.5, "C": 0.5}, violence=0.8)],
    )
    after, _ = run(state, "A host_talks B,C")
    causes = {entry.cause for entry in after.ledger}
    assert "A host_talks B,C" in causes and "drift" in causes
    assert all(entry.turn == 1 for entry in after.ledger)
    total = sum(e.delta for e in after.ledger if e.score == "stability")
    assert np.isclose(total, after.history[-1].stability - after.history[0].stability, atol=0.1)


def test_turn_1_clock_and_end():
    """TURN-1: each turn moves the date on by `months_per_turn`; the game ends at its limit."""
    state = world(actor("A"), actor("B"), turn_limit=2)
    state, _ = run(state)
    assert state.turn == 1 and state.date == dt.date(2017, 12, 1) and not is_over(state)
    state, _ = run(state)
    assert state.date == dt.date(2018, 1, 1) and is_over(state)
    assert len(state.history) == 3


def test_turn_2_resolve_changes_nothing_it_is_given():
    """TURN-2: resolve leaves its input state untouched and is repeatable."""
    state = world(actor("A"), actor("B"), relations=[rel("rivalry", "A", "B")], quiet=False)
    digest = state_hash(state)
    first, _ = resolve(state, [], turn_rng(state))
    second, _ = resolve(state, [], turn_rng(state))
    assert state_hash(state) == digest
    assert state_hash(first) == state_hash(second)


def test_event_4_a_date_trigger_gives_one_chance():
    """EVENT-4: a date trigger holds only on the first turn dated on or after its date, so even
    a repeating event fires once, and an unlucky draw is not retried."""
    spec = EventSpec(
        id="D",
        name="Dated",
        trigger=Trigger(TriggerKind.DATE, date=dt.date(2017, 12, 15)),
        once=False,
        effects=(Effect(EffectKind.NEWS, text="dated"),),
    )
    state = world(actor("A"), actor("B"), events=[spec])
    fired_on = []
    for _ in range(4):
        date = state.date
        state, events = run(state)
        if only(events, "scripted"):
            fired_on.append(date)
    assert fired_on == [dt.date(2018, 1, 1)]
