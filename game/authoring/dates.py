"""Dates in an article: the dateline that gives a draft its start, and dates inside sentences.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_FULL_DATE = re.compile(
    rf"\b(?:({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({_MONTH_RE})\.?,?\s+(\d{{4}}))\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})\b(?!,?\s*\d{{4}})", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_dates(text: str) -> list[tuple[int, dt.date]]:
    out = []
    for match in _FULL_DATE.finditer(text):
        if match.group(1):
            month, day, year = match.group(1), match.group(2), match.group(3)
        else:
            day, month, year = match.group(4), match.group(5), match.group(6)
        date = _safe_date(int(year), _MONTHS[month.lower().rstrip(".")], int(day))
        if date is not None:
            out.append((match.start(), date))
    for match in _ISO_DATE.finditer(text):
        date = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if date is not None:
            out.append((match.start(), date))
    return sorted(out)


def find_start_date(text: str) -> tuple[dt.date, str]:
    """The article's date: a dateline near the top, else the latest full date in the text.

    Returns the date and a warning (empty when a full date was found).
    """
    text = text[:200_000]  # a dateline is near the top; no need to scan a huge file
    dates = _full_dates(text)
    if dates:
        head = [d for pos, d in dates if pos < 400]
        return (head[0] if head else max(d for _, d in dates)), ""
    years = [int(y) for y in _YEAR.findall(text)]
    if years:
        year = max(Counter(years).most_common(1)[0][0], 1)
        return dt.date(year, 1, 1), f"no full date in the article: the start is 1 January {year}"
    return dt.date(2000, 1, 1), "no date in the article: the start is 1 January 2000; set it"


def date_in(sentence: str, year: int) -> dt.date | None:
    dates = _full_dates(sentence)
    if dates:
        return dates[0][1]
    match = _MONTH_DAY.search(sentence)
    if match:
        return _safe_date(year, _MONTHS[match.group(1).lower()], int(match.group(2)))
    return None


def slug_of(headline: str) -> str:
    words = re.findall(r"[a-z0-9]+", headline.lower())
    return "-".join(words[:6])
