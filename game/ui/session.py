"""The one mutable object the scenes share: the game in progress and the player's settings.

Game state never lives in sprites or widgets. The session holds the current `GameState` (a
frozen value), every earlier state (for charts and undo-free history), the seats (which actors are
human, which AI level plays the rest), the seed, the orders queued by each human seat this turn,
and the orders of every resolved turn (what a save file records). Scenes read it and call its
methods; nothing else changes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs

import game
from game.engine.state import Event, GameState
from game.persist.record import GameRecord
from game.rules.orders import Order
from game.scenario.model import Scenario

AI_LEVELS = ("random", "greedy", "planner")


@attrs.define
class Settings:
    """The player's preferences, kept in `~/.config/concert/settings.json`.

    Attributes:
        size: window size in pixels when not full screen.
        fullscreen: whether to fill the screen.
        sound: whether to play interface sounds.
        colour_blind_safe: Okabe–Ito colours for actors instead of the scenario's own.
    """

    size: tuple[int, int] = (1280, 800)
    fullscreen: bool = False
    sound: bool = True
    colour_blind_safe: bool = True

    @staticmethod
    def path() -> Path:
        """Where settings are stored (honours `XDG_CONFIG_HOME`)."""
        base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
        return Path(base) / "concert" / "settings.json"

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Read settings; anything missing or malformed falls back to the default."""
        path = path or cls.path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        out = cls()
        if not isinstance(raw, dict):
            return out
        size = raw.get("size")
        if (
            isinstance(size, list)
            and len(size) == 2
            and all(isinstance(v, int) and 640 <= v <= 8192 for v in size)
        ):
            out.size = (size[0], size[1])
        for key in ("fullscreen", "sound", "colour_blind_safe"):
            if isinstance(raw.get(key), bool):
                setattr(out, key, raw[key])
        return out

    def save(self, path: Path | None = None) -> None:
        """Write settings atomically; a read-only home is not an error worth stopping for."""
        from game.persist.atomic import write_atomic

        path = path or self.path()
        data = {
            "size": list(self.size),
            "fullscreen": self.fullscreen,
            "sound": self.sound,
            "colour_blind_safe": self.colour_blind_safe,
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(data, indent=2) + "\n")
        except OSError:
            pass


