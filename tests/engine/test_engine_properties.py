"""Property tests: random legal play never raises, keeps every array in range, and is
deterministic across processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.legal import legal_orders
from game.engine.rng import turn_rng, world_rng
from game.engine.setup import new_game
from game.engine.state import GameState, state_hash
from game.engine.turn import is_over, play_turn, resolve
from game.rules.orders import ActionKind, Order
from game.sim.worldgen import generate_scenario

ROOT = Path(__file__).resolve().parents[2]
TEHRAN = ROOT / "scenarios" / "tehran-2017.toml"


def check_ranges(state: GameState) -> None:
    """Every array of the state within its documented range."""
    assert np.all(np.abs(state.alignment) <= 1 + 1e-12)
    assert np.allclose(state.alignment, state.alignment.T)
    assert np.all(np.diag(state.alignment) == 0)
    for name in ("support", "sanctions", "trade", "violence", "progress", "restraint"):
        values = getattr(state, name)
        assert np.all((values >= -1e-12) & (values <= 1 + 1e-12)), name
    if state.control.size:
        assert np.allclose(state.control.sum(axis=1), 1.0)
        assert np.all(state.control >= -1e-12)
    assert np.all(state.capital >= 0)
    assert np.all((state.capabilities >= 0) & (state.capabilities <= 100))


def random_play(state: GameState, seed: int, turns: int, per_actor: int = 2) -> GameState:
    """Play `turns` turns where each playable seat picks random legal orders."""
    rng = world_rng(seed)
    for _ in range(turns):
        if is_over(state):
            break
        orders = []
        for actor in state.scenario.playable_ids:
            options = legal_orders(state, actor)
            if options:
                picks = rng.choice(len(options), size=min(per_actor, len(options)), replace=False)
                orders.extend(options[int(k)] for k in picks)
        state, _ = resolve(state, orders, turn_rng(state))
        check_ranges(state)
    return state


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    world_seed=st.integers(0, 10_000),
    game_seed=st.integers(0, 2**32 - 1),
    n=st.integers(5, 14),
    humans=st.booleans(),
)
def test_random_legal_play_on_generated_worlds_keeps_invariants(world_seed, game_seed, n, humans):
    """PROP-ENGINE-1: 24 turns of random legal orders on generated worlds never raise and keep
    every array in range."""
    scenario = generate_scenario(n, world_seed, n_playable=min(4, n - 2), n_theatres=3)
    seats = scenario.playable_ids[:1] if humans else ()
    state = new_game(scenario, seed=game_seed, humans=seats)
    check_ranges(state)
    state = random_play(state, game_seed, 24)
    assert state.turn == 24 and len(state.history) == 25


def _tehran():
    from game.scenario.load import load_scenario

    return load_scenario(TEHRAN)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(game_seed=st.integers(0, 2**32 - 1), play_seed=st.integers(0, 1000))
def test_random_legal_play_on_tehran_keeps_invariants(game_seed, play_seed):
    """PROP-ENGINE-2: 24 turns of random legal orders on tehran-2017 never raise and keep every
    array in range."""
    state = new_game(_tehran(), seed=game_seed, humans=("TUR",))
    state = random_play(state, play_seed, 24)
    assert state.turn == 24 and len(state.history) == 25


_KEYS = ("scope", "entities", "level", "sector", "value", "duration", "size", "bogus")
_VALUES = st.one_of(
    st.integers(-5, 200), st.sampled_from(["targeted", "arms", "small", "x", "1"]), st.floats(-1, 2)
)


@settings(max_examples=8, deadline=None)
@given(
    junk=st.lists(
        st.tuples(
            st.integers(0, 50),
            st.sampled_from(list(ActionKind)),
            st.lists(
                st.sampled_from(["S000", "S001", "O004", "THEATRE1", "AGR1", "ISSUE1", "P1", "ZZ"]),
                max_size=3,
            ),
            st.dictionaries(st.sampled_from(_KEYS), _VALUES, max_size=3),
        ),
        max_size=8,
    ),
    seed=st.integers(0, 99),
)
def test_arbitrary_orders_never_raise(junk, seed):
    """PROP-ENGINE-3: any well-formed Order, sensible or not, is applied or voided as an
    event; resolve, preview and why_illegal never raise."""
    from game.engine.legal import why_illegal
    from game.engine.preview import preview

    state = new_game(generate_scenario(6, seed, n_theatres=2), seed=seed, humans=("S001",))
    orders = [
        Order(state.actors[k % state.n], kind, tuple(targets), params)
        for k, kind, targets, params in junk
    ]
    for order in orders:
        reason = why_illegal(state, order)
        assert reason is None or isinstance(reason, str)
        assert preview(state, order).legal == (reason is None)
    after, events = resolve(state, orders, turn_rng(state))
    causes = {e.cause for e in events}
    assert all(str(order) in causes for order in orders)  # each one applied or voided, visibly
    check_ranges(after)


_REPLAY = """
import sys
from game.sim.worldgen import generate_scenario
from game.engine.setup import new_game
from game.engine.state import state_hash
from game.engine.turn import play_turn
from game.scenario.load import load_scenario
scenario = generate_scenario(20, 4) if sys.argv[1] == "generated" else load_scenario(sys.argv[1])
state = new_game(scenario, seed=99, humans=(scenario.playable_ids[1],))
for _ in range(6):
    state, _ = play_turn(state)
print(state_hash(state))
"""


@pytest.mark.parametrize("world", ["generated", "tehran"])
def test_same_seed_same_hash_in_two_processes(world):
    """DET-1: the same scenario, seed and orders give the same state_hash in two processes
    (different hash seeds), and the same as in this one."""
    arg = "generated" if world == "generated" else str(TEHRAN)
    hashes = set()
    for salt in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", _REPLAY, arg],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            env={"PYTHONHASHSEED": salt, "PATH": "", "PYTHONPATH": str(ROOT)},
        )
        assert done.returncode == 0, done.stderr
        hashes.add(done.stdout.strip())
    scenario = generate_scenario(20, 4) if world == "generated" else _tehran()
    state = new_game(scenario, seed=99, humans=(scenario.playable_ids[1],))
    for _ in range(6):
        state, _ = play_turn(state)
    assert hashes == {state_hash(state)}


def test_different_seeds_diverge():
    """DET-2: two seeds of the same world give different games (the seed matters)."""
    scenario = generate_scenario(20, 4, n_theatres=3)
    a, b = new_game(scenario, seed=1), new_game(scenario, seed=2)
    for _ in range(6):
        a, _ = play_turn(a)
        b, _ = play_turn(b)
    assert state_hash(a) != state_hash(b)


def test_play_turn_equals_resolve_with_a_fresh_rng():
    """DET-3: play_turn's turn is `resolve(state, its orders, turn_rng(state))`, the call a save
    replays: the seats' policy draws from the turn's `policy` stream, not the resolving rng."""
    from game.engine.policy import default_orders
    from game.engine.rng import split

    state = new_game(generate_scenario(12, 6, n_theatres=3), seed=5)
    for _ in range(3):
        played, _ = play_turn(state)
        orders = default_orders(state, split(turn_rng(state)).policy)
        assert orders  # the seats did act
        replayed, _ = resolve(state, orders, turn_rng(state))
        assert state_hash(played) == state_hash(replayed)
        state = played
