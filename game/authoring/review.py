"""Reviewing a draft: walk its pending facts and accept, reject, edit or add, in place.

The document is edited with tomlkit, so the author's comments, key order and formatting
survive. Decisions:

- accept: `review = "accepted"`;
- reject: the fact is removed (so a reviewed file holds only facts someone stands behind); a
  rejected actor takes with it the relations that name it, its place in agreements, its agenda
  and any `parent` pointing at it (each removal is printed); a rejected agenda makes its actor
  unplayable, since a playable actor needs one;
- edit: change a relation's kind, ends (actor, target) and status, an agreement's kind and
  status, an actor's kind, parent and playability; the edited fact is then accepted;
- new: add a relation the coder missed (`source = "author"`, accepted);
- skip: leave it pending; quit: stop (decisions so far are kept).

Every decision is written to disk at once (atomically), so an interrupted session loses nothing.
Input and output are streams, so tests drive a session by feeding answers.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import tomlkit
from attrs import define, frozen
from tomlkit.exceptions import TOMLKitError

from game.scenario.model import (
    AUTHOR,
    ActorKind,
    AgreementKind,
    AgreementStatus,
    RelationKind,
    Status,
)

PENDING = "pending"
ACCEPTED = "accepted"
TABLES = ("actors", "relations", "agreements")

HELP = """\
  a  accept        r  reject (remove)      e  edit, then accept
  n  new relation  s  skip (stay pending)  q  quit (decisions so far are saved)"""


class ReviewError(ValueError):
    """The scenario file cannot be reviewed (unreadable, not TOML)."""


@frozen
class Item:
    """One pending fact: its table and its position (an index, or an agenda's actor id)."""

    table: str
    key: int | str


def load_document(path: Path | str) -> tomlkit.TOMLDocument:
    """Parse a scenario file with tomlkit, keeping comments and layout.

    Raises:
        ReviewError: the file cannot be read or is not TOML.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 text (offset {exc.start})") from exc
    try:
        return tomlkit.parse(text)
    except (TOMLKitError, ValueError) as exc:
        raise ReviewError(f"{path}: not valid TOML: {exc}") from exc


def write_document(doc: tomlkit.TOMLDocument, path: Path | str) -> None:
    """Write the document atomically (temporary file in the same folder, then rename)."""
    target = Path(path)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(tomlkit.dumps(doc))
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def pending_items(doc: tomlkit.TOMLDocument) -> list[Item]:
    """Every fact whose `review` is pending, actors first, then relations, agreements, agendas."""
    items = []
    for table in TABLES:
        for index, record in enumerate(_array(doc, table)):
            if _plain(record.get("review")) == PENDING:
                items.append(Item(table, index))
    agendas = doc.get("agendas")
    if isinstance(agendas, dict):
        for key, agenda in agendas.items():
            if isinstance(agenda, dict) and _plain(agenda.get("review")) == PENDING:
                items.append(Item("agendas", str(key)))
    return items


def _array(doc: Any, table: str) -> list:
    value = doc.get(table)
    return value if isinstance(value, list) else []


def _plain(value: Any) -> Any:
    return value.unwrap() if hasattr(value, "unwrap") else value


@define
class Session:
    """One review session over a parsed document.

    Attributes:
        doc: the tomlkit document, edited in place.
        inp, out: the streams answers come from and prompts go to.
        save: called after every decision (writes the file); a no-op in pure tests.
    """

    doc: tomlkit.TOMLDocument
    inp: TextIO
    out: TextIO
    save: Callable[[], None] = lambda: None
    accepted: int = 0
    rejected: int = 0
    edited: int = 0
    added: int = 0
    skipped: int = 0

    # -- the loop ---------------------------------------------------------------------------

    def run(self) -> bool:
        """Walk the pending facts once; True if the author quit (or input ended) early."""
        items = pending_items(self.doc)
        self._say(f"{len(items)} facts pending review. '?' for help.")
        # Rejections remove records, so an item's index is found again by identity each time.
        records = [self._record(item) for item in items]
        for number, (item, record) in enumerate(zip(items, records, strict=True), start=1):
            position = self._locate(item.table, record)
            if position is None:
                continue  # removed by an earlier rejection (a rejected actor's relations)
            current = Item(item.table, position)
            if _plain(record.get("review")) != PENDING:
                continue
            self._show(current, number, len(items))
            while True:
                answer = self._ask("decision [a/r/e/n/s/q/?]: ")
                if answer is None or answer in ("q", "quit"):
                    self._say("quit: decisions so far are saved.")
                    return True
                if answer in ("a", "accept"):
                    record["review"] = ACCEPTED
                    self.accepted += 1
                elif answer in ("r", "reject"):
                    self._reject(current, record)
                    self.rejected += 1
                elif answer in ("e", "edit"):
                    if not self._edit(current, record):
                        continue
                    record["review"] = ACCEPTED
                    self.edited += 1
                elif answer in ("n", "new", "add"):
                    if self._new_relation():
                        self.added += 1
                        self.save()
                    continue
                elif answer in ("s", "skip", ""):
                    self.skipped += 1
                else:
                    self._say(HELP)
                    continue
                self.save()
                break
        return False

    def summary(self) -> str:
        """One line counting the decisions."""
        return (
            f"accepted {self.accepted}, rejected {self.rejected}, edited {self.edited}, "
            f"added {self.added}, skipped {self.skipped}"
        )

    # -- io -----------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.out.write(text + "\n")

    def _ask(self, prompt: str) -> str | None:
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            self.out.write("\n")
            return None
        return line.strip().lower() if prompt.startswith("decision") else line.strip()

    # -- records ------------------------------------------------------------------------------

    def _record(self, item: Item) -> Any:
        if item.table == "agendas":
            return self.doc["agendas"][item.key]
        return _array(self.doc, item.table)[item.key]

    def _locate(self, table: str, record: Any) -> int | str | None:
        if table == "agendas":
            agendas = self.doc.get("agendas") or {}
            for key, value in agendas.items():
                if value is record:
                    return str(key)
            return None
        for index, value in enumerate(_array(self.doc, table)):
            if value is record:
                return index
        return None

    def _show(self, item: Item, number: int, total: int) -> None:
        record = self._record(item)
        get = lambda key, default="": _plain(record.get(key, default))  # noqa: E731
        if item.table == "relations":
            status = get("status", "active")
            head = f"relation  {get('actor')} -> {get('target')}  {get('kind')} ({status})"
        elif item.table == "actors":
            extra = f", part of {get('parent')}" if get("parent") else ""
            seat = ", playable" if get("playable", False) else ""
            head = f"actor  {get('id')} {get('name')} ({get('kind', 'state')}{extra}{seat})"
        elif item.table == "agreements":
            parties = ", ".join(str(p) for p in get("parties", []) or [])
            head = (
                f"agreement  {get('id')} {get('name')} ({get('kind')}, {get('status', 'active')}); "
                f"parties {parties}"
            )
        else:
            labels = "; ".join(
                str(_plain(o.get("label", o.get("kind")))) for o in record.get("objectives", [])
            )
            head = f"agenda of {item.key}: {labels}"
        confidence = get("confidence", None)
        self._say("")
        self._say(
            f"[{number}/{total}] {head}"
            + (f"  confidence {confidence:.2f}" if isinstance(confidence, float) else "")
        )
        if get("note"):
            self._say(f"  note: {get('note')}")
        if get("source"):
            self._say(f"  source: {get('source')}")

    # -- reject -------------------------------------------------------------------------------

    def _reject(self, item: Item, record: Any) -> None:
        if item.table == "agendas":
            del self.doc["agendas"][item.key]
            for actor in _array(self.doc, "actors"):
                if _plain(actor.get("id")) == item.key and _plain(actor.get("playable")):
                    actor["playable"] = False
                    self._say(
                        f"  {item.key} is no longer playable (a playable actor needs an agenda)"
                    )
            return
        array = _array(self.doc, item.table)
        del array[item.key]
        if item.table == "actors":
            self._cascade(str(_plain(record.get("id"))))

    def _cascade(self, actor_id: str) -> None:
        relations = _array(self.doc, "relations")
        for index in reversed(range(len(relations))):
            rel = relations[index]
            if actor_id in (_plain(rel.get("actor")), _plain(rel.get("target"))):
                self._say(
                    f"  also removed relation {_plain(rel.get('actor'))} {_plain(rel.get('kind'))} "
                    f"{_plain(rel.get('target'))}"
                )
                del relations[index]
        for agreement in _array(self.doc, "agreements"):
            parties = agreement.get("parties")
            if parties is not None and actor_id in [str(p) for p in parties]:
                agreement["parties"] = [p for p in _plain(parties) if p != actor_id]
                self._say(f"  removed {actor_id} from the parties of {_plain(agreement.get('id'))}")
            if _plain(agreement.get("host")) == actor_id:
                del agreement["host"]
            stances = agreement.get("stances")
            if isinstance(stances, dict) and actor_id in stances:
                del stances[actor_id]
        agendas = self.doc.get("agendas")
        if isinstance(agendas, dict) and actor_id in agendas:
            del agendas[actor_id]
            self._say(f"  removed the agenda of {actor_id}")
        for actor in _array(self.doc, "actors"):
            if _plain(actor.get("parent")) == actor_id:
                del actor["parent"]
                self._say(f"  {_plain(actor.get('id'))} no longer has a parent")

    # -- edit and new -------------------------------------------------------------------------

    def _actor_ids(self) -> list[str]:
        return [str(_plain(a.get("id"))) for a in _array(self.doc, "actors")]

    def _field(self, record: Any, key: str, allowed: list[str] | None, optional: bool = False):
        """Ask for one field; blank keeps it. Returns False if input ended."""
        current = _plain(record.get(key, ""))
        while True:
            shown = "" if current is None else current
            answer = self._ask(f"  {key} [{shown}]: ")
            if answer is None:
                return False
            if answer == "":
                return True
            if optional and answer == "-":
                if key in record:
                    del record[key]
                return True
            if allowed is not None and answer not in allowed:
                self._say(f"  '{answer}' is not one of: {', '.join(allowed)}")
                continue
            if key == "playable":
                record[key] = answer in ("yes", "true", "y")
            else:
                record[key] = answer
            return True

    def _edit(self, item: Item, record: Any) -> bool:
        ids = self._actor_ids()
        if item.table == "relations":
            fields = [
                ("kind", [k.value for k in RelationKind], False),
                ("actor", ids, False),
                ("target", ids, False),
                ("status", [s.value for s in Status], False),
            ]
        elif item.table == "agreements":
            fields = [
                ("kind", [k.value for k in AgreementKind], False),
                ("status", [s.value for s in AgreementStatus], False),
            ]
        elif item.table == "actors":
            fields = [
                ("kind", [k.value for k in ActorKind], False),
                ("parent", ids, True),
                ("playable", ["yes", "no", "true", "false", "y", "n"], False),
            ]
        else:
            self._say("  agendas are edited in the file itself; accept or reject here")
            return False
        self._say(
            "  (Enter keeps a value" + (", '-' clears it)" if item.table == "actors" else ")")
        )
        for key, allowed, optional in fields:
            if not self._field(record, key, allowed, optional):
                return False
        if item.table == "relations" and _plain(record.get("actor")) == _plain(
            record.get("target")
        ):
            self._say("  a relation needs two different ends; edit again")
            return False
        if item.table == "actors" and not _plain(record.get("playable", False)):
            agendas = self.doc.get("agendas")
            actor_id = str(_plain(record.get("id")))
            if isinstance(agendas, dict) and actor_id in agendas:
                del agendas[actor_id]
                self._say(f"  removed the agenda of {actor_id} (only playable actors have one)")
        return True

    def _new_relation(self) -> bool:
        ids = self._actor_ids()
        record = tomlkit.table()
        record["kind"] = ""
        record["actor"] = ""
        record["target"] = ""
        record["status"] = Status.ACTIVE.value
        self._say("  new relation (the coder missed it); actors: " + ", ".join(ids))
        for key, allowed in (
            ("kind", [k.value for k in RelationKind]),
            ("actor", ids),
            ("target", ids),
            ("status", [s.value for s in Status]),
        ):
            while True:
                if not self._field(record, key, allowed):
                    return False
                if _plain(record[key]) != "":
                    break
                self._say(f"  {key} is required")
        if record["actor"] == record["target"]:
            self._say("  a relation needs two different ends; not added")
            return False
        record["source"] = AUTHOR
        record["review"] = ACCEPTED
        relations = self.doc.get("relations")
        if isinstance(relations, list):
            relations.append(record)
        else:
            array = tomlkit.aot()
            array.append(record)
            self.doc["relations"] = array
        self._say(f"  added relation {record['actor']} {record['kind']} {record['target']}")
        return True
