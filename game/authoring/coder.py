"""The event coder: sentences in, coded events out, each with the evidence it came from.

A dictionary- and rule-based coder in the tradition of CAMEO/PETRARCH, written in plain Python
(no parser, no model): names are found with a longest-match gazetteer, then composed (a demonym
or country before a role: "Syrian rebels", "Russia's foreign ministry"; a title before a name:
"Iranian President Hassan Rouhani"); each pattern's trigger then looks for its source (the
clause's subject, an apposition's head, a passive's agent, or the speaker of reported speech)
and its target (a direct object, or the mention after the pattern's preposition); modifiers near
the trigger negate it, re-time it (planned, threatened, ended) or lower its confidence.

Every step is linear in the sentence's length, so the coder's cost is linear in the article's.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence

from attrs import evolve, field, frozen

from game.authoring.dictionary import Dictionaries, Pattern, default_dictionaries
from game.authoring.text import Sentence, Token, tokenize, words_of
from game.scenario.model import Status

_BARRIERS = frozenset({";", ":", "but", "while", "whereas", "although", "though", "because", "."})
_QUOTES = frozenset({'"'})
_CURRENCY = frozenset({"dollar", "dollars", "cents"})
_CLAUSE_REACH = 60
"""Tokens back a coordinated verb's clause may start (a clause is rarely longer)."""
_CLAUSE_OPENERS = _BARRIERS | frozenset(
    {")", "after", "before", "since", "when", "until", "once", "if", "as", "that", "unless"}
)
_SIZE = frozenset({"significant", "large", "big", "huge", "massive", "further", "more", "fresh"})
_MAKE = frozenset({"make", "made", "makes", "making", "place", "placed", "places"})
_ANAPHORA_REACH = 15
"""Sentences back an act may be referred to ("condemned the measures" after the lead)."""
_ANAPHORIC = frozenset({"the", "this", "these", "that", "those", "such"})
_VP_ADVERBS = frozenset(
    {
        "also",
        "later",
        "then",
        "has",
        "had",
        "have",
        "would",
        "will",
        "could",
        "quickly",
        "swiftly",
        "immediately",
        "subsequently",
        "separately",
        "again",
        "repeatedly",
        "publicly",
        "reportedly",
        "had also",
        "has also",
        "is",
        "was",
        "were",
        "are",
        "openly",
        "formally",
    }
)
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_CLAUSE_VERBS = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "will", "would", "said", "says", "could"}
    | {"also", "later", "then", "can", "may", "might", "should", "must", "did", "does"}
)
"""Words that, right after a mention, show it is a clause's subject."""
_REACTION_VERBS = frozenset(
    {"sparking", "sparked", "drawing", "drew", "prompting", "prompted", "provoking", "provoked"}
    | {"triggering", "triggered", "angering", "angered", "fuelling", "fueling", "stoking"}
    | {"drawn", "sparks", "draws", "prompts", "provokes", "triggers", "earning", "earned"}
)
"""Verbs that draw a reaction from others: "..., sparking Turkish fury"."""
_LED_GROUPS = frozenset(
    {"coalition", "military", "alliance", "forces", "bloc", "group", "campaign", "intervention"}
)
"""Nouns after "X-led" that X stands for as a subject ("the Saudi-led coalition")."""
_RELATIONAL_ADJECTIVES = frozenset(
    {"military", "financial", "political", "economic", "diplomatic", "principal", "foremost"}
    | {"primary", "loyal", "steadfast", "natural", "reliable", "trusted", "historic", "old"}
    | {"oldest", "firm", "strong", "firmest", "biggest", "largest", "vital", "crucial", "chief"}
    | {"international", "western", "foreign", "unlikely", "increasingly", "longstanding"}
    | {"long-standing", "traditional", "de", "facto", "strategic", "important", "valued"}
)
"""Adjectives between a relational noun and its actors: "the main military backers of"."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "'s", "this"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "we", "they", "it", "i"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "its", "their", "his"})
_CONTROL_VERBS = frozenset(
    {
        "urge",
        "urged",
        "urges",
        "urging",
        "ask",
        "asked",
        "asks",
        "press",
        "pressed",
        "presses",
        "persuade",
        "persuaded",
        "told",
        "tell",
        "tells",
        "want",
        "wants",
        "wanted",
        "encourage",
        "encouraged",
        "push",
        "pushed",
        "pressure",
        "pressured",
        "allow",
        "allowed",
        "invite",
        "invited",
        "allowing",
        "letting",
        "let",
        "enable",
        "enabled",
        "enabling",
        "permit",
        "permitted",
        "permitting",
        "force",
        "forced",
        "forcing",
        "asking",
        "pressing",
    }
)
_AFTER_STOPS = frozenset(
    {",", ";", "which", "who", "but", "while", "that", "because", "after", "since", "when", "."}
)
_CONNECTORS = frozenset({",", "and", "or", "&", "plus"})
_RELATIVES = frozenset({"which", "who", "whom", "whose"})
_TARGET_STOPS = frozenset(
    {
        ",",
        ";",
        "that",
        "which",
        "who",
        "to",
        "but",
        "while",
        "if",
        "will",
        "would",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "after",
        "before",
        "as",
        "said",
        "says",
        "because",
        "since",
        "until",
        "when",
        "where",
        "not",
        "n't",
        "could",
        "should",
        "can",
        "may",
        "despite",
        "amid",
    }
)
_ADJECTIVE_FILLERS = frozenset(
    {
        "chief",
        "main",
        "top",
        "senior",
        "key",
        "foreign",
        "own",
        "new",
        "former",
        "other",
        "deputy",
        "special",
        "leading",
        "powerful",
        "close",
        "closest",
        "staunch",
        "staunchest",
        "longtime",
        "long-time",
        "regional",
        "traditional",
        "biggest",
        "strongest",
        "fiercest",
        "arch",
        "sworn",
        "major",
        "another",
        "only",
        "most",
        "important",
        "strategic",
        "state",
        "state-owned",
        "state-run",
    }
)


@frozen
class Mention:
    """An actor named in a sentence.

    Attributes:
        start, end: token range.
        actor: the actor id it names (None for a bare title such as "President").
        kind: name, capital, person, role, title, demonym (weak: only before a trigger noun).
        place: a country or capital used as a place ("fighting in Syria").
        via_role: the actor came from a role's default, not a name.
        apposition: a role in apposition, read as the actor it describes.
        extra: further actors the same words stand for ("the two countries" -> both).
    """

    start: int
    end: int
    actor: str | None
    kind: str
    place: bool = False
    via_role: bool = False
    apposition: bool = False
    extra: tuple[str, ...] = ()

    @property
    def weak(self) -> bool:
        return self.kind == "demonym" or self.actor is None


@frozen
class AgreementMention:
    """A named agreement in a sentence (`ASTANA`, `JCPOA`)."""

    start: int
    end: int
    agreement: str


@frozen
class Event:
    """One coded event: who did what to whom, with its evidence.

    Attributes:
        actors: the source actors (a multi-party statement has several).
        targets: the target actors; empty for a symmetric event among `actors`.
        kind: relation kind (alliance, support, ...) or "stance".
        code: the CAMEO code; goldstein its Goldstein weight.
        rule: id of the pattern that fired.
        status: active, planned, threatened or ended.
        confidence: 0..1.
        sentence: the sentence's index; source: its verbatim text.
        span: the trigger's character span in the article.
        agreements: ids of agreements the sentence names.
        symmetric, all_pairs: how the event becomes relations.
        sector, scope, stance, note: copied from the pattern.
        entities: for sanctions, how many individuals and entities the sentence counts.
        value: for deals, a value in billions of US dollars found in the sentence.
    """

    actors: tuple[str, ...]
    targets: tuple[str, ...]
    kind: str
    code: str
    goldstein: float
    rule: str
    status: Status
    confidence: float
    sentence: int
    source: str
    span: tuple[int, int]
    agreements: tuple[str, ...] = ()
    symmetric: bool = False
    all_pairs: bool = False
    sector: str | None = None
    scope: str | None = None
    stance: str | None = None
    note: str = ""
    entities: int | None = None
    value: float | None = None

    def pairs(self) -> list[tuple[str, str]]:
        """The (actor, target) pairs this event asserts, without self-pairs."""
        if self.targets:
            out = [(a, t) for a in self.actors for t in self.targets if a != t]
            if self.all_pairs:
                parties = list(dict.fromkeys(self.actors + self.targets))
                out = list(itertools.combinations(parties, 2))
            return out
        if self.symmetric and len(self.actors) >= 2:
            return list(itertools.combinations(self.actors, 2))
        return []


@frozen
class CodedSentence:
    """A sentence with the mentions found in it and the events coded from it."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    agreements: tuple[AgreementMention, ...]
    events: tuple[Event, ...]
    negated: tuple[Event, ...] = ()
    speaker: str | None = None
    tokens: tuple[Token, ...] = field(default=(), repr=False)


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
        self.mentions = self._references()
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
        self.speaker = self._find_speaker()
        if self.speaker is None and previous is not None and _continues(previous, sentence):
            self.speaker = previous.speaker
            self.speaker_others = previous.speaker_others

    # -- references back: "the kingdom", "the two countries" --------------------------------

    def _earlier(self, depth: int = 6) -> Iterable[_Sent]:
        sent = self.previous
        while sent is not None and depth > 0:
            yield sent
            sent = sent.previous
            depth -= 1

    def _references(self) -> tuple[Mention, ...]:
        """Add the mentions that point back to earlier ones.

        A pair ("the two countries", "both sides", "the two NATO allies") stands for the last
        two actors named together; a definite description ("the kingdom", "the bloc", "the
        administration", see `descriptions` in actors.toml) for the actor it describes that was
        named most recently. Either is dropped when nothing earlier fits."""
        low = self.low
        found: list[Mention] = []
        pair_heads = self.dicts.words.get("pair_heads", frozenset())
        relational = self.dicts.words.get("pair_relational", frozenset())
        descriptions = self.dicts.descriptions
        k = 0
        while k < len(low):
            tok = low[k]
            start = end = -1
            if tok == "both" or (tok == "two" and k > 0 and low[k - 1] in ("the", "'s")):
                for h in range(k + 1, min(len(low), k + 5)):
                    if low[h] in pair_heads:
                        start = k if tok == "both" else k - 1
                        if tok == "two" and low[k - 1] == "'s" and k >= 3 and low[k - 3] == "the":
                            start = k - 3  # "the world's two largest exporters"
                        end = h if low[h] in relational else h + 1
                        break
                    if low[h] in (",", ".", ";", ":", '"', "and", "or") or (
                        tok == "both" and h > k + 1
                    ):
                        break
                if end > start >= 0:
                    # A state named inside ("the two Damascus allies") is whom the pair is
                    # allied to, so the pair ends before it; an organisation ("the two NATO
                    # allies") is what they share, and stays inside.
                    actors = self.dicts.actors
                    for m in self.mentions:
                        if (
                            start < m.start < end
                            and m.actor in actors
                            and actors[m.actor].kind.value != "organisation"
                        ):
                            end = m.start
                            break
                    pair = self._pair_context(start)
                    if pair is not None:
                        found.append(Mention(start, end, pair[0], "pair", extra=pair[1:]))
                    k = end
                    continue
            if tok == "the" and k + 1 < len(low):
                for words, ids in descriptions.items():
                    n = len(words)
                    if tuple(low[k + 1 : k + 1 + n]) != words:
                        continue
                    after = low[k + 1 + n] if k + 1 + n < len(low) else ""
                    if after in ("between", "with", "of", "-"):
                        break  # "the alliance between X and Y" is a relation, not NATO
                    actor = self._recent(ids, k)
                    if actor is not None:
                        found.append(Mention(k, k + 1 + n, actor, "description"))
                        k += n
                    break
            k += 1
        if not found:
            return self.mentions
        spans = [(m.start, m.end) for m in found]
        kept = [m for m in self.mentions if not any(a < m.end and m.start < b for a, b in spans)]
        return tuple(sorted(kept + found, key=lambda m: m.start))

    def _recent(self, ids: Sequence[str], index: int) -> str | None:
        """Of `ids`, the one named last before token `index` (this sentence, then earlier)."""
        for m in reversed(self.mentions):
            if m.end <= index and m.actor in ids:
                return m.actor
        for sent in self._earlier():
            for m in reversed(sent.mentions):
                if m.actor in ids:
                    return m.actor
        return None

    def _pair_context(self, index: int) -> tuple[str, str] | None:
        """The last two actors named together before token `index`: in this sentence if it
        names two; else the latest earlier sentence naming this sentence's actor with another;
        else the latest earlier sentence naming two."""

        preps = self.dicts.words["object_preps"]

        def named(sent: _Sent, limit: int | None = None) -> list[Mention]:
            out = []
            for m in sent.mentions:
                if (limit is not None and m.end > limit) or m.weak or m.place:
                    continue
                if limit is not None and m.start > 0 and sent.low[m.start - 1] in preps:
                    continue  # "the push on Syria": an object, not one of the pair
                out.append(m)
            return out

        def ids_of(mentions: list[Mention]) -> list[str]:
            ids: list[str] = []
            for m in reversed(mentions):
                for actor in (m.actor, *m.extra):
                    if actor is not None and actor not in ids:
                        ids.append(actor)
            return ids

        before = named(self, index)
        here = ids_of(before)
        joined = all(
            set(self.low[a.end : b.start]) <= _CONNECTORS | {"the"}
            for a, b in itertools.pairwise(before)
        )
        prev_word = self.low[index - 1] if index > 0 else ""
        if (
            len(here) >= 2
            and joined
            and prev_word not in self.dicts.words["speech"]
            and prev_word not in ("that", ",", "between", "and")
        ):
            # "Russia, Iran and Turkey pledged to bring the two sides together": the subject is
            # not the pair its own verb acts on.
            here = []
        elif len(here) >= 2:
            return here[1], here[0]
        for sent in self._earlier():
            mentions = named(sent)
            ids = ids_of(mentions)
            if len(ids) < 2:
                continue
            if not here:
                return ids[1], ids[0]
            if here[0] in ids:
                # The actor named nearest to this sentence's actor there is its partner.
                anchors = [m.start for m in mentions if here[0] in (m.actor, *m.extra)]
                others = [m for m in mentions if here[0] not in (m.actor, *m.extra)]
                nearest = min(others, key=lambda m: min(abs(m.start - a) for a in anchors))
                return here[0], nearest.actor or nearest.extra[0]
        return None

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

    # -- subjects, speakers, pronouns ------------------------------------------------------

    def _valid_subject(self, m: Mention) -> bool:
        if m.weak or m.place:
            return False
        if m.end < len(self.low) and self.low[m.end] == "'s":
            return False
        k = m.start - 1
        while k >= 0 and self.low[k] in _DETERMINERS | _ADJECTIVE_FILLERS:
            k -= 1
        return not (k >= 0 and self.low[k] in self.dicts.words["object_preps"])

    def subject(self, index: int, limit: int = 30) -> tuple[list[Mention], str]:
        """The subject group of the clause before token `index`, and how it was found."""
        words = self.dicts.words
        controlled = self._controlled(index)
        if controlled:
            return controlled, "control"
        coordinated = self._coordinated(index)
        if coordinated:
            return coordinated, "coordinated"
        j = index - 1
        while j >= 0 and index - j <= limit:
            low = self.low[j]
            m = self.ends.get(j + 1)
            if m is not None and self.clause[m.start] not in (0, self.clause[index]):
                j = m.start - 1  # inside an apposition or relative clause the trigger is not in
                continue
            if (
                m is not None
                and m.start >= 2
                and self.low[m.start - 1] == "by"
                and self.low[m.start - 2] in ("led", "headed")
                and self.clause[m.start] in (0, self.clause[index])
            ):
                return self._led_by(m), "subject"
            if (
                m is not None
                and m.actor is not None
                and self.low[m.end : m.end + 2] == ["-", "led"]
                and m.end + 2 < len(self.low)
                and self.low[m.end + 2] in _LED_GROUPS
                and self.clause[m.start] in (0, self.clause[index])
            ):
                # "The Saudi-led coalition bombed ...": the leader stands for its coalition.
                return [Mention(m.start, m.end, m.actor, "name")], "subject"
            if m is not None and m.start <= j and self._valid_subject(m) and not m.apposition:
                group = self.group(m)
                if not self._valid_subject(group[0]) and not self._listed(group[0]):
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
                if k >= 0 and self.low[k] == ",":
                    k -= 1
                ante = self.antecedent(k + 1)
                if ante is not None and not ante.weak:
                    return self.group(ante), "relative"
                break
            if low == "that":
                ante = self.ends.get(j)
                if ante is not None and not ante.weak:
                    return self.group(ante), "relative"
                if j > 0 and all(t in _VP_ADVERBS for t in self.low[j + 1 : index]):
                    # "countries that make purchases": "that" is the subject, and it stands
                    # for a noun the dictionaries do not know, not for an earlier actor.
                    before = self.low[j - 1]
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
            if low in _SUBJECT_PRONOUNS and (j + 1 == len(self.low) or self.low[j + 1] != "'s"):
                resolved = self.resolve_pronoun(j)
                if resolved:
                    return resolved, "pronoun"
                break
            if m is not None:
                j = m.start - 1
                continue
            j -= 1
        return [], ""

    def _listed(self, m: Mention) -> bool:
        """ "Gulf allies of Saudi Arabia, including the UAE and Bahrain, sided with": a list
        set off by "including" names the subject's members, so it is the subject."""
        k = m.start - 1
        while k >= 0 and self.low[k] in _DETERMINERS:
            k -= 1
        if k < 0 or self.low[k] not in ("including", "notably", "especially", "particularly"):
            return False
        return k > 0 and self.low[k - 1] == ","

    def _led_by(self, leader: Mention) -> list[Mention]:
        """ "a coalition led by Saudi Arabia launched ...": the leader is the subject; in
        "OPEC and its allies led by Russia agreed ...", so is the actor before "and its allies"."""
        group = self.group(leader)
        k = leader.start - 2  # "led"
        j = k
        while j > 0 and k - j < 4 and self.low[j - 1] not in ("and", ",", "."):
            j -= 1
        if j > 1 and self.low[j - 1] == "and" and self.low[j] in ("its", "their"):
            before = self.ends.get(j - 1)
            if before is not None and not before.weak and not before.place:
                return self.group(before) + group
        return group

    def _coordinated(self, index: int) -> list[Mention]:
        """ "Zarif urged Turkey to end the incursion and offered to mediate": a verb right
        after "and" shares the subject of the verb it is coordinated with, which is the first
        actor of the clause (Zarif), not the nearest one (Turkey)."""
        low = self.low
        k = index - 1
        while k >= 0 and low[k] in _VP_ADVERBS:
            k -= 1
        if k > 1 and low[k] == "to" and self.ends.get(k) is None:
            k -= 2  # "and offered to mediate": the verb before the infinitive
            while k >= 0 and low[k] in _VP_ADVERBS:
                k -= 1
        if k < 1 or low[k] != "and" or self.clause[k] != 0:
            return []
        start = k - 1
        while start > max(0, k - _CLAUSE_REACH) and low[start - 1] not in _CLAUSE_OPENERS:
            start -= 1
        first = bisect.bisect_left(self.mention_starts, start)
        for m in self.mentions[first:]:
            if m.start >= k:
                break
            if m.start == 0 and self.tokens[0].text.isupper() and len(self.tokens[0].text) > 2:
                continue  # a dateline: "ANKARA, July 12 -"
            if self.clause[m.start] != 0 or m.apposition or not self._valid_subject(m):
                continue
            return [x for x in self.group(m) if x.start < k]
        return []

    def _controlled(self, index: int) -> list[Mention]:
        """ "urged Turkey to do more", "called on Washington to stop ...": the infinitive's
        subject is the object of the control verb."""
        k = index - 1
        while k >= 0 and self.low[k] in (
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
        if k < 1 or self.low[k] != "to":
            return []
        m = self.ends.get(k)
        if (
            m is None
            and k >= 2
            and self.low[k - 1] in ("them", "it")
            and (self.low[k - 2] in _CONTROL_VERBS)
        ):
            # "granted waivers to China, India and Turkey, allowing them to keep buying": the
            # pronoun is the object list before it, whole.
            for prior in reversed(self.mentions):
                if prior.end <= k - 2 and prior.actor is not None and not prior.place:
                    return self.group(prior) if not prior.weak else []
            return []
        if m is None or m.actor is None or m.weak:
            return []
        before = self.low[m.start - 1] if m.start > 0 else ""
        before2 = self.low[m.start - 2] if m.start > 1 else ""
        if before in _CONTROL_VERBS or (
            before == "on" and before2 in ("call", "called", "calls", "calling")
        ):
            return self.group(m)
        return []

    def _find_speaker(self) -> str | None:
        speech = self.dicts.words["speech"]
        for j, low in enumerate(self.low):
            if low not in speech:
                continue
            if low == "according":
                if j + 1 < len(self.low) and self.low[j + 1] == "to":
                    m = self._first_mention_after(j + 2, 4)
                    if m is not None:
                        self.speaker_mention = m
                        return m.actor
                continue
            coordinated = self._coordinated(j)
            if coordinated:  # "Erdogan dismissed the sanctions and said ..."
                self.speaker_mention = coordinated[0]
                return coordinated[0].actor
            # "..., Putin said" / "Putin said ..." / "said Putin"
            m = self.ends.get(j)
            k = j - 1
            while m is None and k >= 0 and j - k <= 6 and self.low[k] not in ('"', ",", "."):
                m = self.ends.get(k)
                k -= 1
            if m is not None and not m.weak:
                self.speaker_mention = m
                return m.actor
            group, how = self.subject(j, limit=25)
            if group and how != "pronoun":
                self.speaker_mention = group[0]
                # "Britain and France said ...": both speak.
                self.speaker_others = self.actors(group)[1:]
                return group[0].actor
            m = self._first_mention_after(j + 1, 2)
            if m is not None:
                self.speaker_mention = m
                return m.actor
        return None

    def _first_mention_after(self, start: int, window: int) -> Mention | None:
        for j in range(start, min(len(self.low), start + window)):
            m = self.starts.get(j)
            if m is not None and not m.weak:
                return m
        return None

    def resolve_pronoun(self, index: int, exclude: Iterable[str] = ()) -> list[Mention]:
        """What a pronoun at `index` most likely refers to (crude, clearly so: confidence drops)."""
        exclude = set(exclude)
        low = self.low[index]
        if low in ("we", "i", "our", "us") or self.in_quote[index]:
            return self._speaker_group()
        if low in ("he", "she", "him", "her", "his"):
            for m in reversed(self.mentions):
                if m.end <= index and m.kind == "person":
                    return [m]
            return self._speaker_group()
        for m in reversed(self.mentions):  # it, they, its, their, them
            if m.end <= index and self._valid_subject(m) and m.actor not in exclude:
                return self.group(m)
        if self.speaker is not None:
            return self._speaker_group()
        if self.previous is not None:
            for m in self.previous.mentions:
                if self.previous._valid_subject(m):
                    return [Mention(-1, -1, m.actor, m.kind)]
        return []

    def resolve_object_pronoun(self, index: int, exclude: Iterable[str]) -> list[Mention]:
        """ "its", "them", "him" as a target: the nearest earlier actor of this sentence that is
        not the event's own source (never one from another sentence: too unsure)."""
        exclude = set(exclude)
        want_person = self.low[index] in ("him", "her")
        for m in reversed(self.mentions):
            if m.end > index or m.weak or m.place or m.actor in exclude:
                continue
            if want_person and m.kind != "person":
                continue
            return [m]
        return []

    def _speaker_group(self) -> list[Mention]:
        if self.speaker is None:
            return []
        return [
            Mention(-1, -1, actor, "speaker")
            for actor in dict.fromkeys((self.speaker, *self.speaker_others))
        ]

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
                resolved = self.resolve_object_pronoun(j, exclude)
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


def _expand(mentions: list[Mention]) -> list[Mention]:
    """One mention per actor: "the two countries" becomes two mentions over the same words."""
    if not any(m.extra for m in mentions):
        return mentions
    out = []
    for m in mentions:
        out.append(m)
        out.extend(Mention(m.start, m.end, x, m.kind) for x in m.extra)
    return out


def _relative_clauses(
    low: list[str], mention_ends: set[int], mention_starts: set[int]
) -> list[int]:
    """For each token, the number of the ", which ..." / ", who ..." clause or the apposition
    (", the world's biggest producers,") it is in; 0 for the main clause.

    Coordination never crosses such a clause's edge: in "Russia and Iran, who support the
    regime, and Turkey" the regime is not a third member of the list; and a clause's subject
    is never found inside an apposition."""
    out = [0] * len(low)
    current = 0
    count = 0
    for k, tok in enumerate(low):
        opens_relative = tok in _RELATIVES and k > 0 and low[k - 1] == ","
        opens_apposition = (
            tok in ("the", "a", "an", "another")
            and k > 1
            and low[k - 1] == ","
            and (k - 1) in mention_ends
            and (k + 1) not in mention_starts  # ", the United Arab Emirates, ...": a list
        )
        if opens_relative or opens_apposition:
            count += 1
            current = count
        elif tok in (",", ";", "."):
            out[k] = 0
            current = 0
            continue
        out[k] = current
    return out


def _quote_depths(low: list[str]) -> list[bool]:
    inside = False
    out = []
    for tok in low:
        if tok == '"':
            inside = not inside
            out.append(inside)
        else:
            out.append(inside)
    return out


def _continues(previous: _Sent, sentence: Sentence) -> bool:
    """A body sentence right after the previous one that opens or continues a quotation."""
    prev = previous.sentence
    return (
        prev.line_kind == sentence.line_kind == "body"
        and prev.end <= sentence.start
        and (sentence.text[:1] in "\"“'‘" or previous.in_quote[-1:] == [True])
    )


# ---------------------------------------------------------------------------------------------
# Mentions


def _find_mentions(
    tokens: list[Token], dicts: Dictionaries, remap: dict[str, str] | None = None
) -> tuple[tuple[Mention, ...], tuple[AgreementMention, ...]]:
    low = [tok.low for tok in tokens]
    raw: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(tokens):
        hit = None
        for entry in dicts.gazetteer.get(low[i], ()):
            n = len(entry.words)
            if tuple(low[i : i + n]) != entry.words:
                continue
            if entry.exact is not None:
                text = "".join(tok.text for tok in tokens[i : i + n])
                if text.replace("’", "'") != "".join(entry.exact).replace(" ", ""):
                    continue
            elif entry.cased and not tokens[i].text[:1].isupper():
                continue
            hit = (i, i + n, entry.kind, entry.ref)
            break
        if hit is None:
            i += 1
            continue
        if remap and hit[2] in ("demonym", "plural_demonym") and hit[3] in remap:
            hit = (hit[0], hit[1], hit[2], remap[hit[3]])
        raw.append(hit)
        i = hit[1]

    locative = dicts.words["locative"]
    mentions: list[Mention] = []
    agreements: list[AgreementMention] = []
    for start, end, kind, ref in raw:
        if kind == "agreement":
            agreements.append(AgreementMention(start, end, ref))
            continue
        prev = mentions[-1] if mentions else None
        gap = _gap(low, prev.end, start) if prev is not None else None
        if kind == "role":
            role = dicts.roles[int(ref)]
            if prev is not None and gap is not None and prev.kind != "title" and not prev.place:
                actor = role.resolve(prev.actor) if prev.actor else role.default
                mentions[-1] = Mention(prev.start, end, actor, "role" if actor else "title")
                continue
            if role.kind == "title":
                mentions.append(Mention(start, end, None, "title"))
            else:
                mentions.append(Mention(start, end, role.default, "role", via_role=True))
            continue
        if kind == "person":
            actor = dicts.people[int(ref)].actor
            if prev is not None and prev.kind in ("title", "role") and prev.end == start:
                mentions[-1] = Mention(prev.start, end, actor, "person")
                continue
            if prev is not None and prev.kind == "title" and gap is not None:
                mentions[-1] = Mention(prev.start, end, actor, "person")
                continue
            mentions.append(Mention(start, end, actor, "person"))
            continue
        place = False
        if kind in ("name", "capital") and end < len(low) and low[end] in _CURRENCY:
            place = True  # "30 billion US dollars": money, not an actor
        elif kind in ("name", "capital") and start > 0:
            k = start - 1
            while k >= 0 and low[k] in ("the", "northern", "southern", "eastern", "western"):
                k -= 1
            place = k >= 0 and low[k] in locative
        mkind = {"plural_demonym": "name", "capital": "capital"}.get(kind, kind)
        mentions.append(Mention(start, end, ref, mkind, place=place))
    return tuple(_appositions(_elliptical(mentions, low), low)), tuple(agreements)


def _elliptical(mentions: list[Mention], low: list[str]) -> list[Mention]:
    """ "Turkish and Iraqi troops": the first demonym shares the role of the second."""
    out = list(mentions)
    for n in range(len(out) - 1):
        a, b = out[n], out[n + 1]
        if a.kind != "demonym" or b.kind != "role" or b.actor is None:
            continue
        if low[a.end : b.start] in (["and"], [","], ["or"]):
            out[n] = Mention(a.start, a.end, a.actor, "role")
    return out


def _appositions(mentions: list[Mention], low: list[str]) -> list[Mention]:
    """A role in an apposition names the actor before it: "The National Liberation Front, the
    main Turkish-backed rebel alliance" is the NLF, not the opposition in general."""
    out = list(mentions)
    for n, m in enumerate(out):
        if not (m.via_role or m.kind == "role") or n == 0:
            continue
        head = None
        for p in reversed(out[:n]):
            if p.kind != "demonym":
                head = p
                break
        if head is None or head.weak or head.place or head.end >= len(low):
            continue
        if low[head.end] != "," or head.end + 1 >= m.start:
            continue
        if low[head.end + 1] not in ("the", "a", "an", "another"):
            continue
        between = low[head.end + 2 : m.start]
        if len(between) <= 5 and "," not in between:
            out[n] = Mention(m.start, m.end, head.actor, m.kind, m.place, apposition=True)
    return out


def _gap(low: list[str], prev_end: int, start: int) -> int | None:
    """Tokens between a modifier mention and a role: "'s" and a few adjectives may intervene."""
    j = prev_end
    if j < start and low[j] == "'s":
        j += 1
    skipped = 0
    while j < start and low[j] in _ADJECTIVE_FILLERS and skipped < 3:
        j += 1
        skipped += 1
    return skipped if j == start else None


# ---------------------------------------------------------------------------------------------
# Patterns


_IRREGULAR = {
    "be": ("is", "are", "was", "were", "been", "being", "'s", "'re"),
    "lend": ("lent",),
    "throw": ("threw", "thrown"),
    "come": ("came",),
    "go": ("went", "gone"),
    "fall": ("fell", "fallen"),
    "shut": ("shut", "shutting"),
    "slap": ("slapped", "slapping"),
    "spar": ("sparred", "sparring"),
    "begin": ("began", "begun", "beginning"),
    "meet": ("met",),
    "freeze": ("froze", "frozen"),
    "expel": ("expelled", "expelling"),
    "repel": ("repelled", "repelling"),
    "cancel": ("cancelled", "cancelling", "canceled", "canceling"),
    "equip": ("equipped", "equipping"),
    "permit": ("permitted", "permitting"),
    "regret": ("regretted", "regretting"),
    "drop": ("dropped", "dropping"),
    "scrap": ("scrapped", "scrapping"),
    "veto": ("vetoed", "vetoes", "vetoing"),
    "bar": ("barred", "barring"),
    "stop": ("stopped", "stopping"),
    "cut": ("cut", "cutting"),
    "win": ("won", "winning"),
    "buy": ("bought",),
    "sell": ("sold",),
    "fight": ("fought",),
    "build": ("built",),
    "hold": ("held",),
    "strike": ("struck", "stricken"),
    "seek": ("sought",),
    "lead": ("led",),
    "shoot": ("shot",),
    "drive": ("drove", "driven"),
    "stand": ("stood",),
    "withdraw": ("withdrew", "withdrawn"),
    "leave": ("left",),
    "make": ("made",),
    "take": ("took", "taken"),
    "give": ("gave", "given"),
    "hit": ("hit",),
    "send": ("sent",),
    "bring": ("brought",),
    "keep": ("kept",),
    "see": ("saw", "seen"),
    "speak": ("spoke", "spoken"),
    "deal": ("dealt",),
    "undertake": ("undertook", "undertaken"),
    "forge": ("forged",),
    "put": ("put",),
    "slam": ("slammed", "slamming"),
    "ship": ("shipped", "shipping"),
    "plan": ("planned", "planning"),
    "ban": ("banned", "banning"),
    "quit": ("quit", "quitting"),
    "shell": ("shelled", "shelling"),
    "label": ("labelled", "labelling", "labeled", "labeling"),
    "abet": ("abetted",),
    "rebel": ("rebelled",),
    "commit": ("committed", "committing"),
    "sign": ("signed", "signing"),
    "bomb": ("bombed", "bombing"),
    "arm": ("armed", "arming"),
    "fire": ("fired", "firing"),
    "ink": ("inked", "inking"),
    "back": ("backed", "backing"),
    "patrol": ("patrolled", "patrolling"),
    "control": ("controlled",),
    "ally": ("allied", "allies", "allying"),
    "rally": ("rallied",),
    "vie": ("vying", "vied", "vies"),
}


def _verb_forms(phrase: str) -> set[tuple[str, ...]]:
    words = words_of(phrase)
    if not words:
        return set()
    head, rest = words[0], words[1:]
    forms = {head, *_IRREGULAR.get(head, ())}
    if head.endswith("e"):
        forms |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {head + "es", head + "ed", head + "ing"}
    else:
        forms |= {head + "s", head + "ed", head + "ing"}
        if (
            len(head) <= 4
            and head[-1] not in "aeiouwxy"
            and head[-2] in "aeiou"
            and head[-3:-2] not in ("a", "e", "i", "o", "u", "")
        ):
            forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    out = {(form, *rest) for form in forms}
    if rest:
        # "cooperated closely with", "has also sided with": an adverb may split a phrase.
        out |= {(form, adverb, *rest) for form in forms for adverb in _PHRASE_ADVERBS}
    return out


_PHRASE_ADVERBS = (
    "closely",
    "also",
    "jointly",
    "openly",
    "publicly",
    "firmly",
    "strongly",
    "sharply",
    "fiercely",
    "repeatedly",
    "quickly",
    "swiftly",
    "again",
    "increasingly",
    "already",
    "reportedly",
    "formally",
    "fully",
    "quietly",
    "secretly",
    "covertly",
    "discreetly",
    "actively",
    "directly",
)
"""Adverbs that may sit inside a multi-word verb phrase without breaking it."""


def _noun_forms(phrase: str) -> set[tuple[str, ...]]:
    words = words_of(phrase)
    if not words:
        return set()
    *rest, head = words
    forms = {head}
    if head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms.add(head[:-1] + "ies")
    elif head.endswith(("s", "sh", "ch", "x")):
        forms.add(head + "es")
    else:
        forms.add(head + "s")
    return {(*rest, form) for form in forms}


@frozen
class _Compiled:
    pattern: Pattern
    triggers: tuple[tuple[str, ...], ...]
    objects: tuple[tuple[str, ...], ...]
    preps: tuple[tuple[str, ...], ...]


def _compile(dicts: Dictionaries) -> tuple[dict[str, list[_Compiled]], list[_Compiled]]:
    compiled = []
    for pattern in dicts.patterns:
        forms: set[tuple[str, ...]] = set()
        for trig in pattern.triggers:
            forms |= _verb_forms(trig) if pattern.pos == "verb" else _noun_forms(trig)
            forms.add(words_of(trig))
        objects: set[tuple[str, ...]] = set()
        for obj in pattern.object:
            objects |= _noun_forms(obj)
            objects.add(words_of(obj))
        compiled.append(
            _Compiled(
                pattern,
                tuple(sorted(forms, key=len, reverse=True)),
                tuple(sorted(objects, key=len, reverse=True)),
                tuple(words_of(p) for p in pattern.prep),
            )
        )
    index: dict[str, list[_Compiled]] = {}
    # Patterns that need an object ("impose ... sanctions") are more specific than those that
    # do not, so they get the first chance at a trigger; otherwise the file's order decides.
    # Each word's entry keeps only the forms starting with it, so a family with thousands of
    # phrase forms costs nothing at the words it does not start with.
    ordered = sorted(compiled, key=lambda comp: 0 if comp.objects else 1)
    for comp in ordered:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for form in comp.triggers:
            by_first.setdefault(form[0], []).append(form)
        for first, forms in by_first.items():
            index.setdefault(first, []).append(evolve(comp, triggers=tuple(forms)))
    return index, compiled


FALLBACK_CONFIDENCE = 0.35
"""The most a fallback event (a family word, no full pattern) is trusted; review sorts it first."""

_FALLBACK_GENERIC = frozenset(
    {"be", "go", "come", "make", "take", "hold", "stand", "work", "call", "enter", "form", "give"}
    | {"reach", "send", "show", "express", "voice", "declare", "throw", "lend", "rally", "do"}
    | {"sign", "enter", "be", "exercise", "jointly", "re-establish", "reestablish", "resume"}
    | {"open", "reopen", "exchange", "resume", "restore", "establish", "break", "cut", "fall"}
    | {"order", "source", "train", "court", "counter", "contain", "target", "hit"}
    | {"provide", "supply", "deliver", "ship", "transfer", "pipe", "lease", "suspend", "trade"}
    | {"operation", "campaign", "war", "fight", "struggle", "order", "deal", "agreement"}
)
"""Heads too common to carry a polarity on their own: the fallback needs the whole phrase."""


_FALLBACK_PREPS = {
    "hostility": ("against", "at", "on", "with", "toward", "towards", "into"),
    "sanction": ("on", "against", "targeting"),
    "support": ("to", "for", "behind"),
    "cooperation": ("with", "between"),
    "alliance": ("with", "between"),
    "deal": ("with", "to", "between"),
    "rivalry": ("with", "between"),
}
"""Prepositions that introduce the other party of a fallback relation, by kind."""


def _fallback_lexicon(dicts: Dictionaries) -> dict[str, list[tuple[tuple[str, ...], _Compiled]]]:
    """Family words by first token: each word's forms with a pattern-like record to code it."""
    lexicon: dict[str, list[tuple[tuple[str, ...], _Compiled]]] = {}
    for family in dicts.families:
        if not family.fallback:
            continue
        # Nouns stay out: measured on the development sets, a noun with two actors near it
        # was a relation less often than not ("its oil exports from U.S. sanctions").
        for pos, phrases in (("verb", family.verbs),):
            if not phrases:
                continue
            pattern = Pattern(
                id=f"fallback.{family.id}",
                triggers=phrases,
                pos=pos,
                kind=family.kind,
                code=family.code,
                goldstein=family.goldstein,
                symmetric=False,
                confidence=FALLBACK_CONFIDENCE,
                note=f"fallback: family {family.id} word, no full pattern; check it",
            )
            comp = _Compiled(pattern, (), (), ())
            for phrase in phrases:
                words = words_of(phrase)
                if not words or words[0] in _FALLBACK_GENERIC:
                    continue
                # A verb with only its preposition ("clash with") is read by its head alone
                # ("clashed ... with"): the target's preposition is read by kind, wherever
                # it falls. Longer phrases ("push back against") must be there whole.
                head_only = len(words) == 1 or (
                    len(words) == 2 and words[1] in dicts.words["object_preps"]
                )
                for form in _verb_forms(words[0] if head_only else phrase):
                    entry = (form, comp)
                    bucket = lexicon.setdefault(form[0], [])
                    if all(c.pattern.id != comp.pattern.id for _f, c in bucket):
                        bucket.append(entry)
    for entries in lexicon.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return lexicon


_CACHE: dict[int, tuple[Dictionaries, dict[str, list[_Compiled]]]] = {}


def _compiled(dicts: Dictionaries) -> dict[str, list[_Compiled]]:
    """The compiled trigger index of a dictionary set, built once per set.

    The cache keeps the set itself alive, so an id is never reused for another set."""
    cached = _CACHE.get(id(dicts))
    if cached is None or cached[0] is not dicts:
        if len(_CACHE) > 64:
            _CACHE.clear()
        cached = (dicts, _compile(dicts)[0])
        _CACHE[id(dicts)] = cached
    return cached[1]


class Coder:
    """Codes sentences into events with one set of dictionaries."""

    def __init__(self, dicts: Dictionaries | None = None) -> None:
        self.dicts = dicts if dicts is not None else default_dictionaries()
        self.index = _compiled(self.dicts)
        self._goods: dict[str, list[tuple[str, ...]]] = {}
        for word in self.dicts.words["goods"]:
            phrase = words_of(word)
            if phrase:
                self._goods.setdefault(phrase[0], []).append(phrase)
        self._modifiers = []
        for mod in self.dicts.modifiers:
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for word in mod.words:
                phrase = words_of(word)
                if phrase:
                    by_first.setdefault(phrase[0], []).append(phrase)
            self._modifiers.append((mod, by_first))
        self._fallback = _fallback_lexicon(self.dicts)

    def code_sentences(self, sentences: Sequence[Sentence]) -> list[CodedSentence]:
        """Code every sentence, in order (reported speech carries over within a paragraph)."""
        out = []
        previous: _Sent | None = None
        remap = self._context(sentences)
        history: list[Event] = []  # the article's events so far, for "condemned the measures"
        for sentence in sentences:
            sent = _Sent(sentence, self.dicts, previous, remap)
            sent.history = history
            out.append(self._code(sent))
            previous = sent
        return out

    def _context(self, sentences: Sequence[Sentence]) -> dict[str, str]:
        """Article-wide readings of ambiguous demonyms (see `[[contexts]]` in actors.toml):
        "Kurdish" is the YPG in a Syria story, the KRG in an Iraq story."""
        if not self.dicts.contexts:
            return {}
        counts: dict[str, int] = {}
        for sentence in sentences[:400]:
            mentions, _ = _find_mentions(tokenize(sentence.text), self.dicts)
            for m in mentions:
                if m.actor is not None and m.kind in ("name", "capital", "person"):
                    counts[m.actor] = counts.get(m.actor, 0) + 1
        remap = {}
        for context in self.dicts.contexts:
            when = sum(counts.get(a, 0) for a in context.when)
            against = sum(counts.get(a, 0) for a in context.against)
            if when > against:
                remap[context.demonym_actor] = context.becomes
        return remap

    def code_text(self, text: str) -> list[Event]:
        """Events of one piece of text treated as a single body paragraph (for tests)."""
        from game.authoring.text import split_sentences

        body = "headline\n" + text
        sentences = [s for s in split_sentences(body) if s.line_kind != "headline"]
        events: list[Event] = []
        for coded in self.code_sentences(sentences):
            events.extend(coded.events)
        return events

    # -- one sentence ---------------------------------------------------------------------------

    def _code(self, sent: _Sent) -> CodedSentence:
        events: list[Event] = []
        negated: list[Event] = []
        consumed: set[int] = set()
        denied: list[tuple[set[int], str]] = []
        for i, low in enumerate(sent.low):
            for comp in self.index.get(low, ()):
                for form in comp.triggers:
                    if tuple(sent.low[i : i + len(form)]) != form:
                        continue
                    if i in consumed:
                        break
                    event, used = self._match(sent, comp, i, i + len(form))
                    if event is None:
                        break
                    if any(i in span and event.kind == kind for span, kind in denied):
                        consumed |= used
                        break
                    if event.stance == "__negated__":
                        # A denied act leaves its object free: in "refused to halt its weapons
                        # sales to the kingdom" the sales are still coded; but what the object
                        # would code as the same kind of fact is denied with it ("did not
                        # impose sanctions").
                        consumed.add(i)
                        denied.append((used, event.kind))
                        negated.append(evolve(event, stance=comp.pattern.stance))
                        break
                    consumed |= used
                    if event.stance == "__negated__":
                        negated.append(evolve(event, stance=comp.pattern.stance))
                    else:
                        events.append(event)
                        sent.history.append(event)
                    break
        if self._fallback:
            events.extend(self._fallback_events(sent, events, consumed))
        return CodedSentence(
            sentence=sent.sentence,
            mentions=sent.mentions,
            agreements=sent.agreements,
            events=tuple(_dedupe(events)),
            negated=tuple(negated),
            speaker=sent.speaker,
            tokens=tuple(sent.tokens),
        )

    def _match(self, sent: _Sent, comp: _Compiled, i: int, j: int) -> tuple[Event | None, set[int]]:
        pattern = comp.pattern
        low = sent.low
        # A trigger inside a name ("Free Syrian Army", "support" in "Support Group") is no trigger.
        if i in sent.covered:
            return None, set()
        if i in sent.agreement_tokens and pattern.pos == "verb":
            return None, set()
        if pattern.pos == "verb" and pattern.layout != "hyphen":
            if i > 0 and low[i - 1] == "-":
                return None, set()  # "Turkish-backed": an adjective, handled by the hyphen layout
            if low[i].endswith("ing") and any(
                t in ("a", "an", "the", "its", "their", "this") for t in low[max(0, i - 2) : i]
            ):
                return None, set()  # "an emergency meeting": a noun
            k = i - 1
            while k >= 0 and (low[k] in _ADJECTIVE_FILLERS or low[k] in _SIZE):
                k -= 1
            if k >= 0 and low[k] in _DETERMINERS:
                return None, set()  # "the support", "Iran's backing": a noun, not a verb
            if k >= 0 and low[k] in _MAKE:
                return None, set()  # "make significant purchases": a noun after a light verb
        end = j
        used = set(range(i, j))
        if comp.objects:
            reach = max(8, pattern.window)
            passive_here = self._passive(sent, i)
            lo, hi = (i - 6, i) if passive_here else (j, j + reach)
            if passive_here and sent.find_phrase(comp.objects, lo, hi) < 0:
                lo, hi = j, j + reach  # "Iran was hit with new sanctions by the US"
            if pattern.anaphora:
                # The act must be this verb's own object: in "Poland, which opposes the
                # project, welcomed the move" "opposes" has nothing to do with "the move".
                for k in range(j, min(hi, len(low))):
                    if low[k] in (",", ";", ".", "and", "but", "while"):
                        hi = k
                        break
            found = sent.find_phrase(comp.objects, lo, hi)
            if found < 0:
                return None, set()
            if found > end:
                used |= set(range(end, found))
                end = found
        penalty = 0.0
        layout = pattern.layout
        sources: list[Mention] = []
        targets: list[Mention] = []
        how = ""
        if layout == "hyphen":
            if i < 2 or low[i - 1] != "-":
                return None, set()
            src = sent.mention_ending(i - 1)
            if src is None or src.actor is None:
                return None, set()
            sources = [src]
            head = sent.apposition_head(src.start)
            if head is not None:
                # "Hezbollah, the Iranian-backed Lebanese group": Hezbollah is what is backed.
                targets = [head]
            else:
                targets, _ = sent.target_after(j, 3)
        elif layout == "relational":
            sources, targets, penalty = self._relational(sent, comp, i, j)
        elif layout == "with_of":
            if i < 2 or low[i - 1] not in ("the", "of") or "with" not in low[max(0, i - 4) : i]:
                return None, set()
            targets_after = self._prep_target(sent, comp, j, 2)
            if not targets_after:
                return None, set()
            sources = targets_after
            targets, _how = sent.subject(max(0, i - 3))
        elif layout == "after":
            # "In a joint statement, Russia, Iran and Azerbaijan said ...": the group after it.
            start = j + 1 if j < len(low) and low[j] == "," else j
            sources, _ = sent.target_after(start, 3, False, (), direct=False)
            if len(sent.actors(sources)) < 2:
                return None, set()
        elif layout == "reaction":
            # "..., sparking Arab and Turkish fury", "drawing condemnation from Turkey": the
            # reaction's owners turn against the subject of the act that drew it.
            k = next((k for k in range(max(0, i - 4), i) if low[k] in _REACTION_VERBS), -1)
            if k < 0:
                return None, set()
            owner = self._noun_modifier(sent, i)
            sources = sent.group(owner) if owner is not None else []
            if owner is not None and owner.kind == "demonym":
                # "Arab and Turkish fury": each demonym of the coordination.
                sources = [
                    m
                    for m in sent.mentions
                    if k < m.start < i and m.actor is not None and m.kind == "demonym"
                ]
            if not sources:
                sources = self._prep_target(sent, comp, j, 3, (("from",), ("among",), ("in",)))
            # The act's doer is its clause's subject: the first actor the clause names, not
            # the nearest one ("recognises Jerusalem as Israel's capital, sparking ...").
            start = max((n + 1 for n in range(k) if low[n] in _BARRIERS), default=0)
            first = next(
                (
                    m
                    for m in sent.mentions
                    if start <= m.start < k and m.actor is not None and sent._valid_subject(m)
                ),
                None,
            )
            targets = sent.group(first) if first is not None else []
            if not sources or not targets:
                return None, set()
        elif layout == "between":
            after = self._prep_target(sent, comp, end, pattern.window)
            if len(after) < 2:
                return None, set()
            sources, targets = after[:1], after[1:]
            if pattern.symmetric and not pattern.all_pairs:
                sources, targets = after, []
        else:
            passive = pattern.pos == "verb" and self._passive(sent, i)
            agent = self._prep_target(sent, comp, j, 3, (("by",),)) if passive else []
            if agent:
                sources = agent
                targets, _how = sent.subject(i)
            else:
                sources, how, penalty = self._source(sent, comp, i, j)
            if not sources:
                return None, set()
            exclude = sent.actors(sources)
            if layout == "under":
                k = sent.find_phrase((("under",),), i - 6, i)
                if k < 0:
                    return None, set()
                targets, _ = sent.subject(k - 1)
            elif layout == "join":
                targets = self._join_target(sent, end)
            elif layout == "goods":
                targets = self._goods_seller(sent, j, pattern.window)
                if not targets:
                    return None, set()
            if not targets and comp.objects and end > j:
                # "is building Turkey's first nuclear power plant": the object's possessor.
                for k in range(j, end):
                    m = sent.mention_at(k)
                    if (
                        m is not None
                        and m.actor is not None
                        and m.end < len(low)
                        and low[m.end] == "'s"
                        and m.actor not in exclude
                    ):
                        # "Iran's Revolutionary Guards a terrorist organisation": the owned actor.
                        targets = [sent._possessed(m) or m]
                        break
            if not targets and layout not in ("under", "join", "goods"):
                if comp.preps:
                    targets = self._prep_target(sent, comp, end, pattern.window, None, exclude)
                elif pattern.pos == "verb":
                    # "reopened its embassy in Damascus", "lashed out at Washington": after a
                    # phrase's own preposition a capital is the actor, not a place.
                    at_prep = j - i > 1 and low[j - 1] in self.dicts.words["object_preps"]
                    targets, _ = sent.target_after(j, pattern.window, at_prep, exclude)
                    if not targets and end > j:
                        targets, _ = sent.target_after(end, pattern.window, False, exclude)
            if not targets and pattern.anaphora and sources:
                targets = self._anaphora(sent, pattern, j, end, exclude)
            if not targets and pattern.pos == "verb" and sources and sources[0].start > 0:
                # "the YPG militia, which Ankara considers a terrorist group": the relative
                # pronoun is the object, so its antecedent is the target.
                k = sources[0].start - 1
                if sent.low[k] in ("which", "whom", "that"):
                    k -= 1
                    if k >= 0 and sent.low[k] == ",":
                        k -= 1
                    ante = sent.antecedent(k + 1)
                    if ante is not None and ante.actor is not None:
                        targets = sent.group(ante)
        if pattern.inverse:
            sources, targets = targets, sources
        actors = sent.actors(sources)
        target_ids = tuple(t for t in sent.actors(targets) if t not in actors)
        if not actors:
            return None, set()
        group_ok = (
            pattern.symmetric
            and not pattern.needs_target
            and len(actors) >= 2
            and how not in ("relative", "control")
        )
        if not target_ids and not group_ok and pattern.kind != "stance":
            return None, set()
        agreements = tuple(a.agreement for a in sent.agreements)
        if pattern.kind == "stance" and not agreements:
            return None, set()
        status, confidence, negate = self._modify(sent, i, j, pattern)
        confidence -= penalty
        if any(m.via_role for m in sources + targets):
            confidence -= 0.05
        if sent.sentence.line_kind != "body":
            confidence -= 0.1
        confidence = round(min(0.99, max(0.05, confidence)), 2)
        kind = pattern.kind
        sector = pattern.sector.value if pattern.sector else _sector(low)
        if kind == "deal" and sector is None and self._commercial(sent, sources, targets):
            sector = "trade"
        if kind == "cooperation" and self._firms_only(sources, targets):
            # An agreement between companies is business: "Saudi Aramco signed an agreement
            # with Russia's Gazprom Neft".
            kind, sector = "deal", sector or "trade"
        if kind == "deal" and sector is None:
            # A "deal" with nothing to trade (no oil, arms, reactor, contract or money) is a
            # political accord: the model's deals are energy, arms, nuclear or trade.
            kind, sector = "cooperation", None
        tok_start = sent.tokens[i].start
        tok_end = sent.tokens[j - 1].end
        for m in targets:
            if m.start >= 0:
                used |= set(range(min(m.start, j), m.end))
        event = Event(
            actors=actors,
            targets=target_ids,
            kind=kind,
            code=pattern.code,
            goldstein=pattern.goldstein,
            rule=pattern.id,
            status=status,
            confidence=confidence,
            sentence=sent.sentence.index,
            source=sent.sentence.text,
            span=(sent.sentence.start + tok_start, sent.sentence.start + tok_end),
            agreements=agreements,
            symmetric=pattern.symmetric,
            all_pairs=pattern.all_pairs,
            sector=sector,
            scope=pattern.scope.value if pattern.scope else _scope(low, pattern.kind),
            stance="__negated__" if negate else pattern.stance,
            note=pattern.note,
            entities=_entities(low) if pattern.kind == "sanction" else None,
            value=_value(sent.tokens) if kind == "deal" else None,
        )
        return event, used

    # -- the fallback -----------------------------------------------------------------------

    def _fallback_events(self, sent: _Sent, events: list[Event], consumed: set[int]) -> list[Event]:
        """Low-confidence events from the verb families' polarity lexicon.

        Where a sentence names two or more actors around a word of a known polarity (a
        family's verb or noun) and no pattern coded that pair, the word's subject (or the actor
        before a noun) and the first actor after it (through any preposition, within the
        clause) are related with the family's kind, at confidence `FALLBACK_CONFIDENCE` at
        most, so that review shows them first.
        """
        actors = {m.actor for m in sent.mentions if m.actor is not None}
        if len(actors) < 2:
            return []
        low = sent.low
        coded = {frozenset((a, t)) for e in events for a, t in e.pairs()}
        coded |= {frozenset((a, b)) for e in events for a in e.actors for b in e.actors}
        out: list[Event] = []
        i = 0
        while i < len(low):
            entries = self._fallback.get(low[i])
            if not entries or i in consumed or i in sent.covered or i in sent.agreement_tokens:
                i += 1
                continue
            for form, comp in entries:
                j = i + len(form)
                if tuple(low[i:j]) != form:
                    continue
                event = self._fallback_event(sent, comp, i, j, coded)
                if event is not None:
                    out.append(event)
                    coded |= {frozenset(pair) for pair in event.pairs()}
                    i = j - 1
                break
            i += 1
        return out

    def _fallback_event(
        self, sent: _Sent, comp: _Compiled, i: int, j: int, coded: set[frozenset[str]]
    ) -> Event | None:
        pattern = comp.pattern
        low = sent.low
        if pattern.pos == "verb":
            if (i > 0 and low[i - 1] == "-") or self._passive(sent, i):
                return None  # adjectives and passives need their own patterns
            k = i - 1
            while k >= 0 and (low[k] in _ADJECTIVE_FILLERS or low[k] in _SIZE):
                k -= 1
            if k >= 0 and (low[k] in _DETERMINERS or low[k] in _MAKE):
                return None  # "the support", "make purchases": a noun, not the verb
            after = sent.starts.get(j)
            if (
                low[i].endswith("ed")
                and after is not None
                and (after.kind == "demonym" or (i > 0 and low[i - 1] in ("and", ",", "or")))
            ):
                return None  # "troops and allied Syrian rebels": an adjective
        sources, how, _penalty = self._source(sent, comp, i, j)
        if not sources or how in ("control",):
            return None
        source_ids = sent.actors(sources)
        if not source_ids:
            return None
        targets, inverse = self._fallback_target(sent, pattern.kind, j, source_ids)
        target_ids = tuple(t for t in sent.actors(targets) if t not in source_ids)
        if not target_ids:
            return None
        if inverse:
            source_ids, target_ids = target_ids, source_ids
        pairs = {frozenset((a, t)) for a in source_ids for t in target_ids}
        if pairs <= coded:
            return None
        status, confidence, negate = self._modify(sent, i, j, pattern)
        if negate:
            return None
        confidence = round(max(0.05, min(FALLBACK_CONFIDENCE, confidence)), 2)
        tok_start = sent.tokens[i].start
        tok_end = sent.tokens[j - 1].end
        kind = pattern.kind
        sector = _sector(low) if kind == "deal" else None
        if kind == "deal" and sector is None:
            kind = "cooperation"  # as for patterns: a deal with nothing to trade is an accord
        return Event(
            actors=source_ids,
            targets=target_ids,
            kind=kind,
            code=pattern.code,
            goldstein=pattern.goldstein,
            rule=pattern.id,
            status=status,
            confidence=confidence,
            sentence=sent.sentence.index,
            source=sent.sentence.text,
            span=(sent.sentence.start + tok_start, sent.sentence.start + tok_end),
            agreements=tuple(a.agreement for a in sent.agreements),
            symmetric=False,
            all_pairs=False,
            sector=sector,
            scope=_scope(low, kind),
            stance=None,
            note=pattern.note,
            entities=_entities(low) if kind == "sanction" else None,
            value=_value(sent.tokens) if kind == "deal" else None,
        )

    def _fallback_target(
        self, sent: _Sent, kind: str, j: int, exclude: tuple[str, ...]
    ) -> tuple[list[Mention], bool]:
        """The fallback's target: a direct object, or the mention after a preposition that
        introduces a party for this kind ("with" for cooperation, "against" for hostility),
        past adjuncts ("clashed over the weekend with ..."); after "from" a supporter or
        sanctioner is the other end ("receives funding from Tehran"), so the pair is swapped."""
        low = sent.low
        fillers = self.dicts.words["fillers"]
        preps = _FALLBACK_PREPS.get(kind, ())
        adjunct = False  # inside a prepositional phrase the fallback does not read
        k = j
        while k < len(low) and k - j < 9:
            word = low[k]
            if word in _TARGET_STOPS or word in (".", ";"):
                break
            if word in preps or (word == "from" and kind in ("support", "sanction")):
                targets, _ = sent.target_after(k + 1, 4, True, exclude, direct=False)
                return targets, word == "from"
            m = sent.starts.get(k)
            if m is not None:
                if not adjunct and m.actor is not None and not m.place and m.kind != "demonym":
                    return sent.target_after(k, 1, False, exclude)[0], False
                k = m.end
                continue
            if word in self.dicts.words["object_preps"]:
                adjunct = True
            elif word not in fillers and word not in _VP_ADVERBS and not adjunct:
                adjunct = True  # a non-actor object: "vowed revenge", "the deal"
            k += 1
        return [], False

    # -- pieces -----------------------------------------------------------------------------

    def _commercial(self, sent: _Sent, sources: list[Mention], targets: list[Mention]) -> bool:
        """A firm among the parties, or a named deal in the sentence, makes a deal commercial."""
        actors = self.dicts.actors
        if any(m.actor in actors and actors[m.actor].kind == "firm" for m in sources + targets):
            return True
        return any(self.dicts.agreements[a.agreement].kind == "deal" for a in sent.agreements)

    def _firms_only(self, sources: list[Mention], targets: list[Mention]) -> bool:
        actors = self.dicts.actors
        ends = [m.actor for m in sources + targets if m.actor is not None]
        return len(set(ends)) >= 2 and all(a in actors and actors[a].kind == "firm" for a in ends)

    def _passive(self, sent: _Sent, i: int) -> bool:
        if sent.low[i].endswith("ing"):
            return False  # "is building": progressive, not passive
        k = i - 1
        while k >= 0 and sent.low[k] in ("also", "already", "reportedly", "not", "being", "now"):
            k -= 1
        if k >= 0 and sent.low[k] in _BE:
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

    def _source(self, sent: _Sent, comp: _Compiled, i: int, j: int):
        """Source group of a verb or action-noun trigger, how it was found, and a penalty."""
        pattern = comp.pattern
        low = sent.low
        if pattern.pos == "noun":
            m = self._noun_modifier(sent, i)
            if m is not None:
                group = sent.group(m)
                if m.start >= 2 and low[m.start - 1] == "-" and pattern.symmetric:
                    # "the Russia-Turkey deal", "Russian-Turkish cooperation": both ends.
                    first = sent.mention_ending(m.start - 1)
                    if first is not None and first.actor is not None:
                        group = [first, *group]
                return group, "modifier", 0.0
            k = i - 1
            while k >= 0 and low[k] in _ADJECTIVE_FILLERS | {"military", "arms", "weapons"}:
                k -= 1
            if k >= 0 and low[k] in ("its", "their"):
                # "Britain has resisted calls to halt its own weapons sales": its = Britain.
                resolved = sent.resolve_pronoun(k)
                if resolved:
                    return resolved, "pronoun", 0.1
            # The subject of a light verb: "imposed sanctions", "launched an offensive".
            light = self.dicts.words["light"]
            for back in range(1, 13):
                v = i - back
                if v < 0 or low[v] in _BARRIERS or low[v] in (",", "which", "who", "that"):
                    break
                if low[v] in light:
                    group, how = sent.subject(v)
                    if group:
                        return group, how, 0.05 if how == "pronoun" else 0.0
                    if sent.speaker is not None:
                        return sent._speaker_group(), "speaker", 0.15
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
                return sent._speaker_group(), "speaker", 0.15
            # "Sanctions on Iran by the United States": the agent after the noun.
            agent = self._prep_target(sent, comp, j, 8, (("by",),))
            if agent:
                return agent, "agent", 0.05
            head = self._apposition_owner(sent, i)
            if head is not None:
                return sent.group(head), "apposition", 0.05
            return [], "", 0.0
        group, how = sent.subject(i)
        if group:
            return group, how, {"pronoun": 0.1, "relative": 0.05, "coordinated": 0.05}.get(how, 0.0)
        if sent.speaker is not None and (sent.in_quote[i] or self._after_speech(sent, i)):
            return sent._speaker_group(), "speaker", 0.15
        return [], "", 0.0

    def _apposition_owner(self, sent: _Sent, i: int) -> Mention | None:
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
            if low[k] in _BARRIERS or low[k] in _RELATIVES or low[k] in _BE:
                return None
            k -= 1
        if k <= 0 or low[k] != "," or low[k + 1] not in ("the", "a", "an", "both", "two"):
            return None
        head = sent.ends.get(k)
        if head is None or head.weak or head.place:
            return None
        return head

    def _noun_modifier(self, sent: _Sent, i: int) -> Mention | None:
        """The actor right before an action noun: "US sanctions", "Russia's support",
        "Turkish offensive", "Saudi-led blockade", "Trump's aggressive and threatening rhetoric"."""
        low = sent.low
        k = i - 1
        if k >= 1 and low[k] in ("led", "backed", "imposed", "sponsored") and low[k - 1] == "-":
            m = sent.mention_ending(k - 1)
            return m if m is not None and m.actor is not None else None
        stops = self.dicts.words["object_preps"] | _TARGET_STOPS | _DETERMINERS - {"'s"}
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

    def _after_speech(self, sent: _Sent, i: int) -> bool:
        speech = self.dicts.words["speech"]
        return any(low in speech for low in sent.low[max(0, i - 12) : i])

    def _prep_target(
        self,
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
        while j < stop:
            stop_here = low[j] in (";", ".") or (
                low[j] in _TARGET_STOPS and low[j] != "," and j > start
            )
            if stop_here and (low[j] != "to" or ("to",) not in preps):
                break
            for phrase in preps:
                if tuple(low[j : j + len(phrase)]) == phrase:
                    group, _ = sent.target_after(j + len(phrase), 4, True, exclude, direct=False)
                    if group:
                        return group
            j += 1
        return []

    def _relational(self, sent: _Sent, comp: _Compiled, i: int, j: int):
        """Sources and targets of a relational noun: ally, backer, rival, partner, proxy."""
        low = sent.low
        targets: list[Mention] = []
        sources: list[Mention] = []
        penalty = 0.0
        # Target: "ally of Assad", "alliance with Iran".
        if comp.preps:
            targets = self._prep_target(sent, comp, j, 1)
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
        if before is not None and before.kind == "demonym":
            # "its closest Arab ally": the demonym describes the ally, not the other party.
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
        if not sources and after is not None and after.actor is not None:
            sources = sent.group(after)  # "rebel supporter Turkey"
        if not sources and np_start > 0:
            pair = sent.mention_ending(np_start)
            if pair is not None and pair.kind == "pair":
                sources = sent.group(pair)  # "the two Damascus allies": both, of Damascus
        if not sources:
            s = np_start - 1
            while s >= 0 and (
                low[s] in ("the", "a", "an", "another", "its", "their", "one", "of", "both", "all")
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
                group, _how = sent.subject(s)
                sources = group
                penalty = 0.05
        if pronoun >= 0 and sources and not targets:
            # "Riyadh, its closest Arab ally": its = the actor before, other than Riyadh.
            targets = sent.resolve_object_pronoun(pronoun, sent.actors(sources))
            if not targets and pronoun == 0 and sent.previous is not None:
                # Sentence-initial "Its": the previous sentence's subject.
                for m in sent.previous.mentions:
                    if sent.previous._valid_subject(m) and m.actor not in sent.actors(sources):
                        targets = [Mention(-1, -1, m.actor, m.kind)]
                        break
        # '"Turkey is a reliable partner," Putin said': a partner of the speaker's side.
        if (
            sources
            and not targets
            and sent.speaker is not None
            and sent.speaker not in sent.actors(sources)
        ):
            targets = sent._speaker_group()
            penalty += 0.1
        return sources, targets, penalty

    def _anaphora(
        self, sent: _Sent, pattern: Pattern, j: int, end: int, exclude: Iterable[str]
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
            words = self.dicts.words
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

    def _goods_seller(self, sent: _Sent, j: int, window: int) -> list[Mention]:
        """For "buy Russian gas": the actor of a demonym right before a kind of goods."""
        goods = self._goods
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

    def _join_target(self, sent: _Sent, end: int) -> list[Mention]:
        """For "X joined the pact": the agreement's lead party (its host or first party)."""
        for a in sent.agreements:
            if end - 4 <= a.start <= end + 3:
                entry = self.dicts.agreements[a.agreement]
                lead = entry.host or (entry.parties[0] if entry.parties else None)
                if lead is not None:
                    return [Mention(a.start, a.end, lead, "name")]
        targets, _ = sent.target_after(end, 3)
        return targets

    def _modify(self, sent: _Sent, i: int, j: int, pattern: Pattern):
        """Status, confidence and negation from the modifiers around a trigger."""
        low = sent.low
        status = pattern.status
        confidence = pattern.confidence
        negate = False
        rank = {Status.ENDED: 3, Status.THREATENED: 2, Status.PLANNED: 1, Status.ACTIVE: 0}
        best = rank.get(status, 0)
        for mod, phrases in self._modifiers:
            lo = i
            while lo > 0 and i - lo < mod.before + 2:
                if low[lo - 1] in (";", ":") or (
                    low[lo - 1] in ("but", "while", "and") and lo < i - 1
                ):
                    break
                lo -= 1
            hi = j
            while hi < min(len(low), j + mod.after) and low[hi] not in _AFTER_STOPS:
                hi += 1
            windows = [(max(lo, i - mod.before), i)]
            if mod.after:
                windows.append((j, hi))
            hit = False
            for a, b in windows:
                for k in range(a, b):
                    for phrase in phrases.get(low[k], ()):
                        if k + len(phrase) <= b and tuple(low[k : k + len(phrase)]) == phrase:
                            hit = True
                            break
                    if hit:
                        break
                if hit:
                    break
            if not hit:
                continue
            if mod.effect == "negate":
                negate = True
            elif mod.effect == "hedge":
                confidence -= mod.delta
            elif mod.status is not None and rank[mod.status] > best:
                status = mod.status
                best = rank[mod.status]
        return status, confidence, negate


def _dedupe(events: list[Event]) -> list[Event]:
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.kind, frozenset(event.pairs()) or (event.actors, event.targets))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return list(best.values())


_ARMS = frozenset(
    {
        "s-400",
        "missile",
        "missiles",
        "weapons",
        "arms",
        "jets",
        "aircraft",
        "fighter",
        "tanks",
        "helicopters",
        "drones",
        "f-35",
        "air",
        "defence",
        "defense",
        "patriot",
    }
)
_ENERGY = frozenset(
    {
        "oil",
        "gas",
        "pipeline",
        "energy",
        "crude",
        "lng",
        "petroleum",
        "barrels",
        "field",
        "fields",
        "refinery",
        "output",
        "production",
    }
)
_ARMS_MODEL = re.compile(r"\b(?:s|su|f|mig|t) - \d{2,3}\b")
_TRADE = frozenset(
    {
        "contract",
        "contracts",
        "trade",
        "sales",
        "sale",
        "sell",
        "sold",
        "buy",
        "bought",
        "purchase",
        "purchases",
        "billion",
        "million",
        "investment",
        "invest",
        "export",
        "exports",
        "import",
        "imports",
        "goods",
        "dollars",
        "euros",
        "business",
        "commercial",
        "supply",
        "deliveries",
        "aircraft",
        "planes",
        "jets",
        "wheat",
        "tariffs",
    }
)
_NUCLEAR = frozenset({"nuclear", "reactor", "reactors", "uranium", "bushehr", "atomic"})


def _sector(low: list[str]) -> str | None:
    """What a deal trades in, from the words of its sentence; None if nothing commercial."""
    words = set(low)
    if words & _NUCLEAR:
        return "nuclear"
    if words & {"missile", "missiles", "weapons", "arms", "batteries"} or _ARMS_MODEL.search(
        " ".join(low)
    ):
        return "arms"
    if words & _ENERGY:
        return "energy"
    if words & _ARMS:
        return "arms"
    if words & _TRADE or any(tok.startswith("$") for tok in low):
        return "trade"
    return None


def _scope(low: list[str], kind: str) -> str | None:
    if kind != "sanction":
        return None
    words = set(low)
    if words & {"blacklist", "blacklisted", "blacklisting", "designated", "designation"}:
        return "blacklist"
    if words & {
        "sector",
        "sectors",
        "sectoral",
        "oil",
        "banking",
        "energy",
        "defence",
        "defense",
        "exports",
        "industry",
        "auto",
        "metals",
        "financial",
    }:
        return "sectoral"
    return "targeted"


_COUNT_NOUNS = frozenset(
    {
        "individuals",
        "entities",
        "companies",
        "firms",
        "officials",
        "people",
        "persons",
        "banks",
        "businesses",
        "organizations",
        "organisations",
    }
)


def _entities(low: list[str]) -> int | None:
    for k, tok in enumerate(low):
        if tok[:1].isdigit():
            for nxt in low[k + 1 : k + 4]:
                if nxt in _COUNT_NOUNS:
                    try:
                        number = int(tok.replace(",", ""))
                    except ValueError:
                        break
                    return number if number >= 1 else None
    return None


def _value(tokens: list[Token]) -> float | None:
    for k, tok in enumerate(tokens):
        text = tok.low.lstrip("$")
        if not text[:1].isdigit():
            continue
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            continue
        rest = [t.low for t in tokens[k + 1 : k + 5]]
        dollars = tok.low.startswith("$") or "dollars" in rest or "usd" in rest
        if rest and rest[0] in ("billion", "bn") and dollars:
            return number
        if rest and rest[0] in ("million", "mn") and dollars:
            return round(number / 1000, 3)
    return None
