"""Finding an event's target: the mention after the pattern's preposition, relational nouns and
adjectives ("Iran's ally", "the Saudi-led coalition"), anaphora back to earlier events ("condemned
the measures"), the seller of goods, and the target of a join ("joined the coalition").

Must not import: pygame, anything under `game.ui`; `game.authoring.coder` only for type
checking (the coder calls in here, passing itself).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.dictionary import Pattern
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _ANAPHORA_REACH,
    _ANAPHORIC,
    _BARRIERS,
    _BE,
    _RELATIONAL_ADJECTIVES,
    _TARGET_STOPS,
)
from game.authoring.passives import realising_passive_by
from game.authoring.patterns import _Compiled
from game.authoring.pronouns import _speaker_group, _valid_subject, resolve_object_pronoun
from game.authoring.sentence_view import _Sent
from game.authoring.subjects import subject
from game.scenario.model import Status

if TYPE_CHECKING:
    from game.authoring.coder import Coder


_ADJUNCT_OPENERS = frozenset(
    {";", ".", "despite", "amid", "because", "although", "though", "whereas", "while"}
)
"""Words that end a trigger's reach even right after it: in "which Turkey has bought despite
objections from Washington" the "from" belongs to the objections, not to the purchase."""


def _prep_target(
    sent: _Sent,
    comp: _Compiled,
    start: int,
    window: int,
    preps: Sequence[tuple[str, ...]] | None = None,
    exclude: Iterable[str] = (),
) -> list[Mention]:
    preps = comp.preps if preps is None else preps
    low = sent.low
    j = start
    stop = min(len(low), start + max(window, 1) + 1)
    agent_only = tuple(preps) == (("by",),)
    while j < stop:
        by = realising_passive_by(low, j) if agent_only else -1
        if by > 0:
            # "a defence pact with Oman was signed by Qatar": the noun's doer is the agent.
            stop = min(len(low), stop + by - j)
            j = by
            continue
        stop_here = low[j] in _ADJUNCT_OPENERS or (
            low[j] in _TARGET_STOPS and low[j] != "," and j > start
        )
        if stop_here and (low[j] != "to" or ("to",) not in preps):
            break
        skip = _beneficiary_end(sent, comp, j)
        if skip > j:
            stop = min(len(low), stop + skip - j)  # "a war in support of X against Y"
            j = skip
            continue
        for phrase in preps:
            if tuple(low[j : j + len(phrase)]) == phrase:
                group, _ = sent.target_after(j + len(phrase), 4, True, exclude, direct=False)
                if group and _located_beneficiary(sent, comp, j + len(phrase), group[0]):
                    return []
                if group:
                    return group + _repeated_prep(sent, group[-1].end, phrase, exclude)
        j += 1
    return []


_ON_BEHALF = frozenset(
    {("in", "support", "of"), ("in", "defence", "of"), ("in", "defense", "of")}
    | {("on", "behalf", "of"), ("in", "aid", "of"), ("in", "solidarity", "with")}
    | {("on", "the", "side", "of"), ("alongside",)}
)
"""Phrases naming those an act is done for: in "a campaign in support of the Afghan army
against the Taliban" the army is helped, and the Taliban is what the campaign is against."""


def _beneficiary_end(sent: _Sent, comp: _Compiled, j: int) -> int:
    """Where a phrase naming those a hostile act helps, opening at token `j`, ends (past its
    noun phrase), or `j` when none opens there or the event is itself one of help."""
    if comp.pattern.kind in ("support", "alliance", "cooperation"):
        return j
    low = sent.low
    for phrase in _ON_BEHALF:
        if tuple(low[j : j + len(phrase)]) == phrase:
            k = j + len(phrase)
            group, _ = sent.target_after(k, 3, True, direct=False)
            ends = [m.end for m in group if m.start >= 0]
            return max(ends) if ends else k
    return j


