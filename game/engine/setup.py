"""Starting a game: `new_game(scenario, seed, humans)` builds the first `GameState`.

The scenario's facts become dense arrays: relations become alignment (signed weights by kind,
times strength, times status, from the `[setup]` rules), support, sanction pressure, trade and
recognition; theatres, agreements and issues become per-record arrays. The initial scores are
computed into `history[0]`.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from game.engine.ledger import score_state
from game.engine.state import KIND_CODES, GameState, Stance, replace
from game.rules.params import merge_rules
from game.scenario.model import (
    ActorKind,
    AgreementStatus,
    PartyStance,
    RelationKind,
    SanctionScope,
    Scenario,
    Status,
    ZoneStatus,
)

_STANCE = {
    PartyStance.COMPLYING: Stance.COMPLYING,
    PartyStance.DECERTIFIED: Stance.DECERTIFIED,
    PartyStance.WITHDRAWN: Stance.WITHDRAWN,
}


class SetupError(ValueError):
    """The scenario cannot start a game (e.g. a human seat that is not a playable actor)."""


def new_game(scenario: Scenario, seed: int, humans: Iterable[str] = ()) -> GameState:
    """The state at the start of a game of `scenario`, with the initial scores in `history[0]`.

    Args:
        scenario: a loaded (or hand-built) scenario; references are assumed checked.
        seed: the game seed; every random draw derives from it and the turn number.
        humans: ids of the seats humans play; each must be a playable actor.

    Raises:
        SetupError: a human seat is unknown or not playable.
        RulesError: the scenario's `[rules]` overrides name unknown keys.
    """
    rules = merge_rules(scenario.rules)
    setup = rules["setup"]
    ids = scenario.actor_ids
    index = {actor_id: i for i, actor_id in enumerate(ids)}
    n = len(ids)
    humans = frozenset(humans)
    for human in sorted(humans):
        if human not in index or not scenario.actor(human).playable:
            raise SetupError(f"human seat {human!r} is not a playable actor of {scenario.meta.id}")

    capabilities = np.array(
        [
            [a.capabilities.military, a.capabilities.economy, a.capabilities.diplomacy]
            for a in scenario.actors
        ],
        dtype=np.float64,
    ).reshape(n, 3)
    capital = np.array([a.capital for a in scenario.actors], dtype=np.float64)
    actor_kind = np.array([KIND_CODES[ActorKind(a.kind)] for a in scenario.actors], dtype=np.int8)
    playable = np.array([a.playable for a in scenario.actors], dtype=bool)

    alignment = np.zeros((n, n))
    support = np.zeros((n, n))
    sanctions = np.zeros((n, n))
    trade = np.zeros((n, n))
    status_weight = {
        Status.ACTIVE: setup["status_active"],
        Status.PLANNED: setup["status_planned"],
        Status.THREATENED: setup["status_threatened"],
        Status.ENDED: setup["status_ended"],
    }
    scope_weight = {
        SanctionScope.TARGETED: setup["scope_targeted"],
        SanctionScope.SECTORAL: setup["scope_sectoral"],
        SanctionScope.BLACKLIST: setup["scope_blacklist"],
        None: setup["scope_sectoral"],
    }
    for rel in scenario.relations:
        if rel.actor not in index or rel.target not in index or rel.actor == rel.target:
            continue
        i, j = index[rel.actor], index[rel.target]
        # Enums are normalised here so a model built from plain strings reads the same.
        kind, status = RelationKind(rel.kind), Status(rel.status)
        scope = None if rel.scope is None else SanctionScope(rel.scope)
        weight = rel.strength * status_weight[status]
        alignment[i, j] += setup[kind.value] * weight
        alignment[j, i] = alignment[i, j]
        if kind is RelationKind.SUPPORT:
            support[i, j] = max(support[i, j], weight)
        elif kind is RelationKind.SANCTION and status is Status.ACTIVE:
            sanctions[i, j] = max(sanctions[i, j], rel.strength * scope_weight[scope])
        elif kind is RelationKind.DEAL:
            trade[i, j] = trade[j, i] = max(trade[i, j], weight * setup["trade_from_deal"])
        elif kind is RelationKind.COOPERATION:
            value = weight * setup["trade_from_cooperation"]
            trade[i, j] = trade[j, i] = max(trade[i, j], value)
    no_relation = alignment == 0.0
    alignment = np.where(no_relation, setup["shared_alignment"], alignment)
    alignment = np.clip(alignment, -1.0, 1.0)
    np.fill_diagonal(alignment, 0.0)

    # Every actor recognises every state's government; recognising anything else is an act.
    is_state = actor_kind == KIND_CODES[ActorKind.STATE]
    recognition = np.tile(is_state.astype(np.float64), (n, 1))
    for rel in scenario.relations:
        if (
            rel.kind == RelationKind.HOSTILITY
            and rel.status == Status.ACTIVE
            and rel.strength >= 0.8
            and rel.actor in index
            and rel.target in index
        ):
            recognition[index[rel.actor], index[rel.target]] = 0.0
    np.fill_diagonal(recognition, 0.0)

    theatre_ids = tuple(t.id for t in scenario.theatres)
    control = np.zeros((len(theatre_ids), n))
    guarantors = np.zeros((len(theatre_ids), n))
    for k, theatre in enumerate(scenario.theatres):
        for actor_id, share in theatre.control.items():
            if actor_id in index:
                control[k, index[actor_id]] = share
        total = control[k].sum()
        if total > 0:
            control[k] /= total
        elif theatre.country in index:
            control[k, index[theatre.country]] = 1.0
        elif n:
            control[k] = 1.0 / n
        for actor_id in theatre.guarantors:
            if actor_id in index:
                guarantors[k, index[actor_id]] = 1.0
    violence = np.array([t.violence for t in scenario.theatres], dtype=np.float64)

    agreement_ids = tuple(a.id for a in scenario.agreements)
    membership = np.zeros((len(agreement_ids), n), dtype=np.int8)
    for k, agreement in enumerate(scenario.agreements):
        for party in agreement.parties:
            if party in index:
                membership[k, index[party]] = Stance.COMPLYING
        for party, stance in agreement.stances.items():
            if party in index:
                membership[k, index[party]] = _STANCE[PartyStance(stance)]

    issue_ids = tuple(issue.id for issue in scenario.issues)
    positions = np.zeros((len(issue_ids), n))
    salience = np.zeros((len(issue_ids), n))
    for k, issue in enumerate(scenario.issues):
        for actor_id, value in issue.positions.items():
            if actor_id in index:
                positions[k, index[actor_id]] = value
        for actor_id, value in issue.salience.items():
            if actor_id in index:
                salience[k, index[actor_id]] = value
    progress = np.array([issue.progress for issue in scenario.issues], dtype=np.float64)

    state = GameState(
        scenario=scenario,
        rules=rules,
        seed=int(seed),
        humans=humans,
        turn=0,
        date=scenario.meta.start,
        actors=ids,
        capital=capital,
        capabilities=capabilities,
        alignment=alignment,
        baseline=alignment,
        support=support,
        sanctions=sanctions,
        trade=trade,
        recognition=recognition,
        theatre_ids=theatre_ids,
        control=control,
        violence=violence,
        zone=tuple(ZoneStatus(t.zone) for t in scenario.theatres),
        guarantors=guarantors,
        agreement_ids=agreement_ids,
        agreement_status=tuple(AgreementStatus(a.status) for a in scenario.agreements),
        membership=membership,
        issue_ids=issue_ids,
        positions=positions,
        salience=salience,
        progress=progress,
        restraint=np.zeros(len(theatre_ids)),
        base_capabilities=capabilities,
        actor_kind=actor_kind,
        playable=playable,
    )
    scores = score_state(state)
    return replace(state, history=() if scores is None else (scores,))
