"""What every finder component shares: turning character spans into labelled Doc spans."""
from __future__ import annotations

import logging
from typing import Any, Iterable

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span

MENTIONS = "mentions"
SPAN_EXTENSIONS = ("value", "rule", "chars")  # Span._.value/rule/chars, kept in doc.user_data

logger = logging.getLogger(__name__)


_TEXT = ("extractor", "text")
_STARTS = ("extractor", "sentence_starts")


def text_of(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access, and the
    components never change the tokens."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record the string a Doc was made from, sparing :func:`text_of` the join."""
    doc.user_data[_TEXT] = text


def sentence_starts(doc: Doc) -> list[int]:
    """Character offsets where the Doc's sentences start, in order (read once the
    sentence splitter has run; later components only add spans)."""
    starts = doc.user_data.get(_STARTS)
    if starts is None:
        table = doc.to_array([SENT_START, IDX])
        starts = doc.user_data[_STARTS] = table[table[:, 0] == 1, 1].tolist() if len(doc) else []
    return starts


def annotation_key(name: str, start: int, end: int, label: str, span_id: str = "") -> tuple:
    """Where ``span._.<name>`` lives in ``doc.user_data``: keyed by the span's offsets *and
    label* (spaCy keys plain span extensions by offsets alone, so "SF4" as a COMPANY and as
    a PROCESS_NODE would share one), and by the span's id where it has one: two mentions
    inside one token ("1b" and "1c" in the token "1b/1c") cover the same tokens."""
    key = ("extractor", name, start, end, label)
    return key + (span_id,) if span_id else key


def span_annotations(span: Span) -> tuple:
    """``(span._.value, span._.rule, span._.chars)`` in one read: the span's offsets and
    label are read once. The keys are :func:`annotation_key`'s, written out: this runs
    for every mention, in the relations and again in the output."""
    data, start, end, label, extra = span.doc.user_data, span.start_char, span.end_char, span.label_, span.id_
    if extra:
        return tuple(data.get(annotation_key(name, start, end, label, extra)) for name in SPAN_EXTENSIONS)
    return (data.get(("extractor", "value", start, end, label)), data.get(("extractor", "rule", start, end, label)),
            data.get(("extractor", "chars", start, end, label)))


def annotate_span(span: Span, value, rule: str | None, chars: tuple[int, int] | None) -> None:
    """Set ``span._.value``, ``span._.rule`` and ``span._.chars`` in one write (the keys
    of :func:`annotation_key`, written out as in :func:`span_annotations`)."""
    data, start, end, label, extra = span.doc.user_data, span.start_char, span.end_char, span.label_, span.id_
    if extra:
        for name, item in zip(SPAN_EXTENSIONS, (value, rule, chars)):
            data[annotation_key(name, start, end, label, extra)] = item
        return
    data[("extractor", "value", start, end, label)] = value
    data[("extractor", "rule", start, end, label)] = rule
    data[("extractor", "chars", start, end, label)] = chars


def mention_group(doc: Doc):
    """``doc.spans["mentions"]``, created on first use."""
    if MENTIONS not in doc.spans:
        doc.spans[MENTIONS] = []
    return doc.spans[MENTIONS]


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span of tokens covering ``[start, end)``; exact where the tokenizer allows.

    A finder's characters can cut a token ("NT$1.2tn" is one token); the span
    then covers the whole token, and the mention keeps the finder's exact
    characters in ``span._.chars``.
    """
    span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:  # its own id: another mention may lie in the same token ("1b/1c")
            span = Span(doc, span.start, span.end, label=label, span_id=f"{start}:{end}")
    return span


def add_mentions(doc: Doc, label: str, found: Iterable[tuple[int, int, Any, str]]) -> list[Span]:
    """Add (start_char, end_char, value, rule) items as ``label`` spans to the mention group."""
    group = mention_group(doc)
    added = []
    for start, end, value, rule in found:
        span = char_span(doc, start, end, label)
        if span is None:
            logger.debug("no token span for %s %r", label, text_of(doc)[start:end])
            continue
        annotate_span(span, value, rule, (start, end))
        group.append(span)
        added.append(span)
    return added


def spans_of(doc: Doc, label: str) -> list[Span]:
    if MENTIONS not in doc.spans:
        return []
    return [span for span in doc.spans[MENTIONS] if span.label_ == label]


def drop_inside(doc: Doc, label: str, outer: list[Span]) -> None:
    """Remove ``label`` mentions that lie inside one of the ``outer`` spans."""
    if not outer or MENTIONS not in doc.spans:
        return
    bounds = [_chars(span) for span in outer]

    def inside(span: Span) -> bool:
        start, end = _chars(span)
        return any(a <= start and end <= b for a, b in bounds)

    group = doc.spans[MENTIONS]
    kept = [s for s in group if s.label_ != label or not inside(s)]
    if len(kept) < len(group):  # most Docs lose nothing: the group stays as it is
        doc.spans[MENTIONS] = kept


def _chars(span: Span) -> tuple[int, int]:
    """``span._.chars``, else the span's own offsets."""
    return span_annotations(span)[2] or (span.start_char, span.end_char)
