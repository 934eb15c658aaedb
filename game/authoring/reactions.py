"""Reactions to acts and references to them: the register of acts an article reports ("Trump
recognised Jerusalem", "the United States imposed sanctions", "Israel struck targets in
Syria"), the resolution of a definite reference to one of them ("the decision", "the move",
"this week's strikes", "the sanctions") to the act's makers, and the reactions coded through
such a reference ("Saudi Arabia called the decision 'unjustified'", "Germany said the strikes
were necessary", "Khamenei said the move violated international law").

Wire stories name the maker of an act in the lead and then report reactions paragraph after
paragraph without naming it again; without this, every "Iran rejected the decision" is lost.
A reference names the act of the sentence before if it reports one, else the lead's, else the
latest one within `_REACH` sentences; acts the reacting actor made itself are never its own
target. Relations found through a reference are drafted less confident (`REFERENCE_PENALTY`)
than ones naming both ends.

The lexicon is the `[reactions]` section of `dictionaries/reactions.toml`.

Must not import: pygame, anything under `game.ui`, `game.authoring.coder` (only for type
checking); `game.authoring.sentence_view` only for type checking.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from game.authoring.coded import Event, Mention
from game.authoring.dictionary import DICTIONARY_DIR, DictionaryError, Pattern
from game.authoring.event_details import pattern_event
from game.authoring.function_words import _ANAPHORIC, _BARRIERS, _DETERMINERS
from game.authoring.modifiers import _modify
from game.authoring.morphology import _verb_forms
from game.authoring.subjects import subject
from game.authoring.text import words_of
from game.scenario.model import Status

if TYPE_CHECKING:
    from game.authoring.coder import Coder
    from game.authoring.sentence_view import _Sent

__all__ = [
    "REFERENCE_PENALTY",
    "Act",
    "ReactionLexicon",
    "load_lexicon",
    "note_event_act",
    "note_verb_acts",
    "reaction_events",
    "referred_makers",
]

REFERENCE_PENALTY = 0.05
"""How much less confident a relation is when its target is an act's maker named earlier."""

_REACH = 15
"""Sentences back a reference may point (a reaction far down the story still names the lead)."""

_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"week", "weekend", "month", "year", "today", "yesterday"}
)
"""Before "'s", these make a reference definite: "Saturday's strikes", "this week's move"."""

_PERFECT = frozenset({"has", "have", "had"})
_NEGATION = frozenset({"not", "n't", "never", "no"})
_UNREAL = frozenset(
    {"threatened", "threatens", "threaten", "threatening", "warned", "warns", "could", "may"}
    | {"might", "if", "would", "will", "plans", "planned", "wants", "want", "urged", "urges"}
    | {"called", "calls", "demanded", "demands", "asked", "asks", "refused", "declined"}
)
"""Before an act verb: the act is not (yet) done, so nothing refers back to it as done."""

_SUBORDINATORS = frozenset({"after", "since", "following", "before", "when", "as"})
_GENERIC_MODIFIERS = frozenset(
    {"latest", "new", "recent", "fresh", "unilateral", "sudden", "surprise", "controversial"}
    | {"unprecedented", "planned", "proposed", "announced", "same", "first", "second"}
    | {"military", "u.s.-led", "us-led", "american-led", "western", "joint", "overnight"}
)
"""Modifiers a reference may carry and still name any act of its kind ("the latest move")."""
_PATRON_PARTICIPLES = frozenset(
    {"backed", "aligned", "allied", "supported", "funded", "sponsored", "linked", "affiliated"}
)
_PP_HEADS = frozenset({"against", "on", "by", "in", "over", "targeting"})
_PREDICATE_STARTS = frozenset({"is", "was", "are", "were", "would", "will"})
_MOVE_SUFFIX = frozenset({"embassy", "troops", "forces"})

# Codes of acts a later "the move" can name: material hostility, sanctions, withdrawals,
# material support. Verbal events (statements, accusations, threats) are no acts.
_MATERIAL_HOSTILITY = ("15", "16", "17", "18", "19", "20")
_REACTION_RULES = ("hostility.condemn_act", "support.welcome_act", "hostility.reaction")


