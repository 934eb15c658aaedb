"""What every action in the catalogue is made of, and the helpers the family modules share.

An `Action` bundles, for one `ActionKind`: which actor kinds may take it, how to enumerate its
candidate orders (targets and parameters from small fixed menus), its preconditions (a reason
when it is illegal), its cost, and its effect `apply(state, order, rng) -> (state, events)`.
Proposal actions (deals, alliances, zones) also have an `accept` effect that runs when their
addressee says yes.

`Edit` is the one way the families change a state: it copies the arrays it touches, lets the
effect write into the copies, and returns a new `GameState`; the input state is never changed.

Must not import: pygame, game.ui, game.engine.turn (the engine imports the catalogue).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from attrs import frozen

from game.engine.state import KIND_CODES, Event, GameState, replace
from game.rules.orders import ActionKind, Order
from game.scenario.model import ActorKind

Effect = Callable[[GameState, Order, np.random.Generator], tuple[GameState, list[Event]]]

STATE = frozenset({ActorKind.STATE})
STATE_ORG = frozenset({ActorKind.STATE, ActorKind.ORGANISATION})
ANY_KIND = frozenset(ActorKind)


@frozen
class Action:
    """One action of the catalogue.

    Attributes:
        kind: the action.
        family: "diplomacy", "economy", "military", "treaties" or "answers" (resolution order).
        actor_kinds: the actor kinds that may take it.
        candidates: `(state, actor_index) -> orders` before preconditions: every target and
            every menu value worth checking; finite and deterministic.
        check: `(state, order) -> reason | None`: preconditions past the generic ones (known
            actor, actor kind, parameters from the menu).
        menus: parameter key -> the allowed values; an order must give exactly these keys.
        multiplier: `(state, order) -> factor` of the base cost in `[costs]`.
        apply: the effect, `(state, order, rng) -> (state, events)`.
        accept: for proposals, the effect when the addressee accepts; else None.
        addressee: for proposals, `(state, order) -> id` of the actor who answers.
        summary: one line for the catalogue table and the UI.
    """

    kind: ActionKind
    family: str
    actor_kinds: frozenset[ActorKind]
    candidates: Callable[[GameState, int], Iterable[Order]]
    check: Callable[[GameState, Order], str | None]
    apply: Effect
    menus: Callable[[GameState], dict[str, tuple[Any, ...]]] = lambda state: {}
    multiplier: Callable[[GameState, Order], float] = lambda state, order: 1.0
    accept: Effect | None = None
    addressee: Callable[[GameState, Order], str] | None = None
    summary: str = ""

    @property
    def is_proposal(self) -> bool:
        """Whether the action is an offer its addressee answers."""
        return self.accept is not None

    def legal(self, state: GameState, actor: str) -> list[Order]:
        """This action's orders `actor` may give now and afford (unsorted, deterministic)."""
        i = state.index(actor)
        if kind_of(state, i) not in self.actor_kinds:
            return []
        budget = float(state.capital[i])
        return [
            order
            for order in self.candidates(state, i)
            if self.cost(state, order) <= budget + 1e-9 and self.check(state, order) is None
        ]

    def cost(self, state: GameState, order: Order) -> float:
        """The capital `order` costs: `[costs]` times the action's multiplier."""
        return float(state.rules["costs"][self.kind.value] * self.multiplier(state, order))

    def why_illegal(self, state: GameState, order: Order) -> str | None:
        """Why `order` cannot be given now (ignoring its cost), or None if it can.

        The generic checks (known actor, actor kind, parameters from the menus) come first,
        then the action's own preconditions.
        """
        if order.action is not self.kind:
            return f"{order.action.value} is not {self.kind.value}"
        if order.actor not in state.actors:
            return f"unknown actor {order.actor!r}"
        kind = kind_of(state, state.index(order.actor))
        if kind not in self.actor_kinds:
            allowed = " or ".join(sorted(k.value.replace("_", " ") for k in self.actor_kinds))
            return f"a {kind.value.replace('_', ' ')} cannot {order.action.value}: only a {allowed}"
        menus = self.menus(state)
        for key, value in order.params:
            if key not in menus:
                return f"unknown parameter {key!r} for {order.action.value}"
            if value not in menus[key]:
                allowed = ", ".join(str(v) for v in menus[key])
                return f"{key}={value} is not on the menu ({allowed})"
        return self.check(state, order)


