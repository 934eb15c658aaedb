"""Drawing speed for `python main.py bench`: a full frame of the main screen and an idle one.

`frame_ms` is the median time of one loop iteration that redraws the whole main screen at
1280×800 (map, panels, widgets, flip) with the SDL dummy driver; `idle_frame_ms` is the median
time of an iteration with nothing new to draw (no input, no animation), which the loop skips
drawing for, so it should cost almost nothing. `frame_cpu_ms` is the full frame in CPU time, which
other processes on a busy machine disturb less.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from game.ui.cli import DEFAULT_SCENARIO


def measure(args: argparse.Namespace) -> dict[str, float]:
    """The UI figures, measured on a seeded game of the default scenario after two turns."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.ui.app import App
    from game.ui.scenes.main import MainScene
    from game.ui.session import Session, Settings

    quick = bool(getattr(args, "quick", False))
    repeats = 15 if quick else 60
    app = App((1280, 800), Settings())
    try:
        session = Session.start(DEFAULT_SCENARIO, ("TUR",), "random", 7)
        for _ in range(2):
            session.resolve_turn()
        app.session = session
        app.start(MainScene(app))
        for _ in range(3):
            app.invalidate()
            app.frame([])
        full, full_cpu = [], []
        for _ in range(repeats):
            app.invalidate()
            t0, c0 = time.perf_counter(), time.process_time()
            app.frame([])
            full.append(time.perf_counter() - t0)
            full_cpu.append(time.process_time() - c0)
        idle = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            app.frame([])
            idle.append(time.perf_counter() - t0)
    finally:
        pygame.display.quit()
    return {
        "frame_ms": statistics.median(full) * 1000,
        "frame_cpu_ms": statistics.median(full_cpu) * 1000,
        "idle_frame_ms": statistics.median(idle) * 1000,
    }
