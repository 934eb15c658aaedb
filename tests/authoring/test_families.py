"""Verb families, the fallback, and the general constructions the third issue-6 round added."""

from __future__ import annotations

import shutil

import pytest

from game.authoring.coder import FALLBACK_CONFIDENCE, Coder
from game.authoring.dictionary import (
    DICTIONARY_DIR,
    DictionaryError,
    default_dictionaries,
    load_dictionaries,
)
from game.authoring.draft import FALLBACK_CEILING, SYMMETRIC_KINDS, draft_bytes
from game.authoring.morphology import _verb_forms
from tests.authoring.coding import coded_pairs

DICTS = default_dictionaries()
CODER = Coder(DICTS)


def _key(expect: str) -> tuple[str, str, str]:
    actor, kind, target = expect.split()
    if kind in SYMMETRIC_KINDS:
        actor, target = sorted((actor, target))
    return actor, kind, target


def test_every_relation_kind_has_a_verb_family():
    """Each relation kind the scenario format uses has at least one family."""
    kinds = {family.kind for family in DICTS.families}
    assert kinds >= {"alliance", "cooperation", "support", "deal", "sanction", "hostility"}
    assert "rivalry" in kinds


def test_families_expand_into_patterns_with_their_code_and_weight():
    """A family's verb, noun and light-verb patterns carry its CAMEO code and Goldstein weight."""
    for family in DICTS.families:
        prefix = f"family.{family.id}"
        made = [p for p in DICTS.patterns if p.id == prefix or p.id.startswith(prefix + ".")]
        assert made, family.id
        for pattern in made:
            assert pattern.code == family.code and pattern.goldstein == family.goldstein
            assert pattern.kind == family.kind


def test_verb_phrases_are_inflected_by_the_morphology_helper():
    """ "clash with" -> clashes/clashed/clashing with; irregulars; an adverb may split it."""
    forms = _verb_forms("clash with")
    assert {("clashes", "with"), ("clashed", "with"), ("clashing", "with")} <= forms
    assert ("clashed", "repeatedly", "with") in forms
    assert ("sold",) in _verb_forms("sell")
    assert ("was", "at", "odds", "with") in _verb_forms("be at odds with")


def test_a_hyphenated_verb_inflects_after_its_hyphen():
    """ "black-list" -> "black-listed", "re-impose" -> "re-imposed"; never "blacked-list"."""
    forms = _verb_forms("black-list")
    assert {("black", "-", "listed"), ("black", "-", "lists")} <= forms
    assert ("blacked", "-", "list") not in forms
    assert ("re", "-", "imposed") in _verb_forms("re-impose")
    coded = coded_pairs("The European Union black-listed two Syrian ministers.")
    assert ("EU", "sanction", "SYR") in coded
    assert not coded_pairs("The band played black-listed songs.")


LIGHT_AND_NOMINAL = [
    ("Egypt signed a memorandum with Russia on nuclear cooperation.", "EGY cooperation RUS"),
    ("Iraq reached an agreement with Iran on gas imports.", "IRQ deal IRN"),
    ("Moscow clinched a $2 billion arms contract with Cairo.", "RUS deal EGY"),
    ("The European Union levied penalties on Iranian shipping firms.", "EU sanction IRN"),
    ("Washington slapped tariffs on Turkish steel.", "USA sanction TUR"),
    ("Israel launched strikes against Iranian positions in Syria.", "ISR hostility IRN"),
    ("Turkey launched an operation against the YPG.", "TUR hostility YPG"),
    ("Russia delivered air defence systems to Syria.", "RUS support SYR"),
    ("Iran supplied weapons to the Houthis.", "IRN support HOUTHIS"),
    ("Saudi Arabia pledged support for the Yemeni government.", "SAU support YEM"),
    ("Tehran accused Riyadh of funding terrorism.", "IRN hostility SAU"),
    ("Russia warned Israel against further strikes in Syria.", "RUS hostility ISR"),
    ("Iran vowed retaliation against Israel.", "IRN hostility ISR"),
    ("The Saudi-led coalition bombed Houthi positions.", "SAU hostility HOUTHIS"),
    ("Russia's support for Assad was decisive.", "RUS support SYR"),
    ("Sanctions on Iran by the United States hit its oil exports.", "USA sanction IRN"),
    ("The Russia-Turkey pipeline deal angered Washington.", "RUS deal TUR"),
    ("Turkey's purchase of the S-400 from Russia angered Washington.", "TUR deal RUS"),
    ("The Houthis, backed by Iran, control Sanaa.", "IRN support HOUTHIS"),
    ("The United States designated Hezbollah a terrorist organisation.", "USA sanction HEZBOLLAH"),
    ("Putin threw his weight behind Maduro.", "RUS support VEN"),
    ("The UAE reopened its embassy in Damascus.", "ARE cooperation SYR"),
]


