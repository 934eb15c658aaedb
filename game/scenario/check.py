"""The scenario checker: every problem in a scenario file at once, each with its file, line and key.

`check_file`, `check_bytes` and `check_text` return a list of `Diagnostic`s, formatted
`FILE:LINE: path.to.key: what is wrong; what was expected`. They never raise, whatever the input:
empty, binary, not UTF-8, invalid TOML, too large, NaN, deep nesting or huge numbers all become
diagnostics. The checks, in order:

1. the file can be read and parsed as TOML (syntax errors carry tomllib's line);
2. the shape: unknown keys (with a did-you-mean), missing keys, wrong types, bad enum values and
   out-of-range numbers, using the strict converter's own hooks and the model's own validators,
   so a file with no error here is one `convert.structure_scenario` accepts;
3. the meaning: duplicate ids, references to unknown actors, agreements, theatres and issues,
   the fields each kind of relation, objective, trigger and effect needs, control shares that do
   not sum to 1, dates out of order, agendas and playable actors that do not match, parent
   cycles, pending reviews, `[rules]` keys the default rules file does not have;
4. provenance (warnings): facts with no `source`, and quotes not found in the article.

This module holds the entry points and runs the checks; each area's checks are a module of
`game.scenario.checks`, and the names other modules use from there are re-exported here.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from game.scenario import model
from game.scenario.checks.checker import Checker
from game.scenario.checks.diagnostic import Diagnostic, Severity, format_path
from game.scenario.checks.kinds import check_agendas, check_events
from game.scenario.checks.provenance import check_article, check_provenance
from game.scenario.checks.references import collect_ids
from game.scenario.checks.rules_overrides import check_rules
from game.scenario.checks.shape import check_shape
from game.scenario.checks.tables import (
    check_actors,
    check_agreements,
    check_issues,
    check_relations,
    check_theatres,
)
from game.scenario.checks.vocabulary import (
    EFFECT_FIELDS,
    EFFECT_VALUE,
    OBJECTIVE_FIELDS,
    OBJECTIVE_WANT,
    STATUS_VOCABULARY,
    TRIGGER_FIELDS,
    TRIGGER_VALUE,
)

__all__ = [
    "DEFAULT_RULES_FILE",
    "EFFECT_FIELDS",
    "EFFECT_VALUE",
    "MAX_BYTES",
    "OBJECTIVE_FIELDS",
    "OBJECTIVE_WANT",
    "REPO_ROOT",
    "STATUS_VOCABULARY",
    "TRIGGER_FIELDS",
    "TRIGGER_VALUE",
    "Diagnostic",
    "Severity",
    "analyse",
    "check_bytes",
    "check_file",
    "check_text",
    "format_path",
    "iter_messages",
]

REPO_ROOT = Path(__file__).resolve().parents[2]

DEFAULT_RULES_FILE = REPO_ROOT / "scenarios" / "rules" / "default.toml"
"""The engine's default rules: `[rules]` overrides may only name its sections and keys."""

MAX_BYTES = 8 * 1024 * 1024
"""The largest scenario file the checker reads; a hand-written scenario is a few dozen KB."""

_USE_DEFAULT: Any = object()


# ---------------------------------------------------------------------------------------------
# Entry points


