"""Numbers: digits, words and scales read into exact Decimals, and written plainly."""
from __future__ import annotations

from decimal import Decimal

import pytest

from extractor.normalize.numbers import is_unscaled, parse_number, parse_range, parse_vague, plain
from extractor.resources import load_yaml

PARSE_NUMBER_CASES = [
    pytest.param("10", "10", id="digits"),
    pytest.param("1,000", "1000", id="thousands separator"),
    pytest.param("100,000", "100000", id="six digits with comma"),
    pytest.param("1,000,000", "1000000", id="two separators"),
    pytest.param("22.7647", "22.7647", id="decimal"),
    pytest.param("ten", "10", id="word"),
    pytest.param("Ten", "10", id="capitalized word"),
    pytest.param("one hundred", "100", id="one hundred"),
    pytest.param("twenty-five", "25", id="hyphenated word"),
    pytest.param("one hundred twenty-five thousand", "125000", id="long words"),
    pytest.param("1.5 million", "1500000", id="decimal with scale"),
    pytest.param("22.7647 trillion", "22764700000000", id="trillion with four decimals"),
    pytest.param("44.3 billion", "44300000000", id="billion with decimal"),
    pytest.param("3 trillion 500 billion", "3500000000000", id="Korean compound"),
    pytest.param("half a million", "500000", id="half a million"),
    pytest.param("one and a half billion", "1500000000", id="one and a half"),
    pytest.param("a billion", "1000000000", id="a billion"),
    pytest.param("16.5B", "16500000000", id="B abbreviation"),
    pytest.param("1.2tn", "1200000000000", id="tn abbreviation"),
    pytest.param("5bn", "5000000000", id="bn abbreviation"),
    pytest.param("5 bn", "5000000000", id="bn after a space"),
    pytest.param("20k", "20000", id="k abbreviation"),
    pytest.param("30K", "30000", id="K abbreviation"),
    pytest.param("5m", "5000000", id="m abbreviation"),
    pytest.param("1M", "1000000", id="M abbreviation"),
    pytest.param("2 mln", "2000000", id="mln abbreviation"),
    pytest.param("500 crore", "5000000000", id="crore"),
    pytest.param("1,200 billion", "1200000000000", id="comma and scale"),
    pytest.param("two dozen", "24", id="dozen multiplies"),
]


@pytest.mark.parametrize("text, expected", PARSE_NUMBER_CASES)
def test_parse_number(text, expected):
    value = parse_number(text)
    assert value is not None
    assert plain(value) == expected


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("ten apples", id="unknown word"),
    pytest.param("10 20", id="two numbers"),
    pytest.param("billion dollars", id="currency word"),
    pytest.param("2nm", id="node name"),
])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


PLAIN_CASES = [
    pytest.param(Decimal("44.3").scaleb(9), "44300000000", id="scaled decimal"),
    pytest.param(Decimal("1E+13"), "10000000000000", id="exponent form"),
    pytest.param(Decimal("10000000000000.000"), "10000000000000", id="trailing fractional zeros"),
    pytest.param(Decimal("0.50"), "0.5", id="half"),
    pytest.param(Decimal("-3E+9"), "-3000000000", id="negative"),
    pytest.param(Decimal("-0"), "0", id="negative zero"),
    pytest.param(Decimal("100"), "100", id="integer ending in zeros"),
    pytest.param(Decimal("123456789012345678901234567890123"), "123456789012345678901234567890123",
                 id="longer than the default precision"),
]


@pytest.mark.parametrize("value, expected", PLAIN_CASES)
def test_plain(value, expected):
    assert plain(value) == expected


def test_plain_rejects_infinity():
    with pytest.raises(ValueError, match="finite"):
        plain(Decimal("Infinity"))


VAGUE_CASES = [
    pytest.param("tens of billions of", "10000000000", "100000000000", id="tens of billions"),
    pytest.param("hundreds of thousands of", "100000", "1000000", id="hundreds of thousands"),
    pytest.param("hundreds of millions of", "100000000", "1000000000", id="hundreds of millions"),
    pytest.param("several billion", "2000000000", "10000000000", id="several billion"),
    pytest.param("a few billion", "2000000000", "10000000000", id="a few billion"),
    pytest.param("several hundred million", "200000000", "1000000000", id="several hundred million"),
    pytest.param("multi-billion", "1000000000", "10000000000", id="multi-billion"),
    pytest.param("multibillion", "1000000000", "10000000000", id="multibillion"),
    pytest.param("billions of", "1000000000", "10000000000", id="plural scale alone"),
    pytest.param("Tens of thousands of", "10000", "100000", id="capitalized"),
]


@pytest.mark.parametrize("text, low, high", VAGUE_CASES)
def test_parse_vague(text, low, high):
    bounds = parse_vague(text)
    assert bounds is not None
    assert [plain(b) for b in bounds] == [low, high]


def test_parse_vague_needs_a_scale_unless_bare():
    assert parse_vague("several") is None
    assert [plain(b) for b in parse_vague("several", bare=True)] == ["2", "10"]


RANGE_CASES = [
    pytest.param("1", "2 trillion", "1000000000000", "2000000000000", id="scale shared"),
    pytest.param("3", "4bn", "3000000000", "4000000000", id="abbreviation shared"),
    pytest.param("1.5 billion", "2 billion", "1500000000", "2000000000", id="both scaled"),
    pytest.param("10,000", "20,000", "10000", "20000", id="no scale"),
]


@pytest.mark.parametrize("low_text, high_text, low, high", RANGE_CASES)
def test_parse_range(low_text, high_text, low, high):
    assert [plain(b) for b in parse_range(low_text, high_text)] == [low, high]


def test_parse_range_rejects_reversed_ends():
    assert parse_range("5 billion", "3 billion") is None


@pytest.mark.parametrize("text, expected", [
    pytest.param("2030", True, id="year"), pytest.param("1,000", True, id="comma"),
    pytest.param("5 billion", False, id="scaled"), pytest.param("20k", False, id="abbreviated"),
])
def test_is_unscaled(text, expected):
    assert is_unscaled(text) is expected


def test_numbers_data_has_no_duplicate_or_clashing_forms():
    data = load_yaml("numbers.yaml")
    words = [str(k).lower() for section in ("scale_words", "number_words", "multipliers") for k in data[section]]
    assert len(words) == len(set(words))
    assert all(isinstance(v, int) and 0 < v <= 15 for v in data["scale_words"].values())
    assert all(isinstance(v, int) and 0 < v <= 15 for v in data["scale_abbreviations"].values())
    for section in ("vague_of", "vague_multiples"):
        for low, high in data[section].values():
            assert 0 < low < high
