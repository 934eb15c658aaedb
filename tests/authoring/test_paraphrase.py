"""The paraphrase matrix: one fact stated in the syntactic frames wire copy uses.

For each of the five scored kinds (alliance, support, deal, sanction, hostility) a few core
predicates and two actor pairs (states, an armed group or a firm) are rendered in frames
journalists write: plain past, present perfect, inserted time adverbials, a title and name as
subject, reported speech, appositions, relative clauses, the passive with "by", nominalisations,
participle clauses, a dateline, coordinated subjects, plus a negated control (must not code) and
hedged frames (planned, threatened). Each case asserts the drafted relation, so a failing frame
shows a structural gap rather than a missing word. Sentences are written for these tests; none
comes from an article.

Cases the coder cannot yet read are marked `xfail(strict=True)` with the reason, so the suite
stays green, the gap stays visible, and a fix that closes one makes its mark fail.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from game.authoring import draft as draft_module
from game.authoring.dictionary import default_dictionaries
from game.authoring.draft import SYMMETRIC_KINDS, draft_text, relation_key

# ---------------------------------------------------------------------------------------------
# The material: actors and predicates


@dataclass(frozen=True)
class Party:
    """An actor as the frames need to name it.

    Attributes:
        id: the dictionary id the coder must resolve it to.
        name: the name as a clause subject or object ("the United States").
        possessive: the name with "'s", for nominalisations and attributions.
        appositive: a noun phrase set off after the name (", Syria's main backer,").
        relative: a relative clause on the name (", which ...").
        title: a title and personal name that stand for the actor as a subject.
        spokesman: who speaks for it in a trailing attribution ("Iran's foreign ministry").
        capital: the metonym a reporter uses for it in running text ("Tehran").
    """

    id: str
    name: str
    possessive: str
    appositive: str
    relative: str
    title: str
    spokesman: str
    capital: str


@dataclass(frozen=True)
class Predicate:
    """One core predicate in the forms the frames need; `{O}` is the object's slot.

    Attributes:
        past: simple past ("imposed sanctions on {O}").
        participle: past participle phrase, for "has"/"had" ("imposed sanctions on {O}").
        base: bare infinitive ("impose sanctions on {O}").
        gerund: -ing form ("imposing sanctions on {O}").
        passive: a passive clause with "by" ("{O} was sanctioned by {S}").
        nominal: a sentence whose relation is a noun phrase ("{Sp} sanctions on {O} ...").
    """

    slug: str
    past: str
    participle: str
    base: str
    gerund: str
    passive: str
    nominal: str


def _party(
    pid: str, name: str, appositive: str, relative: str, title: str, spokesman: str, capital: str
) -> Party:
    possessive = name + ("'" if name.endswith("s") else "'s")
    return Party(pid, name, possessive, appositive, relative, title, spokesman, capital)


USA = _party(
    "USA",
    "the United States",
    "Iran's fiercest critic",
    "which leads the coalition",
    "U.S. Secretary of State Mike Pompeo",
    "a State Department spokeswoman",
    "Washington",
)
IRN = _party(
    "IRN",
    "Iran",
    "Syria's main regional backer",
    "which denies seeking nuclear arms",
    "Iranian Foreign Minister Mohammad Javad Zarif",
    "Iran's foreign ministry",
    "Tehran",
)
RUS = _party(
    "RUS",
    "Russia",
    "the world's largest gas exporter",
    "which keeps a naval base in Syria",
    "Russian President Vladimir Putin",
    "the Kremlin",
    "Moscow",
)
TUR = _party(
    "TUR",
    "Turkey",
    "a NATO member",
    "which hosts millions of refugees",
    "Turkish President Tayyip Erdogan",
    "Turkey's foreign ministry",
    "Ankara",
)
SAU = _party(
    "SAU",
    "Saudi Arabia",
    "the world's top oil exporter",
    "which leads a coalition in Yemen",
    "Saudi Foreign Minister Adel al-Jubeir",
    "the Saudi foreign ministry",
    "Riyadh",
)
ARE = _party(
    "ARE",
    "the United Arab Emirates",
    "a close Gulf partner",
    "which hosts a French naval base",
    "Emirati Foreign Minister Abdullah bin Zayed",
    "the UAE foreign ministry",
    "Abu Dhabi",
)
SYR = _party(
    "SYR",
    "Syria",
    "a country torn by civil war",
    "which has been at war since 2011",
    "Syrian President Bashar al-Assad",
    "Syria's foreign ministry",
    "Damascus",
)
ISR = _party(
    "ISR",
    "Israel",
    "Washington's closest ally in the region",
    "which sees Tehran as its main threat",
    "Israeli Prime Minister Benjamin Netanyahu",
    "the Israeli military",
    "Israel",
)
HEZBOLLAH = _party(
    "HEZBOLLAH",
    "Hezbollah",
    "the Lebanese Shi'ite group",
    "which fields thousands of fighters",
    "Hezbollah leader Hassan Nasrallah",
    "a Hezbollah spokesman",
    "Hezbollah",
)
HOUTHIS = _party(
    "HOUTHIS",
    "the Houthis",
    "the group that holds Sanaa",
    "which control the capital",
    "Houthi leader Abdul-Malik al-Houthi",
    "a Houthi spokesman",
    "the Houthis",
)
SDF = _party(
    "SDF",
    "the Syrian Democratic Forces",
    "a Kurdish-led militia",
    "which hold much of the northeast",
    "SDF commander Mazloum Kobani",
    "an SDF spokesman",
    "the SDF",
)
ROSNEFT = _party(
    "ROSNEFT",
    "Rosneft",
    "the Russian state oil major",
    "which pumps a third of Russia's oil",
    "Rosneft chief executive Igor Sechin",
    "Rosneft's press service",
    "Rosneft",
)
HUAWEI = _party(
    "HUAWEI",
    "Huawei",
    "the Chinese telecoms giant",
    "which builds mobile networks across Europe",
    "Huawei founder Ren Zhengfei",
    "a Huawei spokesman",
    "Huawei",
)
IRQ = _party(
    "IRQ",
    "Iraq",
    "OPEC's second-largest producer",
    "which borders Iran",
    "Iraqi Prime Minister Adel Abdul Mahdi",
    "Iraq's oil ministry",
    "Baghdad",
)
QAT = _party(
    "QAT",
    "Qatar",
    "a small gas-rich emirate",
    "which hosts a U.S. air base",
    "Qatari Emir Sheikh Tamim bin Hamad al-Thani",
    "Qatar's foreign ministry",
    "Doha",
)
JOR = _party(
    "JOR",
    "Jordan",
    "a close U.S. ally",
    "which borders Syria",
    "Jordan's King Abdullah",
    "a Jordanian government spokesman",
    "Amman",
)
GBR = _party(
    "GBR",
    "Britain",
    "a permanent member of the Security Council",
    "which left the bloc",
    "British Foreign Secretary Jeremy Hunt",
    "the Foreign Office",
    "London",
)


@dataclass(frozen=True)
class Kind:
    """A scored kind: its predicates and its actor pairs, each with a coordinated co-subject."""

    kind: str
    predicates: tuple[Predicate, ...]
    pairs: tuple[tuple[Party, Party, Party], ...]


KINDS = (
    Kind(
        "alliance",
        (
            Predicate(
                "formed-alliance",
                "formed a military alliance with {O}",
                "formed a military alliance with {O}",
                "form a military alliance with {O}",
                "forming a military alliance with {O}",
                "a military alliance was formed with {O} by {S}",
                "{Sp} military alliance with {O} took shape over the summer",
            ),
            Predicate(
                "defence-pact",
                "signed a mutual defence pact with {O}",
                "signed a mutual defence pact with {O}",
                "sign a mutual defence pact with {O}",
                "signing a mutual defence pact with {O}",
                "a mutual defence pact with {O} was signed by {S}",
                "{Sp} mutual defence pact with {O} came into force last year",
            ),
        ),
        ((SAU, ARE, GBR), (USA, SDF, GBR)),
    ),
    Kind(
        "support",
        (
            Predicate(
                "backed",
                "backed {O}",
                "backed {O}",
                "back {O}",
                "backing {O}",
                "{O} was backed by {S}",
                "{Sp} backing of {O} has drawn criticism abroad",
            ),
            # "armed", not "supplied weapons to": arms supplied to a state read as a sale (a
            # deal) by design (constructions.arms_transfer_kind), which this matrix does not
            # second-guess.
            Predicate(
                "armed",
                "armed {O}",
                "armed {O}",
                "arm {O}",
                "arming {O}",
                "{O} was armed by {S}",
                "{Sp} arming of {O} has drawn protests",
            ),
            Predicate(
                "aid",
                "provided military aid to {O}",
                "provided military aid to {O}",
                "provide military aid to {O}",
                "providing military aid to {O}",
                "military aid was provided to {O} by {S}",
                "{Sp} military aid to {O} has risen sharply",
            ),
        ),
        ((IRN, HEZBOLLAH, RUS), (RUS, SYR, IRN)),
    ),
    Kind(
        "deal",
        (
            Predicate(
                "signed-deal",
                "signed a $2 billion deal with {O}",
                "signed a $2 billion deal with {O}",
                "sign a $2 billion deal with {O}",
                "signing a $2 billion deal with {O}",
                "a $2 billion deal with {O} was signed by {S}",
                "{Sp} $2 billion deal with {O} will run for ten years",
            ),
            Predicate(
                "supply-contract",
                "signed a gas supply contract with {O}",
                "signed a gas supply contract with {O}",
                "sign a gas supply contract with {O}",
                "signing a gas supply contract with {O}",
                "a gas supply contract with {O} was signed by {S}",
                "{Sp} gas supply contract with {O} runs until 2030",
            ),
            Predicate(
                "sold-jets",
                "sold fighter jets to {O}",
                "sold fighter jets to {O}",
                "sell fighter jets to {O}",
                "selling fighter jets to {O}",
                "fighter jets were sold to {O} by {S}",
                "the sale of fighter jets by {S} to {O} was completed in May",
            ),
        ),
        ((RUS, TUR, IRN), (ROSNEFT, IRQ, QAT)),
    ),
    Kind(
        "sanction",
        (
            Predicate(
                "imposed-sanctions",
                "imposed sanctions on {O}",
                "imposed sanctions on {O}",
                "impose sanctions on {O}",
                "imposing sanctions on {O}",
                "sanctions were imposed on {O} by {S}",
                "{Sp} sanctions on {O} took effect at midnight",
            ),
            Predicate(
                "sanctioned",
                "sanctioned {O}",
                "sanctioned {O}",
                "sanction {O}",
                "sanctioning {O}",
                "{O} was sanctioned by {S}",
                "{Sp} sanctioning of {O} rattled markets",
            ),
            Predicate(
                "blacklisted",
                "blacklisted {O}",
                "blacklisted {O}",
                "blacklist {O}",
                "blacklisting {O}",
                "{O} was blacklisted by {S}",
                "{Sp} blacklisting of {O} rattled markets",
            ),
        ),
        ((USA, IRN, GBR), (USA, HUAWEI, GBR)),
    ),
    Kind(
        "hostility",
        (
            Predicate(
                "attacked",
                "attacked {O}",
                "attacked {O}",
                "attack {O}",
                "attacking {O}",
                "{O} was attacked by {S}",
                "{Sp} attack on {O} killed at least ten people",
            ),
            Predicate(
                "air-strikes",
                "launched air strikes on {O}",
                "launched air strikes on {O}",
                "launch air strikes on {O}",
                "launching air strikes on {O}",
                "air strikes were launched on {O} by {S}",
                "{Sp} air strikes on {O} killed at least ten people",
            ),
            Predicate(
                "shelled",
                "shelled positions held by {O}",
                "shelled positions held by {O}",
                "shell positions held by {O}",
                "shelling positions held by {O}",
                "positions held by {O} were shelled by {S}",
                "{Sp} shelling of {O} killed at least ten people",
            ),
        ),
        ((ISR, SYR, JOR), (SAU, HOUTHIS, ARE)),
    ),
)


# ---------------------------------------------------------------------------------------------
# The frames


@dataclass(frozen=True)
class Case:
    """One sentence and what the draft must hold for it.

    `status` None means the relation must be absent (a negated control)."""

    id: str
    kind: str
    actor: str
    target: str
    text: str
    status: str | None = "active"
    co_actor: str | None = None
    co_target: str | None = None


def _clause(pred_form: str, obj: str) -> str:
    return pred_form.format(O=obj)


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _frames(pred: Predicate, s: Party, o: Party, co: Party) -> dict[str, tuple[str, str | None]]:
    """Each frame's sentence for one predicate and pair, with the status it must code."""
    subject = _cap(s.name)
    past = _clause(pred.past, o.name)
    return {
        "plain": (f"{subject} {past}.", "active"),
        "perfect": (f"{subject} has {_clause(pred.participle, o.name)}.", "active"),
        "on-monday": (f"{subject} on Monday {past}.", "active"),
        "late-sunday": (f"{subject} late on Sunday {past}, officials said.", "active"),
        "title-subject": (f"{s.title} {past}.", "active"),
        "title-said": (
            f"{s.title} said on Tuesday that {s.capital} had "
            f"{_clause(pred.participle, o.capital)}.",
            "active",
        ),
        "said-it-had": (f"{subject} said it had {_clause(pred.participle, o.name)}.", "active"),
        "tail-attribution": (f"{subject} {past}, {s.spokesman} said.", "active"),
        "appos-subject": (f"{subject}, {s.appositive}, {past}.", "active"),
        "appos-object": (
            f"{subject} {_clause(pred.past, f'{o.name}, {o.appositive},')} on Friday.",
            "active",
        ),
        "relative-object": (
            f"{subject} {_clause(pred.past, f'{o.name}, {o.relative}')}.",
            "active",
        ),
        "passive-by": (_cap(pred.passive.format(O=o.name, S=s.name)) + ".", "active"),
        "nominal": (
            _cap(pred.nominal.format(O=o.name, S=s.name, Sp=s.possessive)) + ".",
            "active",
        ),
        "participle": (
            f"{subject} stepped up its campaign on Monday, {_clause(pred.gerund, o.name)}.",
            "active",
        ),
        "accusing": (
            f"{subject} {past} on Monday, accusing {o.capital} of destabilising the region.",
            "active",
        ),
        "according-to": (f"{subject} {past}, according to a government statement.", "active"),
        "relative-subject": (
            f"{subject}, which {past} last year, said on Monday it would go further.",
            "active",
        ),
        "after-gerund": (
            f"After {_clause(pred.gerund, o.name)}, {s.name} said more steps would follow.",
            "active",
        ),
        "since-clause": (f"Tensions have risen since {s.name} {past}.", "active"),
        "quote-we": (
            f'"We have {_clause(pred.participle, o.name)}," {s.title} told reporters.',
            "active",
        ),
        "including-list": (
            f"{subject} {_clause(pred.past, f'several parties, including {o.name}')}.",
            "active",
        ),
        "dash-apposition": (f"{subject} — {s.appositive} — {past}.", "active"),
        "parenthetical-said": (f"{subject}, officials said, {past}.", "active"),
        "spokesman-for": (
            f"A spokesman for {s.name} said it had {_clause(pred.participle, o.name)}.",
            "active",
        ),
        "as-well-as": (f"{subject}, as well as {co.name}, {past}.", "active"),
        "dateline": (f"ANKARA, March 3, 2018 (Reuters) - {subject} {past}.", "active"),
        "coordinated-subjects": (f"{subject} and {co.name} {past}.", "active"),
        "coordinated-objects": (
            f"{subject} {_clause(pred.past, f'{o.name} and {co.name}')}.",
            "active",
        ),
        "fronted-phrase": (
            f"In a move likely to anger its rivals, {s.name} on Thursday {past}.",
            "active",
        ),
        "negated": (f"{subject} did not {_clause(pred.base, o.name)}.", None),
        "planned": (f"{subject} plans to {_clause(pred.base, o.name)}.", "planned"),
        "said-would": (
            f"{s.title} said {s.capital} would {_clause(pred.base, o.capital)}.",
            "planned",
        ),
        "threatened": (
            f"{subject} threatened to {_clause(pred.base, o.name)}.",
            "threatened",
        ),
    }


