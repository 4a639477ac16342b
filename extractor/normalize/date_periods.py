"""Calendar periods and their arithmetic, the model behind :mod:`extractor.normalize.dates`.

A date expression, once resolved, denotes one :class:`Period`: a year, half,
quarter, month, ISO week, day or decade, or a fiscal year (or quarter) whose
calendar days depend on the company and are therefore left unknown.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
_MONTHS_PER = {"year": 12, "half": 6, "quarter": 3, "month": 1}


@dataclass(frozen=True)
class Period:
    """``kind`` is year, half, quarter, month, week, day or decade; ``index`` the
    half, quarter, month or ISO week in the year, or the day's ordinal (``date.toordinal``)."""

    kind: str
    year: int
    index: int = 1
    fiscal: bool = False

    @property
    def value(self) -> str:
        """The TIMEX3 value: "2026", "2026-H1", "2026-Q4", "2025-07", "2025-W30", "2025-07-24", "202"."""
        if self.kind == "day":
            return date.fromordinal(self.index).isoformat()
        if self.kind == "decade":
            return f"{self.year // 10:03d}"
        year = f"FY{self.year:04d}" if self.fiscal else f"{self.year:04d}"
        suffix = {"year": "", "half": f"-H{self.index}", "quarter": f"-Q{self.index}",
                  "month": f"-{self.index:02d}", "week": f"-W{self.index:02d}"}[self.kind]
        return year + suffix

    def bounds(self) -> tuple[date, date] | None:
        """First and last day covered; None for fiscal periods (their calendar is the company's)."""
        if self.fiscal:
            return None
        if self.kind == "day":
            day = date.fromordinal(self.index)
            return day, day
        if self.kind == "week":
            monday = date.fromisocalendar(self.year, self.index, 1)
            return monday, monday + timedelta(days=6)
        if self.kind == "decade":
            return date(self.year, 1, 1), date(self.year + 9, 12, 31)
        width = _MONTHS_PER[self.kind]
        first = (self.index - 1) * width + 1
        last = first + width - 1
        return date(self.year, first, 1), date(self.year, last, calendar.monthrange(self.year, last)[1])


def day(value: date) -> Period:
    return Period("day", value.year, value.toordinal())


def make_day(year: int, month: int, dom: int) -> Period | None:
    """The day, or None when it does not exist (Feb. 30)."""
    try:
        return day(date(year, month, dom))
    except ValueError:
        return None


def make_week(year: int, week: int) -> Period | None:
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return Period("week", year, week)


def containing(value: date, kind: str) -> Period:
    """The period of the given kind that contains the day."""
    if kind == "day":
        return day(value)
    if kind == "week":
        iso = value.isocalendar()
        return Period("week", iso.year, iso.week)
    return Period(kind, value.year, (value.month - 1) // _MONTHS_PER[kind] + 1)


def shift(period: Period, steps: int) -> Period:
    """The period ``steps`` periods of the same kind later (earlier when negative).

    >>> shift(Period("quarter", 2026, 1), -1).value
    '2025-Q4'
    >>> shift(containing(date(2026, 1, 1), "week"), 1).value
    '2026-W02'
    >>> shift(day(date(2026, 3, 1)), -1).value
    '2026-02-28'
    """
    if period.kind == "day":
        return day(date.fromordinal(period.index + steps))
    if period.kind == "week":
        monday = date.fromisocalendar(period.year, period.index, 1) + timedelta(weeks=steps)
        return containing(monday, "week")
    if period.kind == "decade":
        return Period("decade", period.year + 10 * steps, fiscal=period.fiscal)
    count = PER_YEAR[period.kind]
    position = period.year * count + period.index - 1 + steps
    return Period(period.kind, position // count, position % count + 1, period.fiscal)


def _gap(period: Period, anchor: date) -> int:
    start, end = period.bounds()  # type: ignore[misc]
    if start > anchor:
        return (start - anchor).days
    return max((anchor - end).days, 0)


def nearest(build: Callable[[int], Period | None], anchor: date, direction: str | None) -> Period | None:
    """The occurrence of a yearless period (``build(year)``) nearest the anchor.

    ``direction`` "past" keeps occurrences that start on or before the anchor,
    "future" those that end on or after it; None takes the closest, the past
    one on a tie. None when no occurrence qualifies.

    >>> july = lambda year: Period("month", year, 7)
    >>> [nearest(july, date(2026, 11, 23), d).value for d in ("past", "future", None)]
    ['2026-07', '2027-07', '2026-07']
    >>> nearest(lambda year: make_day(year, 2, 29), date(2026, 11, 23), "past").value
    '2024-02-29'
    """
    # nine years, so that Feb. 29 always has a past and a future occurrence
    options = [p for p in (build(y) for y in range(anchor.year - 4, anchor.year + 5)) if p]
    if direction == "past":
        options = [p for p in options if p.bounds()[0] <= anchor]  # type: ignore[index]
    elif direction == "future":
        options = [p for p in options if p.bounds()[1] >= anchor]  # type: ignore[index]
    if not options:
        return None
    if direction == "past":
        return options[-1]
    if direction == "future":
        return options[0]
    return min(options, key=lambda p: (_gap(p, anchor), p.bounds()[0] > anchor))  # type: ignore[index]


def weekday(anchor: date, iso_weekday: int, step: int | None) -> Period:
    """Weekday relative to the anchor: None the latest on or before it, -1 the
    latest strictly before, +1 the earliest strictly after, 0 the one in its ISO week."""
    if step == 0:
        return day(anchor + timedelta(days=iso_weekday - anchor.isoweekday()))
    if step == 1:
        return day(anchor + timedelta(days=(iso_weekday - anchor.isoweekday() - 1) % 7 + 1))
    back = (anchor.isoweekday() - iso_weekday) % 7
    if step == -1 and back == 0:
        back = 7
    return day(anchor - timedelta(days=back))
