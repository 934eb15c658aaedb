"""The scenario model: what a scenario file says, as frozen attrs records.

A scenario is data about a region at one moment: who the actors are, how they stand to one
another, which agreements bind them, which theatres they fight over, what each playable actor
wants, and which events are scripted. The engine builds its `GameState` from it; the loader and
the writer (`load.py`, `save.py`) are the only modules that know the TOML form.

Invariants that concern one record alone (ranges, enums) are attrs validators, so a model built in
code is as sound as one loaded from a file. Invariants across records (references, duplicate ids,
shares summing to one) are the checker's (`check.py`), which reports them all at once.

Must not import: pygame, anything under `game.ui`, file formats (tomllib, tomli_w).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping

import attrs
from attrs import field, frozen

AUTHOR = "author"
"""The `source` value for a fact the author added from general knowledge, not from the article."""


class ActorKind(enum.StrEnum):
    """What sort of actor this is; decides which actions it may take."""

    STATE = "state"
    ARMED_GROUP = "armed_group"
    ORGANISATION = "organisation"
    FIRM = "firm"


class RelationKind(enum.StrEnum):
    """The closed set of ties between two actors.

    Signed alignment follows from the kind: alliance, support, cooperation and deal pull two actors
    together; rivalry, hostility and sanction push them apart.
    """

    ALLIANCE = "alliance"
    SUPPORT = "support"
    COOPERATION = "cooperation"
    DEAL = "deal"
    RIVALRY = "rivalry"
    HOSTILITY = "hostility"
    SANCTION = "sanction"


class Status(enum.StrEnum):
    """Where a fact stands in time: in force, announced, threatened, or over."""

    ACTIVE = "active"
    PLANNED = "planned"
    THREATENED = "threatened"
    ENDED = "ended"


class SanctionScope(enum.StrEnum):
    """How wide a sanction reaches."""

    TARGETED = "targeted"
    SECTORAL = "sectoral"
    BLACKLIST = "blacklist"


class DealSector(enum.StrEnum):
    """What a deal trades in."""

    ENERGY = "energy"
    ARMS = "arms"
    NUCLEAR = "nuclear"
    TRADE = "trade"


class Review(enum.StrEnum):
    """An author's verdict on a drafted fact (see `main.py review`)."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class AgreementKind(enum.StrEnum):
    """What sort of agreement: a standing process, a one-off meeting, a treaty or a deal."""

    PROCESS = "process"
    CONGRESS = "congress"
    TREATY = "treaty"
    DEAL = "deal"
    STATEMENT = "statement"


class AgreementStatus(enum.StrEnum):
    """An agreement's life cycle."""

    PROPOSED = "proposed"
    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class PartyStance(enum.StrEnum):
    """One party's standing towards an agreement it belongs to."""

    COMPLYING = "complying"
    DECERTIFIED = "decertified"
    WITHDRAWN = "withdrawn"


class ZoneStatus(enum.StrEnum):
    """The de-escalation status of a theatre."""

    NONE = "none"
    PROPOSED = "proposed"
    ACTIVE = "active"
    FAILING = "failing"
    COLLAPSED = "collapsed"


class ObjectiveKind(enum.StrEnum):
    """The closed vocabulary of agenda objectives; each is scored 0..1 by `game.scoring.agendas`.

    Which of an objective's fields each kind reads:

    - `stability`: regional stability near `want` (0..1 of the 0..100 index).
    - `influence`: the agenda owner's own influence share (no other field).
    - `alignment`: alignment between the owner (or `actor`) and `target` near `want` (-1..1).
    - `control`: `actor`'s control share of `theatre` near `want` (0..1).
    - `violence`: violence in `theatre` near `want` (0..1).
    - `agreement`: `agreement` in force (`want` = 1) or ended (`want` = 0).
    - `issue`: `issue` settled near position `want` (-1..1), weighted by progress.
    - `sanctions`: sanction pressure on `target` near `want` (0..1).
    - `capability`: `target`'s military capability near `want` (0..100).
    """

    STABILITY = "stability"
    INFLUENCE = "influence"
    ALIGNMENT = "alignment"
    CONTROL = "control"
    VIOLENCE = "violence"
    AGREEMENT = "agreement"
    ISSUE = "issue"
    SANCTIONS = "sanctions"
    CAPABILITY = "capability"


