"""The checker, one class of problem per test: each asserts the line, the key path and the message.

Every test breaks the small valid scenario in `scenario_samples.BASE` in one way.
"""

from __future__ import annotations

import pytest
from scenario_samples import BASE, at, broken, check, errors, line_of, warnings

from game.scenario.check import MAX_BYTES, Severity, check_bytes, check_file, check_text


def test_base_scenario_is_clean() -> None:
    """The sample every other test breaks has no diagnostics at all."""
    assert check(BASE) == []


# -- reading the file -------------------------------------------------------------------------


def test_toml_syntax_error_reports_tomllib_line() -> None:
    """A TOML syntax error is one diagnostic on the line tomllib names."""
    text = broken('name = "Syria"', "name = Syria")
    (diagnostic,) = check(text)
    assert diagnostic.line == line_of(text, "name = Syria")
    assert diagnostic.path == ""
    assert diagnostic.message.startswith("invalid TOML: Invalid value")
    assert diagnostic.format().startswith(f"s.toml:{diagnostic.line}: invalid TOML")


def test_empty_file_reports_missing_meta() -> None:
    """An empty file is valid TOML with no [meta]: one error, not a traceback."""
    (diagnostic,) = errors("")
    assert (diagnostic.line, diagnostic.path) == (1, "meta")
    assert diagnostic.message == "missing key 'meta'"


def test_not_utf8_reports_the_line_of_the_bad_byte() -> None:
    """Bytes that are not UTF-8 are reported at the line holding the first bad byte."""
    data = BASE.encode().replace(b'"Syria"', b'"Syr\xe9a"')
    (diagnostic,) = check_bytes(data, "s.toml")
    assert diagnostic.line == line_of(BASE, '"Syria"')
    assert "not UTF-8" in diagnostic.message


def test_binary_garbage_is_a_diagnostic() -> None:
    """A binary file is reported, never raised."""
    (diagnostic,) = check_bytes(bytes(range(256)) * 4, "s.bin")
    assert diagnostic.severity is Severity.ERROR


