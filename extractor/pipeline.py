"""Builds the spaCy pipeline from ``models/pipeline.cfg``: the one place that states
the components' order and registers the Doc and Span extensions."""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .components.base import SPAN_EXTENSIONS, annotation_key
from .resources import models_dir
from .settings import DEFAULTS, Settings

_DOC_EXTENSIONS = {"article": None, "orders": None, "figures": None, "warnings": None}


def _span_property(name: str):
    """Getter and setter of ``span._.<name>`` in ``doc.user_data``, at the key
    :func:`~extractor.components.base.annotation_key` gives (offsets *and* label)."""
    def key(span: Span) -> tuple:
        return annotation_key(name, span.start_char, span.end_char, span.label_, span.id_)

    def getter(span: Span):
        return span.doc.user_data.get(key(span))

    def setter(span: Span, value) -> None:
        span.doc.user_data[key(span)] = value

    return getter, setter


def register_extensions() -> None:
    """``Doc._.article/orders/figures/warnings`` and ``Span._.value/rule/chars``; idempotent."""
    for name, default in _DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            getter, setter = _span_property(name)
            Span.set_extension(name, getter=getter, setter=setter)


def _register_factories() -> None:
    # Importing the modules runs their @Language.factory decorators.
    from .components import amounts, companies, dates, nodes, relations, sentences  # noqa: F401
    from . import tokenizer  # noqa: F401  (registers extractor.Tokenizer.v1)


register_extensions()
_register_factories()


def build_pipeline(settings: Settings = DEFAULTS) -> Language:
    """A blank English pipeline with the extractor's components, configured from ``models/``."""
    directory = Path(settings.models_dir) if settings.models_dir else models_dir()
    config = spacy.util.load_config(directory / "pipeline.cfg")
    if settings.models_dir:
        for name in ("extractor_companies", "extractor_relations"):
            config["components"][name]["models_dir"] = str(directory)
    for name in ("extractor_amounts", "extractor_dates"):
        config["components"][name].setdefault("context_chars", settings.context_chars)
    config["components"]["extractor_relations"].setdefault("coref_window", settings.coref_window)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
