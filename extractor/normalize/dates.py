"""Find dates in raw news text and normalize them to the contract's DATE value.

Pure functions, no spaCy and no clock: a relative date resolves only against
the ``anchor`` (publication date) or ``reference`` (an explicit date found
earlier in the text) passed in, and stays null without one. The grammar lives
in :mod:`extractor.normalize.date_rules`, the vocabulary in ``models/dates.yaml``,
the calendar arithmetic in :mod:`extractor.normalize.date_periods`.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from ..records import DateValue
from . import date_rules as R
from .date_periods import PER_YEAR, Period, containing, day, make_day, make_week, nearest, shift, weekday
from .spans import Candidate

__all__ = ["find_dates", "parse_date", "guess_direction"]

logger = logging.getLogger(__name__)


def find_dates(text: str) -> list[Candidate]:
    """Every date expression in ``text``: non-overlapping spans in text order.

    The span keeps determiners and modifiers and leaves the governing preposition out.

    >>> text = "Meta aims to build 5 GW by the end of 2030 and upgrade chips next year."
    >>> [(text[c.start:c.end], c.rule) for c in find_dates(text)]
    [('the end of 2030', 'date.year'), ('next year', 'date.relative')]
    >>> [c.rule for c in find_dates("SEOUL, Nov. 24 (Yonhap) -- Samsung said on Monday ...")]
    ['date.month_day', 'date.weekday']
    >>> find_dates("profits in the fourth quarter of this year")
    [Candidate(start=11, end=42, rule='date.subperiod')]
    >>> find_dates("a six-month cycle, 2nm chips, $2030 and 2,030 units; prices may rise")
    []
    """
    found = []
    for match in R.FINDER.finditer(text):
        rule = R.RULE_IDS[int(match.lastgroup[1:])]
        if not _rejected(rule, match, text):
            found.append(Candidate(match.start(), match.end(), rule))
    return found


def _rejected(rule: str, match: re.Match, text: str) -> bool:
    """Context checks a regex cannot make cheaply: the word before, a needed modifier."""
    if match["mod"]:
        return False
    if rule == "date.the_unit":
        return True
    previous = R.PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
    word = previous.group(1) if previous else ""
    if rule == "date.month" and match.group().lower() in R.AMBIGUOUS_MONTHS:
        return word.lower() not in R.MONTH_CUES
    if rule == "date.year":
        return word in R.YEAR_PREFIXES
    if rule == "date.deictic" and match.group().startswith("Today") and previous:
        # "USA Today", "Business Today": an outlet, unless a sentence or line ended before it
        ended = word.endswith((".", "!", "?", ":", '"', "”")) or "\n" in text[previous.end(1):match.start()]
        return word[:1].isupper() and not ended
    return False


def parse_date(
    text: str,
    anchor: date | None,
    *,
    before: str = "",
    direction: str | None = None,
    reference: date | None = None,
) -> DateValue | None:
    """Normalize one date expression; None when ``text`` is not a date.

    ``before`` is the text just before the span (its last preposition gives the
    relation), ``direction`` "past"/"future" places a month or day without a
    year, ``reference`` resolves "the previous quarter" and the like.

    >>> parse_date("the end of 2030", None, before="capacity of 5 GW by ")
    DateValue(value='2030', start='2030-01-01', end='2030-12-31', relation='by')
    >>> parse_date("the fourth quarter of this year", date(2026, 11, 23)).value
    '2026-Q4'
    >>> parse_date("Monday", date(2026, 11, 22)).value
    '2026-11-16'
    >>> parse_date("the previous quarter", None, reference=date(2025, 10, 1)).value
    '2025-Q3'
    >>> parse_date("next year", None, before="during ")
    DateValue(value=None, start=None, end=None, relation='in')
    >>> parse_date("six months", date(2026, 11, 23)) is None
    True
    """
    span = text.strip()
    relation = _relation(R.RELATION_BEFORE.search(before[-80:]))
    leading = R.RELATION_LEADING.match(span)
    if leading:
        relation, span = _relation(leading), span[leading.end():]
    if direction is None and relation == "since":
        direction = "past"
    try:
        period = _interpret(span, _Context(anchor, direction, reference))
    except _Unresolved:
        return DateValue(value=None, relation=relation)
    if period is None:
        return None
    bounds = period.bounds()
    start, end = (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else (None, None)
    return DateValue(value=period.value, start=start, end=end, relation=relation)


def guess_direction(sentence: str) -> str | None:
    """"past", "future" or None from tense cues; future wins ("said it will ...").

    >>> guess_direction("Samsung said it will start mass production in July.")
    'future'
    >>> guess_direction("Meta aims to build 5 GW by the end of 2030.")
    'future'
    >>> guess_direction("The order was signed in March.")
    'past'
    >>> guess_direction("TSMC shipped the first wafers on Nov. 3.")
    'past'
    >>> guess_direction("Samsung's self-developed chips in May") is None
    True
    """
    if R.FUTURE_CUES.search(sentence):
        return "future"
    if R.PAST_CUES.search(sentence):
        return "past"
    if any(word not in R.NOT_PAST_PARTICIPLES for word in R.ED_WORDS.findall(sentence)):
        return "past"
    return None


def _relation(match: re.Match | None) -> str | None:
    if match is None:
        return None
    return R.RELATIONS[" ".join((match["prep"] or match.groupdict().get("since")).lower().split())]


class _Unresolved(Exception):
    """A relative date with neither an anchor nor a reference to resolve it."""


@dataclass(frozen=True)
class _Context:
    anchor: date | None
    direction: str | None
    reference: date | None

    def need_anchor(self) -> date:
        if self.anchor is None:
            raise _Unresolved
        return self.anchor

    def base(self, word: str) -> tuple[date, int]:
        """The day a relative word counts from, and its shift ("last" -> -1)."""
        key = word.lower().split()[-1]
        entry = R.RELATIVE[key]
        base = self.anchor
        if entry["base"] == "reference":
            base = self.reference or (self.anchor if entry.get("fallback") == "anchor" else None)
        if base is None:
            raise _Unresolved
        return base, entry["shift"]


def _interpret(span: str, context: _Context) -> Period | None:
    match = R.FINDER.fullmatch(span)
    if match is None:
        return _absolute_fallback(span)
    group = match.lastgroup
    rule = R.RULE_IDS[int(group[1:])]
    if rule == "date.the_unit" and not match["mod"]:
        return None
    core = R.RULE_PATTERNS[rule].fullmatch(span, match.start(group), match.end(group))
    return _HANDLERS[rule](core, context) if core else None


_Handler = Callable[[re.Match, _Context], "Period | None"]
_HANDLERS: dict[str, _Handler] = {}


def _handles(*rules: str) -> Callable[[_Handler], _Handler]:
    def register(handler: _Handler) -> _Handler:
        _HANDLERS.update(dict.fromkeys(rules, handler))
        return handler
    return register


def _year(match: re.Match, context: _Context) -> tuple[int, bool] | None:
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
          "date.half_code", "date.code_short", "date.year_code")
def _subperiod(match: re.Match, context: _Context) -> Period | None:
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
        return nearest(lambda y: Period(kind, y, index), context.need_anchor(), context.direction)
    return Period(kind, year[0], index, fiscal=year[1])


@_handles("date.month_day", "date.day_month")
def _month_day(match: re.Match, context: _Context) -> Period | None:
    month, dom = _month_number(match["month"]), int(match["day"])
    if match["year"]:
        return make_day(int(match["year"]), month, dom)
    return nearest(lambda y: make_day(y, month, dom), context.need_anchor(), context.direction)


@_handles("date.month_year", "date.month")
def _month(match: re.Match, context: _Context) -> Period | None:
    month = _month_number(match["month"])
    year = _year(match, context)
    if year is None:
        return nearest(lambda y: Period("month", y, month), context.need_anchor(), context.direction)
    return Period("month", year[0], month)


@_handles("date.month_relative")
def _month_relative(match: re.Match, context: _Context) -> Period:
    base, steps = context.base(match["rel"])
    month = _month_number(match["month"])
    year = base.year + (steps > 0 and month <= base.month) - (steps < 0 and month >= base.month)
    return Period("month", year, month)


@_handles("date.weekday")
def _weekday(match: re.Match, context: _Context) -> Period:
    iso_weekday = R.WEEKDAYS[match["weekday"].lower()]
    if match["rel"]:
        base, steps = context.base(match["rel"])
        return weekday(base, iso_weekday, steps)
    return weekday(context.need_anchor(), iso_weekday, None)


@_handles("date.relative")
def _relative(match: re.Match, context: _Context) -> Period:
    base, steps = context.base(match["rel"])
    return shift(containing(base, match["unit"].lower()), steps)


@_handles("date.same_last_year")
def _same_last_year(match: re.Match, context: _Context) -> Period:
    unit = match["unit"].lower()
    base = context.reference or context.need_anchor()
    return shift(containing(base, unit), -PER_YEAR[unit])


@_handles("date.ago")
def _ago(match: re.Match, context: _Context) -> Period:
    count = match["count"].lower()
    steps = int(count) if count.isdigit() else R.NUMBER_WORDS[count]
    return shift(containing(context.need_anchor(), match["unit"].lower()), -steps)


@_handles("date.deictic")
def _deictic(match: re.Match, context: _Context) -> Period:
    offset = R.DEICTIC_DAYS[" ".join(match["deictic"].lower().split())]
    return day(context.need_anchor() + timedelta(days=offset))


@_handles("date.year_end", "date.year", "date.fiscal_year")
def _year_period(match: re.Match, context: _Context) -> Period:
    year = _year(match, context) or (context.need_anchor().year, False)
    return Period("year", year[0], fiscal=year[1])


@_handles("date.the_unit")
def _the_unit(match: re.Match, context: _Context) -> Period:
    return containing(context.need_anchor(), match["unit"].lower())


@_handles("date.day_ordinal")
def _day_ordinal(match: re.Match, context: _Context) -> Period | None:
    anchor = context.need_anchor()
    return make_day(anchor.year, anchor.month, int(match["day"]))


@_handles("date.iso_day")
def _iso_day(match: re.Match, context: _Context) -> Period | None:
    return make_day(int(match["year"]), int(match["month"]), int(match["day"]))


@_handles("date.iso_week", "date.week_number")
def _week(match: re.Match, context: _Context) -> Period | None:
    return make_week(int(match["year"]), int(match["week"] or match.groupdict().get("weekord")))


@_handles("date.decade")
def _decade(match: re.Match, context: _Context) -> Period:
    return Period("decade", int(match["decade"]))


def _absolute_fallback(span: str) -> Period | None:
    """Absolute forms the rules miss ("24/07/2025"), through dateparser; only with a year."""
    if len(span) > 40 or not R.YEAR_DIGITS.search(span):
        return None
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
