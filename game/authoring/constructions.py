"""Fixed constructions that state a relation without a verb of that relation: being exposed to
someone's sanctions ("a deal that could expose Cairo to U.S. sanctions", "halt their purchases
or face sanctions themselves"), joining a party against a third ("fought alongside the Iraqi
army against Islamic State", "Washington's support for the YPG in the fight against Islamic
State"), joining someone's act against a third ("backed the Saudi-led boycott of Qatar"), and
the owner named inside an object ("receives $1.3 billion in U.S. military aid").

The coder's pattern matcher calls `exposure`, `joined_act` and `joint_against` for the layouts
`faces`/`exposes`, `joins` and `against` of `patterns.toml`, and `object_owner` for inverse
patterns whose object names its owner; each returns the event's ends, or empty lists when the
construction is not there. `hyphen_pair` reads the two ends of "Turkish-Russian ties" for
the layout `pair`; `pitted` the sides of "a war that pits X against Y" (layout `pits`);
`membership` and `alliance_pair` alliance membership ("NATO member Turkey", "the two NATO
allies", layout `member`); `companion_allies` "Turkish troops and their Syrian rebel allies"
(layout `companion`); `exited_country` the market a firm leaves ("wound down its business in
Iran", layout `firm_exit`).

Other steps of the matcher ask here for an event's doer or kind: `intended_doer` ("Turkey's
decision to buy"), `gerund_doer` ("sanctioned X for buying", "accused X of smuggling"),
`goods_maker` ("jets built by Lockheed Martin"), `arms_transfer_kind` (a deal with a state,
support for an armed group) and `traded_agreement` ("signed an energy agreement": a deal);
`deployed_participle` keeps deal verbs off armed units ("forces operating in Syria").

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.authoring.coded import Event, Mention
from game.authoring.function_words import _ADJECTIVE_FILLERS
from game.authoring.patterns import _Compiled
from game.authoring.sentence_view import _Sent
from game.authoring.subjects import subject
from game.authoring.targets import _prep_target

_DEPLOYED = frozenset(
    {"forces", "troops", "soldiers", "militias", "fighters", "units", "jets", "warplanes"}
    | {"warships", "drones", "militants", "rebels", "advisers", "advisors", "personnel"}
)
"""Armed units: a participle right after one of them tells where they are deployed."""


def deployed_participle(low: list[str], i: int) -> bool:
    """Whether the participle at `i` follows an armed unit ("Turkish forces operating in
    Syria", "troops working alongside"): a deployment, not a firm's business there."""
    return low[i].endswith("ing") and i > 0 and low[i - 1] in _DEPLOYED


_JOINT_KINDS = frozenset({"cooperation", "support", "alliance"})
"""Events whose parties a following "against X" turns against X together."""

_JOINT_REACH = 12
"""How many tokens after a joint event's trigger its "against" may come."""

_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "but", "while", "whereas", "and", "who", "which"})
"""Tokens between a joint event and "against" that end the event's clause: in "Iran, which
backs Hezbollah, protested against Israel" the protest is Iran's alone."""


def exposure(
    sent: _Sent, i: int, j: int, end: int, exposed_is_object: bool
) -> tuple[list[Mention], list[Mention]]:
    """The sanctioner and the exposed party of "X could face (Y's) sanctions" or "expose X to
    (Y's) sanctions".

    The exposed party is the clause's subject (`faces`) or the direct object after the trigger
    (`exposes`). The sanctioner is the actor named inside the sanctions phrase ("U.S.
    sanctions", "Washington's sanctions"), else after it ("sanctions from Washington"), else
    the sentence's speaker ("Washington warned that Ankara could face sanctions").

    Args:
        sent: the sentence.
        i, j: the trigger's token range.
        end: the token after the sanctions noun (the pattern's object).
        exposed_is_object: True for "expose X to", False for "X faces".

    Returns:
        (sanctioners, exposed parties); both empty when either cannot be found.
    """
    if exposed_is_object:
        exposed, _ = sent.target_after(j, 3)
    else:
        exposed, _how = subject(sent, i)
    exposed_ids = set(sent.actors(exposed))
    if not exposed_ids:
        return [], []
    sanctioner = _named_sanctioner(sent, j, end, exposed_ids)
    if not sanctioner and sent.speaker is not None and sent.speaker not in exposed_ids:
        sanctioner = [Mention(-1, -1, sent.speaker, "name")]
    if not sanctioner:
        sanctioner = _warner(sent, exposed_ids)
    if not sanctioner:
        return [], []
    return sanctioner, exposed


