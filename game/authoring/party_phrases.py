"""Noun phrases that name the parties of a relation with no verb of it: alliance membership
("NATO member Turkey", "the two NATO allies": `membership`, `alliance_pair`, layout `member`),
"Turkish troops and their Syrian rebel allies" (`companion_allies`, layout `companion`), the
sides of "a war that pits X against Y" (`pitted`, layout `pits`), hyphenated pairs and
participles ("Turkish-Russian ties", "Saudi-backed": `hyphen_pair` for layout `pair`,
`hyphen_target`, `is_hyphen_pair`), the owner named inside an object ("receives $1.3 billion in
U.S. military aid": `object_owner`, for inverse patterns) and the country of a civil war
(`civil_war_owner`).

Must not import: pygame, anything under `game.ui`, `game.authoring.coder`.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.authoring.coded import Mention
from game.authoring.function_words import _ADJECTIVE_FILLERS
from game.authoring.sentence_view import _Sent


def object_owner(sent: _Sent, j: int, end: int, exclude: Iterable[str]) -> list[Mention]:
    """The actor a demonym or name inside an object phrase stands for, when nothing but words
    of that phrase follow it: "receives $1.3 billion in U.S. military aid" (the United States
    gives it), "relies on Saudi support". For patterns whose source owns the object."""
    exclude = set(exclude)
    for k in range(j, end):
        m = sent.mention_at(k)
        # A place is allowed: in "$1.5 billion in U.S. military aid" the name after "in" is
        # read as a place, but the words after it show it modifies the aid.
        if m is None or m.actor is None or m.actor in exclude:
            continue
        rest = sent.low[m.end : end]
        if m.end < end and not any(w in _OBJECT_BREAKS for w in rest):
            return [m]
    return []


_OBJECT_BREAKS = frozenset({",", ";", "and", "or", "to", "for", "from", "with", "on", "by", "of"})
"""Words that end a noun phrase: after them the object is no longer the mention's."""


_PAIR_FILLERS = frozenset(
    {"bilateral", "diplomatic", "economic", "military", "trade", "border", "energy", "security"}
)
"""Adjectives between a hyphenated pair and its noun: "Turkish-Russian economic ties"."""


def hyphen_pair(sent: _Sent, i: int) -> list[Mention]:
    """The two actors of a hyphenated pair right before token `i`: "Turkish-Russian ties",
    "the Israel-Hezbollah war", "U.S.-Turkish relations"; empty when there is no such pair.
    Only the hyphenated form counts: "Russia and Iran's war" is theirs, not between them."""
    k = i
    while k > 0 and sent.low[k - 1] in _PAIR_FILLERS and i - k < 2:
        k -= 1
    second = sent.mention_ending(k)
    if second is None or second.actor is None or second.start < 2:
        return []
    if sent.low[second.start - 1] != "-":
        return []
    first = sent.mention_ending(second.start - 1)
    if first is None or first.actor is None or first.actor == second.actor:
        return []
    return [first, second]


def hyphen_target(sent: _Sent, source: Mention, j: int) -> list[Mention]:
    """What a hyphenated participle ("Saudi-backed", "Iranian-backed") modifies: the first
    actor of its noun phrase ("Iranian-backed Houthi rebels", "Iran-backed paramilitaries of
    the Popular Mobilisation Forces"), or the examples it names ("Iranian-backed groups such
    as Kataib Hezbollah"), else the phrase's possessor ("Yemen's Saudi-backed
    government" -> Yemen). The phrase ends at the first word that cannot be in it (a verb):
    in "Iranian-backed militias attacked US forces" the forces are no target.

    Args:
        sent: the sentence.
        source: the mention before the hyphen (the backer).
        j: the token after the participle.

    Returns:
        The targets, or an empty list.
    """
    targets, _ = sent.target_after(j, 3)
    if targets and _in_noun_phrase(sent, j, targets[0].start):
        if _names_an_event(sent, targets):
            return []  # "the Russian-sponsored Syria talks": the talks are backed, not Syria
        return _named_head(sent, targets)
    for k in range(j, min(j + 4, len(sent.low) - 2)):
        if sent.low[k : k + 2] == ["such", "as"] or sent.low[k] == "including":
            # "Iranian-backed groups such as Kataib Hezbollah": the examples are the backed.
            at = k + 2 if sent.low[k] == "such" else k + 1
            named, _ = sent.target_after(at, 1)
            if named and _in_noun_phrase(sent, j, k):
                return named
            break
    leaders = _coalition_leaders(sent, j)
    if leaders:
        return leaders
    return _possessor(sent, source) or _copular_subject(sent, source)