@frozen
class Act:
    """An act a sentence reports, as later references see it.

    Attributes:
        sentence: the sentence's index; index: the trigger's token index in it.
        makers: who did it; targets: whom it was done to (may be empty).
        kinds: what a reference may call it ("act" for any, "strike", "sanction", ...).
        lead: reported in the headline or the first body sentence.
        background: reported in a relative clause, the perfect or a subordinate clause
            ("which has carried out strikes", "after the US pulled out"), so a reference in
            the next sentence rather means the story's act.
        words: the words around its trigger, which a reference's own modifiers must match
            ("the drone attack" names no missile strike).
    """

    sentence: int
    index: int
    makers: tuple[str, ...]
    targets: tuple[str, ...]
    kinds: frozenset[str]
    lead: bool
    background: bool
    words: frozenset[str] = frozenset()


@frozen
class ReactionLexicon:
    """The `[reactions]` section of reactions.toml, with phrases as token tuples."""

    nouns: Mapping[tuple[str, ...], frozenset[str]]
    verbs: Mapping[tuple[str, ...], frozenset[str]]
    call: frozenset[tuple[str, ...]]
    predicate: tuple[tuple[str, ...], ...]
    hostile: tuple[tuple[str, ...], ...]
    supportive: tuple[tuple[str, ...], ...]
    hostile_predicate: frozenset[tuple[str, ...]]
    bare: frozenset[tuple[str, ...]] = frozenset()


def _phrases(raw: object, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        raise DictionaryError(f"reactions.toml: {where}: expected a list of strings")
    return tuple(p for p in (words_of(v) for v in raw) if p)


def _kinds_table(raw: object, where: str) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise DictionaryError(f"reactions.toml: {where}: expected a table")
    return {
        str(k): frozenset(" ".join(p) for p in _phrases(v, f"{where}.{k}")) for k, v in raw.items()
    }


def _verb_table(verbs: dict[str, frozenset[str]]) -> dict[tuple[str, ...], frozenset[str]]:
    out: dict[tuple[str, ...], frozenset[str]] = {}
    for phrase, kinds in verbs.items():
        words = words_of(phrase)
        if not words:
            continue
        # Only the verb is inflected: "move its embassy" -> moved/moving its embassy.
        head = _verb_forms(words[0])
        for form in head:
            if len(form) == 1:
                out[form + words[1:]] = kinds
        if len(words) > 1 and words[-1] not in _MOVE_SUFFIX:
            for form in _verb_forms(phrase):
                if len(form) == len(words):  # "pulled out", not "pulled quietly out"
                    out[form] = kinds
    return out


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = DICTIONARY_DIR / "reactions.toml") -> ReactionLexicon:
    """Read the `[reactions]` section of `path` (empty lexicon when there is none).

    Raises:
        DictionaryError: the section is malformed; the message names the key.
    """
    try:
        with path.open("rb") as handle:
            doc = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read the reactions section: {exc}") from exc
    raw = doc.get("reactions", {})
    nouns = _kinds_table(raw.get("nouns", {}), "reactions.nouns")
    verbs = _kinds_table(raw.get("verbs", {}), "reactions.verbs")
    calls = {
        form
        for p in _phrases(raw.get("call", []), "reactions.call")
        for form in _verb_forms(" ".join(p))
    }
    hostile_pred = {
        form
        for p in _phrases(raw.get("hostile_predicate", []), "reactions.hostile_predicate")
        for form in _verb_forms(" ".join(p))
    }
    return ReactionLexicon(
        nouns={words_of(k): v for k, v in nouns.items() if words_of(k)},
        verbs=_verb_table(verbs),
        call=frozenset(f for f in calls if len(f) == 1),
        predicate=_phrases(raw.get("predicate", []), "reactions.predicate"),
        hostile=_phrases(raw.get("hostile", []), "reactions.hostile"),
        supportive=_phrases(raw.get("supportive", []), "reactions.supportive"),
        hostile_predicate=frozenset(f for f in hostile_pred if len(f) == 1),
        bare=frozenset(
            _verb_table(
                {" ".join(p): frozenset() for p in _phrases(raw.get("bare", []), "reactions.bare")}
            )
        ),
    )


# -- the register --------------------------------------------------------------------------


