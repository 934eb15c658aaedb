"""Words for what the screens show: order labels, previews, dossiers, score explanations.

Pure functions from engine values to strings (plain or the small HTML subset pygame_gui's text
boxes read), so the scenes stay about layout and the wording is tested in one place. Nothing here
imports pygame.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import attrs

from game.engine.state import Event, GameState, LedgerEntry
from game.rules.orders import ActionKind, Order

ACTION_NAMES: dict[str, str] = {
    "host_talks": "Host talks",
    "convene_congress": "Convene a congress",
    "joint_statement": "Joint statement",
    "mediate": "Mediate",
    "denounce": "Denounce",
    "recognise": "Recognise",
    "withdraw_recognition": "Withdraw recognition",
    "propose_alliance": "Propose an alliance",
    "impose_sanctions": "Impose sanctions",
    "lift_sanctions": "Lift sanctions",
    "propose_deal": "Propose a deal",
    "give_aid": "Give aid",
    "support_client": "Support a client",
    "establish_zone": "Establish a de-escalation zone",
    "guarantee_zone": "Guarantee a zone",
    "offensive": "Launch an offensive",
    "withdraw": "Withdraw forces",
    "certify": "Certify",
    "decertify": "Decertify",
    "withdraw_from": "Withdraw from",
    "comply": "Comply with",
    "accept": "Accept proposal",
    "refuse": "Refuse proposal",
}

FAMILY_OF: dict[str, str] = {
    **dict.fromkeys(
        (
            "host_talks",
            "convene_congress",
            "joint_statement",
            "mediate",
            "denounce",
            "recognise",
            "withdraw_recognition",
            "propose_alliance",
        ),
        "Diplomacy",
    ),
    **dict.fromkeys(("impose_sanctions", "lift_sanctions", "propose_deal", "give_aid"), "Economy"),
    **dict.fromkeys(
        ("support_client", "establish_zone", "guarantee_zone", "offensive", "withdraw"), "Military"
    ),
    **dict.fromkeys(("certify", "decertify", "withdraw_from", "comply"), "Treaties"),
    **dict.fromkeys(("accept", "refuse"), "Answers"),
}

STABILITY_TERMS = {
    "violence": "Violence: 1 - mean violence of the theatres",
    "balance": "Balance: share of balanced triads in the alignment network",
    "sanctions": "Sanctions: 1 - mean sanction pressure on the actors",
    "settlement": "Settlement: salience-weighted progress of the issues",
}


def esc(text: object) -> str:
    """HTML-escape for pygame_gui text boxes."""
    return html.escape(str(text), quote=False)


def name_of(state: GameState, ident: str) -> str:
    """Display name of an actor, theatre, agreement or issue id (the id itself if unknown)."""
    sc = state.scenario
    for group in (sc.actors, sc.theatres, sc.agreements, sc.issues):
        for item in group:
            if item.id == ident:
                return item.name
    for proposal in state.proposals:
        if proposal.id == ident:
            return f"{proposal.id}: {order_label(state, proposal.order)}"
    return ident


def short_name(state: GameState, ident: str) -> str:
    """A compact name for tight spaces (theatre names lose "de-escalation zone")."""
    full = name_of(state, ident)
    return full.split(" de-escalation")[0].split(" (")[0]


def order_label(state: GameState, order: Order) -> str:
    """`"Host talks: Syrian government, Syrian opposition · theatre Idlib"`."""
    if order.action in (ActionKind.ACCEPT, ActionKind.REFUSE) and order.targets:
        proposal = next((p for p in state.proposals if p.id == order.targets[0]), None)
        if proposal is not None:
            verb = "Accept" if order.action is ActionKind.ACCEPT else "Refuse"
            offer = ACTION_NAMES.get(proposal.order.action.value, proposal.order.action.value)
            detail = [f"{k} {v}" for k, v in proposal.order.params if k in ("sector", "value")]
            extra = f" ({', '.join(detail)})" if detail else ""
            who = name_of(state, proposal.order.actor)
            who += "'" if who.endswith("s") else "'s"
            return f"{verb} {who} offer: {offer.lower()}{extra} [{proposal.id}]"
    head = ACTION_NAMES.get(order.action.value, order.action.value.replace("_", " ").capitalize())
    parts = []
    if order.targets:
        parts.append(", ".join(short_name(state, t) for t in order.targets))
    for key, value in order.params:
        shown = short_name(state, value) if isinstance(value, str) else value
        parts.append(f"{key.replace('_', ' ')} {shown}")
    return head + (": " + " · ".join(parts) if parts else "")


def month(date) -> str:
    """`"Nov 2017"`."""
    return f"{date:%b %Y}"


def _fields(value: Any) -> dict[str, Any]:
    if attrs.has(type(value)):
        return {f.name: getattr(value, f.name) for f in attrs.fields(type(value))}
    if isinstance(value, dict):
        return dict(value)
    return {"": value}


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:+.2f}" if abs(value) < 10 else f"{value:+.1f}"
    if isinstance(value, tuple | list):
        return ", ".join(_fmt(v) for v in value)
    return esc(value)


def preview_html(state: GameState, order: Order, preview: Any, cost: float) -> str:
    """The preview of one order as text-box HTML: cost, expected effects, acceptance odds.

    Reads the engine's `Preview` (summary, stability, influence, agendas, relations,
    acceptance); fields it does not know are listed as they are, so nothing is hidden.
    """
    out = [f"<b>{esc(order_label(state, order))}</b>"]
    fields = _fields(preview)
    if fields.get("legal") is False:
        reason = fields.get("reason") or "not possible now"
        out.append(f"<font color='#e69f00'>Not possible: {esc(reason)}</font>")
    out.append(f"Cost: <b>{cost:g}</b> political capital")
    summary = fields.get("summary")
    if summary:
        out.append(f"<i>{esc(summary)}</i>")
    changes = []
    stability = fields.get("stability")
    if isinstance(stability, int | float):
        changes.append(f"• Regional stability: {_signed(stability)}")
    agendas = fields.get("agendas") or {}
    mine = agendas.get(order.actor)
    if isinstance(mine, int | float):
        changes.append(f"• Your agenda: {_signed(mine)}")
    others = sorted(
        ((a, v) for a, v in agendas.items() if a != order.actor), key=lambda kv: -abs(kv[1])
    )
    for actor, value in others[:3]:
        if abs(value) >= 0.05:
            changes.append(f"• Agenda of {esc(name_of(state, actor))}: {_signed(value)}")
    influence = fields.get("influence") or {}
    movers = sorted(influence.items(), key=lambda kv: -abs(kv[1]))
    shown = [(a, v) for a, v in movers[:4] if abs(v) >= 0.05]
    if shown:
        changes.append(
            "• Influence: "
            + ", ".join(f"{esc(short_name(state, a))} {_signed(v)}" for a, v in shown)
        )
    if changes:
        out.append("<br><b>Expected change</b> (one turn, if nothing else happened)")
        out.extend(changes)
    relations = fields.get("relations") or ()
    if relations:
        out.append("<br><b>Relations</b>")
        for item in relations:
            if isinstance(item, tuple) and len(item) == 4:
                a, b, before, after = item
                out.append(
                    f"• {esc(short_name(state, a))}–{esc(short_name(state, b))} "
                    f"alignment {before:+.2f} to {after:+.2f}"
                )
            else:
                out.append("• " + _effect_line(state, item))
    for key in ("effects",):
        for effect in fields.get(key) or ():
            out.append("• " + _effect_line(state, effect))
    acceptance = fields.get("acceptance")
    if acceptance is not None:
        out.append("<br>" + acceptance_html(state, acceptance))
    return "<br>".join(out)


def _signed(value: float) -> str:
    if abs(value) < 0.05:
        return "<b>±0.0</b>"
    colour = "#56b4e9" if value >= 0 else "#e69f00"
    return f"<font color='{colour}'><b>{value:+.1f}</b></font>"


def _effect_line(state: GameState, effect: Any) -> str:
    if isinstance(effect, str):
        return esc(effect)
    fields = _fields(effect)
    text = fields.get("text") or fields.get("detail") or fields.get("label")
    delta = fields.get("delta")
    if text is not None and isinstance(delta, int | float):
        return f"{esc(text)}: <b>{delta:+.2f}</b>"
    if text is not None:
        return esc(text)
    if isinstance(effect, tuple) and len(effect) == 2:
        return f"{esc(effect[0])}: <b>{_fmt(effect[1])}</b>"
    return ", ".join(f"{esc(k)} {_fmt(v)}" for k, v in fields.items())


def acceptance_html(state: GameState, acceptance: Any) -> str:
    """The addressee's acceptance breakdown: each term for or against, the total and threshold."""
    fields = _fields(acceptance)
    who = fields.get("addressee") or fields.get("actor")
    title = "Would they accept?" + (f" ({esc(name_of(state, who))} decides)" if who else "")
    out = [f"<b>{title}</b>"]
    terms = fields.get("terms") or fields.get("breakdown") or ()
    for label, weight in terms:
        colour = "#56b4e9" if weight >= 0 else "#e69f00"
        out.append(f"• {esc(label)}: <font color='{colour}'><b>{weight:+.2f}</b></font>")
    total, threshold = fields.get("total"), fields.get("threshold")
    if isinstance(total, int | float) and isinstance(threshold, int | float):
        verdict = "accept" if total >= threshold else "refuse"
        colour = "#56b4e9" if total >= threshold else "#e69f00"
        out.append(
            f"Total {total:+.2f} against threshold {threshold:+.2f}: "
            f"<font color='{colour}'><b>likely to {verdict}</b></font>"
        )
    probability = fields.get("probability")
    if isinstance(probability, int | float):
        out.append(f"Likely: <b>{probability:.0%}</b>")
    if fields.get("accept") is not None and total is None:
        out.append("Expected answer: <b>" + ("yes" if fields["accept"] else "no") + "</b>")
    return "<br>".join(out)


