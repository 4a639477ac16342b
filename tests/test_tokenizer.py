"""How spaCy's blank English tokenizer splits the strings our rules depend on.

Pinned here so that a spaCy upgrade that changes them fails in this file first,
not in forty pattern tests.
"""
import pytest
import spacy


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("en").tokenizer


@pytest.mark.parametrize(
    "text, tokens",
    [
        pytest.param("US$50 billion", ["US$", "50", "billion"], id="US$ prefix"),
        pytest.param("$16.5B", ["$", "16.5B"], id="dollar with B suffix"),
        pytest.param("2-nanometer process", ["2", "-", "nanometer", "process"], id="hyphenated node"),
        pytest.param("Meta’s MTIA", ["Meta", "’s", "MTIA"], id="curly possessive"),
        pytest.param("Samsung's foundry", ["Samsung", "'s", "foundry"], id="straight possessive"),
        pytest.param("Samsung Electronics' System LSI", ["Samsung", "Electronics", "'", "System", "LSI"],
                     id="plural possessive"),
        pytest.param("₩22.7647 trillion", ["₩", "22.7647", "trillion"], id="won sign"),
        pytest.param("NT$1.2tn", ["NT$1.2tn"], id="NT dollar stays one token"),
        pytest.param("Nvidia Corp.'s", ["Nvidia", "Corp.", "'s"], id="legal suffix then possessive"),
        pytest.param("1.4nm-class", ["1.4nm", "-", "class"], id="node class"),
        pytest.param("4Q25", ["4Q25"], id="quarter shorthand"),
        pytest.param("growth... The", ["growth", "...", "The"], id="ellipsis"),
    ],
)
def test_tokenizer_splits(tokenizer, text, tokens):
    assert [t.text for t in tokenizer(text)] == tokens


@pytest.fixture(scope="module")
def extractor_tokenizer():
    import extractor
    return extractor.load().tokenizer


@pytest.mark.parametrize(
    "text, tokens",
    [
        pytest.param("2026--Sylvane Compute", ["2026", "--", "Sylvane", "Compute"],
                     id="a press-wire dateline's double hyphen is a token of its own"),
        pytest.param("WIRE)--October", ["WIRE)", "--", "October"], id="after a bracket"),
        pytest.param("2-nanometer process", ["2", "-", "nanometer", "process"], id="one hyphen splits as before"),
        pytest.param("well-known firm", ["well", "-", "known", "firm"], id="a hyphenated word as before"),
    ],
)
def test_the_extractors_tokenizer_splits_off_double_hyphens(extractor_tokenizer, text, tokens):
    assert [t.text for t in extractor_tokenizer(text)] == tokens
