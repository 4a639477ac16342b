"""Sentence boundaries of news copy: where a full stop ends a sentence and where it only
closes an abbreviation or a legal suffix (models/sentences.yaml)."""
import pytest

import extractor


@pytest.fixture(scope="module")
def nlp():
    return extractor.load()


@pytest.mark.parametrize(
    "text, sentences",
    [
        pytest.param("Helix Compute Inc. will build the chip. TSMC will make it.",
                     ["Helix Compute Inc. will build the chip.", "TSMC will make it."], id="Inc. inside a sentence"),
        pytest.param("The chip is built by TSMC Inc. The deal closed in May.",
                     ["The chip is built by TSMC Inc.", "The deal closed in May."],
                     id="an abbreviation before a sentence starter ends the sentence"),
        pytest.param("Kalimaya Cloud Pte. Ltd. has ordered 2,000 GPUs from Nvidia.",
                     ["Kalimaya Cloud Pte. Ltd. has ordered 2,000 GPUs from Nvidia."],
                     id="an abbreviation the tokenizer splits off its stop"),
        pytest.param("Teraju Data Sdn. Bhd. will rent the racks out.",
                     ["Teraju Data Sdn. Bhd. will rent the racks out."], id="Sdn. Bhd."),
        pytest.param("The order went to Kalimaya Cloud Pte. The company said so.",
                     ["The order went to Kalimaya Cloud Pte.", "The company said so."],
                     id="a split-off abbreviation before a sentence starter ends the sentence"),
        pytest.param("Apple's A20 is made on N2P. Apple said so.", ["Apple's A20 is made on N2P.", "Apple said so."],
                     id="a code name glued to its full stop"),
        pytest.param("SK hynix takes Nvidia order\nThe deal is large.", ["SK hynix takes Nvidia order", "The deal is large."],
                     id="a headline ends at its line break"),
    ],
)
def test_sentence_boundaries(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences
