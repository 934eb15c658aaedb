"""The `[rules]` table: overrides may only name sections and keys the default rules file has.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import tomllib
from typing import Any

from game.scenario.checks.checker import Checker
from game.scenario.checks.wording import _suggest


def check_rules(checker: Checker, raw: dict[str, Any]) -> None:
    rules = raw.get("rules")
    if not isinstance(rules, dict) or not rules or checker.rules_file is None:
        return
    if not checker.rules_file.is_file():
        return  # no defaults to compare with yet
    try:
        defaults = tomllib.loads(checker.rules_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        checker.warning(
            ("rules",),
            f"cannot read the default rules file: {exc}",
            "a readable scenarios/rules/default.toml",
            "rules",
        )
        return
    for section, keys in rules.items():
        known = defaults.get(section)
        if not isinstance(known, dict):
            sections = [k for k, v in defaults.items() if isinstance(v, dict)]
            checker.error(
                ("rules", section),
                f"unknown rules section {section!r}",
                _suggest(section, sections),
                "unknown-key",
            )
            continue
        if isinstance(keys, dict):
            for key in keys:
                if key not in known:
                    checker.error(
                        ("rules", section, key),
                        f"unknown rule {section}.{key}",
                        _suggest(key, list(known)),
                        "unknown-key",
                    )
