"""Clause subjects, speakers and pronouns: a trigger's subject (through coordination with
"and"/"but", relative clauses and their companions, control verbs and pressure nouns,
participial and prepositional phrases between subject and verb, lists, "led by" groups, act
agents and demonym-headed phrases), the speaker of reported speech, and the actors a subject
or object pronoun stands for (preferring earlier subjects, agreeing in number).

Functions of a `_Sent` (the sentence view calls in here, passing itself). Must not import:
pygame, anything under `game.ui`, `game.authoring.coder`; `game.authoring.sentence_view` only
for type checking.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _BARRIERS,
    _BE,
    _CLAUSE_OPENERS,
    _CLAUSE_REACH,
    _CONTROL_VERBS,
    _DETERMINERS,
    _LED_GROUPS,
    _QUOTES,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _TARGET_STOPS,
    _VP_ADVERBS,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent

_COORDINATORS = frozenset({"and", "but", "yet"})
_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_SINGULAR_PRONOUNS = frozenset({"it", "its"})
_SUBJECT_OPENERS = _BARRIERS | frozenset(
    {",", "and", "that", "as", "after", "when", "since", "if", "before", "-", '"'}
)
"""Tokens after which a clause, and so its subject, starts."""
_MODALS = frozenset({"would", "will", "could", "can", "should", "might", "may", "must"})
_IRREGULAR_PAST = frozenset(
    {"said", "told", "gave", "made", "took", "sent", "met", "sought", "held", "struck", "sold"}
    | {"bought", "brought", "led", "won", "wrote", "spoke", "drew", "threw", "broke", "froze"}
)
"""Common irregular past forms (a finite past verb cannot follow a modal)."""
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
_ASPECTUAL = frozenset(
    {"keep", "keeps", "kept", "continue", "continues", "continued", "stop", "stops"}
    | {"stopped", "start", "started", "starts", "resume", "resumed", "resumes"}
)
"""Verbs of beginning, going on and ending, before the verb they govern ("keep buying")."""
_ACT_PARTICIPLES = frozenset(
    {"claimed", "launched", "carried", "fired", "conducted", "staged", "mounted", "waged"}
)
"""Participles whose agent did the act they follow: "strikes claimed by the Houthis"."""
_ACT_WEAPONS = frozenset({"drones", "missiles", "rockets", "shells", "bombs"})
"""Weapons named as acts: "missiles fired by Hezbollah hit ..."."""
_CONDITIONALS = frozenset({"if", "unless", "because", "although", "though"})
"""Openers of a conditional, causal or concessive clause, which a verb after ", and" leaves."""
_INDEFINITES = frozenset(
    {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "whoever"}
)
"""Indefinite pronouns: a clause whose subject is one has no actor as subject (nor the
speaker)."""
_SUBORDINATORS = frozenset({"after", "before", "when", "since", "until", "once", "unless"})
"""Words that open a subordinate clause, whose verb never takes a subject from before them."""
_PARENTHETICAL_OPENERS = frozenset(
    {"after", "before", "during", "despite", "following", "amid", "in", "on", "at", "like"}
    | {"unlike", "according", "meanwhile", "however", "too", "also"}
)
"""Words opening a comma-delimited phrase between a subject and its verb: "Turkey, after
weeks of talks with Russia, agreed ..."."""
_TIME_WORDS = frozenset(
    {"then", "last", "early", "late", "mid", "january", "february", "march", "april", "may"}
    | {"june", "july", "august", "september", "october", "november", "december", "years"}
    | {"months", "weeks", "days", "decades", "monday", "tuesday", "wednesday", "thursday"}
    | {"friday", "saturday", "sunday", "midnight", "dawn"}
)
"""Words after "since"/"after"/"before"/"until" that make a time phrase, not a clause."""
_AS_NOUN_OPENERS = frozenset({"a", "an", "its", "their", "his", "her", "part", "one"})
"""Words after "as" that open a noun phrase ("as a friendly country", "as part of"), where
"as" is a preposition and starts no clause."""
_ACCUSAL = frozenset(
    {"accused", "suspected", "charged", "convicted", "blacklisted", "sanctioned", "targeted"}
    | {"punished", "penalised", "penalized", "fined", "indicted", "designated"}
)
"""Participles that, right after a noun, describe it as accused or punished: "firms accused
of", "banks blacklisted for" (no active use puts a preposition right after them)."""
_ACCUSAL_PREPS = frozenset({"of", "for", "over"})
_PARTICIPLE_PREPS = frozenset({"from", "to", "in", "on", "at", "into", "across"})
_NOT_NOUNS = frozenset({"has", "was", "is", "as", "this", "its", "his", "us", "always", "thus"})
_AUXILIARIES = _BE | frozenset({"has", "have", "had", "being", "been", "get", "got"})
_COMITATIVES = (["along", "with"], ["together", "with"])
_PARTICIPIAL_REACH = 20
"""Tokens a participial phrase between a subject and its verb may span."""
_NOT_PARTICIPLES = frozenset({"including", "notably", "during", "according", "nothing", "king"})
"""Words in -ing that open no participial phrase ("..., including the UAE and Bahrain,")."""
"""Words joining two verb phrases of one subject: "backs the rebels but has worked with"."""


