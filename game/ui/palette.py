"""Colours of the desktop game: the Okabe–Ito palette (safe for the common colour blindnesses)
and the dark interface colours built around it.

Must not import: pygame (colours are plain RGB tuples so headless code can use them too).
"""

from __future__ import annotations

RGB = tuple[int, int, int]

# Okabe & Ito (2008), "Color Universal Design": distinguishable under protanopia, deuteranopia
# and tritanopia.
ORANGE: RGB = (230, 159, 0)
SKY: RGB = (86, 180, 233)
GREEN: RGB = (0, 158, 115)
YELLOW: RGB = (240, 228, 66)
BLUE: RGB = (0, 114, 178)
VERMILLION: RGB = (213, 94, 0)
PURPLE: RGB = (204, 121, 167)
BLACK: RGB = (0, 0, 0)
OKABE_ITO: tuple[RGB, ...] = (VERMILLION, GREEN, ORANGE, BLUE, PURPLE, SKY, YELLOW)

# Interface
BG: RGB = (22, 26, 33)
PANEL: RGB = (32, 37, 46)
PANEL_LIGHT: RGB = (44, 50, 62)
BORDER: RGB = (70, 78, 94)
TEXT: RGB = (232, 234, 238)
TEXT_DIM: RGB = (160, 168, 182)
ACCENT: RGB = SKY
SEA: RGB = (24, 38, 56)
LAND: RGB = (58, 64, 72)
LAND_FOCUS: RGB = (86, 92, 100)
COAST: RGB = (110, 118, 130)
POSITIVE: RGB = SKY
NEGATIVE: RGB = VERMILLION
GREYS: tuple[RGB, ...] = (
    (150, 150, 150),
    (190, 190, 190),
    (120, 120, 120),
    (210, 200, 180),
    (170, 160, 200),
)

# Signed edges of the alignment view: blue for ties that bind, vermillion for ties that divide,
# told apart by dash pattern too so that the view reads in greyscale.
EDGE_STYLES: dict[str, tuple[RGB, str]] = {
    "alliance": (BLUE, "solid"),
    "support": (SKY, "arrow"),
    "cooperation": (GREEN, "dotted"),
    "deal": (YELLOW, "dotted"),
    "rivalry": (ORANGE, "dashed"),
    "hostility": (VERMILLION, "solid"),
    "sanction": (PURPLE, "arrow"),
}


def hex_to_rgb(text: str) -> RGB:
    """`"#rrggbb"` to an RGB tuple; ValueError for anything else."""
    value = text.strip().lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {text!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def actor_colours(
    actor_ids: tuple[str, ...],
    scenario_colours: dict[str, str | None],
    playable: tuple[str, ...],
    colour_blind_safe: bool = True,
) -> dict[str, RGB]:
    """One colour per actor.

    With `colour_blind_safe` the playable actors and then the other actors that have a colour in
    the scenario get Okabe–Ito hues in file order, and the rest get greys; otherwise the
    scenario's own colours are used where given.
    """
    colours: dict[str, RGB] = {}
    if not colour_blind_safe:
        for i, actor in enumerate(actor_ids):
            given = scenario_colours.get(actor)
            try:
                colours[actor] = hex_to_rgb(given) if given else GREYS[i % len(GREYS)]
            except ValueError:
                colours[actor] = GREYS[i % len(GREYS)]
        return colours
    ranked = [a for a in actor_ids if a in playable]
    ranked += [a for a in actor_ids if a not in playable and scenario_colours.get(a)]
    for i, actor in enumerate(ranked[: len(OKABE_ITO)]):
        colours[actor] = OKABE_ITO[i]
    grey = 0
    for actor in actor_ids:
        if actor not in colours:
            colours[actor] = GREYS[grey % len(GREYS)]
            grey += 1
    return colours


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend from `a` (t=0) to `b` (t=1)."""
    t = min(1.0, max(0.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def stability_colour(value: float) -> RGB:
    """A gauge colour for a 0..100 stability index: vermillion (unstable) to sky blue (stable)."""
    if value < 50:
        return mix(VERMILLION, YELLOW, value / 50)
    return mix(YELLOW, SKY, (value - 50) / 50)
