"""A small valid scenario as TOML text, and helpers to break it and read the diagnostics."""

from __future__ import annotations

from game.scenario.check import Diagnostic, Severity, check_text

BASE = """\
[meta]
id = "test"
title = "Test"
start = 2017-11-01
turn_limit = 12

[[actors]]
id = "RUS"
name = "Russia"
playable = true
capabilities = { military = 90, economy = 55, diplomacy = 80 }
source = "author"

[[actors]]
id = "SYR"
name = "Syria"
source = "author"

[[actors]]
id = "USA"
name = "United States"
source = "author"

[[relations]]
kind = "support"
actor = "RUS"
target = "SYR"
strength = 0.9
source = "author"

[[agreements]]
id = "ASTANA"
name = "Astana talks"
kind = "process"
parties = ["RUS", "SYR"]
host = "RUS"
issue = "SETTLEMENT"
source = "author"

[[theatres]]
id = "IDLIB"
name = "Idlib"
country = "SYR"
control = { SYR = 0.4, RUS = 0.6 }
guarantors = ["RUS"]
agreement = "ASTANA"
source = "author"

[[issues]]
id = "SETTLEMENT"
name = "Settlement"
positions = { RUS = 0.5, SYR = 1 }
salience = { RUS = 0.8 }
source = "author"

[agendas.RUS]
description = "Win"

[[agendas.RUS.objectives]]
kind = "control"
actor = "SYR"
theatre = "IDLIB"
want = 1

[[events]]
id = "SOCHI"
name = "Sochi congress"
trigger = { kind = "date", date = 2017-11-18 }
source = "author"

[[events.effects]]
kind = "set_agreement_status"
agreement = "ASTANA"
status = "active"
"""


def broken(old: str, new: str, text: str = BASE) -> str:
    """BASE with one exact piece of text replaced (which must be there exactly once)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str, after: str = "") -> int:
    """The 1-based line of the first `needle` at or after the first `after`."""
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def check(text: str, **kwargs) -> list[Diagnostic]:
    kwargs.setdefault("rules_file", None)
    return check_text(text, "s.toml", **kwargs)


def errors(text: str, **kwargs) -> list[Diagnostic]:
    return [d for d in check(text, **kwargs) if d.severity is Severity.ERROR]


def warnings(text: str, **kwargs) -> list[Diagnostic]:
    return [d for d in check(text, **kwargs) if d.severity is Severity.WARNING]


def at(diagnostics: list[Diagnostic], path: str) -> Diagnostic:
    """The one diagnostic about `path`."""
    found = [d for d in diagnostics if d.path == path]
    assert len(found) == 1, (path, [d.format() for d in diagnostics])
    return found[0]
