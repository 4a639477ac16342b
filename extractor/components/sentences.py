"""Sentence boundaries for news copy: punctuation as spaCy's sentencizer sees it, plus line breaks.

Headlines and bullet points end without a full stop; a line break ends them. A full
stop glued to a code name ("N2P.") ends a sentence unless the token is a known
abbreviation (``models/sentences.yaml``).
"""
from __future__ import annotations

import re

import numpy

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from ..resources import load_yaml


_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


class SentenceSplitter:
    def __init__(self, name: str = "extractor_sentences", models_dir: str | None = None) -> None:
        self.name = name
        self._punct = frozenset([*Sentencizer.default_punct_chars, "...", "…"])
        data = load_yaml("sentences.yaml", models_dir)
        self._abbreviations = frozenset(data["abbreviations"])
        self._starters = frozenset(data["sentence_starters"])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # Token attributes read as arrays: building a Token per access costs more than the rule.
        table = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY]).tolist()
        strings = doc.vocab.strings
        words = [strings[row[0]] for row in table]
        starts = [1] + [0] * (len(words) - 1)
        after_stop = False  # the sentencizer's rule: a token after end punctuation starts a sentence
        for i in range(1, len(words)):
            word, (_, is_punct, is_space, _) = words[i], table[i]
            if words[i - 1] in self._punct and not self._split_abbreviation(words, table, i - 1):
                after_stop = True
            start = after_stop and word not in self._punct and not is_punct
            if start:
                after_stop = False
            if table[i - 1][2] and "\n" in words[i - 1] and not is_space:
                start = True
            elif word[:1].isupper() and self._ends_sentence(words, table, i - 1):
                start = True
            elif is_space and "\n" in word:
                start = False
            starts[i] = 1 if start else -1
        doc.from_array([SENT_START], numpy.asarray(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc

    def _split_abbreviation(self, words: list[str], table: list, stop: int) -> bool:
        """Is a lone full stop the end of an abbreviation the tokenizer split off ("Pte" + "."
        in "Kalimaya Cloud Pte. Ltd. has ordered")?"""
        return words[stop] == "." and stop > 0 and not table[stop - 1][3] and \
            words[stop - 1] + "." in self._abbreviations and stop + 1 < len(words) and words[stop + 1] not in self._starters

    def _ends_sentence(self, words: list[str], table: list, stop: int) -> bool:
        """Does a token with a glued full stop ("N2P.", "CoWoS-L.", "Inc.") end its sentence?"""
        text = words[stop]
        if len(text) < 2 or not text.endswith(".") or not table[stop][3]:
            return False
        if text in self._abbreviations:
            return words[stop + 1] in self._starters
        initial = _INITIALS.fullmatch(text)
        glued_to_previous = stop > 0 and not table[stop - 1][3]
        return not initial or glued_to_previous


@Language.factory("extractor_sentences", default_config={"models_dir": None})
def make_sentence_splitter(nlp: Language, name: str, models_dir: str | None) -> SentenceSplitter:
    return SentenceSplitter(name, models_dir)
