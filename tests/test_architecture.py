"""Architecture: the engine and everything but `game/ui` never import pygame."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import game

ROOT = Path(__file__).resolve().parents[1]
GAME = ROOT / "game"


def _non_ui_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(game.__path__, prefix="game."):
        if info.name == "game.ui" or info.name.startswith("game.ui."):
            continue
        names.append(info.name)
    return sorted(names)


def test_importing_every_non_ui_module_leaves_pygame_out():
    """ARCH-1: importing every module under game/ except game/ui in a fresh interpreter does not
    import pygame."""
    modules = _non_ui_modules()
    assert "game.engine.turn" in modules and "game.rules.catalogue" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'pygame' or m.startswith('pygame.'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_no_pygame_import_outside_ui():
    """ARCH-2: no file under game/ outside game/ui contains an `import pygame`."""
    pattern = re.compile(r"^\s*(import\s+pygame|from\s+pygame[\s.])", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in GAME.rglob("*.py")
        if "ui" not in path.relative_to(GAME).parts[:1] and pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_no_global_randomness():
    """ARCH-3: nothing under game/ imports `random` or calls numpy's global-state functions
    (`np.random.rand`, `np.random.seed`, ...); randomness comes from explicit Generators."""
    stdlib = re.compile(r"^\s*(import\s+random\b|from\s+random\s+import)", re.MULTILINE)
    legacy = re.compile(
        r"\b(?:np|numpy)\.random\.(?!default_rng\b|SeedSequence\b|Generator\b|PCG64\b|BitGenerator\b)"
        r"[a-z_]+\s*\("
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in GAME.rglob("*.py")
        if stdlib.search(text := path.read_text("utf-8")) or legacy.search(text)
    ]
    assert offenders == []
