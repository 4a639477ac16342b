"""span_annotations and annotate_span write out annotation_key's keys; they must agree with it."""
from __future__ import annotations

import spacy

import extractor  # noqa: F401  (registers the Span extensions)
from extractor.components.base import annotate_span, span_annotations


def test_written_out_keys_are_annotation_keys():
    doc = spacy.blank("en")("TSMC makes chips")
    span = doc.char_span(0, 4, label="COMPANY")
    annotate_span(span, "value", "rule", (0, 4))
    assert (span._.value, span._.rule, span._.chars) == ("value", "rule", (0, 4))
    span._.rule = "other"
    assert span_annotations(span) == ("value", "other", (0, 4))