@pytest.mark.parametrize(("text", "expect"), LIGHT_AND_NOMINAL)
def test_light_verb_passive_and_nominal_forms_are_coded(text, expect):
    """The wire constructions of each family: light verbs, passives, nominalisations."""
    assert _key(expect) in coded_pairs(text), coded_pairs(text)


def test_a_list_set_off_by_including_is_the_subject():
    """ "Gulf allies of Saudi Arabia, including the UAE and Bahrain, sided with Riyadh"."""
    got = coded_pairs(
        "Several Gulf allies of Saudi Arabia, including the United Arab Emirates and Bahrain, "
        "sided with Riyadh."
    )
    assert {("ARE", "support", "SAU"), ("BHR", "support", "SAU")} <= got


def test_an_apposition_with_a_demonym_relational_noun_relates_its_head():
    """ "Japan and South Korea, close U.S. allies": both are allied with the United States."""
    got = coded_pairs("Japan and South Korea, close U.S. allies, had already cut their imports.")
    assert {_key("JPN alliance USA"), _key("KOR alliance USA")} <= got


def test_a_comma_and_before_a_new_subject_ends_the_target_list():
    """ "halted arms exports to Turkey, and the European Union has threatened": not the EU."""
    got = coded_pairs(
        "Germany has halted arms exports to Turkey, and the European Union has threatened "
        "further measures."
    )
    assert ("DEU", "sanction", "TUR") in got
    assert ("DEU", "sanction", "EU") not in got


def test_irregular_past_forms_of_family_phrases_are_coded():
    """ "has drawn closer to", "found common cause with": generated from the base forms."""
    assert _key("RUS cooperation TUR") in coded_pairs(
        "Moscow has drawn closer to Ankara since the coup attempt."
    )
    assert _key("IRN cooperation IND") in coded_pairs(
        "Iran found common cause with India against the militants."
    )


def test_intelligence_provided_to_a_client_is_support_not_information_sharing():
    """ "provide the Iraqi army with intelligence" is aid (CAMEO 07); only "share/exchange ...
    with" is the cooperation light verb of information sharing."""
    got = coded_pairs(
        "Washington and London provide the Iraqi army with intelligence and training."
    )
    assert {("USA", "support", "IRQ"), ("GBR", "support", "IRQ")} <= got
    assert not any(kind == "cooperation" for _, kind, _ in got), got


def test_an_accusation_of_cosying_up_relates_no_accuser_to_the_third_state():
    """ "accused Doha of cosying up to Tehran": the accusers are no partners of Tehran."""
    got = coded_pairs("Riyadh accused Doha of cosying up to Tehran.")
    assert not any({actor, target} == {"SAU", "IRN"} for actor, _, target in got), got


def test_fallback_codes_a_polarity_word_no_pattern_read_at_low_confidence():
    """ "clashed ... with" past an adjunct: no pattern matches, the fallback does, at <= 0.35."""
    events = CODER.code_text(
        "Turkey clashed repeatedly over the weekend with Syrian government forces."
    )
    assert [e.rule for e in events] == ["fallback.hostility.clash"]
    assert events[0].confidence <= FALLBACK_CONFIDENCE <= 0.4
    assert (events[0].actors, events[0].targets) == (("TUR",), ("SYR",))