FRAMES = tuple(_frames(KINDS[0].predicates[0], USA, IRN, GBR))


PREDICATES_PER_FRAME = 2


def _cases() -> list[Case]:
    """Every frame for every kind, with two of its predicates (rotating, so every predicate
    meets most frames) and the actor pair alternating, so both pairs meet every frame without
    squaring the matrix."""
    cases = []
    for frame_no, frame in enumerate(FRAMES):
        for kind in KINDS:
            count = len(kind.predicates)
            for pred_no in range(min(PREDICATES_PER_FRAME, count)):
                pred = kind.predicates[(frame_no + pred_no) % count]
                s, o, co = kind.pairs[(frame_no + pred_no) % len(kind.pairs)]
                text, status = _frames(pred, s, o, co)[frame]
                co_actor = co.id if frame in ("coordinated-subjects", "as-well-as") else None
                co_target = co.id if frame == "coordinated-objects" else None
                cases.append(
                    Case(
                        id=f"{frame}/{kind.kind}/{pred.slug}/{s.id}-{o.id}",
                        kind=kind.kind,
                        actor=s.id,
                        target=o.id,
                        text=text,
                        status=status,
                        co_actor=co_actor,
                        co_target=co_target,
                    )
                )
    return cases


CASES = _cases()


# ---------------------------------------------------------------------------------------------
# Known gaps: each a structural limit, with why (a fix that closes one makes its mark fail)

