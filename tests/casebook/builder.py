"""A tiny builder of hand-made scenarios and games for the rules casebook.

`world(...)` makes a `GameState` from a few actors, relations, theatres, agreements and issues
written inline; chance events and the non-playable actors' background behaviour are off unless
a case asks for them, so each case sees only the rule it pins down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import numpy as np

from game.engine.rng import turn_rng
from game.engine.setup import new_game
from game.engine.state import Event, GameState, replace
from game.engine.turn import resolve
from game.rules.orders import Order
from game.scenario.model import (
    Actor,
    ActorKind,
    Agenda,
    Agreement,
    AgreementKind,
    Capabilities,
    EventSpec,
    Issue,
    Meta,
    Objective,
    ObjectiveKind,
    Relation,
    RelationKind,
    Scenario,
    Theatre,
    ZoneStatus,
)

QUIET = {
    "chance": {"incident_probability": 0, "thaw_probability": 0, "shock_probability": 0},
    "background": {"enabled": 0},
}


def actor(
    actor_id: str,
    kind: str = "state",
    *,
    playable: bool = False,
    mil: float = 60,
    eco: float = 60,
    dip: float = 60,
    capital: float = 30,
    per_turn: float = 5,
) -> Actor:
    """An actor with round capabilities and plenty of capital."""
    return Actor(
        id=actor_id,
        name=actor_id.title(),
        kind=ActorKind(kind),
        playable=playable,
        capabilities=Capabilities(mil, eco, dip),
        capital=capital,
        capital_per_turn=per_turn,
    )


def rel(kind: str, a: str, b: str, strength: float = 1.0, **extra: object) -> Relation:
    """A relation of `kind` from `a` to `b`."""
    return Relation(kind=RelationKind(kind), actor=a, target=b, strength=strength, **extra)


def theatre(
    theatre_id: str,
    control: Mapping[str, float],
    *,
    violence: float = 0.5,
    zone: str = "none",
    guarantors: Iterable[str] = (),
    country: str | None = None,
) -> Theatre:
    """A theatre held by `control`."""
    return Theatre(
        id=theatre_id,
        name=theatre_id.title(),
        country=country or next(iter(control)),
        control=dict(control),
        violence=violence,
        zone=ZoneStatus(zone),
        guarantors=tuple(guarantors),
    )


def treaty(agreement_id: str, parties: Iterable[str], **extra: object) -> Agreement:
    """A treaty between `parties`."""
    return Agreement(
        id=agreement_id,
        name=agreement_id.title(),
        kind=AgreementKind.TREATY,
        parties=tuple(parties),
        **extra,
    )


def issue(issue_id: str, positions: Mapping[str, float], salience: float = 0.8) -> Issue:
    """An issue on which each actor in `positions` holds its position with `salience`."""
    return Issue(
        id=issue_id,
        name=issue_id.title(),
        positions=dict(positions),
        salience={a: salience for a in positions},
    )


def influence_agenda() -> Agenda:
    """An agenda that only wants influence (so acceptance has an agenda term)."""
    return Agenda(objectives=(Objective(ObjectiveKind.INFLUENCE),))


def scenario(
    *actors: Actor,
    relations: Iterable[Relation] = (),
    theatres: Iterable[Theatre] = (),
    agreements: Iterable[Agreement] = (),
    issues: Iterable[Issue] = (),
    agendas: Mapping[str, Agenda] | None = None,
    events: Iterable[EventSpec] = (),
    rules: Mapping[str, Mapping[str, float]] | None = None,
    quiet: bool = True,
    turn_limit: int = 24,
) -> Scenario:
    """A scenario from its parts; `quiet` turns chance and background off (rules may add)."""
    merged: dict[str, dict[str, float]] = {}
    for source in (QUIET if quiet else {}, rules or {}):
        for section, keys in source.items():
            merged.setdefault(section, {}).update(keys)
    return Scenario(
        meta=Meta(id="case", title="A case", start=dt.date(2017, 11, 1), turn_limit=turn_limit),
        actors=tuple(actors),
        relations=tuple(relations),
        agreements=tuple(agreements),
        theatres=tuple(theatres),
        issues=tuple(issues),
        agendas=dict(agendas or {}),
        events=tuple(events),
        rules=merged,
    )


def world(*actors: Actor, humans: Iterable[str] = (), seed: int = 1, **parts: object) -> GameState:
    """A new game of `scenario(*actors, **parts)`."""
    return new_game(scenario(*actors, **parts), seed=seed, humans=humans)


def run(state: GameState, *orders: str | Order) -> tuple[GameState, list[Event]]:
    """Resolve one turn with these orders (text or `Order`), with the turn's own generator."""
    parsed = [o if isinstance(o, Order) else Order.parse(o) for o in orders]
    return resolve(state, parsed, turn_rng(state))


def tweak(state: GameState, **arrays: object) -> GameState:
    """A copy of `state` with some fields replaced (arrays copied read-only)."""
    return replace(state, **arrays)


def pair(state: GameState, field_name: str, a: str, b: str) -> float:
    """`state.<field>[a, b]` by actor ids."""
    return float(getattr(state, field_name)[state.index(a), state.index(b)])


def kinds(events: Iterable[Event]) -> list[str]:
    """The kinds of some events, in order."""
    return [e.kind for e in events]


def only(events: Iterable[Event], kind: str) -> list[Event]:
    """The events of one kind."""
    return [e for e in events if e.kind == kind]


def set_pair(state: GameState, field_name: str, a: str, b: str, value: float) -> GameState:
    """A copy with `field[a, b]` (and `[b, a]` for alignment) set to `value`."""
    array = np.array(getattr(state, field_name), copy=True)
    i, j = state.index(a), state.index(b)
    array[i, j] = value
    if field_name in ("alignment", "baseline", "trade"):
        array[j, i] = value
    return replace(state, **{field_name: array})
