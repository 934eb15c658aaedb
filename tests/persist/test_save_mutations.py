"""Damaged, truncated and edited saves: only a `SaveError` or a verified load, never a traceback.

Each example takes a real saved game, damages it one way, and loads it. The load must either
raise `SaveError` (naming a key or a turn) or give back a game whose every state hash is the
original's: never any other exception, and never a silently different game. Edits are tried both
as they are (the checksum catches them) and re-signed with a fresh checksum, as a careful editor
would, so that the deeper checks (types, orders, re-run hashes) are exercised too.
"""

from __future__ import annotations

import functools
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.persist.errors import SaveError
from game.persist.format import checksum, dumps
from game.persist.save import loads_game, record_to_save
from tests.persist.games import played

_SOURCE = re.escape("game.json")


@functools.cache
def original() -> tuple[str, tuple[str, ...]]:
    record = played(1234, 4)
    return dumps(record_to_save(record)), record.hashes


def check_outcome(data: str | bytes) -> None:
    """Load `data`: a SaveError that names the file, or a game identical to the original."""
    _text, hashes = original()
    try:
        loaded = loads_game(data, "game.json")
    except SaveError as exc:
        assert re.match(rf"^{_SOURCE}: \S", str(exc)), str(exc)
        return
    assert loaded.record.hashes == hashes


def resigned(raw: dict) -> str:
    raw = dict(raw)
    raw["checksum"] = checksum(raw)
    return json.dumps(raw)


_SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


@_SETTINGS
@given(cut=st.floats(0.0, 1.0, exclude_max=True))
def test_truncated_saves(cut: float) -> None:
    """A save cut short anywhere before its last brace is a SaveError."""
    text, _ = original()
    at = int(len(text) * cut)
    if text[at:].strip():
        with pytest.raises(SaveError):
            loads_game(text[:at], "game.json")
    else:  # only the final newline went
        check_outcome(text[:at])


@_SETTINGS
@given(data=st.data())
def test_flipped_bytes(data: st.DataObject) -> None:
    """Flipping bits of one to three bytes gives a SaveError or the very same game."""
    raw = bytearray(original()[0].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] ^= data.draw(st.integers(1, 255))
    check_outcome(bytes(raw))


def _paths(value: object, prefix: tuple = ()) -> list[tuple]:
    """Every key path and list index path inside a JSON value."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            found.append((*prefix, key))
            found.extend(_paths(inner, (*prefix, key)))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found.append((*prefix, i))
            found.extend(_paths(inner, (*prefix, i)))
    return found


def _parent(raw: dict, path: tuple) -> object:
    node: object = raw
    for step in path[:-1]:
        node = node[step]  # type: ignore[index]
    return node


_REPLACEMENTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "RUS host_talks SYR,SYR_OPP theatre=IDLIB",
            "USA impose_sanctions IRN entities=40 scope=blacklist",
            "XXX denounce USA",
            "IRN accept P1",
            "0" * 64,
            "f" * 64,
            "RUS host_talk",
        ]
    ),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@_SETTINGS
@given(data=st.data(), resign=st.booleans())
def test_deleted_keys_and_items(data: st.DataObject, resign: bool) -> None:
    """Deleting any key or list item gives a SaveError or the very same game."""
    raw = json.loads(original()[0])
    path = data.draw(st.sampled_from(_paths(raw)))
    del _parent(raw, path)[path[-1]]  # type: ignore[attr-defined]
    check_outcome(resigned(raw) if resign else json.dumps(raw))


@_SETTINGS
@given(data=st.data(), resign=st.booleans())
def test_replaced_values(data: st.DataObject, resign: bool) -> None:
    """Replacing any value (orders, hashes, seed, rules...) gives a SaveError or the same game."""
    raw = json.loads(original()[0])
    path = data.draw(st.sampled_from(_paths(raw)))
    _parent(raw, path)[path[-1]] = data.draw(_REPLACEMENTS)  # type: ignore[index]
    check_outcome(resigned(raw) if resign else json.dumps(raw))


@_SETTINGS
@given(data=st.data())
def test_changed_orders_are_caught_at_their_turn(data: st.DataObject) -> None:
    """Swapping two turns' orders, or dropping an order, is caught (re-signed or not)."""
    raw = json.loads(original()[0])
    turns = raw["orders"]
    k = data.draw(st.integers(0, len(turns) - 1))
    if turns[k] and data.draw(st.booleans()):
        turns[k].pop(data.draw(st.integers(0, len(turns[k]) - 1)))
    else:
        other = data.draw(st.integers(0, len(turns) - 1))
        turns[k], turns[other] = turns[other], turns[k]
    check_outcome(resigned(raw))


def test_changed_hash_names_its_turn() -> None:
    """A wrong hash after turn 3 (re-signed) is reported as `turn 3: state hash mismatch`."""
    raw = json.loads(original()[0])
    raw["hashes"][2] = "0" * 64
    with pytest.raises(SaveError, match=r"^game\.json: turn 3: state hash mismatch"):
        loads_game(resigned(raw), "game.json")


def test_unknown_actor_in_an_order_names_the_order() -> None:
    """An order by an actor the scenario lacks is reported at `orders[k][j]`."""
    raw = json.loads(original()[0])
    raw["orders"][1].insert(0, "XXX denounce USA")
    with pytest.raises(SaveError, match=r"^game\.json: orders\[1\]\[0\]: turn 2: 'XXX'"):
        loads_game(resigned(raw), "game.json")


def test_foreign_seed_is_caught_before_turn_one() -> None:
    """Another seed (re-signed) re-runs to other states; the first mismatch is named."""
    raw = json.loads(original()[0])
    raw["seed"] += 1
    with pytest.raises(SaveError, match=r"^game\.json: (initial_hash|turn \d+): "):
        loads_game(resigned(raw), "game.json")
