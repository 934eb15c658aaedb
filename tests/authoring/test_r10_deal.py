"""Deals read from what an agreement trades and from who is allowed to trade: agreements
"on the supply of" goods or "in energy", and trade infinitives whose doer a control verb
names ("allowed six countries, including Japan, to buy")."""

from __future__ import annotations

from tests.authoring.coding import coded_pairs

# -- what an agreement trades, read after its noun --------------------------------------------


def test_agreement_on_the_supply_of_goods_is_a_deal():
    """ "signed an agreement on the supply of Su-30 fighters": a deal, not an accord."""
    pairs = coded_pairs("Algeria and Russia signed an agreement on the supply of Su-30 jets.")
    assert ("DZA", "deal", "RUS") in pairs
    assert ("DZA", "cooperation", "RUS") not in pairs


def test_agreement_to_buy_goods_is_a_deal():
    pairs = coded_pairs("Greece and France signed a memorandum of intent to buy three frigates.")
    assert ("FRA", "deal", "GRC") in pairs


def test_agreements_in_traded_fields_are_deals():
    """ "agreements in energy, trade and health": energy and trade are traded fields."""
    pairs = coded_pairs("Jordan and Iraq will sign a series of agreements in energy and health.")
    assert ("IRQ", "deal", "JOR") in pairs


def test_agreement_on_a_ceasefire_stays_an_accord():
    pairs = coded_pairs("Russia and Turkey signed an agreement on a truce in the province.")
    assert ("RUS", "cooperation", "TUR") in pairs
    assert ("RUS", "deal", "TUR") not in pairs


def test_agreements_in_untraded_fields_stay_accords():
    pairs = coded_pairs("Jordan and Iraq signed agreements in security and health.")
    assert ("IRQ", "deal", "JOR") not in pairs


def test_trade_after_a_clause_break_does_not_make_an_accord_a_deal():
    pairs = coded_pairs(
        "Russia and Turkey signed an accord to end the fighting, but arms sales continued."
    )
    assert ("RUS", "deal", "TUR") not in pairs


# -- who trades when a control verb names the doer -------------------------------------------


def test_control_object_with_an_including_list_buys():
    """ "allowed six countries, including Japan, to buy": Japan buys, Washington does not."""
    pairs = coded_pairs("Washington has allowed six countries, including Japan, to buy Iran's oil.")
    assert ("IRN", "deal", "JPN") in pairs
    assert ("IRN", "deal", "USA") not in pairs


def test_purpose_clause_keeps_the_permitted_seller():
    """The states bypassed are no parties to the delivery: Russia sells to Germany."""
    pairs = coded_pairs(
        "The line would allow Russia to bypass Belarus and Lithuania to deliver gas to Germany."
    )
    assert ("DEU", "deal", "RUS") in pairs
    assert ("BLR", "deal", "DEU") not in pairs
    assert ("DEU", "deal", "LTU") not in pairs


def test_a_control_verb_in_another_clause_names_no_trader():
    pairs = coded_pairs("Paris urged calm, but Egypt went on to buy Russian jets.")
    assert ("EGY", "deal", "RUS") in pairs
    assert ("FRA", "deal", "RUS") not in pairs


# -- arms received, plural deals, energy sent -------------------------------------------------


def test_heavy_arms_received_from_a_seller_are_a_deal():
    assert ("DZA", "deal", "RUS") in coded_pairs("Algeria will receive 14 Su-35 jets from Moscow.")


def test_plural_deals_struck_with_states_are_deals():
    pairs = coded_pairs("Kuwait struck deals with Germany and Spain last year.")
    assert {("DEU", "deal", "KWT"), ("ESP", "deal", "KWT")} <= pairs
    assert ("DEU", "deal", "ESP") not in pairs


def test_energy_sent_to_a_buyer_is_a_deal():
    assert ("IRN", "deal", "IRQ") in coded_pairs("Iran sends electricity to Iraq every summer.")


def test_purchase_and_production_sharing_agreements_are_deals():
    assert ("RUS", "deal", "TUR") in coded_pairs(
        "Turkey signed a purchase agreement with Russia for the S-400."
    )
    assert ("IRQ", "deal", "ROSNEFT") in coded_pairs(
        "Rosneft signed a production-sharing agreement with Iraq."
    )


def test_intelligence_sharing_agreement_stays_an_accord():
    pairs = coded_pairs("Jordan and Egypt signed an intelligence-sharing agreement.")
    assert ("EGY", "cooperation", "JOR") in pairs
    assert ("EGY", "deal", "JOR") not in pairs


def test_agreement_between_parties_is_a_deal_only_when_it_trades():
    """What the agreement is about comes after its parties ("between X and Y on oil")."""
    assert ("IRQ", "deal", "KRG") in coded_pairs(
        "The agreement between Baghdad and Erbil on oil exports was reached in May."
    )
    pairs = coded_pairs(
        "The agreement between Ankara and Moscow on the buffer zone held, despite military action."
    )
    assert ("RUS", "cooperation", "TUR") in pairs
    assert ("RUS", "deal", "TUR") not in pairs
