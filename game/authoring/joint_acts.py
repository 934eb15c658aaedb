"""Acts and accords of several parties: joining a party against a third ("fought alongside the
Iraqi army against Islamic State", `joint_against`, layout `against`; `co_backers`), joining
someone's act against a third ("backed the Saudi-led boycott of Qatar", `joined_act`, layout
`joins`), whether an act is done together (`joint_act`), whether accords signed at one trigger
are separate ones (`separate_accords`) or a cooperation accord (`cooperation_accord`), and
whether an accord's targets are only its topic, no party to it (`topic_only`).

Also holds the clause breaks and agreement nouns that `trade_arms` shares.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from game.authoring.coded import Event, Mention
from game.authoring.patterns import _Compiled
from game.authoring.sentence_view import _Sent
from game.authoring.subjects import subject
from game.authoring.targets import _prep_target

_JOINT_KINDS = frozenset({"cooperation", "support", "alliance"})
"""Events whose parties a following "against X" turns against X together."""

_JOINT_REACH = 12
"""How many tokens after a joint event's trigger its "against" may come."""

_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "but", "while", "whereas", "and", "who", "which"})
"""Tokens between a joint event and "against" that end the event's clause: in "Iran, which
backs Hezbollah, protested against Israel" the protest is Iran's alone."""


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


_AGREEMENT_NOUNS = frozenset(
    {"agreement", "agreements", "accord", "accords", "pact", "pacts", "deal", "deals"}
    | {"memorandum", "contract", "contracts"}
)


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
