"""The map: the region's real country outlines, Syria's theatres coloured by control, violence
hatched, de-escalation zones ringed, and the actors pinned at their capitals.

Country outlines come from `assets/map/region.json` (Natural Earth, see assets/map/NOTES.md);
theatres are circles from the scenario's lat/lon/radius_km, drawn in an enlarged inset of Syria
because at the region's scale a 20 km zone is a few pixels. The outlines never change during a
game, so they are drawn once per size into a cached surface (`static layer`); the theatres are
redrawn only when the state changes (`dynamic layer`); hover highlights are the only per-frame
work.
"""

from __future__ import annotations

import math

import attrs
import pygame

from game.scenario.model import Scenario, ZoneStatus
from game.ui import assets, draw, palette

REGION = (22.0, 19.0, 64.0, 46.0)  # lon_min, lat_min, lon_max, lat_max of the main view
SYRIA = (35.4, 32.2, 42.6, 37.5)  # the inset's box
KM_PER_DEG_LAT = 111.32

ZONE_STYLE: dict[ZoneStatus, tuple[palette.RGB, str, str]] = {
    ZoneStatus.ACTIVE: (palette.TEXT, "solid", "zone holding"),
    ZoneStatus.PROPOSED: (palette.TEXT_DIM, "dashed", "zone proposed"),
    ZoneStatus.FAILING: (palette.YELLOW, "dashed", "zone failing"),
    ZoneStatus.COLLAPSED: (palette.VERMILLION, "cross", "zone collapsed"),
}


@attrs.frozen
class TheatreView:
    """What the map shows of one theatre, from a state or straight from a scenario."""

    id: str
    name: str
    lat: float
    lon: float
    radius_km: float
    control: tuple[tuple[str, float], ...]
    violence: float
    zone: ZoneStatus
    guarantors: tuple[str, ...]


def theatres_from_scenario(scenario: Scenario) -> list[TheatreView]:
    """Theatres as the scenario file sets them up (for `preview`)."""
    out = []
    for t in scenario.theatres:
        if t.lat is None or t.lon is None:
            continue
        out.append(
            TheatreView(
                t.id,
                t.name,
                t.lat,
                t.lon,
                t.radius_km,
                tuple(sorted(t.control.items(), key=lambda kv: -kv[1])),
                t.violence,
                t.zone,
                tuple(t.guarantors),
            )
        )
    return out


def theatres_from_state(state) -> list[TheatreView]:
    """Theatres as they stand in a `GameState`."""
    by_id = {t.id: t for t in state.scenario.theatres}
    out = []
    for i, tid in enumerate(state.theatre_ids):
        spec = by_id.get(tid)
        if spec is None or spec.lat is None or spec.lon is None:
            continue
        row = state.control[i]
        control = tuple(
            sorted(
                ((state.actors[j], float(row[j])) for j in range(len(row)) if row[j] > 0.005),
                key=lambda kv: -kv[1],
            )
        )
        guarantors = tuple(state.actors[j] for j in range(state.n) if state.guarantors[i, j] > 0.5)
        out.append(
            TheatreView(
                tid,
                spec.name,
                spec.lat,
                spec.lon,
                spec.radius_km,
                control,
                float(state.violence[i]),
                state.zone[i],
                guarantors,
            )
        )
    return out


class Projection:
    """Equirectangular projection of a lon/lat box into a pixel rect, scaled by cos(mid-lat)."""

    def __init__(self, box: tuple[float, float, float, float], rect: pygame.Rect) -> None:
        lon0, lat0, lon1, lat1 = box
        self.k = math.cos(math.radians((lat0 + lat1) / 2))
        width_deg = (lon1 - lon0) * self.k
        height_deg = lat1 - lat0
        self.scale = min(rect.width / width_deg, rect.height / height_deg)
        self.cx, self.cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
        self.rect = rect

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = self.rect.centerx + (lon - self.cx) * self.k * self.scale
        y = self.rect.centery - (lat - self.cy) * self.scale
        return (x, y)

    def km(self, km: float) -> float:
        """Pixels for a distance in km."""
        return km / KM_PER_DEG_LAT * self.scale