def _score_name(state: GameState, key: str) -> str:
    if key.startswith("influence."):
        return f"influence of {name_of(state, key.split('.', 1)[1])}"
    if key.startswith("agenda."):
        return f"agenda of {name_of(state, key.split('.', 1)[1])}"
    return key


def stability_tip(scores: Any) -> str:
    """Tooltip text: the stability index and the terms it blends."""
    lines = [f"Regional stability {scores.stability:.1f} / 100 = sum of:"]
    for key, term in scores.stability_terms.items():
        lines.append(
            f"  {STABILITY_TERMS.get(key, key)}: value {term.value:.2f} × weight "
            f"{term.weight:.2f} to {term.contribution:.1f}"
        )
    return "\n".join(lines)


def influence_tip(state: GameState, scores: Any, actor: str) -> str:
    """Tooltip text: one actor's influence share and its terms."""
    share = scores.influence.get(actor, 0.0)
    lines = [f"{name_of(state, actor)}: influence {share:.1f}% of the region"]
    for key, value in scores.influence_terms.get(actor, {}).items():
        lines.append(f"  {key}: {value:.1%} of the total")
    lines.append(
        "Influence blends network centrality (who backs, trades with and brokers "
        "for whom), capability and brokerage between blocs."
    )
    return "\n".join(lines)


