"""Menu scenes: the title screen, new game set-up, loading a save, settings and the pause menu."""

from __future__ import annotations

import time
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UILabel,
    UISelectionList,
    UITextBox,
    UITextEntryLine,
)

import game
from game.ui import assets, draw, mapview, palette
from game.ui.scene import Pop, Push, Quit, Replace, Scene, Transition
from game.ui.session import AI_LEVELS, Session, saves_folder

DEFAULT_SCENARIO = assets.SCENARIOS / "tehran-2017.toml"
WINDOW_SIZES = ("1280x800", "1440x900", "1600x1000", "1920x1080", "1024x700")


def _backdrop(scene: Scene, surface: pygame.Surface) -> None:
    """The region's map, dimmed, behind a menu."""
    size = surface.get_size()
    cache = getattr(scene, "_backdrop", None)
    if cache is None or cache.get_size() != size:
        scenario = _menu_scenario()
        cache = pygame.Surface(size)
        if scenario is not None:
            view = mapview.MapView(scenario)
            view.draw(
                cache,
                cache.get_rect(),
                mapview.theatres_from_scenario(scenario),
                [],
                {},
                0,
                legend=False,
            )
        shade = pygame.Surface(size, pygame.SRCALPHA)
        shade.fill((10, 12, 16, 170))
        cache.blit(shade, (0, 0))
        scene._backdrop = cache  # type: ignore[attr-defined]
    surface.blit(cache, (0, 0))


_MENU_SCENARIO: list = []


def _menu_scenario():
    if not _MENU_SCENARIO:
        try:
            _MENU_SCENARIO.append(game.load_scenario(DEFAULT_SCENARIO))
        except (OSError, ValueError):
            _MENU_SCENARIO.append(None)
    return _MENU_SCENARIO[0]


def start_game(app, session: Session) -> Transition:
    """Put a session in the app and open the main screen (after a hand-over in hot-seat)."""
    from game.ui.scenes.main import MainScene

    app.session = session
    return Replace(MainScene(app))