def _named_sanctioner(sent: _Sent, j: int, end: int, exposed: set[str]) -> list[Mention]:
    """The actor whose sanctions they are: inside the phrase ("U.S. sanctions") or right after
    it ("sanctions by the United States", "penalties from Washington")."""
    for k in range(j, end):
        m = sent.mention_at(k)
        if m is not None and m.actor is not None and not m.place and m.actor not in exposed:
            return [m]
    low = sent.low
    if end < len(low) and low[end] in ("from", "by"):
        after, _ = sent.target_after(end + 1, 2, False, exposed, direct=False)
        return after
    return []


_WARNING_VERBS = frozenset(
    {"warn", "warns", "warned", "warning", "threaten", "threatens", "threatened", "threatening"}
    | {"demand", "demands", "demanded", "demanding", "tell", "tells", "told", "telling"}
    | {"caution", "cautions", "cautioned", "insist", "insists", "insisted"}
)
"""Verbs whose subject is the one holding the sanctions over the exposed party: "Washington
warned that India would face sanctions", "demanding that ... halt their purchases or face
sanctions"."""


def _warner(sent: _Sent, exposed: set[str]) -> list[Mention]:
    """The subject of a warning or demand in the sentence, other than the exposed party."""
    words = _WARNING_VERBS | sent.dicts.words["speech"]
    for k, low in enumerate(sent.low):
        if low in words and k not in sent.covered:
            group, _how = subject(sent, k)
            group = [m for m in group if m.actor is not None and m.actor not in exposed]
            if group:
                return group
    return []


def joined_act(
    sent: _Sent, comp: _Compiled, i: int, j: int, end: int
) -> tuple[list[Mention], list[Mention]]:
    """Backing or joining someone's act against a third party: "Bahrain backed the Saudi-led
    boycott of Qatar", "Jordan joined the U.S.-led coalition against Islamic State".

    The act's target (after its preposition) is the target; the sources are the clause's
    subject, who joins the act (unless only asked to: "urged Europe to join"), and the act's
    leader or owner when the phrase names one ("Saudi-led", "Riyadh's", "U.S."), who does it.

    Args:
        sent: the sentence.
        comp: the compiled pattern (its prepositions introduce the act's target).
        i, j: the trigger's token range; end: the token after the act noun.

    Returns:
        (sources, targets); both empty when the act has no actor as its target.
    """
    joiners, how = subject(sent, i)
    if how == "control" or (i > 0 and sent.low[i - 1] == "to" and _requested(sent, i - 1)):
        # "urged Europe to join the U.S. campaign against Tehran": Europe was asked to, and
        # has not; the campaign's owner still wages it.
        joiners = []
    owners = [
        m
        for k in range(j, end)
        if (m := sent.mention_at(k)) is not None and m.actor is not None and not m.place
    ]
    exclude = sent.actors(joiners + owners)
    targets = _prep_target(sent, comp, end, 3, None, exclude)
    sources = joiners + owners
    if not targets or not sources:
        return [], []
    return sources, targets


_REQUESTS = frozenset({"urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking"})
_REQUESTS |= {"call", "calls", "called", "calling", "press", "pressed", "pressing", "pressure"}
_REQUESTS |= {"pressured", "push", "pushed", "pushing", "want", "wants", "wanted", "persuade"}
_REQUESTS |= {"persuaded", "invite", "invited", "inviting", "encourage", "encouraged"}


def _requested(sent: _Sent, to: int) -> bool:
    """Whether the "to" at token `to` follows a request within the clause ("urged Europe to",
    "called on Paris to", "pressed allies to")."""
    for k in range(to - 1, max(-1, to - 8), -1):
        if sent.low[k] in _REQUESTS:
            return True
        if sent.low[k] in (",", ";", ".", "and", "but"):
            return False
    return False


