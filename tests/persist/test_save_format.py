"""The save file format on its own: JSON shape, strict key checks, checksum and version upgrades.

These tests need no engine: they build `Save` records by hand and never re-run a game.
"""

from __future__ import annotations

import json

import pytest

from game.persist.errors import SaveError
from game.persist.format import (
    CURRENT_FORMAT,
    Save,
    checksum,
    dumps,
    loads,
    parse_save,
    scenario_digest,
    to_raw,
    upgrade,
)

TOML = '[meta]\nid = "tiny"\ntitle = "Tiny"\nstart = 2017-11-01\n'
H = "ab" * 32


def make_save(**changes: object) -> Save:
    fields: dict[str, object] = dict(
        scenario_id="tiny",
        scenario_hash=scenario_digest(TOML),
        scenario_toml=TOML,
        seed=7,
        humans=("RUS",),
        rules={"costs": {"host_talks": 4.0}},
        initial_hash=H,
        orders=[["RUS host_talks SYR,SYR_OPP theatre=IDLIB", "USA denounce IRN"], []],
        hashes=["cd" * 32, "ef" * 32],
        label="before Sochi",
    )
    fields.update(changes)
    return Save(**fields)  # type: ignore[arg-type]


def resign(raw: dict) -> str:
    """The JSON text of `raw` with a checksum that matches it (an editor who knows the format)."""
    raw = dict(raw)
    raw["checksum"] = checksum(raw)
    return json.dumps(raw)


def test_dumps_loads_round_trip() -> None:
    """A save written by `dumps` reads back as an equal record, in the current format."""
    save = make_save()
    again = loads(dumps(save), "a.json")
    assert again == save
    assert again.format == CURRENT_FORMAT
    assert json.loads(dumps(save))["format"] == CURRENT_FORMAT


def test_dumps_is_deterministic_and_one_line_per_turn() -> None:
    """The same save always gives the same bytes, and each turn's orders sit on one line."""
    save = make_save()
    assert dumps(save) == dumps(make_save())
    lines = dumps(save).splitlines()
    assert any("RUS host_talks" in line and "USA denounce" in line for line in lines)


def test_truncated_file_names_line_and_truncation() -> None:
    """A file cut short is reported as invalid JSON with its line, and as truncated."""
    text = dumps(make_save())
    with pytest.raises(SaveError, match=r"a\.json: line \d+ column \d+: not valid JSON.*truncated"):
        loads(text[: len(text) // 2], "a.json")


def test_empty_and_binary_files_are_save_errors() -> None:
    """An empty file and a non-UTF-8 file are reported, not raised as decoding errors."""
    with pytest.raises(SaveError, match="empty"):
        loads(b"", "a.json")
    with pytest.raises(SaveError, match="not UTF-8"):
        loads(b"\xff\xfe\x00garbage", "a.json")


def test_foreign_json_is_not_a_concert_save() -> None:
    """Valid JSON of some other program is told apart from a broken save."""
    with pytest.raises(SaveError, match=r"a\.json: kind: not a Concert save"):
        loads('{"name": "package", "version": "1.0"}', "a.json")
    with pytest.raises(SaveError, match="expected a JSON object"):
        loads("[1, 2, 3]", "a.json")


def test_bad_order_text_names_turn_and_index() -> None:
    """An order that does not parse is reported at `orders[k][j]` with the parser's reason."""
    raw = to_raw(make_save())
    raw["orders"][1] = ["RUS host_talk"]
    with pytest.raises(
        SaveError,
        match=r"a\.json: orders\[1\]\[0\]: 'RUS host_talk' is not an order: unknown action",
    ):
        loads(resign(raw), "a.json")


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("seed", -1, "seed"),
        ("seed", 1.5, "seed"),
        ("seed", True, "seed"),
        ("humans", "RUS", "humans"),
        ("humans", ["RUS", "RUS"], "humans"),
        ("initial_hash", "xyz", "initial_hash"),
        ("hashes", ["cd" * 32], "hashes"),
        ("orders", [["RUS denounce IRN"], 5], r"orders\[1\]"),
        ("rules", {"costs": {"host_talks": "four"}}, r"rules\.costs\.host_talks"),
        ("label", None, "label"),
    ],
)
def test_wrong_types_name_the_key(key: str, value: object, where: str) -> None:
    """Each key of the wrong type or shape is reported by its path."""
    raw = to_raw(make_save())
    raw[key] = value
    with pytest.raises(SaveError, match=rf"a\.json: {where}: "):
        loads(resign(raw), "a.json")


def test_missing_and_unknown_keys_are_named() -> None:
    """A missing key and an unknown key are each reported by name."""
    raw = to_raw(make_save())
    del raw["seed"]
    with pytest.raises(SaveError, match=r"a\.json: seed: missing"):
        loads(resign(raw), "a.json")
    raw = to_raw(make_save())
    raw["cheat"] = 1
    with pytest.raises(SaveError, match=r"a\.json: cheat: unknown key"):
        loads(resign(raw), "a.json")


