"""Saving and loading games: `save_game`, `load_game`, `record_to_save`, autosaves and branches.

Loading re-runs the game from the embedded scenario, the seed and the recorded orders, and checks
the state hash after every turn, so a loaded game is always one the rules can reach, and a file
that was damaged, truncated, edited or made by another build is reported as a `SaveError` naming
the key or turn at fault (the file itself is never touched by a load).

Entry points for other parts of the game:

- UI: `GameRecord` (in `game.persist.record`) as the session's history; `save_game`,
  `load_game`, `Autosaver(folder).save(record)` after every turn, `Autosaver.latest()`.
- `simulate --from SAVE`: `load_game(path).record`, then `record.play(orders)` turn by turn.
- `simulate --save-dir DIR`: `save_game(DIR / name, record)`, or `record_to_save(record)` and
  `dumps(save)` to write elsewhere.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from attrs import evolve, frozen

from game.engine.rng import turn_rng
from game.engine.state import GameState, replace, state_hash
from game.persist.atomic import Rotation, write_atomic
from game.persist.errors import SaveError
from game.persist.format import (
    CURRENT_FORMAT,
    MAX_BYTES,
    Save,
    checksum_error,
    dumps,
    loads,
    parse_save,
    scenario_digest,
)
from game.persist.record import GameRecord
from game.rules.orders import Order
from game.scenario.model import Scenario

__all__ = [
    "CURRENT_FORMAT",
    "Autosaver",
    "GameRecord",
    "LoadedGame",
    "Save",
    "SaveError",
    "branch_save",
    "dumps",
    "load_game",
    "loads",
    "loads_game",
    "read_save",
    "record_to_save",
    "save_game",
    "verify_save",
]

TurnCallback = Callable[[int, GameState, str, tuple[Order, ...]], None]
"""Called by `verify_save` after each verified turn with (turn, state, hash, the turn's orders)."""


@frozen(eq=False)
class LoadedGame:
    """A save file, loaded and verified.

    Attributes:
        path: the file it was read from (`"<string>"` for text).
        save: the file's content.
        record: the re-run game: every state, the orders of every turn and every hash.
    """

    path: str
    save: Save
    record: GameRecord

    @property
    def state(self) -> GameState:
        """The state after the last saved turn: where play resumes."""
        return self.record.state

    @property
    def states(self) -> tuple[GameState, ...]:
        """`states[k]`: the state after `k` turns (0: the start)."""
        return self.record.states

    @property
    def orders(self) -> tuple[tuple[Order, ...], ...]:
        """`orders[k]`: every order resolved in turn `k + 1`."""
        return self.record.orders

    @property
    def scenario(self) -> Scenario:
        """The scenario embedded in the save."""
        return self.record.scenario


# ----------------------------------------------------------------------------------------------
# Writing


@functools.lru_cache(maxsize=8)
def _scenario_text(scenario: _Keyed) -> str:
    from game.scenario.save import dumps_scenario

    return dumps_scenario(scenario.value)


@frozen(eq=False)
class _Keyed:
    """A scenario keyed by identity, so that the text of the one being played is made once."""

    value: Scenario

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Keyed) and other.value is self.value


def scenario_toml(scenario: Scenario) -> str:
    """The canonical TOML text of a scenario (`dumps_scenario`), cached for the scenario in play."""
    return _scenario_text(_Keyed(scenario))


def record_to_save(record: GameRecord, label: str = "") -> Save:
    """The `Save` of a game record: everything needed to re-run it, and its hashes.

    Args:
        record: the game so far.
        label: a note for the player, e.g. `"before Sochi"`.
    """
    text = scenario_toml(record.scenario)
    return Save(
        scenario_id=record.scenario.meta.id,
        scenario_hash=scenario_digest(text),
        scenario_toml=text,
        seed=record.seed,
        humans=record.humans,
        rules=record.states[0].rules,
        initial_hash=record.hashes[0],
        orders=[[str(order) for order in orders] for orders in record.orders],
        hashes=record.hashes[1:],
        label=label,
        reseeds=record.reseeds,
    )