def _located_beneficiary(sent: _Sent, comp: _Compiled, start: int, m: Mention) -> bool:
    """ "its support for militias in Syria and Lebanon": the ones helped are named by a noun
    the dictionaries do not know, and the country after "in" is only where they are. Helping
    someone in a country is not helping the country (striking targets there still hits it)."""
    if comp.pattern.kind not in ("support", "alliance") or not m.place or m.start - start < 2:
        return False
    return (
        sent.low[m.start - 1] in sent.dicts.words["locative"]
        and sent.low[m.start - 2] in _BENEFICIARY_NOUNS
    )


_BENEFICIARY_NOUNS = frozenset(
    {"groups", "militias", "militants", "fighters", "factions", "proxies", "movements"}
    | {"allies", "partners", "clients", "organisations", "organizations", "insurgents"}
)
"""Plural nouns for those helped ("support for militias in Syria"); a place noun before "in"
("troops deployed to a base in Qatar") still lets the country be the one helped."""


def _repeated_prep(
    sent: _Sent, end: int, phrase: tuple[str, ...], exclude: Iterable[str]
) -> list[Mention]:
    """Further targets after the same preposition repeated: "backing of the Houthis in Yemen
    and of Hezbollah in Lebanon", "sanctions on Iran and on Syria" (a place phrase such as "in
    Yemen" may come between)."""
    low = sent.low
    k = end
    if k + 1 < len(low) and low[k] in sent.dicts.words["locative"]:
        k += 1  # "in Yemen", "in the Gaza Strip": a place, named or not
        if low[k] == "the":
            k += 1
        place = sent.mention_at(k)
        if place is not None:
            k = place.end
        while k < len(low) and sent.tokens[k].text[:1].isupper() and sent.mention_at(k) is None:
            k += 1
    if low[k : k + 1] == [","]:
        k += 1
    if low[k : k + 1] != ["and"] or tuple(low[k + 1 : k + 1 + len(phrase)]) != phrase:
        return []
    more, _ = sent.target_after(k + 1 + len(phrase), 0, True, exclude, direct=False)
    return more


_COUNTS = frozenset({"one", "two", "three", "four", "five", "several", "some"})
"""Counts before "of" in an apposition naming some of a group: "two of its closest allies"."""


