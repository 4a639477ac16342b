"""DATE mentions, resolved against the article's publication date.

An explicit date in the text becomes the reference for the expressions after it
("the previous quarter" after "Q4 2025"), even in an undated article.
"""
from __future__ import annotations

import bisect
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.dates import find_dates, guess_direction, is_reference, parse_date
from ..settings import DEFAULTS
from .base import add_mentions, sentence_starts, text_of


def publication_date(doc: Doc) -> dt.date | None:
    article = doc._.article
    if article is None or not article.published:
        return None
    return dt.date.fromisoformat(article.published[:10])


class DateFinder:
    def __init__(self, name: str, context_chars: int) -> None:
        self.name = name
        self.context_chars = context_chars

    def __call__(self, doc: Doc) -> Doc:
        anchor = publication_date(doc)
        text = text_of(doc)
        reference: dt.date | None = None
        day_reference: dt.date | None = None  # "Thursday ... the next day"
        found = []
        starts = sentence_starts(doc) + [len(text)]
        for start, end, rule in find_dates(text):
            index = bisect.bisect_right(starts, start) - 1
            first, last = starts[max(index, 0)], starts[index + 1]
            direction = guess_direction(text[first:last], at=start - first)
            value = parse_date(text[start:end], anchor, before=text[max(0, start - self.context_chars):start],
                               direction=direction, reference=reference, day_reference=day_reference)
            if value is None:
                continue
            if value.start and is_reference(text[start:end]):
                reference = dt.date.fromisoformat(value.start)
            if value.start and value.start == value.end:
                day_reference = dt.date.fromisoformat(value.start)
            found.append((start, end, value, rule))
        add_mentions(doc, "DATE", found)
        if anchor is None and any(v.value is None for _, _, v, _ in found):
            doc._.warnings = [*(doc._.warnings or []),"no publication date: relative dates left unresolved"]
        return doc


@Language.factory("extractor_dates", default_config={"context_chars": DEFAULTS.context_chars})
def make_date_finder(nlp: Language, name: str, context_chars: int) -> DateFinder:
    return DateFinder(name, context_chars)
