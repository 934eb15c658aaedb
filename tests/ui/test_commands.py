"""The commands: no-display message, autoplay smoke run, preview, screenshot, bench."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
    }
    env.update(extra)
    return env


def test_no_display_says_so_and_points_to_headless_commands(tmp_path):
    """`python main.py` with no display exits non-zero with advice and no traceback."""
    result = subprocess.run(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "no display" in result.stderr
    for command in ("check", "simulate", "screenshot", "--autoplay", "SDL_VIDEODRIVER=dummy"):
        assert command in result.stderr
    assert "Traceback" not in result.stderr


def test_autoplay_smoke_runs_the_real_loop():
    """`play --autoplay --turns 2` with the dummy driver plays two turns and exits 0."""
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "play",
            "--autoplay",
            "--turns",
            "2",
            "--ai",
            "random",
            "--seed",
            "3",
        ],
        cwd=ROOT,
        env=_env(SDL_VIDEODRIVER="dummy"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "autoplay: 2 turns" in result.stdout
    frames, drawn = (
        int(v) for v in re.search(r"(\d+) frames \((\d+) drawn\)", result.stdout).groups()
    )
    assert frames == drawn > 0


def test_preview_writes_a_picture(tmp_path):
    """`preview` draws the scenario to a PNG of the asked size."""
    import pygame

    from game.ui import preview

    out = tmp_path / "p.png"
    status = preview.run(
        Namespace(scenario=ROOT / "scenarios" / "tehran-2017.toml", out=out, size=(1200, 700))
    )
    assert status == 0
    assert pygame.image.load(str(out)).get_size() == (1200, 700)


def test_preview_of_a_broken_scenario_is_a_clean_error(tmp_path, capsys):
    """A scenario that does not load gives status 2 and a message, not a traceback."""
    from game.ui import preview

    bad = tmp_path / "bad.toml"
    bad.write_text("[meta]\nid = 3\n", encoding="utf-8")
    status = preview.run(Namespace(scenario=bad, out=tmp_path / "x.png", size=(800, 600)))
    assert status == 2
    assert "bad.toml" in capsys.readouterr().err


def test_bench_idle_frame_is_much_cheaper_than_a_full_frame():
    """The idle frame skips drawing, so it costs a small fraction of a full redraw."""
    from game.ui import bench

    figures = bench.measure(Namespace(quick=True))
    assert set(figures) == {"frame_ms", "frame_cpu_ms", "idle_frame_ms"}
    assert figures["frame_ms"] > 0
    assert figures["idle_frame_ms"] < figures["frame_ms"] / 5