def joint_against(sent: _Sent, i: int, j: int) -> tuple[list[Mention], list[Mention]]:
    """The parties of a joint act and the third party it is against.

    "The PMF, which fought alongside the Iraqi army against Islamic State": the event coded
    just before "against" (the PMF supporting the Iraqi army) names both sides of the joint
    act, and each of them is hostile to Islamic State. Only a cooperation, support or alliance
    event of this sentence whose trigger is at most `_JOINT_REACH` tokens before "against",
    with no clause break between them, counts.

    Returns:
        (the joint parties, the party they are against); both empty when there is none.
    """
    against, _ = sent.target_after(j, 3, False, (), direct=False)
    if not against or any(m.weak for m in against):
        return [], []
    event = _joint_event(sent, i)
    if event is None:
        return [], []
    enemy = set(sent.actors(against))
    parties = [a for a in dict.fromkeys(event.actors + event.targets) if a not in enemy]
    if not parties:
        return [], []
    return [Mention(-1, -1, actor, "name") for actor in parties], against


def co_backers(sent: _Sent, i: int, j: int) -> tuple[list[Mention], list[Mention]]:
    """Backers named after "alongside" share the support coded just before it: "Russia has
    propped up Assad alongside Iran and Hezbollah" (Iran and Hezbollah back Assad too).
    Only an active support event of this sentence whose trigger is at most `_JOINT_REACH`
    tokens before "alongside", with no clause break between them, counts.

    Returns:
        (the companions, the supported); both empty when there is none.
    """
    companions, _ = sent.target_after(j, 3, False, (), direct=False)
    if not companions or any(m.weak for m in companions):
        return [], []
    event = _joint_event(sent, i, frozenset({"support"}))
    if event is None:
        return [], []
    named = set(sent.actors(companions))
    if named & set(event.actors + event.targets):
        return [], []  # "backs the army alongside its own militia": no third party
    backed = [Mention(-1, -1, actor, "name") for actor in dict.fromkeys(event.targets)]
    return (companions, backed) if backed else ([], [])


def _joint_event(sent: _Sent, i: int, kinds: frozenset[str] = _JOINT_KINDS) -> Event | None:
    """The latest cooperation, support or alliance event of this sentence coded before token
    `i` within the same clause."""
    begin = sent.sentence.start
    for event in reversed(sent.history):
        if event.sentence != sent.sentence.index:
            break
        if event.kind not in kinds or event.status.value != "active":
            continue
        trigger_end = _token_after(sent, event.span[1] - begin)
        if trigger_end is None or not 0 <= i - trigger_end <= _JOINT_REACH:
            continue
        if any(_breaks_clause(sent, k) for k in range(trigger_end, i)):
            continue
        return event
    return None


def _breaks_clause(sent: _Sent, k: int) -> bool:
    """Whether token `k` ends a clause; a comma inside a name or before a list member does
    not ("the Iraqi army, Kurdish fighters and ...": the list goes on)."""
    if sent.low[k] not in _CLAUSE_BREAKS or k in sent.covered:
        return False
    if sent.low[k] == "and":
        # "with Russia and Iran against ...": "and" inside a list of actors joins them.
        before = sent.mention_ending(k)
        after = sent.mention_at(k + 1) or sent.mention_at(k + 2)
        return not (before is not None and after is not None and not after.weak)
    return True


def _token_after(sent: _Sent, char_end: int) -> int | None:
    """The index of the first token starting at or after character `char_end` of the
    sentence (the token after an event's trigger)."""
    for k, tok in enumerate(sent.tokens):
        if tok.start >= char_end:
            return k
    return None


def object_owner(sent: _Sent, j: int, end: int, exclude: Iterable[str]) -> list[Mention]:
    """The actor a demonym or name inside an object phrase stands for, when nothing but words
    of that phrase follow it: "receives $1.3 billion in U.S. military aid" (the United States
    gives it), "relies on Saudi support". For patterns whose source owns the object."""
    exclude = set(exclude)
    for k in range(j, end):
        m = sent.mention_at(k)
        # A place is allowed: in "$1.5 billion in U.S. military aid" the name after "in" is
        # read as a place, but the words after it show it modifies the aid.
        if m is None or m.actor is None or m.actor in exclude:
            continue
        rest = sent.low[m.end : end]
        if m.end < end and not any(w in _OBJECT_BREAKS for w in rest):
            return [m]
    return []


_OBJECT_BREAKS = frozenset({",", ";", "and", "or", "to", "for", "from", "with", "on", "by", "of"})
"""Words that end a noun phrase: after them the object is no longer the mention's."""


