"""The AI levels by name: `make_policy("greedy")`, `make_policy("planner:hard")`.

A level spec is a level name, optionally followed by `:` and a difficulty for the planner
(`easy`, `normal`, `hard`; `normal` by default). The command line, the UI's seat menu and the
environments all build their policies here.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from game.ai.base import Policy

LEVELS = ("random", "greedy", "planner")
"""The AI levels, weakest first."""

DIFFICULTIES = ("easy", "normal", "hard")
"""The planner's difficulties, which set its search budget."""


class UnknownLevel(ValueError):
    """A level spec that names no level or difficulty; the message lists the valid ones."""


def check_level(spec: str) -> tuple[str, str]:
    """`(level, difficulty)` of a spec such as `planner:hard`; `UnknownLevel` if it is not one."""
    level, _, difficulty = spec.strip().partition(":")
    if level not in LEVELS:
        raise UnknownLevel(f"unknown AI level {spec!r}: expected one of {', '.join(LEVELS)}")
    difficulty = difficulty or "normal"
    if difficulty not in DIFFICULTIES:
        raise UnknownLevel(
            f"unknown difficulty {difficulty!r} in {spec!r}: expected {', '.join(DIFFICULTIES)}"
        )
    if level != "planner" and ":" in spec:
        raise UnknownLevel(f"{spec!r}: only the planner takes a difficulty")
    return level, difficulty


def make_policy(spec: str, difficulty: str | None = None, *, explain: bool = True) -> Policy:
    """The policy of a level spec, e.g. `make_policy("greedy")`, `make_policy("planner", "hard")`.

    Args:
        spec: a level spec, e.g. `"greedy"` or `"planner:hard"`.
        difficulty: the planner's difficulty, if not given in `spec`.
        explain: whether decisions carry their agenda-term reasons (batch runs that never show
            them pass False and save a scoring per order; the orders chosen are the same).

    Raises:
        UnknownLevel: the spec names no level, or a difficulty that does not exist.
    """
    level, parsed = check_level(spec if difficulty is None else f"{spec}:{difficulty}")
    if level == "random":
        from game.ai.random_policy import RandomPolicy

        return RandomPolicy()
    if level == "greedy":
        from game.ai.greedy import GreedyPolicy

        return GreedyPolicy(explain=explain)
    from game.ai.planner import PlannerPolicy

    return PlannerPolicy(parsed, explain=explain)
