"""The strict cattrs converter between plain dicts (as `tomllib` reads them) and the scenario model.

Strict means no silent coercion: `24.9` is not an int, `"24"` is not a number, a string is not a
list, a bool is not a number, a date-time is not a date. An int is accepted where a float is
expected (and stored as a float). Extra keys are forbidden; enums are read and written by value.

The leaf checks (`structure_leaf`) raise `Mismatch`, which says what was found and what was
expected; the checker (`check.py`) calls the same hooks field by field so that a file the checker
passes is a file this converter structures, and vice versa.

Unstructuring omits None and empty defaults (`""`, `()`, `{}`) and puts the provenance fields
(`source`, `confidence`, `review`) after a record's own fields, so a written file reads naturally.

Must not import: pygame, anything under `game.ui`, file formats (tomllib, tomli_w).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import math
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from game.scenario import model

FACT_FIELDS = tuple(f.name for f in attrs.fields(model.Fact))
"""The provenance keys every fact record carries, in the order they are written."""


class Mismatch(TypeError):
    """A value of the wrong type or outside a closed vocabulary.

    Attributes:
        found: what the value is, in words, e.g. `"24.9 (a float)"`.
        expected: what was expected, in words, e.g. `"an integer"`.
    """

    def __init__(self, found: str, expected: str) -> None:
        super().__init__(f"expected {expected}, got {found}")
        self.found = found
        self.expected = expected


def describe(value: object) -> str:
    """A short description of a TOML value for messages, e.g. `'"24" (a string)'`."""
    kind = _KIND_NAMES.get(type(value), type(value).__name__)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"{shown!r} ({kind})"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**20:
        return f"a {len(str(abs(value)))}-digit integer"
    return f"{value!r} ({kind})" if not isinstance(value, dt.date) else f"{value} ({kind})"


_KIND_NAMES: dict[type, str] = {
    bool: "a boolean",
    int: "an integer",
    float: "a float",
    str: "a string",
    dt.date: "a date",
    dt.datetime: "a date-time",
    dt.time: "a time",
}


# ---------------------------------------------------------------------------------------------
# Leaf hooks: each takes the raw value and returns the model value or raises Mismatch.


def structure_int(value: object, _tp: object = int) -> int:
    """An integer, not a bool and not a float with no fractional part."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Mismatch(describe(value), "an integer")
    return value


