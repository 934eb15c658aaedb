"""The scenario: its model (`model`), its TOML form (`load`, `save`) and its checker (`check`)."""
