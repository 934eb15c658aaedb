"""Actor mention finding: the longest-match gazetteer over a sentence's tokens, composed into
mentions (demonym or country before a role, title before a name, "the government in
Baghdad", "Venezuela's state oil company PDVSA", the leader of "a Saudi-led coalition"; no role
in "Assad's main military ally"; a name before a hyphenated participle as a modifier, "the
Iran-aligned Houthis"; the firms of "U.S. companies, including GE"), elliptical and appositive
mentions, plus the per-token clause helpers (relative clauses and appositions, quotation
depth) the sentence view is built from.

Must not import: pygame, anything under `game.ui`, `game.authoring.sentence_view` or
`game.authoring.coder`.
"""

from __future__ import annotations

import functools

import attrs

from game.authoring.coded import AgreementMention, Mention
from game.authoring.dictionary import Dictionaries, RoleEntry
from game.authoring.function_words import _ADJECTIVE_FILLERS, _CURRENCY, _LED_GROUPS, _RELATIVES
from game.authoring.morphology import _noun_forms
from game.authoring.text import Token


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
            if tok == "," and current and _list_goes_on(low, k, mention_ends, mention_starts):
                out[k] = current  # "which X backed since Saudi Arabia, the UAE and Egypt cut"
                continue
            out[k] = 0
            current = 0
            continue
        out[k] = current
    return out


def _list_goes_on(low: list[str], comma: int, ends: set[int], starts: set[int]) -> bool:
    """Whether the comma at `comma` separates members of a list of actors rather than closing a
    relative clause or apposition: an actor ends right before it, and after it come actors
    joined by commas up to a final "and"/"or" actor ("..., which it has backed since Saudi
    Arabia, the UAE, Bahrain and Egypt imposed ...": all four are the clause's list)."""
    if comma not in ends:
        return False
    k = comma + 1
    for _ in range(8):
        k += k < len(low) and low[k] == "the"
        if k not in starts:
            return False
        end = min((e for e in ends if e > k), default=-1)
        if end < 0 or end >= len(low):
            return False
        if low[end] in ("and", "or"):
            nxt = end + 1 + (end + 1 < len(low) and low[end + 1] == "the")
            return nxt in starts
        if low[end] != ",":
            return False
        k = end + 1
    return False


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


# ---------------------------------------------------------------------------------------------
# Mentions


ROLE_DEFAULT_PREFIX = "role-default:"
"""Key prefix, in the article-wide remap, of role defaults the article gives no ground for."""


def role_default_key(role: int) -> str:
    """The remap key that switches off the default of role number `role` in roles.toml."""
    return ROLE_DEFAULT_PREFIX + str(role)


def unfounded_role_defaults(dicts: Dictionaries, named: set[str]) -> dict[str, str]:
    """Remap entries switching off the role defaults an article gives no ground for.

    The default of a `regional` role is a regional guess ("government forces" are Syria's);
    in an article about Yemen or Iraq the guess is wrong. It stands only if the article names
    its actor, the actor's parent, or an actor of the role's `by_actor` table.

    Args:
        dicts: the dictionaries.
        named: the actors the article names (names, capitals, people).

    Returns:
        `{role_default_key(n): ""}` for each role `n` whose default has no ground.
    """
    out: dict[str, str] = {}
    for n, role in enumerate(dicts.roles):
        if role.regional and role.default and not _role_home(role, dicts) & named:
            out[role_default_key(n)] = ""
    return out


