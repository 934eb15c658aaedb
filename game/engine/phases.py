"""The vectorised phases of a turn: income, the non-playable actors' behaviour, drift, chance.

Each phase is a pure function `(state, rng?) -> (state, events)` made of a few numpy operations
over all actors at once, so a 200-actor world costs little more than a 17-actor region. Numbers
come from the `[income]`, `[background]`, `[drift]` and `[chance]` rules.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

import numpy as np

from game.engine.state import KIND_CODES, Event, GameState, replace
from game.rules.base import event, name
from game.scenario.model import ActorKind, ZoneStatus

_STATE = KIND_CODES[ActorKind.STATE]
_ARMED = KIND_CODES[ActorKind.ARMED_GROUP]
_ORG = KIND_CODES[ActorKind.ORGANISATION]


def capital_per_turn(state: GameState) -> np.ndarray:
    """(N,) each actor's base capital per turn, from the scenario."""
    return np.fromiter((a.capital_per_turn for a in state.scenario.actors), float, state.n)


def income(state: GameState) -> tuple[GameState, list[Event]]:
    """Phase 1: every actor gains capital from its capabilities and its standing.

    income = capital_per_turn * max(0, base + economy * eco/100 + diplomacy * dip/100
             + standing * mean alignment - sanctioned * min(1, sanction pressure on it)).
    """
    r = state.rules["income"]
    n = state.n
    base = capital_per_turn(state)
    mean_alignment = state.alignment.sum(axis=1) / max(n - 1, 1)
    pressure = np.minimum(state.sanctions.sum(axis=0), 1.0)
    rate = (
        r["base"]
        + r["economy"] * state.capabilities[:, 1] / 100.0
        + r["diplomacy"] * state.capabilities[:, 2] / 100.0
        + r["standing"] * mean_alignment
        - r["sanctioned"] * pressure
    )
    gained = base * np.maximum(rate, 0.0)
    ceiling = np.maximum(state.capital, r["cap"] * base)
    capital = np.minimum(state.capital + gained, ceiling)
    seats = np.flatnonzero(state.playable)
    text = "Income: " + ", ".join(
        f"{state.actors[i]} +{capital[i] - state.capital[i]:.1f}" for i in seats
    )
    events = [event(state, "income", (state.actors[i] for i in seats), text, "income")]
    return replace(state, capital=capital), events if seats.size else []


def background(state: GameState, rng: np.random.Generator) -> tuple[GameState, list[Event]]:
    """The non-playable actors act, all at once, by the default rule (`[background]`).

    States back the most supported client of their closest ally; states and organisations
    sanction their worst rival; armed groups fight on where they hold contested ground. Each
    pays from its capital and keeps a reserve. `rng` is unused today; it is the stream this
    behaviour draws from when it needs a tie-break, so adding one shifts no other phase.
    """
    r = state.rules["background"]
    if not r["enabled"] or state.n < 2:
        return state, []
    n = state.n
    idx = np.arange(n)
    npc = ~state.playable
    spend = state.capital - r["reserve"]
    capital = state.capital.copy()
    support = state.support.copy()
    sanctions = state.sanctions.copy()
    alignment = state.alignment.copy()
    violence = state.violence.copy()
    mil_min = state.rules["military"]["min_control"]

    masked = np.where(np.eye(n, dtype=bool), -np.inf, state.alignment)
    ally = np.argmax(masked, axis=1)
    fighting = np.any(state.control >= mil_min, axis=0)
    backed = np.where(fighting[None, :], state.support, 0.0)
    client_of = np.argmax(backed, axis=1)
    has_client = backed[idx, client_of] > 0
    client = client_of[ally]
    backs = (
        npc
        & (state.actor_kind == _STATE)
        & (masked[idx, ally] >= r["ally_threshold"])
        & has_client[ally]
        & (client != idx)
        & (state.alignment[idx, client] >= 0)
        & (state.capabilities[:, 0] >= state.rules["military"]["support_min_military"])
        & (spend >= r["support_cost"])
    )
    givers = idx[backs]
    support[givers, client[backs]] = np.minimum(
        support[givers, client[backs]] + r["support_step"], 1
    )
    capital[backs] -= r["support_cost"]
    spend = spend - np.where(backs, r["support_cost"], 0.0)

    rival = np.argmin(np.where(np.eye(n, dtype=bool), np.inf, state.alignment), axis=1)
    sanctioners = (
        npc
        & np.isin(state.actor_kind, [_STATE, _ORG])
        & (state.alignment[idx, rival] <= r["rival_threshold"])
        & (state.capabilities[:, 1] >= r["sanction_min_economy"])
        & (state.sanctions[idx, rival] < r["sanction_max"])
        & (spend >= r["sanction_cost"])
    )
    s_rows, s_cols = idx[sanctioners], rival[sanctioners]
    added = np.minimum(r["sanction_step"], r["sanction_max"] - sanctions[s_rows, s_cols])
    sanctions[s_rows, s_cols] += added
    hit = state.rules["economy"]["sanction_alignment"] * added
    np.add.at(alignment, (s_rows, s_cols), -hit)
    np.add.at(alignment, (s_cols, s_rows), -hit)
    capital[sanctioners] -= r["sanction_cost"]
    spend = spend - np.where(sanctioners, r["sanction_cost"], 0.0)

    contested = (state.control >= mil_min).sum(axis=1) >= 2
    fighters = npc & (state.actor_kind == _ARMED) & (spend >= r["fight_cost"])
    on_ground = (state.control >= mil_min) & contested[:, None] & fighters[None, :]
    violence = np.clip(violence + r["fight_violence"] * on_ground.sum(axis=1), 0.0, 1.0)
    fought = fighters & on_ground.any(axis=0)
    capital[fought] -= r["fight_cost"]

    acted = backs | sanctioners | fought
    if not acted.any():
        return state, []
    alignment = np.clip(alignment, -1.0, 1.0)
    np.fill_diagonal(alignment, 0.0)
    text = (
        f"Across the region, {int(backs.sum())} actors back their allies' clients, "
        f"{int(sanctioners.sum())} sanction their rivals and {int(fought.sum())} armed groups "
        "fight on"
    )
    new = replace(
        state,
        capital=np.maximum(capital, 0.0),
        support=support,
        sanctions=sanctions,
        alignment=alignment,
        violence=violence,
    )
    return new, [
        event(state, "background", (state.actors[i] for i in idx[acted]), text, "background")
    ]


