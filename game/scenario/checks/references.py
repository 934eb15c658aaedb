"""Ids and references: duplicate and malformed ids, references to unknown actors, agreements,
theatres and issues, and the parties of effects.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import difflib
from typing import Any

from game.scenario.checks.checker import Checker
from game.scenario.checks.raw import _records
from game.scenario.checks.vocabulary import _ID_PATTERN, _REF_KIND, ID_TABLES


def collect_ids(checker: Checker, raw: dict[str, Any]) -> None:
    for table, noun in ID_TABLES.items():
        seen = checker.ids[table]
        for index, record in _records(raw, table):
            ident = record.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                first = checker.lines.line_of((table, seen[ident], "id"))
                checker.error(
                    (table, index, "id"),
                    f"duplicate {noun} id {ident!r}",
                    f"a unique id (first used on line {first})",
                    "duplicate-id",
                )
                continue
            seen[ident] = index
            if not _ID_PATTERN.match(ident):
                checker.warning(
                    (table, index, "id"),
                    f"id {ident!r} is not an upper-case id",
                    "upper-case letters, digits and _ (RUS, SYR_OPP, ASTANA)",
                    "id-style",
                )


def check_ref(checker: Checker, path: tuple, value: object, table: str) -> bool:
    """Report `value` if it is a string that names no record of `table`."""
    if not isinstance(value, str) or value in checker.ids[table]:
        return isinstance(value, str)
    noun = ID_TABLES[table]
    known = list(checker.ids[table])
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    if close:
        expected = f"did you mean {close[0]!r}?"
    elif known:
        shown = ", ".join(known[:15]) + (", ..." if len(known) > 15 else "")
        expected = f"one of the {noun} ids: {shown}"
    else:
        expected = f"the id of an entry in [[{table}]] (there are none)"
    checker.error(path, f"unknown {noun} {value!r}", expected, "unknown-ref")
    return False


def check_ref_keys(checker: Checker, path: tuple, mapping: object, table: str) -> None:
    if isinstance(mapping, dict):
        for key in mapping:
            check_ref(checker, (*path, key), key, table)


def check_ref_list(checker: Checker, path: tuple, items: object, table: str) -> None:
    if isinstance(items, list):
        seen: set[str] = set()
        for index, item in enumerate(items):
            if check_ref(checker, (*path, index), item, table) and item in seen:
                checker.error((*path, index), f"{item!r} is listed twice", "each id once", "repeat")
            if isinstance(item, str):
                seen.add(item)


def check_refs(checker: Checker, record: dict[str, Any], path: tuple) -> None:
    for key, table in _REF_KIND.items():
        if key in record:
            check_ref(checker, (*path, key), record[key], table)


def check_party(
    checker: Checker,
    raw_agreements: list[tuple[int, dict[str, Any]]],
    effect: dict[str, Any],
    path: tuple,
) -> None:
    """A stance can only be set for a party of the agreement."""
    actor, agreement = effect.get("actor"), effect.get("agreement")
    index = checker.ids["agreements"].get(agreement) if isinstance(agreement, str) else None
    if index is None or not isinstance(actor, str) or actor not in checker.ids["actors"]:
        return  # a missing, unknown or mistyped actor is reported by the shape/reference checks
    parties = dict(raw_agreements).get(index, {}).get("parties")
    if isinstance(parties, list) and actor not in parties:
        checker.error(
            (*path, "actor"),
            f"{actor!r} is not a party to {agreement!r}",
            f"one of its parties: {', '.join(map(str, parties))}",
            "stance",
        )


def actor_field(checker: Checker, raw: dict[str, Any], ident: str, key: str) -> object:
    index = checker.ids["actors"].get(ident)
    if index is None:
        return None
    return raw["actors"][index].get(key)
