"""Concert as an OpenSpiel game: `python_concert`, simultaneous moves, general-sum.

Importing this module registers the game with `pyspiel.register_game`; then::

    import pyspiel
    import game.sim.openspiel_game  # registers python_concert
    g = pyspiel.load_game("python_concert", {"seed": 7, "max_turns": 6})
    tb = pyspiel.convert_to_turn_based(g)  # for search bots that need sequential moves

- **Players** are the scenario's playable actors in file order (RUS, IRN, TUR, USA), player k
  being `game.players[k]`; the other actors are the engine's background.
- **Actions** are the same fixed order catalogue as the PettingZoo environment
  (`game.sim.env`): action 0 passes, action k gives the k-th catalogued order; a player's legal
  actions are the catalogued orders legal and affordable now. `num_distinct_actions` is the
  largest catalogue; actions past a player's own catalogue are never legal for it.
- **Chance** happens inside the engine, drawn from the explicit game seed (parameter `seed`), so
  the game is deterministic for a given seed (`ChanceMode.DETERMINISTIC`, no chance nodes).
- **Returns** are the players' agenda scores at the end, divided by 100 (0..1 each, general-sum);
  the reward model is terminal, as OpenSpiel's Python `MCTSBot` requires. `max_turns` (0: the
  scenario's turn limit) shortens the game for search and tests.

Parameters: `scenario` (path, default tehran-2017), `seed` (int), `max_turns` (int).
OpenSpiel's C++ MCTS does not work with Python games; use `open_spiel.python.algorithms.mcts`.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pyspiel

from game.sim.env import DEFAULT_SCENARIO, _build_catalogue, observe

SHORT_NAME = "python_concert"
_DEFAULT_PARAMS = {"scenario": DEFAULT_SCENARIO, "seed": 0, "max_turns": 0}


@functools.lru_cache(maxsize=8)
def _setup(path: str) -> tuple[Any, tuple[str, ...], tuple[tuple[Any, ...], ...], int]:
    """The scenario, players, catalogues and observation size of a scenario file (cached)."""
    from game.engine.setup import new_game
    from game.scenario.load import load_scenario

    scenario = load_scenario(path)
    probe = new_game(scenario, 0)
    players = tuple(scenario.playable_ids)
    catalogues = tuple(_build_catalogue(probe, a) for a in players)
    size = int(observe(probe, players[0]).shape[0])
    return scenario, players, catalogues, size


def _game_type() -> pyspiel.GameType:
    return pyspiel.GameType(
        short_name=SHORT_NAME,
        long_name="Concert: a geopolitical alignment game",
        dynamics=pyspiel.GameType.Dynamics.SIMULTANEOUS,
        chance_mode=pyspiel.GameType.ChanceMode.DETERMINISTIC,
        information=pyspiel.GameType.Information.PERFECT_INFORMATION,
        utility=pyspiel.GameType.Utility.GENERAL_SUM,
        reward_model=pyspiel.GameType.RewardModel.TERMINAL,
        max_num_players=8,
        min_num_players=1,
        provides_information_state_string=False,
        provides_information_state_tensor=False,
        provides_observation_string=True,
        provides_observation_tensor=True,
        provides_factored_observation_string=False,
        parameter_specification=_DEFAULT_PARAMS,
    )


class ConcertGame(pyspiel.Game):
    """The OpenSpiel game object; states come from `new_initial_state()`."""

    def __init__(self, params: dict[str, Any] | None = None) -> None:
        params = {**_DEFAULT_PARAMS, **(params or {})}
        self.path = str(params["scenario"])
        self.seed = int(params["seed"])
        self.scenario, self.players, self.catalogues, self.obs_size = _setup(self.path)
        limit = self.scenario.meta.turn_limit
        self.max_turns = min(limit, int(params["max_turns"])) if params["max_turns"] else limit
        super().__init__(
            _game_type(),
            pyspiel.GameInfo(
                num_distinct_actions=max(len(c) for c in self.catalogues),
                max_chance_outcomes=0,
                num_players=len(self.players),
                min_utility=0.0,
                max_utility=1.0,
                utility_sum=None,
                max_game_length=self.max_turns,
            ),
            params,
        )

    def new_initial_state(self) -> ConcertState:
        """A new game with the game's seed."""
        from game.engine.setup import new_game

        return ConcertState(self, new_game(self.scenario, self.seed))

    def make_py_observer(
        self, iig_obs_type: Any = None, params: dict[str, Any] | None = None
    ) -> ConcertObserver:
        """The observer behind `observation_tensor` and `observation_string`."""
        return ConcertObserver(self)


