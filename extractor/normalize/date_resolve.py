"""Turn one date span into a :class:`Period`: which rule matched, and what its groups mean.

The handlers behind :func:`extractor.normalize.dates.parse_date`, one per rule
of :mod:`extractor.normalize.date_rules` (registered with ``_handles``).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from . import date_rules as R
from .date_periods import PER_YEAR, Period, containing, day, make_day, make_week, nearest, shift, weekday

logger = logging.getLogger(__name__)


class Unresolved(Exception):
    """A relative date with neither an anchor nor a reference to resolve it."""


@dataclass(frozen=True)
class Context:
    anchor: date | None
    direction: str | None
    reference: date | None
    relation: str | None = None
    day_reference: date | None = None  # the last day the text named before the span

    def need_anchor(self) -> date:
        if self.anchor is None:
            raise Unresolved
        return self.anchor

    def base(self, word: str) -> tuple[date, int]:
        """The day a relative word counts from, and its shift ("last" -> -1)."""
        key = word.lower().split()[-1]
        entry = R.RELATIVE[key]
        base = self.anchor
        if entry["base"] == "reference":
            base = self.reference or (self.anchor if entry.get("fallback") == "anchor" else None)
        if base is None:
            raise Unresolved
        return base, entry["shift"]


@lru_cache(maxsize=64)  # parse_date and is_absolute ask about the same span in turn
def rule_match(span: str) -> tuple[str, re.Match] | None:
    """The rule the whole span matches and that rule's match of the span without its modifier."""
    match = R.FINDER.fullmatch(span)
    if match is None:
        return None
    group = match.lastgroup
    rule = R.RULE_IDS[int(group[1:])]
    if rule == "date.the_unit" and not match["mod"]:
        return None
    core = R.RULE_PATTERNS[rule].fullmatch(span, match.start(group), match.end(group))
    return (rule, core) if core else None


def interpret(span: str, context: Context) -> Period | None:
    """The period the span denotes; raises Unresolved when it needs a missing anchor or reference."""
    found = rule_match(span)
    if found is None:
        return None if R.FINDER.fullmatch(span) else _absolute_fallback(span)
    rule, core = found
    return _HANDLERS[rule](core, context)


_Handler = Callable[[re.Match, Context], "Period | None"]
_HANDLERS: dict[str, _Handler] = {}


