"""The AI: one `Policy` interface and its levels, random, greedy and planner.

- `base`: `Policy`, `Decision` (orders and reasons), `Answer` (with the acceptance breakdown),
  `Seat` (a human or a policy behind an actor).
- `registry`: `make_policy("greedy")`, `make_policy("planner:hard")`.
- `random_policy`, `greedy`, `planner`: the levels; `answers`: the stated acceptance rule.
- `budget`: affordable legal orders and the orders cap; `evaluate`: batched agenda scoring.
- `match`: seat generators, deciding all seats, playing turns; `bench`: the `bench` figures.

Must not import: pygame, game.ui.
"""
