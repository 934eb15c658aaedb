"""The score records: `Scores` (every score of one state, with its terms) and `Term`.

Plain frozen attrs records of floats, ints, strings and dicts, so they compare with `==`,
serialise with `as_dict()` and travel in `GameState.history`.

Must not import: pygame, game.ui, game.engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field, frozen


@frozen
class Term:
    """One term of a blended score: what it measured and what it added.

    Attributes:
        value: the term's own value, 0..1 (1 is the good end for its owner).
        weight: its normalised weight, 0..1 (the weights of one score sum to 1).
        contribution: the points it adds to the score, `100 · weight · value`.
    """

    value: float
    weight: float
    contribution: float

    def as_dict(self) -> dict[str, float]:
        """`{"value": …, "weight": …, "contribution": …}`."""
        return {"value": self.value, "weight": self.weight, "contribution": self.contribution}


@frozen
class Scores:
    """Every score of one game state.

    Attributes:
        stability: the regional stability index, 0..100, e.g. `57.3`.
        stability_terms: "violence", "balance", "sanctions", "settlement" -> `Term`;
            the contributions sum to `stability`.
        influence: actor id -> influence share; the shares are >= 0 and sum to 100.
        influence_terms: actor id -> {"centrality", "capability", "brokerage"} -> the actor's
            share of that term, 0..1 (each term's shares sum to 1 over the actors, or are all 0
            for brokerage when nobody brokers).
        blocs: actor id -> bloc label 0, 1 or 2 (0 holds the most firmly aligned actor).
        swing: ids of the swing actors, in actor order, e.g. `("TUR",)`.
        loadings: actor id -> leading-eigenvector loading, -1..1 (the alignment view's axis).
        agendas: playable actor id -> agenda score, 0..100.
        agenda_terms: playable actor id -> objective label -> `Term`.
    """

    stability: float
    stability_terms: Mapping[str, Term] = field(factory=dict)
    influence: Mapping[str, float] = field(factory=dict)
    influence_terms: Mapping[str, Mapping[str, float]] = field(factory=dict)
    blocs: Mapping[str, int] = field(factory=dict)
    swing: tuple[str, ...] = ()
    loadings: Mapping[str, float] = field(factory=dict)
    agendas: Mapping[str, float] = field(factory=dict)
    agenda_terms: Mapping[str, Mapping[str, Term]] = field(factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A plain dict of floats, ints, strings, lists and dicts, ready for `json.dumps`."""
        return {
            "stability": self.stability,
            "stability_terms": {k: t.as_dict() for k, t in self.stability_terms.items()},
            "influence": dict(self.influence),
            "influence_terms": {k: dict(v) for k, v in self.influence_terms.items()},
            "blocs": dict(self.blocs),
            "swing": list(self.swing),
            "loadings": dict(self.loadings),
            "agendas": dict(self.agendas),
            "agenda_terms": {
                actor: {label: t.as_dict() for label, t in terms.items()}
                for actor, terms in self.agenda_terms.items()
            },
        }
