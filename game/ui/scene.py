"""The scene protocol and the stack that holds scenes (title, main screen, overlays).

A scene keeps input, update and drawing apart: `handle_event` turns one pygame event into an
optional `Transition` (push, pop, replace, quit), `update` advances interface state only (hover,
timers), and `draw` paints from the session's current `GameState`. Scenes own their pygame_gui
widgets: `build` creates them for a window size and `teardown` kills them. Widgets hold no game
state, so a scene can rebuild them at any time (on resize, or when it comes back to the top).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pygame

if TYPE_CHECKING:
    import pygame_gui

    from game.ui.app import App


@attrs.frozen
class Push:
    """Put `scene` on top of the stack."""

    scene: Scene


@attrs.frozen
class Pop:
    """Remove the top scene; `count` scenes at once for nested overlays."""

    count: int = 1


@attrs.frozen
class Swap:
    """Replace the top scene only with `scene` (the scenes below stay)."""

    scene: Scene


@attrs.frozen
class Replace:
    """Clear the stack and start again from `scene`."""

    scene: Scene


@attrs.frozen
class Quit:
    """Leave the game with `status` as the exit code."""

    status: int = 0


Transition = Push | Pop | Swap | Replace | Quit


class Scene:
    """Base class of every scene. Subclasses override what they need.

    Attributes:
        app: the application (window, widget manager, session, stack).
        transparent: whether the scene below shows through (overlays such as the pause menu).
        elements: the pygame_gui widgets this scene built, killed on `teardown`.
    """

    transparent = False
    name = "scene"

    def __init__(self, app: App) -> None:
        self.app = app
        self.elements: list[pygame_gui.core.UIElement] = []
        self.built = False
        self.backdrop: pygame.Surface | None = None

    @property
    def manager(self) -> pygame_gui.UIManager:
        """The shared pygame_gui manager."""
        return self.app.manager

    def add(self, element):
        """Register a widget so `teardown` kills it; returns it for chaining."""
        self.elements.append(element)
        return element

    def build(self, size: tuple[int, int]) -> None:
        """Create this scene's widgets for a window of `size`."""

    def teardown(self) -> None:
        """Kill every widget this scene built."""
        for element in self.elements:
            element.kill()
        self.elements.clear()
        self.built = False

    def enter(self) -> None:
        """Called when the scene reaches the top of the stack (pushed or uncovered)."""
        if not self.built:
            self.build(self.app.size)
            self.built = True

    def leave(self) -> None:
        """Called when another scene covers this one or it is popped."""
        self.teardown()

    def resize(self, size: tuple[int, int]) -> None:
        """The window changed size: rebuild the widgets for it."""
        self.teardown()
        self.build(size)
        self.built = True

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        """React to one event (pygame or pygame_gui); return a transition or None."""
        return None

    def update(self, dt: float) -> Transition | None:
        """Advance timers and animations by `dt` seconds; may return a transition."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """Paint the scene (beneath the widgets, which the manager draws on top)."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """Paint what must sit above the widgets (custom tooltips)."""


class SceneStack:
    """Scenes on a stack: the top one gets input; transparent ones let the one below show."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        """The scene receiving input, or None when empty."""
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> None:
        """Cover the current top with `scene`."""
        if self.scenes:
            self.scenes[-1].leave()
        self.scenes.append(scene)
        scene.enter()

    def pop(self, count: int = 1) -> None:
        """Remove `count` scenes and uncover the one below."""
        for _ in range(min(count, len(self.scenes))):
            self.scenes.pop().leave()
        if self.scenes:
            self.scenes[-1].enter()

    def swap(self, scene: Scene) -> None:
        """Replace the top scene with `scene`, without uncovering the one below."""
        if self.scenes:
            self.scenes.pop().leave()
        self.scenes.append(scene)
        scene.enter()

    def replace(self, scene: Scene) -> None:
        """Empty the stack and push `scene`."""
        while self.scenes:
            self.scenes.pop().leave()
        self.push(scene)

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top and every scene seen through overlays."""
        out: list[Scene] = []
        for scene in reversed(self.scenes):
            out.append(scene)
            if not scene.transparent:
                break
        return list(reversed(out))
