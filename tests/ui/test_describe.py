"""The words the screens show: order labels, previews with acceptance, ledger causes, dossiers."""

from __future__ import annotations

import pytest

import game
from game.rules.orders import Order
from game.ui import describe
from game.ui.cli import DEFAULT_SCENARIO


@pytest.fixture(scope="module")
def state():
    """The scenario's opening state with Turkey human."""
    return game.new_game(game.load_scenario(DEFAULT_SCENARIO), 7, humans=("TUR",))


def test_order_label_uses_names_not_ids(state):
    """Targets and parameters are shown by display name."""
    order = Order.parse("RUS host_talks SYR,SYR_OPP")
    label = describe.order_label(state, order)
    assert label.startswith("Host talks: ")
    assert "Syrian government" in label and "Syrian opposition" in label
    assert "SYR_OPP" not in label


def test_cause_text_spells_out_several_orders(state):
    """A ledger cause listing orders becomes words, capped with "and N more"."""
    cause = "; ".join(
        ["RUS denounce USA", "IRN denounce USA", "TUR denounce USA", "USA denounce IRN"]
    )
    text = describe.cause_text(state, cause, limit=3)
    assert text.startswith("Russia: Denounce: United States")
    assert text.endswith("and 1 more")
    assert describe.cause_text(state, "relations drift") == "relations drift"


def test_proposal_preview_shows_the_acceptance_breakdown(state):
    """A proposal's preview names the addressee, each term, and the likely answer."""
    proposals = [o for o in game.legal_orders(state, "TUR") if o.action.value.startswith("propose")]
    assert proposals, "Turkey can propose something at the start"
    order = proposals[0]
    html = describe.preview_html(state, order, game.preview(state, order), 5.0)
    assert "Would they accept?" in html
    assert "threshold" in html
    assert "likely to accept" in html or "likely to refuse" in html
    assert "Cost: <b>5</b>" in html


def test_dossier_lists_relations_and_agenda(state):
    """Iran's dossier shows its capabilities, friends, agreements and agenda objectives."""
    scores = game.scores(state)
    html = describe.dossier_html(state, scores, "IRN")
    assert "Capabilities" in html and "Friends" in html and "Agenda" in html
    assert "Russia" in html


def test_tooltips_explain_every_stability_term(state):
    """The stability tooltip names each of the four terms with its weight."""
    text = describe.stability_tip(game.scores(state))
    for word in ("Violence", "Balance", "Sanctions", "Settlement", "weight"):
        assert word in text
