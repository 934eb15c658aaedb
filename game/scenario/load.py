"""Read a scenario file into the model: `load_scenario(path)` and `loads_scenario(text)`.

Reading goes TOML text -> `tomllib` dict -> the checker (`check.py`) -> the strict converter
(`convert.py`) -> `Scenario`. Any error the checker finds raises `ScenarioError`, which carries
every diagnostic at once; warnings (facts without a source, quotes not found) do not stop a load.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import cattrs

from game.scenario import check
from game.scenario.check import Diagnostic, Severity
from game.scenario.convert import structure_scenario
from game.scenario.model import Scenario


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; `diagnostics` lists every problem, errors first.

    `str(error)` is the diagnostics, one per line, as the `check` command prints them.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics: list[Diagnostic] = sorted(
            diagnostics, key=lambda d: d.severity is not Severity.ERROR
        )
        super().__init__("\n".join(d.format() for d in self.diagnostics))

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def load_scenario(
    path: str | os.PathLike[str],
    *,
    allow_pending: bool = False,
    rules_file: str | os.PathLike[str] | None = check.DEFAULT_RULES_FILE,
) -> Scenario:
    """Read and check one scenario file.

    Args:
        path: the scenario file.
        allow_pending: accept facts still pending review (a draft).
        rules_file: the default rules `[rules]` keys are checked against; None skips that check.

    Raises:
        ScenarioError: if the file has any error (all of them are in `diagnostics`).
    """
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes() if os.path.getsize(name) <= check.MAX_BYTES else None
    except OSError as exc:
        raise ScenarioError(
            [Diagnostic(name, 1, "", f"cannot read the file: {exc.strerror or exc}", code="io")]
        ) from None
    if data is None:
        raise ScenarioError(check.check_file(name))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(check.check_bytes(data, name)) from None
    return _load(text, name, allow_pending, rules_file)


def loads_scenario(
    text: str,
    filename: str = "<string>",
    *,
    allow_pending: bool = False,
    rules_file: str | os.PathLike[str] | None = check.DEFAULT_RULES_FILE,
) -> Scenario:
    """Read and check the text of a scenario; see `load_scenario`.

    Raises:
        ScenarioError: if the text has any error.
    """
    return _load(text, filename, allow_pending, rules_file)


def _load(
    text: str, filename: str, allow_pending: bool, rules_file: str | os.PathLike[str] | None
) -> Scenario:
    raw, diagnostics = check.analyse(
        text, filename, allow_pending=allow_pending, rules_file=rules_file, check_quotes=False
    )
    if raw is None or any(d.severity is Severity.ERROR for d in diagnostics):
        raise ScenarioError(diagnostics)
    try:
        return structure_scenario(raw)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        # The checker and the converter share their hooks and validators, so this is a bug in
        # one of them; still report it as a diagnostic rather than a traceback.
        raise ScenarioError(_converter_diagnostics(exc, filename)) from exc


def _converter_diagnostics(exc: Exception, filename: str) -> list[Diagnostic]:
    messages: list[Any]
    if isinstance(exc, cattrs.BaseValidationError):
        messages = cattrs.transform_error(exc)
    else:
        messages = [str(exc)]
    return [Diagnostic(filename, 1, "", str(message), code="convert") for message in messages]