def check_file(
    path: str | os.PathLike[str],
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
) -> list[Diagnostic]:
    """Check one scenario file; see `check_text` for the arguments."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            return [_too_large(name, size)]
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return [Diagnostic(name, 1, "", message, "", code="io")]
    base = Path(name).resolve().parent
    return check_bytes(
        data,
        name,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base,
    )


def check_bytes(
    data: bytes,
    filename: str = "<bytes>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
) -> list[Diagnostic]:
    """Check the bytes of a scenario file (UTF-8); see `check_text` for the arguments."""
    if len(data) > MAX_BYTES:
        return [_too_large(filename, len(data))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [
            Diagnostic(
                filename,
                line,
                "",
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                "a text file saved as UTF-8",
                code="encoding",
            )
        ]
    return check_text(
        text,
        filename,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base_dir,
    )


def check_text(
    text: str,
    filename: str = "<string>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
) -> list[Diagnostic]:
    """Check the text of a scenario file and return every problem, errors and warnings.

    Args:
        text: the TOML text.
        filename: the name diagnostics carry.
        allow_pending: report facts still pending review as warnings instead of errors.
        article_root: the folder `[meta].article` is relative to; by default the nearest folder
            above `base_dir` that holds `scenarios/`, else the repository this code lives in.
        rules_file: the default rules file `[rules]` keys must exist in; None skips that check.
            By default `scenarios/rules/default.toml` of this repository, if it exists.
        base_dir: the folder the scenario file is in (used to find the article).

    Returns:
        The diagnostics in file order (line, then path), errors and warnings mixed.
    """
    return analyse(
        text,
        filename,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base_dir,
    )[1]


def analyse(
    text: str,
    filename: str = "<string>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
    check_quotes: bool = True,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """`check_text`, also returning the parsed TOML dict (None if the text is not TOML)."""
    if len(text) > MAX_BYTES:
        return None, [_too_large(filename, len(text.encode("utf-8", "replace")))]
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors write; TOML has no use for it
    raw, problem = _parse(text, filename)
    if raw is None:
        return None, [problem] if problem else []
    if rules_file is _USE_DEFAULT:
        rules_file = DEFAULT_RULES_FILE
    checker = Checker(
        filename,
        text,
        allow_pending=allow_pending,
        rules_file=None if rules_file is None else Path(rules_file),
    )
    try:
        _run(checker, raw)
        if check_quotes:
            check_article(checker, raw, _article_root(article_root, base_dir))
    except RecursionError:
        checker.error((), "the document is nested too deeply to check", "", "nesting")
    except Exception as exc:  # a bug in the checker: still a diagnostic, never a traceback
        checker.error((), f"internal error in the checker: {exc!r}", "a bug report", "internal")
    return raw, sorted(checker.diagnostics, key=lambda d: (d.line, d.severity != "error"))


def _too_large(filename: str, size: int) -> Diagnostic:
    return Diagnostic(
        filename,
        1,
        "",
        f"file too large ({size / 1e6:.1f} MB)",
        f"a scenario file of at most {MAX_BYTES // (1024 * 1024)} MB",
        code="size",
    )


def _parse(text: str, filename: str) -> tuple[dict[str, Any] | None, Diagnostic | None]:
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if match:
            line = int(match.group(1))
            message = f"{message[: match.start()]} (column {match.group(2)})"
        else:
            line = text.count("\n") + 1 if "end of document" in message else 1
            message = re.sub(r"\s*\(at end of document\)$", " at the end of the file", message)
        return None, Diagnostic(
            filename, line, "", f"invalid TOML: {message}", "valid TOML syntax", code="syntax"
        )
    except RecursionError:
        return None, Diagnostic(
            filename,
            1,
            "",
            "invalid TOML: arrays or tables nested too deeply to read",
            "a scenario file with little nesting",
            code="syntax",
        )
    except ValueError as exc:  # e.g. an integer with more digits than Python will convert
        match = re.search(r"\d{100,}", text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        return None, Diagnostic(
            filename, line, "", f"invalid TOML: {exc}", "numbers of reasonable size", code="syntax"
        )


def _article_root(
    article_root: str | os.PathLike[str] | None, base_dir: str | os.PathLike[str] | None
) -> Path:
    if article_root is not None:
        return Path(article_root)
    if base_dir is not None:
        for folder in (Path(base_dir), *Path(base_dir).parents):
            if (folder / "scenarios").is_dir():
                return folder
    return REPO_ROOT


def _run(checker: Checker, raw: dict[str, Any]) -> None:
    """Every area's checks (see `game.scenario.checks`), in the order listed above."""
    check_shape(checker, raw, model.Scenario, ())
    collect_ids(checker, raw)
    check_actors(checker, raw)
    check_relations(checker, raw)
    check_agreements(checker, raw)
    check_theatres(checker, raw)
    check_issues(checker, raw)
    check_agendas(checker, raw)
    check_events(checker, raw)
    check_rules(checker, raw)
    check_provenance(checker, raw)


def iter_messages(diagnostics: Sequence[Diagnostic]) -> Iterator[str]:
    """Each diagnostic formatted, one per line."""
    for diagnostic in diagnostics:
        yield diagnostic.format()
