"""The dictionaries: they load, they cover the region, and every pattern passes its own tests."""

from __future__ import annotations

import shutil

import attrs
import pytest

from game.authoring.coder import Coder
from game.authoring.dictionary import (
    DICTIONARY_DIR,
    STANCE,
    DictionaryError,
    default_dictionaries,
    load_dictionaries,
)
from game.authoring.draft import SYMMETRIC_KINDS

DICTS = default_dictionaries()
CODER = Coder(DICTS)
CASES = [
    (pattern.id, n, test) for pattern in DICTS.patterns for n, test in enumerate(pattern.tests)
]


def _coded(events):
    """(actor, kind, target, status) for relations; (actor, "stance", agreement, stance)."""
    out = set()
    for event in events:
        if event.kind == STANCE:
            out |= {(a, STANCE, ag, event.stance) for a in event.actors for ag in event.agreements}
            continue
        for actor, target in event.pairs():
            if event.kind in SYMMETRIC_KINDS:
                actor, target = sorted((actor, target))
            out.add((actor, event.kind, target, event.status.value))
    return out


def _expected(text: str) -> tuple[tuple[str, str, str], str | None]:
    parts = text.split()
    actor, kind, target = parts[:3]
    if kind in SYMMETRIC_KINDS:
        actor, target = sorted((actor, target))
    return (actor, kind, target), parts[3] if len(parts) > 3 else None


def test_every_pattern_has_positive_and_negative_tests():
    """Each pattern carries at least one sentence it must code and one it must not."""
    for pattern in DICTS.patterns:
        assert any(t.expect for t in pattern.tests), f"{pattern.id} has no positive test"
        assert any(not t.expect for t in pattern.tests), f"{pattern.id} has no negative test"


@pytest.mark.parametrize(("pattern_id", "n", "case"), CASES, ids=[f"{p}-{n}" for p, n, _ in CASES])
def test_pattern_case_codes_as_expected(pattern_id, n, case):
    """The whole coder codes a pattern's test sentence exactly as the dictionary expects."""
    got = _coded(CODER.code_text(case.text))
    if not case.expect:
        assert got == set(), f"{pattern_id}: expected nothing, got {got}"
        return
    for expectation in case.expect:
        key, status = _expected(expectation)
        if key[1] == STANCE:
            assert any(g[0] == key[0] and g[2] == key[2] and g[3] == status for g in got), got
            continue
        matches = [g for g in got if g[:3] == key]
        assert matches, f"{pattern_id}: {expectation!r} not coded; got {sorted(got)}"
        if status is not None:
            assert status in {g[3] for g in matches}, f"{expectation!r}: got {matches}"


POSITIVE = [(p, n, t) for p, n, t in CASES if t.expect]
DEPENDENT_LAYOUTS = frozenset({"against", "alongside"})
"""Layouts that build on the sentence's other events ("fought alongside X against Y")."""


@pytest.mark.parametrize(
    ("pattern_id", "n", "case"), POSITIVE, ids=[f"{p}-{n}" for p, n, _ in POSITIVE]
)
def test_pattern_fires_alone_on_its_positive_case(pattern_id, n, case):
    """With only this pattern in the dictionary, its positive sentence still yields an event."""
    pattern = next(p for p in DICTS.patterns if p.id == pattern_id)
    if pattern.layout in DEPENDENT_LAYOUTS:
        # It reads the events coded before it in the sentence, so it cannot fire alone.
        assert any(e.rule == pattern_id for e in CODER.code_text(case.text)), pattern_id
        return
    alone = Coder(attrs.evolve(DICTS, patterns=(pattern,)))
    events = alone.code_text(case.text)
    assert any(e.rule == pattern_id for e in events), f"{pattern_id} did not fire"


def test_region_is_covered():
    """The actors the task names for the region are all in the dictionary."""
    needed = {
        "RUS",
        "IRN",
        "TUR",
        "USA",
        "EU",
        "SAU",
        "ARE",
        "QAT",
        "ISR",
        "YPG",
        "SDF",
        "PKK",
        "SYR",
        "SYR_OPP",
        "HTS",
        "FSA",
        "IRQ",
        "AZE",
        "KAZ",
        "PRK",
        "CHN",
        "UN",
        "OPEC",
        "ROSNEFT",
        "GAZPROM",
        "NIOC",
        "ROSATOM",
        "LUKOIL",
        "TOTAL",
        "BOEING",
        "AIRBUS",
    }
    assert needed <= set(DICTS.actors)
    people = {p.name.split()[-1] for p in DICTS.people}
    for name in (
        "Putin",
        "Rouhani",
        "Khamenei",
        "Lavrentyev",
        "Mistura",
        "Trump",
        "Erdogan",
        "Aliyev",
        "Sechin",
        "al-Assad",
    ):
        assert name in people, name
    assert DICTS.actors["ROSNEFT"].parent == "RUS"


def test_metonyms_name_their_state():
    """Capitals and seats of government stand for their state: "Moscow", "the Kremlin"."""
    for phrase, actor in [
        ("Moscow", "RUS"),
        ("Tehran", "IRN"),
        ("Ankara", "TUR"),
        ("Washington", "USA"),
        ("the Kremlin", "RUS"),
        ("the White House", "USA"),
    ]:
        events = CODER.code_text(f"{phrase} imposed sanctions on North Korea.")
        assert [e.actors for e in events] == [(actor,)], phrase


def test_malformed_dictionary_is_reported_with_its_file(tmp_path):
    """A broken dictionary file gives a DictionaryError naming the file, not a traceback."""
    folder = tmp_path / "dicts"
    shutil.copytree(DICTIONARY_DIR, folder)
    (folder / "patterns" / "extra.toml").write_text('[[patterns]]\nid = "x"\nkind = "friendship"\n')
    with pytest.raises(DictionaryError, match=r"patterns/extra\.toml: x\.kind"):
        load_dictionaries(folder)
    (folder / "patterns" / "extra.toml").write_text("[[patterns]\n")
    with pytest.raises(DictionaryError, match=r"patterns/extra\.toml"):
        load_dictionaries(folder)


def test_a_pattern_id_used_in_two_kind_files_is_a_duplicate(tmp_path):
    """Pattern ids are unique across the per-kind files, so a report's rule names one pattern."""
    folder = tmp_path / "dicts"
    shutil.copytree(DICTIONARY_DIR, folder)
    (folder / "patterns" / "extra.toml").write_text(
        '[[patterns]]\nid = "sanction.impose"\nkind = "sanction"\ntriggers = ["x"]\n'
        'pos = "verb"\ncode = "163"\ngoldstein = -8.0\nsymmetric = false\n'
    )
    with pytest.raises(DictionaryError, match=r"patterns/extra\.toml: sanction\.impose: duplicate"):
        load_dictionaries(folder)


def test_unknown_actor_reference_is_rejected(tmp_path):
    """A role or agreement naming an actor the dictionary lacks is an error."""
    folder = tmp_path / "dicts"
    shutil.copytree(DICTIONARY_DIR, folder)
    with (folder / "roles.toml").open("a") as handle:
        handle.write('\n[[roles]]\nkind = "group"\ndefault = "NOWHERE"\nwords = ["x"]\n')
    with pytest.raises(DictionaryError, match="NOWHERE"):
        load_dictionaries(folder)
