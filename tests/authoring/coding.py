"""Shared by the authoring tests: what the coder relates in a text, as comparable keys."""

from __future__ import annotations

from game.authoring.coder import Coder
from game.authoring.dictionary import default_dictionaries
from game.authoring.draft import SYMMETRIC_KINDS

CODER = Coder(default_dictionaries())


def coded_pairs(text: str) -> set[tuple[str, str, str]]:
    """`(actor, kind, target)` for every pair an event of `text` asserts; symmetric kinds with
    their two ends sorted, so either order of the same relation gives one key."""
    out = set()
    for event in CODER.code_text(text):
        for actor, target in event.pairs():
            if event.kind in SYMMETRIC_KINDS:
                actor, target = sorted((actor, target))
            out.add((actor, event.kind, target))
    return out


def event_pairs(text: str, kind: str | None = None) -> set[tuple[str, str]]:
    """Directed `(source, target)` pairs of the events coded from `text`, of one kind or all."""
    return {
        pair
        for event in CODER.code_text(text)
        if kind is None or event.kind == kind
        for pair in event.pairs()
    }


def kinds_between(text: str, actor: str, target: str) -> set[str]:
    """The kinds of the events joining `actor` to `target` (either way round for hostility)."""
    kinds = set()
    for event in CODER.code_text(text):
        for a, t in event.pairs():
            if (a, t) == (actor, target) or (
                event.kind == "hostility" and (t, a) == (actor, target)
            ):
                kinds.add(event.kind)
    return kinds
