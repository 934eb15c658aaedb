"""Build `assets/map/region.json`: country outlines of the Middle East for the desktop game.

The outlines are Natural Earth's 1:110m "admin 0 countries" (public domain), as shipped in the
`naturalearth_lowres` shapefile inside the geopandas 0.14.4 wheel on PyPI. This script reads the
.shp/.dbf straight from the wheel's zip with pyshp (a tools-only dependency), clips every ring to
the region's box, simplifies it (Douglas–Peucker) and writes a small JSON file that the game reads
with the standard library alone. Run it again to reproduce the asset byte for byte::

    pip download geopandas==0.14.4 --no-deps -d /tmp/wheels
    pip install pyshp
    python tools/make_map.py --wheel /tmp/wheels/geopandas-0.14.4-py3-none-any.whl

Must not import: pygame, game.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import sys
import zipfile
from pathlib import Path

SHAPE = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
# lon_min, lat_min, lon_max, lat_max: the Levant, Anatolia, the Caucasus, Iran and the Gulf.
BOX = (20.0, 10.0, 80.0, 55.0)
TOLERANCE = 0.08  # degrees; about 9 km, well under a pixel at the game's zoom
DIGITS = 2

Point = tuple[float, float]


def clip_ring(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman clipping of one closed ring to an axis-aligned box."""
    lo_x, lo_y, hi_x, hi_y = box
    edges = (
        (lambda p: p[0] >= lo_x, lambda a, b: _cross_x(a, b, lo_x)),
        (lambda p: p[0] <= hi_x, lambda a, b: _cross_x(a, b, hi_x)),
        (lambda p: p[1] >= lo_y, lambda a, b: _cross_y(a, b, lo_y)),
        (lambda p: p[1] <= hi_y, lambda a, b: _cross_y(a, b, hi_y)),
    )
    points = list(ring)
    for inside, cross in edges:
        if not points:
            break
        out: list[Point] = []
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
        points = out
    return points


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker simplification of an open polyline (iterative, no recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0.0:
                dist = math.hypot(px - ax, py - ay)
            else:
                dist = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if dist > worst:
                worst, index = dist, i
        if worst > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def rings_of(shape) -> list[list[Point]]:
    """The rings of a pyshp polygon shape, split at its part offsets."""
    bounds = [*list(shape.parts), len(shape.points)]
    return [
        [(float(x), float(y)) for x, y in shape.points[a:b]] for a, b in itertools.pairwise(bounds)
    ]


def build(wheel: Path) -> dict:
    """The region's outlines as a JSON-ready dict."""
    import shapefile  # pyshp: a tools-only dependency (requirements-dev.txt)

    with zipfile.ZipFile(wheel) as archive:
        shp = io.BytesIO(archive.read(SHAPE + ".shp"))
        dbf = io.BytesIO(archive.read(SHAPE + ".dbf"))
        encoding = archive.read(SHAPE + ".cpg").decode("ascii").strip() or "latin-1"
    if encoding.upper() in ("ISO-8859-1", "8859-1"):
        encoding = "latin-1"
    reader = shapefile.Reader(shp=shp, dbf=dbf, encoding=encoding)
    countries = []
    for item in reader.iterShapeRecords():
        record = item.record.as_dict()
        rings = []
        for ring in rings_of(item.shape):
            clipped = clip_ring(ring, BOX)
            if len(clipped) < 3:
                continue
            # Simplify as an open line from the first point back to itself: the ring stays closed.
            closed = clipped if clipped[0] == clipped[-1] else [*clipped, clipped[0]]
            small = simplify(closed, TOLERANCE)[:-1]
            if len(small) >= 3:
                rings.append([[round(x, DIGITS), round(y, DIGITS)] for x, y in small])
        if not rings:
            continue
        iso = record["iso_a3"] if record["iso_a3"] != "-99" else record["name"][:3].upper()
        countries.append({"id": iso, "name": record["name"], "rings": rings})
    countries.sort(key=lambda c: c["id"])
    return {
        "source": "Natural Earth 1:110m admin 0 countries (public domain), "
        "via geopandas 0.14.4 naturalearth_lowres",
        "box": list(BOX),
        "tolerance_deg": TOLERANCE,
        "countries": countries,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: read the wheel, write the JSON, print a one-line summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True, help="geopandas-0.14.4 wheel")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "assets" / "map" / "region.json",
    )
    args = parser.parse_args(argv)
    if not args.wheel.is_file():
        print(f"make_map: {args.wheel}: no such file (pip download it first)", file=sys.stderr)
        return 2
    data = build(args.wheel)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for c in data["countries"] for r in c["rings"])
    print(f"{args.out}: {len(data['countries'])} countries, {points} points, {len(text)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
