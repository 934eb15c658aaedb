"""Verb and noun morphology for pattern triggers: the irregular verb table, inflected forms
of a verb phrase (with the adverbs that may sit inside it), plural forms of a noun phrase, and
whether a past participle in a sentence is an adjective (`participle_adjective`).

Must not import: pygame, anything under `game.ui`, or any `game.authoring` module but
`game.authoring.text`.
"""

from __future__ import annotations

from game.authoring.text import words_of

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
    "withhold": ("withheld",),
    "underwrite": ("underwrote", "underwritten"),
    "overrun": ("overran", "overrunning"),
    "overthrow": ("overthrew", "overthrown"),
    "get": ("got", "gotten", "getting"),
    "set": ("set", "setting"),
    "lay": ("laid",),
    "pay": ("paid",),
    "beat": ("beat", "beaten", "beating"),
    "kidnap": ("kidnapped", "kidnapping"),
    "pummel": ("pummelled", "pummelling", "pummeled", "pummeling"),
    "swap": ("swapped", "swapping"),
    "grab": ("grabbed", "grabbing"),
    "deter": ("deterred", "deterring"),
    "plot": ("plotted", "plotting"),
    "rebuild": ("rebuilt",),
    "outbid": ("outbid", "outbidding"),
    "forbid": ("forbade", "forbidden", "forbidding"),
    "shun": ("shunned", "shunning"),
    "blur": ("blurred",),
    "spur": ("spurred", "spurring"),
    "upset": ("upset", "upsetting"),
    "bid": ("bid", "bidding"),
    "wage": ("waged", "waging"),
    "write": ("wrote", "written", "writing"),
    "forgive": ("forgave", "forgiven"),
    "fly": ("flew", "flown"),
    "sneak": ("snuck",),
    "quarrel": ("quarrelled", "quarrelling", "quarreled", "quarreling"),
    "dub": ("dubbed", "dubbing"),
    "sink": ("sank", "sunk"),
    "blow": ("blew", "blown"),
    "undercut": ("undercut", "undercutting"),
    "draw": ("drew", "drawn"),
    "find": ("found",),
    "grow": ("grew", "grown"),
    "break": ("broke", "broken"),
    "lose": ("lost",),
    "flee": ("fled",),
    "spend": ("spent",),
    "sweep": ("swept",),
    "split": ("split", "splitting"),
    "spread": ("spread",),
    "tell": ("told",),
    "run": ("ran", "running"),
    "steal": ("stole", "stolen"),
    "choose": ("chose", "chosen"),
}


def _verb_forms(phrase: str) -> set[tuple[str, ...]]:
    words = words_of(phrase)
    if not words:
        return set()
    if len(words) >= 3 and words[1] == "-":
        # A hyphenated verb inflects after its hyphen: "black-list" -> "black-listed",
        # "re-impose" -> "re-imposed" (the tokenizer splits them into three words).
        return {(*words[:2], *form) for form in _verb_forms(" ".join(words[2:]))}
    head, rest = words[0], words[1:]
    forms = {head, *_IRREGULAR.get(head, ()), *_prefixed_irregular(head)}
    if head in _SUPPLETIVE or _inflected(head):
        # "be" has no regular forms ("bing", "bed"); a trigger already written inflected
        # ("locked in", "backed") keeps its form rather than growing "lockeds", "backeding".
        pass
    elif head.endswith("e"):
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


_IRREGULAR_FORMS = frozenset(form for forms in _IRREGULAR.values() for form in forms)

_SUPPLETIVE = frozenset({"be"})
"""Verbs whose every form is in `_IRREGULAR`: the regular endings would only make non-words."""