class TriggerKind(enum.StrEnum):
    """When a scripted event fires. A closed vocabulary: nothing in a scenario is executable.

    - `date`: on the first turn whose date is on or after `date`.
    - `turn`: on turn `turn`.
    - `stability_below` / `stability_above`: regional stability crosses `value` (0..100).
    - `violence_above`: violence in `theatre` exceeds `value` (0..1).
    - `agreement_status`: `agreement` has status `status`.
    - `alignment_below`: alignment between `actor` and `target` falls below `value` (-1..1).
    """

    DATE = "date"
    TURN = "turn"
    STABILITY_BELOW = "stability_below"
    STABILITY_ABOVE = "stability_above"
    VIOLENCE_ABOVE = "violence_above"
    AGREEMENT_STATUS = "agreement_status"
    ALIGNMENT_BELOW = "alignment_below"


class EffectKind(enum.StrEnum):
    """What a scripted event does. A closed vocabulary with parameters.

    - `shift_alignment`: alignment of `actor` and `target` moves by `value` (-2..2).
    - `shift_violence`: violence in `theatre` moves by `value` (-1..1).
    - `set_agreement_status`: `agreement` takes `status`.
    - `set_party_stance`: `actor` takes stance `status` towards `agreement`.
    - `set_zone_status`: `theatre`'s de-escalation zone takes `status`.
    - `impose_sanction`: `actor` sanctions `target` with strength `value` (0..1).
    - `lift_sanction`: `actor` lifts its sanctions on `target`.
    - `add_capital`: `actor` gains `value` political capital (may be negative).
    - `shift_capability`: `actor`'s `capability` moves by `value`.
    - `news`: only a headline in the feed (`text`).
    """

    SHIFT_ALIGNMENT = "shift_alignment"
    SHIFT_VIOLENCE = "shift_violence"
    SET_AGREEMENT_STATUS = "set_agreement_status"
    SET_PARTY_STANCE = "set_party_stance"
    SET_ZONE_STATUS = "set_zone_status"
    IMPOSE_SANCTION = "impose_sanction"
    LIFT_SANCTION = "lift_sanction"
    ADD_CAPITAL = "add_capital"
    SHIFT_CAPABILITY = "shift_capability"
    NEWS = "news"


class Capability(enum.StrEnum):
    """The three capabilities every actor has, each 0..100."""

    MILITARY = "military"
    ECONOMY = "economy"
    DIPLOMACY = "diplomacy"


# ---------------------------------------------------------------------------------------------
# Validators


def _finite(_inst: object, attribute: attrs.Attribute, value: float | None) -> None:
    if value is not None and not math.isfinite(value):
        raise ValueError(f"{attribute.name} must be a finite number, got {value!r}")


def _in_range(lo: float, hi: float):
    """A validator: a finite number in [lo, hi], or None."""

    def check(_inst: object, attribute: attrs.Attribute, value: float | None) -> None:
        if value is None:
            return
        if not math.isfinite(value) or not lo <= value <= hi:
            raise ValueError(f"{attribute.name} must be between {lo} and {hi}, got {value!r}")

    return check


def _mapping_in_range(lo: float, hi: float):
    """A validator for a mapping of ids to numbers in [lo, hi]."""

    def check(_inst: object, attribute: attrs.Attribute, value: Mapping[str, float]) -> None:
        for key, number in value.items():
            if not math.isfinite(number) or not lo <= number <= hi:
                raise ValueError(
                    f"{attribute.name}.{key} must be between {lo} and {hi}, got {number!r}"
                )

    return check


def _tuple(value: object) -> tuple:
    return tuple(value) if isinstance(value, list | tuple) else value  # type: ignore[return-value]


# ---------------------------------------------------------------------------------------------
# Records


@frozen
class Fact:
    """The provenance every fact record carries; keyword-only so records can add required fields.

    Attributes:
        source: a sentence quoted verbatim from the article `[meta]` names, or `"author"` for a
            fact added from general knowledge; None when nobody said (the checker warns).
        confidence: how sure the author or the drafting coder is, 0..1; None means not stated.
        review: an author's verdict on a drafted fact; None for hand-written facts.
    """

    source: str | None = field(default=None, kw_only=True)
    confidence: float | None = field(default=None, kw_only=True, validator=_in_range(0.0, 1.0))
    review: Review | None = field(default=None, kw_only=True)


