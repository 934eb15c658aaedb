"""game.rules."""
