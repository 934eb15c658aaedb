"""The one interface every AI level and every human seat shares: decisions, answers, seats.

A `Policy` chooses a turn's orders for one actor (`choose`) and answers proposals addressed to it
(`answer`). What it returns is data: a `Decision` (orders plus the *reasons* behind them, so a
player can ask why) and an `Answer` (accept or refuse, with the acceptance breakdown: what pushes
for, what against). A `Seat` puts a policy or a human behind an actor, so the game loop, the UI and
the batch runner treat both alike (OpenSpiel's bots and human players share one `step` too).

Must not import: pygame, game.ui, file formats.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from attrs import field, frozen

from game.rules.orders import Order

if TYPE_CHECKING:
    from game.engine.state import GameState, Proposal


@frozen
class Reason:
    """One term behind a choice, in the chooser's own units, e.g. `+3.1 agenda: keeps Assad`.

    Attributes:
        delta: the expected change, in points (agenda scores are shown on a 0..100 scale).
        term: which score moves: "agenda", "stability", "influence", "rollout"...
        text: a phrase a player reads, e.g. "Keep Assad's government in Damascus".
    """

    delta: float
    term: str
    text: str

    def __str__(self) -> str:
        return f"{self.delta:+.1f} {self.term}: {self.text}"


@frozen
class Decision:
    """An actor's orders for one turn and why it chose them.

    Attributes:
        actor: the deciding actor's id.
        orders: the orders, within the actor's budget of political capital.
        reasons: the main terms behind the choice, largest first (at most a handful).
        value: the chooser's estimate of what the orders are worth, in agenda points
            (0 when the level makes no estimate, as `random` does).
    """

    actor: str
    orders: tuple[Order, ...] = field(default=(), converter=tuple)
    reasons: tuple[Reason, ...] = field(default=(), converter=tuple)
    value: float = 0.0

    def __iter__(self) -> Iterator[Order]:
        """The orders, so a `Decision` serves wherever a sequence of orders is expected
        (`game.engine.turn.play_turn` extends its order list with what `choose` returns)."""
        return iter(self.orders)

    def __len__(self) -> int:
        return len(self.orders)

    def explain(self) -> str:
        """The reasons as lines of text, for logs and the turn report."""
        if not self.orders:
            return f"{self.actor} passes"
        lines = [str(order) for order in self.orders]
        lines.extend(f"  {reason}" for reason in self.reasons)
        return "\n".join(lines)


@frozen
class Answer:
    """An addressee's answer to a proposal, with the breakdown behind it.

    Attributes:
        proposal: the proposal id, e.g. `"P3"`.
        accept: True to accept, False to refuse.
        breakdown: `(label, weight)` pairs from the engine's stated acceptance rule; positive
            weights push for acceptance, negative ones against, e.g.
            `(("alignment with Russia", 0.42), ("sanctions risk", -0.18))`.
        total: the sum the rule compares with its threshold.
        threshold: the rule's threshold; the rule accepts when `total > threshold`.
    """

    proposal: str
    accept: bool
    breakdown: tuple[tuple[str, float], ...] = field(default=(), converter=tuple)
    total: float = 0.0
    threshold: float = 0.0

    @property
    def pushes_for(self) -> tuple[tuple[str, float], ...]:
        """The terms in favour, largest first."""
        return tuple(sorted((t for t in self.breakdown if t[1] > 0), key=lambda t: -t[1]))

    @property
    def pushes_against(self) -> tuple[tuple[str, float], ...]:
        """The terms against, largest first."""
        return tuple(sorted((t for t in self.breakdown if t[1] < 0), key=lambda t: t[1]))

    def order(self, actor: str) -> Order:
        """The answer as an order (`accept` or `refuse` aimed at the proposal id)."""
        return Order(actor, "accept" if self.accept else "refuse", (self.proposal,))


@runtime_checkable
class Policy(Protocol):
    """What every AI level provides. Implementations are stateless between calls.

    Both methods draw every random number from `rng`, so the same state and the same generator
    state give the same result.
    """

    name: str

    def choose(self, state: GameState, actor: str, rng: np.random.Generator) -> Decision:
        """The orders `actor` gives this turn (legal, within its budget) and the reasons."""
        ...

    def answer(self, state: GameState, proposal: Proposal, rng: np.random.Generator) -> Answer:
        """Accept or refuse `proposal`, addressed to this policy's actor."""
        ...


class Seat:
    """An actor's seat at the table: played by a human (orders fed in) or by a policy.

    The game loop asks every seat the same thing, `decide(state, rng)`, and gets a `Decision`.
    A human seat returns what the player `submit`ted for this turn (and forgets it); a policy seat
    asks its policy. Example::

        seats = {a: Seat(a, make_policy("greedy")) for a in ("RUS", "IRN", "TUR")}
        seats["USA"] = Seat("USA")            # a human
        seats["USA"].submit([order])          # from the UI
        orders = [o for s in seats.values() for o in s.decide(state, rng).orders]
    """

    def __init__(self, actor: str, policy: Policy | None = None) -> None:
        self.actor = actor
        self.policy = policy
        self._pending: tuple[Order, ...] | None = None

    @property
    def is_human(self) -> bool:
        """True when a person feeds this seat its orders."""
        return self.policy is None

    @property
    def ready(self) -> bool:
        """True when `decide` can answer now (a policy seat, or a human who has submitted)."""
        return self.policy is not None or self._pending is not None

    def submit(self, orders: Sequence[Order]) -> None:
        """A human's orders for the coming turn; each must be this seat's own."""
        if self.policy is not None:
            raise ValueError(f"seat {self.actor} is played by the {self.policy.name} AI")
        foreign = [str(o) for o in orders if o.actor != self.actor]
        if foreign:
            raise ValueError(f"seat {self.actor} cannot give orders for others: {foreign}")
        self._pending = tuple(orders)

    def decide(self, state: GameState, rng: np.random.Generator) -> Decision:
        """This turn's decision: the human's submitted orders, or the policy's choice."""
        if self.policy is not None:
            return self.policy.choose(state, self.actor, rng)
        if self._pending is None:
            raise RuntimeError(f"seat {self.actor} is waiting for its player's orders")
        orders, self._pending = self._pending, None
        return Decision(self.actor, orders, (Reason(0.0, "human", "the player's choice"),))

    def __repr__(self) -> str:
        who = "human" if self.policy is None else self.policy.name
        return f"Seat({self.actor!r}, {who})"