def _role_home(role: RoleEntry, dicts: Dictionaries) -> set[str]:
    """The actors whose mention grounds a regional role default: the default, its parent and
    the states of the role's `by_actor` table."""
    home = {role.default or "", *role.by_actor}
    entry = dicts.actors.get(role.default or "")
    if entry is not None and entry.parent:
        home.add(entry.parent)
    return home


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
            if _adjectival_role(low, start, end, dicts):
                continue
            role = dicts.roles[int(ref)]
            if prev is not None and gap is not None and prev.kind != "title" and not prev.place:
                actor = role.resolve(prev.actor) if prev.actor else role.default
                if _foreign_group(role, prev, dicts):
                    actor = None  # "Afghan rebels" are no Syrian rebels: a group the lists lack
                mentions[-1] = Mention(prev.start, end, actor, "role" if actor else "title")
                continue
            if role.kind == "title":
                mentions.append(Mention(start, end, None, "title"))
            else:
                default = role.default
                if (
                    remap
                    and role_default_key(int(ref)) in remap
                    and not _role_home(role, dicts) & {r[3] for r in raw}
                ):
                    # The article never names the regional default's home, nor does this
                    # sentence by an adjective ("Turkish-backed rebels", "Syrian jihadists").
                    default = None
                mentions.append(Mention(start, end, default, "role", via_role=True))
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
            # "drove Islamic State out of Mosul", "get foreign forces out of Syria": what is
            # left is a place; the actor is the one driven out.
            place = k >= 0 and (low[k] in locative or (low[k] == "of" and low[k - 1] == "out"))
        mkind = {"plural_demonym": "name", "capital": "capital"}.get(kind, kind)
        if kind == "demonym" and (_leads_group(low, end) or _flags_vessel(low, end)):
            # "battling a Saudi-led coalition": the leader stands for it; "seized a
            # British-flagged tanker": the flag state is the party hit.
            mkind = "name"
        mentions.append(Mention(start, end, ref, mkind, place=place))
    mentions = _seat_of_government(mentions, low)
    mentions = _demonym_people(mentions, low, {r[0] for r in raw}, dicts)
    mentions = _described_firms(mentions, low, dicts)
    mentions = _hyphen_modifiers(mentions, low, dicts)
    mentions = _included_members(mentions, low, dicts)
    mentions = _restrictive_lists(mentions, low)
    return tuple(_appositions(_elliptical(mentions, low), low)), tuple(agreements)


def _foreign_group(role: RoleEntry, prev: Mention, dicts: Dictionaries) -> bool:
    """Whether a group role ("rebels", "opposition groups") follows the demonym of a state its
    `by_actor` table does not know ("Venezuelan opposition groups", "Libyan rebels"): that
    state's own insurgents, not the role's regional default."""
    entry = dicts.actors.get(prev.actor or "")
    return (
        role.kind == "group"
        and prev.kind == "demonym"
        and prev.actor not in role.by_actor
        and entry is not None
        and entry.kind.value == "state"
        and role.default != prev.actor
    )


def _leads_group(low: list[str], end: int) -> bool:
    """Whether a demonym ending at `end` leads a group: "the Saudi-led coalition", "U.S.-led
    forces". Such a demonym names its actor as fully as a name does, so it can be a target
    ("battling a Saudi-led coalition") or a subject."""
    return low[end : end + 2] == ["-", "led"] and end + 2 < len(low) and low[end + 2] in _LED_GROUPS


_PEOPLE_SUFFIXES = ("ers", "ors", "men", "archs", "oons")
"""Endings of plural nouns of office or trade: "oligarchs", "tycoons", "bankers", "investors",
"businessmen". A demonym before such a noun names its state, as before a role."""
_INSTITUTION_NOUNS = frozenset(
    {"agencies", "institutions", "corporations", "organisations", "organizations"}
    | {"conglomerates", "refineries", "subsidiaries", "airlines", "carriers", "missions"}
    | {"executives", "representatives", "operatives", "agents", "generals", "admirals"}
    | {"magnates", "delegates", "contingents", "lieutenants", "personnel", "crews"}
)
"""Plural nouns of institutions and officers outside `_PEOPLE_SUFFIXES`."""
_PRIVATE_PEOPLE = frozenset(
    {"refugees", "civilians", "migrants", "residents", "villagers", "workers", "protesters"}
    | {"demonstrators", "voters", "students", "tourists", "pilgrims", "travellers"}
    | {"travelers", "passengers", "prisoners", "detainees", "hostages", "fighters"}
    | {"gunmen", "militiamen", "tribesmen", "fishermen", "women", "men", "farmers"}
    | {"teachers", "doctors", "mothers", "fathers", "brothers", "sisters", "others"}
    | {"speakers", "viewers", "readers", "users", "supporters", "followers", "members"}
    | {"insurgents", "militants", "dissidents", "opponents", "nationalists", "fans"}
    | {"players", "writers", "authors", "actors", "singers", "bloggers", "reporters"}
    | {"borders", "waters", "numbers", "powers", "orders", "offers", "centers", "centres"}
    | {"headquarters", "quarters", "letters", "papers", "matters", "layers", "waivers"}
    | {"sectors", "factors", "corridors", "monitors", "reactors", "containers", "tankers"}
)
"""Plural nouns a demonym qualifies without naming its state: private people ("Syrian
refugees", "Turkish voters"), armed men of no state, and things ("Iranian waters")."""


