"""Passives, agents and participles around a trigger: a realising passive's agent after "by"
(`realising_passive_by`, `_agent_of_subject_noun`), the head of a reduced passive
(`_reduced_passive_head`), accusations and participles with no doer named (`reduced_passive`,
`reduced_participle`), fronted and opening participial phrases (`_fronted_participle_subject`,
`_participial_opening`, `_unknown_participle_head`), the verb "deal with" (`verbal_deal`) and
the verb-form word lists the subject search shares (`_IRREGULAR_PAST`, `_MODALS`).

Must not import pygame, `game.ui` or `game.authoring.coder`; `sentence_view` for types only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import (
    _BARRIERS,
    _BE,
    _SUBJECT_PRONOUNS,
    _VP_ADVERBS,
)
from game.authoring.pronouns import (
    _valid_subject,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_MODALS = frozenset({"would", "will", "could", "can", "should", "might", "may", "must"})
_IRREGULAR_PAST = frozenset(
    {"said", "told", "gave", "made", "took", "sent", "met", "sought", "held", "struck", "sold"}
    | {"bought", "brought", "led", "won", "wrote", "spoke", "drew", "threw", "broke", "froze"}
)
"""Common irregular past forms (a finite past verb cannot follow a modal)."""
_PARENTHETICAL_OPENERS = frozenset(
    {"after", "before", "during", "despite", "following", "amid", "in", "on", "at", "like"}
    | {"unlike", "according", "meanwhile", "however", "too", "also"}
)
"""Words opening a comma-delimited phrase between a subject and its verb: "Turkey, after
weeks of talks with Russia, agreed ..."."""
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
_PARTICIPIAL_REACH = 20
"""Tokens a participial phrase between a subject and its verb may span."""
_NOT_PARTICIPLES = frozenset({"including", "notably", "during", "according", "nothing", "king"})
"""Words in -ing that open no participial phrase ("..., including the UAE and Bahrain,")."""


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
    doer of a gerund after it is `trade_arms.gerund_doer`'s."""
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


def _unknown_participle_head(sent: _Sent, index: int) -> bool:
    """ "regards foreign troops invited by Baghdad as legitimate": the participle's subject is
    the noun right before it, which names no actor; the clause's subject is not it."""
    low = sent.low
    head = sent.ends.get(index)
    if head is None or head.actor is not None or index + 1 >= len(low):
        return False
    return low[index + 1] == "by" and low[index].endswith(("ed", "en"))
