"""The date grammar: regexes compiled once, at import, from ``models/dates.yaml``.

``RULES`` lists (rule id, pattern with named groups) in priority order: where
two rules match at the same place, the earlier one wins. ``FINDER`` joins them
into one alternation behind an optional modifier ("the end of", "mid-"), so
one left-to-right scan finds every date; ``parse_date`` matches the span against
``FINDER`` again to learn the rule, then against that rule's own pattern to read
its groups. Everything is compiled case-insensitive except the names wrapped in
``(?-i:...)``: months, weekdays and the Q/H/FY/W codes (see the YAML's case rules).
"""
from __future__ import annotations

import re

from ..patterns import guarded, start_guard
from ..resources import load_yaml

_DATA = load_yaml("dates.yaml")


def _alt(words) -> str:
    """Longest first, so "Sept" is tried before "Sep"; spaces match any whitespace."""
    escaped = (r"\s+".join(map(re.escape, str(w).split())) for w in sorted(set(words), key=len, reverse=True))
    return "|".join(escaped)


def _cased(words) -> str:
    return "(?-i:" + _alt([form(w) for w in words for form in (str.title, str.upper)]) + ")"


MONTHS = {name: number for number, names in _DATA["months"].items() for name in names}
FULL_MONTHS = [names[0] for names in _DATA["months"].values()]
AMBIGUOUS_MONTHS = frozenset(_DATA["ambiguous_months"])
MONTH_CUES = frozenset(_DATA["month_cue_words"])
HALF_CUES = frozenset(_DATA["half_cue_words"])
NAME_TITLES = frozenset(_DATA["name_titles"])
WEEKDAYS = {name: number for number, name in _DATA["weekdays"].items()}
ORDINALS = {word: number for number, words in _DATA["ordinals"].items() for word in words}
NUMBER_WORDS = _DATA["number_words"]
RELATIVE = _DATA["relative"]
DEICTIC_DAYS = _DATA["deictic_days"]
REFERENCE_DAYS = _DATA["reference_days"]
RELATIONS = _DATA["relations"]
RELATIONS_AFTER_FROM = _DATA["relations_after_from"]
YEAR_PREFIXES = frozenset(_DATA["year_prefixes"])
_CUES = _DATA["direction_cues"]
NOT_PAST_PARTICIPLES = frozenset(_CUES["not_past_participles"])

_NOT_BEFORE_NUMBER = r"(?<![\w$€£¥₩.,/#:])"
_UNITS = rf"\s*-?\s*(?:{_alt(_DATA['year_units'])})(?!\w)"
_YEAR_DIGITS = r"(?P<year>(?:19|20)\d\d)"
YEAR_IN_CODE = _NOT_BEFORE_NUMBER + _YEAR_DIGITS
YEAR = rf"{YEAR_IN_CODE}(?![\w%]|[.,]\d|{_UNITS})"
DAY = rf"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[.,]\d|{_UNITS})"
MONTH_NAME = rf"(?P<month>{_cased(MONTHS)})\b\.?"
FULL_MONTH = rf"(?P<month>{_cased(FULL_MONTHS)})\b"
WEEKDAY = rf"(?P<weekday>{_cased(WEEKDAYS)})\b"
ORDINAL = rf"(?P<ord>{_alt(ORDINALS)})"
CODE = r"(?-i:(?P<code>[QH])(?P<n>[1-4]))"


def _relative_word(group: str) -> str:
    """this/last/next/that never after "the" ("over the last year" is a duration)."""
    bare = [w for w, e in RELATIVE.items() if e["article"] == "none"]
    optional = [w for w, e in RELATIVE.items() if e["article"] == "optional"]
    return rf"(?P<{group}>(?:the\s+)?(?:{_alt(optional)})|(?<!the\s)(?:{_alt(bare)}))"


RELATIVE_YEAR = rf"{_relative_word('yrel')}\s+year\b"
FISCAL_YEAR = (r"(?:(?-i:FY)\s?['’]?(?P<fy>(?:19|20)?\d\d)(?!\d)"
               r"|fiscal(?:\s+year)?\s+(?P<fy4>(?:19|20)\d\d)(?!\d))")
YEAR_REF = rf"(?:{YEAR}|{RELATIVE_YEAR})"
YEAR_ANY = rf"(?:{YEAR}|{RELATIVE_YEAR}|(?P<ythe>the)\s+year\b|{FISCAL_YEAR})"
UNIT = r"(?P<unit>year|half|quarter|month|week)\b"
_DAY_FOLLOWERS = rf"(?=\s*(?:[,.;:)]|$)|\s+(?:{_alt(_DATA['day_followers'])})\b)"