def _possessed_partners(low: list[str], m: Mention, k: int) -> bool:
    """Whether a demonym `m` before the plural relational noun at `k` names the partners
    themselves: "Washington's Kurdish allies", "its Iranian backers" are Kurdish and Iranian
    actors, so they can be a subject or a target ("Turkey shelled Washington's Kurdish
    allies" is against the Kurds, not the United States). Not with "of" after the noun (the
    relational patterns read "Iranian allies of Assad") nor when an apposition after it names
    the partners ("its European partners, Germany's Uniper and ...")."""
    if not low[k].endswith("s") or m.start == 0 or low[m.start - 1] not in _POSSESSORS:
        return False
    after = low[k + 1 : k + 2]
    if after in (["of"], ["("], [":"]):
        return False
    return after != [","] or _opens_relative(low, k + 2)


_POSSESSORS = frozenset({"'s", "its", "their"})


def _modifier_before(low: list[str], k: int) -> int:
    """1 when the word at `k` is a modifier of a plural noun of institution after it
    ("shipping" in "shipping agencies"), else 0. Only the listed institution nouns: a
    modifier before an open-class noun in -ers/-ors is too often a trade's private people
    ("European economic operators")."""
    return int(low[k + 1] in _INSTITUTION_NOUNS and low[k] not in _PRIVATE_PEOPLE)


def _demonym_people(
    mentions: list[Mention], low: list[str], starts: set[int], dicts: Dictionaries
) -> list[Mention]:
    """A demonym before a plural noun of office, trade or institution names its state, as
    before a role: sanctions "on Russian oligarchs" or "on Iranian shipping agencies" are on
    Russia and Iran (one modifier may stand between). The noun must not begin another entry
    of the gazetteer (a role, a name), must not be a relational noun ("its Iranian backers"
    stays for the relational patterns) and must not name private people or things ("Syrian
    refugees", "Iranian waters")."""
    out = list(mentions)
    relational = _relational_heads(dicts)
    for n, m in enumerate(out):
        k = m.end
        if m.kind != "demonym" or m.actor is None or k >= len(low) or k in starts:
            continue
        if k + 1 < len(low) and low[k].isalpha() and k + 1 not in starts:
            k += _modifier_before(low, k)  # "Iranian shipping agencies"
        noun = low[k]
        if noun in relational and _possessed_partners(low, m, k):
            out[n] = Mention(m.start, k + 1, m.actor, "role")
            continue
        if not noun.isalpha() or noun in _PRIVATE_PEOPLE or noun in relational:
            continue
        if noun in _INSTITUTION_NOUNS or noun.endswith(_PEOPLE_SUFFIXES):
            if k + 1 < len(low) and low[k + 1] == "-":
                continue  # "Turkish workers-party"-style compounds are no plural noun
            out[n] = Mention(m.start, k + 1, m.actor, "role")
    return out


_FLAG_PARTICIPLES = frozenset({"flagged", "owned", "operated"})
_VESSELS = frozenset(
    {"tanker", "tankers", "vessel", "vessels", "ship", "ships", "freighter", "freighters"}
    | {"carrier", "carriers", "boat", "boats", "trawler", "trawlers", "ferry", "destroyer"}
)


def _flags_vessel(low: list[str], end: int) -> bool:
    """Whether a demonym ending at `end` flags or owns a vessel: "a British-flagged oil tanker",
    "two Norwegian-owned ships". Wire stories about seized or struck ships name the flag state
    this way, and that state is the party the act is against."""
    if low[end : end + 1] != ["-"] or end + 1 >= len(low) or low[end + 1] not in _FLAG_PARTICIPLES:
        return False
    return any(t in _VESSELS for t in low[end + 2 : end + 5])


