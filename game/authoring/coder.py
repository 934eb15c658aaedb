"""The event coder: sentences in, coded events out, each with the evidence it came from.

A dictionary- and rule-based coder in the tradition of CAMEO/PETRARCH, written in plain Python
(no parser, no model): names are found with a longest-match gazetteer, then composed (a demonym
or country before a role: "Syrian rebels", "Russia's foreign ministry"; a title before a name:
"Iranian President Hassan Rouhani"); each pattern's trigger then looks for its source (the
clause's subject, an apposition's head, a passive's agent, or the speaker of reported speech)
and its target (a direct object, or the mention after the pattern's preposition); modifiers near
the trigger negate it, re-time it (planned, threatened, ended) or lower its confidence.

Every step is linear in the sentence's length, so the coder's cost is linear in the article's.

This module holds `Coder` (the entry points `code_sentences` and `code_text`) and its pattern
matcher; the steps it runs live in their own modules, and the records it returns are re-exported
here (`Event`, `CodedSentence`, `Mention`, `AgreementMention`, `FALLBACK_CONFIDENCE`):

- `function_words`: the closed word lists; `morphology`: verb and noun forms of triggers;
- `coded`: the output records; `mentions`: actor mention finding;
- `sentence_view`: one sentence as read (clauses, subjects, speakers, coreference);
- `patterns`: compiled patterns and the trigger index; `sources`, `targets`: an event's ends;
- `modifiers`: status, confidence and negation; `event_details`: building an event, its
  sector, scope, entities and value; `fallback`: low-confidence family-word events;
- `subjects` (with `coordination`, `subject_phrases`, `passives`, `pronouns`): clause subjects,
  speakers and pronouns;
- constructions with no verb of the relation: `restrictive_measures` (sanctions, restricted
  trade), `joint_acts` (acts and accords of several parties), `trade_arms` (doers and kinds of
  trade and arms events), `party_phrases` (membership, pairs, sides, owners).

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from attrs import evolve

from game.authoring.coded import AgreementMention, CodedSentence, Event, Mention
from game.authoring.dictionary import Dictionaries, default_dictionaries
from game.authoring.event_details import (
    _entities,
    _scope,
    _sector,
    _value,
    names_goods,
    pattern_event,
)
from game.authoring.fallback import FALLBACK_CONFIDENCE, _fallback_lexicon, fallback_events
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _BARRIERS,
    _DETERMINERS,
    _FIRM_NOUNS,
    _MAKE,
    _REACTION_VERBS,
    _SIZE,
)
from game.authoring.joint_acts import (
    co_backers,
    cooperation_accord,
    joined_act,
    joint_act,
    joint_against,
    separate_accords,
    topic_only,
)
from game.authoring.mentions import _find_mentions, unfounded_role_defaults
from game.authoring.modifiers import _modify
from game.authoring.morphology import participle_adjective
from game.authoring.party_phrases import (
    alliance_pair,
    civil_war_owner,
    companion_allies,
    hyphen_pair,
    hyphen_target,
    is_hyphen_pair,
    membership,
    object_owner,
    pitted,
)
from game.authoring.passives import verbal_deal
from game.authoring.patterns import _Compiled, _compiled
from game.authoring.pronouns import _valid_subject
from game.authoring.reactions import (
    REFERENCE_PENALTY,
    note_event_act,
    note_verb_acts,
    reaction_events,
    referred_makers,
)
from game.authoring.restrictive_measures import (
    breached_sanctions,
    exited_country,
    exposure,
    restricted_trade,
)
from game.authoring.ruptures import military_expulsion, rupture_twin
from game.authoring.sentence_view import _Sent
from game.authoring.sources import _noun_modifier, _passive, _source
from game.authoring.subjects import subject
from game.authoring.targets import (
    _anaphora,
    _goods_seller,
    _join_target,
    _prep_target,
    _relational,
    object_relative_target,
)
from game.authoring.text import Sentence, tokenize, words_of
from game.authoring.trade_arms import (
    arms_transfer_kind,
    deployed_participle,
    gerund_doer,
    goods_maker,
    intended_doer,
    modifier_agent,
    traded_agreement,
)
from game.scenario.model import Status

__all__ = [
    "FALLBACK_CONFIDENCE",
    "AgreementMention",
    "CodedSentence",
    "Coder",
    "Event",
    "Mention",
]


class Coder:
    """Codes sentences into events with one set of dictionaries.

    Attributes:
        dicts: the dictionaries it codes with.
        index: compiled patterns by the first word of their triggers.
        goods: goods phrases by first word (for "sold S-400s to ...": the seller).
        modifiers: each modifier with its phrases by first word.
        fallback: the family words' fallback lexicon by first word (empty: no fallback).
    """

    def __init__(self, dicts: Dictionaries | None = None) -> None:
        self.dicts = dicts if dicts is not None else default_dictionaries()
        self.index = _compiled(self.dicts)
        self.goods: dict[str, list[tuple[str, ...]]] = {}
        for word in self.dicts.words["goods"]:
            phrase = words_of(word)
            if phrase:
                self.goods.setdefault(phrase[0], []).append(phrase)
        self.modifiers = []
        for mod in self.dicts.modifiers:
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for word in mod.words:
                phrase = words_of(word)
                if phrase:
                    by_first.setdefault(phrase[0], []).append(phrase)
            self.modifiers.append((mod, by_first))
        self.fallback = _fallback_lexicon(self.dicts)

    def code_sentences(self, sentences: Sequence[Sentence]) -> list[CodedSentence]:
        """Code every sentence, in order (reported speech carries over within a paragraph)."""
        out = []
        previous: _Sent | None = None
        remap = self._context(sentences)
        history: list[Event] = []  # the article's events so far, for "condemned the measures"
        acts: list = []  # the article's acts so far, for "rejected the decision" (reactions)
        for sentence in sentences:
            sent = _Sent(sentence, self.dicts, previous, remap)
            sent.history = history
            sent.acts = acts
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
        remap.update(unfounded_role_defaults(self.dicts, set(counts)))
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
        note_verb_acts(sent)
        for i, low in enumerate(sent.low):
            for comp in self.index.get(low, ()):
                # Only the longest trigger form starting here is tried for each pattern.
                n = comp.trigger_at(sent.low, i)
                if n == 0:
                    continue
                if i in consumed and comp.pattern.layout != "hyphen":
                    # "bombing the Iran-aligned Houthis": the bombing's target phrase
                    # holds the modifier, which still states its own relation.
                    continue
                event, used = self._match(sent, comp, i, i + n)
                if event is None:
                    continue
                if any(i in span and event.kind == kind for span, kind in denied):
                    consumed |= used
                    continue
                if event.stance == "__negated__":
                    # A denied act leaves its object free: in "refused to halt its weapons
                    # sales to the kingdom" the sales are still coded; but what the object
                    # would code as the same kind of fact is denied with it ("did not
                    # impose sanctions").
                    consumed.add(i)
                    denied.append((used, event.kind))
                    negated.append(evolve(event, stance=comp.pattern.stance))
                    continue
                consumed |= used
                event = military_expulsion(sent, _worsened(sent, event, i), i)
                events.append(event)
                sent.history.append(event)
                note_event_act(sent, event)
                twin = rupture_twin(sent, event, i)
                if twin is not None:
                    events.append(twin)
        events.extend(reaction_events(self, sent, events, consumed))
        if self.fallback:
            events.extend(fallback_events(self, sent, events, consumed))
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
        """The event trigger `sent.low[i:j]` of `comp` states, with the tokens it used;
        `(None, set())` when it states none here."""
        if not self._is_trigger(sent, comp, i, j):
            return None, set()
        span = self._object_span(sent, comp, i, j)
        if span is None:
            return None, set()
        end, used = span
        found_ends = self._ends(sent, comp, i, j, end)
        if found_ends is None:
            return None, set()
        sources, targets, how, penalty = found_ends
        pattern = comp.pattern
        low = sent.low
        layout = pattern.layout
        if sources and all(modifier_agent(sent, m, i, j) for m in sources):
            return None, set()  # "a war against rebels backed by Tehran": Tehran backs them
        if pattern.kind == "hostility" and any(civil_war_owner(sent, i, m) for m in sources):
            return None, set()  # "the Syrian civil war": where the war is, not who fights it
        if pattern.inverse:
            sources, targets = targets, sources
        if pattern.kind == "hostility" and not self._any_of_kind(sources, "armed_group"):
            # "struck eastern Libya", "its incursion in northern Syria": a region is where
            # the act hits, and who holds it is often not the state (rebels, Kurds, militias).
            # An armed group's insurgency "in southeast Turkey" is against the state.
            targets = [m for m in targets if not self._state_region(low, m)]
        actors = sent.actors(sources)
        target_ids = tuple(t for t in sent.actors(targets) if t not in actors)
        if not actors:
            return None, set()
        group_ok = (
            pattern.symmetric
            # "Egypt and Sudan will join the pact": each joins its parties, not the other.
            and layout != "join"
            and (not pattern.needs_target or is_hyphen_pair(sent, sources))
            and len(actors) >= 2
            and (how != "relative" or _plural_relative(low, i))
            and how != "control"
        )
        if not target_ids and not group_ok and pattern.kind != "stance":
            return None, set()
        agreements = tuple(a.agreement for a in sent.agreements)
        if pattern.kind == "stance" and not agreements:
            return None, set()
        status, confidence, negate = _modify(self, sent, i, j, pattern)
        confidence -= penalty
        if how == "speaker" and (
            all(m.kind in _WEAK_TARGETS for m in targets) or pattern.id.startswith("family.")
        ):
            confidence -= SPEAKER_GUESS_PENALTY
        if any(m.via_role for m in sources + targets):
            confidence -= 0.05
        if sent.sentence.line_kind != "body":
            confidence -= 0.1
        confidence = round(min(0.99, max(0.05, confidence)), 2)
        kind = pattern.kind
        sector = pattern.sector.value if pattern.sector else _sector(low)
        transfer = arms_transfer_kind(sent, kind, i, j, target_ids)
        if transfer is not None:
            # Arms to a state are a deal, arms to an armed group support (trade_arms).
            kind = transfer
            sector = "arms" if kind == "deal" else None
        if kind == "deal" and restricted_trade(sent, i, sources + targets):
            return None, set()  # "sanctions on Iran's oil exports": no trade by the sanctioner
        if layout == "firm_exit" and not self._any_of_kind(sources, "firm"):
            return None, set()  # "Russian troops pulled out of Syria": no business left
        if kind == "deal" and sector is None and self._commercial(sent, sources, targets):
            sector = "trade"
        if kind == "cooperation" and self._firms_only(sources, targets):
            # An agreement between companies is business: "Saudi Aramco signed an agreement
            # with Russia's Gazprom Neft".
            kind, sector = "deal", sector or "trade"
        if kind == "cooperation" and pattern.code == "057":
            # "signed an energy agreement", "Rosatom and Egypt signed the final agreements":
            # what trades goods, or binds a firm, is a deal.
            traded = traded_agreement(sent, i, end)
            if traded is None and self._commercial(sent, sources, targets):
                traded = _sector(low) or "trade"
            if traded is not None:
                kind, sector = "deal", traded
        if kind == "deal" and cooperation_accord(sent, i, end) and not names_goods(low):
            # "signed a deal for military cooperation" in a meeting of defence ministers: an
            # accord for working together, with nothing traded.
            sector = None
        if kind == "deal" and sector is None:
            # A "deal" with nothing to trade (no oil, arms, reactor, contract or money) is a
            # political accord: the model's deals are energy, arms, nuclear or trade.
            kind, sector = "cooperation", None
        symmetric = pattern.symmetric
        if (
            kind == "cooperation"
            and len(actors) >= 2
            and how not in ("relative", "control")
            and target_ids
            and topic_only(sent, targets)
        ):
            # "Russia, Iran and Turkey agreed on a panel to draft Syria's constitution": the
            # parties act together; the country their accord is about is no party to it.
            target_ids, symmetric = (), True
        all_pairs = pattern.all_pairs and bool(target_ids)
        if all_pairs and len(actors) == 1 and separate_accords(sent, j, end):
            all_pairs = False
        if kind == "cooperation" and len(actors) + len(target_ids) >= 3 and target_ids:
            # "Iran held naval drills with Russia and China": one act of all three.
            all_pairs = all_pairs or joint_act(sent, i, end)
        for m in targets:
            if m.start >= 0:
                used |= set(range(min(m.start, j), m.end))
        event = pattern_event(
            sent,
            pattern,
            i,
            j,
            actors=actors,
            targets=target_ids,
            kind=kind,
            status=status,
            confidence=confidence,
            agreements=agreements,
            symmetric=symmetric,
            all_pairs=all_pairs,
            sector=sector,
            scope=pattern.scope.value if pattern.scope else _scope(low, pattern.kind),
            stance="__negated__" if negate else pattern.stance,
            entities=_entities(low) if pattern.kind == "sanction" else None,
            value=_value(sent.tokens) if kind == "deal" else None,
        )
        return event, used

    def _is_trigger(self, sent: _Sent, comp: _Compiled, i: int, j: int) -> bool:
        """Whether `sent.low[i:j]` is the trigger here, not a name's word or the wrong part of
        speech ("the support", "an emergency meeting", "Turkish-backed")."""
        pattern = comp.pattern
        low = sent.low
        # A trigger inside a name ("Free Syrian Army", "support" in "Support Group") is no trigger.
        if i in sent.covered:
            return False
        if i in sent.agreement_tokens and pattern.pos == "verb":
            return False
        if pattern.pos == "noun" and verbal_deal(sent, i):
            return False  # "to help Amman deal with threats": a verb
        if pattern.kind == "deal" and pattern.pos == "verb" and deployed_participle(low, i):
            return False  # "Turkish forces operating in Syria": a deployment, no deal
        if pattern.pos == "verb" and pattern.layout != "hyphen":
            if i > 0 and low[i - 1] == "-":
                return False  # "Turkish-backed": an adjective, handled by the hyphen layout
            if low[i].endswith("ing") and any(
                t in ("a", "an", "the", "its", "their", "this") for t in low[max(0, i - 2) : i]
            ):
                return False  # "an emergency meeting": a noun
            if low[i].endswith("ing") and j == i + 1 and j < len(low) and low[j] in _FIRM_NOUNS:
                return False  # "a shipping giant", "a trading firm": an adjective
            k = i - 1
            while k >= 0 and (low[k] in _ADJECTIVE_FILLERS or low[k] in _SIZE):
                k -= 1
            if k >= 1 and low[k].endswith("ed") and low[k - 1] == "'s":
                k -= 1  # "Turkey's planned purchase": a participle between owner and noun
            if k >= 0 and low[k] in _DETERMINERS:
                return False  # "the support", "Iran's backing": a noun, not a verb
            if participle_adjective(low, i, j, k):
                return False  # "the release of all detained sailors": no one's act here
            if k >= 0 and low[k] in _MAKE:
                return False  # "make significant purchases": a noun after a light verb
            if low[i] == "back" and i > 0 and low[i - 1] in _BACK_PARTICLE_VERBS:
                return False  # "fight back against", "hit back at": a particle, not "support"
        return True

    def _object_span(
        self, sent: _Sent, comp: _Compiled, i: int, j: int
    ) -> tuple[int, set[int]] | None:
        """Where the trigger's phrase ends (past the object it needs: "imposed ... sanctions")
        and the tokens it uses; None when a needed object is missing."""
        pattern = comp.pattern
        low = sent.low
        end = j
        used = set(range(i, j))
        if comp.objects:
            reach = max(8, pattern.window)
            passive_here = _passive(sent, i)
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
                return None
            if pattern.anaphora and found > j and low[j : j + 1] == ["by"]:
                return None  # "commandos backed by air strikes": a means, no stance
            if found > end:
                if pattern.anaphora != "act":
                    # A reaction leaves its object free: "condemned Israeli strikes on Gaza"
                    # also states the strikes.
                    used |= set(range(end, found))
                end = found
        return end, used

    def _ends(
        self, sent: _Sent, comp: _Compiled, i: int, j: int, end: int
    ) -> tuple[list[Mention], list[Mention], str, float] | None:
        """The source and target mentions of the trigger by its pattern's layout, how the source
        was found, and the confidence penalty of the reading; None when an end is missing."""
        pattern = comp.pattern
        low = sent.low
        penalty = 0.0
        layout = pattern.layout
        sources: list[Mention] = []
        targets: list[Mention] = []
        how = ""
        construction = _CONSTRUCTION_ENDS.get(layout)
        if construction is not None:
            sources, targets = construction(sent, comp, i, j, end)
            return (sources, targets, how, penalty) if sources else None
        if layout == "hyphen":
            if i < 2 or low[i - 1] != "-":
                return None
            src = sent.mention_ending(i - 1)
            if src is None or src.actor is None:
                return None
            sources = [src]
            head = sent.apposition_head(src.start)
            # "Hezbollah, the Iranian-backed Lebanese group": Hezbollah is what is backed.
            targets = [head] if head is not None else hyphen_target(sent, src, j)
        elif layout == "relational":
            sources, targets, penalty = _relational(sent, comp, i, j)
        elif layout == "member":
            sources = alliance_pair(sent, i)  # "the two NATO allies"
            if not sources:
                sources, targets, penalty = _relational(sent, comp, i, j)
                sources, targets = membership(sent, i, j, sources, targets)
        elif layout == "with_of":
            if i < 2 or low[i - 1] not in ("the", "of") or "with" not in low[max(0, i - 4) : i]:
                return None
            targets_after = _prep_target(sent, comp, j, 2)
            if not targets_after:
                return None
            sources = targets_after
            targets, _how = subject(sent, max(0, i - 3))
        elif layout == "after":
            # "In a joint statement, Russia, Iran and Azerbaijan said ...": the group after it.
            start = j + 1 if j < len(low) and low[j] == "," else j
            sources, _ = sent.target_after(start, 3, False, (), direct=False)
            if len(sent.actors(sources)) < 2:
                return None
        elif layout == "reaction":
            # "..., sparking Arab and Turkish fury", "drawing condemnation from Turkey": the
            # reaction's owners turn against the subject of the act that drew it.
            k = next((k for k in range(max(0, i - 4), i) if low[k] in _REACTION_VERBS), -1)
            if k < 0:
                return None
            owner = _noun_modifier(self, sent, i)
            sources = sent.group(owner) if owner is not None else []
            if owner is not None and owner.kind == "demonym":
                # "Arab and Turkish fury": each demonym of the coordination.
                sources = [
                    m
                    for m in sent.mentions
                    if k < m.start < i and m.actor is not None and m.kind == "demonym"
                ]
            if not sources:
                # "outrage in Ankara" is the government's; "protests in Beirut" are the
                # street's, which is no actor.
                preps = (("from",), ("among",))
                if low[i] not in ("protest", "protests"):
                    preps += (("in",),)
                sources = _prep_target(sent, comp, j, 3, preps)
            # The act's doer is its clause's subject: the first actor the clause names, not
            # the nearest one ("recognises Jerusalem as Israel's capital, sparking ...").
            start = max((n + 1 for n in range(k) if low[n] in _BARRIERS), default=0)
            first = next(
                (
                    m
                    for m in sent.mentions
                    if start <= m.start < k and m.actor is not None and _valid_subject(sent, m)
                ),
                None,
            )
            targets = sent.group(first) if first is not None else []
            if not sources or not targets:
                return None
        elif layout == "between":
            after = _prep_target(sent, comp, end, pattern.window)
            if len(after) < 2:
                return None
            sources, targets = after[:1], after[1:]
            if pattern.symmetric and not pattern.all_pairs:
                sources, targets = after, []
        else:
            passive = pattern.pos == "verb" and _passive(sent, i)
            # The agent follows the object when there is one: "is listed as a terrorist
            # organisation by the United States".
            agent = _prep_target(sent, comp, end, 3, (("by",),)) if passive else []
            if passive and not agent and end > j:
                # Or the agent holds the object: "was hit by rounds of US sanctions".
                agent = _prep_target(sent, comp, j, 2, (("by",),))
            if agent:
                sources = agent
                targets, _how = subject(sent, i)
            elif pattern.pos == "verb" and (doer := intended_doer(sent, i) or gerund_doer(sent, i)):
                sources = doer  # "Turkey's decision to buy", "sanctioned X for buying"
            else:
                sources, how, penalty = _source(self, sent, comp, i, j)
            if not sources:
                return None
            exclude = sent.actors(sources)
            if layout in ("under", "on_list"):
                # "under a Saudi-led blockade", "is on the U.S. sanctions list": the subject.
                prep = "under" if layout == "under" else "on"
                k = sent.find_phrase(((prep,),), i - 6, i)
                if k < 0:
                    return None
                targets, _ = subject(sent, k - 1)
            elif layout == "join":
                targets = _join_target(self, sent, end)
            elif layout == "firm_exit":
                targets = exited_country(sent, j, pattern.window)
                if not targets:
                    return None
            elif layout == "goods":
                targets = _goods_seller(self, sent, j, pattern.window) or goods_maker(sent, j)
                if not targets:
                    return None
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
                if not targets and pattern.inverse:
                    targets = object_owner(sent, j, end, exclude)
            if not targets and layout not in ("under", "on_list", "join", "goods"):
                if comp.preps:
                    targets = _prep_target(sent, comp, end, pattern.window, None, exclude)
                    if not targets and end > j:
                        # "in talks with Rosneft over a stake": the prepositional target
                        # stands between the trigger and the object.
                        targets = _prep_target(sent, comp, j, end - j, None, exclude)
                elif pattern.pos == "verb":
                    # "reopened its embassy in Damascus", "lashed out at Washington": after a
                    # phrase's own preposition a capital is the actor, not a place.
                    at_prep = j - i > 1 and low[j - 1] in self.dicts.words["object_preps"]
                    if sources and not at_prep and (sources[0].start > 0 or how == "pronoun"):
                        # "the YPG, which it regards as a terrorist group linked to the
                        # PKK": an object relative's verb has its object already.
                        targets = object_relative_target(sent, sources, how, i)
                    if not targets and not _own_object(low, j):
                        targets, _ = sent.target_after(j, pattern.window, at_prep, exclude)
                    if not targets and end > j:
                        targets, _ = sent.target_after(end, pattern.window, False, exclude)
            if not targets and pattern.anaphora and sources:
                referred = referred_makers(sent, pattern, j, end, exclude)
                if referred is None:
                    targets = _anaphora(self, sent, pattern, j, end, exclude)
                elif referred:
                    targets = referred
                    penalty += REFERENCE_PENALTY
            if (
                not targets
                and pattern.pos == "verb"
                and sources
                and (sources[0].start > 0 or how == "pronoun")
            ):
                # "the YPG militia, which Ankara considers a terrorist group": the relative
                # pronoun is the object, so its antecedent is the target.
                targets = object_relative_target(sent, sources, how, i)
        return sources, targets, how, penalty

    # -- pieces -----------------------------------------------------------------------------

    def _commercial(self, sent: _Sent, sources: list[Mention], targets: list[Mention]) -> bool:
        """A firm among the parties, or a named deal in the sentence, makes a deal commercial."""
        if self._any_of_kind(sources + targets, "firm"):
            return True
        return any(self.dicts.agreements[a.agreement].kind == "deal" for a in sent.agreements)

    def _any_of_kind(self, mentions: list[Mention], kind: str) -> bool:
        """Whether an actor of `kind` ("firm", "armed_group") is among `mentions`."""
        actors = self.dicts.actors
        return any(m.actor in actors and actors[m.actor].kind == kind for m in mentions)

    def _state_region(self, low: list[str], mention: Mention) -> bool:
        """Whether `mention` names a region of a state ("northern Syria"), not the state; a
        group named with its region ("northern Houthi rebels") is still the group."""
        actor = self.dicts.actors.get(mention.actor or "")
        return actor is not None and actor.kind == "state" and region_mention(low, mention)

    def _firms_only(self, sources: list[Mention], targets: list[Mention]) -> bool:
        actors = self.dicts.actors
        ends = [m.actor for m in sources + targets if m.actor is not None]
        return len(set(ends)) >= 2 and all(a in actors and actors[a].kind == "firm" for a in ends)


_OWN_FORCES = frozenset(
    {"forces", "troops", "soldiers", "military", "army", "units", "personnel", "presence"}
    | {"diplomats", "ambassador", "envoy", "embassy", "navy", "warships", "advisers"}
)
"""Nouns that, after "its" or "their", are the doer's own people: "remove its forces"."""