def test_file_over_the_size_limit_is_refused(tmp_path) -> None:
    """A file larger than MAX_BYTES is refused before it is parsed."""
    big = tmp_path / "big.toml"
    big.write_bytes(b"# x\n" * (MAX_BYTES // 4 + 1))
    (diagnostic,) = check_file(big)
    assert diagnostic.message.startswith("file too large")
    assert diagnostic.line == 1


def test_deep_nesting_is_a_diagnostic() -> None:
    """Arrays nested deeper than tomllib can read give a diagnostic (tomllib recurses)."""
    (diagnostic,) = check("x = " + "[" * 5000 + "]" * 5000)
    assert "nested too deeply" in diagnostic.message


def test_huge_integer_in_a_float_field() -> None:
    """An integer too large for a float is a type error on its key."""
    text = broken("strength = 0.9", "strength = " + "9" * 400)
    diagnostic = at(errors(text), "relations[0].strength")
    assert diagnostic.line == line_of(text, "strength = 9")
    assert diagnostic.expected == "a number of reasonable size"


def test_integer_too_long_for_python_is_a_diagnostic() -> None:
    """An integer with more digits than Python converts is reported on its line."""
    text = broken("strength = 0.9", "strength = " + "9" * 5000)
    (diagnostic,) = check(text)
    assert diagnostic.line == line_of(text, "strength = 9")


def test_huge_integer_in_an_int_field_is_out_of_range() -> None:
    """turn_limit = 10**400 is out of range, and says which range."""
    text = broken("turn_limit = 12", "turn_limit = 1" + "0" * 400)
    diagnostic = at(errors(text), "meta.turn_limit")
    assert diagnostic.message == "out of range: a 401-digit integer"
    assert diagnostic.expected == "a number from 1 to 600"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_nan_and_infinity_are_out_of_range(value: str) -> None:
    """TOML's nan and inf are numbers, but never in range."""
    text = broken("strength = 0.9", f"strength = {value}")
    diagnostic = at(errors(text), "relations[0].strength")
    assert diagnostic.message.startswith("out of range")
    assert diagnostic.expected == "a number from 0 to 1"


# -- shape ------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_close_one() -> None:
    """A misspelt key is unknown, with a did-you-mean."""
    text = broken("strength = 0.9", "strenght = 0.9")
    diagnostic = at(errors(text), "relations[0].strenght")
    assert diagnostic.line == line_of(text, "strenght")
    assert diagnostic.message == "unknown key 'strenght'"
    assert diagnostic.expected.startswith("did you mean 'strength'?")


def test_unknown_top_level_table() -> None:
    """An unknown top-level table is reported at its header."""
    text = BASE + "\n[scorin]\nviolence = 1\n"
    diagnostic = at(errors(text), "scorin")
    assert diagnostic.line == line_of(text, "[scorin]")
    assert "did you mean 'scoring'?" in diagnostic.expected


def test_missing_required_key_is_reported_at_its_table() -> None:
    """A missing required key is reported at the line of its table's header."""
    text = broken('id = "SYR"\nname = "Syria"\n', 'id = "SYR"\n')
    diagnostic = at(errors(text), "actors[1].name")
    assert diagnostic.line == line_of(text, "[[actors]]", after='id = "RUS"')
    assert diagnostic.message == "missing key 'name'"
    assert diagnostic.expected == "a string"


@pytest.mark.parametrize(
    ("old", "new", "path", "message", "expected"),
    [
        ("turn_limit = 12", "turn_limit = 24.9", "meta.turn_limit", "24.9 (a float)", "an integer"),
        (
            "turn_limit = 12",
            "turn_limit = true",
            "meta.turn_limit",
            "True (a boolean)",
            "an integer",
        ),
        (
            "strength = 0.9",
            'strength = "0.9"',
            "relations[0].strength",
            "'0.9' (a string)",
            "a number",
        ),
        (
            "strength = 0.9",
            "strength = false",
            "relations[0].strength",
            "False (a boolean)",
            "a number",
        ),
        (
            'parties = ["RUS", "SYR"]',
            'parties = "RUS"',
            "agreements[0].parties",
            "'RUS' (a string)",
            "an array of strings",
        ),
        (
            "playable = true",
            'playable = "yes"',
            "actors[0].playable",
            "'yes' (a string)",
            "true or false",
        ),
        (
            "start = 2017-11-01",
            'start = "2017-11-01"',
            "meta.start",
            "'2017-11-01' (a string)",
            "a date such as 2017-11-18 (no quotes, no time)",
        ),
        (
            "start = 2017-11-01",
            "start = 2017-11-01T10:00:00",
            "meta.start",
            "2017-11-01 10:00:00 (a date-time)",
            "a date such as 2017-11-18 (no quotes, no time)",
        ),
        (
            "control = { SYR = 0.4, RUS = 0.6 }",
            "control = [0.4, 0.6]",
            "theatres[0].control",
            "an array",
            "a table of ids to numbers",
        ),
        ('name = "Syria"', "name = 3", "actors[1].name", "3 (an integer)", "a string"),
    ],
)
def test_wrong_type_is_never_coerced(old, new, path, message, expected) -> None:
    """No silent coercion: 24.9 is not an int, "0.9" is not a number, a string is not a list."""
    text = broken(old, new)
    diagnostic = at(errors(text), path)
    assert diagnostic.line == line_of(text, new)
    assert diagnostic.message == f"wrong type: {message}"
    assert diagnostic.expected == expected


def test_integer_is_accepted_where_a_number_is_expected() -> None:
    """strength = 1 is a number (ints are accepted for floats)."""
    assert check(broken("strength = 0.9", "strength = 1")) == []


def test_value_out_of_range_uses_the_model_range() -> None:
    """A capability of 190 is out of the model's 0..100 range, reported on its key."""
    text = broken("military = 90", "military = 190")
    diagnostic = at(errors(text), "actors[0].capabilities.military")
    assert diagnostic.line == line_of(text, "military = 190")
    assert diagnostic.message == "out of range: 190 (an integer)"
    assert diagnostic.expected == "a number from 0 to 100"


def test_mapping_value_out_of_range_names_the_entry() -> None:
    """A position of 2 on an issue is reported at issues[0].positions.SYR."""
    text = broken("positions = { RUS = 0.5, SYR = 1 }", "positions = { RUS = 0.5, SYR = 2 }")
    diagnostic = at(errors(text), "issues[0].positions.SYR")
    assert diagnostic.expected == "a number from -1 to 1"


def test_bad_enum_value_lists_the_allowed_ones() -> None:
    """An unknown relation kind lists every allowed kind and suggests the close one."""
    text = broken('kind = "support"', 'kind = "suport"')
    diagnostic = at(errors(text), "relations[0].kind")
    assert diagnostic.line == line_of(text, "suport")
    assert diagnostic.message == "'suport' is not a known value"
    assert diagnostic.expected == (
        "did you mean 'support'? one of: alliance, support, cooperation, deal, rivalry, "
        "hostility, sanction"
    )


def test_every_problem_is_reported_at_once() -> None:
    """Three independent problems give three diagnostics in one run."""
    text = broken("strength = 0.9", "strength = 2")
    text = broken("military = 90", "military = -1", text)
    text = broken('kind = "process"', 'kind = "pact"', text)
    assert {d.path for d in errors(text)} == {
        "relations[0].strength",
        "actors[0].capabilities.military",
        "agreements[0].kind",
    }


# -- ids and references -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "block"),
    [
        ("actors", '[[actors]]\nid = "USA"\nname = "Again"\nsource = "author"\n'),
        (
            "agreements",
            '[[agreements]]\nid = "ASTANA"\nname = "x"\nkind = "deal"\nsource = "author"\n',
        ),
        (
            "theatres",
            '[[theatres]]\nid = "IDLIB"\nname = "x"\ncountry = "SYR"\n'
            'control = { SYR = 1 }\nsource = "author"\n',
        ),
        ("issues", '[[issues]]\nid = "SETTLEMENT"\nname = "x"\nsource = "author"\n'),
        (
            "events",
            '[[events]]\nid = "SOCHI"\nname = "x"\ntrigger = { kind = "turn", turn = 2 }\n'
            'source = "author"\n',
        ),
    ],
)
def test_duplicate_ids(table: str, block: str) -> None:
    """A second record with an id already used is an error on its id, naming the first line."""
    text = BASE + "\n" + block
    index = text.count(f"[[{table}]]") - 1
    diagnostic = at(errors(text), f"{table}[{index}].id")
    assert diagnostic.line == line_of(text, "id =", after=block)
    assert diagnostic.message.startswith("duplicate")
    first = line_of(text, block.split("\n")[1])
    assert diagnostic.expected == f"a unique id (first used on line {first})"


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('actor = "RUS"\ntarget', 'actor = "RUZ"\ntarget', "relations[0].actor"),
        ('target = "SYR"', 'target = "SYX"', "relations[0].target"),
        ("strength = 0.9", 'strength = 0.9\nagreement = "JCPOA"', "relations[0].agreement"),
        ("strength = 0.9", 'strength = 0.9\ntheatre = "AFRIN"', "relations[0].theatre"),
        ('name = "Syria"', 'name = "Syria"\nparent = "RUZ"', "actors[1].parent"),
        ('parties = ["RUS", "SYR"]', 'parties = ["RUS", "SYX"]', "agreements[0].parties[1]"),
        ('host = "RUS"', 'host = "KAZ"', "agreements[0].host"),
        ('issue = "SETTLEMENT"', 'issue = "NUCLEAR"', "agreements[0].issue"),
        (
            'host = "RUS"',
            'host = "RUS"\nstances = { IRN = "withdrawn" }',
            "agreements[0].stances.IRN",
        ),
        ('country = "SYR"', 'country = "SYY"', "theatres[0].country"),
        (
            "control = { SYR = 0.4, RUS = 0.6 }",
            "control = { SYR = 0.4, RUX = 0.6 }",
            "theatres[0].control.RUX",
        ),
        ('guarantors = ["RUS"]', 'guarantors = ["IRN"]', "theatres[0].guarantors[0]"),
        ('agreement = "ASTANA"\nsource', 'agreement = "SOCHI"\nsource', "theatres[0].agreement"),
        (
            "positions = { RUS = 0.5, SYR = 1 }",
            "positions = { RUS = 0.5, IRN = 1 }",
            "issues[0].positions.IRN",
        ),
        ("salience = { RUS = 0.8 }", "salience = { TUR = 0.8 }", "issues[0].salience.TUR"),
        ('actor = "SYR"\ntheatre', 'actor = "SYX"\ntheatre', "agendas.RUS.objectives[0].actor"),
        (
            'theatre = "IDLIB"\nwant',
            'theatre = "IDLIBB"\nwant',
            "agendas.RUS.objectives[0].theatre",
        ),
        (
            'agreement = "ASTANA"\nstatus',
            'agreement = "ASTANNA"\nstatus',
            "events[0].effects[0].agreement",
        ),
        (
            'trigger = { kind = "date", date = 2017-11-18 }',
            'trigger = { kind = "violence_above", theatre = "HOMS", value = 0.5 }',
            "events[0].trigger.theatre",
        ),
    ],
)
def test_unknown_references(old: str, new: str, path: str) -> None:
    """A reference to an id that no record has is an error on the referring key."""
    text = broken(old, new)
    diagnostic = at(errors(text), path)
    changed = next(line for line in new.splitlines() if line not in old.splitlines())
    assert diagnostic.line == line_of(text, changed)
    assert diagnostic.message.startswith("unknown ")
    assert diagnostic.code == "unknown-ref"


