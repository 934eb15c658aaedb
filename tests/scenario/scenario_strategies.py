"""Hypothesis strategies for valid scenarios, built from the model (shared by the scenario tests).

`scenarios()` draws whole Scenarios that the checker passes: unique ids, references that resolve,
control shares summing to 1, an agenda for each playable actor and for no other, date triggers on
or after the start, fields only where their kind reads them.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from game.scenario import model
from game.scenario.check import (
    EFFECT_FIELDS,
    EFFECT_VALUE,
    OBJECTIVE_FIELDS,
    OBJECTIVE_WANT,
    STATUS_VOCABULARY,
    TRIGGER_FIELDS,
    TRIGGER_VALUE,
)
from game.scenario.convert import enum_values

IDS = st.from_regex(r"[A-Z][A-Z0-9_]{0,7}", fullmatch=True)
# Any text TOML can hold: no surrogates (not encodable as UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
KEYS = st.text(st.characters(exclude_categories=("Cs",)), min_size=0, max_size=12)
DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9000, 12, 31))


def unit(lo: float = 0.0, hi: float = 1.0) -> st.SearchStrategy[float]:
    """Finite floats in [lo, hi], with ints mixed in (the loader makes them floats)."""
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False) | st.integers(
        int(lo) if lo == int(lo) else int(lo) + 1, int(hi)
    ).map(float)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def facts(draw: st.DrawFn) -> dict:
    """Provenance fields: a quote, "author" or nothing; never pending (that is an error)."""
    return {
        "source": draw(optional(st.just(model.AUTHOR) | TEXT.filter(bool))),
        "confidence": draw(optional(unit())),
        "review": draw(optional(st.sampled_from([model.Review.ACCEPTED, model.Review.REJECTED]))),
    }


@st.composite
def scenarios(draw: st.DrawFn) -> model.Scenario:
    """A random valid Scenario."""
    start = draw(DATES)
    meta = model.Meta(
        id=draw(TEXT),
        title=draw(TEXT),
        start=start,
        months_per_turn=draw(st.integers(1, 12)),
        turn_limit=draw(st.integers(1, 600)),
        article=None,
        article_title=draw(optional(TEXT)),
        description=draw(TEXT),
    )
    actor_ids = draw(st.lists(IDS, min_size=1, max_size=5, unique=True))
    playable = draw(st.lists(st.booleans(), min_size=len(actor_ids), max_size=len(actor_ids)))
    playable[draw(st.integers(0, len(actor_ids) - 1))] = True
    actors = []
    for index, ident in enumerate(actor_ids):
        actors.append(
            model.Actor(
                id=ident,
                name=draw(TEXT),
                kind=draw(st.sampled_from(model.ActorKind)),
                native_name=draw(optional(TEXT)),
                # parents point backwards only, so there is never a cycle
                parent=draw(optional(st.sampled_from(actor_ids[:index]))) if index else None,
                playable=playable[index],
                capabilities=model.Capabilities(
                    military=draw(unit(0, 100)),
                    economy=draw(unit(0, 100)),
                    diplomacy=draw(unit(0, 100)),
                ),
                capital=draw(unit(0, 1e6)),
                capital_per_turn=draw(unit(0, 1e6)),
                members=draw(optional(st.integers(1, 10**6))),
                color=draw(optional(st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True))),
                lat=draw(optional(unit(-90, 90))),
                lon=draw(optional(unit(-180, 180))),
                **facts(draw),
            )
        )
    issue_ids = draw(st.lists(IDS, max_size=2, unique=True))
    agreement_ids = draw(st.lists(IDS, max_size=2, unique=True))
    theatre_ids = draw(st.lists(IDS, max_size=2, unique=True))
    actor = st.sampled_from(actor_ids)
    subset = st.lists(actor, unique=True, max_size=3)

    agreements = []
    for ident in agreement_ids:
        parties = draw(subset)
        agreements.append(
            model.Agreement(
                id=ident,
                name=draw(TEXT),
                kind=draw(st.sampled_from(model.AgreementKind)),
                status=draw(st.sampled_from(model.AgreementStatus)),
                parties=parties,
                host=draw(optional(actor)),
                date=draw(optional(DATES)),
                stances={
                    p: draw(st.sampled_from(model.PartyStance))
                    for p in draw(st.lists(st.sampled_from(parties), unique=True))
                }
                if parties
                else {},
                issue=draw(optional(st.sampled_from(issue_ids))) if issue_ids else None,
                value=draw(optional(unit(0, 1e6))),
                terms=draw(st.lists(TEXT, max_size=2)),
                **facts(draw),
            )
        )

    theatres = []
    for ident in theatre_ids:
        holders = draw(st.lists(actor, unique=True, max_size=3))
        weights = [draw(st.integers(1, 9)) for _ in holders]
        control = {h: w / sum(weights) for h, w in zip(holders, weights, strict=True)}
        theatres.append(
            model.Theatre(
                id=ident,
                name=draw(TEXT),
                country=draw(actor),
                control=control,
                violence=draw(unit()),
                zone=draw(st.sampled_from(model.ZoneStatus)),
                guarantors=draw(subset),
                agreement=draw(optional(st.sampled_from(agreement_ids))) if agreement_ids else None,
                lat=draw(optional(unit(-90, 90))),
                lon=draw(optional(unit(-180, 180))),
                radius_km=draw(unit(1, 5000)),
                **facts(draw),
            )
        )

    issues = [
        model.Issue(
            id=ident,
            name=draw(TEXT),
            description=draw(TEXT),
            positions={a: draw(unit(-1, 1)) for a in draw(subset)},
            salience={},
            progress=draw(unit()),
            **facts(draw),
        )
        for ident in issue_ids
    ]
    issues = [
        attrs.evolve(i, salience={a: draw(unit()) for a in i.positions if draw(st.booleans())})
        for i in issues
    ]

    refs = {
        "actor": actor,
        "target": actor,
        "theatre": st.sampled_from(theatre_ids) if theatre_ids else None,
        "agreement": st.sampled_from(agreement_ids) if agreement_ids else None,
        "issue": st.sampled_from(issue_ids) if issue_ids else None,
    }

    def usable(needs: tuple[str, ...]) -> bool:
        return all(refs.get(key, True) is not None for key in needs)

    objective_kinds = [k for k, (needs, _) in OBJECTIVE_FIELDS.items() if usable(needs)]
    agendas = {}
    for ident, is_playable in zip(actor_ids, playable, strict=True):
        if not is_playable:
            continue
        objectives = []
        for _ in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(objective_kinds))
            needs, optional_fields = OBJECTIVE_FIELDS[kind]
            fields = {key: draw(refs[key]) for key in needs}
            if "actor" in optional_fields:
                fields["actor"] = draw(optional(actor))
            if kind in OBJECTIVE_WANT:
                fields["want"] = draw(optional(unit(*OBJECTIVE_WANT[kind])))
            objectives.append(
                model.Objective(kind=kind, weight=draw(unit(0, 1e3)), label=draw(TEXT), **fields)
            )
        agendas[ident] = model.Agenda(description=draw(TEXT), objectives=objectives)

    events = []
    trigger_kinds = [k for k, needs in TRIGGER_FIELDS.items() if usable(needs)]
    effect_kinds = [k for k, needs in EFFECT_FIELDS.items() if usable(needs)]
    # a stance can only be set for a party of the agreement
    with_parties = [a for a in agreements if a.parties]
    if not with_parties:
        effect_kinds = [k for k in effect_kinds if k is not model.EffectKind.SET_PARTY_STANCE]
    for ident in draw(st.lists(IDS, max_size=3, unique=True)):
        kind = draw(st.sampled_from(trigger_kinds))
        params = _params(draw, kind, TRIGGER_FIELDS[kind], TRIGGER_VALUE, refs, start)
        trigger = model.Trigger(kind=kind, **params)
        effects = []
        for _ in range(draw(st.integers(0, 2))):
            effect_kind = draw(st.sampled_from(effect_kinds))
            needs = EFFECT_FIELDS[effect_kind]
            params = _params(draw, effect_kind, needs, EFFECT_VALUE, refs, start)
            if effect_kind is model.EffectKind.SET_PARTY_STANCE:
                agreement = draw(st.sampled_from(with_parties))
                params["agreement"] = agreement.id
                params["actor"] = draw(st.sampled_from(agreement.parties))
            effects.append(model.Effect(kind=effect_kind, **params))
        events.append(
            model.EventSpec(
                id=ident,
                name=draw(TEXT),
                trigger=trigger,
                probability=draw(unit()),
                once=draw(st.booleans()),
                effects=effects,
                **facts(draw),
            )
        )

    relations = []
    if len(actor_ids) > 1:
        for _ in range(draw(st.integers(0, 3))):
            source, target = draw(st.lists(actor, min_size=2, max_size=2, unique=True))
            kind = draw(st.sampled_from(model.RelationKind))
            sanction = kind is model.RelationKind.SANCTION
            deal = kind is model.RelationKind.DEAL
            relations.append(
                model.Relation(
                    kind=kind,
                    actor=source,
                    target=target,
                    strength=draw(unit()),
                    status=draw(st.sampled_from(model.Status)),
                    scope=draw(optional(st.sampled_from(model.SanctionScope)))
                    if sanction
                    else None,
                    entities=draw(optional(st.integers(1, 10**9))) if sanction else None,
                    sector=draw(optional(st.sampled_from(model.DealSector))) if deal else None,
                    value=draw(optional(unit(0, 1e6))) if deal else None,
                    agreement=draw(optional(refs["agreement"])) if agreement_ids else None,
                    theatre=draw(optional(refs["theatre"])) if theatre_ids else None,
                    note=draw(TEXT),
                    **facts(draw),
                )
            )

    scoring = draw(
        st.just(model.Scoring())
        | st.builds(
            model.Scoring,
            violence=unit(0, 100),
            balance=unit(0, 100),
            capability_weight=unit(),
        )
    )
    rules = draw(
        st.dictionaries(KEYS, st.dictionaries(KEYS, unit(-1e6, 1e6), max_size=2), max_size=2)
    )
    return model.Scenario(
        meta=meta,
        actors=actors,
        relations=relations,
        agreements=agreements,
        theatres=theatres,
        issues=issues,
        agendas=agendas,
        events=events,
        scoring=scoring,
        rules=rules,
    )


def _params(
    draw: st.DrawFn, kind: object, needs: tuple[str, ...], ranges: dict, refs: dict, start: dt.date
) -> dict:
    """Values for the fields a trigger or effect kind needs."""
    out: dict = {}
    for key in needs:
        if key in refs:
            out[key] = draw(refs[key])
        elif key == "date":
            out[key] = draw(st.dates(min_value=start, max_value=dt.date(9999, 1, 1)))
        elif key == "turn":
            out[key] = draw(st.integers(0, 10_000))
        elif key == "value":
            out[key] = draw(unit(*ranges.get(kind, (-1e6, 1e6))))
        elif key == "status":
            out[key] = draw(st.sampled_from(enum_values(STATUS_VOCABULARY[kind])))
        elif key == "capability":
            out[key] = draw(st.sampled_from(model.Capability))
        elif key == "text":
            out[key] = draw(TEXT.filter(bool))
    return out
