"""The bench section: `python main.py bench --quick --json` runs and reports the engine's keys."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from game.engine.setup import new_game
from game.sim.bench import Kernel, kernel_turn
from game.sim.worldgen import generate_scenario

ROOT = Path(__file__).resolve().parents[2]
ALWAYS = (
    "kernel_ms_12",
    "kernel_ms_200",
    "kernel_cpu_ms_12",
    "kernel_cpu_ms_200",
    "scores_ms_12",
    "scores_ms_200",
)
WITH_ENGINE = (
    "turn_ms_12",
    "turn_ms_200",
    "scale_ratio",
    "kernel_ratio",
    "kernel_ratio_12",
    "legal_ms_12",
    "legal_ms_200",
    "turn_cpu_ms_12",
    "turn_cpu_ms_200",
    "scale_ratio_cpu",
    "kernel_ratio_cpu",
)


def test_bench_quick_json_prints_the_engine_keys():
    """The command exits 0 and prints one JSON object holding every key of this section."""
    done = subprocess.run(
        [sys.executable, "main.py", "bench", "--quick", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    keys = ALWAYS + (WITH_ENGINE if importlib.util.find_spec("game.engine.turn") else ())
    for key in keys:
        assert key in figures, key
        assert math.isfinite(figures[key]) and figures[key] > 0, (key, figures[key])


def test_kernel_turn_keeps_the_state_valid():
    """The bare kernel keeps alignment in -1..1, control shares summing to 1, shares to 100."""
    state = new_game(generate_scenario(30, 5), seed=1)
    kernel = Kernel.of(state)
    for _ in range(5):
        kernel, influence = kernel_turn(kernel, state.rules, state.scenario.scoring)
    assert np.all(np.abs(kernel.alignment) <= 1.0)
    assert np.allclose(np.diag(kernel.alignment), 0.0)
    assert kernel.control.sum(axis=1) == pytest.approx(np.ones(len(state.theatre_ids)))
    assert influence.sum() == pytest.approx(100.0)
    assert np.all((kernel.violence >= 0) & (kernel.violence <= 1))