def drift(state: GameState) -> tuple[GameState, list[Event]]:
    """Phase 4: relations decay towards baseline, violence follows support and restraint,
    sanctions bite economies and trade, capabilities recover, talks' restraint fades.
    """
    r = state.rules["drift"]
    # Alignment: towards baseline, pushed apart by mutual sanctions, pulled together by trade.
    mutual = state.sanctions + state.sanctions.T
    alignment = (
        state.alignment
        + r["alignment_rate"] * (state.baseline - state.alignment)
        - r["sanction_alignment"] * mutual
        + r["trade_alignment"] * state.trade
    )
    alignment = np.clip(alignment, -1.0, 1.0)
    np.fill_diagonal(alignment, 0.0)

    support = state.support * (1.0 - r["support_decay"])
    sanctions = state.sanctions * (1.0 - r["sanction_decay"])

    # Sanctions bite: weighted by the sanctioning actor's economy.
    bite = r["sanction_bite"] * (state.sanctions * state.capabilities[:, 1:2] / 100.0).sum(axis=0)
    capabilities = state.capabilities.copy()
    capabilities[:, 1] -= bite
    capabilities[:, :2] += np.array([r["military_recovery"], r["economy_recovery"]]) * (
        state.base_capabilities[:, :2] - capabilities[:, :2]
    )
    capabilities = np.clip(capabilities, 0.0, 100.0)
    pair_pressure = np.maximum(state.sanctions, state.sanctions.T)
    trade = state.trade * (1.0 - r["trade_bite"] * pair_pressure)
    trade = np.clip(trade - r["trade_decay"] * trade, 0.0, 1.0)

    # Violence relaxes towards a target set by how contested a theatre is, the support its
    # fighters receive, and the restraint of zones (guaranteed from both sides) and talks.
    control = state.control
    violence = state.violence
    zone = list(state.zone)
    if len(state.theatre_ids):
        received = state.support.sum(axis=0)
        contest = 1.0 - control.max(axis=1)
        contest = np.clip(2.0 * contest, 0.0, 1.0)  # an even split is fully contested
        fuel = (control * received[None, :]).sum(axis=1)
        zone_restraint = _zone_restraint(state)
        restraint = np.clip(zone_restraint + state.restraint, 0.0, 1.0)
        target = np.clip(contest * (r["violence_base"] + r["violence_fuel"] * fuel), 0.0, 1.0)
        target = target * (1.0 - restraint)
        violence = np.clip(violence + r["violence_rate"] * (target - violence), 0.0, 1.0)
        # Control follows strength (own military plus support received) where there is fighting.
        strength = state.capabilities[:, 0] / 100.0 + received
        weighted = control * strength[None, :]
        totals = weighted.sum(axis=1, keepdims=True)
        share = np.where(totals > 0, weighted / np.where(totals > 0, totals, 1.0), control)
        control = control + r["control_rate"] * violence[:, None] * (share - control)
        control = control / control.sum(axis=1, keepdims=True)
        for t, status in enumerate(zone):
            # A zone fails only where violence is high and not falling: a new zone in a hot
            # theatre gets its chance to work.
            rising = violence[t] >= state.violence[t]
            if status is ZoneStatus.ACTIVE and violence[t] > r["zone_fail_violence"] and rising:
                zone[t] = ZoneStatus.FAILING
            elif status is ZoneStatus.FAILING and violence[t] > r["zone_collapse_violence"]:
                zone[t] = ZoneStatus.COLLAPSED
            elif status is ZoneStatus.FAILING and violence[t] < r["zone_recover_violence"]:
                zone[t] = ZoneStatus.ACTIVE
    events = []
    for t, (old, new) in enumerate(zip(state.zone, zone, strict=True)):
        if old is not new:
            theatre = state.scenario.theatres[t].name
            text = f"The de-escalation zone in {theatre} is now {new.value}"
            events.append(event(state, "zone", (), text, "drift"))
    new_state = replace(
        state,
        alignment=alignment,
        support=support,
        sanctions=sanctions,
        capabilities=capabilities,
        trade=trade,
        violence=violence,
        control=control,
        zone=tuple(zone),
        restraint=state.restraint * (1.0 - r["restraint_decay"]),
        progress=state.progress * (1.0 - r["progress_decay"]),
    )
    return new_state, events


