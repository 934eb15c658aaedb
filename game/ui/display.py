"""Whether a window can be opened here, and the message for when it cannot."""

from __future__ import annotations

import os
import sys

NO_DISPLAY = """concert: no display found, so the desktop game cannot open a window.

There is no DISPLAY or WAYLAND_DISPLAY here (and SDL_VIDEODRIVER is not set). Everything else
works without a screen:

  python main.py check scenarios/tehran-2017.toml     check a scenario
  python main.py simulate scenarios/tehran-2017.toml  play many seeded games headless
  python main.py screenshot --scene game --out game.png   render one screen to PNG
  python main.py preview scenarios/tehran-2017.toml -o scenario.png
  SDL_VIDEODRIVER=dummy python main.py play --autoplay --turns 3   the UI smoke test

On a desktop, run `python main.py` from a terminal inside the graphical session; over SSH use
`ssh -X`, or a virtual display: `xvfb-run python main.py`."""


def display_problem() -> str | None:
    """None when a window can be opened; otherwise the reason, for the message above."""
    names = ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
    if sys.platform.startswith("linux") and not any(os.environ.get(n) for n in names):
        return "no DISPLAY, WAYLAND_DISPLAY or SDL_VIDEODRIVER in the environment"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    try:
        pygame.display.init()
    except pygame.error as exc:
        return f"pygame.display.init failed: {exc}"
    return None


def no_display_message(reason: str) -> str:
    """The full message, with the reason on its last line."""
    return f"{NO_DISPLAY}\n\n(reason: {reason})"
