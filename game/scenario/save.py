"""Write a Scenario as TOML: `dumps_scenario` (text) and `save_scenario` (an atomic file write).

The layout is the one an author would write by hand: `[meta]`, then `[[actors]]`, `[[relations]]`,
`[[agreements]]`, `[[theatres]]`, `[[issues]]`, `[agendas.ID]` with `[[agendas.ID.objectives]]`,
`[[events]]` with `[[events.effects]]`, `[scoring]` and `[rules.SECTION]`. Small tables
(capabilities, control shares, stances, positions, triggers) are written inline. None and empty
defaults are left out. `loads_scenario(dumps_scenario(s)) == s` for every valid scenario.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterator, Mapping
from typing import Any

import tomli_w

from game.persist.atomic import write_atomic
from game.scenario.convert import unstructure_scenario
from game.scenario.model import Scenario

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_MAX_INLINE = 100


def dumps_scenario(scenario: Scenario) -> str:
    """The TOML text of a scenario.

    Args:
        scenario: the scenario to write.

    Returns:
        TOML text that `loads_scenario` reads back to an equal scenario.
    """
    raw = unstructure_scenario(scenario)
    chunks: list[str] = []
    for key, value in raw.items():
        if key in ("agendas", "rules"):
            for sub_key, sub_value in value.items():
                chunks.append("\n".join(_table(f"{key}.{_key(sub_key)}", sub_value, False)))
        elif isinstance(value, list):
            chunks.extend("\n".join(_table(key, item, True)) for item in value)
        else:
            chunks.append("\n".join(_table(key, value, False)))
    return "\n\n".join(chunks) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario to `path` atomically (`game.persist.atomic.write_atomic`).

    Either the old file or the complete new one is on disk at every moment, even if the process
    dies mid-write.
    """
    write_atomic(path, dumps_scenario(scenario))


def _table(name: str, table: Mapping[str, Any], array: bool) -> Iterator[str]:
    """Lines of one table: its header, its scalar keys, then its arrays of tables."""
    yield f"[[{name}]]" if array else f"[{name}]"
    nested: list[tuple[str, list]] = []
    for key, value in table.items():
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            nested.append((key, value))
        else:
            yield f"{_key(key)} = {_value(value)}"
    for key, items in nested:
        for item in items:
            yield ""
            yield from _table(f"{name}.{_key(key)}", item, True)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(text: str) -> str:
    # tomli_w knows TOML's escapes; borrow its string formatting through its public API.
    return tomli_w.dumps({"k": str(text)})[4:-1]


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write a non-finite number: {value!r}")
        return repr(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        items = [_value(v) for v in value]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= _MAX_INLINE or any("\n" in item for item in items):
            return one_line
        return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a scenario file")