_PAIR_FILLERS = frozenset(
    {"bilateral", "diplomatic", "economic", "military", "trade", "border", "energy", "security"}
)
"""Adjectives between a hyphenated pair and its noun: "Turkish-Russian economic ties"."""


def hyphen_pair(sent: _Sent, i: int) -> list[Mention]:
    """The two actors of a hyphenated pair right before token `i`: "Turkish-Russian ties",
    "the Israel-Hezbollah war", "U.S.-Turkish relations"; empty when there is no such pair.
    Only the hyphenated form counts: "Russia and Iran's war" is theirs, not between them."""
    k = i
    while k > 0 and sent.low[k - 1] in _PAIR_FILLERS and i - k < 2:
        k -= 1
    second = sent.mention_ending(k)
    if second is None or second.actor is None or second.start < 2:
        return []
    if sent.low[second.start - 1] != "-":
        return []
    first = sent.mention_ending(second.start - 1)
    if first is None or first.actor is None or first.actor == second.actor:
        return []
    return [first, second]


def hyphen_target(sent: _Sent, source: Mention, j: int) -> list[Mention]:
    """What a hyphenated participle ("Saudi-backed", "Iranian-backed") modifies: the first
    actor of its noun phrase ("Iranian-backed Houthi rebels", "Iran-backed paramilitaries of
    the Popular Mobilisation Forces"), or the examples it names ("Iranian-backed groups such
    as Kataib Hezbollah"), else the phrase's possessor ("Yemen's Saudi-backed
    government" -> Yemen). The phrase ends at the first word that cannot be in it (a verb):
    in "Iranian-backed militias attacked US forces" the forces are no target.

    Args:
        sent: the sentence.
        source: the mention before the hyphen (the backer).
        j: the token after the participle.

    Returns:
        The targets, or an empty list.
    """
    targets, _ = sent.target_after(j, 3)
    if targets and _in_noun_phrase(sent, j, targets[0].start):
        return targets
    for k in range(j, min(j + 4, len(sent.low) - 2)):
        if sent.low[k : k + 2] == ["such", "as"] or sent.low[k] == "including":
            # "Iranian-backed groups such as Kataib Hezbollah": the examples are the backed.
            at = k + 2 if sent.low[k] == "such" else k + 1
            named, _ = sent.target_after(at, 1)
            if named and _in_noun_phrase(sent, j, k):
                return named
            break
    low = sent.low
    if source.start >= 2 and low[source.start - 1] == "'s":
        owner = sent.mention_ending(source.start - 1)
        if owner is not None and owner.actor is not None and not owner.place:
            return [owner]
    return []


def _in_noun_phrase(sent: _Sent, start: int, end: int) -> bool:
    """Whether tokens `start`..`end` can all belong to one noun phrase before a mention:
    other mentions, capitalised words ("Shi'ite"), adjectives, articles, and a noun followed
    by "of" ("paramilitaries of the ...")."""
    low = sent.low
    k = start
    while k < end:
        mention = sent.starts.get(k)
        if mention is not None:
            k = mention.end
            continue
        word = sent.tokens[k].text
        ok = (
            word[:1].isupper()
            or low[k] in _ADJECTIVE_FILLERS
            or low[k] in ("of", "the", "a", "an", "-")
            or (k + 1 < len(low) and low[k + 1] == "of")
        )
        if not ok:
            return False
        k += 1
    return True


def is_hyphen_pair(sent: _Sent, mentions: list[Mention]) -> bool:
    """Whether `mentions` are exactly a hyphenated pair ("the Russia-Turkey pipeline deal"):
    such a pair names both parties of the noun after it, even for a pattern that otherwise
    needs a target."""
    if len(mentions) != 2:
        return False
    first, second = sorted(mentions, key=lambda m: m.start)
    return first.start >= 0 and second.start == first.end + 1 and sent.low[first.end] == "-"


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


_MEMBER_REACH = 3
"""How far from "member" its alliance may be named ("NATO member", "a member of NATO")."""


def military_alliances(sent: _Sent) -> frozenset[str]:
    """The organisations that are military alliances: those `actors.toml` describes as an
    alliance ("the alliance", "the Western alliance": NATO)."""
    return frozenset(
        actor
        for words, ids in sent.dicts.descriptions.items()
        if "alliance" in words
        for actor in ids
    )


