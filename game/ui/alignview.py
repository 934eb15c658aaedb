"""The alignment view: actors as nodes sized by influence, typed and signed edges between them
(alliance, cooperation, support, deal, rivalry, hostility, sanction), blocs as coloured halos and
swing actors ringed.

Node positions come from classical multidimensional scaling of the signed alignment matrix
(friends close, enemies far), which is deterministic (no random start), then pushed apart where
nodes would overlap. Edges are read from the state's matrices, or from the scenario's relations
for `preview`, so both doors show the same picture.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
import pygame

from game.ui import assets, draw, palette

BLOC_COLOURS = (palette.BLUE, palette.VERMILLION, (150, 150, 150))
BLOC_NAMES = ("bloc A", "bloc B", "bloc C")


@attrs.frozen
class Node:
    """One actor in the view."""

    id: str
    label: str
    influence: float
    bloc: int
    swing: bool
    colour: palette.RGB
    human: bool = False


@attrs.frozen
class Edge:
    """One tie: `kind` is a `RelationKind` value; directed kinds point from `a` to `b`."""

    a: str
    b: str
    kind: str
    strength: float


def edges_from_state(state, threshold: float = 0.15) -> list[Edge]:
    """Typed edges read from a state's alignment, support and sanction matrices."""
    out: list[Edge] = []
    ids = state.actors
    n = len(ids)
    for i in range(n):
        for j in range(i + 1, n):
            a = float(state.alignment[i, j])
            if a >= 0.5:
                out.append(Edge(ids[i], ids[j], "alliance", a))
            elif a >= 0.2:
                out.append(Edge(ids[i], ids[j], "cooperation", a))
            elif a <= -0.5:
                out.append(Edge(ids[i], ids[j], "hostility", -a))
            elif a <= -0.2:
                out.append(Edge(ids[i], ids[j], "rivalry", -a))
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            if state.support[i, j] >= threshold:
                out.append(Edge(ids[i], ids[j], "support", float(state.support[i, j])))
            if state.sanctions[i, j] >= threshold:
                out.append(Edge(ids[i], ids[j], "sanction", float(state.sanctions[i, j])))
    return out


def edges_from_scenario(scenario) -> list[Edge]:
    """Typed edges exactly as the scenario's relations state them (ended ones left out)."""
    return [
        Edge(r.actor, r.target, str(r.kind), r.strength)
        for r in scenario.relations
        if str(r.status) != "ended"
    ]


