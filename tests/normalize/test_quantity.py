"""Quantities: power, wafer capacity, wafer counts and product counts in base units.

Each find case states every quantity the sentence holds, as (span text, value);
the value is read the way the pipeline reads it, with 60 characters of context.
"""
from __future__ import annotations

import pytest

from extractor.normalize.quantity import find_quantities, parse_quantity
from extractor.records import QuantityValue as Quantity
from extractor.resources import load_yaml


def power(amount=None, **fields):
    return Quantity(amount=amount, unit="W", kind="power", **fields)


def capacity(amount=None, **fields):
    return Quantity(amount=amount, unit="wafer/month", kind="wafer_capacity", **fields)


def wafers(amount=None, **fields):
    return Quantity(amount=amount, unit="wafer", kind="wafers", **fields)


def units(amount=None, **fields):
    return Quantity(amount=amount, unit="unit", kind="units", **fields)


FIND_CASES = [
    pytest.param(
        "Meta aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030.",
        [("5 gigawatts", power("5000000000"))], id="seed: 5 gigawatts (GW)",
    ),
    pytest.param(
        "Anthropic plans a self-owned AI data center of approximately 1 GW, with an investment of $50 billion.",
        [("1 GW", power("1000000000", qualifier="approx"))], id="seed: approximately 1 GW",
    ),
    pytest.param(
        "Meta's MTIA will reach large-scale mass production with hundreds of thousands of units.",
        [("hundreds of thousands of units", units(low="100000", high="1000000", qualifier="approx"))],
        id="seed: hundreds of thousands of units",
    ),
    pytest.param(
        "The Pyeongtaek line will add 16,000 wafers per month of 2nm capacity.",
        [("16,000 wafers per month", capacity("16000"))], id="wafers per month",
    ),
    pytest.param(
        "TSMC's Arizona fab will produce 40,000 wafers a month.",
        [("40,000 wafers a month", capacity("40000"))], id="wafers a month",
    ),
    pytest.param(
        "The new line starts at 20k wpm in 2026.",
        [("20k wpm", capacity("20000"))], id="20k wpm",
    ),
    pytest.param(
        "Capacity will reach 100,000 12-inch wafers per month.",
        [("100,000 12-inch wafers per month", capacity("100000"))], id="12-inch wafers per month",
    ),
    pytest.param(
        "Shipments are expected to top 1 million units next year.",
        [("1 million units", units("1000000", qualifier="at_least"))], id="top 1 million units",
    ),
    pytest.param(
        "xAI bought 50,000 Nvidia GPUs for its cluster.",
        [("50,000 Nvidia GPUs", units("50000"))], id="count keeps the company name",
    ),
    pytest.param(
        "The company shipped 1M units in the quarter.",
        [("1M units", units("1000000"))], id="1M units",
    ),
    pytest.param(
        "The fab will run 10,000 to 20,000 wafers per month.",
        [("10,000 to 20,000 wafers per month", capacity(low="10000", high="20000", qualifier="range"))],
        id="capacity range",
    ),
    pytest.param(
        "Samsung will expand capacity from 10,000 to 20,000 wafers per month.",
        [("20,000 wafers per month", capacity("20000"))], id="change keeps the target",
    ),
    pytest.param(
        "Each campus will draw 1-2 GW of power.",
        [("1-2 GW", power(low="1000000000", high="2000000000", qualifier="range"))], id="hyphen power range",
    ),
    pytest.param(
        "The site will need between 1 and 2 GW.",
        [("1 and 2 GW", power(low="1000000000", high="2000000000", qualifier="range"))],
        id="between X and Y: between left out of the span",
    ),
    pytest.param(
        "The campus is planned at 1 GW to 2 GW.",
        [("1 GW to 2 GW", power(low="1000000000", high="2000000000", qualifier="range"))], id="two full ends",
    ),
    pytest.param(
        "OpenAI signed a multi-gigawatt agreement with AMD.",
        [("multi-gigawatt", power(low="1000000000", high="10000000000", qualifier="approx"))], id="multi-gigawatt",
    ),
    pytest.param(
        "The partners will deploy several gigawatts of accelerators.",
        [("several gigawatts", power(low="2000000000", high="10000000000", qualifier="approx"))],
        id="several gigawatts",
    ),
    pytest.param(
        "The first phase needs two gigawatts.",
        [("two gigawatts", power("2000000000"))], id="number word before power",
    ),
    pytest.param(
        "SK hynix processes tens of thousands of wafers for HBM.",
        [("tens of thousands of wafers", wafers(low="10000", high="100000", qualifier="approx"))],
        id="tens of thousands of wafers",
    ),
    pytest.param(
        "The line has a monthly capacity of 100,000 wafers.",
        [("100,000 wafers", capacity("100000"))], id="monthly before a wafer count",
    ),
    pytest.param(
        "Samsung delivered 1,000 wafers of test chips.",
        [("1,000 wafers", wafers("1000"))], id="wafer count",
    ),
    pytest.param(
        "Musk wants a 100,000-GPU cluster in Memphis.",
        [("100,000-GPU", units("100000"))], id="hyphenated count adjective",
    ),
    pytest.param(
        "The order covers 10,000 GPU servers.",
        [("10,000 GPU servers", units("10000"))], id="servers with a modifier",
    ),
    pytest.param(
        "The substation supplies 500 MW to the campus.",
        [("500 MW", power("500000000"))], id="MW",
    ),
    pytest.param(
        "It is building a 500-megawatt data center.",
        [("500-megawatt", power("500000000"))], id="hyphenated megawatt",
    ),
    pytest.param(
        "The 1.5GW Stargate site is in Texas.",
        [("1.5GW", power("1500000000"))], id="attached GW",
    ),
    pytest.param(
        "Korea plans a 2 GW-class AI data center.",
        [("2 GW", power("2000000000", qualifier="approx"))], id="-class after",
    ),
    pytest.param(
        "The contract covers up to 10 million chips.",
        [("10 million chips", units("10000000", qualifier="at_most"))], id="up to",
    ),
    pytest.param(
        "Microsoft ordered more than 1 million Blackwell GPUs.",
        [("1 million Blackwell GPUs", units("1000000", qualifier="at_least"))], id="more than, product name",
    ),
    pytest.param(
        "The company will build half a million units this year.",
        [("half a million units", units("500000"))], id="half a million",
    ),
    pytest.param(
        "Google will buy several hundred thousand chips.",
        [("several hundred thousand chips", units(low="200000", high="1000000", qualifier="approx"))],
        id="several hundred thousand",
    ),
    pytest.param(
        "SK hynix will supply 1.2 million HBM stacks.",
        [("1.2 million HBM stacks", units("1200000"))], id="HBM stacks",
    ),
    pytest.param(
        "Fab 2 targets 30K WPM by year-end.",
        [("30K WPM", capacity("30000"))], id="capital WPM",
    ),
    pytest.param(
        "Intel's Ohio site plans 50,000 wafer starts per month.",
        [("50,000 wafer starts per month", capacity("50000"))], id="wafer starts per month",
    ),
    pytest.param(
        "Rapidus aims at 100,000 300mm wafers per month.",
        [("100,000 300mm wafers per month", capacity("100000"))], id="300mm wafers per month",
    ),
    pytest.param(
        "Oracle will install 1,000 GB200 NVL72 racks.",
        [("1,000 GB200 NVL72 racks", units("1000"))], id="racks with model names",
    ),
    pytest.param(
        "Each rack draws 300 kW.",
        [("300 kW", power("300000"))], id="kW",
    ),
    pytest.param(
        "The plant runs about 30,000 wafers per month (wpm).",
        [("30,000 wafers per month", capacity("30000", qualifier="approx"))], id="bracketed wpm left out",
    ),
    pytest.param(
        "Analysts see an estimated 50,000 GPUs and 1 GW or more of demand.",
        [("50,000 GPUs", units("50000", qualifier="approx")), ("1 GW", power("1000000000", qualifier="at_least"))],
        id="two quantities in one sentence",
    ),
    pytest.param(
        "Samsung will mass-produce eight million chips.",
        [("eight million chips", units("8000000"))], id="number word with scale",
    ),
    pytest.param("It plans a gigawatt campus.", [("a gigawatt", power("1000000000"))], id="a gigawatt"),
]