@attrs.define
class Session:
    """A game in progress, as the desktop game sees it.

    Attributes:
        scenario_path: the scenario file the game was started from (or the save it came from).
        record: the game so far (`game.persist.record.GameRecord`): every state, every turn's
            orders (all seats) and hashes; what a save file is written from.
        humans: the human seats in the order they play in hot-seat, e.g. `("TUR",)`.
        ai_level: the AI level of every other playable seat: random, greedy or planner.
        queued: each human seat's orders for the coming turn, in the order queued.
        seat_index: which human (index into `humans`) is giving orders now.
        last_events: the events of the last resolved turn.
        decisions: the AI seats' decisions (orders and reasons) for the last resolved turn.
        save_path: where the game was last saved or loaded, for quick-save.
    """

    scenario_path: Path
    record: GameRecord
    humans: tuple[str, ...]
    ai_level: str
    queued: dict[str, list[Order]] = attrs.field(factory=dict)
    seat_index: int = 0
    last_events: tuple[Event, ...] = ()
    decisions: dict[str, Any] = attrs.field(factory=dict)
    save_path: Path | None = None
    _legal: tuple | None = attrs.field(default=None, repr=False)

    @classmethod
    def start(
        cls, scenario_path: Path | str, humans: tuple[str, ...], ai_level: str, seed: int
    ) -> Session:
        """Load a scenario and start a new game with these seats."""
        path = Path(scenario_path)
        scenario = game.load_scenario(path)
        if ai_level not in AI_LEVELS:
            raise ValueError(f"unknown AI level {ai_level!r}; choose one of {AI_LEVELS}")
        record = GameRecord.start(scenario, seed, humans)
        return cls(path, record, tuple(humans), ai_level, queued={h: [] for h in humans})

    @property
    def state(self) -> GameState:
        """The current state (the start of the coming turn)."""
        return self.record.state

    @property
    def history(self) -> tuple[GameState, ...]:
        """Every state so far, the start first."""
        return self.record.states

    @property
    def scenario(self) -> Scenario:
        """The scenario in play."""
        return self.record.scenario

    @property
    def seed(self) -> int:
        """The game seed."""
        return self.record.seed

    # --- seats ---------------------------------------------------------------------------

    @property
    def seat(self) -> str | None:
        """The human seat giving orders now, or None when every seat is AI."""
        return self.humans[self.seat_index] if self.humans else None

    @property
    def hot_seat(self) -> bool:
        """True when more than one human shares the screen (orders must be hidden)."""
        return len(self.humans) > 1

    def ai_seats(self) -> tuple[str, ...]:
        """The playable actors the AI plays."""
        return tuple(a for a in self.scenario.playable_ids if a not in self.humans)

    # --- orders ----------------------------------------------------------------------------

    def legal(self, actor: str | None = None) -> list[Order]:
        """Orders the seat may give now, minus those already queued."""
        actor = actor or self.seat
        if actor is None:
            return []
        queued = set(self.queued.get(actor, ()))
        key = (id(self.state), actor)
        if self._legal is None or self._legal[0] != key or self._legal[1] is not self.state:
            self._legal = (key, self.state, list(game.legal_orders(self.state, actor)))
        return [o for o in self._legal[2] if o not in queued]

    def spent(self, actor: str | None = None) -> float:
        """Political capital the seat's queued orders cost."""
        actor = actor or self.seat
        return sum(self.cost(o) for o in self.queued.get(actor or "", ()))

    def budget(self, actor: str | None = None) -> float:
        """Political capital still free this turn."""
        actor = actor or self.seat
        if actor is None:
            return 0.0
        return float(self.state.capital[self.state.index(actor)]) - self.spent(actor)

    def cost(self, order: Order) -> float:
        """What `order` costs in political capital (the catalogue's price, no look-ahead)."""
        from game.engine.legal import cost

        return float(cost(self.state, order))

    def preview(self, order: Order) -> Any:
        """The engine's preview of `order` from the current state."""
        return _preview_cached(self.state, order)

    def queue(self, order: Order) -> bool:
        """Queue `order` for the current seat; False when it costs more than is left."""
        actor = self.seat
        if actor is None or order.actor != actor:
            return False
        if self.cost(order) > self.budget(actor) + 1e-9:
            return False
        self.queued.setdefault(actor, []).append(order)
        return True

    def unqueue(self, index: int = -1) -> Order | None:
        """Take back a queued order (the last one by default)."""
        orders = self.queued.get(self.seat or "", [])
        if not orders:
            return None
        try:
            return orders.pop(index)
        except IndexError:
            return None

    # --- turns -----------------------------------------------------------------------------

    def submit_seat(self) -> bool:
        """The current human is done. True when every human is done and the turn can resolve."""
        if self.seat_index + 1 < len(self.humans):
            self.seat_index += 1
            return False
        return True

    def resolve_turn(self) -> tuple[Event, ...]:
        """Collect the AI seats' orders, resolve the turn, and start the next one."""
        from game.ai.match import decide_all

        state = self.state
        policies = {a: _policy(self.ai_level) for a in self.ai_seats()}
        ai_orders, self.decisions = decide_all(state, policies)
        orders = [o for h in self.humans for o in self.queued.get(h, ())] + list(ai_orders)
        self.record, events = self.record.play(orders)
        self.queued = {h: [] for h in self.humans}
        self.seat_index = 0
        self.last_events = tuple(events)
        return self.last_events

    @property
    def over(self) -> bool:
        """Whether the game has reached its end."""
        return bool(game.is_over(self.state))

    def scores(self, state: GameState | None = None):
        """`game.scores` of a state (the current one by default), cached per state."""
        return _scores_cached(state or self.state)

    # --- saves -----------------------------------------------------------------------------

    def save(self, path: Path | str, label: str = "") -> Path:
        """Save the game (scenario, seed, seats and every turn's orders) to `path`."""
        from game.persist.save import save_game

        written = save_game(path, self.record, label)
        self.save_path = Path(written)
        return Path(written)

    @classmethod
    def load(cls, path: Path | str, ai_level: str = "greedy") -> Session:
        """Load a saved game, re-running its turns (raises `SaveError` for a bad file)."""
        from game.persist.save import load_game

        loaded = load_game(path)
        record = loaded.record
        humans = tuple(a for a in record.scenario.playable_ids if a in record.humans)
        session = cls(Path(path), record, humans, ai_level, queued={h: [] for h in humans})
        session.save_path = Path(path)
        return session

    def autosave(self) -> Path | None:
        """Write the rotating autosave (a failure to write is not worth stopping the game)."""
        from game.persist.save import Autosaver

        try:
            return Autosaver(autosave_folder()).save(self.record, f"turn {self.state.turn}")
        except OSError:
            return None


def saves_folder() -> Path:
    """Where the player's saves go (honours `XDG_DATA_HOME`)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    folder = Path(base) / "concert" / "saves"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def autosave_folder() -> Path:
    """Where autosaves rotate."""
    folder = saves_folder() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_POLICIES: dict[str, Any] = {}


def _policy(level: str):
    if level not in _POLICIES:
        from game.ai.registry import make_policy

        _POLICIES[level] = make_policy(level)
    return _POLICIES[level]


# Previews and scores are pure functions of a frozen state, so caching them by identity is safe
# while that state is alive; the caches hold a few states only.
_PREVIEWS: dict[tuple[int, Order], Any] = {}
_SCORES: dict[int, tuple[GameState, Any]] = {}


def _preview_cached(state: GameState, order: Order) -> Any:
    key = (id(state), order)
    hit = _PREVIEWS.get(key)
    if hit is None:
        if len(_PREVIEWS) > 2000:
            _PREVIEWS.clear()
        hit = (state, game.preview(state, order))
        _PREVIEWS[key] = hit
    if hit[0] is not state:
        hit = (state, game.preview(state, order))
        _PREVIEWS[key] = hit
    return hit[1]


def _scores_cached(state: GameState) -> Any:
    hit = _SCORES.get(id(state))
    if hit is None or hit[0] is not state:
        if len(_SCORES) > 256:
            _SCORES.clear()
        history = state.history
        value = history[-1] if history else game.scores(state)
        hit = (state, value)
        _SCORES[id(state)] = hit
    return hit[1]
