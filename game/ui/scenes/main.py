"""The main screen: top bar, map or alignment view, orders panel, news feed, dossier.

Everything drawn here is read from the session's current `GameState` and its scores; the only
thing the scene keeps is interface state (which view, which order is selected, the feed filters,
what the mouse hovers). Keys: Enter ends the turn, Tab switches map/alignment, Esc opens the menu,
F5 quick-saves, F9 quick-loads, C opens the charts, R the last turn report, Space queues the
selected order, Backspace takes back the last queued order.
"""

from __future__ import annotations

import time

import pygame
import pygame_gui
from pygame_gui.elements import (
    UIButton,
    UIDropDownMenu,
    UISelectionList,
    UITextBox,
    UIWindow,
)

from game.ui import alignview, assets, describe, draw, mapview, palette, sound
from game.ui.scene import Push, Quit, Replace, Scene, Transition
from game.ui.session import saves_folder

TOP = 58
RIGHT_W = 430
FEED_H = 200
ALL = "All"


_COLOURS: dict[tuple, dict[str, palette.RGB]] = {}


def colours_for(app) -> dict[str, palette.RGB]:
    """The actor colours of the game in progress, for the current palette setting (cached)."""
    sc = app.session.scenario
    key = (id(sc), app.settings.colour_blind_safe)
    if key not in _COLOURS:
        _COLOURS.clear()
        _COLOURS[key] = palette.actor_colours(
            sc.actor_ids,
            {a.id: a.color for a in sc.actors},
            sc.playable_ids,
            app.settings.colour_blind_safe,
        )
    return _COLOURS[key]


def _node_label(state, actor: str) -> str:
    """A node's label: the actor's name, or its id when the name is long."""
    name = describe.name_of(state, actor)
    return name if len(name) <= 17 else actor