def _relational(sent: _Sent, comp: _Compiled, i: int, j: int):
    """Sources and targets of a relational noun: ally, backer, rival, partner, proxy."""
    low = sent.low
    targets: list[Mention] = []
    sources: list[Mention] = []
    penalty = 0.0
    # Target: "ally of Assad", "alliance with Iran".
    if comp.preps:
        targets = _prep_target(sent, comp, j, 1)
    # Possessor or modifier before: "Assad's other key backer", "rebel supporter Turkey".
    k = i - 1
    skip = _ADJECTIVE_FILLERS | _RELATIONAL_ADJECTIVES
    skip |= {"'s", "a", "an", "the", "two", "three"}
    while (
        k >= 0
        and (
            low[k] in skip
            or (  # an unknown capitalised adjective: "its closest Arab ally"
                sent.tokens[k].text[:1].isupper()
                and low[k].isalpha()
                and sent.mention_ending(k + 1) is None
                and k > 0
                and low[k - 1] in skip | {"its", "their"}
            )
        )
    ):
        k -= 1
    before = sent.mention_ending(k + 1)
    if before is not None and (before.kind == "demonym" or before.actor in sent.dicts.actors):
        # "its closest Arab ally", "its NATO ally Turkey": after "its" the name describes the
        # ally (a possessor would take "'s"), and "its" names the other party.
        k2 = before.start - 1
        while k2 >= 0 and low[k2] in _ADJECTIVE_FILLERS:
            k2 -= 1
        if k2 >= 0 and low[k2] in ("its", "their"):
            before, k = None, k2
    pronoun = k if before is None and k >= 0 and low[k] in ("its", "their") else -1
    np_start = before.start if before is not None else k + 1
    if before is not None and before.kind == "pair":
        # "the two NATO allies": the relation holds between the two.
        return sent.group(before), targets, 0.05
    if np_start > 1 and low[np_start - 1] in ("two", "both") and not targets:
        # "Washington and Ankara, two NATO allies": between the members of the head.
        head = sent.mention_ending(np_start - 2) if low[np_start - 2] == "," else None
        if head is not None and not head.weak and len(sent.actors(sent.group(head))) >= 2:
            return sent.group(head), [], 0.05
    if (
        before is not None
        and before.start > 1
        and low[before.start - 1 : before.start]
        in (
            ["two"],
            ["both"],
        )
    ):
        head = sent.mention_ending(before.start - 2) if low[before.start - 2] == "," else None
        if head is not None and not head.weak and len(sent.actors(sent.group(head))) >= 2:
            if _patron_modifier(sent, before, targets):
                # "Spain and Greece, two U.S. allies": allies of the United States.
                return sent.group(head), sent.group(before), 0.05
            return sent.group(head), [], 0.05
    if before is not None and before.actor is not None:
        if targets:
            sources = [before]
        else:
            targets = sent.group(before)
    after = sent.mention_at(j)
    if after is None and pronoun >= 0 and j + 1 < len(low) and low[j] == ",":
        # "Its European partners, Germany's Uniper and Austria's OMV, have funded ...":
        # the list in apposition after the noun names the partners.
        after = sent.mention_at(j + 1)
        if after is not None and sent._possessed(after) is not None:
            after = sent._possessed(after)
    if after is None and _counted(low, np_start) and low[j : j + 1] == [","]:
        after = sent.mention_at(j + 1)  # "two U.S. allies, Spain and Greece, ..."
    if not sources and after is not None and after.actor is not None:
        sources = sent.group(after)  # "rebel supporter Turkey"
    if not sources and np_start > 0:
        pair = sent.mention_ending(np_start)
        if pair is not None and pair.kind == "pair":
            sources = sent.group(pair)  # "the two Damascus allies": both, of Damascus
    if not sources:
        s = np_start - 1
        while s >= 0 and (
            low[s] in ("the", "a", "an", "another", "its", "their", "of", "both", "all")
            or low[s] in _COUNTS  # "Saudi Arabia and the UAE, two of Washington's allies"
            or low[s] in _ADJECTIVE_FILLERS
            or low[s] in _RELATIONAL_ADJECTIVES
        ):
            s -= 1  # "Saudi Arabia, a close U.S. partner": past the adjectives
        if s > 0 and low[s] == "and":
            # "Riyadh, its closest Arab ally and a major buyer of ...": the same apposition.
            back = s - 1
            while back > 0 and s - back < 8 and low[back] not in (",", ".", ";"):
                back -= 1
            if low[back] == ",":
                s = back
        if s >= 0 and low[s] == ",":  # apposition: "Tehran, Assad's other key backer"
            head = sent.mention_ending(s)
            if head is not None and not head.weak:
                sources = sent.group(head)
        elif s >= 0 and low[s] in _BE | {"remains", "remained", "become", "became"}:
            group, _how = subject(sent, s)
            sources = group
            penalty = 0.05
    if pronoun >= 0 and sources and not targets:
        # "Riyadh, its closest Arab ally": its = the actor before, other than Riyadh.
        targets = resolve_object_pronoun(sent, pronoun, sent.actors(sources))
        if not targets and pronoun == 0 and sent.previous is not None:
            # Sentence-initial "Its": the previous sentence's subject.
            for m in sent.previous.mentions:
                if _valid_subject(sent.previous, m) and m.actor not in sent.actors(sources):
                    targets = [Mention(-1, -1, m.actor, m.kind)]
                    break
    # '"Turkey is a reliable partner," Putin said': a partner of the speaker's side.
    if (
        sources
        and not targets
        and sent.speaker is not None
        and sent.speaker not in sent.actors(sources)
    ):
        targets = _speaker_group(sent)
        penalty += 0.1
    if comp.pattern.kind == "alliance" and _firm_among(sent, sources + targets):
        # "Alexei Miller, a long-time ally of Putin": a firm's chief's patronage, not an
        # alliance between a company and a state.
        return [], [], penalty
    return sources, targets, penalty


