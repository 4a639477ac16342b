"""MONEY and QUANTITY mentions, with the qualifier read from the words around them."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.money import find_money, parse_money
from ..normalize.quantity import find_quantities, parse_quantity
from ..settings import DEFAULTS
from .base import add_mentions, span_annotations, spans_of, text_of

_FINDERS = (
    ("MONEY", find_money, parse_money),
    ("QUANTITY", find_quantities, parse_quantity),
)


class AmountFinder:
    def __init__(self, name: str, context_chars: int) -> None:
        self.name = name
        self.context_chars = context_chars

    def __call__(self, doc: Doc) -> Doc:
        text, width = text_of(doc), self.context_chars
        nodes = [span_annotations(s)[2] or (s.start_char, s.end_char) for s in spans_of(doc, "PROCESS_NODE")]
        for label, find, parse in _FINDERS:
            found = []
            for start, end, rule in find(text):
                if any(a < start < b for a, b in nodes):
                    continue  # "Intel 16 SoCs": the number belongs to the node's name
                value = parse(text[start:end], before=text[max(0, start - width):start],
                              after=text[end:end + width])
                if value is not None:
                    found.append((start, end, value, rule))
            add_mentions(doc, label, found)
        return doc


@Language.factory("extractor_amounts", default_config={"context_chars": DEFAULTS.context_chars})
def make_amount_finder(nlp: Language, name: str, context_chars: int) -> AmountFinder:
    return AmountFinder(name, context_chars)
