"""The rule parameters: every number of the rules, as data (`scenarios/rules/default.toml`).

Rules are section -> key -> number. The default file is read once with `tomllib`; a scenario's
`[rules]` table overrides single keys. An unknown section or key is an error (`RulesError`
lists every one), and `known_keys()` lets the scenario checker report the same thing.

Must not import: pygame, game.ui, game.engine.
"""

from __future__ import annotations

import functools
import math
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

DEFAULT_RULES = Path(__file__).resolve().parents[2] / "scenarios" / "rules" / "default.toml"
"""The default rules file."""

Rules = Mapping[str, Mapping[str, float]]


class RulesError(ValueError):
    """A rules file or a scenario's `[rules]` table is wrong.

    Attributes:
        problems: every problem, one sentence each, e.g. `"rules.costs.bribe: unknown key"`.
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@functools.cache
def _default_table() -> Mapping[str, Mapping[str, float]]:
    # Read once per process; the file is part of the program, like the action catalogue.
    with DEFAULT_RULES.open("rb") as handle:
        raw = tomllib.load(handle)
    problems = []
    table: dict[str, MappingProxyType] = {}
    for section, keys in raw.items():
        if not isinstance(keys, dict):
            problems.append(f"{DEFAULT_RULES.name}: {section}: expected a table")
            continue
        values = {}
        for key, value in keys.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"{DEFAULT_RULES.name}: {section}.{key}: expected a number")
                continue
            values[key] = float(value)
        table[section] = MappingProxyType(values)
    if problems:
        raise RulesError(problems)
    return MappingProxyType(table)


def default_rules() -> Rules:
    """The default rules, section -> key -> float (read-only)."""
    return _default_table()


def known_keys() -> dict[str, frozenset[str]]:
    """Every section and its keys, for the scenario checker."""
    return {section: frozenset(keys) for section, keys in _default_table().items()}


def override_problems(overrides: Mapping[str, Mapping[str, object]] | None) -> list[str]:
    """Every problem with a scenario's `[rules]` table (unknown section or key, not a number)."""
    problems: list[str] = []
    table = _default_table()
    for section, keys in (overrides or {}).items():
        if section not in table:
            problems.append(
                f"rules.{section}: unknown section, expected one of {', '.join(sorted(table))}"
            )
            continue
        if not isinstance(keys, Mapping):
            problems.append(f"rules.{section}: expected a table of numbers")
            continue
        for key, value in keys.items():
            if key not in table[section]:
                problems.append(f"rules.{section}.{key}: unknown key in section {section!r}")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                problems.append(f"rules.{section}.{key}: expected a number, got {value!r}")
            elif not math.isfinite(value):
                problems.append(f"rules.{section}.{key}: expected a finite number, got {value!r}")
    return problems


def merge_rules(overrides: Mapping[str, Mapping[str, object]] | None = None) -> Rules:
    """The default rules with a scenario's overrides applied; `RulesError` if any is unknown."""
    problems = override_problems(overrides)
    if problems:
        raise RulesError(problems)
    merged = {}
    for section, keys in _default_table().items():
        values = dict(keys)
        for key, value in (overrides or {}).get(section, {}).items():
            values[key] = float(value)  # type: ignore[arg-type]
        merged[section] = MappingProxyType(values)
    return MappingProxyType(merged)