class Family:
    """The four functions of one action family, over its actions (`legal`, `cost`,
    `why_illegal`, `apply`), so each family module offers the same small API."""

    def __init__(self, actions: tuple[Action, ...]) -> None:
        self.actions = {action.kind: action for action in actions}

    def legal(self, state: GameState, actor: str) -> list[Order]:
        """Every order of this family `actor` may give now and afford."""
        return [order for action in self.actions.values() for order in action.legal(state, actor)]

    def cost(self, state: GameState, order: Order) -> float:
        """The capital `order` costs."""
        return self.actions[order.action].cost(state, order)

    def why_illegal(self, state: GameState, order: Order) -> str | None:
        """Why `order` cannot be given now (ignoring its cost), or None."""
        return self.actions[order.action].why_illegal(state, order)

    def apply(
        self, state: GameState, order: Order, rng: np.random.Generator
    ) -> tuple[GameState, list[Event]]:
        """The order's effect (for a proposal: the offer itself; its `accept` is the deal)."""
        return self.actions[order.action].apply(state, order, rng)


# ---------------------------------------------------------------------------------------------
# Reading the state


def name(state: GameState, actor_id: str) -> str:
    """The display name of an actor (its id if unknown)."""
    try:
        return state.scenario.actors[state.index(actor_id)].name
    except (KeyError, IndexError):
        return actor_id


def kind_of(state: GameState, i: int) -> ActorKind:
    """The `ActorKind` of actor index `i`."""
    return _KIND_BY_CODE[int(state.actor_kind[i])]


_KIND_BY_CODE = {code: kind for kind, code in KIND_CODES.items()}


def is_kind(state: GameState, i: int, *kinds: ActorKind) -> bool:
    """Whether actor index `i` is one of `kinds`."""
    return kind_of(state, i) in kinds


def military(state: GameState, i: int) -> float:
    """Military capability of actor index `i`, 0..100."""
    return float(state.capabilities[i, 0])


def economy(state: GameState, i: int) -> float:
    """Economy capability of actor index `i`, 0..100."""
    return float(state.capabilities[i, 1])


def diplomacy(state: GameState, i: int) -> float:
    """Diplomacy capability of actor index `i`, 0..100."""
    return float(state.capabilities[i, 2])


def others(state: GameState, i: int) -> Iterator[int]:
    """Every actor index but `i`, in actor order."""
    return (j for j in range(state.n) if j != i)


def belligerents(state: GameState, t: int) -> np.ndarray:
    """Indices of the actors holding at least `[military] min_control` of theatre `t`."""
    return np.flatnonzero(state.control[t] >= state.rules["military"]["min_control"])


def sides(state: GameState, t: int) -> tuple[int, int] | None:
    """The two largest controllers of theatre `t` (the two sides), or None if one holds it."""
    order = np.argsort(-state.control[t], kind="stable")
    if len(order) < 2 or state.control[t, order[1]] < state.rules["military"]["min_control"]:
        return None
    return int(order[0]), int(order[1])


def side_of(state: GameState, t: int, i: int) -> int | None:
    """Which side of theatre `t` actor `i` backs: 0 or 1, or None if it backs neither.

    A controller backs itself; anyone else backs the side it is more aligned with and supports
    more (alignment plus support), provided that affinity is positive.
    """
    pair = sides(state, t)
    if pair is None:
        return None
    a, b = pair
    if i == a:
        return 0
    if i == b:
        return 1
    to_a = state.alignment[i, a] + state.support[i, a]
    to_b = state.alignment[i, b] + state.support[i, b]
    if max(to_a, to_b) <= 0 or to_a == to_b:
        return None
    return 0 if to_a > to_b else 1


def theatre_index(state: GameState, theatre_id: str) -> int | None:
    """The row of a theatre, or None if unknown."""
    try:
        return state.theatre_ids.index(theatre_id)
    except ValueError:
        return None


def agreement_index(state: GameState, agreement_id: str) -> int | None:
    """The row of an agreement, or None if unknown."""
    try:
        return state.agreement_ids.index(agreement_id)
    except ValueError:
        return None


def issue_index(state: GameState, issue_id: str) -> int | None:
    """The row of an issue, or None if unknown."""
    try:
        return state.issue_ids.index(issue_id)
    except ValueError:
        return None


