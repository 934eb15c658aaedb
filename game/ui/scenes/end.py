"""The end screen: the winner, each agenda's breakdown, the region's stability against its start."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

import game
from game.ui import describe, draw, palette
from game.ui.scene import Push, Quit, Replace, Scene, Transition


class EndScene(Scene):
    """Who won, by how much, and whether the region is better off."""

    name = "end"

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        self.bars_top = 150
        rows = len(self.app.session.scenario.playable_ids)
        top = self.bars_top + 30 * rows + 16
        self.box = self.add(
            UITextBox(self._text(), pygame.Rect(20, top, w - 40, h - top - 80), self.manager)
        )
        self.charts = self.add(UIButton(pygame.Rect(20, h - 64, 160, 44), "Charts", self.manager))
        self.title = self.add(
            UIButton(
                pygame.Rect(w // 2 - 100, h - 64, 200, 44),
                "Back to title",
                self.manager,
                object_id="#primary",
            )
        )
        self.quit = self.add(UIButton(pygame.Rect(w - 180, h - 64, 160, 44), "Quit", self.manager))

    def _text(self) -> str:
        s = self.app.session
        state = s.state
        scores = s.scores()
        out = ["<b>Agendas</b>"]
        for actor in sorted(scores.agendas, key=lambda a: -scores.agendas[a]):
            who = " (human)" if actor in s.humans else f" ({s.ai_level} AI)"
            out.append(
                f"<br><b>{describe.esc(describe.name_of(state, actor))}</b>{who}: "
                f"<b>{scores.agendas[actor]:.1f}</b> / 100"
            )
            for label, term in scores.agenda_terms.get(actor, {}).items():
                out.append(
                    f"  • {describe.esc(label)}: met {term.value:.0%} × weight "
                    f"{term.weight:.2f} = {term.contribution:.1f}"
                )
        start = s.scores(s.history[0])
        out.append("<br><b>Regional stability by term</b> (start to end)")
        for key, term in scores.stability_terms.items():
            old = start.stability_terms.get(key)
            out.append(
                f"  • {describe.esc(describe.STABILITY_TERMS.get(key, key))}: "
                f"{old.contribution if old else 0:.1f} to {term.contribution:.1f}"
            )
        return "<br>".join(out)

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.charts:
                from game.ui.scenes.charts import ChartsScene

                return Push(ChartsScene(self.app))
            if event.ui_element is self.title:
                from game.ui.scenes.menus import TitleScene

                self.app.session = None
                return Replace(TitleScene(self.app))
            if event.ui_element is self.quit:
                return Quit(0)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Quit(0)
        return None

    def update(self, dt: float) -> Transition | None:
        return Quit(0) if self.app.autoplay else None

    def draw(self, surface: pygame.Surface) -> None:
        s = self.app.session
        surface.fill(palette.BG)
        w, _h = surface.get_size()
        scores = s.scores()
        winner = game.winner(s.state)
        name = describe.name_of(s.state, winner) if winner else "Nobody"
        draw.text(surface, "The concert is over", (w // 2, 30), 30, palette.TEXT, True, "center")
        draw.text(surface, f"{name} wins", (w // 2, 74), 26, palette.YELLOW, True, "center")
        start = s.scores(s.history[0]).stability
        end = scores.stability
        verdict = (
            "more stable"
            if end > start + 0.05
            else ("less stable" if end < start - 0.05 else "as stable as")
        )
        colour = palette.SKY if end >= start else palette.VERMILLION
        from game.ui.scenes.main import colours_for

        colours = colours_for(self.app)
        ranked = sorted(scores.agendas, key=lambda a: -scores.agendas[a])
        y = self.bars_top
        bar_w = w - 360
        for actor in ranked:
            value = scores.agendas[actor]
            label = describe.name_of(s.state, actor)
            draw.text(surface, label, (170, y + 4), 15, palette.TEXT, actor == winner, "topright")
            bar = pygame.Rect(190, y + 3, bar_w, 20)
            pygame.draw.rect(surface, palette.PANEL_LIGHT, bar, border_radius=4)
            fill = bar.copy()
            fill.width = max(2, int(bar_w * value / 100))
            pygame.draw.rect(surface, colours.get(actor, palette.TEXT), fill, border_radius=4)
            who = "human" if actor in s.humans else f"{s.ai_level} AI"
            draw.text(surface, f"{value:.1f}  ({who})", (bar.right + 10, y + 4), 14, palette.TEXT)
            y += 30
        draw.text(
            surface,
            f"The region ends {verdict} than it began: stability {start:.1f} to {end:.1f}",
            (w // 2, 116),
            18,
            colour,
            True,
            "center",
        )