def test_unknown_reference_suggests_a_close_id() -> None:
    """A near-miss id gets a did-you-mean."""
    text = broken('target = "SYR"', 'target = "SYRR"')
    diagnostic = at(errors(text), "relations[0].target")
    assert diagnostic.message == "unknown actor 'SYRR'"
    assert diagnostic.expected == "did you mean 'SYR'?"


def test_agenda_for_unknown_actor() -> None:
    """An agenda keyed by an id that is not an actor is an error at its table."""
    text = BASE + '\n[agendas.IRN]\nobjectives = [{ kind = "influence" }]\n'
    diagnostic = at(errors(text), "agendas.IRN")
    assert diagnostic.line == line_of(text, "[agendas.IRN]")
    assert diagnostic.message == "unknown actor 'IRN'"


def test_stance_for_actor_that_is_not_a_party() -> None:
    """A stance for a known actor outside the parties is an error."""
    text = broken('host = "RUS"', 'host = "RUS"\nstances = { USA = "decertified" }')
    diagnostic = at(errors(text), "agreements[0].stances.USA")
    assert diagnostic.message == "'USA' has a stance but is not a party"


# -- per-kind fields --------------------------------------------------------------------------


def test_control_objective_needs_actor_and_theatre() -> None:
    """A control objective without actor and theatre is two errors at the objective."""
    text = broken('actor = "SYR"\ntheatre = "IDLIB"\n', "")
    found = errors(text)
    header = line_of(text, "[[agendas.RUS.objectives]]")
    for key in ("actor", "theatre"):
        diagnostic = at(found, f"agendas.RUS.objectives[0].{key}")
        assert diagnostic.line == header
        assert diagnostic.message == f"missing key '{key}', which a 'control' objective needs"


