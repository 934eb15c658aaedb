"""The key-to-line mapper (`game.scenario.lines`), against documents with known layouts.

The property test draws a random document, writes it in randomly chosen TOML styles (tables,
arrays of tables, dotted keys, inline tables, multi-line arrays, multi-line strings holding
look-alike `key = value` lines, comments, quoted keys) while noting the line of every key, then
asks the mapper for each one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.lines import LineMap

KEYS = st.sampled_from(["id", "kind", "a", "b-c", "x_1", "a b", "x.y", "é", 'q"t', "3"])
SCALARS = (
    st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=8)
    | st.dates(min_value=dt.date(1000, 1, 1))
)
FAKE_LINES = st.lists(st.sampled_from(["x = 1", "[fake]", "[[fake]]", "# no", "a.b = {", "'"]))


def documents(depth: int = 3) -> st.SearchStrategy[dict]:
    leaf = SCALARS | st.lists(SCALARS, max_size=3) | FAKE_LINES.map(MultiLine)
    if depth == 0:
        return st.dictionaries(KEYS, leaf, max_size=4)
    inner = documents(depth - 1)
    return st.dictionaries(KEYS, leaf | inner | st.lists(inner, min_size=1, max_size=3), max_size=4)


class MultiLine(str):
    """A string to be written as a multi-line basic string (its lines look like TOML)."""

    def __new__(cls, lines: list[str]) -> MultiLine:
        return super().__new__(cls, "\n".join(lines))


class Writer:
    """Writes a document in styles chosen by `draw`, noting each path's line."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.lines: list[str] = []
        self.expected: dict[tuple, int] = {}

    def add(self, line: str) -> int:
        self.lines.append(line)
        if self.draw(st.integers(0, 5)) == 0:
            self.lines.append(self.draw(st.sampled_from(["", "# a comment", "   "])))
            return len(self.lines) - 1
        return len(self.lines)

    def note(self, path: tuple, line: int) -> None:
        self.expected.setdefault(path, line)

    def body(self, path: tuple, table: dict, header: list[str]) -> None:
        deferred = []
        for key, value in table.items():
            here = (*path, key)
            if isinstance(value, dict):
                style = self.draw(st.sampled_from(["inline", "dotted", "table"]))
                scalar_only = value and all(not isinstance(v, dict | list) for v in value.values())
                if style == "inline" and not any(isinstance(v, MultiLine) for v in value.values()):
                    line = self.add(f"{_key(key)} = {_inline(value)}")
                    self.note_inline(here, value, line)
                elif style == "dotted" and scalar_only and not _has_multiline(value):
                    for sub_key, sub_value in value.items():
                        line = self.add(f"{_key(key)}.{_key(sub_key)} = {_scalar(sub_value)}")
                        self.note(here, line)
                        self.note((*here, sub_key), line)
                else:
                    deferred.append((key, value, False))
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                if self.draw(st.booleans()) or any(_has_multiline(v) for v in value):
                    deferred.append((key, value, True))
                else:
                    self.note(here, self.add(f"{_key(key)} = ["))
                    for index, element in enumerate(value):
                        line = self.add(f"  {_inline(element)},")
                        self.note_inline((*here, index), element, line)
                    self.add("]")
            elif isinstance(value, list):
                if self.draw(st.booleans()):
                    line = self.add(f"{_key(key)} = {_inline(value)}")
                    self.note_inline(here, value, line)
                else:
                    self.note(here, self.add(f"{_key(key)} = ["))
                    for index, element in enumerate(value):
                        self.note((*here, index), self.add(f"    {_scalar(element)},"))
                    self.add("]")
            elif isinstance(value, MultiLine):
                # no random comment lines here: they would land inside the string
                self.lines.append(f'{_key(key)} = """')
                self.note(here, len(self.lines))
                content = str(value).split("\n")
                content[-1] += '"""'
                self.lines.extend(content)
            else:
                self.note(here, self.add(f"{_key(key)} = {_scalar(value)}"))
        for key, value, array in deferred:
            name = ".".join([*header, _key(key)])
            here = (*path, key)
            if array:
                for index, element in enumerate(value):
                    line = self.add(f"[[{name}]]")
                    self.note(here, line)
                    self.note((*here, index), line)
                    self.body((*here, index), element, [*header, _key(key)])
            else:
                self.note(here, self.add(f"[{name}]"))
                self.body(here, value, [*header, _key(key)])

    def note_inline(self, path: tuple, value: object, line: int) -> None:
        self.note(path, line)
        if isinstance(value, dict):
            for key, sub in value.items():
                self.note_inline((*path, key), sub, line)
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                self.note_inline((*path, index), sub, line)


