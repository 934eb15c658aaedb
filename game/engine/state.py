"""The game state: one frozen value holding everything a turn reads and writes.

Everything pairwise is a read-only numpy array indexed in `GameState.actors` order (the scenario's
file order); everything per theatre, agreement or issue is an array indexed in that record's id
order. A turn builds new arrays and a new `GameState` with `attrs.evolve`; nothing is mutated in
place, so a state can be shared freely by the UI, the AI's look-ahead and the save file.

Must not import: pygame, game.ui, file formats.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

import attrs
import numpy as np
from attrs import field, frozen

from game.rules.orders import Order
from game.scenario.model import ActorKind, AgreementStatus, Scenario, ZoneStatus


def readonly(value: object) -> np.ndarray:
    """A read-only float64 (or bool/int8, kept) copy of `value`, for a state field.

    An array this function already made (read-only, owning its data, right dtype) is returned
    as it is: nobody can write to it, so sharing it between states is safe, and `evolve` does
    not copy every matrix of the state each time one field changes.
    """
    if (
        isinstance(value, np.ndarray)
        and not value.flags.writeable
        and value.flags.owndata
        and value.dtype in (np.float64, np.int8, np.bool_)
    ):
        return value
    array = np.array(value, copy=True)
    if array.dtype.kind in "iuf" and array.dtype != np.int8:
        array = array.astype(np.float64, copy=False)
    array.flags.writeable = False
    return array


KIND_CODES = {
    ActorKind.STATE: 0,
    ActorKind.ARMED_GROUP: 1,
    ActorKind.ORGANISATION: 2,
    ActorKind.FIRM: 3,
}
"""The int8 code of each actor kind in `GameState.actor_kind`."""


class Stance:
    """Codes of `GameState.membership`: where each actor stands towards each agreement."""

    NONE = 0
    COMPLYING = 1
    DECERTIFIED = 2
    WITHDRAWN = 3


@frozen
class Proposal:
    """An offer waiting for its addressee's answer.

    Attributes:
        id: `"P<n>"`, unique within a game, e.g. `"P3"`.
        order: the proposing order (propose_deal, propose_alliance, establish_zone...).
        addressee: id of the actor who must answer.
        made: the turn on which it was made.
        expires: the last turn on which an answer is accepted; after it the proposal lapses.
    """

    id: str
    order: Order
    addressee: str
    made: int
    expires: int


@frozen
class Event:
    """Something that happened during a turn, for the news feed, the turn report and the ledger.

    Attributes:
        turn: the turn it happened on (1 for the first resolved turn).
        date: the in-game date of that turn.
        kind: a short machine tag: "order", "proposal", "accepted", "refused", "lapsed", "drift",
            "scripted", "chance", "income", "invalid"...
        actors: the actors concerned, the acting one first.
        text: a headline a player reads, e.g. "Russia hosts talks between Syria and the opposition".
        cause: the order text or the scenario event id behind it.
    """

    turn: int
    date: dt.date
    kind: str
    actors: tuple[str, ...]
    text: str
    cause: str = ""


@frozen
class LedgerEntry:
    """One recorded change of a score, naming what caused it (so a player can ask *why*).

    Attributes:
        turn: the turn of the change.
        score: which score: "stability", "influence.RUS", "agenda.IRN"...
        delta: the change, in the score's units.
        cause: the order text, scenario event id or phase ("drift") behind it.
        detail: a sentence for the turn report.
    """

    turn: int
    score: str
    delta: float
    cause: str
    detail: str = ""


def _ro(value: object) -> np.ndarray:
    return readonly(value)


@frozen(eq=False)
class GameState:
    """A whole game at the start of a turn. Compare states with `state_hash`, not `==`.

    Attributes:
        scenario: the scenario the game was started from (never changes).
        rules: the merged rule parameters, section -> key -> number (defaults + scenario overrides).
        seed: the game seed; with the turn number it derives every random draw (`engine.rng`).
        humans: ids of the seats played by humans (their proposals wait for their answer).
        turn: turns resolved so far (0 at the start).
        date: the date of the coming turn.
        actors: actor ids; the index order of every per-actor array.
        capital: (N,) political capital available to spend.
        capabilities: (N, 3) military, economy, diplomacy, 0..100.
        alignment: (N, N) symmetric, -1..1, zero diagonal: how friendly each pair is.
        baseline: (N, N) the alignment relations drift back towards.
        support: (N, N) directed, 0..1: row actor's material support for the column actor.
        sanctions: (N, N) directed, 0..1: row actor's sanction pressure on the column actor.
        trade: (N, N) symmetric, 0..1: deal and trade ties.
        recognition: (N, N) directed, 0/1: row actor recognises the column actor's government.
        theatre_ids: theatre ids; the row order of the per-theatre arrays.
        control: (T, N) each theatre's control shares; rows sum to 1.
        violence: (T,) 0..1.
        zone: each theatre's de-escalation status.
        guarantors: (T, N) 0/1: the column actor guarantees the theatre's zone.
        agreement_ids: agreement ids; the row order of the per-agreement arrays.
        agreement_status: each agreement's status.
        membership: (A, N) int8 `Stance` codes.
        issue_ids: issue ids; the row order of the per-issue arrays.
        positions: (I, N) -1..1.
        salience: (I, N) 0..1.
        progress: (I,) 0..1, how far each issue is towards settlement.
        restraint: (T,) 0..1, restraint on each theatre's violence from recent talks (decays).
        base_capabilities: (N, 3) the scenario's capabilities, which drift pulls back towards.
        actor_kind: (N,) int8 `KIND_CODES` of each actor's `ActorKind` (for vectorised rules).
        playable: (N,) bool, whether each actor is a playable seat.
        proposals: proposals waiting for an answer.
        next_proposal: the number the next proposal id takes.
        fired: ids of scripted events that have fired (for `once` events).
        history: the scores at the start (index 0) and after every turn, `game.scoring.Scores`.
        log: every event so far, oldest first.
        ledger: every recorded score change so far, oldest first.
    """

    scenario: Scenario
    rules: Mapping[str, Mapping[str, float]]
    seed: int
    humans: frozenset[str]
    turn: int
    date: dt.date
    actors: tuple[str, ...]
    capital: np.ndarray = field(converter=_ro)
    capabilities: np.ndarray = field(converter=_ro)
    alignment: np.ndarray = field(converter=_ro)
    baseline: np.ndarray = field(converter=_ro)
    support: np.ndarray = field(converter=_ro)
    sanctions: np.ndarray = field(converter=_ro)
    trade: np.ndarray = field(converter=_ro)
    recognition: np.ndarray = field(converter=_ro)
    theatre_ids: tuple[str, ...]
    control: np.ndarray = field(converter=_ro)
    violence: np.ndarray = field(converter=_ro)
    zone: tuple[ZoneStatus, ...]
    guarantors: np.ndarray = field(converter=_ro)
    agreement_ids: tuple[str, ...]
    agreement_status: tuple[AgreementStatus, ...]
    membership: np.ndarray = field(converter=_ro)
    issue_ids: tuple[str, ...]
    positions: np.ndarray = field(converter=_ro)
    salience: np.ndarray = field(converter=_ro)
    progress: np.ndarray = field(converter=_ro)
    proposals: tuple[Proposal, ...] = ()
    next_proposal: int = 1
    fired: frozenset[str] = frozenset()
    history: tuple = ()
    log: tuple[Event, ...] = ()
    ledger: tuple[LedgerEntry, ...] = ()
    restraint: np.ndarray = field(converter=_ro, kw_only=True)
    base_capabilities: np.ndarray = field(converter=_ro, kw_only=True)
    actor_kind: np.ndarray = field(converter=_ro, kw_only=True)
    playable: np.ndarray = field(converter=_ro, kw_only=True)

    def index(self, actor_id: str) -> int:
        """The array index of an actor; KeyError if the id is unknown."""
        try:
            return self.actors.index(actor_id)
        except ValueError:
            raise KeyError(actor_id) from None

    @property
    def n(self) -> int:
        """The number of actors."""
        return len(self.actors)


_HASHED_ARRAYS = (
    "capital",
    "capabilities",
    "alignment",
    "baseline",
    "support",
    "sanctions",
    "trade",
    "recognition",
    "control",
    "violence",
    "guarantors",
    "membership",
    "positions",
    "salience",
    "progress",
    "restraint",
    "base_capabilities",
    "actor_kind",
    "playable",
)


def state_hash(state: GameState) -> str:
    """A stable hex digest of everything that decides the game's future.

    Covers the turn, date, seed, seats, every array (shape, dtype and bytes), statuses, proposals
    and fired events. Two states with the same hash play on identically; the digest is the same on
    any machine and in any process (no Python `hash()`, no dict order, no pointers).
    """
    digest = hashlib.sha256()

    def put(text: str) -> None:
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")

    put(f"turn={state.turn} date={state.date.isoformat()} seed={state.seed}")
    put("humans=" + ",".join(sorted(state.humans)))
    put("actors=" + ",".join(state.actors))
    for name in _HASHED_ARRAYS:
        array = np.ascontiguousarray(getattr(state, name))
        put(f"{name}:{array.dtype.str}:{array.shape}")
        digest.update(array.tobytes())
    put("theatres=" + ",".join(state.theatre_ids))
    put("zone=" + ",".join(z.value for z in state.zone))
    put("agreements=" + ",".join(state.agreement_ids))
    put("status=" + ",".join(s.value for s in state.agreement_status))
    put("issues=" + ",".join(state.issue_ids))
    for proposal in state.proposals:
        put(
            f"proposal={proposal.id}|{proposal.order}|{proposal.addressee}|{proposal.made}|{proposal.expires}"
        )
    put(f"next_proposal={state.next_proposal}")
    put("fired=" + ",".join(sorted(state.fired)))
    return digest.hexdigest()


def replace(state: GameState, **changes: object) -> GameState:
    """`attrs.evolve` for states: a new state with some fields changed (arrays copied read-only)."""
    return attrs.evolve(state, **changes)
