"""The coder's output records: `Mention` and `AgreementMention` (names found in a sentence),
`Event` (one coded fact with its evidence) and `CodedSentence` (a sentence with all of these).

Must not import: pygame, anything under `game.ui`, or the coder's working modules
(`sentence_view`, `mentions`, `patterns`, `fallback`, `coder`).
"""

from __future__ import annotations

import itertools

from attrs import field, frozen

from game.authoring.text import Sentence, Token
from game.scenario.model import Status


@frozen
class Mention:
    """An actor named in a sentence.

    Attributes:
        start, end: token range.
        actor: the actor id it names (None for a bare title such as "President").
        kind: name, capital, person, role, title, demonym (weak: only before a trigger noun).
        place: a country or capital used as a place ("fighting in Syria").
        via_role: the actor came from a role's default, not a name.
        apposition: a role in apposition, read as the actor it describes.
        extra: further actors the same words stand for ("the two countries" -> both).
    """

    start: int
    end: int
    actor: str | None
    kind: str
    place: bool = False
    via_role: bool = False
    apposition: bool = False
    extra: tuple[str, ...] = ()

    @property
    def weak(self) -> bool:
        return self.kind == "demonym" or self.actor is None


@frozen
class AgreementMention:
    """A named agreement in a sentence (`ASTANA`, `JCPOA`)."""

    start: int
    end: int
    agreement: str


@frozen
class Event:
    """One coded event: who did what to whom, with its evidence.

    Attributes:
        actors: the source actors (a multi-party statement has several).
        targets: the target actors; empty for a symmetric event among `actors`.
        kind: relation kind (alliance, support, ...) or "stance".
        code: the CAMEO code; goldstein its Goldstein weight.
        rule: id of the pattern that fired.
        status: active, planned, threatened or ended.
        confidence: 0..1.
        sentence: the sentence's index; source: its verbatim text.
        span: the trigger's character span in the article.
        agreements: ids of agreements the sentence names.
        symmetric, all_pairs: how the event becomes relations.
        sector, scope, stance, note: copied from the pattern.
        entities: for sanctions, how many individuals and entities the sentence counts.
        value: for deals, a value in billions of US dollars found in the sentence.
    """

    actors: tuple[str, ...]
    targets: tuple[str, ...]
    kind: str
    code: str
    goldstein: float
    rule: str
    status: Status
    confidence: float
    sentence: int
    source: str
    span: tuple[int, int]
    agreements: tuple[str, ...] = ()
    symmetric: bool = False
    all_pairs: bool = False
    sector: str | None = None
    scope: str | None = None
    stance: str | None = None
    note: str = ""
    entities: int | None = None
    value: float | None = None

    def pairs(self) -> list[tuple[str, str]]:
        """The (actor, target) pairs this event asserts, without self-pairs."""
        if self.targets:
            out = [(a, t) for a in self.actors for t in self.targets if a != t]
            if self.all_pairs:
                parties = list(dict.fromkeys(self.actors + self.targets))
                out = list(itertools.combinations(parties, 2))
            return out
        if self.symmetric and len(self.actors) >= 2:
            return list(itertools.combinations(self.actors, 2))
        return []


@frozen
class CodedSentence:
    """A sentence with the mentions found in it and the events coded from it."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    agreements: tuple[AgreementMention, ...]
    events: tuple[Event, ...]
    negated: tuple[Event, ...] = ()
    speaker: str | None = None
    tokens: tuple[Token, ...] = field(default=(), repr=False)
