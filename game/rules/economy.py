"""Economy: impose sanctions (targeted, sectoral, a blacklist of N entities), lift sanctions,
propose a deal (energy, arms, nuclear, trade; value and duration), give aid.

Numbers come from the `[economy]`, `[menus]`, `[multipliers]` and `[costs]` rules.

The module offers the family API `legal(state, actor)`, `cost(state, order)`,
`why_illegal(state, order)` and `apply(state, order, rng)` over `ACTIONS`.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from game.engine.state import GameState
from game.rules.base import (
    STATE_ORG,
    Action,
    Edit,
    Family,
    actor_targets,
    economy,
    enemies,
    is_kind,
    military,
    name,
    order_event,
)
from game.rules.orders import ActionKind, Order
from game.scenario.model import ActorKind, DealSector, SanctionScope

SCOPES = tuple(s.value for s in SanctionScope)
SECTORS = tuple(s.value for s in DealSector)
AID_SIZES = ("small", "large")


def _rules(state: GameState) -> dict:
    return state.rules["economy"]


def _menu(state: GameState, *keys: str) -> tuple[int, ...]:
    menus = state.rules["menus"]
    return tuple([int(menus[key]) for key in keys])


def deal_values(state: GameState) -> tuple[int, ...]:
    """The deal sizes on the menu, in billions (small, medium, large)."""
    return _menu(state, "deal_value_small", "deal_value_medium", "deal_value_large")


def deal_durations(state: GameState) -> tuple[int, ...]:
    """The deal durations on the menu, in months (short, long)."""
    return _menu(state, "deal_duration_short", "deal_duration_long")


def blacklist_sizes(state: GameState) -> tuple[int, ...]:
    """The blacklist sizes on the menu, in entities."""
    return _menu(state, "blacklist_small", "blacklist_medium", "blacklist_large")


# ---------------------------------------------------------------------------------------------
# impose_sanctions


def _sanction_menus(state: GameState) -> dict:
    return {"scope": SCOPES, "entities": blacklist_sizes(state)}


def _sanction_candidates(state: GameState, i: int) -> Iterator[Order]:
    actor = state.actors[i]
    ok = (state.alignment[i] < _rules(state)["sanction_max_alignment"]) & (state.sanctions[i] < 1)
    for j in np.flatnonzero(ok):
        if j == i:
            continue
        target = (state.actors[int(j)],)
        yield Order(actor, ActionKind.IMPOSE_SANCTIONS, target, {"scope": "targeted"})
        yield Order(actor, ActionKind.IMPOSE_SANCTIONS, target, {"scope": "sectoral"})
        for size in blacklist_sizes(state):
            params = {"scope": "blacklist", "entities": size}
            yield Order(actor, ActionKind.IMPOSE_SANCTIONS, target, params)


def _sanction_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    i = state.index(order.actor)
    r = _rules(state)
    scope = order.param("scope")
    if scope is None:
        return "sanctions need a scope: targeted, sectoral or blacklist"
    if (scope == "blacklist") != (order.param("entities") is not None):
        return "a blacklist (and only a blacklist) names a number of entities"
    if economy(state, i) < r["sanction_min_economy"]:
        return f"an economy of {economy(state, i):.0f} is too small to sanction anyone"
    if state.alignment[i, j] >= r["sanction_max_alignment"]:
        return f"{order.targets[0]} is too friendly to sanction"
    if state.sanctions[i, j] >= 1:
        return f"{order.targets[0]} is already under full sanctions"
    return None


def sanction_pressure(state: GameState, order: Order) -> float:
    """The sanction pressure an impose_sanctions order adds."""
    r = _rules(state)
    scope = order.param("scope")
    if scope == "blacklist":
        return r["sanction_blacklist"] + r["sanction_per_entity"] * float(order.param("entities"))
    return r[f"sanction_{scope}"]


def _sanction_multiplier(state: GameState, order: Order) -> float:
    m = state.rules["multipliers"]
    scope = order.param("scope")
    extra = m["blacklist_per_entity"] * float(order.param("entities", 0) or 0)
    return m[f"scope_{scope}"] + (extra if scope == "blacklist" else 0.0)


def _sanction_apply(state: GameState, order: Order, rng: np.random.Generator):
    i, j = state.index(order.actor), state.index(order.targets[0])
    added = min(sanction_pressure(state, order), 1.0 - float(state.sanctions[i, j]))
    edit = Edit(state)
    edit["sanctions"][i, j] += added
    edit.shift_alignment(i, j, -_rules(state)["sanction_alignment"] * added)
    scope = order.param("scope")
    what = f"a blacklist of {order.param('entities')} entities" if scope == "blacklist" else scope
    text = f"{name(state, order.actor)} imposes {what} sanctions on {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# lift_sanctions


def _lift_candidates(state: GameState, i: int) -> Iterator[Order]:
    for j in np.flatnonzero(state.sanctions[i] > 0):
        yield Order(state.actors[i], ActionKind.LIFT_SANCTIONS, (state.actors[int(j)],))


def _lift_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    if state.sanctions[state.index(order.actor), targets[0]] <= 0:
        return f"{order.actor} has no sanctions on {order.targets[0]} to lift"
    return None


def _lift_apply(state: GameState, order: Order, rng: np.random.Generator):
    i, j = state.index(order.actor), state.index(order.targets[0])
    lifted = float(state.sanctions[i, j])
    edit = Edit(state)
    edit["sanctions"][i, j] = 0.0
    edit.shift_alignment(i, j, _rules(state)["lift_alignment"] * lifted)
    text = f"{name(state, order.actor)} lifts its sanctions on {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


# ---------------------------------------------------------------------------------------------
# propose_deal


_DEALERS = (ActorKind.STATE, ActorKind.FIRM)


def _deal_menus(state: GameState) -> dict:
    return {"sector": SECTORS, "value": deal_values(state), "duration": deal_durations(state)}


def _deal_candidates(state: GameState, i: int) -> Iterator[Order]:
    actor = state.actors[i]
    ok = (state.alignment[i] >= _rules(state)["deal_min_alignment"]) & np.isin(
        state.actor_kind, [0, 3]
    )
    for j in np.flatnonzero(ok):
        if j == i:
            continue
        for sector in SECTORS:
            for value in deal_values(state):
                for duration in deal_durations(state):
                    params = {"sector": sector, "value": value, "duration": duration}
                    yield Order(actor, ActionKind.PROPOSE_DEAL, (state.actors[int(j)],), params)


def _deal_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    i = state.index(order.actor)
    r = _rules(state)
    if None in (order.param("sector"), order.param("value"), order.param("duration")):
        return "a deal needs a sector, a value and a duration"
    if not is_kind(state, j, *_DEALERS):
        return "deals are made with states or firms"
    if state.alignment[i, j] < r["deal_min_alignment"]:
        return f"{order.targets[0]} will not deal with an actor this hostile"
    if state.sanctions[i, j] > 0:
        return f"{order.actor} sanctions {order.targets[0]}: lift the sanctions first"
    sector = order.param("sector")
    if sector == "arms" and not (
        military(state, i) >= state.rules["military"]["support_min_military"]
        or is_kind(state, i, ActorKind.FIRM)
    ):
        return "an arms deal needs an arms industry (military 20 or a firm)"
    if sector == "nuclear" and economy(state, i) < r["deal_nuclear_min_economy"]:
        return "a nuclear deal needs an economy of at least 40"
    return None


def _deal_multiplier(state: GameState, order: Order) -> float:
    sizes = dict(zip(deal_values(state), ("small", "medium", "large"), strict=True))
    return state.rules["multipliers"][f"deal_{sizes.get(order.param('value'), 'small')}"]


def _deal_accept(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    value = float(order.param("value"))
    long = order.param("duration") == max(deal_durations(state))
    factor = r["deal_long_factor"] if long else 1.0
    size = _deal_multiplier(state, order)
    edit = Edit(state)
    trade = edit["trade"]
    trade[i, j] = trade[j, i] = min(
        1.0, trade[i, j] + min(r["deal_trade_max"], r["deal_trade"] * value) * factor
    )
    edit.shift_alignment(i, j, r["deal_alignment"] * size)
    gain = min(5.0, r["deal_economy"] * value) * factor
    edit.shift_capability(i, 1, gain / 2)
    edit.shift_capability(j, 1, gain)
    sector = order.param("sector")
    if sector in ("arms", "nuclear"):
        if sector == "arms":
            edit.shift_capability(j, 0, min(5.0, r["deal_arms_military"] * value))
            edit["support"][i, j] = min(1.0, edit["support"][i, j] + 0.05 * size)
        for e in enemies(state, j):
            if e != i:
                edit.shift_alignment(i, int(e), -r["deal_rival_alignment"] * size)
    text = (
        f"{name(state, order.actor)} and {name(state, order.targets[0])} sign a "
        f"${order.param('value')}bn {sector} deal over {order.param('duration')} months"
    )
    return edit.done(), [order_event(state, order, text, "accepted")]


def _no_effect(state: GameState, order: Order, rng: np.random.Generator):
    # The offer itself changes nothing; the engine routes it to its addressee.
    return state, []


def _first_target(state: GameState, order: Order) -> str:
    return order.targets[0]


# ---------------------------------------------------------------------------------------------
# give_aid


def _aid_candidates(state: GameState, i: int) -> Iterator[Order]:
    ok = (state.alignment[i] > _rules(state)["aid_max_hostility"]) & (state.actor_kind != 3)
    for j in np.flatnonzero(ok):
        if j != i:
            for size in AID_SIZES:
                target = (state.actors[int(j)],)
                yield Order(state.actors[i], ActionKind.GIVE_AID, target, {"size": size})


def _aid_check(state: GameState, order: Order) -> str | None:
    targets = actor_targets(state, order, 1)
    if isinstance(targets, str):
        return targets
    (j,) = targets
    if order.param("size") is None:
        return "aid needs a size: small or large"
    if is_kind(state, j, ActorKind.FIRM):
        return "firms do not receive aid"
    if state.alignment[state.index(order.actor), j] <= _rules(state)["aid_max_hostility"]:
        return f"{order.targets[0]} will not take aid from an enemy"
    return None


def _aid_multiplier(state: GameState, order: Order) -> float:
    return state.rules["multipliers"][f"aid_{order.param('size')}"]


def _aid_apply(state: GameState, order: Order, rng: np.random.Generator):
    r = _rules(state)
    i, j = state.index(order.actor), state.index(order.targets[0])
    size = order.param("size")
    steps = _aid_multiplier(state, order)
    edit = Edit(state)
    edit.shift_capability(j, 1, r[f"aid_{size}"])
    edit.shift_alignment(i, j, r["aid_alignment"] * steps)
    edit["support"][i, j] = min(1.0, edit["support"][i, j] + r["aid_support"] * steps)
    text = f"{name(state, order.actor)} sends {size} aid to {name(state, order.targets[0])}"
    return edit.done(), [order_event(state, order, text)]


ACTIONS = (
    Action(
        ActionKind.IMPOSE_SANCTIONS,
        "economy",
        STATE_ORG,
        _sanction_candidates,
        _sanction_check,
        _sanction_apply,
        menus=_sanction_menus,
        multiplier=_sanction_multiplier,
        summary="impose targeted, sectoral or blacklist sanctions",
    ),
    Action(
        ActionKind.LIFT_SANCTIONS,
        "economy",
        STATE_ORG,
        _lift_candidates,
        _lift_check,
        _lift_apply,
        summary="lift one's sanctions on a target",
    ),
    Action(
        ActionKind.PROPOSE_DEAL,
        "economy",
        frozenset(_DEALERS),
        _deal_candidates,
        _deal_check,
        _no_effect,
        menus=_deal_menus,
        multiplier=_deal_multiplier,
        accept=_deal_accept,
        addressee=_first_target,
        summary="propose an energy, arms, nuclear or trade deal",
    ),
    Action(
        ActionKind.GIVE_AID,
        "economy",
        STATE_ORG,
        _aid_candidates,
        _aid_check,
        _aid_apply,
        menus=lambda state: {"size": AID_SIZES},
        multiplier=_aid_multiplier,
        summary="give economic aid",
    ),
)

_FAMILY = Family(ACTIONS)
legal = _FAMILY.legal
cost = _FAMILY.cost
why_illegal = _FAMILY.why_illegal
apply = _FAMILY.apply
