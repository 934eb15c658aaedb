"""game.engine."""
