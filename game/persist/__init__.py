"""game.persist."""
