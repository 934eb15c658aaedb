"""The generated world: valid for the checker, deterministic in its seed, of every kind."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.check import Severity, check_text
from game.scenario.load import loads_scenario
from game.scenario.model import ActorKind, RelationKind
from game.scenario.save import dumps_scenario
from game.sim.worldgen import generate_scenario


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 25), st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_any_generated_world_passes_the_checker_and_round_trips(n, seed, playable):
    """Whatever the size and seed, the checker finds no error and the TOML loads back equal."""
    scenario = generate_scenario(n, seed, n_playable=playable)
    text = dumps_scenario(scenario)
    errors = [d for d in check_text(text) if d.severity is Severity.ERROR]
    assert errors == []
    assert loads_scenario(text) == scenario
    assert len(scenario.actors) == n
    assert len(scenario.playable_ids) == min(playable, n)
    assert set(scenario.agendas) == set(scenario.playable_ids)


def test_same_seed_same_world_other_seed_other_world():
    """The seed alone decides the world."""
    assert generate_scenario(30, 7) == generate_scenario(30, 7)
    assert generate_scenario(30, 7) != generate_scenario(30, 8)


def test_a_big_world_has_every_kind_of_actor_and_relation():
    """200 actors: states, armed groups, organisations, firms; all seven relation kinds."""
    scenario = generate_scenario(200, 0)
    assert {a.kind for a in scenario.actors} == set(ActorKind)
    assert {r.kind for r in scenario.relations} == set(RelationKind)
    assert len(scenario.agreements) >= 2 and len(scenario.events) >= 2
    assert len(scenario.theatres) >= 1 and len(scenario.issues) >= 1
    for theatre in scenario.theatres:
        assert sum(theatre.control.values()) == pytest.approx(1.0, abs=1e-9)


def test_a_big_world_has_no_checker_warnings():
    """Generated facts carry a source and refer only to known ids, so nothing is flagged."""
    assert check_text(dumps_scenario(generate_scenario(200, 3))) == []


def test_no_actors_is_an_error():
    """A world needs at least one actor."""
    with pytest.raises(ValueError, match="at least one actor"):
        generate_scenario(0, 1)
