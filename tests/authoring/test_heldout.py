"""Held-out articles: each set was written blind (articles and gold lists, by someone who never
saw the coder) and scored once untouched, before any fix it inspired.

First scores, recall / precision over every gold relation: A (turkstream, syria-withdrawal)
0.13 / 0.33; B 0.57 / 0.57; C 0.52 / 0.86; D 0.75 / 0.86; E (eight articles) 0.41 / 0.68;
F (seven) 0.48 / 0.72; G (six) 0.52 / 0.72; H (eight) 0.38 / 0.63; I (seven) 0.48 / 0.79;
J (six) 0.53 / 0.70; K (seven, scored during the first round of the fourth issue-6 session)
0.46 / 0.64; L and M (thirteen, after its second round) 0.55 / 0.68; N and O (twelve, after its
third round) 0.51 / 0.68; P and Q (twelve, after its fourth round) 0.53 / 0.62; R and S
(twelve, after its fifth and last round) 0.48 / 0.65, or 0.53 / 0.62 counted as the issue
counts (clear relations of the five scored kinds). All of them were then read and used for
general fixes (R and S from the fifth issue-6 session on). The generalisation estimate now comes
from real articles kept outside the repository (docs/real-articles.md). Each gold relation says
whether it is stated clearly or inferred.

The set is named on the first line of each gold list; `python -m game.authoring.evaluate
tests/authoring/heldout` prints the figures per set. The floors below guard against
regressions at the levels reached, a little under them so that a neutral change passes; they
are not targets.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.authoring.evaluate import score_directories

HELDOUT = Path(__file__).with_name("heldout")


@cache
def _sets():
    return score_directories([HELDOUT])


def _micro(names: str, target: bool = False) -> tuple[float, float]:
    chosen = [s["target"] if target else s for name, s in _sets().items() if name in names]
    found = sum(s["found"] for s in chosen)
    missed = sum(s["missed"] for s in chosen)
    spurious = sum(s["spurious"] for s in chosen)
    return found / (found + missed), found / (found + spurious)


def test_first_tuned_sets_do_not_regress():
    """Sets A to E (tuned on since the second issue-6 round): recall >= 0.92, precision >= 0.82."""
    recall, precision = _micro("ABCDE")
    assert recall >= 0.92, recall
    assert precision >= 0.82, precision


def test_sets_tuned_in_later_rounds_do_not_regress():
    """Sets F to J: recall >= 0.80, precision >= 0.80."""
    recall, precision = _micro("FGHIJ")
    assert recall >= 0.80, recall
    assert precision >= 0.80, precision


def test_blind_sets_read_after_their_first_score_do_not_regress():
    """Sets K to Q (scored once blind, then read): recall >= 0.60, precision >= 0.77."""
    recall, precision = _micro("KLMNOPQ")
    assert recall >= 0.60, recall
    assert precision >= 0.77, precision


def test_last_blind_sets_do_not_regress():
    """Sets R and S (scored once blind at 0.53 / 0.62, read since), as the issue counts (clear
    relations of the five scored kinds): recall >= 0.61, precision >= 0.67."""
    recall, precision = _micro("RS", target=True)
    assert recall >= 0.61, recall
    assert precision >= 0.67, precision


def test_every_heldout_article_names_its_set_and_tags_its_relations():
    """Each gold list's first line names its set, so the figures can be given per set, and
    every relation says how it is stated, so the target figure can be computed."""
    import tomllib

    golds = list(HELDOUT.glob("*.gold.toml"))
    assert len(golds) >= 107
    for gold in golds:
        text = gold.read_text(encoding="utf-8")
        assert text.startswith("# Held-out set "), gold.name
        for relation in tomllib.loads(text)["relations"]:
            assert relation.get("stated") in ("clear", "inferred"), (gold.name, relation)