def _is_lead(sent: _Sent) -> bool:
    """The headline, or the first body sentence (the lead states the story's act)."""
    if sent.headline:
        return True
    if sent.sentence.line_kind != "body":
        return False
    earlier = sent.previous
    while earlier is not None:
        if earlier.sentence.line_kind == "body":
            return False
        earlier = earlier.previous
    return True


def _background(sent: _Sent, k: int) -> bool:
    low = sent.low
    before = low[max(0, k - 4) : k]
    if sent.clause[k] != 0 or any(t in _SUBORDINATORS for t in before):
        return True
    speech = sent.dicts.words["speech"]
    for n in range(max(0, k - 3), k):
        if low[n] in _PERFECT:
            # "said they had launched drones" is reported news, not background.
            return not any(t in speech for t in low[max(0, n - 3) : n])
    return False


def _words_near(sent: _Sent, k: int) -> frozenset[str]:
    return frozenset(sent.low[max(0, k - 3) : k + 5])


def _unreal(sent: _Sent, k: int) -> bool:
    window = sent.low[max(0, k - 5) : k]
    return any(t in _UNREAL or t in _NEGATION for t in window)


def _register(sent: _Sent) -> list[Act] | None:
    return getattr(sent, "acts", None)


def note_verb_acts(sent: _Sent) -> None:
    """Register the acts this sentence reports with an act verb ("Trump recognised Jerusalem
    as Israel's capital", "Washington designated the IRGC"), whether or not a pattern codes
    them. The maker is the verb's subject; a verb used as a noun ("the U.S. strikes",
    "Israeli strikes") or an act not done ("threatened to strike") registers nothing."""
    register = _register(sent)
    if register is None:
        return
    lex = load_lexicon()
    low = sent.low
    lead = _is_lead(sent)
    _note_noun_acts(sent, lex, lead)
    for k, tok in enumerate(low):
        if k in sent.covered:
            continue
        kinds = None
        for n in (3, 2, 1):
            kinds = lex.verbs.get(tuple(low[k : k + n]))
            if kinds is not None:
                break
        if kinds is None or k == 0:
            continue
        before = low[k - 1]
        owner = sent.ends.get(k)
        if before in _DETERMINERS or (owner is not None and owner.kind == "demonym"):
            continue  # "the strike", "Israeli strikes": a noun
        if _unreal(sent, k) or sent.in_quote[k]:
            continue  # a quoted act is the speaker's claim ("Iran has launched an attack")
        if tok in lex.nouns and (owner is None or owner.weak):
            continue  # "drone strikes claimed by ...": a plural noun, unless a name precedes
        makers = [_compound_head(sent, m) for m in subject(sent, k)[0]]
        ids = tuple(a for a in sent.actors(makers))
        if not ids or _dateline_between(low, max((m.end for m in makers), default=0), k):
            continue  # "RIYADH, Sept 15 (Reuters) - Drone strikes hit ...": a dateline
        targets, _ = sent.target_after(k + n, 8, True, ids, direct=False)
        register.append(
            Act(
                sentence=sent.sentence.index,
                index=k,
                makers=ids,
                targets=tuple(a for a in sent.actors(targets) if a not in ids),
                kinds=kinds | {"act"},
                lead=lead,
                background=not lead and _background(sent, k),
                words=_words_near(sent, k),
            )
        )


def _note_noun_acts(sent: _Sent, lex: ReactionLexicon, lead: bool) -> None:
    """Register acts introduced as an indefinite object: "The United States opened a conference
    ... to promote a $50 billion economic plan", "Turkey began a new offensive": the subject
    of the verb before "a" made it."""
    low = sent.low
    preps = sent.dicts.words["object_preps"]
    for k in range(len(low)):
        kinds = lex.nouns.get((low[k],))
        if kinds is None or k in sent.covered:
            continue
        d = k - 1
        while d >= 0 and k - d <= 6 and low[d] not in ("a", "an"):
            if low[d] in _BARRIERS or low[d] in (",", '"') or sent.mention_ending(d + 1):
                d = -1
                break
            d -= 1
        if d < 1 or low[d] not in ("a", "an"):
            continue
        verb = low[d - 1]
        if not verb.isalpha() or verb in preps or verb in ("as", "of", "is", "was", "be"):
            continue  # "in a move that ...", "called it a mistake": no act done
        if _unreal(sent, d) or sent.in_quote[d]:
            continue
        makers = [_compound_head(sent, m) for m in subject(sent, d - 1)[0]]
        ids = sent.actors(makers)
        if not ids or _dateline_between(low, max((m.end for m in makers), default=0), d):
            continue
        sent.acts.append(
            Act(
                sentence=sent.sentence.index,
                index=d - 1,
                makers=ids,
                targets=(),
                kinds=kinds | {"act"},
                lead=lead,
                background=not lead and _background(sent, d - 1),
                words=_words_near(sent, k),
            )
        )


