"""The gazetteer: every UN member state (and Palestine, Taiwan, Kosovo) with its names and
demonyms, names that collide (Guinea, Niger, Sudan, Congo, Dominica), the organisations, armed
groups, firms and officials of the 2017-2019 news, and the role "separatists"."""

from __future__ import annotations

import pytest

from game.authoring.dictionary import default_dictionaries
from game.authoring.mentions import _expand, _find_mentions
from game.authoring.text import tokenize
from tests.authoring.coding import event_pairs as _pairs

# The 193 members, alphabetical by English name, as one block a reader can scan.
UN_MEMBERS = (  # noqa: SIM905
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA "
    "BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE "
    "PRK DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD "
    "GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ "
    "LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG "
    "MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL "
    "PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF "
    "SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA "
    "USA URY UZB VUT VEN VNM YEM ZMB ZWE"
).split()


def _actors(text: str) -> list[str | None]:
    mentions, _ = _find_mentions(tokenize(text), default_dictionaries())
    return [m.actor for m in _expand(list(mentions))]


# --- states -----------------------------------------------------------------------------------


def test_every_un_member_state_and_the_disputed_states_are_actors():
    actors = default_dictionaries().actors
    assert len(UN_MEMBERS) == 193
    missing = [iso for iso in [*UN_MEMBERS, "PSE", "TWN", "XKX"] if iso not in actors]
    assert missing == []
    assert all(actors[iso].kind.value == "state" for iso in UN_MEMBERS)


def test_state_names_demonyms_and_capitals_name_their_state():
    assert _actors("Chadian troops reached N'Djamena.") == ["TCD", "TCD"]
    assert "KEN" in _actors("Nairobi said the Kenyan navy was ready.")
    assert _actors("Ivory Coast and Cote d'Ivoire are one state.") == ["CIV", "CIV"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Papua New Guinea met Guinea.", ["PNG", "GIN"]),
        ("Equatorial Guinea met Guinea-Bissau.", ["GNQ", "GNB"]),
        ("Nigeria met Niger.", ["NGA", "NER"]),
        ("South Sudan met Sudan.", ["SSD", "SDN"]),
        ("The Dominican Republic met Dominica.", ["DOM", "DMA"]),
        ("The Republic of Congo met the Democratic Republic of Congo.", ["COG", "COD"]),
        ("Taiwan met the People's Republic of China.", ["TWN", "CHN"]),
    ],
)
def test_colliding_state_names_resolve_to_the_longest_name(text, expected):
    assert _actors(text) == expected


def test_new_states_take_part_in_coded_events():
    assert ("TCD", "LBY") in _pairs("Chad accused Libya of arming the rebels.", "hostility")
    assert ("NZL", "FJI") in _pairs("New Zealand pledged aid to Fiji after the storm.", "support")


# --- organisations, armed groups, firms --------------------------------------------------------


def test_un_agencies_are_their_own_actors_under_the_un():
    actors = default_dictionaries().actors
    assert _actors("The Netherlands cut its funding to UNRWA.") == ["NLD", "UNRWA"]
    assert actors["UNRWA"].parent == "UN" and actors["WFP"].parent == "UN"


def test_eu_bodies_and_us_offices_name_their_actor():
    assert _actors("The European Parliament criticised Hungary.") == ["EU", "HUN"]
    assert ("USA", "CUB") in _pairs("OFAC sanctioned two Cuban shipping firms.", "sanction")


def test_wire_spellings_of_armed_groups():
    assert ("HOUTHIS", "ARE") in _pairs("Huthi fighters shelled Emirati positions.", "hostility")
    assert "HAMAS" in _actors("The Qassam Brigades fired rockets.")
    assert _actors("The Southern Transitional Council met in Aden.") == ["STC"]


def test_syrian_kurdish_party_is_not_its_militia():
    assert _actors("The PYD and the YPG met.") == ["PYD", "YPG"]


def test_separatists_are_the_separatists_of_the_actor_before_them():
    assert ("UKR_SEP", "UKR") in _pairs(
        "Russian separatists shelled Ukrainian villages.", "hostility"
    )
    assert _actors("Yemeni separatists took the port.") == ["STC"]
    # Bare separatists name no actor: every region has its own.
    assert _actors("Separatists took the port.") == [None]
    assert ("UKR", "UKR_SEP") in _pairs(
        "Kiev blamed Moscow-backed separatists for the shelling.", "hostility"
    )


def test_state_bodies_and_wire_names_of_groups():
    assert ("FRA", "SSRC") in _pairs(
        "France froze the assets of the Scientific Studies and Research Centre.", "sanction"
    )
    assert _actors("Kurdish fighters routed IS jihadists.") == ["YPG", "ISIS"]
    assert _actors("The Lebanese group fired rockets.") == ["HEZBOLLAH"]
    assert _actors("The Fatah bloc joined the talks.") == ["FATAH_IRQ"]


def test_firms_belong_to_their_state():
    actors = default_dictionaries().actors
    assert actors["ROSTEC"].parent == "RUS" and actors["NEXTER"].parent == "FRA"
    assert actors["CNOOC"].parent == "CHN" and actors["BANK_KUNLUN"].parent == "CHN"
    assert ("ROSTEC", "DZA") in _pairs("Rostec signed a contract to sell tanks to Algeria.", "deal")


# --- officials ----------------------------------------------------------------------------------


def test_officials_speak_for_their_state_or_group():
    assert ("LBY", "ITA") in _pairs("Sarraj praised Italy for its help.", "support") | _pairs(
        "Sarraj praised Italy for its help.", "cooperation"
    )
    assert _actors("Zelensky met Orban.") == ["UKR", "HUN"]
    assert _actors("Aguila Saleh spoke.") == ["HOR"]


def test_ambiguous_surnames_name_no_official():
    """ "Saleh", "Maliki", "Najib", "hijab" name several people or none: never an alias."""
    assert _actors("Najib Mikati spoke.") == []
    assert _actors("Saleh spoke about the hijab.") == []
