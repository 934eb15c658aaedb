"""Round-10 sanction coding: expelling envoys is a hostility only, and the measures wire copy
states with other verbs (toughen, reinstate, ban shipments, designate as terrorists)."""

from __future__ import annotations

import pytest

from tests.authoring.coding import event_pairs
from tests.authoring.coding import kinds_between as _kinds


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Canada expelled four Iranian diplomats on Tuesday.", "CAN", "IRN"),
        ("Paris ordered the expulsion of two Russian envoys.", "FRA", "RUS"),
        ("Norway and Denmark also expelled envoys from Moscow.", "NOR", "RUS"),
    ],
)
def test_expelling_envoys_is_a_hostility_not_a_sanction(text, actor, target):
    assert _kinds(text, actor, target) == {"hostility"}


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Washington expelled Turkey from the F-35 programme.", "USA", "TUR"),
        ("Riyadh recalled its ambassador from Ottawa after the row.", "SAU", "CAN"),
        ("Jordan downgraded diplomatic ties with Qatar on Wednesday.", "JOR", "QAT"),
    ],
)
def test_other_exclusions_and_ruptures_stay_sanctions(text, actor, target):
    assert "sanction" in _kinds(text, actor, target)


def _sanctions(text: str) -> set[tuple[str, str]]:
    """The (sanctioner, sanctioned) pairs coded in `text`."""
    return event_pairs(text, "sanction")


@pytest.mark.parametrize(
    "text",
    [
        "Syria relies on Iranian fuel, a lifeline now facing collapse amid U.S. sanctions.",
        "Caracas faces severe shortages because of American sanctions.",
    ],
)
def test_sanctions_named_as_a_setting_expose_no_one(text):
    assert _sanctions(text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Minsk faces fresh European Union sanctions.", ("EU", "BLR")),
        ("Rosneft is subject to U.S. sanctions.", ("USA", "ROSNEFT")),
        ("Damascus was hit with new EU sanctions on Monday.", ("EU", "SYR")),
    ],
)
def test_the_party_facing_or_subject_to_sanctions_is_sanctioned(text, pair):
    assert pair in _sanctions(text)
