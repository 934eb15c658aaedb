"""Posting real pygame events at widgets, as a player's mouse and keyboard would."""

from __future__ import annotations

import pygame


def click_at(app, pos: tuple[int, int]) -> None:
    """A left click (down, up) at `pos`, processed by the real loop."""
    app.frame([pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)])
    app.frame([pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)])
    # pygame_gui answers with events of its own (pressed, then a list's new selection), each
    # read on the following frame.
    for _ in range(3):
        app.frame([])


def click(app, element) -> None:
    """Click the centre of a pygame_gui element."""
    click_at(app, element.get_abs_rect().center)


def key(app, k: int, mod: int = 0) -> None:
    """Press and release a key."""
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)])
    app.frame([pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode="", scancode=0)])