def test_date_trigger_needs_a_date() -> None:
    """A date trigger without a date is an error at the trigger's line."""
    text = broken('trigger = { kind = "date", date = 2017-11-18 }', 'trigger = { kind = "date" }')
    diagnostic = at(errors(text), "events[0].trigger.date")
    assert diagnostic.line == line_of(text, "trigger =")
    assert diagnostic.message == "missing key 'date', which a 'date' trigger needs"


def test_effect_needs_its_fields_and_a_status_from_its_vocabulary() -> None:
    """set_agreement_status needs a status that is an agreement status."""
    text = broken('status = "active"', 'status = "decertified"')
    diagnostic = at(errors(text), "events[0].effects[0].status")
    assert diagnostic.line == line_of(text, 'status = "decertified"')
    assert diagnostic.expected.endswith("one of: proposed, planned, active, suspended, ended")


def test_field_a_kind_ignores_is_a_warning() -> None:
    """A theatre on a stability objective is ignored: a warning, not an error."""
    text = broken('kind = "control"\nactor = "SYR"\n', 'kind = "stability"\n')
    diagnostic = at(warnings(text), "agendas.RUS.objectives[0].theatre")
    assert diagnostic.message == "'theatre' is ignored by a 'stability' objective"


def test_objective_want_out_of_its_kind_range() -> None:
    """want = 2 is out of range for a control objective (a share, 0..1)."""
    text = broken("want = 1", "want = 2")
    diagnostic = at(errors(text), "agendas.RUS.objectives[0].want")
    assert diagnostic.line == line_of(text, "want = 2")
    assert diagnostic.expected == "a number from 0 to 1"


