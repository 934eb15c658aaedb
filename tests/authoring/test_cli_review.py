"""The `review` command: a session driven by fed answers, written back with tomlkit."""

from __future__ import annotations

import argparse
import io
import tomllib
from pathlib import Path

import pytest

from game.authoring import cli_review
from game.authoring.draft import draft_text
from game.authoring.review import ReviewError, Session, load_document, pending_items
from game.scenario.check import Severity, check_file
from game.scenario.save import dumps_scenario

ARTICLE = (
    "Russia and Turkey deepen ties\n"
    "Russia signed an arms contract with Turkey on Monday. "
    "The United States imposed sanctions on Iran.\n"
)


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    (tmp_path / "scenarios").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    draft = draft_text(ARTICLE, "seeds/a.txt", "a")
    path = tmp_path / "scenarios" / "a.toml"
    path.write_text(
        "# Drafted, then reviewed by hand.\n" + dumps_scenario(draft.scenario), encoding="utf-8"
    )
    return path


def _review(path: Path, answers: str) -> tuple[int, str]:
    out = io.StringIO()
    args = argparse.Namespace(scenario=str(path))
    code = cli_review.run(args, io.StringIO(answers), out)
    return code, out.getvalue()


def _order(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("[")]


def test_accepting_everything_makes_a_checkable_file(scenario):
    """Accepting every pending fact leaves none pending; the checker then passes, and the
    author's comment and the table order survive."""
    before = _order(scenario)
    total = len(pending_items(load_document(scenario)))
    code, out = _review(scenario, "a\n" * total)
    assert code == 0, out
    text = scenario.read_text(encoding="utf-8")
    assert text.startswith("# Drafted, then reviewed by hand.\n")
    assert "pending" not in text
    assert _order(scenario) == before
    errors = [d for d in check_file(scenario) if d.severity is Severity.ERROR]
    assert errors == []


def test_reject_removes_the_fact(scenario):
    """Rejecting a relation removes it from the file; the rest stay pending (skipped)."""
    doc = tomllib.loads(scenario.read_text(encoding="utf-8"))
    actors = len(doc["actors"])
    relations = len(doc["relations"])
    answers = "s\n" * actors + "r\n" + "s\n" * 50
    code, out = _review(scenario, answers)
    after = tomllib.loads(scenario.read_text(encoding="utf-8"))
    assert len(after["relations"]) == relations - 1
    assert code == 1 and "still pending" in out


def test_rejecting_an_actor_removes_what_names_it(scenario):
    """A rejected actor takes its relations, party memberships and agenda with it."""
    doc = tomllib.loads(scenario.read_text(encoding="utf-8"))
    index = [a["id"] for a in doc["actors"]].index("IRN")
    answers = "s\n" * index + "r\nq\n"
    _review(scenario, answers)
    after = tomllib.loads(scenario.read_text(encoding="utf-8"))
    assert "IRN" not in [a["id"] for a in after["actors"]]
    assert all("IRN" not in (r["actor"], r["target"]) for r in after.get("relations", []))
    assert "IRN" not in after.get("agendas", {})


def test_edit_changes_kind_ends_and_status_then_accepts(scenario):
    """Editing a relation changes its kind and status (blank answers keep values)."""
    doc = tomllib.loads(scenario.read_text(encoding="utf-8"))
    actors = len(doc["actors"])
    first = doc["relations"][0]
    answers = "s\n" * actors + "e\nfriendship\nalliance\n\n\nplanned\nq\n"
    _, out = _review(scenario, answers)
    assert "'friendship' is not one of" in out
    after = tomllib.loads(scenario.read_text(encoding="utf-8"))["relations"][0]
    assert (after["kind"], after["status"], after["review"]) == ("alliance", "planned", "accepted")
    assert (after["actor"], after["target"]) == (first["actor"], first["target"])


def test_new_relation_is_added_as_the_authors(scenario):
    """`n` adds a relation the coder missed, sourced to the author and accepted."""
    _review(scenario, "n\nhostility\nIRN\nTUR\n\nq\n")
    relations = tomllib.loads(scenario.read_text(encoding="utf-8"))["relations"]
    added = relations[-1]
    assert (added["kind"], added["actor"], added["target"]) == ("hostility", "IRN", "TUR")
    assert (added["source"], added["review"]) == ("author", "accepted")


def test_end_of_input_saves_and_stops(scenario):
    """Input ending mid-session is a quit: decisions made so far are on disk."""
    code, out = _review(scenario, "a\n")
    doc = tomllib.loads(scenario.read_text(encoding="utf-8"))
    assert doc["actors"][0]["review"] == "accepted"
    assert code == 1 and "quit" in out


def test_session_works_on_a_document_without_a_file(scenario):
    """The session itself needs only a document and two streams (no file, no save)."""
    doc = load_document(scenario)
    session = Session(doc, io.StringIO("?\nq\n"), io.StringIO())
    assert session.run() is True
    assert "accept" in session.out.getvalue()


def test_unreadable_file_is_a_clear_error(tmp_path, capsys):
    """A file that is not TOML gives one error line and exit status 1."""
    bad = tmp_path / "bad.toml"
    bad.write_text("[[actors]\n", encoding="utf-8")
    with pytest.raises(ReviewError):
        load_document(bad)
    code, _ = _review(bad, "")
    assert code == 1 and "not valid TOML" in capsys.readouterr().err
