"""Readers of the parsed TOML dict the checks share: a table's records, a record's attrs class
and fields, enum values, dates, meta integers and the scenario's end date.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Any

import attrs

from game.scenario import convert, model


@functools.cache
def _fields_in_order(cls: type) -> dict[str, attrs.Attribute]:
    """A record's fields, its own first and the provenance fields last (as files list them)."""
    fields = attrs.fields_dict(cls)
    own = {name: f for name, f in fields.items() if name not in convert.FACT_FIELDS}
    return own | {name: f for name, f in fields.items() if name in convert.FACT_FIELDS}


def _records(raw: dict[str, Any], table: str) -> list[tuple[int, dict[str, Any]]]:
    items = raw.get(table)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _record_class(path: tuple) -> type:
    if "effects" in path:
        return model.Effect
    if "trigger" in path:
        return model.Trigger
    return model.Objective


def _enum(value: object, enum_type: type[enum.Enum]) -> Any:
    try:
        return enum_type(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date(raw: dict[str, Any], table: str, key: str) -> dt.date | None:
    record = raw.get(table)
    value = record.get(key) if isinstance(record, dict) else None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None


def _meta_int(raw: dict[str, Any], key: str, default: int) -> int:
    meta = raw.get("meta")
    value = meta.get(key, default) if isinstance(meta, dict) else default
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _end_date(raw: dict[str, Any]) -> dt.date | None:
    """The first date after the last turn: start + months_per_turn * turn_limit months."""
    start = _date(raw, "meta", "start")
    if start is None:
        return None
    months = _meta_int(raw, "months_per_turn", 1) * _meta_int(raw, "turn_limit", 24)
    if not 0 < months < 12 * 5000:
        return None
    total = start.month - 1 + months
    year = start.year + total // 12
    if year > dt.MAXYEAR:
        return None
    return dt.date(year, total % 12 + 1, 1)