@pytest.mark.parametrize(
    ("extra", "key", "allowed"),
    [('scope = "targeted"', "scope", "sanction"), ('sector = "energy"', "sector", "deal")],
)
def test_sanction_scope_and_deal_sector_only_on_their_kinds(extra, key, allowed) -> None:
    """scope only on sanctions, sector only on deals."""
    text = broken("strength = 0.9", f"strength = 0.9\n{extra}")
    diagnostic = at(errors(text), f"relations[0].{key}")
    assert diagnostic.line == line_of(text, extra)
    assert diagnostic.message == f"'{key}' on a 'support' relation"
    assert diagnostic.expected == f"'{key}' only on {allowed} relations"


def test_relation_from_an_actor_to_itself() -> None:
    """actor == target is an error on target."""
    text = broken('target = "SYR"', 'target = "RUS"')
    diagnostic = at(errors(text), "relations[0].target")
    assert diagnostic.message == "a relation from 'RUS' to itself"


def test_control_shares_must_sum_to_one() -> None:
    """Shares of 0.4 and 0.5 sum to 0.9: an error on control."""
    text = broken("RUS = 0.6 }", "RUS = 0.5 }")
    diagnostic = at(errors(text), "theatres[0].control")
    assert diagnostic.line == line_of(text, "control =")
    assert diagnostic.message == "control shares sum to 0.9"


def test_control_shares_within_tolerance_are_fine() -> None:
    """Shares off by less than 1e-6 are accepted (thirds written as decimals)."""
    text = broken(
        "control = { SYR = 0.4, RUS = 0.6 }",
        "control = { SYR = 0.3333333, RUS = 0.3333333, USA = 0.3333334 }",
    )
    assert check(text) == []


# -- dates, agendas, parents ------------------------------------------------------------------


def test_date_trigger_before_the_start_is_an_error() -> None:
    """An event dated before [meta].start can never fire."""
    text = broken("date = 2017-11-18", "date = 2017-10-18")
    diagnostic = at(errors(text), "events[0].trigger.date")
    assert diagnostic.line == line_of(text, "date = 2017-10-18")
    assert diagnostic.message == "dated 2017-10-18, before the scenario starts (2017-11-01)"


def test_date_trigger_after_the_end_is_a_warning() -> None:
    """An event dated after the last turn is a warning (12 turns from 2017-11 end 2018-11)."""
    text = broken("date = 2017-11-18", "date = 2019-01-01")
    diagnostic = at(warnings(text), "events[0].trigger.date")
    assert "after the last turn" in diagnostic.message


def test_active_agreement_dated_after_the_start_is_a_warning() -> None:
    """An agreement already active but dated after the start is suspicious."""
    text = broken('host = "RUS"', 'host = "RUS"\ndate = 2018-01-30')
    diagnostic = at(warnings(text), "agreements[0].date")
    assert diagnostic.line == line_of(text, "date = 2018-01-30")


def test_playable_actor_without_agenda() -> None:
    """A playable actor needs an [agendas.ID] table: error on its playable key."""
    text = broken('name = "United States"', 'name = "United States"\nplayable = true')
    diagnostic = at(errors(text), "actors[2].playable")
    assert diagnostic.line == line_of(text, "playable = true", after="United States")
    assert diagnostic.message == "playable actor 'USA' has no agenda"


def test_playable_actor_without_agenda_when_no_agendas_table_exists() -> None:
    """With no [agendas] at all, every playable actor is still reported as lacking one."""
    text = (
        '[meta]\nid = "x"\ntitle = "X"\nstart = 2017-11-01\n\n'
        '[[actors]]\nid = "RUS"\nname = "Russia"\nplayable = true\nsource = "author"\n'
    )
    diagnostic = at(errors(text), "actors[0].playable")
    assert diagnostic.line == line_of(text, "playable = true")
    assert diagnostic.message == "playable actor 'RUS' has no agenda"


