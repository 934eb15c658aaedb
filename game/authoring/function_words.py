"""The closed word lists the event coder reads: clause barriers and openers, determiners and
pronouns, control and reaction verbs, verb-phrase adverbs, target stops and adjective fillers.

Data only: no functions. Must not import: pygame, anything under `game.ui`, or any other
`game.authoring` module.
"""

from __future__ import annotations

_BARRIERS = frozenset({";", ":", "but", "while", "whereas", "although", "though", "because", "."})
_QUOTES = frozenset({'"'})
_CURRENCY = frozenset({"dollar", "dollars", "cents"})
_CLAUSE_REACH = 60
"""Tokens back a coordinated verb's clause may start (a clause is rarely longer)."""
_CLAUSE_OPENERS = _BARRIERS | frozenset(
    {")", "after", "before", "since", "when", "until", "once", "if", "as", "that", "unless"}
)
_SIZE = frozenset({"significant", "large", "big", "huge", "massive", "further", "more", "fresh"})
_FIRM_NOUNS = frozenset(
    {"giant", "company", "companies", "firm", "firms", "group", "conglomerate", "magnate"}
    | {"business", "industry", "sector", "line", "lines", "agency", "house", "hub"}
)
"""Nouns a word in -ing modifies as an adjective: "shipping giant", "trading firm"."""
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
    # "long-time", "long-standing" are tokenised as three words; "their common foe".
    | {"long", "-", "time", "standing", "common", "mutual", "bitter", "mortal", "avowed"}
    | {"second", "third", "fourth", "fifth", "single", "top", "leading", "greatest"}
)
"""Adjectives between a relational noun and its actors: "the main military backers of"."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "'s", "this"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "we", "they", "it", "i"})
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
        # "are treaty allies", "a treaty partner of": the treaty says how they are allied.
        "treaty",
    }
)
