"""Readings of the noun phrase before a verb that change who its subject is: companions
("along with", "together with", "not only X but": `_comitative`, `_relative_companions`),
lists and "led by" groups (`_listed`, `_led_by`), the head before a relative clause
(`_head_before_relative`), "with X ..." absolutes (`_absolute_with`), an earlier relative
(`_earlier_relative`), demonym-headed phrases (`_demonym_subject`), owners and possessors of
the subject noun (`_owner_of_subject_noun`, `_possessor_heads_clause`) and act agents
("Iranian-made drones": `_act_agent`).

Must not import pygame, `game.ui` or `game.authoring.coder`; `sentence_view` for types only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _BARRIERS,
    _BE,
    _DETERMINERS,
    _RELATIVES,
    _TARGET_STOPS,
    _VP_ADVERBS,
)
from game.authoring.pronouns import (
    _SUBJECT_OPENERS,
    _valid_subject,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_ACT_PARTICIPLES = frozenset(
    {"claimed", "launched", "carried", "fired", "conducted", "staged", "mounted", "waged"}
)
"""Participles whose agent did the act they follow: "strikes claimed by the Houthis"."""
_ACT_WEAPONS = frozenset({"drones", "missiles", "rockets", "shells", "bombs"})
"""Weapons named as acts: "missiles fired by Hezbollah hit ..."."""
_COMITATIVES = (["along", "with"], ["together", "with"])


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
