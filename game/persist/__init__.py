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
