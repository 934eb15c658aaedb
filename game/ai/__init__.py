"""game.ai."""