def membership(
    sent: _Sent, i: int, j: int, sources: list[Mention], targets: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """Membership of a military alliance as read by the relational layout: "NATO member
    Turkey", "Turkey, a NATO member,", "Greece is a member of NATO" make the member an ally of
    the alliance. Membership of any other body (OPEC, the Arab League) states no relation
    the gold lists record, so it is not drafted.

    Args:
        sent: the sentence.
        i, j: the trigger's token range.
        sources, targets: the members and the organisation found by the relational layout.

    Returns:
        (members, alliance), both empty unless every target is a military alliance named
        next to the trigger ("a valued member", said by an alliance's chief, names none) and
        no member is one.
    """
    alliances = military_alliances(sent)
    ids = sent.actors(targets)
    if not ids or any(t not in alliances for t in ids):
        return [], []
    if not all(i - _MEMBER_REACH <= m.start <= j + _MEMBER_REACH for m in targets):
        return [], []
    members = [m for m in sources if m.actor is not None and m.actor not in alliances]
    if not members:
        return [], []
    return members, targets


def pitted(sent: _Sent, j: int) -> tuple[list[Mention], list[Mention]]:
    """The two sides of "pits X against Y" after the trigger ending at token `j`: "a war that
    pits the Houthis against a Saudi-led coalition", "fighting pitting Turkish troops against
    the YPG".

    Returns:
        (X's group, Y's group), both empty unless both are actors.
    """
    first, _ = sent.target_after(j, 3)
    if not first or any(m.weak for m in first):
        return [], []
    k = first[-1].end
    low = sent.low
    while k < len(low) and k < first[-1].end + 3 and low[k] != "against":
        k += 1
    if k >= len(low) or low[k] != "against":
        return [], []
    second, _ = sent.target_after(k + 1, 3, False, sent.actors(first), direct=False)
    if not second:
        return [], []
    return first, second


_NON_STATE = frozenset(
    {"militia", "militias", "fighters", "militants", "group", "groups", "guerrillas", "rebels"}
)
"""Role heads that name armed groups, not states, even after a state's demonym."""


def alliance_pair(sent: _Sent, i: int) -> list[Mention]:
    """The two states "the two NATO allies" (or "members") at token `i` stand for: the last
    two states named before it, in this sentence (objects too: "its relationship with
    Turkey, and ... the two NATO allies") and then the sentences before. Also "between the
    NATO allies". Only states count: in "Washington's support for the YPG has strained
    relations between the two NATO allies" the YPG is no NATO ally.

    Returns:
        Two mentions, or empty when the phrase is not there or two states are not found.
    """
    low = sent.low
    alliances = military_alliances(sent)
    names = {
        alias.lower()
        for a in alliances
        if a in sent.dicts.actors
        for alias in sent.dicts.actors[a].aliases
    }
    k = i - 1
    if k < 2 or low[k] not in names:
        return []
    if low[k - 1] == ",":
        return _apposed_pair(sent, k - 1)
    if low[k - 1] not in ("two", "both") and low[k - 2 : k] != ["between", "the"]:
        return []
    if low[k - 1] == "two" and _listed_after(sent, i + 1):
        # "two NATO members, Canada and Turkey, said ...": the members are named after the
        # phrase, as members, which pairs no states named before it.
        return []
    if k >= 3 and low[k - 3 : k - 1] in (["at", "least"], ["more", "than"]):
        return []  # "at least two NATO members": a count, no pair named before
    found: list[str] = []
    view: _Sent | None = sent
    limit: int | None = k - 1
    for _ in range(3):  # this sentence and the two before
        if view is None:
            break
        for m in reversed(view.mentions):
            if limit is not None and m.end > limit:
                continue
            for actor in (m.actor, *m.extra):
                entry = sent.dicts.actors.get(actor) if actor else None
                if entry is None or m.place or actor in found:
                    continue
                if m.kind == "demonym" or (m.end > 0 and view.low[m.end - 1] in _NON_STATE):
                    continue  # "a Libyan militia" is no member of the alliance
                if getattr(entry.kind, "value", entry.kind) == "state":
                    found.append(actor)
            if len(found) >= 2:
                # In the order they were named: "Washington and Ankara, two NATO allies".
                return [Mention(-1, -1, actor, "name") for actor in reversed(found[:2])]
        view, limit = view.previous, None
    return []


def _listed_after(sent: _Sent, k: int) -> bool:
    """Whether two actors are listed right after the comma at token `k` ("..., Canada and
    Turkey")."""
    low = sent.low
    if k >= len(low) or low[k] != ",":
        return False
    first = sent.starts.get(k + 1)
    if first is None or first.actor is None or first.end >= len(low) or low[first.end] != "and":
        return False
    second = sent.starts.get(first.end + 1)
    return second is not None and second.actor is not None and second.actor != first.actor


def _apposed_pair(sent: _Sent, comma: int) -> list[Mention]:
    """The two states coordinated right before the comma at `comma`: "Turkey and the United
    States, NATO allies" names the pair, not each state's membership. Empty unless the two
    are states joined by "and"."""
    second = next((m for m in sent.mentions if m.end == comma), None)
    if second is None:
        return []
    k = second.start - 1
    if k >= 0 and sent.low[k] == "the":
        k -= 1
    if k < 1 or sent.low[k] != "and":
        return []
    first = next((m for m in sent.mentions if m.end == k), None)
    pair = [m for m in (first, second) if m is not None and m.actor and m.kind != "demonym"]
    if len(pair) != 2 or pair[0].actor == pair[1].actor:
        return []
    kinds = {
        getattr(e.kind, "value", e.kind) for e in map(sent.dicts.actors.get, sent.actors(pair))
    }
    return pair if kinds == {"state"} else []


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


def companion_allies(sent: _Sent, i: int) -> tuple[list[Mention], list[Mention]]:
    """ "Turkish troops and their Syrian rebel allies": a state's forces fighting with an
    armed group they back. The pronoun is the actor just before "and"; the allies are the
    armed group named between the pronoun and the trigger at `i`.

    Returns:
        (the state, the armed group), both empty unless the phrase is there and the first is
        a state and the second an armed group (other pairs are left to `alliance.relational`).
    """
    low = sent.low
    k = i - 1
    ally = None
    while k > 0 and i - k <= 4 and low[k] not in ("its", "their"):
        m = sent.mention_ending(k + 1)
        if m is not None and m.actor is not None:
            ally = m
            k = m.start - 1
            continue
        k -= 1
    if ally is None or k < 2 or low[k] not in ("its", "their") or low[k - 1] != "and":
        return [], []
    owner = sent.mention_ending(k - 1)
    if owner is None or owner.actor is None or owner.place:
        return [], []
    kinds = sent.dicts.actors
    owner_entry, ally_entry = kinds.get(owner.actor), kinds.get(ally.actor)
    if owner_entry is None or ally_entry is None:
        return [], []
    if getattr(owner_entry.kind, "value", owner_entry.kind) != "state":
        return [], []
    if getattr(ally_entry.kind, "value", ally_entry.kind) != "armed_group":
        return [], []
    return [owner], [ally]


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
}
"""Words before an agreement noun that make it a deal, and the deal's sector."""
_AGREEMENT_NOUNS = frozenset(
    {"agreement", "agreements", "accord", "accords", "pact", "pacts", "deal", "deals"}
    | {"memorandum", "contract", "contracts"}
)
_TRADED_REACH = 8
"""How far before a signing verb its agreement may be named ("an energy agreement that
Ankara and Erbil signed")."""


