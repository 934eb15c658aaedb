"""The scenes of the desktop game: menus, the main screen, reports, charts and the end."""
