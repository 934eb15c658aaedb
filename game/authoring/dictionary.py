"""The coder's dictionaries: actors, people, roles, agreements, event patterns and modifiers.

The dictionaries are TOML data under `game/authoring/dictionaries/` (each file documents its own
format at the top); this module loads them into frozen records, checks them (unknown actor ids,
unknown relation kinds, empty trigger lists) and builds the gazetteer the coder matches names with.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from pathlib import Path

from attrs import field, frozen

from game.authoring.text import words_of
from game.scenario.model import (
    ActorKind,
    AgreementKind,
    AgreementStatus,
    DealSector,
    RelationKind,
    SanctionScope,
    Status,
)

DICTIONARY_DIR = Path(__file__).with_name("dictionaries")

STANCE = "stance"
"""The pseudo relation kind of patterns that set a party's stance towards an agreement."""


class DictionaryError(ValueError):
    """A dictionary file is malformed; the message names the file and the entry."""


@frozen
class ActorEntry:
    """One actor the coder knows (see `dictionaries/actors.toml`)."""

    id: str
    name: str
    kind: ActorKind
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    capabilities: Mapping[str, float] = field(factory=dict)
    lat: float | None = None
    lon: float | None = None


@frozen
class PersonEntry:
    """A person and the actor they speak for, e.g. Putin -> RUS."""

    name: str
    actor: str
    role: str
    aliases: tuple[str, ...] = ()


@frozen
class RoleEntry:
    """A role noun or title (see `dictionaries/roles.toml`)."""

    kind: str
    default: str | None
    words: tuple[str, ...]
    by_actor: Mapping[str, str] = field(factory=dict)
    regional: bool = False
    """The default holds only in an article naming it (see `mentions.unfounded_role_defaults`)."""

    def resolve(self, before: str | None) -> str | None:
        """The actor meant by this role after `before` (the actor named before it, or None)."""
        if before is None:
            return self.default
        if before in self.by_actor:
            return self.by_actor[before]
        if self.kind == "group":
            return self.default
        return before


@frozen
class AgreementEntry:
    """A named agreement, process or meeting (see `dictionaries/agreements.toml`)."""

    id: str
    name: str
    kind: AgreementKind
    status: AgreementStatus
    parties: tuple[str, ...] = ()
    host: str | None = None
    aliases: tuple[str, ...] = ()


@frozen
class PatternTest:
    """A sentence a pattern must code as `expect` (empty: must not fire).

    Each expectation is `"ACTOR kind TARGET"` or `"ACTOR kind TARGET status"`.
    """

    text: str
    expect: tuple[str, ...] = ()


@frozen
class Pattern:
    """An event pattern (see `dictionaries/patterns/README.md`)."""

    id: str
    triggers: tuple[str, ...]
    pos: str
    kind: str
    code: str
    goldstein: float
    symmetric: bool
    status: Status = Status.ACTIVE
    confidence: float = 0.75
    object: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    window: int = 3
    layout: str = "default"
    inverse: bool = False
    all_pairs: bool = False
    needs_target: bool = False
    sector: DealSector | None = None
    scope: SanctionScope | None = None
    stance: str | None = None
    note: str = ""
    anaphora: str = ""
    first: bool = False
    tests: tuple[PatternTest, ...] = ()


@frozen
class Family:
    """A verb family (see `dictionaries/families/`): what the fallback reads.

    The family's verbs and nouns, with its kind, CAMEO code and Goldstein weight, are the
    polarity lexicon of the fallback: a sentence naming two actors around one of these words,
    which no full pattern coded, still yields a low-confidence relation.
    """

    id: str
    kind: str
    code: str
    goldstein: float
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]
    fallback: bool = True


@frozen
class Modifier:
    """A word list that negates, re-times or hedges a nearby trigger."""

    id: str
    effect: str
    words: tuple[str, ...]
    before: int = 3
    after: int = 0
    status: Status | None = None
    delta: float = 0.0


@frozen
class GazetteerEntry:
    """One phrase the coder looks for.

    Attributes:
        words: the phrase's matching form.
        kind: name, capital, demonym, plural_demonym, person, role or agreement.
        ref: actor id, role index, or agreement id.
        cased: the text must start with a capital letter (proper names).
        exact: the text must match letter for letter (acronyms such as US, IS).
    """

    words: tuple[str, ...]
    kind: str
    ref: str
    cased: bool
    exact: tuple[str, ...] | None


