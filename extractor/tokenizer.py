"""spaCy's English tokenizer, plus the splits news copy needs that it does not make.

A press-wire dateline glues its dashes to the words around them ("(BUSINESS WIRE)--October
20, 2026--Sylvane Compute SAS"); spaCy leaves "-Sylvane" as one token, so the company's
name no longer starts with a capital. A double hyphen is split off as its own token here.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

# a dash written as two or more hyphens, between any two characters
_EXTRA_INFIXES = [r"-{2,}"]


@spacy.registry.tokenizers("extractor.Tokenizer.v1")
def create_tokenizer():
    """The registered tokenizer factory (``[nlp.tokenizer]`` in ``models/pipeline.cfg``)."""
    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language):
        tokenizer = default(nlp)
        infixes = _EXTRA_INFIXES + list(nlp.Defaults.infixes)  # (first: a default rule would take one hyphen)
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return tokenizer

    return make
