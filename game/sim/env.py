"""A PettingZoo multi-agent environment over a scenario: `parallel_env(...)` and `env(...)` (AEC).

One environment step is one game turn. The agents are the scenario's playable actors (all four
in tehran-2017, or the subset passed as `agents`); the other playable seats are played by an AI
level (`others`), and the non-playable actors by the engine's background behaviour.

- **Actions**: `Discrete(K)` over a fixed *order catalogue* per agent, built once when the
  environment is made: action 0 is "pass", then every order the rules could offer the agent from
  the scenario's first state (`game.rules.catalogue.candidates`, answers to proposals aside),
  sorted by their text form. The space never changes; `action_mask` marks the orders that are
  legal and affordable now. An agent gives one order per turn; an illegal or unaffordable action
  counts as a pass (the step's info says `"invalid": True`). `catalogue(agent)` lists the orders.
- **Observations**: `Dict(observation=Box(float32), action_mask=Box(int8, 0..1))`; the layout of
  the flat vector is `observation_names(agent)` (alignment row, everyone's capital, influence,
  the agendas, stability, each theatre's violence, the agent's control and zone status, the
  agent's stance in each agreement, issue progress, time).
- **Rewards**: the change of the agent's own agenda score (0..100 points) over the turn.
- **Episodes** end (terminated) at the scenario's turn limit, or are truncated after
  `max_cycles` steps. `reset(seed=S)` starts game seed S; the same seed and actions replay the
  same game exactly.

Proposals one agent makes to another are answered at once by the engine's stated acceptance
rule (the agents are not human seats), so no answer actions are needed.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from gymnasium import spaces
from pettingzoo import ParallelEnv
from pettingzoo.utils.conversions import parallel_to_aec

from game.rules.orders import ActionKind, Order

DEFAULT_SCENARIO = str(Path(__file__).resolve().parents[2] / "scenarios" / "tehran-2017.toml")
CAPITAL_SCALE = 100.0
"""Capital is observed divided by this (and clipped to 0..10)."""


def parallel_env(
    scenario: str | Any = DEFAULT_SCENARIO,
    agents: Sequence[str] | None = None,
    others: str = "greedy",
    max_cycles: int | None = None,
    render_mode: str | None = None,
) -> ConcertParallelEnv:
    """The parallel (simultaneous-move) environment; see the module docstring."""
    return ConcertParallelEnv(scenario, agents, others, max_cycles, render_mode)


def env(
    scenario: str | Any = DEFAULT_SCENARIO,
    agents: Sequence[str] | None = None,
    others: str = "greedy",
    max_cycles: int | None = None,
    render_mode: str | None = None,
) -> Any:
    """The AEC (agent-by-agent) form, by PettingZoo's `parallel_to_aec` conversion."""
    return parallel_to_aec(parallel_env(scenario, agents, others, max_cycles, render_mode))


