"""Every scene renders, at two window sizes, and shows something (not a blank screen)."""

from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.ui import screenshot

FAST = (
    "title",
    "newgame",
    "settings",
    "load",
    "game",
    "alignment",
    "dossier",
    "report",
    "handover",
    "pause",
    "help",
)


def _variety(surface: pygame.Surface) -> int:
    pixels = pygame.surfarray.array3d(surface)[::7, ::7].reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


@pytest.mark.parametrize("scene", FAST)
def test_scene_renders(scene):
    """Each scene draws a full window with real content (many distinct colours)."""
    surface = screenshot.render(scene, (1280, 800), ai="random")
    assert surface.get_size() == (1280, 800)
    assert _variety(surface) > 40


def test_charts_and_end_render():
    """The charts after ten turns and the end screen after a whole game both render."""
    for scene in ("charts", "end"):
        surface = screenshot.render(scene, (1024, 700), ai="random")
        assert surface.get_size() == (1024, 700)
        assert _variety(surface) > 20


def test_small_window_keeps_panels_inside():
    """At the smallest window size the main screen's parts stay inside the window."""
    from game.ui.app import App
    from game.ui.scenes.main import MainScene
    from game.ui.session import Session, Settings

    app = App((960, 640), Settings())
    try:
        app.session = Session.start(screenshot.DEFAULT_SCENARIO, ("TUR",), "random", 3)
        scene = MainScene(app)
        app.start(scene)
        app.frame([])
        window = pygame.Rect(0, 0, 960, 640)
        for element in scene.elements:
            assert window.contains(element.get_abs_rect()), element
    finally:
        pygame.display.quit()
