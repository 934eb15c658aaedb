"""Contradictory orders: an actor cannot pull both ways on the same thing in one turn.

Orders are simultaneous, so without this rule an actor could, say, certify and decertify the same
treaty, or launch an offensive in a theatre it withdraws from, and bank the better half of each.
Two orders of one actor contradict each other when they act on the same object (an agreement, a
theatre, a proposal or an actor) from the same *group* below and either the group is exclusive
(any two different actions clash) or the two orders have opposite *polarity* (friendly against
hostile). The first order given stands; the later one is void.

Must not import: pygame, game.ui, game.engine.turn.
"""

from __future__ import annotations

from game.rules.orders import ActionKind, Order

# action -> (group, polarity); polarity 0 means the group is exclusive.
_GROUPS: dict[ActionKind, tuple[str, int]] = {
    ActionKind.CERTIFY: ("treaty", 0),
    ActionKind.DECERTIFY: ("treaty", 0),
    ActionKind.WITHDRAW_FROM: ("treaty", 0),
    ActionKind.COMPLY: ("treaty", 0),
    ActionKind.OFFENSIVE: ("theatre", 0),
    ActionKind.WITHDRAW: ("theatre", 0),
    ActionKind.GUARANTEE_ZONE: ("theatre", 0),
    ActionKind.ACCEPT: ("answer", 0),
    ActionKind.REFUSE: ("answer", 0),
    ActionKind.IMPOSE_SANCTIONS: ("posture", -1),
    ActionKind.LIFT_SANCTIONS: ("posture", +1),
    ActionKind.RECOGNISE: ("posture", +1),
    ActionKind.WITHDRAW_RECOGNITION: ("posture", -1),
    ActionKind.DENOUNCE: ("posture", -1),
    ActionKind.JOINT_STATEMENT: ("posture", +1),
    ActionKind.PROPOSE_ALLIANCE: ("posture", +1),
    ActionKind.SUPPORT_CLIENT: ("posture", +1),
    ActionKind.GIVE_AID: ("posture", +1),
    ActionKind.PROPOSE_DEAL: ("posture", +1),
}


def _key(order: Order) -> tuple[str, str, str, int] | None:
    group = _GROUPS.get(order.action)
    if group is None or not order.targets:
        return None
    name, polarity = group
    return order.actor, name, order.targets[0], polarity


def contradiction(order: Order, earlier: list[Order]) -> Order | None:
    """The first of `earlier` (the same actor's orders already accepted this turn) that `order`
    contradicts, or None."""
    mine = _key(order)
    if mine is None:
        return None
    actor, group, target, polarity = mine
    for other in earlier:
        theirs = _key(other)
        if theirs is None or theirs[:3] != (actor, group, target):
            continue
        if polarity == 0 and other.action != order.action:
            return other
        if polarity * theirs[3] < 0:
            return other
    return None