def _patron_modifier(sent: _Sent, before: Mention, targets: list[Mention]) -> bool:
    """Whether the actor modifying a counted relational noun ("two U.S. allies") is the
    other party: a state, a person or an armed group is, while "two NATO allies" are allies
    of each other inside the organisation."""
    if targets or before.kind == "pair" or before.actor not in sent.dicts.actors:
        return False
    return sent.dicts.actors[before.actor].kind.value != "organisation"


def _counted(low: list[str], np_start: int) -> bool:
    """Whether a count opens the noun phrase starting at `np_start` ("two U.S. allies")."""
    return np_start > 0 and (low[np_start - 1] in _COUNTS or low[np_start - 1] == "both")


def _firm_among(sent: _Sent, mentions: list[Mention]) -> bool:
    actors = sent.dicts.actors
    return any(m.actor in actors and actors[m.actor].kind.value == "firm" for m in mentions)


def _anaphora(
    coder: Coder, sent: _Sent, pattern: Pattern, j: int, end: int, exclude: Iterable[str]
) -> list[Mention]:
    """The doer of an act the object refers to: "condemned the Turkish operation" (named in
    the object), "the decision by Washington", or, for a definite "condemned the measures",
    "welcomed the move", the source of the latest such act in the last few sentences.
    For `retaliation`, whoever last acted against the source ("vowed to retaliate")."""
    exclude = set(exclude)
    low = sent.low
    if pattern.anaphora == "act":
        for k in range(j, end):
            m = sent.mention_at(k)
            if m is not None and m.actor is not None and not m.place and m.actor not in exclude:
                return sent.group(m) if not m.weak else [m]
        if end < len(low) and low[end] in ("by", "of", "from"):
            after, _ = sent.target_after(end + 1, 2, False, exclude, direct=False)
            if after:
                return after
        if not any(low[k] in _ANAPHORIC for k in range(j, end)):
            return []
        noun = low[end - 1]
        words = coder.dicts.words
        if noun in words.get("act_sanction", ()):
            kinds = {"sanction"}
        elif noun in words.get("act_hostility", ()):
            kinds = {"hostility"}
        elif noun in words.get("act_accusation", ()):
            kinds = {"accusation"}
        else:
            kinds = {"sanction", "hostility", "stance", "deal"}
    else:
        kinds = {"sanction", "hostility"}
        if _condition_actor(sent, j, exclude):
            # "would retaliate if Washington barred the jets": it answers a condition, not
            # the act someone did to it before; a threat the gold lists leave out, so no
            # target is guessed.
            return []
    current = sent.sentence.index
    for event in reversed(sent.history):
        if current - event.sentence > _ANAPHORA_REACH:
            break
        if set(event.actors) & exclude:
            continue
        kind = "accusation" if event.code in ("111", "112") else event.kind
        if kind not in kinds or event.status != Status.ACTIVE:
            continue  # "the move" is something done, not threatened or planned
        if pattern.anaphora == "retaliation" and not set(event.targets) & exclude:
            continue
        if pattern.kind == "support" and set(event.targets) & exclude:
            continue  # welcoming what was done for oneself adds nothing to that relation
        return [Mention(-1, -1, actor, "name") for actor in event.actors]
    return []


