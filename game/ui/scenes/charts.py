"""Charts: regional stability, influence shares and agenda scores over time, drawn with pygame."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton

from game.ui import describe, draw, palette
from game.ui.scene import Pop, Scene, Transition


def line_chart(
    surface: pygame.Surface,
    rect: pygame.Rect,
    title: str,
    series: list[tuple[str, palette.RGB, list[float]]],
    lo: float,
    hi: float,
    x_labels: list[str],
    hover_x: int | None = None,
    unit: str = "",
) -> list[pygame.Rect]:
    """A line chart of several series over the same turns; returns the legend rects."""
    draw.panel(surface, rect, palette.PANEL, palette.BORDER)
    draw.text(surface, title, (rect.left + 12, rect.top + 8), 16, palette.TEXT, True)
    plot = pygame.Rect(rect.left + 48, rect.top + 40, rect.width - 64 - 150, rect.height - 72)
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        y = plot.bottom - plot.height * k / 4
        pygame.draw.line(surface, palette.PANEL_LIGHT, (plot.left, y), (plot.right, y))
        draw.text(
            surface, f"{v:.0f}{unit}", (plot.left - 6, y), 11, palette.TEXT_DIM, anchor="midright"
        )
    n = max((len(v) for _, _, v in series), default=0)

    def px(i: int) -> float:
        return plot.left + (plot.width * i / (n - 1) if n > 1 else plot.width / 2)

    def py(v: float) -> float:
        return plot.bottom - plot.height * (v - lo) / ((hi - lo) or 1)

    step = max(1, n // 8)
    for i in range(0, n, step):
        draw.text(
            surface,
            x_labels[i] if i < len(x_labels) else str(i),
            (px(i), plot.bottom + 4),
            11,
            palette.TEXT_DIM,
            anchor="midtop",
        )
    for _name, colour, values in series:
        points = [(px(i), py(v)) for i, v in enumerate(values)]
        if len(points) >= 2:
            pygame.draw.lines(surface, colour, False, points, 3)
        for p in points[-1:]:
            pygame.draw.circle(surface, colour, p, 4)
    legends = []
    y = plot.top
    for name, colour, values in series:
        pygame.draw.rect(surface, colour, (plot.right + 16, y + 4, 14, 10))
        last = f" {values[-1]:.1f}{unit}" if values else ""
        legends.append(draw.text(surface, f"{name}{last}", (plot.right + 36, y), 12, palette.TEXT))
        y += 18
        if y > rect.bottom - 20:
            break
    if hover_x is not None and plot.left <= hover_x <= plot.right and n > 0:
        i = round((hover_x - plot.left) / (plot.width / max(1, n - 1))) if n > 1 else 0
        i = max(0, min(n - 1, i))
        pygame.draw.line(surface, palette.TEXT_DIM, (px(i), plot.top), (px(i), plot.bottom))
        lines = [x_labels[i] if i < len(x_labels) else str(i)]
        lines += [
            f"{name}: {values[i]:.1f}{unit}" for name, _c, values in series if i < len(values)
        ]
        draw.tooltip(surface, "\n".join(lines[:12]), (int(px(i)), plot.top + 10), 240)
    return legends


class ChartsScene(Scene):
    """Stability, influence and agendas through the game so far."""

    name = "charts"

    def __init__(self, app) -> None:
        super().__init__(app)
        self.mouse: tuple[int, int] = (-1, -1)

    def build(self, size: tuple[int, int]) -> None:
        w, _h = size
        self.back = self.add(
            UIButton(pygame.Rect(w - 180, 14, 160, 38), "Back (Esc)", self.manager)
        )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.back:
            return Pop()
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_ESCAPE,
            pygame.K_c,
            pygame.K_RETURN,
        ):
            return Pop()
        if event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        return None

    def draw(self, surface: pygame.Surface) -> None:
        s = self.app.session
        surface.fill(palette.BG)
        w, h = surface.get_size()
        draw.text(surface, "Charts", (20, 16), 26, palette.TEXT, True)
        draw.text(
            surface, "Hover a chart to read the values of a month.", (140, 26), 13, palette.TEXT_DIM
        )
        from game.ui.scenes.main import colours_for

        colours = colours_for(self.app)
        history = s.history
        scores = [s.scores(st) for st in history]
        labels = [f"{st.date:%b %y}" for st in history]
        top = pygame.Rect(20, 64, w - 40, (h - 100) // 2)
        bottom_left = pygame.Rect(20, top.bottom + 16, (w - 56) // 2, h - top.bottom - 36)
        bottom_right = pygame.Rect(
            bottom_left.right + 16, bottom_left.top, bottom_left.width, bottom_left.height
        )
        mx = self.mouse[0]
        values = [sc.stability for sc in scores]
        lo = max(0.0, 5 * (min(values) // 5) - 5)
        hi = min(100.0, 5 * (max(values) // 5) + 10)
        line_chart(
            surface,
            top,
            "Regional stability (index 0–100; the axis shows the range played)",
            [("Stability", palette.SKY, values)],
            lo,
            hi,
            labels,
            mx if top.collidepoint(self.mouse) else None,
        )
        final = scores[-1].influence
        leaders = sorted(final, key=lambda a: -final[a])[:7]
        top_share = max((sc.influence.get(a, 0) for sc in scores for a in leaders), default=10)
        line_chart(
            surface,
            bottom_left,
            "Influence shares (%)",
            [
                (
                    describe.short_name(s.state, a),
                    colours[a],
                    [sc.influence.get(a, 0.0) for sc in scores],
                )
                for a in leaders
            ],
            0,
            max(10.0, top_share * 1.15),
            labels,
            mx if bottom_left.collidepoint(self.mouse) else None,
        )
        line_chart(
            surface,
            bottom_right,
            "Agenda scores (0–100)",
            [
                (
                    describe.short_name(s.state, a),
                    colours[a],
                    [sc.agendas.get(a, 0.0) for sc in scores],
                )
                for a in s.scenario.playable_ids
            ],
            0,
            100,
            labels,
            mx if bottom_right.collidepoint(self.mouse) else None,
        )
