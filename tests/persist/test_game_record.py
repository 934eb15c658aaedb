"""`GameRecord`: playing turns with AI seats filled in, and refusing turns a load could not redo."""

from __future__ import annotations

import numpy as np
import pytest

from game.engine.rng import turn_rng
from game.engine.state import state_hash
from game.engine.turn import resolve
from game.persist.format import dumps
from game.persist.record import GameRecord, record_from_orders
from game.persist.save import loads_game, record_to_save
from tests.persist.games import scenario


def test_play_turn_records_the_ai_seats_orders_and_reloads() -> None:
    """Turns played with default AI seats save every order, so a reload needs no AI."""
    record = GameRecord.start(scenario(), 5, ["USA"])
    for _ in range(3):
        record, _events = record.play_turn()
    assert all(any(o.actor != "USA" for o in turn) for turn in record.orders)
    assert not any(o.actor == "USA" for turn in record.orders for o in turn)
    loaded = loads_game(dumps(record_to_save(record)), "g.json")
    assert loaded.record.hashes == record.hashes


def test_play_turn_uses_given_orders_and_policies() -> None:
    """Given orders replace a seat's AI; a policy object chooses for its seat."""

    class Quiet:
        def choose(self, state: object, actor: str, rng: object) -> list:
            return []

    record = GameRecord.start(scenario(), 6, [])
    record, _ = record.play_turn({"RUS": []}, {"IRN": Quiet()})
    actors = {o.actor for o in record.orders[0]}
    assert "RUS" not in actors and "IRN" not in actors


def test_append_refuses_a_turn_resolved_with_a_used_generator() -> None:
    """A turn resolved with a generator other than a fresh turn_rng is refused."""
    record = GameRecord.start(scenario(), 9, [])
    for _ in range(4):  # find a turn whose random draws matter
        rng = turn_rng(record.state)
        rng.random()
        orders = ()
        wrong, _ = resolve(record.state, orders, rng)
        right, _ = resolve(record.state, orders, turn_rng(record.state))
        if state_hash(wrong) != state_hash(right):
            with pytest.raises(ValueError, match="does not re-run"):
                record.append(orders, wrong)
            return
        record = record.append(orders, right)
    pytest.fail("no turn drew random numbers; pick another seed")


def test_record_from_orders_rebuilds_the_game() -> None:
    """Re-running a record's orders gives the same hashes, and a record needs its first state."""
    record = GameRecord.start(scenario(), 12, ["TUR"])
    rng = np.random.default_rng(0)
    from game.persist.soak import random_orders

    for _ in range(3):
        record, _ = record.play(random_orders(record.state, rng))
    again = record_from_orders(scenario(), 12, ["TUR"], record.orders)
    assert again.hashes == record.hashes
    with pytest.raises(ValueError, match="first state"):
        GameRecord.from_state(record.state)


def test_reseed_forks_the_dice_and_the_save_replays_it() -> None:
    """A reseeded continuation (as `simulate --from SAVE` plays) saves and re-runs exactly."""
    base = GameRecord.start(scenario(), 40, [])
    for _ in range(2):
        base, _ = base.play_turn()
    same, other = base, base.reseed(41)
    for _ in range(2):
        same, _ = same.play_turn()
        other, _ = other.play_turn()
    assert other.state.seed == 41 and other.reseeds == ((2, 41),)
    assert other.hashes[:2] == same.hashes[:2] and other.hashes[2:] != same.hashes[2:]
    loaded = loads_game(dumps(record_to_save(other)), "g.json")
    assert loaded.record.hashes == other.hashes
    assert loaded.record.reseeds == ((2, 41),)
    assert other.rewind(1).reseeds == ()
    assert (
        loads_game(dumps(record_to_save(other.rewind(1))), "g.json").record.hashes
        == (same.hashes[:2])
    )