def traded_agreement(sent: _Sent, i: int, end: int) -> str | None:
    """The sector of an agreement that trades something, signed at trigger `i` (its object
    ending at `end`): "an energy agreement that Ankara and Erbil signed", "signed a series of
    energy and investment agreements" are deals, not political accords.

    Returns:
        "energy", "arms" or "trade", or None when no agreement noun near the trigger has a
        traded good right before it.
    """
    low = sent.low
    for k in range(max(1, i - _TRADED_REACH), min(len(low), end + 1)):
        if low[k] not in _AGREEMENT_NOUNS:
            continue
        sector = _TRADED.get(low[k - 1])  # "energy and investment agreements": investment
        if sector is not None:
            return sector
    return None


_BREACH_REACH = 8
"""How many tokens before "in breach of ... sanctions" the sanctioned party may be named."""


def breached_sanctions(
    sent: _Sent, i: int, j: int, end: int
) -> tuple[list[Mention], list[Mention]]:
    """The sanctioner and the sanctioned party of "in breach of EU sanctions": "carrying oil to
    Syria in breach of European Union sanctions" (the EU sanctions Syria), "transporting oil
    out of Iran in violation of U.S. sanctions". The sanctioner is named inside the sanctions
    phrase, the sanctioned party is the actor named last before the trigger at `i`.

    Returns:
        (sanctioners, sanctioned), both empty when either is not named.
    """
    between = sent.low[j:end]
    if len(between) > 5 or any(w in ("that", "which", ",", "and") for w in between):
        return [], []  # "defying a U.S. law that threatens sanctions": no breach of sanctions
    sanctioner = _named_sanctioner(sent, j, end, set())
    if not sanctioner:
        return [], []
    own = set(sent.actors(sanctioner))
    for k in range(i, max(0, i - _BREACH_REACH), -1):
        if sent.low[k - 1] in (";", ".", ":"):
            break
        m = sent.mention_ending(k)
        if m is not None and m.actor is not None and m.actor not in own and not m.weak:
            return sanctioner, [m]
    return [], []


