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
    adversaries,
    backlash,
    economy,
    enemies,
    fighting,
    is_kind,
    military,
    name,
    order_event,
    parent_of,
    ties,
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
    ok &= (state.actor_kind != 2) & adversaries(state, i)  # not organisations
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
    if is_kind(state, j, ActorKind.ORGANISATION):
        return "sanctions name states, firms or armed groups, not organisations"
    if state.alignment[i, j] >= r["sanction_max_alignment"]:
        return f"{order.targets[0]} is too friendly to sanction"
    if not adversaries(state, i)[j]:
        return (
            f"{order.actor} is not at odds with {order.targets[0]}: sanctions target those hostile "
            "to it or its partners (and their firms), never its own or its partners' firms"
        )
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
    loss = _rules(state)["sanction_alignment"] * added
    edit.shift_alignment(i, j, -loss)
    backlash(state, edit, i, j, loss)
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


def _voice(state: GameState, i: int) -> int:
    """Whose relations a party's deals follow: a firm's parent's, else its own."""
    parent = parent_of(state, i) if is_kind(state, i, ActorKind.FIRM) else None
    return i if parent is None else parent


def _own(state: GameState, i: int, j: int) -> bool:
    """Whether one of the two is the other's firm (Rosneft and Russia)."""
    return parent_of(state, j) == i or parent_of(state, i) == j


def _business_partner(state: GameState, i: int, j: int) -> bool:
    """Whether `i` and `j` do business: they trade, or are friendly (directly or through the
    states their firms belong to). A state does not sign deals with its own firm."""
    if _own(state, i, j):
        return False
    if state.trade[i, j] > 0 or state.alignment[i, j] > 0:
        return True
    a, b = _voice(state, i), _voice(state, j)
    return a == b or state.alignment[a, b] > 0


def _max_value(state: GameState, i: int, j: int) -> float:
    """The largest deal, in $bn, the smaller of the two economies can carry."""
    return _rules(state)["deal_max_value_per_economy"] * min(economy(state, i), economy(state, j))


def _sector_problem(state: GameState, i: int, j: int, sector: str) -> str | None:
    """Why `i` cannot offer `j` a deal in `sector`, or None."""
    r = _rules(state)
    target = state.actors[j]
    if sector in ("arms", "nuclear"):
        if not is_kind(state, j, ActorKind.STATE):
            return f"{sector} deals are sold to states only"
        if state.alignment[i, j] < r["strategic_min_alignment"]:
            return f"{sector} deals are only for partners, and {target} is not one"
    if sector == "arms" and not is_kind(state, i, ActorKind.FIRM):
        if military(state, i) < state.rules["military"]["support_min_military"]:
            return "an arms deal needs an arms industry (military 20 or a firm)"
        if military(state, j) >= military(state, i):
            return f"{target}'s military is not weaker than the seller's: it buys no arms"
    if sector == "arms" and not (len(enemies(state, j)) or fighting(state)[j]):
        return f"{target} has no enemy and holds no ground: it has no need of arms"
    if sector == "nuclear" and economy(state, j) >= economy(state, i):
        return f"{target}'s economy is not smaller than the seller's: it buys no nuclear technology"
    if sector == "nuclear" and economy(state, i) < r["deal_nuclear_min_economy"]:
        return "a nuclear deal needs an economy of at least 40"
    return None


def _deal_candidates(state: GameState, i: int) -> Iterator[Order]:
    actor = state.actors[i]
    ok = (state.alignment[i] >= _rules(state)["deal_min_alignment"]) & np.isin(
        state.actor_kind, [0, 3]
    )
    ok &= state.sanctions[i] <= 0
    for j in np.flatnonzero(ok):
        if j == i or not _business_partner(state, i, int(j)):
            continue
        cap = _max_value(state, i, int(j))
        for sector in SECTORS:
            if _sector_problem(state, i, int(j), sector) is not None:
                continue
            for value in deal_values(state):
                if value > cap:
                    continue
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
    if _own(state, i, j):
        return "a state does not sign deals with its own firm"
    if not _business_partner(state, i, j):
        return (
            f"{order.actor} and {order.targets[0]} do no business: no trade, no friendly "
            "relation, no common owner"
        )
    cap = _max_value(state, i, j)
    if float(order.param("value")) > cap:
        return (
            f"a ${order.param('value')}bn deal is too large for the smaller economy "
            f"(at most ${cap:g}bn)"
        )
    return _sector_problem(state, i, j, order.param("sector"))


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
    need = state.capabilities[:, 1]
    ok &= (need < _rules(state)["aid_max_economy"]) & (need < economy(state, i))
    ok &= (ties(state, i) | fighting(state)) & (state.sanctions[i] <= 0)
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
    i = state.index(order.actor)
    r = _rules(state)
    if state.alignment[i, j] <= r["aid_max_hostility"]:
        return f"{order.targets[0]} will not take aid from an enemy"
    if economy(state, j) >= min(r["aid_max_economy"], economy(state, i)):
        return (
            f"{order.targets[0]} is not in need: aid goes to economies below "
            f"{r['aid_max_economy']:g} and below the donor's"
        )
    if state.sanctions[i, j] > 0:
        return f"{order.actor} sanctions {order.targets[0]}: lift the sanctions before giving aid"
    if not (ties(state, i)[j] or fighting(state)[j]):
        return f"{order.actor} has no relation with {order.targets[0]} and it holds no ground"
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