XFAIL: dict[str, str] = {
    "nominal/deal/signed-deal/RUS-TUR": (
        "a money amount between possessor and noun ('Russia's $2 billion deal with') hides the "
        "possessor from the noun's source (sources/coder)"
    ),
    "threatened/hostility/attacked/SAU-HOUTHIS": (
        "'threatened to attack' also fires the threat family as an active hostility, which "
        "outranks the threatened attack in the drafted relation (families/draft)"
    ),
}


def _param(case: Case):
    reason = XFAIL.get(case.id)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(autouse=True, scope="module")
def _one_coder():
    """`draft_text` builds a coder per article (about 50 ms of lexicon building); the matrix
    drafts hundreds of one-sentence articles, so they share one coder."""
    shared = draft_module.Coder(default_dictionaries())
    patcher = pytest.MonkeyPatch()
    patcher.setattr(draft_module, "Coder", lambda dicts=None: shared)
    yield
    patcher.undo()


def drafted(text: str) -> dict[tuple[str, str, str], str]:
    """The relations drafted from one sentence under a headline, keyed as the draft keys them,
    with their status."""
    draft = draft_text("Headline\n" + text + "\n")
    return {
        relation_key(str(r.kind), r.actor, r.target): str(r.status)
        for r in draft.scenario.relations
    }


