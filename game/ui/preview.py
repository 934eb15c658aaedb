"""The `preview` command: a picture of a scenario for its author.

    python main.py preview scenarios/tehran-2017.toml -o tehran.png [--size 1600x900]

Side by side: the alignment network with the relations typed exactly as the file states them
(alliance, support, sanction...) and the map with the theatres as the file sets them up, each
with its legend, under a header naming the scenario. It reuses the game's own renderers and
needs no display (no window is opened).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from game.ui.cli import parse_size

SIGN = {
    "alliance": 1.0,
    "support": 0.7,
    "cooperation": 0.5,
    "deal": 0.4,
    "rivalry": -0.5,
    "sanction": -0.6,
    "hostility": -1.0,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments of the `preview` command."""
    parser.add_argument("scenario", type=Path, help="scenario file")
    parser.add_argument("-o", "--out", type=Path, required=True, help="PNG file to write")
    parser.add_argument("--size", type=parse_size, default=(1600, 900), help="e.g. 1600x900")


def run(args: argparse.Namespace) -> int:
    """Load the scenario, draw the picture, write the PNG; returns the exit status."""
    import game
    from game.scenario.load import ScenarioError

    try:
        scenario = game.load_scenario(args.scenario)
    except (ScenarioError, OSError) as exc:
        print(f"preview: {exc}", file=sys.stderr)
        return 2
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    surface = render(scenario, args.size)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(args.out))
    print(
        f"{args.out}: {scenario.meta.title}, {len(scenario.actors)} actors, "
        f"{len(scenario.relations)} relations, {len(scenario.theatres)} theatres"
    )
    return 0


def scenario_alignment(scenario) -> np.ndarray:
    """A signed alignment matrix read from the relations (strength × the sign of their kind)."""
    ids = scenario.actor_ids
    index = {a: i for i, a in enumerate(ids)}
    a = np.zeros((len(ids), len(ids)))
    for r in scenario.relations:
        if str(r.status) == "ended" or r.actor not in index or r.target not in index:
            continue
        i, j = index[r.actor], index[r.target]
        if i == j:
            continue
        value = SIGN.get(str(r.kind), 0.0) * r.strength
        a[i, j] += value
        a[j, i] += value
    return np.clip(a, -1.0, 1.0)


def render(scenario, size: tuple[int, int]):
    """The preview picture as a pygame Surface."""
    import pygame

    from game.scoring.blocs import split
    from game.ui import alignview, describe, draw, mapview, palette

    pygame.font.init()
    w, h = size
    surface = pygame.Surface(size)
    surface.fill(palette.BG)
    meta = scenario.meta
    draw.text(surface, meta.title, (20, 12), 24, palette.TEXT, True)
    sub = (
        f"{meta.id} · starts {meta.start:%B %Y} · {meta.turn_limit} turns of "
        f"{meta.months_per_turn} month(s) · playable: "
        + ", ".join(scenario.actor(a).name for a in scenario.playable_ids)
    )
    draw.text(surface, sub, (20, 46), 14, palette.TEXT_DIM)
    colours = palette.actor_colours(
        scenario.actor_ids, {a.id: a.color for a in scenario.actors}, scenario.playable_ids
    )
    alignment = scenario_alignment(scenario)
    blocs = split(alignment, scenario.scoring.swing_threshold)
    caps = {
        a.id: (a.capabilities.military + a.capabilities.economy + a.capabilities.diplomacy) / 3
        for a in scenario.actors
    }
    total = sum(caps.values()) or 1.0
    nodes = [
        alignview.Node(
            a.id,
            a.name if len(a.name) <= 18 else a.id,
            100 * caps[a.id] / total * 3,
            int(blocs.labels[i]),
            bool(blocs.swing[i]),
            colours[a.id],
            a.playable,
        )
        for i, a in enumerate(scenario.actors)
    ]
    body = pygame.Rect(0, 80, w, h - 80 - 34)
    left = pygame.Rect(body.left, body.top, body.width // 2, body.height)
    right = pygame.Rect(left.right, body.top, body.width - left.width, body.height)
    alignview.AlignmentView().draw(
        surface,
        left,
        nodes,
        alignview.edges_from_scenario(scenario),
        alignment,
        0,
        title="Relations as written (size: capability)",
    )
    mapview.MapView(scenario).draw(
        surface,
        right,
        mapview.theatres_from_scenario(scenario),
        [
            (a.id, a.name, a.lon, a.lat, 100 * caps[a.id] / total * 3)
            for a in scenario.actors
            if a.lat is not None
            and a.lon is not None
            and not a.parent
            and str(a.kind) == "state"
            and (
                (
                    mapview.REGION[0] <= a.lon <= mapview.REGION[2]
                    and mapview.REGION[1] <= a.lat <= mapview.REGION[3]
                )
                or a.playable
            )
        ],
        colours,
        0,
    )
    pygame.draw.line(surface, palette.BORDER, left.topright, left.bottomright, 2)
    unsourced = sum(
        1
        for r in (*scenario.actors, *scenario.relations, *scenario.theatres, *scenario.agreements)
        if not r.source
    )
    footer = (
        f"{len(scenario.actors)} actors · {len(scenario.relations)} relations · "
        f"{len(scenario.agreements)} agreements · {len(scenario.theatres)} theatres · "
        f"{len(scenario.issues)} issues · {len(scenario.events)} scripted events · "
        f"{unsourced} facts without a source"
        + (f" · source: {meta.article}" if meta.article else "")
    )
    draw.text(
        surface, describe.esc(footer).replace("&amp;", "&"), (20, h - 26), 13, palette.TEXT_DIM
    )
    return surface
