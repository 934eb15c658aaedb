"""game.sim."""