class ConcertParallelEnv(ParallelEnv):
    """Concert as a PettingZoo `ParallelEnv`; build it with `parallel_env(...)`."""

    metadata: ClassVar[dict[str, Any]] = {
        "name": "concert_v1",
        "render_modes": ["ansi"],
        "is_parallelizable": True,
    }

    def __init__(
        self,
        scenario: str | Any = DEFAULT_SCENARIO,
        agents: Sequence[str] | None = None,
        others: str = "greedy",
        max_cycles: int | None = None,
        render_mode: str | None = None,
    ) -> None:
        from game.ai.registry import make_policy
        from game.engine.setup import new_game

        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']}")
        self.scenario = _scenario(scenario)
        self.render_mode = render_mode
        self.max_cycles = max_cycles
        probe = new_game(self.scenario, 0)
        playable = tuple(self.scenario.playable_ids)
        chosen = tuple(playable if agents is None else agents)
        unknown = [a for a in chosen if a not in playable]
        if unknown or not chosen:
            raise ValueError(f"agents must be playable actors of the scenario ({playable})")
        self.possible_agents = list(chosen)
        self.agents: list[str] = []
        self._others = {a: make_policy(others, explain=False) for a in playable if a not in chosen}
        self._catalogues = {a: _build_catalogue(probe, a) for a in chosen}
        self._index = {a: {o: k for k, o in enumerate(c)} for a, c in self._catalogues.items()}
        self._names = {a: observation_names(probe, a) for a in chosen}
        self._observation_spaces = {a: _observation_space(probe, a) for a in chosen}
        self._action_spaces = {a: spaces.Discrete(len(self._catalogues[a])) for a in chosen}
        self._seeds = np.random.SeedSequence(0)
        self.state_: Any = None
        self.cycles = 0

    # -- spaces ------------------------------------------------------------------------------

    def observation_space(self, agent: str) -> spaces.Dict:
        """The agent's observation space (the same object every call, as PettingZoo asks)."""
        return self._observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Discrete:
        """The agent's action space: `Discrete(len(catalogue(agent)))`."""
        return self._action_spaces[agent]

    def catalogue(self, agent: str) -> tuple[Order | None, ...]:
        """The agent's order catalogue: action k gives `catalogue(agent)[k]` (None: pass)."""
        return self._catalogues[agent]

    def observation_names(self, agent: str) -> tuple[str, ...]:
        """What each entry of the agent's flat observation vector holds."""
        return self._names[agent]

    # -- episode -----------------------------------------------------------------------------

    def reset(
        self, seed: int | None = None, options: Mapping[str, Any] | None = None
    ) -> tuple[dict[str, dict[str, np.ndarray]], dict[str, dict[str, Any]]]:
        """Start a new game with game seed `seed` (a fresh seed drawn when None)."""
        from game.engine.setup import new_game

        if seed is None:
            # Unseeded resets follow one another deterministically from the last seed given.
            child = self._seeds.spawn(1)[0]
            seed = int(child.generate_state(1, dtype=np.uint32)[0])
        else:
            self._seeds = np.random.SeedSequence(int(seed))
        self.state_ = new_game(self.scenario, int(seed))
        self.agents = list(self.possible_agents)
        self.cycles = 0
        observations = {a: self._observe(a) for a in self.agents}
        infos = {a: {"turn": 0, "invalid": False} for a in self.agents}
        return observations, infos

    def step(self, actions: Mapping[str, Any]) -> tuple[dict, dict, dict, dict, dict]:
        """Resolve one turn: each agent's chosen order, the other seats' AI orders."""
        from game.ai.match import decide_all, is_over, step

        if self.state_ is None:
            raise RuntimeError("call reset() before step()")
        before = self.state_.history[-1].agendas
        orders: list[Order] = []
        invalid: dict[str, bool] = {}
        for agent in self.agents:
            order, bad = self._order(agent, actions.get(agent))
            invalid[agent] = bad
            if order is not None:
                orders.append(order)
        ai_orders, _decisions = decide_all(self.state_, self._others)
        self.state_, _events = step(self.state_, orders + ai_orders)
        self.cycles += 1
        after = self.state_.history[-1].agendas
        over = is_over(self.state_)
        cut = self.max_cycles is not None and self.cycles >= self.max_cycles
        live = list(self.agents)
        observations = {a: self._observe(a) for a in live}
        rewards = {a: float(after.get(a, 0.0) - before.get(a, 0.0)) for a in live}
        terminations = dict.fromkeys(live, over)
        truncations = dict.fromkeys(live, cut and not over)
        infos = {a: {"turn": int(self.state_.turn), "invalid": invalid[a]} for a in live}
        if over or cut:
            self.agents = []
        return observations, rewards, terminations, truncations, infos

    def render(self) -> str | None:
        """`ansi`: one line of the current scores."""
        if self.render_mode != "ansi" or self.state_ is None:
            return None
        current = self.state_.history[-1]
        agendas = " ".join(f"{a}={v:.1f}" for a, v in current.agendas.items())
        return f"turn {self.state_.turn}: stability {current.stability:.1f}; agendas {agendas}"

    def close(self) -> None:
        """Nothing to release."""

    # -- internals ---------------------------------------------------------------------------

    def _order(self, agent: str, action: Any) -> tuple[Order | None, bool]:
        """The order an action stands for now, and whether the action was invalid."""
        if action is None:
            return None, False
        k = int(action)
        catalogue = self._catalogues[agent]
        if not 0 <= k < len(catalogue):
            return None, True
        if k == 0:
            return None, False
        if not self._mask(agent)[k]:
            return None, True
        return catalogue[k], False

    def _mask(self, agent: str) -> np.ndarray:
        from game.ai.budget import affordable

        mask = np.zeros(len(self._catalogues[agent]), dtype=np.int8)
        mask[0] = 1
        index = self._index[agent]
        for option in affordable(self.state_, agent):
            k = index.get(option.order)
            if k is not None:
                mask[k] = 1
        return mask

    def _observe(self, agent: str) -> dict[str, np.ndarray]:
        return {"observation": observe(self.state_, agent), "action_mask": self._mask(agent)}