def test_duplicate_keys_are_rejected() -> None:
    """A JSON object naming a key twice is ambiguous, so it is an error."""
    text = dumps(make_save()).replace('"seed": 7,', '"seed": 7,\n  "seed": 8,')
    with pytest.raises(SaveError, match="'seed' appears twice"):
        loads(text, "a.json")


def test_edited_scenario_text_is_caught_by_its_hash() -> None:
    """Changing the embedded scenario without its hash is reported at `scenario.hash`."""
    raw = to_raw(make_save())
    raw["scenario"]["toml"] = TOML.replace("Tiny", "Huge")
    with pytest.raises(SaveError, match=r"scenario\.hash: does not match the embedded scenario"):
        loads(resign(raw), "a.json")


def test_checksum_catches_an_edit_that_keeps_the_shape() -> None:
    """An edit that keeps every key valid still fails the checksum (`loads`), or is flagged."""
    text = dumps(make_save()).replace("before Sochi", "after Sochi")
    with pytest.raises(SaveError, match=r"a\.json: checksum: does not match the content"):
        loads(text, "a.json")
    save, intact = parse_save(text, "a.json")
    assert save.label == "after Sochi" and not intact


def test_newer_format_is_refused_with_versions_named() -> None:
    """A save from a newer build says so instead of failing on some key."""
    raw = to_raw(make_save())
    raw["format"] = CURRENT_FORMAT + 1
    with pytest.raises(SaveError, match=rf"format: version {CURRENT_FORMAT + 1} .*newer Concert"):
        loads(resign(raw), "a.json")


def test_upgrades_chain_from_an_old_version() -> None:
    """A version-1 file passes through every registered upgrade in turn, oldest first."""

    def one_to_two(raw: dict) -> dict:
        raw = dict(raw)
        raw["note"] = raw.pop("label")
        return raw

    def two_to_three(raw: dict) -> dict:
        raw = dict(raw)
        raw["label"] = raw.pop("note").upper()
        return raw

    raw = to_raw(make_save())
    upgraded = upgrade(raw, "a.json", {1: one_to_two, 2: two_to_three})
    assert upgraded["format"] == 3
    assert upgraded["label"] == "BEFORE SOCHI"
    assert raw["label"] == "before Sochi"  # the input is not changed
    with pytest.raises(SaveError, match="no upgrade from version 2"):
        upgrade(raw, "a.json", {1: one_to_two, 3: two_to_three})


def test_checksum_is_checked_on_the_file_as_written_before_upgrading() -> None:
    """An old save keeps its checksum valid through upgrades that change its keys."""

    def rename(raw: dict) -> dict:
        return dict(raw, label=raw["label"] + "!")

    save, intact = parse_save(dumps(make_save()), "a.json", {1: rename})
    assert intact and save.label == "before Sochi!"


def test_non_finite_numbers_are_rejected() -> None:
    """NaN and Infinity are not JSON a save may hold."""
    text = dumps(make_save()).replace('"seed": 7', '"seed": NaN')
    with pytest.raises(SaveError, match="NaN"):
        loads(text, "a.json")


@pytest.mark.parametrize(
    ("reseeds", "message"),
    [
        ("3", "expected a list"),
        ([[1]], r"reseeds\[0\]: expected \[turn, seed\]"),
        ([[2, 5], [1, 6]], r"reseeds\[1\]: turn 1: reseed turns must increase"),
        ([[3, 5]], r"reseeds\[0\]: turn 3: reseed turns must increase and lie in 0\.\.2"),
        ([[1, -5]], r"reseeds\[0\]: seed -5"),
    ],
)
def test_bad_reseeds_are_named(reseeds: object, message: str) -> None:
    """The optional `reseeds` key is checked pair by pair."""
    raw = to_raw(make_save())
    raw["reseeds"] = reseeds
    with pytest.raises(SaveError, match=message):
        loads(resign(raw), "a.json")


def test_reseeds_round_trip_and_are_left_out_when_empty() -> None:
    """Reseeds survive a round trip; a save without any has no `reseeds` key at all."""
    assert "reseeds" not in json.loads(dumps(make_save()))
    save = make_save(reseeds=[(1, 99)])
    assert loads(dumps(save), "a.json").reseeds == ((1, 99),)


def test_lone_surrogates_are_handled_not_raised() -> None:
    """A label spelling a lone surrogate (`\\ud800`) reads, re-signs and writes without error."""
    raw = to_raw(make_save())
    raw["label"] = "\ud800"
    text = resign(raw)
    save = loads(text, "a.json")
    assert save.label == "\ud800"
    assert loads(dumps(save), "a.json") == save
    with pytest.raises(SaveError, match="checksum"):
        loads(text.replace("\\ud800", "\\ud801"), "a.json")
