"""The library's entry points: load the pipeline, extract from one text or a stream."""
from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from functools import lru_cache
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .components.base import MENTIONS, remember_text, sentence_starts, span_annotations, text_of
from .pipeline import build_pipeline
from .records import Article, ArticleResult
from .settings import DEFAULTS, Settings

__all__ = ["DEFAULTS", "extract", "extract_docs", "extract_many", "load", "make_article", "result_of"]


@lru_cache(maxsize=4)
def load(settings: Settings = DEFAULTS) -> Language:
    """The extractor's spaCy pipeline (built once per settings and process).

    Its Docs carry ``doc._.orders``, ``doc._.figures``, ``doc.spans["mentions"]``
    and ``span._.value``. Set ``doc._.article`` before running the components on
    a Doc made with ``nlp.make_doc`` so relative dates resolve.
    """
    return build_pipeline(settings)


def make_article(text: str, published: dt.date | str | None = None, **fields) -> Article:
    """An Article for a bare text; its id is a hash of the text unless given."""
    if isinstance(published, dt.date):
        published = published.isoformat()
    elif isinstance(published, str):
        published = dt.date.fromisoformat(published[:10]).isoformat()
    article_id = fields.pop("id", None) or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Article(id=article_id, published=published, **fields)


def extract(text: str, published: dt.date | str | None = None, *, article: Article | None = None,
            nlp: Language | None = None) -> ArticleResult:
    """Extract mentions, orders and figures from one article text.

    ``published`` (a ``datetime.date`` or an ISO string) anchors relative dates;
    without it they stay unresolved and the result carries a warning.
    """
    article = article or make_article(text, published)
    return next(extract_many([(text, article)], nlp=nlp))


def extract_many(articles: Iterable[tuple[str, Article] | str], *, nlp: Language | None = None,
                 batch_size: int = DEFAULTS.batch_size) -> Iterator[ArticleResult]:
    """Stream results through ``nlp.pipe``, one per input, in input order."""
    for doc in extract_docs(articles, nlp=nlp, batch_size=batch_size):
        yield result_of(doc)


def extract_docs(articles: Iterable[tuple[str, Article] | str], *, nlp: Language | None = None,
                 batch_size: int = DEFAULTS.batch_size) -> Iterator[Doc]:
    """The processed Docs themselves, for users of ``doc._.orders`` and ``doc.spans``."""
    nlp = nlp or load()
    return nlp.pipe(_prepared_docs(nlp, articles), batch_size=batch_size)


def _prepared_docs(nlp: Language, articles: Iterable[tuple[str, Article] | str]) -> Iterator[Doc]:
    for entry in articles:
        text, article = (entry, make_article(entry)) if isinstance(entry, str) else entry
        doc = nlp.make_doc(text)
        remember_text(doc, text)  # the tokens join back to exactly this string
        doc._.article = article
        doc._.warnings = []
        yield doc


def result_of(doc: Doc) -> ArticleResult:
    """The contract's record of a processed Doc (validated in one pass, mentions included)."""
    article = doc._.article or make_article(doc.text)
    warnings = list(doc._.warnings or [])
    return ArticleResult(article=article, mentions=_mentions(doc), orders=doc._.orders or [],
                         figures=doc._.figures or [], warnings=warnings)


def _mentions(doc: Doc) -> list[dict]:
    """The Doc's mentions as the fields of :class:`Mention`, in text order; ArticleResult
    validates them all at once (a Mention made one at a time costs a validator call each)."""
    if MENTIONS not in doc.spans:
        return []
    starts = sentence_starts(doc)
    text = text_of(doc)
    mentions = []
    for span in doc.spans[MENTIONS]:
        value, rule, chars = span_annotations(span)
        start, end = chars or (span.start_char, span.end_char)
        index = bisect.bisect_right(starts, start) - 1
        mentions.append({"label": span.label_, "text": text[start:end], "start": start, "end": end,
                         "sentence": max(index, 0), "value": value, "rule": rule})
    return sorted(mentions, key=lambda m: (m["start"], -m["end"], m["label"]))