def _valid_subject(sent: _Sent, m: Mention) -> bool:
    if m.weak or m.place:
        return False
    if m.end < len(sent.low) and sent.low[m.end] == "'s":
        return False
    k = m.start - 1
    while k >= 0 and sent.low[k] in _ADJECTIVE_FILLERS:
        k -= 1
    if k >= 0 and sent.low[k] in ("a", "an", "another") and m.kind != "role":
        return False  # "Turkey, a NATO member, bought ...": a name after "a" modifies a noun
    while k >= 0 and sent.low[k] in _DETERMINERS | _ADJECTIVE_FILLERS:
        k -= 1
    if k >= 1 and sent.low[k] in ("and", "or"):
        before = sent.ends.get(k)
        if before is not None and before.place:
            return False  # "in Iraq and Syria": a place coordinated with a place
    return not (k >= 0 and sent.low[k] in sent.dicts.words["object_preps"])


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


_REALISING_PARTICIPLES = frozenset(
    {"signed", "imposed", "agreed", "concluded", "reached", "struck", "inked", "finalised"}
    | {"finalized", "launched", "carried", "conducted", "announced", "approved", "introduced"}
    | {"extended", "unveiled", "formed", "sealed", "brokered", "delivered", "provided"}
)
"""Participles that bring about the event a subject noun names, so their agent after "by" is
its doer: "a supply deal with Iraq was signed by Rosneft", "air strikes on the rebels were
carried out by Israel". Not verbs about an event ("criticised", "welcomed")."""
_AGENT_REACH = 12


def realising_passive_by(low: list[str], k: int) -> int:
    """Index of "by" when a passive of a realising verb starts at `k` ("was signed by", "were
    jointly carried out by"), else -1: its agent does the event the subject noun names."""
    if k >= len(low) or low[k] not in _BE:
        return -1
    p = k + 1
    if p < len(low) and low[p] in _VP_ADVERBS:
        p += 1  # "was jointly signed by"
    if p >= len(low) or low[p] not in _REALISING_PARTICIPLES:
        return -1
    by = p + 2 if low[p] == "carried" and low[p + 1 : p + 2] == ["out"] else p + 1
    return by if low[by : by + 1] == ["by"] else -1


def _agent_of_subject_noun(sent: _Sent, index: int) -> list[Mention]:
    """The agent of a passive whose subject noun phrase holds the trigger: in "Air strikes on
    Yemen were carried out by the coalition" the strikes are the coalition's. Only when the
    trigger's clause names no subject before it, its noun phrase runs unbroken to the passive,
    and the participle realises the event (`_REALISING_PARTICIPLES`)."""
    low = sent.low
    for k in range(index + 1, min(len(low), index + _AGENT_REACH)):
        if low[k] in (",", "that", "which", "who", "and", "or") or low[k] in _BARRIERS:
            return []
        if low[k] not in _BE:
            continue
        by = realising_passive_by(low, k)
        # "by the United States": a mention may leave the article out.
        agent = sent.starts.get(by + 1) or sent.starts.get(by + 2) if by > 0 else None
        if agent is None or agent.actor is None or agent.weak or agent.place:
            return []
        return sent.group(agent)
    return []


_FRONTING_PREPS = frozenset({"after", "before", "since", "while", "when", "upon", "by", "in"})
_FRONTED_REACH = 20


def _fronted_participle_subject(sent: _Sent, index: int) -> list[Mention]:
    """The subject of a participle clause that opens the sentence, which is the main clause's
    subject right after its comma: in "After blacklisting the firm, Washington said ..." or
    "Having armed the rebels for years, Turkey ..." Washington and Turkey do the act. Only
    when the clause opens with "<preposition> <-ing>", "having" or an -ing word, holds the
    trigger, and the word after its comma is an actor."""
    low = sent.low
    first = 1 if low[:1] and low[0] in _FRONTING_PREPS else 0
    if first >= len(low) or not (low[first].endswith("ing") or low[first] == "having"):
        return []
    if low[first] in _NOT_PARTICIPLES or sent.starts.get(first) is not None:
        return []
    comma = next(
        (k for k in range(index + 1, min(len(low), _FRONTED_REACH + 1)) if low[k] == ","), -1
    )
    if comma < 0 or any(t in _BARRIERS for t in low[first:comma]):
        return []
    m = sent.starts.get(comma + 1) or sent.starts.get(comma + 2)
    if m is None or m.actor is None or not _valid_subject(sent, m) or m.apposition:
        return []
    return sent.group(m)


def _reduced_passive_head(sent: _Sent, index: int) -> Mention | None:
    """The noun phrase a participle with an agent right after it describes: in "fought Taliban
    insurgents backed by Islamabad" the insurgents are the ones backed, even after a
    preposition ("a war against Houthi rebels backed by Tehran"), not the clause's subject.
    None when the participle follows no actor directly, or follows an auxiliary."""
    low = sent.low
    if index < 1 or index + 1 >= len(low) or low[index + 1] != "by":
        return None
    if not low[index].endswith(("ed", "en")) or low[index].endswith("ing"):
        return None
    m = sent.ends.get(index)
    if m is None or m.actor is None or m.weak or m.place:
        return None
    return m


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
                return sent.group(ante), "relative"
            if j > 0 and all(t in _VP_ADVERBS for t in sent.low[j + 1 : index]):
                # "countries that make purchases": "that" is the subject, and it stands
                # for a noun the dictionaries do not know, not for an earlier actor.
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


