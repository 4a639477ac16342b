"""Sentence boundaries for news copy: punctuation as spaCy's sentencizer sees it, plus line breaks.

Headlines and bullet points end without a full stop; a line break ends them. A full
stop glued to a code name ("N2P.") ends a sentence unless the token is a known
abbreviation (``models/sentences.yaml``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from ..resources import load_yaml


class SentenceSplitter:
    def __init__(self, name: str = "extractor_sentences", models_dir: str | None = None) -> None:
        self.name = name
        self._punct = frozenset([*Sentencizer.default_punct_chars, "...", "…"])
        data = load_yaml("sentences.yaml", models_dir)
        self._abbreviations = frozenset(data["abbreviations"])
        self._starters = frozenset(data["sentence_starters"])

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        if tokens:
            tokens[0].is_sent_start = True
        after_stop = False  # the sentencizer's rule: a token after end punctuation starts a sentence
        for previous, token in zip(tokens, tokens[1:]):
            text = token.text
            if previous.text in self._punct:
                after_stop = True
            if after_stop and text not in self._punct and not token.is_punct:
                start, after_stop = True, False
            else:
                start = False
            if "\n" in previous.text_with_ws and not token.is_space:
                start = True
            elif text[:1].isupper() and self._ends_sentence(tokens, previous, token):
                start = True
            elif token.is_space and "\n" in text:
                start = False
            token.is_sent_start = start
        return doc


    def _ends_sentence(self, tokens: list, stop, following) -> bool:
        """Does a token with a glued full stop ("N2P.", "CoWoS-L.", "Inc.") end its sentence?"""
        text = stop.text
        if len(text) < 2 or not text.endswith(".") or not stop.whitespace_:
            return False
        if text in self._abbreviations:
            return following.text in self._starters
        initial = re.fullmatch(r"(?:[A-Za-z]\.)+", text)
        glued_to_previous = stop.i > 0 and not tokens[stop.i - 1].whitespace_
        return not initial or glued_to_previous


@Language.factory("extractor_sentences", default_config={"models_dir": None})
def make_sentence_splitter(nlp: Language, name: str, models_dir: str | None) -> SentenceSplitter:
    return SentenceSplitter(name, models_dir)
