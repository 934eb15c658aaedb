"""Writing and reading scenarios: `loads_scenario(dumps_scenario(s)) == s`, atomic saves."""

from __future__ import annotations

import datetime as dt
import os
import tomllib

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from scenario_strategies import scenarios

from game.scenario import model
from game.scenario.check import Severity, check_text
from game.scenario.load import ScenarioError, load_scenario, loads_scenario
from game.scenario.save import dumps_scenario, save_scenario

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(scenarios())
def test_round_trip_gives_an_equal_scenario(scenario: model.Scenario) -> None:
    """Any valid scenario, written and read back, is equal to itself."""
    text = dumps_scenario(scenario)
    assert loads_scenario(text, rules_file=None) == scenario


@SETTINGS
@given(scenarios())
def test_written_file_checks_without_errors_and_never_writes_none(
    scenario: model.Scenario,
) -> None:
    """The writer's output is clean for the checker, and holds no empty or None values."""
    text = dumps_scenario(scenario)
    errors = [d for d in check_text(text, rules_file=None) if d.severity is Severity.ERROR]
    assert errors == []
    raw = tomllib.loads(text)
    for table, cls in TABLE_CLASSES.items():
        empty_by_default = {
            f.name
            for f in attrs.fields(cls)
            if f.default in ("", ()) or isinstance(f.default, attrs.Factory)
        }
        for record in raw.get(table, []):
            for key in empty_by_default & set(record):
                assert record[key] not in ("", [], {}), (table, key)


TABLE_CLASSES = {
    "actors": model.Actor,
    "relations": model.Relation,
    "agreements": model.Agreement,
    "theatres": model.Theatre,
    "issues": model.Issue,
    "events": model.EventSpec,
}


def test_dumps_orders_tables_like_an_author() -> None:
    """Tables come in the order meta, actors, relations, ..., rules, provenance last."""
    scenario = model.Scenario(
        meta=model.Meta(id="t", title="T", start=dt.date(2017, 11, 1)),
        actors=[model.Actor(id="RUS", name="Russia", playable=True, source="author")],
        relations=[],
        agendas={"RUS": model.Agenda(objectives=[model.Objective(kind="influence")])},
        events=[
            model.EventSpec(
                id="E",
                name="e",
                trigger=model.Trigger(kind="date", date=dt.date(2017, 11, 18)),
                effects=[model.Effect(kind="news", text="hi")],
            )
        ],
        scoring=model.Scoring(violence=0.5),
        rules={"costs": {"host_talks": 3.0}},
    )
    text = dumps_scenario(scenario)
    headers = [line for line in text.splitlines() if line.startswith("[")]
    assert headers == [
        "[meta]",
        "[[actors]]",
        "[agendas.RUS]",
        "[[agendas.RUS.objectives]]",
        "[[events]]",
        "[[events.effects]]",
        "[scoring]",
        "[rules.costs]",
    ]
    assert 'trigger = { kind = "date", date = 2017-11-18 }' in text
    actor_lines = text.split("[[actors]]")[1].split("\n\n")[0].splitlines()
    assert actor_lines[-1] == 'source = "author"'
    assert "None" not in text and "description" not in text


def test_default_scoring_is_left_out() -> None:
    """A scenario with default scoring weights writes no [scoring] table."""
    scenario = model.Scenario(meta=model.Meta(id="t", title="T", start=dt.date(2017, 1, 1)))
    assert "[scoring]" not in dumps_scenario(scenario)


def test_save_is_atomic_and_replaces_the_file(tmp_path) -> None:
    """save_scenario replaces an existing file and leaves no temporary file behind."""
    target = tmp_path / "s.toml"
    target.write_text("old", encoding="utf-8")
    scenario = model.Scenario(
        meta=model.Meta(id="t", title="T", start=dt.date(2017, 1, 1)),
        actors=[model.Actor(id="RUS", name="Russia", playable=True)],
        agendas={"RUS": model.Agenda(objectives=[model.Objective(kind="influence")])},
    )
    save_scenario(scenario, target)
    assert os.listdir(tmp_path) == ["s.toml"]
    assert load_scenario(target, rules_file=None) == scenario


def test_save_failure_keeps_the_old_file(tmp_path) -> None:
    """If writing fails (here: a NaN the model let through), the old file is untouched."""
    target = tmp_path / "s.toml"
    target.write_text("old", encoding="utf-8")
    broken = model.Scenario(meta=model.Meta(id="t", title="T", start=dt.date(2017, 1, 1)))
    broken = broken.__class__(meta=broken.meta, rules={"costs": {"x": float("nan")}})
    with pytest.raises(ValueError):
        save_scenario(broken, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["s.toml"]


def test_load_raises_scenario_error_with_every_diagnostic() -> None:
    """A file with two errors raises one ScenarioError whose str() lists both, one per line."""
    text = '[meta]\nid = "x"\ntitle = 3\nstart = "2017-11-01"\n'
    with pytest.raises(ScenarioError) as info:
        loads_scenario(text, "s.toml", rules_file=None)
    lines = str(info.value).splitlines()
    assert "s.toml:3: meta.title: wrong type: 3 (an integer); a string" in lines
    assert any(line.startswith("s.toml:4: meta.start: wrong type:") for line in lines)
    assert len(info.value.errors) >= 2


def test_load_accepts_warnings() -> None:
    """Warnings (here: facts with no source) do not stop a load."""
    text = (
        '[meta]\nid = "x"\ntitle = "X"\nstart = 2017-11-01\n'
        '[[actors]]\nid = "RUS"\nname = "Russia"\nplayable = true\n'
        '[agendas.RUS]\nobjectives = [{ kind = "influence" }]\n'
    )
    scenario = loads_scenario(text, rules_file=None)
    assert scenario.playable_ids == ("RUS",)


def test_load_missing_file_is_a_scenario_error(tmp_path) -> None:
    """A file that does not exist is reported as a diagnostic, not an OSError."""
    with pytest.raises(ScenarioError, match="cannot read the file"):
        load_scenario(tmp_path / "nope.toml")
