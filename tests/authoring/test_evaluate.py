"""The evaluator's target figure: clear relations of the scored kinds, as the issue counts them."""

from __future__ import annotations

from game.authoring.evaluate import load_gold_stated, target_comparison

GOLD = """# Held-out set Z: a test list.
[[relations]]
kind = "support"
actor = "IRN"
target = "HEZBOLLAH"
stated = "clear"

[[relations]]
kind = "cooperation"
actor = "RUS"
target = "TUR"
stated = "clear"

[[relations]]
kind = "alliance"
actor = "TUR"
target = "USA"
stated = "inferred"

[[relations]]
kind = "sanction"
actor = "USA"
target = "IRN"

[[relations]]
kind = "hostility"
actor = "ISR"
target = "IRN"
stated = "inferred"

[[relations]]
kind = "hostility"
actor = "IRN"
target = "ISR"
stated = "clear"
"""


def test_a_relation_listed_twice_is_clear_when_either_entry_is(tmp_path):
    path = tmp_path / "z.gold.toml"
    path.write_text(GOLD, encoding="utf-8")
    stated = load_gold_stated(path)
    assert stated[("hostility", "IRN", "ISR")] == "clear"
    assert stated[("sanction", "USA", "IRN")] == ""
    assert stated[("alliance", "TUR", "USA")] == "inferred"


def test_target_recall_counts_clear_and_untagged_relations_of_the_scored_kinds(tmp_path):
    path = tmp_path / "z.gold.toml"
    path.write_text(GOLD, encoding="utf-8")
    gold = load_gold_stated(path)
    result = target_comparison({("support", "IRN", "HEZBOLLAH")}, gold)
    assert result.found == (("support", "IRN", "HEZBOLLAH"),)
    # cooperation is not scored; the inferred alliance is not required
    assert set(result.missed) == {("sanction", "USA", "IRN"), ("hostility", "IRN", "ISR")}


def test_target_precision_forgives_inferred_relations_but_not_unlisted_ones(tmp_path):
    path = tmp_path / "z.gold.toml"
    path.write_text(GOLD, encoding="utf-8")
    gold = load_gold_stated(path)
    drafted = {
        ("alliance", "TUR", "USA"),
        ("deal", "IRN", "RUS"),
        ("cooperation", "IRN", "SYR"),
    }
    result = target_comparison(drafted, gold)
    assert result.spurious == (("deal", "IRN", "RUS"),)
    assert result.found == ()
