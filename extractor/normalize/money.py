"""Money amounts: find them in raw text and read them into ``MoneyValue``.

Data: ``models/currencies.yaml`` (currency forms), ``models/numbers.yaml`` (via
``numbers``), ``models/qualifiers.yaml`` (via ``qualifiers``). A span runs from
the first symbol or digit to the currency word, without the qualifier, without
"between"/"from" and without a bracketed abbreviation (output contract, "Spans").
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from extractor.normalize.numbers import (
    AMOUNT_PATTERN, VAGUE_PATTERN, is_unscaled, parse_number, parse_range, parse_vague, plain,
)
from extractor.normalize.qualifiers import (
    CONNECTOR_PATTERN, DASHES, OPENER_PATTERN, is_change, merge_ranges, qualifier, range_gap,
)
from extractor.normalize.spans import Candidate
from extractor.records import MoneyValue
from extractor.patterns import guarded
from extractor.resources import load_yaml

__all__ = ["find_money", "parse_money"]

_DATA = load_yaml("currencies.yaml")
_CONTEXT = 60  # characters of text before a span that cues and ranges look at


def _table(field: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for code, entry in _DATA["currencies"].items():
        for form in entry.get(field, []):
            table[form] = code
    return table


_PREFIXES = _table("prefixes")
_SUFFIXES = _table("suffixes")
_AMBIGUOUS = frozenset(_DATA.get("ambiguous_prefixes", []))
_MIN_UNSCALED = {
    code: Decimal(str(entry["min_unscaled"]))
    for code, entry in _DATA["currencies"].items() if "min_unscaled" in entry
}
_SCALED_PREFIXES = frozenset(f for entry in _DATA["currencies"].values() for f in entry.get("scaled_prefixes", []))
_YEAR = re.compile(r"(?:19|20)\d\d")


def _forms_pattern(forms) -> str:
    """Lower-case forms (words) in any case; forms with capitals or symbols exactly."""
    def alternation(items) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(items, key=len, reverse=True))
    words = [f for f in forms if f == f.lower()]
    exact = [f for f in forms if f != f.lower()]
    return rf"(?:{alternation(exact)}|(?i:{alternation(words)}))"


def _lookup(table: dict[str, str], form: str) -> str:
    form = re.sub(r"\s+", " ", form)
    return table.get(form) or table[form.lower()]


_PREFIX = _forms_pattern(_PREFIXES)
_SUFFIX = _forms_pattern(_SUFFIXES) + "(?![A-Za-z])"
_MONEY = guarded(
    OPENER_PATTERN
    + rf"(?:(?P<vague>{VAGUE_PATTERN})[\s-]*(?P<vsuf>{_SUFFIX})"
    + rf"|(?<![A-Za-z])(?P<pre>{_PREFIX})\s?(?P<lo>{AMOUNT_PATTERN})"
    + rf"(?:{CONNECTOR_PATTERN}(?P<hi>{AMOUNT_PATTERN}))?(?:[\s-]*(?P<suf>{_SUFFIX}))?"
    + rf"|(?<![\w.,])(?P<lo2>{AMOUNT_PATTERN})(?:{CONNECTOR_PATTERN}(?P<hi2>{AMOUNT_PATTERN}))?"
    + rf"[\s-]*(?P<suf2>{_SUFFIX}))"
)


class _Reading(NamedTuple):
    start: int
    end: int
    currency: str
    low: Decimal
    high: Decimal | None  # None: one amount, not a range
    amount_text: str  # the low end as written, to share a scale when two readings join
    rule: str


def _read(m: re.Match[str], before: str) -> _Reading | None:
    """One regex match as a money reading, or None when the rules reject it."""
    start = m.end("between") if m.group("between") else m.start()
    if m.group("vague"):
        bounds = parse_vague(m.group("vague"))
        if bounds is None:
            return None
        return _Reading(start, m.end(), _lookup(_SUFFIXES, m.group("vsuf")), *bounds, "", "money.vague")
    if m.group("pre"):
        return _read_prefixed(m, start, before)
    return _read_suffixed(m, start, before)


def _range_ok(low: str, high: str, connector: str, before: str) -> bool:
    if not is_unscaled(high) and parse_range(low, high) is None:
        return False
    if is_unscaled(high) and (not is_unscaled(low) or connector.strip() not in set(DASHES)):
        return False  # "$5 billion to 10 companies", "$5 to 10 firms"
    return not (connector.strip().lower() == "to" and is_change(before))


def _read_prefixed(m: re.Match[str], start: int, before: str) -> _Reading | None:
    prefix = re.sub(r"\s+", " ", m.group("pre"))
    if prefix in _SCALED_PREFIXES and is_unscaled(m.group("lo")):
        return None  # "W10" is a model name; "W10 trillion" is won
    code, end = _PREFIXES[prefix], m.end()
    if m.group("suf"):
        suffix_code = _lookup(_SUFFIXES, m.group("suf"))
        if prefix in _AMBIGUOUS:
            code = suffix_code
        elif suffix_code != code:  # "$5 billion won the vote": the word is not ours
            end = m.end("hi") if m.group("hi") else m.end("lo")
    low, high = m.group("lo"), m.group("hi")
    connector = m.string[m.end("lo"):m.start("hi")] if high else ""
    if high and not _range_ok(low, high, connector, before):
        high, end = None, m.end("lo")
    rule = "money.symbol" if is_unscaled(low) else "money.symbol_scale"
    return _amounts(start, end, code, low, high, rule)


def _read_suffixed(m: re.Match[str], start: int, before: str) -> _Reading | None:
    low, high = m.group("lo2"), m.group("hi2")
    if high:
        connector = m.string[m.end("lo2"):m.start("hi2")]
        if not _range_ok(low, high, connector, before + m.string[m.start():m.start("lo2")]):
            start, low, high = m.start("hi2"), high, None  # "rose from 1 to 2 trillion won"
    if any(_YEAR.fullmatch(t) for t in (low, high) if t):
        return None  # "in 2025 won the bid", "2025 dollars"
    rule = "money.word" if is_unscaled(low) else "money.word_scale"
    return _amounts(start, m.end(), _lookup(_SUFFIXES, m.group("suf2")), low, high, rule)


def _amounts(start: int, end: int, code: str, low: str, high: str | None, rule: str) -> _Reading | None:
    if high:
        bounds = parse_range(low, high)
        return None if bounds is None else _Reading(start, end, code, *bounds, low, "money.range")
    value = parse_number(low)
    if value is None or (is_unscaled(low) and value < _MIN_UNSCALED.get(code, 0)):
        return None  # "Intel 3 won praise"
    return _Reading(start, end, code, value, None, low, rule)


def find_money(text: str) -> list[Candidate]:
    """Every money amount in ``text``: non-overlapping character spans in text order.

    >>> text = "ASICs worth more than 10 trillion won (approximately RMB 44.3 billion)."
    >>> [(text[c.start:c.end], c.rule) for c in find_money(text)]
    [('10 trillion won', 'money.word_scale'), ('RMB 44.3 billion', 'money.symbol_scale')]
    >>> def spans(text): return [text[c.start:c.end] for c in find_money(text)]
    >>> spans("priced at $560 per unit"), spans("between $3 billion and $4 billion")
    (['$560'], ['$3 billion and $4 billion'])
    >>> spans("tens of billions of dollars"), spans("1-2 trillion won")
    (['tens of billions of dollars'], ['1-2 trillion won'])
    >>> spans("the 2nm node, 50% of sales, $ alone, in 2030")
    []
    """
    readings: dict[Candidate, _Reading] = {}
    for m in _MONEY.finditer(text):
        reading = _read(m, text[max(0, m.start() - _CONTEXT):m.start()])
        if reading is not None:
            readings[Candidate(reading.start, reading.end, reading.rule)] = reading

    def same_unit(first: Candidate, second: Candidate) -> bool:
        one, two = readings[first], readings[second]
        return one.high is None and two.high is None and one.currency == two.currency

    return merge_ranges(text, list(readings), same_unit, "money.range")


def parse_money(text: str, before: str = "", after: str = "") -> MoneyValue | None:
    """Read a money span; ``before``/``after`` (about 60 characters) give the qualifier.

    >>> parse_money("10 trillion won", before="worth more than ")
    MoneyValue(amount='10000000000000', currency='KRW', qualifier='at_least', low=None, high=None)
    >>> parse_money("RMB 44.3 billion", before="(approximately ").amount
    '44300000000'
    >>> parse_money("1 and 2 trillion won", before="between ").low
    '1000000000000'
    >>> parse_money("tens of billions of dollars").high
    '100000000000'
    >>> parse_money("10 trillion") is None
    True
    """
    opener = "between " if re.search(r"\bbetween\s*$", before, re.IGNORECASE) else ""
    m = _MONEY.fullmatch(opener + text)
    reading = _read(m, before) if m else None
    if reading is None or (reading.start, reading.end) != (len(opener), len(opener) + len(text)):
        reading = _read_joined(text, before)
    if reading is None:
        return None
    if reading.high is None:
        return MoneyValue(amount=plain(reading.low), currency=reading.currency,
                          qualifier=qualifier(before, after))
    kind = "approx" if reading.rule == "money.vague" else "range"
    return MoneyValue(currency=reading.currency, qualifier=kind, low=plain(reading.low), high=plain(reading.high))


def _read_joined(text: str, before: str) -> _Reading | None:
    """A range written as two full amounts: "$3 billion to $4 billion"."""
    first = _MONEY.match(text)
    one = _read(first, before) if first else None
    if one is None or one.start != 0 or one.high is not None:
        return None
    second_start = range_gap(text, one.end, before)
    second = _MONEY.fullmatch(text[second_start:]) if second_start else None
    two = _read(second, "") if second else None
    if two is None or two.high is not None or two.end != len(text) - second_start or two.currency != one.currency:
        return None
    bounds = parse_range(one.amount_text, two.amount_text)
    return None if bounds is None else _Reading(0, len(text), one.currency, *bounds, one.amount_text, "money.range")