_EXIT_STOPS = frozenset({",", ";", ":", ".", "but", "while", "after", "because", "unless", "as"})
"""Tokens that end the phrase a firm leaves: in "quit Iran after Washington warned" the
warner is not left."""


def exited_country(sent: _Sent, j: int, window: int) -> list[Mention]:
    """The state a firm leaves after a trigger ending at `j` (layout `firm_exit`): "pulled out
    of Iran", "wind down its business in Iran", "leave Iran's South Pars project". A country
    after "in" or "out of" reads as a place elsewhere; here the place is the party whose
    market the firm leaves, so place mentions count.

    Returns:
        The first state's mention within the window, or empty.
    """
    actors = sent.dicts.actors
    for k in range(j, min(len(sent.low), j + window + 3)):
        if sent.low[k] in _EXIT_STOPS:
            break
        m = sent.mention_at(k)
        if m is not None and m.actor in actors and actors[m.actor].kind == "state":
            return [m]
    return []


_RESTRICTIONS = frozenset(
    {"sanction", "sanctions", "tariff", "tariffs", "duties", "embargo", "ban", "bans", "curbs"}
    | {"restrictions", "penalties", "limits", "cap", "caps", "moratorium"}
)
"""Nouns that, followed by "on", name a measure against the trade after them ("sanctions on
Iran's oil exports", "tariffs on steel imports")."""

_STOPPED = frozenset({"end", "halt", "stop", "freeze"})
"""Nouns that, followed by "to", stop the trade after them ("an end to arms sales")."""

_RESTRICTED_REACH = 6
"""How many tokens before a trade trigger the measure against it may stand."""

_RESTRICTED_BREAKS = frozenset({",", ";", ":", ".", "but", "while", "who", "which", "that"})


def restricted_trade(sent: _Sent, i: int, ends: Iterable[Mention]) -> bool:
    """Whether the trade trigger at `i` is the object of a measure against trade that one of
    the event's ends takes ("Washington reimposed sanctions on Iran's oil exports", "cautioned
    allies against purchases of Russian arms", "called for an end to arms sales to Riyadh"):
    that end restricts the trade, it is no party to it. Ends named inside or after the
    measure ("protested against French arms sales to Qatar") still trade."""
    low = sent.low
    for k in range(i - 1, max(-1, i - _RESTRICTED_REACH - 1), -1):
        if low[k] in _RESTRICTED_BREAKS:
            return False
        if low[k] == "against":
            measure = k
        elif k > 0 and (
            (low[k] == "on" and low[k - 1] in _RESTRICTIONS)
            or (low[k] == "to" and low[k - 1] in _STOPPED)
        ):
            measure = k - 1
        else:
            continue
        return any(m.start < 0 or m.end <= measure for m in ends)
    return False


_TOPIC_NOUNS = frozenset(
    {
        "talks",
        "crisis",
        "conflict",
        "war",
        "issue",
        "file",
        "question",
        "settlement",
        "process",
        "peace",
        "ceasefire",
        "truce",
        "negotiations",
        "constitution",
        "reconstruction",
        "future",
        "summit",
    }
)
"""Nouns an actor's name modifies when it only names what a meeting or accord is about:
"ahead of Libya talks", "on the Yemen crisis"."""