def _compound_head(sent: _Sent, m: Mention) -> Mention:
    """In "the Iran-aligned Houthis" the actor is the Houthis, not Iran."""
    low = sent.low
    if (
        m.start >= 0
        and m.end + 2 < len(low)
        and low[m.end] == "-"
        and low[m.end + 1] in _PATRON_PARTICIPLES
    ):
        head = sent.mention_at(m.end + 2)
        if head is not None and head.actor is not None:
            return head
    return m


def _dateline_between(low: list[str], start: int, end: int) -> bool:
    """A dateline's end (") -" or ") --") lies between tokens `start` and `end`."""
    return any(
        low[k] == ")" and k + 1 < len(low) and low[k + 1] in ("-", "--", "—", "–")
        for k in range(start, end)
    )


def _event_kinds(event: Event) -> frozenset[str] | None:
    if event.status != Status.ACTIVE or event.rule in _REACTION_RULES:
        return None
    if event.rule.startswith("fallback."):
        return None
    if event.kind == "sanction" and event.code != "081":
        return frozenset({"act", "sanction"})
    if event.kind == "hostility" and event.code.startswith(_MATERIAL_HOSTILITY):
        return frozenset({"act", "strike", "operation"})
    if event.kind == "stance":
        kinds = {"act", "withdrawal"} if event.stance == "withdrawn" else {"act"}
        return frozenset(kinds)
    if event.kind == "deal" or (event.kind == "support" and event.code.startswith("07")):
        return frozenset({"act"})
    return None


def note_event_act(sent: _Sent, event: Event) -> None:
    """Register a coded event as an act later sentences may refer to (sanctions, material
    hostility, withdrawals, material support, deals; not statements or reactions)."""
    register = _register(sent)
    kinds = _event_kinds(event)
    if register is None or kinds is None or not event.actors:
        return
    offset = event.span[0] - sent.sentence.start
    k = next((n for n, tok in enumerate(sent.tokens) if tok.start >= offset), 0)
    if (_unreal(sent, k) and not sent.headline) or sent.in_quote[k]:
        return  # "Hamas called for a new uprising": an appeal, not an act
    lead = _is_lead(sent)
    register.append(
        Act(
            sentence=sent.sentence.index,
            index=k,
            makers=event.actors,
            targets=event.targets,
            kinds=kinds,
            lead=lead,
            background=not lead and _background(sent, k),
            words=_words_near(sent, k),
        )
    )


def _resolve(
    sent: _Sent,
    kinds: frozenset[str],
    before: int,
    exclude: Iterable[str],
    kind: str,
    modifiers: frozenset[str] = frozenset(),
) -> list[Mention]:
    """The makers of the act a reference made at token `before` names (see the module): of
    the sentence chosen, its first act (the main clause's, not one after "after ...")."""
    register = _register(sent) or []
    exclude = set(exclude)
    current = sent.sentence.index
    candidates = [
        act
        for act in register
        if current - act.sentence <= _REACH
        and (act.sentence < current or act.index < before)
        and act.kinds & kinds
        and not set(act.makers) & exclude
        and modifiers <= act.words
    ]
    if kind == "support":
        # Welcoming what was done for oneself adds nothing to that relation.
        candidates = [a for a in candidates if not set(a.targets) & exclude]
    if not candidates:
        return []
    recent = [a for a in candidates if a.sentence >= current - 1 and not a.background]
    lead = [a for a in candidates if a.lead]
    foreground = [a for a in candidates if not a.background]
    pool = recent or lead or foreground
    if not pool:
        return []
    best = max(pool, key=lambda a: (a.sentence, -a.index))
    return [Mention(-1, -1, actor, "name") for actor in best.makers]


