"""Diplomacy: host talks, convene a congress, joint statement, mediate, denounce, recognise,
withdraw recognition, propose an alliance.

Each action is an `Action` (see `base.py`); `ACTIONS` lists them for the catalogue. Numbers come
from the `[diplomacy]` and `[costs]` rules.

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
    STATE_ORG,
    Action,
    Edit,
    Family,
    actor_targets,
    backlash,
    belligerents,
    contested,
    diplomacy,
    enemies,
    fighting,
    is_kind,
    issue_index,
    name,
    order_event,
    stakes,
    ties,
)
from game.rules.orders import ActionKind, Order
from game.scenario.model import ActorKind

_FIGHTERS = (ActorKind.STATE, ActorKind.ARMED_GROUP)


def _rules(state: GameState) -> dict:
    return state.rules["diplomacy"]


def _shared_theatres(state: GameState, x: int, y: int) -> list[int]:
    floor = state.rules["military"]["min_control"]
    return [
        t
        for t in range(len(state.theatre_ids))
        if state.control[t, x] >= floor and state.control[t, y] >= floor
    ]


# ---------------------------------------------------------------------------------------------
# host_talks


def _talks_candidates(state: GameState, i: int) -> Iterator[Order]:
    pairs = set()
    for t in range(len(state.theatre_ids)):
        fighters = [int(j) for j in belligerents(state, t) if j != i]
        for a in fighters:
            for b in fighters:
                if a < b:
                    pairs.add((a, b))
    for a, b in sorted(pairs):
        yield Order(state.actors[i], ActionKind.HOST_TALKS, (state.actors[a], state.actors[b]))


def _two_fighters(state: GameState, order: Order, what: str) -> tuple[int, int, int] | str:
    """`(actor, x, y)` indices of an order between two states or armed groups, or what is
    wrong (`what` names the action in the message: "talks", "mediation")."""
    targets = actor_targets(state, order, 2)
    if isinstance(targets, str):
        return targets
    x, y = targets
    if not (is_kind(state, x, *_FIGHTERS) and is_kind(state, y, *_FIGHTERS)):
        return f"{what} is between states or armed groups"
    return state.index(order.actor), x, y


def _talks_check(state: GameState, order: Order) -> str | None:
    found = _two_fighters(state, order, "hosting talks")
    if isinstance(found, str):
        return found
    i, x, y = found
    r = _rules(state)
    if not _shared_theatres(state, x, y):
        return f"{order.targets[0]} and {order.targets[1]} do not fight over any theatre"
    if state.alignment[x, y] >= r["talks_max_alignment"]:
        return "the two sides are already on good terms"
    if min(state.alignment[i, x], state.alignment[i, y]) < r["talks_host_min_alignment"]:
        return "one side will not come to talks hosted by an enemy"
    return None


def _talks_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i = state.index(order.actor)
    x, y = (state.index(t) for t in order.targets)
    edit = Edit(state)
    edit.shift_alignment(x, y, r["talks_alignment"])
    edit.shift_alignment(i, x, r["talks_host_goodwill"])
    edit.shift_alignment(i, y, r["talks_host_goodwill"])
    restraint = edit["restraint"]
    for t in _shared_theatres(state, x, y):
        restraint[t] = min(1.0, restraint[t] + r["talks_restraint"])
    care = np.sqrt(state.salience[:, x] * state.salience[:, y])
    for k in np.flatnonzero(care > 0):
        edit.shift_progress(int(k), r["talks_progress"] * float(care[k]))
    text = (
        f"{name(state, order.actor)} hosts talks between {name(state, order.targets[0])} "
        f"and {name(state, order.targets[1])}"
    )
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# convene_congress


def _invited(state: GameState, k: int) -> np.ndarray:
    return np.flatnonzero(state.salience[k] >= _rules(state)["congress_min_salience"])


def _congress_candidates(state: GameState, i: int) -> Iterator[Order]:
    for k, issue_id in enumerate(state.issue_ids):
        if state.salience[k, i] > 0:
            yield Order(state.actors[i], ActionKind.CONVENE_CONGRESS, (issue_id,))


def _congress_check(state: GameState, order: Order) -> str | None:
    if len(order.targets) != 1:
        return "needs one issue as its target"
    k = issue_index(state, order.targets[0])
    if k is None:
        return f"unknown issue {order.targets[0]!r}"
    if state.salience[k, state.index(order.actor)] <= 0:
        return f"{order.actor} has no stake in {order.targets[0]} to convene a congress on"
    invited = _invited(state, k)
    positions = state.positions[k, invited]
    if not (np.any(positions < 0) and np.any(positions > 0)):
        return "nobody on this issue disagrees: there is nothing for a congress to settle"
    return None


def _congress_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i = state.index(order.actor)
    k = issue_index(state, order.targets[0])
    invited = _invited(state, k)
    attends = (state.alignment[i, invited] > r["congress_attend_alignment"]) | (invited == i)
    present, absent = invited[attends], invited[~attends]
    positions = state.positions[k, present]
    edit = Edit(state)
    issue_name = state.scenario.issues[k].name
    if np.any(positions < 0) and np.any(positions > 0):
        share = state.salience[k, present].sum() / max(state.salience[k, invited].sum(), 1e-9)
        edit.shift_progress(k, r["congress_progress"] * float(share))
        for a in present:
            for b in present:
                if a < b:
                    edit.shift_alignment(int(a), int(b), r["congress_alignment"])
        text = (
            f"{name(state, order.actor)}'s congress on {issue_name} meets with both sides present"
        )
        kind = "order"
    else:
        for a in absent:
            edit.shift_alignment(i, int(a), -r["congress_fail_alignment"])
        stayed = ", ".join(name(state, state.actors[a]) for a in absent) or "the opposition"
        text = f"{name(state, order.actor)}'s congress on {issue_name} fails: {stayed} stay away"
        kind = "failed"
    return edit.done(), [order_event(state, order, text, kind)]


# ---------------------------------------------------------------------------------------------
# joint_statement


def _friends(state: GameState, i: int, floor: float) -> Iterator[int]:
    for j in np.flatnonzero(state.alignment[i] >= floor):
        if j != i and not is_kind(state, int(j), ActorKind.FIRM):
            yield int(j)


def _statement_candidates(state: GameState, i: int) -> Iterator[Order]:
    tied = ties(state, i)
    for j in _friends(state, i, _rules(state)["statement_min_alignment"]):
        if tied[j]:
            yield Order(state.actors[i], ActionKind.JOINT_STATEMENT, (state.actors[j],))


def _statement_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    if is_kind(state, j, ActorKind.FIRM):
        return "firms do not sign political statements"
    if state.alignment[state.index(order.actor), j] < _rules(state)["statement_min_alignment"]:
        return f"{order.targets[0]} will not sign a statement with an unfriendly actor"
    if not ties(state, state.index(order.actor))[j]:
        return f"{order.actor} has no relation with {order.targets[0]} to make a statement about"
    return None


def _statement_apply(state: GameState, order: Order, rng: np.random.Generator):
    edit = Edit(state)
    edit.shift_alignment(
        state.index(order.actor),
        state.index(order.targets[0]),
        _rules(state)["statement_alignment"],
    )
    text = f"{name(state, order.actor)} and {name(state, order.targets[0])} issue a joint statement"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# mediate


def _mediate_candidates(state: GameState, i: int) -> Iterator[Order]:
    r = _rules(state)
    fighters = np.isin(state.actor_kind, [0, 1])  # states and armed groups
    ok = fighters & (state.alignment[i] > r["mediate_min_alignment"])
    ok &= ties(state, i) | fighting(state)
    ok[i] = False
    idx = np.flatnonzero(ok)
    sub = state.alignment[np.ix_(idx, idx)] < r["mediate_max_alignment"]
    for a, b in np.argwhere(np.triu(sub, 1)):
        pair = (state.actors[idx[a]], state.actors[idx[b]])
        yield Order(state.actors[i], ActionKind.MEDIATE, pair)


def _mediate_check(state: GameState, order: Order) -> str | None:
    found = _two_fighters(state, order, "mediation")
    if isinstance(found, str):
        return found
    i, x, y = found
    r = _rules(state)
    if state.alignment[x, y] >= r["mediate_max_alignment"]:
        return "the two are not estranged: there is nothing to mediate"
    if min(state.alignment[i, x], state.alignment[i, y]) <= r["mediate_min_alignment"]:
        return "a mediator must be acceptable to both sides"
    known = ties(state, i) | fighting(state)
    for target, k in zip(order.targets, (x, y), strict=True):
        if not known[k]:
            return f"{order.actor} has no relation with {target} and it holds no ground anywhere"
    return None


def _mediate_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i = state.index(order.actor)
    x, y = (state.index(t) for t in order.targets)
    edit = Edit(state)
    edit.shift_alignment(x, y, r["mediate_alignment"] * diplomacy(state, i) / 100.0)
    edit.shift_alignment(i, x, r["mediate_goodwill"])
    edit.shift_alignment(i, y, r["mediate_goodwill"])
    care = np.sqrt(state.salience[:, x] * state.salience[:, y])
    for k in np.flatnonzero(care > 0):
        edit.shift_progress(int(k), r["mediate_progress"] * float(care[k]))
    text = (
        f"{name(state, order.actor)} mediates between {name(state, order.targets[0])} "
        f"and {name(state, order.targets[1])}"
    )
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# denounce


def _denounce_candidates(state: GameState, i: int) -> Iterator[Order]:
    ok = stakes(state, i) & (state.alignment[i] < _rules(state)["denounce_max_alignment"])
    ok &= state.actor_kind != 3  # firms
    for j in np.flatnonzero(ok):
        yield Order(state.actors[i], ActionKind.DENOUNCE, (state.actors[int(j)],))


def _denounce_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    i = state.index(order.actor)
    if is_kind(state, j, ActorKind.FIRM):
        return "firms are sanctioned, not denounced"
    if state.alignment[i, j] >= _rules(state)["denounce_max_alignment"]:
        return f"{order.targets[0]} is a partner of {order.actor}: partners are not denounced"
    if not stakes(state, i)[j]:
        return (
            f"{order.actor} has nothing to do with {order.targets[0]}: no relation, no quarrel "
            "with its partners, no ground held"
        )
    return None


def _denounce_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    edit = Edit(state)
    edit.shift_alignment(i, j, -r["denounce_alignment"])
    backlash(state, edit, i, j, r["denounce_alignment"])
    for e in enemies(state, j):
        if e != i:
            edit.shift_alignment(i, int(e), r["denounce_enemy_bonus"])
    text = f"{name(state, order.actor)} denounces {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# recognise / withdraw_recognition


_UNCONTESTED = (
    "'s legitimacy is not in question: only armed groups and states with a rival claimant in "
    "their own country are recognised or not"
)


def _recognise_candidates(state: GameState, i: int) -> Iterator[Order]:
    for j in np.flatnonzero((state.recognition[i] == 0) & np.isin(state.actor_kind, [0, 1])):
        if j != i and contested(state, int(j)):
            yield Order(state.actors[i], ActionKind.RECOGNISE, (state.actors[int(j)],))


def _recognise_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    if not is_kind(state, j, *_FIGHTERS):
        return "only states and armed movements can be recognised"
    if not contested(state, j):
        return f"{order.targets[0]}{_UNCONTESTED}"
    if state.recognition[state.index(order.actor), j]:
        return f"{order.targets[0]} is already recognised"
    return None


def _recognise_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    edit = Edit(state)
    edit["recognition"][i, j] = 1.0
    edit.shift_alignment(i, j, r["recognise_alignment"])
    for e in enemies(state, j):
        if e != i:
            edit.shift_alignment(i, int(e), -r["recognise_enemy_penalty"])
    text = f"{name(state, order.actor)} recognises {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


def _unrecognise_candidates(state: GameState, i: int) -> Iterator[Order]:
    for j in np.flatnonzero(state.recognition[i] == 1):
        if j != i and contested(state, int(j)):
            yield Order(state.actors[i], ActionKind.WITHDRAW_RECOGNITION, (state.actors[int(j)],))


def _unrecognise_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    if not contested(state, targets[0]):
        return f"{order.targets[0]}{_UNCONTESTED}"
    if not state.recognition[state.index(order.actor), targets[0]]:
        return f"{order.targets[0]} is not recognised"
    return None


def _unrecognise_apply(state: GameState, order: Order, rng: np.random.Generator):
    i, j = state.index(order.actor), state.index(order.targets[0])
    edit = Edit(state)
    edit["recognition"][i, j] = 0.0
    loss = _rules(state)["withdraw_recognition_alignment"]
    edit.shift_alignment(i, j, -loss)
    backlash(state, edit, i, j, loss)
    text = f"{name(state, order.actor)} withdraws recognition of {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# propose_alliance


def _alliance_candidates(state: GameState, i: int) -> Iterator[Order]:
    r = _rules(state)
    row = state.alignment[i]
    ok = (row >= r["alliance_min_alignment"]) & (row < r["alliance_max_alignment"])
    for j in np.flatnonzero(ok & (state.actor_kind == 0)):
        if j != i:
            yield Order(state.actors[i], ActionKind.PROPOSE_ALLIANCE, (state.actors[int(j)],))


def _alliance_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    r = _rules(state)
    if not is_kind(state, j, ActorKind.STATE):
        return "alliances are between states"
    value = state.alignment[state.index(order.actor), j]
    if value < r["alliance_min_alignment"]:
        return f"{order.targets[0]} is not friendly enough for an alliance"
    if value >= r["alliance_max_alignment"]:
        return f"{order.targets[0]} is already as close as an ally"
    return None


def _alliance_apply(state: GameState, order: Order, rng: np.random.Generator):
    # The proposal itself changes nothing; the engine routes it to its addressee.
    return state, []


def _alliance_accept(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    edit = Edit(state)
    edit.shift_alignment(i, j, r["alliance_alignment"])
    edit.shift_baseline(i, j, r["alliance_baseline"])
    text = f"{name(state, order.actor)} and {name(state, order.targets[0])} form an alliance"
    return edit.done(), [order_event(state, order, text, "accepted")]


def _first_target(state: GameState, order: Order) -> str:
    return order.targets[0]


ACTIONS = (
    Action(
        ActionKind.HOST_TALKS,
        "diplomacy",
        STATE_ORG,
        _talks_candidates,
        _talks_check,
        _talks_apply,
        summary="host talks between two sides of a theatre",
    ),
    Action(
        ActionKind.CONVENE_CONGRESS,
        "diplomacy",
        STATE_ORG,
        _congress_candidates,
        _congress_check,
        _congress_apply,
        summary="convene a congress on an issue",
    ),
    Action(
        ActionKind.JOINT_STATEMENT,
        "diplomacy",
        STATE_ORG,
        _statement_candidates,
        _statement_check,
        _statement_apply,
        summary="a joint statement with a friend",
    ),
    Action(
        ActionKind.MEDIATE,
        "diplomacy",
        STATE_ORG,
        _mediate_candidates,
        _mediate_check,
        _mediate_apply,
        summary="mediate between two estranged actors",
    ),
    Action(
        ActionKind.DENOUNCE,
        "diplomacy",
        frozenset({ActorKind.STATE, ActorKind.ORGANISATION, ActorKind.ARMED_GROUP}),
        _denounce_candidates,
        _denounce_check,
        _denounce_apply,
        summary="denounce an actor",
    ),
    Action(
        ActionKind.RECOGNISE,
        "diplomacy",
        STATE,
        _recognise_candidates,
        _recognise_check,
        _recognise_apply,
        summary="recognise a government or movement",
    ),
    Action(
        ActionKind.WITHDRAW_RECOGNITION,
        "diplomacy",
        STATE,
        _unrecognise_candidates,
        _unrecognise_check,
        _unrecognise_apply,
        summary="withdraw recognition",
    ),
    Action(
        ActionKind.PROPOSE_ALLIANCE,
        "diplomacy",
        STATE,
        _alliance_candidates,
        _alliance_check,
        _alliance_apply,
        accept=_alliance_accept,
        addressee=_first_target,
        summary="propose an alliance",
    ),
)

_FAMILY = Family(ACTIONS)
legal = _FAMILY.legal
cost = _FAMILY.cost
why_illegal = _FAMILY.why_illegal
apply = _FAMILY.apply
