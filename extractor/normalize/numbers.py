"""Numbers as news text writes them, read into exact ``Decimal`` values.

Data: ``models/numbers.yaml`` (scale words, abbreviations, number words, vague
multiples). The regular-expression sources built here (``AMOUNT_PATTERN``,
``VAGUE_PATTERN``) are the building blocks of the money and quantity finders, so
that both read numbers the same way. Decimal end to end: scales are integer
powers of ten applied with ``scaleb``, never floats.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from extractor.resources import load_yaml

__all__ = [
    "AMOUNT_PATTERN", "LOOSE_AMOUNT_PATTERN", "VAGUE_PATTERN",
    "is_unscaled", "parse_number", "parse_range", "parse_vague", "plain",
]

_DATA = load_yaml("numbers.yaml")
_SCALE_WORDS: dict[str, int] = {str(k).lower(): int(v) for k, v in _DATA["scale_words"].items()}
_SCALE_ABBREVIATIONS: dict[str, int] = {str(k): int(v) for k, v in _DATA["scale_abbreviations"].items()}
_NUMBER_WORDS: dict[str, Decimal] = {str(k).lower(): Decimal(str(v)) for k, v in _DATA["number_words"].items()}
_MULTIPLIERS: dict[str, Decimal] = {str(k).lower(): Decimal(str(v)) for k, v in _DATA["multipliers"].items()}


def _factor_pair(pair: list) -> tuple[Decimal, Decimal]:
    return Decimal(str(pair[0])), Decimal(str(pair[1]))


def _build_vague_of() -> dict[str, tuple[Decimal, Decimal]]:
    # A plural scale or multiplier is "1x to 10x" of itself: "hundreds" -> 100..1000.
    leads = {str(k).lower(): _factor_pair(v) for k, v in _DATA["vague_of"].items()}
    for word, exponent in _SCALE_WORDS.items():
        leads[word + "s"] = (Decimal(1).scaleb(exponent), Decimal(1).scaleb(exponent + 1))
    for word, factor in _MULTIPLIERS.items():
        leads[word + "s"] = (factor, factor * 10)
    return leads


_VAGUE_OF = _build_vague_of()
_VAGUE_MULTIPLES = {str(k).lower(): _factor_pair(v) for k, v in _DATA["vague_multiples"].items()}


def _alternation(forms, *, spaces: bool = False) -> str:
    """Longest first, so that "bn" is tried before "b" at the same position."""
    escaped = (re.escape(form) for form in sorted(set(forms), key=len, reverse=True))
    if spaces:
        escaped = (form.replace(r"\ ", r"\s+") for form in escaped)
    return "|".join(escaped)


def _split_abbreviations() -> tuple[str, str]:
    single = [a for a in _SCALE_ABBREVIATIONS if len(a) == 1]
    longer = [a for a in _SCALE_ABBREVIATIONS if len(a) > 1]
    return _alternation(single), _alternation(longer)


_SINGLE_ABBR, _LONGER_ABBR = _split_abbreviations()
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
# One letter must touch the digits ("$5B"): "5 M" or "5 m" is too often something else;
# a longer one may follow a space or a hyphen ("€5 bn", "$5-bn").
_SCALE = (
    rf"(?:[\s-]?(?i:{_alternation(_SCALE_WORDS)})(?![a-z])"
    rf"|[\s-]?(?:{_LONGER_ABBR})(?![A-Za-z])|(?:{_SINGLE_ABBR})(?![A-Za-z]))"
)
_ARTICLES = ("a", "an")
# "a"/"an" is one only before a scale, a multiplier or "half" ("a billion", "a dozen",
# "half a million"); before another number word it is the article ("a one-gigawatt site").
_ARTICLE = (
    rf"(?:{_alternation(_ARTICLES)})(?=[\s-]+(?i:{_alternation([*_SCALE_WORDS, *_MULTIPLIERS, 'half'])})(?![a-z]))"
)
_WORD = (
    rf"(?:{_ARTICLE}|(?:{_alternation([w for w in (*_NUMBER_WORDS, *_MULTIPLIERS) if w not in _ARTICLES])})(?![a-z]))"
)
# Repetitions are bounded so that a finder stays linear on any input: no number
# needs more than six words ("one hundred and twenty-five") or three scaled parts.
_WORDS = rf"(?i:\b{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD}){{0,5}})"
_TAIL = rf"(?:\s+{_DIGITS}{_SCALE}){{0,2}}"  # "3 trillion 500 billion"

#: A number with an optional scale; a number in words needs a scale ("ten billion").
AMOUNT_PATTERN = rf"(?:{_DIGITS}{_SCALE}?{_TAIL}|{_WORDS}{_SCALE}{_TAIL})"
#: As ``AMOUNT_PATTERN``, but words without a scale too ("two gigawatts").
LOOSE_AMOUNT_PATTERN = rf"(?:{_DIGITS}{_SCALE}?{_TAIL}|{_WORDS}(?:{_SCALE}{_TAIL})?)"

_CHAIN_WORD = rf"(?:{_alternation([*_SCALE_WORDS, *_MULTIPLIERS])})s?(?![a-z])"
_VAGUE_LEAD = (
    rf"(?:(?P<of>{_alternation(_VAGUE_OF)})\s+of(?![a-z])"
    rf"|(?P<mult>{_alternation([m for m in _VAGUE_MULTIPLES if not m.endswith('-')], spaces=True)})(?![a-z])"
    rf"|(?P<prefix>{_alternation([m[:-1] for m in _VAGUE_MULTIPLES if m.endswith('-')])})-?)"
)
#: A vague multiple: "tens of billions of", "several hundred million", "multi-billion".
VAGUE_PATTERN = rf"(?i:\b{_VAGUE_LEAD}(?:[\s-]*{_CHAIN_WORD}(?:\s+of(?![a-z]))?){{0,3}})"

_LEAD_RE = re.compile(rf"(?i:{_VAGUE_LEAD})")
_CHAIN_RE = re.compile(rf"(?i:{_CHAIN_WORD})")
_DIGITS_RE = re.compile(_DIGITS)
_LEADING_SCALE_RE = re.compile(rf"(?:{_DIGITS}|{_WORDS})(?P<scale>{_SCALE})")
_TOKEN_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+")


def is_unscaled(text: str) -> bool:
    """True for digits alone, with no scale word ("2030", "1,000").

    >>> is_unscaled("2030"), is_unscaled("1,000")
    (True, True)
    >>> is_unscaled("5 billion"), is_unscaled("20k")
    (False, False)
    >>> is_unscaled("ten")
    False
    """
    return _DIGITS_RE.fullmatch(text.strip()) is not None


def _digits_value(token: str) -> Decimal | None:
    if not _DIGITS_RE.fullmatch(token):
        return None
    return Decimal(token.replace(",", ""))


def _word_value(token: str) -> tuple[str, Decimal | int] | None:
    """Classify one token: ("add", value), ("mul", factor) or ("scale", exponent)."""
    if token in _SCALE_ABBREVIATIONS:
        return "scale", _SCALE_ABBREVIATIONS[token]
    lower = token.lower()
    if lower in _SCALE_WORDS:
        return "scale", _SCALE_WORDS[lower]
    if lower in _MULTIPLIERS:
        return "mul", _MULTIPLIERS[lower]
    if lower in _NUMBER_WORDS:
        return "add", _NUMBER_WORDS[lower]
    return None


def _tokens(text: str) -> list[str]:
    tokens = [t for t in _TOKEN_RE.findall(text) if t.lower() != "and"]
    # "half a million", "one and a half": the article belongs to "half".
    kept = []
    for i, token in enumerate(tokens):
        neighbours = tokens[i - 1:i] + tokens[i + 1:i + 2]
        if token.lower() in ("a", "an") and any(n.lower() == "half" for n in neighbours):
            continue
        kept.append(token)
    return kept


def parse_number(text: str) -> Decimal | None:
    """Read digits, number words and scales; None when any part is not a number.

    >>> parse_number("1,000"), parse_number("22.7647")
    (Decimal('1000'), Decimal('22.7647'))
    >>> plain(parse_number("3 trillion 500 billion"))
    '3500000000000'
    >>> plain(parse_number("half a million")), plain(parse_number("one hundred"))
    ('500000', '100')
    >>> plain(parse_number("$16.5B".lstrip("$"))), plain(parse_number("twenty-five thousand"))
    ('16500000000', '25000')
    >>> parse_number("ten apples") is None
    True
    """
    total, current, seen = Decimal(0), None, False
    for token in _tokens(text):
        digits = _digits_value(token)
        kind, value = ("add", digits) if digits is not None else (_word_value(token) or (None, None))
        if kind is None or (digits is not None and current is not None):
            return None
        seen = True
        if kind == "add":
            current = (current or Decimal(0)) + value
        elif kind == "mul":
            current = (current if current is not None else Decimal(1)) * value
        else:
            total += (current if current is not None else Decimal(1)).scaleb(value)
            current = None
    if not seen:
        return None
    return total + (current or Decimal(0))


def parse_range(low_text: str, high_text: str) -> tuple[Decimal, Decimal] | None:
    """Both ends of a range; a low end without a scale borrows the high end's.

    None unless both ends read and the low end is below the high end.

    >>> [plain(v) for v in parse_range("1", "2 trillion")]
    ['1000000000000', '2000000000000']
    >>> [plain(v) for v in parse_range("3", "4bn")]
    ['3000000000', '4000000000']
    >>> [plain(v) for v in parse_range("50", "60")]
    ['50', '60']
    >>> parse_range("5 billion", "3 billion") is None
    True
    """
    high = parse_number(high_text)
    scale = _LEADING_SCALE_RE.match(high_text.strip())
    if is_unscaled(low_text) and scale:
        low_text = low_text.strip() + scale.group("scale")
    low = parse_number(low_text)
    if low is None or high is None or low >= high:
        return None
    return low, high


def parse_vague(text: str, *, bare: bool = False) -> tuple[Decimal, Decimal] | None:
    """Low and high ends of a vague multiple ("tens of billions" -> 1e10, 1e11).

    ``bare`` accepts a lead with no scale after it ("several" before "gigawatts").

    >>> [plain(v) for v in parse_vague("hundreds of thousands of")]
    ['100000', '1000000']
    >>> [plain(v) for v in parse_vague("several hundred million")]
    ['200000000', '1000000000']
    >>> [plain(v) for v in parse_vague("multi-billion")]
    ['1000000000', '10000000000']
    >>> parse_vague("several") is None, parse_vague("several", bare=True) is None
    (True, False)
    """
    lead = _LEAD_RE.match(text.strip())
    if lead is None:
        return None
    if lead.group("of"):
        low, high = _VAGUE_OF[lead.group("of").lower()]
    else:
        key = re.sub(r"\s+", " ", (lead.group("mult") or lead.group("prefix") + "-").lower())
        low, high = _VAGUE_MULTIPLES[key]
    chain = [m.group(0).lower() for m in _CHAIN_RE.finditer(text.strip(), lead.end())]
    if not chain and not lead.group("of") and not bare:
        return None
    for word in chain:
        word = word if word in _SCALE_WORDS or word in _MULTIPLIERS else word[:-1]
        factor = _MULTIPLIERS.get(word) or Decimal(1).scaleb(_SCALE_WORDS[word])
        low, high = low * factor, high * factor
    return low, high


def plain(value: Decimal) -> str:
    """THE writer of amounts: a plain decimal string, no exponent, no trailing zeros.

    >>> plain(Decimal("44.3").scaleb(9)), plain(Decimal("1E+13"))
    ('44300000000', '10000000000000')
    >>> plain(Decimal("0.50")), plain(Decimal("-3E+9")), plain(Decimal("-0.0"))
    ('0.5', '-3000000000', '0')
    >>> plain(Decimal("22.7647").scaleb(12))
    '22764700000000'
    >>> plain(Decimal("Infinity"))
    Traceback (most recent call last):
    ...
    ValueError: amount must be a finite number, got Decimal('Infinity')
    """
    if not value.is_finite():
        raise ValueError(f"amount must be a finite number, got {value!r}")
    with localcontext() as context:
        # Wide enough that normalize() never rounds a long amount.
        context.prec = max(28, len(value.as_tuple().digits) + 2)
        try:
            text = format(value.normalize(context), "f")
        except InvalidOperation as exc:  # pragma: no cover - finite values normalize
            raise ValueError(f"cannot write amount {value!r}") from exc
    return "0" if text in ("-0", "0") else text
