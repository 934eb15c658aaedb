"""`SaveError`: what a corrupted, truncated, edited or foreign save file raises.

Must not import: pygame, game.ui.
"""

from __future__ import annotations


class SaveError(ValueError):
    """A save file that cannot be loaded; the message names the file and the key or turn at fault.

    Attributes:
        source: the file name (or `"<string>"`) the message starts with.
        where: the key path or turn at fault, e.g. `"orders[3][1]"` or `"turn 5"`; empty when the
            whole file is at fault (not JSON, too large).
        problem: what is wrong and what was expected.
    """

    def __init__(self, source: str, where: str, problem: str) -> None:
        self.source = source
        self.where = where
        self.problem = problem
        text = f"{source}: {where}: {problem}" if where else f"{source}: {problem}"
        super().__init__(text)
