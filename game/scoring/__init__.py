"""game.scoring."""
