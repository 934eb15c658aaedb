"""Clause subjects, speakers and pronouns: a trigger's subject (through coordination, control
verbs, lists and "led by" groups), the speaker of reported speech, and the actors a subject or
object pronoun stands for.

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
    _CLAUSE_OPENERS,
    _CLAUSE_REACH,
    _CONTROL_VERBS,
    _DETERMINERS,
    _LED_GROUPS,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _VP_ADVERBS,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


def _valid_subject(sent: _Sent, m: Mention) -> bool:
    if m.weak or m.place:
        return False
    if m.end < len(sent.low) and sent.low[m.end] == "'s":
        return False
    k = m.start - 1
    while k >= 0 and sent.low[k] in _DETERMINERS | _ADJECTIVE_FILLERS:
        k -= 1
    return not (k >= 0 and sent.low[k] in sent.dicts.words["object_preps"])


def subject(sent: _Sent, index: int, limit: int = 30) -> tuple[list[Mention], str]:
    """The subject group of the clause before token `index`, and how it was found."""
    words = sent.dicts.words
    controlled = _controlled(sent, index)
    if controlled:
        return controlled, "control"
    coordinated = _coordinated(sent, index)
    if coordinated:
        return coordinated, "coordinated"
    j = index - 1
    while j >= 0 and index - j <= limit:
        low = sent.low[j]
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
            return [Mention(m.start, m.end, m.actor, "name")], "subject"
        if m is not None and m.start <= j and _valid_subject(sent, m) and not m.apposition:
            group = sent.group(m)
            if not _valid_subject(sent, group[0]) and not _listed(sent, group[0]):
                # "... including Russia and the United States, and Moscow has slammed":
                # the list before ", and" is an object; the subject starts at Moscow.
                group = [x for x in group if x.start >= m.start]
            return group, "subject"
        if low in _BARRIERS:
            break
        if low in words["speech"] and j < index - 1:
            break
        if low in _RELATIVES:
            k = j - 1
            if k >= 0 and sent.low[k] == ",":
                k -= 1
            ante = sent.antecedent(k + 1)
            if ante is not None and not ante.weak:
                return sent.group(ante), "relative"
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
        if m is not None:
            j = m.start - 1
            continue
        j -= 1
    return [], ""


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


def _coordinated(sent: _Sent, index: int) -> list[Mention]:
    """ "Zarif urged Turkey to end the incursion and offered to mediate": a verb right
    after "and" shares the subject of the verb it is coordinated with, which is the first
    actor of the clause (Zarif), not the nearest one (Turkey)."""
    low = sent.low
    k = index - 1
    while k >= 0 and low[k] in _VP_ADVERBS:
        k -= 1
    if k > 1 and low[k] == "to" and sent.ends.get(k) is None:
        k -= 2  # "and offered to mediate": the verb before the infinitive
        while k >= 0 and low[k] in _VP_ADVERBS:
            k -= 1
    if k < 1 or low[k] != "and" or sent.clause[k] != 0:
        return []
    start = k - 1
    while start > max(0, k - _CLAUSE_REACH) and low[start - 1] not in _CLAUSE_OPENERS:
        start -= 1
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
        before == "on" and before2 in ("call", "called", "calls", "calling")
    ):
        return sent.group(m)
    return []


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
        for m in reversed(sent.mentions):
            if m.end <= index and m.kind == "person":
                return [m]
        return _speaker_group(sent)
    for m in reversed(sent.mentions):  # it, they, its, their, them
        if m.end <= index and _valid_subject(sent, m) and m.actor not in exclude:
            return sent.group(m)
    if sent.speaker is not None:
        return _speaker_group(sent)
    if sent.previous is not None:
        for m in sent.previous.mentions:
            if _valid_subject(sent.previous, m):
                return [Mention(-1, -1, m.actor, m.kind)]
    return []


def resolve_object_pronoun(sent: _Sent, index: int, exclude: Iterable[str]) -> list[Mention]:
    """ "its", "them", "him" as a target: the nearest earlier actor of this sentence that is
    not the event's own source (never one from another sentence: too unsure)."""
    exclude = set(exclude)
    want_person = sent.low[index] in ("him", "her")
    for m in reversed(sent.mentions):
        if m.end > index or m.weak or m.place or m.actor in exclude:
            continue
        if want_person and m.kind != "person":
            continue
        return [m]
    return []


def _speaker_group(sent: _Sent) -> list[Mention]:
    if sent.speaker is None:
        return []
    return [
        Mention(-1, -1, actor, "speaker")
        for actor in dict.fromkeys((sent.speaker, *sent.speaker_others))
    ]
