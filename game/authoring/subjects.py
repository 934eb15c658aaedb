"""Clause subject search and speakers: a trigger's subject (`subject`; the steps in `_subject`
try absolutes, control verbs and pressure nouns, coordination, relative clauses, relational
nouns such as "its ally Iran" and led coalitions with their members), and the speaker of
reported speech (`_find_speaker`). The readings it tries live in `coordination`,
`subject_phrases`, `passives` and `pronouns`; this module keeps the steps that call the search
again (control, relational nouns, coalitions, speakers).

Functions of a `_Sent` (the sentence view calls in here, passing itself). Must not import:
pygame, anything under `game.ui`, `game.authoring.coder`; `game.authoring.sentence_view` only
for type checking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.coordination import (
    _CONDITIONALS,
    _coordinated,
    _singular_verb,
    _time_phrase,
)
from game.authoring.function_words import (
    _BARRIERS,
    _BE,
    _CLAUSE_REACH,
    _CONTROL_VERBS,
    _DETERMINERS,
    _LED_GROUPS,
    _QUOTES,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _VP_ADVERBS,
)
from game.authoring.passives import (
    _agent_of_subject_noun,
    _fronted_participle_subject,
    _participial_opening,
    _reduced_passive_head,
    _unknown_participle_head,
)
from game.authoring.pronouns import (
    _valid_subject,
    resolve_pronoun,
)
from game.authoring.subject_phrases import (
    _absolute_with,
    _act_agent,
    _comitative,
    _demonym_subject,
    _earlier_relative,
    _head_before_relative,
    _led_by,
    _listed,
    _owner_of_subject_noun,
    _possessor_heads_clause,
    _relative_companions,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_PRESSURE_NOUNS = frozenset({"pressure", "calls", "demands", "ultimatum"})
"""Nouns whose following infinitive is done by the one pressed: "pressure on Ankara to"."""
_PRESSURE_ADJECTIVES = frozenset({"growing", "mounting", "intense", "heavy", "strong", "new"})
_PRESSURE_HOLDERS = frozenset(
    {"face", "faces", "faced", "facing", "under", "resist", "resists", "resisted", "resisting"}
)
"""Words whose subject is the one pressed: "India faces U.S. pressure to ..."."""
_PERMISSION_NOUNS = frozenset({"waiver", "waivers", "exemption", "exemptions", "approval"})
"""Nouns whose following infinitive is done by the one permitted: "a waiver to keep buying"."""
_PERMISSION_HOLDERS = frozenset(
    {"win", "wins", "won", "get", "gets", "got", "receive", "receives", "received", "obtain"}
    | {"obtained", "secure", "secures", "secured", "seek", "seeks", "sought", "request"}
    | {"requested", "needs", "need", "needed", "given", "granted"}
)
"""Words whose subject is the one permitted: "Iraq wins a U.S. waiver to keep buying ..."."""
_INDEFINITES = frozenset(
    {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "whoever"}
)
"""Indefinite pronouns: a clause whose subject is one has no actor as subject (nor the
speaker)."""
_SUBORDINATORS = frozenset({"after", "before", "when", "since", "until", "once", "unless"})
"""Words that open a subordinate clause, whose verb never takes a subject from before them."""


def subject(sent: _Sent, index: int, limit: int = 30) -> tuple[list[Mention], str]:
    """The subject group of the clause before token `index`, and how it was found.

    A led coalition as subject brings the members its clause names: in "Sudan is a member of
    the Saudi-led coalition that is fighting the Houthis", Sudan fights them too."""
    head = _reduced_passive_head(sent, index)
    if head is not None:
        return sent.group(head), "passive"
    group, how = _subject(sent, index, limit)
    if not group and not how:
        agent = _agent_of_subject_noun(sent, index)
        if agent:
            return agent, "agent"
        fronted = _fronted_participle_subject(sent, index)
        if fronted:
            return fronted, "subject"
    for m in group:
        members = _coalition_members(sent, m)
        if members:
            return members + [x for x in group if x.actor not in sent.actors(members)], how
    return group, how


_MEMBER_FILLERS = frozenset(
    {"a", "an", "the", "key", "leading", "founding", "major", "core", "main", "prominent"}
    | {"active", "full", "senior", "junior", "important", "crucial", "vital", "top"}
)
"""Words between a member and "member of": "a key member of", "a founding member of"."""
_MEMBER_NOUNS = frozenset({"member", "members", "part"})


