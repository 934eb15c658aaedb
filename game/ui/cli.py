"""The `play` command: open the desktop game (title screen, a new game, a save, or autoplay).

    python main.py play [SCENARIO] [--as RUS,TUR] [--ai LEVEL] [--load SAVE] [--seed S]
    SDL_VIDEODRIVER=dummy python main.py play --autoplay --turns 3   # the CI smoke test

Without a display it says so, points to the headless commands and exits with status 3.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from game.ui.display import display_problem, no_display_message

DEFAULT_SCENARIO = Path(__file__).resolve().parent.parent.parent / "scenarios" / "tehran-2017.toml"


def parse_size(text: str) -> tuple[int, int]:
    """`"1280x800"` -> (1280, 800); argparse error otherwise."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (320 <= w <= 8192 and 240 <= h <= 8192):
        raise argparse.ArgumentTypeError(f"{text!r}: size out of range")
    return (w, h)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `play` command."""
    parser.add_argument(
        "scenario",
        nargs="?",
        default=None,
        help="scenario file (default: scenarios/tehran-2017.toml)",
    )
    parser.add_argument(
        "--as",
        dest="seats",
        default=None,
        metavar="RUS,TUR",
        help="start at once with these human seats (hot-seat when several)",
    )
    parser.add_argument(
        "--ai",
        default="greedy",
        choices=("random", "greedy", "planner"),
        help="AI level of the other seats (default greedy)",
    )
    parser.add_argument("--load", default=None, metavar="SAVE", help="continue a saved game")
    parser.add_argument("--seed", type=int, default=None, help="game seed (default: the clock)")
    parser.add_argument(
        "--autoplay",
        action="store_true",
        help="the AI plays every seat through the real UI loop (smoke test)",
    )
    parser.add_argument(
        "--turns", type=int, default=None, help="with --autoplay: stop after this many turns"
    )
    parser.add_argument("--size", type=parse_size, default=None, help="window size, e.g. 1280x800")
    parser.add_argument("--fullscreen", action="store_true", help="fill the screen")


def run(args: argparse.Namespace) -> int:
    """Open the game; returns the exit status."""
    problem = display_problem()
    if problem is not None:
        print(no_display_message(problem), file=sys.stderr)
        return 3
    from game.persist.errors import SaveError
    from game.scenario.load import ScenarioError
    from game.ui.app import App
    from game.ui.scenes.main import MainScene
    from game.ui.scenes.menus import TitleScene
    from game.ui.session import Session, Settings

    scenario = Path(args.scenario) if args.scenario else DEFAULT_SCENARIO
    seed = args.seed if args.seed is not None else int(time.time()) % 1_000_000
    try:
        session = None
        if args.load:
            session = Session.load(args.load, args.ai)
        elif args.autoplay:
            session = Session.start(scenario, (), args.ai, seed)
        elif args.seats:
            seats = tuple(s.strip().upper() for s in args.seats.split(",") if s.strip())
            scen = _scenario(scenario)
            bad = [s for s in seats if s not in scen.playable_ids]
            if bad or not seats:
                print(
                    f"concert: --as {args.seats}: playable seats are "
                    f"{', '.join(scen.playable_ids)}",
                    file=sys.stderr,
                )
                return 2
            session = Session.start(scenario, seats, args.ai, seed)
        elif args.scenario and not scenario.is_file():
            print(f"concert: {scenario}: no such scenario file", file=sys.stderr)
            return 2
    except (ScenarioError, SaveError, OSError) as exc:
        print(f"concert: {exc}", file=sys.stderr)
        return 2
    settings = Settings() if args.autoplay else Settings.load()
    if args.fullscreen:
        settings.fullscreen = True
    app = App(args.size or settings.size, settings, autoplay=args.autoplay)
    app.autoplay_turns = args.turns
    if session is not None:
        app.session = session
        app.start(MainScene(app))
        if not args.autoplay:
            print(f"concert: seed {session.seed}", file=sys.stderr)
    else:
        app.start(TitleScene(app))
    try:
        status = app.run(fps=0 if args.autoplay else 60)
    finally:
        app.close()
    if args.autoplay:
        s = app.session
        if s is not None:
            print(
                f"autoplay: {s.state.turn} turns, {app.frames} frames "
                f"({app.drawn_frames} drawn), stability {s.scores().stability:.1f}"
            )
    return status


def _scenario(path: Path):
    import game

    return game.load_scenario(path)