# ---------------------------------------------------------------------------------------------
# The catalogue and the observation vector


def _scenario(scenario: str | Any) -> Any:
    if isinstance(scenario, str | Path):
        from game.scenario.load import load_scenario

        return load_scenario(scenario)
    return scenario


def _build_catalogue(state: Any, agent: str) -> tuple[Order | None, ...]:
    """`(None, *orders)`: pass, then every order the rules could offer `agent`, sorted."""
    from game.ai.budget import legal
    from game.rules.catalogue import candidates

    orders = {o for o in candidates(state, agent) if o.action not in _ANSWERS}
    orders.update(o for o in legal(state, agent) if o.action not in _ANSWERS)
    return (None, *sorted(orders, key=str))


_ANSWERS = frozenset({ActionKind.ACCEPT, ActionKind.REFUSE})


def observation_names(state: Any, agent: str) -> tuple[str, ...]:
    """The name of each entry of `observe(state, agent)`."""
    playable = [a for i, a in enumerate(state.actors) if state.playable[i]]
    return (
        *(f"alignment.{a}" for a in state.actors),
        *(f"capital.{a}" for a in state.actors),
        *(f"influence.{a}" for a in state.actors),
        *(f"agenda.{a}" for a in playable),
        "stability",
        *(f"violence.{t}" for t in state.theatre_ids),
        *(f"control.{t}" for t in state.theatre_ids),
        *(f"zone_active.{t}" for t in state.theatre_ids),
        *(f"stance.{g}" for g in state.agreement_ids),
        *(f"progress.{q}" for q in state.issue_ids),
        "time",
    )


def observe(state: Any, agent: str) -> np.ndarray:
    """The agent's flat float32 observation (layout: `observation_names`)."""
    from game.scenario.model import ZoneStatus

    i = state.index(agent)
    current = state.history[-1]
    playable = [a for k, a in enumerate(state.actors) if state.playable[k]]
    limit = max(1, state.scenario.meta.turn_limit)
    parts = [
        state.alignment[i],
        np.clip(state.capital / CAPITAL_SCALE, 0.0, 10.0),
        np.array([current.influence.get(a, 0.0) / 100.0 for a in state.actors]),
        np.array([current.agendas.get(a, 0.0) / 100.0 for a in playable]),
        np.array([current.stability / 100.0]),
        state.violence,
        state.control[:, i] if state.control.size else np.zeros(0),
        np.array([1.0 if z is ZoneStatus.ACTIVE else 0.0 for z in state.zone]),
        state.membership[:, i].astype(np.float64) / 3.0 if state.membership.size else np.zeros(0),
        state.progress,
        np.array([min(1.0, state.turn / limit)]),
    ]
    vector = np.concatenate([np.asarray(p, dtype=np.float64).ravel() for p in parts])
    return np.clip(vector, -1.0, 10.0).astype(np.float32)


def _observation_space(state: Any, agent: str) -> spaces.Dict:
    size = len(observation_names(state, agent))
    n = len(_build_catalogue(state, agent))
    return spaces.Dict(
        {
            "observation": spaces.Box(-1.0, 10.0, shape=(size,), dtype=np.float32),
            "action_mask": spaces.Box(0, 1, shape=(n,), dtype=np.int8),
        }
    )
