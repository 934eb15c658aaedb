"""Measuring the coder: recall and precision of drafted relations against a gold list.

A gold list is TOML beside the article (`NAME.gold.toml`) with `[[relations]]` tables holding
`kind`, `actor` and `target`, and optionally `stated` ("clear" when one sentence plainly asserts
the relation, "inferred" when it takes world knowledge or several facts) and `evidence` (the
sentence). A drafted relation matches a gold one when the kind and both ends agree (either way
round for symmetric kinds). Status is reported, not scored.

Two figures per set: over every gold relation (all kinds, clear or inferred), and the issue's
target figure: recall over the *clear* relations of the five scored kinds (`TARGET_KINDS`) and
precision over the drafted relations of those kinds (right when they match any gold relation).

`python -m game.authoring.evaluate [DIR...] [-v]` drafts and scores every article with a gold
list in the given folders, per set (the set is named on the gold list's first line).

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from game.authoring.draft import draft_bytes, relation_key
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


TARGET_KINDS = frozenset({"alliance", "support", "deal", "sanction", "hostility"})
"""The kinds the accuracy target counts (cooperation and rivalry are drafted, not scored)."""


def load_gold(path: Path | str) -> set[tuple[str, str, str]]:
    """The relation keys of a gold list (or of any scenario-like TOML with [[relations]])."""
    return set(load_gold_stated(path))


def load_gold_stated(path: Path | str) -> dict[tuple[str, str, str], str]:
    """Each gold relation key with how it is stated: "clear", "inferred", or "" when untagged.

    A key listed twice is clear when any of its entries is."""
    with Path(path).open("rb") as handle:
        doc = tomllib.load(handle)
    out: dict[tuple[str, str, str], str] = {}
    for r in doc.get("relations", []):
        key = relation_key(str(r["kind"]), str(r["actor"]), str(r["target"]))
        stated = str(r.get("stated", ""))
        if out.get(key) != "clear":
            out[key] = stated
    return out


def target_comparison(
    drafted: set[tuple[str, str, str]], gold: dict[tuple[str, str, str], str]
) -> Comparison:
    """The issue's target figure: found and missed among the gold relations of `TARGET_KINDS`
    that are clear (or untagged), spurious among the drafted ones of those kinds that match no
    gold relation at all (an inferred relation drafted is right, not spurious)."""
    wanted = {k for k, how in gold.items() if k[0] in TARGET_KINDS and how != "inferred"}
    ours = {k for k in drafted if k[0] in TARGET_KINDS}
    return Comparison(
        found=tuple(sorted(ours & wanted)),
        missed=tuple(sorted(wanted - ours)),
        spurious=tuple(sorted(ours - set(gold))),
    )


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


ERROR_CLASSES = ("missed subject", "missed trigger", "wrong target", "wrong kind", "spurious")
"""How a missed or spurious relation is classified by `error_classes`."""


def error_classes(comparison: Comparison) -> dict[str, list[tuple[str, str, str]]]:
    """Sort a comparison's errors into classes, from what was drafted near each miss.

    A missed gold relation is *wrong kind* when the same two actors were drafted with another
    kind, *missed subject* when its kind and target were drafted with another source, *wrong
    target* when its kind and source were drafted with another target, and *missed trigger*
    otherwise (nothing fired on it). A spurious relation that one of those explains is counted
    there once; the rest are *spurious*. The classes are a guide for where to look, read from
    keys only, not from the sentences.

    Args:
        comparison: the result of `compare`.

    Returns:
        Each class in `ERROR_CLASSES` with its relation keys (misses, then unexplained spurious).
    """
    out: dict[str, list[tuple[str, str, str]]] = {name: [] for name in ERROR_CLASSES}
    spurious = sorted(comparison.spurious)
    explained: set[tuple[str, str, str]] = set()

    def ends(key: tuple[str, str, str]) -> frozenset[str]:
        return frozenset(key[1:])

    for miss in comparison.missed:
        kind, actor, target = miss
        same_pair = [s for s in spurious if ends(s) == ends(miss) and s[0] != kind]
        other_source = [
            s for s in spurious if s[0] == kind and target in s[1:] and actor not in s[1:]
        ]
        other_target = [
            s for s in spurious if s[0] == kind and actor in s[1:] and target not in s[1:]
        ]
        if same_pair:
            out["wrong kind"].append(miss)
            explained.update(same_pair[:1])
        elif other_source:
            out["missed subject"].append(miss)
            explained.update(other_source[:1])
        elif other_target:
            out["wrong target"].append(miss)
            explained.update(other_target[:1])
        else:
            out["missed trigger"].append(miss)
    out["spurious"] = [s for s in spurious if s not in explained]
    return out


def article_set(gold_path: Path) -> str:
    """The set an article belongs to, from its gold list's first line ("# Held-out set E: ...");
    "-" when the line names none."""
    with gold_path.open(encoding="utf-8") as handle:
        first = handle.readline()
    match = re.search(r"\bset ([A-Z]{1,2})\b", first)
    return match.group(1) if match else "-"


def score_directories(directories: Sequence[Path | str]) -> dict[str, dict[str, object]]:
    """Draft every `*.txt` article with a `.gold.toml` beside it and score it, per set.

    Returns:
        For each set: `found`, `missed`, `spurious` counts, `recall`, `precision`, the error
        class counts, and `articles` (name -> Comparison); `target` holds the same counts and
        rates for `target_comparison` (the issue's figure), `tagged` whether every gold list
        of the set says how each relation is stated.
    """
    out: dict[str, dict[str, object]] = {}
    for directory in directories:
        for article in sorted(Path(directory).glob("*.txt")):
            gold_path = article.with_suffix(".gold.toml")
            if not gold_path.exists():
                continue
            name = article_set(gold_path)
            if name == "-":
                name = Path(directory).name
            gold = load_gold_stated(gold_path)
            drafted = keys_of(draft_bytes(article.read_bytes()).scenario.relations)
            result = compare(drafted, set(gold))
            target = target_comparison(drafted, gold)
            entry = out.setdefault(
                name,
                {
                    "found": 0,
                    "missed": 0,
                    "spurious": 0,
                    "classes": dict.fromkeys(ERROR_CLASSES, 0),
                    "articles": {},
                    "target": {"found": 0, "missed": 0, "spurious": 0},
                    "tagged": True,
                },
            )
            entry["tagged"] = entry["tagged"] and all(gold.values())
            for count in ("found", "missed", "spurious"):
                entry["target"][count] += len(getattr(target, count))
            entry["found"] += len(result.found)
            entry["missed"] += len(result.missed)
            entry["spurious"] += len(result.spurious)
            for cls, keys in error_classes(result).items():
                entry["classes"][cls] += len(keys)
            entry["articles"][article.name] = result
    for entry in out.values():
        for counts in (entry, entry["target"]):
            found, missed, spurious = counts["found"], counts["missed"], counts["spurious"]
            counts["recall"] = found / (found + missed) if found + missed else 1.0
            counts["precision"] = found / (found + spurious) if found + spurious else 1.0
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m game.authoring.evaluate DIR... [-v]`: recall and precision per set."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    directories = [a for a in args if a != "-v"] or [
        "tests/authoring/articles",
        "tests/authoring/heldout",
    ]
    for name, entry in sorted(score_directories(directories).items()):
        classes = ", ".join(f"{k} {v}" for k, v in entry["classes"].items())
        target = entry["target"]
        print(
            f"set {name}: gold {entry['found'] + entry['missed']}, recall {entry['recall']:.2f}, "
            f"precision {entry['precision']:.2f} ({classes}); target "
            f"{'' if entry['tagged'] else '(untagged) '}gold {target['found'] + target['missed']}, "
            f"recall {target['recall']:.2f}, precision {target['precision']:.2f}"
        )
        if verbose:
            for article, result in entry["articles"].items():
                print(f"  {article}: recall {result.recall:.2f}, precision {result.precision:.2f}")
                for cls, keys in error_classes(result).items():
                    for key in keys:
                        print(f"    {cls}: {' '.join(key)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
