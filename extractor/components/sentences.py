"""Sentence boundaries for news copy: punctuation as spaCy's sentencizer sees it, plus line breaks.

Headlines and bullet points end without a full stop; a line break ends them.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc


class SentenceSplitter:
    def __init__(self, name: str = "extractor_sentences") -> None:
        self.name = name
        self._sentencizer = Sentencizer(punct_chars=[*Sentencizer.default_punct_chars, "...", "…"])

    def __call__(self, doc: Doc) -> Doc:
        doc = self._sentencizer(doc)
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
        return doc


@Language.factory("extractor_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(name)
