"""A scripted player clicks through a whole game; a monkey hammers the main screen; resizing."""

from __future__ import annotations

import numpy as np
import pygame
import pygame_gui

from game.ui.scenes.end import EndScene
from game.ui.scenes.main import MainScene
from game.ui.scenes.menus import NewGameScene, TitleScene
from game.ui.scenes.turn import ReportScene
from tests.ui.helpers import click, click_at, key


def test_scripted_player_plays_turkey_to_the_end(app):
    """New game as Turkey from the title screen, queue orders, end every turn, reach the end."""
    app.start(TitleScene(app))
    app.frame([])
    click(app, app.stack.top.buttons["new"])
    setup = app.stack.top
    assert isinstance(setup, NewGameScene)
    # Make Turkey the only human: add Turkey, then remove the default seat.
    click(app, setup.seat_buttons["TUR"])
    for actor in list(setup.humans):
        if actor != "TUR":
            click(app, app.stack.top.seat_buttons[actor])
    assert app.stack.top.humans == ["TUR"]
    app.stack.top.ai_level = "random"  # the fastest AI keeps the test short
    click(app, app.stack.top.go)
    main = app.stack.top
    assert isinstance(main, MainScene)
    session = app.session
    assert session.humans == ("TUR",)
    queued_total = 0
    for _turn in range(session.scenario.meta.turn_limit + 2):
        if isinstance(app.stack.top, EndScene):
            break
        main = app.stack.top
        assert isinstance(main, MainScene)
        # Click the first order of the list, then the Queue button.
        items = main.orders_list.item_list
        if items and main.legal():
            click(app, items[0]["button_element"])
            assert main.selected == 0
            click(app, main.btn_queue)
            queued_total += len(session.queued.get("TUR", []))
        key(app, pygame.K_RETURN)
        report = app.stack.top
        if isinstance(report, ReportScene):
            key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, EndScene)
    assert session.state.turn == session.scenario.meta.turn_limit
    assert queued_total > 0
    turkish = [o for turn in session.record.orders for o in turn if o.actor == "TUR"]
    assert turkish, "Turkey's queued orders were resolved"


def test_undo_takes_back_the_last_queued_order(app):
    """Queue two orders with Space, Backspace takes back the second only."""
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    app.session = Session.start(DEFAULT_SCENARIO, ("IRN",), "random", 5)
    main = MainScene(app)
    app.start(main)
    app.frame([])
    for _ in range(2):
        key(app, pygame.K_DOWN)
        key(app, pygame.K_SPACE)
    queued = list(app.session.queued["IRN"])
    assert len(queued) == 2
    key(app, pygame.K_BACKSPACE)
    assert app.session.queued["IRN"] == queued[:1]


def test_tab_switches_views_and_resize_relays_out(app):
    """Tab toggles map/alignment; a window resize moves the right panel to the new edge."""
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    app.session = Session.start(DEFAULT_SCENARIO, ("USA",), "random", 5)
    main = MainScene(app)
    app.start(main)
    app.frame([])
    key(app, pygame.K_TAB)
    assert main.view == "alignment"
    key(app, pygame.K_TAB)
    assert main.view == "map"
    app.frame([pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900))])
    assert app.size == (1600, 900)
    assert main.btn_end.get_abs_rect().right <= 1600
    assert main.btn_end.get_abs_rect().right > 1500


def test_monkey_5000_random_events(app):
    """5,000 seeded random mouse and key events on the main screen raise no exception."""
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    rng = np.random.default_rng(2017)
    app.session = Session.start(DEFAULT_SCENARIO, ("RUS", "TUR"), "random", 11)
    app.start(MainScene(app))
    keys = [
        pygame.K_TAB,
        pygame.K_SPACE,
        pygame.K_BACKSPACE,
        pygame.K_UP,
        pygame.K_DOWN,
        pygame.K_c,
        pygame.K_r,
        pygame.K_a,
        pygame.K_ESCAPE,
        pygame.K_RETURN,
        pygame.K_F5,
    ]
    sent = 0
    while sent < 5000:
        batch = []
        for _ in range(25):
            roll = rng.random()
            pos = (int(rng.integers(0, 1280)), int(rng.integers(0, 800)))
            if roll < 0.5:
                batch.append(
                    pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
                )
            elif roll < 0.85:
                button = int(rng.integers(1, 6))
                batch.append(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
                batch.append(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
            elif roll < 0.995:
                k = keys[int(rng.integers(0, len(keys) - 2))]
                batch.append(
                    pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)
                )
            else:
                k = pygame.K_RETURN if roll < 0.998 else pygame.K_F5
                batch.append(
                    pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)
                )
        sent += len(batch)
        app.frame(batch)
        if not app.running or app.stack.top is None or app.session is None:
            # The monkey found Quit or the title screen: start again, keep hammering.
            app.running = True
            app.session = Session.start(DEFAULT_SCENARIO, ("RUS", "TUR"), "random", 11)
            app.start(MainScene(app))
    assert sent >= 5000