@frozen
class Context:
    """An ambiguous demonym read from the whole article: the demonyms of `demonym_actor` name
    `becomes` when the article names the `when` actors more often than the `against` ones."""

    demonym_actor: str
    becomes: str
    when: tuple[str, ...]
    against: tuple[str, ...]


@frozen
class Dictionaries:
    """Everything the coder reads, loaded and checked."""

    actors: Mapping[str, ActorEntry]
    people: tuple[PersonEntry, ...]
    roles: tuple[RoleEntry, ...]
    agreements: Mapping[str, AgreementEntry]
    patterns: tuple[Pattern, ...]
    modifiers: tuple[Modifier, ...]
    words: Mapping[str, frozenset[str]]
    gazetteer: Mapping[str, tuple[GazetteerEntry, ...]]
    known_words: frozenset[str]
    contexts: tuple[Context, ...] = ()
    descriptions: Mapping[tuple[str, ...], tuple[str, ...]] = field(factory=dict)
    families: tuple[Family, ...] = ()

    def actor_of_person(self, index: int) -> str:
        """The actor a person (by index) speaks for."""
        return self.people[index].actor


def _strs(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


_KIND_ORDER = {
    "patterns": ("sanction", "support", "alliance", "cooperation", "deal", "hostility"),
    "families": ("support", "alliance", "cooperation", "deal", "sanction", "hostility"),
}
"""The order the per-kind files are read in (other files follow in name order). Patterns whose
triggers start at the same word are tried in this order (after those marked `first`), and the
first that fires takes the word: a family reads "expelled the envoys from" as an exclusion
before an attack."""


def _kind_files(directory: Path, stem: str) -> list[str]:
    """The files holding `stem` ("patterns", "families"), relative to `directory`: `STEM.toml`
    if there is one, then every `STEM/*.toml` (one per relation kind) in `_KIND_ORDER`."""
    names = [f"{stem}.toml"] if (directory / f"{stem}.toml").exists() else []
    folder = directory / stem
    if folder.is_dir():
        rank = {kind: n for n, kind in enumerate(_KIND_ORDER[stem])}
        paths = sorted(folder.glob("*.toml"), key=lambda p: (rank.get(p.stem, len(rank)), p.name))
        names += [f"{stem}/{path.name}" for path in paths]
    return names


def _read(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DictionaryError(f"{path}: {exc}") from exc


def _enum(enum_type, value: object, where: str):
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum_type)
        raise DictionaryError(f"{where}: {value!r} is not one of: {allowed}") from None


def load_dictionaries(directory: Path | str = DICTIONARY_DIR) -> Dictionaries:
    """Load and check the dictionaries in `directory`.

    Raises:
        DictionaryError: a file is missing or malformed; the message names file and entry.
    """
    directory = Path(directory)
    actors_doc = _read(directory, "actors.toml")
    actors: dict[str, ActorEntry] = {}
    for n, raw in enumerate(actors_doc.get("actors", [])):
        where = f"actors.toml: actors[{n}]"
        try:
            entry = ActorEntry(
                id=str(raw["id"]),
                name=str(raw["name"]),
                kind=_enum(ActorKind, raw.get("kind", "state"), where + ".kind"),
                parent=raw.get("parent"),
                aliases=_strs(raw.get("aliases"), where + ".aliases"),
                demonyms=_strs(raw.get("demonyms"), where + ".demonyms"),
                capitals=_strs(raw.get("capitals"), where + ".capitals"),
                descriptions=_strs(raw.get("descriptions"), where + ".descriptions"),
                capabilities=dict(raw.get("capabilities", {})),
                lat=raw.get("lat"),
                lon=raw.get("lon"),
            )
        except KeyError as exc:
            raise DictionaryError(f"{where}: missing key {exc.args[0]!r}") from None
        if entry.id in actors:
            raise DictionaryError(f"{where}: duplicate actor id {entry.id!r}")
        actors[entry.id] = entry
    people = []
    for n, raw in enumerate(actors_doc.get("people", [])):
        where = f"actors.toml: people[{n}]"
        try:
            person = PersonEntry(
                name=str(raw["name"]),
                actor=str(raw["actor"]),
                role=str(raw.get("role", "")),
                aliases=_strs(raw.get("aliases"), where + ".aliases"),
            )
        except KeyError as exc:
            raise DictionaryError(f"{where}: missing key {exc.args[0]!r}") from None
        people.append(person)

    contexts = []
    for n, raw in enumerate(actors_doc.get("contexts", [])):
        where = f"actors.toml: contexts[{n}]"
        try:
            contexts.append(
                Context(
                    demonym_actor=str(raw["demonym_actor"]),
                    becomes=str(raw["becomes"]),
                    when=_strs(raw.get("when"), where + ".when"),
                    against=_strs(raw.get("against"), where + ".against"),
                )
            )
        except KeyError as exc:
            raise DictionaryError(f"{where}: missing key {exc.args[0]!r}") from None
        for actor_id in (contexts[-1].demonym_actor, contexts[-1].becomes):
            if actor_id not in actors:
                raise DictionaryError(f"{where}: unknown actor {actor_id!r}")

    roles_doc = _read(directory, "roles.toml")
    roles = []
    for n, raw in enumerate(roles_doc.get("roles", [])):
        where = f"roles.toml: roles[{n}]"
        kind = raw.get("kind", "state")
        if kind not in ("title", "state", "group"):
            raise DictionaryError(f"{where}.kind: {kind!r} is not one of: title, state, group")
        roles.append(
            RoleEntry(
                kind=kind,
                default=raw.get("default") or None,
                words=_strs(raw.get("words"), where + ".words"),
                by_actor=dict(raw.get("by_actor", {})),
                regional=bool(raw.get("regional", False)),
            )
        )

    agreements_doc = _read(directory, "agreements.toml")
    agreements: dict[str, AgreementEntry] = {}
    for n, raw in enumerate(agreements_doc.get("agreements", [])):
        where = f"agreements.toml: agreements[{n}]"
        try:
            agreements[raw["id"]] = AgreementEntry(
                id=raw["id"],
                name=raw["name"],
                kind=_enum(AgreementKind, raw.get("kind", "deal"), where + ".kind"),
                status=_enum(AgreementStatus, raw.get("status", "active"), where + ".status"),
                parties=_strs(raw.get("parties"), where + ".parties"),
                host=raw.get("host"),
                aliases=_strs(raw.get("aliases"), where + ".aliases"),
            )
        except KeyError as exc:
            raise DictionaryError(f"{where}: missing key {exc.args[0]!r}") from None

    patterns: list[Pattern] = []
    seen: set[str] = set()
    for name in _kind_files(directory, "patterns"):
        patterns += _load_patterns(_read(directory, name), name, seen)
    families: list[Family] = []
    family_patterns: list[Pattern] = []
    seen_families: set[str] = set()
    for name in _kind_files(directory, "families"):
        more_patterns, more_families = _load_families(_read(directory, name), name, seen_families)
        family_patterns += more_patterns
        families += more_families
    # Patterns marked `first` are tried before the others that share their first word.
    patterns = [p for p in patterns if p.first] + [p for p in patterns if not p.first]
    clash = {p.id for p in patterns} & {p.id for p in family_patterns}
    if clash:
        raise DictionaryError(f"families: pattern ids also among the patterns: {clash}")
    patterns = patterns + family_patterns
    modifiers_doc = _read(directory, "modifiers.toml")
    modifiers = []
    for n, raw in enumerate(modifiers_doc.get("modifiers", [])):
        where = f"modifiers.toml: modifiers[{n}]"
        effect = raw.get("effect")
        if effect not in ("negate", "status", "hedge"):
            raise DictionaryError(f"{where}.effect: {effect!r} is not negate, status or hedge")
        modifiers.append(
            Modifier(
                id=str(raw.get("id", f"modifier{n}")),
                effect=effect,
                words=_strs(raw.get("words"), where + ".words"),
                before=int(raw.get("before", 3)),
                after=int(raw.get("after", 0)),
                status=_enum(Status, raw["status"], where + ".status") if "status" in raw else None,
                delta=float(raw.get("delta", 0.0)),
            )
        )
    words = {
        key: frozenset(w.lower() for w in _strs(value, f"modifiers.toml: words.{key}"))
        for key, value in modifiers_doc.get("words", {}).items()
    }
    for key in (
        "speech",
        "light",
        "locative",
        "object_preps",
        "policy",
        "fillers",
        "places",
        "goods",
        "pair_heads",
        "pair_relational",
        "act_sanction",
        "act_hostility",
        "act_accusation",
        "holdings",
        "relation_nouns",
        "worsening",
        "rupture_acts",
        "rupture_objects",
    ):
        words.setdefault(key, frozenset())

    _check_references(actors, people, roles, agreements)
    gazetteer, known = _build_gazetteer(actors, people, roles, agreements)
    return Dictionaries(
        actors=actors,
        people=tuple(people),
        roles=tuple(roles),
        agreements=agreements,
        patterns=tuple(patterns),
        modifiers=tuple(modifiers),
        words=words,
        gazetteer=gazetteer,
        known_words=known,
        contexts=tuple(contexts),
        descriptions=_descriptions(actors),
        families=tuple(families),
    )


def _descriptions(actors: Mapping[str, ActorEntry]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Definite descriptions ("kingdom" in "the kingdom") -> the actors they may stand for."""
    out: dict[tuple[str, ...], list[str]] = {}
    for actor in actors.values():
        for phrase in actor.descriptions:
            words = words_of(phrase)
            if words:
                out.setdefault(words, []).append(actor.id)
    return {words: tuple(ids) for words, ids in out.items()}


_PATTERN_KINDS = {kind.value for kind in RelationKind} | {STANCE}
_ANAPHORA = ("", "act", "retaliation")
_LAYOUTS = (
    "default",
    "relational",
    "with_of",
    "hyphen",
    "under",
    "on_list",
    "firm_exit",
    "join",
    "between",
    "after",
    "goods",
    "reaction",
    "faces",
    "exposes",
    "against",
    "alongside",
    "joins",
    "pair",
    "member",
    "pits",
    "companion",
    "breach",
)


def _id_and_kind(
    raw: dict, where: str, file: str, noun: str, seen: set[str]
) -> tuple[str, str, object]:
    """A pattern's or family's id (non-empty, not in `seen`, then added to it) and its raw kind.

    Returns where later errors point (`file: ID`), the id and the kind as written.
    """
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise DictionaryError(f"{where}.id: a {noun} needs a non-empty id")
    where = f"{file}: {rid}"
    if rid in seen:
        raise DictionaryError(f"{where}: duplicate {noun} id")
    seen.add(rid)
    return where, rid, raw.get("kind")


def _load_patterns(doc: dict, file: str, seen: set[str]) -> list[Pattern]:
    """The `[[patterns]]` of one file; `seen` holds the ids of earlier files (ids are unique
    across all of them)."""
    patterns = []
    for n, raw in enumerate(doc.get("patterns", [])):
        where, pid, kind = _id_and_kind(raw, f"{file}: patterns[{n}]", file, "pattern", seen)
        if kind not in _PATTERN_KINDS:
            raise DictionaryError(
                f"{where}.kind: {kind!r} is not one of: {', '.join(sorted(_PATTERN_KINDS))}"
            )
        layout = raw.get("layout", "default")
        if layout not in _LAYOUTS:
            raise DictionaryError(f"{where}.layout: {layout!r} is not one of {_LAYOUTS}")
        pos = raw.get("pos", "verb")
        if pos not in ("verb", "noun"):
            raise DictionaryError(f"{where}.pos: {pos!r} is not verb or noun")
        anaphora = str(raw.get("anaphora", ""))
        if anaphora not in _ANAPHORA:
            raise DictionaryError(f"{where}.anaphora: {anaphora!r} is not one of {_ANAPHORA}")
        triggers = _strs(raw.get("triggers"), where + ".triggers")
        if not triggers:
            raise DictionaryError(f"{where}.triggers: a pattern needs at least one trigger")
        tests = []
        for m, test in enumerate(raw.get("tests", [])):
            if not isinstance(test, dict) or not isinstance(test.get("text"), str):
                raise DictionaryError(f"{where}.tests[{m}]: needs text = '...'")
            tests.append(
                PatternTest(test["text"], _strs(test.get("expect"), f"{where}.tests[{m}]"))
            )
        patterns.append(
            Pattern(
                id=pid,
                triggers=triggers,
                pos=pos,
                kind=kind,
                code=str(raw.get("code", "")),
                goldstein=float(raw.get("goldstein", 0.0)),
                symmetric=bool(raw.get("symmetric", False)),
                status=_enum(Status, raw.get("status", "active"), where + ".status"),
                confidence=float(raw.get("confidence", 0.75)),
                object=_strs(raw.get("object"), where + ".object"),
                prep=_strs(raw.get("prep"), where + ".prep"),
                window=int(raw.get("window", 3)),
                layout=layout,
                inverse=bool(raw.get("inverse", False)),
                all_pairs=bool(raw.get("all_pairs", False)),
                needs_target=bool(raw.get("needs_target", False)),
                sector=_enum(DealSector, raw["sector"], where) if "sector" in raw else None,
                scope=_enum(SanctionScope, raw["scope"], where) if "scope" in raw else None,
                stance=raw.get("stance"),
                note=str(raw.get("note", "")),
                anaphora=anaphora,
                first=bool(raw.get("first", False)),
                tests=tuple(tests),
            )
        )
    return patterns


_FAMILY_KINDS = frozenset(
    {"alliance", "cooperation", "support", "deal", "sanction", "hostility", "rivalry"}
)
_FORMS = ("verb", "noun")


def _load_families(doc: dict, file: str, seen: set[str]) -> tuple[list[Pattern], list[Family]]:
    """Expand each `[[families]]` table into patterns (verb, noun and light-verb forms).

    Each family yields up to three kinds of pattern, all sharing its kind, code, Goldstein
    weight and confidence: `family.ID` (its verbs, each with the preposition that introduces
    the target, e.g. "clash with"), `family.ID.noun` (its nominalisations, the source before
    them and the target after `noun_prep`) and `family.ID.lightN` (a light verb with an object
    noun, "signed a memorandum with"). A family test names the form it exercises (`form`: verb
    or noun; a light verb's tests sit in its own table); negative tests go to every form.
    """
    raws: list[dict] = []
    families: list[Family] = []
    for n, fam in enumerate(doc.get("families", [])):
        where, fid, kind = _id_and_kind(fam, f"{file}: families[{n}]", file, "family", seen)
        if kind not in _FAMILY_KINDS:
            raise DictionaryError(
                f"{where}.kind: {kind!r} is not one of: {', '.join(sorted(_FAMILY_KINDS))}"
            )
        tests = fam.get("tests", [])
        for m, test in enumerate(tests):
            if not isinstance(test, dict) or test.get("form", "verb") not in _FORMS:
                raise DictionaryError(f"{where}.tests[{m}].form: one of {', '.join(_FORMS)}")

        def tests_for(form: str, tests=tests) -> list[dict]:
            return [
                {"text": t.get("text"), "expect": t.get("expect", [])}
                for t in tests
                if not t.get("expect") or t.get("form", "verb") == form
            ]

        common = {
            "kind": kind,
            "code": str(fam.get("code", "")),
            "goldstein": float(fam.get("goldstein", 0.0)),
            "confidence": float(fam.get("confidence", 0.6)),
            "symmetric": bool(fam.get("symmetric", False)),
            "note": f"verb family {fid}",
        }
        verbs = _strs(fam.get("verbs"), where + ".verbs")
        nouns = _strs(fam.get("nouns"), where + ".nouns")
        if not verbs and not nouns and not fam.get("light"):
            raise DictionaryError(f"{where}: a family needs verbs, nouns or light verbs")
        if verbs:
            raws.append(
                {
                    **common,
                    "id": f"family.{fid}",
                    "pos": "verb",
                    "triggers": list(verbs),
                    "prep": list(_strs(fam.get("verb_prep"), where + ".verb_prep")),
                    "window": int(fam.get("verb_window", 6)),
                    "tests": tests_for("verb"),
                }
            )
        if nouns:
            raws.append(
                {
                    **common,
                    "id": f"family.{fid}.noun",
                    "pos": "noun",
                    "triggers": list(nouns),
                    "prep": list(_strs(fam.get("noun_prep"), where + ".noun_prep")),
                    "window": int(fam.get("noun_window", 6)),
                    "needs_target": bool(fam.get("noun_needs_target", False)),
                    "tests": tests_for("noun"),
                }
            )
        for m, light in enumerate(fam.get("light", [])):
            lwhere = f"{where}.light[{m}]"
            raws.append(
                {
                    **common,
                    "id": f"family.{fid}.light{m}",
                    "pos": "verb",
                    "triggers": list(_strs(light.get("verbs"), lwhere + ".verbs")),
                    "object": list(_strs(light.get("objects"), lwhere + ".objects")),
                    "prep": list(_strs(light.get("prep"), lwhere + ".prep")),
                    "window": int(light.get("window", 10)),
                    "status": light.get("status", "active"),
                    "inverse": bool(light.get("inverse", False)),
                    "tests": [*light.get("tests", []), *tests_for("light")],
                }
            )
        families.append(
            Family(
                id=fid,
                kind=kind,
                code=common["code"],
                goldstein=common["goldstein"],
                verbs=verbs,
                nouns=nouns,
                fallback=bool(fam.get("fallback", True)),
            )
        )
    return _load_patterns({"patterns": raws}, file, set()), families


def _check_references(actors, people, roles, agreements) -> None:
    for entry in actors.values():
        if entry.parent is not None and entry.parent not in actors:
            raise DictionaryError(f"actors.toml: {entry.id}.parent: unknown actor {entry.parent!r}")
    for person in people:
        if person.actor not in actors:
            raise DictionaryError(f"actors.toml: people {person.name!r}: unknown actor")
    for n, role in enumerate(roles):
        for actor_id in [role.default, *role.by_actor, *role.by_actor.values()]:
            if actor_id is not None and actor_id not in actors:
                raise DictionaryError(f"roles.toml: roles[{n}]: unknown actor {actor_id!r}")
    for agreement in agreements.values():
        for actor_id in [*agreement.parties, agreement.host]:
            if actor_id is not None and actor_id not in actors:
                raise DictionaryError(
                    f"agreements.toml: {agreement.id}: unknown actor {actor_id!r}"
                )


def _entry(phrase: str, kind: str, ref: str) -> GazetteerEntry | None:
    words = words_of(phrase)
    if not words:
        return None
    letters = [ch for ch in phrase if ch.isalpha()]
    acronym = len(letters) <= 5 and all(ch.isupper() for ch in letters) and bool(letters)
    exact = tuple(tok for tok in phrase.replace("’", "'").split()) if acronym else None
    return GazetteerEntry(
        words=words,
        kind=kind,
        ref=ref,
        cased=phrase[:1].isupper(),
        exact=exact,
    )


def _build_gazetteer(actors, people, roles, agreements):
    entries: list[GazetteerEntry] = []

    def add(phrase: str, kind: str, ref: str) -> None:
        entry = _entry(phrase, kind, ref)
        if entry is not None:
            entries.append(entry)

    for actor in actors.values():
        for phrase in {actor.name, *actor.aliases}:
            add(phrase, "name", actor.id)
        for phrase in actor.capitals:
            add(phrase, "capital", actor.id)
        for phrase in actor.demonyms:
            plural = phrase.endswith("s") and phrase not in ("U.S.", "US")
            add(phrase, "plural_demonym" if plural else "demonym", actor.id)
    for index, person in enumerate(people):
        for phrase in {person.name, *person.aliases}:
            add(phrase, "person", str(index))
    for index, role in enumerate(roles):
        for phrase in role.words:
            add(phrase, "role", str(index))
    for agreement in agreements.values():
        for phrase in {agreement.name, *agreement.aliases}:
            add(phrase, "agreement", agreement.id)
    # Longer phrases first, so the coder takes the longest match at each position; among equal
    # lengths names beat roles, so "Syrian government" is Syria, not demonym + role.
    priority = {
        "agreement": 0,
        "person": 1,
        "name": 2,
        "capital": 3,
        "plural_demonym": 4,
        "role": 5,
        "demonym": 6,
    }
    index: dict[str, list[GazetteerEntry]] = {}
    for entry in entries:
        index.setdefault(entry.words[0], []).append(entry)
    for bucket in index.values():
        bucket.sort(key=lambda e: (-len(e.words), priority[e.kind]))
    known = frozenset(word for entry in entries for word in entry.words)
    return {key: tuple(bucket) for key, bucket in index.items()}, known


@functools.cache
def default_dictionaries() -> Dictionaries:
    """The dictionaries shipped with the game, loaded once per process."""
    return load_dictionaries(DICTIONARY_DIR)
