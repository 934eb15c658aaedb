"""Where the game's assets live and how they are loaded: fonts, the theme, the map outlines.

Fonts are cached per (face, size). Text in Arabic script (Persian names) is drawn with Noto Sans
Arabic, shaped right to left by SDL_ttf's HarfBuzz; everything else with Noto Sans. A string the
shipped fonts cannot draw (Chinese, Korean) is reported by `can_render` so callers can fall back
to the English name instead of drawing empty boxes.
"""

from __future__ import annotations

import functools
import json
import os
import unicodedata
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

ROOT = Path(__file__).resolve().parent.parent.parent
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
THEME = ASSETS / "theme.json"
MAP = ASSETS / "map" / "region.json"
SCENARIOS = ROOT / "scenarios"

REGULAR = FONTS / "NotoSans-Regular.ttf"
BOLD = FONTS / "NotoSans-Bold.ttf"
ARABIC = FONTS / "NotoSansArabic-Regular.ttf"


def is_arabic_script(text: str) -> bool:
    """Whether `text` holds letters of the Arabic script (Persian, Arabic)."""
    return any("ARABIC" in unicodedata.name(ch, "") for ch in text)


@functools.cache
def font(size: int, bold: bool = False, arabic: bool = False) -> pygame.font.Font:
    """A cached font: Noto Sans (regular or bold) or, for Arabic script, Noto Sans Arabic."""
    if not pygame.font.get_init():
        pygame.font.init()
    if arabic:
        face = pygame.font.Font(str(ARABIC), size)
        face.set_script("Arab")
        face.set_direction(pygame.DIRECTION_RTL)
        return face
    return pygame.font.Font(str(BOLD if bold else REGULAR), size)


def can_render(text: str, size: int = 14) -> bool:
    """Whether the shipped fonts have a glyph for every character of `text`."""
    face = font(size, arabic=is_arabic_script(text))
    # A missing glyph comes back as None or as the empty .notdef box (zero extent).
    for ch, m in zip(text, face.metrics(text), strict=False):
        if ch.isspace() or unicodedata.category(ch).startswith(("Z", "C", "M")):
            continue
        if m is None or (m[0] == m[1] == m[2] == m[3] == 0):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def render(
    text: str, size: int, colour: tuple[int, int, int], bold: bool = False
) -> pygame.Surface:
    """`text` rendered (anti-aliased, transparent background) in the right face; cached."""
    face = font(size, bold=bold, arabic=is_arabic_script(text))
    return face.render(text, True, colour)


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Greedy word wrap of `text` into lines no wider than `width` pixels."""
    face = font(size, bold=bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if face.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def ellipsize(text: str, size: int, width: int, bold: bool = False) -> str:
    """`text` cut with an ellipsis so that it fits in `width` pixels."""
    face = font(size, bold=bold)
    if face.size(text)[0] <= width:
        return text
    while text and face.size(text + "…")[0] > width:
        text = text[:-1]
    return text + "…"


@functools.cache
def map_data() -> dict:
    """The region's country outlines (`tools/make_map.py` writes them)."""
    return json.loads(MAP.read_text(encoding="utf-8"))


def theme() -> dict:
    """The pygame_gui theme, with font paths made absolute so the game runs from any directory."""
    data = json.loads(THEME.read_text(encoding="utf-8"))

    def fix(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("_path") and isinstance(value, str):
                    node[key] = str(ROOT / value)
                else:
                    fix(value)

    fix(data)
    return data


def scenario_files() -> list[Path]:
    """Scenario files under `scenarios/`, by name."""
    return sorted(p for p in SCENARIOS.glob("*.toml") if p.is_file())
