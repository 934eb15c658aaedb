"""Concert's command line: the desktop game by default, and the headless tools beside it.

Each command lives in its own module with two functions, `add_arguments(parser)` and
`run(args) -> int` (the exit status), so this file only dispatches. Only the `play`,
`screenshot` and `preview` commands import pygame, and only when they run.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

# name -> (module, one-line help). Order is the order `--help` lists them in.
COMMANDS: dict[str, tuple[str, str]] = {
    "play": ("game.ui.cli", "play the desktop game (the default command)"),
    "check": ("game.scenario.cli", "check scenario files and report every problem"),
    "draft": ("game.authoring.cli_draft", "draft a scenario from a news article"),
    "review": ("game.authoring.cli_review", "accept, reject or edit a draft's pending facts"),
    "preview": ("game.ui.preview", "render a picture of a scenario to PNG"),
    "simulate": ("game.sim.cli", "play many seeded games headless and summarise them"),
    "tournament": ("game.sim.tournament", "pit AI levels against each other seat by seat"),
    "replay": ("game.persist.cli", "verify a save by re-running it, or fork it at a turn"),
    "soak": ("game.persist.soak", "play many random games with saves and reloads every turn"),
    "screenshot": ("game.ui.screenshot", "render one scene of the desktop game to PNG"),
    "bench": (__name__, "measure engine, AI and drawing speed as ratios in one run"),
}

# Modules that contribute figures to `bench`; each has `measure(args) -> dict[str, float]`.
BENCH_SECTIONS = ("game.sim.bench", "game.ai.bench", "game.ui.bench")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `bench` command."""
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for tests)")


def run(args: argparse.Namespace) -> int:
    """The `bench` command: every section's figures, measured in this one run."""
    figures: dict[str, float] = {}
    for module_name in BENCH_SECTIONS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue  # that part of the game is not built yet
            raise
        figures.update(module.measure(args))
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        width = max((len(key) for key in figures), default=0)
        for key, value in figures.items():
            print(f"{key:<{width}}  {value:.4g}")
    return 0


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser with one sub-command per entry of `COMMANDS`.

    Only the chosen command's module is imported, so `check` never pays for (or prints the banner
    of) pygame, and a part of the game that is missing breaks only its own command.
    """
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Concert: a turn-based geopolitical alignment game.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name != chosen:
            continue
        module = _load(module_name)
        if module is None:
            command.set_defaults(handler=None)
        else:
            module.add_arguments(command)
            command.set_defaults(handler=module.run)
    return parser


def _load(module_name: str):
    """Import a command module, or None if that part of the game is not built yet."""
    if module_name == __name__:
        return sys.modules[__name__]
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; the default is `play`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv.insert(0, "play")
    parser = build_parser(argv[0] if argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if args.handler is None:
        print(f"concert: '{args.command}' is not available in this build", file=sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