class TitleScene(Scene):
    """The title screen: new game, load game, settings, quit."""

    name = "title"

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        bw, bh = 280, 46
        x = w // 2 - bw // 2
        y = int(h * 0.46)
        labels = (
            ("new", "New game", "Choose a scenario, your seats and the AI"),
            ("load", "Load game", "Continue a saved or autosaved game"),
            ("settings", "Settings", "Window size, full screen, sound, colours"),
            ("quit", "Quit", "Leave Concert"),
        )
        self.buttons = {}
        for i, (key, text, tip) in enumerate(labels):
            self.buttons[key] = self.add(
                UIButton(
                    pygame.Rect(x, y + i * (bh + 12), bw, bh),
                    text,
                    self.manager,
                    tool_tip_text=tip,
                    object_id="#primary" if key == "new" else None,
                )
            )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            for key, button in self.buttons.items():
                if event.ui_element is button:
                    return self._choose(key)
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_n):
                return self._choose("new")
            if event.key == pygame.K_l:
                return self._choose("load")
            if event.key in (pygame.K_ESCAPE, pygame.K_q):
                return Quit(0)
            if event.key == pygame.K_F9:
                return self._choose("load")
        return None

    def _choose(self, key: str) -> Transition:
        if key == "new":
            return Push(NewGameScene(self.app))
        if key == "load":
            return Push(LoadScene(self.app))
        if key == "settings":
            return Push(SettingsScene(self.app))
        return Quit(0)

    def draw(self, surface: pygame.Surface) -> None:
        _backdrop(self, surface)
        w, h = surface.get_size()
        draw.text(
            surface,
            "CONCERT",
            (w // 2, int(h * 0.16)),
            72,
            palette.TEXT,
            True,
            "center",
            shadow=True,
        )
        draw.text(
            surface,
            "a game of alignments, sanctions and settlements",
            (w // 2, int(h * 0.25)),
            20,
            palette.SKY,
            anchor="center",
            shadow=True,
        )
        scenario = _menu_scenario()
        if scenario is not None:
            draw.text(
                surface,
                scenario.meta.title,
                (w // 2, int(h * 0.31)),
                18,
                palette.YELLOW,
                True,
                "center",
                shadow=True,
            )
            persian = "ایران، روسیه، ترکیه، آمریکا"
            draw.text(
                surface, persian, (w // 2, int(h * 0.36)), 18, palette.TEXT_DIM, anchor="center"
            )
        draw.text(
            surface,
            "Enter: new game   L: load   Esc: quit",
            (w // 2, h - 30),
            13,
            palette.TEXT_DIM,
            anchor="center",
        )


class NewGameScene(Scene):
    """Choose the scenario, the human seats (one to four, hot-seat), the AI level and the seed."""

    name = "new game"

    def __init__(self, app) -> None:
        super().__init__(app)
        files = assets.scenario_files()
        self.files = files or [DEFAULT_SCENARIO]
        self.path = DEFAULT_SCENARIO if DEFAULT_SCENARIO in self.files else self.files[0]
        self.scenario = None
        self.error = ""
        self.humans: list[str] = []
        self.ai_level = "greedy"
        self.seed = int(time.time()) % 100000
        self._load()

    def _load(self) -> None:
        try:
            self.scenario = game.load_scenario(self.path)
            self.error = ""
        except (OSError, ValueError) as exc:
            self.scenario = None
            self.error = str(exc).splitlines()[0][:200]
        playable = self.scenario.playable_ids if self.scenario else ()
        self.humans = [a for a in self.humans if a in playable] or list(playable[:1])

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        panel = pygame.Rect(w // 2 - 380, 70, 760, h - 140)
        self.panel_rect = panel
        x, y = panel.left + 24, panel.top + 56
        self.add(UILabel(pygame.Rect(x, y, 120, 30), "Scenario", self.manager))
        self.scenario_menu = self.add(
            UIDropDownMenu(
                [p.name for p in self.files],
                self.path.name,
                pygame.Rect(x + 130, y, 360, 30),
                self.manager,
            )
        )
        y += 48
        self.add(UILabel(pygame.Rect(x, y, 120, 30), "Seats", self.manager))
        self.seat_buttons: dict[str, UIButton] = {}
        playable = self.scenario.playable_ids if self.scenario else ()
        for i, actor in enumerate(playable):
            name = self.scenario.actor(actor).name
            human = actor in self.humans
            self.seat_buttons[actor] = self.add(
                UIButton(
                    pygame.Rect(x + 130 + (i % 4) * 150, y + (i // 4) * 40, 142, 34),
                    f"{name}: {'human' if human else 'AI'}",
                    self.manager,
                    tool_tip_text=f"Click to switch {name} between a human player and the AI. "
                    "Several humans take turns on this screen (hot-seat).",
                    object_id="#seat_human" if human else None,
                )
            )
        y += 40 * max(1, (len(playable) + 3) // 4) + 10
        self.add(UILabel(pygame.Rect(x, y, 120, 30), "AI level", self.manager))
        self.ai_menu = self.add(
            UIDropDownMenu(
                list(AI_LEVELS), self.ai_level, pygame.Rect(x + 130, y, 180, 30), self.manager
            )
        )
        self.add(UILabel(pygame.Rect(x + 340, y, 60, 30), "Seed", self.manager))
        self.seed_entry = self.add(UITextEntryLine(pygame.Rect(x + 400, y, 120, 30), self.manager))
        self.seed_entry.set_text(str(self.seed))
        self.seed_entry.set_allowed_characters("numbers")
        y += 48
        desc = ""
        if self.scenario is not None:
            meta = self.scenario.meta
            desc = (
                f"<b>{meta.title}</b><br>{meta.start:%B %Y}, {meta.turn_limit} turns of "
                f"{meta.months_per_turn} month(s).<br><br>{meta.description.strip()}"
            )
        elif self.error:
            desc = f"<b>This scenario does not load:</b><br>{self.error}"
        self.add(
            UITextBox(
                desc, pygame.Rect(x, y, panel.width - 48, panel.bottom - y - 70), self.manager
            )
        )
        self.back = self.add(
            UIButton(pygame.Rect(x, panel.bottom - 56, 140, 40), "Back", self.manager)
        )
        self.go = self.add(
            UIButton(
                pygame.Rect(panel.right - 224, panel.bottom - 56, 200, 40),
                "Start game",
                self.manager,
                object_id="#primary",
                tool_tip_text="Start with these seats (Enter)",
            )
        )
        if self.scenario is None or not self.humans:
            self.go.disable()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                return Pop()
            if event.ui_element is self.go:
                return self._start()
            for actor, button in self.seat_buttons.items():
                if event.ui_element is button:
                    if actor in self.humans:
                        if len(self.humans) > 1:
                            self.humans.remove(actor)
                    else:
                        self.humans.append(actor)
                    self.resize(self.app.size)
                    return None
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            if event.ui_element is self.scenario_menu:
                self.path = next(p for p in self.files if p.name == event.text)
                self._load()
                self.resize(self.app.size)
            elif event.ui_element is self.ai_menu:
                self.ai_level = event.text
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.seed_entry:
            text = self.seed_entry.get_text()
            self.seed = int(text) if text.isdigit() else 0
        if event.type == pygame.KEYDOWN and not self.seed_entry.is_focused:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            if event.key == pygame.K_RETURN and self.go.is_enabled:
                return self._start()
        return None

    def _start(self) -> Transition | None:
        playable = self.scenario.playable_ids
        humans = tuple(a for a in playable if a in self.humans)
        try:
            session = Session.start(self.path, humans, self.ai_level, self.seed)
        except (OSError, ValueError) as exc:
            self.app.notify(f"Cannot start: {str(exc).splitlines()[0][:120]}")
            return None
        return start_game(self.app, session)

    def draw(self, surface: pygame.Surface) -> None:
        _backdrop(self, surface)
        draw.panel(surface, self.panel_rect, palette.PANEL, palette.BORDER, alpha=235)
        draw.text(
            surface,
            "New game",
            (self.panel_rect.left + 24, self.panel_rect.top + 14),
            22,
            palette.TEXT,
            True,
        )
        who = ", ".join(self.scenario.actor(a).name for a in self.humans) if self.scenario else ""
        note = f"Human: {who}" + (
            "  (hot-seat: players take turns)" if len(self.humans) > 1 else ""
        )
        draw.text(
            surface,
            note,
            (self.panel_rect.right - 24, self.panel_rect.top + 20),
            13,
            palette.SKY,
            anchor="topright",
        )


class LoadScene(Scene):
    """Pick a save (or an autosave) to continue."""

    name = "load"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.files: list[Path] = []

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        folder = saves_folder()
        self.files = sorted(
            [*folder.glob("*.json"), *folder.glob("autosave/*.json")],
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        panel = pygame.Rect(w // 2 - 360, 80, 720, h - 160)
        self.panel_rect = panel
        items = [
            f"{p.parent.name + '/' if p.parent != folder else ''}{p.name}   "
            f"({time.strftime('%Y-%m-%d %H:%M', time.localtime(p.stat().st_mtime))})"
            for p in self.files
        ]
        self.list = self.add(
            UISelectionList(
                pygame.Rect(panel.left + 20, panel.top + 60, panel.width - 40, panel.height - 140),
                items or ["(no saves yet)"],
                self.manager,
            )
        )
        self.back = self.add(
            UIButton(pygame.Rect(panel.left + 20, panel.bottom - 60, 140, 40), "Back", self.manager)
        )
        self.go = self.add(
            UIButton(
                pygame.Rect(panel.right - 200, panel.bottom - 60, 180, 40),
                "Load",
                self.manager,
                object_id="#primary",
            )
        )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                return Pop()
            if event.ui_element is self.go:
                return self._load()
        if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
            return self._load()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        return None

    def _load(self) -> Transition | None:
        chosen = self.list.get_single_selection()
        if not chosen or not self.files:
            self.app.notify("Choose a save first")
            return None
        index = self.list.item_list.index(
            next(i for i in self.list.item_list if i["text"] == chosen)
        )
        return load_into(self.app, self.files[index])

    def draw(self, surface: pygame.Surface) -> None:
        _backdrop(self, surface)
        draw.panel(surface, self.panel_rect, palette.PANEL, palette.BORDER, alpha=235)
        draw.text(
            surface,
            "Load game",
            (self.panel_rect.left + 20, self.panel_rect.top + 16),
            22,
            palette.TEXT,
            True,
        )
        draw.text(
            surface,
            str(saves_folder()),
            (self.panel_rect.right - 20, self.panel_rect.top + 22),
            12,
            palette.TEXT_DIM,
            anchor="topright",
        )


def load_into(app, path: Path) -> Transition | None:
    """Load a save into the app, or say why it cannot be loaded."""
    from game.persist.errors import SaveError

    level = app.session.ai_level if app.session else "greedy"
    try:
        session = Session.load(path, level)
    except (SaveError, OSError, ValueError) as exc:
        app.notify(f"Cannot load: {str(exc).splitlines()[0][:140]}", 5)
        return None
    app.notify(f"Loaded {Path(path).name}")
    return start_game(app, session)


class SettingsScene(Scene):
    """Window size, full screen, sound and colours."""

    name = "settings"
    transparent = True

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        s = self.app.settings
        panel = pygame.Rect(w // 2 - 260, h // 2 - 190, 520, 380)
        self.panel_rect = panel
        x, y = panel.left + 24, panel.top + 60
        self.add(UILabel(pygame.Rect(x, y, 160, 32), "Window size", self.manager))
        current = f"{s.size[0]}x{s.size[1]}"
        options = list(WINDOW_SIZES) if current in WINDOW_SIZES else [current, *WINDOW_SIZES]
        self.size_menu = self.add(
            UIDropDownMenu(options, current, pygame.Rect(x + 200, y, 200, 32), self.manager)
        )
        y += 50
        self.toggles = {}
        for key, label in (
            ("fullscreen", "Full screen"),
            ("sound", "Sound"),
            ("colour_blind_safe", "Colour-blind-safe colours"),
        ):
            self.add(UILabel(pygame.Rect(x, y, 200, 32), label, self.manager))
            on = getattr(s, key)
            self.toggles[key] = self.add(
                UIButton(
                    pygame.Rect(x + 200, y, 120, 32),
                    "on" if on else "off",
                    self.manager,
                    object_id="#seat_human" if on else None,
                )
            )
            y += 46
        self.back = self.add(
            UIButton(
                pygame.Rect(panel.right - 164, panel.bottom - 56, 140, 40),
                "Done",
                self.manager,
                object_id="#primary",
            )
        )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        s = self.app.settings
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                s.save()
                return Pop()
            for key, button in self.toggles.items():
                if event.ui_element is button:
                    setattr(s, key, not getattr(s, key))
                    if key == "fullscreen":
                        self.app.resize(s.size, s.fullscreen)
                    else:
                        self.resize(self.app.size)
                    self.app.invalidate()
                    return None
        if (
            event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED
            and event.ui_element is self.size_menu
        ):
            w, h = (int(v) for v in event.text.split("x"))
            self.app.resize((w, h), False)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            s.save()
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        draw.panel(surface, self.panel_rect, palette.PANEL, palette.BORDER)
        draw.text(
            surface,
            "Settings",
            (self.panel_rect.left + 24, self.panel_rect.top + 16),
            22,
            palette.TEXT,
            True,
        )


class PauseScene(Scene):
    """Esc on the main screen: resume, save, load, settings, quit to title, quit."""

    name = "pause"
    transparent = True

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        panel = pygame.Rect(w // 2 - 170, h // 2 - 230, 340, 460)
        self.panel_rect = panel
        self.buttons = {}
        entries = (
            ("resume", "Resume (Esc)"),
            ("save", "Save game (F5)"),
            ("save_as", "Save as new file"),
            ("load", "Load game (F9: quick-load)"),
            ("settings", "Settings"),
            ("title", "Quit to title"),
            ("quit", "Quit Concert"),
        )
        for i, (key, label) in enumerate(entries):
            self.buttons[key] = self.add(
                UIButton(
                    pygame.Rect(panel.left + 30, panel.top + 64 + i * 54, panel.width - 60, 44),
                    label,
                    self.manager,
                    object_id="#primary" if key == "resume" else None,
                )
            )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Pop()
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return None
        key = next((k for k, b in self.buttons.items() if b is event.ui_element), None)
        session = self.app.session
        if key == "resume":
            return Pop()
        if key in ("save", "save_as") and session is not None:
            path = session.save_path if key == "save" and session.save_path else None
            path = path or saves_folder() / (
                f"{session.scenario.meta.id}-turn{session.state.turn:02d}-"
                f"{time.strftime('%Y%m%d-%H%M%S')}.json"
            )
            try:
                written = session.save(path)
                self.app.notify(f"Saved {written.name}")
            except OSError as exc:
                self.app.notify(f"Cannot save: {exc}")
            return Pop()
        if key == "load":
            return Push(LoadScene(self.app))
        if key == "settings":
            return Push(SettingsScene(self.app))
        if key == "title":
            self.app.session = None
            return Replace(TitleScene(self.app))
        if key == "quit":
            return Quit(0)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        surface.blit(shade, (0, 0))
        draw.panel(surface, self.panel_rect, palette.PANEL, palette.BORDER)
        draw.text(
            surface,
            "Paused",
            (self.panel_rect.centerx, self.panel_rect.top + 30),
            22,
            palette.TEXT,
            True,
            "center",
        )
