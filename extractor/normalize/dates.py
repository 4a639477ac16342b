"""Find dates in raw news text and normalize them to the contract's DATE value.

Pure functions, no spaCy and no clock: a relative date resolves only against
the ``anchor`` (publication date) or ``reference`` (an explicit date found
earlier in the text) passed in, and stays null without one. The grammar lives
in :mod:`extractor.normalize.date_rules`, the vocabulary in ``models/dates.yaml``,
the calendar arithmetic in :mod:`extractor.normalize.date_periods`.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from ..records import DateValue
from . import date_rules as R
from .date_resolve import Context, Unresolved, interpret, rule_match
from .spans import Candidate

__all__ = ["find_dates", "parse_date", "guess_direction", "is_absolute", "is_reference"]

_OWN_YEAR = ("year", "yy", "fy", "fy4", "decade")
_RELATIVE_PART = ("yrel", "rel", "ythe")


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
    found: list[Candidate] = []
    consumed = tried = 0
    # Same result as FINDER.finditer(text), but the full grammar is tried only at
    # the word starts shortly before a trigger word, each at most once. (The scan for
    # those starts reads on past the trigger, so that the guard sees whole words.)
    for trigger in R.TRIGGER.finditer(text):
        if trigger.start() < consumed:
            continue
        first = max(consumed, tried, trigger.start() - R.LOOKBACK)
        tried = trigger.start() + 1
        for word in R.FINDER_STARTS.finditer(text, first):
            if word.start() >= tried:
                break
            match = R.FINDER.match(text, word.start()) if word.start() >= consumed else None
            if match is None:
                continue
            consumed = match.end()
            rule = R.RULE_IDS[int(match.lastgroup[1:])]
            if not _rejected(rule, match, text):
                found.append(Candidate(match.start(), match.end(), rule))
            if consumed > trigger.start():
                break
    return found


def _rejected(rule: str, match: re.Match, text: str) -> bool:
    """Context checks a regex cannot make cheaply: the word before, a needed modifier."""
    if match["mod"]:
        return False
    if rule == "date.the_unit":
        return True
    # The word before, by splitting rather than a regex anchored at "$", which a search
    # retries at every position of the window.
    window = text[max(0, match.start() - 30):match.start()]
    words = window.split()
    word = words[-1] if words else ""
    if rule == "date.month" and word.lower() in R.NAME_TITLES:
        return True  # "CEO June Paik"
    if rule == "date.month" and match.group().lower() in R.AMBIGUOUS_MONTHS:
        # ("the foundry's May revenue": a possessive before it makes it a month too)
        return word.lower() not in R.MONTH_CUES and not word.endswith(("'s", "’s"))
    if rule == "date.year":
        return word in R.YEAR_PREFIXES
    if rule in ("date.half_code", "date.half_short") and not R.YEAR_DIGITS.search(match.group()) \
            and "'" not in match.group() and "’" not in match.group():
        return word.lower() not in R.HALF_CUES  # "in H2", "by 2H"; not "H2 gas" or "H20 and H2 chips"
    if rule == "date.deictic" and match.group().startswith("Today") and word:
        # "USA Today", "Business Today": an outlet, unless a sentence or line ended before it
        ended = word.endswith((".", "!", "?", ":", '"', "”")) or "\n" in window[window.rfind(word) + len(word):]
        return word[:1].isupper() and not ended
    return False


def parse_date(
    text: str,
    anchor: date | None,
    *,
    before: str = "",
    direction: str | None = None,
    reference: date | None = None,
    day_reference: date | None = None,
) -> DateValue | None:
    """Normalize one date expression; None when ``text`` is not a date.

    ``before`` is the text just before the span (its last preposition gives the
    relation), ``direction`` "past"/"future" places a month or day without a
    year, ``reference`` resolves "the previous quarter" and the like,
    ``day_reference`` (the last day named before) "the next day".

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
    if direction not in _DIRECTIONS:
        raise ValueError(f"direction must be one of {_DIRECTIONS}, got {direction!r}")
    span = text.strip()
    relation = _relation(R.RELATION_BEFORE.search(before[-80:]))
    leading = R.RELATION_LEADING.match(span)
    if leading:
        relation, span = _relation(leading), span[leading.end():]
    if relation == "since":
        direction = "past"  # "has run since May": always before the publication date
    try:
        context = Context(_day_of(anchor), direction, _day_of(reference), relation, _day_of(day_reference))
        period = interpret(span, context)
    except Unresolved:
        return DateValue(value=None, relation=relation)
    if period is None:
        return None
    bounds = period.bounds()
    start, end = (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else (None, None)
    return DateValue(value=period.value, start=start, end=end, relation=relation)


def is_absolute(text: str) -> bool:
    """Whether the span writes out its own year and leans on no other date, so
    that it can be the ``reference`` of the relative dates after it.

    >>> [is_absolute(t) for t in ("Q4 2025", "July 24, 2025", "the end of 2030", "FY2025")]
    [True, True, True, True]
    >>> [is_absolute(t) for t in ("the fourth quarter of this year", "last year", "July", "the third quarter")]
    [False, False, False, False]
    """
    found = rule_match(text.strip())
    if found is None:
        return False
    groups = found[1].groupdict()
    return any(groups.get(g) for g in _OWN_YEAR) and not any(groups.get(g) for g in _RELATIVE_PART)


def is_reference(text: str) -> bool:
    """Whether the span can be the ``reference`` of the relative dates after it: an
    absolute date, or a quarter, half or month of a year named relative to the
    publication date ("the previous quarter" after "the fourth quarter of last year").

    >>> [is_reference(t) for t in ("Q4 2025", "the fourth quarter of last year", "July last year")]
    [True, True, True]
    >>> [is_reference(t) for t in ("last year", "the third quarter", "the previous quarter", "Monday")]
    [False, False, False, False]
    """
    if is_absolute(text):
        return True
    found = rule_match(text.strip())
    if found is None:
        return False
    groups = found[1].groupdict()
    return bool(groups.get("yrel")) and any(groups.get(g) for g in _PART_OF_YEAR)


_PART_OF_YEAR = ("ord", "code", "month")
_DIRECTIONS = ("past", "future", None)


def _day_of(value: date | None) -> date | None:
    """A datetime compares with no date: keep its day."""
    return value.date() if isinstance(value, datetime) else value


def guess_direction(sentence: str, at: int | None = None) -> str | None:
    """"past", "future" or None from tense cues; future wins ("said it will ...").

    With ``at`` (the date's offset in the sentence) only the clause around the
    date is read ("Musk said in October that AI5 would ..." is past): a clause
    with no cue gives None, and the date goes to its nearest occurrence, since
    another clause's tense says little about it ("signed in June; its wafers
    start ramping in November").

    >>> guess_direction("Samsung said it will start mass production in July.")
    'future'
    >>> guess_direction("Meta aims to build 5 GW by the end of 2030.")
    'future'
    >>> guess_direction("The order was signed in March.")
    'past'
    >>> guess_direction("TSMC shipped the first wafers on Nov. 3.")
    'past'
    >>> guess_direction("Musk said in October that AI5 would be made by both.", at=17)
    'past'
    >>> guess_direction("Samsung's self-developed chips in May") is None
    True
    """
    if at is not None:
        starts = [m.end() for m in R.CLAUSE_BREAK.finditer(sentence, 0, at)]
        after = R.CLAUSE_BREAK.search(sentence, at)
        clause = sentence[starts[-1] if starts else 0:after.start() if after else len(sentence)]
        return _tense(clause)
    return _tense(sentence)


@lru_cache(maxsize=256)  # a sentence with several dates is read once
def _tense(sentence: str) -> str | None:
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
    groups = match.groupdict()
    if groups.get("to"):
        return R.RELATIONS_AFTER_FROM[groups["to"].lower()]
    return R.RELATIONS[" ".join((groups["prep"] or groups["since"]).lower().split())]