_MODIFIER_PARTICIPLES = frozenset(
    {"backed", "aligned", "allied", "supported", "sponsored", "funded", "armed", "trained"}
    | {"led", "dominated", "linked", "affiliated", "leaning", "friendly", "inspired"}
)
"""Participles after a hyphen that make the name before them a modifier of the next actor:
"the Iran-aligned Houthi movement" is the Houthis (Iran backs them: `support.hyphen`)."""
_LOCATION_PARTICIPLES = frozenset({"based", "headquartered", "registered"})
"""Participles after a hyphen that make the name before them a place: "a Britain-based war
monitor", "Moscow-based analysts" are no British or Russian actor."""
_HEAD_REACH = 3
"""How many words (adjectives, demonyms) may stand between "X-backed" and the actor it
modifies."""


def _hyphen_modifiers(
    mentions: list[Mention], low: list[str], dicts: Dictionaries
) -> list[Mention]:
    """A name before a hyphenated participle modifies the head after it, as a demonym does.

    In "a Saudi-led coalition has been bombing the Iran-aligned Houthi movement" the bombing's
    target is the Houthis, not Iran; in "the U.S.-backed Kurdish YPG" the subject is the YPG.
    Such a name becomes a `demonym` mention (an adjective: it names its actor only where a
    pattern asks for it, as the hyphen layout does), but only when an actor heads the phrase:
    "Iran-backed militias" with no named head still stand for Iran. "-led" before a group noun
    ("the Saudi-led coalition") is the leader, and stays a name. Before "-based" the name is a
    place: "the Britain-based war monitor" is no British actor.
    """
    out = list(mentions)
    starts = {m.start: n for n, m in enumerate(out)}
    for n, m in enumerate(out):
        if m.kind not in ("name", "capital", "demonym") or m.actor is None or m.place:
            continue
        if low[m.end : m.end + 1] != ["-"] or m.end + 1 >= len(low):
            continue
        participle = low[m.end + 1]
        if participle in _LOCATION_PARTICIPLES:
            out[n] = Mention(m.start, m.end, m.actor, m.kind, place=True)
            continue
        if participle not in _MODIFIER_PARTICIPLES or _leads_group(low, m.end):
            continue
        head = _modified_head(out, starts, low, m.end + 2)
        if head is not None and head.actor != m.actor:
            out[n] = Mention(m.start, m.end, m.actor, "demonym")
            if low[head.end - 1] in _IRREGULARS and _is_state(head.actor, dicts):
                # "Turkey-allied Syrian fighters" are no Syrian army: a foreign state backs
                # irregulars, its own proxies (rebels.by_actor) or a group the lists lack.
                proxy = _rebel_proxy(m.actor, dicts)
                out[starts[head.start]] = attrs.evolve(head, actor=proxy)
    return out


_IRREGULARS = frozenset({"fighters", "militia", "militias", "militants", "guerrillas", "units"})
"""Nouns of irregular forces: a state's own army is never "X-backed Syrian fighters"."""


def _is_state(actor: str | None, dicts: Dictionaries) -> bool:
    entry = dicts.actors.get(actor or "")
    return entry is not None and entry.kind.value == "state"


def _rebel_proxy(backer: str | None, dicts: Dictionaries) -> str | None:
    """The rebels a state backs in this region ("Turkish-backed rebels" are SYR_OPP), if any."""
    for role in dicts.roles:
        if role.kind == "group" and "rebels" in role.words and backer in role.by_actor:
            return role.by_actor[backer]
    return None


def _modified_head(
    mentions: list[Mention], starts: dict[int, int], low: list[str], k: int
) -> Mention | None:
    """The actor mention a hyphenated modifier ending before token `k` qualifies: the first
    mention within `_HEAD_REACH` words that names an actor in its own right (a name, or a
    role composed with one: "Syrian rebels"), past adjectives and demonyms."""
    for j in range(k, min(len(low), k + _HEAD_REACH + 1)):
        n = starts.get(j)
        if n is not None:
            m = mentions[n]
            if m.kind == "demonym":
                continue  # "the U.S.-backed Kurdish YPG": the demonym is another modifier
            if m.actor is not None and not m.place and not m.via_role:
                return m
            return None
        if not low[j].isalpha() or low[j] in ("and", "or", "of", "in", "to", "by"):
            return None
    return None


