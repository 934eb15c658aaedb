"""The doer and kind of trade and arms events: `arms_transfer_kind` (a deal with a state, support
for an armed group), `traded_agreement` ("signed an energy agreement": a deal), `goods_maker`
("jets built by Lockheed Martin"), `intended_doer` ("Turkey's decision to buy"), `gerund_doer`
("sanctioned X for buying", "accused X of smuggling"), `modifier_agent` (an agent of a
participle that only modifies a noun) and `deployed_participle`, which keeps deal verbs off
armed units ("forces operating in Syria").

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.authoring.coded import Mention
from game.authoring.function_words import _ADJECTIVE_FILLERS, _CONTROL_VERBS
from game.authoring.joint_acts import (
    _AGREEMENT_NOUNS,
    _CLAUSE_BREAKS,
)
from game.authoring.sentence_view import _Sent

_DEPLOYED = frozenset(
    {"forces", "troops", "soldiers", "militias", "fighters", "units", "jets", "warplanes"}
    | {"warships", "drones", "militants", "rebels", "advisers", "advisors", "personnel"}
)
"""Armed units: a participle right after one of them tells where they are deployed."""


def deployed_participle(low: list[str], i: int) -> bool:
    """Whether the participle at `i` follows an armed unit ("Turkish forces operating in
    Syria", "troops working alongside"): a deployment, not a firm's business there."""
    return low[i].endswith("ing") and i > 0 and low[i - 1] in _DEPLOYED


_SALE_STEMS = ("suppl", "sell", "sold", "sale", "deliver", "export", "ship", "transfer")
"""How a sale's trigger starts: supply, sold, sales, deliveries, exports, shipments."""
_GIFT_STEMS = ("provid", "smuggl", "send", "sent", "give", "gave", "giv")
"""How a gift's trigger starts: "provide the coalition with arms, intelligence and logistical
support" is aid, not a sale, so a gift to a state keeps its pattern's kind; a gift to an armed
group is support."""

_WEAPONS = frozenset(
    {"arms", "weapons", "weapon", "weaponry", "missiles", "missile", "rockets", "rocket"}
    | {"jets", "warplanes", "tanks", "drones", "helicopters", "ammunition", "munitions"}
    | {"s-300", "s-400", "f-35", "f-16", "f-15", "patriot", "thaad", "rafale", "su-35"}
)
"""Words that make a transfer an arms transfer."""

_WEAPONS_REACH = 8
"""How many tokens after a transfer trigger its weapons word may come ("supplied Hezbollah
with rockets", "sold Venezuela fighter jets")."""


def arms_transfer_kind(
    sent: _Sent, kind: str, i: int, j: int, targets: Iterable[str]
) -> str | None:
    """The relation kind of an arms transfer, read from its frame and recipient: equipping
    someone "with" weapons is support ("Iran supplied Hezbollah with rockets", "offered to
    supply the Lebanese army with weapons"); otherwise a sale to a state or a firm is a deal
    ("Britain supplies weapons to Riyadh", "Russia sold Venezuela fighter jets") and a
    transfer to an armed group support ("stop supplying weapons to the YPG"). Over the gold
    lists of every set this reading is right about four times in five (a sale to a state is
    sometimes also listed as support, which the coder leaves to the review).

    Returns:
        "deal" or "support", or None when the event is no arms transfer (another kind, a
        trigger that transfers nothing, no weapons word near it, or mixed recipients).
    """
    sale = sent.low[i].startswith(_SALE_STEMS)
    if kind not in ("deal", "support") or not (sale or sent.low[i].startswith(_GIFT_STEMS)):
        return None
    window = sent.low[max(0, i - 2) : min(len(sent.low), j + _WEAPONS_REACH)]
    if not any(w in _WEAPONS for w in window):
        return None
    kinds = set()
    for actor in targets:
        entry = sent.dicts.actors.get(actor)
        if entry is None:
            return None
        kinds.add(getattr(entry.kind, "value", entry.kind))
    if not kinds:
        return None
    if _equipped_with(sent.low, j):
        return "support"  # "supplied the Lebanese army with weapons": equipping, not selling
    if kinds <= {"state", "firm"}:
        return "deal" if sale else None
    if kinds == {"armed_group"}:
        return "support"
    return None


def _equipped_with(low: list[str], j: int) -> bool:
    """Whether the weapons after the trigger ending at `j` come after "with" ("supply the
    army with weapons"), within `_WEAPONS_REACH` tokens."""
    for k in range(j, min(len(low), j + _WEAPONS_REACH)):
        if low[k] in _WEAPONS:
            return False
        if low[k] == "with":
            return any(w in _WEAPONS for w in low[k + 1 : k + 1 + _WEAPONS_REACH])
        if low[k] in (",", ";", "."):
            return False
    return False


_INTENT_NOUNS = frozenset(
    {"decision", "plan", "plans", "bid", "move", "offer", "attempt", "efforts", "effort"}
    | {"push", "agreement", "deal", "pledge", "promise", "threat", "refusal", "readiness"}
    | {"willingness", "intention", "determination", "campaign", "drive", "failure"}
)
"""Nouns whose possessor does the infinitive after them: "Turkey's decision to buy"."""

_GERUND_REACH = 6
"""How many tokens before "for V-ing" the doer may be named ("sanctions imposed on a Chinese
military agency for buying ...")."""


def intended_doer(sent: _Sent, i: int) -> list[Mention]:
    """The doer of an infinitive after a possessed noun of intent: in "Turkey's decision to
    purchase Russian S-400 systems" or "Moscow's offer to sell" the possessor buys or sells,
    whoever the clause's subject or speaker is ("..., the White House said").

    Returns:
        The possessor's group, or empty when the trigger at `i` is not such an infinitive.
    """
    low = sent.low
    if i >= 2 and low[i - 1] == "to" and low[i - 2] not in _INTENT_NOUNS:
        return _permitted_trader(sent, i)
    if i < 3 or low[i - 1] != "to" or low[i - 2] not in _INTENT_NOUNS:
        return []
    k = i - 3
    while k >= 0 and low[k] in _ADJECTIVE_FILLERS | {"controversial", "recent", "latest"}:
        k -= 1
    if k < 1 or low[k] != "'s":
        return []
    owner = sent.mention_ending(k)
    if owner is None or owner.actor is None or owner.place:
        return []
    return [owner]


_TRADE_STEMS = ("buy", "bought", "purchas", "import", "acquir", "procur", "sell", "sold")
_TRADE_STEMS += ("suppl", "deliver", "export", "ship", "pump", "send", "sent")
"""How a trade verb starts: the verbs whose permitted doer `_permitted_trader` reads."""
_PERMIT_REACH = 14
"""How far before a trade verb's "to" the verb that permits or presses it may come."""
_PERMIT_STOPS = frozenset({";", ".", ":", "that", "which", "who", "but", "while", "because"})


def _permitted_trader(sent: _Sent, i: int) -> list[Mention]:
    """The doer of a trade infinitive that a control verb's object does, where that object is
    no plain name the subject rules read: "allowed eight countries, including India, to buy
    Iranian oil" (India buys) or, past a purpose clause, "would allow Russia to bypass Ukraine
    to deliver gas to Germany" (Russia delivers, not Ukraine). The first actor named between
    the control verb and its "to" is the doer.

    Returns:
        That actor's group, or empty when the trigger at `i` is no trade verb or no control
        verb with a named object comes before it in its clause.
    """
    low = sent.low
    if not low[i].startswith(_TRADE_STEMS):
        return []
    for k in range(i - 2, max(-1, i - 2 - _PERMIT_REACH), -1):
        if low[k] in _PERMIT_STOPS:
            return []
        if low[k] not in _CONTROL_VERBS:
            continue
        for n in range(k + 1, i - 1):
            if low[n] == "to":
                break
            m = sent.starts.get(n)
            if m is not None and m.actor is not None and not m.place and not m.weak:
                return sent.group(m)
        return []
    return []


_CHARGES = frozenset(
    {("accused", "of"), ("suspected", "of"), ("charged", "with"), ("guilty", "of")}
    | {("accusing", "of"), ("accuses", "of"), ("accuse", "of"), ("suspects", "of")}
)
"""What comes before a gerund whose doer is the one charged: "accused Tehran of smuggling"."""


def gerund_doer(sent: _Sent, i: int) -> list[Mention]:
    """The doer of "for V-ing" or "accused of V-ing": the actor named just before, the one
    punished, praised, blamed or accused for the act ("sanctions imposed on a Chinese agency
    for buying Russian jets", "Trump thanked Riyadh for buying American weapons", "Beijing
    was punished for buying", "firms accused of shipping Iranian crude", "accused Tehran of
    smuggling weapons").

    Returns:
        That actor's group, or empty when the trigger at `i` does not follow "for" or no
        actor is named in the few tokens before it.
    """
    low = sent.low
    if i < 2 or not low[i].endswith("ing"):
        return []
    if low[i - 1] == "for":
        before = i - 1
    elif tuple(low[i - 2 : i]) in _CHARGES:
        before = i - 2
        if low[before - 1 : before] in (["accused"], ["suspected"], ["charged"]):
            before -= 1  # "Chinese firms accused of shipping": the firms, before the verb
    else:
        return []
    for k in range(before, max(-1, before - 1 - _GERUND_REACH), -1):
        if low[k] in _CLAUSE_BREAKS - {"and"}:
            return []
        m = sent.mention_ending(k)
        if m is not None and m.actor is not None and not m.place:
            if m.kind == "demonym":
                continue  # "a Chinese military agency": the role after it is the actor
            return sent.group(m)
    return []


_MAKER_PARTICIPLES = frozenset(
    {"built", "made", "manufactured", "produced", "developed", "designed", "supplied"}
)
"""Participles that name the maker of goods after "by": "jets built by Lockheed Martin"."""

_MAKER_REACH = 8
"""How many tokens after a purchase verb the maker's participle may come."""


def goods_maker(sent: _Sent, j: int) -> list[Mention]:
    """The maker of goods bought after the trigger ending at token `j`, named by a
    participle: "planned to buy 100 of the jets, built by Lockheed Martin", "buys drones
    made by Turkey's Baykar". A goods word must come between, so "buy time, backed by ..."
    names no seller.

    Returns:
        The maker's group, or empty when there is none.
    """
    low = sent.low
    goods = sent.dicts.words["goods"]
    seen_goods = False
    for k in range(j, min(len(low) - 1, j + _MAKER_REACH)):
        if low[k] in goods:
            seen_goods = True
        if low[k] in _MAKER_PARTICIPLES and low[k + 1] == "by":
            if not seen_goods:
                return []
            maker, _ = sent.target_after(k + 2, 2, False, (), direct=False)
            return maker
        if low[k] in (";", ".", "and", "but", "which", "that"):
            return []
    return []


_TRADED = {
    "energy": "energy",
    "oil": "energy",
    "gas": "energy",
    "pipeline": "energy",
    "arms": "arms",
    "weapons": "arms",
    "investment": "trade",
    "trade": "trade",
    "supply": "trade",
    "purchase": "trade",
    "procurement": "trade",
    "sales": "trade",
    "sale": "trade",
    "export": "trade",
    "import": "trade",
    "lng": "energy",
    "crude": "energy",
    "nuclear": "nuclear",
}
"""Words before an agreement noun that make it a deal, and the deal's sector ("a purchase
agreement" for jets is refined to arms by the goods the sentence names)."""
_TRADED_REACH = 8
"""How far before a signing verb its agreement may be named ("an energy agreement that
Ankara and Erbil signed")."""


def traded_agreement(sent: _Sent, i: int, end: int) -> str | None:
    """The sector of an agreement that trades something, signed at trigger `i` (its object
    ending at `end`): "an energy agreement that Ankara and Erbil signed", "signed a series of
    energy and investment agreements", "an agreement on the supply of jets", "agreements in
    energy and trade" are deals, not political accords.

    Returns:
        "energy", "arms", "nuclear" or "trade", or None when no agreement noun near the
        trigger has a traded good right before it or a trade right after it.
    """
    low = sent.low
    for k in range(max(1, i - _TRADED_REACH), min(len(low), end + 1)):
        if low[k] not in _AGREEMENT_NOUNS:
            continue
        sector = _TRADED.get(low[k - 1])  # "energy and investment agreements": investment
        if sector == "trade":
            sector = _goods_sector(low) or sector  # "a purchase agreement for S-400s": arms
        if sector is None and _production_sharing(low, k):
            sector = "energy"
        if sector is None:
            sector = _trade_after(low, k)
        if sector is not None:
            return sector
    return None


def _production_sharing(low: list[str], k: int) -> bool:
    """Whether the agreement noun at `k` is a "production-sharing" one (an oil or gas licence;
    "intelligence-sharing" stays cooperation)."""
    return k >= 3 and low[k - 1] == "sharing" and low[k - 3] == "production"


_TRADE_ACTS = frozenset(
    {"supply", "supplies", "sale", "sales", "purchase", "purchases", "delivery", "deliveries"}
    | {"buy", "sell", "deliver", "export", "exports", "import", "imports", "acquisition"}
    | {"investment", "investments", "invest", "procurement", "shipments", "shipment"}
    | {"stake", "stakes"}
)
"""What an agreement trades when it is "on", "for" or "to" it: "an agreement on the supply of
jets", "a contract for the delivery of", "a memorandum to buy"."""
_AGREEMENT_TAILS = frozenset({"of", "intent", "understanding", "cooperation", "co-operation"})
"""Words that end an agreement's name ("memorandum of intent") before what it is about."""
_TRADE_AFTER_REACH = 6
"""How many tokens after "on", "for" or "to" the traded act may come ("a memorandum of
intent to finalise talks on the sale")."""
_GOODS_SECTORS = {"arms": "arms", "weapons": "arms", "nuclear": "nuclear", "reactor": "nuclear"}
_GOODS_SECTORS |= {w: "energy" for w in ("oil", "gas", "crude", "lng", "electricity")}


def _trade_after(low: list[str], k: int) -> str | None:
    """The sector of what the agreement noun at `k` is about, read after it: a trade act
    ("on the supply of Su-35 jets", "to buy 12 frigates") or a traded field listed after "in"
    ("agreements in energy, transport and health"). Fields such as defence or security are
    cooperation, and trade acts are not read past a clause break, so "an accord to end the
    war, after which sales resumed" stays an accord."""
    m = k + 1
    while m < len(low) and low[m] in _AGREEMENT_TAILS:
        m += 1
    if m < len(low) and low[m] in ("between", "with"):
        m = _past_parties(low, m)
    if m >= len(low) or low[m] not in ("on", "for", "to", "over", "covering", "in"):
        return None
    field = low[m] == "in"
    traded = False
    sector = None
    for w in low[m + 1 : m + 1 + _TRADE_AFTER_REACH]:
        if w in (";", ".", ":", "but", "while", "which", "who", "after"):
            break
        if w == "," and not field:
            break
        if field and w in _TRADED:
            return _TRADED[w]
        if not field and w in _TRADE_ACTS:
            traded = True
        sector = sector or _GOODS_SECTORS.get(w)
    if traded:
        return sector or _goods_sector(low[m + 1 : m + 1 + 2 * _TRADE_AFTER_REACH]) or "trade"
    return None


_PARTIES_REACH = 8
"""How many tokens the parties after "between" or "with" may take before what the agreement
is about ("the agreement between Baghdad and Erbil on oil exports")."""


def _past_parties(low: list[str], m: int) -> int:
    """The index of the preposition that follows the parties named from `m` ("between
    Baghdad and Erbil on ..."), or `m` itself when none comes before a clause break."""
    for n in range(m + 1, min(len(low), m + 1 + _PARTIES_REACH)):
        if low[n] in ("on", "for", "over", "covering"):
            return n
        if low[n] in _PERMIT_STOPS or low[n] == ",":
            break
    return m


def _goods_sector(window: list[str]) -> str | None:
    """The sector of the goods named in `window` ("the supply of Su-35 fighters": arms)."""
    for w in window:
        if w in _GOODS_SECTORS:
            return _GOODS_SECTORS[w]
        if w.startswith(("s-", "su-", "mig-", "f-")) and any(c.isdigit() for c in w):
            return "arms"
    return None


def modifier_agent(sent: _Sent, m: Mention, i: int, j: int) -> bool:
    """Whether mention `m` is only the agent of a participle modifying another noun after the
    trigger `sent.low[i:j]`: in "a war against Houthi rebels backed by Tehran" Tehran backs
    the rebels and wages no war. The trigger's own passive ("was attacked by Iran") is not
    such a modifier.
    """
    low = sent.low
    k = m.start - 1
    if m.start < j or k < 1 or low[k] != "by":
        return False
    participle = k - 1
    if participle < j or not low[participle].endswith(("ed", "en")):
        return False
    if low[participle - 1] in _RELATIVE_AUXILIARIES or low[participle] in _CLAIMED:
        # "attacks on Israeli towns, which were claimed by Hamas": a relative clause, and a
        # claim names the attack's doer.
        return False
    return participle not in range(i, j)


_RELATIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being", ","})
_CLAIMED = frozenset({"claimed", "carried", "conducted", "launched", "staged", "ordered"})