def test_agenda_for_a_non_playable_actor() -> None:
    """An agenda for an actor that is not playable is an error at the agenda."""
    text = BASE + '\n[agendas.SYR]\nobjectives = [{ kind = "influence" }]\n'
    diagnostic = at(errors(text), "agendas.SYR")
    assert diagnostic.line == line_of(text, "[agendas.SYR]")
    assert diagnostic.message == "agenda for 'SYR', which is not playable"


def test_scenario_without_a_playable_actor() -> None:
    """No actor with playable = true is an error at the actors."""
    text = broken("playable = true\n", "")
    text = broken('[agendas.RUS]\ndescription = "Win"\n', "", text)
    text = text.replace("[[agendas.RUS.objectives]]", "[[notes]]")
    diagnostic = at(errors(text), "actors")
    assert diagnostic.line == line_of(text, "[[actors]]")
    assert diagnostic.message == "no playable actor"


def test_parent_chain_cycle() -> None:
    """SYR -> USA -> SYR is a cycle, reported once."""
    text = broken('name = "Syria"', 'name = "Syria"\nparent = "USA"')
    text = broken('name = "United States"', 'name = "United States"\nparent = "SYR"', text)
    (diagnostic,) = [d for d in errors(text) if d.code == "cycle"]
    assert diagnostic.path == "actors[1].parent"
    assert diagnostic.line == line_of(text, 'parent = "USA"')
    assert diagnostic.message == "parent cycle: SYR -> USA -> SYR"


# -- review, rules ----------------------------------------------------------------------------


def test_pending_review_is_an_error_unless_allowed() -> None:
    """review = "pending" is an error; with allow_pending it is a warning."""
    text = broken('name = "Syria"', 'name = "Syria"\nreview = "pending"')
    diagnostic = at(errors(text), "actors[1].review")
    assert diagnostic.line == line_of(text, 'review = "pending"')
    assert diagnostic.format() == (
        f"s.toml:{diagnostic.line}: actors[1].review: pending review; "
        "run `python main.py review FILE` or pass --allow-pending"
    )
    assert errors(text, allow_pending=True) == []
    assert at(warnings(text, allow_pending=True), "actors[1].review").message == "pending review"


@pytest.fixture
def rules_file(tmp_path):
    path = tmp_path / "default.toml"
    path.write_text("[costs]\nhost_talks = 4\ndenounce = 1\n\n[drift]\nrate = 0.1\n")
    return path


def test_rules_keys_must_exist_in_the_default_rules(rules_file) -> None:
    """[rules] sections and keys not in the default rules file are errors, with suggestions."""
    text = BASE + "\n[rules.costs]\nhost_talk = 3\ndenounce = 2\n\n[rules.drif]\nrate = 0.2\n"
    found = errors(text, rules_file=rules_file)
    key = at(found, "rules.costs.host_talk")
    assert key.line == line_of(text, "host_talk = 3")
    assert key.message == "unknown rule costs.host_talk"
    assert key.expected.startswith("did you mean 'host_talks'?")
    section = at(found, "rules.drif")
    assert section.line == line_of(text, "[rules.drif]")
    assert section.message == "unknown rules section 'drif'"
    assert len(found) == 2


def test_rules_values_must_be_numbers(rules_file) -> None:
    """A rule value that is not a number is a type error."""
    text = BASE + '\n[rules.costs]\nhost_talks = "cheap"\n'
    diagnostic = at(errors(text, rules_file=rules_file), "rules.costs.host_talks")
    assert diagnostic.message == "wrong type: 'cheap' (a string)"
    assert diagnostic.expected == "a number"


def test_rules_check_is_skipped_without_a_default_file(tmp_path) -> None:
    """With no default rules file yet, any numeric [rules] key passes."""
    text = BASE + "\n[rules.anything]\nx = 1\n"
    assert check(text, rules_file=tmp_path / "absent.toml") == []


# -- provenance -------------------------------------------------------------------------------


def test_fact_without_source_is_a_warning() -> None:
    """A relation with no source is a warning at the relation's header."""
    text = broken('strength = 0.9\nsource = "author"', "strength = 0.9")
    (diagnostic,) = check(text)
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.path == "relations[0]"
    assert diagnostic.line == line_of(text, "[[relations]]")
    assert diagnostic.message == "no source"
    assert diagnostic.format().startswith(f"s.toml:{diagnostic.line}: warning: relations[0]")


