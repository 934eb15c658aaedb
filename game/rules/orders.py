"""Orders: the typed, hashable moves every seat (human or AI) makes, with a one-line text form.

An order is data, like a python-chess `Move`: `Order.parse(str(order)) == order` always holds.
Its text form is `ACTOR ACTION [TARGET,TARGET...] [key=value ...]`, for example
`RUS host_talks SYR,SYR_OPP theatre=IDLIB` or
`USA impose_sanctions IRN entities=40 scope=blacklist`.
Whether an order is legal, what it costs and what it does is the catalogue's business
(`game.rules.<family>`), not this record's.

Must not import: pygame, game.ui, game.engine.
"""

from __future__ import annotations

import enum
import math
import re

from attrs import field, frozen


class ActionKind(enum.StrEnum):
    """Every action in the catalogue, by family (one module per family under `game.rules`)."""

    # diplomacy
    HOST_TALKS = "host_talks"
    CONVENE_CONGRESS = "convene_congress"
    JOINT_STATEMENT = "joint_statement"
    MEDIATE = "mediate"
    DENOUNCE = "denounce"
    RECOGNISE = "recognise"
    WITHDRAW_RECOGNITION = "withdraw_recognition"
    PROPOSE_ALLIANCE = "propose_alliance"
    # economy
    IMPOSE_SANCTIONS = "impose_sanctions"
    LIFT_SANCTIONS = "lift_sanctions"
    PROPOSE_DEAL = "propose_deal"
    GIVE_AID = "give_aid"
    # military
    SUPPORT_CLIENT = "support_client"
    ESTABLISH_ZONE = "establish_zone"
    GUARANTEE_ZONE = "guarantee_zone"
    OFFENSIVE = "offensive"
    WITHDRAW = "withdraw"
    # treaties
    CERTIFY = "certify"
    DECERTIFY = "decertify"
    WITHDRAW_FROM = "withdraw_from"
    COMPLY = "comply"
    # answers to proposals made to this actor (target: the proposal id, e.g. "P3")
    ACCEPT = "accept"
    REFUSE = "refuse"


ParamValue = int | float | str
_ID = re.compile(r"^[A-Za-z0-9_\-]+$")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class OrderSyntaxError(ValueError):
    """An order's text form could not be parsed; the message says which part and why."""


def _sorted_params(value: object) -> tuple[tuple[str, ParamValue], ...]:
    items = value.items() if isinstance(value, dict) else value
    return tuple(sorted((str(k), v) for k, v in items))  # type: ignore[union-attr]


def _format_value(value: ParamValue) -> str:
    if isinstance(value, bool):
        raise TypeError("order parameters are int, float or str, not bool")
    if isinstance(value, float):
        text = repr(value)
        return text if ("." in text or "e" in text or "n" in text) else text + ".0"
    return str(value)


def _parse_value(text: str) -> ParamValue:
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?", text):
        return float(text)
    return text


@frozen(order=True)
class Order:
    """One order: an actor's action, its targets and its parameters.

    Attributes:
        actor: id of the acting actor, e.g. `"RUS"`.
        action: what it does, e.g. `ActionKind.HOST_TALKS`.
        targets: ids the action is aimed at: actors, theatres, agreements or proposals,
            e.g. `("SYR", "SYR_OPP")`. Order matters where the action says so.
        params: `(key, value)` pairs sorted by key, e.g. `(("theatre", "IDLIB"),)`; values are
            int, float or str. Pass a dict and it is sorted for you.
    """

    actor: str
    action: ActionKind = field(converter=ActionKind)
    targets: tuple[str, ...] = field(default=(), converter=tuple)
    params: tuple[tuple[str, ParamValue], ...] = field(default=(), converter=_sorted_params)

    def param(self, key: str, default: ParamValue | None = None) -> ParamValue | None:
        """The value of parameter `key`, or `default`."""
        for name, value in self.params:
            if name == key:
                return value
        return default

    def __str__(self) -> str:
        parts = [self.actor, self.action.value]
        if self.targets:
            parts.append(",".join(self.targets))
        parts.extend(f"{key}={_format_value(value)}" for key, value in self.params)
        return " ".join(parts)

    @classmethod
    def parse(cls, text: str) -> Order:
        """Parse the text form; raises `OrderSyntaxError` naming the part at fault."""
        words = text.split()
        if len(words) < 2:
            raise OrderSyntaxError(f"{text!r}: an order needs at least an actor and an action")
        actor, action, *rest = words
        if not _ID.match(actor):
            raise OrderSyntaxError(f"{text!r}: {actor!r} is not an actor id")
        try:
            kind = ActionKind(action)
        except ValueError:
            raise OrderSyntaxError(f"{text!r}: unknown action {action!r}") from None
        targets: tuple[str, ...] = ()
        if rest and "=" not in rest[0]:
            targets = tuple(rest.pop(0).split(","))
            bad = [t for t in targets if not _ID.match(t)]
            if bad:
                raise OrderSyntaxError(f"{text!r}: {bad[0]!r} is not an id")
        params: dict[str, ParamValue] = {}
        for word in rest:
            key, sep, value = word.partition("=")
            if not sep or not _KEY.match(key) or not value:
                raise OrderSyntaxError(f"{text!r}: {word!r} is not key=value")
            if key in params:
                raise OrderSyntaxError(f"{text!r}: parameter {key!r} given twice")
            parsed = _parse_value(value)
            if isinstance(parsed, float) and not math.isfinite(parsed):
                raise OrderSyntaxError(f"{text!r}: {key} must be a finite number")
            params[key] = parsed
        return cls(actor, kind, targets, params)
