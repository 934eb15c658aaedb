"""Generated worlds: a random but valid scenario of any size, for benchmarks and property tests.

`random_scenario(n_actors, seed=...)` builds a `Scenario` in code (no file): the first
`n_playable` actors are playable states with agendas, the rest a mix of states, armed groups,
organisations and firms tied by random relations, fighting over a few theatres, bound by a few
agreements, divided on a few issues, with two scripted events. The same arguments always give
the same scenario.

Must not import: pygame, game.ui.
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
    Capabilities,
    Effect,
    EffectKind,
    EventSpec,
    Issue,
    Meta,
    Objective,
    ObjectiveKind,
    Relation,
    RelationKind,
    SanctionScope,
    Scenario,
    Theatre,
    Trigger,
    TriggerKind,
)

_KINDS = (ActorKind.STATE, ActorKind.ARMED_GROUP, ActorKind.ORGANISATION, ActorKind.FIRM)
_KIND_WEIGHTS = (0.6, 0.2, 0.1, 0.1)
_RELATIONS = tuple(RelationKind)


def random_scenario(
    n_actors: int = 200,
    *,
    n_playable: int = 4,
    n_theatres: int = 6,
    n_agreements: int = 3,
    n_issues: int = 2,
    turn_limit: int = 24,
    relations_per_actor: int = 3,
    seed: int = 0,
) -> Scenario:
    """A random valid scenario; see the module docstring."""
    if n_actors < max(4, n_playable + 2):
        raise ValueError("a generated world needs 4 actors and two more than its playable seats")
    rng = world_rng(seed)
    ids = tuple(f"A{i:03d}" for i in range(n_actors))
    kinds = [ActorKind.STATE] * n_playable + [
        _KINDS[int(k)] for k in rng.choice(4, size=n_actors - n_playable, p=_KIND_WEIGHTS)
    ]
    kinds[n_playable] = ActorKind.STATE  # at least one non-playable state
    kinds[n_playable + 1] = ActorKind.ARMED_GROUP  # and one armed group to fight over ground
    actors = []
    for i, actor_id in enumerate(ids):
        big = i < n_playable
        caps = rng.uniform(40, 95, size=3) if big else rng.uniform(5, 70, size=3)
        actors.append(
            Actor(
                id=actor_id,
                name=f"Actor {i}",
                kind=kinds[i],
                playable=big,
                capabilities=Capabilities(*(round(float(c), 1) for c in caps)),
                capital=float(round(rng.uniform(5, 20), 1)),
                capital_per_turn=float(round(rng.uniform(6, 10) if big else rng.uniform(2, 6), 1)),
                source=AUTHOR,
            )
        )
    relations = []
    seen = set()
    for i in range(n_actors):
        for j in rng.choice(n_actors, size=relations_per_actor, replace=False):
            j = int(j)
            if i == j or (min(i, j), max(i, j)) in seen:
                continue
            seen.add((min(i, j), max(i, j)))
            kind = _RELATIONS[int(rng.integers(len(_RELATIONS)))]
            relations.append(
                Relation(
                    kind=kind,
                    actor=ids[i],
                    target=ids[j],
                    strength=round(float(rng.uniform(0.2, 1.0)), 2),
                    scope=SanctionScope.SECTORAL if kind is RelationKind.SANCTION else None,
                    source=AUTHOR,
                )
            )
    states = [i for i in range(n_actors) if kinds[i] is ActorKind.STATE]
    fighters = [i for i in range(n_actors) if kinds[i] in (ActorKind.STATE, ActorKind.ARMED_GROUP)]
    theatres = []
    for t in range(n_theatres):
        holders = rng.choice(fighters, size=min(3, len(fighters)), replace=False)
        shares = rng.dirichlet(np.ones(len(holders)))
        control = {ids[int(h)]: round(float(s), 3) for h, s in zip(holders, shares, strict=True)}
        total = sum(control.values())
        first = next(iter(control))
        control[first] = round(control[first] + 1.0 - total, 6)
        theatres.append(
            Theatre(
                id=f"T{t}",
                name=f"Theatre {t}",
                country=ids[int(rng.choice(states))],
                control=control,
                violence=round(float(rng.uniform(0.2, 0.9)), 2),
                source=AUTHOR,
            )
        )
    agreements = []
    for k in range(n_agreements):
        parties = tuple(
            ids[int(p)] for p in rng.choice(states, size=min(4, len(states)), replace=False)
        )
        agreements.append(
            Agreement(
                id=f"AG{k}",
                name=f"Agreement {k}",
                kind=AgreementKind.TREATY,
                parties=parties,
                issue=f"I{k % n_issues}" if n_issues else None,
                source=AUTHOR,
            )
        )
    issues = []
    for k in range(n_issues):
        concerned = rng.choice(n_actors, size=min(20, n_actors), replace=False)
        issues.append(
            Issue(
                id=f"I{k}",
                name=f"Issue {k}",
                positions={ids[int(c)]: round(float(rng.uniform(-1, 1)), 2) for c in concerned},
                salience={ids[int(c)]: round(float(rng.uniform(0.1, 1)), 2) for c in concerned},
                progress=round(float(rng.uniform(0, 0.3)), 2),
                source=AUTHOR,
            )
        )
    agendas = {}
    for i in range(n_playable):
        objectives = [
            Objective(ObjectiveKind.INFLUENCE, weight=1.0, label="Be heard"),
            Objective(ObjectiveKind.STABILITY, weight=1.0, want=0.7, label="A calm region"),
        ]
        if theatres:
            objectives.append(
                Objective(
                    ObjectiveKind.CONTROL,
                    weight=1.0,
                    want=1.0,
                    actor=ids[i],
                    theatre=theatres[i % len(theatres)].id,
                    label="Hold ground",
                )
            )
        agendas[ids[i]] = Agenda(description=f"Actor {i}'s aims", objectives=tuple(objectives))
    events = [
        EventSpec(
            id="SUMMIT",
            name="A regional summit",
            trigger=Trigger(TriggerKind.TURN, turn=3),
            effects=(Effect(EffectKind.SHIFT_ALIGNMENT, value=0.2, actor=ids[0], target=ids[1]),),
            source=AUTHOR,
        ),
    ]
    if theatres:
        events.append(
            EventSpec(
                id="ESCALATION",
                name="Fighting spreads",
                trigger=Trigger(TriggerKind.VIOLENCE_ABOVE, theatre=theatres[0].id, value=0.8),
                probability=0.5,
                once=False,
                effects=(Effect(EffectKind.SHIFT_VIOLENCE, value=0.05, theatre=theatres[-1].id),),
                source=AUTHOR,
            )
        )
    return Scenario(
        meta=Meta(
            id=f"generated-{n_actors}-{seed}",
            title=f"A generated world of {n_actors} actors",
            start=dt.date(2020, 1, 1),
            turn_limit=turn_limit,
        ),
        actors=tuple(actors),
        relations=tuple(relations),
        agreements=tuple(agreements),
        theatres=tuple(theatres),
        issues=tuple(issues),
        agendas=agendas,
        events=tuple(events),
    )
