"""The save file format: JSON text <-> `Save` record, with version upgrades and strict checks.

Why JSON and not TOML: the standard library reads *and* writes it (no third-party writer in the
save path), it has a natural form for the one shape a save is mostly made of (a list of turns, each
a list of order strings), it round-trips every float exactly, and every language reads it, so a
save is easy to inspect with `jq` or share with an analyst. The scenario, which authors read and
write, stays TOML: it is embedded verbatim as one string.

A save of format 1 is one JSON object (`docs/saves.md` describes every key)::

    {
      "format": 1,
      "kind": "concert-save",
      "label": "",
      "seed": 7,
      "humans": ["RUS"],
      "rules": {"costs": {"host_talks": 4.0, ...}, ...},
      "initial_hash": "<sha256 hex of the state before turn 1>",
      "orders": [["RUS host_talks SYR,SYR_OPP theatre=IDLIB", "USA ..."], ...],
      "hashes": ["<state hash after turn 1>", ...],
      "reseeds": [[3, 99]],            (optional: from turn 3 on, the seed is 99)
      "scenario": {"id": "tehran-2017", "hash": "<sha256 of toml>", "toml": "[meta]\\n..."},
      "checksum": "<sha256 of the canonical JSON of every other key>"
    }

This module checks the *shape* of a file (every key, every type, the checksum) and upgrades older
formats; it does not run the game. `game.persist.save` re-runs the orders and checks the hashes.

Must not import: pygame, game.ui, game.engine.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from attrs import field, frozen

from game.persist.errors import SaveError
from game.rules.orders import Order, OrderSyntaxError

CURRENT_FORMAT = 1
"""The format version this build writes; it reads this one and every older one."""

KIND = "concert-save"
"""The `kind` every save carries, so a foreign JSON file is told apart from a broken save."""

MAX_BYTES = 64 * 1024 * 1024
"""The largest save file read (a 600-turn game with busy seats is well under 2 MB)."""

MAX_SEED = 2**63 - 1

_HEX64 = re.compile(r"^[0-9a-f]{64}$")

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

UPGRADES: dict[int, Upgrade] = {}
"""`UPGRADES[v]` turns the raw dict of a format-`v` save into a format-`v + 1` one.