def _check(case: Case) -> None:
    relations = drafted(case.text)
    key = relation_key(case.kind, case.actor, case.target)
    if case.status is None:
        assert key not in relations, f"negated sentence coded {key}: {case.text}"
        return
    assert key in relations, f"missed {key} in: {case.text} (drafted {sorted(relations)})"
    assert relations[key] == case.status, f"{key} has status {relations[key]}: {case.text}"
    if case.kind not in SYMMETRIC_KINDS:
        reverse = (case.kind, case.target, case.actor)
        assert reverse not in relations, f"reversed {reverse} in: {case.text}"
    if case.co_actor:
        co_key = relation_key(case.kind, case.co_actor, case.target)
        assert co_key in relations, f"missed co-subject {co_key} in: {case.text}"
    if case.co_target:
        co_key = relation_key(case.kind, case.actor, case.co_target)
        assert co_key in relations, f"missed co-object {co_key} in: {case.text}"


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_paraphrase_states_the_fact_in_every_frame(case: Case):
    """A fact states the same relation (or, negated, none) in every frame wire copy uses."""
    _check(case)


def test_matrix_covers_every_kind_and_frame():
    """The generator renders every frame for every kind, both pairs of each kind, at least one
    negated control per kind."""
    seen = {(c.id.split("/")[0], c.kind) for c in CASES}
    assert seen == set(itertools.product(FRAMES, [k.kind for k in KINDS]))
    for kind in KINDS:
        subjects = {c.actor for c in CASES if c.kind == kind.kind}
        assert subjects >= {pair[0].id for pair in kind.pairs}
    assert 200 <= len(CASES) <= 400
