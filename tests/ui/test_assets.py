"""Assets: the map outlines, the fonts (Persian must render), the theme, the palette."""

from __future__ import annotations

import json

import pygame

from game.ui import assets, palette


def test_map_holds_the_region_clipped_to_its_box():
    """The outlines include the scenario's states and stay inside the documented box."""
    data = assets.map_data()
    ids = {c["id"] for c in data["countries"]}
    assert {"SYR", "TUR", "IRN", "IRQ", "AZE", "RUS"} <= ids
    lon0, lat0, lon1, lat1 = data["box"]
    for country in data["countries"]:
        for ring in country["rings"]:
            assert len(ring) >= 3
            for lon, lat in ring:
                assert lon0 - 1e-6 <= lon <= lon1 + 1e-6 and lat0 - 1e-6 <= lat <= lat1 + 1e-6


def test_persian_names_render_with_shaped_glyphs():
    """Iran's name in Persian has glyphs in the shipped fonts and renders joined (narrower)."""
    pygame.font.init()
    name = "ایران"
    assert assets.is_arabic_script(name)
    assert assets.can_render(name)
    joined = assets.render(name, 20, (255, 255, 255))
    assert joined.get_width() > 10
    assert not assets.can_render("中国")  # no CJK font shipped: callers fall back to English


def test_theme_is_valid_and_fonts_are_absolute():
    """The theme parses, and every font path it names exists once made absolute."""
    json.loads(assets.THEME.read_text(encoding="utf-8"))
    theme = assets.theme()
    font = theme["defaults"]["font"]
    for key in ("regular_path", "bold_path"):
        assert assets.Path(font[key]).is_file()


def test_font_licence_is_shipped():
    """The OFL text ships beside the fonts."""
    text = (assets.FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in text or "Open Font License" in text


def test_palette_gives_playable_actors_distinct_okabe_ito_colours():
    """Colour-blind-safe mode gives the four playable actors four different Okabe–Ito hues."""
    ids = ("RUS", "IRN", "TUR", "USA", "SYR", "UN")
    colours = palette.actor_colours(ids, {"SYR": "#777777"}, ("RUS", "IRN", "TUR", "USA"))
    playable = [colours[a] for a in ("RUS", "IRN", "TUR", "USA")]
    assert len(set(playable)) == 4
    assert all(c in palette.OKABE_ITO for c in playable)
    own = palette.actor_colours(ids, {"SYR": "#777777"}, ("RUS",), colour_blind_safe=False)
    assert own["SYR"] == (0x77, 0x77, 0x77)
