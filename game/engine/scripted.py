"""Scripted events: a scenario's `[[events]]`, their triggers and effects (a closed vocabulary).

Each turn every event spec is considered in file order. One number is drawn for each spec from
the `events` stream whether or not its trigger holds, so the draws never shift; the event fires
when its trigger holds, it has not fired yet (if `once`), and the draw is below its probability.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from game.engine.clock import add_months
from game.engine.state import Event, GameState, Stance
from game.rules.base import Edit, agreement_index, event, theatre_index
from game.scenario.model import (
    AgreementStatus,
    Capability,
    EffectKind,
    EventSpec,
    PartyStance,
    TriggerKind,
    ZoneStatus,
)

_CAPABILITY_COLUMN = {Capability.MILITARY: 0, Capability.ECONOMY: 1, Capability.DIPLOMACY: 2}
_STANCE = {
    PartyStance.COMPLYING.value: Stance.COMPLYING,
    PartyStance.DECERTIFIED.value: Stance.DECERTIFIED,
    PartyStance.WITHDRAWN.value: Stance.WITHDRAWN,
    "none": Stance.NONE,
}


def triggered(state: GameState, spec: EventSpec, stability: float | None) -> bool:
    """Whether `spec`'s trigger holds for the turn being resolved.

    Args:
        state: the state after drift.
        spec: the event.
        stability: the current stability index, or None when scoring is unavailable.
    """
    trigger = spec.trigger
    kind = TriggerKind(trigger.kind)
    if kind is TriggerKind.DATE:
        # Only the first turn whose date is on or after the trigger's: one chance, not many.
        if trigger.date is None or state.date < trigger.date:
            return False
        months = state.scenario.meta.months_per_turn
        return state.turn == 0 or add_months(state.date, -months) < trigger.date
    if kind is TriggerKind.TURN:
        return trigger.turn == state.turn + 1
    if kind is TriggerKind.STABILITY_BELOW:
        return stability is not None and trigger.value is not None and stability < trigger.value
    if kind is TriggerKind.STABILITY_ABOVE:
        return stability is not None and trigger.value is not None and stability > trigger.value
    if kind is TriggerKind.VIOLENCE_ABOVE:
        t = theatre_index(state, trigger.theatre or "")
        return t is not None and trigger.value is not None and state.violence[t] > trigger.value
    if kind is TriggerKind.AGREEMENT_STATUS:
        k = agreement_index(state, trigger.agreement or "")
        return k is not None and state.agreement_status[k].value == trigger.status
    if kind is TriggerKind.ALIGNMENT_BELOW:
        if trigger.actor not in state.actors or trigger.target not in state.actors:
            return False
        value = state.alignment[state.index(trigger.actor), state.index(trigger.target)]
        return trigger.value is not None and value < trigger.value
    return False


def fire(state: GameState, spec: EventSpec) -> tuple[GameState, list[Event]]:
    """Apply every effect of `spec`; one "scripted" event carries its headline."""
    edit = Edit(state)
    for effect in spec.effects:
        _apply_effect(state, edit, effect)
    if spec.once:
        edit.set("fired", state.fired | {spec.id})
    concerned = []
    for effect in spec.effects:
        for actor in (effect.actor, effect.target):
            if actor and actor in state.actors and actor not in concerned:
                concerned.append(actor)
    texts = [e.text for e in spec.effects if e.kind == EffectKind.NEWS and e.text]
    text = spec.name + (": " + " ".join(texts) if texts else "")
    return edit.done(), [event(state, "scripted", concerned, text, spec.id)]


def _index(state: GameState, actor: str | None) -> int | None:
    return state.actors.index(actor) if actor in state.actors else None


def _apply_effect(state: GameState, edit: Edit, effect: Any) -> None:
    kind = EffectKind(effect.kind)
    value = 0.0 if effect.value is None else float(effect.value)
    i, j = _index(state, effect.actor), _index(state, effect.target)
    if kind is EffectKind.SHIFT_ALIGNMENT and i is not None and j is not None:
        edit.shift_alignment(i, j, value)
    elif kind is EffectKind.SHIFT_VIOLENCE:
        t = theatre_index(state, effect.theatre or "")
        if t is not None:
            edit.shift_violence(t, value)
    elif kind is EffectKind.SET_AGREEMENT_STATUS:
        k = agreement_index(state, effect.agreement or "")
        if k is not None and effect.status in {s.value for s in AgreementStatus}:
            status = list(edit.get("agreement_status"))
            status[k] = AgreementStatus(effect.status)
            edit.set("agreement_status", tuple(status))
    elif kind is EffectKind.SET_PARTY_STANCE:
        k = agreement_index(state, effect.agreement or "")
        if k is not None and i is not None and effect.status in _STANCE:
            edit["membership"][k, i] = _STANCE[effect.status]
    elif kind is EffectKind.SET_ZONE_STATUS:
        t = theatre_index(state, effect.theatre or "")
        if t is not None and effect.status in {s.value for s in ZoneStatus}:
            zone = list(edit.get("zone"))
            zone[t] = ZoneStatus(effect.status)
            edit.set("zone", tuple(zone))
    elif kind is EffectKind.IMPOSE_SANCTION and i is not None and j is not None and i != j:
        sanctions = edit["sanctions"]
        sanctions[i, j] = float(np.clip(max(sanctions[i, j], value), 0.0, 1.0))
    elif kind is EffectKind.LIFT_SANCTION and i is not None and j is not None:
        edit["sanctions"][i, j] = 0.0
    elif kind is EffectKind.ADD_CAPITAL and i is not None:
        capital = edit["capital"]
        capital[i] = max(0.0, capital[i] + value)
    elif kind is EffectKind.SHIFT_CAPABILITY and i is not None and effect.capability is not None:
        edit.shift_capability(i, _CAPABILITY_COLUMN[Capability(effect.capability)], value)
    # NEWS only adds its text to the headline (see `fire`).
