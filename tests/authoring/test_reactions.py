"""Reactions to acts named earlier: the act register, references ("the decision", "the
strikes") resolved to the act's makers, and evaluations of a referred act."""

from __future__ import annotations

import pytest

from game.authoring.coder import Coder
from game.authoring.reactions import REFERENCE_PENALTY, load_lexicon

CODER = Coder()


def _relations(text: str) -> set[tuple[str, str, str]]:
    return {(e.kind, a, t) for e in CODER.code_text(text) for a, t in e.pairs()}


def _reactions(text: str) -> set[tuple[str, str, str]]:
    """Only the hostility and support relations (what a reaction codes)."""
    return {r for r in _relations(text) if r[0] in ("hostility", "support")}


# -- references resolve to the maker of the act named earlier -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An act the coder codes no relation for (a recognition) still has a maker.
        (
            "Russia recognised the independence of two breakaway regions on Monday. "
            "Georgia rejected the decision.",
            ("hostility", "GEO", "RUS"),
        ),
        (
            "Britain designated the group a terrorist organisation. Lebanon criticised the move.",
            ("hostility", "LBN", "GBR"),
        ),
        (
            "France withdrew its troops from Mali last year. Algeria welcomed the withdrawal.",
            ("support", "DZA", "FRA"),
        ),
        # "this week's strikes": a time before the noun makes it definite.
        (
            "Turkey launched air strikes on Kurdish militants in northern Iraq. "
            "Baghdad condemned this week's strikes.",
            ("hostility", "IRQ", "TUR"),
        ),
    ],
)
def test_reference_to_an_act_names_its_maker(text, expected):
    """ "X rejected the decision" after "Y decided ..." relates X to Y."""
    assert expected in _reactions(text)


def test_act_introduced_as_an_indefinite_object_has_its_subject_as_maker():
    """ "Russia began a new offensive" registers an offensive by Russia; "hosted a summit" a
    gathering by the host, which "condemned the summit" then names."""
    text = "Russia began a new offensive in the north. Turkey criticised the offensive."
    assert ("hostility", "TUR", "RUS") in _reactions(text)
    text = "Egypt convened a summit on Libya on Sunday. Qatar backed the summit."
    assert ("support", "QAT", "EGY") in _reactions(text)


@pytest.mark.parametrize(
    "text",
    [
        # "a mistake", "in a move": no act is done by the subject.
        "Japan called it a mistake. Korea condemned the move.",
        "In a move that surprised analysts, markets fell. Korea condemned the move.",
        "Japan is a close partner of the alliance. Korea condemned the move.",
    ],
)
def test_indefinite_noun_without_an_act_registers_nothing(text):
    assert not {r for r in _reactions(text) if r[1] == "KOR"}


def test_reference_prefers_the_lead_act_over_background():
    """A reaction paragraph after background sentences still names the lead's maker: the
    background act in a relative clause ("which has carried out its own raids") is no
    candidate, so Qatar's support goes to Britain, not to Egypt."""
    text = (
        "Britain struck militant camps in Libya on Friday. "
        "Egypt, which has carried out its own raids in Libya, said little. "
        "Qatar backed the strikes."
    )
    found = _reactions(text)
    assert ("support", "QAT", "GBR") in found
    assert ("support", "QAT", "EGY") not in found


def test_main_clause_act_of_the_lead_is_the_one_referred_to():
    """In "X did A after Y did B", "the move" is X's act, the main clause's."""
    text = (
        "Japan launched a new payment channel for trade with India after China imposed "
        "tariffs on Indian goods. Pakistan welcomed the move."
    )
    found = _reactions(text)
    assert ("support", "PAK", "JPN") in found
    assert ("support", "PAK", "CHN") not in found


def test_resolved_reaction_is_less_confident_than_a_named_one():
    """A target found through a reference loses `REFERENCE_PENALTY` of confidence."""
    named = CODER.code_text("Germany rejected the decision by Russia to close the border.")
    resolved = CODER.code_text(
        "Russia decided to close the border on Monday. Germany rejected the decision."
    )
    named_conf = next(e.confidence for e in named if e.kind == "hostility")
    resolved_conf = next(e.confidence for e in resolved if e.kind == "hostility")
    assert resolved_conf == pytest.approx(named_conf - REFERENCE_PENALTY)