# Forms each missed or misread once: product nouns and modifiers, wafer modifiers,
# written-on "+", energy words, product names that hold a number.
FORM_CASES = [
    pytest.param("It is a one-gigawatt data center.", [("one-gigawatt", power("1000000000"))],
                 id="article before a number word is no number"),
    pytest.param("The campus will need 10+ GW.", [("10+ GW", power("10000000000", qualifier="at_least"))],
                 id="plus written on the number"),
    pytest.param("It ordered 100,000-plus GPUs.", [("100,000-plus GPUs", units("100000", qualifier="at_least"))],
                 id="-plus written on the count"),
    pytest.param("It bought 18,000 Nvidia Grace Blackwell superchips.",
                 [("18,000 Nvidia Grace Blackwell superchips", units("18000"))], id="superchips"),
    pytest.param("It bought 10,000 Nvidia Blackwell graphics processing units.",
                 [("10,000 Nvidia Blackwell graphics processing units", units("10000"))],
                 id="graphics processing units, four words between"),
    pytest.param("It will buy 3,500 domestically designed AI accelerator cards.",
                 [("3,500 domestically designed AI accelerator cards", units("3500"))], id="accelerator cards"),
    pytest.param("It will add 1,000 more cards next year.", [("1,000 more cards", units("1000"))], id="more cards"),
    pytest.param("It bought 200,000 H100s.", [("200,000 H100s", units("200000"))], id="model number plural"),
    pytest.param("Micron ordered 24 thermo-compression bonders.", [("24 thermo-compression bonders", units("24"))],
                 id="bonders are counted tools"),
    pytest.param("It plans to ship 10 million smartphones.", [("10 million smartphones", units("10000000"))],
                 id="smartphones"),
    pytest.param("The line will produce 2,000 HBM wafers per month.",
                 [("2,000 HBM wafers per month", capacity("2000"))], id="named wafers per month"),
    pytest.param("OpenAI could need up to 900,000 DRAM wafers per month.",
                 [("900,000 DRAM wafers per month", capacity("900000", qualifier="at_most"))], id="DRAM wafers"),
    pytest.param("The fab will run 40,000 2nm wafers a month.", [("40,000 2nm wafers a month", capacity("40000"))],
                 id="node-named wafers"),
    pytest.param("The fab has capacity of 30,000 wafer per month.", [("30,000 wafer per month", capacity("30000"))],
                 id="singular wafer per month"),
    pytest.param("The line makes 30,000 sheets per month.", [("30,000 sheets per month", capacity("30000"))],
                 id="Korean sheets per month"),
    pytest.param("It will add 20,000 wafers of monthly capacity.", [("20,000 wafers", capacity("20000"))],
                 id="monthly capacity after the count"),
    pytest.param("It aims to raise IIM-1 to 25,000 wafers per month.",
                 [("25,000 wafers per month", capacity("25000"))], id="a named line is no range end"),
    pytest.param("The line runs 20 kwpm.", [("20 kwpm", capacity("20000"))], id="kwpm"),
    pytest.param("It plans a 1.2 GW-scale campus.", [("1.2 GW", power("1200000000", qualifier="approx"))],
                 id="-scale after"),
]