_MONTH_DAY = rf"{MONTH_NAME}[^\S\n]*{DAY}(?:,?[^\S\n]+{YEAR})?"  # "Nov. 24", "July 24, 2025"

RULES: list[tuple[str, str]] = [
    ("date.iso_day", rf"{YEAR_IN_CODE}[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<day>3[01]|[12]\d|0?[1-9])(?!\d|[.,]\d)"),
    # "07/24/2025" (US order), "24/07/2025" and "24.07.2025" (day first): see _numeric_day
    ("date.numeric_day", rf"(?<![\d/.])(?P<first>[0-3]?\d)(?P<sep>[/.])(?P<second>[0-3]?\d)[/.]{_YEAR_DIGITS}(?![\d/]|\.\d)"),
    ("date.iso_week", rf"{YEAR_IN_CODE}-?(?-i:W)(?P<week>[0-5]\d)(?!\w)"),
    ("date.week_number", rf"(?:the\s+)?(?:week\s+(?P<week>\d\d?)|(?P<weekord>\d\d?)(?:st|nd|rd|th)\s+week)(?:\s+of|,)?\s+{YEAR}"),
    ("date.decade", rf"(?:the\s+)?{_NOT_BEFORE_NUMBER}(?P<decade>(?:19|20)\d0)['’]?s\b"),
    ("date.year_code", rf"{YEAR_IN_CODE}\s?-?{CODE}(?!\w)"),
    ("date.quarter_code", rf"(?-i:(?P<code>Q))(?P<n>[1-4])(?:\s*['’]\s*(?P<yy>\d\d)(?!\d)|\s+(?:of\s+)?{YEAR_ANY}|(?!\w))"),
    ("date.half_code", rf"(?-i:(?P<code>H))(?P<n>[1-2])(?:\s*['’]\s*(?P<yy>\d\d)(?!\d)|\s+(?:of\s+)?{YEAR_ANY}|(?![\w+]))"),
    # "in 2H", "by H2": a half with no year, only after a preposition (see dates._rejected)
    ("date.half_short", rf"{_NOT_BEFORE_NUMBER}(?P<n>[1-2])(?-i:(?P<code>H))(?![\w+])"),
    ("date.code_short", rf"{_NOT_BEFORE_NUMBER}(?P<n>[1-4])(?-i:(?P<code>[QH]))\s?(?:(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))(?!\w)"),
    ("date.month_range_quarter",
     rf"(?:the\s+)?(?P<m1>{_cased(MONTHS)})\.?\s?[-–]\s?(?P<m2>{_cased(MONTHS)})\.?\s+(?:quarter|period)\b"
     rf"(?:\s+(?:of\s+)?{YEAR_ANY})?"),
    # "a July-September operating profit": a calendar quarter's first and last month alone
    ("date.quarter_months",
     rf"(?-i:(?P<m1>January|Jan|April|Apr|July|Jul|October|Oct))\.?\s?[-–]\s?"
     rf"(?-i:(?P<m2>March|Mar|June|Jun|September|Sept|Sep|December|Dec))\b\.?(?:\s+(?:of\s+)?{YEAR_ANY})?"),
    # "the September quarter": the calendar quarter that ends in that month
    ("date.month_quarter",
     rf"(?:the\s+)?(?-i:(?P<m2>March|June|September|December))\s+(?:quarter|period)\b(?:\s+(?:of\s+)?{YEAR_ANY})?"),
    ("date.subperiod", rf"(?:the\s+)?{ORDINAL}[\s-]+(?P<sub>quarter|half)\b(?:\s+(?:of\s+)?{YEAR_ANY})?"),
    ("date.subperiod_possessive", rf"{YEAR_REF}['’]s\s+(?:{ORDINAL}[\s-]+(?P<sub>quarter|half)\b|{CODE}(?!\w))"),
    # "the week of Sept. 7": the ISO week that holds the day
    ("date.week_of", rf"(?:the\s+)?week\s+of\s+{_MONTH_DAY}"),
    # a line break never falls inside "Nov. 24" ("the end of January.\n\n3. Samsung ...")
    ("date.month_day", rf"(?:{WEEKDAY},?\s+)?{_MONTH_DAY}"),
    ("date.day_month", rf"(?:the\s+)?{_NOT_BEFORE_NUMBER}{DAY}(?:\s+of)?\s+{MONTH_NAME}(?:,?\s+{YEAR})?"),
    ("date.month_year", rf"{MONTH_NAME}(?:\s+of)?,?\s+{YEAR_REF}"),
    ("date.month_relative", rf"{_relative_word('rel')}\s+{FULL_MONTH}"),
    ("date.weekday", rf"(?:{_relative_word('rel')}\s+)?{WEEKDAY}"),
    ("date.same_last_year", r"(?:the\s+)?same\s+(?P<unit>half|quarter|month)\s+(?:of\s+)?"
                            r"(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior|preceding)\s+year)\b"),
    ("date.relative", rf"{_relative_word('rel')}\s+{UNIT}"),
    ("date.ago", rf"(?P<count>{_alt(NUMBER_WORDS)}|\d\d?)\s+(?P<unit>year|month|week|day)s?\s+ago\b"),
    ("date.reference_day", rf"(?P<refday>{_alt(REFERENCE_DAYS)})\b"),
    ("date.deictic", rf"(?P<deictic>{_alt(DEICTIC_DAYS)})\b"),
    ("date.year_end", rf"(?:the\s+)?(?:year[-\s]end|mid-?year)\b(?:\s+(?:of\s+)?{YEAR})?"),
    ("date.day_ordinal", rf"the\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b{_DAY_FOLLOWERS}"),
    ("date.fiscal_year", FISCAL_YEAR),
    ("date.month", FULL_MONTH),
    ("date.year", YEAR),
    ("date.the_unit", rf"the\s+{UNIT}"),
]


