"""The first shipped scenario, scenarios/tehran-2017.toml, against its seed article.

Most tests read the file with `tomllib` alone, so that they hold the scenario to the article
whatever state the loader is in; the last ones go through the real loader and checker.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "tehran-2017.toml"

PLAYABLE = {"RUS", "IRN", "TUR", "USA"}
REQUIRED_ACTORS = PLAYABLE | {
    "SYR",
    "SYR_OPP",
    "SDF",
    "AZE",
    "KAZ",
    "UN",
    "PRK",
    "ROSNEFT",
    "NIOC",
}
ZONES = {"IDLIB", "HOMS", "GHOUTA", "SOUTHWEST"}


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with SCENARIO.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def article(raw: dict[str, Any]) -> str:
    return (ROOT / raw["meta"]["article"]).read_text(encoding="utf-8")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _facts(raw: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every fact record as (where, record)."""
    for section in ("actors", "relations", "agreements", "theatres", "issues", "events"):
        for index, record in enumerate(raw.get(section, [])):
            name = record.get("id") or f"{record.get('actor')}->{record.get('target')}"
            yield f"{section}[{index}] {name}", record
    for actor_id, agenda in raw.get("agendas", {}).items():
        yield f"agendas.{actor_id}", agenda


def _by_id(raw: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in raw[section]}


def _has_relation(raw: dict[str, Any], kind: str, actor: str, target: str, **extra: Any) -> bool:
    symmetric = kind not in ("support", "sanction")
    for rel in raw["relations"]:
        ends = (rel["actor"], rel["target"])
        if rel["kind"] != kind:
            continue
        if ends != (actor, target) and not (symmetric and ends == (target, actor)):
            continue
        if all(rel.get(key) == value for key, value in extra.items()):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Provenance


def test_every_fact_names_its_source(raw: dict[str, Any]) -> None:
    missing = [where for where, record in _facts(raw) if not record.get("source")]
    assert missing == []


def test_every_quoted_source_occurs_verbatim_in_the_article(
    raw: dict[str, Any], article: str
) -> None:
    text = _normalise(article)
    absent = [
        f"{where}: {record['source'][:60]!r}"
        for where, record in _facts(raw)
        if record.get("source", "author") != "author" and _normalise(record["source"]) not in text
    ]
    assert absent == []


def test_quoted_sources_are_whole_sentences(raw: dict[str, Any], article: str) -> None:
    # A quote is a whole sentence of one paragraph: it starts where a sentence starts and ends
    # with the sentence's closing punctuation, so a reader sees the claim in full.
    lines = [_normalise(line) for line in article.splitlines()]
    clipped = []
    for where, record in _facts(raw):
        quote = _normalise(record.get("source", "author"))
        if quote == "author":
            continue
        starts = [line[: line.find(quote)].rstrip() for line in lines if quote in line]
        starts_sentence = any(prefix == "" or prefix[-1] in '.!?"”' for prefix in starts)
        ends_sentence = quote.rstrip('"”').endswith((".", "!", "?"))
        if not (starts_sentence and ends_sentence):
            clipped.append(f"{where}: {quote[:60]!r}")
    assert clipped == []


def test_the_article_is_quoted_more_than_the_author_adds(raw: dict[str, Any]) -> None:
    sources = [record["source"] for _, record in _facts(raw)]
    quoted = sum(source != "author" for source in sources)
    assert quoted > len(sources) - quoted


# ---------------------------------------------------------------------------------------------
# Content the article requires


def test_meta_names_the_article_and_the_clock(raw: dict[str, Any]) -> None:
    meta = raw["meta"]
    assert meta["id"] == "tehran-2017"
    assert meta["start"] == dt.date(2017, 11, 1)
    assert (meta["months_per_turn"], meta["turn_limit"]) == (1, 24)
    assert (ROOT / meta["article"]).is_file()


def test_required_actors_are_present(raw: dict[str, Any]) -> None:
    actors = _by_id(raw, "actors")
    assert set(actors) >= REQUIRED_ACTORS
    assert actors["SYR_OPP"]["members"] == 33
    assert (actors["ROSNEFT"]["kind"], actors["ROSNEFT"]["parent"]) == ("firm", "RUS")
    assert (actors["NIOC"]["kind"], actors["NIOC"]["parent"]) == ("firm", "IRN")
    assert actors["IRN"]["native_name"] == "ایران"
    assert actors["RUS"]["native_name"] == "Россия"