def _coalition_members(sent: _Sent, leader: Mention) -> list[Mention]:
    """The actors a sentence calls members of the coalition `leader` leads: "Sudan is a key
    member of the Saudi-led coalition", "Jordan, part of the U.S.-led coalition"; empty when
    `leader` heads no "X-led" group or nobody is said to belong to it."""
    low = sent.low
    if leader.start < 0 or low[leader.end : leader.end + 2] != ["-", "led"]:
        return []
    if leader.end + 2 >= len(low) or low[leader.end + 2] not in _LED_GROUPS:
        return []
    k = leader.start - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k < 2 or low[k] != "of" or low[k - 1] not in _MEMBER_NOUNS:
        return []
    k -= 2
    while k >= 0 and low[k] in _MEMBER_FILLERS:
        k -= 1
    if k >= 1 and low[k] == ",":
        head = sent.ends.get(k)  # "Jordan, a member of the U.S.-led coalition"
        ok = head is not None and head.actor is not None and not head.place and not head.weak
        return sent.group(head) if ok else []
    if k >= 1 and low[k] in _BE | {"became", "becomes", "remains", "remained"}:
        members, _how = _subject(sent, k)
        return [m for m in members if m.actor != leader.actor]
    return []


def _subject(sent: _Sent, index: int, limit: int = 30) -> tuple[list[Mention], str]:
    """`subject` before the coalition's members are added."""
    words = sent.dicts.words
    absolute = _absolute_with(sent, index)
    if absolute:
        return absolute, "subject"
    earlier = _earlier_gerund(sent, index)
    if earlier >= 0:
        return subject(sent, earlier, limit)
    if _unknown_participle_head(sent, index):
        return [], ""
    controlled = _controlled(sent, index)
    if controlled:
        return controlled, "control"
    coordinated = _coordinated(sent, index)
    if coordinated:
        return coordinated, "coordinated"
    j = index - 1
    while j >= 0 and index - j <= limit:
        low = sent.low[j]
        if low == ",":
            opening = _participial_opening(sent, j, index)
            if opening < 0:
                opening = _parenthetical_speech(sent, j)  # "Israel, officials said, struck"
            if opening >= 0:
                j = opening - 1  # "Putin, speaking alongside the leaders of X and Y, offered"
                continue
        m = sent.ends.get(j + 1)
        if m is not None and sent.clause[m.start] not in (0, sent.clause[index]):
            j = m.start - 1  # inside an apposition or relative clause the trigger is not in
            continue
        if (
            m is not None
            and m.start >= 2
            and sent.low[m.start - 1] == "by"
            and sent.low[m.start - 2] in ("led", "headed")
            and sent.clause[m.start] in (0, sent.clause[index])
        ):
            return _led_by(sent, m), "subject"
        if (
            m is not None
            and m.actor is not None
            and sent.low[m.end : m.end + 2] == ["-", "led"]
            and m.end + 2 < len(sent.low)
            and sent.low[m.end + 2] in _LED_GROUPS
            and sent.clause[m.start] in (0, sent.clause[index])
        ):
            # "The Saudi-led coalition bombed ...": the leader stands for its coalition.
            group = sent.group(m)
            return group if m in group else [Mention(m.start, m.end, m.actor, "name")], "subject"
        if m is not None and m.start <= j and _owner_of_subject_noun(sent, m):
            return sent.group(m), "owner"  # "Positions held by the Houthis were shelled"
        if m is not None and m.start <= j and m.actor is not None and _act_agent(sent, m):
            return sent.group(m), "agent"  # "Drone strikes claimed by the Houthis hit ..."
        if (
            m is not None
            and m.kind == "demonym"
            and m.actor is not None
            and _demonym_subject(sent, m, index)
        ):
            return [m], "subject"  # "..., after British Royal Marines detained ..."
        if m is not None and m.actor is None and m.kind == "role" and _opens_clause(sent, m):
            return [], ""  # ", and lawmakers have threatened ...": a subject no actor names
        if m is not None and _thing_before_infinitive(sent, m, index):
            j = m.start - 1  # "bombed Houthi positions to back ...": the bomber backs
            continue
        if m is not None and m.start <= j and _valid_subject(sent, m) and not m.apposition:
            group = sent.group(m)
            joined = _comitative(sent, group)
            if joined:
                return joined, "subject"
            if not _valid_subject(sent, group[0]) and not _listed(sent, group[0]):
                # "... including Russia and the United States, and Moscow has slammed":
                # the list before ", and" is an object; the subject starts at Moscow.
                group = [x for x in group if x.start >= m.start]
            return _head_before_relative(sent, group) + group, "subject"
        if low in _INDEFINITES:
            return [], "indefinite"  # "anyone doing business with Iran": nobody in particular
        if low in _BARRIERS:
            break
        if (
            (low in _SUBORDINATORS or low in _CONDITIONALS or _as_long_as(sent.low, j))
            and j < index - 1
            and "," not in sent.low[j + 1 : index]
            and not _time_phrase(sent.low, j + 1)
        ):
            break  # "... seven years after Arab states cut ties": that clause's own subject
        if low in words["speech"] and j < index - 1:
            break
        if low in _RELATIVES | {"that"} and j > 0:
            described = _described_by_relational(sent, j)
            if described:
                return described, "relative"
        if low in _RELATIVES:
            k = j - 1
            if k >= 0 and sent.low[k] in ("and", "but"):
                # "Hezbollah, which is listed ... and which fought alongside ...": the second
                # relative shares the first one's antecedent.
                k = _earlier_relative(sent, k)
            if k >= 0 and sent.low[k] == ",":
                k -= 1
            ante = sent.antecedent(k + 1)
            if ante is not None and not ante.weak:
                group = sent.group(ante)
                if _singular_verb(sent.low[j + 1 : index + 1]) and not (
                    ante.kind == "pair" or ante.extra
                ):
                    # "partners such as India and Turkey, which has been negotiating ...":
                    # a singular verb agrees with the nearest member only.
                    group = [ante]
                return group + _relative_companions(sent, j, index), "relative"
            break
        if low == "that":
            ante = sent.ends.get(j)
            if ante is not None and not ante.weak:
                group = sent.group(ante)
                single = not (ante.kind == "pair" or ante.extra)
                if single and _singular_verb(sent.low[j + 1 : index + 1]):
                    # "between the rebels and the government that has been backed by":
                    # a singular verb agrees with the nearest member, as after "which".
                    group = [x for x in group if x.start >= ante.start] or group
                return group, "relative"
            if j > 0 and _unknown_that_subject(sent.low, j, index):
                # "countries that make purchases", "the government that has been backed by":
                # "that" is the subject, and it stands for a noun the dictionaries do not
                # know, not for an earlier actor.
                before = sent.low[j - 1]
                if (
                    before.isalpha()
                    and before not in words["speech"]
                    and before
                    not in (
                        "so",
                        "now",
                        "such",
                    )
                ):
                    return [], ""
        if low in _SUBJECT_PRONOUNS and (j + 1 == len(sent.low) or sent.low[j + 1] != "'s"):
            resolved = resolve_pronoun(sent, j)
            if resolved:
                return resolved, "pronoun"
            break
        if m is not None and _possessor_heads_clause(sent, m, index):
            return [m], "possessor"
        if m is not None:
            j = m.start - 1
            continue
        j -= 1
    return [], ""


