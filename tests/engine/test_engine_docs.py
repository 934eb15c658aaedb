"""The worked example in docs/engine.md runs as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "engine.md"


def test_the_worked_example_runs():
    """DOC-1: the first Python block of docs/engine.md runs and plays a game to its end."""
    code = re.search(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # our own documentation, not user input
    state = namespace["state"]
    assert namespace["game"].is_over(state)
    assert namespace["p"].legal and namespace["orders"]
