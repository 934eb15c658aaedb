"""`GameRecord`: a game as it is played, kept as its states, orders and hashes turn by turn.

The UI's session, `simulate` and the soak test all accumulate a game in a `GameRecord`; it is what
a save is written from and what loading a save gives back. It is a value: `play`, `append` and
`rewind` return a new record, so undo is free (the old record is still there) and a branch is
just a rewound record played on differently.

Every turn is resolved as `resolve(state, orders, turn_rng(state))` with a *fresh* generator;
that is the contract a save relies on, because loading re-runs exactly that call. `play` and
`play_turn` keep it by construction. A caller that resolves turns itself must use a fresh
`turn_rng(state)` for `resolve` (not one it has already drawn from, e.g. for its policies) and
hand `append` every order it resolved, the AI seats' included; `append` re-runs the turn to
check that, unless told not to. `game.engine.turn.play_turn` keeps the contract too.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from attrs import evolve, field, frozen

from game.engine.rng import turn_rng
from game.engine.state import GameState, state_hash
from game.rules.orders import Order
from game.scenario.model import Scenario


def _engine() -> Any:
    """The engine's turn module, imported on first use (it is the heaviest part of `game`)."""
    from game.engine import turn

    return turn


def _orders_tuple(turns: Iterable[Iterable[Order]]) -> tuple[tuple[Order, ...], ...]:
    return tuple(tuple(orders) for orders in turns)


