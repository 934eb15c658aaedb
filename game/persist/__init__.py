"""Saves, replays, undo and branches: a game kept as its seed and orders, re-run on load.

A save holds the scenario (embedded as TOML text), the seed, the human seats and every turn's
orders with the state hash after each turn; loading re-runs the orders and checks every hash, so a
save can never hold a state the rules could not reach. Modules:

- `errors`: `SaveError`, the one exception a bad save file raises.
- `atomic`: crash-safe file writes and the rotating autosaver.
- `record`: `GameRecord`, the value a game accumulates as it is played (undo, branch).
- `format`: the JSON format, its version upgrades and the strict structural checks.
- `save`: `Save`, `save_game`, `load_game`, `record_to_save` and friends (the public entry points).
- `cli`, `soak`: the `replay` and `soak` commands.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "SaveError": "game.persist.errors",
    "write_atomic": "game.persist.atomic",
    "GameRecord": "game.persist.record",
    "record_from_orders": "game.persist.record",
    "CURRENT_FORMAT": "game.persist.format",
    "Save": "game.persist.format",
    "dumps": "game.persist.format",
    "loads": "game.persist.format",
    "Autosaver": "game.persist.save",
    "LoadedGame": "game.persist.save",
    "branch_save": "game.persist.save",
    "load_game": "game.persist.save",
    "loads_game": "game.persist.save",
    "read_save": "game.persist.save",
    "record_to_save": "game.persist.save",
    "save_game": "game.persist.save",
    "verify_save": "game.persist.save",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    # Lazy, so that `game.persist.format` can be used without importing the engine.
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'game.persist' has no attribute {name!r}")
    return getattr(importlib.import_module(module_name), name)
