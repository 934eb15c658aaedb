"""Treaties: certify, decertify, withdraw from, and comply with (join or return to) an agreement.

A party's standing towards an agreement is its `Stance` in `GameState.membership`. Numbers come
from the `[treaties]` and `[costs]` rules.

The module offers the family API `legal(state, actor)`, `cost(state, order)`,
`why_illegal(state, order)` and `apply(state, order, rng)` over `ACTIONS`.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from game.engine.state import GameState, Stance
from game.rules.base import (
    STATE_ORG,
    Action,
    Edit,
    Family,
    agreement_index,
    issue_index,
    name,
    order_event,
)
from game.rules.orders import ActionKind, Order
from game.scenario.model import AgreementKind, AgreementStatus

_ALLOWED = {
    ActionKind.CERTIFY: (Stance.COMPLYING, Stance.DECERTIFIED),
    ActionKind.DECERTIFY: (Stance.COMPLYING,),
    ActionKind.WITHDRAW_FROM: (Stance.COMPLYING, Stance.DECERTIFIED),
    ActionKind.COMPLY: (Stance.NONE, Stance.WITHDRAWN),
}
_OPEN = (AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED, AgreementStatus.PLANNED)
# Which kinds of agreement each action applies to: a joint statement is a one-off text nobody
# certifies or leaves; certification is for standing commitments; only open, multilateral
# frameworks (not a bilateral deal) take newcomers.
_KINDS = {
    ActionKind.CERTIFY: (AgreementKind.TREATY, AgreementKind.DEAL, AgreementKind.PROCESS),
    ActionKind.DECERTIFY: (AgreementKind.TREATY, AgreementKind.DEAL, AgreementKind.PROCESS),
    ActionKind.WITHDRAW_FROM: (
        AgreementKind.TREATY,
        AgreementKind.DEAL,
        AgreementKind.PROCESS,
        AgreementKind.CONGRESS,
    ),
    ActionKind.COMPLY: (
        AgreementKind.TREATY,
        AgreementKind.DEAL,
        AgreementKind.PROCESS,
        AgreementKind.CONGRESS,
    ),
}
_JOINABLE = (AgreementKind.TREATY, AgreementKind.PROCESS, AgreementKind.CONGRESS)


def _kind(state: GameState, k: int) -> AgreementKind:
    return AgreementKind(state.scenario.agreements[k].kind)


def _rules(state: GameState) -> dict:
    return state.rules["treaties"]


def _candidates(kind: ActionKind):
    def candidates(state: GameState, i: int) -> Iterator[Order]:
        for k, agreement_id in enumerate(state.agreement_ids):
            if state.membership[k, i] in _ALLOWED[kind] and _kind(state, k) in _KINDS[kind]:
                yield Order(state.actors[i], kind, (agreement_id,))

    return candidates


def _complying(state: GameState, k: int, membership: np.ndarray | None = None) -> np.ndarray:
    row = (state.membership if membership is None else membership)[k]
    return np.flatnonzero(row == Stance.COMPLYING)


def _check(state: GameState, order: Order) -> str | None:
    if len(order.targets) != 1:
        return "names one agreement"
    k = agreement_index(state, order.targets[0])
    if k is None:
        return f"unknown agreement {order.targets[0]!r}"
    i = state.index(order.actor)
    stance = int(state.membership[k, i])
    if state.agreement_status[k] not in _OPEN:
        return f"{order.targets[0]} is {state.agreement_status[k].value}"
    kind = _kind(state, k)
    if kind not in _KINDS[order.action]:
        return f"a {kind.value} cannot be the object of {order.action.value}"
    if stance not in _ALLOWED[order.action]:
        words = {0: "not a party", 1: "complying", 2: "decertified", 3: "withdrawn"}
        return f"{order.actor} is {words[stance]} towards {order.targets[0]}"
    if order.action is ActionKind.COMPLY and stance == Stance.NONE:
        if kind not in _JOINABLE:
            return f"{order.targets[0]} is a {kind.value} between its parties: no newcomers"
        issue = state.scenario.agreements[k].issue
        q = issue_index(state, issue) if issue else None
        floor = _rules(state)["join_min_salience"]
        if q is not None and state.salience[q, i] < floor:
            return (
                f"{order.actor} cares too little about {issue} to join {order.targets[0]} "
                f"(salience below {floor:g})"
            )
        parties = [j for j in _complying(state, k) if j != i]
        if parties and state.alignment[i, parties].mean() < _rules(state)["join_min_alignment"]:
            return f"the parties to {order.targets[0]} will not admit {order.actor}"
    return None


def _settle(state: GameState, edit: Edit, k: int, delta: float) -> None:
    issue = state.scenario.agreements[k].issue
    j = issue_index(state, issue) if issue else None
    if j is not None:
        edit.shift_progress(j, delta)


def _set_stance(edit: Edit, k: int, i: int, stance: int) -> None:
    edit["membership"][k, i] = stance


def _set_status(state: GameState, edit: Edit, k: int) -> None:
    """Suspend an agreement with too few complying parties; revive one that has enough again."""
    count = len(_complying(state, k, edit["membership"]))
    status = list(edit.get("agreement_status"))
    needed = _rules(state)["min_parties"]
    if status[k] is AgreementStatus.ACTIVE and count < needed:
        status[k] = AgreementStatus.SUSPENDED
    elif status[k] is AgreementStatus.SUSPENDED and count >= needed:
        status[k] = AgreementStatus.ACTIVE
    edit.set("agreement_status", tuple(status))


def _title(state: GameState, k: int) -> str:
    return state.scenario.agreements[k].name


def _certify(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    k, i = agreement_index(state, order.targets[0]), state.index(order.actor)
    restored = state.membership[k, i] == Stance.DECERTIFIED
    edit = Edit(state)
    _set_stance(edit, k, i, Stance.COMPLYING)
    gain = r["certify_alignment"] if restored else r["reaffirm_alignment"]
    for j in _complying(state, k):
        edit.shift_alignment(i, int(j), gain)
    if restored:
        # Only coming back into compliance moves the issue; certifying again and again is a
        # courtesy to the other parties, not a settlement farm.
        _settle(state, edit, k, r["issue_progress"])
    _set_status(state, edit, k)
    verb = "certifies" if restored else "certifies again"
    text = f"{name(state, order.actor)} {verb} its compliance with {_title(state, k)}"
    return edit.done(), [order_event(state, order, text)]


def _decertify(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    k, i = agreement_index(state, order.targets[0]), state.index(order.actor)
    edit = Edit(state)
    _set_stance(edit, k, i, Stance.DECERTIFIED)
    for j in np.flatnonzero(state.membership[k] != Stance.NONE):
        edit.shift_alignment(i, int(j), -r["decertify_alignment"])
    _set_status(state, edit, k)
    text = f"{name(state, order.actor)} refuses to certify {_title(state, k)}"
    return edit.done(), [order_event(state, order, text)]


def _withdraw_from(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    k, i = agreement_index(state, order.targets[0]), state.index(order.actor)
    edit = Edit(state)
    _set_stance(edit, k, i, Stance.WITHDRAWN)
    for j in _complying(state, k):
        edit.shift_alignment(i, int(j), -r["withdraw_alignment"])
    _settle(state, edit, k, -2 * r["issue_progress"])
    _set_status(state, edit, k)
    text = f"{name(state, order.actor)} withdraws from {_title(state, k)}"
    return edit.done(), [order_event(state, order, text)]


def _comply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    k, i = agreement_index(state, order.targets[0]), state.index(order.actor)
    returning = state.membership[k, i] == Stance.WITHDRAWN
    edit = Edit(state)
    _set_stance(edit, k, i, Stance.COMPLYING)
    for j in _complying(state, k):
        edit.shift_alignment(i, int(j), r["comply_alignment"])
    _settle(state, edit, k, r["issue_progress"])
    _set_status(state, edit, k)
    verb = "returns to" if returning else "joins"
    text = f"{name(state, order.actor)} {verb} {_title(state, k)}"
    return edit.done(), [order_event(state, order, text)]


ACTIONS = (
    Action(
        ActionKind.CERTIFY,
        "treaties",
        STATE_ORG,
        _candidates(ActionKind.CERTIFY),
        _check,
        _certify,
        summary="certify compliance with an agreement",
    ),
    Action(
        ActionKind.DECERTIFY,
        "treaties",
        STATE_ORG,
        _candidates(ActionKind.DECERTIFY),
        _check,
        _decertify,
        summary="refuse to certify an agreement",
    ),
    Action(
        ActionKind.WITHDRAW_FROM,
        "treaties",
        STATE_ORG,
        _candidates(ActionKind.WITHDRAW_FROM),
        _check,
        _withdraw_from,
        summary="withdraw from an agreement",
    ),
    Action(
        ActionKind.COMPLY,
        "treaties",
        STATE_ORG,
        _candidates(ActionKind.COMPLY),
        _check,
        _comply,
        summary="join, or return to, an agreement",
    ),
)

_FAMILY = Family(ACTIONS)
legal = _FAMILY.legal
cost = _FAMILY.cost
why_illegal = _FAMILY.why_illegal
apply = _FAMILY.apply
