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