NEGATIVE_CASES = [
    pytest.param("Samsung's 2nm yield is 60%.", id="node and percentage"),
    pytest.param("5G modems shipped in Q4.", id="5G and Q4"),
    pytest.param("The team has 3 people.", id="people"),
    pytest.param("A new chip every 6 months.", id="months"),
    pytest.param("HBM4 12-high stacks enter production.", id="HBM4 12-high"),
    pytest.param("The battery stores 5 GWh.", id="energy is not power"),
    pytest.param("Half of 50% of chips are sold.", id="percentage of chips"),
    pytest.param("The target year is 2030.", id="year"),
    pytest.param("The reading was 500 mw.", id="lower-case mw"),
    pytest.param("It sold several GPUs.", id="several needs a scale"),
    pytest.param("It bought two servers.", id="word number without scale"),
    pytest.param("It carries 12 GB of HBM at 9.6 Gbps.", id="bytes and speeds"),
    pytest.param("The 321-layer NAND ships.", id="layers"),
    pytest.param("In 2025 Nvidia GPUs sold out.", id="year before a product"),
    pytest.param("Samsung's 18A chips and the 5,000 employees.", id="node name and employees"),
    pytest.param("The battery stores 5 gigawatt-hours.", id="energy in words"),
    pytest.param("It uses Maia 200 accelerators.", id="number inside a product name"),
    pytest.param("It tested Ascend 910B processors.", id="model number with a scale letter"),
    pytest.param("It makes its AK-1 accelerator.", id="hyphenated product name"),
    pytest.param("It chose Intel for its HN-200 AI server chip.", id="hyphenated product name before modifiers"),
    pytest.param("This is our view of full-year 2026 wafer volumes by customer.", id="a year after 'full-year'"),
    pytest.param("Analysts expect 2027 chip sales to rise by a third.", id="a year before a singular noun"),
]


def _read(sentence, candidate):
    return parse_quantity(sentence[candidate.start:candidate.end],
                          before=sentence[max(0, candidate.start - 60):candidate.start],
                          after=sentence[candidate.end:candidate.end + 60])


@pytest.mark.parametrize("sentence, expected", FIND_CASES + FORM_CASES)
def test_find_quantities(sentence, expected):
    found = find_quantities(sentence)
    assert len(found) == len(expected), [sentence[c.start:c.end] for c in found]
    for candidate, (text, value) in zip(found, expected):
        assert sentence[candidate.start:candidate.end] == text
        assert _read(sentence, candidate) == value


