"""`Checker`: the state of one check run (file name, line map, ids seen, agreements) and the
`error`/`warning` reporting every area's checks go through.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from game.scenario.checks.diagnostic import Diagnostic, Severity, format_path
from game.scenario.checks.vocabulary import ID_TABLES
from game.scenario.lines import LineMap


class Checker:
    """Walks one parsed document, collecting diagnostics."""

    def __init__(
        self, filename: str, text: str, *, allow_pending: bool, rules_file: Path | None
    ) -> None:
        self.filename = filename
        self.lines = LineMap(text)
        self.allow_pending = allow_pending
        self.rules_file = rules_file
        self.diagnostics: list[Diagnostic] = []
        self.ids: dict[str, dict[str, int]] = {table: {} for table in ID_TABLES}
        self.agreements: list[tuple[int, dict[str, Any]]] = []

    def report(
        self, path: Sequence[str | int], message: str, expected: str, code: str, severity: Severity
    ) -> None:
        self.diagnostics.append(
            Diagnostic(
                self.filename,
                self.lines.line_of(path),
                format_path(path),
                message,
                expected,
                severity,
                code,
            )
        )

    def error(self, path: Sequence[str | int], message: str, expected: str, code: str) -> None:
        self.report(path, message, expected, code, Severity.ERROR)

    def warning(self, path: Sequence[str | int], message: str, expected: str, code: str) -> None:
        self.report(path, message, expected, code, Severity.WARNING)
