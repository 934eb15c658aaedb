"""The one place random Generators are made: from the game seed and the turn number.

Every random draw in the game comes from a `numpy.random.Generator` derived here from
`SeedSequence([seed, turn])`, so a game is a pure function of (scenario, seed, orders). Inside a
turn the draws are split into named sub-streams (one per purpose) so that adding a draw in one
phase never shifts the numbers another phase sees.

Must not import: pygame, game.ui; nothing else in `game/` may call `np.random.default_rng`,
`np.random.Generator(...)` or any `np.random.<func>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from game.engine.state import GameState

STREAMS = ("chance", "policy", "events", "orders", "background")
"""The named sub-streams of a turn, in their fixed spawn order (append only, never reorder)."""

_PREVIEW_KEY = 0x5EED
"""The fixed key of the preview generator: previews must not depend on anything but the order."""


class Streams:
    """One turn's named random sub-streams, each made on first use.

    Attributes:
        chance: chance events (incidents, thaws, shocks).
        policy: the default policy's tie-breaks (AI seats and the non-playable actors).
        events: scripted events' probability draws.
        orders: draws made while applying orders (offensive outcomes...).
        background: the non-playable actors' vectorised behaviour.
    """

    def __init__(self, seq: np.random.SeedSequence) -> None:
        self._entropy = seq.entropy
        self._made: dict[str, np.random.Generator] = {}

    def _get(self, name: str) -> np.random.Generator:
        # Children are keyed by position, so the stream order is part of the format (STREAMS).
        if name not in self._made:
            child = np.random.SeedSequence(self._entropy, spawn_key=(STREAMS.index(name),))
            self._made[name] = np.random.default_rng(child)
        return self._made[name]

    chance = property(lambda self: self._get("chance"))
    policy = property(lambda self: self._get("policy"))
    events = property(lambda self: self._get("events"))
    orders = property(lambda self: self._get("orders"))
    background = property(lambda self: self._get("background"))


def turn_seed(seed: int, turn: int) -> np.random.SeedSequence:
    """The seed sequence of one turn: `SeedSequence([seed, turn])`."""
    return np.random.SeedSequence([int(seed) & 0xFFFFFFFFFFFFFFFF, int(turn)])


def turn_rng(state: GameState) -> np.random.Generator:
    """The Generator for resolving the coming turn of `state` (its seed, turn + 1)."""
    return np.random.default_rng(turn_seed(state.seed, state.turn + 1))


def streams(seed: int, turn: int) -> Streams:
    """The named sub-streams of turn `turn` of a game with `seed`."""
    return _spawn(turn_seed(seed, turn))


def split(rng: np.random.Generator) -> Streams:
    """Named sub-streams derived from `rng` by one draw of a 128-bit key.

    `resolve` receives one Generator; it calls this once, so each phase draws from its own stream
    and the phases never shift one another. The same `rng` state always gives the same streams.
    """
    key = rng.integers(0, 2**63, size=2, dtype=np.int64)
    return _spawn(np.random.SeedSequence([int(key[0]), int(key[1])]))


def _spawn(seq: np.random.SeedSequence) -> Streams:
    return Streams(seq)


def fixed_rng(key: int = _PREVIEW_KEY) -> np.random.Generator:
    """A Generator with a fixed seed, for previews and acceptance look-aheads."""
    return np.random.default_rng(np.random.SeedSequence([key]))


def world_rng(seed: int) -> np.random.Generator:
    """A Generator for building generated worlds (`game.sim.worldgen`)."""
    return np.random.default_rng(np.random.SeedSequence([int(seed), 0x3017D]))