# -- references ------------------------------------------------------------------------------


def _noun_ending(lex: ReactionLexicon, low: list[str], end: int) -> tuple[int, frozenset[str]]:
    """The reference noun ending at token `end` (exclusive): its start and kinds, or (-1, {})."""
    for n in (3, 2, 1):
        if end - n >= 0:
            kinds = lex.nouns.get(tuple(low[end - n : end]))
            if kinds is not None:
                return end - n, kinds
    return -1, frozenset()


def _modifiers(low: list[str], start: int, end: int) -> frozenset[str]:
    """The words of a reference between its determiner and its noun that narrow what it names
    ("drone" in "the drone attack"); generic ones ("the latest move") narrow nothing."""
    skip = _ANAPHORIC | _TIME_WORDS | _GENERIC_MODIFIERS | _DETERMINERS | {"last", "a", "an"}
    return frozenset(t for t in low[start:end] if t.isalpha() and t not in skip)


def _definite(low: list[str], start: int, end: int) -> bool:
    for k in range(start, end):
        if low[k] in _ANAPHORIC:
            return True
        if low[k] == "'s" and k > 0 and low[k - 1] in _TIME_WORDS:
            return True
    return False


def referred_makers(
    sent: _Sent, pattern: Pattern, j: int, end: int, exclude: Iterable[str]
) -> list[Mention] | None:
    """For an `anaphora = "act"` pattern whose object (tokens `j` to `end`) is a definite
    reference to an act the lexicon knows ("the decision", "this week's strikes"): the makers
    of the act it names, or [] when no earlier act fits. None when the object is no such
    reference (it names its maker, "the Turkish operation", or is a noun the lexicon does not
    know): the caller's own resolution applies."""
    if pattern.anaphora != "act" or _register(sent) is None:
        return None
    lex = load_lexicon()
    low = sent.low
    start, kinds = _noun_ending(lex, low, end)
    if start < j or not _definite(low, j, start):
        return None
    if any(sent.mention_at(k) is not None for k in range(j, end)):
        return None
    if end < len(low) and low[end] in ("by", "of", "from"):
        return None
    return _resolve(sent, kinds, j, exclude, pattern.kind, _modifiers(low, j, start))


def _reference(
    sent: _Sent, lex: ReactionLexicon, start: int, end: int
) -> tuple[int, list[Mention]]:
    """A reference noun at `start`..`end`: where its noun phrase starts and the makers of the act
    it names (named inside, "the U.S. decision", or resolved), or (-1, [])."""
    low = sent.low
    k = start - 1
    named: list[Mention] = []
    while k >= 0 and start - k <= 4:
        if low[k] in _BARRIERS or low[k] in (",", '"'):
            return -1, []
        m = sent.mention_ending(k + 1)
        if m is not None and m.actor is not None and not m.place:
            named = sent.group(m) if not m.weak else [m]
            k = m.start - 1
            continue
        if low[k] in _ANAPHORIC or (low[k] == "'s" and k > 0 and low[k - 1] in _TIME_WORDS):
            det = k
            while det > 0 and low[det - 1] in _ANAPHORIC | _TIME_WORDS | {"last"}:
                det -= 1
            if named:
                return det, named
            return det, []
        if low[k] == "'s" and named:
            return named[0].start, named  # "Washington's move"
        k -= 1
    return -1, []