def _handles(*rules: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _HANDLERS.update(dict.fromkeys(rules, handler))
        return handler
    return register


def _year(match: re.Match, context: Context) -> tuple[int, bool] | None:
    """The year the match names and whether it is a fiscal year; None when it names none."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"]), False
    if groups.get("yy"):
        return _century(groups["yy"]), False
    fiscal = groups.get("fy") or groups.get("fy4")
    if fiscal:
        return _century(fiscal), True
    if groups.get("yrel"):
        base, steps = context.base(groups["yrel"])
        return base.year + steps, False
    if groups.get("ythe"):
        return context.need_anchor().year, False
    return None


def _century(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    return int(digits) + (2000 if int(digits) < 70 else 1900)


def _month_number(name: str) -> int:
    return R.MONTHS[name.lower().rstrip(".")]


@_handles("date.subperiod", "date.subperiod_possessive", "date.quarter_code",
          "date.half_code", "date.half_short", "date.code_short", "date.year_code")
def _subperiod(match: re.Match, context: Context) -> Period | None:
    groups = match.groupdict()
    if groups.get("ord"):
        kind, index = groups["sub"].lower(), R.ORDINALS[groups["ord"].lower()]
    else:
        kind = "half" if groups["code"].upper() == "H" else "quarter"
        index = int(groups["n"])
    if index > PER_YEAR[kind]:
        return None
    year = _year(match, context)
    if year is None:
        # nearest, whatever the tense: "will report third-quarter earnings" in
        # October means the quarter just ended; but "(deliveries) from the third
        # quarter" or "by the fourth quarter" looks ahead unless the sentence is in
        # the past, and "since the second quarter" looks back
        return nearest(lambda y: Period(kind, y, index), context.need_anchor(), _span_direction(context))
    return Period(kind, year[0], index, fiscal=year[1])


def _span_direction(context: Context) -> str | None:
    if context.relation == "since" or context.direction == "past":
        return "past"  # "shipped 3 million units in Q2", published in November: this year's
    if context.relation in {"from", "by", "until"}:
        return "future"
    if context.relation == "in" and context.direction == "future":
        return "future"  # "will start using the clusters in the fourth quarter", published in May: this year's
    return None


@_handles("date.month_range_quarter", "date.quarter_months")
def _month_range_quarter(match: re.Match, context: Context) -> Period | None:
    """"the October-December quarter": a calendar quarter named by its months."""
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    if last - first != 2 or first % 3 != 1:
        return None
    index = (first - 1) // 3 + 1
    year = _year(match, context)
    if year is None:
        return nearest(lambda y: Period("quarter", y, index), context.need_anchor(), None)
    return Period("quarter", year[0], index, fiscal=year[1])


@_handles("date.month_quarter")
def _month_quarter(match: re.Match, context: Context) -> Period | None:
    """"the September quarter": the calendar quarter ending in that month."""
    index = _month_number(match["m2"]) // 3
    year = _year(match, context)
    if year is None:
        return nearest(lambda y: Period("quarter", y, index), context.need_anchor(), None)
    return Period("quarter", year[0], index, fiscal=year[1])


@_handles("date.month_day", "date.day_month")
def _month_day(match: re.Match, context: Context) -> Period | None:
    month, dom = _month_number(match["month"]), int(match["day"])
    if match["year"]:
        return make_day(int(match["year"]), month, dom)
    return nearest(lambda y: make_day(y, month, dom), context.need_anchor(), context.direction)


@_handles("date.week_of")
def _week_of(match: re.Match, context: Context) -> Period | None:
    """"the week of May 4": the ISO week of that day (TIMEX3 "2026-W19")."""
    found = _month_day(match, context)
    return containing(found.bounds()[0], "week") if found else None  # type: ignore[index]


@_handles("date.month_year", "date.month")
def _month(match: re.Match, context: Context) -> Period | None:
    month = _month_number(match["month"])
    year = _year(match, context)
    if year is None:
        return nearest(lambda y: Period("month", y, month), context.need_anchor(), context.direction)
    return Period("month", year[0], month)


@_handles("date.month_relative")
def _month_relative(match: re.Match, context: Context) -> Period:
    base, steps = context.base(match["rel"])
    month = _month_number(match["month"])
    year = base.year + (steps > 0 and month <= base.month) - (steps < 0 and month >= base.month)
    return Period("month", year, month)


@_handles("date.weekday")
def _weekday(match: re.Match, context: Context) -> Period:
    iso_weekday = R.WEEKDAYS[match["weekday"].lower()]
    if match["rel"]:
        base, steps = context.base(match["rel"])
        return weekday(base, iso_weekday, steps)
    return weekday(context.need_anchor(), iso_weekday, None)


@_handles("date.relative")
def _relative(match: re.Match, context: Context) -> Period:
    base, steps = context.base(match["rel"])
    return shift(containing(base, match["unit"].lower()), steps)


@_handles("date.same_last_year")
def _same_last_year(match: re.Match, context: Context) -> Period:
    unit = match["unit"].lower()
    base = context.reference or context.need_anchor()
    return shift(containing(base, unit), -PER_YEAR[unit])


@_handles("date.ago")
def _ago(match: re.Match, context: Context) -> Period:
    count = match["count"].lower()
    steps = int(count) if count.isdigit() else R.NUMBER_WORDS[count]
    return shift(containing(context.need_anchor(), match["unit"].lower()), -steps)


@_handles("date.deictic")
def _deictic(match: re.Match, context: Context) -> Period:
    offset = R.DEICTIC_DAYS[" ".join(match["deictic"].lower().split())]
    return day(context.need_anchor() + timedelta(days=offset))


@_handles("date.reference_day")
def _reference_day(match: re.Match, context: Context) -> Period:
    offset = R.REFERENCE_DAYS[" ".join(match["refday"].lower().split())]
    return day((context.day_reference or context.need_anchor()) + timedelta(days=offset))


@_handles("date.year_end", "date.year", "date.fiscal_year")
def _year_period(match: re.Match, context: Context) -> Period:
    year = _year(match, context) or (context.need_anchor().year, False)
    return Period("year", year[0], fiscal=year[1])


@_handles("date.the_unit")
def _the_unit(match: re.Match, context: Context) -> Period:
    return containing(context.need_anchor(), match["unit"].lower())


@_handles("date.day_ordinal")
def _day_ordinal(match: re.Match, context: Context) -> Period | None:
    anchor = context.need_anchor()
    return make_day(anchor.year, anchor.month, int(match["day"]))


@_handles("date.iso_day")
def _iso_day(match: re.Match, context: Context) -> Period | None:
    return make_day(int(match["year"]), int(match["month"]), int(match["day"]))


@_handles("date.numeric_day")
def _numeric_day(match: re.Match, context: Context) -> Period | None:
    """Month first after a slash, as English copy writes it ("07/24/2025"), unless the first
    number cannot be a month; day first after a dot ("24.07.2025")."""
    if match.group(0).count(match["sep"]) != 2:
        return None  # "24/07.2025": two kinds of separator
    first, second = int(match["first"]), int(match["second"])
    month, dom = (second, first) if match["sep"] == "." or first > 12 else (first, second)
    return make_day(int(match["year"]), month, dom)


@_handles("date.iso_week", "date.week_number")
def _week(match: re.Match, context: Context) -> Period | None:
    return make_week(int(match["year"]), int(match["week"] or match.groupdict().get("weekord")))


@_handles("date.decade")
def _decade(match: re.Match, context: Context) -> Period:
    return Period("decade", int(match["decade"]))


def _absolute_fallback(span: str) -> Period | None:
    """Absolute forms the rules miss ("24/07/2025"), through dateparser; only with a year."""
    if len(span) > 40 or not R.YEAR_DIGITS.search(span):
        return None
    logger.debug("date %r matched no rule; trying dateparser", span)
    return _dateparser_period(span)


@lru_cache(maxsize=4096)
def _dateparser_period(span: str) -> Period | None:
    data = _date_parser().get_date_data(span)
    if data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return Period("year", found.year)
    if data.period == "month":
        return Period("month", found.year, found.month)
    return day(found)


@lru_cache(maxsize=1)
def _date_parser():
    from dateparser.date import DateDataParser  # slow import, needed only off the hot path

    # a fixed RELATIVE_BASE: the library never reads the clock
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "RELATIVE_BASE": datetime(1900, 1, 1)}
    return DateDataParser(languages=["en"], settings=settings)