def structure_float(value: object, _tp: object = float) -> float:
    """A number: a float, or an int (stored as a float); never a bool or a string."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Mismatch(describe(value), "a number")
    if isinstance(value, int):
        try:
            return float(value)
        except OverflowError:
            raise Mismatch(describe(value), "a number of reasonable size") from None
    return value


def structure_str(value: object, _tp: object = str) -> str:
    """A string."""
    if not isinstance(value, str):
        raise Mismatch(describe(value), "a string")
    return value


def structure_bool(value: object, _tp: object = bool) -> bool:
    """`true` or `false`, never 0, 1 or a string."""
    if not isinstance(value, bool):
        raise Mismatch(describe(value), "true or false")
    return value


def structure_date(value: object, _tp: object = dt.date) -> dt.date:
    """A TOML local date such as `2017-11-18` (not a string, not a date-time)."""
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise Mismatch(describe(value), "a date such as 2017-11-18 (no quotes, no time)")
    return value


def enum_values(enum_type: type[enum.Enum]) -> list[str]:
    """The allowed spellings of an enum, in declaration order."""
    return [str(member.value) for member in enum_type]


def structure_enum(value: object, enum_type: type[enum.Enum]) -> enum.Enum:
    """An enum member, by its value (e.g. `"armed_group"`)."""
    allowed = ", ".join(enum_values(enum_type))
    if not isinstance(value, str):
        raise Mismatch(describe(value), f"one of: {allowed}")
    try:
        return enum_type(value)
    except ValueError:
        raise Mismatch(describe(value), f"one of: {allowed}") from None


LEAF_TYPES: dict[type, Callable[[object, object], object]] = {
    int: structure_int,
    float: structure_float,
    str: structure_str,
    bool: structure_bool,
    dt.date: structure_date,
}


def is_leaf(tp: object) -> bool:
    """Whether `tp` is a scalar type the converter structures in one step."""
    return tp in LEAF_TYPES or (isinstance(tp, type) and issubclass(tp, enum.Enum))


def structure_leaf(value: object, tp: type) -> object:
    """Structure one scalar value of type `tp` (a key of `LEAF_TYPES` or an enum)."""
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return structure_enum(value, tp)
    return LEAF_TYPES[tp](value, tp)


def optional_inner(tp: object) -> object | None:
    """`X` for `X | None`, else None."""
    args = typing.get_args(tp)
    if type(None) in args and len(args) == 2:
        return next(arg for arg in args if arg is not type(None))
    return None


def is_sequence(tp: object) -> bool:
    """Whether `tp` is `tuple[X, ...]`."""
    return typing.get_origin(tp) is tuple


def is_mapping(tp: object) -> bool:
    """Whether `tp` is `Mapping[str, X]` or `dict[str, X]`."""
    return typing.get_origin(tp) in (Mapping, dict)


@functools.cache
def field_types(cls: type) -> dict[str, object]:
    """The resolved type of every field of an attrs class (the model uses string annotations)."""
    return typing.get_type_hints(cls, vars(model))


# ---------------------------------------------------------------------------------------------
# The converter


def _prune(cls: type, base: Callable[[Any], dict[str, Any]]) -> Callable[[Any], dict[str, Any]]:
    """Wrap an unstructure function: drop None and empty defaults, provenance last."""
    fields = attrs.fields(cls)
    empty_default = {
        f.name
        for f in fields
        if (f.default in ("", (), {}))
        or (isinstance(f.default, attrs.Factory) and f.default.factory in (dict, tuple, list))
    }
    own = [f.name for f in fields if f.name not in FACT_FIELDS]
    order = own + [name for name in FACT_FIELDS if name in attrs.fields_dict(cls)]

    def unstructure(obj: Any) -> dict[str, Any]:
        raw = base(obj)
        out: dict[str, Any] = {}
        for name in order:
            value = raw[name]
            if value is None or (name in empty_default and value in ("", (), [], {})):
                continue
            out[name] = value
        return out

    return unstructure


def _sequence_hook(converter: cattrs.Converter, tp: Any) -> Callable[[object, Any], tuple]:
    item = typing.get_args(tp)[0]

    def structure(value: object, _tp: Any) -> tuple:
        if not isinstance(value, list | tuple):
            raise Mismatch(describe(value), "an array")
        out, errors = [], []
        for index, element in enumerate(value):
            try:
                out.append(converter.structure(element, item))
            except Exception as exc:
                exc.add_note(
                    IterableValidationNote(f"Structuring {tp} @ index {index}", index, item)
                )
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {tp}", errors, tp)
        return tuple(out)

    return structure


def _mapping_hook(converter: cattrs.Converter, tp: Any) -> Callable[[object, Any], dict]:
    item = typing.get_args(tp)[1]

    def structure(value: object, _tp: Any) -> dict:
        if not isinstance(value, dict):
            raise Mismatch(describe(value), "a table")
        out, errors = {}, []
        for key, element in value.items():
            try:
                out[structure_str(key)] = converter.structure(element, item)
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"Structuring value @ key {key!r}", key, item))
                errors.append(exc)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {tp}", errors, tp)
        return out

    return structure


def _attrs_hook(converter: cattrs.Converter, cls: type) -> Callable[[object, type], Any]:
    inner = make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: object, _cls: type) -> Any:
        if not isinstance(value, dict):
            raise Mismatch(describe(value), "a table")
        return inner(value, cls)

    return structure


def _enum_value(member: enum.Enum) -> object:
    return member.value


def make_converter() -> cattrs.Converter:
    """A fresh strict converter for the scenario model (see the module docstring)."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for tp in LEAF_TYPES:
        # Registered by class these hooks also catch subclasses (every StrEnum is a str), so
        # each goes through `structure_leaf`, which dispatches on the exact type.
        converter.register_structure_hook(tp, structure_leaf)
    converter.register_unstructure_hook(dt.date, lambda value: value)
    converter.register_structure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, enum.Enum), structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda tp: isinstance(tp, type) and issubclass(tp, enum.Enum), _enum_value
    )
    # Containers type-check themselves first, so that a string is never read as a list of
    # characters and a list is never read as a table.
    converter.register_structure_hook_factory(
        lambda tp: is_sequence(tp), lambda tp: _sequence_hook(converter, tp)
    )
    converter.register_structure_hook_factory(
        lambda tp: is_mapping(tp), lambda tp: _mapping_hook(converter, tp)
    )
    converter.register_structure_hook_factory(attrs.has, lambda cls: _attrs_hook(converter, cls))
    converter.register_unstructure_hook_factory(
        attrs.has, lambda cls: _prune(cls, make_dict_unstructure_fn(cls, converter))
    )
    return converter


CONVERTER = make_converter()
"""The shared strict converter; use `structure_scenario` and `unstructure_scenario`."""


def structure_scenario(raw: Mapping[str, Any]) -> model.Scenario:
    """Build a Scenario from a dict as `tomllib` reads it.

    Raises:
        cattrs.BaseValidationError: with every structural problem, if the dict does not fit.
        ValueError: if a record's own validator rejects a value (a range, say).
    """
    return CONVERTER.structure(raw, model.Scenario)


def unstructure_scenario(scenario: model.Scenario) -> dict[str, Any]:
    """The dict form of a Scenario, ready for a TOML writer (no None anywhere).

    `[scoring]` is left out when it holds the defaults, so the file follows the engine's.
    """
    raw = CONVERTER.unstructure(scenario)
    if scenario.scoring == model.Scoring():
        raw.pop("scoring", None)
    return raw


def is_number(value: object) -> bool:
    """Whether a raw TOML value is a finite number (int or float, not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
