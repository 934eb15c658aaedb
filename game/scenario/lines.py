"""Where each key of a TOML document is: a map from key paths to line numbers.

`tomllib` reports lines only for syntax errors, so the checker needs its own locator to say
`scenario.toml:42: relations[3].strength: ...`. `LineMap(text)` scans a document (one that
`tomllib` has accepted) once and records the line of every key, table header, array-of-tables
entry and inline array element, addressed by the same paths the checker uses:
`("relations", 3, "strength")`, `("actors", 0, "capabilities", "military")`,
`("agendas", "RUS", "objectives", 1, "kind")`, `("agreements", 0, "parties", 2)`.

`line_of(path)` falls back to the nearest enclosing key or table that is in the file, so a missing
key is reported at its table's header. The scanner never raises: on anything it does not
understand it keeps what it has found so far.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import bisect
import contextlib
import tomllib
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_MAX_DEPTH = 64  # deeper values are skipped without recording their elements


class LineMap:
    """Line numbers (1-based) of the keys in one TOML document."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._newlines = [i for i, char in enumerate(text) if char == "\n"]
        self._lines: dict[Path, int] = {}
        self._aot_count: dict[Path, int] = {}
        self._pos = 0
        # On anything unexpected keep the lines found so far; `line_of` falls back for the rest.
        with contextlib.suppress(IndexError, ValueError, RecursionError, tomllib.TOMLDecodeError):
            self._scan()

    def line_of(self, path: Sequence[str | int]) -> int:
        """The line of `path`, or of its nearest enclosing key or table in the file, or 1."""
        key = tuple(path)
        while key:
            line = self._lines.get(key)
            if line is not None:
                return line
            key = key[:-1]
        return 1

    def has(self, path: Sequence[str | int]) -> bool:
        """Whether the exact path appears in the file."""
        return tuple(path) in self._lines

    def paths(self) -> dict[Path, int]:
        """Every recorded path and its line (a copy)."""
        return dict(self._lines)

    # -----------------------------------------------------------------------------------------

    def _line(self, pos: int) -> int:
        return bisect.bisect_left(self._newlines, pos) + 1

    def _record(self, path: Path, pos: int) -> None:
        self._lines.setdefault(path, self._line(pos))

    def _peek(self, n: int = 1) -> str:
        return self._text[self._pos : self._pos + n]

    def _skip_blank(self, newlines: bool) -> None:
        text = self._text
        while self._pos < len(text):
            char = text[self._pos]
            if char in " \t" or (newlines and char in "\r\n"):
                self._pos += 1
            elif char == "#":
                end = text.find("\n", self._pos)
                self._pos = len(text) if end < 0 else end
            else:
                return

    def _scan(self) -> None:
        table: Path = ()
        text = self._text
        while True:
            self._skip_blank(newlines=True)
            if self._pos >= len(text):
                return
            start = self._pos
            if text[self._pos] == "[":
                array = text.startswith("[[", self._pos)
                self._pos += 2 if array else 1
                parts = self._key()
                self._skip_blank(newlines=False)
                self._pos += 2 if array else 1
                table = self._header(parts, array, start)
            else:
                parts = self._key()
                self._skip_blank(newlines=False)
                if self._peek() != "=":
                    raise ValueError("expected '='")
                self._pos += 1
                path = self._record_key(table, parts, start)
                self._skip_blank(newlines=False)
                self._value(path, 0)

    def _header(self, parts: list[str], array: bool, pos: int) -> Path:
        concrete: Path = ()
        for index, part in enumerate(parts):
            concrete = (*concrete, part)
            last = index == len(parts) - 1
            if not last and concrete in self._aot_count:
                concrete = (*concrete, self._aot_count[concrete] - 1)
        if array:
            count = self._aot_count.get(concrete, 0)
            self._aot_count[concrete] = count + 1
            self._record(concrete, pos)
            concrete = (*concrete, count)
        for depth in range(1, len(concrete) + 1):
            self._record(concrete[:depth], pos)
        return concrete

    def _record_key(self, table: Path, parts: list[str], pos: int) -> Path:
        path = table
        for part in parts:
            path = (*path, part)
            self._record(path, pos)
        return path

    def _key(self) -> list[str]:
        parts: list[str] = []
        text = self._text
        while True:
            self._skip_blank(newlines=False)
            char = self._peek()
            if char == '"' or char == "'":
                start = self._pos
                self._skip_string()
                parts.append(tomllib.loads("k = " + text[start : self._pos])["k"])
            else:
                start = self._pos
                while self._pos < len(text) and text[self._pos] in _BARE:
                    self._pos += 1
                if self._pos == start:
                    raise ValueError("expected a key")
                parts.append(text[start : self._pos])
            self._skip_blank(newlines=False)
            if self._peek() != ".":
                return parts
            self._pos += 1

    def _skip_string(self) -> None:
        text = self._text
        quote = text[self._pos]
        if text.startswith(quote * 3, self._pos):
            self._pos += 3
            while True:
                if quote == '"' and text[self._pos] == "\\":
                    self._pos += 2
                elif text.startswith(quote * 3, self._pos):
                    self._pos += 3
                    # a closing delimiter may be preceded by up to two quotes of the content
                    for _ in range(2):
                        if self._peek() == quote:
                            self._pos += 1
                    return
                else:
                    self._pos += 1
        self._pos += 1
        while True:
            char = text[self._pos]
            if quote == '"' and char == "\\":
                self._pos += 2
            elif char == quote:
                self._pos += 1
                return
            elif char == "\n":
                raise ValueError("unterminated string")
            else:
                self._pos += 1

    def _value(self, path: Path, depth: int) -> None:
        char = self._peek()
        if char in ('"', "'"):
            self._skip_string()
        elif char == "[":
            self._pos += 1
            index = 0
            while True:
                self._skip_blank(newlines=True)
                if self._peek() == "]":
                    self._pos += 1
                    return
                if self._pos >= len(self._text):
                    raise ValueError("unterminated array")
                element = (*path, index)
                if depth < _MAX_DEPTH:
                    self._record(element, self._pos)
                self._value(element, depth + 1) if depth < _MAX_DEPTH else self._skip_value()
                self._skip_blank(newlines=True)
                if self._peek() == ",":
                    self._pos += 1
                index += 1
        elif char == "{":
            self._pos += 1
            while True:
                self._skip_blank(newlines=True)
                if self._peek() == "}":
                    self._pos += 1
                    return
                if self._pos >= len(self._text):
                    raise ValueError("unterminated inline table")
                start = self._pos
                parts = self._key()
                self._skip_blank(newlines=False)
                self._pos += 1  # '='
                self._skip_blank(newlines=False)
                if depth < _MAX_DEPTH:
                    self._value(self._record_key(path, parts, start), depth + 1)
                else:
                    self._skip_value()
                self._skip_blank(newlines=True)
                if self._peek() == ",":
                    self._pos += 1
        else:
            text = self._text
            while self._pos < len(text) and text[self._pos] not in ",]}\n#":
                self._pos += 1

    def _skip_value(self) -> None:
        """Skip one value without recursion (for values nested deeper than `_MAX_DEPTH`)."""
        depth = 0
        text = self._text
        while self._pos < len(text):
            char = text[self._pos]
            if char in ('"', "'"):
                self._skip_string()
                if depth == 0:
                    return
                continue
            if char == "#":
                self._skip_blank(newlines=False)
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                if depth == 0:
                    return
                depth -= 1
                if depth == 0:
                    self._pos += 1
                    return
            elif char in ",\n" and depth == 0:
                return
            self._pos += 1
