"""A subject shared across coordinated verbs and clauses: "backs the rebels but has worked
with", "met Putin and signed" (`_coordinated`), stopping at a clause with a subject of its own,
a change of tense, a time adverbial or a past condition; the subject of a relative clause
(`_relative_subject`) and the number of a verb (`_singular_verb`).

Must not import pygame, `game.ui` or `game.authoring.coder`; `sentence_view` for types only.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import (
    _CLAUSE_OPENERS,
    _CLAUSE_REACH,
    _RELATIVES,
    _SUBJECT_PRONOUNS,
    _VP_ADVERBS,
)
from game.authoring.passives import (
    _IRREGULAR_PAST,
    _MODALS,
)
from game.authoring.pronouns import (
    _valid_subject,
)

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_COORDINATORS = frozenset({"and", "but", "yet"})
"""Words joining two verb phrases of one subject: "backs the rebels but has worked with"."""
_ASPECTUAL = frozenset(
    {"keep", "keeps", "kept", "continue", "continues", "continued", "stop", "stops"}
    | {"stopped", "start", "started", "starts", "resume", "resumed", "resumes"}
)
"""Verbs of beginning, going on and ending, before the verb they govern ("keep buying")."""
_CONDITIONALS = frozenset({"if", "unless", "because", "although", "though"})
"""Openers of a conditional, causal or concessive clause, which a verb after ", and" leaves."""
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


def _singular_verb(words: list[str]) -> bool:
    """Whether the first verb-like word of a relative clause is singular: "has", "is",
    "was" or "does" (a plural subject takes "have", "are", "were")."""
    for word in words:
        if word in ("has", "is", "was", "does"):
            return True
        if word in ("have", "are", "were", "do") or word not in _VP_ADVERBS:
            return False
    return False


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
