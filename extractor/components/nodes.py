"""PROCESS_NODE mentions: every spelling of a logic node or DRAM generation."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.nodes import find_nodes, parse_node
from .base import add_mentions, drop_inside, text_of


class NodeFinder:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = []
        text = text_of(doc)
        for start, end, rule in find_nodes(text):
            value = parse_node(text[start:end])
            if value is not None:
                found.append((start, end, value, rule))
        nodes = add_mentions(doc, "PROCESS_NODE", found)
        drop_inside(doc, "COMPANY", nodes)  # "Intel 18A" is one node, with no COMPANY in it
        return doc


@Language.factory("extractor_nodes")
def make_node_finder(nlp: Language, name: str) -> NodeFinder:
    return NodeFinder(name)