class ConcertState(pyspiel.State):
    """A game in progress: the engine's `GameState` plus the turns played here."""

    def __init__(self, game: ConcertGame, state: Any) -> None:
        super().__init__(game)
        self._shared = _Shared(game, state)
        self.turns_played = 0
        self._masks: dict[int, list[int]] = {}

    @property
    def _game(self) -> ConcertGame:
        return self._shared.game

    @property
    def game_state(self) -> Any:
        """The engine's `GameState` (a value: clones share it until one of them moves on)."""
        return self._shared.state

    # -- the OpenSpiel API -------------------------------------------------------------------

    def current_player(self) -> int:
        """SIMULTANEOUS while the game runs, TERMINAL at the end."""
        if self.is_terminal():
            return pyspiel.PlayerId.TERMINAL
        return pyspiel.PlayerId.SIMULTANEOUS

    def _legal_actions(self, player: int) -> list[int]:
        """Pass (0) and the catalogued orders `player` can give and afford now, ascending."""
        if self.is_terminal():
            return []
        if player not in self._masks:
            from game.ai.budget import affordable

            catalogue = self._game.catalogues[player]
            index = {order: k for k, order in enumerate(catalogue)}
            legal = {0}
            for option in affordable(self.game_state, self._game.players[player]):
                k = index.get(option.order)
                if k is not None:
                    legal.add(k)
            self._masks[player] = sorted(legal)
        return list(self._masks[player])

    def _apply_actions(self, actions: list[int]) -> None:
        """Resolve one turn with each player's catalogued order (0: none)."""
        from game.ai.match import step

        orders = []
        for player, action in enumerate(actions):
            order = self._game.catalogues[player][action] if action else None
            if order is not None:
                orders.append(order)
        new_state, _events = step(self.game_state, orders)
        self._shared = _Shared(self._game, new_state)
        self.turns_played += 1
        self._masks = {}

    def _action_to_string(self, player: int, action: int) -> str:
        catalogue = self._game.catalogues[player]
        if action == 0:
            return f"{self._game.players[player]} pass"
        return str(catalogue[action]) if action < len(catalogue) else f"invalid {action}"

    def is_terminal(self) -> bool:
        """The turn limit (or `max_turns`) is reached."""
        from game.ai.match import is_over

        return self.turns_played >= self._game.max_turns or is_over(self.game_state)

    def returns(self) -> list[float]:
        """Each player's agenda score / 100 at the end; zeros before it (terminal rewards)."""
        if not self.is_terminal():
            return [0.0] * len(self._game.players)
        return self.agenda_values()

    def rewards(self) -> list[float]:
        """The returns on the terminal step, zeros before it."""
        return self.returns()

    def agenda_values(self) -> list[float]:
        """Every player's current agenda score / 100."""
        agendas = self.game_state.history[-1].agendas
        return [float(agendas.get(a, 0.0)) / 100.0 for a in self._game.players]

    def __str__(self) -> str:
        current = self.game_state.history[-1]
        agendas = " ".join(f"{a}={current.agendas.get(a, 0.0):.2f}" for a in self._game.players)
        return f"turn {self.game_state.turn} stability {current.stability:.2f} {agendas}"


class _Shared:
    """The game and the engine state a clone may share: OpenSpiel clones a Python state with
    `copy.deepcopy`, and both are immutable here, so a clone keeps the same objects."""

    __slots__ = ("game", "state")

    def __init__(self, game: ConcertGame, state: Any) -> None:
        self.game = game
        self.state = state

    def __deepcopy__(self, memo: dict[int, Any]) -> _Shared:
        return self


class ConcertObserver:
    """Observations for OpenSpiel: the environment's flat vector for the observing player."""

    def __init__(self, game: ConcertGame) -> None:
        self._game = game
        self.tensor = np.zeros(game.obs_size, np.float32)
        self.dict = {"observation": self.tensor}

    def set_from(self, state: ConcertState, player: int) -> None:
        """Fill `tensor` from `state` as `player` sees it."""
        self.tensor[:] = observe(state.game_state, self._game.players[player])

    def string_from(self, state: ConcertState, player: int) -> str:
        """A one-line text observation."""
        return f"{self._game.players[player]}: {state}"


pyspiel.register_game(_game_type(), ConcertGame)
