"""Per-kind required fields: agendas and their objectives, scripted events with their triggers and
effects, each kind's fields, numeric ranges and statuses from `vocabulary`.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Sequence
from typing import Any

import attrs

from game.scenario import convert, model
from game.scenario.checks.checker import Checker
from game.scenario.checks.raw import _date, _end_date, _enum, _meta_int, _record_class, _records
from game.scenario.checks.references import actor_field, check_party, check_ref, check_refs
from game.scenario.checks.vocabulary import (
    _FIELD_WORDS,
    _OBJECTIVE_COMMON,
    EFFECT_FIELDS,
    EFFECT_VALUE,
    OBJECTIVE_FIELDS,
    OBJECTIVE_WANT,
    STATUS_VOCABULARY,
    TRIGGER_FIELDS,
    TRIGGER_VALUE,
)


def check_agendas(checker: Checker, raw: dict[str, Any]) -> None:
    agendas = raw.get("agendas")
    if not isinstance(agendas, dict):
        return
    for owner, agenda in agendas.items():
        path = ("agendas", owner)
        known = check_ref(checker, path, owner, "actors")
        if known and actor_field(checker, raw, owner, "playable") is not True:
            checker.error(
                path,
                f"agenda for {owner!r}, which is not playable",
                f"playable = true on actor {owner!r}, or no agenda for it",
                "agenda",
            )
        if not isinstance(agenda, dict):
            continue
        objectives = agenda.get("objectives")
        if "objectives" not in agenda or (isinstance(objectives, list) and not objectives):
            checker.warning(path, "agenda has no objectives", "[[agendas.ID.objectives]]", "agenda")
        for index, objective in enumerate(objectives if isinstance(objectives, list) else []):
            if isinstance(objective, dict):
                check_objective(checker, objective, (*path, "objectives", index))


def check_objective(checker: Checker, objective: dict[str, Any], path: tuple) -> None:
    kind = _enum(objective.get("kind"), model.ObjectiveKind)
    check_refs(checker, objective, path)
    if kind is None:
        return
    required, optional = OBJECTIVE_FIELDS[kind]
    check_kind_fields(
        checker,
        objective,
        path,
        f"a {kind.value!r} objective",
        required,
        (*_OBJECTIVE_COMMON, *required, *optional),
    )
    if kind in OBJECTIVE_WANT:
        check_number_in(
            checker,
            (*path, "want"),
            objective.get("want"),
            OBJECTIVE_WANT[kind],
            f"for a {kind.value!r} objective",
        )


def check_events(checker: Checker, raw: dict[str, Any]) -> None:
    checker.agreements = _records(raw, "agreements")
    start = _date(raw, "meta", "start")
    end = _end_date(raw)
    for index, event in _records(raw, "events"):
        path = ("events", index)
        trigger = event.get("trigger")
        if isinstance(trigger, dict):
            tpath = (*path, "trigger")
            check_refs(checker, trigger, tpath)
            kind = _enum(trigger.get("kind"), model.TriggerKind)
            if kind is not None:
                needs = TRIGGER_FIELDS[kind]
                check_kind_fields(
                    checker, trigger, tpath, f"a {kind.value!r} trigger", needs, ("kind", *needs)
                )
                if kind in TRIGGER_VALUE:
                    check_number_in(
                        checker,
                        (*tpath, "value"),
                        trigger.get("value"),
                        TRIGGER_VALUE[kind],
                        f"for a {kind.value!r} trigger",
                    )
                check_status_in(checker, trigger, tpath, kind)
                if kind is model.TriggerKind.TURN and isinstance(trigger.get("turn"), int):
                    limit = _meta_int(raw, "turn_limit", 24)
                    if trigger["turn"] > limit:
                        checker.warning(
                            (*tpath, "turn"),
                            f"turn {trigger['turn']} is after the last turn ({limit})",
                            "a turn within [meta].turn_limit",
                            "date-order",
                        )
            date = trigger.get("date")
            if kind is model.TriggerKind.DATE and isinstance(date, dt.date) and start:
                if date < start:
                    checker.error(
                        (*tpath, "date"),
                        f"dated {date}, before the scenario starts ({start})",
                        "a date on or after [meta].start",
                        "date-order",
                    )
                elif end and date >= end:
                    checker.warning(
                        (*tpath, "date"),
                        f"dated {date}, after the last turn (the game ends {end})",
                        "a date before the game ends",
                        "date-order",
                    )
        effects = event.get("effects")
        for number, effect in enumerate(effects if isinstance(effects, list) else []):
            if isinstance(effect, dict):
                check_effect(checker, effect, (*path, "effects", number))


def check_effect(checker: Checker, effect: dict[str, Any], path: tuple) -> None:
    check_refs(checker, effect, path)
    kind = _enum(effect.get("kind"), model.EffectKind)
    if kind is None:
        return
    needs = EFFECT_FIELDS[kind]
    check_kind_fields(
        checker, effect, path, f"a {kind.value!r} effect", needs, ("kind", "text", *needs)
    )
    if kind is model.EffectKind.NEWS and effect.get("text") == "":
        checker.error((*path, "text"), "empty headline", "the headline to show", "kind-field")
    if kind in EFFECT_VALUE:
        check_number_in(
            checker,
            (*path, "value"),
            effect.get("value"),
            EFFECT_VALUE[kind],
            f"for a {kind.value!r} effect",
        )
    check_status_in(checker, effect, path, kind)
    if kind is model.EffectKind.SET_PARTY_STANCE:
        check_party(checker, raw_agreements=checker.agreements, effect=effect, path=path)


def check_kind_fields(
    checker: Checker,
    record: dict[str, Any],
    path: tuple,
    what: str,
    required: Sequence[str],
    allowed: Sequence[str],
) -> None:
    for key in required:
        if key not in record:
            checker.error(
                (*path, key),
                f"missing key {key!r}, which {what} needs",
                f"{key} = {_FIELD_WORDS.get(key, '...')}",
                "kind-field",
            )
    for key in record:
        if key not in allowed and key in attrs.fields_dict(_record_class(path)):
            checker.warning(
                (*path, key),
                f"{key!r} is ignored by {what}",
                "only " + ", ".join(allowed),
                "kind-field",
            )


def check_number_in(
    checker: Checker, path: tuple, value: object, bounds: tuple[float, float], why: str
) -> None:
    lo, hi = bounds
    if convert.is_number(value) and not lo <= value <= hi:  # type: ignore[operator]
        checker.error(
            path,
            f"out of range {why}: {convert.describe(value)}",
            f"a number from {lo:g} to {hi:g}",
            "kind-range",
        )


def check_status_in(checker: Checker, record: dict[str, Any], path: tuple, kind: enum.Enum) -> None:
    vocabulary = STATUS_VOCABULARY.get(kind.value)
    status = record.get("status")
    if vocabulary is None or not isinstance(status, str):
        return
    allowed = convert.enum_values(vocabulary)
    if status not in allowed:
        close = difflib.get_close_matches(status, allowed, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        checker.error(
            (*path, "status"),
            f"{status!r} is not a known value for a "
            f"{kind.value!r} {'trigger' if 'trigger' in path else 'effect'}",
            f"{hint}one of: {', '.join(allowed)}",
            "kind-enum",
        )