def _modifier() -> str:
    words, phrases, hyphened = [], [], []
    for phrase, entry in _DATA["modifiers"].items():
        (hyphened if entry.get("hyphen_only") else phrases if phrase.endswith(" of") else words).append(phrase)
    return rf"(?:the\s+)?(?:{_alt(phrases)})\s+|(?:the\s+)?(?:{_alt(words)})(?:\s+|-)|(?:{_alt(hyphened)})-"


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


RULE_IDS = [rule for rule, _ in RULES]
RULE_PATTERNS = {rule: re.compile(pattern, re.I) for rule, pattern in RULES}
_FINDER = (rf"\b(?P<mod>{_unnamed(_modifier())})?(?:"
           + "|".join(f"(?P<r{i}>{_unnamed(pattern)})" for i, (_, pattern) in enumerate(RULES)) + ")")
FINDER = guarded(_FINDER, re.I)

def _trigger() -> str:
    """Word starts that every date contains (a digit, a unit or day word, a month,
    weekday or period code), led by a one-character lookahead that lets the regex
    engine skip most positions at C speed."""
    words = [*_DATA["units"], "day", "today", "yesterday", "tomorrow", "ago", "midyear"]
    cased = [name[:3] for name in (*FULL_MONTHS, *WEEKDAYS)]
    firsts = {c for w in words for c in (w[0], w[0].upper())} | {w[0].upper() for w in cased} | set("QFH")
    first_chars = "".join(sorted(firsts))
    return rf"(?=[\d{first_chars}])\b(?:\d|(?i:{_alt(words)})|{_cased(cased)}|(?-i:Q[1-4]|H[12]|FY))"


# How far before its first trigger word a date may start: "the latter part of
# the preceding quarter" puts 32 characters before "quarter"; the rest is room
# for runs of whitespace.
LOOKBACK = 80
TRIGGER = re.compile(_trigger())
# The word starts where FINDER may match: those its own start guard lets through, found
# by one scan at C speed (FINDER.match fails on that guard at every other word start).
FINDER_STARTS = re.compile(r"(?=\w)\b" + (start_guard(_FINDER, re.I) or ""), re.I)

_RELATION_TAIL = rf"(?P<prep>{_alt(RELATIONS)})\s+(?:(?:{_alt(_DATA['relation_skip'])})\s+)*"
_SINCE_CLAUSE = rf"(?P<since>since)\s+(?:[\w'’-]+\s+){{1,5}}?(?:[a-z]+ed|{_alt(_DATA['since_clause_verbs'])})\s+$"
_FROM_TO = rf"\bfrom\s+\S[^.;]{{0,60}}?\s(?P<to>{_alt(_DATA['relations_after_from'])})\s+$"
RELATION_BEFORE = guarded(rf"{_FROM_TO}|\b{_RELATION_TAIL}$|\b{_SINCE_CLAUSE}", re.I)
RELATION_LEADING = re.compile(rf"{_RELATION_TAIL}(?=\S)", re.I)

FUTURE_CUES = guarded(rf"\b(?:{_alt(_CUES['future'])})\b|" + "|".join(_CUES["future_regex"]), re.I)
PAST_CUES = guarded(rf"\b(?:{_alt(_CUES['past'])})\b|" + "|".join(_CUES["past_regex"]), re.I)
CLAUSE_BREAK = guarded(r"[,;:()]|\s[\u2013\u2014]\s|\b(?:that|which|who|while|but|and|after|before|when)\b", re.I)
ED_WORDS = re.compile(r"(?<![\w-])[a-z]{3,}ed\b")
YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