def agenda_tip(state: GameState, scores: Any, actor: str) -> str:
    """Tooltip text: an agenda score and each objective's contribution."""
    lines = [f"{name_of(state, actor)}'s agenda: {scores.agendas.get(actor, 0.0):.1f} / 100"]
    for label, term in scores.agenda_terms.get(actor, {}).items():
        lines.append(
            f"  {label}: met {term.value:.0%} × weight {term.weight:.2f} to {term.contribution:.1f}"
        )
    lines.append("The highest agenda score at the turn limit wins.")
    return "\n".join(lines)


def event_html(state: GameState, event: Event) -> str:
    """One news-feed line: date, kind, headline."""
    colour = {
        "scripted": "#f0e442",
        "chance": "#cc79a7",
        "accepted": "#56b4e9",
        "refused": "#e69f00",
        "invalid": "#d55e00",
        "proposal": "#009e73",
    }.get(event.kind, "#a0a8b6")
    return (
        f"<font color='#a0a8b6'>{month(event.date)}</font> "
        f"<font color='{colour}'>[{esc(event.kind)}]</font> {esc(event.text)}"
    )


def ledger_lines(
    state: GameState, entries: Iterable[LedgerEntry], score: str, limit: int = 8
) -> list[str]:
    """The biggest recorded changes of one score, as report lines."""
    chosen = sorted((e for e in entries if e.score == score), key=lambda e: -abs(e.delta))
    out = []
    for entry in chosen[:limit]:
        colour = "#56b4e9" if entry.delta >= 0 else "#e69f00"
        why = cause_text(state, entry.detail or entry.cause)
        out.append(f"<font color='{colour}'><b>{entry.delta:+.2f}</b></font> {esc(why)}")
    return out