@frozen(eq=False)
class GameRecord:
    """A game from its first state to its current one.

    Attributes:
        scenario: the scenario as the player chose it (the save embeds and hashes this one).
        seed: the game seed.
        humans: the seats played by humans, sorted.
        states: `states[0]` is the state before turn 1; `states[k]` the state after turn `k`.
        orders: `orders[k]` are all the orders resolved in turn `k + 1`, AI seats' included.
        hashes: `hashes[k] == state_hash(states[k])`.
        reseeds: `(turn, seed)` pairs: after `turn` turns the seed became `seed` (`reseed`).
    """

    scenario: Scenario
    seed: int
    humans: tuple[str, ...] = field(converter=lambda v: tuple(sorted(v)))
    states: tuple[GameState, ...] = field(converter=tuple)
    orders: tuple[tuple[Order, ...], ...] = field(converter=_orders_tuple)
    hashes: tuple[str, ...] = field(converter=tuple)
    reseeds: tuple[tuple[int, int], ...] = field(default=(), converter=tuple)

    def __attrs_post_init__(self) -> None:
        if not self.states:
            raise ValueError("a game record needs at least its first state")
        if len(self.orders) != len(self.states) - 1 or len(self.hashes) != len(self.states):
            raise ValueError(
                f"{len(self.states)} states, {len(self.orders)} turns of orders and "
                f"{len(self.hashes)} hashes do not line up (expected n + 1, n, n + 1)"
            )

    @classmethod
    def start(cls, scenario: Scenario, seed: int, humans: Iterable[str] = ()) -> GameRecord:
        """A new game of `scenario` with `seed`, humans on the seats `humans`, no turn played."""
        from game.engine.setup import new_game

        state = new_game(scenario, seed, humans=tuple(humans))
        return cls.from_state(state, scenario)

    @classmethod
    def from_state(cls, state: GameState, scenario: Scenario | None = None) -> GameRecord:
        """A record starting at `state`, which must be a first state (`state.turn == 0`).

        Args:
            state: a state made by `game.new_game`.
            scenario: the scenario as chosen, when it differs from `state.scenario` (a save
                replayed with its own rules table); `state.scenario` otherwise.
        """
        if state.turn != 0:
            raise ValueError(
                f"a record starts at a first state; this one is after turn {state.turn}"
            )
        return cls(
            scenario=state.scenario if scenario is None else scenario,
            seed=state.seed,
            humans=state.humans,
            states=(state,),
            orders=(),
            hashes=(state_hash(state),),
        )

    @property
    def state(self) -> GameState:
        """The current state."""
        return self.states[-1]

    @property
    def turn(self) -> int:
        """Turns resolved so far (`state.turn`)."""
        return len(self.states) - 1

    @property
    def is_over(self) -> bool:
        """Whether the game has ended (no more turns may be played)."""
        return bool(_engine().is_over(self.state))

    def play(self, orders: Iterable[Order]) -> tuple[GameRecord, tuple]:
        """Resolve one turn with `orders` (every seat's) and record it.

        Returns:
            The record with the turn appended, and the turn's events.
        """
        orders = tuple(orders)
        new_state, events = _engine().resolve(self.state, orders, turn_rng(self.state))
        return self.append(orders, new_state, check=False), tuple(events)

    def play_turn(
        self,
        orders_by_actor: Mapping[str, Sequence[Order]] | None = None,
        policy_for: Mapping[str, Any] | Callable[[str], Any] | None = None,
    ) -> tuple[GameRecord, tuple]:
        """One turn with AI seats filled in, recorded with every order (AI ones included).

        Like `game.engine.turn.play_turn`: seats in `orders_by_actor` give those orders, human
        seats without orders give none, seats with a policy in `policy_for` ask it
        (`policy.choose(state, actor, rng)`), and the rest use the engine's `default_orders`.
        The policies draw from the turn's `policy` stream; `resolve` gets a fresh `turn_rng`.

        Returns:
            The record with the turn appended, and the turn's events.
        """
        from game.engine.turn import gather_orders

        return self.play(gather_orders(self.state, orders_by_actor, policy_for))

    def append(self, orders: Iterable[Order], state: GameState, check: bool = True) -> GameRecord:
        """Record a turn the caller resolved: `state = resolve(self.state, orders, turn_rng(...))`.

        Args:
            orders: every order resolved, the AI seats' included.
            state: the state the turn produced.
            check: re-run the turn and refuse a state that a load would not reproduce (a turn
                resolved with a used generator, or with orders missing); costs one `resolve`.

        Raises:
            ValueError: `state` is not the next turn, or (with `check`) does not re-run.
        """
        orders = tuple(orders)
        if state.turn != self.turn + 1:
            raise ValueError(
                f"the record is after turn {self.turn}; the new state is after turn {state.turn}"
            )
        if check:
            again, _events = _engine().resolve(self.state, orders, turn_rng(self.state))
            if state_hash(again) != state_hash(state):
                raise ValueError(
                    f"turn {state.turn} does not re-run from its orders: resolve it with a fresh "
                    "turn_rng(state) and pass every order resolved, AI seats' included"
                )
        return evolve(
            self,
            states=(*self.states, state),
            orders=(*self.orders, tuple(orders)),
            hashes=(*self.hashes, state_hash(state)),
        )

    def rewind(self, turn: int) -> GameRecord:
        """The record as it stood after `turn` turns (0: the start); undo and branch use this.

        Raises:
            ValueError: `turn` is negative or later than the record's current turn.
        """
        if not 0 <= turn <= self.turn:
            raise ValueError(f"turn {turn} is not in this game (0..{self.turn})")
        return evolve(
            self,
            states=self.states[: turn + 1],
            orders=self.orders[:turn],
            hashes=self.hashes[: turn + 1],
            reseeds=tuple(pair for pair in self.reseeds if pair[0] <= turn),
        )

    def reseed(self, seed: int) -> GameRecord:
        """The record with the seed changed from now on: the same game so far, other dice after.

        `simulate --from SAVE` uses this to play many different continuations of one saved
        position; the save records the change, so every continuation still re-runs exactly.
        """
        if not 0 <= seed <= 2**63 - 1:
            raise ValueError(f"seed {seed} is not in 0..2**63-1")
        from game.engine.state import replace

        state = replace(self.state, seed=seed)
        kept = tuple(pair for pair in self.reseeds if pair[0] != self.turn)
        return evolve(
            self,
            states=(*self.states[:-1], state),
            hashes=(*self.hashes[:-1], state_hash(state)),
            reseeds=(*kept, (self.turn, seed)),
        )

    def undo(self, turns: int = 1) -> GameRecord:
        """The record with its last `turns` turns taken back (never before the start)."""
        return self.rewind(max(0, self.turn - turns))


def record_from_orders(
    scenario: Scenario,
    seed: int,
    humans: Sequence[str],
    turns: Iterable[Iterable[Order]],
) -> GameRecord:
    """Re-run a game from its orders and return its record (no hash checks: nothing to check).

    Args:
        scenario: the scenario.
        seed: the game seed.
        humans: the human seats.
        turns: every turn's orders, in order.
    """
    record = GameRecord.start(scenario, seed, humans)
    for orders in turns:
        record, _events = record.play(orders)
    return record