def save_game(path: str | os.PathLike[str], game: GameRecord | Save, label: str = "") -> Path:
    """Write a game to `path` atomically (the old file survives a crash at any moment).

    Args:
        path: the save file, conventionally `*.json`; its folder must exist.
        game: a record (turned into a `Save` with `label`) or a ready `Save`.
        label: the note for a record; ignored for a `Save`, which carries its own.

    Returns:
        The path written.
    """
    save = record_to_save(game, label) if isinstance(game, GameRecord) else game
    return write_atomic(path, dumps(save))


# ----------------------------------------------------------------------------------------------
# Reading


def read_save(path: str | os.PathLike[str]) -> Save:
    """A save file's content, checked for shape and checksum but not re-run (for load menus)."""
    name = os.fspath(path)
    return loads(_read(name), name)


def load_game(path: str | os.PathLike[str], on_turn: TurnCallback | None = None) -> LoadedGame:
    """Read a save, re-run it and check every turn's state hash.

    Args:
        path: the save file.
        on_turn: called after each verified turn (the `replay --verify` command prints a line).

    Raises:
        SaveError: the file cannot be read, or is damaged, truncated, edited, from a newer build,
            or does not re-run to its hashes; the message names the file and the key or turn.
    """
    name = os.fspath(path)
    return loads_game(_read(name), name, on_turn)


def loads_game(
    data: str | bytes, source: str = "<string>", on_turn: TurnCallback | None = None
) -> LoadedGame:
    """`load_game` for a save's text or bytes; `source` names it in error messages."""
    save, intact = parse_save(data, source)
    record = verify_save(save, source, on_turn)
    if not intact:
        # Every turn re-ran to its hash, yet the file changed: an edit no state shows (a label,
        # an order that was void either way). Still not the file that was saved.
        raise checksum_error(source)
    return LoadedGame(path=source, save=save, record=record)


