"""The scenario checker: every problem in a scenario file at once, each with its file, line and key.

`check_file`, `check_bytes` and `check_text` return a list of `Diagnostic`s, formatted
`FILE:LINE: path.to.key: what is wrong; what was expected`. They never raise, whatever the input:
empty, binary, not UTF-8, invalid TOML, too large, NaN, deep nesting or huge numbers all become
diagnostics. The checks, in order:

1. the file can be read and parsed as TOML (syntax errors carry tomllib's line);
2. the shape: unknown keys (with a did-you-mean), missing keys, wrong types, bad enum values and
   out-of-range numbers, using the strict converter's own hooks and the model's own validators,
   so a file with no error here is one `convert.structure_scenario` accepts;
3. the meaning: duplicate ids, references to unknown actors, agreements, theatres and issues,
   the fields each kind of relation, objective, trigger and effect needs, control shares that do
   not sum to 1, dates out of order, agendas and playable actors that do not match, parent
   cycles, pending reviews, `[rules]` keys the default rules file does not have;
4. provenance (warnings): facts with no `source`, and quotes not found in the article.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import json
import math
import os
import re
import tomllib
import typing
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from game.scenario import convert, model
from game.scenario.lines import LineMap

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RULES_FILE = REPO_ROOT / "scenarios" / "rules" / "default.toml"
"""The engine's default rules: `[rules]` overrides may only name its sections and keys."""

MAX_BYTES = 8 * 1024 * 1024
"""The largest scenario file the checker reads; a hand-written scenario is a few dozen KB."""

ARTICLE_MAX_BYTES = 8 * 1024 * 1024

SHARE_TOLERANCE = 1e-6
"""How far a theatre's control shares may sum from 1."""

_USE_DEFAULT: Any = object()


class Severity(enum.StrEnum):
    """An error makes the file unusable (exit status 1); a warning is advice (exit status 0)."""

    ERROR = "error"
    WARNING = "warning"


@frozen
class Diagnostic:
    """One problem found in a scenario file.

    Attributes:
        file: the file name as given, e.g. `"scenarios/tehran-2017.toml"`.
        line: 1-based line of the key (or of its nearest enclosing table).
        path: the key path, e.g. `"relations[3].strength"`; empty for a whole-file problem.
        message: what is wrong, e.g. `"out of range: 1.5 (a float)"`.
        expected: what was expected, e.g. `"a number from 0 to 1"`; may be empty.
        severity: error or warning.
        code: a stable short name of the check, e.g. `"range"`, `"unknown-key"`, `"no-source"`.
    """

    file: str
    line: int
    path: str
    message: str
    expected: str = ""
    severity: Severity = Severity.ERROR
    code: str = ""

    def format(self) -> str:
        """`FILE:LINE: path: message; expected` (warnings say so after the line)."""
        where = f"{self.file}:{self.line}: "
        if self.severity is Severity.WARNING:
            where += "warning: "
        text = f"{self.path}: {self.message}" if self.path else self.message
        return where + (f"{text}; {self.expected}" if self.expected else text)

    def __str__(self) -> str:
        return self.format()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return {
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "message": self.message,
            "expected": self.expected,
            "severity": str(self.severity),
            "code": self.code,
        }


def format_path(path: Sequence[str | int]) -> str:
    """`("relations", 3, "strength")` -> `"relations[3].strength"`; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else _quote(part)
            out += f".{text}" if out else text
    return out


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # TOML's basic strings escape like JSON's


# ---------------------------------------------------------------------------------------------
# Entry points


def check_file(
    path: str | os.PathLike[str],
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
) -> list[Diagnostic]:
    """Check one scenario file; see `check_text` for the arguments."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            return [_too_large(name, size)]
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        return [Diagnostic(name, 1, "", message, "", code="io")]
    base = Path(name).resolve().parent
    return check_bytes(
        data,
        name,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base,
    )