def test_clicking_a_pinned_actor_opens_its_dossier(app):
    """A click on an actor's pin on the map opens the dossier window for that actor."""
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    app.session = Session.start(DEFAULT_SCENARIO, ("TUR",), "random", 5)
    main = MainScene(app)
    app.start(main)
    app.frame([])
    view = main.r["view"]
    target = next((s, k, i) for s, k, i in main.map.hits if k == "actor" and i == "IRN")
    x, y, _r = target[0]
    click_at(app, (int(view.x + x), int(view.y + y)))
    assert main.dossier_actor == "IRN"
    assert isinstance(main.dossier, pygame_gui.elements.UIWindow)


def test_hot_seat_hands_over_and_hides_the_first_players_orders(app):
    """Two humans: a hand-over screen comes between them and the second never sees the first's
    queued orders; the month resolves only after both."""
    from game.ui.scenes.turn import HandoverScene
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    app.session = Session.start(DEFAULT_SCENARIO, ("RUS", "USA"), "random", 9)
    app.start(MainScene(app))
    app.frame([])
    assert isinstance(app.stack.top, HandoverScene)
    key(app, pygame.K_RETURN)
    main = app.stack.top
    assert isinstance(main, MainScene) and app.session.seat == "RUS"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_SPACE)
    russian = list(app.session.queued["RUS"])
    assert russian
    key(app, pygame.K_RETURN)
    assert isinstance(app.stack.top, HandoverScene)
    assert app.session.state.turn == 0
    key(app, pygame.K_RETURN)
    assert app.session.seat == "USA"
    shown = [item["text"] for item in main.queued_list.item_list]
    assert not any(main._item(o) in shown for o in russian)
    key(app, pygame.K_RETURN)
    assert app.session.state.turn == 1
    assert isinstance(app.stack.top, ReportScene)
    resolved = app.session.record.orders[0]
    assert all(o in resolved for o in russian)


def test_f5_quick_saves_and_f9_quick_loads_the_same_game(app):
    """F5 writes the quick-save; F9 loads it back to a state with the same hash."""
    from game.engine.state import state_hash
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session, saves_folder

    app.session = Session.start(DEFAULT_SCENARIO, ("IRN",), "random", 21)
    app.start(MainScene(app))
    app.frame([])
    key(app, pygame.K_RETURN)  # resolve turn 1
    key(app, pygame.K_RETURN)  # close the report
    saved = state_hash(app.session.state)
    key(app, pygame.K_F5)
    assert (saves_folder() / "quicksave-tehran-2017.json").is_file()
    key(app, pygame.K_RETURN)  # play on: the live game moves past the save
    key(app, pygame.K_RETURN)
    assert state_hash(app.session.state) != saved
    key(app, pygame.K_F9)
    assert isinstance(app.stack.top, MainScene)
    assert state_hash(app.session.state) == saved
    assert app.session.humans == ("IRN",)


def test_clicking_a_theatre_lists_the_orders_about_it(app):
    """A click on Idlib in the Syria inset filters the orders list to orders naming Idlib."""
    from game.ui.screenshot import DEFAULT_SCENARIO
    from game.ui.session import Session

    app.session = Session.start(DEFAULT_SCENARIO, ("TUR",), "random", 5)
    main = MainScene(app)
    app.start(main)
    app.frame([])
    view = main.r["view"]
    shape = next(s for s, k, i in main.map.hits if k == "theatre" and i == "IDLIB")
    x, y, _r = shape
    click_at(app, (int(view.x + x), int(view.y + y)))
    assert main.family == "About Idlib"
    orders = main.legal()
    assert orders
    assert all("IDLIB" in o.targets or "IDLIB" in [v for _k, v in o.params] for o in orders)