def layout(ids: tuple[str, ...], alignment: np.ndarray) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]² from classical MDS of `1 - alignment`, then de-overlapped."""
    n = len(ids)
    if n == 0:
        return {}
    if n == 1:
        return {ids[0]: (0.5, 0.5)}
    a = np.clip(np.asarray(alignment, dtype=float), -1, 1)
    d = 1.0 - (a + a.T) / 2
    np.fill_diagonal(d, 0.0)
    j = np.eye(n) - np.ones((n, n)) / n
    b = -0.5 * j @ (d**2) @ j
    values, vectors = np.linalg.eigh(b)
    order = np.argsort(values)[::-1][:2]
    coords = vectors[:, order] * np.sqrt(np.maximum(values[order], 1e-9))
    # Fix each axis' sign so the picture does not flip from turn to turn.
    for k in range(2):
        if coords[np.argmax(np.abs(coords[:, k])), k] < 0:
            coords[:, k] *= -1
    coords -= coords.min(axis=0)
    span = coords.max(axis=0)
    coords = coords / np.where(span > 1e-9, span, 1.0)
    # Blend with the rank order so that a dense cluster spreads out while the order (who sits
    # closer to whom) is kept; pure MDS puts one outlier at an edge and the rest in a heap.
    ranks = np.argsort(np.argsort(coords, axis=0, kind="stable"), axis=0, kind="stable")
    coords = 0.5 * coords + 0.5 * ranks / max(1, n - 1)
    # Push apart nodes closer than `gap` (a few deterministic relaxation rounds).
    gap = 0.14
    for _ in range(60):
        moved = False
        for p in range(n):
            for q in range(p + 1, n):
                delta = coords[q] - coords[p]
                dist = float(np.hypot(*delta))
                if dist < gap:
                    if dist < 1e-6:
                        delta = np.array([math.cos(p + q), math.sin(p + q)])
                        dist = 1.0
                    push = (gap - dist) / 2 * delta / dist
                    coords[p] -= push
                    coords[q] += push
                    moved = True
        coords = np.clip(coords, 0.0, 1.0)
        if not moved:
            break
    return {ids[k]: (float(coords[k, 0]), float(coords[k, 1])) for k in range(n)}


class AlignmentView:
    """Draws the network into a rect (cached per data key) and answers hover queries."""

    def __init__(self) -> None:
        self._cache: pygame.Surface | None = None
        self._key: object = None
        self.positions: dict[str, tuple[float, float, float]] = {}

    def draw(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        nodes: list[Node],
        edges: list[Edge],
        alignment: np.ndarray,
        key: object,
        hover: str | None = None,
        title: str = "Alignment",
    ) -> None:
        """Draw the view; the picture is rebuilt only when `key` or the size changes."""
        full_key = (key, rect.size)
        if self._cache is None or self._key != full_key:
            self._cache = self._render(rect.size, nodes, edges, alignment, title)
            self._key = full_key
        surface.blit(self._cache, rect)
        if hover and hover in self.positions:
            x, y, r = self.positions[hover]
            pygame.draw.circle(surface, palette.TEXT, (rect.x + x, rect.y + y), r + 9, 2)
            for edge in edges:
                if (
                    hover in (edge.a, edge.b)
                    and edge.a in self.positions
                    and edge.b in self.positions
                ):
                    ax, ay, _ = self.positions[edge.a]
                    bx, by, _ = self.positions[edge.b]
                    colour, _style = palette.EDGE_STYLES.get(edge.kind, (palette.TEXT, "solid"))
                    pygame.draw.line(
                        surface, colour, (rect.x + ax, rect.y + ay), (rect.x + bx, rect.y + by), 3
                    )

    def _render(
        self,
        size: tuple[int, int],
        nodes: list[Node],
        edges: list[Edge],
        alignment: np.ndarray,
        title: str,
    ) -> pygame.Surface:
        surf = pygame.Surface(size)
        surf.fill(palette.BG)
        legend_w = 190
        area = pygame.Rect(0, 0, *size).inflate(-120, -90)
        area.width -= legend_w + 30
        area.top += 14
        ids = tuple(n.id for n in nodes)
        pos01 = layout(ids, alignment)
        self.positions = {}
        for node in nodes:
            px, py = pos01[node.id]
            r = 8 + 26 * math.sqrt(max(node.influence, 0.0) / 100.0)
            self.positions[node.id] = (area.left + px * area.width, area.top + py * area.height, r)
        # Edges first, weakest first so strong ties sit on top.
        for edge in sorted(edges, key=lambda e: e.strength):
            if edge.a not in self.positions or edge.b not in self.positions:
                continue
            ax, ay, ar = self.positions[edge.a]
            bx, by, br = self.positions[edge.b]
            colour, style = palette.EDGE_STYLES.get(edge.kind, (palette.TEXT_DIM, "solid"))
            width = 1 + round(3 * edge.strength)
            length = math.hypot(bx - ax, by - ay) or 1.0
            ux, uy = (bx - ax) / length, (by - ay) / length
            if style == "arrow":
                # Directed ties are bent aside so A→B and B→A do not overlap.
                off = 6
                sx, sy = ax + ux * ar - uy * off, ay + uy * ar + ux * off
                ex, ey = bx - ux * (br + 4) - uy * off, by - uy * (br + 4) + ux * off
                pygame.draw.line(surf, colour, (sx, sy), (ex, ey), width)
                draw.arrow_head(surf, colour, (ex, ey), (sx, sy), 8 + width)
            elif style == "dashed":
                draw.dashed_line(surf, colour, (ax, ay), (bx, by), width, 10, 6)
            elif style == "dotted":
                draw.dashed_line(surf, colour, (ax, ay), (bx, by), width, 3, 5)
            else:
                pygame.draw.line(surf, colour, (ax, ay), (bx, by), width)
        # Nodes: bloc halo, actor disc, swing ring, label (placed where it overlaps nothing).
        placed: list[pygame.Rect] = [
            pygame.Rect(x - r, y - r, 2 * r, 2 * r) for x, y, r in self.positions.values()
        ]
        for node in nodes:
            x, y, r = self.positions[node.id]
            halo = BLOC_COLOURS[node.bloc % len(BLOC_COLOURS)]
            layer = pygame.Surface((int(r * 2 + 24), int(r * 2 + 24)), pygame.SRCALPHA)
            c = layer.get_width() / 2
            pygame.draw.circle(layer, (*halo, 110), (c, c), r + 9)
            surf.blit(layer, (x - c, y - c))
            pygame.draw.circle(surf, (0, 0, 0), (x, y), r + 2)
            pygame.draw.circle(surf, node.colour, (x, y), r)
            if node.swing:
                draw.dashed_circle(surf, palette.TEXT, (x, y), r + 5, 2, 12)
            if node.human:
                pygame.draw.circle(surf, palette.YELLOW, (x, y), r + 12, 2)
            label = node.label + ("  (swing)" if node.swing else "")
            image = assets.render(label, 13, palette.TEXT, True)
            for anchor in (
                {"midtop": (x, y + r + 6)},
                {"midbottom": (x, y - r - 6)},
                {"midleft": (x + r + 8, y)},
                {"midright": (x - r - 8, y)},
            ):
                lrect = image.get_rect(**anchor)
                lrect.clamp_ip(surf.get_rect())
                if lrect.inflate(4, 0).collidelist(placed) < 0:
                    break
            else:
                lrect = image.get_rect(midtop=(x, y + r + 6))
                lrect.clamp_ip(surf.get_rect())
            placed.append(lrect)
            bg = pygame.Surface(lrect.inflate(6, 0).size, pygame.SRCALPHA)
            bg.fill((0, 0, 0, 150))
            surf.blit(bg, lrect.inflate(6, 0))
            surf.blit(image, lrect)
        draw.text(surf, title, (14, 10), 16, palette.TEXT, bold=True)
        self._legend(surf, pygame.Rect(size[0] - legend_w - 8, 40, legend_w, 0), nodes)
        return surf

    def _legend(self, surf: pygame.Surface, box: pygame.Rect, nodes: list[Node]) -> None:
        rows: list[tuple[str, tuple]] = [("Ties", ())]
        for kind, (colour, style) in palette.EDGE_STYLES.items():
            rows.append((kind, ("edge", colour, style)))
        rows.append(("Blocs (halo)", ()))
        blocs = sorted({n.bloc for n in nodes})
        for b in blocs:
            members = [n.label for n in nodes if n.bloc == b and not n.swing][:3]
            rows.append(
                (f"{BLOC_NAMES[b % 3]}: {', '.join(members)}", ("halo", BLOC_COLOURS[b % 3]))
            )
        rows.append(("Marks", ()))
        rows.append(("swing actor", ("swing",)))
        rows.append(("your seat", ("human",)))
        rows.append(("size = influence", ("size",)))
        line = 18
        box.height = line * len(rows) + 12
        draw.panel(surf, box, (14, 17, 22), palette.BORDER, alpha=230)
        y = box.top + 6
        for label, mark in rows:
            if not mark:
                draw.text(surf, label, (box.left + 8, y), 12, palette.YELLOW, bold=True)
            else:
                x0, cy = box.left + 10, y + 9
                if mark[0] == "edge":
                    _, colour, style = mark
                    if style == "dashed":
                        draw.dashed_line(surf, colour, (x0, cy), (x0 + 26, cy), 2, 6, 4)
                    elif style == "dotted":
                        draw.dashed_line(surf, colour, (x0, cy), (x0 + 26, cy), 2, 2, 4)
                    else:
                        pygame.draw.line(surf, colour, (x0, cy), (x0 + 24, cy), 2)
                        if style == "arrow":
                            draw.arrow_head(surf, colour, (x0 + 28, cy), (x0, cy), 8)
                elif mark[0] == "halo":
                    pygame.draw.circle(surf, mark[1], (x0 + 12, cy), 7)
                elif mark[0] == "swing":
                    draw.dashed_circle(surf, palette.TEXT, (x0 + 12, cy), 7, 2, 8)
                elif mark[0] == "human":
                    pygame.draw.circle(surf, palette.YELLOW, (x0 + 12, cy), 7, 2)
                else:
                    pygame.draw.circle(surf, palette.TEXT_DIM, (x0 + 6, cy), 3)
                    pygame.draw.circle(surf, palette.TEXT_DIM, (x0 + 20, cy), 7)
                text = assets.ellipsize(label, 12, box.width - 50)
                draw.text(surf, text, (box.left + 44, y), 12, palette.TEXT)
            y += line

    def hit(self, pos: tuple[int, int], rect: pygame.Rect) -> str | None:
        """The actor id under `pos` (window coordinates), or None."""
        x, y = pos[0] - rect.x, pos[1] - rect.y
        for ident, (cx, cy, r) in self.positions.items():
            if math.hypot(x - cx, y - cy) <= r + 4:
                return ident
        return None