def check_bytes(
    data: bytes,
    filename: str = "<bytes>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
) -> list[Diagnostic]:
    """Check the bytes of a scenario file (UTF-8); see `check_text` for the arguments."""
    if len(data) > MAX_BYTES:
        return [_too_large(filename, len(data))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return [
            Diagnostic(
                filename,
                line,
                "",
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                "a text file saved as UTF-8",
                code="encoding",
            )
        ]
    return check_text(
        text,
        filename,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base_dir,
    )


def check_text(
    text: str,
    filename: str = "<string>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
) -> list[Diagnostic]:
    """Check the text of a scenario file and return every problem, errors and warnings.

    Args:
        text: the TOML text.
        filename: the name diagnostics carry.
        allow_pending: report facts still pending review as warnings instead of errors.
        article_root: the folder `[meta].article` is relative to; by default the nearest folder
            above `base_dir` that holds `scenarios/`, else the repository this code lives in.
        rules_file: the default rules file `[rules]` keys must exist in; None skips that check.
            By default `scenarios/rules/default.toml` of this repository, if it exists.
        base_dir: the folder the scenario file is in (used to find the article).

    Returns:
        The diagnostics in file order (line, then path), errors and warnings mixed.
    """
    return analyse(
        text,
        filename,
        allow_pending=allow_pending,
        article_root=article_root,
        rules_file=rules_file,
        base_dir=base_dir,
    )[1]


def analyse(
    text: str,
    filename: str = "<string>",
    *,
    allow_pending: bool = False,
    article_root: str | os.PathLike[str] | None = None,
    rules_file: str | os.PathLike[str] | None = _USE_DEFAULT,
    base_dir: str | os.PathLike[str] | None = None,
    check_quotes: bool = True,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """`check_text`, also returning the parsed TOML dict (None if the text is not TOML)."""
    if len(text) > MAX_BYTES:
        return None, [_too_large(filename, len(text.encode("utf-8", "replace")))]
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark some editors write; TOML has no use for it
    raw, problem = _parse(text, filename)
    if raw is None:
        return None, [problem] if problem else []
    if rules_file is _USE_DEFAULT:
        rules_file = DEFAULT_RULES_FILE
    checker = _Checker(
        filename,
        text,
        allow_pending=allow_pending,
        rules_file=None if rules_file is None else Path(rules_file),
    )
    try:
        checker.run(raw)
        if check_quotes:
            checker.check_article(raw, _article_root(article_root, base_dir))
    except RecursionError:
        checker.error((), "the document is nested too deeply to check", "", "nesting")
    except Exception as exc:  # a bug in the checker: still a diagnostic, never a traceback
        checker.error((), f"internal error in the checker: {exc!r}", "a bug report", "internal")
    return raw, sorted(checker.diagnostics, key=lambda d: (d.line, d.severity != "error"))


def _too_large(filename: str, size: int) -> Diagnostic:
    return Diagnostic(
        filename,
        1,
        "",
        f"file too large ({size / 1e6:.1f} MB)",
        f"a scenario file of at most {MAX_BYTES // (1024 * 1024)} MB",
        code="size",
    )


def _parse(text: str, filename: str) -> tuple[dict[str, Any] | None, Diagnostic | None]:
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if match:
            line = int(match.group(1))
            message = f"{message[: match.start()]} (column {match.group(2)})"
        else:
            line = text.count("\n") + 1 if "end of document" in message else 1
            message = re.sub(r"\s*\(at end of document\)$", " at the end of the file", message)
        return None, Diagnostic(
            filename, line, "", f"invalid TOML: {message}", "valid TOML syntax", code="syntax"
        )
    except RecursionError:
        return None, Diagnostic(
            filename,
            1,
            "",
            "invalid TOML: arrays or tables nested too deeply to read",
            "a scenario file with little nesting",
            code="syntax",
        )
    except ValueError as exc:  # e.g. an integer with more digits than Python will convert
        match = re.search(r"\d{100,}", text)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        return None, Diagnostic(
            filename, line, "", f"invalid TOML: {exc}", "numbers of reasonable size", code="syntax"
        )


def _article_root(
    article_root: str | os.PathLike[str] | None, base_dir: str | os.PathLike[str] | None
) -> Path:
    if article_root is not None:
        return Path(article_root)
    if base_dir is not None:
        for folder in (Path(base_dir), *Path(base_dir).parents):
            if (folder / "scenarios").is_dir():
                return folder
    return REPO_ROOT


# ---------------------------------------------------------------------------------------------
# Vocabularies of the kinds: which fields each reads, and in what range its number lies.

_OBJECTIVE_COMMON = ("kind", "weight", "label")
OBJECTIVE_FIELDS: dict[model.ObjectiveKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    model.ObjectiveKind.STABILITY: ((), ("want",)),
    model.ObjectiveKind.INFLUENCE: ((), ()),
    model.ObjectiveKind.ALIGNMENT: (("target",), ("actor", "want")),
    model.ObjectiveKind.CONTROL: (("actor", "theatre"), ("want",)),
    model.ObjectiveKind.VIOLENCE: (("theatre",), ("want",)),
    model.ObjectiveKind.AGREEMENT: (("agreement",), ("want",)),
    model.ObjectiveKind.ISSUE: (("issue",), ("want",)),
    model.ObjectiveKind.SANCTIONS: (("target",), ("want",)),
    model.ObjectiveKind.CAPABILITY: (("target",), ("want",)),
}
"""objective kind -> (required fields, optional fields) besides kind, weight and label."""

OBJECTIVE_WANT: dict[model.ObjectiveKind, tuple[float, float]] = {
    model.ObjectiveKind.STABILITY: (0.0, 1.0),
    model.ObjectiveKind.ALIGNMENT: (-1.0, 1.0),
    model.ObjectiveKind.CONTROL: (0.0, 1.0),
    model.ObjectiveKind.VIOLENCE: (0.0, 1.0),
    model.ObjectiveKind.AGREEMENT: (0.0, 1.0),
    model.ObjectiveKind.ISSUE: (-1.0, 1.0),
    model.ObjectiveKind.SANCTIONS: (0.0, 1.0),
    model.ObjectiveKind.CAPABILITY: (0.0, 100.0),
}

TRIGGER_FIELDS: dict[model.TriggerKind, tuple[str, ...]] = {
    model.TriggerKind.DATE: ("date",),
    model.TriggerKind.TURN: ("turn",),
    model.TriggerKind.STABILITY_BELOW: ("value",),
    model.TriggerKind.STABILITY_ABOVE: ("value",),
    model.TriggerKind.VIOLENCE_ABOVE: ("theatre", "value"),
    model.TriggerKind.AGREEMENT_STATUS: ("agreement", "status"),
    model.TriggerKind.ALIGNMENT_BELOW: ("actor", "target", "value"),
}
"""trigger kind -> the fields it needs (and the only ones it reads besides `kind`)."""

TRIGGER_VALUE: dict[model.TriggerKind, tuple[float, float]] = {
    model.TriggerKind.STABILITY_BELOW: (0.0, 100.0),
    model.TriggerKind.STABILITY_ABOVE: (0.0, 100.0),
    model.TriggerKind.VIOLENCE_ABOVE: (0.0, 1.0),
    model.TriggerKind.ALIGNMENT_BELOW: (-1.0, 1.0),
}

EFFECT_FIELDS: dict[model.EffectKind, tuple[str, ...]] = {
    model.EffectKind.SHIFT_ALIGNMENT: ("actor", "target", "value"),
    model.EffectKind.SHIFT_VIOLENCE: ("theatre", "value"),
    model.EffectKind.SET_AGREEMENT_STATUS: ("agreement", "status"),
    model.EffectKind.SET_PARTY_STANCE: ("actor", "agreement", "status"),
    model.EffectKind.SET_ZONE_STATUS: ("theatre", "status"),
    model.EffectKind.IMPOSE_SANCTION: ("actor", "target", "value"),
    model.EffectKind.LIFT_SANCTION: ("actor", "target"),
    model.EffectKind.ADD_CAPITAL: ("actor", "value"),
    model.EffectKind.SHIFT_CAPABILITY: ("actor", "capability", "value"),
    model.EffectKind.NEWS: ("text",),
}
"""effect kind -> the fields it needs (and the only ones it reads besides `kind` and `text`)."""

EFFECT_VALUE: dict[model.EffectKind, tuple[float, float]] = {
    model.EffectKind.SHIFT_ALIGNMENT: (-2.0, 2.0),
    model.EffectKind.SHIFT_VIOLENCE: (-1.0, 1.0),
    model.EffectKind.IMPOSE_SANCTION: (0.0, 1.0),
    model.EffectKind.SHIFT_CAPABILITY: (-100.0, 100.0),
}

STATUS_VOCABULARY: dict[str, type[enum.Enum]] = {
    model.TriggerKind.AGREEMENT_STATUS: model.AgreementStatus,
    model.EffectKind.SET_AGREEMENT_STATUS: model.AgreementStatus,
    model.EffectKind.SET_PARTY_STANCE: model.PartyStance,
    model.EffectKind.SET_ZONE_STATUS: model.ZoneStatus,
}
"""The enum a trigger's or effect's `status` must be a value of, by kind."""

FACT_TABLES = ("actors", "relations", "agreements", "theatres", "issues", "events")
"""The arrays whose records are facts that should carry a `source`."""

ID_TABLES = {
    "actors": "actor",
    "agreements": "agreement",
    "theatres": "theatre",
    "issues": "issue",
    "events": "event",
}

_REF_KIND = {
    "actor": "actors",
    "target": "actors",
    "theatre": "theatres",
    "agreement": "agreements",
    "issue": "issues",
}
_FIELD_WORDS = {
    "actor": "an actor id",
    "target": "an actor id",
    "theatre": "a theatre id",
    "agreement": "an agreement id",
    "issue": "an issue id",
    "date": "a date such as 2017-11-18",
    "turn": "a turn number",
    "value": "a number",
    "status": "a status",
    "capability": "military, economy or diplomacy",
    "text": "a headline",
}
"""How `missing key` errors of the kinds describe what to write."""
_ID_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]*$")
_COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")


# ---------------------------------------------------------------------------------------------
# The checker


class _Checker:
    """Walks one parsed document, collecting diagnostics."""

    def __init__(
        self, filename: str, text: str, *, allow_pending: bool, rules_file: Path | None
    ) -> None:
        self.filename = filename
        self.lines = LineMap(text)
        self.allow_pending = allow_pending
        self.rules_file = rules_file
        self.diagnostics: list[Diagnostic] = []
        self.ids: dict[str, dict[str, int]] = {table: {} for table in ID_TABLES}
        self.agreements: list[tuple[int, dict[str, Any]]] = []

    # -- reporting ------------------------------------------------------------------------------

    def report(
        self, path: Sequence[str | int], message: str, expected: str, code: str, severity: Severity
    ) -> None:
        self.diagnostics.append(
            Diagnostic(
                self.filename,
                self.lines.line_of(path),
                format_path(path),
                message,
                expected,
                severity,
                code,
            )
        )

    def error(self, path: Sequence[str | int], message: str, expected: str, code: str) -> None:
        self.report(path, message, expected, code, Severity.ERROR)

    def warning(self, path: Sequence[str | int], message: str, expected: str, code: str) -> None:
        self.report(path, message, expected, code, Severity.WARNING)

    # -- the run ---------------------------------------------------------------------------------

    def run(self, raw: dict[str, Any]) -> None:
        self.shape(raw, model.Scenario, ())
        self.collect_ids(raw)
        self.check_actors(raw)
        self.check_relations(raw)
        self.check_agreements(raw)
        self.check_theatres(raw)
        self.check_issues(raw)
        self.check_agendas(raw)
        self.check_events(raw)
        self.check_rules(raw)
        self.check_provenance(raw)

    # -- shape: types, keys, enums, ranges --------------------------------------------------------

    def shape(self, value: object, cls: type, path: tuple) -> bool:
        """Check a table against an attrs class; True if it would structure."""
        if not isinstance(value, dict):
            self.error(path, f"wrong type: {convert.describe(value)}", "a table", "type")
            return False
        ok = True
        types = convert.field_types(cls)
        fields = _fields_in_order(cls)
        for key in value:
            if key not in fields:
                ok = False
                self.error(
                    (*path, key), f"unknown key {key!r}", _suggest(key, list(fields)), "unknown-key"
                )
        for name, attribute in fields.items():
            tp = types[name]
            if name not in value:
                if attribute.default is attrs.NOTHING:
                    ok = False
                    self.error(
                        (*path, name), f"missing key {name!r}", _type_words(tp), "missing-key"
                    )
                continue
            ok = self.field(value[name], tp, (*path, name), attribute) and ok
        return ok

    def field(self, value: object, tp: Any, path: tuple, attribute: attrs.Attribute | None) -> bool:
        """Check one value of type `tp`, with `attribute`'s validator if it has one."""
        inner = convert.optional_inner(tp)
        if inner is not None:
            tp = inner
        validator = attribute.validator if attribute is not None else None
        if convert.is_leaf(tp):
            structured = self.leaf(value, tp, path)
            if structured is _BAD:
                return False
            return validator is None or self.validate(validator, attribute, structured, path, value)
        if convert.is_sequence(tp):
            (item,) = typing.get_args(tp)[:1]
            if not isinstance(value, list):
                self.error(path, f"wrong type: {convert.describe(value)}", _type_words(tp), "type")
                return False
            ok = True
            for index, element in enumerate(value):
                ok = self.value(element, item, (*path, index)) and ok
            return ok
        if convert.is_mapping(tp):
            item = typing.get_args(tp)[1]
            if not isinstance(value, dict):
                self.error(path, f"wrong type: {convert.describe(value)}", _type_words(tp), "type")
                return False
            ok = True
            for key, element in value.items():
                good = self.value(element, item, (*path, key))
                if good and validator is not None and convert.is_leaf(item):
                    number = convert.structure_leaf(element, item)
                    good = self.validate(validator, attribute, {key: number}, (*path, key), element)
                ok = good and ok
            return ok
        return self.value(value, tp, path)

    def value(self, value: object, tp: Any, path: tuple) -> bool:
        """Check a value that is not an attrs field (an array element, a mapping value)."""
        if attrs.has(tp):
            return self.shape(value, tp, path)
        if convert.is_leaf(tp):
            return self.leaf(value, tp, path) is not _BAD
        if convert.is_mapping(tp) or convert.is_sequence(tp):
            return self.field(value, tp, path, None)
        raise TypeError(f"the checker does not know type {tp!r}")  # a model change; see tests

    def leaf(self, value: object, tp: type, path: tuple) -> object:
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
            self.error(path, found, expected, code)
            return _BAD

    def validate(
        self,
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
            self.error(
                path,
                f"out of range: {convert.describe(shown)}",
                _range_words(validator, attribute) or str(exc),
                "range",
            )
            return False
        return True

    # -- ids and references -----------------------------------------------------------------------

    def collect_ids(self, raw: dict[str, Any]) -> None:
        for table, noun in ID_TABLES.items():
            seen = self.ids[table]
            for index, record in _records(raw, table):
                ident = record.get("id")
                if not isinstance(ident, str):
                    continue
                if ident in seen:
                    first = self.lines.line_of((table, seen[ident], "id"))
                    self.error(
                        (table, index, "id"),
                        f"duplicate {noun} id {ident!r}",
                        f"a unique id (first used on line {first})",
                        "duplicate-id",
                    )
                    continue
                seen[ident] = index
                if not _ID_PATTERN.match(ident):
                    self.warning(
                        (table, index, "id"),
                        f"id {ident!r} is not an upper-case id",
                        "upper-case letters, digits and _ (RUS, SYR_OPP, ASTANA)",
                        "id-style",
                    )

    def ref(self, path: tuple, value: object, table: str) -> bool:
        """Report `value` if it is a string that names no record of `table`."""
        if not isinstance(value, str) or value in self.ids[table]:
            return isinstance(value, str)
        noun = ID_TABLES[table]
        known = list(self.ids[table])
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
        if close:
            expected = f"did you mean {close[0]!r}?"
        elif known:
            shown = ", ".join(known[:15]) + (", ..." if len(known) > 15 else "")
            expected = f"one of the {noun} ids: {shown}"
        else:
            expected = f"the id of an entry in [[{table}]] (there are none)"
        self.error(path, f"unknown {noun} {value!r}", expected, "unknown-ref")
        return False

    def ref_keys(self, path: tuple, mapping: object, table: str) -> None:
        if isinstance(mapping, dict):
            for key in mapping:
                self.ref((*path, key), key, table)

    def ref_list(self, path: tuple, items: object, table: str) -> None:
        if isinstance(items, list):
            seen: set[str] = set()
            for index, item in enumerate(items):
                if self.ref((*path, index), item, table) and item in seen:
                    self.error(
                        (*path, index), f"{item!r} is listed twice", "each id once", "repeat"
                    )
                if isinstance(item, str):
                    seen.add(item)

    # -- per table ---------------------------------------------------------------------------

    def check_actors(self, raw: dict[str, Any]) -> None:
        actors = _records(raw, "actors")
        parents = {}
        for index, actor in actors:
            path = ("actors", index)
            parent = actor.get("parent")
            if self.ref((*path, "parent"), parent, "actors") and isinstance(actor.get("id"), str):
                parents[actor["id"]] = parent
            color = actor.get("color")
            if isinstance(color, str) and not _COLOR_PATTERN.match(color):
                self.error(
                    (*path, "color"),
                    f"not a colour: {color!r}",
                    'a colour written "#rrggbb", e.g. "#c0392b"',
                    "format",
                )
        reported: set[str] = set()
        for index, actor in actors:
            start = actor.get("id")
            if not isinstance(start, str) or start not in parents or start in reported:
                continue
            chain = [start]
            current = parents.get(start)
            while current is not None and current not in chain:
                chain.append(current)
                current = parents.get(current)
            if current == start:
                reported.update(chain)
                self.error(
                    ("actors", index, "parent"),
                    "parent cycle: " + " -> ".join([*chain, start]),
                    "a parent chain that ends at an actor with no parent",
                    "cycle",
                )
        playable = [
            (index, actor["id"])
            for index, actor in actors
            if actor.get("playable") is True and isinstance(actor.get("id"), str)
        ]
        if isinstance(raw.get("actors"), list) and not playable:
            self.error(
                ("actors",),
                "no playable actor",
                "at least one actor with playable = true",
                "no-playable",
            )
        agendas = raw.get("agendas", {})
        if isinstance(agendas, dict):  # a non-table `agendas` is reported as a wrong type
            for index, ident in playable:
                if ident not in agendas:
                    self.error(
                        ("actors", index, "playable"),
                        f"playable actor {ident!r} has no agenda",
                        f"an [agendas.{ident}] table",
                        "agenda",
                    )

    def check_relations(self, raw: dict[str, Any]) -> None:
        seen: dict[tuple, int] = {}  # (kind, actor, target, qualifiers) -> first index
        for index, relation in _records(raw, "relations"):
            path = ("relations", index)
            ends = tuple(relation.get(key) for key in ("kind", "actor", "target"))
            # Two sanctions of different scopes, or support in two theatres, are two facts.
            qualifiers = tuple(
                repr(relation.get(key)) for key in ("scope", "sector", "theatre", "agreement")
            )
            if all(isinstance(end, str) for end in ends):
                if (*ends, *qualifiers) in seen:
                    first = self.lines.line_of(("relations", seen[(*ends, *qualifiers)]))
                    self.warning(
                        path,
                        f"a second {ends[0]} relation from {ends[1]!r} to {ends[2]!r}",
                        f"one relation per kind, pair and scope (the first is on line {first})",
                        "repeat",
                    )
                seen.setdefault((*ends, *qualifiers), index)
            self.ref((*path, "actor"), relation.get("actor"), "actors")
            self.ref((*path, "target"), relation.get("target"), "actors")
            if "agreement" in relation:
                self.ref((*path, "agreement"), relation["agreement"], "agreements")
            if "theatre" in relation:
                self.ref((*path, "theatre"), relation["theatre"], "theatres")
            actor, target = relation.get("actor"), relation.get("target")
            if isinstance(actor, str) and actor == target:
                self.error(
                    (*path, "target"),
                    f"a relation from {actor!r} to itself",
                    "a target other than the actor",
                    "self-relation",
                )
            kind = relation.get("kind")
            if _enum(kind, model.RelationKind) is None:
                continue
            for key, only in (("scope", "sanction"), ("entities", "sanction")):
                if key in relation and kind != only:
                    self.error(
                        (*path, key),
                        f"{key!r} on a {kind!r} relation",
                        f"{key!r} only on sanction relations",
                        "kind-field",
                    )
            for key in ("sector", "value"):
                if key in relation and kind != "deal":
                    self.error(
                        (*path, key),
                        f"{key!r} on a {kind!r} relation",
                        f"{key!r} only on deal relations",
                        "kind-field",
                    )

    def check_agreements(self, raw: dict[str, Any]) -> None:
        start = _date(raw, "meta", "start")
        for index, agreement in _records(raw, "agreements"):
            path = ("agreements", index)
            self.ref_list((*path, "parties"), agreement.get("parties"), "actors")
            if "host" in agreement:
                self.ref((*path, "host"), agreement["host"], "actors")
            if "issue" in agreement:
                self.ref((*path, "issue"), agreement["issue"], "issues")
            stances = agreement.get("stances")
            parties = agreement.get("parties")
            if isinstance(stances, dict):
                for key in stances:
                    known = self.ref((*path, "stances", key), key, "actors")
                    if known and isinstance(parties, list) and key not in parties:
                        self.error(
                            (*path, "stances", key),
                            f"{key!r} has a stance but is not a party",
                            "stances only for actors listed in parties",
                            "stance",
                        )
            date = agreement.get("date")
            status = agreement.get("status", "active")
            if start and isinstance(date, dt.date) and not isinstance(date, dt.datetime):
                if status in ("active", "suspended", "ended") and date > start:
                    self.warning(
                        (*path, "date"),
                        f"dated {date}, after the start ({start}), but already {status}",
                        "a date on or before [meta].start, or status planned/proposed",
                        "date-order",
                    )
                elif status in ("proposed", "planned") and date < start:
                    self.warning(
                        (*path, "date"),
                        f"{status} but dated {date}, before the start ({start})",
                        "a date on or after [meta].start for an agreement still to come",
                        "date-order",
                    )

    def check_theatres(self, raw: dict[str, Any]) -> None:
        for index, theatre in _records(raw, "theatres"):
            path = ("theatres", index)
            country = theatre.get("country")
            if self.ref((*path, "country"), country, "actors"):
                kind = self.actor_field(raw, country, "kind")
                if kind not in (None, "state"):
                    self.warning(
                        (*path, "country"),
                        f"{country!r} is a {kind}, not a state",
                        "the id of a state actor",
                        "country",
                    )
            self.ref_list((*path, "guarantors"), theatre.get("guarantors"), "actors")
            if "agreement" in theatre:
                self.ref((*path, "agreement"), theatre["agreement"], "agreements")
            control = theatre.get("control", {})
            if not isinstance(control, dict):
                continue
            self.ref_keys((*path, "control"), control, "actors")
            numbers = list(control.values())
            if numbers and all(convert.is_number(n) for n in numbers):
                total = math.fsum(float(n) for n in numbers)
                if abs(total - 1.0) > SHARE_TOLERANCE:
                    self.error(
                        (*path, "control"),
                        f"control shares sum to {total:.6g}",
                        "shares that sum to 1",
                        "shares",
                    )
            elif not numbers:
                self.warning(
                    (*path, "control"), "no control shares", "who controls the theatre", "shares"
                )

    def check_issues(self, raw: dict[str, Any]) -> None:
        for index, issue in _records(raw, "issues"):
            path = ("issues", index)
            self.ref_keys((*path, "positions"), issue.get("positions"), "actors")
            self.ref_keys((*path, "salience"), issue.get("salience"), "actors")
            positions = issue.get("positions")
            if isinstance(positions, dict) and isinstance(issue.get("salience"), dict):
                for key in issue["salience"]:
                    if key not in positions and key in self.ids["actors"]:
                        self.warning(
                            (*path, "salience", key),
                            f"{key!r} has a salience but no position",
                            f"a position for {key!r} too",
                            "issue",
                        )

    def check_agendas(self, raw: dict[str, Any]) -> None:
        agendas = raw.get("agendas")
        if not isinstance(agendas, dict):
            return
        for owner, agenda in agendas.items():
            path = ("agendas", owner)
            known = self.ref(path, owner, "actors")
            if known and self.actor_field(raw, owner, "playable") is not True:
                self.error(
                    path,
                    f"agenda for {owner!r}, which is not playable",
                    f"playable = true on actor {owner!r}, or no agenda for it",
                    "agenda",
                )
            if not isinstance(agenda, dict):
                continue
            objectives = agenda.get("objectives")
            if "objectives" not in agenda or (isinstance(objectives, list) and not objectives):
                self.warning(
                    path, "agenda has no objectives", "[[agendas.ID.objectives]]", "agenda"
                )
            for index, objective in enumerate(objectives if isinstance(objectives, list) else []):
                if isinstance(objective, dict):
                    self.check_objective(objective, (*path, "objectives", index))

    def check_objective(self, objective: dict[str, Any], path: tuple) -> None:
        kind = _enum(objective.get("kind"), model.ObjectiveKind)
        self.check_refs(objective, path)
        if kind is None:
            return
        required, optional = OBJECTIVE_FIELDS[kind]
        self.kind_fields(
            objective,
            path,
            f"a {kind.value!r} objective",
            required,
            (*_OBJECTIVE_COMMON, *required, *optional),
        )
        if kind in OBJECTIVE_WANT:
            self.number_in(
                (*path, "want"),
                objective.get("want"),
                OBJECTIVE_WANT[kind],
                f"for a {kind.value!r} objective",
            )

    def check_events(self, raw: dict[str, Any]) -> None:
        self.agreements = _records(raw, "agreements")
        start = _date(raw, "meta", "start")
        end = _end_date(raw)
        for index, event in _records(raw, "events"):
            path = ("events", index)
            trigger = event.get("trigger")
            if isinstance(trigger, dict):
                tpath = (*path, "trigger")
                self.check_refs(trigger, tpath)
                kind = _enum(trigger.get("kind"), model.TriggerKind)
                if kind is not None:
                    needs = TRIGGER_FIELDS[kind]
                    self.kind_fields(
                        trigger, tpath, f"a {kind.value!r} trigger", needs, ("kind", *needs)
                    )
                    if kind in TRIGGER_VALUE:
                        self.number_in(
                            (*tpath, "value"),
                            trigger.get("value"),
                            TRIGGER_VALUE[kind],
                            f"for a {kind.value!r} trigger",
                        )
                    self.status_in(trigger, tpath, kind)
                    if kind is model.TriggerKind.TURN and isinstance(trigger.get("turn"), int):
                        limit = _meta_int(raw, "turn_limit", 24)
                        if trigger["turn"] > limit:
                            self.warning(
                                (*tpath, "turn"),
                                f"turn {trigger['turn']} is after the last turn ({limit})",
                                "a turn within [meta].turn_limit",
                                "date-order",
                            )
                date = trigger.get("date")
                if kind is model.TriggerKind.DATE and isinstance(date, dt.date) and start:
                    if date < start:
                        self.error(
                            (*tpath, "date"),
                            f"dated {date}, before the scenario starts ({start})",
                            "a date on or after [meta].start",
                            "date-order",
                        )
                    elif end and date >= end:
                        self.warning(
                            (*tpath, "date"),
                            f"dated {date}, after the last turn (the game ends {end})",
                            "a date before the game ends",
                            "date-order",
                        )
            effects = event.get("effects")
            for number, effect in enumerate(effects if isinstance(effects, list) else []):
                if isinstance(effect, dict):
                    self.check_effect(effect, (*path, "effects", number))

    def check_effect(self, effect: dict[str, Any], path: tuple) -> None:
        self.check_refs(effect, path)
        kind = _enum(effect.get("kind"), model.EffectKind)
        if kind is None:
            return
        needs = EFFECT_FIELDS[kind]
        self.kind_fields(effect, path, f"a {kind.value!r} effect", needs, ("kind", "text", *needs))
        if kind is model.EffectKind.NEWS and effect.get("text") == "":
            self.error((*path, "text"), "empty headline", "the headline to show", "kind-field")
        if kind in EFFECT_VALUE:
            self.number_in(
                (*path, "value"),
                effect.get("value"),
                EFFECT_VALUE[kind],
                f"for a {kind.value!r} effect",
            )
        self.status_in(effect, path, kind)
        if kind is model.EffectKind.SET_PARTY_STANCE:
            self.check_party(raw_agreements=self.agreements, effect=effect, path=path)

    def check_party(
        self, raw_agreements: list[tuple[int, dict[str, Any]]], effect: dict[str, Any], path: tuple
    ) -> None:
        """A stance can only be set for a party of the agreement."""
        actor, agreement = effect.get("actor"), effect.get("agreement")
        index = self.ids["agreements"].get(agreement) if isinstance(agreement, str) else None
        if index is None or actor not in self.ids["actors"]:
            return
        parties = dict(raw_agreements).get(index, {}).get("parties")
        if isinstance(parties, list) and actor not in parties:
            self.error(
                (*path, "actor"),
                f"{actor!r} is not a party to {agreement!r}",
                f"one of its parties: {', '.join(map(str, parties))}",
                "stance",
            )

    def check_refs(self, record: dict[str, Any], path: tuple) -> None:
        for key, table in _REF_KIND.items():
            if key in record:
                self.ref((*path, key), record[key], table)

    def kind_fields(
        self,
        record: dict[str, Any],
        path: tuple,
        what: str,
        required: Sequence[str],
        allowed: Sequence[str],
    ) -> None:
        for key in required:
            if key not in record:
                self.error(
                    (*path, key),
                    f"missing key {key!r}, which {what} needs",
                    f"{key} = {_FIELD_WORDS.get(key, '...')}",
                    "kind-field",
                )
        for key in record:
            if key not in allowed and key in attrs.fields_dict(_record_class(path)):
                self.warning(
                    (*path, key),
                    f"{key!r} is ignored by {what}",
                    "only " + ", ".join(allowed),
                    "kind-field",
                )

    def number_in(self, path: tuple, value: object, bounds: tuple[float, float], why: str) -> None:
        lo, hi = bounds
        if convert.is_number(value) and not lo <= value <= hi:  # type: ignore[operator]
            self.error(
                path,
                f"out of range {why}: {convert.describe(value)}",
                f"a number from {lo:g} to {hi:g}",
                "kind-range",
            )

    def status_in(self, record: dict[str, Any], path: tuple, kind: enum.Enum) -> None:
        vocabulary = STATUS_VOCABULARY.get(kind.value)
        status = record.get("status")
        if vocabulary is None or not isinstance(status, str):
            return
        allowed = convert.enum_values(vocabulary)
        if status not in allowed:
            close = difflib.get_close_matches(status, allowed, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.error(
                (*path, "status"),
                f"{status!r} is not a known value for a "
                f"{kind.value!r} {'trigger' if 'trigger' in path else 'effect'}",
                f"{hint}one of: {', '.join(allowed)}",
                "kind-enum",
            )

    def check_rules(self, raw: dict[str, Any]) -> None:
        rules = raw.get("rules")
        if not isinstance(rules, dict) or not rules or self.rules_file is None:
            return
        if not self.rules_file.is_file():
            return  # no defaults to compare with yet
        try:
            defaults = tomllib.loads(self.rules_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            self.warning(
                ("rules",),
                f"cannot read the default rules file: {exc}",
                "a readable scenarios/rules/default.toml",
                "rules",
            )
            return
        for section, keys in rules.items():
            known = defaults.get(section)
            if not isinstance(known, dict):
                sections = [k for k, v in defaults.items() if isinstance(v, dict)]
                self.error(
                    ("rules", section),
                    f"unknown rules section {section!r}",
                    _suggest(section, sections),
                    "unknown-key",
                )
                continue
            if isinstance(keys, dict):
                for key in keys:
                    if key not in known:
                        self.error(
                            ("rules", section, key),
                            f"unknown rule {section}.{key}",
                            _suggest(key, list(known)),
                            "unknown-key",
                        )

    def check_provenance(self, raw: dict[str, Any]) -> None:
        for table in (*FACT_TABLES, "agendas"):
            if table == "agendas":
                agendas = raw.get("agendas")
                records = list(agendas.items()) if isinstance(agendas, dict) else []
            else:
                records = _records(raw, table)
            for key, record in records:
                if not isinstance(record, dict):
                    continue
                path = (table, key)
                if record.get("review") == "pending":
                    if self.allow_pending:
                        self.warning(
                            (*path, "review"),
                            "pending review",
                            f"review = {_quote('accepted')} or {_quote('rejected')}",
                            "pending",
                        )
                    else:
                        self.error(
                            (*path, "review"),
                            "pending review",
                            "run `python main.py review FILE` or pass --allow-pending",
                            "pending",
                        )
                if table != "agendas" and "source" not in record:
                    self.warning(
                        path,
                        "no source",
                        'source = "a sentence from the article" or source = "author"',
                        "no-source",
                    )
                elif record.get("source") == "":
                    self.warning(
                        (*path, "source"),
                        "empty source",
                        'a sentence from the article, or "author"',
                        "no-source",
                    )

    def check_article(self, raw: dict[str, Any], root: Path) -> None:
        meta = raw.get("meta")
        article = meta.get("article") if isinstance(meta, dict) else None
        if not isinstance(article, str):
            return
        location = root / article
        try:
            with open(location, "rb") as handle:
                text = handle.read(ARTICLE_MAX_BYTES).decode("utf-8", errors="replace")
        except OSError:
            self.warning(
                ("meta", "article"),
                f"article file not found: {location}",
                "a path relative to the repository root, e.g. seeds/article.txt",
                "article",
            )
            return
        body = _normalise(text)
        for table in FACT_TABLES:
            for index, record in _records(raw, table):
                source = record.get("source")
                if not isinstance(source, str) or source in ("", model.AUTHOR):
                    continue
                if _normalise(source) not in body:
                    self.warning(
                        (table, index, "source"),
                        f"quote not found in {article}: {_excerpt(source)}",
                        'a sentence copied verbatim from the article, or "author"',
                        "quote",
                    )

    def actor_field(self, raw: dict[str, Any], ident: str, key: str) -> object:
        index = self.ids["actors"].get(ident)
        if index is None:
            return None
        return raw["actors"][index].get(key)


# ---------------------------------------------------------------------------------------------
# Helpers

_BAD = object()


@functools.cache
def _fields_in_order(cls: type) -> dict[str, attrs.Attribute]:
    """A record's fields, its own first and the provenance fields last (as files list them)."""
    fields = attrs.fields_dict(cls)
    own = {name: f for name, f in fields.items() if name not in convert.FACT_FIELDS}
    return own | {name: f for name, f in fields.items() if name in convert.FACT_FIELDS}


def _records(raw: dict[str, Any], table: str) -> list[tuple[int, dict[str, Any]]]:
    items = raw.get(table)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _record_class(path: tuple) -> type:
    if "effects" in path:
        return model.Effect
    if "trigger" in path:
        return model.Trigger
    return model.Objective


def _enum(value: object, enum_type: type[enum.Enum]) -> Any:
    try:
        return enum_type(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _date(raw: dict[str, Any], table: str, key: str) -> dt.date | None:
    record = raw.get(table)
    value = record.get(key) if isinstance(record, dict) else None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None


def _meta_int(raw: dict[str, Any], key: str, default: int) -> int:
    meta = raw.get("meta")
    value = meta.get(key, default) if isinstance(meta, dict) else default
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _end_date(raw: dict[str, Any]) -> dt.date | None:
    """The first date after the last turn: start + months_per_turn * turn_limit months."""
    start = _date(raw, "meta", "start")
    if start is None:
        return None
    months = _meta_int(raw, "months_per_turn", 1) * _meta_int(raw, "turn_limit", 24)
    if not 0 < months < 12 * 5000:
        return None
    total = start.month - 1 + months
    year = start.year + total // 12
    if year > dt.MAXYEAR:
        return None
    return dt.date(year, total % 12 + 1, 1)


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


def iter_messages(diagnostics: Sequence[Diagnostic]) -> Iterator[str]:
    """Each diagnostic formatted, one per line."""
    for diagnostic in diagnostics:
        yield diagnostic.format()
