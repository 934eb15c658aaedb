"""Finding an event's source: the clause's subject, an apposition's owner ("X, the ally of Y"),
a noun trigger's modifier ("Russian support"), the agent of a passive, or the speaker of
reported speech; and whether a trigger is a passive.

Must not import: pygame, anything under `game.ui`; `game.authoring.coder` only for type
checking (the coder calls in here, passing itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring import function_words as fw
from game.authoring.coded import Mention
from game.authoring.passives import reduced_participle, reduced_passive
from game.authoring.patterns import _Compiled
from game.authoring.pronouns import _speaker_group, resolve_pronoun
from game.authoring.sentence_view import _Sent
from game.authoring.subjects import (
    _CONDITIONALS,
    _SUBORDINATORS,
    _as_long_as,
    _controlled,
    subject,
)
from game.authoring.targets import _prep_target

if TYPE_CHECKING:
    from game.authoring.coder import Coder

_HAVE = frozenset(
    {"has", "have", "had", "having", "enjoys", "enjoy", "enjoyed", "enjoying", "maintain"}
    | {"maintains", "maintained", "maintaining", "keeps", "kept", "keeping"}
)
"""Verbs of holding: a relation noun right after one belongs to their subject ("Iran has close
ties with Iraq"); as auxiliaries ("has helped defend during the war") they are no light verb."""
_JOIN = frozenset({"join", "joins", "joined", "joining"})
"""Verbs of taking part: "joined Riyadh and Abu Dhabi in a boycott of Doha" is the subject's
boycott too (only the subject's: those it joined are coded where their own act is told)."""


def _passive(sent: _Sent, i: int) -> bool:
    if sent.low[i].endswith("ing"):
        return False  # "is building": progressive, not passive
    k = i - 1
    while k >= 0 and sent.low[k] in ("also", "already", "reportedly", "not", "being", "now"):
        k -= 1
    if k >= 0 and sent.low[k] in fw._BE:
        return True
    # A participle with its agent after a noun: "the Houthis, backed by Iran, ...",
    # "militias funded by Tehran".
    return (
        sent.low[i].endswith(("ed", "en"))
        and i + 1 < len(sent.low)
        and sent.low[i + 1] == "by"
        and k >= 0
        and (sent.low[k] == "," or sent.mention_ending(k + 1) is not None)
    )


def _source(coder: Coder, sent: _Sent, comp: _Compiled, i: int, j: int):
    """Source group of a verb or action-noun trigger, how it was found, and a penalty."""
    pattern = comp.pattern
    low = sent.low
    if pattern.pos == "noun":
        m = _noun_modifier(coder, sent, i)
        if m is not None:
            group = sent.group(m)
            if m.start >= 2 and low[m.start - 1] == "-" and pattern.symmetric:
                # "the Russia-Turkey deal", "Russian-Turkish cooperation": both ends.
                first = sent.mention_ending(m.start - 1)
                if first is not None and first.actor is not None:
                    group = [first, *group]
            return group, "modifier", 0.0
        k = i - 1
        while k >= 0 and low[k] in fw._ADJECTIVE_FILLERS | {"military", "arms", "weapons"}:
            k -= 1
        if k >= 0 and low[k] in ("its", "their", "our"):
            # "Britain has resisted calls to halt its own weapons sales": its = Britain;
            # '"Our cooperation with Moscow will continue," Erdogan said': the speaker's.
            resolved = (
                _infinitive_owner(sent, k)
                or _coordinated_possessor(sent, k)
                or resolve_pronoun(sent, k)
            )
            if resolved:
                return resolved, "pronoun", 0.1
        # The subject of a light verb: "imposed sanctions", "launched an offensive".
        light = coder.dicts.words["light"]
        for back in range(1, 13):
            v = i - back
            if v < 0 or low[v] in fw._BARRIERS or low[v] in (",", "which", "who", "that"):
                break
            if low[v] == "for" and not _readies_for(sent, v, light):
                break  # "made the region a base for attacks": the attacks are no one's here
            if _gerund_modifier(low, v):
                continue  # "a potential launching ground for attacks": no one launches here
            if low[v] in light or low[v] in _JOIN or _holds(sent, v, i):
                group, how = subject(sent, v)
                if group:
                    return group, how, 0.05 if how == "pronoun" else 0.0
                if sent.speaker is not None and how != "indefinite":
                    return _speaker_group(sent), "speaker", 0.15
                break
        if (
            sent.speaker is not None
            and i > 0
            and low[i - 1] == "the"
            and j < len(low)
            and (low[j],) in comp.preps
            and low[j] in ("with", "against")
        ):
            # 'Erdogan said the deal with Moscow is ...': the speaker's side's deal; so is
            # "the fight against Islamic State" in 'Britain and France said the fight ...'.
            return _speaker_group(sent), "speaker", 0.15
        # "Sanctions on Iran by the United States": the agent after the noun.
        agent = _prep_target(sent, comp, j, 8, (("by",),)) or _claimed_by(sent, j)
        if agent:
            return agent, "agent", 0.05
        head = _apposition_owner(sent, i)
        if head is not None:
            return sent.group(head), "apposition", 0.05
        return [], "", 0.0
    if reduced_passive(sent, i) or reduced_participle(sent, i):
        return [], "", 0.0  # "firms accused of ...": no accuser, not even the speaker
    owner = _possessor_of_verb_noun(sent, i)
    if owner is not None:
        return sent.group(owner), "modifier", 0.0
    group, how = subject(sent, i)
    if group:
        return group, how, {"pronoun": 0.1, "relative": 0.05, "coordinated": 0.05}.get(how, 0.0)
    if how == "indefinite":
        return [], "", 0.0
    if i > 0 and low[i - 1] in _NOUN_MARKERS:
        return [], "", 0.0  # "a base for attacks on X": a noun, whose doer the speaker is not
    if sent.speaker is not None and (sent.in_quote[i] or _after_speech(coder, sent, i)):
        return _speaker_group(sent), "speaker", 0.15
    return [], "", 0.0


def _readies_for(sent: _Sent, v: int, light: frozenset[str]) -> bool:
    """Whether "for" at `v` follows a light verb, perhaps with a "with X" companion between
    ("preparing for an offensive", "had been gearing up with Damascus for an assault"): then
    the act after it is the verb's subject's own."""
    k = v - 1
    while k >= 0 and k >= v - 6:
        if sent.low[k] in light:
            return True
        inside = any(m.start <= k < m.end for m in sent.mentions)
        if not (inside or sent.low[k] in ("with", "up", "together", "the")):
            return False
        k -= 1
    return False


_NOUN_MARKERS = frozenset({"for", "of", "the", "a", "an"})
"""Words after which a verb-or-noun trigger ("attacks", "strikes") is the noun."""


def _gerund_modifier(low: list[str], v: int) -> bool:
    """Whether an -ing word at `v` modifies a noun inside a noun phrase ("a launching pad",
    "the potential launching ground") rather than being a verb with a subject."""
    if not low[v].endswith("ing") or v == 0 or v + 1 >= len(low):
        return False
    before = low[v - 1]
    noun_phrase = before in fw._DETERMINERS or before in fw._ADJECTIVE_FILLERS or before in _PLANNED
    return noun_phrase and low[v + 1].isalpha()


_PLANNED = frozenset(
    {"planned", "proposed", "intended", "possible", "potential", "prospective", "expected"}
    | {"future", "first", "latest", "recent", "new", "continued", "controversial"}
)
"""Words between a possessive and a verb form that make the verb a noun: "Turkey's planned
purchase of Russian missiles"."""


def _possessor_of_verb_noun(sent: _Sent, i: int) -> Mention | None:
    """ "Turkey's planned purchase of S-400s", "Iran's support": a verb trigger after a
    possessive (and at most one planning word) is a noun, done by the possessor."""
    k = i - 1
    if k >= 1 and sent.low[k] in _PLANNED:
        k -= 1
    if k < 1 or sent.low[k] != "'s":
        return None
    owner = sent.mention_ending(k)
    if owner is None or owner.actor is None or owner.place or owner.weak:
        return None
    return owner


def _infinitive_owner(sent: _Sent, k: int) -> list[Mention]:
    """The owner of "its" or "their" right after an infinitive another verb controls: in
    "pressed Doha to end its funding of militias" the funding is Doha's, the object pressed,
    not the presser's (the clause subject a plain pronoun resolution prefers)."""
    if k < 2 or sent.low[k - 2] != "to" or not sent.low[k - 1].isalpha():
        return []
    return _controlled(sent, k - 1)


def _coordinated_possessor(sent: _Sent, k: int) -> list[Mention]:
    """ "Iran's missile programme and its backing of the Houthis": a possessive pronoun
    right after "and"/"or" names the owner of the noun phrase it is coordinated with."""
    low = sent.low
    if low[k] not in ("its", "their") or k < 3 or low[k - 1] not in ("and", "or"):
        return []
    for b in range(k - 2, max(0, k - 8), -1):
        if low[b] in fw._BARRIERS or low[b] in (",", '"', "that", "which"):
            return []
        if low[b] == "'s":
            owner = sent.mention_ending(b)
            if owner is None or owner.actor is None or owner.place or owner.weak:
                return []
            return [owner]
    return []


_CLAIMS = (("claimed", "by"), ("carried", "out", "by"), ("blamed", "on"))
"""Phrases after an act noun's target that name its doer: "the attacks on Saudi plants, which
were claimed by the Houthis"."""
_CLAIM_REACH = 16


def _claimed_by(sent: _Sent, j: int) -> list[Mention]:
    """The doer of the act noun ending at `j` named after its target in a relative or
    participial clause: "the attacks on Israeli towns, which were claimed by Hamas
    movement", "the strikes on the base, blamed on Israel". The clause must open with a
    comma right after the noun phrase (", which were", ", claimed"), so a later verb's agent
    is not taken."""
    low = sent.low
    for k in range(j, min(len(low), j + _CLAIM_REACH)):
        if low[k] in (";", ".", ":") or (
            low[k] == "," and k + 1 < len(low) and low[k + 1] == "and"
        ):
            return []
        for phrase in _CLAIMS:
            if tuple(low[k : k + len(phrase)]) != phrase:
                continue
            opener = k - 1
            while opener > j and low[opener] in ("which", "that", "was", "were", "been", "later"):
                opener -= 1
            if low[opener] != ",":
                return []
            found, _ = sent.target_after(k + len(phrase), 2, False, (), direct=False)
            return found
    return []


def _holds(sent: _Sent, v: int, i: int) -> bool:
    """Whether token `v` is a verb of holding whose object is the noun at `i`: only
    adjectives and determiners between them ("has close economic ties")."""
    low = sent.low
    if low[v] not in _HAVE or i - v > 4:
        return False
    return all(
        t in fw._DETERMINERS or t in fw._ADJECTIVE_FILLERS or (t.isalpha() and not t.endswith("ed"))
        for t in low[v + 1 : i]
    ) and not any(sent.mention_at(k) is not None for k in range(v + 1, i))


def _apposition_owner(sent: _Sent, i: int) -> Mention | None:
    """ "Egypt and Jordan, the only Arab states with peace treaties with Israel": a noun
    inside an apposition belongs to the apposition's head."""
    low = sent.low
    k = i - 1
    while k > 0 and i - k <= 8:
        if low[k] == ",":
            break
        m = sent.mention_ending(k + 1)
        if m is not None and not m.weak:
            return None
        if low[k] in fw._BARRIERS or low[k] in fw._RELATIVES or low[k] in fw._BE:
            return None
        k -= 1
    if k <= 0 or low[k] != "," or low[k + 1] not in ("the", "a", "an", "both", "two"):
        return None
    head = sent.ends.get(k)
    if head is None or head.weak or head.place:
        return None
    return head


def _noun_modifier(coder: Coder, sent: _Sent, i: int) -> Mention | None:
    """The actor right before an action noun: "US sanctions", "Russia's support",
    "Turkish offensive", "Saudi-led blockade", "Trump's aggressive and threatening rhetoric"."""
    low = sent.low
    k = i - 1
    if k >= 1 and low[k] in ("led", "backed", "imposed", "sponsored") and low[k - 1] == "-":
        m = sent.mention_ending(k - 1)
        return m if m is not None and m.actor is not None else None
    stops = coder.dicts.words["object_preps"] | fw._TARGET_STOPS | fw._DETERMINERS - {"'s"}
    skipped = 0
    while k >= 0 and skipped < 4:
        m = sent.mention_ending(k + 1)
        if m is not None:
            return m if m.actor is not None and not m.place else None
        if low[k] in ("'s", '"', "'"):
            k -= 1
            continue
        if low[k] in stops or (not low[k].isalpha() and low[k] != "-"):
            return None
        if sent.tokens[k].text[:1].isupper() and k > 0:
            return None
        k -= 1
        skipped += 1
    return None


def _after_speech(coder: Coder, sent: _Sent, i: int) -> bool:
    """Whether token `i` is in the clause a speech verb just before it reports, so that the
    speaker may stand for its unnamed subject. Not past a condition or time clause ("said Iran
    would stay as long as the other parties protected its interests"): that clause has a
    subject of its own, which the dictionaries do not know."""
    speech = coder.dicts.words["speech"]
    start = max(0, i - 12)
    said = [k for k in range(start, i) if sent.low[k] in speech]
    if not said:
        return False
    if _own_subject(sent, said[-1] + 1, i):
        return False
    return not any(
        sent.low[k] in _SUBORDINATORS or sent.low[k] in _CONDITIONALS or _as_long_as(sent.low, k)
        for k in range(said[-1] + 1, i)
    )


_OTHER_SUBJECT = frozenset({"the", "a", "an", "this", "that", "these", "those"})
"""Determiners opening a reported clause's own subject ("says the unit supports ...")."""


_LINKS = frozenset({"to", "of", "for", "with", "on", "in", "against", "and", "or", "by"})
"""Words that make a phrase more than a clause's bare subject."""
_SELF_NOUNS = frozenset(
    {"country", "nation", "kingdom", "government", "republic", "state", "administration"}
)
"""Heads by which a speaker names its own state ("Erdogan said the country would ...")."""


def _own_subject(sent: _Sent, begin: int, i: int) -> bool:
    """Whether the reported clause between `begin` and the verb at `i` opens with a noun phrase
    of its own that names no actor ("the unit", "a militia"): its subject is that phrase, so
    the speaker is not the doer ("the administration says the unit backs Damascus")."""
    k = begin
    if k < i and sent.low[k] == "that":
        k += 1
    if k >= i - 1 or sent.low[k] not in _OTHER_SUBJECT:
        return False
    if any(m.start < i and m.end > k for m in sent.mentions if m.actor is not None):
        return False
    if any(sent.low[t] in _SELF_NOUNS for t in range(k + 1, i)):
        return False  # "Erdogan said the country would ...": the speaker's own state
    # Only a bare noun phrase before the verb: "announced a plan to buy" is the speaker's plan.
    return all(
        (sent.low[t].isalpha() or sent.low[t] == "-") and sent.low[t] not in _LINKS
        for t in range(k + 1, i)
    )
