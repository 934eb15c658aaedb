"""The checker's vocabularies: which fields each kind of objective, trigger and effect reads and in
what range its number lies, the status vocabulary of each record, the fact and id tables, and
the id and colour patterns.

Data only. Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which
imports this).
"""

from __future__ import annotations

import enum
import re

from game.scenario import model

_OBJECTIVE_COMMON = ("kind", "weight", "label")

OBJECTIVE_FIELDS: dict[model.ObjectiveKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    model.ObjectiveKind.STABILITY: ((), ("want",)),
    model.ObjectiveKind.INFLUENCE: ((), ()),
    model.ObjectiveKind.ALIGNMENT: (("target",), ("actor", "want")),
    model.ObjectiveKind.CONTROL: (("actor", "theatre"), ("want",)),
    model.ObjectiveKind.VIOLENCE: (("theatre",), ("want",)),
    model.ObjectiveKind.AGREEMENT: (("agreement",), ("want",)),
    model.ObjectiveKind.ISSUE: (("issue",), ("want",)),
    model.ObjectiveKind.SANCTIONS: (("target",), ("want",)),
    model.ObjectiveKind.CAPABILITY: (("target",), ("want",)),
}
"""objective kind -> (required fields, optional fields) besides kind, weight and label."""

OBJECTIVE_WANT: dict[model.ObjectiveKind, tuple[float, float]] = {
    model.ObjectiveKind.STABILITY: (0.0, 1.0),
    model.ObjectiveKind.ALIGNMENT: (-1.0, 1.0),
    model.ObjectiveKind.CONTROL: (0.0, 1.0),
    model.ObjectiveKind.VIOLENCE: (0.0, 1.0),
    model.ObjectiveKind.AGREEMENT: (0.0, 1.0),
    model.ObjectiveKind.ISSUE: (-1.0, 1.0),
    model.ObjectiveKind.SANCTIONS: (0.0, 1.0),
    model.ObjectiveKind.CAPABILITY: (0.0, 100.0),
}

TRIGGER_FIELDS: dict[model.TriggerKind, tuple[str, ...]] = {
    model.TriggerKind.DATE: ("date",),
    model.TriggerKind.TURN: ("turn",),
    model.TriggerKind.STABILITY_BELOW: ("value",),
    model.TriggerKind.STABILITY_ABOVE: ("value",),
    model.TriggerKind.VIOLENCE_ABOVE: ("theatre", "value"),
    model.TriggerKind.AGREEMENT_STATUS: ("agreement", "status"),
    model.TriggerKind.ALIGNMENT_BELOW: ("actor", "target", "value"),
}
"""trigger kind -> the fields it needs (and the only ones it reads besides `kind`)."""

TRIGGER_VALUE: dict[model.TriggerKind, tuple[float, float]] = {
    model.TriggerKind.STABILITY_BELOW: (0.0, 100.0),
    model.TriggerKind.STABILITY_ABOVE: (0.0, 100.0),
    model.TriggerKind.VIOLENCE_ABOVE: (0.0, 1.0),
    model.TriggerKind.ALIGNMENT_BELOW: (-1.0, 1.0),
}

EFFECT_FIELDS: dict[model.EffectKind, tuple[str, ...]] = {
    model.EffectKind.SHIFT_ALIGNMENT: ("actor", "target", "value"),
    model.EffectKind.SHIFT_VIOLENCE: ("theatre", "value"),
    model.EffectKind.SET_AGREEMENT_STATUS: ("agreement", "status"),
    model.EffectKind.SET_PARTY_STANCE: ("actor", "agreement", "status"),
    model.EffectKind.SET_ZONE_STATUS: ("theatre", "status"),
    model.EffectKind.IMPOSE_SANCTION: ("actor", "target", "value"),
    model.EffectKind.LIFT_SANCTION: ("actor", "target"),
    model.EffectKind.ADD_CAPITAL: ("actor", "value"),
    model.EffectKind.SHIFT_CAPABILITY: ("actor", "capability", "value"),
    model.EffectKind.NEWS: ("text",),
}
"""effect kind -> the fields it needs (and the only ones it reads besides `kind` and `text`)."""

EFFECT_VALUE: dict[model.EffectKind, tuple[float, float]] = {
    model.EffectKind.SHIFT_ALIGNMENT: (-2.0, 2.0),
    model.EffectKind.SHIFT_VIOLENCE: (-1.0, 1.0),
    model.EffectKind.IMPOSE_SANCTION: (0.0, 1.0),
    model.EffectKind.SHIFT_CAPABILITY: (-100.0, 100.0),
}

STATUS_VOCABULARY: dict[str, type[enum.Enum]] = {
    model.TriggerKind.AGREEMENT_STATUS: model.AgreementStatus,
    model.EffectKind.SET_AGREEMENT_STATUS: model.AgreementStatus,
    model.EffectKind.SET_PARTY_STANCE: model.PartyStance,
    model.EffectKind.SET_ZONE_STATUS: model.ZoneStatus,
}
"""The enum a trigger's or effect's `status` must be a value of, by kind."""

FACT_TABLES = ("actors", "relations", "agreements", "theatres", "issues", "events")
"""The arrays whose records are facts that should carry a `source`."""

ID_TABLES = {
    "actors": "actor",
    "agreements": "agreement",
    "theatres": "theatre",
    "issues": "issue",
    "events": "event",
}

_REF_KIND = {
    "actor": "actors",
    "target": "actors",
    "theatre": "theatres",
    "agreement": "agreements",
    "issue": "issues",
}

_FIELD_WORDS = {
    "actor": "an actor id",
    "target": "an actor id",
    "theatre": "a theatre id",
    "agreement": "an agreement id",
    "issue": "an issue id",
    "date": "a date such as 2017-11-18",
    "turn": "a turn number",
    "value": "a number",
    "status": "a status",
    "capability": "military, economy or diplomacy",
    "text": "a headline",
}
"""How `missing key` errors of the kinds describe what to write."""

_ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]*$")

_COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