@frozen
class Meta:
    """The `[meta]` table: what the scenario is and how its clock runs.

    Attributes:
        id: a short slug naming the scenario, e.g. `"tehran-2017"`.
        title: a human title, e.g. `"Putin in Tehran, November 2017"`.
        start: the date of the first turn, e.g. `2017-11-01`.
        months_per_turn: calendar months one turn covers, 1..12.
        turn_limit: the number of turns before the game ends, 1..600.
        article: path of the source article, relative to the repository root
            (e.g. `"seeds/putin-in-tehran-2017.txt"`), or None for a scenario with no article.
        article_title: the article's headline, for display.
        description: a paragraph for the title screen.
    """

    id: str
    title: str
    start: dt.date
    months_per_turn: int = field(default=1, validator=_in_range(1, 12))
    turn_limit: int = field(default=24, validator=_in_range(1, 600))
    article: str | None = None
    article_title: str | None = None
    description: str = ""


@frozen
class Capabilities:
    """An actor's capabilities, each 0..100, e.g. `{military=90, economy=55, diplomacy=80}`."""

    military: float = field(default=50.0, validator=_in_range(0.0, 100.0))
    economy: float = field(default=50.0, validator=_in_range(0.0, 100.0))
    diplomacy: float = field(default=50.0, validator=_in_range(0.0, 100.0))


@frozen
class Actor(Fact):
    """One `[[actors]]` entry.

    Attributes:
        id: ISO 3166-1 alpha-3 for states (`"RUS"`), a short upper-case id otherwise (`"SYR_OPP"`).
        name: display name, e.g. `"Russia"`.
        kind: state, armed group, organisation or firm.
        native_name: the name in the actor's own script, e.g. `"ایران"`, or None.
        parent: id of the actor this one belongs to (Rosneft -> RUS), or None.
        playable: whether a human may take this seat.
        capabilities: military, economy, diplomacy, 0..100 each.
        capital: political capital at the start, >= 0.
        capital_per_turn: base political capital gained each turn, >= 0.
        members: for a collective actor, how many organisations it stands for (33 for the
            opposition invited to Sochi), or None.
        color: a display colour as `"#rrggbb"`, or None to let the UI choose.
        lat, lon: where to place the actor on the map (its capital), or None.
    """

    id: str
    name: str
    kind: ActorKind = ActorKind.STATE
    native_name: str | None = None
    parent: str | None = None
    playable: bool = False
    capabilities: Capabilities = Capabilities()
    capital: float = field(default=10.0, validator=_in_range(0.0, 1e6))
    capital_per_turn: float = field(default=5.0, validator=_in_range(0.0, 1e6))
    members: int | None = field(default=None, validator=_in_range(1, 1e6))
    color: str | None = None
    lat: float | None = field(default=None, validator=_in_range(-90.0, 90.0))
    lon: float | None = field(default=None, validator=_in_range(-180.0, 180.0))


@frozen
class Relation(Fact):
    """One `[[relations]]` entry: a directed tie from `actor` to `target`.

    Symmetric kinds (alliance, cooperation, rivalry, hostility, deal) are read both ways;
    support and sanction are directed (the supporter or the sanctioning actor is `actor`).

    Attributes:
        kind: alliance, support, cooperation, deal, rivalry, hostility or sanction.
        actor: id of the acting end, e.g. `"USA"` for a US sanction.
        target: id of the other end.
        strength: how strong the tie is, 0..1.
        status: active, planned, threatened or ended.
        scope: for sanctions only: targeted, sectoral or blacklist.
        entities: for blacklist sanctions, how many individuals and entities it names.
        sector: for deals only: energy, arms, nuclear or trade.
        value: for deals, the value in billions of US dollars.
        agreement: id of the agreement this tie belongs to, or None.
        theatre: id of the theatre the tie concerns (support for a client in Idlib), or None.
        note: free text for authors.
    """

    kind: RelationKind
    actor: str
    target: str
    strength: float = field(default=0.5, validator=_in_range(0.0, 1.0))
    status: Status = Status.ACTIVE
    scope: SanctionScope | None = None
    entities: int | None = field(default=None, validator=_in_range(1, 1e9))
    sector: DealSector | None = None
    value: float | None = field(default=None, validator=_in_range(0.0, 1e6))
    agreement: str | None = None
    theatre: str | None = None
    note: str = ""


