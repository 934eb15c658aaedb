"""Between turns: the hot-seat hand-over screen and the turn report."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextBox

from game.ui import describe, draw, palette
from game.ui.scene import Pop, Push, Replace, Scene, Swap, Transition


class HandoverScene(Scene):
    """Hot-seat: an opaque screen that hides one player's orders from the next."""

    name = "handover"

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        self.ready = self.add(
            UIButton(
                pygame.Rect(w // 2 - 120, h // 2 + 70, 240, 50),
                "I am ready",
                self.manager,
                object_id="#primary",
            )
        )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.ready:
            return Pop()
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE):
            return Pop()
        return None

    def update(self, dt: float) -> Transition | None:
        return Pop() if self.app.autoplay else None

    def draw(self, surface: pygame.Surface) -> None:
        s = self.app.session
        surface.fill((12, 14, 18))
        w, h = surface.get_size()
        seat = s.seat
        name = s.scenario.actor(seat).name if seat else ""
        draw.text(
            surface,
            f"Pass the computer to {name}",
            (w // 2, h // 2 - 70),
            34,
            palette.TEXT,
            True,
            "center",
        )
        draw.text(
            surface,
            f"{s.state.date:%B %Y} · turn {s.state.turn + 1}",
            (w // 2, h // 2 - 20),
            18,
            palette.TEXT_DIM,
            anchor="center",
        )
        draw.text(
            surface,
            "The other players' orders stay hidden until the month resolves.",
            (w // 2, h // 2 + 20),
            16,
            palette.SKY,
            anchor="center",
        )


class ReportScene(Scene):
    """What happened in a turn, and why each score moved (read from the ledger)."""

    name = "report"

    def __init__(self, app, turn: int) -> None:
        super().__init__(app)
        self.turn = turn

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        half = (w - 60) // 2
        self.left = self.add(
            UITextBox(self._happened(), pygame.Rect(20, 80, half, h - 160), self.manager)
        )
        self.right = self.add(
            UITextBox(self._why(), pygame.Rect(40 + half, 80, half, h - 160), self.manager)
        )
        self.go = self.add(
            UIButton(
                pygame.Rect(w - 260, h - 64, 240, 46),
                "Continue (Enter)",
                self.manager,
                object_id="#end_turn",
            )
        )
        self.charts = self.add(UIButton(pygame.Rect(20, h - 64, 160, 46), "Charts", self.manager))

    def _state_pair(self):
        s = self.app.session
        history = s.history
        turn = min(self.turn, len(history) - 1)
        return history[max(0, turn - 1)], history[turn]

    def _happened(self) -> str:
        before, after = self._state_pair()
        events = [e for e in after.log if e.turn == self.turn]
        if not events:
            return "<b>What happened</b><br>A quiet month: nothing was recorded."
        groups: dict[str, list[str]] = {}
        for event in events:
            groups.setdefault(event.kind, []).append(describe.esc(event.text))
        out = [f"<b>What happened in {describe.month(before.date)}</b>"]
        order = (
            "scripted",
            "order",
            "proposal",
            "accepted",
            "refused",
            "lapsed",
            "chance",
            "drift",
            "invalid",
        )
        for kind in sorted(groups, key=lambda k: order.index(k) if k in order else 99):
            out.append(f"<br><font color='#f0e442'><b>{describe.esc(kind)}</b></font>")
            out.extend(f"• {line}" for line in groups[kind])
        s = self.app.session
        if s.decisions and self.turn == s.state.turn:
            out.append("<br><font color='#f0e442'><b>Why the AI powers acted</b></font>")
            for actor, decision in s.decisions.items():
                reasons = "; ".join(describe.esc(str(r)) for r in decision.reasons[:3])
                out.append(
                    f"• <b>{describe.esc(describe.name_of(after, actor))}</b>: "
                    f"{reasons or 'no reasons given'}"
                )
        return "<br>".join(out)

    def _why(self) -> str:
        s = self.app.session
        before, after = self._state_pair()
        sb, sa = s.scores(before), s.scores(after)
        entries = [e for e in after.ledger if e.turn == self.turn]
        out = ["<b>Why the scores moved</b>"]
        delta = sa.stability - sb.stability
        colour = "#56b4e9" if delta >= 0 else "#e69f00"
        out.append(
            f"<br><b>Regional stability</b> {sb.stability:.1f} to {sa.stability:.1f} "
            f"(<font color='{colour}'><b>{delta:+.1f}</b></font>)"
        )
        for key, term in sa.stability_terms.items():
            old = sb.stability_terms.get(key)
            change = term.contribution - (old.contribution if old else 0.0)
            if abs(change) >= 0.05:
                out.append(
                    f"  {describe.esc(describe.STABILITY_TERMS.get(key, key))}: {change:+.1f}"
                )
        out.extend(describe.ledger_lines(after, entries, "stability"))
        seats = s.humans or s.scenario.playable_ids
        for actor in s.scenario.playable_ids:
            if actor not in sa.agendas:
                continue
            d = sa.agendas[actor] - sb.agendas.get(actor, 0.0)
            colour = "#56b4e9" if d >= 0 else "#e69f00"
            mark = " (you)" if actor in seats and s.humans else ""
            out.append(
                f"<br><b>Agenda of {describe.esc(describe.name_of(after, actor))}{mark}</b> "
                f"{sb.agendas.get(actor, 0.0):.1f} to {sa.agendas[actor]:.1f} "
                f"(<font color='{colour}'><b>{d:+.1f}</b></font>)"
            )
            out.extend(describe.ledger_lines(after, entries, f"agenda.{actor}", 4))
        movers = sorted(sa.influence, key=lambda a: -abs(sa.influence[a] - sb.influence.get(a, 0)))
        out.append("<br><b>Influence: biggest movers</b>")
        for actor in movers[:5]:
            d = sa.influence[actor] - sb.influence.get(actor, 0.0)
            out.append(
                f"• {describe.esc(describe.name_of(after, actor))}: "
                f"{sa.influence[actor]:.1f}% ({d:+.1f})"
            )
            out.extend(
                "  " + line
                for line in describe.ledger_lines(after, entries, f"influence.{actor}", 2)
            )
        return "<br>".join(out)

    def _continue(self) -> Transition:
        s = self.app.session
        if s.over:
            from game.ui.scenes.end import EndScene

            return Replace(EndScene(self.app))
        if s.hot_seat and self.turn == s.state.turn:
            return Swap(HandoverScene(self.app))
        return Pop()

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.go:
                return self._continue()
            if event.ui_element is self.charts:
                from game.ui.scenes.charts import ChartsScene

                return Push(ChartsScene(self.app))
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_RETURN,
            pygame.K_ESCAPE,
            pygame.K_SPACE,
        ):
            return self._continue()
        return None

    def update(self, dt: float) -> Transition | None:
        return self._continue() if self.app.autoplay else None

    def draw(self, surface: pygame.Surface) -> None:
        s = self.app.session
        before, _after = self._state_pair()
        surface.fill(palette.BG)
        draw.text(
            surface,
            f"Turn {self.turn} report · {before.date:%B %Y}",
            (20, 20),
            26,
            palette.TEXT,
            True,
        )
        draw.text(surface, s.scenario.meta.title, (20, 54), 14, palette.TEXT_DIM)


HELP = (
    (
        "Goal",
        "Raise your agenda score (top bar) above every rival's by the last turn. Each "
        "agenda is a set of weighted objectives; hover the score to see them.",
    ),
    (
        "A turn",
        "Queue orders (they cost political capital), then End turn. Every power's orders "
        "resolve at once, then relations drift and events fire. The report says what happened "
        "and why each score moved.",
    ),
    (
        "Orders",
        "Select an order to preview it: expected change of stability, agendas and "
        "influence, and for a proposal whether the other side would accept. Filter by family, or "
        "click a theatre on the map to list the orders about it.",
    ),
    (
        "Map",
        "Theatre pies show who controls each area; hatching shows violence; rings show "
        "de-escalation zones (solid holding, dashed failing, cross collapsed). Click a pin for "
        "a dossier.",
    ),
    (
        "Alignment",
        "Friends sit close, enemies far. Blue ties bind, vermillion divide; arrows "
        "are support and sanctions. Halos are blocs; a dashed ring is a swing actor.",
    ),
    (
        "Keys",
        "Enter end turn · Tab map/alignment · Space queue · Backspace undo · C charts · "
        "R report · F5 quick-save · F9 quick-load · Esc menu · F1 this help",
    ),
)


class HelpScene(Scene):
    """F1: how to play, over the main screen."""

    name = "help"
    transparent = True

    def build(self, size: tuple[int, int]) -> None:
        w, h = size
        height = min(h - 80, 560)
        self.panel_rect = pygame.Rect(w // 2 - 380, (h - height) // 2, 760, height)
        self.close = self.add(
            UIButton(
                pygame.Rect(self.panel_rect.right - 150, self.panel_rect.bottom - 56, 130, 40),
                "Got it",
                self.manager,
                object_id="#primary",
            )
        )

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is self.close:
            return Pop()
        if event.type == pygame.KEYDOWN and event.key in (
            pygame.K_ESCAPE,
            pygame.K_F1,
            pygame.K_RETURN,
        ):
            return Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        surface.blit(shade, (0, 0))
        box = self.panel_rect
        draw.panel(surface, box, palette.PANEL, palette.BORDER)
        draw.text(
            surface, "How to play Concert", (box.left + 24, box.top + 16), 22, palette.TEXT, True
        )
        y = box.top + 60
        for title, body in HELP:
            draw.text(surface, title, (box.left + 24, y), 15, palette.YELLOW, True)
            y = draw.paragraph(
                surface,
                body,
                pygame.Rect(box.left + 140, y, box.width - 164, box.bottom - 70 - y),
                14,
            )
            y += 12