def _inflected(head: str) -> bool:
    """Whether a trigger's head is already a past or -ing form ("locked", "sanctioned", "led",
    "doing"), not a base ("need", "proceed", "bring", "string": "-eed" and "-ing" after no
    vowel are bases)."""
    if head in _IRREGULAR:
        return False
    if head in _IRREGULAR_FORMS:
        return True  # "led", "held", "sold"
    if head.endswith("ed") and not head.endswith("eed") and len(head) > 3:
        return True
    return head.endswith("ing") and any(c in "aeiou" for c in head[:-3])


_PREFIXES = ("re", "over", "under", "out", "with", "up", "mis", "co-", "re-")
"""Prefixes that keep an irregular verb irregular: retake -> retook, withhold -> withheld."""


def _prefixed_irregular(head: str) -> tuple[str, ...]:
    """Irregular forms of a prefixed verb whose base is in `_IRREGULAR` ("retook",
    "resold", "undercut"); an extra form that never occurs in text costs nothing."""
    if head in _IRREGULAR:
        return ()
    for prefix in _PREFIXES:
        base = head[len(prefix) :]
        if head.startswith(prefix) and len(base) >= 3 and base in _IRREGULAR:
            return tuple(prefix + form for form in _IRREGULAR[base])
    return ()


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
    "militarily",
    "financially",
    "politically",
    "diplomatically",
    "heavily",
    "staunchly",
    "steadfastly",
    "unequivocally",
    "decisively",
    "squarely",
    "wholeheartedly",
    "unconditionally",
    "consistently",
    "resolutely",
    "explicitly",
    "tacitly",
    "economically",
    "commercially",
    "bilaterally",
    "unilaterally",
    "temporarily",
    "indefinitely",
    "permanently",
    "partially",
    "completely",
    "entirely",
    "officially",
    "effectively",
    "abruptly",
    "further",
)

"""Adverbs that may sit inside a multi-word verb phrase without breaking it."""


def _noun_forms(phrase: str) -> set[tuple[str, ...]]:
    words = words_of(phrase)
    if not words:
        return set()
    *rest, head = words
    forms = {head}
    if _plural(head):
        pass  # "sanctions", "allies": already plural, no "sanctionses"
    elif head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms.add(head[:-1] + "ies")
    elif head.endswith(("s", "sh", "ch", "x")):
        forms.add(head + "es")
    else:
        forms.add(head + "s")
    return {(*rest, form) for form in forms}


def _plural(noun: str) -> bool:
    """Whether a noun is already plural ("sanctions", "ties"), not a singular ending in -s
    ("process", "consensus", "crisis", "gas", "chaos")."""
    return noun.endswith("s") and not noun.endswith(("ss", "us", "is", "as", "os"))


_BEFORE_ADJECTIVE = frozenset(
    {"all", "some", "many", "several", "other", "those", "these", "both", "any", "more"}
    | {"of", "for", "on", "with", "against", "about", "from", "to", "into", "among"}
)
"""Words after which a past participle can only be an adjective: no finite verb follows "of"
or "all" directly ("the release of detained sailors", "all sanctioned entities")."""

_AFTER_VERB = frozenset(
    {"by", "in", "on", "at", "to", "with", "from", "against", "for", "as", "and", "or", "plus"}
)
"""Words after a participle that make it a verb (a reduced passive: "troops stationed in",
"fighters backed by") or leave it alone ("of all those detained and"), not an adjective
before its noun."""


def participle_adjective(low: list[str], i: int, j: int, k: int) -> bool:
    """Whether the past participle trigger `low[i:j]` (with `low[k]` the first word before it
    that is no adjective) is an adjective before a noun: "the return of seized tankers",
    "all detained Ukrainian sailors". Such a participle names no doer, and the clause's
    subject did not do it ("the EU demanded the release of detained sailors")."""
    if j != i + 1 or not low[i].endswith("ed") or low[i].endswith("eed") or k < 0:
        return False
    if j >= len(low):
        return False
    if low[k] not in _BEFORE_ADJECTIVE and not low[k].isdigit():
        return False
    return low[j][:1].isalpha() and low[j] not in _AFTER_VERB
