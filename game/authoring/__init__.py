"""game.authoring."""
