"""Headless UI tests: the SDL dummy video driver, and settings and saves kept in a temp folder."""

from __future__ import annotations

import os

import pytest

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def _private_home(tmp_path, monkeypatch):
    """Settings and saves go to a temp folder, never the developer's home."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield


@pytest.fixture
def app():
    """A 1280×800 app on the dummy driver, closed after the test."""
    from game.ui.app import App
    from game.ui.session import Settings

    application = App((1280, 800), Settings())
    yield application
    import pygame

    pygame.display.quit()
