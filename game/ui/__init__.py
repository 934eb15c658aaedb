"""The desktop game: pygame-ce scenes, pygame_gui widgets, the map and alignment views, charts.

This is the only package that imports pygame, and nothing outside it imports it (a test enforces
both). It reads `GameState` snapshots through the public `game` API and emits `Order` values; it
never mutates a state and never re-implements a rule.
"""

import os as _os

# pygame prints a banner on import unless told not to; every game.ui module imports this first.
_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
