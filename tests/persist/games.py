"""Shared helpers of the persistence tests: the first scenario and seeded random games."""

from __future__ import annotations

import functools
from pathlib import Path

from game.persist.record import GameRecord
from game.persist.soak import play_random
from game.scenario.load import load_scenario
from game.scenario.model import Scenario

ROOT = Path(__file__).resolve().parents[2]
SCENARIO_PATH = ROOT / "scenarios" / "tehran-2017.toml"
DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def scenario() -> Scenario:
    """The Tehran 2017 scenario, loaded once per test run."""
    return load_scenario(SCENARIO_PATH)


@functools.lru_cache(maxsize=64)
def played(seed: int, turns: int) -> GameRecord:
    """A random game of the first scenario with `seed`, `turns` turns long (or to its end)."""
    return play_random(scenario(), seed, turns)
