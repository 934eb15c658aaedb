"""`_Sent`: one sentence as the coder reads it (tokens, mentions, clause numbers, quotation
depth, speaker) with the lookups the pattern matcher needs: mentions by position, groups and
lists, appositions and antecedents, and targets after a trigger; plus `_continues`, which says
whether a sentence carries on the previous one's quotation. References back to earlier
sentences are in `coreference`; subjects, speakers and pronouns in `subjects`.

Must not import: pygame, anything under `game.ui`, or the modules that build on this one
(`coder`, `fallback`, `sources`, `targets`, `modifiers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.authoring.coded import Event, Mention
from game.authoring.coreference import _references
from game.authoring.dictionary import Dictionaries
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _CLAUSE_VERBS,
    _CONNECTORS,
    _DETERMINERS,
    _QUOTES,
    _TARGET_STOPS,
)
from game.authoring.mentions import _expand, _find_mentions, _quote_depths, _relative_clauses
from game.authoring.subjects import _find_speaker, resolve_object_pronoun
from game.authoring.text import Sentence, tokenize


class _Sent:
    """Working state for one sentence (tokens, mentions, lookups)."""

    def __init__(
        self,
        sentence: Sentence,
        dicts: Dictionaries,
        previous: _Sent | None,
        remap: dict[str, str] | None = None,
    ) -> None:
        self.sentence = sentence
        self.dicts = dicts
        self.tokens = tokenize(sentence.text)
        self.low = [tok.low for tok in self.tokens]
        self.mentions, self.agreements = _find_mentions(self.tokens, dicts, remap)
        self.previous = previous
        self.history: list[Event] = []
        self.headline = sentence.line_kind == "headline"
        self.mentions = _references(self)
        self.starts = {m.start: m for m in self.mentions}
        self.mention_starts = [m.start for m in self.mentions]
        self.covered = {k for m in self.mentions for k in range(m.start, m.end)}
        self.agreement_tokens = {k for a in self.agreements for k in range(a.start, a.end)}
        self.ends = {m.end: m for m in self.mentions}
        self.in_quote = _quote_depths(self.low)
        self.clause = _relative_clauses(
            self.low,
            {m.end for m in self.mentions},
            {m.start for m in self.mentions if m.kind in ("name", "capital")},
        )
        self.speaker_mention: Mention | None = None
        self.speaker: str | None = None
        self.speaker_others: tuple[str, ...] = ()
        self.speaker = _find_speaker(self)
        if self.speaker is None and previous is not None and _continues(previous, sentence):
            self.speaker = previous.speaker
            self.speaker_others = previous.speaker_others

    # -- lookups -----------------------------------------------------------------------------

    def mention_at(self, index: int) -> Mention | None:
        return self.starts.get(index)

    def mention_ending(self, index: int) -> Mention | None:
        return self.ends.get(index)

    def group(self, mention: Mention, allow_place: bool = False) -> list[Mention]:
        """The coordinated group a mention belongs to ("Russia, Iran and Turkey")."""
        members = [mention]
        current = mention
        while True:  # rightwards
            j = current.end
            seen = 0
            while j < len(self.low) and self.low[j] in _CONNECTORS and seen < 2:
                j += 1
                seen += 1
            if self.low[j : j + 3] == ["as", "well", "as"]:
                # "relations with Iran as well as with the United States"
                j += 3
                seen += 1
                if j < len(self.low) and self.low[j] in ("with", "to", "on", "against"):
                    j += 1
            joined_by = self.low[current.end : j]
            if seen and j < len(self.low) and self.low[j] == "the":
                j += 1
            nxt = self.starts.get(j)
            if nxt is not None and nxt.kind == "demonym":
                # "Hamas and the Lebanese Hezbollah group": the demonym modifies the name.
                follow = self.starts.get(nxt.end)
                if follow is not None and follow.actor is not None and not follow.weak:
                    nxt = follow
            if seen == 0 or nxt is None or (nxt.place and not allow_place) or nxt.actor is None:
                break
            # A lone comma joins a list only if an "and"/"or" closes it later ("X, Y and Z"),
            # except in a headline, where "OPEC, Russia agree" means OPEC and Russia.
            if joined_by == [","] and not self._list_continues(j) and not self.headline:
                break
            owned = self._possessed(nxt)
            if owned is not None and members and self.starts.get(members[-1].start) is not None:
                # "Germany's Uniper and Wintershall, Austria's OMV": the firm, not its country.
                nxt = owned
            elif nxt.end < len(self.low) and self.low[nxt.end] == "'s" and joined_by == [","]:
                break
            if self.clause[nxt.start] != self.clause[current.start]:
                break
            if (
                joined_by == [",", "and"]
                and len(members) == 1
                and nxt.end < len(self.low)
                and self.low[nxt.end] in _CLAUSE_VERBS
            ):
                # "halted arms exports to Turkey, and the European Union has threatened":
                # ", and" before a subject and its verb starts a new clause, not a list.
                break
            members.append(nxt)
            current = nxt
        current = mention
        while True:  # leftwards
            j = current.start
            modifier = self.ends.get(j)
            if modifier is not None and modifier.kind == "demonym":
                j = modifier.start  # "Hamas and the Lebanese Hezbollah group"
            seen = 0
            if j > 1 and self.low[j - 1] == "the" and self.low[j - 2] in ("and", "or", ","):
                j -= 1
            while j > 0 and self.low[j - 1] in _CONNECTORS and seen < 2:
                j -= 1
                seen += 1
            prev = self.ends.get(j)
            if seen == 0 or prev is None or (prev.place and not allow_place) or prev.actor is None:
                break
            if prev.kind == "demonym":
                break
            if (
                seen == 1
                and self.low[j] == ","
                and not self._list_continues(current.end)
                and not self.headline
            ):
                break
            if self.clause[prev.start] != self.clause[current.start]:
                break
            members.insert(0, prev)
            current = prev
        return _expand(members)

    def apposition_head(self, index: int) -> Mention | None:
        """The actor an apposition starting near `index` describes: in "Hezbollah, the
        Iranian-backed group", the noun phrase at "Iranian" describes Hezbollah."""
        k = index - 1
        while k >= 0 and (self.low[k] in _ADJECTIVE_FILLERS or self.low[k] in _DETERMINERS):
            if self.low[k] in ("the", "a", "an"):
                k -= 1
                break
            k -= 1
        if k < 1 or self.low[k] != ",":
            return None
        head = self.ends.get(k)
        if head is None or head.weak or head.place:
            return None
        return head

    def antecedent(self, end: int) -> Mention | None:
        """The actor a relative pronoun after token `end` refers to, past a place: in "the YPG
        militia in Syria, which Ankara considers ...", the YPG, not Syria."""
        ante = self.ends.get(end)
        if ante is not None and ante.place:
            k = ante.start - 1
            while k >= 0 and self.low[k] in ("the", "northern", "southern", "eastern", "western"):
                k -= 1
            if k >= 0 and self.low[k] in self.dicts.words["locative"]:
                earlier = self.ends.get(k)
                if earlier is not None and not earlier.place:
                    return earlier
        return ante

    def _list_continues(self, j: int) -> bool:
        """After "X, Y": a comma joins a list only if an "and"/"or" closes it later."""
        k = j
        while k < len(self.low) and k < j + 12:
            if self.low[k] in ("and", "or"):
                return True
            if self.low[k] in _TARGET_STOPS - {","}:
                return False
            k += 1
        return False

    def actors(self, mentions: Iterable[Mention]) -> tuple[str, ...]:
        ids = []
        for m in mentions:
            if m.actor is not None:
                ids.append(m.actor)
            ids.extend(m.extra)
        return tuple(dict.fromkeys(ids))

    # -- targets -------------------------------------------------------------------------------

    def target_after(
        self,
        start: int,
        window: int,
        allow_place: bool = False,
        exclude: Iterable[str] = (),
        direct: bool = True,
    ) -> tuple[list[Mention], int]:
        """The mention group starting within `window` tokens of `start`.

        A direct object (`direct`) stops at a preposition other than "of"; so does any target at
        a clause boundary. Possessive pronouns ("its oil exports") resolve to an earlier actor
        that is not in `exclude` (the event's own source).
        """
        fillers = self.dicts.words["fillers"]
        preps = self.dicts.words["object_preps"]
        exclude = set(exclude)
        j = start
        used = 0
        while j < len(self.low) and used <= window:
            m = self.starts.get(j)
            if m is not None and m.actor is not None and (not m.place or allow_place):
                if m.kind == "demonym" and not self._before_policy(m):
                    j = m.end
                    used += 1
                    continue
                owned = self._possessed(m)
                if owned is not None:
                    m = owned  # "Russia's Gazprom Neft": the firm, not its country
                return self.group(m, allow_place), j
            low = self.low[j]
            if low in ("its", "their", "them", "him", "her") and j + 1 < len(self.low):
                resolved = resolve_object_pronoun(self, j, exclude)
                if resolved:
                    return resolved, j
            if low in _TARGET_STOPS or (low in _QUOTES and used > 0):
                break
            if direct and low in preps:
                break
            if low not in fillers:
                used += 1
            j += 1
        return [], -1

    def _possessed(self, m: Mention) -> Mention | None:
        """The actor a possessive mention owns: "Russia's Gazprom" -> Gazprom, else None."""
        if m.end + 1 < len(self.low) and self.low[m.end] == "'s":
            for k in range(m.end + 1, min(len(self.low), m.end + 3)):
                owned = self.starts.get(k)
                if owned is not None and owned.actor is not None and not owned.weak:
                    return owned
                if self.low[k] not in _ADJECTIVE_FILLERS and self.low[k] not in ("state",):
                    break
        return None

    def _before_policy(self, m: Mention) -> bool:
        """A demonym names an actor before a policy noun or goods ("Kurdish independence",
        "Kurdish oil")."""
        if m.end >= len(self.low):
            return False
        nxt = self.low[m.end]
        words = self.dicts.words
        return nxt in words["policy"] or nxt in words["goods"] or nxt in words["holdings"]

    def find_phrase(self, phrases: Sequence[tuple[str, ...]], start: int, stop: int) -> int:
        """Index just after the first of `phrases` found in [start, stop), or -1."""
        for j in range(max(start, 0), min(stop, len(self.low))):
            for phrase in phrases:
                if tuple(self.low[j : j + len(phrase)]) == phrase:
                    return j + len(phrase)
        return -1


def _continues(previous: _Sent, sentence: Sentence) -> bool:
    """A body sentence right after the previous one that opens or continues a quotation."""
    prev = previous.sentence
    return (
        prev.line_kind == sentence.line_kind == "body"
        and prev.end <= sentence.start
        and (sentence.text[:1] in "\"“'‘" or previous.in_quote[-1:] == [True])
    )
