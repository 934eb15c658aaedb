"""`_Sent`: one sentence as the coder reads it (tokens, mentions, clause numbers, quotation
depth, speaker) with the lookups the pattern matcher needs: mentions by position, groups and
lists, appositions and antecedents, and targets after a trigger (past hedges, member nouns and
ownership links); "the coalition" as the leader an earlier "Saudi-led coalition" named; plus
`_continues`, which says whether a sentence carries on the previous one's quotation.
References back to earlier sentences are in `coreference`; subjects, speakers and pronouns in
`subjects`.

Must not import: pygame, anything under `game.ui`, or the modules that build on this one
(`coder`, `fallback`, `sources`, `targets`, `modifiers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import evolve

from game.authoring.coded import Event, Mention
from game.authoring.coreference import _references
from game.authoring.dictionary import Dictionaries
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _CLAUSE_VERBS,
    _CONNECTORS,
    _DETERMINERS,
    _LED_GROUPS,
    _QUOTES,
    _TARGET_STOPS,
)
from game.authoring.mentions import _expand, _find_mentions, _quote_depths, _relative_clauses
from game.authoring.passives import _IRREGULAR_PAST
from game.authoring.pronouns import resolve_object_pronoun
from game.authoring.subjects import _find_speaker
from game.authoring.text import Sentence, tokenize

_ING_NOUNS = frozenset(
    {"training", "funding", "financing", "equipment", "shipping", "housing", "building"}
    | {"bombing", "bombings", "fighting", "meeting", "clothing", "spending", "advising"}
)
"""Words in -ing that are nouns after "and": "sent arms and training to the Kurds"."""


def _gerund(low: list[str], k: int) -> bool:
    """Whether token `k` is a verb in -ing opening a coordinated act ("and saying", "and
    hosting"), not a noun ("and training")."""
    if k >= len(low):
        return False
    word = low[k]
    return word.isalpha() and len(word) > 5 and word.endswith("ing") and word not in _ING_NOUNS


_SURROUNDINGS = frozenset(
    {"surrounding", "surroundings", "suburbs", "outskirts", "countryside", "environs"}
    | {"outlying", "nearby", "neighbouring", "neighboring", "hinterland", "villages", "towns"}
)
"""Words after "X and its" that make the pronoun the place X: "the city and its suburbs"."""

_FRONTED_OPENERS = frozenset(
    {"after", "when", "since", "once", "before", "while", "although", "though", "because"}
    | {"as", "if", "unless", "until", "whereas"}
)
"""Words opening a fronted subordinate clause, which a comma closes: "After Egypt imposed a
blockade of Libya, Algeria and Tunisia promised ..."."""


def _verb_like(low: list[str], k: int) -> bool:
    """Whether token `k` reads as a finite verb or auxiliary ("imposed", "struck", "has")."""
    word = low[k]
    if word in _CLAUSE_VERBS or word in _IRREGULAR_PAST:
        return True
    return word.isalpha() and len(word) > 3 and word.endswith("ed") and low[k - 1 : k] != ["-"]


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
        self.mentions = _without_verbal_roles(self.mentions, self.low)
        self.previous = previous
        self.history: list[Event] = []
        self.acts: list = []  # the article's acts so far (`reactions.Act`), set by the coder
        self.headline = sentence.line_kind == "headline"
        self.described: dict[tuple[str, ...], str] = {}  # "the kingdom" -> SAU, this sentence
        self.mentions = _references(self)
        self.led: dict[str, tuple[str, int]] = {}  # "coalition" -> (its leader, sentence)
        self.mentions = _led_group_references(self)
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
        _mark_dash_appositions(self)
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
            j = self._led_end(current)
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
            if seen and j < len(self.low) and self.low[j] == "allied":
                j += 1  # "Turkish troops and allied rebels": the ally is a member of the list
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
            if _gapped_subject(self.low, joined_by, nxt.end):
                break
            if joined_by[:1] == [","] and self._closes_fronted_clause(self._led_end(current)):
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
            if j > 1 and self.low[j - 1] == "allied" and self.low[j - 2] in ("and", ","):
                j -= 1  # "Turkish troops and allied rebels captured ...", read from the rebels
            if j > 1 and self.low[j - 1] == "the" and self.low[j - 2] in ("and", "or", ",", "as"):
                j -= 1  # "as": "Egypt as well as the UAE", which needs "as well" before it
            while j > 0 and self.low[j - 1] in _CONNECTORS and seen < 2:
                j -= 1
                seen += 1
            well = seen == 0 and j > 3 and self.low[j - 3 : j] == ["as", "well", "as"]
            if well:
                j -= 3  # "Egypt as well as Jordan condemned ...", read from Jordan
                seen = 1
                if j > 1 and self.low[j - 1] == ",":
                    j -= 1  # "Egypt, as well as Jordan, condemned ...": set off by commas
            prev = self.ends.get(j)
            if (
                prev is None
                and j >= 4
                and self.low[j - 3 : j - 1] == ["-", "led"]
                and self.low[j - 1] in _LED_GROUPS
            ):
                prev = self.ends.get(j - 3)  # "the Saudi-led coalition and Yemeni forces"
            if seen == 0 or prev is None or (prev.place and not allow_place) or prev.actor is None:
                break
            if prev.kind == "demonym" and current.kind != "demonym":
                break  # "Russian gas and Iran": a modifier, but "U.S., British and French
                # strikes" lists the strikers
            if (
                seen == 1
                and not well
                and self.low[j] == ","
                and not self._list_continues(current.end)
                and not self.headline
            ):
                break
            if self.clause[prev.start] != self.clause[current.start]:
                break
            if self.low[prev.end : prev.end + 1] == [","] and self._closes_fronted_clause(prev.end):
                break  # "After X struck Syria, Russia and Iran condemned ...": not Syria
            members.insert(0, prev)
            current = prev
        return _expand(members)

    def _owns_place(self, m: Mention) -> bool:
        """Whether a possessive mention names where a place is: "Yemen's Hodeidah port",
        "Syria's Idlib province" (a name the dictionaries do not know, then a place noun)."""
        low = self.low
        k = m.end
        if low[k : k + 1] != ["'s"]:
            return False
        k += 1
        names = 0
        while k < len(low) and self.tokens[k].text[:1].isupper() and k not in self.starts:
            k += 1
            names += 1
        return 0 < names <= 3 and k < len(low) and low[k] in _PLACE_NOUNS

    def _led_end(self, m: Mention) -> int:
        """Where a mention's noun phrase ends when it leads a group: after "coalition" in
        "the Saudi-led coalition", else at the mention's end."""
        low = self.low
        if (
            low[m.end : m.end + 2] == ["-", "led"]
            and low[m.end + 2 : m.end + 3]
            and (low[m.end + 2] in _LED_GROUPS)
        ):
            return m.end + 3
        return m.end

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

    def _surroundings_of_place(self, j: int) -> bool:
        """Whether "its"/"their" at `j` opens the surroundings of a place named just before
        ("the town and its outskirts", "Idlib and its surrounding villages"): the pronoun
        stands for that place, not for an actor named earlier."""
        low = self.low
        if j < 2 or j + 1 >= len(low) or low[j - 1] != "and" or low[j + 1] not in _SURROUNDINGS:
            return False
        before = self.ends.get(j - 1)
        return before is None or before.actor is None or before.place

    def _closes_fronted_clause(self, comma: int) -> bool:
        """Whether the comma at `comma` closes a fronted subordinate clause that has its verb
        and the names after it are the main clause's subject list, not more objects: in
        "After Egypt imposed a blockade of Libya, Algeria and Tunisia promised to help",
        Algeria and Tunisia are not blockaded, nor are they listed with Libya."""
        low = self.low
        start = 0
        while start < comma and low[start] in _QUOTES:
            start += 1
        if low[start] not in _FRONTED_OPENERS:
            return False
        named = {k for m in self.mentions for k in range(m.start, m.end)}
        earlier = [k for k in range(start, comma) if low[k] == ","]
        if earlier and all(k in named or low[k] == "the" for k in range(earlier[-1] + 1, comma)):
            return False  # "..., Russia, Iran and Turkey condemned": a comma inside the list
        if not any(_verb_like(low, k) for k in range(start + 1, comma) if k not in named):
            return False  # "As Russia, Iran and Turkey met": the list is the clause's subject
        k, joined = comma + 1, False
        while k < len(low):
            m = self.starts.get(k)
            if m is not None and m.end > k:
                k = m.end
            elif low[k] in ("and", "or", ",", "the"):
                joined = joined or low[k] in ("and", "or")
                k += 1
            else:
                break
        return joined and k < len(low) and _verb_like(low, k)

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
        scare_close = -1
        while j < len(self.low) and used <= window:
            m = self.starts.get(j)
            if m is not None and self._owns_place(m):
                break  # "an assault on Yemen's Hodeidah port": a place in Yemen, no actor
            if m is not None and self._place_of(m):
                break  # "attacks on ships off the coast of Oman": a place, no actor
            if m is not None and m.place and self._member_of(m):
                m = evolve(m, place=False)  # "the factions in the PMF": the PMF, no place
            if m is not None and m.actor is not None and (not m.place or allow_place):
                if self._leads_act(m):
                    return [m], j  # "support for the Saudi-led war in Yemen": Saudi Arabia's
                m = self._hyphen_head(m) or m  # "the Iran-aligned Hezbollah": Hezbollah
                if m.kind == "demonym" and not self._before_policy(m):
                    headed = self._demonym_role(m)
                    if headed is not None:
                        return [headed], j  # "armed Iraqi security forces"
                    j = m.end
                    used += 1
                    continue
                owned = self._possessed(m)
                if owned is not None:
                    m = owned  # "Russia's Gazprom Neft": the firm, not its country
                group = self.group(m, allow_place)
                return group + self._shipments_to(group), j
            low = self.low[j]
            if low in ("its", "their") and self._surroundings_of_place(j):
                break  # "captured Kafr Nabl and its surrounding villages": the place's own
            if low in ("its", "their", "them", "him", "her") and j + 1 < len(self.low):
                resolved = resolve_object_pronoun(self, j, exclude)
                if resolved:
                    return resolved, j
            if low == "it" and self._object_it(j):
                # "cooperated quietly with it", "recognised it as": after a preposition, or
                # before one or a clause's end, "it" is an object, not a clause's subject.
                resolved = resolve_object_pronoun(self, j, exclude)
                if resolved:
                    return resolved, j
            if low in _OWNERSHIP_LINKS and self.low[j + 1 : j + 2] in (["to"], ["by"], ["with"]):
                j += 2  # "struck targets belonging to Iran", "sites run by the IRGC"
                continue
            if low == "by" and j > start and self.low[j - 1] in _AGENT_ACTS:
                j += 1  # "repelled an offensive by Islamic State": its agent
                continue
            if used > 0 and self._participle_of_unnamed(j):
                break  # "to support local forces fighting IS": IS is fought, not supported
            if used > 0 and low in _BACKER_PARTICIPLES and self.low[j + 1 : j + 2] == ["by"]:
                break  # "a war on insurgents backed by Islamabad": the backer is no object
            if low == "what":
                hedge = _hedge_end(self.low, j)
                if hedge > j:
                    j = hedge  # "against what it says are Iranian targets"
                    continue
            if low == "such" and self.low[j + 1 : j + 2] == ["as"]:
                j += 2  # "blamed groups such as Kataib Hezbollah": the examples are the object
                continue
            if low in _QUOTES and (j == scare_close or self._scare_quote(j) > j):
                # 'blamed the "reckless behavior" of Iran': a few quoted words inside the
                # object are no reported speech, and their quote marks are no words.
                scare_close = self._scare_quote(j) if j != scare_close else -1
                j += 1
                continue
            if low == "," and used > 0:
                examples = self._included_actors(j)
                if examples:
                    # "sanctioned 12 firms, including Huawei": the named examples are what the
                    # object counts (no actor was named before the comma).
                    return examples, j
            if low in _TARGET_STOPS or (low in _QUOTES and used > 0):
                break
            if _comitative_at(self.low, j):
                break  # "launched an assault alongside allied rebels": companions, no object
            if used > 0 and low in ("and", "or") and _gerund(self.low, j + 1):
                break  # "of funding militants and hosting Turkish troops": a second act
            after = self.starts.get(j + 1) if used > 0 and low in ("and", "or") else None
            if after is not None and _gapped_subject(self.low, [low], after.end):
                break  # "backing the army and Ankara behind the militias": a new clause
            if direct and low in preps and not self._member_prep(j):
                break
            if low not in fillers:
                used += 1
            j += 1
        return [], -1

    def _included_actors(self, comma: int) -> list[Mention]:
        """The actors a ", including X and Y" after the comma at `comma` names, or []."""
        k = comma + 1
        if self.low[k : k + 1] != ["including"]:
            return []
        k += 1 + (self.low[k + 1 : k + 2] == ["the"])
        m = self.starts.get(k)
        if m is not None and m.kind == "demonym":
            return []  # "including Russian banks": a role the dictionaries may not know
        if m is None or m.actor is None or m.place or m.weak:
            return []
        return self.group(m)

    def _place_of(self, m: Mention) -> bool:
        """Whether `m` follows a place noun and "of" ("the coast of Oman")."""
        return (
            m.start >= 2
            and self.low[m.start - 1] == "of"
            and (self.low[m.start - 2] in _PLACE_OF_NOUNS)
        )

    def _scare_quote(self, j: int) -> int:
        """Where the scare quote opening at token `j` closes ('the "illegal" sanctions'), or
        -1: a quote of at most `_SCARE_QUOTE_WORDS` words with no punctuation inside."""
        low = self.low
        for k in range(j + 2, min(len(low), j + 2 + _SCARE_QUOTE_WORDS)):
            if low[k] in _QUOTES:
                return k
            if not low[k].isalnum() and low[k] not in ("-", "'s"):
                return -1
        return -1

    def _shipments_to(self, group: list[Mention]) -> list[Mention]:
        """The recipient of shipments coordinated with an object: in "strikes against
        Iranian forces and arms shipments to Hezbollah" Hezbollah is hit too."""
        low = self.low
        k = max(m.end for m in group if m.start >= 0) if group else -1
        if k < 0:
            return []
        while k < len(low) and low[k] in _MILITARY_OBJECTS:
            k += 1
        if low[k : k + 1] != ["and"] or low[k - 1] not in _MILITARY_OBJECTS:
            return []  # only after military objects: "sold jets to Egypt and arms ..." is not
        k += 1
        if k < len(low) and low[k] in ("arms", "weapons", "weapon", "missile", "rocket"):
            k += 1
        if k >= len(low) or low[k] not in _SHIPMENTS or low[k + 1 : k + 2] != ["to"]:
            return []
        k += 2
        if k < len(low) and low[k] == "the":
            k += 1
        m = self.starts.get(k)
        if m is not None and m.kind == "demonym":
            m = self.starts.get(m.end)  # "the Lebanese Hezbollah movement"
        if m is None or m.actor is None or m.place:
            return []
        return [m]

    def _demonym_role(self, m: Mention) -> Mention | None:
        """A demonym before a role noun the dictionaries left without an actor, one word
        apart ("Iraqi security forces", "Saudi air defences"): the role is the demonym's
        actor's."""
        for k in (m.end + 1,):
            role = self.starts.get(k)
            if (
                role is not None
                and role.kind == "role"
                and role.actor is None
                and self.low[m.end].isalpha()
                and self.starts.get(m.end) is None
            ):
                return Mention(m.start, role.end, m.actor, "role")
        return None

    def _member_prep(self, j: int) -> bool:
        """Whether "in"/"within" at `j` follows a noun for parts of an organisation
        ("several of the factions in the PMF"), so the object goes on to the organisation."""
        return self.low[j] in ("in", "within") and j > 0 and self.low[j - 1] in _MEMBER_NOUNS

    def _member_of(self, m: Mention) -> bool:
        """Whether a mention read as a place is the organisation after a member noun: not a
        state ("factions in Syria" are somewhere, "factions in the PMF" belong to it)."""
        k = m.start - 1
        if k >= 0 and self.low[k] == "the":
            k -= 1
        if k < 0 or not self._member_prep(k) or m.actor is None:
            return False
        entry = self.dicts.actors.get(m.actor)
        return entry is not None and entry.kind != "state"

    def _object_it(self, j: int) -> bool:
        """Whether "it" at `j` is an object: after a preposition ("with it"), or before a
        preposition or a clause's end ("shield it from", "recognised it."), where a subject
        "it" would have its verb."""
        preps = self.dicts.words["object_preps"]
        if j > 0 and self.low[j - 1] in preps:
            return True
        nxt = self.low[j + 1] if j + 1 < len(self.low) else "."
        return nxt in preps or nxt in (",", ".", ";", "as")

    def _hyphen_head(self, m: Mention) -> Mention | None:
        """The actor a mention modifies through a hyphenated participle other than "-led":
        in "the Iran-aligned Hezbollah movement", "Libya's Egypt-backed forces" the object is the
        Houthis, not Iran (a leader of "the Saudi-led coalition" stands for its group)."""
        low = self.low
        if low[m.end : m.end + 1] != ["-"] or m.end + 2 >= len(low):
            return None
        participle = low[m.end + 1]
        if not participle.endswith("ed") or participle == "led":
            return None
        for k in (m.end + 2, m.end + 3):
            head = self.starts.get(k)
            if head is not None and head.actor is not None and not head.weak:
                return head
            if k < len(low) and low[k] not in _ADJECTIVE_FILLERS:
                break
        return None

    def _participle_of_unnamed(self, j: int) -> bool:
        """Whether token `j` is a hostile -ing participle describing a plural noun no actor
        names ("local forces fighting", "militias battling"): what follows is their enemy,
        not the object of the verb before ("companies building X's pipeline" still lead to
        X, a reading sanctions on firms rely on)."""
        low = self.low
        if j < 1 or low[j] not in _HOSTILE_PARTICIPLES:
            return False
        noun = low[j - 1]
        return (
            noun.isalpha()
            and noun.endswith("s")
            and getattr(self.ends.get(j), "actor", None) is None
            and noun not in self.dicts.words["fillers"]
        )

    def _leads_act(self, m: Mention) -> bool:
        """Whether `m` leads a hostile act named after it ("the Saudi-led war", "a
        Turkish-led offensive"): the act is the leader's."""
        low = self.low
        return low[m.end : m.end + 2] == ["-", "led"] and low[m.end + 2 : m.end + 3] in [
            [noun] for noun in _LED_ACTS
        ]

    def _possessed(self, m: Mention) -> Mention | None:
        """The actor a possessive mention owns: "Russia's Gazprom" -> Gazprom, else None."""
        if m.end + 1 < len(self.low) and self.low[m.end] == "'s":
            for k in range(m.end + 1, min(len(self.low), m.end + 3)):
                owned = self.starts.get(k)
                if owned is not None and owned.actor is not None:
                    # "Lebanon's Iran-aligned Hezbollah": Hezbollah.
                    owned = self._hyphen_head(owned) or owned
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


_MILITARY_OBJECTS = frozenset(
    {"targets", "forces", "positions", "troops", "fighters", "bases", "sites", "militias"}
)
"""Objects of an attack that a coordinated "and arms shipments to X" continues."""
_SHIPMENTS = frozenset({"shipments", "supplies", "deliveries", "convoys", "transfers"})
"""Nouns of goods on their way to someone: "arms shipments to Hezbollah"."""
_SCARE_QUOTE_WORDS = 4
"""Words a scare quote inside an object may hold ('the "maximum pressure" campaign')."""
_PLACE_OF_NOUNS = frozenset({"coast", "coasts", "waters", "shores", "outskirts", "shore"})
"""Nouns that make the state after "of" a place: "attacks off the coast of Oman"."""
_PLACE_NOUNS = frozenset(
    {"port", "city", "province", "region", "town", "coast", "governorate", "district"}
    | {"village", "strait", "enclave", "countryside"}
)
"""Nouns for places after a possessive country and a name: "Yemen's Hodeidah port". Not
installations: "Iran's Bushehr plant", "Saudi Arabia's Abqaiq facility" are the country's."""
_MEMBER_NOUNS = frozenset(
    {"factions", "members", "units", "elements", "groups", "militias", "wings", "branches"}
    | {"brigades", "battalions", "cells", "parts"}
)
"""Nouns for parts of an organisation: "factions in the PMF" are the PMF's."""


_OWNERSHIP_LINKS = frozenset(
    {"belonging", "linked", "tied", "affiliated", "allied", "loyal", "owned", "run"}
    | {"operated", "controlled", "used", "held", "manned"}
)
"""Participles linking an object to its owner: "positions belonging to Hezbollah"."""
_HOSTILE_PARTICIPLES = frozenset(
    {"fighting", "battling", "attacking", "combating", "combatting", "confronting"}
    | {"resisting", "opposing", "targeting", "besieging"}
)
"""-ing participles after a noun whose object is that noun's enemy ("forces fighting IS")."""
_LED_ACTS = frozenset(
    {"war", "offensive", "operation", "assault", "attack", "attacks", "strikes", "airstrikes"}
    | {"blockade", "bombing", "invasion", "campaign", "intervention", "raid", "raids"}
)
"""Hostile acts after "X-led": "the Saudi-led war in Yemen" is Saudi Arabia's war."""
_BACKER_PARTICIPLES = frozenset(
    {"backed", "supported", "armed", "funded", "financed", "sponsored", "trained"}
    | {"equipped", "bankrolled", "aided", "supplied"}
)
"""Participles whose agent after "by" helps the noun before them: in "fought militants
backed by Tehran" Tehran backs the militants and is not what is fought."""
_AGENT_ACTS = frozenset(
    {"insurgency", "attack", "attacks", "offensive", "incursion", "incursions", "assault"}
    | {"aggression", "rebellion", "uprising", "advance", "raids", "raid", "infiltration"}
)
"""Hostile acts whose agent after "by" is the party an act against the act is against:
"repelled an attack by Islamic State", "is fighting an uprising by the rebels"."""
_HEDGE_VERBS = frozenset(
    {"says", "said", "say", "calls", "called", "call", "describes", "described", "claims"}
    | {"claimed", "considers", "considered", "deems", "deemed", "alleges", "alleged"}
)
"""Verbs of a hedged description: "what Israel says are Iranian targets"."""


_GAP_TIME_WORDS = frozenset(
    {"day", "week", "month", "year", "same", "next", "following", "previous", "last", "most"}
)


def _gapped_subject(low: list[str], joined_by: list[str], end: int) -> bool:
    """Whether the actor joined by "and" that ends at `end` opens a clause whose verb is left
    out: in "with Egypt backing the army and Ankara behind the militias" or "Iran arms the
    Houthis and Riyadh the government", Ankara and Riyadh are no more parties of the first
    verb but subjects of their own (an actor cannot be followed by a bare noun phrase)."""
    if ("and" not in joined_by and "or" not in joined_by) or end + 1 >= len(low):
        return False
    if low[end] == "behind":
        return True
    return low[end] in ("the", "its", "their") and low[end + 1] not in _GAP_TIME_WORDS


def _comitative_at(low: list[str], j: int) -> bool:
    """Whether token `j` opens a companion phrase ("alongside", "along with", "together
    with", "side by side with"): those after it act with the subject, not on the object."""
    if low[j] == "alongside":
        return True
    return low[j : j + 2] in (["along", "with"], ["together", "with"]) or low[j : j + 4] == [
        "side",
        "by",
        "side",
        "with",
    ]


def _hedge_end(low: list[str], j: int) -> int:
    """After "what" at `j`, the index past a hedge such as "what it says are" or "what Israel
    called", or `j` when there is none (the described thing follows)."""
    for k in range(j + 1, min(len(low), j + 6)):
        if low[k] in _HEDGE_VERBS:
            after = k + 1
            if after < len(low) and low[after] in ("are", "were", "is", "was", "as"):
                after += 1
            return after
        if low[k] in (",", ";", ".", "and", "but"):
            break
    return j


_DASH_REACH = 12
"""Tokens a dash-bracketed apposition may hold ("Iran - Syria's main backer - armed ...")."""


def _spaced_dash(sent: _Sent, k: int) -> bool:
    """Whether token `k` is a dash standing apart ("Iran - the ..."), not a hyphen ("Saudi-led")
    or a dateline's dash, which follows a parenthesis ("(Reuters) -")."""
    toks = sent.tokens
    if sent.low[k] not in ("-", "--") or k == 0 or k + 1 >= len(toks):
        return False
    return (
        toks[k - 1].end < toks[k].start
        and toks[k].end < toks[k + 1].start
        and toks[k - 1].low != ")"
    )


def _mark_dash_appositions(sent: _Sent) -> None:
    """Give an apposition set off by two dashes right after an actor its own clause number, as
    `mentions._relative_clauses` does for commas: in "Qatar - a small emirate with a U.S. base
    - hosted talks" the subject is Qatar, and nothing inside the dashes is the clause's. The
    two dashes read "--" in `sent.low` from then on."""
    low = sent.low
    k = 0
    while k < len(low):
        if not (_spaced_dash(sent, k) and k in sent.ends):
            k += 1
            continue
        close = next(
            (c for c in range(k + 2, min(len(low), k + _DASH_REACH + 1)) if _spaced_dash(sent, c)),
            -1,
        )
        if close < 0 or any(t in (",", ";", ".", '"') for t in low[k + 1 : close]):
            k += 1
            continue
        number = max(sent.clause, default=0) + 1
        for c in range(k + 1, close):
            sent.clause[c] = number
        # As punctuation the dashes are no hyphens: "- armed Hezbollah" is no "Iran-armed".
        low[k] = low[close] = "--"
        k = close + 1


def _continues(previous: _Sent, sentence: Sentence) -> bool:
    """A body sentence right after the previous one that opens or continues a quotation."""
    prev = previous.sentence
    return (
        prev.line_kind == sentence.line_kind == "body"
        and prev.end <= sentence.start
        and (sentence.text[:1] in "\"“'‘" or previous.in_quote[-1:] == [True])
    )


_VERBAL_ROLES = frozenset({"side", "sides", "sided", "siding"})
"""Role nouns that are also verbs of taking a side: "sided with Riyadh"."""


_ADJECTIVE_ROLES = frozenset({"military", "security", "intelligence", "army"})
"""Role nouns that are also adjectives of an act: "military action", "security cooperation"."""
_ACT_NOUNS = frozenset(
    {"action", "intervention", "operation", "operations", "aid", "assistance", "cooperation"}
    | {"support", "strikes", "campaign", "offensive", "pact", "agreement", "ties", "buildup"}
)
"""Act nouns such an adjective describes."""


def _without_verbal_roles(mentions: Sequence[Mention], low: list[str]) -> tuple[Mention, ...]:
    """Drop a role noun that is a verb or an adjective here ("appeared to side with Riyadh",
    "threatened military action against Doha"): a role left without an actor would hide the
    trigger from the patterns. A role a demonym or name gave an actor ("the Turkish side",
    "Turkish military operation") stays."""
    kept = []
    for m in mentions:
        word = " ".join(low[m.start : m.end])
        after = low[m.end] if m.end < len(low) else ""
        if (
            m.kind == "role"
            and m.actor is None
            and (
                (word in _VERBAL_ROLES and after == "with")
                or (word in _ADJECTIVE_ROLES and after in _ACT_NOUNS)
            )
        ):
            continue
        kept.append(m)
    return tuple(kept)


_REFERRED_GROUPS = frozenset({"coalition"})
"""Group nouns that stand for their leader once a leader was named ("the coalition")."""
_LED_GROUP_REACH = 10
"""Sentences back "the coalition" may point to the one an "X-led coalition" named."""


def _led_group_references(sent: _Sent) -> tuple[Mention, ...]:
    """Add "the coalition" (a group noun of `_REFERRED_GROUPS` after "the") as a mention of
    the leader an earlier "Saudi-led coalition" or "coalition led by Saudi Arabia" named, in
    this sentence or the ten before: a wire story names the coalition once and then says "the
    coalition". Records the leaders known after this sentence in `sent.led`."""
    low = sent.low
    here = sent.sentence.index
    led: dict[str, tuple[str, int]] = {}
    if sent.previous is not None:
        led = {
            noun: (leader, at)
            for noun, (leader, at) in sent.previous.led.items()
            if here - at <= _LED_GROUP_REACH
        }
    added: list[Mention] = []
    covered = {k for m in sent.mentions for k in range(m.start, m.end)}
    for k, tok in enumerate(low):
        if tok not in _REFERRED_GROUPS:
            continue
        leader = _leader_at(sent, k)
        if leader is not None:
            led[tok] = (leader, here)
            continue
        follows = low[k + 1] if k + 1 < len(low) else "."
        if tok not in led or k == 0 or low[k - 1] != "the" or k in covered:
            continue
        if follows in ("of", "led", "'s", "-"):
            continue  # "the coalition of the willing", "the coalition led by ..."
        added.append(Mention(k - 1, k + 1, led[tok][0], "role"))
    sent.led = led
    if not added:
        return sent.mentions
    return tuple(sorted((*sent.mentions, *added), key=lambda m: m.start))


def _leader_at(sent: _Sent, k: int) -> str | None:
    """The leader of the group noun at `k` when it is named there: "Saudi-led coalition",
    "coalition led by Saudi Arabia"."""
    low = sent.low
    if k >= 3 and low[k - 2 : k] == ["-", "led"]:
        m = next((m for m in sent.mentions if m.end == k - 2), None)
        if m is not None and m.actor is not None:
            return m.actor
    if low[k + 1 : k + 3] == ["led", "by"]:
        after = k + 4 if low[k + 3 : k + 4] == ["the"] else k + 3
        m = next((m for m in sent.mentions if m.start == after), None)
        if m is not None and m.actor is not None and not m.weak:
            return m.actor
    return None
