"""Tests of the modifiers around a trigger (game/authoring/modifiers.py, modifiers.toml)."""

from __future__ import annotations

from game.authoring.coder import Coder

CODER = Coder()


def _kinds(text: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e.kind, e.actors, e.targets) for e in CODER.code_text(text)}


def test_prohibition_denies_the_sale_it_bars():
    """ "moved to bar arms sales to Riyadh": no deal; "moved to approve" them: a deal."""
    assert ("deal", ("USA",), ("SAU",)) in _kinds(
        "Washington moved to approve arms sales to Riyadh."
    )
    assert not any(
        k == "deal" for k, _, _ in _kinds("Washington moved to bar arms sales to Riyadh.")
    )
    blocked = _kinds("German lawmakers blocked the sale of submarines to Egypt.")
    assert not any(k == "deal" for k, _, _ in blocked)


def test_prohibition_denies_the_business_it_bans():
    """ "banned American firms from doing business with Iran" is no cooperation with Iran."""
    coded = _kinds("Washington banned American firms from doing business with Iran.")
    assert not any(k == "cooperation" for k, _, _ in coded)


def test_prohibition_leaves_a_ban_that_is_itself_a_sanction():
    """ "banned imports of Iranian steel" stays a sanction: the ban is the act, not its denial."""
    assert ("sanction", ("USA",), ("IRN",)) in _kinds(
        "The United States banned imports of Iranian steel."
    )


def test_a_weapon_model_after_a_demonym_names_the_seller():
    """ "agreed to buy Russian Su-35 fighter jets": the model name is goods, so the demonym
    before it is the seller even when the goods noun ("jets") comes later than usual."""
    assert ("deal", ("ARE",), ("RUS",)) in _kinds(
        "The UAE has agreed to buy Russian Su-35 fighter jets."
    )
    assert ("deal", ("EGY",), ("RUS",)) in _kinds("Cairo received Russian MiG-29 fighters.")
    assert not any(k == "deal" for k, _, _ in _kinds("Russian Su-35 jets flew over Idlib."))


def test_negation_denies_an_act_judged_unlikely():
    """ "is unlikely to punish Ankara" states no hostility; "moved to punish Ankara" does."""
    assert ("hostility", ("USA",), ("TUR",)) in _kinds("Washington moved to punish Ankara.")
    assert not any(
        k == "hostility" for k, _, _ in _kinds("Washington is unlikely to punish Ankara.")
    )


def test_no_plans_denies_the_planned_act():
    """ "has no plans to sell jets to", "did not have plans to impose sanctions on", "has no
    intention of backing": no fact; "plans to impose" stays a planned one."""
    assert not _kinds("Spain has no plans to sell jets to Egypt.")
    assert not _kinds("Canada did not have plans to impose sanctions on Venezuela.")
    assert not _kinds("Italy does not have any plans to impose new sanctions on Libya.")
    assert not any(k == "support" for k, _, _ in _kinds("Qatar has no intention of backing Hamas."))
    planned = CODER.code_text("Canada plans to impose sanctions on Venezuela.")
    assert [(e.kind, e.status.value) for e in planned] == [("sanction", "planned")]


def test_a_war_dated_decades_back_is_no_relation_today():
    """ "the Ethiopia-Eritrea war (1998-2000)", "fought a war against X in the 1960s": background;
    a war without such a date, or a measure in force "since the 1980s", still counts."""
    assert not _kinds("The Ethiopia-Eritrea war (1998-2000) left a closed border.")
    assert not _kinds("Morocco fought a war against Algeria in the 1960s.")
    assert not _kinds("The Armenia-Azerbaijan war of the early 1990s displaced thousands.")
    assert ("hostility", ("ETH", "ERI"), ()) in _kinds("The Ethiopia-Eritrea war killed many.")
    assert ("sanction", ("USA",), ("CUB",)) in _kinds(
        "Washington has imposed sanctions on Cuba since the 1960s."
    )
    assert ("deal", ("RUS",), ("IND",)) in _kinds("Russia sold tanks to India in the late hours.")


def test_a_sales_ban_right_after_the_sales_denies_them():
    """ "a drone sales ban to Venezuela" is no sale; "drone sales to Venezuela" are."""
    assert not any(
        k == "deal" for k, _, _ in _kinds("Spain announced a drone sales ban to Venezuela.")
    )
    assert ("deal", ("ESP",), ("VEN",)) in _kinds("Spain announced drone sales to Venezuela.")


def test_soured_ties_are_a_rivalry_not_a_denial():
    """ "relations between A and B have soured" states that the two are at odds now."""
    assert ("rivalry", ("GRC", "CYP"), ()) not in _kinds("Ties between Greece and Cyprus are good.")
    coded = _kinds("Relations between Sudan and Egypt have soured over the dam.")
    assert ("rivalry", ("SDN", "EGY"), ()) in coded
    assert not any(k == "cooperation" for k, _, _ in coded)