_COALITION_NOUNS = frozenset({"coalition", "alliance", "bloc", "force", "forces"})
"""Nouns of a group a hyphenated participle can qualify before "led by" names its leaders."""


def _coalition_leaders(sent: _Sent, j: int) -> list[Mention]:
    """The leaders of a backed coalition: "a U.S.-backed regional coalition led by Saudi
    Arabia and the UAE" (the US backs both), and the state a demonym names right before
    "coalition": "the U.S.-backed Saudi coalition"."""
    low = sent.low
    k = j
    while k < min(j + 3, len(low)) and low[k] not in _COALITION_NOUNS:
        k += 1
    if k >= len(low) or low[k] not in _COALITION_NOUNS or not _in_noun_phrase(sent, j, k):
        return []
    if low[k] == "coalition" and k > j:
        demonym = sent.mention_ending(k)
        if demonym is not None and demonym.actor is not None and demonym.kind == "demonym":
            return [demonym]
    if low[k + 1 : k + 3] == ["led", "by"]:
        leaders, _ = sent.target_after(k + 3, 1)
        return leaders
    return []


_COPULAS = frozenset({"is", "are", "was", "were", "remains", "remain", "became", "become"})
"""Verbs that make the phrase after them describe their subject."""


def _copular_subject(sent: _Sent, source: Mention) -> list[Mention]:
    """The subject a backed phrase describes: "the SDF are a U.S.-backed alliance of
    militias", "Hezbollah, which is an Iranian-backed movement," (Iran backs the subject)."""
    low = sent.low
    k = source.start - 1
    if k >= 0 and low[k] in ("a", "an"):
        k -= 1
    if k < 1 or low[k] not in _COPULAS:
        return []
    if k >= 2 and low[k - 1] in ("which", "who") and low[k - 2] == ",":
        k -= 2
    subject = sent.mention_ending(k)
    if subject is None or subject.actor is None or subject.place or subject.weak:
        return []
    if subject.actor == source.actor:
        return []
    return [subject]


_POSSESSOR_FILLERS = frozenset({"elite", "own", "main", "new", "top", "feared", "powerful"})
"""Adjectives between a possessor and a hyphenated participle: "Iraq's elite U.S.-trained
counter-terrorism force"."""


def _possessor(sent: _Sent, source: Mention) -> list[Mention]:
    """The owner of a phrase a hyphenated participle qualifies: "Yemen's Saudi-backed
    government" (Saudi Arabia backs Yemen's government), "Iraq's elite U.S.-trained force"."""
    low = sent.low
    k = source.start - 1
    while k > 0 and low[k] in _POSSESSOR_FILLERS and source.start - k <= 2:
        k -= 1
    if k >= 1 and low[k] == "'s":
        owner = sent.mention_ending(k)
        if owner is not None and owner.actor is not None and not owner.place:
            return [owner]
    return []


_EVENT_NOUNS = frozenset(
    {
        "talks",
        "peace",
        "negotiations",
        "conference",
        "summit",
        "congress",
        "meeting",
        "dialogue",
        "ceasefire",
        "truce",
        "process",
        "plan",
        "initiative",
        "roadmap",
        "resolution",
        "deal",
        "agreement",
        "accord",
        "elections",
        "election",
        "vote",
        "referendum",
    }
)
"""Nouns after a name that make the name a modifier of an event: "the UN-backed Libya talks"."""


