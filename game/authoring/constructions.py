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
the layout `pair`.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from collections.abc import Iterable

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


def _joint_event(sent: _Sent, i: int) -> Event | None:
    """The latest cooperation, support or alliance event of this sentence coded before token
    `i` within the same clause."""
    begin = sent.sentence.start
    for event in reversed(sent.history):
        if event.sentence != sent.sentence.index:
            break
        if event.kind not in _JOINT_KINDS or event.status.value != "active":
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