@frozen
class Agreement(Fact):
    """One `[[agreements]]` entry: a process, congress, treaty, deal or joint statement.

    Attributes:
        id: short upper-case id, e.g. `"JCPOA"`, `"ASTANA"`.
        name: display name.
        kind: process, congress, treaty, deal or statement.
        status: proposed, planned, active, suspended or ended.
        parties: ids of the actors bound by it.
        host: id of the host or convener (Kazakhstan for Astana), or None.
        date: when it was signed or is scheduled (TOML date), or None.
        stances: each party's stance where it is not simply complying, e.g. `{USA = "decertified"}`.
        issue: id of the issue it settles, or None.
        value: for deals, value in billions of US dollars.
        terms: the terms in plain words, one string each.
    """

    id: str
    name: str
    kind: AgreementKind
    status: AgreementStatus = AgreementStatus.ACTIVE
    parties: tuple[str, ...] = field(default=(), converter=_tuple)
    host: str | None = None
    date: dt.date | None = None
    stances: Mapping[str, PartyStance] = field(factory=dict)
    issue: str | None = None
    value: float | None = field(default=None, validator=_in_range(0.0, 1e6))
    terms: tuple[str, ...] = field(default=(), converter=_tuple)


@frozen
class Theatre(Fact):
    """One `[[theatres]]` entry: a contested area such as a de-escalation zone in Syria.

    Attributes:
        id: short upper-case id, e.g. `"IDLIB"`.
        name: display name.
        country: id of the state it lies in, e.g. `"SYR"`.
        control: each actor's share of control, summing to 1, e.g. `{SYR = 0.2, SYR_OPP = 0.8}`.
        violence: how violent it is now, 0 (quiet) .. 1 (all-out war).
        zone: its de-escalation status: none, proposed, active, failing or collapsed.
        guarantors: ids of the actors guaranteeing the zone.
        agreement: id of the agreement that set the zone up, or None.
        lat, lon: the centre of the theatre on the map.
        radius_km: a rough size for the map, > 0.
    """

    id: str
    name: str
    country: str
    control: Mapping[str, float] = field(factory=dict, validator=_mapping_in_range(0.0, 1.0))
    violence: float = field(default=0.5, validator=_in_range(0.0, 1.0))
    zone: ZoneStatus = ZoneStatus.NONE
    guarantors: tuple[str, ...] = field(default=(), converter=_tuple)
    agreement: str | None = None
    lat: float | None = field(default=None, validator=_in_range(-90.0, 90.0))
    lon: float | None = field(default=None, validator=_in_range(-180.0, 180.0))
    radius_km: float = field(default=40.0, validator=_in_range(1.0, 5000.0))


@frozen
class Issue(Fact):
    """One `[[issues]]` entry: a question the actors disagree on.

    Attributes:
        id: short upper-case id, e.g. `"SETTLEMENT"`, `"NUCLEAR"`.
        name: display name.
        description: what -1 and +1 mean, e.g. "-1: Assad goes; +1: Assad stays".
        positions: each actor's position, -1..1.
        salience: how much each actor cares, 0..1 (absent actors: 0).
        progress: how far the issue is towards settlement, 0..1.
    """

    id: str
    name: str
    description: str = ""
    positions: Mapping[str, float] = field(factory=dict, validator=_mapping_in_range(-1.0, 1.0))
    salience: Mapping[str, float] = field(factory=dict, validator=_mapping_in_range(0.0, 1.0))
    progress: float = field(default=0.0, validator=_in_range(0.0, 1.0))


@frozen
class Objective:
    """One weighted objective in an agenda; see `ObjectiveKind` for which fields each kind reads.

    Attributes:
        kind: what is measured.
        weight: its share of the agenda, > 0 (weights are normalised when scored).
        want: the value the owner wants the measure to reach.
        actor, target, theatre, agreement, issue: the ids the kind refers to.
        label: a short phrase for the UI, e.g. "Keep Assad's government in Damascus".
    """

    kind: ObjectiveKind
    weight: float = field(default=1.0, validator=_in_range(0.0, 1e3))
    want: float | None = field(default=None, validator=_finite)
    actor: str | None = None
    target: str | None = None
    theatre: str | None = None
    agreement: str | None = None
    issue: str | None = None
    label: str = ""