def test_fallback_reads_from_as_the_other_end_of_support():
    """ "survived on funding from Tehran": Tehran supports the receiver ("depended on funding
    from" is a light construction of `support.material` since round 8)."""
    events = CODER.code_text("Hezbollah has long survived on funding from Tehran.")

    assert [(e.rule, e.actors, e.targets) for e in events] == [
        ("fallback.support.material", ("IRN",), ("HEZBOLLAH",))
    ]


def test_fallback_reads_from_after_a_shielding_verb_as_the_threat():
    """ "vowed to shield their banks from U.S. penalties": Washington supports nobody here."""
    events = CODER.code_text("German officials vowed to shield their banks from U.S. penalties.")
    assert not any(e.kind == "support" for e in events)


def test_fallback_needs_two_actors():
    """One actor and a polarity word is no relation."""
    assert CODER.code_text("Turkey clashed repeatedly over the weekend with local gangs.") == []


def test_fallback_reads_no_object_after_an_object_relative_clause():
    """ "officers, whom it accused of acting on behalf of Saudi Arabia": the accused are the
    antecedent, and the party an act is done on behalf of is not its target."""
    assert (
        CODER.code_text(
            "Baghdad said the bombers were sent by exiled officers, whom it accused of acting "
            "on behalf of Saudi Arabia."
        )
        == []
    )


def test_fallback_adds_nothing_where_a_pattern_coded_the_pair():
    """A pattern's event for the pair leaves the fallback silent."""
    events = CODER.code_text("Iran condemned the United States and clashed with Washington.")
    assert all(not e.rule.startswith("fallback.") for e in events)


def test_a_relation_only_the_fallback_found_stays_below_the_ceiling():
    """However often it recurs, a fallback-only relation stays at confidence <= 0.4 (so it is
    held back for review, below the draft's floor)."""
    text = (
        "Fighting flares again near the border\n"
        "ANKARA, May 1, 2019 (Reuters) - Turkey clashed repeatedly over the weekend with Syrian "
        "government forces. Turkey clashed again on Monday near the border with Syrian "
        "government forces. Turkey clashed once more on Tuesday in Idlib with Syrian government "
        "forces.\n"
    )
    relations = [r for r, _ in draft_bytes(text.encode()).held_back]
    hostile = [r for r in relations if r.kind.value == "hostility"]
    assert hostile and all(r.confidence <= FALLBACK_CEILING for r in hostile)
    assert all("fallback" in r.note for r in hostile)


def test_a_family_with_an_unknown_kind_is_a_clear_error(tmp_path):
    """families.toml is data: a bad kind names the file and the family."""
    folder = tmp_path / "dicts"
    shutil.copytree(DICTIONARY_DIR, folder)
    (folder / "families.toml").write_text(
        '[[families]]\nid = "oops"\nkind = "friendship"\nverbs = ["befriend"]\n', "utf-8"
    )
    with pytest.raises(DictionaryError, match=r"families\.toml: oops\.kind"):
        load_dictionaries(folder)


def test_a_family_test_with_an_unknown_form_is_a_clear_error(tmp_path):
    """A family test must say which form it exercises: verb or noun."""
    folder = tmp_path / "dicts"
    shutil.copytree(DICTIONARY_DIR, folder)
    (folder / "families.toml").write_text(
        '[[families]]\nid = "x"\nkind = "support"\nverbs = ["back"]\n'
        '[[families.tests]]\nform = "adverb"\ntext = "A backs B."\nexpect = []\n',
        "utf-8",
    )
    with pytest.raises(DictionaryError, match=r"families\.toml: x\.tests\[0\]\.form"):
        load_dictionaries(folder)


