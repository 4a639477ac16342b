"""Quantities: power, wafer capacity, wafer counts and product counts, in base units.

Data: ``models/units.yaml``, with numbers and qualifiers read as for money
(``numbers``, ``qualifiers``). Base units (output contract, QUANTITY): W for
power, wafer/month for capacity, wafer for wafer counts, unit for product counts.
A span runs from the first digit to the unit, without the qualifier and without a
bracketed abbreviation ("5 gigawatts (GW)" -> "5 gigawatts"); a product count
keeps the names between ("50,000 Nvidia GPUs").
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from extractor.normalize.numbers import (
    AMOUNT_PATTERN, LOOSE_AMOUNT_PATTERN, VAGUE_PATTERN, parse_number, parse_range, parse_vague, plain,
)
from extractor.normalize.qualifiers import (
    CONNECTOR_PATTERN, OPENER_PATTERN, is_change, merge_ranges, qualifier, range_gap,
)
from extractor.normalize.spans import Candidate
from extractor.records import QuantityValue
from extractor.patterns import guarded
from extractor.resources import load_yaml

__all__ = ["find_quantities", "parse_quantity"]

_DATA = load_yaml("units.yaml")
_CONTEXT = 60
_POWER_SYMBOLS: dict[str, int] = {str(k): int(v) for k, v in _DATA["power"]["symbols"].items()}
_POWER_WORDS: dict[str, int] = {str(k).lower(): int(v) for k, v in _DATA["power"]["words"].items()}
_KINDS = {group: (_DATA[group]["unit"], _DATA[group]["kind"]) for group in ("power", "wafer_capacity", "wafers", "units")}


def _alternation(forms) -> str:
    return "|".join(re.escape(str(f)).replace(r"\ ", r"\s*") for f in sorted(forms, key=len, reverse=True))


_POWER_UNIT = rf"(?:(?:{_alternation(_POWER_SYMBOLS)})(?![A-Za-z])|(?i:{_alternation(_POWER_WORDS)})(?![a-z]))"
_POWER = rf"{_POWER_UNIT}(?![\s-](?i:{_alternation(_DATA['power']['energy_words'])})\b)"  # not "gigawatt-hours"
_SIZE = rf"(?:\d{{1,3}}(?:[\s-]?(?i:{_alternation(_DATA['wafer_sizes'])})(?:-equivalent)?(?![a-z])|\"|\u2033))"
# a name with its model number ("Ascend 910C", "Siyuan 690"), a pair of names ("GB200 and GB300"), a
# number-led or hyphenated compound ("12-high", "liquid-cooled"), or a listed lower-case word
_MODIFIER = (rf"(?:[A-Z][\w.+-]*(?:\s+\d{{1,4}}[A-Za-z]{{0,3}}(?![\w.,]))?|and(?=\s+[A-Z])|\d{{1,3}}-[a-z][a-z-]*"
             rf"|[a-z]+-[a-z]+(?:-[a-z]+)?|(?i:{_alternation(_DATA['units']['modifiers'])})(?![\w-]))")
# "2,000 HBM wafers", "40,000 2nm wafers per month", "10,000 logic wafers"
_WAFER_MODIFIER = rf"(?:[A-Z][\w.+-]*|\d+(?:\.\d+)?-?nm\b|(?i:{_alternation(_DATA['wafers']['modifiers'])})(?![\w-]))"
_WAFER_LEAD = rf"(?:{_SIZE}\s+)?(?:{_WAFER_MODIFIER}\s+){{0,2}}"
_SCALED_PHRASES: dict[str, int] = {str(k).lower(): int(v) for k, v in _DATA["wafer_capacity"]["scaled_phrases"].items()}
_CAPACITY = _alternation([*_DATA["wafer_capacity"]["phrases"], *_SCALED_PHRASES])
_UNIT_NOUNS = rf"(?:(?i:{_alternation(_DATA['units']['nouns'])})|{_DATA['units']['model_plural']})(?![a-z])"
_UNIT = (
    rf"(?:[\s-]?(?P<power>{_POWER})"
    rf"|[\s-]*{_WAFER_LEAD}(?P<wafer_capacity>(?i:{_CAPACITY})(?![a-z]))"
    rf"|[\s-]{_WAFER_LEAD}(?P<wafers>(?i:{_alternation(_DATA['wafers']['nouns'])})(?![a-z]))"
    rf"|[\s-](?:{_MODIFIER}\s+){{0,4}}(?P<units>{_UNIT_NOUNS}))"
)
# "a gigawatt": the article is the number only before a power word
_ARTICLE = rf"(?i:an?)(?=[\s-]+(?i:{_alternation(_POWER_WORDS)})(?![a-z]))"
# "10+ GW", "100,000-plus GPUs": written onto the number, an at_least qualifier
_PLUS = r"(?P<plus>\+|-plus(?![a-z]))"
_QUANTITY = guarded(
    OPENER_PATTERN
    + rf"(?:(?P<vague>{VAGUE_PATTERN})|(?<![\w.,])(?P<lo>{LOOSE_AMOUNT_PATTERN}|{_ARTICLE})"
    + rf"(?:{_PLUS}|{CONNECTOR_PATTERN}(?P<hi>{LOOSE_AMOUNT_PATTERN}))?)"
    + _UNIT
)
_STRICT_AMOUNT = re.compile(AMOUNT_PATTERN)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHLY = guarded(rf"\b(?:{_alternation(_DATA['wafers']['monthly_cues'])})\b[^.;]*$", re.IGNORECASE)
_MONTHLY_AFTER = re.compile(rf"\s+(?:{_alternation(_DATA['wafers']['monthly_after'])})\b", re.IGNORECASE)
# A year-like count ("2048 GPUs") is a year after these words ("in 2025 chips were scarce").
_TIME_WORD = re.compile(r"(?i:\b(?:in|by|since|until|till|through|from|during|before|after|early|late|mid|"
                        r"end|fiscal|FY|full-year|calendar|and|or)\s*$)")
# "Maia 200 accelerators", "Ascend 910B processors": digits right after a capitalized
# word inside a sentence name a product, not a count.
_NAMED_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?")
_NAME_BEFORE = re.compile(r"(?<=[^\s.!?:;\"“(\[])\s+[A-Z][\w-]*\s$|(?<!\w)[A-Za-z]+-$")  # "AK-1 accelerator"


class _Reading(NamedTuple):
    start: int
    end: int
    group: str  # the units.yaml group: power, wafer_capacity, wafers, units
    low: Decimal
    high: Decimal | None  # None: one amount, not a range
    amount_text: str
    rule: str


def _unit_scale(m: re.Match[str], group: str) -> int:
    if group == "wafer_capacity":
        return _SCALED_PHRASES.get(re.sub(r"\s+", " ", m.group(group)).lower(), 0)
    if group != "power":
        return 0
    unit = m.group("power")
    return _POWER_SYMBOLS[unit] if unit in _POWER_SYMBOLS else _POWER_WORDS[unit.lower()]


def _range_kept(m: re.Match[str], before: str) -> bool:
    if parse_range(m.group("lo"), m.group("hi")) is None:
        return False
    connector = m.string[m.end("lo"):m.start("hi")].strip().lower()
    return not (connector == "to" and is_change(before + m.string[m.start():m.start("lo")]))


def _year_taken(m: re.Match[str], group: str, before: str, texts) -> bool:
    """A 19xx/20xx number is a year ("in 2025 Nvidia GPUs ..."), unless a plural product noun
    follows it directly and no time word leads it ("a cluster of 2048 GPUs"; "2027 chip sales" and
    "full-year 2026 wafer volumes" are years, as a count of thousands takes the plural)."""
    if not any(_YEAR.fullmatch(t) for t in texts if t):
        return False
    directly = m.string[m.end("hi") if m.group("hi") else m.end("lo"):m.start(group)].strip() == ""
    singular = group in {"units", "wafers"} and not m.group(group).lower().endswith("s")
    return group == "power" or not directly or singular or _TIME_WORD.search(before) is not None


def _read(m: re.Match[str], before: str) -> _Reading | None:
    """One regex match as a quantity reading, or None when the rules reject it."""
    start = m.end("between") if m.group("between") else m.start()
    group = next(g for g in _KINDS if m.group(g))
    scale = _unit_scale(m, group)
    if m.group("vague"):
        bounds = parse_vague(m.group("vague"), bare=group == "power")
        if bounds is None:
            return None
        low, high = (b.scaleb(scale) for b in bounds)
        return _Reading(start, m.end(), group, low, high, "", "quantity.vague")
    low, high = m.group("lo"), m.group("hi")
    if high and not _range_kept(m, before):
        start, low, high = m.start("hi"), high, None  # "expand capacity from 10,000 to 20,000 wpm"
    if _year_taken(m, group, before, (low, high)):
        return None
    if start == m.start("lo") and _NAMED_NUMBER.fullmatch(low) and _NAME_BEFORE.search(before):
        if not high:
            return None  # "Maia 200 accelerators"
        start, low, high = m.start("hi"), high, None  # "raise IIM-1 to 25,000 wafers per month"
    if group != "power" and not _STRICT_AMOUNT.fullmatch(low):
        return None  # "two servers": a number in words needs a scale unless it is power
    if high:
        bounds = parse_range(low, high)
        return _Reading(start, m.end(), group, *(b.scaleb(scale) for b in bounds), low, "quantity.range")
    value = parse_number(low)
    if value is None:
        return None
    return _Reading(start, m.end(), group, value.scaleb(scale), None, low, f"quantity.{group}")


def find_quantities(text: str) -> list[Candidate]:
    """Every quantity in ``text``: non-overlapping character spans in text order.

    >>> text = "a data center of 5 gigawatts (GW) and approximately 1 GW"
    >>> [(text[c.start:c.end], c.rule) for c in find_quantities(text)]
    [('5 gigawatts', 'quantity.power'), ('1 GW', 'quantity.power')]
    >>> def spans(text): return [text[c.start:c.end] for c in find_quantities(text)]
    >>> spans("mass production with hundreds of thousands of units")
    ['hundreds of thousands of units']
    >>> spans("buy 50,000 Nvidia GPUs and 20k wpm")
    ['50,000 Nvidia GPUs', '20k wpm']
    >>> spans("2nm, 5G, 3 people, 6 months, HBM4 12-high, 5 GWh, 50% of chips")
    []
    """
    readings: dict[Candidate, _Reading] = {}
    for m in _QUANTITY.finditer(text):
        reading = _read(m, text[max(0, m.start() - _CONTEXT):m.start()])
        if reading is not None:
            readings[Candidate(reading.start, reading.end, reading.rule)] = reading

    def same_unit(first: Candidate, second: Candidate) -> bool:
        one, two = readings[first], readings[second]
        return one.high is None and two.high is None and one.group == two.group

    return merge_ranges(text, list(readings), same_unit, "quantity.range")


def parse_quantity(text: str, before: str = "", after: str = "") -> QuantityValue | None:
    """Read a quantity span; ``before``/``after`` (about 60 characters) give the qualifier.

    >>> parse_quantity("5 gigawatts").amount, parse_quantity("1 GW", before="approximately ").qualifier
    ('5000000000', 'approx')
    >>> parse_quantity("16,000 wafers per month")
    QuantityValue(amount='16000', low=None, high=None, unit='wafer/month', kind='wafer_capacity', qualifier='exact')
    >>> v = parse_quantity("hundreds of thousands of units"); (v.low, v.high, v.qualifier)
    ('100000', '1000000', 'approx')
    >>> parse_quantity("100,000 wafers", before="monthly capacity of ").kind
    'wafer_capacity'
    >>> parse_quantity("6 months") is None
    True
    """
    opener = "between " if re.search(r"\bbetween\s*$", before, re.IGNORECASE) else ""
    m = _QUANTITY.fullmatch(opener + text)
    reading = _read(m, before) if m else None
    if reading is None or (reading.start, reading.end) != (len(opener), len(opener) + len(text)):
        reading = _read_joined(text, before)
    if reading is None:
        return None
    unit, kind = _KINDS[reading.group]
    if kind == "wafers" and (_MONTHLY.search(before[-_CONTEXT:]) or _MONTHLY_AFTER.match(after)):
        unit, kind = _KINDS["wafer_capacity"]  # "a monthly capacity of 100,000 wafers"
    if reading.high is None:
        cue = "at_least" if m and m.group("plus") else qualifier(before, after)
        return QuantityValue(amount=plain(reading.low), unit=unit, kind=kind, qualifier=cue)
    shape = "approx" if reading.rule == "quantity.vague" else "range"
    return QuantityValue(low=plain(reading.low), high=plain(reading.high), unit=unit, kind=kind, qualifier=shape)


def _read_joined(text: str, before: str) -> _Reading | None:
    """A range written as two full quantities: "1 GW to 2 GW"."""
    first = _QUANTITY.match(text)
    one = _read(first, before) if first else None
    if one is None or one.start != 0 or one.high is not None:
        return None
    second_start = range_gap(text, one.end, before)
    second = _QUANTITY.fullmatch(text[second_start:]) if second_start else None
    two = _read(second, "") if second else None
    if two is None or two.high is not None or two.end != len(text) - second_start or two.group != one.group:
        return None
    if one.low >= two.low:
        return None
    return _Reading(0, len(text), one.group, one.low, two.low, one.amount_text, "quantity.range")
