"""span_annotations and annotate_span write out annotation_key's keys; they must agree with it."""
from __future__ import annotations

import pytest
import spacy

import extractor  # registers the Span extensions
from extractor.components.base import annotate_span, span_annotations


def test_written_out_keys_are_annotation_keys():
    doc = spacy.blank("en")("TSMC makes chips")
    span = doc.char_span(0, 4, label="COMPANY")
    annotate_span(span, "value", "rule", (0, 4))
    assert (span._.value, span._.rule, span._.chars) == ("value", "rule", (0, 4))
    span._.rule = "other"
    assert span_annotations(span) == ("value", "other", (0, 4))


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("It makes 1b/1c DRAM.", [("PROCESS_NODE", "1b", "1b"), ("PROCESS_NODE", "1c", "1c")],
                     id="two nodes in one token"),
    ],
)
def test_mentions_inside_one_token_keep_their_own_values(text, expected):
    mentions = extractor.extract(text).mentions
    assert [(m.label, m.text, m.value.name) for m in mentions] == expected
