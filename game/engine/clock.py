"""The game calendar: a turn covers `months_per_turn` calendar months.

Must not import: pygame, game.ui.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(date: dt.date, months: int) -> dt.date:
    """`date` moved by `months` calendar months, back if negative (day clamped to the month)."""
    month0 = date.month - 1 + months
    year, month = date.year + month0 // 12, month0 % 12 + 1
    return date.replace(
        year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1])
    )