def _names_an_event(sent: _Sent, targets: list[Mention]) -> bool:
    """Whether the word after the last target is an event noun the name only qualifies."""
    end = targets[-1].end
    return end < len(sent.low) and sent.low[end] in _EVENT_NOUNS


_GROUP_NOUNS = frozenset(
    {
        "group",
        "groups",
        "militia",
        "militias",
        "movement",
        "faction",
        "organisation",
        "organization",
        "outfit",
        "party",
        "force",
        "forces",
        "alliance",
        "coalition",
        "bloc",
        "network",
        "umbrella",
        "militant",
        "militants",
        "armed",
        "rebel",
        "rebels",
        "jihadist",
        "islamist",
        "shiite",
        "shi'ite",
        "sunni",
        "paramilitary",
        "political",
        "military",
    }
)
"""Words of a descriptive phrase between a nationality and the name it introduces: "the
Palestinian militant group Islamic Jihad", "the Afghan armed faction Hizb-i-Islami"."""


def _named_head(sent: _Sent, targets: list[Mention]) -> list[Mention]:
    """The named group a nationality and a descriptive phrase introduce, when one follows:
    in "Iranian-backed Palestinian militant group Islamic Jihad" Iran backs Islamic Jihad,
    not the Palestinians. A nationality alone ("Turkish-backed Syrian rebels") is kept."""
    first = targets[0]
    if len(targets) != 1 or first.kind not in ("demonym", "role"):
        return targets
    if not _demonym_word(sent, first.start):
        return targets
    k = first.end
    # A demonym the sentence view already joined to its role ("Palestinian militant group")
    # has its descriptive words inside it.
    skipped = first.end - first.start - 1
    while k < len(sent.low) and skipped < 4:
        inner = sent.starts.get(k)
        if inner is not None and inner.actor is None:
            k = inner.end  # an unnamed role, "group"
        elif inner is None and sent.low[k] in _GROUP_NOUNS:
            k += 1
        else:
            break
        skipped += 1
    named = sent.starts.get(k)
    if not skipped or named is None or named.actor in (None, first.actor):
        return targets
    if named.place or named.kind != "name":
        return targets
    return [named]


def _demonym_word(sent: _Sent, k: int) -> bool:
    """Whether token `k` reads as a nationality adjective ("Palestinian", "Lebanese")."""
    word = sent.tokens[k].text
    return word[:1].isupper() and word.lower().endswith(("an", "ese", "i", "ish"))


def _in_noun_phrase(sent: _Sent, start: int, end: int) -> bool:
    """Whether tokens `start`..`end` can all belong to one noun phrase before a mention:
    other mentions, capitalised words ("Shi'ite"), adjectives, articles, and a noun followed
    by "of" ("paramilitaries of the ...")."""
    low = sent.low
    k = start
    while k < end:
        mention = sent.starts.get(k)
        if mention is not None:
            k = mention.end
            continue
        word = sent.tokens[k].text
        ok = (
            word[:1].isupper()
            or low[k] in _ADJECTIVE_FILLERS
            or low[k] in ("of", "the", "a", "an", "-")
            or (k + 1 < len(low) and low[k + 1] == "of")
        )
        if not ok:
            return False
        k += 1
    return True


def is_hyphen_pair(sent: _Sent, mentions: list[Mention]) -> bool:
    """Whether `mentions` are exactly a hyphenated pair ("the Russia-Turkey pipeline deal"):
    such a pair names both parties of the noun after it, even for a pattern that otherwise
    needs a target."""
    if len(mentions) != 2:
        return False
    first, second = sorted(mentions, key=lambda m: m.start)
    return first.start >= 0 and second.start == first.end + 1 and sent.low[first.end] == "-"


_MEMBER_REACH = 3
"""How far from "member" its alliance may be named ("NATO member", "a member of NATO")."""


