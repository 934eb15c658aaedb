"""Hostility as wire copy states it (round 10): ground held by a party and taken by another,
parties driven off or cleared from ground, aggression "in" a country against the preposition
"in" that only places an act, and legal action taken against another state's people or firms.
All sentences are written for these tests, with actors other than the articles' own."""

from __future__ import annotations

import pytest

from tests.authoring.coding import coded_pairs


def _hostile(text: str, a: str, b: str) -> bool:
    """Whether `text` codes a hostility between `a` and `b` (either way round)."""
    x, y = sorted((a, b))
    return (x, "hostility", y) in coded_pairs(text)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        ("Afghan commandos stormed a Taliban-held district centre on Sunday.", "AFG", "TALIBAN"),
        ("Iraqi troops moved to recapture Islamic State-controlled villages.", "IRQ", "ISIS"),
        ("Pakistani forces drove the Taliban back from the pass.", "PAK", "TALIBAN"),
        ("Iraq vowed to rid the western desert of Islamic State.", "IRQ", "ISIS"),
        ("Lithuania condemned Russia's occupation of Georgia.", "GEO", "RUS"),
        ("Kiev denounced Moscow's aggression in Ukraine.", "RUS", "UKR"),
        ("A Ukrainian drone was brought down by Russian forces.", "RUS", "UKR"),
        ("Hamas fired rockets towards Israel on Friday.", "HAMAS", "ISR"),
        ("Washington indicted four Iranian hackers on Tuesday.", "IRN", "USA"),
    ],
)
def test_hostile_act_is_coded(text, a, b):
    assert _hostile(text, a, b)


@pytest.mark.parametrize(
    ("text", "a", "b"),
    [
        # A campaign "in" a country is often waged with its government, not on it.
        ("Russia began its air campaign in Libya in 2016.", "LBY", "RUS"),
        ("Islamic State fighters still carry out attacks in Iraq.", "IRQ", "ISIS"),
        # Held ground visited, not taken.
        ("Turkish diplomats held talks in rebel-held Idlib.", "SYR_OPP", "TUR"),
        # Driving and clearing with no party driven off.
        ("Egypt drove the Sudanese envoy from the airport to the palace.", "EGY", "SDN"),
        ("Iraqi engineers cleared the road of mines near the Syrian border.", "IRQ", "SYR"),
        # A suit between firms is no act of the states they are in.
        ("A British firm sued a German rival in a London court.", "DEU", "GBR"),
    ],
)
def test_no_hostility_without_a_hostile_act_on_the_party(text, a, b):
    assert not _hostile(text, a, b)
