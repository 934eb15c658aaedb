"""Run by tests/authoring/test_robustness.py in a child process with a timeout: drafts many
seeded word-salad articles built from the dictionaries' own words, so a scan that stops moving
forward shows up as a timeout instead of hanging the test run.

`python tests/authoring/fuzz_child.py SEED ARTICLES` prints "ok N" after N drafts.
"""

from __future__ import annotations

import sys

import numpy as np

from game.authoring.dictionary import default_dictionaries
from game.authoring.draft import draft_text

GLUE = [
    "the",
    "two",
    "both",
    "its",
    "their",
    "it",
    "they",
    "who",
    "which",
    "that",
    "and",
    "or",
    "but",
    ",",
    ",",
    ".",
    ";",
    ":",
    '"',
    "'s",
    "'",
    "-",
    "-backed",
    "-led",
    "-aligned",
    "of",
    "to",
    "with",
    "against",
    "on",
    "for",
    "by",
    "from",
    "in",
    "between",
    "after",
    "before",
    "since",
    "as",
    "not",
    "did",
    "will",
    "would",
    "could",
    "may",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "said",
    "told",
    "warned",
    "accused",
    "backed",
    "main",
    "closest",
    "region",
    "kingdom",
    "country",
    "countries",
    "sides",
    "allies",
    "rivals",
    "members",
    "foes",
    "neighbours",
    "coalition",
    "bloc",
    "militia",
    "government",
    "two",
    "three",
    "four",
    "one",
    "first",
    "last",
    "said:",
    "(",
    ")",
    "$",
    "5",
    "billion",
    "2018",
    "May",
    "Nov.",
]


def noun_phrases() -> list[str]:
    """Phrases the reference scans look inside: "the kingdom's two main allies", "both sides"."""
    dicts = default_dictionaries()
    descriptions = [" ".join(words) for words in list(dicts.descriptions)[:30]]
    heads = sorted(dicts.words.get("pair_heads", ()))[:20] or ["allies"]
    names = [a.aliases[0] for a in list(dicts.actors.values())[:30] if a.aliases]
    out = []
    for owner in [f"the {d}" for d in descriptions] + names:
        for head in heads:
            out += [f"{owner}'s two main {head}", f"{owner} 's two {head}", f"both {head}"]
    return out


def vocabulary() -> list[str]:
    dicts = default_dictionaries()
    words: list[str] = list(GLUE)
    for actor in dicts.actors.values():
        words.extend(actor.aliases[:2] or (actor.name,))
    words.extend(person.name for person in dicts.people[:60])
    for pattern in dicts.patterns:
        words.extend(pattern.triggers[:2])
    for name in ("pair_heads", "pair_relational", "places"):
        words.extend(sorted(dicts.words.get(name, ()))[:40])
    return words


def main() -> int:
    seed, articles = int(sys.argv[1]), int(sys.argv[2])
    rng = np.random.default_rng(seed)
    words = vocabulary()
    phrases = noun_phrases()
    for _ in range(articles):
        lines = ["Headline", "DUBAI, May 1, 2019 (Reuters) - start."]
        for _ in range(int(rng.integers(2, 8))):
            size = int(rng.integers(3, 40))
            # Function words most of the time: the scans that walk them are where loops hide.
            picks = []
            for _ in range(size):
                roll = rng.random()
                pool = GLUE if roll < 0.6 else phrases if roll < 0.7 else words
                picks.append(pool[int(rng.integers(len(pool)))])
            lines.append(" ".join(picks))
        text = "\n".join(lines)
        draft = draft_text(text)
        for relation in draft.scenario.relations:
            assert relation.source in text, relation
            assert relation.actor != relation.target, relation
    print(f"ok {articles}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
