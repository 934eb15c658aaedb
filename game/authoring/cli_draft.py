"""The `draft` command: `python main.py draft ARTICLE.txt -o scenarios/NAME.toml [--report R.md]`.

Reads a news article, codes it, writes a draft scenario (every drafted fact pending review), runs
the checker on it with pending reviews allowed, and writes the Markdown review report (beside
the scenario as NAME.report.md unless `--report` says where). Whatever the article holds (empty,
binary, huge, another language, not UTF-8) the command ends with a draft or one clear error line,
never a traceback. Exit status: 0 drafted, 1 the article or output could not be used, 2 usage.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.authoring.dictionary import DictionaryError
from game.authoring.draft import draft_bytes
from game.authoring.report import render_report
from game.authoring.text import MAX_BYTES, ArticleError
from game.scenario.check import Severity, check_file
from game.scenario.save import save_scenario


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `draft` command."""
    parser.add_argument("article", metavar="ARTICLE", help="the news article, a text file")
    parser.add_argument(
        "-o", "--output", required=True, metavar="SCENARIO", help="the draft scenario to write"
    )
    parser.add_argument(
        "--report",
        metavar="REPORT",
        default=None,
        help="where to write the Markdown review report (default: SCENARIO with .report.md)",
    )
    parser.add_argument("--id", default=None, help="the scenario id (default: the file's stem)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing scenario file")


def _fail(message: str) -> int:
    print(f"concert draft: error: {message}", file=sys.stderr)
    return 1


def _article_field(article: Path, output: Path) -> str:
    """`[meta] article`: the article's path relative to the folder that holds `scenarios/`
    (where `check` looks it up), or absolute when the output has no such folder above it."""
    root = None
    for folder in (output.resolve().parent, *output.resolve().parents):
        if (folder / "scenarios").is_dir():
            root = folder
            break
    if root is None:
        # No project around the output: an absolute path is the one `check` can still find.
        return article.resolve().as_posix()
    try:
        return Path(os.path.relpath(article.resolve(), root)).as_posix()
    except ValueError:  # another drive on Windows
        return article.resolve().as_posix()


def run(args: argparse.Namespace) -> int:
    """Draft a scenario from an article; see the module docstring."""
    try:
        return _run(args)
    except (DictionaryError, ArticleError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # the output was piped into `head`; nothing left to say
        return 0
    except MemoryError:
        return _fail("out of memory while drafting; try a shorter article")
    except Exception as exc:  # the promise is a clear line, never a traceback
        return _fail(f"internal error while drafting ({type(exc).__name__}: {exc}); please report")


def _run(args: argparse.Namespace) -> int:
    article = Path(args.article)
    output = Path(args.output)
    if not article.is_file():
        return _fail(f"{article}: no such file")
    if output.exists() and not args.force:
        return _fail(f"{output} exists; use --force to overwrite it (reviews in it would be lost)")
    if not output.parent.is_dir():
        return _fail(f"{output.parent}: no such folder")
    try:
        size = article.stat().st_size
        if size > MAX_BYTES:
            return _fail(
                f"{article}: {size / 1e6:.1f} MB is too large (limit {MAX_BYTES / 1e6:.0f} MB)"
            )
        data = article.read_bytes()
    except OSError as exc:
        return _fail(f"{article}: cannot read: {exc.strerror or exc}")
    try:
        draft = draft_bytes(data, _article_field(article, output), args.id or output.stem)
    except ArticleError as exc:
        return _fail(f"{article}: {exc}")
    try:
        save_scenario(draft.scenario, output)
    except OSError as exc:
        return _fail(f"{output}: cannot write: {exc.strerror or exc}")
    diagnostics = check_file(output, allow_pending=True)
    messages = [d.format() for d in diagnostics if d.code != "pending"]
    report_path = Path(args.report) if args.report else output.with_suffix(".report.md")
    report = render_report(draft, output.as_posix(), messages)
    try:
        report_path.write_text(report, encoding="utf-8")
    except OSError as exc:
        return _fail(f"{report_path}: cannot write the report: {exc.strerror or exc}")
    scenario = draft.scenario
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    print(
        f"{output}: drafted {len(scenario.actors)} actors, {len(scenario.relations)} relations, "
        f"{len(scenario.agreements)} agreements from {draft.sentences} sentences "
        f"({len(draft.misses)} possible misses, {len(draft.unknown)} unknown names)"
    )
    for warning in draft.warnings:
        print(f"warning: {warning}")
    for diagnostic in errors:
        print(diagnostic.format())
    print(f"review report: {report_path}")
    print(f"next: python main.py review {output}")
    return 0
