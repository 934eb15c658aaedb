"""The strict converter on its own: no silent coercion, extra keys forbidden, enums by value."""

from __future__ import annotations

import datetime as dt
import tomllib

import cattrs
import pytest
from scenario_samples import BASE

from game.scenario import model
from game.scenario.convert import CONVERTER, Mismatch, structure_scenario, unstructure_scenario


@pytest.mark.parametrize(
    ("value", "tp"),
    [
        (24.9, int),
        (24.0, int),
        (True, int),
        ("24", float),
        (False, float),
        (3, str),
        ("yes", bool),
        (1, bool),
        ("2017-11-18", dt.date),
        (dt.datetime(2017, 11, 18, 10, 0), dt.date),
        ("RUS", tuple[str, ...]),
        ({"a": 1}, tuple[str, ...]),
        ([1, 2], dict[str, float]),
        ("state ", model.ActorKind),
        ("STATE", model.ActorKind),
        (1, model.ActorKind),
        ("sorta", model.Review | None),
        (10**400, float),
    ],
)
def test_no_silent_coercion(value: object, tp: object) -> None:
    """Each of these values is rejected for its type, never converted."""
    with pytest.raises((Mismatch, cattrs.BaseValidationError)):
        CONVERTER.structure(value, tp)


@pytest.mark.parametrize(
    ("value", "tp", "expected"),
    [
        (24, float, 24.0),
        (0.5, float, 0.5),
        (dt.date(2017, 11, 18), dt.date, dt.date(2017, 11, 18)),
        ("armed_group", model.ActorKind, model.ActorKind.ARMED_GROUP),
        (["RUS", "IRN"], tuple[str, ...], ("RUS", "IRN")),
    ],
)
def test_accepted_values(value: object, tp: object, expected: object) -> None:
    """Ints are numbers, TOML dates are dates, enums are read by value."""
    result = CONVERTER.structure(value, tp)
    assert result == expected and type(result) is type(expected)


def test_extra_keys_are_forbidden() -> None:
    """An unknown key anywhere makes the whole structure fail."""
    raw = tomllib.loads(BASE)
    raw["relations"][0]["strenght"] = 0.5
    with pytest.raises(cattrs.BaseValidationError) as info:
        structure_scenario(raw)
    assert "strenght" in repr(cattrs.transform_error(info.value))


def test_structure_then_unstructure_is_the_identity_on_base() -> None:
    """The sample scenario structures, and unstructuring gives back its data."""
    scenario = structure_scenario(tomllib.loads(BASE))
    assert scenario.actor("RUS").capabilities.military == 90.0
    assert scenario.agreements[0].parties == ("RUS", "SYR")
    assert scenario.events[0].trigger.date == dt.date(2017, 11, 18)
    raw = unstructure_scenario(scenario)
    assert structure_scenario(raw) == scenario
    assert raw["relations"][0]["kind"] == "support"
    assert list(raw["actors"][0])[-1] == "source"
