"""Diplomatic ruptures (recalling an ambassador, closing a consulate, cutting diplomatic ties) are
drafted as both a sanction and a hostility; other measures are not; expelling envoys is a
hostility only (test_r10_sanction.py), and expelling an armed group from a place is fighting."""

from __future__ import annotations

import pytest

from tests.authoring.coding import kinds_between as _kinds


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Riyadh recalled its ambassador from Ottawa after the row.", "SAU", "CAN"),
        ("Washington closed Russia's consulate in San Francisco.", "USA", "RUS"),
        ("Jordan downgraded diplomatic ties with Qatar on Wednesday.", "JOR", "QAT"),
        ("Morocco severed relations with Iran over its support for the Polisario.", "MAR", "IRN"),
    ],
)
def test_diplomatic_rupture_is_both_a_sanction_and_a_hostility(text, actor, target):
    assert {"sanction", "hostility"} <= _kinds(text, actor, target)


def test_cutting_trade_ties_is_a_sanction_only():
    """Economic ties cut are a measure; nothing in the sentence says the two are at odds."""
    assert _kinds("Iraq cut trade ties with Kuwait last year.", "IRQ", "KWT") == {"sanction"}


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Turkish troops expelled the Kurdish YPG from the town of Afrin.", "TUR", "YPG"),
        ("Iraqi forces expelled the Islamic State from Mosul in July.", "IRQ", "ISIS"),
    ],
)
def test_expelling_an_armed_group_from_a_place_is_fighting_not_a_sanction(text, actor, target):
    """The expulsion's object is armed men, not envoys or a member of a club."""
    assert _kinds(text, actor, target) == {"hostility"}


def test_expelling_a_state_from_a_programme_stays_a_sanction():
    assert _kinds("Washington expelled Turkey from the F-35 programme.", "USA", "TUR") == {
        "sanction"
    }


def test_a_clause_break_ends_the_search_for_the_diplomatic_object():
    """ "suspended flights, and its diplomats left": the diplomats belong to another clause."""
    text = "Moscow suspended flights to Georgia, and its diplomats left Tbilisi in June."
    assert "hostility" not in _kinds(text, "RUS", "GEO")
