"""Hand-made game states for the scoring tests (no engine needed)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from game.engine.state import GameState
from game.scenario.model import (
    Actor,
    Agenda,
    AgreementStatus,
    Meta,
    Scenario,
    Scoring,
    ZoneStatus,
)


def make_state(
    ids: tuple[str, ...] = ("A", "B", "C"),
    *,
    alignment: np.ndarray | None = None,
    support: np.ndarray | None = None,
    sanctions: np.ndarray | None = None,
    trade: np.ndarray | None = None,
    capabilities: np.ndarray | None = None,
    theatre_ids: tuple[str, ...] = (),
    control: np.ndarray | None = None,
    violence: np.ndarray | None = None,
    guarantors: np.ndarray | None = None,
    agreement_ids: tuple[str, ...] = (),
    agreement_status: tuple[AgreementStatus, ...] = (),
    membership: np.ndarray | None = None,
    issue_ids: tuple[str, ...] = (),
    positions: np.ndarray | None = None,
    salience: np.ndarray | None = None,
    progress: np.ndarray | None = None,
    playable: tuple[str, ...] = (),
    agendas: dict[str, Agenda] | None = None,
    scoring: Scoring | None = None,
    turn: int = 0,
    turn_limit: int = 24,
) -> GameState:
    """A GameState with the given arrays and neutral defaults for the rest."""
    n, t, a, i = len(ids), len(theatre_ids), len(agreement_ids), len(issue_ids)
    zeros = np.zeros((n, n))
    scenario = Scenario(
        meta=Meta(id="test", title="Test", start=dt.date(2017, 11, 1), turn_limit=turn_limit),
        actors=tuple(Actor(id=x, name=x, playable=x in playable) for x in ids),
        agendas=agendas or {},
        scoring=scoring or Scoring(),
    )
    return GameState(
        scenario=scenario,
        rules={},
        seed=1,
        humans=frozenset(),
        turn=turn,
        date=dt.date(2017, 11, 1),
        actors=tuple(ids),
        capital=np.zeros(n),
        capabilities=np.full((n, 3), 50.0) if capabilities is None else capabilities,
        alignment=zeros if alignment is None else alignment,
        baseline=zeros if alignment is None else alignment,
        support=zeros if support is None else support,
        sanctions=zeros if sanctions is None else sanctions,
        trade=zeros if trade is None else trade,
        recognition=zeros,
        theatre_ids=theatre_ids,
        control=np.zeros((t, n)) if control is None else control,
        violence=np.zeros(t) if violence is None else violence,
        zone=tuple(ZoneStatus.NONE for _ in theatre_ids),
        guarantors=np.zeros((t, n)) if guarantors is None else guarantors,
        agreement_ids=agreement_ids,
        agreement_status=agreement_status,
        membership=np.zeros((a, n), dtype=np.int8) if membership is None else membership,
        issue_ids=issue_ids,
        positions=np.zeros((i, n)) if positions is None else positions,
        salience=np.zeros((i, n)) if salience is None else salience,
        progress=np.zeros(i) if progress is None else progress,
        restraint=np.zeros(t),
        base_capabilities=np.full((n, 3), 50.0) if capabilities is None else capabilities,
        actor_kind=np.zeros(n, dtype=np.int8),
        playable=np.array([x in playable for x in ids], dtype=bool),
    )