SPEAKER_GUESS_PENALTY = 0.25
"""Confidence taken from an event whose source is only the speaker of the reported speech (the
clause's own subject names no actor) and whose targets are only a role, demonym or person
("Moscow said the Israeli strikes killed four Syrian soldiers"), or whose trigger is only a
broad family verb: two guesses stacked. On the development articles such events were wrong
far more often than right, so they are held back for review (below `draft.RELATION_FLOOR`)."""

_WEAK_TARGETS = frozenset({"role", "demonym", "person"})


_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern"}
    | {"southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}
    | {"north-eastern", "north-western", "south-eastern", "south-western"}
)
"""Words that make a country's name a region of it ("northern Syria", "eastern Libya")."""


def region_mention(low: list[str], mention: Mention) -> bool:
    """Whether `mention` names a region of a country, not the country: "northern Syria",
    "north-east Syria", "northern Iraqi bases"."""
    return mention.start > 0 and low[mention.start - 1] in _COMPASS


def _own_object(low: list[str], j: int) -> bool:
    """Whether the object after the verb ending at `j` is the subject's own forces or envoys
    ("Iran should remove its forces", "they pulled their troops out"): their owner is the
    doer, so another actor the pronoun could be read as is no target. "supported its
    territorial integrity" is someone else's."""
    if j >= len(low) or low[j] not in ("its", "their"):
        return False
    return any(word in _OWN_FORCES for word in low[j + 1 : j + 3])