def test_irregular_past_forms_of_family_verbs_are_generated():
    """ "withheld aid", "underwrote the budget", "got funding": the irregular table covers them."""
    assert ("withheld", "aid", "to") in _verb_forms("withhold aid to")
    assert ("underwrote",) in _verb_forms("underwrite")
    assert ("got",) in _verb_forms("get")
    assert ("laid", "siege", "to") in _verb_forms("lay siege to")
    assert {("drew",), ("drawn",)} <= _verb_forms("draw")
    assert {("grew",), ("grown",)} <= _verb_forms("grow")
    assert ("found", "common", "cause", "with") in _verb_forms("find common cause with")
    assert ("broke", "off", "ties", "with") in _verb_forms("break off ties with")


# Triggers read in real wire copy (round 7), in sentences of our own with other actors:
# each positive names what must be coded, each negative what must not.
REAL_TEXT_TRIGGERS = [
    ("Egyptian troops eliminated 40 Islamic State fighters in Sinai.", "EGY hostility ISIS", True),
    ("Turkish forces neutralised 30 PKK militants near the border.", "TUR hostility PKK", True),
    ("The new deal will eliminate tariffs on Mexican cars.", "USA hostility MEX", False),
    ("Washington denied aid to Amman after the vote.", "USA sanction JOR", True),
    ("Berlin refused economic aid to Belgrade.", "DEU sanction SRB", True),
    ("Berlin refused economic aid to Belgrade.", "DEU support SRB", False),
    ("Amman denied reports that it received aid from Riyadh.", "JOR sanction SAU", False),
    ("The White House is unleashing new sanctions against Caracas.", "USA sanction VEN", True),
    ("Moscow has cut deliveries of fuel to Minsk in past disputes.", "RUS sanction BLR", True),
    ("Moscow has cut deliveries of fuel to Minsk in past disputes.", "RUS deal BLR", False),
    ("Moscow rushed weapons to Damascus.", "RUS support SYR", True),
    ("Paris rushed through arms sales to Doha.", "FRA deal QAT", True),
    ("Paris rushed through arms sales to Doha.", "FRA support QAT", False),
    ("Oman has been warming up to Iran.", "OMN cooperation IRN", True),
    ("Kiev sought help from Washington.", "UKR cooperation USA", True),
    ("Paris said it acted in concert with Berlin.", "FRA cooperation DEU", True),
    ("Paris said it acted in concert with Berlin.", "FRA hostility DEU", False),
    (
        "Kuwait and Oman cut diplomatic relations and all land, sea and air links with Jordan.",
        "KWT sanction JOR",
        True,
    ),
]


@pytest.mark.parametrize(("text", "expect", "coded"), REAL_TEXT_TRIGGERS)
def test_wire_triggers_from_real_copy_are_read(text, expect, coded):
    """Verbs and phrases real journalists use (round 7 error analysis) code their relation,
    and the idioms that share their words do not."""
    assert (_key(expect) in coded_pairs(text)) is coded, coded_pairs(text)


def test_a_prefixed_irregular_verb_keeps_its_irregular_forms():
    """ "retook Aleppo", "withheld", "resold": the prefix does not make the verb regular."""
    assert ("retook",) in _verb_forms("retake")
    assert ("resold",) in _verb_forms("resell")
    assert ("rebelled",) in _verb_forms("rebel")  # its own entry, not re + "bel"
    assert _key("SYR hostility SYR_OPP") in coded_pairs("Damascus retook Aleppo from the rebels.")


def test_an_adverb_of_manner_may_split_a_verb_phrase():
    """ "intervened militarily on the side of Assad" is "intervene on the side of"."""
    assert ("intervened", "militarily", "on", "the", "side", "of") in _verb_forms(
        "intervene on the side of"
    )
    assert _key("RUS support SYR") in coded_pairs(
        "The Kremlin intervened militarily on the side of Assad in 2015."
    )


def test_an_inverse_light_verb_takes_its_source_after_from():
    """ "received $1 billion in aid from Saudi Arabia": the giver is the source."""
    inverse = [p for p in DICTS.patterns if p.id.startswith("family.") and p.inverse]
    assert inverse, "families.toml: a light table with inverse = true"
    got = coded_pairs("Jordan received $1 billion in aid from Saudi Arabia last year.")
    assert ("SAU", "support", "JOR") in got
    assert ("JOR", "support", "SAU") not in got


WIRE_IDIOMS_THAT_ARE_NO_RELATION = [
    "Saudi Arabia shelled out $100 billion for American weapons.",
    "The talks with Iran bought time for Europe.",
    "Tickets for the Moscow concert sold out within hours.",
    "The court dismissed the charges against the journalist.",
    "The ministry promised to help farmers after the floods.",
    "Russia has a stake in Syria's future, the minister said.",
    "The minister spoke by phone with reporters.",
]


@pytest.mark.parametrize("text", WIRE_IDIOMS_THAT_ARE_NO_RELATION)
def test_wire_idioms_built_on_family_words_code_nothing(text):
    """Idioms that share a family word ("shelled out", "bought time") are no relation."""
    assert coded_pairs(text) == set()


def test_a_plural_noun_that_looks_like_a_verb_is_no_clash():
    """ "to avoid direct clashes": "clashes" is a noun here, so only the hotline is coded."""
    got = coded_pairs("Russia and Israel set up a hotline to avoid direct clashes over Syria.")
    assert got == {_key("ISR cooperation RUS")}


def test_a_deal_noun_alone_pairs_no_coordinated_subjects():
    """ "A and B kept buying crude under long-term contracts" or "A and B, the accord's other
    signatories" name no deal between A and B (`noun_needs_target`); a hyphenated pair before
    the noun still names both parties."""
    for text, pair in (
        (
            "Gazprom and Rosneft have continued to lift Kazakh crude under long-term contracts.",
            {"GAZPROM", "ROSNEFT"},
        ),
        (
            "Paris is working with Germany and Britain, the accord's other signatories, on a plan.",
            {"DEU", "GBR"},
        ),
    ):
        assert pair not in [{a, t} for a, _, t in coded_pairs(text)], text
    assert ("EGY", "deal", "SAU") in coded_pairs("The Egypt-Saudi Arabia gas deal was signed.")


# Round 8: the lexicon must read a verb in every form a journalist writes it, not one phrase.
# Each verb is written in its base, -s, past, -ing, perfect progressive, adverb-split, modal and
# passive forms, in sentences of our own with other actors.
FORM_FRAMES = (
    "{a} {s} {b}.",
    "{a} {past} {b} in March.",
    "{a} is {ing} {b}.",
    "{a} has been {ing} {b} for months.",
    "{a} quietly {past} {b}.",
    "{a} has long {part} {b}.",
    "{a} will {base} {b}.",
)
PASSIVE_FRAME = "{b} was {part} by {a}."

VERBS_IN_EVERY_FORM = [
    # kind, base, -s, past, participle, -ing, passive frame applies
    ("support", "back", "backs", "backed", "backed", "backing", True),
    ("support", "arm", "arms", "armed", "armed", "arming", True),
    ("support", "fund", "funds", "funded", "funded", "funding", True),
    ("support", "bankroll", "bankrolls", "bankrolled", "bankrolled", "bankrolling", True),
    ("support", "side with", "sides with", "sided with", "sided with", "siding with", False),
    ("sanction", "sanction", "sanctions", "sanctioned", "sanctioned", "sanctioning", True),
    ("sanction", "blacklist", "blacklists", "blacklisted", "blacklisted", "blacklisting", True),
    (
        "sanction",
        "cut ties with",
        "cuts ties with",
        "cut ties with",
        "cut ties with",
        "cutting ties with",
        False,
    ),
    ("hostility", "attack", "attacks", "attacked", "attacked", "attacking", True),
    ("hostility", "bomb", "bombs", "bombed", "bombed", "bombing", True),
    ("hostility", "strike", "strikes", "struck", "struck", "striking", True),
    ("hostility", "condemn", "condemns", "condemned", "condemned", "condemning", True),
    (
        "hostility",
        "trade fire with",
        "trades fire with",
        "traded fire with",
        "traded fire with",
        "trading fire with",
        False,
    ),
    ("alliance", "ally with", "allies with", "allied with", "allied with", "allying with", False),
]