_MEMBER_GROUPS = frozenset({"companies", "firms", "banks", "groups", "lenders", "producers"})
"""Nouns after a demonym whose members an ", including A and B" list names."""


def _included_members(
    mentions: list[Mention], low: list[str], dicts: Dictionaries
) -> list[Mention]:
    """ "signed agreements with U.S. companies, including General Electric and Schlumberger":
    the named members are the partners, so the demonym's mention stands for them (its `extra`
    holding the rest) and a target found there is the firms, not the United States. Only
    members that belong to the demonym's actor count ("Chinese firms, including Huawei")."""
    out = list(mentions)
    starts = {m.start: n for n, m in enumerate(out)}
    for n, m in enumerate(out):
        if m.actor is None or m.kind not in ("demonym", "role") or m.start < 1:
            continue
        if low[m.start - 1] != "with":
            # Only a partner's: "sanctions on Chinese firms, including Huawei" also hit China
            # (the gold lists record the country), an agreement "with U.S. companies,
            # including GE" is with the firms alone.
            continue
        # "Chinese firms" may be one role mention, or a demonym before the group noun.
        end = m.end if m.kind == "role" else m.end + 1
        if (
            end > len(low)  # "... with Saudi": the sentence ends on the demonym
            or low[end - 1] not in _MEMBER_GROUPS
            or low[end : end + 2] != [",", "including"]
        ):
            continue
        members: list[str] = []
        k = end + 2
        while k in starts:
            member = out[starts[k]]
            entry = dicts.actors.get(member.actor) if member.actor else None
            if entry is None or entry.parent != m.actor:
                break
            members.append(member.actor)
            k = member.end
            if low[k : k + 1] in ([","], ["and"]):
                k += 1
            if low[k - 1 : k + 1] == [",", "and"]:
                k += 1
        if members:
            out[n] = Mention(m.start, end, members[0], "name", extra=tuple(members[1:]))
    return out


_LIST_HEADS = frozenset(
    {"countries", "states", "nations", "governments", "powers", "members", "allies"}
    | {"partners", "capitals", "neighbours", "neighbors", "signatories"}
)
"""Plural nouns of states whose members a restrictive "including" / "such as" list names."""


def _restrictive_lists(mentions: list[Mention], low: list[str]) -> list[Mention]:
    """ "EU states including Spain and Greece expelled ...": a list after a plural noun of
    states, not set off by a comma, names the states that act, so its members become one
    mention from the head noun on (the first actor, `extra` the rest; an actor right before
    the head, "EU" in "EU states", is absorbed) and all of them are the subject or target.
    A list set off by commas (", including Spain and Greece,") is a side remark the subject
    finder weighs itself, and is left alone."""
    out: list[Mention] = []
    n = 0
    while n < len(mentions):
        m = mentions[n]
        k = m.start - 1
        while k >= 0 and low[k] == "the":
            k -= 1
        intro = 0
        if k >= 0 and low[k] == "including":
            intro = 1
        elif k >= 1 and low[k - 1 : k + 1] == ["such", "as"]:
            intro = 2
        head = k - intro
        if not intro or head < 0 or low[head] not in _LIST_HEADS or not _member(m):
            out.append(m)
            n += 1
            continue
        members = [m]
        while n + len(members) < len(mentions):
            nxt = mentions[n + len(members)]
            between = [w for w in low[members[-1].end : nxt.start] if w != "the"]
            if between not in ([","], ["and"], ["or"], [",", "and"], [",", "or"]):
                break
            if not _member(nxt):
                break
            members.append(nxt)
            if between[-1] in ("and", "or"):
                break
        last = members[-1].end
        if len(members) == 1 or (low[last : last + 1] == [","] and _opens_relative(low, last + 1)):
            # "partners such as Jordan and Egypt, which has ...": the clause picks its member
            out.append(m)
            n += 1
            continue
        actors = tuple(dict.fromkeys(x.actor for x in members if x.actor))
        start = head
        if out and out[-1].end == head and out[-1].actor is not None:
            start = out.pop().start  # "EU states including ...": the states, not the EU
        out.append(Mention(start, members[-1].end, actors[0], "name", extra=actors[1:]))
        n += len(members)
    return out