def _plural_relative(low: list[str], i: int) -> bool:
    """Whether the relative clause holding token `i` has a plural verb, so it is about every
    member of the list before it: "Iran and the United States, which are locked in a bitter
    standoff" (with "which is" it could be about the last member only)."""
    for k in range(i - 1, max(-1, i - 6), -1):
        if low[k] in ("which", "who"):
            return k + 1 < len(low) and low[k + 1] in ("are", "were", "have", "both", "all")
        if low[k] in (",", ";"):
            return False
    return False


_BACK_PARTICLE_VERBS = frozenset(
    {
        verb
        for stem in ("fight", "hit", "strike", "push", "pull", "roll", "scale", "cut", "come")
        for verb in (stem, stem + "s", stem + "ed", stem + "ing")
    }
    | {
        "fought",
        "struck",
        "striking",
        "hitting",
        "cutting",
        "came",
        "coming",
        "scaling",
        "go",
        "goes",
        "went",
        "going",
        "step",
        "stepped",
        "hold",
        "held",
        "fire",
        "fired",
        "firing",
        "bounce",
        "bounced",
        "claw",
        "clawed",
        "win",
        "won",
        "bring",
        "brought",
        "send",
        "sent",
        "look",
        "looked",
        "talk",
        "talked",
    }
)
"""Verbs "back" follows as a particle ("fight back", "hit back", "pull back"), never the verb
"to back" (support)."""

