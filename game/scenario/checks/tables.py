"""Per-table meaning: actors (parents, playable flags), relations and agreements (the fields each
kind needs, dates in order), theatres (control shares that sum to 1) and issues.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from game.scenario import convert, model
from game.scenario.checks.checker import Checker
from game.scenario.checks.raw import _date, _enum, _records
from game.scenario.checks.references import actor_field, check_ref, check_ref_keys, check_ref_list
from game.scenario.checks.vocabulary import _COLOR_PATTERN

SHARE_TOLERANCE = 1e-6
"""How far a theatre's control shares may sum from 1."""


def check_actors(checker: Checker, raw: dict[str, Any]) -> None:
    actors = _records(raw, "actors")
    parents = {}
    for index, actor in actors:
        path = ("actors", index)
        parent = actor.get("parent")
        if check_ref(checker, (*path, "parent"), parent, "actors") and isinstance(
            actor.get("id"), str
        ):
            parents[actor["id"]] = parent
        color = actor.get("color")
        if isinstance(color, str) and not _COLOR_PATTERN.match(color):
            checker.error(
                (*path, "color"),
                f"not a colour: {color!r}",
                'a colour written "#rrggbb", e.g. "#c0392b"',
                "format",
            )
    reported: set[str] = set()
    for index, actor in actors:
        start = actor.get("id")
        if not isinstance(start, str) or start not in parents or start in reported:
            continue
        chain = [start]
        current = parents.get(start)
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        if current == start:
            reported.update(chain)
            checker.error(
                ("actors", index, "parent"),
                "parent cycle: " + " -> ".join([*chain, start]),
                "a parent chain that ends at an actor with no parent",
                "cycle",
            )
    playable = [
        (index, actor["id"])
        for index, actor in actors
        if actor.get("playable") is True and isinstance(actor.get("id"), str)
    ]
    if isinstance(raw.get("actors"), list) and not playable:
        checker.error(
            ("actors",),
            "no playable actor",
            "at least one actor with playable = true",
            "no-playable",
        )
    agendas = raw.get("agendas", {})
    if isinstance(agendas, dict):  # a non-table `agendas` is reported as a wrong type
        for index, ident in playable:
            if ident not in agendas:
                checker.error(
                    ("actors", index, "playable"),
                    f"playable actor {ident!r} has no agenda",
                    f"an [agendas.{ident}] table",
                    "agenda",
                )


def check_relations(checker: Checker, raw: dict[str, Any]) -> None:
    seen: dict[tuple, int] = {}  # (kind, actor, target, qualifiers) -> first index
    for index, relation in _records(raw, "relations"):
        path = ("relations", index)
        ends = tuple(relation.get(key) for key in ("kind", "actor", "target"))
        # Two sanctions of different scopes, or support in two theatres, are two facts.
        qualifiers = tuple(
            repr(relation.get(key)) for key in ("scope", "sector", "theatre", "agreement")
        )
        if all(isinstance(end, str) for end in ends):
            if (*ends, *qualifiers) in seen:
                first = checker.lines.line_of(("relations", seen[(*ends, *qualifiers)]))
                checker.warning(
                    path,
                    f"a second {ends[0]} relation from {ends[1]!r} to {ends[2]!r}",
                    f"one relation per kind, pair and scope (the first is on line {first})",
                    "repeat",
                )
            seen.setdefault((*ends, *qualifiers), index)
        check_ref(checker, (*path, "actor"), relation.get("actor"), "actors")
        check_ref(checker, (*path, "target"), relation.get("target"), "actors")
        if "agreement" in relation:
            check_ref(checker, (*path, "agreement"), relation["agreement"], "agreements")
        if "theatre" in relation:
            check_ref(checker, (*path, "theatre"), relation["theatre"], "theatres")
        actor, target = relation.get("actor"), relation.get("target")
        if isinstance(actor, str) and actor == target:
            checker.error(
                (*path, "target"),
                f"a relation from {actor!r} to itself",
                "a target other than the actor",
                "self-relation",
            )
        kind = relation.get("kind")
        if _enum(kind, model.RelationKind) is None:
            continue
        for key, only in (("scope", "sanction"), ("entities", "sanction")):
            if key in relation and kind != only:
                checker.error(
                    (*path, key),
                    f"{key!r} on a {kind!r} relation",
                    f"{key!r} only on sanction relations",
                    "kind-field",
                )
        for key in ("sector", "value"):
            if key in relation and kind != "deal":
                checker.error(
                    (*path, key),
                    f"{key!r} on a {kind!r} relation",
                    f"{key!r} only on deal relations",
                    "kind-field",
                )


