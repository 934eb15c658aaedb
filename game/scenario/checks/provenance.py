"""Provenance (mostly warnings): facts with no `source`, pending reviews, and quotes not found
in the source article.

Must not import: pygame, anything under `game.ui`, or `game.scenario.check` (which imports this).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.scenario import model
from game.scenario.checks.checker import Checker
from game.scenario.checks.diagnostic import _quote
from game.scenario.checks.raw import _records
from game.scenario.checks.vocabulary import FACT_TABLES
from game.scenario.checks.wording import _excerpt, _normalise

ARTICLE_MAX_BYTES = 8 * 1024 * 1024


def check_provenance(checker: Checker, raw: dict[str, Any]) -> None:
    for table in (*FACT_TABLES, "agendas"):
        if table == "agendas":
            agendas = raw.get("agendas")
            records = list(agendas.items()) if isinstance(agendas, dict) else []
        else:
            records = _records(raw, table)
        for key, record in records:
            if not isinstance(record, dict):
                continue
            path = (table, key)
            if record.get("review") == "pending":
                if checker.allow_pending:
                    checker.warning(
                        (*path, "review"),
                        "pending review",
                        f"review = {_quote('accepted')} or {_quote('rejected')}",
                        "pending",
                    )
                else:
                    checker.error(
                        (*path, "review"),
                        "pending review",
                        "run `python main.py review FILE` or pass --allow-pending",
                        "pending",
                    )
            if table != "agendas" and "source" not in record:
                checker.warning(
                    path,
                    "no source",
                    'source = "a sentence from the article" or source = "author"',
                    "no-source",
                )
            elif record.get("source") == "":
                checker.warning(
                    (*path, "source"),
                    "empty source",
                    'a sentence from the article, or "author"',
                    "no-source",
                )


def check_article(checker: Checker, raw: dict[str, Any], root: Path) -> None:
    meta = raw.get("meta")
    article = meta.get("article") if isinstance(meta, dict) else None
    if not isinstance(article, str):
        return
    location = root / article
    try:
        with open(location, "rb") as handle:
            text = handle.read(ARTICLE_MAX_BYTES).decode("utf-8", errors="replace")
    except OSError:
        checker.warning(
            ("meta", "article"),
            f"article file not found: {location}",
            "a path relative to the repository root, e.g. seeds/article.txt",
            "article",
        )
        return
    body = _normalise(text)
    for table in FACT_TABLES:
        for index, record in _records(raw, table):
            source = record.get("source")
            if not isinstance(source, str) or source in ("", model.AUTHOR):
                continue
            if _normalise(source) not in body:
                checker.warning(
                    (table, index, "source"),
                    f"quote not found in {article}: {_excerpt(source)}",
                    'a sentence copied verbatim from the article, or "author"',
                    "quote",
                )
