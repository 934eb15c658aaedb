"""Actor mention finding: the longest-match gazetteer over a sentence's tokens, composed into
mentions (demonym or country before a role, title before a name), elliptical and appositive
mentions, plus the per-token clause helpers (relative clauses and appositions, quotation
depth) the sentence view is built from.

Must not import: pygame, anything under `game.ui`, `game.authoring.sentence_view` or
`game.authoring.coder`.
"""

from __future__ import annotations

from game.authoring.coded import AgreementMention, Mention
from game.authoring.dictionary import Dictionaries
from game.authoring.function_words import _ADJECTIVE_FILLERS, _CURRENCY, _RELATIVES
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