def _possessor_heads_clause(sent: _Sent, m: Mention, index: int) -> bool:
    """Whether `m` owns the subject noun of the clause the trigger at `index` is in: in
    'said that Iran's "activities in Syria have propped up Assad"' the activities are Iran's,
    so Iran acts, not the speaker. Only a possessive opening a clause (after "that", a speech
    verb or a quote mark) whose noun phrase reaches the trigger unbroken."""
    if m.actor is None or m.weak or m.place or m.end >= len(sent.low) or sent.low[m.end] != "'s":
        return False
    before = sent.low[m.start - 1] if m.start > 0 else ""
    if before not in ("that", '"') and before not in sent.dicts.words["speech"]:
        return False  # at the sentence start "Iraq's paramilitaries" act for themselves
    between = sent.low[m.end + 1 : index]
    return bool(between) and not any(
        t in (",", "that", "which", "who", "and", "but", "or") or t in _BARRIERS for t in between
    )


_MODALS_TO = _MODALS | frozenset({"to"})
_CAUSATIVES = frozenset({"help", "helps", "helped", "helping", "let", "lets", "make", "made"})


def verbal_deal(sent: _Sent, i: int) -> bool:
    """Whether "deal" at `i` is the verb of "deal with" ("to deal with the threat", "help the
    kingdom deal with Iranian influence"), not the noun of "a deal with Iran"."""
    low = sent.low
    if low[i] != "deal" or low[i + 1 : i + 2] != ["with"] or i == 0:
        return False
    if low[i - 1] in _MODALS_TO:
        return True
    before = sent.ends.get(i)
    return (
        before is not None
        and before.start > 0
        and low[before.start - 1] in _CAUSATIVES
        and low[i - 1] != "'s"
    )


def reduced_passive(sent: _Sent, index: int) -> bool:
    """Whether the trigger at `index` is a participle of accusation or punishment after its
    noun with no auxiliary or after a passive one ("Indian banks accused of helping Iranian
    oil", "Iran, accused of arming ...", "Qatar was accused of ..."): nobody named in the
    clause accuses, so the verb has no source (an agent after "by" is read before this). The
    doer of a gerund after it is `constructions.gerund_doer`'s."""
    low = sent.low
    if index + 1 >= len(low) or low[index] not in _ACCUSAL or low[index + 1] not in _ACCUSAL_PREPS:
        return False
    before = low[index - 1] if index > 0 else ""
    if before in (",", *_BE):
        return True
    return before.isalpha() and before not in _AUXILIARIES and before not in _SUBJECT_PRONOUNS


def reduced_participle(sent: _Sent, index: int) -> bool:
    """Whether the verb at `index` is a past participle describing the plain noun before it,
    with a preposition after and no agent ("towns recaptured from Islamic State", "oil shipped
    to China", "weapons supplied to the rebels"): a passive with no doer named, so the verb
    has no source (an earlier actor of the sentence did not do it)."""
    low = sent.low
    if index < 1 or index + 1 >= len(low) or low[index + 1] not in _PARTICIPLE_PREPS:
        return False
    verb = low[index]
    if not (verb.endswith(("ed", "en")) or verb in _IRREGULAR_PAST):
        return False
    noun = low[index - 1]
    if (
        not noun.isalpha()
        or not noun.endswith("s")
        or noun in _AUXILIARIES
        or noun in _NOT_NOUNS
        or sent.tokens[index - 1].text[:1].isupper()
        or sent.ends.get(index) is not None
    ):
        return False
    return "by" not in low[index + 1 : index + 9]


def _demonym_subject(sent: _Sent, m: Mention, index: int) -> bool:
    """Whether a demonym heads the noun phrase right before the verb at `index` and opens
    its clause, as in "two weeks after British Royal Marines detained ..." or "Israeli
    warplanes struck ...": the demonym's actor is the subject (the dictionaries need not
    know "Royal Marines")."""
    low = sent.low
    between = low[m.end : index]
    if not 1 <= len(between) <= 3 or any(not t.isalpha() for t in between):
        return False
    words = sent.dicts.words
    if any(t in _DETERMINERS or t in words["object_preps"] or t in _TARGET_STOPS for t in between):
        return False
    if any(t in words["goods"] or t in words["holdings"] for t in between):
        return False  # "Iranian oil exports rose": goods, not people
    k = m.start - 1
    return k < 0 or low[k] in _SUBJECT_OPENERS or low[k] in ("after", "before", "when", "as")


_OWNED_BY = frozenset(
    {"held", "controlled", "run", "operated", "used", "occupied", "owned", "manned"}
)
"""Participles that make the agent after "by" the owner of the noun before them."""


def _owner_of_subject_noun(sent: _Sent, m: Mention) -> bool:
    """Whether `m` owns the plain noun that opens the clause: in "Bases used by the militia
    were struck" or "Areas controlled by the rebels came under fire" the bases and areas stand
    for their owner, which the clause's verb is about (nothing else names its subject)."""
    low = sent.low
    k = m.start - 1 if m.start > 0 and low[m.start - 1] == "the" else m.start
    if m.actor is None or m.weak or m.place or k < 3 or low[k - 1] != "by":
        return False
    if low[k - 2] not in _OWNED_BY:
        return False
    noun = k - 3
    start = noun
    while start > 0 and low[start - 1] not in _BARRIERS and low[start - 1] != ",":
        start -= 1
    before = [x for x in sent.mentions if start <= x.start < k - 2 and x.actor is not None]
    return low[noun].isalpha() and low[noun] not in _BE and not before


