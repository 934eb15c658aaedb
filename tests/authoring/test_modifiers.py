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
