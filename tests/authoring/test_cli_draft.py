"""The `draft` command end to end, and its robustness on whatever file it is given."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring import cli_draft
from game.authoring.draft import MAX_SENTENCES, draft_bytes
from game.authoring.text import ArticleError
from game.scenario.check import Severity, check_file

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "putin-in-tehran-2017.txt"
ARTICLES = Path(__file__).with_name("articles")


def _run(tmp_path: Path, article: Path, *extra: str) -> tuple[int, Path]:
    (tmp_path / "scenarios").mkdir(exist_ok=True)
    output = tmp_path / "scenarios" / "draft.toml"
    parser = argparse.ArgumentParser()
    cli_draft.add_arguments(parser)
    args = parser.parse_args([str(article), "-o", str(output), *extra])
    return cli_draft.run(args), output


def test_draft_writes_scenario_and_report(tmp_path, capsys):
    """`draft` writes a scenario the checker accepts with --allow-pending, and the report."""
    report = tmp_path / "review.md"
    code, output = _run(tmp_path, SEED, "--report", str(report))
    assert code == 0
    errors = [
        d
        for d in check_file(output, allow_pending=True, article_root=ROOT)
        if d.severity is Severity.ERROR
    ]
    assert errors == []
    text = report.read_text(encoding="utf-8")
    for heading in (
        "## Relations, least confident first",
        "## Possible misses",
        "## Unknown names",
        "## Agreements",
    ):
        assert heading in text
    assert "next: python main.py review" in capsys.readouterr().out


def test_draft_refuses_to_overwrite_without_force(tmp_path, capsys):
    """An existing scenario (perhaps reviewed) is not overwritten unless --force is given."""
    _run(tmp_path, SEED)
    code, _ = _run(tmp_path, SEED)
    assert code == 1 and "--force" in capsys.readouterr().err
    code, _ = _run(tmp_path, SEED, "--force")
    assert code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ],
)
def test_unusable_article_gives_one_clear_error(tmp_path, capsys, content, message):
    """Empty or binary input: exit status 1 and one error line, no traceback, no file."""
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    code, output = _run(tmp_path, article)
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err
    assert not output.exists()


def test_missing_article_is_a_clear_error(tmp_path, capsys):
    """A path that does not exist is reported as such."""
    code, _ = _run(tmp_path, tmp_path / "nope.txt")
    assert code == 1 and "no such file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content",
    [
        "Путин прибыл в Тегеран.\nРоссия и Иран подписали соглашение.".encode(),
        "Erdoğan’s visit to Moscow\nTurkey signed a deal with Russia.".encode("cp1252", "replace"),
        b"no headline, no punctuation, no actors",
    ],
    ids=["russian", "cp1252", "nothing"],
)
def test_odd_but_textual_articles_still_draft(tmp_path, content):
    """Another language, another encoding or nothing to code: a (thin) draft, exit status 0."""
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    code, output = _run(tmp_path, article)
    assert code == 0 and output.exists()
    errors = [
        d
        for d in check_file(output, allow_pending=True, article_root=tmp_path)
        if d.severity is Severity.ERROR
    ]
    assert errors == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_draft_or_an_article_error(data):
    """Whatever the bytes, drafting returns a Draft or raises ArticleError, nothing else."""
    try:
        draft = draft_bytes(data)
    except ArticleError:
        return
    assert draft.sentences >= 0


NEWSY = st.lists(
    st.sampled_from(
        [
            "Russia",
            "Iran",
            "Turkey",
            "the U.S.",
            "Putin",
            "said",
            "backs",
            "sanctions on",
            "signed a deal with",
            "not",
            "will",
            ",",
            ".",
            '"',
            "which",
            "who",
            "and",
            "the",
            "rebels",
            "Tehran",
            "Dr.",
            "Nov.",
            "\n",
            "-backed",
            "'s",
            "ally of",
            "between",
        ]
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(st.one_of(NEWSY, st.text(max_size=400)))
def test_any_text_drafts_a_consistent_scenario(text):
    """Any text drafts without error; every relation's source is a sentence of the text."""
    try:
        draft = draft_bytes(text.encode("utf-8", "surrogatepass"))
    except (ArticleError, UnicodeEncodeError):
        return
    for relation in draft.scenario.relations:
        assert relation.source in text
        assert relation.actor != relation.target
    ids = set(draft.scenario.actor_ids)
    for relation in draft.scenario.relations:
        assert {relation.actor, relation.target} <= ids


def test_five_megabyte_article_drafts_quickly(tmp_path, capsys):
    """A generated 5 MB article drafts (capped at MAX_SENTENCES coded sentences) within
    seconds, with a warning; throughput is printed for the record."""
    lines = [
        line
        for path in sorted(ARTICLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()[1:]
        if line.strip()
    ]
    chunks = ["Big file of news"]
    size = 0
    n = 0
    while size < 5_000_000:
        for line in lines:
            n += 1
            chunk = f"{line} Update number {n}."
            chunks.append(chunk)
            size += len(chunk) + 1
    article = tmp_path / "big.txt"
    article.write_text("\n".join(chunks), encoding="utf-8")
    started = time.perf_counter()
    code, output = _run(tmp_path, article)
    elapsed = time.perf_counter() - started
    out = capsys.readouterr().out
    assert code == 0 and output.exists()
    assert f"only the first {MAX_SENTENCES}" in out
    assert elapsed < 30, elapsed
    report = output.with_suffix(".report.md").read_text(encoding="utf-8")
    rate = next(line for line in report.splitlines() if line.startswith("- Coded"))
    print(f"5 MB: {rate[2:]}; whole command {elapsed:.1f} s")


def test_a_draft_written_outside_any_project_still_finds_its_article(tmp_path):
    """With no `scenarios/` folder above the output, `[meta] article` is absolute, so `check`
    (which reads it from the project root otherwise) finds the article and warns of nothing
    but the pending review."""
    output = tmp_path / "loose" / "draft.toml"
    output.parent.mkdir()
    parser = argparse.ArgumentParser()
    cli_draft.add_arguments(parser)
    assert cli_draft.run(parser.parse_args([str(SEED), "-o", str(output)])) == 0
    problems = [
        d.message
        for d in check_file(output, allow_pending=True)
        if "pending review" not in d.message
    ]
    assert problems == []
