"""Military: support a client, establish a de-escalation zone (a proposal to a guarantor of the
other side), guarantee a zone, launch an offensive, withdraw from a theatre.

Numbers come from the `[military]` and `[costs]` rules. A theatre's two sides are its two largest
controllers (`base.sides`); an outside actor backs the side it is more aligned with and supports.

The module offers the family API `legal(state, actor)`, `cost(state, order)`,
`why_illegal(state, order)` and `apply(state, order, rng)` over `ACTIONS`.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from game.engine.state import GameState
from game.rules.base import (
    STATE,
    Action,
    Edit,
    Family,
    actor_targets,
    belligerents,
    enemies,
    is_kind,
    military,
    name,
    order_event,
    side_of,
    sides,
    theatre_index,
)
from game.rules.orders import ActionKind, Order
from game.scenario.model import ActorKind, ZoneStatus

SUPPORT_LEVELS = (1, 2)
_ZONE_OPEN = (ZoneStatus.NONE, ZoneStatus.PROPOSED, ZoneStatus.COLLAPSED)
_ZONE_STANDING = (ZoneStatus.ACTIVE, ZoneStatus.FAILING)
_FIGHTERS = (ActorKind.STATE, ActorKind.ARMED_GROUP)


def _rules(state: GameState) -> dict:
    return state.rules["military"]


def _is_belligerent(state: GameState, j: int) -> bool:
    return bool(np.any(state.control[:, j] >= _rules(state)["min_control"]))


def _theatre(state: GameState, order: Order) -> int | str:
    if not order.targets:
        return "needs a theatre as its first target"
    t = theatre_index(state, order.targets[0])
    return f"unknown theatre {order.targets[0]!r}" if t is None else t


def _one_theatre(state: GameState, order: Order) -> tuple[int, int] | str:
    """`(theatre, actor)` indices of an order naming exactly one theatre, or what is wrong."""
    t = _theatre(state, order)
    if isinstance(t, str):
        return t
    if len(order.targets) != 1:
        return "names one theatre"
    return t, state.index(order.actor)


# ---------------------------------------------------------------------------------------------
# support_client


def _rival_client(state: GameState, i: int, j: int) -> int | None:
    """Another client of `i` that `j` fights: both hold ground in one theatre and are hostile
    (alignment below 0). None if there is none."""
    floor = _rules(state)["min_control"]
    theirs = state.control[:, j] >= floor
    for k in np.flatnonzero(state.support[i] > 0):
        k = int(k)
        if k in (i, j) or state.alignment[j, k] >= 0:
            continue
        if np.any(theirs & (state.control[:, k] >= floor)):
            return k
    return None


def _support_candidates(state: GameState, i: int) -> Iterator[Order]:
    fighting = np.any(state.control >= _rules(state)["min_control"], axis=0)
    floor = _rules(state)["support_min_alignment"]
    ok = fighting & (state.alignment[i] >= floor) & np.isin(state.actor_kind, [0, 1])
    for j in np.flatnonzero(ok):
        if j != i and _rival_client(state, i, int(j)) is None:
            for level in SUPPORT_LEVELS:
                target = (state.actors[int(j)],)
                yield Order(state.actors[i], ActionKind.SUPPORT_CLIENT, target, {"level": level})


def _support_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    i = state.index(order.actor)
    if order.param("level") is None:
        return "support needs a level: 1 or 2"
    if military(state, i) < _rules(state)["support_min_military"]:
        return f"a military of {military(state, i):.0f} is too small to support anyone"
    if not is_kind(state, j, *_FIGHTERS):
        return "only states and armed groups can be supported as clients"
    if not _is_belligerent(state, j):
        return f"{order.targets[0]} holds no ground in any theatre"
    if state.alignment[i, j] < _rules(state)["support_min_alignment"]:
        return f"{order.targets[0]} is not aligned with {order.actor}: it takes no support from it"
    rival = _rival_client(state, i, j)
    if rival is not None:
        return (
            f"{order.targets[0]} fights {state.actors[rival]}, whom {order.actor} already "
            "supports: a patron backs one side of a war"
        )
    return None


def _support_multiplier(state: GameState, order: Order) -> float:
    return state.rules["multipliers"]["support_level2"] if order.param("level") == 2 else 1.0


def _support_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    level = float(order.param("level"))
    edit = Edit(state)
    edit["support"][i, j] = min(1.0, state.support[i, j] + r["support_step"] * level)
    edit.shift_alignment(i, j, r["support_alignment"] * level)
    edit.shift_capability(j, 0, r["support_military"] * level)
    for t in np.flatnonzero(state.control[:, j] >= r["min_control"]):
        if sides(state, int(t)) is not None:
            edit.shift_violence(int(t), r["support_violence"] * level)
    for e in enemies(state, j):
        if e != i:
            edit.shift_alignment(i, int(e), -r["support_rival_alignment"] * level)
    text = f"{name(state, order.actor)} steps up support for {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# establish_zone (a proposal) and guarantee_zone


def _zone_candidates(state: GameState, i: int) -> Iterator[Order]:
    if military(state, i) < _rules(state)["zone_min_military"]:
        return
    for t, theatre_id in enumerate(state.theatre_ids):
        if state.zone[t] not in _ZONE_OPEN:
            continue
        mine = side_of(state, t, i)
        if mine is None:
            continue
        for j in range(state.n):
            if j != i and state.actor_kind[j] == 0 and side_of(state, t, j) == 1 - mine:
                yield Order(
                    state.actors[i], ActionKind.ESTABLISH_ZONE, (theatre_id, state.actors[j])
                )


def _zone_check(state: GameState, order: Order) -> str | None:
    t = _theatre(state, order)
    if isinstance(t, str):
        return t
    if len(order.targets) != 2 or order.targets[1] not in state.actors:
        return "a zone needs a theatre and a co-guarantor from the other side"
    i, j = state.index(order.actor), state.index(order.targets[1])
    r = _rules(state)
    if i == j:
        return "the co-guarantor must be another actor"
    if state.zone[t] not in _ZONE_OPEN:
        return f"{order.targets[0]} already has a {state.zone[t].value} zone"
    if sides(state, t) is None:
        return f"{order.targets[0]} is held by one side: there is nothing to de-escalate"
    if not is_kind(state, j, ActorKind.STATE):
        return "guarantors are states"
    if military(state, i) < r["zone_min_military"] or military(state, j) < r["zone_min_military"]:
        return "both guarantors need a military of at least 30"
    mine, theirs = side_of(state, t, i), side_of(state, t, j)
    if mine is None:
        return f"{order.actor} backs neither side in {order.targets[0]}"
    if theirs is None or theirs == mine:
        return "a zone needs a guarantor on each side"
    return None


def _second_target(state: GameState, order: Order) -> str:
    return order.targets[1]


def _no_effect(state: GameState, order: Order, rng: np.random.Generator):
    # The offer itself changes nothing; the engine routes it to its addressee.
    return state, []


def _zone_accept(state: GameState, order: Order, rng: np.random.Generator):
    t = theatre_index(state, order.targets[0])
    i, j = state.index(order.actor), state.index(order.targets[1])
    edit = Edit(state)
    zone = list(state.zone)
    zone[t] = ZoneStatus.ACTIVE
    edit.set("zone", tuple(zone))
    edit["guarantors"][t, i] = edit["guarantors"][t, j] = 1.0
    edit.shift_alignment(i, j, _rules(state)["zone_alignment"])
    text = (
        f"{name(state, order.actor)} and {name(state, order.targets[1])} establish a "
        f"de-escalation zone in {state.scenario.theatres[t].name}"
    )
    return edit.done(), [order_event(state, order, text, "accepted")]


def _guarantee_candidates(state: GameState, i: int) -> Iterator[Order]:
    if military(state, i) < _rules(state)["zone_min_military"]:
        return
    for t, theatre_id in enumerate(state.theatre_ids):
        if state.zone[t] in _ZONE_STANDING and not state.guarantors[t, i]:
            yield Order(state.actors[i], ActionKind.GUARANTEE_ZONE, (theatre_id,))


def _guarantee_check(state: GameState, order: Order) -> str | None:
    found = _one_theatre(state, order)
    if isinstance(found, str):
        return found
    t, i = found
    if state.zone[t] not in _ZONE_STANDING:
        return f"{order.targets[0]} has no standing zone to guarantee"
    if state.guarantors[t, i]:
        return f"{order.actor} already guarantees {order.targets[0]}"
    if military(state, i) < _rules(state)["zone_min_military"]:
        return "a guarantor needs a military of at least 30"
    return None


def _guarantee_apply(state: GameState, order: Order, rng: np.random.Generator):
    t = theatre_index(state, order.targets[0])
    i = state.index(order.actor)
    edit = Edit(state)
    edit["guarantors"][t, i] = 1.0
    for g in np.flatnonzero(state.guarantors[t]):
        edit.shift_alignment(i, int(g), _rules(state)["guarantee_alignment"])
    text = f"{name(state, order.actor)} guarantees the zone in {state.scenario.theatres[t].name}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# offensive


def _fighter(state: GameState, t: int, i: int) -> int | None:
    """Who fights for `i` in theatre `t`: itself if it holds ground, else its closest client."""
    floor = _rules(state)["min_control"]
    if state.control[t, i] >= floor:
        return i
    held = belligerents(state, t)
    # A client is a holder it supports, or an ally (alignment >= 0.5) it fights beside.
    eligible = (state.support[i, held] > 0) | (state.alignment[i, held] >= 0.5)
    if not eligible.any():
        return None
    backing = np.where(eligible, state.support[i, held] + state.alignment[i, held], -np.inf)
    return int(held[int(np.argmax(backing))])


def _enemy(state: GameState, t: int, fighter: int) -> int | None:
    """The largest holder of theatre `t` hostile to `fighter` (alignment below zero)."""
    held = [int(j) for j in belligerents(state, t) if j != fighter]
    hostile = [j for j in held if state.alignment[fighter, j] < 0]
    if not hostile:
        return None
    return max(hostile, key=lambda j: (state.control[t, j], -j))


def _offensive_candidates(state: GameState, i: int) -> Iterator[Order]:
    for theatre_id in state.theatre_ids:
        yield Order(state.actors[i], ActionKind.OFFENSIVE, (theatre_id,))


def _offensive_check(state: GameState, order: Order) -> str | None:
    found = _one_theatre(state, order)
    if isinstance(found, str):
        return found
    t, i = found
    if military(state, i) < _rules(state)["offensive_min_military"]:
        return f"a military of {military(state, i):.0f} is too small for an offensive"
    fighter = _fighter(state, t, i)
    if fighter is None:
        return f"{order.actor} has no forces or clients in {order.targets[0]}"
    if _enemy(state, t, fighter) is None:
        return f"no enemy holds ground in {order.targets[0]}"
    return None


def _strength(state: GameState, j: int) -> float:
    return military(state, j) / 100.0 + float(state.support[:, j].sum())


def _offensive_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    t = theatre_index(state, order.targets[0])
    i = state.index(order.actor)
    fighter = _fighter(state, t, i)
    enemy = _enemy(state, t, fighter)
    attack = _strength(state, fighter) + (military(state, i) / 100.0 if fighter != i else 0.0)
    defend = _strength(state, enemy)
    odds = attack / max(attack + defend, 1e-9)
    success = rng.random() < odds
    edit = Edit(state)
    theatre_name = state.scenario.theatres[t].name
    if success:
        control = edit["control"]
        gain = min(float(control[t, enemy]), r["offensive_gain"] * (0.5 + odds))
        control[t, enemy] -= gain
        control[t, fighter] += gain
        text = (
            f"{name(state, order.actor)}'s offensive in {theatre_name} takes ground from "
            f"{name(state, state.actors[enemy])}"
        )
    else:
        text = f"{name(state, order.actor)}'s offensive in {theatre_name} stalls"
    edit.shift_violence(t, r["offensive_violence"])
    if state.zone[t] in _ZONE_STANDING:
        zone = list(state.zone)
        zone[t] = ZoneStatus.FAILING
        edit.set("zone", tuple(zone))
        for g in np.flatnonzero(state.guarantors[t]):
            edit.shift_alignment(i, int(g), -r["offensive_zone_alignment"])
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# withdraw


def _involved(state: GameState, t: int, i: int) -> bool:
    """Whether `i` has something in theatre `t` to withdraw: ground, a guarantee, or support of
    at least one `support_step` for a fighter there (a token residue is not a presence, so
    repeated withdrawals cannot keep calming a theatre one has already left)."""
    held = belligerents(state, t)
    r = _rules(state)
    return bool(
        state.control[t, i] >= r["min_control"]
        or state.guarantors[t, i]
        or (held.size and state.support[i, held].max() >= r["support_step"] - 1e-9)
    )


def _withdraw_candidates(state: GameState, i: int) -> Iterator[Order]:
    for t, theatre_id in enumerate(state.theatre_ids):
        if _involved(state, t, i):
            yield Order(state.actors[i], ActionKind.WITHDRAW, (theatre_id,))


def _withdraw_check(state: GameState, order: Order) -> str | None:
    found = _one_theatre(state, order)
    if isinstance(found, str):
        return found
    t, i = found
    if not _involved(state, t, i):
        return f"{order.actor} has nothing in {order.targets[0]} to withdraw"
    if state.control[t, i] >= 1.0 - 1e-9:
        return f"{order.actor} holds all of {order.targets[0]}: there is nobody to hand it to"
    return None


def _withdraw_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    t = theatre_index(state, order.targets[0])
    i = state.index(order.actor)
    edit = Edit(state)
    control = edit["control"]
    share = float(control[t, i])
    if share > 0:
        control[t, i] = 0.0
        rest = control[t].copy()
        friends = [int(j) for j in np.flatnonzero(rest > 0) if state.alignment[i, j] > 0]
        if friends:
            heir = max(friends, key=lambda j: (state.alignment[i, j], -j))
            control[t, heir] += share
        else:
            control[t] += share * rest / rest.sum()
    edit["guarantors"][t, i] = 0.0
    held = belligerents(state, t)
    support = edit["support"]
    support[i, held] *= 1.0 - r["withdraw_support"]
    edit.shift_violence(t, -r["withdraw_violence"])
    text = f"{name(state, order.actor)} withdraws from {state.scenario.theatres[t].name}"
    return edit.done(), [order_event(state, order, text)]


ACTIONS = (
    Action(
        ActionKind.SUPPORT_CLIENT,
        "military",
        STATE,
        _support_candidates,
        _support_check,
        _support_apply,
        menus=lambda state: {"level": SUPPORT_LEVELS},
        multiplier=_support_multiplier,
        summary="arm, fund or train a client",
    ),
    Action(
        ActionKind.ESTABLISH_ZONE,
        "military",
        STATE,
        _zone_candidates,
        _zone_check,
        _no_effect,
        accept=_zone_accept,
        addressee=_second_target,
        summary="propose a de-escalation zone to a guarantor of the other side",
    ),
    Action(
        ActionKind.GUARANTEE_ZONE,
        "military",
        STATE,
        _guarantee_candidates,
        _guarantee_check,
        _guarantee_apply,
        summary="become a guarantor of a standing zone",
    ),
    Action(
        ActionKind.OFFENSIVE,
        "military",
        frozenset(_FIGHTERS),
        _offensive_candidates,
        _offensive_check,
        _offensive_apply,
        summary="attack in a theatre",
    ),
    Action(
        ActionKind.WITHDRAW,
        "military",
        frozenset(_FIGHTERS),
        _withdraw_candidates,
        _withdraw_check,
        _withdraw_apply,
        summary="withdraw forces, guarantees and support",
    ),
)

_FAMILY = Family(ACTIONS)
legal = _FAMILY.legal
cost = _FAMILY.cost
why_illegal = _FAMILY.why_illegal
apply = _FAMILY.apply
