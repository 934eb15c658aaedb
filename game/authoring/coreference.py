"""Coreference across sentences: references back to an earlier sentence's actors ("the
kingdom", "the two countries", "both sides") turned into mentions of those actors.

Functions of a `_Sent` (the sentence view calls in here, passing itself). Must not import:
pygame, anything under `game.ui`, `game.authoring.coder`; `game.authoring.sentence_view` only
for type checking.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from game.authoring.coded import Mention
from game.authoring.function_words import _CONNECTORS

if TYPE_CHECKING:
    from game.authoring.sentence_view import _Sent


_PAIR_VERBS = frozenset(
    {"have", "had", "are", "were", "will", "would", "could", "can", "also", "agreed", "signed"}
    | {"met", "held", "said", "pledged", "vowed", "discussed", "share", "shared", "did", "do"}
)
"""Words after a bare "the two" that make it a pair of actors ("the two also signed")."""


def _verb_after(low: list[str], k: int) -> bool:
    """Whether token `k` opens a verb phrase, so "the two" before it stands alone."""
    return k < len(low) and (low[k] in _PAIR_VERBS or (low[k].endswith("ed") and len(low[k]) > 4))


def _earlier(sent: _Sent, depth: int = 6) -> Iterable[_Sent]:
    earlier = sent.previous
    while earlier is not None and depth > 0:
        yield earlier
        earlier = earlier.previous
        depth -= 1


def _references(sent: _Sent) -> tuple[Mention, ...]:
    """Add the mentions that point back to earlier ones.

    A pair ("the two countries", "both sides", "the two NATO allies") stands for the last
    two actors named together; a definite description ("the kingdom", "the bloc", "the
    administration", see `descriptions` in actors.toml) for the actor it describes that was
    named most recently. Either is dropped when nothing earlier fits."""
    low = sent.low
    found: list[Mention] = []
    pair_heads = sent.dicts.words.get("pair_heads", frozenset())
    relational = sent.dicts.words.get("pair_relational", frozenset())
    descriptions = sent.dicts.descriptions
    sent.described = {}
    k = 0
    while k < len(low):
        tok = low[k]
        start = end = -1
        head = ""
        if tok == "both" or (tok == "two" and k > 0 and low[k - 1] in ("the", "'s")):
            for h in range(k + 1, min(len(low), k + 5)):
                if low[h] in pair_heads:
                    head = low[h]
                    start = k if tok == "both" else k - 1
                    if tok == "two" and low[k - 1] == "'s" and k >= 3 and low[k - 3] == "the":
                        start = k - 3  # "the world's two largest exporters"
                    end = h if low[h] in relational else h + 1
                    break
                if low[h] in (",", ".", ";", ":", '"', "and", "or") or (
                    tok == "both" and h > k + 1
                ):
                    break
            if start < 0 and tok == "two" and low[k - 1] == "the" and _verb_after(low, k + 1):
                start, end = k - 1, k + 1  # "The two also signed a gas deal": a bare pair
            if end > start >= 0:
                # A state named inside ("the two Damascus allies") is whom the pair is
                # allied to, so the pair ends before it; an organisation ("the two NATO
                # allies") is what they share, and stays inside.
                actors = sent.dicts.actors
                for m in sent.mentions:
                    if (
                        start < m.start < end
                        and m.actor in actors
                        and actors[m.actor].kind.value != "organisation"
                    ):
                        end = m.start
                        break
                pair = _pair_context(sent, start, head in _STATE_HEADS)
                if pair is not None:
                    found.append(Mention(start, end, pair[0], "pair", extra=pair[1:]))
                # A name inside can end the pair before "two" ("the Kremlin's two allies"):
                # always move on, or the same "two" is read for ever.
                k = max(end, k + 1)
                continue
        if tok == "three" and k > 0 and low[k - 1] in ("the", "all") and _verb_after(low, k + 1):
            trio = _trio_context(sent, k - 1)
            if trio is not None:
                found.append(Mention(k - 1, k + 1, trio[0], "pair", extra=trio[1:]))
                k += 1
                continue
        if tok == "the" and k + 1 < len(low):
            resolved = next(
                (m for m in (resolve(sent, k) for resolve in _THE_RESOLVERS) if m is not None),
                None,
            )
            if resolved is not None:
                found.append(resolved)
                k = max(resolved.end, k + 1)
                continue
            for words, ids in descriptions.items():
                n = len(words)
                if tuple(low[k + 1 : k + 1 + n]) != words:
                    continue
                after = low[k + 1 + n] if k + 1 + n < len(low) else ""
                if after in ("between", "with", "of", "-"):
                    break  # "the alliance between X and Y" is a relation, not NATO
                actor = _settled(sent, words, ids, k) or _recent(sent, ids, k)
                if actor is not None:
                    sent.described[words] = actor
                    found.append(Mention(k, k + 1 + n, actor, "description"))
                    k += n
                break
        k += 1
    if not found:
        return sent.mentions
    spans = [(m.start, m.end) for m in found]
    kept = [m for m in sent.mentions if not any(a < m.end and m.start < b for a, b in spans)]
    return tuple(sorted(kept + found, key=lambda m: m.start))


_GROUP_NOUNS = {
    ("militia",): True,
    ("militants",): True,
    ("militant", "group"): True,
    ("armed", "group"): True,
    ("group",): False,
    ("movement",): False,
}
"""Nouns an article uses for an armed group named before ("the militia", "the group");
True when the noun fits only an armed group, False when a firm or body named more recently
could be meant ("the group said" after a company)."""
_GROUP_REACH = 3
"""Sentences back "the group" may point to."""


def _armed_group_reference(sent: _Sent, k: int) -> Mention | None:
    """ "the militia", "the group" (at `k` = "the") standing for the armed group named most
    recently (this sentence before it, then the three before). None when nothing fits, when a
    firm, body or state was named after that group and the noun could mean it, or when the
    noun phrase goes on ("the group of seven")."""
    low = sent.low
    for words, only_armed in _GROUP_NOUNS.items():
        n = len(words)
        if tuple(low[k + 1 : k + 1 + n]) != words:
            continue
        after = low[k + 1 + n] if k + 1 + n < len(low) else "."
        if after in ("of", "-") or any(
            m.start == k + 1 and m.actor is not None for m in sent.mentions
        ):
            return None  # "the group of seven"; "the militia" a name or demonym made an actor
        actor = _recent_armed_group(sent, k, only_armed)
        return None if actor is None else Mention(k, k + 1 + n, actor, "description")
    return None


def _mentions_back(sent: _Sent, index: int, reach: int) -> list[Mention]:
    """The mentions before token `index`, nearest first, then those of up to `reach` earlier
    sentences, each from its end."""
    here = [m for m in sent.mentions if m.end <= index]
    earlier = [m for e in itertools.islice(_earlier(sent), reach) for m in reversed(e.mentions)]
    return [*reversed(here), *earlier]


def _recent_armed_group(sent: _Sent, index: int, only_armed: bool) -> str | None:
    """The armed group named last before token `index`; with `only_armed` False, None if any
    other actor that is no state was named after it."""
    actors = sent.dicts.actors
    for m in _mentions_back(sent, index, _GROUP_REACH):
        entry = actors.get(m.actor) if m.actor is not None else None
        if entry is None or m.weak:
            continue
        kind = entry.kind.value
        if kind == "armed_group" and m.kind == "person":
            continue  # "Jafari said the group ...": a commander is not the group talked about
        if kind == "armed_group":
            return m.actor
        if not only_armed and kind in ("firm", "organisation"):
            return None
    return None


_TITLES = {"king": "kingdom", "emir": "emirate", "sultan": "sultanate"}
"""A monarch's title and the description of the state it rules: "the king" is the kingdom's."""


def _monarch(sent: _Sent, k: int) -> Mention | None:
    """ "the king" (at `k` = "the") as the kingdom read before ("the emir": the emirate,
    "the sultan": the sultanate), the way "the kingdom" is read; None when the title goes on
    ("the king of Jordan", "the king's son") or nothing fits."""
    low = sent.low
    title = _TITLES.get(low[k + 1]) if k + 2 < len(low) else None
    words = (title,) if title is not None else ()
    if not words or words not in sent.dicts.descriptions or low[k + 2] in ("of", "'s", "-"):
        return None
    if any(m.start == k + 1 and m.actor is not None for m in sent.mentions):
        return None
    ids = sent.dicts.descriptions[words]
    actor = _settled(sent, words, ids, k) or _recent(sent, ids, k)
    return None if actor is None else Mention(k, k + 2, actor, "description")


def _demonym_capital(sent: _Sent, k: int) -> Mention | None:
    """ "the Syrian capital" (at `k` = "the") standing for Syria, as "Damascus" does: a
    capital metonym spelt with the state's demonym. None unless a state's demonym stands right
    before "capital"."""
    low = sent.low
    if k + 2 >= len(low) or low[k + 2] != "capital":
        return None
    for m in sent.mentions:
        if m.start == k + 1 and m.end == k + 2 and m.kind == "demonym" and m.actor is not None:
            entry = sent.dicts.actors.get(m.actor)
            if entry is not None and entry.kind.value == "state":
                return Mention(k, k + 3, m.actor, "capital")
    return None


_COUNTRY_NOUNS = frozenset({"country", "nation"})


def _country_reference(sent: _Sent, k: int) -> Mention | None:
    """ "the country" (at `k` = "the") standing for the one state the sentence before names
    ("Iran denied it. The country has long ..."). None when the noun phrase goes on ("the
    country's" is kept, "the country of origin" is not), when the sentence before names
    several states, or when an actor is named before it in its own sentence: there "the
    country" is as often a place ("forces in the north of the country") or another state
    than the last one named, and reading it wrongly costs more than it finds."""
    low = sent.low
    if k + 1 >= len(low) or low[k + 1] not in _COUNTRY_NOUNS:
        return None
    if k + 2 < len(low) and low[k + 2] in ("of", "-", "that", "which", "where"):
        return None
    if sent.previous is None or any(
        m.end <= k and m.actor is not None and not m.weak for m in sent.mentions
    ):
        return None  # an actor named before it in the sentence makes the reading unsure
    states = {m.actor for m in sent.previous.mentions if _names_state(sent, m)}
    if len(states) != 1:
        return None
    return Mention(k, k + 2, states.pop(), "description")


def _names_state(sent: _Sent, m: Mention) -> bool:
    """Whether a mention names a state in its own right (a name, capital, person or role of
    it; no demonym, which only qualifies: "the Syrian refugees the country hosts")."""
    if m.actor is None or m.weak or m.extra:
        return False
    entry = sent.dicts.actors.get(m.actor)
    return entry is not None and entry.kind.value == "state"


_FIRM_HEADS = frozenset(
    {"company", "firm", "group", "major", "giant", "carmaker", "automaker", "conglomerate"}
    | {"refiner", "manufacturer", "maker", "producer", "lender", "insurer", "operator"}
)
"""Nouns a wire story uses for a company named before ("the company", "the French major")."""
_BARE_FIRM_HEADS = frozenset({"company", "firm"})
"""Heads that stand for a company with no modifier: "the giant" or "the group" alone often
mean something else ("the giant South Pars field", an armed group)."""
_FIRM_MODIFIERS = frozenset(
    {"oil", "energy", "gas", "state", "state-owned", "state-run", "shipping", "engineering"}
    | {"steel", "defence", "defense", "arms", "car", "aerospace", "telecoms", "construction"}
    | {"-", "owned", "run", "private", "industrial", "chemicals", "mining", "nuclear"}
)
"""Words between "the" (or a demonym) and a firm noun: "the state-owned energy giant"."""
_FIRM_REACH = 2
"""Sentences back a firm reference may point to."""


def _firm_reference(sent: _Sent, k: int) -> Mention | None:
    """ "the company", "the French group", "the Russian energy giant" (at `k` = "the")
    standing for the firm named most recently (this sentence, then the two before); with a
    demonym, the most recent firm of that state. None when a name follows or sits inside
    ("the oil company Rosneft" names its own firm) or nothing fits."""
    low = sent.low
    j = k + 1
    owner = None
    demonym = next((m for m in sent.mentions if m.start == j and m.actor is not None), None)
    if demonym is not None and demonym.kind == "demonym":
        owner, j = demonym.actor, demonym.end
    elif demonym is not None and demonym.kind == "role" and low[demonym.end - 1] in _FIRM_HEADS:
        owner, j = demonym.actor, demonym.end - 1  # "the French company" read as a role
    else:
        demonym = None
    modified = owner is not None
    while j < len(low) and low[j] in _FIRM_MODIFIERS and j - k <= 5:
        modified, j = True, j + 1
    if j >= len(low) or low[j] not in (_FIRM_HEADS if modified else _BARE_FIRM_HEADS):
        return None
    after = low[j + 1] if j + 1 < len(low) else "."
    if after in ("of", "-") or any(
        m is not demonym and m.actor is not None and k < m.start <= j + 1 for m in sent.mentions
    ):
        return None
    actor = _recent_firm(sent, k, owner)
    return None if actor is None else Mention(k, j + 1, actor, "description")


def _recent_firm(sent: _Sent, index: int, owner: str | None) -> str | None:
    """The firm named last before token `index` (of state `owner` if given)."""
    actors = sent.dicts.actors
    for m in _mentions_back(sent, index, _FIRM_REACH):
        entry = actors.get(m.actor) if m.actor is not None else None
        if entry is None or entry.kind.value != "firm":
            continue
        if owner is None or entry.parent == owner:
            return m.actor
    return None


_SETTLED_REACH = 25
"""Sentences back a description's earlier reading is kept ("the kingdom" stays Saudi Arabia)."""


def _settled(sent: _Sent, words: tuple[str, ...], ids: Sequence[str], index: int) -> str | None:
    """The actor an earlier sentence read the same description as, if it is still in view
    (named before token `index` here or in the six sentences before): a story that called
    Saudi Arabia "the kingdom" keeps doing so after it lists Bahrain ("... Bahrain and Egypt
    criticised Qatar, accusing it of courting Iran, the kingdom's arch-rival")."""
    earlier = sent.previous
    depth = _SETTLED_REACH
    while earlier is not None and depth > 0:
        actor = earlier.described.get(words)
        if actor is not None:
            if actor in ids and _named_recently(sent, actor, index):
                return actor
            return None
        earlier = earlier.previous
        depth -= 1
    return None


def _named_recently(sent: _Sent, actor: str, index: int) -> bool:
    """Whether `actor` is named before token `index` or in the six sentences before."""
    if any(m.end <= index and m.actor == actor for m in sent.mentions):
        return True
    return any(m.actor == actor for earlier in _earlier(sent) for m in earlier.mentions)


def _recent(sent: _Sent, ids: Sequence[str], index: int) -> str | None:
    """Of `ids`, the one named last before token `index` (this sentence, then earlier)."""
    for m in reversed(sent.mentions):
        if m.end <= index and m.actor in ids:
            return m.actor
    for earlier in _earlier(sent):
        for m in reversed(earlier.mentions):
            if m.actor in ids:
                return m.actor
    return None


_MEETING_VERBS = frozenset(
    {"join", "joins", "joined", "meet", "meets", "met", "host", "hosts", "hosted", "receive"}
    | {"received", "visit", "visits", "visited", "welcome", "welcomed"}
)
"""Words before a pair reference whose subject meets the pair and so is not one of it."""
_SUBORDINATORS = frozenset(
    {"after", "before", "when", "as", "while", "since", "because", "until", "once", "where"}
)
"""Words opening a clause of its own: "X and Y signed a deal after the two presidents met" has
the pair as the clause's subject, not an object of the main verb."""
_STATE_HEADS = frozenset({"countries", "nations", "states", "neighbours", "neighbors"})
"""Pair heads only states fit: "the two countries" is never a firm and a state."""


def _coordinated_pair(
    earlier: _Sent, mentions: list[Mention], last: bool = False
) -> tuple[str, str] | None:
    """Two different actors joined by "and" in an earlier sentence ("Saudi King Salman and
    Iraqi Prime Minister Haider al-Abadi attended ... with Tillerson"): the pair a later "the
    two countries" most likely means, before the last two named. With `last`, the latest
    such pair (in the sentence of the reference itself)."""
    found = None
    for a, b in itertools.pairwise(mentions):
        if (
            earlier.low[a.end : b.start] == ["and"]
            and a.actor is not None
            and b.actor is not None
            and a.actor != b.actor
        ):
            found = a.actor, b.actor
            if not last:
                break
    return found


def _earlier_pair(mentions: list[Mention], anchor: str | None) -> tuple[str, str] | None:
    """A pair reference already resolved in an earlier sentence ("the two leaders" meaning
    Israel and Russia), holding `anchor` if one is given: a later "the two countries" goes on
    meaning that pair, not the actors named nearest each other there."""
    for m in reversed(mentions):
        ids = (m.actor, *m.extra)
        if m.kind == "pair" and len(ids) == 2 and None not in ids and anchor in (None, *ids):
            return ids[0], ids[1]
    return None


def _coordinated_places(sent: _Sent) -> set[int]:
    """Starts of place mentions coordinated with another mention ("went to Oman and Qatar",
    "in Chad and Niger"): a later "the two countries" or "both countries" means those states,
    though a lone place ("talks in Geneva") is never one of a pair."""
    out: set[int] = set()
    for a, b in itertools.pairwise(sent.mentions):
        if sent.low[a.end : b.start] in (["and"], [","]) and (a.place or b.place):
            out.update((a.start, b.start))
    return out


def _pair_context(sent: _Sent, index: int, states_only: bool = False) -> tuple[str, str] | None:
    """The last two actors named together before token `index`: in this sentence if it
    names two; else the latest earlier sentence naming this sentence's actor with another;
    else the latest earlier sentence naming two (two joined by "and" first). With
    `states_only` ("the two countries") only states count."""

    preps = sent.dicts.words["object_preps"]
    actors = sent.dicts.actors

    def named(earlier: _Sent, limit: int | None = None) -> list[Mention]:
        out = []
        listed = _coordinated_places(earlier) if states_only else set()
        for m in earlier.mentions:
            if (
                (limit is not None and m.end > limit)
                or m.weak
                or (m.place and m.start not in listed)
            ):
                continue
            if states_only and (m.actor not in actors or actors[m.actor].kind.value != "state"):
                continue
            if limit is not None and m.start > 0 and earlier.low[m.start - 1] in preps:
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

    before = named(sent, index)
    here = ids_of(before)
    joined = all(
        set(sent.low[a.end : b.start]) <= _CONNECTORS | {"the"}
        for a, b in itertools.pairwise(before)
    )
    prev_word = sent.low[index - 1] if index > 0 else ""
    avoid: str | None = None
    if (
        len(here) >= 2
        and joined
        and prev_word not in sent.dicts.words["speech"]
        and prev_word not in ("that", ",", "between", "and")
        and prev_word not in _SUBORDINATORS
    ):
        # "Russia, Iran and Turkey pledged to bring the two sides together": the subject is
        # not the pair its own verb acts on.
        here = []
    elif len(here) == 1 and prev_word in _MEETING_VERBS:
        # "Rouhani is due to join the two leaders in Ankara": whoever meets the pair is not
        # one of it.
        avoid = here[0]
        here = []
    elif len(here) >= 2:
        # "said Russia and Iran were no allies and that Moscow valued Israel's security, ...
        # that the two countries worked together": the pair joined by "and" is the one meant.
        return _coordinated_pair(sent, before, last=True) or (here[1], here[0])
    for earlier in _earlier(sent):
        mentions = [m for m in named(earlier) if avoid not in (m.actor, *m.extra)]
        ids = ids_of(mentions)
        if len(ids) < 2:
            continue
        resolved = _earlier_pair(mentions, here[0] if here else None)
        if resolved is not None:
            return resolved
        if not here:
            return _coordinated_pair(earlier, mentions) or (ids[1], ids[0])
        pair = _coordinated_pair(earlier, mentions)
        if prev_word in preps and pair is not None and here[0] not in pair:
            # "Japan sent envoys to Chad and Niger. Tokyo signed deals with both countries":
            # the actor acting on the pair is not one of it; the two named together are.
            return pair
        if here[0] in ids:
            # The actor named nearest to this sentence's actor there is its partner.
            anchors = [m.start for m in mentions if here[0] in (m.actor, *m.extra)]
            others = [m for m in mentions if here[0] not in (m.actor, *m.extra)]
            if not others:
                continue  # every mention there includes it ("the two sides" naming it too)
            nearest = min(others, key=lambda m: min(abs(m.start - a) for a in anchors))
            return here[0], nearest.actor or nearest.extra[0]
    return None


def _trio_context(sent: _Sent, index: int) -> tuple[str, ...] | None:
    """The three actors a bare "the three" / "all three" before a verb stands for: the latest
    list of exactly three actors joined by commas and "and" (this sentence before it, then the
    two before): "Egypt, Jordan and Iraq met in Amman. The three agreed ..."."""
    here = [m for m in sent.mentions if m.end <= index]
    for mentions, low in [(here, sent.low)] + [
        (list(e.mentions), e.low) for e in _earlier(sent, depth=2)
    ]:
        trio = _listed_three(mentions, low)
        if trio is not None:
            return trio
    return None


def _listed_three(mentions: list[Mention], low: list[str]) -> tuple[str, ...] | None:
    """The last run of three different actors named as a list ("A, B and C")."""
    named = [m for m in mentions if m.actor is not None and not m.weak and not m.extra]
    for a, b, c in reversed(list(zip(named, named[1:], named[2:], strict=False))):
        if low[a.end : b.start] in ([","], ["and"]) and low[b.end : c.start] in (
            ["and"],
            [",", "and"],
        ):
            ids = (str(a.actor), str(b.actor), str(c.actor))
            if len(set(ids)) == 3:
                return ids
    return None


_THE_RESOLVERS = (
    _armed_group_reference,
    _monarch,
    _demonym_capital,
    _firm_reference,
    _country_reference,
)
"""Readings of "the ..." tried in order before the actors' descriptions: "the militia", "the
king", "the Syrian capital", "the company", "the country"; each returns a mention or None."""
