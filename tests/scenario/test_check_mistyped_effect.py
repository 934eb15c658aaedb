"""A mistyped effect field is a clear error, never an internal one (found by the fuzz test)."""

from __future__ import annotations

from pathlib import Path

from game.scenario.check import check_text

TEHRAN = Path(__file__).resolve().parents[2] / "scenarios" / "tehran-2017.toml"


def test_an_array_where_a_stance_effect_names_its_actor_is_a_type_error():
    text = TEHRAN.read_text(encoding="utf-8").replace(
        'kind = "set_party_stance"\nactor = "USA"', 'kind = "set_party_stance"\nactor = ["USA"]', 1
    )
    assert 'actor = ["USA"]' in text
    found = check_text(text, "x.toml")
    assert all(d.code != "internal" for d in found), [d.format() for d in found]
    assert any(d.path.endswith(".actor") and d.code == "type" for d in found)
