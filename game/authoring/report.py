"""The review report of a draft, in Markdown: what was drafted, on what evidence, what to check.

Sections: a summary with warnings; relations, least confident first, each with its rule and the
sentence it came from; agreements and stances; negated statements; possible misses (sentences
naming two or more actors where nothing fired, and pairs named together where events fired but
no relation joins them); unknown names (capitalised names the dictionaries
do not know, with a proposed `[[actors]]` entry); skipped lines; and the checker's findings.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.authoring.draft import Draft


def _quote(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|")


def render_report(
    draft: Draft,
    scenario_path: str | None = None,
    diagnostics: Sequence[str] = (),
) -> str:
    """The Markdown review report of a draft.

    Args:
        draft: the draft.
        scenario_path: where the draft was written, for the commands the report suggests.
        diagnostics: the checker's messages on the written file, one string each.
    """
    scenario = draft.scenario
    meta = scenario.meta
    out: list[str] = []
    add = out.append
    add(f"# Draft review: {meta.title}")
    add("")
    add(f"- Article: `{meta.article or '(not given)'}`")
    if scenario_path:
        add(f"- Scenario: `{scenario_path}`")
    add(f"- Start date: {meta.start.isoformat()}")
    rate = draft.sentences_per_second
    rate_text = "n/a" if rate == float("inf") else f"{rate:,.0f}"
    add(
        f"- Coded {draft.sentences} sentences in {draft.seconds * 1000:.1f} ms "
        f"({rate_text} sentences/s)"
    )
    add(
        f"- Drafted {len(scenario.actors)} actors, {len(scenario.relations)} relations, "
        f"{len(scenario.agreements)} agreements; playable: "
        f"{', '.join(scenario.playable_ids) or 'none'}"
    )
    add('- Every drafted fact has `review = "pending"`: accept, reject or correct each with')
    add(f"  `python main.py review {scenario_path or 'SCENARIO.toml'}`.")
    if draft.warnings:
        add("")
        add("## Warnings")
        add("")
        for warning in draft.warnings:
            add(f"- {warning}")

    add("")
    add("## Relations, least confident first")
    add("")
    if not scenario.relations:
        add("No relation was coded.")
    order = sorted(
        range(len(scenario.relations)),
        key=lambda n: (scenario.relations[n].confidence or 0.0, n),
    )
    for rank, n in enumerate(order, start=1):
        rel = scenario.relations[n]
        events = draft.relations_events[n]
        arrow = (
            "↔"
            if rel.kind.value in ("alliance", "cooperation", "deal", "rivalry", "hostility")
            else "→"
        )
        extra = []
        if rel.scope:
            extra.append(f"scope {rel.scope.value}")
        if rel.entities:
            extra.append(f"{rel.entities} entities")
        if rel.sector:
            extra.append(f"sector {rel.sector.value}")
        if rel.value:
            extra.append(f"${rel.value:g} bn")
        if rel.agreement:
            extra.append(f"agreement {rel.agreement}")
        add(
            f"{rank}. **{rel.actor} {arrow} {rel.target}**: {rel.kind.value}, {rel.status.value}, "
            f"confidence {rel.confidence:.2f}" + (f" ({', '.join(extra)})" if extra else "")
        )
        add(f"   - {rel.note}")
        add(f"   - > {_quote(rel.source or '')}")
        for other in events[1:3]:
            add(f"   - also (rule `{other.rule}`): > {_quote(other.source, 200)}")

    add("")
    add("## Agreements")
    add("")
    if not scenario.agreements:
        add("None named.")
    for agreement in scenario.agreements:
        stances = ", ".join(f"{k} {v.value}" for k, v in agreement.stances.items())
        add(
            f"- **{agreement.id}** ({agreement.kind.value}, {agreement.status.value}): "
            f"{agreement.name}; parties {', '.join(agreement.parties) or 'none found'}"
            + (f"; host {agreement.host}" if agreement.host else "")
            + (f"; date {agreement.date.isoformat()}" if agreement.date else "")
            + (f"; stances: {stances}" if stances else "")
        )
        add(f"  - > {_quote(agreement.source or '')}")

    add("")
    add("## Actors")
    add("")
    for actor in scenario.actors:
        parent = f", part of {actor.parent}" if actor.parent else ""
        seat = ", playable" if actor.playable else ""
        caps = actor.capabilities
        add(
            f"- **{actor.id}** {actor.name} ({actor.kind.value}{parent}{seat}); default "
            f"capabilities military {caps.military:g}, economy {caps.economy:g}, "
            f"diplomacy {caps.diplomacy:g}"
        )

    if draft.negated:
        add("")
        add("## Negated statements (not drafted)")
        add("")
        for event in draft.negated:
            ends = ", ".join(event.actors) + (
                " → " + ", ".join(event.targets) if event.targets else ""
            )
            add(f"- {event.kind} {ends} (rule `{event.rule}`): > {_quote(event.source, 250)}")

    if draft.held_back:
        add("")
        add("## Possible relations (below the confidence floor, not drafted)")
        add("")
        for relation, events in draft.held_back:
            add(
                f"- {relation.kind.value} {relation.actor} → {relation.target} "
                f"(confidence {relation.confidence:.2f}, rule `{events[0].rule}`): "
                f"> {_quote(events[0].source, 250)}"
            )

    add("")
    add("## Possible misses")
    add("")
    add("Sentences naming two or more actors where no pattern fired. If one states a relation,")
    add("add it during review (`add`) and consider a new pattern in")
    add("`game/authoring/dictionaries/patterns/` (one file per relation kind).")
    add("")
    if not draft.misses:
        add("None.")
    for miss in draft.misses:
        add(f"- ({', '.join(miss.actors)}) > {_quote(miss.sentence.text, 300)}")
    if draft.unrelated:
        add("")
        add("Pairs of actors named together in a sentence where events fired, but no relation")
        add("of the draft joins the pair:")
        add("")
    for pair_miss in draft.unrelated:
        pairs = "; ".join(f"{a}–{b}" for a, b in pair_miss.pairs)
        add(f"- ({pairs}) > {_quote(pair_miss.sentence.text, 300)}")

    add("")
    add("## Unknown names")
    add("")
    add("Capitalised names the dictionaries do not know. If one is an actor, add it to")
    add("`game/authoring/dictionaries/actors.toml` (an example entry follows the list).")
    add("")
    if not draft.unknown:
        add("None.")
    for unknown in draft.unknown[:40]:
        add(f"- **{unknown.name}** ×{unknown.count}: > {_quote(unknown.example, 200)}")
    if draft.unknown:
        first = draft.unknown[0]
        add("")
        add("```toml")
        add("[[actors]]")
        add(f'id = "{first.proposed_id}"')
        add(f'name = "{first.name}"')
        add('kind = "organisation"  # state | armed_group | organisation | firm')
        add(f'aliases = ["{first.name}"]')
        add("```")

    if draft.skipped_lines:
        add("")
        add("## Lines not coded")
        add("")
        for kind, text in draft.skipped_lines:
            add(f"- {kind}: {_quote(text, 160)}")

    add("")
    add("## Checker")
    add("")
    if diagnostics:
        for message in diagnostics:
            add(f"- {message}")
    else:
        add("The checker (with pending reviews allowed) found nothing to report.")
    add("")
    return "\n".join(out)
