"""Measuring the coder: recall and precision of drafted relations against a gold list.

A gold list is TOML beside the article (`NAME.gold.toml`) with `[[relations]]` tables holding
`kind`, `actor` and `target`. A drafted relation matches a gold one when the kind and both ends
agree (either way round for symmetric kinds). Status is reported, not scored.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from attrs import frozen

from game.authoring.draft import relation_key
from game.scenario.model import Relation, Scenario


@frozen
class Comparison:
    """Found, missed and spurious relations, as `(kind, actor, target)` keys."""

    found: tuple[tuple[str, str, str], ...]
    missed: tuple[tuple[str, str, str], ...]
    spurious: tuple[tuple[str, str, str], ...]

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0

    @property
    def precision(self) -> float:
        total = len(self.found) + len(self.spurious)
        return len(self.found) / total if total else 1.0


def keys_of(relations: Iterable[Relation]) -> set[tuple[str, str, str]]:
    """The identity keys of model relations."""
    return {relation_key(r.kind.value, r.actor, r.target) for r in relations}


def load_gold(path: Path | str) -> set[tuple[str, str, str]]:
    """The relation keys of a gold list (or of any scenario-like TOML with [[relations]])."""
    with Path(path).open("rb") as handle:
        doc = tomllib.load(handle)
    return {
        relation_key(str(r["kind"]), str(r["actor"]), str(r["target"]))
        for r in doc.get("relations", [])
    }


def compare(drafted: set[tuple[str, str, str]], gold: set[tuple[str, str, str]]) -> Comparison:
    """Compare drafted relation keys with gold ones."""
    return Comparison(
        found=tuple(sorted(drafted & gold)),
        missed=tuple(sorted(gold - drafted)),
        spurious=tuple(sorted(drafted - gold)),
    )


def compare_scenario(scenario: Scenario, gold: set[tuple[str, str, str]]) -> Comparison:
    """Compare a drafted scenario's relations with gold keys."""
    return compare(keys_of(scenario.relations), gold)
