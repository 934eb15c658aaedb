"""The `check` command: `python main.py check FILE... [--json] [--allow-pending]`.

Prints every diagnostic of every file (errors and warnings), then one summary line per file, and
exits with 1 if any file has an error, else 0. `--json` prints one JSON list of diagnostic
objects instead (and no summary), for editors and CI.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import argparse
import json

from game.scenario.check import Diagnostic, Severity, check_file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `check` command."""
    parser.add_argument("files", nargs="+", metavar="FILE", help="scenario files to check")
    parser.add_argument("--json", action="store_true", help="print a JSON list of diagnostics")
    parser.add_argument(
        "--allow-pending",
        action="store_true",
        help="report facts pending review as warnings, not errors (for drafts)",
    )
    parser.add_argument(
        "--article-root",
        metavar="DIR",
        default=None,
        help="folder [meta].article is relative to (default: the folder holding scenarios/)",
    )


def run(args: argparse.Namespace) -> int:
    """Check each file; the exit status is 1 if any has an error."""
    everything: list[Diagnostic] = []
    summaries: list[str] = []
    for name in args.files:
        diagnostics = check_file(
            name, allow_pending=args.allow_pending, article_root=args.article_root
        )
        everything.extend(diagnostics)
        summaries.append(summary(name, diagnostics))
    if args.json:
        print(json.dumps([d.to_dict() for d in everything], indent=2, ensure_ascii=False))
    else:
        for diagnostic in everything:
            print(diagnostic.format())
        for line in summaries:
            print(line)
    return 1 if any(d.severity is Severity.ERROR for d in everything) else 0


def summary(name: str, diagnostics: list[Diagnostic]) -> str:
    """One line: `FILE: ok|N errors, M warnings (K facts without a source)`."""
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    unsourced = sum(d.code == "no-source" and d.message == "no source" for d in diagnostics)
    verdict = "FAILED" if errors else "ok"
    return (
        f"{name}: {verdict}: {_count(errors, 'error')}, {_count(warnings, 'warning')}, "
        f"{_count(unsourced, 'fact')} without a source"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