When format 2 arrives, write `_upgrade_1_to_2(raw) -> raw` and register it here as `UPGRADES[1]`;
`upgrade` chains them, so a format-1 save is read by every later build. Never edit a registered
function once released: old saves depend on it (tests/persist/data/save-v1.json pins format 1).
"""


def _rules_table(value: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    return {str(s): {str(k): float(v) for k, v in keys.items()} for s, keys in value.items()}


@frozen
class Save:
    """One save file's content, checked for shape but not yet re-run.

    Attributes:
        scenario_id: the scenario's `meta.id`, e.g. `"tehran-2017"`.
        scenario_hash: sha256 hex of `scenario_toml`, which names the exact scenario version.
        scenario_toml: the scenario's canonical TOML text (`dumps_scenario`), embedded so that the
            save loads even when the scenario file has changed or gone.
        seed: the game seed, 0..2**63-1.
        humans: the seats played by humans, sorted, e.g. `("IRN", "RUS")`.
        rules: the merged rule table the game was played with, section -> key -> number; a save
            re-runs with it even after `scenarios/rules/default.toml` has changed.
        initial_hash: `state_hash` of the state before the first turn.
        orders: `orders[k]` holds the text form of every order resolved in turn `k + 1`, human and
            AI alike, in the order they were passed to `resolve`.
        hashes: `hashes[k]` is `state_hash` of the state after turn `k + 1`.
        label: a free note a player gives the save, e.g. `"before Sochi"`.
        reseeds: `(turn, seed)` pairs, turns increasing: after `turn` turns the game's seed
            became `seed` (a fork that lets the dice fall differently from there, as
            `simulate --from SAVE` does). `hashes` hold the states after the reseed.
        format: the format version the record follows (always `CURRENT_FORMAT` once loaded).
    """

    scenario_id: str
    scenario_hash: str
    scenario_toml: str
    seed: int
    humans: tuple[str, ...] = field(converter=lambda v: tuple(sorted(v)))
    rules: Mapping[str, Mapping[str, float]] = field(converter=_rules_table)
    initial_hash: str
    orders: tuple[tuple[str, ...], ...] = field(converter=lambda v: tuple(tuple(t) for t in v))
    hashes: tuple[str, ...] = field(converter=tuple)
    label: str = ""
    reseeds: tuple[tuple[int, int], ...] = field(
        default=(), converter=lambda v: tuple((int(t), int(s)) for t, s in v)
    )
    format: int = CURRENT_FORMAT

    @property
    def turns(self) -> int:
        """How many turns the save holds."""
        return len(self.orders)


def scenario_digest(toml_text: str) -> str:
    """The sha256 hex digest that names a scenario version: of its canonical TOML text, UTF-8."""
    return hashlib.sha256(toml_text.encode("utf-8", "surrogatepass")).hexdigest()


def checksum(raw: Mapping[str, Any]) -> str:
    """The sha256 hex digest of every key but `checksum`, as canonical JSON (sorted, compact)."""
    body = {key: value for key, value in raw.items() if key != "checksum"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # A JSON file may spell a lone surrogate (\ud800); hash it rather than fail on it.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def to_raw(save: Save) -> dict[str, Any]:
    """The JSON-ready dict of a save, in the current format, with its checksum."""
    raw: dict[str, Any] = {
        "format": CURRENT_FORMAT,
        "kind": KIND,
        "label": save.label,
        "seed": save.seed,
        "humans": list(save.humans),
        "rules": {s: dict(sorted(keys.items())) for s, keys in sorted(save.rules.items())},
        "initial_hash": save.initial_hash,
        "orders": [list(turn) for turn in save.orders],
        "hashes": list(save.hashes),
        **({"reseeds": [list(pair) for pair in save.reseeds]} if save.reseeds else {}),
        "scenario": {
            "id": save.scenario_id,
            "hash": save.scenario_hash,
            "toml": save.scenario_toml,
        },
    }
    raw["checksum"] = checksum(raw)
    return raw


def dumps(save: Save) -> str:
    """The JSON text of a save: one line per turn, so that a diff of two saves reads well."""
    raw = to_raw(save)

    def put(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate read from some file: keep it escaped
            text = json.dumps(value)
        return text

    lines = ["{"]
    for key, value in raw.items():
        if key in ("orders", "hashes") and value:
            items = ",\n".join(f"    {put(item)}" for item in value)
            lines.append(f"  {put(key)}: [\n{items}\n  ],")
        elif key in ("rules", "scenario") and value:
            inner = ",\n".join(f"    {put(k)}: {put(v)}" for k, v in value.items())
            lines.append(f"  {put(key)}: {{\n{inner}\n  }},")
        else:
            lines.append(f"  {put(key)}: {put(value)},")
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}")
    return "\n".join(lines) + "\n"


def loads(data: str | bytes, source: str = "<string>") -> Save:
    """Read a save's text, upgrade it to the current format and check every key and the checksum.

    Args:
        data: the file's content, text or bytes (UTF-8).
        source: the file name that error messages start with.

    Returns:
        The `Save`, checked for shape and checksum (not yet re-run: see `game.persist.save`).

    Raises:
        SaveError: the text is not JSON, not a Concert save, from a newer build, has a key that
            is missing, unknown or of the wrong type, or fails its checksum; the message names
            the key.
    """
    save, intact = parse_save(data, source)
    if not intact:
        raise checksum_error(source)
    return save


def parse_save(
    data: str | bytes, source: str, upgrades: Mapping[int, Upgrade] | None = None
) -> tuple[Save, bool]:
    """Like `loads`, but a checksum mismatch is returned as `False` instead of raised.

    The loader re-runs such a save anyway, so that it can name the *turn* an edit changed; only
    if every turn still verifies does it report the checksum.
    """
    return from_raw(parse_json(data, source), source, upgrades)


def checksum_error(source: str) -> SaveError:
    """The error for a save whose content no longer matches its checksum."""
    return SaveError(
        source,
        "checksum",
        "does not match the content: the file was edited or damaged after it was saved",
    )


def parse_json(data: str | bytes, source: str) -> dict[str, Any]:
    """The JSON object in `data`; SaveError for anything that is not one (truncated, binary...)."""
    if len(data) > MAX_BYTES:
        raise SaveError(source, "", f"{len(data)} bytes is larger than a save can be ({MAX_BYTES})")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SaveError(
                source, "", f"byte {exc.start} is not UTF-8 text: not a save file, or corrupted"
            ) from None
    if not data.strip():
        raise SaveError(source, "", "the file is empty (was it truncated?)")
    try:
        raw = json.loads(data, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        ends_early = exc.pos >= len(data.rstrip()) or not data.rstrip().endswith("}")
        hint = " (the file ends early: was it truncated?)" if ends_early else ""
        raise SaveError(
            source, f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}{hint}"
        ) from None
    except _DuplicateKey as exc:
        raise SaveError(source, "", f"key {exc.args[0]!r} appears twice in one object") from None
    except RecursionError:
        raise SaveError(source, "", "nested too deeply to be a save file") from None
    except ValueError as exc:  # a NaN/Infinity constant, or an integer too long to read
        raise SaveError(source, "", f"not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise SaveError(source, "", f"expected a JSON object, found {_describe(raw)}")
    return raw


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a save may hold")


def upgrade(
    raw: dict[str, Any], source: str, upgrades: Mapping[int, Upgrade] | None = None
) -> dict[str, Any]:
    """Bring a raw save of any older format up to `CURRENT_FORMAT` by chaining `upgrades`.

    Args:
        raw: the parsed JSON object; its `format` is checked here.
        source: the file name for error messages.
        upgrades: version -> upgrade function; `UPGRADES` unless a test passes its own.

    Returns:
        A raw dict of the current format (a new dict; `raw` is not changed).
    """
    table = UPGRADES if upgrades is None else upgrades
    current = max([CURRENT_FORMAT, *(v + 1 for v in table)])
    version = raw.get("format")
    if version is None:
        raise SaveError(source, "format", "missing: every save names its format version")
    if not _is_int(version):
        raise SaveError(source, "format", f"expected a whole number, found {_describe(version)}")
    if version > current:
        raise SaveError(
            source,
            "format",
            f"version {version} was written by a newer Concert; this build reads up to {current}",
        )
    if version < 1:
        raise SaveError(source, "format", f"version {version} never existed (the first is 1)")
    result = dict(raw)
    while version < current:
        step = table.get(version)
        if step is None:
            raise SaveError(source, "format", f"no upgrade from version {version} is known")
        try:
            result = step(result)
        except SaveError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SaveError(
                source, "format", f"could not upgrade version {version}: {type(exc).__name__} {exc}"
            ) from None
        version += 1
        result["format"] = version
    return result


def from_raw(
    raw: dict[str, Any], source: str, upgrades: Mapping[int, Upgrade] | None = None
) -> tuple[Save, bool]:
    """Check a parsed save object key by key, upgrade it and build a `Save`.

    Returns:
        The save, and whether its checksum matches its content.
    """
    kind = raw.get("kind")
    if kind != KIND:
        found = "no 'kind' key" if "kind" not in raw else f"kind {_describe(kind)}"
        raise SaveError(source, "kind", f"not a Concert save ({found}; a save has kind {KIND!r})")
    stored = raw.get("checksum")
    if "checksum" not in raw:
        raise SaveError(source, "checksum", "missing")
    if not isinstance(stored, str) or not _HEX64.match(stored):
        raise SaveError(source, "checksum", f"expected 64 hex digits, found {_describe(stored)}")
    # The checksum covers the file as written, in its own format: check it before upgrading.
    intact = checksum(raw) == stored
    raw = upgrade(raw, source, upgrades)
    _check_keys(raw, source)
    return _build(raw), intact


_TOP_KEYS = (
    "format",
    "kind",
    "label",
    "seed",
    "humans",
    "rules",
    "initial_hash",
    "orders",
    "hashes",
    "scenario",
    "checksum",
)
_OPTIONAL_KEYS = ("reseeds",)
_SCENARIO_KEYS = ("id", "hash", "toml")


def _check_keys(raw: Mapping[str, Any], source: str) -> None:
    """Raise SaveError for the first missing, unknown or mistyped key, naming its path."""

    def fail(where: str, problem: str) -> SaveError:
        return SaveError(source, where, problem)

    for key in raw:
        if key not in _TOP_KEYS and key not in _OPTIONAL_KEYS:
            known = ", ".join((*_TOP_KEYS, *_OPTIONAL_KEYS))
            raise fail(str(key), f"unknown key (a save has {known})")
    for key in _TOP_KEYS:
        if key not in raw:
            raise fail(key, "missing")
    if not isinstance(raw["label"], str):
        raise fail("label", f"expected text, found {_describe(raw['label'])}")
    seed = raw["seed"]
    if not _is_int(seed) or not 0 <= seed <= MAX_SEED:
        raise fail("seed", f"expected a whole number 0..2**63-1, found {_describe(seed)}")
    humans = raw["humans"]
    if not isinstance(humans, list):
        raise fail("humans", f"expected a list of actor ids, found {_describe(humans)}")
    for i, seat in enumerate(humans):
        if not isinstance(seat, str) or not seat:
            raise fail(f"humans[{i}]", f"expected an actor id, found {_describe(seat)}")
    if len(set(humans)) != len(humans):
        raise fail("humans", "an actor id appears twice")
    rules = raw["rules"]
    if not isinstance(rules, dict):
        raise fail("rules", f"expected an object of rule sections, found {_describe(rules)}")
    for section, keys in rules.items():
        if not isinstance(keys, dict):
            raise fail(
                f"rules.{section}", f"expected an object of numbers, found {_describe(keys)}"
            )
        for key, value in keys.items():
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise fail(f"rules.{section}.{key}", f"expected a number, found {_describe(value)}")
    _check_hash(raw["initial_hash"], "initial_hash", fail)
    orders, hashes = raw["orders"], raw["hashes"]
    if not isinstance(orders, list):
        raise fail(
            "orders", f"expected a list with one list of orders per turn, found {_describe(orders)}"
        )
    if not isinstance(hashes, list):
        raise fail(
            "hashes", f"expected a list with one state hash per turn, found {_describe(hashes)}"
        )
    for k, turn in enumerate(orders):
        if not isinstance(turn, list):
            raise fail(
                f"orders[{k}]", f"turn {k + 1}: expected a list of orders, found {_describe(turn)}"
            )
        for j, text in enumerate(turn):
            where = f"orders[{k}][{j}]"
            if not isinstance(text, str):
                raise fail(
                    where, f"turn {k + 1}: expected an order's text, found {_describe(text)}"
                )
            try:
                Order.parse(text)
            except OrderSyntaxError as exc:
                raise fail(where, f"{text!r} is not an order: {_reason(exc, text)}") from None
            except (ValueError, TypeError) as exc:
                raise fail(where, f"{text!r} is not an order: {exc}") from None
    for k, value in enumerate(hashes):
        _check_hash(value, f"hashes[{k}]", fail)
    if len(hashes) != len(orders):
        raise fail(
            "hashes",
            f"{len(hashes)} state hashes for {len(orders)} turns of orders (one per turn expected)",
        )
    _check_reseeds(raw.get("reseeds", []), len(orders), fail)
    scenario = raw["scenario"]
    if not isinstance(scenario, dict):
        raise fail(
            "scenario", f"expected an object with id, hash and toml, found {_describe(scenario)}"
        )
    for key in scenario:
        if key not in _SCENARIO_KEYS:
            raise fail(f"scenario.{key}", "unknown key (scenario has id, hash, toml)")
    for key in _SCENARIO_KEYS:
        if key not in scenario:
            raise fail(f"scenario.{key}", "missing")
    if not isinstance(scenario["id"], str) or not scenario["id"]:
        raise fail("scenario.id", f"expected a scenario id, found {_describe(scenario['id'])}")
    _check_hash(scenario["hash"], "scenario.hash", fail)
    if not isinstance(scenario["toml"], str):
        raise fail(
            "scenario.toml",
            f"expected the scenario's TOML text, found {_describe(scenario['toml'])}",
        )
    if scenario_digest(scenario["toml"]) != scenario["hash"]:
        raise fail(
            "scenario.hash",
            "does not match the embedded scenario text: the scenario was edited inside the save",
        )


def _check_reseeds(reseeds: object, turns: int, fail: Callable[[str, str], SaveError]) -> None:
    if not isinstance(reseeds, list):
        raise fail("reseeds", f"expected a list of [turn, seed] pairs, found {_describe(reseeds)}")
    last = -1
    for i, pair in enumerate(reseeds):
        where = f"reseeds[{i}]"
        if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(v) for v in pair)):
            raise fail(where, f"expected [turn, seed], two whole numbers, found {_describe(pair)}")
        turn, seed = pair
        if not last < turn <= turns:
            raise fail(where, f"turn {turn}: reseed turns must increase and lie in 0..{turns}")
        if not 0 <= seed <= MAX_SEED:
            raise fail(where, f"seed {seed} is not in 0..2**63-1")
        last = turn


def _check_hash(value: object, where: str, fail: Callable[[str, str], SaveError]) -> None:
    if not isinstance(value, str) or not _HEX64.match(value):
        raise fail(where, f"expected a sha256 hash (64 hex digits), found {_describe(value)}")


def _build(raw: Mapping[str, Any]) -> Save:
    scenario = raw["scenario"]
    return Save(
        scenario_id=scenario["id"],
        scenario_hash=scenario["hash"],
        scenario_toml=scenario["toml"],
        seed=raw["seed"],
        humans=raw["humans"],
        rules=raw["rules"],
        initial_hash=raw["initial_hash"],
        orders=raw["orders"],
        hashes=raw["hashes"],
        label=raw["label"],
        reseeds=raw.get("reseeds", ()),
        format=raw["format"],
    )


def _reason(exc: Exception, text: str) -> str:
    """An OrderSyntaxError's message without the order text it starts with."""
    message = str(exc)
    prefix = f"{text!r}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(value: object) -> str:
    """A short description of a JSON value for an error message: its type and a glimpse."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        glimpse = value if len(value) <= 40 else value[:37] + "..."
        return f"text {glimpse!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return f"an object with {len(value)} keys"
    return type(value).__name__
