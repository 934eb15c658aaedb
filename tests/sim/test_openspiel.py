"""The OpenSpiel game: registration, OpenSpiel's random simulation test, Python MCTS on a seat."""

from __future__ import annotations

import numpy as np
import pytest

pyspiel = pytest.importorskip("pyspiel")

import game.sim.openspiel_game  # noqa: E402,F401  (registers python_concert)


def load(max_turns: int = 1, seed: int = 4):
    return pyspiel.load_game("python_concert", {"seed": seed, "max_turns": max_turns})


def test_game_is_registered_simultaneous_and_general_sum() -> None:
    """OSP-1: the registered game is simultaneous, general-sum, deterministic, four players."""
    game = load()
    kind = game.get_type()
    assert kind.dynamics == pyspiel.GameType.Dynamics.SIMULTANEOUS
    assert kind.utility == pyspiel.GameType.Utility.GENERAL_SUM
    assert kind.chance_mode == pyspiel.GameType.ChanceMode.DETERMINISTIC
    assert game.num_players() == 4


def test_openspiel_random_sim_test_passes() -> None:
    """OSP-2: pyspiel.random_sim_test plays random legal games to the end without error."""
    pyspiel.random_sim_test(load(max_turns=1), num_sims=2, serialize=False, verbose=False)


def test_returns_are_final_agenda_scores_and_deterministic() -> None:
    """Returns are each player's final agenda / 100; the same seed and actions replay exactly."""
    game = load(max_turns=2, seed=8)
    finals = []
    for _ in range(2):
        state = game.new_initial_state()
        while not state.is_terminal():
            actions = [state.legal_actions(p)[-1] for p in range(game.num_players())]
            state.apply_actions(actions)
        finals.append(state.returns())
        agendas = state.game_state.history[-1].agendas
        assert state.returns() == pytest.approx([agendas[a] / 100 for a in game.players])
    assert finals[0] == finals[1]


def test_python_mcts_bot_plays_a_seat_of_the_turn_based_game() -> None:
    """OSP-3: open_spiel's Python MCTSBot picks a legal action for a seat after turn-basing."""
    from open_spiel.python.algorithms import mcts

    turn_based = pyspiel.convert_to_turn_based(load(max_turns=1))
    evaluator = mcts.RandomRolloutEvaluator(1, np.random.RandomState(0))
    bot = mcts.MCTSBot(turn_based, 2.0, 3, evaluator, random_state=np.random.RandomState(1))
    state = turn_based.new_initial_state()
    action = bot.step(state)
    assert action in state.legal_actions()
    state.apply_action(action)
    assert state.current_player() == 1