def _act_agent(sent: _Sent, m: Mention) -> bool:
    """Whether `m` is the agent of an act that is its clause's subject: "Drone strikes
    claimed by the Houthis hit ...", "Attacks carried out by the PKK killed ..." (the act's
    doer is the doer of what the act does). Not "Militias backed by Iran attacked ...": the
    militias, not Iran, attacked."""
    low = sent.low
    k = m.start - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    if k < 1 or low[k] != "by":
        return False
    k -= 1
    if low[k] == "out" and k > 0:
        k -= 1  # "carried out by"
    if low[k] not in _ACT_PARTICIPLES:
        return False
    k -= 1
    acts = sent.dicts.words.get("act_hostility", ())
    if k < 0 or (low[k] not in acts and low[k] not in _ACT_WEAPONS):
        return False
    # The act opens its clause: at most a few modifiers ("drone", "the", "dozens of") and no
    # actor between it and the clause's start.
    for start in range(k, max(-1, k - 4), -1):
        if start == 0 or low[start - 1] in _SUBJECT_OPENERS:
            between = [sent.mention_at(n) for n in range(start, k)]
            return not any(x is not None and x.actor is not None for x in between)
        if low[start - 1] in sent.dicts.words["object_preps"]:
            return False
    return False


def _earlier_relative(sent: _Sent, k: int) -> int:
    """The comma before the ", which" a coordinated "and which" at `k` repeats, or -1."""
    for r in range(k - 1, 0, -1):
        if sent.low[r] in _BARRIERS:
            break
        if sent.low[r] in _RELATIVES and sent.low[r - 1] == ",":
            return r - 1
    return -1


def _comitative(sent: _Sent, group: list[Mention]) -> list[Mention]:
    """A subject with its companions: "Saudi Arabia, along with the UAE and Egypt, cut ties",
    "Riyadh, which (along) with the UAE and Egypt severed ties", "not only Riyadh but also
    Abu Dhabi cut ties" name all of them as the subject; empty when the group has none."""
    companions = _companions_after(sent, group)
    if companions:
        return group + companions
    low = sent.low
    k = group[0].start - 1
    if k >= 0 and low[k] == "the":
        k -= 1
    while k > 0 and low[k] == ",":
        # "which with the UAE, Bahrain and Egypt": the relative clause splits the list.
        member = sent.ends.get(k)
        if member is None or member.actor is None or member.place:
            return []
        group = [member, *group]
        k = member.start - 1 - (member.start > 0 and low[member.start - 1] == "the")
    if k >= 4 and low[k - 1 : k + 1] == ["but", "also"]:
        head = _not_only_head(sent, k - 1)
    elif k < 2 or low[k] != "with":
        return []
    elif low[k - 2 : k] in ([",", "along"], [",", "together"]):
        head = sent.ends.get(k - 2)
    elif low[k - 1] in ("which", "who") and low[k - 2] == ",":
        head = sent.antecedent(k - 2)
    elif k >= 3 and low[k - 2] in ("which", "who") and low[k - 1] in ("along", "together"):
        head = sent.antecedent(k - 3) if low[k - 3] == "," else None
    else:
        return []
    if head is None or head.weak or head.place:
        return []
    return sent.group(head) + group


def _singular_verb(words: list[str]) -> bool:
    """Whether the first verb-like word of a relative clause is singular: "has", "is",
    "was" or "does" (a plural subject takes "have", "are", "were")."""
    for word in words:
        if word in ("has", "is", "was", "does"):
            return True
        if word in ("have", "are", "were", "do") or word not in _VP_ADVERBS:
            return False
    return False


def _relative_companions(sent: _Sent, rel: int, index: int) -> list[Mention]:
    """Companions right after a relative pronoun at `rel`: "Russia, which along with Iran
    backs Assad" (Iran backs him too)."""
    low = sent.low
    k = rel + 1
    if low[k : k + 2] in _COMITATIVES:
        k += 2
    elif low[k : k + 1] == ["with"]:
        k += 1
    else:
        return []
    k += low[k : k + 1] == ["the"]
    companion = sent.starts.get(k)
    if companion is None or companion.actor is None or companion.place or k >= index:
        return []
    return [m for m in sent.group(companion) if m.end <= index]


def _companions_after(sent: _Sent, group: list[Mention]) -> list[Mention]:
    """Companions set off after a subject: ", along with X," (also past "and its allies")."""
    low = sent.low
    after = group[-1].end
    if low[after : after + 3] in (["and", "its", "allies"], ["and", "their", "allies"]):
        after += 3
    if low[after : after + 1] != [","]:
        return []
    if low[after + 1 : after + 3] not in _COMITATIVES:
        return []  # ", including X," after a subject is left alone: often a side remark
    k = after + 3
    k += low[k : k + 1] == ["the"]
    companion = sent.starts.get(k)
    if companion is None or companion.actor is None or companion.place:
        return []
    return sent.group(companion)