@pytest.mark.parametrize("sentence", NEGATIVE_CASES)
def test_find_quantities_negatives(sentence):
    assert [sentence[c.start:c.end] for c in find_quantities(sentence)] == []


@pytest.mark.parametrize("sentence, rule", [
    pytest.param("needs 5 GW", "quantity.power", id="power"),
    pytest.param("runs 20k wpm", "quantity.wafer_capacity", id="capacity"),
    pytest.param("made 1,000 wafers", "quantity.wafers", id="wafers"),
    pytest.param("sold 1 million units", "quantity.units", id="units"),
    pytest.param("needs 1-2 GW", "quantity.range", id="range"),
    pytest.param("sold millions of chips", "quantity.vague", id="vague"),
])
def test_find_quantities_rule_ids(sentence, rule):
    found = find_quantities(sentence)
    assert len(found) == 1
    assert found[0].rule == rule


@pytest.mark.parametrize("text, before, after, expected", [
    pytest.param("5 gigawatts", "", "", power("5000000000"), id="bare"),
    pytest.param("100,000 wafers", "monthly capacity of ", "", capacity("100000"), id="monthly context"),
    pytest.param("100,000 wafers", "a month later, ", "", wafers("100000"), id="a month later is no capacity"),
    pytest.param("1 and 2 GW", "", "", None, id="and without between"),
    pytest.param("1 GW to 2 wafers", "", "", None, id="ends of two kinds"),
    pytest.param("6 months", "", "", None, id="no unit"),
    pytest.param("10 million chips", "as many as ", "", units("10000000", qualifier="at_most"),
                 id="as many as"),
])
def test_parse_quantity(text, before, after, expected):
    assert parse_quantity(text, before=before, after=after) == expected


@pytest.mark.parametrize("sentence, span", [
    pytest.param("a cluster of 2048 GPUs", "2048 GPUs", id="2048 GPUs: a year-like count right before its noun"),
    pytest.param("a line of 20 kwpm", "20 kwpm", id="kwpm"),
    pytest.param("a .5 GW campus", ".5 GW", marks=pytest.mark.xfail(
        strict=True, reason="a decimal without a leading zero is not read"), id="leading point"),
    pytest.param("a cluster of 2,048 GPUs", "2,048 GPUs", id="2,048 GPUs with a comma"),
    pytest.param("to buy about 50,000 Ascend 910C chips", "50,000 Ascend 910C chips", id="a name with its model number"),
    pytest.param("an order for 180 liquid-cooled Helios racks", "180 liquid-cooled Helios racks",
                 id="a hyphenated adjective before the name"),
    pytest.param("it runs 550,000 Nvidia GB200 and GB300 chips", "550,000 Nvidia GB200 and GB300 chips",
                 id="two model names joined by 'and'"),
    pytest.param("it will ship 400,000 12-high stacks", "400,000 12-high stacks", id="a number-led compound"),
    pytest.param("12 extreme-ultraviolet lithography systems", "12 extreme-ultraviolet lithography systems",
                 id="a tool count with its modifiers"),
    pytest.param("30,000 MI308 artificial intelligence chips", "30,000 MI308 artificial intelligence chips",
                 id="artificial intelligence spelled out"),
    pytest.param("SMIC shipped 2.46 million 8-inch-equivalent wafers", "2.46 million 8-inch-equivalent wafers",
                 id="wafers counted as an equivalent size"),
    pytest.param("Tata will buy 1.2 million substrates", "1.2 million substrates", id="substrates counted"),
])
def test_find_quantities_edges(sentence, span):
    found = find_quantities(sentence)
    assert len(found) == 1
    assert sentence[found[0].start:found[0].end] == span


def test_units_data_is_valid():
    data = load_yaml("units.yaml")
    assert {data[g]["kind"] for g in ("power", "wafer_capacity", "wafers", "units")} == {
        "power", "wafer_capacity", "wafers", "units"}
    words = [w.lower() for w in data["power"]["words"]]
    nouns = [n.lower() for n in data["units"]["nouns"]] + [n.lower() for n in data["wafers"]["nouns"]]
    phrases = [p.lower() for p in data["wafer_capacity"]["phrases"]] + list(data["wafer_capacity"]["scaled_phrases"])
    for forms in (list(data["power"]["symbols"]), words, nouns, phrases, data["units"]["modifiers"],
                  data["wafers"]["modifiers"]):
        assert len(forms) == len(set(forms)), "duplicate form"
    assert not set(words) & set(nouns)
