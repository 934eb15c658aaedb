"""How the checker words what it expected: types, plurals, validator ranges, excerpts of quotes
and did-you-mean suggestions.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import math
import re
import typing
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from game.scenario import convert


def _excerpt(text: str, width: int = 60) -> str:
    text = _normalise(text)
    return '"' + (text if len(text) <= width else text[: width - 3] + "...") + '"'


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _suggest(key: str, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    listed = ", ".join(allowed)
    if close:
        return f"did you mean {close[0]!r}? (allowed: {listed})"
    return f"one of: {listed}" if allowed else "no keys here"


def _type_words(tp: Any) -> str:
    inner = convert.optional_inner(tp)
    if inner is not None:
        tp = inner
    if tp in _TYPE_WORDS:
        return _TYPE_WORDS[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "one of: " + ", ".join(convert.enum_values(tp))
    if convert.is_sequence(tp):
        return f"an array of {_plural(typing.get_args(tp)[0])}"
    if convert.is_mapping(tp):
        return f"a table of ids to {_plural(typing.get_args(tp)[1])}"
    if attrs.has(tp):
        return "a table"
    return str(tp)


def _plural(tp: Any) -> str:
    return {str: "strings", float: "numbers", int: "integers"}.get(tp, _type_words(tp))


_TYPE_WORDS: dict[Any, str] = {
    int: "an integer",
    float: "a number",
    str: "a string",
    bool: "true or false",
    dt.date: "a date such as 2017-11-18",
}


def _range_words(validator: Callable, attribute: attrs.Attribute) -> str:
    """`"a number from 0 to 1"`, found by showing the validator a NaN and reading its message."""
    try:
        try:
            validator(None, attribute, math.nan)
        except AttributeError:  # a validator of a mapping of numbers
            validator(None, attribute, {"key": math.nan})
    except (ValueError, TypeError) as exc:
        match = re.search(r"between (\S+) and (\S+), got", str(exc))
        if match:
            lo, hi = float(match.group(1)), float(match.group(2))
            return f"a number from {lo:g} to {hi:g}"
        if "finite" in str(exc):
            return "a finite number"
    except Exception:
        return ""
    return ""
