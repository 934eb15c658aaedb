"""Drafting the seed article: a loadable scenario with evidence on every fact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from game.authoring.dates import find_start_date
from game.authoring.draft import RELATION_FLOOR, draft_bytes, draft_text
from game.authoring.evaluate import compare_scenario, load_gold
from game.authoring.report import render_report
from game.scenario.check import Severity, check_text
from game.scenario.load import loads_scenario
from game.scenario.model import Review
from game.scenario.save import dumps_scenario

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "putin-in-tehran-2017.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def draft():
    return draft_bytes(SEED.read_bytes(), "seeds/putin-in-tehran-2017.txt", "tehran-draft")


def test_seed_draft_checks_clean_with_pending_allowed(draft):
    """The written draft has no checker error once pending reviews are allowed."""
    text = dumps_scenario(draft.scenario)
    diagnostics = check_text(text, "draft.toml", allow_pending=True, article_root=ROOT)
    errors = [d.format() for d in diagnostics if d.severity is Severity.ERROR]
    assert errors == []
    assert loads_scenario(text, allow_pending=True) == draft.scenario


def test_seed_draft_is_pending_review_until_reviewed(draft):
    """Without --allow-pending the checker refuses the draft: it has not been reviewed."""
    diagnostics = check_text(dumps_scenario(draft.scenario), "draft.toml", article_root=ROOT)
    assert any(d.code == "pending" and d.severity is Severity.ERROR for d in diagnostics)


def test_every_fact_quotes_the_article(draft):
    """Relations, agreements and actors quote a sentence that occurs verbatim in the article."""
    facts = [*draft.scenario.relations, *draft.scenario.agreements, *draft.scenario.actors]
    for fact in facts:
        assert fact.review is Review.PENDING
        if fact.source is not None:
            assert fact.source in SEED_TEXT
            assert 0 < fact.confidence <= 1


def test_meta_and_seats(draft):
    """Title is the headline, the start is the article's date, the four powers are playable."""
    meta = draft.scenario.meta
    assert meta.title.startswith("Putin in Tehran pushes")
    assert meta.start == dt.date(2017, 11, 1)
    assert meta.article == "seeds/putin-in-tehran-2017.txt"
    assert set(draft.scenario.playable_ids) == {"RUS", "IRN", "TUR", "USA"}
    assert set(draft.scenario.agendas) == {"RUS", "IRN", "TUR", "USA"}
    assert any("defaults" in w for w in draft.warnings)


def test_seed_facts(draft):
    """The seed's headline facts are drafted: sanctions with their blacklist count, deals,
    support for Assad, the Astana trio, the Rosneft-NIOC roadmap and its value."""
    rels = {(r.kind.value, r.actor, r.target): r for r in draft.scenario.relations}
    assert ("sanction", "USA", "RUS") in rels and ("sanction", "USA", "PRK") in rels
    blacklist = rels[("sanction", "USA", "IRN")]
    assert blacklist.source.startswith(("Despite", "Putin's arrival"))
    assert ("support", "IRN", "SYR") in rels and ("support", "RUS", "SYR") in rels
    roadmap = rels.get(("deal", "ROSNEFT", "NIOC")) or rels[("deal", "NIOC", "ROSNEFT")]
    assert roadmap.value == 30 and roadmap.sector.value == "energy"
    agreements = {a.id: a for a in draft.scenario.agreements}
    assert {"ASTANA", "JCPOA", "SOCHI_CONGRESS", "ROSNEFT_NIOC_ROADMAP"} <= set(agreements)
    assert agreements["JCPOA"].stances["USA"].value == "decertified"
    assert agreements["SOCHI_CONGRESS"].date == dt.date(2017, 11, 18)
    actors = {a.id: a for a in draft.scenario.actors}
    assert actors["ROSNEFT"].parent == "RUS"


def test_repeated_relation_is_merged_keeping_best_evidence(draft):
    """Russia-Iran cooperation is stated many times: one relation, the best sentence, a note."""
    coop = [
        r
        for r in draft.scenario.relations
        if r.kind.value == "cooperation" and {r.actor, r.target} == {"RUS", "IRN"}
    ]
    assert len(coop) == 1
    assert "also in sentences" in coop[0].note
    n = draft.scenario.relations.index(coop[0])
    events = draft.relations_events[n]
    assert coop[0].source == events[0].source
    assert events[0].confidence == max(e.confidence for e in events)


def test_blacklist_sanction_counts_entities(draft):
    """Somewhere the US Treasury blacklist is drafted with 40 entities."""
    n = next(
        n
        for n, events in enumerate(draft.relations_events)
        if any(e.entities == 40 for e in events)
    )
    assert draft.scenario.relations[n].kind.value == "sanction"


def test_report_lists_misses_and_unknown_names():
    """Sentences naming actors with no event are misses; unknown capitalised names are listed."""
    text = (
        "Headline\nRussia and Iran appeared at the same ceremony as Turkey yesterday evening, "
        "officials said. The Zorblax Corporation opened an office in Tehran and Moscow."
    )
    result = draft_text(text)
    assert any("Zorblax" in u.name for u in result.unknown)
    assert result.misses