def _form_cases():
    for kind, base, s, past, part, ing, passive in VERBS_IN_EVERY_FORM:
        frames = FORM_FRAMES + ((PASSIVE_FRAME,) if passive else ())
        for frame in frames:
            text = frame.format(
                a="Norway", b="Finland", base=base, s=s, past=past, part=part, ing=ing
            )
            yield pytest.param(text, f"NOR {kind} FIN", id=text)


@pytest.mark.parametrize(("text", "expect"), list(_form_cases()))
def test_a_scored_verb_is_read_in_every_form(text, expect):
    """Base, -s, past, -ing, "has been -ing", an adverb before it, a modal, the passive with
    "by": each form codes the same relation."""
    assert _key(expect) in coded_pairs(text), coded_pairs(text)


# Nominalisations and synonyms journalists alternate with the verbs above, and the idioms
# sharing their words that must code nothing of that kind.
NOMINAL_AND_SYNONYM_FORMS = [
    ("Norway's backing of Finland angered the junta's critics.", "NOR support FIN", True),
    ("Norway's supply of drones to Finland worried Paris.", "NOR deal FIN", True),
    ("Norway's purchase of grain from Finland rose.", "NOR deal FIN", True),
    ("Norway imposed an embargo on Finland.", "NOR sanction FIN", True),
    (
        "The imposition of sanctions on Finland by Norway hurt its exports.",
        "NOR sanction FIN",
        True,
    ),
    ("Norwegian strikes on Finland killed ten.", "NOR hostility FIN", True),
    ("Norway's alliance with Finland is decades old.", "FIN alliance NOR", True),
    ("Norway is allied to Finland.", "FIN alliance NOR", True),
    ("Norway, closely allied to Finland, abstained.", "FIN alliance NOR", True),
    ("Norway was the first ally to criticise Finland.", "FIN alliance NOR", False),
    ("Norway signed a mutual defence treaty with Finland.", "FIN alliance NOR", True),
    ("Norway signed a mutual defence treaty with Finland.", "FIN cooperation NOR", False),
    ("Norway inked a trade pact with Finland.", "FIN alliance NOR", False),
    ("Norway sided squarely with Finland.", "NOR support FIN", True),
    ("Norway continues to push back on Finland's demands.", "NOR hostility FIN", True),
    ("Norwegian and Swedish troops traded fire along the border.", "NOR hostility SWE", True),
    ("Norwegian and Swedish troops traded fire along the border.", "NOR cooperation SWE", False),
    ("Norway trades fish with Finland.", "FIN hostility NOR", False),
    ("Norway deployed jets in defence of Finland.", "NOR support FIN", True),
    ("Finnish troops fought Sweden with the support of Norway.", "FIN support NOR", False),
    ("Norway has given Finland crucial support.", "NOR support FIN", True),
    ("Norway placed an order for fighter jets with Finland.", "NOR deal FIN", True),
]


@pytest.mark.parametrize(("text", "expect", "coded"), NOMINAL_AND_SYNONYM_FORMS)
def test_nominalisations_and_synonyms_of_scored_verbs_are_read(text, expect, coded):
    """ "the supply of ... to", "its backing of", "an embargo on", "strikes on", "allied to",
    "traded fire with" code their relation; "the first ally to", "trades fish with" do not
    code what the shared word suggests."""
    assert (_key(expect) in coded_pairs(text)) is coded, coded_pairs(text)
