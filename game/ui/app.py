"""The application loop: events → update → draw → clock.tick, over a stack of scenes.

`App` owns the window, the pygame_gui manager, the scene stack and the shared `Session`. It skips
drawing when nothing changed (no input, no animation, no pending tooltip), so an idle game costs
almost nothing, and it follows the window when it is resized. `App.frame` runs one iteration, so
tests and the autoplay smoke test drive the very loop a player uses.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame
import pygame_gui

from game.ui import assets, draw, palette
from game.ui.scene import Pop, Push, Quit, Replace, Scene, SceneStack, Swap, Transition
from game.ui.session import Session, Settings

MIN_SIZE = (960, 640)
_INPUT = frozenset(
    {
        pygame.MOUSEMOTION,
        pygame.MOUSEBUTTONDOWN,
        pygame.MOUSEBUTTONUP,
        pygame.MOUSEWHEEL,
        pygame.KEYDOWN,
        pygame.KEYUP,
        pygame.TEXTINPUT,
        pygame.TEXTEDITING,
    }
)
REDRAW_AFTER_INPUT = 1.5  # seconds: covers pygame_gui hover fades and tooltip delays


class App:
    """The window, the widget manager, the scene stack and the session.

    Attributes:
        screen: the display surface.
        manager: the pygame_gui manager every scene's widgets belong to.
        stack: the scenes, the top one receiving input.
        session: the game in progress, or None on the title screen.
        settings: the player's preferences.
        autoplay: when set, every seat is AI and the main screen ends turns by itself.
        status: the exit status once the loop stops.
    """

    def __init__(
        self,
        size: tuple[int, int] | None = None,
        settings: Settings | None = None,
        autoplay: bool = False,
    ) -> None:
        self.settings = settings or Settings()
        size = size or self.settings.size
        pygame.display.init()
        pygame.font.init()
        pygame.key.set_repeat(350, 40)
        self.screen = self._set_mode(size, self.settings.fullscreen)
        pygame.display.set_caption("Concert")
        self.manager = pygame_gui.UIManager(self.screen.get_size(), assets.theme())
        self.manager.preload_fonts(
            [
                {"name": "noto_sans", "point_size": size, "style": style}
                for size, style in ((14, "bold"), (14, "italic"), (13, "bold"))
            ]
        )
        self.stack = SceneStack()
        self.clock = pygame.time.Clock()
        self.session: Session | None = None
        self.autoplay = autoplay
        self.running = True
        self.status = 0
        self.frames = 0
        self.drawn_frames = 0
        self._dirty_until = 0.0
        self._force = True
        self._toast: tuple[str, float] | None = None

    # --- window ----------------------------------------------------------------------------

    @staticmethod
    def _set_mode(size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        w, h = max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1])
        return pygame.display.set_mode((w, h), pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        """The window size in pixels."""
        return self.screen.get_size()

    def resize(self, size: tuple[int, int], fullscreen: bool | None = None) -> None:
        """Change the window size (or full screen) and lay every scene out again."""
        if fullscreen is not None:
            self.settings.fullscreen = fullscreen
        self.screen = self._set_mode(size, self.settings.fullscreen)
        if not self.settings.fullscreen:
            self.settings.size = self.screen.get_size()
        self.manager.set_window_resolution(self.screen.get_size())
        for scene in self.stack.scenes:
            scene.teardown()
        if self.stack.top is not None:
            self.stack.top.resize(self.size)
        self.invalidate()

    # --- redraw bookkeeping ------------------------------------------------------------------

    def invalidate(self) -> None:
        """Draw the next frame even if nothing else changed."""
        self._force = True

    def notify(self, text: str, seconds: float = 3.0) -> None:
        """A short message at the bottom of the window."""
        self._toast = (text, time.monotonic() + seconds)
        self.invalidate()

    # --- scenes ----------------------------------------------------------------------------

    def apply(self, transition: Transition | None) -> None:
        """Carry out a scene's transition."""
        if transition is None:
            return
        if isinstance(transition, Push):
            if transition.scene.transparent:
                # An overlay shows the screen as it was, widgets included, beneath its shade.
                if self.drawn_frames == 0:
                    self.draw()
                transition.scene.backdrop = self.screen.copy()
            self.stack.push(transition.scene)
        elif isinstance(transition, Pop):
            self.stack.pop(transition.count)
            if self.stack.top is None:
                self.running = False
        elif isinstance(transition, Swap):
            self.stack.swap(transition.scene)
        elif isinstance(transition, Replace):
            self.stack.replace(transition.scene)
        elif isinstance(transition, Quit):
            self.running = False
            self.status = transition.status
        self.invalidate()

    def start(self, scene: Scene) -> None:
        """Begin with `scene` on an empty stack."""
        self.stack.replace(scene)
        self.invalidate()

    # --- the loop --------------------------------------------------------------------------

    def frame(
        self, events: list[pygame.event.Event] | None = None, dt: float | None = None
    ) -> bool:
        """One iteration of the loop; returns False once the game should stop.

        Args:
            events: the events to process (default: everything pygame has queued).
            dt: seconds since the last frame (default: measured by the clock).
        """
        # Given events (tests, autoplay) come first; whatever pygame queued, such as the events
        # pygame_gui posts when a button is pressed, follows in the same frame.
        events = pygame.event.get() if events is None else [*events, *pygame.event.get()]
        now = time.monotonic()
        for event in events:
            if event.type == pygame.QUIT:
                self.apply(Quit(self.status))
                continue
            if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
                self.resize((event.w, event.h))
                continue
            if event.type in (
                pygame.WINDOWEXPOSED,
                pygame.WINDOWRESTORED,
                pygame.WINDOWSHOWN,
                pygame.WINDOWFOCUSGAINED,
                pygame.WINDOWENTER,
                pygame.WINDOWLEAVE,
            ):
                self.invalidate()
            if event.type in _INPUT or event.type >= pygame.USEREVENT:
                self._dirty_until = now + REDRAW_AFTER_INPUT
            self.manager.process_events(event)
            top = self.stack.top
            if top is not None:
                self.apply(top.handle_event(event))
            if not self.running:
                return False
        seconds = dt if dt is not None else 1 / 60
        top = self.stack.top
        if top is not None:
            self.apply(top.update(seconds))
        self.frames += 1
        top = self.stack.top
        busy = (
            self._force
            or now < self._dirty_until
            or bool(top and getattr(top, "animating", False))
            or self._typing()
            or self.autoplay  # the smoke test renders every frame on purpose
        )
        if self._toast and now > self._toast[1]:
            self._toast = None
            busy = True
        if busy or self._toast:
            # Widgets only change after input (hover, presses, tooltips, a blinking cursor), so
            # an idle frame skips both their update and the redraw.
            self.manager.update(seconds)
            self.draw()
        return self.running

    def _typing(self) -> bool:
        """Whether a text entry has the keyboard (its cursor blinks)."""
        return any(
            isinstance(e, pygame_gui.elements.UITextEntryLine)
            for e in (self.manager.get_focus_set() or ())
        )

    def draw(self) -> None:
        """Paint every visible scene, the widgets, overlays and the toast, then flip."""
        self.screen.fill(palette.BG)
        visible = self.stack.visible()
        backdrop = getattr(visible[-1], "backdrop", None) if visible else None
        if backdrop is not None and backdrop.get_size() == self.size:
            self.screen.blit(backdrop, (0, 0))
            visible = visible[-1:]
        for scene in visible:
            scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        top = self.stack.top
        if top is not None:
            top.draw_overlay(self.screen)
        if self._toast:
            image = assets.render(self._toast[0], 15, palette.TEXT, True)
            rect = image.get_rect(midbottom=(self.size[0] // 2, self.size[1] - 24))
            draw.panel(self.screen, rect.inflate(28, 14), (16, 19, 24), palette.ACCENT, alpha=240)
            self.screen.blit(image, rect)
        pygame.display.flip()
        self._force = False
        self.drawn_frames += 1

    def run(self, max_frames: int | None = None, fps: int = 60) -> int:
        """Loop until a scene quits (or `max_frames` pass); returns the exit status."""
        while self.running:
            dt = self.clock.tick(fps) / 1000.0
            self.frame(dt=dt)
            if max_frames is not None and self.frames >= max_frames:
                break
        return self.status

    def close(self) -> None:
        """Save settings and shut the display down."""
        if not self.autoplay:
            self.settings.save()
        pygame.display.quit()