def check_agreements(checker: Checker, raw: dict[str, Any]) -> None:
    start = _date(raw, "meta", "start")
    for index, agreement in _records(raw, "agreements"):
        path = ("agreements", index)
        check_ref_list(checker, (*path, "parties"), agreement.get("parties"), "actors")
        if "host" in agreement:
            check_ref(checker, (*path, "host"), agreement["host"], "actors")
        if "issue" in agreement:
            check_ref(checker, (*path, "issue"), agreement["issue"], "issues")
        stances = agreement.get("stances")
        parties = agreement.get("parties")
        if isinstance(stances, dict):
            for key in stances:
                known = check_ref(checker, (*path, "stances", key), key, "actors")
                if known and isinstance(parties, list) and key not in parties:
                    checker.error(
                        (*path, "stances", key),
                        f"{key!r} has a stance but is not a party",
                        "stances only for actors listed in parties",
                        "stance",
                    )
        date = agreement.get("date")
        status = agreement.get("status", "active")
        if start and isinstance(date, dt.date) and not isinstance(date, dt.datetime):
            if status in ("active", "suspended", "ended") and date > start:
                checker.warning(
                    (*path, "date"),
                    f"dated {date}, after the start ({start}), but already {status}",
                    "a date on or before [meta].start, or status planned/proposed",
                    "date-order",
                )
            elif status in ("proposed", "planned") and date < start:
                checker.warning(
                    (*path, "date"),
                    f"{status} but dated {date}, before the start ({start})",
                    "a date on or after [meta].start for an agreement still to come",
                    "date-order",
                )


def check_theatres(checker: Checker, raw: dict[str, Any]) -> None:
    for index, theatre in _records(raw, "theatres"):
        path = ("theatres", index)
        country = theatre.get("country")
        if check_ref(checker, (*path, "country"), country, "actors"):
            kind = actor_field(checker, raw, country, "kind")
            if kind not in (None, "state"):
                checker.warning(
                    (*path, "country"),
                    f"{country!r} is a {kind}, not a state",
                    "the id of a state actor",
                    "country",
                )
        check_ref_list(checker, (*path, "guarantors"), theatre.get("guarantors"), "actors")
        if "agreement" in theatre:
            check_ref(checker, (*path, "agreement"), theatre["agreement"], "agreements")
        control = theatre.get("control", {})
        if not isinstance(control, dict):
            continue
        check_ref_keys(checker, (*path, "control"), control, "actors")
        numbers = list(control.values())
        if numbers and all(convert.is_number(n) for n in numbers):
            total = math.fsum(float(n) for n in numbers)
            if abs(total - 1.0) > SHARE_TOLERANCE:
                checker.error(
                    (*path, "control"),
                    f"control shares sum to {total:.6g}",
                    "shares that sum to 1",
                    "shares",
                )
        elif not numbers:
            checker.warning(
                (*path, "control"), "no control shares", "who controls the theatre", "shares"
            )


def check_issues(checker: Checker, raw: dict[str, Any]) -> None:
    for index, issue in _records(raw, "issues"):
        path = ("issues", index)
        check_ref_keys(checker, (*path, "positions"), issue.get("positions"), "actors")
        check_ref_keys(checker, (*path, "salience"), issue.get("salience"), "actors")
        positions = issue.get("positions")
        if isinstance(positions, dict) and isinstance(issue.get("salience"), dict):
            for key in issue["salience"]:
                if key not in positions and key in checker.ids["actors"]:
                    checker.warning(
                        (*path, "salience", key),
                        f"{key!r} has a salience but no position",
                        f"a position for {key!r} too",
                        "issue",
                    )
