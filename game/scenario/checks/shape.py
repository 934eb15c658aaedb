"""Shape checks: unknown and missing keys, wrong types, bad enum values and out-of-range
numbers, using the strict converter's own hooks and the model's own validators, so a file with
no error here is one `convert.structure_scenario` accepts.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

import difflib
import enum
import typing
from collections.abc import Callable
from typing import Any

import attrs

from game.scenario import convert
from game.scenario.checks.checker import Checker
from game.scenario.checks.raw import _fields_in_order
from game.scenario.checks.wording import _range_words, _suggest, _type_words

_BAD = object()


def check_shape(checker: Checker, value: object, cls: type, path: tuple) -> bool:
    """Check a table against an attrs class; True if it would structure."""
    if not isinstance(value, dict):
        checker.error(path, f"wrong type: {convert.describe(value)}", "a table", "type")
        return False
    ok = True
    types = convert.field_types(cls)
    fields = _fields_in_order(cls)
    for key in value:
        if key not in fields:
            ok = False
            checker.error(
                (*path, key), f"unknown key {key!r}", _suggest(key, list(fields)), "unknown-key"
            )
    for name, attribute in fields.items():
        tp = types[name]
        if name not in value:
            if attribute.default is attrs.NOTHING:
                ok = False
                checker.error(
                    (*path, name), f"missing key {name!r}", _type_words(tp), "missing-key"
                )
            continue
        ok = check_field(checker, value[name], tp, (*path, name), attribute) and ok
    return ok


def check_field(
    checker: Checker, value: object, tp: Any, path: tuple, attribute: attrs.Attribute | None
) -> bool:
    """Check one value of type `tp`, with `attribute`'s validator if it has one."""
    inner = convert.optional_inner(tp)
    if inner is not None:
        tp = inner
    validator = attribute.validator if attribute is not None else None
    if convert.is_leaf(tp):
        structured = check_leaf(checker, value, tp, path)
        if structured is _BAD:
            return False
        return validator is None or check_validator(
            checker, validator, attribute, structured, path, value
        )
    if convert.is_sequence(tp):
        (item,) = typing.get_args(tp)[:1]
        if not isinstance(value, list):
            checker.error(path, f"wrong type: {convert.describe(value)}", _type_words(tp), "type")
            return False
        ok = True
        for index, element in enumerate(value):
            ok = check_value(checker, element, item, (*path, index)) and ok
        return ok
    if convert.is_mapping(tp):
        item = typing.get_args(tp)[1]
        if not isinstance(value, dict):
            checker.error(path, f"wrong type: {convert.describe(value)}", _type_words(tp), "type")
            return False
        ok = True
        for key, element in value.items():
            good = check_value(checker, element, item, (*path, key))
            if good and validator is not None and convert.is_leaf(item):
                number = convert.structure_leaf(element, item)
                good = check_validator(
                    checker, validator, attribute, {key: number}, (*path, key), element
                )
            ok = good and ok
        return ok
    return check_value(checker, value, tp, path)


def check_value(checker: Checker, value: object, tp: Any, path: tuple) -> bool:
    """Check a value that is not an attrs field (an array element, a mapping value)."""
    if attrs.has(tp):
        return check_shape(checker, value, tp, path)
    if convert.is_leaf(tp):
        return check_leaf(checker, value, tp, path) is not _BAD
    if convert.is_mapping(tp) or convert.is_sequence(tp):
        return check_field(checker, value, tp, path, None)
    raise TypeError(f"the checker does not know type {tp!r}")  # a model change; see tests


def check_leaf(checker: Checker, value: object, tp: type, path: tuple) -> object:
    try:
        return convert.structure_leaf(value, tp)
    except convert.Mismatch as exc:
        code = "enum" if issubclass(tp, enum.Enum) else "type"
        found = exc.found
        expected = exc.expected
        if code == "enum" and isinstance(value, str):
            found = f"{value!r} is not a known value"
            close = difflib.get_close_matches(value, convert.enum_values(tp), n=1)
            if close:
                expected = f"did you mean {close[0]!r}? {expected}"
        else:
            found = f"wrong type: {found}"
        checker.error(path, found, expected, code)
        return _BAD


def check_validator(
    checker: Checker,
    validator: Callable,
    attribute: attrs.Attribute,
    value: object,
    path: tuple,
    shown: object,
) -> bool:
    """Run a model validator on a structured value; `shown` is the value as written."""
    try:
        validator(None, attribute, value)
    except (ValueError, TypeError, OverflowError) as exc:
        checker.error(
            path,
            f"out of range: {convert.describe(shown)}",
            _range_words(validator, attribute) or str(exc),
            "range",
        )
        return False
    return True