def _phrase_at(phrases: Iterable[tuple[str, ...]], low: list[str], k: int) -> int:
    for phrase in phrases:
        if tuple(low[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _evaluation(
    lex: ReactionLexicon, low: list[str], start: int, reach: int
) -> tuple[str, int, int]:
    """The first hostile or supportive evaluation within `reach` tokens of `start`, in the same
    clause: ("hostility" | "support", its start, end), or ("", -1, -1). A negation before it
    ("was not justified") cancels it."""
    for k in range(start, min(len(low), start + reach)):
        if low[k] in _BARRIERS or (low[k] == "and" and k + 1 < len(low) and low[k + 1] == "said"):
            break
        if low[k] in _NEGATION:
            return "", -1, -1
        n = _phrase_at(lex.hostile, low, k)
        if n:
            return "hostility", k, k + n
        n = _phrase_at(lex.supportive, low, k)
        if n:
            return "support", k, k + n
    return "", -1, -1


def _speakers(sent: _Sent, k: int) -> list[Mention]:
    """Who says the clause after token `k`: the sentence's speaker, else the sentence's first
    actor when only a relative clause or apposition separates it from the speech verb
    ("Turkey, which backs the rebels but has worked with Russia, said the ...")."""
    if sent.speaker is not None:
        return [Mention(-1, -1, a, "speaker") for a in (sent.speaker, *sent.speaker_others)]
    first = next((m for m in sent.mentions if m.actor is not None), None)
    if first is None or first.weak or first.place or first.start > 1:
        return []
    verb = k if sent.low[k] in sent.dicts.words["speech"] else k - 1
    between = range(first.end, verb)
    if not between or sent.low[first.end] != "," or sent.clause[verb] != 0:
        return []
    if any(sent.clause[n] == 0 and sent.low[n] != "," for n in between):
        return []
    return [first]


def _after_modifier(low: list[str], end: int) -> int:
    """Past a short prepositional phrase after a reference noun ("the measures against the
    supreme leader were ..."): where its predicate may start."""
    if end < len(low) and low[end] in _PP_HEADS:
        for k in range(end + 1, min(len(low), end + 6)):
            if low[k] in _BARRIERS or low[k] in (",", '"'):
                break
            if low[k] in _PREDICATE_STARTS:
                return k
    return end


def _predicate(lex: ReactionLexicon, low: list[str], k: int) -> tuple[str, int, int]:
    """The evaluation a referred act's predicate at `k` states: "violated international law",
    "would damage efforts", "was a dangerous violation", "were necessary"."""
    start = k
    if k < len(low) and low[k] in ("would", "will"):
        k += 1
        while k < len(low) and k < start + 3 and low[k].endswith("ly"):
            k += 1  # "would seriously damage"
    if k < len(low) and (low[k],) in lex.hostile_predicate:
        return "hostility", k, k + 1
    if k != start:
        k = start
    n = _phrase_at(lex.predicate, low, k)
    if n:
        return _evaluation(lex, low, k + n, 8)
    return "", -1, -1


_HOSTILE = Pattern(
    id="reaction.evaluation.hostile",
    triggers=("reaction",),
    pos="verb",
    kind="hostility",
    code="111",
    goldstein=-2.0,
    symmetric=False,
    confidence=0.6,
)
_SUPPORTIVE = Pattern(
    id="reaction.evaluation.supportive",
    triggers=("reaction",),
    pos="verb",
    kind="support",
    code="051",
    goldstein=3.4,
    symmetric=False,
    confidence=0.6,
)


_BARE_ENDS = frozenset({",", ".", ";", ":", "on", "with", "by", "in", "and", "saying", "after"})
_BARE_REACH = 2
"""Sentences back a reaction with no object may answer an act ("Tehran hit back")."""


def _related(dicts, a: str, b: str) -> bool:
    """The same actor, or one the parent of the other (the IRGC and Iran)."""
    actors = dicts.actors
    parent = {x: actors[x].parent if x in actors else None for x in (a, b)}
    return a == b or parent[a] == b or parent[b] == a


def _bare_reactions(
    coder: Coder, sent: _Sent, coded: list[Event], consumed: set[int]
) -> list[Event]:
    """ "Tehran hit back", "Beijing lodged a formal protest": a reaction with no object answers
    the latest act done to the reacting actor (or its parent or child) in this sentence or the
    two before; nothing when no such act is found."""
    lex = load_lexicon()
    low = sent.low
    out: list[Event] = []
    for k in range(len(low)):
        if k in consumed or k in sent.covered:
            continue
        n = next(
            (n for n in (5, 4, 3, 2, 1) if k + n <= len(low) and tuple(low[k : k + n]) in lex.bare),
            0,
        )
        if not n or (k + n < len(low) and low[k + n] not in _BARE_ENDS):
            continue
        if k > 0 and low[k - 1] in _DETERMINERS:
            continue  # "the protest": a noun
        reactors = sent.actors(subject(sent, k)[0])
        if not reactors:
            continue
        current = sent.sentence.index
        acts = [
            a
            for a in _register(sent) or []
            if current - a.sentence <= _BARE_REACH
            and (a.sentence < current or a.index < k)
            and not set(a.makers) & set(reactors)
            and any(_related(sent.dicts, t, r) for t in a.targets for r in reactors)
        ]
        if not acts:
            continue
        best = max(acts, key=lambda a: (a.sentence, a.index))
        pattern = _HOSTILE
        _status, confidence, negate = _modify(coder, sent, k, k + n, pattern)
        if negate or any(
            e.kind == "hostility" and set(e.pairs()) & set(_pairs(reactors, best.makers))
            for e in coded
        ):
            continue
        out.append(
            pattern_event(
                sent,
                evolve(pattern, id="reaction.bare"),
                k,
                k + n,
                actors=reactors,
                targets=best.makers,
                kind="hostility",
                status=Status.ACTIVE,
                confidence=round(min(0.99, max(0.05, confidence - REFERENCE_PENALTY)), 2),
            )
        )
        consumed.update(range(k, k + n))
    return out


def _pairs(actors: tuple[str, ...], targets: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, t) for a in actors for t in targets]


def reaction_events(
    coder: Coder, sent: _Sent, coded: list[Event], consumed: set[int]
) -> list[Event]:
    """Evaluations of a referred act: "called the decision 'unjustified'", "said the strikes
    were necessary and appropriate", "said the move violated international law". The
    evaluator is the subject of the calling verb, or the speaker of the reported clause whose
    subject is the reference; the target is the act's makers."""
    if _register(sent) is None:
        return []
    lex = load_lexicon()
    low = sent.low
    speech = sent.dicts.words["speech"]
    out: list[Event] = _bare_reactions(coder, sent, coded, consumed)
    k = 0
    while k < len(low):
        start, kinds = -1, frozenset()
        for n in (3, 2, 1):
            kinds = lex.nouns.get(tuple(low[k : k + n]), frozenset())
            if kinds:
                start, end = k, k + n
                break
        if start < 0 or start in consumed:
            k += 1
            continue
        k = end
        det, named = _reference(sent, lex, start, end)
        if det <= 0:
            continue
        before = low[det - 1]
        evaluator: list[Mention] = []
        if (before,) in lex.call:
            evaluator, _how = subject(sent, det - 1)
            kind, i, j = _evaluation(lex, low, end, 8)
        elif before in speech or before == "that":
            evaluator = _speakers(sent, det - 1)
            kind, i, j = _predicate(lex, low, _after_modifier(low, end))
        else:
            continue
        if not kind or not evaluator:
            continue
        actors = sent.actors(evaluator)
        if not named and end < len(low) and low[end] == "by":
            # "said the attacks by government forces were unacceptable": the act names its
            # maker after "by"; an earlier act is not it, and an unknown maker is none.
            agent = sent.mention_at(end + 1) or sent.mention_at(end + 2)
            if agent is None or agent.actor is None or agent.place:
                continue
            named = sent.group(agent)
        makers = named or _resolve(sent, kinds, det, actors, kind, _modifiers(low, det, start))
        targets = tuple(a for a in sent.actors(makers) if a not in actors)
        if not actors or not targets:
            continue
        pattern = _HOSTILE if kind == "hostility" else _SUPPORTIVE
        # An evaluation is stated now: "said the decision would damage ties" is no plan, so
        # only negation and hedges of the modifiers apply.
        _status, confidence, negate = _modify(coder, sent, i, j, pattern)
        if negate or _modify(coder, sent, det - 1, det, pattern)[2]:
            continue  # "was not justified", "did not call the move illegal"
        if any(
            e.kind == pattern.kind and set(e.pairs()) & set(_pairs(actors, targets)) for e in coded
        ):
            continue  # "condemned the strikes as illegal": the pattern coded it already
        if not named:
            confidence -= REFERENCE_PENALTY
        out.append(
            pattern_event(
                sent,
                pattern,
                i,
                j,
                actors=actors,
                targets=targets,
                kind=pattern.kind,
                status=Status.ACTIVE,
                confidence=round(min(0.99, max(0.05, confidence)), 2),
            )
        )
        consumed.update(range(det, j))
    return out
