"""The turn engine: game state, setup, legal orders, previews, turn resolution, randomness.

Modules: `state` (GameState and its records), `setup` (new_game), `legal` (legal_orders,
why_illegal), `preview`, `turn` (resolve, play_turn, is_over), `phases` (income, background,
drift, chance), `scripted` (scenario events), `policy` (default seat orders), `ledger`
(scoring calls and ledger rows), `rng` (the only Generator factory), `clock`, `generate`
(random worlds). See docs/engine.md.

Must not import: pygame, game.ui.
"""