def _not_only_head(sent: _Sent, but: int) -> Mention | None:
    """The actor after "not only" that a "but also" at `but` continues."""
    low = sent.low
    for k in range(but - 1, max(0, but - 10), -1):
        if low[k - 1 : k + 1] == ["not", "only"]:
            at = k + 1 + (low[k + 1 : k + 2] == ["the"])
            return sent.starts.get(at)
    return None


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


def _participial_opening(sent: _Sent, close: int, index: int) -> int:
    """The opening comma of a participial phrase closed by the comma at `close` right before
    the verb at `index` ("Putin, speaking in Ankara alongside the leaders of Turkey and Iran,
    offered ..."; "Erdogan, angered by the vote in Washington, said ..."), when a possible
    subject stands before it; else -1. Actors inside such a phrase are never the subject."""
    low = sent.low
    if not all(t in _VP_ADVERBS for t in low[close + 1 : index]):
        return -1
    p = close - 1
    while p > 0 and close - p <= _PARTICIPIAL_REACH and low[p] not in _BARRIERS:
        if low[p] == ",":
            first = low[p + 1]
            participle = (
                (first.endswith("ing") and first not in _NOT_PARTICIPLES)
                or (first.endswith(("ed", "en")) and low[p + 2 : p + 3] in (["by"], ["in"], ["at"]))
                or first in _PARENTHETICAL_OPENERS
            )
            head = sent.ends.get(p)
            if participle and head is not None and _valid_subject(sent, head):
                return p
            return -1
        p -= 1
    return -1


def _listed(sent: _Sent, m: Mention) -> bool:
    """ "Gulf allies of Saudi Arabia, including the UAE and Bahrain, sided with": a list
    set off by "including" names the subject's members, so it is the subject."""
    k = m.start - 1
    while k >= 0 and sent.low[k] in _DETERMINERS:
        k -= 1
    if k < 0 or sent.low[k] not in ("including", "notably", "especially", "particularly"):
        return False
    return k > 0 and sent.low[k - 1] == ","


def _led_by(sent: _Sent, leader: Mention) -> list[Mention]:
    """ "a coalition led by Saudi Arabia launched ...": the leader is the subject; in
    "OPEC and its allies led by Russia agreed ...", so is the actor before "and its allies"."""
    group = sent.group(leader)
    k = leader.start - 2  # "led"
    j = k
    while j > 0 and k - j < 4 and sent.low[j - 1] not in ("and", ",", "."):
        j -= 1
    if j > 1 and sent.low[j - 1] == "and" and sent.low[j] in ("its", "their"):
        before = sent.ends.get(j - 1)
        if before is not None and not before.weak and not before.place:
            return sent.group(before) + group
    return group


_VERB_GROUP_WORDS = frozenset(
    {"been", "be", "being", "long", "still", "already", "now", "not", "never", "may", "might"}
    | {"can", "should", "must", "did", "does", "do", "since"}
)
"""Auxiliaries and adverbs inside a verb group after "and" ("and has long been at odds")."""


def _coordinated(sent: _Sent, index: int) -> list[Mention]:
    """ "Zarif urged Turkey to end the incursion and offered to mediate": a verb right
    after "and" shares the subject of the verb it is coordinated with, which is the first
    actor of the clause (Zarif), not the nearest one (Turkey)."""
    low = sent.low
    k = index - 1
    while k >= 0 and (
        low[k] in _VP_ADVERBS
        or low[k] in _ASPECTUAL
        or low[k] in _VERB_GROUP_WORDS
        or (low[k].endswith("ly") and sent.ends.get(k + 1) is None)
    ):
        k -= 1  # "and would keep buying", "and has long been at odds": the verb group
    k = _before_time_adverbial(low, k)
    while k >= 0 and low[k] in _VP_ADVERBS:
        k -= 1
    if k > 1 and low[k] == "to" and sent.ends.get(k) is None:
        k -= 2  # "and offered to mediate": the verb before the infinitive
        while k >= 0 and low[k] in _VP_ADVERBS:
            k -= 1
    if k > 1 and low[k] == "," and sent.headline and not _headline_participle(sent, index):
        # "Russia, Turkey, Iran fail to agree on panel, reject U.S. move": a headline joins
        # its verbs with commas; each shares the headline's first subject.
        return _first_subject(sent, 0, k)
    if k < 1 or low[k] not in _COORDINATORS:
        return []
    if sent.clause[k] != 0:
        # "Turkey, which backs the rebels but has worked closely with Russia, ...": inside a
        # relative clause the coordinated verb's subject is the relative's antecedent.
        return _relative_subject(sent, k)
    start = _clause_start(sent, k - 1, k)
    if start > 1 and low[start - 1] == "that" and _tense_breaks(sent, start, k, index):
        # "The ministry said that Syria would reopen the border and warned Jordan ...": a
        # past verb after a modal clause continues the clause that holds "that".
        start = _clause_start(sent, start - 2, k)
    found = _first_subject(sent, start, k)
    if not found and start > 1 and low[start - 1] == "that":
        # "has led a coalition that carried out strikes ..., and has trained ...": a "that"
        # clause with no subject of its own is a relative one; the verb continues the clause
        # holding it.
        found = _first_subject(sent, _clause_start(sent, start - 2, k), k)
    if found and k > 1 and low[k - 1] == ",":
        return _past_condition(sent, found, k, index) or found
    return found


