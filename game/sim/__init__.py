"""Headless batch play: Monte Carlo runs, tournaments, and the multi-agent interfaces.

- `cli`: the `simulate` command (seeded games in worker processes, summary, JSON/CSV/plot).
- `tournament`: the `tournament` command (AI levels seat by seat, side balance).
- `env`: a PettingZoo environment (`parallel_env`, `env`) over a scenario.
- `openspiel_game`: the `python_concert` OpenSpiel game (imported on demand: needs open_spiel).
- `worldgen`, `bench`: generated worlds and the engine's benchmark figures.

Nothing here is imported by the engine; pettingzoo, gymnasium and open_spiel are imported only
by the modules that need them. Must not import: pygame, game.ui.
"""