@frozen
class Agenda(Fact):
    """`[agendas.ID]`: what a playable actor wants, as weighted objectives."""

    description: str = ""
    objectives: tuple[Objective, ...] = field(default=(), converter=_tuple)


@frozen
class Trigger:
    """When a scripted event fires; see `TriggerKind` for which fields each kind reads."""

    kind: TriggerKind
    date: dt.date | None = None
    turn: int | None = field(default=None, validator=_in_range(0, 10_000))
    value: float | None = field(default=None, validator=_finite)
    actor: str | None = None
    target: str | None = None
    theatre: str | None = None
    agreement: str | None = None
    status: str | None = None


@frozen
class Effect:
    """What a scripted event does; see `EffectKind` for which fields each kind reads."""

    kind: EffectKind
    value: float | None = field(default=None, validator=_finite)
    actor: str | None = None
    target: str | None = None
    theatre: str | None = None
    agreement: str | None = None
    status: str | None = None
    capability: Capability | None = None
    text: str = ""


@frozen
class EventSpec(Fact):
    """One `[[events]]` entry: a scripted or chance event.

    Attributes:
        id: short upper-case id, e.g. `"SOCHI_CONGRESS"`.
        name: the headline shown in the news feed.
        trigger: when it may fire.
        probability: chance that it fires when the trigger holds, 0..1 (1 = scripted).
        once: whether it can fire only once.
        effects: what happens.
    """

    id: str
    name: str
    trigger: Trigger
    probability: float = field(default=1.0, validator=_in_range(0.0, 1.0))
    once: bool = True
    effects: tuple[Effect, ...] = field(default=(), converter=_tuple)


@frozen
class Scoring:
    """`[scoring]`: weights of the regional stability index and the influence measure.

    Attributes:
        violence, balance, sanctions, settlement: weights of stability's four terms, >= 0.
        capability_weight: how much capability counts in influence against centrality, 0..1.
        brokerage_weight: how much brokerage between blocs adds to influence, 0..1.
        swing_threshold: an actor whose bloc loading is below this is a swing actor, 0..1.
    """

    violence: float = field(default=0.4, validator=_in_range(0.0, 100.0))
    balance: float = field(default=0.2, validator=_in_range(0.0, 100.0))
    sanctions: float = field(default=0.15, validator=_in_range(0.0, 100.0))
    settlement: float = field(default=0.25, validator=_in_range(0.0, 100.0))
    capability_weight: float = field(default=0.5, validator=_in_range(0.0, 1.0))
    brokerage_weight: float = field(default=0.2, validator=_in_range(0.0, 1.0))
    swing_threshold: float = field(default=0.15, validator=_in_range(0.0, 1.0))


RuleOverrides = Mapping[str, Mapping[str, float]]
"""`[rules]`: overrides of `scenarios/rules/default.toml`, section -> key -> number."""


@frozen
class Scenario:
    """A whole scenario file.

    `agendas` maps a playable actor's id to its agenda. `rules` holds only the overrides; the
    engine merges them over the default rules file.
    """

    meta: Meta
    actors: tuple[Actor, ...] = field(default=(), converter=_tuple)
    relations: tuple[Relation, ...] = field(default=(), converter=_tuple)
    agreements: tuple[Agreement, ...] = field(default=(), converter=_tuple)
    theatres: tuple[Theatre, ...] = field(default=(), converter=_tuple)
    issues: tuple[Issue, ...] = field(default=(), converter=_tuple)
    agendas: Mapping[str, Agenda] = field(factory=dict)
    events: tuple[EventSpec, ...] = field(default=(), converter=_tuple)
    scoring: Scoring = Scoring()
    rules: RuleOverrides = field(factory=dict)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError if there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        """Actor ids in file order: the order every engine array uses."""
        return tuple(actor.id for actor in self.actors)

    @property
    def playable_ids(self) -> tuple[str, ...]:
        """Ids of the actors a human may play, in file order."""
        return tuple(actor.id for actor in self.actors if actor.playable)