def cause_text(state: GameState, cause: str, limit: int = 3) -> str:
    """A ledger cause in words: order texts become "Iran: Withdraw forces: South-west".

    A cause may list several orders separated by "; "; the first `limit` are spelled out.
    """
    parts = [p.strip() for p in cause.split(";") if p.strip()]
    words = []
    for part in parts:
        try:
            order = Order.parse(part)
        except ValueError:
            words.append(part)
            continue
        if order.actor not in state.actors:
            words.append(part)
        else:
            words.append(f"{name_of(state, order.actor)}: {order_label(state, order)}")
    if len(words) > limit:
        words = [*words[:limit], f"and {len(words) - limit} more"]
    return "; ".join(words) if words else cause


def dossier_html(state: GameState, scores: Any, actor: str) -> str:
    """Everything a player wants to know about one actor."""
    sc = state.scenario
    spec = sc.actor(actor)
    i = state.index(actor)
    mil, eco, dip = (float(v) for v in state.capabilities[i])
    out = [
        f"<b>{esc(spec.name)}</b> ({esc(actor)}) · {esc(str(spec.kind).replace('_', ' '))}",
        f"Capabilities: military <b>{mil:.0f}</b>, economy <b>{eco:.0f}</b>, "
        f"diplomacy <b>{dip:.0f}</b> (0–100)",
        f"Political capital: <b>{float(state.capital[i]):.1f}</b> "
        f"(+{spec.capital_per_turn:g} a turn before modifiers)",
        f"Influence: <b>{scores.influence.get(actor, 0.0):.1f}%</b>"
        + (" · <font color='#f0e442'>swing actor</font>" if actor in scores.swing else ""),
    ]
    if actor in scores.agendas:
        out.append(f"Agenda score: <b>{scores.agendas[actor]:.1f}</b> / 100")
    friends, foes = [], []
    for j, other in enumerate(state.actors):
        if j == i:
            continue
        a = float(state.alignment[i, j])
        if a >= 0.2:
            friends.append((a, other))
        elif a <= -0.2:
            foes.append((a, other))
    if friends:
        out.append(
            "<br><b>Friends</b>: "
            + ", ".join(
                f"{esc(name_of(state, o))} ({a:+.2f})" for a, o in sorted(friends, reverse=True)
            )
        )
    if foes:
        out.append(
            "<b>Rivals</b>: "
            + ", ".join(f"{esc(name_of(state, o))} ({a:+.2f})" for a, o in sorted(foes))
        )
    for label, column in (
        ("Supports", state.support[i, :]),
        ("Sanctions on", state.sanctions[i, :]),
        ("Sanctioned by", state.sanctions[:, i]),
    ):
        ties = [(float(v), o) for v, o in zip(column, state.actors, strict=True) if v > 0.05]
        if ties:
            out.append(
                f"<b>{label}</b>: "
                + ", ".join(
                    f"{esc(name_of(state, o))} ({v:.2f})" for v, o in sorted(ties, reverse=True)
                )
            )
    agreements = []
    for k, agreement_id in enumerate(state.agreement_ids):
        stance = int(state.membership[k, i])
        if stance:
            label = {1: "complying", 2: "decertified", 3: "withdrawn"}.get(stance, "party")
            status = str(state.agreement_status[k])
            agreements.append(f"{esc(name_of(state, agreement_id))} ({label}; {status})")
    if agreements:
        out.append("<b>Agreements</b>: " + "; ".join(agreements))
    agenda = sc.agendas.get(actor)
    if agenda is not None:
        out.append(
            "<br><b>Agenda</b>" + (f": {esc(agenda.description)}" if agenda.description else "")
        )
        terms = scores.agenda_terms.get(actor, {})
        for label, term in terms.items():
            out.append(f"• {esc(label)}: met {term.value:.0%} (weight {term.weight:.2f})")
    if spec.source and spec.source != "author":
        out.append(f"<br><i>Source: “{esc(spec.source)}”</i>")
    return "<br>".join(out)


def is_answer(order: Order) -> bool:
    """Whether an order answers a proposal."""
    return order.action in (ActionKind.ACCEPT, ActionKind.REFUSE)