def _has_multiline(value: object) -> bool:
    if isinstance(value, MultiLine):
        return True
    if isinstance(value, dict):
        return any(_has_multiline(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_multiline(v) for v in value)
    return False


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _inline(value: object) -> str:
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_inline(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(_inline(v) for v in value) + "]"
    return _scalar(value)


@st.composite
def written(draw: st.DrawFn) -> tuple[dict, str, dict[tuple, int]]:
    document = draw(documents())
    writer = Writer(draw)
    writer.body((), document, [])
    return document, "\n".join(writer.lines) + "\n", writer.expected


@settings(max_examples=150, deadline=None)
@given(written())
def test_every_key_maps_to_the_line_it_is_written_on(case) -> None:
    """Whatever the layout, line_of(path) is the line where that key or element appears."""
    document, text, expected = case
    assert tomllib.loads(text) == _plain(document)  # the writer wrote what we think it did
    lines = LineMap(text)
    for path, line in expected.items():
        assert lines.line_of(path) == line, (path, text)
        assert lines.has(path)


@settings(max_examples=50, deadline=None)
@given(written(), KEYS)
def test_a_missing_key_falls_back_to_its_table(case, missing: str) -> None:
    """A path that is not in the file maps to the line of its nearest enclosing key."""
    _document, text, expected = case
    lines = LineMap(text)
    for path, line in expected.items():
        if not lines.has((*path, "not-there")):
            assert lines.line_of((*path, "not-there", missing)) == line


def _plain(value: object) -> object:
    if isinstance(value, MultiLine):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def test_scenario_paths_map_to_their_lines() -> None:
    """The paths the checker uses, in a scenario-shaped document."""
    text = """\
[meta]
id = "x"

[[actors]]
id = "RUS"
capabilities = { military = 90, economy = 55 }

[[relations]]
kind = "support"

[[relations]]
strength = 0.5

[agendas.RUS]
description = \"\"\"
kind = "fake"
\"\"\"

[[agendas.RUS.objectives]]
kind = "control"

[[agendas.RUS.objectives]]
kind = "stability"

[[events]]
trigger = { kind = "date", date = 2017-11-18 }

[[events.effects]]
kind = "news"
parties = [
  "RUS",
  "IRN",  # a comment
]
"""
    lines = LineMap(text)
    assert lines.line_of(("actors", 0, "capabilities", "military")) == 6
    assert lines.line_of(("relations", 1, "strength")) == 12
    assert lines.line_of(("relations", 1)) == 11
    assert lines.line_of(("agendas", "RUS", "objectives", 1, "kind")) == 23
    assert lines.line_of(("agendas", "RUS", "description")) == 15
    assert lines.line_of(("events", 0, "trigger", "date")) == 26
    assert lines.line_of(("events", 0, "effects", 0, "parties", 1)) == 32
    assert lines.line_of(("relations", 0, "target")) == 8  # missing: its table's header
    assert lines.line_of(("scoring", "violence")) == 1  # no such table at all


def test_mapper_survives_deep_nesting_and_garbage() -> None:
    """Deeply nested arrays and text that is not TOML do not raise."""
    deep = "x = " + "[" * 300 + "]" * 300 + "\ny = 1\n"
    lines = LineMap(deep)
    assert lines.line_of(("x",)) == 1
    assert lines.line_of(("y",)) == 2
    for garbage in ["[[", "a = '", 'a = """', "= = =", "[a.\n", "\x00"]:
        LineMap(garbage).line_of(("a", 0, "b"))
