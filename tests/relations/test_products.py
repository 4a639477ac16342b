"""The whole-word search for product names an article teaches matches the pattern it replaced."""
import random
import re

from extractor.relations.products import _whole_word_starts


def _pattern_starts(text: str, name: str, start: int, end: int) -> list[int]:
    return [m.start() for m in re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])").finditer(text, start, end)]


def test_whole_word_starts_examples():
    text = "MTIA, MTIA-2 and MTIAv2 (xMTIA); the MTIA chip"
    alone = text.index("the MTIA") + 4
    assert _whole_word_starts(text, "MTIA", 0, len(text)) == [0, alone]
    assert _whole_word_starts(text, "MTIA", 1, alone + 4) == [alone]  # ends where the search ends
    assert _whole_word_starts(text, "MTIA", alone + 1, len(text)) == []
    assert _whole_word_starts("é-MTIA MTIA²", "MTIA", 0, 12) == []  # a hyphen and a digit join words


def test_whole_word_starts_as_the_pattern():
    rng = random.Random(8)
    for _ in range(20000):
        name = "".join(rng.choice("aM-1é") for _ in range(rng.randint(1, 3)))
        text = "".join(rng.choice("aM-1é_ .²\n") for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert _whole_word_starts(text, name, start, end) == _pattern_starts(text, name, start, end)