def _unknown_that_subject(low: list[str], j: int, index: int) -> bool:
    """Whether only adverbs and auxiliaries stand between "that" at `j` and the verb at
    `index`, so that "that" is the verb's subject. A passive ("that has been backed by")
    counts; a progressive ("a coalition that has been fighting") is left to the search,
    whose antecedent is often what the subject leads."""
    between = low[j + 1 : index]
    if all(t in _VP_ADVERBS for t in between):
        return True
    passive = not low[index].endswith("ing")
    return passive and all(t in _VP_ADVERBS or t in _BE for t in between)


_THING_HEADS = frozenset(
    {"targets", "target", "positions", "position", "bases", "base", "posts", "post"}
    | {"fortifications", "strongholds", "facilities", "facility", "sites", "site", "depots"}
    | {"installations", "infrastructure", "territory", "areas", "camps", "convoy", "convoys"}
    | {"bunkers", "hideouts", "tunnels", "warehouses", "outposts", "airfields", "airports"}
    | {"ports", "strongpoints", "lines", "defences", "defenses", "emplacements", "launchers"}
)
"""Heads of role mentions that name an actor's places and things ("Houthi positions",
"Iranian targets"): they are acted on and do nothing themselves."""


def _thing_before_infinitive(sent: _Sent, m: Mention, index: int) -> bool:
    """Whether `m` is a place or thing of an actor ("Houthi positions") right before the
    "to" of the infinitive at `index`: the object of the verb before, never the infinitive's
    subject ("jets struck Houthi positions to support the army": the jets' side supports
    the army, not the Houthis)."""
    low = sent.low
    if index < 2 or low[index - 1] != "to":
        return False
    if m.end == index - 1 and m.kind == "role":
        return low[m.end - 1] in _THING_HEADS  # the role's own noun: "Houthi positions"
    # A name modifying a noun of things: "Houthi fortifications", "Hezbollah depots".
    return m.end == index - 2 and low[index - 2] in _THING_HEADS


