"""Proposals: offers (deals, alliances, zones) and their answers (accept, refuse).

A proposal action is paid for by its proposer when resolved, then goes to its addressee:

- an AI addressee (anyone not in `state.humans`) decides at once by the acceptance rule;
- a human addressee gets a pending `Proposal` and answers with an `accept` or `refuse` order in a
  later turn, until `expires`; an unanswered proposal lapses at the end of that turn.

The acceptance rule (`acceptance`) is a sum of named terms, all from the `[proposals]` rules:

    alignment        w_alignment  * alignment(addressee, proposer) (a firm answers as its
                     parent state would, if that is warmer)
    agenda gain      w_agenda     * (addressee's agenda score if accepted - now) / 100
    sanctions        -w_sanctioned * the addressee's sanction risk (capped at 1): its own
                     sanctions on the proposer, plus every other sanctioner's pressure on the
                     proposer times the addressee's friendship with that sanctioner
    cost             -w_cost      * cost of the same commitment / cost_scale
    bias             bias_<deal|alliance|zone>

and the addressee accepts when the total is above `threshold`.

The module offers the family API `legal(state, actor)`, `cost(state, order)`,
`why_illegal(state, order)` and `apply(state, order, rng)` over `ACTIONS`.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from attrs import frozen

from game.engine.ledger import score_state
from game.engine.rng import fixed_rng
from game.engine.state import Event, GameState, Proposal, replace
from game.rules.base import ANY_KIND, Action, Family, event, name
from game.rules.orders import ActionKind, Order

_BIAS = {
    ActionKind.PROPOSE_DEAL: "bias_deal",
    ActionKind.PROPOSE_ALLIANCE: "bias_alliance",
    ActionKind.ESTABLISH_ZONE: "bias_zone",
}


@frozen
class Breakdown:
    """Why an addressee would accept or refuse a proposal: the acceptance score, term by term.

    Attributes:
        order: the proposing order's text.
        addressee: id of the actor who answers.
        terms: `(name, value)` pairs in a fixed order: "alignment", "agenda gain", "sanctions",
            "cost", "bias".
        total: the sum of the terms.
        threshold: the acceptance threshold; accepted when `total > threshold`.
    """

    order: str
    addressee: str
    terms: tuple[tuple[str, float], ...]
    total: float
    threshold: float

    @property
    def accepted(self) -> bool:
        """Whether the addressee accepts."""
        return self.total > self.threshold

    def describe(self) -> str:
        """One line: the verdict and the terms, e.g. `accepts (0.42 > 0.00): alignment +0.30 …`."""
        verdict = "accepts" if self.accepted else "refuses"
        sign = ">" if self.accepted else "<="
        terms = ", ".join(f"{k} {v:+.2f}" for k, v in self.terms)
        return f"{verdict} ({self.total:.2f} {sign} {self.threshold:.2f}): {terms}"


def acceptance(state: GameState, proposal: Proposal | Order, scores_now: Any = None) -> Breakdown:
    """The acceptance breakdown of a proposal (or of a proposing order) by its addressee.

    Args:
        state: the state the answer is given in.
        proposal: a pending proposal, or a proposing order.
        scores_now: `game.scoring.scores(state)` if the caller has it (saves a scoring).
    """
    from game.rules.catalogue import ACTIONS, cost

    order = proposal.order if isinstance(proposal, Proposal) else proposal
    action = ACTIONS[order.action]
    if action.accept is None or action.addressee is None:
        raise ValueError(f"{order.action.value} is not a proposal")
    addressee = (
        proposal.addressee if isinstance(proposal, Proposal) else action.addressee(state, order)
    )
    r = state.rules["proposals"]
    i, j = state.index(order.actor), state.index(addressee)
    gain = 0.0
    if addressee in state.scenario.agendas:
        before = score_state(state) if scores_now is None else scores_now
        after_state, _ = action.accept(state, order, fixed_rng())
        after = score_state(after_state)
        if before is not None and after is not None:
            gain = (after.agendas.get(addressee, 0.0) - before.agendas.get(addressee, 0.0)) / 100
    terms = (
        ("alignment", r["w_alignment"] * _warmth(state, j, i)),
        ("agenda gain", r["w_agenda"] * gain),
        ("sanctions", -r["w_sanctioned"] * sanction_risk(state, j, i)),
        ("cost", -r["w_cost"] * cost(state, order) / max(r["cost_scale"], 1e-9)),
        ("bias", r[_BIAS[order.action]]),
    )
    total = float(sum(v for _, v in terms))
    return Breakdown(str(order), addressee, terms, total, r["threshold"])


def _voice(state: GameState, i: int) -> int:
    parent = state.scenario.actors[i].parent
    return state.index(parent) if parent in state.actors else i


def _warmth(state: GameState, j: int, i: int) -> float:
    """How friendly addressee `j` is to proposer `i`; a firm may answer as its parent would."""
    own = float(state.alignment[j, i])
    a, b = _voice(state, j), _voice(state, i)
    if a == b:
        return own
    return max(own, float(state.alignment[a, b]))


def sanction_risk(state: GameState, addressee: int, proposer: int) -> float:
    """The risk, 0..1, that dealing with `proposer` brings `addressee` sanctions trouble.

    Its own sanctions on the proposer count in full; every other sanctioner's pressure counts
    in proportion to the addressee's friendship with that sanctioner (alignment above 0): a
    German firm fears US secondary sanctions on Iran, China much less, Iran not at all.
    """
    pressure = state.sanctions[:, proposer]
    friendship = np.clip(state.alignment[addressee], 0.0, 1.0).copy()
    friendship[addressee] = 1.0
    friendship[proposer] = 0.0
    return float(min(1.0, float(pressure @ friendship)))


def propose(
    state: GameState, order: Order, rng: np.random.Generator, scores_now: Any = None
) -> tuple[GameState, list[Event]]:
    """Route a resolved proposing order: decide at once for an AI addressee, else make it wait.

    `scores_now`, if given, stands for `game.scoring.scores(state)` in the acceptance rule.
    """
    from game.rules.catalogue import ACTIONS

    action = ACTIONS[order.action]
    addressee = action.addressee(state, order)
    if addressee in state.humans:
        turn = state.turn + 1
        pending = Proposal(
            id=f"P{state.next_proposal}",
            order=order,
            addressee=addressee,
            made=turn,
            expires=turn + int(state.rules["proposals"]["lifetime"]),
        )
        text = (
            f"{name(state, order.actor)} makes an offer to {name(state, addressee)} ({pending.id})"
        )
        new = replace(
            state,
            proposals=(*state.proposals, pending),
            next_proposal=state.next_proposal + 1,
        )
        return new, [event(state, "proposal", (order.actor, addressee), text, str(order))]
    verdict = acceptance(state, order, scores_now)
    if verdict.accepted:
        new, events = action.accept(state, order, rng)
        note = event(
            state,
            "answer",
            (addressee, order.actor),
            f"{name(state, addressee)} {verdict.describe()}",
            str(order),
        )
        return new, [note, *events]
    text = f"{name(state, addressee)} turns down {name(state, order.actor)}'s offer"
    return state, [
        event(
            state, "refused", (addressee, order.actor), text + f": {verdict.describe()}", str(order)
        )
    ]


def lapse(state: GameState) -> tuple[GameState, list[Event]]:
    """Drop the proposals whose last day to answer is the turn being resolved."""
    turn = state.turn + 1
    kept = tuple(p for p in state.proposals if p.expires > turn)
    gone = [p for p in state.proposals if p.expires <= turn]
    events = [
        event(
            state,
            "lapsed",
            (p.order.actor, p.addressee),
            f"{name(state, p.order.actor)}'s offer to {name(state, p.addressee)} lapses unanswered",
            str(p.order),
        )
        for p in gone
    ]
    return (replace(state, proposals=kept) if gone else state), events


def pending(state: GameState, proposal_id: str) -> Proposal | None:
    """The pending proposal with this id, or None."""
    for proposal in state.proposals:
        if proposal.id == proposal_id:
            return proposal
    return None


def _answer_candidates(kind: ActionKind):
    def candidates(state: GameState, i: int) -> Iterator[Order]:
        actor = state.actors[i]
        for proposal in state.proposals:
            if proposal.addressee == actor:
                yield Order(actor, kind, (proposal.id,))

    return candidates


def _answer_check(state: GameState, order: Order) -> str | None:
    from game.rules.catalogue import ACTIONS

    if len(order.targets) != 1:
        return "an answer names one proposal, e.g. P3"
    proposal = pending(state, order.targets[0])
    if proposal is None:
        return f"no pending proposal {order.targets[0]!r}"
    if proposal.addressee != order.actor:
        return f"{order.targets[0]} is addressed to {proposal.addressee}, not {order.actor}"
    if order.action is ActionKind.ACCEPT:
        reason = ACTIONS[proposal.order.action].check(state, proposal.order)
        if reason is not None:
            return f"the offer can no longer be carried out: {reason}"
    return None


def _without(state: GameState, proposal: Proposal) -> GameState:
    return replace(state, proposals=tuple(p for p in state.proposals if p.id != proposal.id))


def _accept_apply(state: GameState, order: Order, rng: np.random.Generator):
    from game.rules.catalogue import ACTIONS

    proposal = pending(state, order.targets[0])
    action = ACTIONS[proposal.order.action]
    new, events = action.accept(_without(state, proposal), proposal.order, rng)
    note = event(
        state,
        "answer",
        (order.actor, proposal.order.actor),
        f"{name(state, order.actor)} accepts {name(state, proposal.order.actor)}'s offer",
        str(order),
    )
    return new, [note, *events]


def _refuse_apply(state: GameState, order: Order, rng: np.random.Generator):
    proposal = pending(state, order.targets[0])
    text = f"{name(state, order.actor)} refuses {name(state, proposal.order.actor)}'s offer"
    return _without(state, proposal), [
        event(state, "refused", (order.actor, proposal.order.actor), text, str(order))
    ]


ACTIONS = (
    Action(
        ActionKind.ACCEPT,
        "answers",
        ANY_KIND,
        _answer_candidates(ActionKind.ACCEPT),
        _answer_check,
        _accept_apply,
        summary="accept a proposal addressed to you",
    ),
    Action(
        ActionKind.REFUSE,
        "answers",
        ANY_KIND,
        _answer_candidates(ActionKind.REFUSE),
        _answer_check,
        _refuse_apply,
        summary="refuse a proposal addressed to you",
    ),
)

_FAMILY = Family(ACTIONS)
legal = _FAMILY.legal
cost = _FAMILY.cost
why_illegal = _FAMILY.why_illegal
apply = _FAMILY.apply