def actor_targets(state: GameState, order: Order, count: int) -> tuple[int, ...] | str:
    """The indices of an order's `count` actor targets, or the reason they are wrong."""
    if len(order.targets) != count:
        return f"needs {count} actor target{'s' if count > 1 else ''}, got {len(order.targets)}"
    indices = []
    for target in order.targets:
        if target not in state.actors:
            return f"unknown actor {target!r}"
        indices.append(state.index(target))
    if order.actor in order.targets:
        return "an actor cannot target itself"
    if len(set(indices)) != len(indices):
        return "the targets must be different actors"
    return tuple(indices)


# ---------------------------------------------------------------------------------------------
# Changing the state


class Edit:
    """Copy-on-write changes to a state; `done()` returns the new state.

    Only the local copies are written; the state passed in (and its read-only arrays) is never
    touched, so any number of previews can share it.
    """

    def __init__(self, state: GameState) -> None:
        self.state = state
        self._arrays: dict[str, np.ndarray] = {}
        self._fields: dict[str, Any] = {}

    def __getitem__(self, field_name: str) -> np.ndarray:
        if field_name not in self._arrays:
            self._arrays[field_name] = np.array(getattr(self.state, field_name), copy=True)
        return self._arrays[field_name]

    def set(self, field_name: str, value: Any) -> None:
        """Replace a non-array field (zone, agreement_status, proposals...)."""
        self._fields[field_name] = value

    def get(self, field_name: str) -> Any:
        """A field's value as edited so far."""
        if field_name in self._fields:
            return self._fields[field_name]
        if field_name in self._arrays:
            return self._arrays[field_name]
        return getattr(self.state, field_name)

    def shift_alignment(self, i: int, j: int, delta: float) -> None:
        """Move the pair's alignment by `delta`, both ways, kept in -1..1."""
        if i == j:
            return
        a = self["alignment"]
        a[i, j] = a[j, i] = float(np.clip(a[i, j] + delta, -1.0, 1.0))

    def shift_baseline(self, i: int, j: int, delta: float) -> None:
        """Move the pair's baseline by `delta`, both ways, kept in -1..1."""
        if i == j:
            return
        b = self["baseline"]
        b[i, j] = b[j, i] = float(np.clip(b[i, j] + delta, -1.0, 1.0))

    def shift_capability(self, i: int, column: int, delta: float) -> None:
        """Move a capability (0 military, 1 economy, 2 diplomacy) by `delta`, kept in 0..100."""
        c = self["capabilities"]
        c[i, column] = float(np.clip(c[i, column] + delta, 0.0, 100.0))

    def shift_progress(self, k: int, delta: float) -> None:
        """Move issue `k`'s progress by `delta`, kept in 0..1."""
        p = self["progress"]
        p[k] = float(np.clip(p[k] + delta, 0.0, 1.0))

    def shift_violence(self, t: int, delta: float) -> None:
        """Move theatre `t`'s violence by `delta`, kept in 0..1."""
        v = self["violence"]
        v[t] = float(np.clip(v[t] + delta, 0.0, 1.0))

    def done(self) -> GameState:
        """The new state."""
        return replace(self.state, **self._arrays, **self._fields)


def event(state: GameState, kind: str, actors: Iterable[str], text: str, cause: str = "") -> Event:
    """An event of the turn being resolved (`state.turn + 1`, dated `state.date`)."""
    return Event(state.turn + 1, state.date, kind, tuple(actors), text, cause)


def order_event(state: GameState, order: Order, text: str, kind: str = "order") -> Event:
    """The event of an order that took effect: the actor and its actor targets, the text."""
    concerned = [order.actor, *(t for t in order.targets if t in state.actors)]
    return event(state, kind, dict.fromkeys(concerned), text, str(order))


def enemies(state: GameState, j: int, threshold: float = -0.3) -> np.ndarray:
    """Indices of the actors whose alignment with `j` is below `threshold`."""
    return np.flatnonzero(state.alignment[j] < threshold)


def friends(state: GameState, j: int, threshold: float) -> np.ndarray:
    """Indices of the actors whose alignment with `j` is at least `threshold` (not `j`)."""
    found = np.flatnonzero(state.alignment[j] >= threshold)
    return found[found != j]


# ---------------------------------------------------------------------------------------------
# Who a move may name: the menu rules (MENU-n in the casebook)


def partners(state: GameState, i: int) -> np.ndarray:
    """(N,) bool: the actors at least `[diplomacy] partner_min_alignment` aligned with `i`."""
    row = state.alignment[i] >= state.rules["diplomacy"]["partner_min_alignment"]
    row = row.copy()
    row[i] = False
    return row