def _condition_actor(sent: _Sent, j: int, exclude: set[str]) -> list[Mention]:
    """ "would retaliate if Washington barred the jets": the named subject of a condition
    right after a retaliation verb (whom it would answer); nothing when the condition names
    none ("if attacked")."""
    low = sent.low
    for k in range(j, min(len(low) - 1, j + 4)):
        if low[k] in ("if", "unless", "should"):
            m = sent.mention_at(k + 1) or sent.mention_at(k + 2)
            if m is None or m.actor is None or m.place or m.weak or m.actor in exclude:
                return []
            return sent.group(m)
        if low[k] in _BARRIERS or low[k] == ",":
            break
    return []


def _goods_seller(coder: Coder, sent: _Sent, j: int, window: int) -> list[Mention]:
    """For "buy Russian gas": the actor of a demonym right before a kind of goods."""
    goods = coder.goods
    low = sent.low
    k = j
    while k < len(low) and k <= j + window:
        m = sent.mention_at(k)
        if m is not None and m.actor is not None and not m.place:
            for n in range(m.start + 1, min(len(low), m.end + 3)):
                if any(tuple(low[n : n + len(g)]) == g for g in goods.get(low[n], ())):
                    return [m]
            return []
        if low[k] in _TARGET_STOPS:
            return []
        k += 1
    return []


def _join_target(coder: Coder, sent: _Sent, end: int) -> list[Mention]:
    """For "X joined the pact": the agreement's lead party (its host or first party)."""
    for a in sent.agreements:
        if end - 4 <= a.start <= end + 3:
            entry = coder.dicts.agreements[a.agreement]
            lead = entry.host or (entry.parties[0] if entry.parties else None)
            if lead is not None:
                return [Mention(a.start, a.end, lead, "name")]
    targets, _ = sent.target_after(end, 3)
    return targets


_OBJECT_PRONOUNS = frozenset({"it", "they", "he", "she"})
_RELATIVE_AUXILIARIES = frozenset({"has", "have", "had", "also", "already", "recently"})


def object_relative_target(sent: _Sent, sources: list[Mention], how: str, i: int) -> list[Mention]:
    """The target of a verb in an object relative clause: its antecedent. "the YPG militia,
    which Ankara considers a terrorist group", "Qatar, which it considers an ally", "the
    government ..., which the Houthis ousted", "Yemen, whose government Riyadh
    backs", "Hamas's armed wing, which it has blacklisted" (the wing's owner).

    Returns:
        The antecedent's group, or empty when the clause is no object relative.
    """
    low = sent.low
    k = sources[0].start - 1
    if how == "pronoun":
        p = i - 1
        while p > 1 and low[p] in _RELATIVE_AUXILIARIES:
            p -= 1  # "which it has blacklisted": past the auxiliary
        if low[p] in _OBJECT_PRONOUNS:
            k = p - 1
    if k > 0 and low[k] == "the":
        k -= 1
    k = _whose(low, k)
    if k < 0 or low[k] not in ("which", "whom", "that", "whose"):
        return []
    k -= 1
    if k >= 0 and low[k] == ",":
        k -= 1
    ante = sent.antecedent(k + 1)
    if ante is None:
        ante = _owner_of_noun(sent, k)
    if ante is None or ante.actor is None:
        return []
    return sent.group(ante)


def _whose(low: list[str], k: int) -> int:
    """The index of "whose" when the noun phrase ending at `k` follows it ("whose government",
    "whose central government"), else `k`: the possessed noun is the verb's object and the
    antecedent of "whose" the target."""
    for back in (1, 2):
        if k - back >= 1 and low[k - back] == "whose" and low[k - back + 1 : k + 1] != [","]:
            return k - back
    return k


def _owner_of_noun(sent: _Sent, k: int) -> Mention | None:
    """The possessor of the noun phrase ending at token `k` ("Hamas's armed wing"), or
    None: a part named through its owner stands for the owner."""
    for back in range(k, max(-1, k - 4), -1):
        if sent.low[back] == "'s":
            owner = sent.mention_ending(back)
            if owner is not None and not owner.weak and not owner.place:
                return owner
            return None
        if not sent.low[back].isalpha():
            return None
    return None
