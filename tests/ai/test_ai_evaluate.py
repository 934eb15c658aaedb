"""The batched agenda evaluator equals `game.scores` and `game.preview`, state by state."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from game.ai.budget import affordable
from game.ai.evaluate import agenda_matrix
from game.ai.greedy import outcome, score_all
from game.ai.match import play_out
from game.ai.registry import make_policy
from game.engine.preview import preview
from game.engine.setup import new_game
from game.scenario.load import load_scenario
from game.scoring import scores


@cache
def states():
    scenario = load_scenario("scenarios/tehran-2017.toml")
    state = new_game(scenario, 21)
    later = play_out(state, {a: make_policy("random") for a in scenario.playable_ids}, 3)
    return state, later


def test_agenda_matrix_equals_scores_state_by_state() -> None:
    """AI-EVAL-1: every row of the batch equals game.scores(state).agendas, in playable order."""
    start, later = states()
    batch = [start, later] + [outcome(later, o.order) for o in affordable(later, "TUR")[:40]]
    matrix = agenda_matrix(batch)
    playable = start.scenario.playable_ids
    for row, state in zip(matrix, batch, strict=True):
        expected = scores(state).agendas
        assert row == pytest.approx([expected[a] for a in playable], abs=1e-7)


def test_duplicate_states_are_scored_once_but_returned_for_each() -> None:
    """Equal states in a batch get equal rows, in the order given."""
    start, later = states()
    matrix = agenda_matrix([later, start, later])
    assert np.array_equal(matrix[0], matrix[2])
    assert not np.array_equal(matrix[0], matrix[1])


def test_greedy_gains_equal_the_engine_preview() -> None:
    """AI-EVAL-2: greedy's previewed gain of an order is game.preview's agenda change."""
    _start, later = states()
    options = affordable(later, "IRN")
    for scored in score_all(later, "IRN", options)[:25]:
        shown = preview(later, scored.option.order).agendas["IRN"]
        assert scored.gain == pytest.approx(shown, abs=1e-7)
