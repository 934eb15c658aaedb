"""Compiled patterns: `_Compiled` (a dictionary pattern with every inflected trigger, object
and preposition form) and the per-dictionary-set trigger index, built once per set.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder` or
`game.authoring.fallback`.
"""

from __future__ import annotations

from attrs import evolve, frozen

from game.authoring.dictionary import Dictionaries, Pattern
from game.authoring.morphology import _noun_forms, _verb_forms
from game.authoring.text import words_of


@frozen
class _Compiled:
    pattern: Pattern
    triggers: tuple[tuple[str, ...], ...]
    objects: tuple[tuple[str, ...], ...]
    preps: tuple[tuple[str, ...], ...]

    def trigger_at(self, low: list[str], i: int) -> int:
        """The length of the longest trigger form starting at token `i`, 0 if none does.

        A set lookup per distinct length: the passive forms under "was" or "is" number over a
        thousand, and comparing each in turn dominated the coder's time."""
        lengths, forms = _lookup(self.triggers)
        left = len(low) - i
        for n in lengths:
            if n <= left and tuple(low[i : i + n]) in forms:
                return n
        return 0


_LOOKUPS: dict[int, tuple[tuple[tuple[str, ...], ...], tuple[int, ...], frozenset]] = {}


def _lookup(
    triggers: tuple[tuple[str, ...], ...],
) -> tuple[tuple[int, ...], frozenset[tuple[str, ...]]]:
    """Distinct lengths (longest first) and the set of `triggers`, built once per tuple (the
    cache holds the tuple itself, so an id is never reused for another)."""
    cached = _LOOKUPS.get(id(triggers))
    if cached is None or cached[0] is not triggers:
        lengths = tuple(sorted({len(form) for form in triggers}, reverse=True))
        cached = (triggers, lengths, frozenset(triggers))
        _LOOKUPS[id(triggers)] = cached
    return cached[1], cached[2]


def _compile(dicts: Dictionaries) -> tuple[dict[str, list[_Compiled]], list[_Compiled]]:
    compiled = []
    for pattern in dicts.patterns:
        forms: set[tuple[str, ...]] = set()
        for trig in pattern.triggers:
            forms |= _verb_forms(trig) if pattern.pos == "verb" else _noun_forms(trig)
            forms.add(words_of(trig))
        objects: set[tuple[str, ...]] = set()
        for obj in pattern.object:
            objects |= _noun_forms(obj)
            objects.add(words_of(obj))
        compiled.append(
            _Compiled(
                pattern,
                tuple(sorted(forms, key=len, reverse=True)),
                tuple(sorted(objects, key=len, reverse=True)),
                tuple(words_of(p) for p in pattern.prep),
            )
        )
    index: dict[str, list[_Compiled]] = {}
    # Patterns that need an object ("impose ... sanctions") are more specific than those that
    # do not, so they get the first chance at a trigger; otherwise the file's order decides.
    # Each word's entry keeps only the forms starting with it, so a family with thousands of
    # phrase forms costs nothing at the words it does not start with.
    ordered = sorted(compiled, key=lambda comp: 0 if comp.objects else 1)
    for comp in ordered:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for form in comp.triggers:
            by_first.setdefault(form[0], []).append(form)
        for first, forms in by_first.items():
            index.setdefault(first, []).append(evolve(comp, triggers=tuple(forms)))
    return index, compiled


_CACHE: dict[int, tuple[Dictionaries, dict[str, list[_Compiled]]]] = {}


def _compiled(dicts: Dictionaries) -> dict[str, list[_Compiled]]:
    """The compiled trigger index of a dictionary set, built once per set.

    The cache keeps the set itself alive, so an id is never reused for another set."""
    cached = _CACHE.get(id(dicts))
    if cached is None or cached[0] is not dicts:
        if len(_CACHE) > 64:
            _CACHE.clear()
        cached = (dicts, _compile(dicts)[0])
        _CACHE[id(dicts)] = cached
    return cached[1]