def _zone_restraint(state: GameState) -> np.ndarray:
    """(T,) restraint from de-escalation zones: full when guaranteed from both sides."""
    from game.rules.base import side_of

    mil = state.rules["military"]
    out = np.zeros(len(state.theatre_ids))
    for t, status in enumerate(state.zone):
        if status not in (ZoneStatus.ACTIVE, ZoneStatus.FAILING):
            continue
        sides_held = {side_of(state, t, int(g)) for g in np.flatnonzero(state.guarantors[t])}
        sides_held.discard(None)
        if len(sides_held) == 2:
            out[t] = mil["zone_restraint"]
        elif sides_held:
            out[t] = mil["zone_one_side"]
        if status is ZoneStatus.FAILING:
            out[t] /= 2.0
    return out


def chance(state: GameState, rng: np.random.Generator) -> tuple[GameState, list[Event]]:
    """Chance events: an incident in a theatre, a thaw between enemies, an economic shock.

    The same number of numbers is drawn every turn, whatever happens, so the stream never
    drifts out of step.
    """
    r = state.rules["chance"]
    rolls = rng.random(3)
    picks = rng.random(2)
    alignment, violence, capabilities = state.alignment, state.violence, state.capabilities
    events = []
    if rolls[0] < r["incident_probability"] and len(state.theatre_ids):
        t = int(picks[0] * len(state.theatre_ids))
        violence = violence.copy()
        violence[t] = min(1.0, violence[t] + r["incident_violence"])
        text = f"An incident flares up in {state.scenario.theatres[t].name}"
        events.append(event(state, "chance", (), text, "chance:incident"))
    if rolls[1] < r["thaw_probability"] and state.n >= 2:
        upper = np.triu(state.alignment, 1) + np.tril(np.full((state.n, state.n), np.inf))
        a, b = np.unravel_index(int(np.argmin(upper)), upper.shape)
        alignment = alignment.copy()
        value = min(1.0, alignment[a, b] + r["thaw_alignment"])
        alignment[a, b] = alignment[b, a] = value
        ida, idb = state.actors[a], state.actors[b]
        text = f"An unexpected thaw between {name(state, ida)} and {name(state, idb)}"
        events.append(event(state, "chance", (ida, idb), text, "chance:thaw"))
    if rolls[2] < r["shock_probability"] and state.n:
        i = int(picks[1] * state.n)
        capabilities = capabilities.copy()
        capabilities[i, 1] = max(0.0, capabilities[i, 1] - r["shock_economy"])
        text = f"An economic shock hits {name(state, state.actors[i])}"
        events.append(event(state, "chance", (state.actors[i],), text, "chance:shock"))
    if not events:
        return state, []
    return replace(state, alignment=alignment, violence=violence, capabilities=capabilities), events
