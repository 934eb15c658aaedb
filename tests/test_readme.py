"""The README stays true: its Python example runs and its commands exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_example_runs_and_names_a_winner():
    """The engine example in the README plays a whole game and prints a playable winner."""
    code = re.search(r"## The engine from Python\n\n```python\n(.*?)```", README, re.S).group(1)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] in {"RUS", "IRN", "TUR", "USA"}


def test_every_command_in_the_readme_reference_exists():
    """Each `python main.py NAME` in the command reference is a command main.py dispatches."""
    named = set(re.findall(r"^\| `python main\.py (\w+)", README, re.M))
    assert named, "the command reference table is missing"
    assert named <= set(main.COMMANDS)