class MapView:
    """Draws the map into a rect and answers what lies under the mouse."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._static: pygame.Surface | None = None
        self._static_key: tuple | None = None
        self._dynamic: pygame.Surface | None = None
        self._dynamic_key: tuple | None = None
        self.hits: list[tuple[pygame.Rect | tuple[float, float, float], str, str]] = []
        self.inset_rect = pygame.Rect(0, 0, 0, 0)

    # --- layout ----------------------------------------------------------------------------

    def _layout(self, size: tuple[int, int]) -> tuple[Projection, Projection, pygame.Rect]:
        full = pygame.Rect(0, 0, *size)
        main = Projection(REGION, full)
        # The inset sits below Syria, over Egypt and Arabia, which the game never plays on.
        top = int(main(0.0, SYRIA[1] - 0.6)[1])
        inset_h = max(120, size[1] - top - 10)
        inset_w = min(int(inset_h * 1.4), int(size[0] * 0.55))
        inset = pygame.Rect(10, size[1] - inset_h - 10, inset_w, inset_h)
        zoom = Projection(SYRIA, inset.inflate(-16, -16))
        return main, zoom, inset

    # --- static layer ----------------------------------------------------------------------

    def _draw_static(self, size: tuple[int, int]) -> pygame.Surface:
        surf = pygame.Surface(size)
        surf.fill(palette.SEA)
        main, zoom, inset = self._layout(size)
        countries = assets.map_data()["countries"]
        focus = {t.country for t in self.scenario.theatres} or {"SYR"}
        for country in countries:
            fill = palette.LAND_FOCUS if country["id"] in focus else palette.LAND
            for ring in country["rings"]:
                pts = [main(x, y) for x, y in ring]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, palette.COAST, True, pts, 1)
        # Country names where there is room for them.
        labels = {
            "TUR": (35.6, 38.4),
            "IRN": (54.5, 32.5),
            "IRQ": (43.5, 33.2),
            "SAU": (45.0, 26.5),
            "EGY": (29.5, 26.5),
            "SYR": (38.8, 35.6),
            "AZE": (47.7, 40.3),
            "AFG": (63.0, 34.0),
            "TKM": (59.0, 39.8),
        }
        names = {c["id"]: c["name"] for c in countries}
        for cid, (lon, lat) in labels.items():
            if cid in names:
                x, y = main(lon, lat)
                draw.text(surf, names[cid].upper(), (x, y), 11, palette.TEXT_DIM, anchor="center")
        # The Syria inset: its own sea, land and frame, and a leader line from Syria.
        pygame.draw.rect(surf, palette.SEA, inset, border_radius=6)
        clip = surf.get_clip()
        surf.set_clip(inset.inflate(-2, -2))
        for country in countries:
            fill = palette.LAND_FOCUS if country["id"] in focus else palette.LAND
            for ring in country["rings"]:
                pts = [zoom(x, y) for x, y in ring]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.lines(surf, palette.COAST, True, pts, 2)
        for cid, (lon, lat) in {
            "TUR": (38.5, 37.2),
            "IRQ": (41.8, 33.5),
            "JOR": (37.0, 32.4),
            "LBN": (35.75, 33.9),
            "ISR": (35.0, 32.6),
        }.items():
            if cid in names:
                x, y = zoom(lon, lat)
                draw.text(surf, names[cid], (x, y), 11, palette.TEXT_DIM, anchor="center")
        surf.set_clip(clip)
        pygame.draw.rect(surf, palette.BORDER, inset, 2, border_radius=6)
        box_a = main(SYRIA[0], SYRIA[3])
        box_b = main(SYRIA[2], SYRIA[1])
        syria_rect = pygame.Rect(box_a, (box_b[0] - box_a[0], box_b[1] - box_a[1]))
        pygame.draw.rect(surf, palette.TEXT_DIM, syria_rect, 1)
        draw.dashed_line(surf, palette.TEXT_DIM, syria_rect.bottomleft, inset.topleft, 1, 4, 4)
        draw.dashed_line(surf, palette.TEXT_DIM, syria_rect.bottomright, inset.topright, 1, 4, 4)
        draw.text(
            surf, "SYRIA: THEATRES", (inset.left + 10, inset.top + 6), 12, palette.TEXT, bold=True
        )
        return surf

    # --- dynamic layer ---------------------------------------------------------------------

    def _draw_dynamic(
        self,
        size: tuple[int, int],
        theatres: list[TheatreView],
        actors: list[tuple[str, str, float, float, float]],
        colours: dict[str, palette.RGB],
    ) -> pygame.Surface:
        surf = pygame.Surface(size, pygame.SRCALPHA)
        main, zoom, inset = self._layout(size)
        self.inset_rect = inset
        self.hits = []
        # Actors at their capitals (those inside the main view), sized by influence.
        placed: list[pygame.Rect] = []
        edge = pygame.Rect(0, 0, *size).inflate(-40, -40)
        for actor_id, name, lon, lat, weight in actors:
            x, y = main(lon, lat)
            home = None
            if not edge.collidepoint(x, y):
                # Far-away actors (Moscow, Washington) sit on the edge, an arrow pointing home.
                home = (x, y)
                x = min(max(x, edge.left), edge.right)
                y = min(max(y, edge.top), edge.bottom)
            if inset.collidepoint(x, y):
                continue
            r = 5 + 18 * math.sqrt(max(weight, 0.0) / 100.0)
            if home is not None:
                dx, dy = home[0] - x, home[1] - y
                d = math.hypot(dx, dy) or 1.0
                tip = (x + dx / d * (r + 13), y + dy / d * (r + 13))
                draw.arrow_head(surf, palette.TEXT, tip, (x, y), 9)
            colour = colours.get(actor_id, palette.TEXT)
            pygame.draw.circle(surf, (0, 0, 0), (x, y), r + 2)
            pygame.draw.circle(surf, colour, (x, y), r)
            label = assets.render(name, 12, palette.TEXT, True)
            if x > size[0] * 0.8:
                rect = label.get_rect(midright=(x - r - 4, y))
            else:
                rect = label.get_rect(midleft=(x + r + 4, y))
            for _ in range(4):
                if rect.collidelist(placed) < 0:
                    break
                rect.move_ip(0, rect.height)
            placed.append(rect)
            bg = pygame.Surface(rect.inflate(6, 2).size, pygame.SRCALPHA)
            bg.fill((0, 0, 0, 140))
            surf.blit(bg, rect.inflate(6, 2))
            surf.blit(label, rect)
            native = self._native(actor_id, name)
            if native is not None:
                image = assets.render(native, 12, palette.TEXT_DIM)
                nrect = image.get_rect(topleft=(rect.left, rect.bottom))
                if x > size[0] * 0.8:
                    nrect.topright = (rect.right, rect.bottom)
                placed.append(nrect)
                surf.blit(image, nrect)
            self.hits.append(((x, y, r + 3), "actor", actor_id))
        # Theatres: a dot on the main map, the full picture in the inset.
        labels: list[pygame.Rect] = [pygame.Rect(inset.left + 6, inset.top + 2, 160, 22)]
        for t in sorted(theatres, key=lambda t: -t.radius_km):
            x, y = main(t.lon, t.lat)
            pygame.draw.circle(
                surf, palette.mix(palette.YELLOW, palette.VERMILLION, t.violence), (x, y), 3
            )
            cx, cy = zoom(t.lon, t.lat)
            r = max(10.0, zoom.km(t.radius_km))
            shares = [(share, colours.get(a, palette.TEXT_DIM)) for a, share in t.control]
            pygame.draw.circle(surf, (0, 0, 0, 180), (cx, cy), r + 2)
            draw.pie(surf, (cx, cy), r, shares, alpha=235)
            draw.hatch_circle(surf, (cx, cy), r, t.violence, (20, 20, 20))
            style = ZONE_STYLE.get(t.zone)
            if style:
                colour, kind, _ = style
                if kind == "solid":
                    pygame.draw.circle(surf, colour, (cx, cy), r + 5, 2)
                else:
                    draw.dashed_circle(surf, colour, (cx, cy), r + 5, 2)
                if kind == "cross":
                    d = r * 0.7
                    pygame.draw.line(surf, colour, (cx - d, cy - d), (cx + d, cy + d), 3)
                    pygame.draw.line(surf, colour, (cx - d, cy + d), (cx + d, cy - d), 3)
            self.hits.append(((cx, cy, r + 5), "theatre", t.id))
            short = t.name.split(" de-escalation")[0].split(" (")[0]
            line1 = assets.render(short, 12, palette.TEXT, True)
            line2 = assets.render(f"violence {t.violence:.0%}", 11, palette.TEXT_DIM)
            w = max(line1.get_width(), line2.get_width())
            rect = pygame.Rect(0, 0, w + 8, line1.get_height() + line2.get_height() + 2)
            candidates = [
                dict(midleft=(cx + r + 8, cy)),
                dict(midright=(cx - r - 8, cy)),
                dict(midtop=(cx, cy + r + 7)),
                dict(midbottom=(cx, cy - r - 7)),
                dict(topleft=(cx + r + 6, cy + 6)),
                dict(bottomleft=(cx + r + 6, cy - 6)),
            ]
            for anchor in candidates:
                trial = rect.copy()
                setattr(trial, *next(iter(anchor.items())))
                if trial.collidelist(labels) < 0 and inset.contains(trial):
                    rect = trial
                    break
            else:
                setattr(rect, *next(iter(candidates[0].items())))
            labels.append(rect)
            bg = pygame.Surface(rect.size, pygame.SRCALPHA)
            bg.fill((10, 12, 16, 190))
            surf.blit(bg, rect)
            surf.blit(line1, (rect.left + 4, rect.top))
            surf.blit(line2, (rect.left + 4, rect.top + line1.get_height()))
        return surf

    def _native(self, actor_id: str, shown: str) -> str | None:
        """The actor's name in its own script, when it differs and the fonts can draw it."""
        try:
            native = self.scenario.actor(actor_id).native_name
        except KeyError:
            return None
        if not native or native in shown or not assets.can_render(native):
            return None
        if all(ord(ch) < 0x250 for ch in native):
            return None  # a Latin-script name (Türkiye) says little the English one does not
        return native

    # --- public ----------------------------------------------------------------------------

    def draw(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        theatres: list[TheatreView],
        actors: list[tuple[str, str, float, float, float]],
        colours: dict[str, palette.RGB],
        key: object,
        hover: str | None = None,
        legend: bool = True,
    ) -> None:
        """Draw into `rect`. `key` names the state; the theatre layer is redrawn when it changes.

        Args:
            surface: where to draw.
            rect: the map's area on `surface`.
            theatres: what to show of each theatre.
            actors: `(id, label, lon, lat, influence share)` for each actor to pin.
            colours: actor id -> colour.
            key: identifies the data (e.g. the state's turn and id), for the cache.
            hover: the id of a theatre or actor to highlight.
            legend: whether to draw the legend box.
        """
        size = rect.size
        if self._static is None or self._static_key != size:
            self._static = self._draw_static(size)
            self._static_key = size
            self._dynamic_key = None
        dyn_key = (size, key, tuple(sorted(colours.items())))
        if self._dynamic is None or self._dynamic_key != dyn_key:
            self._dynamic = self._draw_dynamic(size, theatres, actors, colours)
            if legend:
                self._draw_legend(self._dynamic, colours, theatres)
            self._dynamic_key = dyn_key
        surface.blit(self._static, rect)
        surface.blit(self._dynamic, rect)
        if hover:
            for shape, _kind, ident in self.hits:
                if ident == hover:
                    x, y, r = shape  # type: ignore[misc]
                    pygame.draw.circle(surface, palette.TEXT, (rect.x + x, rect.y + y), r + 3, 2)

    def _draw_legend(
        self, surf: pygame.Surface, colours: dict[str, palette.RGB], theatres: list[TheatreView]
    ) -> None:
        controllers: list[str] = []
        for t in theatres:
            for a, _ in t.control:
                if a not in controllers:
                    controllers.append(a)
        rows: list[tuple[str, object]] = [("Control", None)]
        names = {a.id: a.name for a in self.scenario.actors}
        rows += [
            (names.get(a, a), ("swatch", colours.get(a, palette.TEXT_DIM))) for a in controllers
        ]
        rows += [("Zones", None)]
        rows += [(label, ("ring", colour, kind)) for colour, kind, label in ZONE_STYLE.values()]
        rows += [("Violence", None), ("hatching: denser = more violent", ("hatch",))]
        line = 17
        w, h = 230, line * len(rows) + 10
        box = pygame.Rect(surf.get_width() - w - 10, surf.get_height() - h - 10, w, h)
        draw.panel(surf, box, (14, 17, 22), palette.BORDER, alpha=215)
        y = box.top + 5
        for label, mark in rows:
            if mark is None:
                draw.text(surf, label, (box.left + 8, y), 12, palette.YELLOW, bold=True)
            else:
                cx, cy = box.left + 18, y + 8
                if mark[0] == "swatch":
                    pygame.draw.circle(surf, mark[1], (cx, cy), 6)
                elif mark[0] == "ring":
                    if mark[2] == "solid":
                        pygame.draw.circle(surf, mark[1], (cx, cy), 6, 2)
                    else:
                        draw.dashed_circle(surf, mark[1], (cx, cy), 6, 2, 6)
                        if mark[2] == "cross":
                            pygame.draw.line(surf, mark[1], (cx - 4, cy - 4), (cx + 4, cy + 4), 2)
                else:
                    draw.hatch_circle(surf, (cx, cy), 7, 0.8, palette.TEXT)
                draw.text(surf, label, (box.left + 32, y), 12, palette.TEXT)
            y += line

    def hit(self, pos: tuple[int, int], rect: pygame.Rect) -> tuple[str, str] | None:
        """`(kind, id)` of the theatre or actor under `pos` (window coordinates), or None."""
        x, y = pos[0] - rect.x, pos[1] - rect.y
        best = None
        for shape, kind, ident in self.hits:
            cx, cy, r = shape  # type: ignore[misc]
            d = math.hypot(x - cx, y - cy)
            if d <= r and (best is None or d < best[0]):
                best = (d, kind, ident)
        return (best[1], best[2]) if best else None