_RELATIONAL_HEADS = frozenset(
    {"ally", "allies", "partner", "partners", "backer", "backers", "supporter", "supporters"}
    | {"patron", "patrons", "client", "clients", "proxy", "proxies", "friend", "friends"}
    | {"member", "members", "neighbour", "neighbours", "neighbor", "neighbors", "rival"}
    | {"rivals", "foe", "foes", "adversary", "adversaries", "country", "countries", "nation"}
    | {"nations", "state", "states", "power", "powers", "kingdom", "monarchy", "emirate"}
)
"""Nouns of a predicate or apposition describing an actor ("a staunch U.S. ally", "a
neighbouring country"): a relative clause after them tells what that actor does."""
_NOT_MODIFIERS = frozenset({"and", "or", "of", "with", "to", "in", "for", "by", "from"})


def _described_by_relational(sent: _Sent, rel: int) -> list[Mention]:
    """The actor a relational noun phrase before the relative word at `rel` describes: in
    "Oman and Kuwait are close British allies that have fought ..." or "Jordan, a key
    U.S. partner which has ...", the ones who fight are Oman and Kuwait, or Jordan, not
    Britain or the United States that only qualify the noun. Empty when the noun is no
    predicate of "be" nor an apposition."""
    low = sent.low
    k = rel - 1
    if low[k] == "," and low[rel] != "that":
        k -= 1
    if k < 1 or low[k] not in _RELATIONAL_HEADS:
        return []
    s = k - 1
    while s >= 0 and k - s <= 6:
        m = sent.ends.get(s + 1)
        if m is not None and m.start <= s:
            s = m.start - 1  # "U.S.", "Britain's": a modifier naming the other party
            continue
        if low[s] in _BE | {"remains", "remained", "become", "became", "becomes"}:
            group, _how = _subject(sent, s)
            return group
        if low[s] == ",":
            head = sent.ends.get(s)
            ok = head is not None and _valid_subject(sent, head) and not head.apposition
            return sent.group(head) if ok else []
        if (not low[s].isalpha() and low[s] not in ("-", "'s")) or low[s] in _NOT_MODIFIERS:
            return []
        s -= 1
    return []


_PARENTHETICAL_REACH = 6


def _parenthetical_speech(sent: _Sent, close: int) -> int:
    """The opening comma of a speech tag set off inside a clause and closed by the comma at
    `close` (", officials said,", ", the ministry said on Monday,"), or -1: the subject before
    it is the clause's, not the speaker."""
    low = sent.low
    speech = sent.dicts.words["speech"]
    for k in range(close - 2, max(0, close - _PARENTHETICAL_REACH - 1), -1):
        if low[k] == ",":
            inner = low[k + 1 : close]
            verb = next((t for t in inner if t in speech), None)
            if verb is None or inner[0] in speech or "that" in inner:
                return -1
            return k if k > 0 and k in sent.ends else -1
        if low[k] in _BARRIERS or low[k] in _QUOTES:
            return -1
    return -1


def _earlier_gerund(sent: _Sent, index: int) -> int:
    """ "accused Qatar of funding militants in Libya and of supplying arms to X": a gerund
    after "and of" shares the subject of the earlier "of" gerund it is coordinated with
    (Qatar), not the actor named last (Libya). The earlier gerund's index, or -1."""
    low = sent.low
    if index < 3 or not low[index].endswith("ing") or low[index - 2] not in ("and", "or"):
        return -1
    prep = low[index - 1]
    if prep not in ("of", "for"):
        return -1
    for k in range(index - 3, max(0, index - _CLAUSE_REACH), -1):
        if low[k] in (";", ".", ":") or low[k] in _QUOTES:
            return -1
        if low[k] == prep and low[k + 1].endswith("ing") and sent.ends.get(k) is not None:
            return k + 1
    return -1


def _opens_clause(sent: _Sent, m: Mention) -> bool:
    """Whether mention `m` starts a clause (after ", and", ", but", ";", "that", "while" or at
    the sentence start), so that it is the subject of the verb after it, not a noun inside
    another phrase ("Saudi Arabia and its allies")."""
    low = sent.low
    k = m.start - 1
    while k >= 0 and low[k] in ("the", "some", "many", "several", "other"):
        k -= 1
    if k < 0:
        return True
    if low[k] in ("and", "but"):
        return k >= 1 and low[k - 1] == ","
    return low[k] in (";", "that", "while", "whereas")


def _as_long_as(low: list[str], j: int) -> bool:
    """Whether token `j` is the last "as" of "as long as" / "so long as", which opens a
    condition whose verb has its own subject."""
    return low[j] == "as" and j >= 2 and low[j - 1] == "long" and low[j - 2] in ("as", "so")


