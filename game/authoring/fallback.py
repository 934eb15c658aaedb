"""The fallback: low-confidence events from the verb families' polarity lexicon, for pairs of
actors around a family word that no full pattern coded; `FALLBACK_CONFIDENCE` caps them.

Must not import: pygame, anything under `game.ui`; `game.authoring.coder` only for type
checking (the coder calls in here, passing itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.authoring.coded import Event, Mention
from game.authoring.dictionary import Dictionaries, Pattern
from game.authoring.event_details import _entities, _scope, _sector, _value, pattern_event
from game.authoring.function_words import (
    _ADJECTIVE_FILLERS,
    _DETERMINERS,
    _MAKE,
    _SIZE,
    _SUBJECT_PRONOUNS,
    _TARGET_STOPS,
    _VP_ADVERBS,
)
from game.authoring.modifiers import _modify
from game.authoring.morphology import _verb_forms, participle_adjective
from game.authoring.patterns import _Compiled
from game.authoring.restrictive_measures import restricted_trade
from game.authoring.sentence_view import _Sent
from game.authoring.sources import _passive, _source
from game.authoring.text import words_of

if TYPE_CHECKING:
    from game.authoring.coder import Coder

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
    | {"warm", "tilt", "pivot", "move", "draw", "invite", "bar", "aid", "shelter", "guarantee"}
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


def fallback_events(
    coder: Coder, sent: _Sent, events: list[Event], consumed: set[int]
) -> list[Event]:
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
        entries = coder.fallback.get(low[i])
        if not entries or i in consumed or i in sent.covered or i in sent.agreement_tokens:
            i += 1
            continue
        for form, comp in entries:
            j = i + len(form)
            if tuple(low[i:j]) != form:
                continue
            event = _fallback_event(coder, sent, comp, i, j, coded)
            if event is not None:
                out.append(event)
                coded |= {frozenset(pair) for pair in event.pairs()}
                i = j - 1
            break
        i += 1
    return out


def _fallback_event(
    coder: Coder, sent: _Sent, comp: _Compiled, i: int, j: int, coded: set[frozenset[str]]
) -> Event | None:
    pattern = comp.pattern
    low = sent.low
    if pattern.pos == "verb":
        if (i > 0 and low[i - 1] == "-") or _passive(sent, i):
            return None  # adjectives and passives need their own patterns
        k = i - 1
        while k >= 0 and (low[k] in _ADJECTIVE_FILLERS or low[k] in _SIZE):
            k -= 1
        if k >= 0 and (low[k] in _DETERMINERS or low[k] in _MAKE):
            return None  # "the support", "make purchases": a noun, not the verb
        if participle_adjective(low, i, j, k):
            return None  # "the release of detained sailors": an adjective, no one's act
        if _object_relative(sent, i):
            return None  # "services, which he accused of ...": the object is the antecedent
        after = sent.starts.get(j)
        if (
            low[i].endswith("ed")
            and after is not None
            and (after.kind == "demonym" or (i > 0 and low[i - 1] in ("and", ",", "or")))
        ):
            return None  # "troops and allied Syrian rebels": an adjective
    sources, how, _penalty = _source(coder, sent, comp, i, j)
    if not sources or how in ("control",):
        return None
    source_ids = sent.actors(sources)
    if not source_ids:
        return None
    shields = pattern.id in _SHIELD_FAMILIES
    targets, inverse = _fallback_target(coder, sent, pattern.kind, j, source_ids, shields)
    target_ids = tuple(t for t in sent.actors(targets) if t not in source_ids)
    if not target_ids:
        return None
    if inverse:
        source_ids, target_ids = target_ids, source_ids
    pairs = {frozenset((a, t)) for a in source_ids for t in target_ids}
    if pairs <= coded:
        return None
    status, confidence, negate = _modify(coder, sent, i, j, pattern)
    if negate:
        return None
    confidence = round(max(0.05, min(FALLBACK_CONFIDENCE, confidence)), 2)
    kind = pattern.kind
    sector = _sector(low) if kind == "deal" else None
    if kind == "deal" and sector is None:
        kind = "cooperation"  # as for patterns: a deal with nothing to trade is an accord
    if kind == "deal" and restricted_trade(sent, i, sources + targets):
        return None  # "cautioned allies against purchases of Russian arms"
    return pattern_event(
        sent,
        pattern,
        i,
        j,
        actors=source_ids,
        targets=target_ids,
        kind=kind,
        status=status,
        confidence=confidence,
        agreements=tuple(a.agreement for a in sent.agreements),
        symmetric=False,
        all_pairs=False,
        sector=sector,
        scope=_scope(low, kind),
        stance=None,
        entities=_entities(low) if kind == "sanction" else None,
        value=_value(sent.tokens) if kind == "deal" else None,
    )


_SHIELD_FAMILIES = frozenset({"fallback.support.help"})
"""Families whose verbs protect an object from something ("shield", "defend", "rescue"):
their "from" names the threat, never the supporter."""


_ON_BEHALF = frozenset({"behalf", "the behalf", "name", "favour", "favor"})
"""Nouns after "on"/"in" that make a phrase about whom an act serves ("on behalf of",
"in the name of"), never its target."""


def _object_relative(sent: _Sent, i: int) -> bool:
    """Whether the verb at `i` heads an object relative clause ("which he accused",
    "whom Ankara blames"): its object is the antecedent before the relative pronoun, so the
    first actor after the verb is no object of it."""
    low = sent.low
    k = i - 1
    while k >= 0 and low[k] in _VP_ADVERBS:
        k -= 1
    if k < 0:
        return False
    if low[k] in _SUBJECT_PRONOUNS:
        k -= 1
    else:
        mention = next((m for m in sent.mentions if m.end == k + 1), None)
        if mention is None:
            return False
        k = mention.start - 1
    return k >= 0 and low[k] in ("which", "whom")


def _fallback_target(
    coder: Coder,
    sent: _Sent,
    kind: str,
    j: int,
    exclude: tuple[str, ...],
    shields: bool = False,
) -> tuple[list[Mention], bool]:
    """The fallback's target: a direct object, or the mention after a preposition that
    introduces a party for this kind ("with" for cooperation, "against" for hostility),
    past adjuncts ("clashed over the weekend with ..."); after "from" a supporter or
    sanctioner is the other end ("receives funding from Tehran"), so the pair is swapped,
    unless the verb `shields` its object from a threat ("shield its banks from U.S.
    sanctions"): then what follows "from" is warded off, no party of the support."""
    low = sent.low
    fillers = coder.dicts.words["fillers"]
    preps = _FALLBACK_PREPS.get(kind, ())
    adjunct = False  # inside a prepositional phrase the fallback does not read
    k = j
    while k < len(low) and k - j < 9:
        word = low[k]
        if word in _TARGET_STOPS or word in (".", ";"):
            break
        if word in ("on", "in") and k + 1 < len(low) and low[k + 1] in _ON_BEHALF:
            break  # "acting on behalf of the United States": the agent, not the target
        if word == "from" and shields:
            break
        if word in preps or (word == "from" and kind in ("support", "sanction")):
            targets, _ = sent.target_after(k + 1, 4, True, exclude, direct=False)
            if kind == "hostility":
                targets = [t for t in targets if not coder._state_region(low, t)]
            return targets, word == "from"
        m = sent.starts.get(k)
        if m is not None:
            region = kind == "hostility" and coder._state_region(low, m)
            if not adjunct and m.actor is not None and not m.place and m.kind != "demonym":
                if region:
                    break  # "struck eastern Libya": a region, not the state (see the coder)
                return sent.target_after(k, 1, False, exclude)[0], False
            k = m.end
            continue
        if word in coder.dicts.words["object_preps"]:
            adjunct = True
        elif word not in fillers and word not in _VP_ADVERBS and not adjunct:
            adjunct = True  # a non-actor object: "vowed revenge", "the deal"
        k += 1
    return [], False
