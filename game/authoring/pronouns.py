"""Pronoun and person resolution: the actors a subject pronoun (`resolve_pronoun`) or object
pronoun (`resolve_object_pronoun`) stands for, preferring earlier subjects and agreeing in
number (`_plural`, `_is_state`), and the speaker as a group (`_speaker_group`). Also holds the
tests of where a subject may stand that the subject search shares: `_valid_subject`,
`_subject_like` and `_SUBJECT_OPENERS`.

Must not import pygame, `game.ui` or `game.authoring.coder`; `sentence_view` for types only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _BARRIERS,
    _DETERMINERS,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
_SINGULAR_PRONOUNS = frozenset({"it", "its"})
_SUBJECT_OPENERS = _BARRIERS | frozenset(
    {",", "and", "that", "as", "after", "when", "since", "if", "before", "-", '"'}
)
"""Tokens after which a clause, and so its subject, starts."""


def _before_hyphen_modifier(sent: _Sent, k: int) -> int:
    """The token before a hyphenated participle ending at `k` ("Iran-allied", "U.S.-backed",
    "Saudi-led") and its name, or `k` when none ends there: in "a war against Iran-allied
    Houthis" the Houthis stand after "against", an object and no subject."""
    low = sent.low
    if k < 2 or low[k - 1] != "-" or not low[k].endswith("ed"):
        return k
    named = sent.ends.get(k - 1)
    return named.start - 1 if named is not None else k - 3


def _valid_subject(sent: _Sent, m: Mention) -> bool:
    if m.weak or m.place:
        return False
    if m.end < len(sent.low) and sent.low[m.end] == "'s":
        return False
    k = m.start - 1
    while k >= 0 and sent.low[k] in _ADJECTIVE_FILLERS:
        k -= 1
    k = _before_hyphen_modifier(sent, k)
    if k >= 0 and sent.low[k] in ("a", "an", "another") and m.kind != "role":
        return False  # "Turkey, a NATO member, bought ...": a name after "a" modifies a noun
    while k >= 0 and sent.low[k] in _DETERMINERS | _ADJECTIVE_FILLERS:
        k -= 1
    if k >= 1 and sent.low[k] in ("and", "or"):
        before = sent.ends.get(k)
        if before is not None and before.place:
            return False  # "in Iraq and Syria": a place coordinated with a place
    return not (k >= 0 and sent.low[k] in sent.dicts.words["object_preps"])


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
