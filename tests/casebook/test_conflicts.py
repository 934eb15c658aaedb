"""Casebook: contradictory orders of one actor in one turn (game/rules/conflicts.py)."""

from __future__ import annotations

from tests.casebook.builder import actor, kinds, only, rel, run, theatre, treaty, world


def _treaty_world():
    return world(
        actor("USA"),
        actor("IRN"),
        actor("EU", "organisation"),
        relations=[rel("cooperation", "USA", "EU", 0.5)],
        agreements=[treaty("JCPOA", ["USA", "IRN", "EU"])],
    )


def test_conflict_1_certify_and_decertify_the_same_treaty_void_the_second():
    """CONFLICT-1: certifying and decertifying one agreement in a turn: the later one is void."""
    state = _treaty_world()
    _, events = run(state, "USA decertify JCPOA", "USA certify JCPOA")
    void = only(events, "invalid")
    assert [e.cause for e in void] == ["USA certify JCPOA"]
    assert "contradicts USA decertify JCPOA" in void[0].text


def test_conflict_2_sanctioning_and_supporting_the_same_actor_clash():
    """CONFLICT-2: a hostile and a friendly order towards one actor in one turn clash."""
    state = world(
        actor("USA"),
        actor("IRN"),
        actor("SYR"),
        relations=[
            rel("hostility", "USA", "IRN", 0.6),
            rel("sanction", "USA", "IRN", 0.5),
            rel("alliance", "USA", "SYR", 0.6),
        ],
        theatres=[theatre("T", {"SYR": 0.5, "IRN": 0.5})],
    )
    _, alone = run(state, "USA lift_sanctions IRN")
    assert "invalid" not in kinds(alone)
    _, events = run(state, "USA denounce IRN", "USA lift_sanctions IRN")
    void = only(events, "invalid")
    assert [e.cause for e in void] == ["USA lift_sanctions IRN"]
    assert "contradicts USA denounce IRN" in void[0].text


def test_conflict_3_orders_on_different_objects_do_not_clash():
    """CONFLICT-3: the rule binds one object only: orders on different treaties both stand."""
    state = world(
        actor("USA"),
        actor("IRN"),
        actor("EU", "organisation"),
        agreements=[treaty("JCPOA", ["USA", "IRN", "EU"]), treaty("OTHER", ["USA", "EU"])],
    )
    _, events = run(state, "USA decertify JCPOA", "USA certify OTHER")
    assert "invalid" not in kinds(events)


def test_conflict_4_different_actors_may_pull_opposite_ways():
    """CONFLICT-4: the rule binds one actor: two actors may certify and decertify one treaty."""
    state = _treaty_world()
    _, events = run(state, "USA decertify JCPOA", "IRN certify JCPOA")
    assert all("contradicts" not in e.text for e in only(events, "invalid"))