def test_every_actor_has_a_map_position_and_capabilities(raw: dict[str, Any]) -> None:
    for actor in raw["actors"]:
        assert -90 <= actor["lat"] <= 90 and -180 <= actor["lon"] <= 180, actor["id"]
        assert set(actor["capabilities"]) == {"military", "economy", "diplomacy"}, actor["id"]


def test_only_the_four_powers_are_playable_and_each_has_an_agenda(raw: dict[str, Any]) -> None:
    playable = {actor["id"] for actor in raw["actors"] if actor.get("playable")}
    assert playable == PLAYABLE
    assert set(raw["agendas"]) == PLAYABLE
    for actor_id, agenda in raw["agendas"].items():
        objectives = agenda["objectives"]
        assert 4 <= len(objectives) <= 6, actor_id
        assert all(objective["label"] for objective in objectives), actor_id
        # Several kinds of objective: a side must be able to score in more than one way.
        assert len({objective["kind"] for objective in objectives}) >= 3, actor_id


def test_required_agreements_are_present(raw: dict[str, Any]) -> None:
    agreements = _by_id(raw, "agreements")
    astana = agreements["ASTANA"]
    assert astana["host"] == "KAZ" and {"RUS", "IRN", "TUR"} <= set(astana["parties"])
    sochi = agreements["SOCHI"]
    assert (sochi["status"], sochi["date"], sochi["host"]) == (
        "planned",
        dt.date(2017, 11, 18),
        "RUS",
    )
    jcpoa = agreements["JCPOA"]
    assert jcpoa["stances"] == {"USA": "decertified"}
    # Iran and the six countries it signed with.
    assert len(jcpoa["parties"]) == 7 and {"IRN", "RUS", "USA"} <= set(jcpoa["parties"])
    roadmap = agreements["ROSNEFT_NIOC"]
    assert roadmap["value"] == 30 and set(roadmap["parties"]) == {"ROSNEFT", "NIOC"}
    assert any("55 million tonnes" in term for term in roadmap["terms"])
    assert set(agreements["BUSHEHR"]["parties"]) == {"RUS", "IRN"}
    assert set(agreements["TEHRAN_STATEMENT"]["parties"]) == {"RUS", "IRN", "AZE"}
    assert set(agreements["ASTANA_STATEMENT"]["parties"]) == {"RUS", "IRN", "TUR"}


def test_us_sanctions_and_the_treasury_blacklist(raw: dict[str, Any]) -> None:
    for target in ("RUS", "IRN", "PRK"):
        assert _has_relation(raw, "sanction", "USA", target, scope="sectoral"), target
    assert _has_relation(raw, "sanction", "USA", "IRN", scope="blacklist", entities=40)


def test_backing_cooperation_rivalry_and_deals(raw: dict[str, Any]) -> None:
    assert _has_relation(raw, "support", "RUS", "SYR")
    assert _has_relation(raw, "support", "IRN", "SYR")
    assert _has_relation(raw, "support", "TUR", "SYR_OPP")
    assert _has_relation(raw, "support", "USA", "SDF")
    assert _has_relation(raw, "cooperation", "RUS", "IRN")
    assert _has_relation(raw, "cooperation", "RUS", "TUR", agreement="ASTANA")
    assert _has_relation(raw, "cooperation", "IRN", "TUR", agreement="ASTANA")
    assert _has_relation(raw, "rivalry", "USA", "RUS")
    assert _has_relation(raw, "hostility", "RUS", "USA")
    assert _has_relation(raw, "deal", "ROSNEFT", "NIOC", sector="energy", value=30)
    assert _has_relation(raw, "deal", "RUS", "IRN", sector="nuclear", agreement="BUSHEHR")


def test_four_deescalation_zones_some_failing(raw: dict[str, Any]) -> None:
    theatres = _by_id(raw, "theatres")
    assert set(theatres) >= ZONES
    statuses = {theatres[zone]["zone"] for zone in ZONES}
    assert statuses <= {"active", "failing"} and "failing" in statuses
    assert all(theatres[zone]["agreement"] == "ASTANA" for zone in ZONES)


