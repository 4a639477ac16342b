"""Qualifiers and ranges around an amount: what money and quantity share.

Data: ``models/qualifiers.yaml``. A qualifier is read from the text right before
or right after a span; the span itself never includes it (output contract,
"Spans"). Ranges: "between" and "from" stay out of the span like a qualifier,
so "between 1 and 2 trillion won" gives the span "1 and 2 trillion won".
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from extractor.normalize.spans import Candidate
from extractor.patterns import guarded
from extractor.resources import load_yaml

__all__ = [
    "CONNECTOR_PATTERN", "DASHES", "OPENER_PATTERN", "is_change", "merge_ranges", "range_gap",
    "qualifier", "qualifier_after", "qualifier_before",
]

_DATA = load_yaml("qualifiers.yaml")


def _phrase(cue: str) -> str:
    return re.escape(cue).replace(r"\ ", r"\s+")


def _before_regex(cues: dict[str, list[str]]) -> re.Pattern[str]:
    groups = []
    for name, phrases in cues.items():
        words = "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))
        groups.append(f"(?P<{name}>{words})")
    # Searched with the end anchored: the leftmost hit is the longest cue, so
    # "no more than" beats "more than".
    return guarded(rf"(?<![\w-])(?:{'|'.join(groups)})\s*$", re.IGNORECASE)


def _after_regex(cues: dict[str, list[str]]) -> re.Pattern[str]:
    groups = []
    for name, phrases in cues.items():
        forms = [
            _phrase(p) if p[0] in "-+" else r"\s+" + _phrase(p)
            for p in sorted(phrases, key=len, reverse=True)
        ]
        groups.append(f"(?P<{name}>{'|'.join(forms)})")
    return re.compile(rf"^(?:{'|'.join(groups)})(?![\w+])", re.IGNORECASE)


_BEFORE = _before_regex(_DATA["before"])
_AFTER = _after_regex(_DATA["after"])
_CHANGE = guarded(
    rf"\b(?:{'|'.join(_phrase(v) for v in _DATA['change_verbs'])})\b[^.;:!?]{{0,40}}?\bfrom\s*$",
    re.IGNORECASE,
)
_BETWEEN_END = guarded(r"\bbetween\s*$", re.IGNORECASE)

#: Optional "between " before a range's low end; a finder leaves it out of the span.
OPENER_PATTERN = r"(?:(?P<between>(?i:\bbetween)\s+))?"
#: The dashes that join a range's ends, and the tilde of Korean and Japanese copy ("3~4 trillion won").
DASHES = "-\u2013\u2014~\uff5e"
#: Joins a range's ends: a dash, "to", and "and" only where OPENER_PATTERN saw "between".
CONNECTOR_PATTERN = rf"(?:\s*[{DASHES}]\s*|\s+to\s+|\s+(?(between)and|(?!))\s+)"
_GAP = re.compile(rf"\s*[{DASHES}]\s*|\s+to\s+|\s+(?P<and>and)\s+", re.IGNORECASE)


def _hit(match: re.Match[str] | None) -> str | None:
    return match.lastgroup if match else None


def qualifier_before(before: str) -> str | None:
    """The qualifier a cue right before a span sets, or None.

    >>> qualifier_before("ASICs worth more than ")
    'at_least'
    >>> qualifier_before("won (approximately "), qualifier_before("expected to approach ")
    ('approx', 'approx')
    >>> qualifier_before("no more than "), qualifier_before("orders of up to ")
    ('at_most', 'at_most')
    >>> qualifier_before("receives ") is None, qualifier_before("handsome ") is None
    (True, True)
    """
    return _hit(_BEFORE.search(before[-60:]))


def qualifier_after(after: str) -> str | None:
    """The qualifier a cue right after a span sets, or None.

    >>> qualifier_after(" or more in orders"), qualifier_after("-plus deal")
    ('at_least', 'at_least')
    >>> qualifier_after("-class data center"), qualifier_after("+ of capacity")
    ('approx', 'at_least')
    >>> qualifier_after(" classes") is None, qualifier_after(" or more5") is None
    (True, True)
    """
    return _hit(_AFTER.match(after))


def qualifier(before: str, after: str) -> str:
    """The qualifier of a single amount: a cue before wins over one after, else exact.

    >>> qualifier("more than ", " or so")
    'at_least'
    >>> qualifier("", " or so"), qualifier("", "-plus")
    ('approx', 'at_least')
    >>> qualifier("worth ", ".")
    'exact'
    """
    return qualifier_before(before) or qualifier_after(after) or "exact"


def is_change(before: str) -> bool:
    """True where "from X to Y" follows a verb of change: two amounts, not a range.

    >>> is_change("revenue rose from "), is_change("expand capacity from ")
    (True, True)
    >>> is_change("valued at from "), is_change("rose. Prices from ")
    (False, False)
    >>> is_change("revenue rose ")
    False
    """
    return _CHANGE.search(before[-60:]) is not None


def merge_ranges(
    text: str, candidates: Sequence[Candidate], same_unit: Callable[[Candidate, Candidate], bool], rule: str
) -> list[Candidate]:
    """Join neighbours "X to Y" / "X-Y" / "between X and Y" of one unit into one range.

    >>> c = [Candidate(0, 10, "a"), Candidate(14, 24, "a")]
    >>> merge_ranges("$3 billion to $4 billion", c, lambda x, y: True, "r")
    [Candidate(start=0, end=24, rule='r')]
    >>> c = [Candidate(10, 20, "a"), Candidate(24, 34, "a")]
    >>> merge_ranges("rose from $3 billion to $4 billion", c, lambda x, y: True, "r") == c
    True
    >>> merge_ranges("xx $3 billion to $4 billion", [Candidate(3, 13, "a"), Candidate(17, 27, "a")],
    ...              lambda x, y: False, "r")
    [Candidate(start=3, end=13, rule='a'), Candidate(start=17, end=27, rule='a')]
    """
    merged: list[Candidate] = []
    for candidate in candidates:
        if merged and _joinable(text, merged[-1], candidate) and same_unit(merged[-1], candidate):
            merged[-1] = Candidate(merged[-1].start, candidate.end, rule)
        else:
            merged.append(candidate)
    return merged


def range_gap(text: str, pos: int, before: str) -> int | None:
    """Where a range's high end starts, when a connector runs from ``pos``; else None.

    ``before`` is the text before the low end: "and" needs "between" there, and
    "to" after a verb of change ("rose from") is no range.

    >>> range_gap("$3 billion to $4 billion", 10, "worth ")
    14
    >>> range_gap("1 and 2", 1, "between "), range_gap("1 and 2", 1, "") is None
    (6, True)
    >>> range_gap("$3bn to $4bn", 4, "sales rose from ") is None
    True
    """
    gap = _GAP.match(text, pos)
    if gap is None:
        return None
    if gap.group("and") and _BETWEEN_END.search(before) is None:
        return None
    if gap.group(0).strip().lower() == "to" and is_change(before):
        return None
    return gap.end()


def _joinable(text: str, first: Candidate, second: Candidate) -> bool:
    before = text[max(0, first.start - 60):first.start]
    return range_gap(text, first.end, before) == second.start