def military_alliances(sent: _Sent) -> frozenset[str]:
    """The organisations that are military alliances: those `actors.toml` describes as an
    alliance ("the alliance", "the Western alliance": NATO)."""
    return frozenset(
        actor
        for words, ids in sent.dicts.descriptions.items()
        if "alliance" in words
        for actor in ids
    )


def membership(
    sent: _Sent, i: int, j: int, sources: list[Mention], targets: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """Membership of a military alliance as read by the relational layout: "NATO member
    Turkey", "Turkey, a NATO member,", "Greece is a member of NATO" make the member an ally of
    the alliance. Membership of any other body (OPEC, the Arab League) states no relation
    the gold lists record, so it is not drafted.

    Args:
        sent: the sentence.
        i, j: the trigger's token range.
        sources, targets: the members and the organisation found by the relational layout.

    Returns:
        (members, alliance), both empty unless every target is a military alliance named
        next to the trigger ("a valued member", said by an alliance's chief, names none) and
        no member is one.
    """
    alliances = military_alliances(sent)
    ids = sent.actors(targets)
    if not ids or any(t not in alliances for t in ids):
        return [], []
    if not all(i - _MEMBER_REACH <= m.start <= j + _MEMBER_REACH for m in targets):
        return [], []
    members = [m for m in sources if m.actor is not None and m.actor not in alliances]
    if not members:
        return [], []
    return members, targets


def pitted(sent: _Sent, j: int) -> tuple[list[Mention], list[Mention]]:
    """The two sides of "pits X against Y" after the trigger ending at token `j`: "a war that
    pits the Houthis against a Saudi-led coalition", "fighting pitting Turkish troops against
    the YPG".

    Returns:
        (X's group, Y's group), both empty unless both are actors.
    """
    first, _ = sent.target_after(j, 3)
    if not first or any(m.weak for m in first):
        return [], []
    k = first[-1].end
    low = sent.low
    while k < len(low) and k < first[-1].end + 3 and low[k] != "against":
        k += 1
    if k >= len(low) or low[k] != "against":
        return [], []
    second, _ = sent.target_after(k + 1, 3, False, sent.actors(first), direct=False)
    if not second:
        return [], []
    return first, second


_NON_STATE = frozenset(
    {"militia", "militias", "fighters", "militants", "group", "groups", "guerrillas", "rebels"}
)
"""Role heads that name armed groups, not states, even after a state's demonym."""


def alliance_pair(sent: _Sent, i: int) -> list[Mention]:
    """The two states "the two NATO allies" (or "members") at token `i` stand for: the last
    two states named before it, in this sentence (objects too: "its relationship with
    Turkey, and ... the two NATO allies") and then the sentences before. Also "between the
    NATO allies". Only states count: in "Washington's support for the YPG has strained
    relations between the two NATO allies" the YPG is no NATO ally.

    Returns:
        Two mentions, or empty when the phrase is not there or two states are not found.
    """
    low = sent.low
    alliances = military_alliances(sent)
    names = {
        alias.lower()
        for a in alliances
        if a in sent.dicts.actors
        for alias in sent.dicts.actors[a].aliases
    }
    k = i - 1
    if k < 2 or low[k] not in names:
        return []
    if low[k - 1] == ",":
        return _apposed_pair(sent, k - 1)
    if low[k - 1] not in ("two", "both") and low[k - 2 : k] != ["between", "the"]:
        return []
    if low[k - 1] == "two" and _listed_after(sent, i + 1):
        # "two NATO members, Canada and Turkey, said ...": the members are named after the
        # phrase, as members, which pairs no states named before it.
        return []
    if k >= 3 and low[k - 3 : k - 1] in (["at", "least"], ["more", "than"]):
        return []  # "at least two NATO members": a count, no pair named before
    found: list[str] = []
    view: _Sent | None = sent
    limit: int | None = k - 1
    for _ in range(3):  # this sentence and the two before
        if view is None:
            break
        for m in reversed(view.mentions):
            if limit is not None and m.end > limit:
                continue
            for actor in (m.actor, *m.extra):
                entry = sent.dicts.actors.get(actor) if actor else None
                if entry is None or m.place or actor in found:
                    continue
                if m.kind == "demonym" or (m.end > 0 and view.low[m.end - 1] in _NON_STATE):
                    continue  # "a Libyan militia" is no member of the alliance
                if getattr(entry.kind, "value", entry.kind) == "state":
                    found.append(actor)
            if len(found) >= 2:
                # In the order they were named: "Washington and Ankara, two NATO allies".
                return [Mention(-1, -1, actor, "name") for actor in reversed(found[:2])]
        view, limit = view.previous, None
    return []


def _listed_after(sent: _Sent, k: int) -> bool:
    """Whether two actors are listed right after the comma at token `k` ("..., Canada and
    Turkey")."""
    low = sent.low
    if k >= len(low) or low[k] != ",":
        return False
    first = sent.starts.get(k + 1)
    if first is None or first.actor is None or first.end >= len(low) or low[first.end] != "and":
        return False
    second = sent.starts.get(first.end + 1)
    return second is not None and second.actor is not None and second.actor != first.actor


def _apposed_pair(sent: _Sent, comma: int) -> list[Mention]:
    """The two states coordinated right before the comma at `comma`: "Turkey and the United
    States, NATO allies" names the pair, not each state's membership. Empty unless the two
    are states joined by "and"."""
    second = next((m for m in sent.mentions if m.end == comma), None)
    if second is None:
        return []
    k = second.start - 1
    if k >= 0 and sent.low[k] == "the":
        k -= 1
    if k < 1 or sent.low[k] != "and":
        return []
    first = next((m for m in sent.mentions if m.end == k), None)
    pair = [m for m in (first, second) if m is not None and m.actor and m.kind != "demonym"]
    if len(pair) != 2 or pair[0].actor == pair[1].actor:
        return []
    kinds = {
        getattr(e.kind, "value", e.kind) for e in map(sent.dicts.actors.get, sent.actors(pair))
    }
    return pair if kinds == {"state"} else []


def companion_allies(sent: _Sent, i: int) -> tuple[list[Mention], list[Mention]]:
    """ "Turkish troops and their Syrian rebel allies": a state's forces fighting with an
    armed group they back. The pronoun is the actor just before "and"; the allies are the
    armed group named between the pronoun and the trigger at `i`.

    Returns:
        (the state, the armed group), both empty unless the phrase is there and the first is
        a state and the second an armed group (other pairs are left to `alliance.relational`).
    """
    low = sent.low
    k = i - 1
    ally = None
    while k > 0 and i - k <= 4 and low[k] not in ("its", "their"):
        m = sent.mention_ending(k + 1)
        if m is not None and m.actor is not None:
            ally = m
            k = m.start - 1
            continue
        k -= 1
    if ally is None or k < 2 or low[k] not in ("its", "their") or low[k - 1] != "and":
        return [], []
    owner = sent.mention_ending(k - 1)
    if owner is None or owner.actor is None or owner.place:
        return [], []
    kinds = sent.dicts.actors
    owner_entry, ally_entry = kinds.get(owner.actor), kinds.get(ally.actor)
    if owner_entry is None or ally_entry is None:
        return [], []
    if getattr(owner_entry.kind, "value", owner_entry.kind) != "state":
        return [], []
    if getattr(ally_entry.kind, "value", ally_entry.kind) != "armed_group":
        return [], []
    return [owner], [ally]


def civil_war_owner(sent: _Sent, i: int, m: Mention) -> bool:
    """Whether mention `m` names the country a civil war at token `i` is fought in: "the
    Syrian civil war", "Yemen's civil war" tell where the war is, not a side of it."""
    low = sent.low
    if i < 1 or low[i - 1] != "civil" or m.start < 0:
        return False
    k = i - 2
    if k >= 0 and low[k] == "'s":
        k -= 1
    return m.end == k + 1