def ties(state: GameState, i: int) -> np.ndarray:
    """(N,) bool: the actors `i` has a direct relation with.

    A relation is any alignment other than neutral, trade, sanctions or support either way.
    Belonging to the same multilateral agreement is not one by itself: the JCPOA does not make
    Russia and France business partners or quarrel-worthy.
    """
    row = (
        (np.abs(state.alignment[i]) > 1e-9)
        | (state.trade[i] > 0)
        | (state.sanctions[i] > 0)
        | (state.sanctions[:, i] > 0)
        | (state.support[i] > 0)
        | (state.support[:, i] > 0)
    )
    row = row.copy()
    row[i] = False
    return row


def fighting(state: GameState) -> np.ndarray:
    """(N,) bool: the actors holding ground (at least `min_control`) in some theatre."""
    if not state.theatre_ids:
        return np.zeros(state.n, dtype=bool)
    return np.any(state.control >= state.rules["military"]["min_control"], axis=0)


def stakes(state: GameState, i: int) -> np.ndarray:
    """(N,) bool: the actors `i` has a stake in, the ones its hostile moves may name.

    Those it has a direct relation with (`ties`), those at odds (alignment below 0) with one of
    its partners, those holding ground in a theatre, and the firms of any of these (or its own).
    """
    partner = partners(state, i)
    at_odds = np.any(state.alignment[partner] < 0, axis=0) if partner.any() else partner
    row = ties(state, i) | at_odds | fighting(state)
    parents = _parents(state)
    for j, parent in enumerate(parents):
        if parent is not None and (parent == i or row[parent]):
            row[j] = True
    row = row.copy()
    row[i] = False
    return row


def _parents(state: GameState) -> tuple[int | None, ...]:
    """Each actor's parent index (firms), read once per scenario: menus ask for it per order."""
    scenario = state.scenario
    hit = _PARENTS.get(id(scenario))
    if hit is not None and hit[0] is scenario:
        return hit[1]
    where = {a: k for k, a in enumerate(state.actors)}
    out = tuple(where.get(getattr(a, "parent", None)) for a in scenario.actors)
    if len(_PARENTS) >= 8:
        _PARENTS.clear()
    _PARENTS[id(scenario)] = (scenario, out)
    return out


_PARENTS: dict[int, tuple[object, tuple[int | None, ...]]] = {}


def parent_of(state: GameState, j: int) -> int | None:
    """The index of the actor a firm belongs to (Rosneft -> Russia), or None."""
    return _parents(state)[j]


def contested(state: GameState, j: int) -> bool:
    """Whether actor `j`'s legitimacy is in dispute, so recognising it means something.

    Armed groups always are; a state is when someone else holds ground (at least
    `min_control`) in a theatre of its own country, i.e. it has a rival claimant.
    """
    if is_kind(state, j, ActorKind.ARMED_GROUP):
        return True
    if not is_kind(state, j, ActorKind.STATE):
        return False
    floor = state.rules["military"]["min_control"]
    me = state.actors[j]
    for t, theatre in enumerate(state.scenario.theatres):
        if theatre.country == me:
            holders = np.flatnonzero(state.control[t] >= floor)
            if np.any(holders != j):
                return True
    return False


def backlash(state: GameState, edit: Edit, i: int, j: int, loss: float) -> None:
    """`i` wronged `j` by `loss` alignment: `j`'s friends feel a share of it too.

    Friends are actors at least `[diplomacy] backlash_friend` aligned with `j` (other than
    `i`); each loses `backlash_share` × `loss` alignment with `i`. It is what makes a hostile
    move against a third party cost something with that party's camp.
    """
    r = state.rules["diplomacy"]
    share = r["backlash_share"] * loss
    if share <= 0:
        return
    for f in friends(state, j, r["backlash_friend"]):
        if f != i:
            edit.shift_alignment(i, int(f), -share)


def adversaries(state: GameState, i: int) -> np.ndarray:
    """(N,) bool: the actors `i` is at odds with, the ones it may sanction.

    Those hostile to it (alignment below 0) or to one of its partners, and the firms of any of
    these; never its own firms, nor the firms of its partners.
    """
    partner = partners(state, i)
    row = state.alignment[i] < 0
    if partner.any():
        row = row | np.any(state.alignment[partner] < 0, axis=0)
    row = row.copy()
    for j, parent in enumerate(_parents(state)):
        if parent is None:
            continue
        if parent == i or partner[parent]:
            row[j] = False
        elif row[parent]:
            row[j] = True
    row[i] = False
    return row