_PARTY_WORDS = frozenset({"with", "between", "among", "and", "to"})
"""Words before a mention that make it a party of an accord, not its topic."""


def topic_only(sent: _Sent, targets: list[Mention]) -> bool:
    """Whether every target of an accord is only what it is about, no party to it: the owner
    of a thing ("an agreement on a panel to rewrite Syria's constitution", "a deal over
    Iran's nuclear programme") or a name modifying a topic noun ("to meet ahead of Yemen
    talks"). "An agreement with Libya's government" and "talks with Iraq" name parties.

    Args:
        sent: the sentence.
        targets: the target mentions found for the accord's trigger.

    Returns:
        True when there are targets and each of them is only a topic.
    """
    low = sent.low
    if not targets:
        return False
    for m in targets:
        if m.start < 0 or m.end >= len(low):
            return False
        k = m.start - 1
        if k >= 0 and low[k] == "the":
            k -= 1
        if k >= 0 and low[k] in _PARTY_WORDS:
            return False
        if low[m.end] == "'s":
            if sent._possessed(m) is not None:
                return False  # "Libya's government" is the party
        elif low[m.end] not in _TOPIC_NOUNS:
            return False
    return True


_JOINT_ACT_WORDS = frozenset(
    {
        "joint",
        "jointly",
        "trilateral",
        "drills",
        "exercises",
        "manoeuvres",
        "maneuvers",
        "wargames",
        "patrols",
    }
)
"""Words that make an act with several partners one act of all of them: military drills are
held together, and "joint" or "trilateral" says so."""

_JOINT_ACT_REACH = 3
"""How far before the trigger such a word may stand ("held joint naval drills with")."""


def joint_act(sent: _Sent, i: int, end: int) -> bool:
    """Whether the act whose trigger starts at token `i` (its object ending before `end`) is
    done by all its parties together: "Iran launched naval drills with Russia and China"
    relates Russia and China too, while "Egypt held talks with Iraq and Jordan" may be two
    separate talks and relates each partner with Egypt only.
    """
    window = sent.low[max(0, i - _JOINT_ACT_REACH) : end + 1]
    return any(word in _JOINT_ACT_WORDS for word in window)


_SEPARATE_ACCORDS = frozenset(
    {
        "agreements",
        "accords",
        "deals",
        "treaties",
        "pacts",
        "memoranda",
        "memorandums",
        "protocols",
        "contracts",
        "separate",
        "bilateral",
        "respectively",
    }
)
"""Words telling that one party signed several accords, one with each partner."""


def separate_accords(sent: _Sent, j: int, end: int) -> bool:
    """Whether the accords signed at a trigger ending at `j` (object ending before `end`) are
    one per partner: "Egypt signed agreements with Iraq and Jordan" or "separate deals with"
    bind each partner to Egypt, not the partners to each other; "signed an agreement with Iraq
    and Jordan" may be one accord of all three."""
    return any(word in _SEPARATE_ACCORDS for word in sent.low[j : end + 1])


def civil_war_owner(sent: _Sent, i: int, m: Mention) -> bool:
    """Whether mention `m` names the country a civil war at token `i` is fought in: "the
    Syrian civil war", "Yemen's civil war" tell where the war is, not a side of it."""
    low = sent.low
    if i < 1 or low[i - 1] != "civil" or m.start < 0:
        return False
    k = i - 2
    if k >= 0 and low[k] == "'s":
        k -= 1
    return m.end == k + 1


_COOPERATION_FIELD_REACH = 4
"""How many words may stand between "a deal for" and "cooperation" ("on military and
technical cooperation")."""


def cooperation_accord(sent: _Sent, i: int, end: int) -> bool:
    """Whether the agreement signed at trigger `i` (its object ending at `end`) is an accord
    for cooperation in a field: "a deal for military cooperation", "an agreement on security
    cooperation". What it trades, if anything, the caller checks in the sentence.
    """
    low = sent.low
    for k in range(i, min(len(low), end + 1)):
        if low[k] not in _AGREEMENT_NOUNS or k + 1 >= len(low) or low[k + 1] not in ("for", "on"):
            continue
        field = low[k + 2 : k + 2 + _COOPERATION_FIELD_REACH]
        if "cooperation" in field or "co-operation" in field:
            return True
    return False


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