def _controlled(sent: _Sent, index: int) -> list[Mention]:
    """ "urged Turkey to do more", "called on Washington to stop ...": the infinitive's
    subject is the object of the control verb."""
    k = index - 1
    while k >= 0 and sent.low[k] in (
        "also",
        "not",
        "stop",
        "start",
        "keep",
        "continue",
        "do",
        "more",
        "further",
        "help",
    ):
        k -= 1
    if k < 1 or sent.low[k] != "to":
        return []
    if sent.low[k - 1] in _PRESSURE_NOUNS:
        return _pressured(sent, k - 1)
    if sent.low[k - 1] in _PERMISSION_NOUNS:
        return _pressured(sent, k - 1, _PERMISSION_HOLDERS)
    m = sent.ends.get(k)
    if (
        m is None
        and k >= 2
        and sent.low[k - 1] in ("them", "it")
        and (sent.low[k - 2] in _CONTROL_VERBS)
    ):
        # "granted waivers to China, India and Turkey, allowing them to keep buying": the
        # pronoun is the object list before it, whole.
        for prior in reversed(sent.mentions):
            if prior.end <= k - 2 and prior.actor is not None and not prior.place:
                return sent.group(prior) if not prior.weak else []
        return []
    if m is None or m.actor is None or m.weak:
        return []
    before = sent.low[m.start - 1] if m.start > 0 else ""
    before2 = sent.low[m.start - 2] if m.start > 1 else ""
    if before in _CONTROL_VERBS or (
        before == "on"
        and (before2 in ("call", "called", "calls", "calling") or before2 in _PRESSURE_NOUNS)
    ):
        return sent.group(m)
    return []


def _pressured(
    sent: _Sent, noun: int, holders: frozenset[str] = _PRESSURE_HOLDERS
) -> list[Mention]:
    """Who is pressed in "X faces (U.S.) pressure to stop buying" or "X came under pressure
    to" (or permitted, with `holders` of a permission: "X won a U.S. waiver to keep buying"):
    the subject of the verb that holds the noun, not the actor modifying it."""
    low = sent.low
    j = noun - 1
    while j >= 0:
        m = sent.ends.get(j + 1)
        if m is not None and (m.kind == "demonym" or (m.end < len(low) and low[m.end] == "'s")):
            j = m.start - 1  # "U.S. pressure", "Washington's pressure": who presses
        elif m is not None and m.end == noun:
            j = m.start - 1  # "U.S. pressure" with the name as a modifier
        elif low[j] in _DETERMINERS or low[j] in _PRESSURE_ADJECTIVES or low[j] == "'s":
            j -= 1
        elif low[j] in ("-", "day", "month", "year") or low[j].isdigit():
            j -= 1  # "won a 45-day waiver": how long it runs
        else:
            break
    if j < 0 or low[j] not in holders:
        return []
    group, how = subject(sent, j)
    return group if how != "control" else []


def _find_speaker(sent: _Sent) -> str | None:
    speech = sent.dicts.words["speech"]
    for j, low in enumerate(sent.low):
        if low not in speech:
            continue
        if low == "according":
            if j + 1 < len(sent.low) and sent.low[j + 1] == "to":
                m = _first_mention_after(sent, j + 2, 4)
                if m is not None:
                    sent.speaker_mention = m
                    return m.actor
            continue
        coordinated = _coordinated(sent, j)
        if coordinated:  # "Erdogan dismissed the sanctions and said ..."
            sent.speaker_mention = coordinated[0]
            return coordinated[0].actor
        # "..., Putin said" / "Putin said ..." / "said Putin"
        m = sent.ends.get(j)
        k = j - 1
        while m is None and k >= 0 and j - k <= 6 and sent.low[k] not in ('"', ",", "."):
            m = sent.ends.get(k)
            k -= 1
        if m is not None and not m.weak:
            sent.speaker_mention = m
            return m.actor
        group, how = subject(sent, j, limit=25)
        if group and how != "pronoun":
            sent.speaker_mention = group[0]
            # "Britain and France said ...": both speak.
            sent.speaker_others = sent.actors(group)[1:]
            return group[0].actor
        m = _first_mention_after(sent, j + 1, 2)
        if m is not None:
            sent.speaker_mention = m
            return m.actor
    return None


def _first_mention_after(sent: _Sent, start: int, window: int) -> Mention | None:
    for j in range(start, min(len(sent.low), start + window)):
        m = sent.starts.get(j)
        if m is not None and not m.weak:
            return m
    return None
