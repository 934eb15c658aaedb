"""Small drawing helpers shared by the views: dashed lines and circles, arrows, hatching, pies,
panels and text placed by anchor.
"""

from __future__ import annotations

import math

import pygame

from game.ui import assets, palette

Colour = tuple[int, int, int] | tuple[int, int, int, int]


def text(
    surface: pygame.Surface,
    value: str,
    pos: tuple[float, float],
    size: int = 14,
    colour: palette.RGB = palette.TEXT,
    bold: bool = False,
    anchor: str = "topleft",
    shadow: bool = False,
) -> pygame.Rect:
    """Draw one line of text with its `anchor` (a pygame.Rect attribute) at `pos`."""
    image = assets.render(value, size, colour, bold)
    rect = image.get_rect(**{anchor: (round(pos[0]), round(pos[1]))})
    if shadow:
        surface.blit(assets.render(value, size, (0, 0, 0), bold), rect.move(1, 1))
    surface.blit(image, rect)
    return rect


def dashed_line(
    surface: pygame.Surface,
    colour: Colour,
    a: tuple[float, float],
    b: tuple[float, float],
    width: int = 1,
    dash: float = 8.0,
    gap: float = 5.0,
) -> None:
    """A dashed straight line from `a` to `b`."""
    ax, ay = a
    bx, by = b
    length = math.hypot(bx - ax, by - ay)
    if length < 1:
        return
    ux, uy = (bx - ax) / length, (by - ay) / length
    pos = 0.0
    while pos < length:
        end = min(pos + dash, length)
        pygame.draw.line(
            surface, colour, (ax + ux * pos, ay + uy * pos), (ax + ux * end, ay + uy * end), width
        )
        pos = end + gap


def dashed_circle(
    surface: pygame.Surface,
    colour: Colour,
    centre: tuple[float, float],
    radius: float,
    width: int = 2,
    segments: int = 16,
) -> None:
    """A circle drawn as `segments` dashes."""
    rect = pygame.Rect(0, 0, radius * 2, radius * 2)
    rect.center = (round(centre[0]), round(centre[1]))
    step = 2 * math.pi / segments
    for i in range(segments):
        start = i * step
        pygame.draw.arc(surface, colour, rect, start, start + step * 0.6, width)


def arrow_head(
    surface: pygame.Surface,
    colour: Colour,
    tip: tuple[float, float],
    towards_from: tuple[float, float],
    size: float = 9.0,
) -> None:
    """A filled triangular arrow head at `tip`, pointing away from `towards_from`."""
    dx, dy = tip[0] - towards_from[0], tip[1] - towards_from[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    left = (tip[0] - ux * size - uy * size * 0.55, tip[1] - uy * size + ux * size * 0.55)
    right = (tip[0] - ux * size + uy * size * 0.55, tip[1] - uy * size - ux * size * 0.55)
    pygame.draw.polygon(surface, colour, [tip, left, right])


def pie(
    surface: pygame.Surface,
    centre: tuple[float, float],
    radius: float,
    shares: list[tuple[float, palette.RGB]],
    alpha: int = 255,
) -> None:
    """A pie chart of `(share, colour)` slices starting at twelve o'clock, clockwise."""
    size = max(2, math.ceil(radius * 2) + 2)
    layer = pygame.Surface((size, size), pygame.SRCALPHA)
    cx = cy = size / 2
    total = sum(s for s, _ in shares) or 1.0
    angle = -math.pi / 2
    for share, colour in shares:
        sweep = 2 * math.pi * share / total
        if sweep <= 0:
            continue
        steps = max(2, int(sweep / 0.12))
        points = [(cx, cy)]
        for k in range(steps + 1):
            a = angle + sweep * k / steps
            points.append((cx + math.cos(a) * radius, cy + math.sin(a) * radius))
        pygame.draw.polygon(layer, (*colour, alpha), points)
        angle += sweep
    surface.blit(layer, (centre[0] - cx, centre[1] - cy))


def hatch_circle(
    surface: pygame.Surface,
    centre: tuple[float, float],
    radius: float,
    density: float,
    colour: palette.RGB,
) -> None:
    """Diagonal hatching inside a circle; more lines for a higher `density` (0..1)."""
    if density <= 0.02 or radius < 3:
        return
    spacing = max(3.0, 14.0 - 11.0 * density)
    width = 2 if density > 0.5 else 1
    size = math.ceil(radius * 2) + 2
    layer = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size / 2
    offset = -size
    while offset < size:
        pygame.draw.line(layer, (*colour, 230), (offset, size), (offset + size, 0), width)
        offset += spacing
    mask = pygame.Surface((size, size), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (c, c), radius)
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(layer, (centre[0] - c, centre[1] - c))


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    colour: palette.RGB = palette.PANEL,
    border: palette.RGB | None = palette.BORDER,
    alpha: int = 255,
    radius: int = 6,
) -> None:
    """A rounded panel, optionally translucent."""
    if alpha < 255:
        layer = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(layer, (*colour, alpha), layer.get_rect(), border_radius=radius)
        surface.blit(layer, rect)
    else:
        pygame.draw.rect(surface, colour, rect, border_radius=radius)
    if border is not None:
        pygame.draw.rect(surface, border, rect, 1, border_radius=radius)


def paragraph(
    surface: pygame.Surface,
    value: str,
    rect: pygame.Rect,
    size: int = 14,
    colour: palette.RGB = palette.TEXT,
    bold: bool = False,
    line_gap: int = 3,
) -> int:
    """Word-wrapped text inside `rect`, clipped at its bottom; returns the y after the last line."""
    y = rect.top
    height = assets.font(size, bold).get_linesize()
    for line in assets.wrap(value, size, rect.width, bold):
        if y + height > rect.bottom:
            break
        text(surface, line, (rect.left, y), size, colour, bold)
        y += height + line_gap - 2
    return y


def tooltip(surface: pygame.Surface, value: str, pos: tuple[int, int], width: int = 320) -> None:
    """A tooltip box with wrapped text near `pos`, kept inside the surface."""
    size = 13
    lines = assets.wrap(value, size, width - 16)
    line_h = assets.font(size).get_linesize()
    w = min(width, max(assets.font(size).size(line)[0] for line in lines) + 16)
    h = line_h * len(lines) + 10
    rect = pygame.Rect(pos[0] + 16, pos[1] + 18, w, h)
    bounds = surface.get_rect()
    if rect.right > bounds.right - 4:
        rect.right = pos[0] - 8
    if rect.bottom > bounds.bottom - 4:
        rect.bottom = pos[1] - 8
    rect.clamp_ip(bounds)
    panel(surface, rect, (16, 19, 24), palette.ACCENT, alpha=245, radius=4)
    y = rect.top + 5
    for line in lines:
        text(surface, line, (rect.left + 8, y), size)
        y += line_h