def _opens_relative(low: list[str], k: int) -> bool:
    return k < len(low) and low[k] in _RELATIVES


def _member(m: Mention) -> bool:
    """Whether a mention may be a member of a listed group: an actor named in its own right."""
    return m.actor is not None and not m.place and not m.weak and m.kind in ("name", "capital")


_ADJECTIVAL_ROLES = frozenset({"military", "intelligence", "security", "army"})
"""Role words that are adjectives before a relational noun: "Assad's main military ally"."""


def _relational_heads(dicts: Dictionaries) -> frozenset[str]:
    """The head words (singular and plural) of the relational nouns of the patterns
    (layout `relational`: ally, backer, partner, rival, ...)."""
    triggers = tuple(t for p in dicts.patterns if p.layout == "relational" for t in p.triggers)
    return _heads_of(triggers)


@functools.lru_cache(maxsize=8)
def _heads_of(triggers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(form[-1] for trigger in triggers for form in _noun_forms(trigger))


def _adjectival_role(low: list[str], start: int, end: int, dicts: Dictionaries) -> bool:
    """A role word used as an adjective of a relational noun is no mention: in "Assad's main
    military ally" the ally is Russia, not the Syrian military, so "Assad's" must stay the
    possessor of "ally"."""
    if end >= len(low) or " ".join(low[start:end]) not in _ADJECTIVAL_ROLES:
        return False
    return low[end] in _relational_heads(dicts)


_SEATED_ROLES = frozenset({"government", "authorities", "leadership", "administration"})
"""Roles that "in" and a capital name: "the central government in Baghdad" is Iraq's."""


def _seat_of_government(mentions: list[Mention], low: list[str]) -> list[Mention]:
    """ "the government in Baghdad", "the authorities in Damascus": the capital names whose
    government it is, so the role and the capital become one mention of that actor (the
    capital alone reads as a place after "in")."""
    out: list[Mention] = []
    n = 0
    while n < len(mentions):
        m = mentions[n]
        nxt = mentions[n + 1] if n + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.actor is None
            and m.kind == "role"
            and " ".join(low[m.start : m.end]) in _SEATED_ROLES
            and low[m.end : nxt.start] == ["in"]
            and nxt.kind == "capital"
            and nxt.actor is not None
        ):
            out.append(Mention(m.start, nxt.end, nxt.actor, "role"))
            n += 2
            continue
        out.append(m)
        n += 1
    return out


def _described_firms(mentions: list[Mention], low: list[str], dicts: Dictionaries) -> list[Mention]:
    """A firm's name after its country's description is the firm: "Venezuela's state oil
    company PDVSA", "Venezuelan oil firm PDVSA", "Saudi state oil giant Aramco". The country
    and the words between become part of the firm's mention, so that a target or subject found
    at the country is the firm, not its owner."""
    out: list[Mention] = []
    for m in mentions:
        prev = _describing(out, m, low, dicts)
        if prev is not None:
            out[prev:] = [Mention(out[prev].start, m.end, m.actor, m.kind)]
            continue
        out.append(m)
    return out


def _describing(
    out: list[Mention], firm: Mention, low: list[str], dicts: Dictionaries
) -> int | None:
    """The index in `out` of the mention of `firm`'s owner that describes it, or None."""
    entry = dicts.actors.get(firm.actor) if firm.actor is not None else None
    if entry is None or entry.kind != "firm" or entry.parent is None or not out:
        return None
    n = len(out) - 1
    if out[n].actor is None and out[n].kind == "role" and n > 0:
        n -= 1  # "Venezuelan oil firm PDVSA": "firm" is a role of its own
    owner = out[n]
    # A possessive name ("Russia's Gazprom") is left to the sentence view, which reads it.
    if owner.actor != entry.parent or owner.kind not in ("role", "demonym"):
        return None
    between = low[owner.end : firm.start]
    if len(between) > 4 or not all(w.isalpha() for w in between):
        return None
    return n


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