ARTICLE = "Putin met Iran’s leadership on Wednesday,\nwith the two   Damascus allies.\n"


def _with_article(tmp_path, quote: str) -> str:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    text = broken("turn_limit = 12", 'turn_limit = 12\narticle = "seeds/a.txt"')
    return broken('strength = 0.9\nsource = "author"', f'strength = 0.9\nsource = "{quote}"', text)


def test_quote_found_after_normalising_whitespace(tmp_path) -> None:
    """A quote matches the article when only whitespace differs."""
    text = _with_article(tmp_path, "on Wednesday, with the two Damascus allies.")
    assert check(text, article_root=tmp_path) == []


def test_quote_not_in_the_article_is_a_warning(tmp_path) -> None:
    """A straight apostrophe does not match the article's typographic one."""
    text = _with_article(tmp_path, "Putin met Iran's leadership")
    diagnostic = at(warnings(text, article_root=tmp_path), "relations[0].source")
    assert diagnostic.line == line_of(text, 'source = "Putin')
    assert diagnostic.message.startswith("quote not found in seeds/a.txt")
    assert errors(text, article_root=tmp_path) == []


def test_missing_article_file_is_a_warning(tmp_path) -> None:
    """An article path that does not exist is one warning at meta.article."""
    text = broken("turn_limit = 12", 'turn_limit = 12\narticle = "seeds/none.txt"')
    (diagnostic,) = check(text, article_root=tmp_path)
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.path == "meta.article"
    assert diagnostic.message.startswith("article file not found")


def test_article_is_found_from_the_scenario_folder(tmp_path) -> None:
    """check_file finds the article relative to the folder that holds scenarios/."""
    (tmp_path / "scenarios").mkdir()
    text = _with_article(tmp_path, "Putin met Iran’s leadership")
    path = tmp_path / "scenarios" / "s.toml"
    path.write_text(text, encoding="utf-8")
    assert check_file(path, rules_file=None) == []


def test_diagnostics_come_in_line_order() -> None:
    """Diagnostics are sorted by line, so an author can work down the file."""
    text = broken("strength = 0.9", "strength = 2")
    text = broken("military = 90", "military = -1", text)
    lines = [d.line for d in check_text(text, rules_file=None)]
    assert lines == sorted(lines)


def test_party_stance_effect_needs_a_party() -> None:
    """set_party_stance for an actor outside the agreement's parties is an error."""
    text = broken(
        'kind = "set_agreement_status"\nagreement = "ASTANA"\nstatus = "active"',
        'kind = "set_party_stance"\nactor = "USA"\nagreement = "ASTANA"\nstatus = "withdrawn"',
    )
    diagnostic = at(errors(text), "events[0].effects[0].actor")
    assert diagnostic.line == line_of(text, 'actor = "USA"')
    assert diagnostic.message == "'USA' is not a party to 'ASTANA'"


def test_same_relation_twice_is_a_warning() -> None:
    """A second support relation from RUS to SYR is a warning at the second one."""
    block = '[[relations]]\nkind = "support"\nactor = "RUS"\ntarget = "SYR"\nsource = "author"\n'
    text = BASE + "\n" + block
    diagnostic = at(warnings(text), "relations[1]")
    assert diagnostic.line == line_of(text, block)
    assert diagnostic.message == "a second support relation from 'RUS' to 'SYR'"


def test_sanctions_of_different_scopes_are_not_repeats() -> None:
    """A sectoral and a blacklist sanction between the same pair are two facts, no warning."""
    block = (
        '[[relations]]\nkind = "sanction"\nactor = "USA"\ntarget = "RUS"\nscope = "{}"\n'
        'source = "author"\n'
    )
    text = BASE + "\n" + block.format("sectoral") + "\n" + block.format("blacklist")
    assert check(text) == []


def test_theatre_without_control_is_a_warning() -> None:
    """A theatre with no control shares at all gets a warning at its header."""
    text = broken("control = { SYR = 0.4, RUS = 0.6 }\n", "")
    diagnostic = at(warnings(text), "theatres[0].control")
    assert diagnostic.line == line_of(text, "[[theatres]]")
    assert diagnostic.message == "no control shares"