# -- what must not be coded ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # The reacting actor made the act itself.
        "Russia recognised the two regions. Russia defended the decision.",
        "Russia recognised the two regions. Moscow hailed the decision as historic.",
        # Nothing done: a threat or an appeal is no act a reference can name.
        "China threatened to impose tariffs on Australian goods. Japan criticised the move.",
        "Hamas called for strikes on Israel. Jordan condemned the strikes.",
        # Negated, hedged or quoted acts.
        "India did not recognise the new government. Pakistan welcomed the decision.",
        '"Iran has launched an attack on our oil fields," Pompeo said. '
        "Kuwait condemned the attack.",
        # A dateline's city is no maker of the act after the dash.
        "RIYADH, May 2 (Reuters) - Drone strikes hit two pumping stations. "
        "Bahrain condemned the strikes.",
        # The reaction is denied.
        "Russia recognised the two regions. Germany did not reject the decision.",
        # A modifier the act does not match ("the drone attack" after missile fire).
        "Hezbollah fired missiles at an army post on Sunday. Lebanon condemned the drone attack.",
        # Too far back: the lead is not reached through an unrelated long story.
        "Analysts condemned the move.",
    ],
)
def test_no_reaction_without_a_clear_act_by_another_actor(text):
    found = _reactions(text)
    assert not {r for r in found if r[1] in ("GEO", "JPN", "JOR", "PAK", "KWT", "BHR", "DEU")}, (
        found
    )
    assert not {r for r in found if r[1] == "RUS" and r[2] == "RUS"}
    assert ("hostility", "LBN", "HEZBOLLAH") not in found


def test_reference_reaches_back_only_so_far():
    """An act more than fifteen sentences back is no longer referred to."""
    filler = " ".join("Markets were calm on the day." for _ in range(16))
    text = f"Russia recognised the two regions. {filler} Georgia rejected the decision."
    assert ("hostility", "GEO", "RUS") not in _reactions(text)


# -- evaluations of a referred act ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China imposed tariffs on Australian wine. Canberra called the measures "
            "unjustified and irresponsible.",
            ("hostility", "AUS", "CHN"),
        ),
        (
            "Israel struck targets near Damascus overnight. Egypt described the strikes as "
            "a flagrant violation of Syrian sovereignty.",
            ("hostility", "EGY", "ISR"),
        ),
        (
            "France deployed troops to Mali on Monday. Algeria said the move was illegal.",
            ("hostility", "DZA", "FRA"),
        ),
        (
            "Russia decided to close the border on Monday. Finland said the decision "
            "violated international agreements.",
            ("hostility", "FIN", "RUS"),
        ),
        (
            "Britain struck militant camps in Libya on Friday. Italy said the strikes were "
            "necessary and proportionate.",
            ("support", "ITA", "GBR"),
        ),
        # A maker named in the reference itself.
        (
            "Spain said the U.S. decision was a grave mistake.",
            ("hostility", "ESP", "USA"),
        ),
    ],
)
def test_evaluation_of_a_referred_act(text, expected):
    """ "called the decision unjustified", "said the strikes were necessary": the
    evaluator turns against, or to the side of, the act's maker."""
    assert expected in _reactions(text)


def test_evaluator_past_a_relative_clause_is_the_sentence_subject():
    """ "Jordan, which buys arms from Russia but hosts U.S. troops, said the strikes were
    justified": Jordan speaks, though the relative clause hides it from the speaker finder."""
    text = (
        "Britain struck militant camps in Libya on Friday. Jordan, which buys arms from Russia "
        "but hosts American troops, said the strikes were justified."
    )
    assert ("support", "JOR", "GBR") in _reactions(text)
    assert not {r for r in _reactions(text) if r[1] in ("RUS", "USA")}


@pytest.mark.parametrize(
    "text",
    [
        # Not an evaluation, or a negated one.
        "Britain struck militant camps in Libya on Friday. Italy said the strikes were not "
        "justified.",
        "Britain struck militant camps in Libya on Friday. Italy said the strikes were "
        "carried out at night.",
        # No speaker: an article's own description is nobody's reaction.
        "Britain struck militant camps in Libya on Friday. The strikes were illegal under "
        "some readings of the law.",
        "Britain struck militant camps in Libya on Friday. Italy did not call the strikes illegal.",
        # "called for" is an appeal, not an evaluation.
        "Britain struck militant camps in Libya on Friday. Italy called for the strikes to "
        "stop being dangerous.",
    ],
)
def test_no_evaluation_where_none_is_stated(text):
    assert not {r for r in _reactions(text) if r[1] == "ITA"}