_WORSENING_REACH = 12


def _worsened(sent: _Sent, event: Event, i: int) -> Event:
    """A relation between two actors said to worsen is a rivalry, not a cooperation.

    "Ties between A and B have soured" or "the strained relationship between A and B" state
    that the two are now at odds; read as cooperation (ended, or active when the verb is not a
    modifier) it would draft the opposite of what the sentence says. The worsening word may
    precede the relation noun ("deteriorating ties") or follow it within `_WORSENING_REACH`
    tokens in the same clause.
    """
    words = sent.dicts.words
    if event.kind != "cooperation" or sent.low[i] not in words["relation_nouns"]:
        return event
    before = sent.low[max(0, i - 2) : i]
    after = []
    for low in sent.low[i + 1 : i + 1 + _WORSENING_REACH]:
        if low in (".", ";", "but", "while", "although", "though"):
            break
        after.append(low)
    worsening = words["worsening"]
    if not worsening.intersection(before) and not worsening.intersection(after):
        return event
    return evolve(event, kind="rivalry", code="111", goldstein=-2.0, status=Status.ACTIVE)


def _dedupe(events: list[Event]) -> list[Event]:
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.kind, frozenset(event.pairs()) or (event.actors, event.targets))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return list(best.values())


_CONSTRUCTION_ENDS: dict[
    str, Callable[[_Sent, _Compiled, int, int, int], tuple[list[Mention], list[Mention]]]
] = {
    "pits": lambda sent, comp, i, j, end: pitted(sent, j),
    "breach": lambda sent, comp, i, j, end: breached_sanctions(sent, i, j, end),
    "companion": lambda sent, comp, i, j, end: companion_allies(sent, i),
    "against": lambda sent, comp, i, j, end: joint_against(sent, i, j),
    "alongside": lambda sent, comp, i, j, end: co_backers(sent, i, j),
    "pair": lambda sent, comp, i, j, end: (hyphen_pair(sent, i), []),
    "joins": lambda sent, comp, i, j, end: joined_act(sent, comp, i, j, end),
    "faces": lambda sent, comp, i, j, end: exposure(sent, i, j, end, False),
    "exposes": lambda sent, comp, i, j, end: exposure(sent, i, j, end, True),
}
"""Layouts whose two ends one construction function finds, from the sentence, the
compiled pattern, the trigger span `i:j` and the end of its phrase; no source, no event."""