_TIME_ADVERBIAL_WORDS = _TIME_WORDS | frozenset(
    {"on", "in", "this", "next", "earlier", "the", "end", "of", "week", "month", "year"}
    | {"weekend", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night"}
)
"""Words of a time adverbial ("last month", "on Monday", "earlier this year", "in 2017")."""
_TIME_ADVERBIAL_ANCHORS = _TIME_ADVERBIAL_WORDS - frozenset({"on", "in", "this", "the", "of"})
"""Words that make a run of `_TIME_ADVERBIAL_WORDS` a time adverbial rather than "in the"."""


def _before_time_adverbial(low: list[str], k: int) -> int:
    """The token before a time adverbial ending at `k` ("and last month launched": the
    "and"), or `k` itself when no time adverbial ends there. A time adverbial between a
    coordinator and its verb does not give the verb a new subject."""
    j = k
    while j >= 0 and (low[j] in _TIME_ADVERBIAL_WORDS or low[j][:1].isdigit()):
        j -= 1
    run = low[j + 1 : k + 1]
    if j < 0 or low[j] not in _COORDINATORS or len(run) > 4:
        return k
    if not any(t in _TIME_ADVERBIAL_ANCHORS or t[:1].isdigit() for t in run):
        return k
    return j


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


def _head_before_relative(sent: _Sent, group: list[Mention]) -> list[Mention]:
    """ "Oman, which hosts a British base, and Kuwait have backed ...": the subject group
    starts before the relative clause; the actors it describes, or [] when the group is not
    joined to such a head by ", and"."""
    low = sent.low
    first = group[0]
    k = first.start - 1
    while k >= 0 and low[k] in _DETERMINERS:
        k -= 1
    if k < 3 or low[k] != "and" or low[k - 1] != ",":
        return []
    inner = sent.clause[k - 2]
    if inner == 0 or inner == sent.clause[first.start]:
        return []
    t = k - 2
    while t >= 0 and sent.clause[t] == inner:
        t -= 1
    if t >= 0 and low[t] == ",":
        t -= 1
    head = sent.ends.get(t + 1)
    if head is None or head.weak or head.place or not _valid_subject(sent, head):
        return []
    if sent.clause[head.start] != sent.clause[first.start] or low[t + 2] not in _RELATIVES:
        return []
    b = head.start - 1
    while b >= 0 and low[b] in _DETERMINERS | _ADJECTIVE_FILLERS:
        b -= 1
    if b >= 0 and low[b] not in _SUBJECT_OPENERS and low[b] not in sent.dicts.words["speech"]:
        return []  # "Egypt criticised Oman, which ..., and Kuwait backed": Oman is an object
    return [x for x in sent.group(head) if x.actor not in {g.actor for g in group}]


def _absolute_with(sent: _Sent, index: int) -> list[Mention]:
    """ "..., with the UAE reopening its embassy in Damascus": in an absolute "with" clause
    the actor right before the -ing verb is its subject, though "with" otherwise makes an
    object. Only after a comma or at the start of the sentence, where "with" opens a clause
    ("talks with Iran ending" is no such clause)."""
    low = sent.low
    if not low[index].endswith("ing"):
        return []
    k = index - 1
    while k >= 0 and (
        low[k] in _VP_ADVERBS or (low[k].endswith("ly") and sent.ends.get(k + 1) is None)
    ):
        k -= 1  # "with Egypt strongly backing": past a manner adverb (not "Italy")
    m = sent.ends.get(k + 1)
    if m is None or m.actor is None or m.weak or m.place:
        return []
    group = sent.group(m)
    j = min(x.start for x in group) - 1
    while j >= 0 and low[j] in _DETERMINERS | _ADJECTIVE_FILLERS:
        j -= 1
    if j >= 0 and low[j] == "with" and (j == 0 or low[j - 1] == ","):
        return group
    return []


def _unknown_participle_head(sent: _Sent, index: int) -> bool:
    """ "regards foreign troops invited by Baghdad as legitimate": the participle's subject is
    the noun right before it, which names no actor; the clause's subject is not it."""
    low = sent.low
    head = sent.ends.get(index)
    if head is None or head.actor is not None or index + 1 >= len(low):
        return False
    return low[index + 1] == "by" and low[index].endswith(("ed", "en"))


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


def _headline_participle(sent: _Sent, index: int) -> bool:
    """Whether the word at `index` opens a participial phrase ("Hariri, backed by Riyadh,
    resigns"), not a coordinated headline verb."""
    after = sent.low[index + 1] if index + 1 < len(sent.low) else ""
    return after == "by" or sent.low[index].endswith("ing")


def _past_condition(sent: _Sent, found: list[Mention], k: int, index: int) -> list[Mention]:
    """ "Iran warned that it would strike if Baghdad failed to act, and accused Riyadh ...":
    after ", and" a verb does not continue a conditional or concessive clause ("if",
    "unless", "because", "although"); it continues the clause that holds it. Returns the
    subject of that clause, or nothing when the subject found is in no such clause."""
    low = sent.low
    start = _clause_start(sent, found[0].start, k)
    if start < 2 or low[start - 1] not in _CONDITIONALS:
        return []
    up = _clause_start(sent, start - 2, k)
    while up > 1 and low[up - 1] == "that" and _tense_breaks(sent, up, k, index):
        up = _clause_start(sent, up - 2, k)  # "said that Tehran would act if ...": the speaker
    return _first_subject(sent, up, start - 1)


def _first_subject(sent: _Sent, start: int, k: int) -> list[Mention]:
    """The group of the first actor between `start` and `k` that can be a subject."""
    first = bisect.bisect_left(sent.mention_starts, start)
    for m in sent.mentions[first:]:
        if m.start >= k:
            break
        if m.start == 0 and sent.tokens[0].text.isupper() and len(sent.tokens[0].text) > 2:
            continue  # a dateline: "ANKARA, July 12 -"
        if sent.clause[m.start] != 0 or m.apposition or not _valid_subject(sent, m):
            continue
        return [x for x in sent.group(m) if x.start < k]
    return []


def _clause_start(sent: _Sent, start: int, k: int) -> int:
    """Where the clause holding token `start` begins (after an opener), at most
    `_CLAUSE_REACH` tokens before `k`. "since 2014", "after May" open no clause."""
    low = sent.low
    while start > max(0, k - _CLAUSE_REACH):
        if (
            low[start - 1] in _CLAUSE_OPENERS
            and not _time_phrase(low, start)
            and not _predicative_as(low, start)
        ):
            break
        start -= 1
    return start


def _predicative_as(low: list[str], start: int) -> bool:
    """Whether "as" before `start` introduces a noun phrase, not a clause: "regarded Pakistan as
    a reliable partner and supported ...", "sees Cairo as its partner" (the verb after "and"
    still belongs to the clause holding "regarded")."""
    return low[start - 1] == "as" and start < len(low) and low[start] in _AS_NOUN_OPENERS


def _time_phrase(low: list[str], start: int) -> bool:
    """Whether the opener before `start` heads a time phrase, not a clause: "since 2014",
    "after last year's vote", "until then"."""
    if low[start - 1] not in ("since", "after", "before", "until"):
        return False
    word = low[start] if start < len(low) else "."
    return word[:1].isdigit() or word in _TIME_WORDS


def _tense_breaks(sent: _Sent, start: int, k: int, index: int) -> bool:
    """Whether the verb at `index` cannot share the tense of the "that" clause from `start`
    to the coordinator at `k`: that clause's verb takes a modal ("would", "could") and this
    one is a finite past ("warned", "said")."""
    verb = sent.low[index]
    past = verb.endswith("ed") or verb in _IRREGULAR_PAST
    if not past or any(t in ("has", "have", "had") for t in sent.low[k + 1 : index]):
        return False
    return any(t in _MODALS for t in sent.low[start:k])


def _relative_subject(sent: _Sent, k: int) -> list[Mention]:
    """The antecedent of the ", which/who ..." clause token `k` is in, when the relative
    pronoun is that clause's subject ("which sells arms to Riyadh and provides ..."); nothing
    when the clause has a subject of its own ("which it considers an ally and ...")."""
    low = sent.low
    clause = sent.clause[k]
    r = k - 1
    while r > 0 and sent.clause[r] == clause and low[r] not in _RELATIVES:
        r -= 1
    if r < 2 or low[r] not in _RELATIVES - {"whose", "whom"} or low[r - 1] != ",":
        return []
    after = r + 1
    while after < k and low[after] in _VP_ADVERBS:
        after += 1
    if sent.starts.get(after) is not None or low[after] in _SUBJECT_PRONOUNS:
        return []
    ante = sent.antecedent(r - 1)
    if ante is None or ante.weak or ante.actor is None:
        return []
    if _singular_verb(low[r + 1 : k]) and not (ante.kind == "pair" or ante.extra):
        return [ante]  # "India and Turkey, which has ... and is ...": Turkey alone
    return sent.group(ante)


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


def resolve_pronoun(sent: _Sent, index: int, exclude: Iterable[str] = ()) -> list[Mention]:
    """What a pronoun at `index` most likely refers to (crude, clearly so: confidence drops)."""
    exclude = set(exclude)
    low = sent.low[index]
    if low in ("we", "i", "our", "us") or sent.in_quote[index]:
        return _speaker_group(sent)
    if low in ("he", "she", "him", "her", "his"):
        persons = [m for m in reversed(sent.mentions) if m.end <= index and m.kind == "person"]
        if not persons:
            return _speaker_group(sent)
        nearest = persons[0]
        if not _subject_like(sent, nearest) and sent.low[nearest.end : nearest.end + 2] != [
            ",",
            "who",
        ]:
            # "Lavrov urged Iran to stop arming President Assad and ..., which he called":
            # the person named as an object is less likely "he" than the clause's subject.
            subjects = [m for m in persons[1:] if _subject_like(sent, m)]
            if subjects:
                return [subjects[0]]
        return [nearest]
    candidates = [  # it, they, its, their, them
        m
        for m in reversed(sent.mentions)
        if m.end <= index and _valid_subject(sent, m) and m.actor not in exclude
    ]
    if candidates:
        if low in _PLURAL_PRONOUNS:
            agreeing = [m for m in candidates if _plural(sent, m)] or candidates
        else:
            agreeing = [m for m in candidates if not _plural(sent, m)] or candidates
        # A pronoun subject continues the topic: in "Washington blacklisted Hezbollah, but it
        # also funds the army" "it" is Washington, the earlier subject, not the nearer object.
        subjects = [m for m in agreeing if _subject_like(sent, m)]
        return sent.group((subjects or agreeing)[0])
    owner = _possessive_subject(sent, index)
    if owner is not None:
        return [owner]
    if sent.speaker is not None:
        return _speaker_group(sent)
    if sent.previous is not None:
        for m in sent.previous.mentions:
            if not _valid_subject(sent.previous, m):
                continue
            if (
                low in _PLURAL_PRONOUNS
                and _is_state(sent.previous, m)
                and not _plural(sent.previous, m)
            ):
                continue  # "they" is never one state named alone
            return [Mention(-1, -1, m.actor, m.kind)]
    return []


def _possessive_subject(sent: _Sent, index: int) -> Mention | None:
    """The owner of a subject the dictionaries do not know: in "The kingdom's state-owned arms
    company said it had signed ..." "it" is the company, which acts for the kingdom. Only a
    sentence-initial possessive before the pronoun, with no other actor between."""
    first = next((m for m in sent.mentions if m.actor is not None), None)
    if first is None or first.weak or first.place or first.end >= index:
        return None
    if sent.low[first.end] != "'s" or any(t not in _DETERMINERS for t in sent.low[: first.start]):
        return None
    later = [m for m in sent.mentions if first.end <= m.start < index and not m.weak]
    return None if later else first


def resolve_object_pronoun(sent: _Sent, index: int, exclude: Iterable[str]) -> list[Mention]:
    """ "its", "them", "him", "with it" as a target: the nearest earlier actor of this sentence
    that is not the event's own source (never one from another sentence: too unsure) and
    agrees in number when one does ("their foe" is the coordinated states', not Qatar's)."""
    exclude = set(exclude)
    pronoun = sent.low[index]
    want_person = pronoun in ("him", "her")
    candidates = [
        m
        for m in reversed(sent.mentions)
        if m.end <= index
        and not m.weak
        and not m.place
        and m.actor not in exclude
        and (not want_person or m.kind == "person")
    ]
    if not candidates:
        return []
    if index > 0 and sent.low[index - 1] == "," and pronoun in ("its", "their"):
        # "buying oil from Iran, its third-largest supplier": "its" in an apposition cannot be
        # the head it describes, and is the clause's subject rather than a nearer object.
        subjects = [m for m in candidates if _subject_like(sent, m)]
        if subjects:
            candidates = subjects + [m for m in candidates if m not in subjects]
    if pronoun in _PLURAL_PRONOUNS:
        plural = [m for m in candidates if _plural(sent, m)]
        if plural:
            group = [x for x in sent.group(plural[0]) if x.actor not in exclude]
            return group or plural[:1]
        # A state named alone is "it": "wants Baghdad to rein in the groups and has
        # designated their leaders" is about the groups, not Iraq.
        candidates = [m for m in candidates if not _is_state(sent, m)]
        return candidates[:1]
    elif pronoun in _SINGULAR_PRONOUNS:
        singular = [m for m in candidates if not _plural(sent, m)]
        if singular:
            return singular[:1]
    return candidates[:1]


def _is_state(sent: _Sent, m: Mention) -> bool:
    """Whether a mention names a state by its name or capital (a role such as "Iraqi
    officials" is plural and may be "they")."""
    entry = sent.dicts.actors.get(m.actor) if m.actor is not None else None
    return entry is not None and entry.kind == "state" and m.kind in ("name", "capital")


def _subject_like(sent: _Sent, m: Mention) -> bool:
    """Whether a mention stands where a clause's subject stands: first in the sentence or
    right after a clause opener (", ", "and", "but", "that", "while"...), past determiners
    and adjectives, and not inside an apposition or relative clause, nor a dateline."""
    if m.apposition or sent.clause[m.start] != 0:
        return False
    k = m.start - 1
    while k >= 0 and sent.low[k] in _DETERMINERS | _ADJECTIVE_FILLERS:
        k -= 1
    if k < 0:
        first = sent.tokens[m.start].text
        return not (first.isupper() and len(first) > 2)  # "BEIRUT, May 2 (Reuters) -"
    if sent.low[k] not in _SUBJECT_OPENERS:
        return False
    if sent.low[k] in (",", "and"):
        # After a comma or "and" a noun phrase followed by a preposition is more often a
        # listed object ("trains Hezbollah in Lebanon and militias in Iraq") than a subject,
        # and one after a place is a place too ("in Iraq and Syria").
        after = sent.low[m.end] if m.end < len(sent.low) else "."
        before = sent.ends.get(k)
        if sent.low[k] == "and" and before is not None and before.place:
            return False
        return after not in sent.dicts.words["object_preps"] and after != "."
    return True


def _plural(sent: _Sent, m: Mention) -> bool:
    """Whether a mention is grammatically plural: a coordinated group, a pair ("the two
    countries"), or a plural noun naming a non-state actor ("the Houthis", "rebels"); a
    state's name is singular even when it ends in -s ("the United States")."""
    if m.kind == "pair" or m.extra:
        return True
    if m.start < 0:
        return False
    if len(sent.actors(sent.group(m))) >= 2:
        return True
    last = sent.low[m.end - 1]
    entry = sent.dicts.actors.get(m.actor) if m.actor is not None else None
    if entry is not None and entry.kind == "state":
        return False
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _speaker_group(sent: _Sent) -> list[Mention]:
    if sent.speaker is None:
        return []
    return [
        Mention(-1, -1, actor, "speaker")
        for actor in dict.fromkeys((sent.speaker, *sent.speaker_others))
    ]
