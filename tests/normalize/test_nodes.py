"""PROCESS_NODE finding and normalizing (extractor/normalize/nodes.py, models/nodes.yaml)."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from extractor.normalize.companies import Gazetteer
from extractor.normalize.nodes import find_nodes, parse_node
from extractor.records import NodeValue
from extractor.resources import load_yaml


class Found(NamedTuple):
    text: str
    rule: str


PARSE_CASES = [
    # generic spellings: name is "<n>nm"
    pytest.param("2-nanometer process", NodeValue(nm=2, name="2nm"), id="2-nanometer process"),
    pytest.param("2nm", NodeValue(nm=2, name="2nm"), id="2nm"),
    pytest.param("2 nm", NodeValue(nm=2, name="2nm"), id="2 nm"),
    pytest.param("2-nanometre", NodeValue(nm=2, name="2nm"), id="2-nanometre"),
    pytest.param("2 nanometer", NodeValue(nm=2, name="2nm"), id="2 nanometer"),
    pytest.param("3 nanometers", NodeValue(nm=3, name="3nm"), id="3 nanometers"),
    pytest.param("2-nano", NodeValue(nm=2, name="2nm"), id="2-nano"),
    pytest.param("2-nano process", NodeValue(nm=2, name="2nm"), id="2-nano process"),
    pytest.param("2nm-class", NodeValue(nm=2, name="2nm"), id="2nm-class"),
    pytest.param("1.4nm-class", NodeValue(nm=1.4, name="1.4nm"), id="1.4nm-class"),
    pytest.param("10nm-class", NodeValue(nm=10, name="10nm"), id="10nm-class"),
    pytest.param("3nm node", NodeValue(nm=3, name="3nm"), id="3nm node"),
    pytest.param("2NM", NodeValue(nm=2, name="2nm"), id="2NM upper case"),
    # Samsung Foundry
    pytest.param("SF2", NodeValue(nm=2, name="SF2"), id="SF2"),
    pytest.param("SF2P", NodeValue(nm=2, name="SF2P"), id="SF2P"),
    pytest.param("SF2P process", NodeValue(nm=2, name="SF2P"), id="SF2P process"),
    pytest.param("SF2Z", NodeValue(nm=2, name="SF2Z"), id="SF2Z"),
    pytest.param("SF1.4", NodeValue(nm=1.4, name="SF1.4"), id="SF1.4"),
    pytest.param("SF3", NodeValue(nm=3, name="SF3"), id="SF3"),
    pytest.param("SF3E", NodeValue(nm=3, name="SF3E"), id="SF3E"),
    pytest.param("SF4X", NodeValue(nm=4, name="SF4X"), id="SF4X"),
    # TSMC
    pytest.param("N3E", NodeValue(nm=3, name="N3E"), id="N3E"),
    pytest.param("N2", NodeValue(nm=2, name="N2"), id="N2"),
    pytest.param("N2P", NodeValue(nm=2, name="N2P"), id="N2P"),
    pytest.param("N3P", NodeValue(nm=3, name="N3P"), id="N3P"),
    pytest.param("N4P", NodeValue(nm=4, name="N4P"), id="N4P"),
    pytest.param("N5", NodeValue(nm=5, name="N5"), id="N5"),
    pytest.param("A16", NodeValue(nm=1.6, name="A16"), id="A16"),
    pytest.param("A14", NodeValue(nm=1.4, name="A14"), id="A14"),
    pytest.param("N3A", NodeValue(nm=3, name="N3A"), id="N3A, TSMC's automotive 3nm"),
    pytest.param("SF5A", NodeValue(nm=5, name="SF5A"), id="SF5A, Samsung's automotive 5nm"),
    # Intel
    pytest.param("18A", NodeValue(nm=1.8, name="18A"), id="18A"),
    pytest.param("Intel 18A", NodeValue(nm=1.8, name="18A"), id="Intel 18A"),
    pytest.param("14A", NodeValue(nm=1.4, name="14A"), id="14A"),
    pytest.param("20A", NodeValue(nm=2, name="20A"), id="20A"),
    pytest.param("Intel 3", NodeValue(nm=3, name="Intel 3"), id="Intel 3"),
    pytest.param("Intel 4", NodeValue(nm=4, name="Intel 4"), id="Intel 4"),
    pytest.param("Intel 7", NodeValue(nm=7, name="Intel 7"), id="Intel 7"),
    # DRAM generations: all of the 10nm class
    pytest.param("1b", NodeValue(nm=10, name="1b"), id="DRAM 1b"),
    pytest.param("1c", NodeValue(nm=10, name="1c"), id="DRAM 1c"),
    pytest.param("D1c", NodeValue(nm=10, name="1c"), id="DRAM D1c"),
    pytest.param("1-beta", NodeValue(nm=10, name="1β"), id="DRAM 1-beta"),
    pytest.param("1-alpha", NodeValue(nm=10, name="1α"), id="DRAM 1-alpha"),
    pytest.param("1-gamma", NodeValue(nm=10, name="1γ"), id="DRAM 1-gamma"),
    # not nodes
    pytest.param("Samsung", None, id="company is no node"),
    pytest.param("HBM4", None, id="memory type is no node"),
    pytest.param("N20", None, id="N20 is no node"),
    pytest.param("", None, id="empty"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_node(text: str, expected: NodeValue | None) -> None:
    assert parse_node(text) == expected


FIND_CASES = [
    pytest.param("Meta's MTIA will use Samsung's leading 2-nanometer process.",
                 [Found(text="2-nanometer process", rule="node.generic_nm")], id="seed article sentence"),
    pytest.param("chips on 2 nm and 3-nanometre nodes",
                 [Found(text="2 nm", rule="node.generic_nm"), Found(text="3-nanometre nodes", rule="node.generic_nm")],
                 id="two generic spellings"),
    pytest.param("the 2-nano process", [Found(text="2-nano process", rule="node.generic_nm")], id="2-nano"),
    pytest.param("a 1.4nm-class node", [Found(text="1.4nm-class node", rule="node.generic_nm")], id="-class and node"),
    pytest.param("Samsung's SF2P process and SF1.4",
                 [Found(text="SF2P process", rule="node.named"), Found(text="SF1.4", rule="node.named")],
                 id="Samsung names"),
    pytest.param("TSMC's N3E, N2 and N2P", [Found(text="N3E", rule="node.named"), Found(text="N2", rule="node.named"),
                                             Found(text="N2P", rule="node.named")], id="TSMC names"),
    pytest.param("Intel 18A and Intel 3", [Found(text="Intel 18A", rule="node.named"),
                                           Found(text="Intel 3", rule="node.named")], id="Intel 18A is one span"),
    pytest.param("Intel's 18A and 14A nodes", [Found(text="18A", rule="node.named"),
                                               Found(text="14A nodes", rule="node.named")], id="bare Intel names"),
    pytest.param("TSMC's A16 will follow", [Found(text="A16", rule="node.context")], id="A16 after TSMC's"),
    pytest.param("TSMC's A16 node ramps in 2026. A16 adds Super Power Rail.",
                 [Found(text="A16 node", rule="node.context"), Found(text="A16", rule="node.repeat")],
                 id="a bare A16 after the text has shown A16 to be a node"),
    pytest.param("TSMC's A16 node ramps in 2026. Apple's A16 shipped in 2022.",
                 [Found(text="A16 node", rule="node.context")], id="not Apple's A16, even after a node A16"),
    pytest.param("the A14 process", [Found(text="A14 process", rule="node.context")], id="A14 before process"),
    pytest.param("N2, A16 and A14", [Found(text="N2", rule="node.named"), Found(text="A16", rule="node.list"),
                                     Found(text="A14", rule="node.list")], id="A16 and A14 in a list"),
    pytest.param("A16 (1.6nm)", [Found(text="A16", rule="node.list"), Found(text="1.6nm", rule="node.generic_nm")],
                 id="A16 with nm in brackets"),
    pytest.param("its 1b and 1c DRAM", [Found(text="1b", rule="node.list"), Found(text="1c", rule="node.context")],
                 id="DRAM generations in a list"),
    pytest.param("sixth-generation 10nm-class (1c) DRAM",
                 [Found(text="10nm-class", rule="node.generic_nm"), Found(text="1c", rule="node.context")],
                 id="1c after 10nm-class"),
    pytest.param("Micron's 1-gamma node and D1b", [Found(text="1-gamma node", rule="node.dram"),
                                                   Found(text="D1b", rule="node.dram")], id="DRAM names"),
    pytest.param("Samsung's 4LPP process and 7LPP", [Found(text="4LPP process", rule="node.named"),
                                                     Found(text="7LPP", rule="node.named")],
                 id="Samsung names before the SF renaming"),
    pytest.param("TSMC's N7+ node", [Found(text="N7+ node", rule="node.named")], id="N7+"),
    pytest.param("its 1b-nanometer DRAM and 1c nm chips", [Found(text="1b-nanometer", rule="node.dram"),
                                                         Found(text="1c nm", rule="node.dram")],
                 id="DRAM generation with a unit"),
    pytest.param("A14 risk production is slated for late 2027", [Found(text="A14", rule="node.context")],
                 id="A14 before risk production"),
    # must not match
    pytest.param("5 nmol of reagent", [], id="not nmol"),
    pytest.param("a 25% rise and 2 nanoseconds", [], id="not percent or nanoseconds"),
    pytest.param("13.5nm EUV light and 193nm immersion", [], id="not lithography wavelengths"),
    pytest.param("1,000 nm", [], id="not a thousand nm"),
    pytest.param("N2 gas supply", [], id="not nitrogen"),
    pytest.param("SN2, N20, N2O and H20 GPUs", [], id="not inside other tokens"),
    pytest.param("Apple's A16 Bionic chip", [], id="not Apple A16"),
    pytest.param("the A16 arrived", [], id="not a bare A16"),
    pytest.param("Figure 1b and a $1b deal", [], id="not figure or money 1b"),
    pytest.param("Intel 3 percent and Intel 3.5", [], id="not Intel followed by a quantity"),
    pytest.param("a layer 3 nm thick", [], id="not a thickness"),
    pytest.param("HBM4 and LPDDR5X", [], id="not memory types"),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_nodes(text: str, expected: list[Found]) -> None:
    found = [Found(text=text[start:end], rule=rule) for start, end, rule in find_nodes(text)]
    assert found == expected


@pytest.mark.parametrize("text", [case.values[0] for case in FIND_CASES if case.values[1]])
def test_found_spans_parse(text: str) -> None:
    candidates = find_nodes(text)
    assert candidates
    for start, end, _ in candidates:
        assert parse_node(text[start:end]) is not None, text[start:end]


def test_spans_do_not_overlap_and_keep_text_order() -> None:
    text = "Intel 18A, TSMC N2 (2nm-class) and Samsung SF2P process"
    candidates = find_nodes(text)
    assert len(candidates) == 4
    for before, after in zip(candidates, candidates[1:]):
        assert before.end <= after.start


def test_node_makers_are_gazetteer_ids() -> None:
    gazetteer = Gazetteer.load()
    makers = [node["maker"] for family in load_yaml("nodes.yaml")["families"].values()
              for node in family["nodes"] if node["maker"] is not None]
    assert len(makers) > 40
    assert [m for m in makers if gazetteer.by_id(m) is None] == []


def test_node_names_are_unique() -> None:
    names = [node["name"] for family in load_yaml("nodes.yaml")["families"].values() for node in family["nodes"]]
    assert len(names) >= 50
    assert len(names) == len(set(names))
