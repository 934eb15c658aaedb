"""What the author should look at beyond the drafted facts: sentences naming two or more actors
where nothing fired (possible misses), and capitalised names the dictionaries do not know
(proposed as new actors).

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from attrs import frozen

from game.authoring.coded import CodedSentence
from game.authoring.dictionary import Dictionaries
from game.authoring.text import Sentence


@frozen
class Miss:
    """A sentence naming two or more actors where no pattern fired."""

    sentence: Sentence
    actors: tuple[str, ...]


@frozen
class UnknownName:
    """A capitalised name the dictionaries do not know, with how often and where it occurs."""

    name: str
    count: int
    example: str
    proposed_id: str


@frozen
class PairMiss:
    """Actors named together in a sentence where events fired, but none between them.

    Attributes:
        sentence: the sentence.
        pairs: each pair of actors (sorted ids) the sentence names and the draft does not relate.
    """

    sentence: Sentence
    pairs: tuple[tuple[str, str], ...]


def _named_actors(sentence: CodedSentence) -> tuple[str, ...]:
    """The actors a sentence names as actors: not demonyms (weak) and not places."""
    return tuple(
        dict.fromkeys(
            m.actor
            for m in sentence.mentions
            if m.actor is not None and m.kind != "demonym" and not m.place
        )
    )


def possible_misses(coded: Sequence[CodedSentence]) -> list[Miss]:
    """Sentences naming two or more actors where nothing fired (not even a negated event)."""
    out = []
    for sentence in coded:
        if sentence.events or sentence.negated:
            continue
        actors = _named_actors(sentence)
        if len(actors) >= 2:
            out.append(Miss(sentence.sentence, actors))
    return out


def unrelated_pairs(
    coded: Sequence[CodedSentence], related: Collection[frozenset[str]]
) -> list[PairMiss]:
    """Pairs of actors named together where events fired but no relation joins the pair.

    A sentence that fired for one pair often states a second relation the patterns missed
    ("A backed B and condemned C"); such a pair is listed once per sentence. Pairs the draft
    relates anywhere (drafted or held back), pairs an event of the sentence names (negated
    ones included: the report lists those already) and pairs within one actor are left out.

    Args:
        coded: the coded sentences.
        related: the pairs (frozensets of two ids) the draft relates, drafted or held back.
    """
    out = []
    for sentence in coded:
        if not (sentence.events or sentence.negated):
            continue
        actors = _named_actors(sentence)
        if len(actors) < 2:
            continue
        stated = set(related)
        for event in (*sentence.events, *sentence.negated):
            ends = (*event.actors, *event.targets)
            stated.update(frozenset((a, b)) for a in ends for b in ends if a != b)
        pairs = tuple(
            (a, b)
            for i, a in enumerate(sorted(actors))
            for b in sorted(actors)[i + 1 :]
            if frozenset((a, b)) not in stated
        )
        if pairs:
            out.append(PairMiss(sentence.sentence, pairs))
    return out


_COMMON_CAPITALISED = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "it",
        "we",
        "they",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "to",
        "by",
        "with",
        "as",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "until",
        "during",
        "despite",
        "under",
        "over",
        "into",
        "about",
        "among",
        "between",
        "through",
        "against",
        "without",
        "within",
        "up",
        "down",
        "out",
        "off",
        "so",
        "yet",
        "also",
        "still",
        "now",
        "then",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "how",
        "where",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "than",
        "too",
        "very",
        "can",
        "will",
        "just",
        "should",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "president",
        "minister",
        "prime",
        "foreign",
        "secretary",
        "chancellor",
        "king",
        "crown",
        "prince",
        "general",
        "senator",
        "ayatollah",
        "supreme",
        "leader",
        "mr",
        "mrs",
        "ms",
        "dr",
        "photo",
        "reuters",
        "afp",
        "ap",
        "file",
        "share",
        "copied",
        "state",
        "oil",
        "spokesman",
        "spokeswoman",
        "from",
        "left",
        "right",
        "read",
        "more",
        "video",
        "live",
        "update",
        "updated",
        "news",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "many",
        "several",
        "dozens",
        "thousands",
        "hundreds",
        "millions",
        "billion",
        "million",
        "percent",
        "talks",
        "congress",
        "deal",
        "summit",
        "meeting",
        "statement",
        "agreement",
        "treaty",
        "operation",
        "trilateral",
        "spearheading",
    ]
)
_NAME = re.compile(
    r"\b(?:[A-Z][\w'’-]*|al-[A-Z][\w'-]*|de|of|bin|al|the|for|and)"
    r"(?:\s+(?:[A-Z][\w'’-]*|al-[A-Z][\w'-]*|de|of|bin|al|for|and|the))*"
)


def unknown_names(coded: Sequence[CodedSentence], dicts: Dictionaries) -> list[UnknownName]:
    counts: Counter = Counter()
    examples: dict[str, str] = {}
    places = dicts.words["places"]
    for sentence in coded:
        text = sentence.sentence.text
        covered = [
            (sentence.tokens[m.start].start, sentence.tokens[m.end - 1].end)
            for m in sentence.mentions
            if m.start >= 0
        ] + [
            (sentence.tokens[a.start].start, sentence.tokens[a.end - 1].end)
            for a in sentence.agreements
        ]
        # Which characters a mention covers, so each name is checked in constant time.
        mask = bytearray(len(text) + 1)
        for a, b in covered:
            mask[a:b] = b"\x01" * (b - a)
        for match in _NAME.finditer(text):
            words = match.group().split()
            while words and (words[0].lower() in _COMMON_CAPITALISED or not words[0][0].isupper()):
                words.pop(0)
            while words and (
                words[-1].lower() in _COMMON_CAPITALISED or not words[-1][0].isupper()
            ):
                words.pop()
            if not words:
                continue
            name = " ".join(words)
            start = text.find(name, match.start())
            if mask[start] or mask[start + len(name) - 1]:
                continue
            if all(w.lower().strip("'’") in dicts.known_words for w in words):
                continue
            if name.lower() in places or (start == 0 and len(words) == 1):
                continue  # a place, or a capitalised first word of a sentence
            if len(name) < 3 or name.isdigit():
                continue
            counts[name] += 1
            examples.setdefault(name, text)
    out = []
    for name, count in counts.most_common():
        ident = re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")[:20] or "NEW"
        out.append(UnknownName(name, count, examples[name], ident))
    return out