def test_lexicon_is_read_from_the_reactions_section():
    """The section in reactions.toml fills every list the module reads."""
    lex = load_lexicon()
    assert lex.nouns[("decision",)] == frozenset({"act"})
    assert ("recognised",) in lex.verbs
    assert ("pulled", "out") in lex.verbs
    assert ("called",) in lex.call
    assert ("illegal",) in lex.hostile
    assert ("violated",) in lex.hostile_predicate


# -- reactions with no object ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Australia imposed sanctions on Chinese firms. Beijing lodged a formal protest.",
            ("hostility", "CHN", "AUS"),
        ),
        # The act hit the Guards; Tehran, their parent, answers it.
        (
            "The United States designated the Revolutionary Guards a terrorist group. "
            "Tehran hit back, declaring U.S. forces in the region terrorists.",
            ("hostility", "IRN", "USA"),
        ),
    ],
)
def test_reaction_without_object_answers_the_act_done_to_the_reactor(text, expected):
    assert expected in _reactions(text)


@pytest.mark.parametrize(
    "text",
    [
        # Japan was not the act's target: its protest names no one.
        "Australia imposed sanctions on Chinese firms. Japan lodged a formal protest.",
        "Students protested in Tokyo.",
        "Australia imposed sanctions on Chinese firms. Japan did not protest.",
        # The act is too far back.
        "Australia imposed sanctions on Chinese firms. Markets fell. Trade slowed. "
        "Shipping stopped. Japan protested.",
        # Ends the text: no token after the phrase.
        "Australia imposed sanctions on Chinese firms. Japan hit back",
    ],
)
def test_no_reaction_without_object_when_no_act_was_done_to_the_reactor(text):
    assert not {r for r in _reactions(text) if r[1] == "JPN"}


def test_reaction_leaves_the_act_in_its_object_coded():
    """ "opposed U.S. sanctions on Chinese firms": the opposition and the sanctions both."""
    events = CODER.code_text("Beijing firmly opposed U.S. sanctions on Chinese firms.")
    pairs = {(e.kind, pair) for e in events for pair in e.pairs()}
    assert ("hostility", ("CHN", "USA")) in pairs
    assert ("sanction", ("USA", "CHN")) in pairs


def test_reference_naming_its_maker_after_by_evaluates_that_maker():
    """ "said the attacks by Turkish forces were unacceptable": the maker is named after
    "by"; the act of the sentence before (Israel's strikes) is another one."""
    text = (
        "Israeli jets struck Damascus on Monday. Egypt said the attacks by Turkish forces on "
        "civilians were unacceptable."
    )
    relations = _reactions(text)
    assert ("hostility", "EGY", "TUR") in relations
    assert ("hostility", "EGY", "ISR") not in relations


def test_reference_naming_an_unknown_maker_after_by_evaluates_no_earlier_act():
    """ "the attacks by militants" names a maker the dictionaries do not know: no relation
    with the maker of an earlier act is guessed."""
    text = (
        "Israeli jets struck Damascus on Monday. Egypt said the attacks by militants on "
        "civilians were unacceptable."
    )
    assert not {r for r in _reactions(text) if r[1] == "EGY"}


def test_retaliation_on_a_condition_does_not_answer_an_earlier_act():
    """ "would retaliate if Athens blocked the sale": not an answer to the attack
    reported before; without a condition naming someone it still is."""
    earlier = "The PKK attacked Turkish troops on Monday. "
    conditional = _relations(earlier + "Ankara said it would retaliate if Athens blocked the sale.")
    assert ("hostility", "TUR", "PKK") not in conditional
    plain = _relations(earlier + "Ankara vowed to retaliate.")
    assert ("hostility", "TUR", "PKK") in plain


def test_street_protests_in_a_capital_are_no_reaction_of_its_state():
    """ "signed a gas deal with Egypt, which set off protests in Beirut": the protesters are
    Lebanese people, not the Lebanese government."""
    text = "Israel signed a gas deal with Egypt, a contract that set off protests in Beirut."
    assert not any(kind == "hostility" and a == "LBN" for kind, a, _ in _relations(text))


def test_outrage_in_a_capital_is_still_its_state_reaction():
    """ "sparking outrage in Ankara": the capital stands for the Turkish government."""
    text = "Washington recognised the Kurdish vote, sparking outrage in Ankara."
    assert ("hostility", "TUR", "USA") in _relations(text)
