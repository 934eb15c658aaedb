"""The `screenshot` command: render one scene of the desktop game to a PNG, headless.

    python main.py screenshot --scene game --out game.png [--size 1280x800] [--seed 7]

Scenes that need history (the report, the charts, the end) play a few seeded turns first, every
seat by the AI, so the picture is the same on every machine.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.ui.cli import DEFAULT_SCENARIO, parse_size

SCENES = (
    "title",
    "newgame",
    "game",
    "alignment",
    "dossier",
    "report",
    "charts",
    "end",
    "handover",
    "pause",
    "settings",
    "load",
    "help",
)
# Turns played before the picture; None means to the end of the game.
TURNS = {
    "game": 3,
    "alignment": 3,
    "dossier": 3,
    "report": 3,
    "charts": 10,
    "end": None,
    "handover": 1,
    "pause": 2,
    "help": 1,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `screenshot` command."""
    parser.add_argument("--scene", choices=SCENES, default="game", help="which screen")
    parser.add_argument("--out", required=True, type=Path, help="PNG file to write")
    parser.add_argument("--size", type=parse_size, default=(1280, 800), help="e.g. 1280x800")
    parser.add_argument("--scenario", type=Path, default=DEFAULT_SCENARIO)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as", dest="seats", default="TUR", help="human seat(s), e.g. TUR")
    parser.add_argument("--ai", default="greedy", choices=("random", "greedy", "planner"))
    parser.add_argument(
        "--hover", default=None, metavar="X,Y", help="move the mouse here first (to show a tooltip)"
    )


def run(args: argparse.Namespace) -> int:
    """Render the scene and write the PNG; returns the exit status."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.persist.errors import SaveError
    from game.scenario.load import ScenarioError

    seats = tuple(s.strip().upper() for s in args.seats.split(",") if s.strip())
    try:
        surface = render(
            args.scene, args.size, args.scenario, args.seed, seats, args.ai, _hover(args.hover)
        )
    except (ScenarioError, SaveError, OSError, ValueError) as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 2
    import pygame

    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(args.out))
    print(f"{args.out}: {args.scene} at {args.size[0]}x{args.size[1]}")
    return 0


def _hover(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        x, y = (int(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--hover {text!r}: expected X,Y") from None
    return (x, y)


def render(
    scene: str,
    size: tuple[int, int],
    scenario: Path = DEFAULT_SCENARIO,
    seed: int = 7,
    seats: tuple[str, ...] = ("TUR",),
    ai: str = "greedy",
    hover: tuple[int, int] | None = None,
):
    """Build the app off-screen, bring it to `scene`, draw it and return a copy of the screen."""
    import pygame

    from game.ui.app import App
    from game.ui.scene import Push
    from game.ui.scenes.charts import ChartsScene
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.main import MainScene
    from game.ui.scenes.menus import (
        LoadScene,
        NewGameScene,
        PauseScene,
        SettingsScene,
        TitleScene,
    )
    from game.ui.scenes.turn import HandoverScene, HelpScene, ReportScene
    from game.ui.session import Session, Settings

    app = App(size, Settings(size=size))
    try:
        if scene in ("title", "newgame", "settings", "load"):
            app.start(TitleScene(app))
            app.frame([])
            follow = {"newgame": NewGameScene, "settings": SettingsScene, "load": LoadScene}
            if scene in follow:
                app.apply(Push(follow[scene](app)))
        else:
            session = Session.start(scenario, seats, ai, seed)
            app.session = session
            turns = TURNS.get(scene, 0)
            while not session.over and (turns is None or session.state.turn < turns):
                session.resolve_turn()
            main = MainScene(app)
            app.start(main)
            app.frame([])
            if scene in ("game", "alignment", "dossier") and session.seat:
                _queue_examples(main, session)
            if scene == "alignment":
                main.toggle_view()
            elif scene == "dossier":
                main._open_dossier(session.scenario.playable_ids[0])
            elif scene == "report":
                app.apply(Push(ReportScene(app, session.state.turn)))
            elif scene == "charts":
                app.apply(Push(ChartsScene(app)))
            elif scene == "end":
                app.start(EndScene(app))
            elif scene == "handover":
                session.seat_index = 0
                app.apply(Push(HandoverScene(app)))
            elif scene == "pause":
                app.apply(Push(PauseScene(app)))
            elif scene == "help":
                app.apply(Push(HelpScene(app)))
        app.frame([])
        if hover is not None:
            event = pygame.event.Event(pygame.MOUSEMOTION, pos=hover, rel=(0, 0), buttons=(0, 0, 0))
            app.frame([event])
            top = app.stack.top
            if getattr(top, "tip", None):
                top.tip = (top.tip[0], top.tip[1], top.tip[2] - 5.0)  # show it now
        app.invalidate()
        app.frame([])
        return app.screen.copy()
    finally:
        pygame.display.quit()


def _queue_examples(main, session) -> None:
    """Queue the cheapest order and select a proposal (if any) so the panel shows a preview."""
    orders = main.legal()
    if not orders:
        return
    cheapest = min(orders, key=session.cost)
    session.queue(cheapest)
    main._legal_cache = None
    orders = main.legal()
    proposals = [i for i, o in enumerate(orders) if o.action.value.startswith("propose")]
    main.selected = proposals[0] if proposals else 0
    main.resize(main.app.size)
