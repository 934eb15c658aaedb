"""The AI's figures for `python main.py bench`: how long the levels take to decide a turn.

`planner_turn_s` is the headline (target: under 1 s): seconds for the planner at `normal` to
decide one turn for all four AI seats of tehran-2017, from a fresh process state (no cached
previews), measured on a mid-game position reached by seeded random play. `greedy_turn_s` is
the same for greedy. Each is the median of a few repetitions (one with `--quick`); the
`*_cpu_s` twins are the process CPU time of the same runs, which a busy machine inflates less.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "tehran-2017.toml"


def measure(args: argparse.Namespace) -> dict[str, float]:
    """`{"planner_turn_s": ..., "greedy_turn_s": ...}` in seconds (see the module docstring)."""
    from game.ai import greedy, planner
    from game.ai.match import decide_all, play_out
    from game.ai.registry import make_policy
    from game.engine.setup import new_game
    from game.scenario.load import load_scenario

    scenario = load_scenario(SCENARIO)
    state = new_game(scenario, 2017)
    warmup = {a: make_policy("random") for a in scenario.playable_ids}
    state = play_out(state, warmup, 3)
    repeats = 1 if getattr(args, "quick", False) else 3
    figures = {}
    for key, level in (("greedy_turn_s", "greedy"), ("planner_turn_s", "planner:normal")):
        policies = {a: make_policy(level) for a in scenario.playable_ids}
        times, cpu = [], []
        for _ in range(repeats):
            greedy.clear_caches()
            planner.clear_caches()
            start, start_cpu = time.perf_counter(), time.process_time()
            decide_all(state, policies)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        figures[key] = statistics.median(times)
        figures[key.replace("_s", "_cpu_s")] = statistics.median(cpu)
    return figures
