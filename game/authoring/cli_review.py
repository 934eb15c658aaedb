"""The `review` command: `python main.py review scenarios/NAME.toml`.

Walks the draft's pending facts in the terminal (see `game.authoring.review` for the decisions),
writing each decision back at once with tomlkit so comments and order survive, then runs the
checker and says what is left. Exit status: 0 done (nothing pending and no checker error), 1 the
file could not be reviewed or still has errors or pending facts.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from game.authoring.review import ReviewError, Session, load_document, pending_items, write_document
from game.scenario.check import Severity, check_file


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `review` command."""
    parser.add_argument("scenario", metavar="SCENARIO", help="a drafted scenario file")


def run(args: argparse.Namespace, inp: TextIO | None = None, out: TextIO | None = None) -> int:
    """Review one scenario file interactively; `inp`/`out` default to stdin/stdout."""
    inp = inp if inp is not None else sys.stdin
    out = out if out is not None else sys.stdout
    path = args.scenario
    try:
        doc = load_document(path)
    except ReviewError as exc:
        print(f"concert review: error: {exc}", file=sys.stderr)
        return 1

    def save() -> None:
        write_document(doc, path)

    session = Session(doc, inp, out, save)
    try:
        session.run()
    except OSError as exc:
        print(f"concert review: error: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    left = len(pending_items(doc))
    out.write(f"{path}: {session.summary()}; {left} still pending\n")
    diagnostics = [d for d in check_file(path, allow_pending=True) if d.code != "pending"]
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    for diagnostic in errors:
        out.write(diagnostic.format() + "\n")
    if not errors and not left:
        out.write(f"{path}: reviewed; `python main.py check {path}` should pass\n")
    return 1 if errors or left else 0
