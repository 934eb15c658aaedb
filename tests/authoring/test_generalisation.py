"""Generalisation: recall and precision on articles the dictionaries were not written from.

The articles in `articles/` and their gold lists were written before the dictionaries were
tuned; the gold lists hold only relations an article states clearly.
"""

from __future__ import annotations

from pathlib import Path

from game.authoring.draft import draft_bytes
from game.authoring.evaluate import compare_scenario, load_gold

ARTICLES = Path(__file__).with_name("articles")


def _results():
    out = {}
    for article in sorted(ARTICLES.glob("*.txt")):
        gold = load_gold(article.with_suffix(".gold.toml"))
        draft = draft_bytes(article.read_bytes(), f"tests/authoring/articles/{article.name}")
        out[article.stem] = compare_scenario(draft.scenario, gold)
    return out


def test_at_least_eight_articles_with_gold_lists():
    """Every article has a gold list, and there are at least eight."""
    articles = sorted(ARTICLES.glob("*.txt"))
    assert len(articles) >= 8
    for article in articles:
        assert load_gold(article.with_suffix(".gold.toml")), article.name


def test_recall_and_precision_meet_the_targets():
    """Micro-averaged over all articles: recall >= 0.9 and precision >= 0.8."""
    results = _results()
    found = sum(len(r.found) for r in results.values())
    missed = sum(len(r.missed) for r in results.values())
    spurious = sum(len(r.spurious) for r in results.values())
    recall = found / (found + missed)
    precision = found / (found + spurious)
    detail = {name: (r.missed, r.spurious) for name, r in results.items()}
    assert recall >= 0.9, (recall, detail)
    assert precision >= 0.8, (precision, detail)