def test_raqqa_is_held_by_the_sdf(raw: dict[str, Any]) -> None:
    control = _by_id(raw, "theatres")["RAQQA"]["control"]
    assert max(control, key=control.get) == "SDF"


def test_control_shares_sum_to_one(raw: dict[str, Any]) -> None:
    for theatre in raw["theatres"]:
        assert sum(theatre["control"].values()) == pytest.approx(1.0), theatre["id"]


def test_issues_split_the_powers(raw: dict[str, Any]) -> None:
    issues = _by_id(raw, "issues")
    settlement = issues["SETTLEMENT"]["positions"]
    assert settlement["RUS"] > 0 and settlement["IRN"] > 0 and settlement["SYR"] > 0
    assert settlement["USA"] < 0 and settlement["TUR"] < 0 and settlement["SYR_OPP"] < 0
    nuclear = issues["NUCLEAR"]["positions"]
    assert nuclear["IRN"] > 0 and nuclear["RUS"] > 0 and nuclear["USA"] < 0


def test_sochi_congress_is_scheduled_for_november_18(raw: dict[str, Any]) -> None:
    events = _by_id(raw, "events")
    sochi = events["SOCHI_CONGRESS"]
    assert sochi["trigger"] == {"kind": "date", "date": dt.date(2017, 11, 18)}
    assert {"kind": "set_agreement_status", "agreement": "SOCHI", "status": "active"} in sochi[
        "effects"
    ]
    kinds = {event["trigger"]["kind"] for event in raw["events"]}
    assert "date" in kinds and len(kinds) >= 3
    assert any(event.get("probability", 1.0) < 1.0 for event in raw["events"])


# How far an agreement is in force, by status (as `ObjectiveKind.AGREEMENT` is scored).
_FORCE = {"active": 1.0, "planned": 0.5, "proposed": 0.25, "suspended": 0.25, "ended": 0.0}


def test_no_agreement_or_control_objective_is_met_before_play(raw: dict[str, Any]) -> None:
    # What can be read off the file alone: an agreement is in force by its status times the
    # share of its parties still complying, and a theatre's control is its shares.
    agreements = _by_id(raw, "agreements")
    theatres = _by_id(raw, "theatres")
    for actor_id, agenda in raw["agendas"].items():
        for objective in agenda["objectives"]:
            if objective["kind"] == "agreement":
                agreement = agreements[objective["agreement"]]
                parties = agreement["parties"]
                complying = len(parties) - len(agreement.get("stances", {}))
                force = _FORCE[agreement["status"]] * complying / len(parties)
                gap = abs(force - objective["want"])
            elif objective["kind"] == "control":
                share = theatres[objective["theatre"]]["control"].get(objective["actor"], 0.0)
                gap = abs(share - objective["want"])
            else:
                continue
            assert gap >= 0.1 - 1e-9, (actor_id, objective["label"])


# ---------------------------------------------------------------------------------------------
# Through the real loader and checker


def test_scenario_loads_with_the_loader_and_round_trips() -> None:
    from game.scenario import load, save

    scenario = load.load_scenario(SCENARIO)
    assert set(scenario.playable_ids) == PLAYABLE
    assert set(scenario.actor_ids) >= REQUIRED_ACTORS
    assert load.loads_scenario(save.dumps_scenario(scenario)) == scenario


def test_scenario_checks_with_no_errors_or_warnings() -> None:
    from game.scenario.check import check_file

    problems = [f"{p.severity} {p.path}: {p.message}" for p in check_file(SCENARIO)]
    # Warnings too: they flag facts with no source and quotes the article does not contain.
    assert problems == []


def test_every_side_starts_with_its_objectives_unmet() -> None:
    from game.engine.setup import new_game
    from game.scenario import load
    from game.scoring.compute import scores

    start = scores(new_game(load.load_scenario(SCENARIO), seed=0))
    assert set(start.agendas) == PLAYABLE
    for actor_id, terms in start.agenda_terms.items():
        met = [label for label, term in terms.items() if term.value >= 0.99]
        assert met == [], actor_id
        # Room to gain: no side starts within reach of a perfect agenda.
        assert start.agendas[actor_id] < 70, actor_id
