"""The PettingZoo environment: PettingZoo's own conformance tests, plus the catalogue contract."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

pytest.importorskip("pettingzoo")

with warnings.catch_warnings():  # pettingzoo.test imports its deprecated env-creation shims
    warnings.simplefilter("ignore", DeprecationWarning)
    from pettingzoo.test import (
        api_test,
        max_cycles_test,
        parallel_api_test,
        parallel_seed_test,
        seed_test,
    )

from game.sim import env as concert_env

SHORT = 4  # turns per episode in these tests: conformance, not a whole game

# PettingZoo's checkers advise (agent names like "player_0", Box-only observations); our choices
# are deliberate (actor ids, a Dict with an action mask), so those notes are not failures.
pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


def test_pettingzoo_parallel_api_test() -> None:
    """ENV-1: PettingZoo's parallel_api_test passes."""
    parallel_api_test(concert_env.parallel_env(max_cycles=SHORT), num_cycles=SHORT)


def test_pettingzoo_aec_api_test() -> None:
    """ENV-2: PettingZoo's api_test passes on the AEC form."""
    api_test(concert_env.env(max_cycles=SHORT), num_cycles=SHORT)


def test_pettingzoo_seed_tests() -> None:
    """ENV-3: seed_test and parallel_seed_test: same seed and actions, same episode."""
    seed_test(lambda: concert_env.env(max_cycles=3), num_cycles=3)
    parallel_seed_test(lambda: concert_env.parallel_env(max_cycles=3), num_cycles=3)


def test_pettingzoo_max_cycles_test() -> None:
    """ENV-4: max_cycles_test: episodes are truncated after max_cycles steps."""
    max_cycles_test(concert_env)


def test_catalogue_is_fixed_and_masked_to_legal_orders() -> None:
    """Action 0 passes; the mask marks exactly the catalogued orders that are affordable now."""
    from game.ai.budget import affordable

    par = concert_env.parallel_env(max_cycles=2)
    obs, _ = par.reset(seed=3)
    for agent in par.agents:
        catalogue = par.catalogue(agent)
        mask = obs[agent]["action_mask"]
        assert catalogue[0] is None and mask[0] == 1
        assert par.action_space(agent).n == len(catalogue) == len(mask)
        legal = {o.order for o in affordable(par.state_, agent)}
        assert {catalogue[k] for k in np.flatnonzero(mask[1:]) + 1} == legal & set(catalogue)
        names = par.observation_names(agent)
        assert obs[agent]["observation"].shape == (len(names),)
        assert obs[agent]["observation"].dtype == np.float32


def test_rewards_are_agenda_changes_and_illegal_actions_pass() -> None:
    """A step's reward is the agent's agenda change; an unmasked action counts as a pass."""
    par = concert_env.parallel_env(max_cycles=3)
    obs, _ = par.reset(seed=5)
    before = dict(par.state_.history[-1].agendas)
    actions = {}
    for agent in par.agents:
        illegal = np.flatnonzero(obs[agent]["action_mask"] == 0)
        actions[agent] = int(illegal[0]) if illegal.size else 0
    _obs, rewards, _term, _trunc, infos = par.step(actions)
    after = par.state_.history[-1].agendas
    for agent, reward in rewards.items():
        assert reward == pytest.approx(after[agent] - before[agent])
        if actions[agent]:
            assert infos[agent]["invalid"]
    assert not any(e.kind == "invalid" for e in par.state_.log)


def test_an_agent_subset_leaves_the_other_seats_to_the_ai() -> None:
    """With agents=("RUS",), the other playable seats give AI orders."""
    par = concert_env.parallel_env(agents=("RUS",), others="greedy", max_cycles=1)
    par.reset(seed=1)
    par.step({"RUS": 0})
    actors = {e.actors[0] for e in par.state_.log if e.kind in ("order", "answer", "refused")}
    assert actors & {"IRN", "TUR", "USA"}
    assert "RUS" not in {e.actors[0] for e in par.state_.log if e.kind == "order"}
