"""The checker never raises, and it agrees with the strict converter.

Arbitrary text and bytes, and valid scenarios with one value swapped for a random TOML value,
must only ever produce diagnostics. On the mutated scenarios, the checker's shape errors must
match the converter exactly: no shape error if and only if `structure_scenario` succeeds.
"""

from __future__ import annotations

import datetime as dt
import tomllib

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scenario_samples import BASE
from scenario_strategies import scenarios

from game.scenario.check import Diagnostic, Severity, analyse, check_bytes, check_text
from game.scenario.convert import structure_scenario
from game.scenario.save import dumps_scenario

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SHAPE_CODES = {"type", "enum", "range", "missing-key", "unknown-key"}

TOML_SCALARS = (
    st.integers(-(2**70), 2**70)
    | st.sampled_from([10**400, -(10**400), 0, 1, -1, 24])
    | st.floats()
    | st.booleans()
    | st.text(max_size=10)
    | st.sampled_from(["RUS", "SYR", "state", "active", "date", "pending", "author", "", "24"])
    | st.dates()
    | st.datetimes()
    | st.times()
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
FRAGMENTS = st.sampled_from(
    [
        "[meta]\n",
        "[[actors]]\n",
        "[agendas.RUS]\n",
        "[[agendas.RUS.objectives]]\n",
        "[[events]]\n",
        "[[events.effects]]\n",
        "[rules.costs]\n",
        'id = "RUS"\n',
        "playable = true\n",
        "start = 2017-11-01\n",
        "x = [1, [2, {a = 3}]]\n",
        'k = """\n',
        "control = { SYR = 0.5 }\n",
        "strength = nan\n",
        "= 1\n",
        "[\n",
        '"\n',
        "a.b.c = 1\n",
        'kind = "control"\n',
        'trigger = { kind = "date" }\n',
        "\x00",
        "\ufeff",
        "\r\n",
    ]
)


def _never_raises(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        assert isinstance(diagnostic.line, int) and diagnostic.line >= 1
        assert diagnostic.format()
        assert diagnostic.code != "internal", diagnostic.format()


@FUZZ
@given(st.text())
def test_arbitrary_text_gives_only_diagnostics(text: str) -> None:
    """Any string: diagnostics, never an exception."""
    _never_raises(check_text(text, rules_file=None))


@FUZZ
@given(st.binary())
def test_arbitrary_bytes_give_only_diagnostics(data: bytes) -> None:
    """Any bytes: diagnostics, never an exception."""
    _never_raises(check_bytes(data, rules_file=None))


@FUZZ
@given(st.lists(FRAGMENTS | st.text(max_size=5), max_size=25))
def test_toml_like_fragments_give_only_diagnostics(parts: list[str]) -> None:
    """Shuffled scenario-like fragments reach deeper checks; still never an exception."""
    _never_raises(check_text("".join(parts), rules_file=None))


@FUZZ
@given(st.integers(0, len(BASE)), st.integers(0, 40), st.text(max_size=8))
def test_spliced_base_scenario_gives_only_diagnostics(at: int, cut: int, insert: str) -> None:
    """The valid sample with a slice replaced by random text: never an exception."""
    _never_raises(check_text(BASE[:at] + insert + BASE[at + cut :], rules_file=None))


def _paths(node: object, path: tuple = ()) -> list[tuple]:
    out = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out.extend(_paths(value, (*path, index)))
    return out


def _replace(node: object, path: tuple, value: object, delete: bool) -> None:
    for part in path[:-1]:
        node = node[part]  # type: ignore[index]
    if delete and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value  # type: ignore[index]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios(), st.data())
def test_checker_shape_errors_match_the_converter(scenario, data) -> None:
    """A mutated scenario has a shape error if and only if the strict converter rejects it."""
    raw = tomllib.loads(dumps_scenario(scenario))
    paths = _paths(raw)
    path = data.draw(st.sampled_from(paths))
    delete = data.draw(st.booleans())
    if data.draw(st.integers(0, 4)) == 0 and isinstance(path[-1], str):
        path, delete = (*path[:-1], data.draw(st.text(min_size=1, max_size=8))), False
    _replace(raw, path, data.draw(TOML_VALUES), delete)
    try:
        text = tomli_w.dumps(raw)
    except (TypeError, ValueError):
        return  # not representable as TOML (e.g. a time with a zone)
    parsed, diagnostics = analyse(text, rules_file=None, check_quotes=False)
    assert parsed is not None
    _never_raises(diagnostics)
    shape = [d for d in diagnostics if d.severity is Severity.ERROR and d.code in SHAPE_CODES]
    try:
        structure_scenario(parsed)
    except Exception:
        assert shape, f"the converter rejects what the checker passes:\n{text}"
    else:
        assert not shape, [d.format() for d in shape]


def test_checker_reports_dates_where_tomllib_gives_times() -> None:
    """A time where a date belongs is a type error (TOML has local times too)."""
    raw = tomllib.loads(BASE)
    raw["meta"]["start"] = dt.time(10, 0)
    diagnostics = check_text(tomli_w.dumps(raw), rules_file=None)
    assert [d.path for d in diagnostics] == ["meta.start"]