class MainScene(Scene):
    """The screen a player spends the game on."""

    name = "game"

    def __init__(self, app) -> None:
        super().__init__(app)
        session = app.session
        self.map = mapview.MapView(session.scenario)
        self.align = alignview.AlignmentView()
        self.view = "map"
        self.selected: int | None = None
        self.hover: tuple[str, str] | None = None
        self.tips: list[tuple[pygame.Rect, str]] = []
        self.tip: tuple[str, tuple[int, int], float] | None = None
        self.feed_actor = ALL
        self.feed_kind = ALL
        self.family = ALL
        self.dossier_actor: str | None = None
        self.dossier: UIWindow | None = None
        self.autoplay_wait = 0
        self.handover_first = bool(
            session.hot_seat and session.state.turn == 0 and not app.autoplay
        )
        self._legal_cache: tuple[object, list] | None = None

    # --- data --------------------------------------------------------------------------------

    @property
    def session(self):
        """The session (the app's current game)."""
        return self.app.session

    def colours(self) -> dict[str, palette.RGB]:
        """Actor colours for the current palette setting."""
        return colours_for(self.app)

    def legal(self) -> list:
        """The current seat's legal orders not yet queued, answers first (cached per state)."""
        s = self.session
        key = (id(s.state), s.seat, tuple(s.queued.get(s.seat or "", ())), self.family)
        if self._legal_cache is None or self._legal_cache[0] != key:
            orders = s.legal()
            about = {self._about(t): t for t in s.state.theatre_ids}
            if self.family in about:
                theatre = about[self.family]
                orders = [
                    o
                    for o in orders
                    if theatre in o.targets or theatre in (v for _k, v in o.params)
                ]
            elif self.family != ALL:
                orders = [
                    o for o in orders if describe.FAMILY_OF.get(o.action.value) == self.family
                ]
            orders.sort(
                key=lambda o: (
                    describe.FAMILY_OF.get(o.action.value, "Z") != "Answers",
                    describe.FAMILY_OF.get(o.action.value, "Z"),
                    describe.order_label(s.state, o),
                )
            )
            self._legal_cache = (key, orders)
        return self._legal_cache[1]

    # --- layout ------------------------------------------------------------------------------

    def rects(self, size: tuple[int, int]) -> dict[str, pygame.Rect]:
        """Where each part of the screen goes for a window of `size`."""
        w, h = size
        right_w = max(360, min(RIGHT_W, int(w * 0.36)))
        left_w = w - right_w
        return {
            "top": pygame.Rect(0, 0, w, TOP),
            "view": pygame.Rect(0, TOP, left_w, h - TOP - FEED_H),
            "feed": pygame.Rect(0, h - FEED_H, left_w, FEED_H),
            "right": pygame.Rect(left_w, TOP, right_w, h - TOP),
        }

    def build(self, size: tuple[int, int]) -> None:
        s = self.session
        r = self.rects(size)
        self.r = r
        right = r["right"]
        m = self.manager
        x = right.left + 10
        inner_w = right.width - 20
        # Top bar buttons (right end).
        self.btn_menu = self.add(
            UIButton(
                pygame.Rect(size[0] - 86, 12, 76, 34),
                "Menu",
                m,
                tool_tip_text="Pause menu: save, load, settings, quit (Esc)",
            )
        )
        self.btn_charts = self.add(
            UIButton(
                pygame.Rect(size[0] - 172, 12, 80, 34),
                "Charts",
                m,
                tool_tip_text="Stability and influence over time (C)",
            )
        )
        self.btn_help = self.add(
            UIButton(
                pygame.Rect(size[0] - 352, 12, 46, 34),
                "?",
                m,
                tool_tip_text="How to play: screens, marks and keys (F1)",
            )
        )
        self.btn_view = self.add(
            UIButton(
                pygame.Rect(size[0] - 300, 12, 122, 34),
                "Alignment view" if self.view == "map" else "Map view",
                m,
                tool_tip_text="Switch between the map and the alignment network (Tab)",
            )
        )
        # Orders panel.
        families = [ALL, "Answers", "Diplomacy", "Economy", "Military", "Treaties"]
        families += [self._about(t) for t in s.state.theatre_ids]
        if self.family not in families:
            self.family = ALL
        self.family_menu = self.add(
            UIDropDownMenu(
                families, self.family, pygame.Rect(right.right - 160, right.top + 30, 150, 24), m
            )
        )
        y = right.top + 58
        list_h = max(120, int((right.height - 58) * 0.34))
        items = [self._item(o) for o in self.legal()]
        self.orders_list = self.add(
            UISelectionList(
                pygame.Rect(x, y, inner_w, list_h), items or ["(no order is possible now)"], m
            )
        )
        if self.selected is not None and self.selected < len(items):
            self._mark_selected()
        y += list_h + 6
        preview_h = max(100, int((right.height - 58) * 0.28))
        self.preview_box = self.add(
            UITextBox(self._preview_text(), pygame.Rect(x, y, inner_w, preview_h), m)
        )
        y += preview_h + 6
        self.btn_queue = self.add(
            UIButton(
                pygame.Rect(x, y, inner_w // 2 - 4, 32),
                "Queue order",
                m,
                tool_tip_text="Add the selected order (Space)",
            )
        )
        self.btn_undo = self.add(
            UIButton(
                pygame.Rect(x + inner_w // 2 + 4, y, inner_w // 2 - 4, 32),
                "Undo last",
                m,
                tool_tip_text="Take back the last queued order (Backspace)",
            )
        )
        y += 38
        end_h = 46
        queued_h = max(60, right.bottom - y - end_h - 70)
        queued = [self._item(o) for o in s.queued.get(s.seat or "", [])]
        self.queued_list = self.add(
            UISelectionList(
                pygame.Rect(x, y + 20, inner_w, queued_h), queued or ["(nothing queued yet)"], m
            )
        )
        self.queued_y = y
        y += queued_h + 26
        self.btn_dossier = self.add(
            UIButton(
                pygame.Rect(x, y, inner_w // 2 - 4, 34),
                "Dossier",
                m,
                tool_tip_text="Everything about an actor: click one on the map or the network",
            )
        )
        self.btn_report = self.add(
            UIButton(
                pygame.Rect(x + inner_w // 2 + 4, y, inner_w // 2 - 4, 34),
                "Last report",
                m,
                tool_tip_text="What happened last turn and why the scores moved (R)",
            )
        )
        if s.state.turn == 0:
            self.btn_report.disable()
        self.btn_end = self.add(
            UIButton(
                pygame.Rect(x, right.bottom - end_h - 8, inner_w, end_h),
                "End turn (Enter)",
                m,
                object_id="#end_turn",
                tool_tip_text="Resolve the month: every power's orders take effect at once (Enter)",
            )
        )
        if not s.humans:
            for b in (self.btn_queue, self.btn_undo):
                b.disable()
        # News feed filters and text.
        feed = r["feed"]
        actors = [ALL] + [a.name for a in s.scenario.actors]
        kinds = [ALL, *sorted({e.kind for e in s.state.log})]
        if self.feed_actor not in actors:
            self.feed_actor = ALL
        if self.feed_kind not in kinds:
            self.feed_kind = ALL
        self.feed_actor_menu = self.add(
            UIDropDownMenu(
                actors, self.feed_actor, pygame.Rect(feed.right - 400, feed.top + 4, 208, 26), m
            )
        )
        self.feed_kind_menu = self.add(
            UIDropDownMenu(
                kinds, self.feed_kind, pygame.Rect(feed.right - 148, feed.top + 4, 140, 26), m
            )
        )
        self.feed_box = self.add(
            UITextBox(
                self._feed_text(),
                pygame.Rect(feed.left + 6, feed.top + 34, feed.width - 12, feed.height - 40),
                m,
            )
        )
        if self.dossier_actor:
            self._open_dossier(self.dossier_actor)

    def _about(self, theatre: str) -> str:
        """The orders-filter entry for one theatre, e.g. "About Idlib"."""
        return f"About {describe.short_name(self.session.state, theatre)}"

    def refresh_orders(self) -> None:
        """Show the current legal orders, queued orders and preview without a full rebuild."""
        s = self.session
        items = [self._item(o) for o in self.legal()]
        self.orders_list.set_item_list(items or ["(no order is possible now)"])
        if self.selected is not None and self.selected < len(items):
            self._mark_selected()
        queued = [self._item(o) for o in s.queued.get(s.seat or "", [])]
        self.queued_list.set_item_list(queued or ["(nothing queued yet)"])
        self.preview_box.set_text(self._preview_text())
        self.app.invalidate()

    def _mark_selected(self) -> None:
        try:
            item = self.orders_list.item_list[self.selected]
            item["selected"] = True
            if item["button_element"] is not None:
                item["button_element"].select()
        except (KeyError, IndexError, TypeError, AttributeError):
            pass

    def teardown(self) -> None:
        self.dossier = None
        super().teardown()

    def _item(self, order) -> str:
        cost = self.session.cost(order)
        return f"{cost:>4g} · {describe.order_label(self.session.state, order)}"

    # --- texts -------------------------------------------------------------------------------

    def _preview_text(self) -> str:
        orders = self.legal()
        if self.selected is None or self.selected >= len(orders):
            s = self.session
            if not s.humans:
                return "Every seat is played by the AI."
            return (
                "Choose an order above to see what it costs, what it is expected to do and, "
                "for a proposal, how likely its addressee is to accept."
            )
        order = orders[self.selected]
        s = self.session
        try:
            preview = s.preview(order)
        except Exception as exc:
            return f"No preview for this order: {describe.esc(exc)}"
        return describe.preview_html(s.state, order, preview, s.cost(order))

    def _feed_text(self) -> str:
        s = self.session
        state = s.state
        names = {a.name: a.id for a in s.scenario.actors}
        want_actor = names.get(self.feed_actor)
        lines = []
        for event in reversed(state.log):
            if want_actor and want_actor not in event.actors:
                continue
            if self.feed_kind != ALL and event.kind != self.feed_kind:
                continue
            lines.append(describe.event_html(state, event))
            if len(lines) >= 80:  # the newest; older news is one filter away
                break
        if not lines:
            return (
                "No news yet: the feed fills as the months pass."
                if not state.log
                else "No news matches these filters."
            )
        return "<br>".join(lines)

    def _open_dossier(self, actor: str) -> None:
        s = self.session
        if self.dossier is not None:
            self.dossier.kill()
            self.elements = [e for e in self.elements if e is not self.dossier]
        view = self.r["view"]
        rect = pygame.Rect(
            view.left + 40, view.top + 20, min(520, view.width - 80), min(520, view.height - 40)
        )
        name = s.scenario.actor(actor).name
        self.dossier = self.add(
            UIWindow(rect, self.manager, window_display_title=f"Dossier: {name}", resizable=True)
        )
        inner = self.dossier.get_container().get_size()
        box = UITextBox(
            describe.dossier_html(s.state, s.scores(), actor),
            pygame.Rect(0, 0, inner[0], inner[1]),
            self.manager,
            container=self.dossier,
        )
        box.set_anchors({"left": "left", "right": "right", "top": "top", "bottom": "bottom"})
        self.dossier_actor = actor

    # --- input -------------------------------------------------------------------------------

    def handle_event(self, event: pygame.event.Event) -> Transition | None:
        s = self.session
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            el = event.ui_element
            if el is self.btn_end:
                return self.end_turn()
            if el is self.btn_view:
                return self.toggle_view()
            if el is self.btn_menu:
                from game.ui.scenes.menus import PauseScene

                return Push(PauseScene(self.app))
            if el is self.btn_charts:
                return self._charts()
            if el is self.btn_help:
                from game.ui.scenes.turn import HelpScene

                return Push(HelpScene(self.app))
            if el is self.btn_queue:
                self.queue_selected()
            elif el is self.btn_undo:
                self.undo()
            elif el is self.btn_dossier:
                self._open_dossier(self.dossier_actor or s.seat or s.scenario.playable_ids[0])
            elif el is self.btn_report:
                return self._report()
            return None
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.dossier:
            self.dossier = None
            self.dossier_actor = None
            return None
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION:
            if event.ui_element is self.orders_list:
                self._select(event.text)
            return None
        if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
            if event.ui_element is self.orders_list:
                self._select(event.text)
                self.queue_selected()
            elif event.ui_element is self.queued_list:
                self._unqueue_text(event.text)
            return None
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            if event.ui_element is self.family_menu:
                self.family = event.text
                self.selected = None
                self.refresh_orders()
                return None
            if event.ui_element is self.feed_actor_menu:
                self.feed_actor = event.text
            elif event.ui_element is self.feed_kind_menu:
                self.feed_kind = event.text
            self.feed_box.set_text(self._feed_text())
            return None
        if event.type == pygame.MOUSEMOTION:
            self._hover(event.pos)
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            view = self.r["view"]
            if view.collidepoint(event.pos) and not self._over_window(event.pos):
                hit = self._hit(event.pos)
                if hit and hit[0] == "actor":
                    self._open_dossier(hit[1])
                elif hit and hit[0] == "theatre":
                    # A theatre click lists the orders that concern it.
                    self.family = self._about(hit[1])
                    self.selected = None
                    self.resize(self.app.size)
            return None
        if event.type == pygame.KEYDOWN:
            if self._typing():
                return None
            key = event.key
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                return self.end_turn()
            if key == pygame.K_TAB:
                return self.toggle_view()
            if key == pygame.K_ESCAPE:
                if self.dossier is not None:
                    self.dossier.kill()
                    self.dossier = None
                    self.dossier_actor = None
                    return None
                from game.ui.scenes.menus import PauseScene

                return Push(PauseScene(self.app))
            if key == pygame.K_F5:
                self.quick_save()
            elif key == pygame.K_F9:
                return self.quick_load()
            elif key == pygame.K_c:
                return self._charts()
            elif key == pygame.K_F1:
                from game.ui.scenes.turn import HelpScene

                return Push(HelpScene(self.app))
            elif key == pygame.K_r and s.state.turn > 0:
                return self._report()
            elif key == pygame.K_SPACE:
                self.queue_selected()
            elif key in (pygame.K_BACKSPACE, pygame.K_DELETE) or (
                key == pygame.K_z and event.mod & pygame.KMOD_CTRL
            ):
                self.undo()
            elif key in (pygame.K_DOWN, pygame.K_UP):
                n = len(self.legal())
                if n:
                    cur = -1 if self.selected is None else self.selected
                    self.selected = (cur + (1 if key == pygame.K_DOWN else -1)) % n
                    self.refresh_orders()
        return None

    def _typing(self) -> bool:
        focus = self.manager.get_focus_set()
        return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in (focus or ()))

    def _over_window(self, pos) -> bool:
        return self.dossier is not None and self.dossier.get_abs_rect().collidepoint(pos)

    def _select(self, text: str) -> None:
        items = [self._item(o) for o in self.legal()]
        if text in items:
            self.selected = items.index(text)
            self.preview_box.set_text(self._preview_text())

    def queue_selected(self) -> None:
        """Queue the selected order for the current seat."""
        s = self.session
        orders = self.legal()
        if self.selected is None or self.selected >= len(orders) or s.seat is None:
            self.app.notify("Choose an order first")
            return
        order = orders[self.selected]
        if not s.queue(order):
            self.app.notify(f"Not enough political capital ({s.budget():.1f} left)")
            return
        sound.play("click", self.app.settings.sound)
        self.selected = None
        self.refresh_orders()

    def undo(self) -> None:
        """Take back the last queued order."""
        if self.session.unqueue() is None:
            self.app.notify("Nothing to undo")
            return
        self.refresh_orders()

    def _unqueue_text(self, text: str) -> None:
        s = self.session
        queued = s.queued.get(s.seat or "", [])
        items = [self._item(o) for o in queued]
        if text in items:
            s.unqueue(items.index(text))
            self.refresh_orders()

    def toggle_view(self) -> None:
        """Switch between the map and the alignment network."""
        self.view = "alignment" if self.view == "map" else "map"
        self.hover = None
        self.btn_view.set_text("Alignment view" if self.view == "map" else "Map view")
        self.app.invalidate()

    def end_turn(self) -> Transition | None:
        """The current seat is done: hand over to the next human, or resolve the month."""
        from game.ui.scenes.turn import HandoverScene, ReportScene

        s = self.session
        if s.over:
            from game.ui.scenes.end import EndScene

            return Replace(EndScene(self.app))
        if not s.submit_seat():
            self.selected = None
            return Push(HandoverScene(self.app))
        s.resolve_turn()
        sound.play("turn", self.app.settings.sound and not self.app.autoplay)
        s.autosave() if not self.app.autoplay else None
        self.selected = None
        self._legal_cache = None
        return Push(ReportScene(self.app, s.state.turn))

    def quick_save(self) -> None:
        """F5: save to the quick-save slot."""
        s = self.session
        path = saves_folder() / f"quicksave-{s.scenario.meta.id}.json"
        try:
            s.save(path)
            self.app.notify(f"Quick-saved ({path.name})")
        except OSError as exc:
            self.app.notify(f"Cannot save: {exc}")

    def quick_load(self) -> Transition | None:
        """F9: load the quick-save slot."""
        from game.ui.scenes.menus import load_into

        path = saves_folder() / f"quicksave-{self.session.scenario.meta.id}.json"
        if not path.exists():
            self.app.notify("No quick-save yet (F5 makes one)")
            return None
        return load_into(self.app, path)

    def _charts(self) -> Transition:
        from game.ui.scenes.charts import ChartsScene

        return Push(ChartsScene(self.app))

    def _report(self) -> Transition:
        from game.ui.scenes.turn import ReportScene

        return Push(ReportScene(self.app, self.session.state.turn))

    def _hit(self, pos) -> tuple[str, str] | None:
        view = self.r["view"]
        if self.view == "map":
            return self.map.hit(pos, view)
        actor = self.align.hit(pos, view)
        return ("actor", actor) if actor else None

    def _hover(self, pos) -> None:
        old = self.hover
        self.hover = self._hit(pos) if self.r["view"].collidepoint(pos) else None
        if self._over_window(pos):
            self.hover = None
        if self.hover != old:
            self.app.invalidate()
        tip = None
        for rect, text in self.tips:
            if rect.collidepoint(pos):
                tip = text
                break
        if tip is None and self.hover is not None:
            tip = self._hover_text(self.hover)
        if tip is None:
            self.tip = None
        elif self.tip is None or self.tip[0] != tip:
            self.tip = (tip, pos, time.monotonic())
        else:
            self.tip = (tip, pos, self.tip[2])

    def _hover_text(self, hover: tuple[str, str]) -> str:
        s = self.session
        kind, ident = hover
        state = s.state
        if kind == "actor":
            return describe.influence_tip(state, s.scores(), ident) + "\nClick for the dossier."
        i = state.theatre_ids.index(ident)
        spec = next(t for t in s.scenario.theatres if t.id == ident)
        control = ", ".join(
            f"{describe.name_of(state, a)} {float(state.control[i, j]):.0%}"
            for j, a in enumerate(state.actors)
            if state.control[i, j] > 0.005
        )
        guarantors = [a for j, a in enumerate(state.actors) if state.guarantors[i, j] > 0.5]
        lines = [
            spec.name,
            f"Control: {control}",
            f"Violence: {float(state.violence[i]):.0%} (0 quiet, 100% all-out war)",
            f"De-escalation zone: {state.zone[i]}",
        ]
        if guarantors:
            lines.append("Guarantors: " + ", ".join(describe.name_of(state, g) for g in guarantors))
        return "\n".join(lines)

    # --- update and draw -----------------------------------------------------------------------

    def update(self, dt: float) -> Transition | None:
        if self.handover_first:
            # Hot-seat: the first player also gets the screen handed over, privately.
            self.handover_first = False
            from game.ui.scenes.turn import HandoverScene

            return Push(HandoverScene(self.app))
        if not self.app.autoplay:
            return None
        limit = getattr(self.app, "autoplay_turns", None)
        if limit is not None and self.session.state.turn >= limit:
            return Quit(0)
        self.autoplay_wait += 1
        if self.autoplay_wait >= 2:
            self.autoplay_wait = 0
            return self.end_turn()
        return None

    @property
    def animating(self) -> bool:
        """Keep drawing while a tooltip is waiting to appear."""
        return self.tip is not None and time.monotonic() - self.tip[2] < 0.6

    def draw(self, surface: pygame.Surface) -> None:
        s = self.session
        state = s.state
        scores = s.scores()
        colours = self.colours()
        r = self.r
        self.tips = []
        # The view.
        view = r["view"]
        if self.view == "map":
            pins = []
            for a in s.scenario.actors:
                if a.lat is None or a.lon is None or a.parent:
                    continue
                if mapview.SYRIA[0] <= a.lon <= mapview.SYRIA[2] and (
                    mapview.SYRIA[1] <= a.lat <= mapview.SYRIA[3]
                ):
                    continue  # Syria's own actors are shown by the theatres' control colours
                inside = mapview.REGION[0] <= a.lon <= mapview.REGION[2] and (
                    mapview.REGION[1] <= a.lat <= mapview.REGION[3]
                )
                if inside or a.playable:
                    pins.append((a.id, a.name, a.lon, a.lat, scores.influence.get(a.id, 0.0)))
            self.map.draw(
                surface,
                view,
                mapview.theatres_from_state(state),
                pins,
                colours,
                (id(state), state.turn),
                hover=self.hover[1] if self.hover else None,
            )
        else:
            nodes = [
                alignview.Node(
                    a,
                    _node_label(state, a),
                    scores.influence.get(a, 0.0),
                    scores.blocs.get(a, 2),
                    a in scores.swing,
                    colours[a],
                    a in s.humans,
                )
                for a in state.actors
            ]
            self.align.draw(
                surface,
                view,
                nodes,
                alignview.edges_from_state(state),
                state.alignment,
                (id(state), state.turn, tuple(colours.items())),
                hover=self.hover[1] if self.hover else None,
                title=f"Alignment network · {describe.month(state.date)}",
            )
        pygame.draw.line(surface, palette.BORDER, view.topright, (view.right, surface.get_height()))
        # Feed header.
        feed = r["feed"]
        pygame.draw.rect(surface, palette.PANEL, feed)
        pygame.draw.line(surface, palette.BORDER, feed.topleft, feed.topright)
        draw.text(
            surface, "News and events", (feed.left + 10, feed.top + 7), 15, palette.TEXT, True
        )
        draw.text(surface, "actor", (feed.right - 440, feed.top + 9), 12, palette.TEXT_DIM)
        draw.text(surface, "kind", (feed.right - 182, feed.top + 9), 12, palette.TEXT_DIM)
        # Right panel.
        right = r["right"]
        pygame.draw.rect(surface, palette.PANEL, right)
        seat = s.seat
        if seat:
            name = s.scenario.actor(seat).name
            cap = float(state.capital[state.index(seat)])
            spent = s.spent(seat)
            title = f"Orders for {name}"
            draw.text(surface, title, (right.left + 10, right.top + 6), 16, colours[seat], True)
            budget = f"capital {cap - spent:.1f} of {cap:.1f}"
            rect = draw.text(
                surface,
                budget,
                (right.right - 10, right.top + 9),
                14,
                palette.YELLOW,
                True,
                "topright",
            )
            self.tips.append(
                (
                    rect,
                    f"Political capital: {cap:g} this turn, {spent:g} committed by "
                    "the queued orders. Every order costs capital; what is left carries "
                    "over. Income each turn depends on capabilities and standing.",
                )
            )
        else:
            draw.text(
                surface,
                "The AI plays every seat",
                (right.left + 10, right.top + 6),
                16,
                palette.TEXT,
                True,
            )
        draw.text(
            surface,
            "cost · order (double-click to queue)" if right.width >= 420 else "cost · order",
            (right.left + 12, right.top + 34),
            12,
            palette.TEXT_DIM,
        )
        draw.text(surface, "show", (right.right - 196, right.top + 34), 12, palette.TEXT_DIM)
        draw.text(
            surface,
            "Queued this turn (double-click to take back)",
            (right.left + 12, self.queued_y + 2),
            12,
            palette.TEXT_DIM,
        )
        self._draw_top(surface, state, scores, colours)

    def _draw_top(self, surface, state, scores, colours) -> None:
        s = self.session
        top = self.r["top"]
        pygame.draw.rect(surface, (16, 19, 25), top)
        pygame.draw.line(surface, palette.BORDER, top.bottomleft, top.bottomright)
        x = 14
        rect = draw.text(surface, f"{state.date:%B %Y}", (x, 6), 18, palette.TEXT, True)
        limit = s.scenario.meta.turn_limit
        sub = draw.text(surface, f"Turn {state.turn + 1} of {limit}", (x, 32), 13, palette.TEXT_DIM)
        self.tips.append(
            (
                rect.union(sub),
                f"Each turn is {s.scenario.meta.months_per_turn} "
                f"month(s). The game ends after turn {limit}.",
            )
        )
        x = max(rect.right, sub.right) + 24
        # Stability gauge.
        value = scores.stability
        gauge = pygame.Rect(x, 30, 150, 14)
        draw.text(surface, "Stability", (x, 6), 13, palette.TEXT_DIM)
        draw.text(
            surface,
            f"{value:.1f}",
            (x + 150, 4),
            16,
            palette.stability_colour(value),
            True,
            "topright",
        )
        pygame.draw.rect(surface, palette.PANEL_LIGHT, gauge, border_radius=4)
        fill = gauge.copy()
        fill.width = max(2, int(gauge.width * value / 100))
        pygame.draw.rect(surface, palette.stability_colour(value), fill, border_radius=4)
        start = s.history[0]
        start_value = s.scores(start).stability
        mark = gauge.left + int(gauge.width * start_value / 100)
        pygame.draw.line(surface, palette.TEXT, (mark, gauge.top - 3), (mark, gauge.bottom + 2), 2)
        self.tips.append(
            (
                pygame.Rect(x, 2, 150, 52),
                describe.stability_tip(scores)
                + f"\nThe white tick marks the start: {start_value:.1f}.",
            )
        )
        x += 170
        # Agenda of the seat.
        seat = s.seat
        if seat and seat in scores.agendas:
            agenda = scores.agendas[seat]
            draw.text(surface, "Agenda", (x, 6), 13, palette.TEXT_DIM)
            r2 = draw.text(surface, f"{agenda:.1f}", (x, 24), 20, palette.TEXT, True)
            best = max(scores.agendas.values())
            leader = max(scores.agendas, key=lambda a: scores.agendas[a])
            tag = "leading" if agenda >= best - 1e-9 else f"{leader} leads"
            tag_rect = draw.text(surface, tag, (r2.right + 6, 30), 12, palette.TEXT_DIM)
            self.tips.append(
                (
                    pygame.Rect(x, 2, tag_rect.right - x, 52),
                    describe.agenda_tip(state, scores, seat)
                    + "\n\nAll agendas: "
                    + ", ".join(
                        f"{describe.short_name(state, a)} {v:.1f}"
                        for a, v in scores.agendas.items()
                    ),
                )
            )
            x = max(x + 120, tag_rect.right + 18)
        # Influence shares: a stacked bar.
        right_edge = self.app.size[0] - 364
        bar_w = max(120, right_edge - x)
        draw.text(surface, "Influence shares", (x, 6), 13, palette.TEXT_DIM)
        bar = pygame.Rect(x, 28, bar_w, 20)
        cursor = bar.left
        ordered = sorted(scores.influence.items(), key=lambda kv: -kv[1])
        for actor, share in ordered:
            w = round(bar.width * share / 100)
            if w <= 0:
                continue
            seg = pygame.Rect(cursor, bar.top, w, bar.height)
            pygame.draw.rect(surface, colours.get(actor, palette.TEXT_DIM), seg)
            if w > 44:
                label = f"{actor} {share:.0f}%"
                label = assets.ellipsize(label, 11, w - 4)
                dark = sum(colours.get(actor, (0, 0, 0))) > 380
                draw.text(
                    surface,
                    label,
                    seg.center,
                    11,
                    (0, 0, 0) if dark else palette.TEXT,
                    True,
                    "center",
                )
            self.tips.append((seg, describe.influence_tip(state, scores, actor)))
            cursor += w
        pygame.draw.rect(surface, palette.BORDER, bar, 1)

    def draw_overlay(self, surface: pygame.Surface) -> None:
        if self.tip and time.monotonic() - self.tip[2] >= 0.35:
            draw.tooltip(surface, self.tip[0], self.tip[1], 380)