def test_pair_named_beside_a_fired_event_is_listed_when_nothing_relates_it():
    """Events fired for one pair; the other pairs the sentence names are leads for the author."""
    text = (
        "Ministers meet\n\nThe Netherlands imposed sanctions on Venezuela on Monday, while "
        "Brazil hosted a summit of regional leaders.\n"
    )
    result = draft_text(text)
    assert not result.misses
    assert [m.pairs for m in result.unrelated] == [(("BRA", "NLD"), ("BRA", "VEN"))]
    assert "BRA–NLD; BRA–VEN" in render_report(result)


def test_pair_lead_skips_places_and_pairs_related_elsewhere():
    """A country named as a place, or a pair another sentence relates, is not a lead."""
    text = (
        "Ministers meet\n\nItaly and Spain signed a trade agreement in Brazil on Friday.\n\n"
        "Portugal condemned Morocco on Monday, as Japan hosted a conference.\n\n"
        "Japan imposed sanctions on Morocco.\n"
    )
    result = draft_text(text)
    assert [m.pairs for m in result.unrelated] == [(("JPN", "PRT"),)]


def test_relation_below_the_floor_is_held_back_for_review():
    """A fallback-only relation (confidence <= 0.4) is not drafted but listed in the report."""
    text = (
        "Border skirmishes continue\n"
        "CAIRO, March 3, 2018 (Reuters) - Egypt clashed on Sunday with Libyan militias near the "
        "desert border, officials said.\n"
    )
    result = draft_text(text)
    held = [r for r, _ in result.held_back]
    assert held and all(r.confidence < RELATION_FLOOR for r in held)
    drafted = {(r.kind.value, r.actor, r.target) for r in result.scenario.relations}
    assert not drafted & {(r.kind.value, r.actor, r.target) for r in held}
    report = render_report(result, "draft.toml")
    assert "below the confidence floor" in report


def test_relation_at_or_above_the_floor_is_drafted():
    """A relation a full pattern states plainly clears the floor and enters the draft."""
    text = (
        "Sanctions widen\n"
        "WASHINGTON, June 4, 2018 (Reuters) - The United States imposed sanctions on Venezuela "
        "on Monday.\n"
    )
    result = draft_text(text)
    kinds = {(r.kind.value, r.actor, r.target) for r in result.scenario.relations}
    assert ("sanction", "USA", "VEN") in kinds
    assert not result.held_back
    assert all(r.confidence >= RELATION_FLOOR for r in result.scenario.relations)


def test_start_date_prefers_a_dateline():
    """A full date near the top wins; otherwise the latest full date; otherwise a year."""
    assert find_start_date("T\nANKARA, July 12, 2019 - text")[0] == dt.date(2019, 7, 12)
    assert find_start_date("T\n" + "x " * 300 + "on 3 May 2018 and May 9, 2018")[0] == dt.date(
        2018, 5, 9
    )
    date, warning = find_start_date("T\nIn 2016 things happened.")
    assert date == dt.date(2016, 1, 1) and warning


def test_seed_draft_against_hand_written_scenario(draft):
    """Compared with scenarios/tehran-2017.toml, the draft finds most article-sourced
    relations and invents few (figures in docs/authoring.md)."""
    path = ROOT / "scenarios" / "tehran-2017.toml"
    if not path.exists():
        pytest.skip("scenarios/tehran-2017.toml is not written yet")
    import tomllib

    from game.authoring.draft import relation_key

    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    gold = {
        relation_key(r["kind"], r["actor"], r["target"])
        for r in doc.get("relations", [])
        if r.get("source") not in (None, "author")
    }
    result = compare_scenario(draft.scenario, gold)
    assert result.recall >= 0.7, result
    assert result.precision >= 0.8, result
    assert load_gold(path) >= gold


def test_a_pair_description_after_a_possessive_name_ends(tmp_path):
    """ "the region's two main rivals": a description inside the pair once sent the coreference
    scan back to the same "two" for ever; drafting must end (run in a child with a timeout)."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text(
        "Headline\nRIYADH, May 1, 2018 - Saudi Arabia and Iran, the region's two main rivals, "
        "backed opposing sides in Yemen.\n",
        encoding="utf-8",
    )
    code = (
        "import sys; from game.authoring.draft import draft_bytes; "
        "d = draft_bytes(open(sys.argv[1], 'rb').read()); "
        "print(sorted((r.kind.value, r.actor, r.target) for r in d.scenario.relations))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "('rivalry', 'SAU', 'IRN')" in done.stdout or "('rivalry', 'IRN', 'SAU')" in done.stdout


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Sergei Ryabkov told reporters in Geneva on Monday.", "RUS"),
        ("Abbas Araqchi led the delegation.", "IRN"),
        ("Hezbollah's deputy leader Naim Qassem spoke on Sunday.", "HEZBOLLAH"),
        ("Brian Hook briefed journalists.", "USA"),
        ("The Financial Action Task Force met in Paris.", "FATF"),
        ("Halkbank shares fell sharply.", "HALKBANK"),
        ("The Taliban attacked a checkpoint.", "TALIBAN"),
    ],
)
def test_officials_firms_and_groups_of_the_period_are_known(sentence, actor):
    """A name the dictionaries do not know is a relation the coder cannot find: officials of
    2017-2019 speak for their actor, and firms, groups and bodies are actors of their own."""
    draft = draft_text(f"Headline\nDUBAI, May 1, 2019 - {sentence}\n")
    named = {m.actor for c in draft.coded for m in c.mentions}
    assert actor in named
