"""Concert: a headless engine for a turn-based geopolitical alignment game.

The public API, for engineers and analysts (see the README for a worked example)::

    import game
    scenario = game.load_scenario("scenarios/tehran-2017.toml")
    state = game.new_game(scenario, seed=7)
    orders = [game.legal_orders(state, "RUS")[0]]
    state, events = game.resolve(state, orders, game.turn_rng(state))
    game.scores(state), game.state_hash(state), game.is_over(state), game.winner(state)

Names are imported lazily so that `import game` stays cheap and never imports pygame.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

# The engine's matrices are at most a few hundred wide: threaded BLAS only adds hand-offs, and
# on a busy machine its spinning threads made scoring 7-40x slower (see docs/scoring.md). Must
# run before numpy is first imported; an explicit setting in the environment still wins.
for _blas_threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_blas_threads, "1")

_EXPORTS = {
    "load_scenario": "game.scenario.load",
    "new_game": "game.engine.setup",
    "legal_orders": "game.engine.legal",
    "preview": "game.engine.preview",
    "resolve": "game.engine.turn",
    "turn_rng": "game.engine.rng",
    "scores": "game.scoring",
    "state_hash": "game.engine.state",
    "is_over": "game.engine.turn",
    "winner": "game.scoring",
    "GameState": "game.engine.state",
    "Order": "game.rules.orders",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'game' has no attribute {name!r}")
    return getattr(importlib.import_module(module_name), name)
