"""A random but valid world of any size, for property tests and the benchmark.

`generate_scenario(n_actors, seed)` builds a `Scenario` that passes the scenario checker: states,
armed groups, organisations and firms; relations of every kind; agreements with parties and
stances; theatres whose control shares sum to 1; issues; an agenda for each playable state; and
a few scripted events. The world has structure, not noise: every actor leans towards one of
three latent camps, so friendly ties fall mostly within a camp and hostile ones across, and the
blocs, brokers and swing actors the scores look for exist.

Everything is drawn from one `numpy.random.Generator` seeded with `seed`, so the same
`(n_actors, seed, n_playable)` always gives the same scenario.

Must not import: pygame, game.ui, game.engine.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from game.engine.rng import world_rng
from game.scenario.model import (
    AUTHOR,
    Actor,
    ActorKind,
    Agenda,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Capabilities,
    Capability,
    DealSector,
    Effect,
    EffectKind,
    EventSpec,
    Issue,
    Meta,
    Objective,
    ObjectiveKind,
    PartyStance,
    Relation,
    RelationKind,
    SanctionScope,
    Scenario,
    Status,
    Theatre,
    Trigger,
    TriggerKind,
    ZoneStatus,
)

START = dt.date(2020, 1, 1)
"""The start date of every generated world."""

_KINDS = (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.ORGANISATION, ActorKind.FIRM)
_KIND_P = (0.55, 0.25, 0.1, 0.1)
_PREFIX = {
    ActorKind.STATE: "S",
    ActorKind.ARMED_GROUP: "G",
    ActorKind.ORGANISATION: "O",
    ActorKind.FIRM: "F",
}
_FRIENDLY = (
    RelationKind.ALLIANCE,
    RelationKind.COOPERATION,
    RelationKind.SUPPORT,
    RelationKind.DEAL,
)
_HOSTILE = (RelationKind.RIVALRY, RelationKind.HOSTILITY, RelationKind.SANCTION)
_CAMPS = 3
_TIES_PER_ACTOR = 10.0
_HUB_WEIGHT = 4.0


def _r(x: float, digits: int = 2) -> float:
    return round(float(x), digits)


def generate_scenario(
    n_actors: int, seed: int, n_playable: int = 4, n_theatres: int | None = None
) -> Scenario:
    """A random, valid scenario of `n_actors` actors.

    Args:
        n_actors: how many actors, >= 1.
        seed: the seed of the one Generator every draw comes from.
        n_playable: how many playable states (at least 1, at most `n_actors`); each gets an
            agenda of three to five objectives.
        n_theatres: how many theatres; None for one per 25 actors (at least one).

    Returns:
        The scenario; the same arguments always give an equal one.

    Raises:
        ValueError: if `n_actors` < 1.
    """
    if n_actors < 1:
        raise ValueError(f"a world needs at least one actor, got n_actors={n_actors}")
    rng = world_rng(seed)
    n_playable = int(min(max(n_playable, 1), n_actors))

    kinds = [ActorKind.STATE] * n_playable + [
        _KINDS[k] for k in rng.choice(len(_KINDS), size=n_actors - n_playable, p=_KIND_P)
    ]
    width = max(3, len(str(n_actors)))
    ids = [f"{_PREFIX[kind]}{k:0{width}d}" for k, kind in enumerate(kinds)]
    camp = rng.integers(0, _CAMPS, size=n_actors)
    # Playable seats are spread over the camps so that they have something to play for.
    camp[:n_playable] = np.arange(n_playable) % _CAMPS
    lean = rng.uniform(0.3, 1.0, size=n_actors)  # how firmly each actor holds to its camp
    states = [i for i, k in enumerate(kinds) if k is ActorKind.STATE]

    actors = tuple(
        _actor(rng, i, ids, kinds, states, playable=i < n_playable) for i in range(n_actors)
    )
    relations = _relations(rng, ids, kinds, camp, lean)
    issues = _issues(rng, ids, camp, n_actors)
    agreements = _agreements(rng, ids, states, camp, issues)
    theatres = _theatres(rng, ids, kinds, states, agreements, n_theatres)
    agendas = {
        ids[i]: _agenda(rng, i, ids, camp, theatres, agreements, issues) for i in range(n_playable)
    }
    events = _events(rng, ids, theatres, agreements)
    return Scenario(
        meta=Meta(
            id=f"generated-{n_actors}-{seed}",
            title=f"A generated world of {n_actors} actors (seed {seed})",
            start=START,
            months_per_turn=1,
            turn_limit=24,
            description="A random but valid world made by game.sim.worldgen for tests and bench.",
        ),
        actors=actors,
        relations=relations,
        agreements=agreements,
        theatres=theatres,
        issues=issues,
        agendas=agendas,
        events=events,
    )


def _actor(
    rng: np.random.Generator,
    i: int,
    ids: list[str],
    kinds: list[ActorKind],
    states: list[int],
    playable: bool,
) -> Actor:
    kind = kinds[i]
    military, economy, diplomacy = rng.uniform(5, 60, size=3)
    if kind is ActorKind.STATE:
        military, economy, diplomacy = rng.uniform(20, 95, size=3)
    elif kind is ActorKind.ARMED_GROUP:
        economy, diplomacy = economy / 3, diplomacy / 3
    elif kind is ActorKind.FIRM:
        military, economy = 0.0, rng.uniform(30, 90)
    elif kind is ActorKind.ORGANISATION:
        military, diplomacy = military / 4, rng.uniform(30, 80)
    parent = None
    if kind in (ActorKind.ARMED_GROUP, ActorKind.FIRM) and states and rng.uniform() < 0.5:
        parent = ids[states[int(rng.integers(len(states)))]]
    return Actor(
        id=ids[i],
        name=f"{kind.value.replace('_', ' ').title()} {ids[i][1:]}",
        kind=kind,
        parent=parent,
        playable=playable,
        capabilities=Capabilities(_r(military, 1), _r(economy, 1), _r(diplomacy, 1)),
        capital=_r(rng.uniform(5, 25), 1),
        capital_per_turn=_r(rng.uniform(2, 8), 1),
        source=AUTHOR,
    )


def _relations(
    rng: np.random.Generator,
    ids: list[str],
    kinds: list[ActorKind],
    camp: np.ndarray,
    lean: np.ndarray,
) -> tuple[Relation, ...]:
    n = len(ids)
    if n < 2:
        return ()
    seen: set[tuple[RelationKind, int, int]] = set()
    out: list[Relation] = []
    count = round(min(_TIES_PER_ACTOR, (n - 1) / 2) * n)
    # Partners are drawn in proportion to weight: states are hubs, as in a real region, so the
    # network has a dense core whose camps the whole world lines up around.
    weight = np.array([_HUB_WEIGHT if k is ActorKind.STATE else 1.0 for k in kinds])
    sources = rng.integers(0, n, size=count)
    targets = rng.choice(n, size=count, p=weight / weight.sum())
    for a, b in zip(sources.tolist(), targets.tolist(), strict=True):
        if a == b:
            continue
        same = camp[a] == camp[b]
        # Firm leaners keep to their camp's lines; loose ones sometimes cross them.
        friendly = same if rng.uniform() < 0.6 + 0.4 * min(lean[a], lean[b]) else not same
        kind = _FRIENDLY[int(rng.integers(4))] if friendly else _HOSTILE[int(rng.integers(3))]
        if kind is RelationKind.SANCTION and kinds[a] is not ActorKind.STATE:
            kind = RelationKind.RIVALRY
        if kind is RelationKind.DEAL and ActorKind.ARMED_GROUP in (kinds[a], kinds[b]):
            kind = RelationKind.SUPPORT
        if kind is RelationKind.SUPPORT and kinds[a] is ActorKind.FIRM:
            kind = RelationKind.DEAL
        key = (kind, a, b)
        if key in seen or (
            kind not in (RelationKind.SUPPORT, RelationKind.SANCTION) and (kind, b, a) in seen
        ):
            continue
        seen.add(key)
        status = (
            Status.ACTIVE
            if rng.uniform() < 0.85
            else Status((Status.PLANNED, Status.THREATENED, Status.ENDED)[int(rng.integers(3))])
        )
        extra: dict[str, object] = {}
        if kind is RelationKind.SANCTION:
            scope = (SanctionScope.TARGETED, SanctionScope.SECTORAL, SanctionScope.BLACKLIST)[
                int(rng.integers(3))
            ]
            extra["scope"] = scope
            if scope is SanctionScope.BLACKLIST:
                extra["entities"] = int(rng.integers(1, 60))
        if kind is RelationKind.DEAL:
            extra["sector"] = (
                DealSector.ENERGY,
                DealSector.ARMS,
                DealSector.NUCLEAR,
                DealSector.TRADE,
            )[int(rng.integers(4))]
            extra["value"] = _r(rng.uniform(0.1, 30.0), 1)
        out.append(
            Relation(
                kind=kind,
                actor=ids[a],
                target=ids[b],
                strength=_r(rng.uniform(0.2, 1.0)),
                status=status,
                source=AUTHOR,
                **extra,
            )
        )
    return tuple(out)


def _issues(
    rng: np.random.Generator, ids: list[str], camp: np.ndarray, n: int
) -> tuple[Issue, ...]:
    out = []
    for k in range(max(1, n // 30)):
        # Each camp has its own view of the issue; its members hold it, with some spread.
        camp_view = rng.uniform(-1, 1, size=_CAMPS)
        members = np.flatnonzero(rng.uniform(size=n) < min(1.0, 12.0 / n + 0.2))
        if members.size == 0:
            members = np.array([0])
        positions = np.clip(camp_view[camp[members]] + rng.normal(0, 0.2, members.size), -1, 1)
        out.append(
            Issue(
                id=f"ISSUE{k + 1}",
                name=f"Issue {k + 1}",
                description="-1: one settlement; +1: the opposite one",
                positions={ids[i]: _r(p) for i, p in zip(members, positions, strict=True)},
                salience={ids[i]: _r(rng.uniform(0.1, 1.0)) for i in members},
                progress=_r(rng.uniform(0.0, 0.4)),
                source=AUTHOR,
            )
        )
    return tuple(out)


def _agreements(
    rng: np.random.Generator,
    ids: list[str],
    states: list[int],
    camp: np.ndarray,
    issues: tuple[Issue, ...],
) -> tuple[Agreement, ...]:
    if len(states) < 2:
        return ()
    out = []
    kinds = tuple(AgreementKind)
    for k in range(max(2, len(ids) // 20)):
        size = int(min(len(states), rng.integers(2, 7)))
        parties = sorted(rng.choice(states, size=size, replace=False).tolist())
        status = (
            AgreementStatus.ACTIVE,
            AgreementStatus.ACTIVE,
            AgreementStatus.PLANNED,
            AgreementStatus.SUSPENDED,
        )[int(rng.integers(4))]
        stances = {}
        if status is AgreementStatus.ACTIVE and rng.uniform() < 0.4:
            stances[ids[parties[-1]]] = (PartyStance.DECERTIFIED, PartyStance.WITHDRAWN)[
                int(rng.integers(2))
            ]
        before = status is not AgreementStatus.PLANNED
        date = START + dt.timedelta(days=int(rng.integers(30, 700)) * (-1 if before else 1))
        out.append(
            Agreement(
                id=f"AGR{k + 1}",
                name=f"Agreement {k + 1}",
                kind=kinds[int(rng.integers(len(kinds)))],
                status=status,
                parties=tuple(ids[p] for p in parties),
                host=ids[parties[0]],
                date=date,
                stances=stances,
                issue=issues[k % len(issues)].id if issues and rng.uniform() < 0.5 else None,
                terms=("the parties keep to what they signed",),
                source=AUTHOR,
            )
        )
    return tuple(out)


def _theatres(
    rng: np.random.Generator,
    ids: list[str],
    kinds: list[ActorKind],
    states: list[int],
    agreements: tuple[Agreement, ...],
    n_theatres: int | None = None,
) -> tuple[Theatre, ...]:
    n = len(ids)
    out = []
    for k in range(max(1, n // 25) if n_theatres is None else n_theatres):
        country = states[int(rng.integers(len(states)))] if states else 0
        size = int(min(n, rng.integers(1, 5)))
        others = [i for i in range(n) if i != country]
        holders = [country, *rng.choice(others, size=min(size - 1, len(others)), replace=False)]
        # Integer percentages, so the shares sum to 1 exactly as the checker adds them.
        cuts = np.sort(rng.choice(np.arange(1, 100), size=len(holders) - 1, replace=False))
        parts = np.diff(np.concatenate([[0], cuts, [100]]))
        control = {ids[int(h)]: int(p) / 100 for h, p in zip(holders, parts, strict=True)}
        zone = (ZoneStatus.NONE, ZoneStatus.PROPOSED, ZoneStatus.ACTIVE, ZoneStatus.FAILING)[
            int(rng.integers(4))
        ]
        guarantors: tuple[str, ...] = ()
        if zone is not ZoneStatus.NONE and len(states) > 1:
            picks = rng.choice(
                states, size=min(len(states), int(rng.integers(1, 4))), replace=False
            )
            guarantors = tuple(ids[int(g)] for g in sorted(picks.tolist()))
        out.append(
            Theatre(
                id=f"THEATRE{k + 1}",
                name=f"Theatre {k + 1}",
                country=ids[country],
                control=control,
                violence=_r(rng.uniform(0.1, 0.9)),
                zone=zone,
                guarantors=guarantors,
                agreement=agreements[0].id if agreements and zone is not ZoneStatus.NONE else None,
                lat=_r(rng.uniform(25, 45)),
                lon=_r(rng.uniform(25, 60)),
                radius_km=_r(rng.uniform(20, 200), 0),
                source=AUTHOR,
            )
        )
    return tuple(out)


def _agenda(
    rng: np.random.Generator,
    owner: int,
    ids: list[str],
    camp: np.ndarray,
    theatres: tuple[Theatre, ...],
    agreements: tuple[Agreement, ...],
    issues: tuple[Issue, ...],
) -> Agenda:
    n = len(ids)
    friends = [i for i in range(n) if i != owner and camp[i] == camp[owner]]
    foes = [i for i in range(n) if camp[i] != camp[owner]]
    theatre = theatres[int(rng.integers(len(theatres)))]
    pool: list[Objective] = [
        Objective(ObjectiveKind.INFLUENCE, weight=_r(rng.uniform(0.5, 2)), label="Be heard"),
        Objective(
            ObjectiveKind.STABILITY,
            weight=_r(rng.uniform(0.5, 2)),
            want=_r(rng.uniform(0.4, 0.9)),
            label="A calmer region",
        ),
        Objective(
            ObjectiveKind.CONTROL,
            weight=_r(rng.uniform(0.5, 2)),
            actor=ids[owner],
            theatre=theatre.id,
            want=_r(rng.uniform(0.3, 1.0)),
            label=f"Hold ground in {theatre.name}",
        ),
        Objective(
            ObjectiveKind.VIOLENCE,
            weight=_r(rng.uniform(0.5, 2)),
            theatre=theatre.id,
            want=_r(rng.uniform(0.0, 0.3)),
            label=f"Quiet {theatre.name}",
        ),
    ]
    if friends:
        friend = friends[int(rng.integers(len(friends)))]
        pool.append(
            Objective(
                ObjectiveKind.ALIGNMENT,
                weight=_r(rng.uniform(0.5, 2)),
                target=ids[friend],
                want=1.0,
                label=f"Close ties with {ids[friend]}",
            )
        )
    if foes:
        foe = foes[int(rng.integers(len(foes)))]
        pool.append(
            Objective(
                ObjectiveKind.SANCTIONS,
                weight=_r(rng.uniform(0.5, 2)),
                target=ids[foe],
                want=_r(rng.uniform(0.5, 1.0)),
                label=f"Pressure on {ids[foe]}",
            )
        )
        pool.append(
            Objective(
                ObjectiveKind.CAPABILITY,
                weight=_r(rng.uniform(0.5, 2)),
                target=ids[foe],
                want=_r(rng.uniform(0.0, 40.0), 1),
                label=f"Weaken {ids[foe]}",
            )
        )
    if agreements:
        agreement = agreements[int(rng.integers(len(agreements)))]
        keep = ids[owner] in agreement.parties
        pool.append(
            Objective(
                ObjectiveKind.AGREEMENT,
                weight=_r(rng.uniform(0.5, 2)),
                agreement=agreement.id,
                want=1.0 if keep else 0.0,
                label=("Keep " if keep else "End ") + agreement.name,
            )
        )
    if issues:
        issue = issues[int(rng.integers(len(issues)))]
        pool.append(
            Objective(
                ObjectiveKind.ISSUE,
                weight=_r(rng.uniform(0.5, 2)),
                issue=issue.id,
                want=_r(rng.uniform(-1, 1)),
                label=f"Settle {issue.name} our way",
            )
        )
    count = int(min(len(pool), rng.integers(3, 6)))
    picks = sorted(rng.choice(len(pool), size=count, replace=False).tolist())
    return Agenda(
        description=f"What {ids[owner]} wants",
        objectives=tuple(pool[p] for p in picks),
        source=AUTHOR,
    )


def _events(
    rng: np.random.Generator,
    ids: list[str],
    theatres: tuple[Theatre, ...],
    agreements: tuple[Agreement, ...],
) -> tuple[EventSpec, ...]:
    n = len(ids)
    a, b = (0, 1 % n) if n > 1 else (0, 0)
    events = [
        EventSpec(
            id="SUMMIT",
            name="A summit is announced",
            trigger=Trigger(TriggerKind.TURN, turn=int(rng.integers(2, 6))),
            effects=(Effect(EffectKind.NEWS, text="Leaders agree to meet next month"),),
            source=AUTHOR,
        ),
        EventSpec(
            id="FLARE_UP",
            name=f"Fighting flares up in {theatres[0].name}",
            trigger=Trigger(TriggerKind.VIOLENCE_ABOVE, theatre=theatres[0].id, value=0.8),
            probability=0.5,
            effects=(
                Effect(EffectKind.SHIFT_VIOLENCE, theatre=theatres[0].id, value=0.1),
                Effect(EffectKind.NEWS, text="Shelling resumes"),
            ),
            source=AUTHOR,
        ),
        EventSpec(
            id="WINDFALL",
            name="Oil prices jump",
            trigger=Trigger(TriggerKind.STABILITY_BELOW, value=30.0),
            probability=0.3,
            once=False,
            effects=(
                Effect(EffectKind.ADD_CAPITAL, actor=ids[a], value=5.0),
                Effect(
                    EffectKind.SHIFT_CAPABILITY,
                    actor=ids[a],
                    capability=Capability.ECONOMY,
                    value=2.0,
                ),
            ),
            source=AUTHOR,
        ),
    ]
    if a != b:
        events.append(
            EventSpec(
                id="RAPPROCHEMENT",
                name=f"{ids[a]} and {ids[b]} patch things up",
                trigger=Trigger(TriggerKind.DATE, date=START + dt.timedelta(days=200)),
                effects=(
                    Effect(EffectKind.SHIFT_ALIGNMENT, actor=ids[a], target=ids[b], value=0.3),
                ),
                source=AUTHOR,
            )
        )
    if agreements:
        events.append(
            EventSpec(
                id="COLLAPSE",
                name=f"{agreements[0].name} is suspended",
                trigger=Trigger(TriggerKind.STABILITY_BELOW, value=20.0),
                probability=0.5,
                effects=(
                    Effect(
                        EffectKind.SET_AGREEMENT_STATUS,
                        agreement=agreements[0].id,
                        status=AgreementStatus.SUSPENDED.value,
                    ),
                ),
                source=AUTHOR,
            )
        )
    return tuple(events)