def _read(name: str) -> bytes:
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            raise SaveError(name, "", f"{size} bytes is larger than a save can be ({MAX_BYTES})")
        with open(name, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise SaveError(name, "", f"cannot read the file: {exc.strerror or exc}") from None


@functools.lru_cache(maxsize=16)
def _parse_scenario(text: str) -> Scenario:
    from game.scenario.load import loads_scenario

    return loads_scenario(text, "scenario.toml")


def verify_save(
    save: Save, source: str = "<string>", on_turn: TurnCallback | None = None
) -> GameRecord:
    """Re-run a save from its scenario, seed and orders, checking every state hash.

    Args:
        save: the save's content.
        source: the file name for error messages.
        on_turn: called after each verified turn with (turn, state, hash, orders).

    Returns:
        The re-run game.

    Raises:
        SaveError: naming the key (`scenario.toml`, `humans[0]`, `orders[3][1]`) or the turn
            (`turn 5: state hash mismatch ...`) at fault.
    """
    from game.engine.turn import is_over, resolve

    scenario = _embedded_scenario(save, source)
    played, rules_note = _scenario_with_rules(scenario, save, source)
    ids = set(scenario.actor_ids)
    for i, seat in enumerate(save.humans):
        if seat not in ids or not scenario.actor(seat).playable:
            raise SaveError(
                source, f"humans[{i}]", f"{seat!r} is not a playable actor of the scenario"
            )
    turns: list[tuple[Order, ...]] = []
    for k, texts in enumerate(save.orders):
        orders = []
        for j, text in enumerate(texts):
            order = Order.parse(text)  # the format check has parsed every one already
            if order.actor not in ids:
                raise SaveError(
                    source,
                    f"orders[{k}][{j}]",
                    f"turn {k + 1}: {order.actor!r} is not an actor of the scenario",
                )
            orders.append(order)
        turns.append(tuple(orders))

    try:
        from game.engine.setup import new_game

        state = new_game(played, save.seed, humans=save.humans)
    except Exception as exc:  # a scenario that loads but cannot start: say so, no traceback
        raise SaveError(
            source, "scenario", f"cannot start a game from it: {type(exc).__name__}: {exc}"
        ) from None
    reseeds = dict(save.reseeds)
    if 0 in reseeds:
        state = replace(state, seed=reseeds[0])
    first = state_hash(state)
    if first != save.initial_hash:
        raise SaveError(
            source,
            "initial_hash",
            f"state hash mismatch before turn 1 (saved {save.initial_hash[:12]}, re-run "
            f"{first[:12]}): this build of the engine sets up the scenario differently"
            f"{rules_note}",
        )
    record = evolve(
        GameRecord.from_state(state, scenario), reseeds=tuple(p for p in save.reseeds if p[0] == 0)
    )
    if on_turn is not None:
        on_turn(0, state, first, ())
    for k, orders in enumerate(turns):
        turn = k + 1
        if is_over(record.state):
            raise SaveError(
                source, f"turn {turn}", f"the game was already over after turn {turn - 1}"
            )
        try:
            new_state, _events = resolve(record.state, orders, turn_rng(record.state))
            if turn in reseeds:
                new_state = replace(new_state, seed=reseeds[turn])
        except Exception as exc:  # the engine must not fail on recorded orders; say where it did
            raise SaveError(
                source,
                f"turn {turn}",
                f"the engine could not resolve the recorded orders: {type(exc).__name__}: {exc}",
            ) from None
        record = record.append(orders, new_state, check=False)
        if turn in reseeds:
            record = evolve(record, reseeds=(*record.reseeds, (turn, reseeds[turn])))
        if record.hashes[-1] != save.hashes[k]:
            raise SaveError(
                source,
                f"turn {turn}",
                f"state hash mismatch (saved {save.hashes[k][:12]}, re-run "
                f"{record.hashes[-1][:12]}): the orders of turn {turn} were changed, or this "
                f"build of the engine plays them differently{rules_note}",
            )
        if on_turn is not None:
            on_turn(turn, new_state, record.hashes[-1], orders)
    return record


def _embedded_scenario(save: Save, source: str) -> Scenario:
    from game.scenario.load import ScenarioError

    try:
        scenario = _parse_scenario(save.scenario_toml)
    except ScenarioError as exc:
        first = exc.errors[0].format() if exc.errors else str(exc).splitlines()[0]
        raise SaveError(
            source, "scenario.toml", f"the embedded scenario does not load: {first}"
        ) from None
    except Exception as exc:  # the loader must only raise ScenarioError; never a traceback here
        raise SaveError(
            source,
            "scenario.toml",
            f"the embedded scenario does not load: {type(exc).__name__}: {exc}",
        ) from None
    if scenario.meta.id != save.scenario_id:
        raise SaveError(
            source,
            "scenario.id",
            f"{save.scenario_id!r} but the embedded scenario is {scenario.meta.id!r}",
        )
    return scenario


def _scenario_with_rules(scenario: Scenario, save: Save, source: str) -> tuple[Scenario, str]:
    """The scenario to re-run, with the save's own rule table if this build's rules differ.

    Returns:
        The scenario, and a note on how this build's rules differ from the save's (empty when
        they agree) for the hash-mismatch message. A rule the save has and this build lacks is
        dropped (this engine never reads it); a rule this build added takes its default.
    """
    from game.rules.params import RulesError, default_rules, merge_rules

    try:
        current = merge_rules(scenario.rules)
    except RulesError as exc:
        raise SaveError(source, "scenario.toml", f"rules: {exc}") from None
    if _same_rules(current, save.rules):
        return scenario, ""
    known = default_rules()
    kept = {
        section: {key: value for key, value in keys.items() if key in known.get(section, {})}
        for section, keys in save.rules.items()
    }
    kept = {section: keys for section, keys in kept.items() if keys}
    gone = sorted(
        f"{section}.{key}"
        for section, keys in save.rules.items()
        for key in keys
        if key not in known.get(section, {})
    )
    new = sorted(
        f"{section}.{key}"
        for section, keys in known.items()
        for key in keys
        if key not in save.rules.get(section, {})
    )
    parts = []
    if gone:
        parts.append(f"rules this build no longer has: {', '.join(gone[:5])}")
    if new:
        parts.append(f"rules new in this build: {', '.join(new[:5])}")
    note = f" ({'; '.join(parts)})" if parts else ""
    return evolve(scenario, rules=kept), note


def _same_rules(a: Mapping[str, Mapping[str, float]], b: Mapping[str, Mapping[str, float]]) -> bool:
    return {s: dict(k) for s, k in a.items()} == {s: dict(k) for s, k in b.items()}


# ----------------------------------------------------------------------------------------------
# Autosave and branches


@frozen
class Autosaver:
    """Autosaves after every turn into one folder, keeping the last `keep` files.

    Files are `autosave-0001.json`, `autosave-0002.json`, ...; each is written atomically and the
    oldest are removed only after the newest is in place, so a crash at any moment leaves the
    last complete autosave loadable.

    Attributes:
        folder: the autosave folder (created on first save).
        keep: how many autosaves to keep, >= 1.
        prefix: the file name prefix.
    """

    folder: Path
    keep: int = 10
    prefix: str = "autosave"

    @property
    def rotation(self) -> Rotation:
        """The numbered files this autosaver writes."""
        return Rotation(self.folder, self.keep, self.prefix, ".json")

    def save(self, record: GameRecord, label: str = "") -> Path:
        """Autosave `record` as the next numbered file; returns its path."""
        return self.rotation.write(dumps(record_to_save(record, label)))

    def files(self) -> list[Path]:
        """The autosaves on disk, oldest first."""
        return self.rotation.files()

    def latest(self) -> LoadedGame | None:
        """The newest autosave that loads and verifies, or None when none does."""
        for path in reversed(self.files()):
            try:
                return load_game(path)
            except SaveError:
                continue
        return None


def branch_save(
    source: str | os.PathLike[str],
    turn: int,
    target: str | os.PathLike[str],
    *,
    label: str | None = None,
    overwrite: bool = False,
) -> LoadedGame:
    """Fork the save at `source` after `turn` turns into a new save at `target`.

    Args:
        source: the save to fork (verified before forking; never changed).
        turn: how many turns the fork keeps (0: the start of the game).
        target: the new save file.
        label: the fork's note; `"<old label> (branch at turn K)"` by default.
        overwrite: replace `target` if it exists.

    Returns:
        The fork, as loaded.

    Raises:
        SaveError: the source does not load, `turn` is out of range, or `target` exists.
    """
    loaded = load_game(source)
    name = os.fspath(source)
    if not 0 <= turn <= loaded.record.turn:
        raise SaveError(
            name, f"turn {turn}", f"not in this game (it has turns 0..{loaded.record.turn})"
        )
    target_path = Path(target)
    if target_path.exists() and not overwrite:
        raise SaveError(os.fspath(target), "", "already exists (choose another name to fork to)")
    if target_path.resolve() == Path(name).resolve():
        raise SaveError(os.fspath(target), "", "is the save being forked; choose another name")
    record = loaded.record.rewind(turn)
    note = label if label is not None else _branch_label(loaded.save.label, turn)
    save = record_to_save(record, note)
    save_game(target_path, save)
    return LoadedGame(path=os.fspath(target), save=save, record=record)


def _branch_label(old: str, turn: int) -> str:
    suffix = f"branch at turn {turn}"
    return f"{old} ({suffix})" if old else suffix
