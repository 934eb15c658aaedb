"""`Severity` and `Diagnostic`, the checker's output, and `format_path`, which writes a key path.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Sequence
from typing import Any

from attrs import frozen


class Severity(enum.StrEnum):
    """An error makes the file unusable (exit status 1); a warning is advice (exit status 0)."""

    ERROR = "error"
    WARNING = "warning"


@frozen
class Diagnostic:
    """One problem found in a scenario file.

    Attributes:
        file: the file name as given, e.g. `"scenarios/tehran-2017.toml"`.
        line: 1-based line of the key (or of its nearest enclosing table).
        path: the key path, e.g. `"relations[3].strength"`; empty for a whole-file problem.
        message: what is wrong, e.g. `"out of range: 1.5 (a float)"`.
        expected: what was expected, e.g. `"a number from 0 to 1"`; may be empty.
        severity: error or warning.
        code: a stable short name of the check, e.g. `"range"`, `"unknown-key"`, `"no-source"`.
    """

    file: str
    line: int
    path: str
    message: str
    expected: str = ""
    severity: Severity = Severity.ERROR
    code: str = ""

    def format(self) -> str:
        """`FILE:LINE: path: message; expected` (warnings say so after the line)."""
        where = f"{self.file}:{self.line}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        text = f"{self.path}: {self.message}" if self.path else self.message
        return where + (f"{text}; {self.expected}" if self.expected else text)

    def __str__(self) -> str:
        return self.format()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return {
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "message": self.message,
            "expected": self.expected,
            "severity": str(self.severity),
            "code": self.code,
        }


def format_path(path: Sequence[str | int]) -> str:
    """`("relations", 3, "strength")` -> `"relations[3].strength"`; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else _quote(part)
            out += f".{text}" if out else text
    return out


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # TOML's basic strings escape like JSON's
